"""A property form built from field specs: labels, hints, an editor per field, messages inline."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ..app.forms import FieldPath, FieldSpec
from .fields import (
    BoolField,
    ChoiceField,
    ColorField,
    DateTimeField,
    Field,
    GuideField,
    HtmlField,
    IntField,
    LineField,
    ScalePreviewField,
    TextField,
)
from .list_fields import AudienceField, ButtonsField, OptionsField
from .media_field import MediaField
from .where_fields import TargetField, UrlRuleField

EDITORS: dict[str, type[Field]] = {
    "line": LineField,
    "text": TextField,
    "html": HtmlField,
    "int": IntField,
    "bool": BoolField,
    "choice": ChoiceField,
    "guide": GuideField,
    "color": ColorField,
    "datetime": DateTimeField,
    "url_rule": UrlRuleField,
    "target": TargetField,
    "buttons": ButtonsField,
    "audience": AudienceField,
    "media": MediaField,
    "options": OptionsField,
    "scale_preview": ScalePreviewField,
}
ERROR_STYLE = "color: palette(highlighted-text); background: #c0392b; border-radius: 4px; padding: 2px 6px"


class FormView(QWidget):
    """Shows the values of one object (a guide, a step, an item, the theme) and reports edits."""

    edited = Signal(tuple, object)
    """(path within the object, new value)"""
    pick = Signal(tuple)
    """The author asked to pick the element for this path."""

    def __init__(
        self,
        specs: tuple[FieldSpec, ...],
        title: str = "",
        parent: QWidget | None = None,
        *,
        stretch: bool = True,
    ) -> None:
        super().__init__(parent)
        self.specs = specs
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 8)
        self.title = QLabel(title)
        self.title.setObjectName("formTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.general = QLabel()
        self.general.setWordWrap(True)
        self.general.setStyleSheet(ERROR_STYLE)
        self.general.setAccessibleName("Problems")
        self.general.hide()
        self._owner: object = None
        self.layout_ = QFormLayout()
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout_.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        outer.addWidget(self.title)
        outer.addWidget(self.general)
        outer.addLayout(self.layout_)
        if stretch:
            outer.addStretch()
        self.editors: list[Field] = []
        self.messages: list[QLabel] = []
        for spec in specs:
            editor = EDITORS[spec.kind](spec)
            editor.setToolTip(spec.hint)
            editor.edited.connect(lambda value, path=spec.path: self.edited.emit(path, value))
            if isinstance(editor, TargetField):
                editor.pick.connect(lambda path=spec.path: self.pick.emit(path))
            message = QLabel()
            message.setWordWrap(True)
            message.setStyleSheet(ERROR_STYLE)
            message.setAccessibleName(f"{spec.label}: problem")
            message.hide()
            cell = QWidget()
            cell.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(editor)
            if spec.hint and spec.kind not in ("bool",):
                hint = QLabel(spec.hint)
                hint.setObjectName("hint")
                hint.setWordWrap(True)
                column.addWidget(hint)
            column.addWidget(message)
            label = QLabel(spec.label)
            label.setBuddy(editor)
            self.layout_.addRow(label, cell)
            self.editors.append(editor)
            self.messages.append(message)

    def show_values(
        self,
        kind: str,
        value_at: Callable[[FieldPath], Any],
        problems: tuple[dict[FieldPath, str], list[str]] = ({}, []),
        guides: list[tuple[str, str]] | None = None,
        owner: object = None,
    ) -> None:
        """Fill every applicable field, hide the rest, and show the messages; ``owner`` says whose
        values these are (a guide and part), so editors keep their own state per owner."""
        placed, general = problems
        for row, (spec, editor, message) in enumerate(
            zip(self.specs, self.editors, self.messages, strict=True)
        ):
            applies = spec.applies(kind, value_at)
            self.layout_.setRowVisible(row, applies)
            if not applies:
                continue
            if guides is not None:
                editor.set_context(guides)
            editor.set_owner(owner)
            editor.set_value(value_at(spec.path))
            text = placed.get(spec.path, "")
            message.setText(text)
            # a message that goes away while the author types keeps its (empty) room until another
            # guide or step is shown, so the field under the cursor does not jump
            policy = message.sizePolicy()
            policy.setRetainSizeWhenHidden(
                owner == self._owner
                and (bool(text) or message.isVisibleTo(self) or policy.retainSizeWhenHidden())
            )
            message.setSizePolicy(policy)
            message.setVisible(bool(text))
        self.general.setText("\n".join(general))
        self.general.setVisible(bool(general))
        self._owner = owner

    def set_images(self, images: object) -> None:
        """Where chosen and pasted images are kept (the project session; None when nothing is open)."""
        for editor in self.editors:
            editor.set_images(images)

    def editor(self, path: FieldPath) -> Field:
        """The editor of the field at ``path`` (the shown one when kinds have their own), for tests, focus."""
        editors = [e for e in self.editors if e.spec.path == path]
        return next((e for e in editors if e.isVisibleTo(self)), editors[0])
