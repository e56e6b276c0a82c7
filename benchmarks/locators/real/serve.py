"""Serve the unpacked packages as deployed, offline: their own files on the benchmark origin,
CDN requests from a pinned sibling package, everything else blocked."""

from __future__ import annotations

import mimetypes
from urllib.parse import unquote, urlsplit

from .corpus import ORIGIN, SIBLINGS, folder


def _file_response(route, path) -> None:
    if not path.is_file():
        route.fulfill(status=404, body="")
        return
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    route.fulfill(status=200, content_type=kind, body=path.read_bytes())


def handle(route) -> None:
    """Answer one request from the cache, or abort it (no request leaves the machine)."""
    url = route.request.url
    if url.startswith(ORIGIN + "/"):
        spec, _, rest = unquote(urlsplit(url).path).lstrip("/").partition("/")
        if spec.startswith("@") or "@" not in spec:  # a scoped name spans two segments
            more, _, rest = rest.partition("/")
            spec = f"{spec}/{more}"
        _file_response(route, folder(spec) / rest)
        return
    bare = url.split("://", 1)[-1].split("?", 1)[0]
    for prefix, sibling in SIBLINGS.items():
        if bare.startswith(prefix):
            # maxcdn.bootstrapcdn.com/font-awesome/<version>/css/x.css -> css/x.css
            tail = bare[len(prefix) :].split("/", 1)[-1]
            _file_response(route, folder(sibling) / tail)
            return
    route.abort()


def install(context) -> None:
    """Route every request of a Playwright browser context through ``handle``."""
    context.route("**/*", handle)
