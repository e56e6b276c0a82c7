"""PNG helpers for the studio's pictures (Qt does the scaling)."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage

THUMBNAIL_WIDTH = 320


def thumbnail(png: bytes, width: int = THUMBNAIL_WIDTH) -> bytes:
    """A small PNG of a screenshot, for the step list (the input itself when it is not an image)."""
    image = QImage.fromData(png)
    if image.isNull():
        return png
    scaled = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    scaled.save(buffer, "PNG")
    return bytes(data)
