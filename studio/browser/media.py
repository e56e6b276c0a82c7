"""Project images served to a studio browser (preview, tests) as an exported bundle's folder would be.

The runtime reads a step's ``media/<hash>.png`` beside the bundle, or under its ``mediaBase``: in the
studio's own browsers that base is an address no network answers, and the context answers it from
the project's images (anything else under it is a 404).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..domain.media import MEDIA_FOLDER, media_type

STUDIO_MEDIA_BASE = "https://media.guide-studio.invalid/"
"""The ``mediaBase`` the studio's browsers give the runtime; images are answered under it."""
_PATTERN = STUDIO_MEDIA_BASE + "**"


def _answer(files: Mapping[str, bytes]):
    def handle(route: Any) -> Any:
        path = route.request.url[len(STUDIO_MEDIA_BASE) :].split("?")[0]
        folder, _, name = path.partition("/")
        data = files.get(name) if folder == MEDIA_FOLDER else None
        if data is None:
            return route.fulfill(status=404, body="not a project image")
        return route.fulfill(
            status=200, body=data, content_type=media_type(name), headers={"Access-Control-Allow-Origin": "*"}
        )

    return handle


def serve_media(context: Any, files: Mapping[str, bytes]) -> None:
    """Answer the studio's media address in a sync Playwright ``context`` from ``files`` (by name)."""
    context.unroute(_PATTERN)
    context.route(_PATTERN, _answer(dict(files)))


async def serve_media_async(context: Any, files: Mapping[str, bytes]) -> None:
    """The same for an async Playwright ``context``."""
    await context.unroute(_PATTERN)
    await context.route(_PATTERN, _answer(dict(files)))
