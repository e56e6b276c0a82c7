"""Project › Theme and settings: brand colours, font and radius with a live preview, the app address."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ..app import ProjectSession
from ..app.forms import FieldSpec
from ..app.project_forms import SETTINGS_FIELDS, THEME_FIELDS
from .form import FormView

NAME_FIELD = (FieldSpec(("name",), "Project name", "line"),)


class ThemePreview(QWidget):
    """A miniature page with a highlighted button and a callout in the theme's colours."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme: dict = {}
        self.setMinimumSize(300, 240)
        self.setAccessibleName("Theme preview")

    def show_theme(self, theme: dict) -> None:
        """Repaint with these theme values."""
        self.theme = dict(theme)
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt override
        """Draw the page, the dimmed backdrop, the highlight and the callout."""
        t = self.theme
        primary = QColor(t.get("primary_color", "#2563eb"))
        text = QColor(t.get("text_color", "#1f2937"))
        background = QColor(t.get("background_color", "#ffffff"))
        radius = float(t.get("border_radius", 8))
        font = QFont(str(t.get("font_family", "sans-serif")).split(",")[0].strip(" '\""))
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.width(), self.height()
        p.fillRect(0, 0, w, h, QColor("#eef1f5"))
        p.fillRect(0, 0, w, 28, QColor("#ffffff"))
        for i in range(3):
            p.fillRect(16, 48 + i * 22, w - 120, 10, QColor("#d9dde3"))
        button = QRectF(w - 92, 44, 72, 28)
        p.fillRect(self.rect(), QColor(0, 0, 0, int(2.55 * float(t.get("backdrop_opacity", 50)) * 0.6)))
        p.setPen(QPen(primary, 3))
        p.setBrush(QColor("#ffffff"))
        p.drawRoundedRect(button.adjusted(-4, -4, 4, 4), 6, 6)
        p.setPen(QColor("#1f2937"))
        p.drawText(button, Qt.AlignmentFlag.AlignCenter, "Save")
        card = QRectF(w - 250, 92, 230, 124)
        p.setPen(QPen(QColor(0, 0, 0, 40), 1))
        p.setBrush(background)
        p.drawRoundedRect(card, radius, radius)
        font.setPixelSize(14)
        font.setBold(True)
        p.setFont(font)
        p.setPen(text)
        p.drawText(card.adjusted(14, 12, -14, 0), "Save your changes")
        font.setBold(False)
        font.setPixelSize(12)
        p.setFont(font)
        p.drawText(
            card.adjusted(14, 36, -14, 0), Qt.TextFlag.TextWordWrap, "Click Save to keep your new settings."
        )
        next_button = QRectF(card.right() - 78, card.bottom() - 40, 64, 28)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(primary)
        p.drawRoundedRect(next_button, min(radius, 14), min(radius, 14))
        p.setPen(QColor("#ffffff"))
        p.drawText(next_button, Qt.AlignmentFlag.AlignCenter, "Next")
        p.setPen(QColor(text.red(), text.green(), text.blue(), 150))
        p.drawText(
            QRectF(card.left() + 14, card.bottom() - 40, 60, 28), Qt.AlignmentFlag.AlignVCenter, "1 of 3"
        )
        p.end()


class ThemeDialog(QDialog):
    """Edits the project's name, theme and settings; each change is saved and undoable."""

    def __init__(self, studio: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.studio = studio
        self.setWindowTitle("Project theme and settings")
        self.forms = [
            FormView(NAME_FIELD, stretch=False),
            FormView(THEME_FIELDS, "Theme", stretch=False),
            FormView(SETTINGS_FIELDS, "Settings", stretch=False),
        ]
        self.scopes = [(), ("theme",), ("settings",)]
        self.preview = ThemePreview()
        self.pending: dict[tuple, tuple[object, str]] = {}
        left = QVBoxLayout()
        for form, scope in zip(self.forms, self.scopes, strict=True):
            form.edited.connect(lambda path, value, scope=scope: self._edit(scope + path, value))
            left.addWidget(form)
        left.addStretch()
        right = QVBoxLayout()
        caption = QLabel("Preview")
        caption.setObjectName("paneTitle")
        right.addWidget(caption)
        right.addWidget(self.preview)
        right.addStretch()
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(right, 2)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.close)
        outer = QVBoxLayout(self)
        outer.addLayout(body)
        outer.addWidget(close)
        self.resize(900, 560)
        self.refresh()

    def _edit(self, path: tuple, value) -> None:
        problem = self.studio.set_project_value(path, value)
        if problem:
            self.pending[path] = (value, problem.split(": ", 1)[-1])
        else:
            self.pending.pop(path, None)
        self.refresh()

    def _value(self, path: tuple):
        return self.pending[path][0] if path in self.pending else self.studio.project_value(path)

    def refresh(self) -> None:
        """Show the saved values, and refused changes as typed with their message on the field."""
        for form, scope in zip(self.forms, self.scopes, strict=True):
            placed = {p[len(scope) :]: m for p, (_v, m) in self.pending.items() if p[: len(scope)] == scope}
            placed = {p: m for p, m in placed.items() if len(p) == 1}
            form.show_values("", lambda path, scope=scope: self._value(scope + path), (placed, []))
        self.preview.show_theme(self.studio.project_value(("theme",)))
