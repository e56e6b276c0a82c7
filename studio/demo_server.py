"""Serve the bundled demo app (Ledgerly) on 127.0.0.1, with a fallback for its SPA routes."""

from __future__ import annotations

import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .paths import DEMO_DIR

SPA_ROUTES = {"/reports": "/reports.html"}
"""Client-side-routed sections: any path below the key is answered with the page."""


class _Handler(SimpleHTTPRequestHandler):
    def translate_path(self, path: str) -> str:
        bare = path.split("?", 1)[0].split("#", 1)[0]
        for prefix, page in SPA_ROUTES.items():
            if bare == prefix or bare.startswith(prefix + "/"):
                return super().translate_path(page)
        return super().translate_path(path)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass


class DemoServer:
    """A background HTTP server for a folder of static pages; ``stop()`` ends it."""

    def __init__(self, root: Path = DEMO_DIR, port: int = 0, host: str = "127.0.0.1") -> None:
        self._server = ThreadingHTTPServer((host, port), partial(_Handler, directory=str(root)))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        """The base address, e.g. ``http://127.0.0.1:8765``."""
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> DemoServer:
        """Start serving on a daemon thread."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and free the port."""
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> DemoServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
