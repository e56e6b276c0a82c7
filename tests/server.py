"""A local HTTP server for runtime tests: fixture pages registered per test, plus static folders."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

TYPES = {
    ".js": "text/javascript",
    ".json": "application/json",
    ".css": "text/css",
    ".html": "text/html",
    ".svg": "image/svg+xml",
    ".png": "image/png",
}


class TestServer:
    """Serves registered pages and folders on 127.0.0.1; ``stop()`` ends it."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[bytes, str, dict[str, str]]] = {}
        self.folders: dict[str, Path] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - stdlib name
                path = urlsplit(self.path).path
                found = server.lookup(path)
                if found is None:
                    self.send_error(404)
                    return
                body, ctype, headers = found
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        """Base address, e.g. http://127.0.0.1:40123."""
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def page(
        self, path: str, html: str, headers: dict[str, str] | None = None, ctype: str = "text/html"
    ) -> str:
        """Serve ``html`` at ``path`` (prefix-matched when it ends with ``*``); returns its URL."""
        self.pages[path] = (html.encode("utf-8"), f"{ctype}; charset=utf-8", headers or {})
        return self.url + path.rstrip("*")

    def folder(self, prefix: str, root: Path) -> None:
        """Serve the files of ``root`` under ``prefix``."""
        self.folders[prefix] = root

    def lookup(self, path: str) -> tuple[bytes, str, dict[str, str]] | None:
        if path in self.pages:
            return self.pages[path]
        for key, value in self.pages.items():
            if key.endswith("*") and path.startswith(key[:-1]):
                return value
        for prefix, root in self.folders.items():
            if path.startswith(prefix):
                file = (root / path[len(prefix) :]).resolve()
                if file.is_file() and root.resolve() in file.parents:
                    return file.read_bytes(), TYPES.get(file.suffix, "application/octet-stream"), {}
        return None

    def reset(self) -> None:
        """Forget the pages registered by a test."""
        self.pages.clear()
        self.folders.clear()

    def stop(self) -> None:
        """Stop serving."""
        self._httpd.shutdown()
        self._httpd.server_close()
