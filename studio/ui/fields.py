"""One editor widget per kind of field; each shows a plain value and emits ``edited(value)``.

Values are the draft's plain data (strings, numbers, dicts, lists, None), so the form
never knows about the models; the application layer validates.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ..app.forms import FieldSpec
from ..app.question_forms import scale_preview
from .richtext import RichTextEdit


def named_line(text: str, name: str, placeholder: str = "") -> QLineEdit:
    """A line edit with its accessible name (and a placeholder), for editors made of several parts."""
    edit = QLineEdit(text, placeholderText=placeholder)
    edit.setAccessibleName(name)
    return edit


def named_combo(choices, current: Any, name: str) -> QComboBox:
    """A choice box of ``(value, label)`` pairs with its accessible name, showing ``current``."""
    combo = QComboBox()
    combo.setAccessibleName(name)
    for value, label in choices:
        combo.addItem(label, value)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    return combo


class Field(QWidget):
    """Base of the editors: ``set_value`` shows a value silently, user changes emit ``edited``."""

    edited = Signal(object)

    def __init__(self, spec: FieldSpec) -> None:
        super().__init__()
        self.spec = spec
        self._quiet = False
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.setAccessibleName(spec.label)

    def set_value(self, value: Any) -> None:
        """Show ``value`` without emitting ``edited``."""
        self._quiet = True
        try:
            self.show_value(value)
        finally:
            self._quiet = False

    def show_value(self, value: Any) -> None:
        """Subclasses put ``value`` into their widgets."""
        raise NotImplementedError

    def emit(self, value: Any) -> None:
        """Report a change made by the author (not one made by ``set_value``)."""
        if not self._quiet:
            self.edited.emit(value)

    def set_owner(self, owner: object) -> None:
        """The form now shows another guide, step or item (``owner``): editors with state of their own
        beyond the value (a "try an address" box) keep it per owner."""

    def set_context(self, guides: list[tuple[str, str]]) -> None:
        """The project's guides, for fields that refer to one."""

    def set_images(self, images: Any) -> None:
        """Where the project keeps its images (the session), for fields that add or show one."""


class LineField(Field):
    """One line of text; empty means None for optional fields."""

    def __init__(self, spec: FieldSpec) -> None:
        super().__init__(spec)
        self.edit = QLineEdit()
        self.edit.setAccessibleName(spec.label)
        self.edit.textEdited.connect(lambda text: self.emit(text if text or not self.spec.optional else None))
        self.row.addWidget(self.edit)

    def show_value(self, value: Any) -> None:
        if self.edit.text() != (value or ""):
            self.edit.setText("" if value is None else str(value))


class TextField(Field):
    """A few lines of plain text."""

    def __init__(self, spec: FieldSpec) -> None:
        super().__init__(spec)
        self.edit = QPlainTextEdit()
        self.edit.setAccessibleName(spec.label)
        self.edit.setFixedHeight(64)
        self.edit.textChanged.connect(lambda: self.emit(self.edit.toPlainText()))
        self.row.addWidget(self.edit)

    def show_value(self, value: Any) -> None:
        if self.edit.toPlainText() != (value or ""):
            self.edit.setPlainText(value or "")


class HtmlField(Field):
    """Rich step text."""

    def __init__(self, spec: FieldSpec) -> None:
        super().__init__(spec)
        self.edit = RichTextEdit()
        self.edit.edited.connect(self.emit)
        self.row.addWidget(self.edit)
        self._owner: object = None

    def set_owner(self, owner: object) -> None:
        """Another step's text: what is typed next starts plain (no link or bold carried over)."""
        if owner != self._owner:
            self._owner = owner
            self.edit.start_plain()

    def show_value(self, value: Any) -> None:
        self.edit.set_value(value)


class IntField(Field):
    """A whole number within the model's limits."""

    def __init__(self, spec: FieldSpec) -> None:
        super().__init__(spec)
        # An optional number is empty one below its minimum ("never", "none").
        self.empty = spec.minimum - 1 if spec.optional else None
        self.spin = QSpinBox(minimum=spec.minimum if self.empty is None else self.empty, maximum=spec.maximum)
        self.spin.setSuffix(spec.suffix)
        if self.empty is not None:
            self.spin.setSpecialValueText(spec.empty_text)
        self.spin.setAccessibleName(spec.label)
        if spec.maximum >= 1000 and not spec.optional:
            self.spin.setSingleStep(100)
        self.spin.valueChanged.connect(lambda n: self.emit(None if n == self.empty else n))
        self.row.addWidget(self.spin)
        self.row.addStretch()

    def show_value(self, value: Any) -> None:
        self.spin.setValue(self.empty if value is None and self.empty is not None else int(value or 0))


class BoolField(Field):
    """Yes or no."""

    def __init__(self, spec: FieldSpec) -> None:
        super().__init__(spec)
        self.check = QCheckBox()
        self.check.setAccessibleName(spec.label)
        self.check.toggled.connect(self.emit)
        self.row.addWidget(self.check)
        self.row.addStretch()

    def show_value(self, value: Any) -> None:
        self.check.setChecked(bool(value))


class ChoiceField(Field):
    """One of a fixed list, shown in words."""

    def __init__(self, spec: FieldSpec, choices: tuple[tuple[str, str], ...] | None = None) -> None:
        super().__init__(spec)
        self.combo = QComboBox()
        self.combo.setAccessibleName(spec.label)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for value, label in choices or spec.choices:
            self.combo.addItem(label, value)
        self.combo.currentIndexChanged.connect(lambda _i: self.emit(self.combo.currentData()))
        self.row.addWidget(self.combo)
        self.row.addStretch()

    def show_value(self, value: Any) -> None:
        foreign = self.combo.findData(FOREIGN, Qt.ItemDataRole.UserRole + 1)
        if foreign >= 0 and self.combo.itemData(foreign) != value:
            self.combo.removeItem(foreign)
        index = self.combo.findData(value)
        if index < 0 and isinstance(value, str) and value:
            # a value the list does not offer (saved elsewhere) shows as itself, never as the first choice
            self.combo.addItem(f"{value.replace('_', ' ')} (not one of these choices)", value)
            index = self.combo.count() - 1
            self.combo.setItemData(index, FOREIGN, Qt.ItemDataRole.UserRole + 1)
        self.combo.setCurrentIndex(max(index, 0))


FOREIGN = "foreign"
"""Marks the item of a value the list does not offer."""


class GuideField(ChoiceField):
    """Another guide of the project, by name."""

    def set_context(self, guides: list[tuple[str, str]]) -> None:
        current = self.combo.currentData()
        self._quiet = True
        self.combo.clear()
        self.combo.addItem("(choose a guide)", None)
        for guide_id, name in guides:
            self.combo.addItem(name, guide_id)
        self.combo.setCurrentIndex(max(self.combo.findData(current), 0))
        self._quiet = False


class ColorField(Field):
    """A #rrggbb colour: a swatch that opens the colour picker, and the hex code."""

    def __init__(self, spec: FieldSpec) -> None:
        super().__init__(spec)
        self.swatch = QPushButton()
        self.swatch.setFixedSize(32, 24)
        self.swatch.setAccessibleName(f"Choose {spec.label.lower()}")
        self.swatch.clicked.connect(self._pick)
        self.edit = QLineEdit(maxLength=7)
        self.edit.setAccessibleName(spec.label)
        self.edit.setFixedWidth(90)
        self.edit.textEdited.connect(self.emit)
        self.row.addWidget(self.swatch)
        self.row.addWidget(self.edit)
        self.row.addStretch()

    def show_value(self, value: Any) -> None:
        if self.edit.text() != (value or ""):
            self.edit.setText(value or "")
        self.swatch.setStyleSheet(
            f"background:{value}; border:1px solid rgba(128,128,128,0.4); border-radius:4px"
        )

    def _pick(self) -> None:
        color = QColorDialog.getColor(QColor(self.edit.text()), self, self.spec.label)
        if color.isValid():
            self.show_value(color.name())
            self.emit(color.name())


class DateTimeField(Field):
    """An optional date and time (stored in UTC)."""

    def __init__(self, spec: FieldSpec) -> None:
        super().__init__(spec)
        self.enabled = QCheckBox("Set")
        self.enabled.setAccessibleName(f"{spec.label}: set a date")
        self.when = QDateTimeEdit(calendarPopup=True, displayFormat="yyyy-MM-dd HH:mm")
        self.when.setAccessibleName(spec.label)
        self.when.setDateTime(QDateTime.currentDateTime())
        self.enabled.toggled.connect(self._changed)
        self.when.dateTimeChanged.connect(self._changed)
        self.row.addWidget(self.enabled)
        self.row.addWidget(self.when)
        self.row.addStretch()

    def show_value(self, value: Any) -> None:
        self.enabled.setChecked(value is not None)
        self.when.setEnabled(value is not None)
        if value:
            seconds = int(datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp())
            if self.when.dateTime().toSecsSinceEpoch() != seconds:  # leave the section being edited alone
                self.when.setDateTime(QDateTime.fromSecsSinceEpoch(seconds))

    def _changed(self, *_args) -> None:
        self.when.setEnabled(self.enabled.isChecked())
        if not self.enabled.isChecked():
            self.emit(None)
            return
        moment = datetime.fromtimestamp(self.when.dateTime().toSecsSinceEpoch(), UTC)
        self.emit(moment.isoformat().replace("+00:00", "Z"))


class ScalePreviewField(Field):
    """What users see of a survey question's answers (read-only, follows every edit)."""

    def __init__(self, spec: FieldSpec) -> None:
        super().__init__(spec)
        self.label = QLabel()
        self.label.setObjectName("scalePreview")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setAccessibleName(spec.label)
        self.row.addWidget(self.label)

    def show_value(self, value: Any) -> None:
        self.label.setText(scale_preview(value if isinstance(value, dict) else {}))
