"""Project images written beside the bundle, under the names the bundle's steps use."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from ..domain import Guide
from ..domain.media import MEDIA_FOLDER, media_name, used_media
from .bundle import ExportError


def shipped_media(guides: Iterable[Guide]) -> dict[str, str]:
    """The project images the exported (enabled) guides show, by file name, with where they are shown."""
    return used_media(guide for guide in guides if guide.enabled)


def check_media(used: Mapping[str, str], files: Mapping[str, bytes]) -> None:
    """Refuse (ExportError, in words) an export whose images are not all in the project, unchanged."""
    for name, where in used.items():
        data = files.get(name)
        if data is None:
            raise ExportError(f"the image of {where} is not in the project file; choose it again")
        if media_name(data) != name:
            raise ExportError(f"the image of {where} was changed in the project file; choose it again")


def write_media(out: Path, used: Mapping[str, str], files: Mapping[str, bytes]) -> list[Path]:
    """Write the bundle's images into ``media/`` beside ``out``, each atomically (an identical one stays)."""
    check_media(used, files)
    if not used:
        return []
    folder = out.parent / MEDIA_FOLDER
    written = []
    try:
        folder.mkdir(exist_ok=True)
        for name in sorted(used):
            path = folder / name
            if not (path.is_file() and path.read_bytes() == files[name]):
                tmp = folder / f".{name}.tmp"
                tmp.write_bytes(files[name])
                tmp.replace(path)
            written.append(path)
    except OSError as exc:
        raise ExportError(f"cannot write {folder}: {exc.strerror or exc}") from None
    return written
