"""Serving the sandbox over TCP with uvicorn."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

import uvicorn

from ._app import Sandbox

__all__ = ["serve", "serving"]


def _server(sandbox: Sandbox, host: str, port: int) -> uvicorn.Server:
    config = uvicorn.Config(
        sandbox,
        host=host,
        port=port,
        log_level="warning",
        lifespan="on",
        # the sandbox writes its own Date header from its (possibly virtual) clock
        date_header=False,
        server_header=False,
    )
    return uvicorn.Server(config)


def serve(sandbox: Sandbox, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve ``sandbox`` until interrupted (blocking)."""
    _server(sandbox, host, port).run()


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
