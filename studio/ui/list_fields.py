"""Editors for small lists: callout buttons, a question's answers and audience conditions."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QGridLayout, QPushButton, QVBoxLayout, QWidget

from ..app.forms import CONDITION_OPS, FieldSpec
from ..app.step_forms import BUTTON_ACTIONS
from .fields import Field, named_combo, named_line

_NO_VALUE = {"exists", "not_exists"}
_LIST_VALUE = {"one_of", "not_one_of"}
_NUMBER_VALUE = {"greater_than", "less_than"}


class _Rows(Field):
    """A list of records edited as a grid of rows, with Add and a remove button per row."""

    add_label = "Add"
    limit = 4

    def __init__(self, spec: FieldSpec) -> None:
        super().__init__(spec)
        box = QVBoxLayout()
        box.setContentsMargins(0, 0, 0, 0)
        self.head = QWidget()
        self.head_layout = QGridLayout(self.head)
        self.head_layout.setContentsMargins(0, 0, 0, 0)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(self.add_label)
        self.add_button.setAccessibleName(f"{spec.label}: {self.add_label.lower()}")
        self.add_button.clicked.connect(self._add)
        box.addWidget(self.head)
        box.addWidget(self.grid_host)
        box.addWidget(self.add_button)
        self.row.addLayout(box)
        self.records: list[dict[str, Any]] = []
        self.guides: list[tuple[str, str]] = []

    def set_context(self, guides: list[tuple[str, str]]) -> None:
        self.guides = guides

    def show_value(self, value: Any) -> None:
        records = [dict(r) for r in self.list_of(value)]
        if records == self.records and self.grid.count():
            return  # what the author is typing: rebuilding would take the focus away
        self.records = records
        self._rebuild()

    def list_of(self, value: Any) -> list[dict[str, Any]]:
        """The records inside the stored value."""
        return list(value or [])

    def stored(self) -> Any:
        """The stored value for the current records."""
        return self.records or None

    def new_record(self) -> dict[str, Any]:
        """A record added by Add."""
        raise NotImplementedError

    def row_widgets(self, index: int, record: dict[str, Any]) -> list[QWidget]:
        """The widgets of one row (their changes call ``changed``)."""
        raise NotImplementedError

    def _rebuild(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget():
                item.widget().hide()  # gone at once, even before the event loop deletes it
                item.widget().deleteLater()
        for index, record in enumerate(self.records):
            widgets = self.row_widgets(index, record)
            remove = QPushButton("✕")
            remove.setFixedWidth(28)
            remove.setToolTip("Remove")
            remove.setAccessibleName(f"Remove {self.spec.label.lower()} {index + 1}")
            remove.clicked.connect(lambda _c=False, i=index: self._remove(i))
            for column, widget in enumerate([*widgets, remove]):
                self.grid.addWidget(widget, index, column)
        self.add_button.setEnabled(len(self.records) < self.limit)

    def changed(self, index: int, key: str, value: Any) -> None:
        """One cell edited."""
        if value in (None, ""):
            self.records[index].pop(key, None)
        else:
            self.records[index][key] = value
        self.emit(self.stored())

    def _add(self) -> None:
        self.records.append(self.new_record())
        self._rebuild()
        self.emit(self.stored())

    def _remove(self, index: int) -> None:
        del self.records[index]
        self._rebuild()
        self.emit(self.stored())


class ButtonsField(_Rows):
    """Up to four callout buttons: label, what it does, its link or guide, primary."""

    add_label = "Add button"
    limit = 4

    def new_record(self) -> dict[str, Any]:
        return {"label": "Next", "action": "next"}

    def row_widgets(self, index: int, record: dict[str, Any]) -> list[QWidget]:
        n = index + 1
        label = named_line(record.get("label", ""), f"Button {n} label", "Label")
        label.textEdited.connect(lambda t, i=index: self.changed(i, "label", t))
        action = named_combo(BUTTON_ACTIONS, record.get("action", "next"), f"Button {n} action")
        action.currentIndexChanged.connect(lambda _x, i=index, c=action: self._action(i, c.currentData()))
        kind = record.get("action")
        if kind == "start_guide":
            extra = named_combo(
                [(None, "(choose a guide)"), *self.guides], record.get("guide_id"), f"Button {n} guide"
            )
            extra.currentIndexChanged.connect(
                lambda _x, i=index, c=extra: self.changed(i, "guide_id", c.currentData())
            )
        else:
            extra = named_line(record.get("url", ""), f"Button {n} address", "https://…")
            extra.setEnabled(kind == "url")
            extra.textEdited.connect(lambda t, i=index: self.changed(i, "url", t))
        primary = QCheckBox("Primary")
        primary.setAccessibleName(f"Button {n} is primary")
        primary.setChecked(bool(record.get("primary")))
        primary.toggled.connect(lambda on, i=index: self.changed(i, "primary", on or None))
        return [label, action, extra, primary]

    def _action(self, index: int, action: str) -> None:
        self.records[index]["action"] = action
        self.changed(index, "action", action)
        self._rebuild()


class OptionsField(_Rows):
    """The answers of a choice question: 2 to 12 labels (each keeps the id its events report)."""

    add_label = "Add answer"
    limit = 12

    def new_record(self) -> dict[str, Any]:
        used = {record.get("id") for record in self.records}
        n = next(n for n in range(1, 100) if f"option-{n}" not in used)
        return {"id": f"option-{n}", "label": f"Option {n}"}

    def row_widgets(self, index: int, record: dict[str, Any]) -> list[QWidget]:
        label = named_line(record.get("label", ""), f"Answer {index + 1}", "Answer")
        label.setToolTip(f"Reported as “{record.get('id', '')}”")
        label.textEdited.connect(lambda t, i=index: self.changed(i, "label", t))
        return [label]


class AudienceField(_Rows):
    """Who sees the guide: all/any of conditions over user attributes, e.g. plan equals pro."""

    add_label = "Add condition"
    limit = 50

    def __init__(self, spec: FieldSpec) -> None:
        super().__init__(spec)
        self.match = named_combo(
            (("all", "Users matching all of:"), ("any", "Users matching any of:")), "all", "Match"
        )
        self.match.currentIndexChanged.connect(lambda _i: self.emit(self.stored()))
        self.head_layout.addWidget(self.match, 0, 0)

    def list_of(self, value: Any) -> list[dict[str, Any]]:
        value = value or {}
        self.match.setCurrentIndex(max(self.match.findData(value.get("match", "all")), 0))
        self.head.setVisible(bool(value))
        return list(value.get("conditions", []))

    def stored(self) -> Any:
        if not self.records:
            return None
        return {"match": self.match.currentData(), "conditions": self.records}

    def new_record(self) -> dict[str, Any]:
        return {"attribute": "plan", "op": "equals", "value": ""}

    def row_widgets(self, index: int, record: dict[str, Any]) -> list[QWidget]:
        n = index + 1
        attribute = named_line(record.get("attribute", ""), f"Condition {n} attribute", "attribute")
        attribute.textEdited.connect(lambda t, i=index: self.changed(i, "attribute", t))
        op = named_combo(CONDITION_OPS, record.get("op", "equals"), f"Condition {n} comparison")
        value = record.get("value")
        shown = ", ".join(value) if isinstance(value, list) else "" if value is None else str(value)
        edit = named_line(shown, f"Condition {n} value", "value (a, b, c for lists)")
        edit.setEnabled(record.get("op") not in _NO_VALUE)
        op.currentIndexChanged.connect(
            lambda _x, i=index, c=op, e=edit: self._op(i, c.currentData(), e.text())
        )
        edit.textEdited.connect(
            lambda t, i=index, c=op: self.changed(i, "value", self.parse(c.currentData(), t))
        )
        return [attribute, op, edit]

    @staticmethod
    def parse(op: str, text: str) -> Any:
        """The condition value typed as text, in the shape its comparison needs."""
        if op in _NO_VALUE:
            return None
        if op in _LIST_VALUE:
            return [part.strip() for part in text.split(",") if part.strip()]
        if op in _NUMBER_VALUE:
            try:
                return float(text)
            except ValueError:
                return text
        return text

    def _op(self, index: int, op: str, text: str) -> None:
        self.records[index]["op"] = op
        self.changed(index, "value", self.parse(op, text))
        self._rebuild()
