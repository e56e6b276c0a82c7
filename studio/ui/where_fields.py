"""Where a guide shows: the editors of a page rule (with a live "does it match?" check) and of an element."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QLineEdit, QPushButton

from ..app.forms import URL_MATCHES, FieldSpec
from ..domain import Target, UrlRule
from ..domain.errors import first_error
from .fields import Field


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
