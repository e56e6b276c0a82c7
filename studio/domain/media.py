"""Images kept in the project file: what may be one, its content-derived name, and who shows it.

A project image is referred to by a relative address, ``media/<hash>.<ext>``: the export writes the
file under that name beside the bundle, so the runtime reads it from where the bundle is served. The
name is the SHA-256 of the bytes, so a changed image gets a new name and a cached one is never stale.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from .base import Model

MEDIA_FOLDER = "media"
MAX_IMAGE_BYTES = 5 * 1024 * 1024
IMAGE_TYPES = {
    "png": "image/png",
    "jpg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
    "svg": "image/svg+xml",
}
_LOCAL = re.compile(rf"^{MEDIA_FOLDER}/([0-9a-f]{{32}}\.(?:{'|'.join(IMAGE_TYPES)}))$")
_SVG = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]", re.S)


def image_type(data: bytes) -> str:
    """The file extension of an image's bytes (png, jpg, gif, webp, svg); ValueError in words otherwise."""
    if not data:
        raise ValueError("the image is empty")
    if len(data) > MAX_IMAGE_BYTES:
        raise ValueError(
            f"the image is {len(data) / 1e6:.1f} MB; keep images under {MAX_IMAGE_BYTES // 2**20} MB"
        )
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if _SVG.match(data.lstrip(b"\xef\xbb\xbf")[:4096]):
        return "svg"
    raise ValueError("this file is not a PNG, JPEG, GIF, WebP or SVG image")


def media_name(data: bytes) -> str:
    """The file name a project image is kept and exported under: its hash and type."""
    return f"{hashlib.sha256(data).hexdigest()[:32]}.{image_type(data)}"


def media_src(name: str) -> str:
    """The relative address a step uses for a project image."""
    return f"{MEDIA_FOLDER}/{name}"


def local_media(src: str | None) -> str | None:
    """The project image file name an address refers to, or None for any other address."""
    found = _LOCAL.match(src or "")
    return found.group(1) if found else None


def media_type(name: str) -> str:
    """The MIME type of a project image file name."""
    return IMAGE_TYPES[name.rsplit(".", 1)[-1]]


def used_media(guides: Iterable[Model]) -> dict[str, str]:
    """Every project image the guides show, by file name, with where (for messages)."""
    from .kinds import guide_steps

    found: dict[str, str] = {}
    for guide in guides:
        for number, step in enumerate(guide_steps(guide), 1):
            name = local_media(step.media.src if step.media else None)
            if name and name not in found:
                found[name] = f"“{guide.name}” step {number}"
    return found
