"""Serving the sandbox over TCP with uvicorn."""

from __future__ import annotations

import contextlib
import logging
import socket
import sys
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ._app import Sandbox

if TYPE_CHECKING:
    import uvicorn

__all__ = ["listen", "serve", "serving"]


def _server(sandbox: Sandbox, host: str, port: int, *, access_log: bool = False) -> uvicorn.Server:
    import uvicorn  # only when serving: the command's other uses never need the server

    config = uvicorn.Config(
        sandbox,
        host=host,
        port=port,
        log_level="warning",
        access_log=access_log,
        lifespan="on",
        # the sandbox writes its own Date header from its (possibly virtual) clock
        date_header=False,
        server_header=False,
    )
    if access_log:  # uvicorn's own line per request, the rest of its logging kept quiet
        access = logging.getLogger("uvicorn.access")
        access.setLevel(logging.INFO)
        for handler in access.handlers:  # on stderr: stdout holds the URL and the tokens
            if isinstance(handler, logging.StreamHandler):
                handler.setStream(sys.stderr)
    return uvicorn.Server(config)


def listen(host: str = "127.0.0.1", port: int = 8000) -> socket.socket:
    """A socket bound to ``host:port`` (``port=0``: any free port) and listening, to serve on:
    from the moment it is returned, connections are taken (the server answers them once it
    runs), so a URL printed then is already good.

    Raises:
        OSError: the address cannot be bound (a busy port, an unknown interface).
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(2048)  # uvicorn's own backlog
    except OSError:
        sock.close()
        raise
    return sock


def serve(
    sandbox: Sandbox,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    sock: socket.socket | None = None,
    access_log: bool = False,
) -> None:
    """Serve ``sandbox`` until interrupted (blocking), on ``sock`` if given (see
    `listen()`), else on ``host:port``; ``access_log`` writes a line per request."""
    server = _server(sandbox, host, port, access_log=access_log)
    server.run(sockets=None if sock is None else [sock])


@contextlib.contextmanager
def serving(sandbox: Sandbox, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve ``sandbox`` on a background thread; yields the base URL (``port=0``: a free port)."""
    server = _server(sandbox, host, port)
    thread = threading.Thread(target=server.run, name="intervals-sandbox", daemon=True)
    thread.start()
    try:
        while not server.started:
            if not thread.is_alive():
                raise RuntimeError(f"the sandbox could not start on {host}:{port}")
            threading.Event().wait(0.01)
        bound = server.servers[0].sockets[0].getsockname()[1]
        yield f"http://{host}:{bound}/"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
