"""``python -m intervals_async``: the ``intervals-async`` command."""

from intervals_async.cli import main

main()
