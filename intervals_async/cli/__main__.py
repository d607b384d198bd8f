"""``python -m intervals_async.cli``."""

from intervals_async.cli import main

main()
