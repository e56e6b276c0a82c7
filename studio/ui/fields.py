"""One editor widget per kind of field; each shows a plain value and emits ``edited(value)``.

Values are the draft's plain data (strings, numbers, dicts, lists, None), so the form
never knows about the models; the application layer validates.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDateTimeEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ..app.forms import URL_MATCHES, FieldSpec
from ..app.question_forms import scale_preview
from ..domain import Target, UrlRule
from ..domain.errors import first_error
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
        index = self.combo.findData(value)
        self.combo.setCurrentIndex(max(index, 0))


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


class UrlRuleField(Field):
    """A page rule — how to compare, the value, with query — and a live "does this address match?" check."""

    def __init__(self, spec: FieldSpec) -> None:
        super().__init__(spec)
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        self.match = QComboBox()
        self.match.setAccessibleName(f"{spec.label}: how to compare")
        for value, label in URL_MATCHES:
            self.match.addItem(label, value)
        self.value_edit = QLineEdit(placeholderText="/settings" if spec.optional else "/path")
        self.value_edit.setAccessibleName(f"{spec.label}: address")
        self.query = QCheckBox("include ?query and #hash")
        self.sample = QLineEdit(placeholderText="Try an address, e.g. https://app.example.com/settings")
        self.sample.setAccessibleName(f"{spec.label}: address to test")
        self.verdict = QLabel()
        self.verdict.setAccessibleName(f"{spec.label}: test result")
        self.verdict.hide()
        grid.addWidget(self.match, 0, 0)
        grid.addWidget(self.value_edit, 0, 1)
        grid.addWidget(self.query, 1, 0, 1, 2)
        grid.addWidget(self.sample, 2, 0, 1, 2)
        grid.addWidget(self.verdict, 3, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        self.row.addLayout(grid)
        self.match.currentIndexChanged.connect(self._changed)
        self.value_edit.textEdited.connect(self._changed)
        self.query.toggled.connect(self._changed)
        self.sample.textChanged.connect(self._check)
        self._owner: object = None
        self._samples: dict[object, str] = {}

    def set_owner(self, owner: object) -> None:
        """The address being tried belongs to the guide (and field) it was typed for."""
        if owner == self._owner:
            return
        self._samples[self._owner] = self.sample.text()
        self._owner = owner
        self.sample.setText(self._samples.get(owner, ""))

    def current(self) -> dict[str, Any] | None:
        """The rule as data, or None when the address is empty."""
        value = self.value_edit.text().strip()
        if not value:
            return None
        rule: dict[str, Any] = {"match": self.match.currentData(), "value": value}
        if self.query.isChecked():
            rule["with_query"] = True
        return rule

    def show_value(self, value: Any) -> None:
        value = value or {}
        if value:  # an empty rule keeps the comparison the author just chose
            self.match.setCurrentIndex(max(self.match.findData(value.get("match", "prefix")), 0))
        if self.value_edit.text() != value.get("value", ""):
            self.value_edit.setText(value.get("value", ""))
        self.query.setChecked(bool(value.get("with_query")))
        self._check()

    def _changed(self, *_args) -> None:
        self._check()
        self.emit(self.current())

    def _check(self, *_args) -> None:
        sample = self.sample.text().strip()
        rule = self.current()
        self.verdict.setVisible(bool(sample))
        if not sample:
            self.verdict.setText("")
            return
        if rule is None:
            self.verdict.setText("✓ Matches: every page")
            return
        try:
            matched = UrlRule.model_validate(rule).matches(sample)
        except ValidationError as exc:
            self.verdict.setText(f"⚠ {first_error(exc)}")
            return
        self.verdict.setText("✓ Matches this address" if matched else "✗ Does not match this address")


class TargetField(Field):
    """The element a step or trigger points at: how it is described, and Pick / Clear."""

    pick = Signal()

    def __init__(self, spec: FieldSpec) -> None:
        super().__init__(spec)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.pick_button = QPushButton("Pick…")
        self.pick_button.setToolTip("Choose the element in the browser")
        self.pick_button.setAccessibleName(f"Pick {spec.label.lower()}")
        self.pick_button.clicked.connect(self.pick)
        self.clear_button = QPushButton("Clear")
        self.clear_button.setAccessibleName(f"Clear {spec.label.lower()}")
        self.clear_button.clicked.connect(lambda: self.emit(None))
        self.clear_button.setVisible(spec.optional)
        self.row.addWidget(self.label, 1)
        self.row.addWidget(self.pick_button)
        self.row.addWidget(self.clear_button)

    def show_value(self, value: Any) -> None:
        if not value:
            if not self.spec.optional:
                self.label.setText("No element yet — pick one")
            else:
                self.label.setText(self.spec.empty_text if self.spec.empty_text != "none" else "None")
            self.clear_button.setEnabled(False)
            return
        try:
            text = Target.model_validate(value).describe()
        except ValidationError:
            text = "an element"
        self.label.setText(text)
        self.clear_button.setEnabled(True)


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
