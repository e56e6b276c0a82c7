"""The editor of a step's image or video: a web address, or an image kept in the project file."""

from __future__ import annotations

import os
from typing import Any, Protocol

from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSpinBox

from ..app.forms import FieldSpec
from ..domain.media import MAX_IMAGE_BYTES
from .fields import Field, named_combo, named_line

IMAGE_FILTER = "Images (*.png *.jpg *.jpeg *.gif *.webp *.svg)"
THUMBNAIL = 320


class ImageShelf(Protocol):
    """Where project images are kept (the project session)."""

    def add_image(self, data: bytes) -> str: ...
    def image(self, src: str | None) -> bytes | None: ...


def clipboard_image() -> bytes:
    """The clipboard's image as PNG bytes (or an image file copied in a file manager); ValueError if none."""
    data = QGuiApplication.clipboard().mimeData()
    if data is not None and data.hasImage():
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        data.imageData().save(buffer, "PNG")
        return bytes(buffer.data())
    files = [url.toLocalFile() for url in (data.urls() if data is not None else []) if url.isLocalFile()]
    if files:
        return read_image(files[0])
    raise ValueError("the clipboard holds no image; copy one, or choose a file")


def read_image(path: str) -> bytes:
    """An image file's bytes; ValueError in words when it cannot be read or is too big to keep."""
    try:
        if os.path.getsize(path) > MAX_IMAGE_BYTES:
            raise ValueError(f"{os.path.basename(path)} is over {MAX_IMAGE_BYTES // 2**20} MB")
        with open(path, "rb") as file:
            return file.read()
    except OSError as exc:
        raise ValueError(f"cannot read {os.path.basename(path)}: {exc.strerror or exc}") from None


class MediaField(Field):
    """An image or video above the step text: kind, address or project image, width, description."""

    def __init__(self, spec: FieldSpec) -> None:
        super().__init__(spec)
        self.images: ImageShelf | None = None
        kinds = (("", "None"), ("image", "Image"), ("video", "Video"))
        self.kind = named_combo(kinds, "", f"{spec.label}: kind")
        self.src = named_line("", f"{spec.label}: address", "https://…/picture.png, or choose a file")
        self.alt = named_line("", f"{spec.label}: description", "What it shows (for screen readers)")
        self.choose = QPushButton("Choose file…")
        self.choose.setAccessibleName(f"{spec.label}: choose an image file")
        self.paste = QPushButton("Paste")
        self.paste.setAccessibleName(f"{spec.label}: paste an image")
        self.width = QSpinBox()
        self.width.setRange(0, 1200)
        self.width.setSingleStep(20)
        self.width.setSuffix(" px")
        self.width.setSpecialValueText("Natural width")
        self.width.setAccessibleName(f"{spec.label}: width")
        self.thumb = QLabel()
        self.thumb.setAccessibleName(f"{spec.label}: picture")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setObjectName("hint")
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.kind, 0, 0)
        grid.addWidget(self.src, 0, 1, 1, 3)
        grid.addWidget(self.choose, 1, 1)
        grid.addWidget(self.paste, 1, 2)
        grid.addWidget(self.width, 1, 3)
        grid.addWidget(self.alt, 2, 0, 1, 4)
        grid.addWidget(self.thumb, 3, 0, 1, 4)
        grid.addWidget(self.note, 4, 0, 1, 4)
        grid.setColumnStretch(1, 1)
        self.row.addLayout(grid)
        self.kind.currentIndexChanged.connect(self._changed)
        self.src.textEdited.connect(self._changed)
        self.alt.textEdited.connect(self._changed)
        self.width.valueChanged.connect(self._changed)
        self.width.valueChanged.connect(self._show_thumbnail)
        self.choose.clicked.connect(self._choose)
        self.paste.clicked.connect(lambda: self._keep(clipboard_image))

    def set_images(self, images: ImageShelf | None) -> None:
        """Keep chosen and pasted images in ``images`` (the project)."""
        self.images = images

    def show_value(self, value: Any) -> None:
        value = value or {}
        self.kind.setCurrentIndex(max(self.kind.findData(value.get("kind", "image") if value else ""), 0))
        for edit, text in ((self.src, value.get("src", "")), (self.alt, value.get("alt", ""))):
            if edit.text() != text:
                edit.setText(text)
        self.width.setValue(value.get("width") or 0)
        self.note.clear()
        self._enable(value.get("kind", "image") if value else "")
        self._show_thumbnail()

    def _enable(self, kind: str) -> None:
        for widget in (self.src, self.alt, self.width):
            widget.setEnabled(bool(kind))
        for widget in (self.choose, self.paste):
            widget.setEnabled(kind != "video")

    def _show_thumbnail(self) -> None:
        """The project image as users will see it: at the width asked (else its own), up to THUMBNAIL."""
        data = self.images.image(self.src.text().strip()) if self.images else None
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            width = min(self.width.value() or pixmap.width(), THUMBNAIL)
            self.thumb.setPixmap(pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation))
            self.thumb.show()
        else:
            self.thumb.clear()
            self.thumb.hide()

    def _changed(self, *_args) -> None:
        kind = self.kind.currentData()
        self._enable(kind)
        if not kind:
            self.emit(None)
            return
        media = {"kind": kind, "src": self.src.text().strip(), "alt": self.alt.text()}
        if self.width.value():
            media["width"] = self.width.value()
        self.emit(media)

    def _choose(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self, "Choose an image", "", IMAGE_FILTER)
        if path:
            self._keep(lambda: read_image(path))

    def _keep(self, read) -> None:
        """Put an image (from ``read()``) into the project and show it in this step; say why not."""
        if self.images is None:
            return
        try:
            src = self.images.add_image(read())
        except ValueError as exc:
            self.note.setText(f"Not added: {exc}")
            return
        self.note.setText("Kept in the project file; exported beside the bundle.")
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(self.kind.findData("image"))
        self.kind.blockSignals(False)
        self.src.setText(src)
        self._changed()
        self._show_thumbnail()
        if not self.alt.text():
            self.alt.setFocus()
