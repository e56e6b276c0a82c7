"""The guide list panel: guides by kind with search and a kind filter; emits the guide the author picks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from ..domain import GUIDE_KINDS
from .before_paint import USER_ROLE
from .style import icon

if TYPE_CHECKING:
    from ..app import GuideListing

GUIDE_ID_ROLE = USER_ROLE
DISABLED_GREY = "#8a8f98"


def row_label(name: str, problem: str | None) -> str:
    """A guide's line in the list: its name, marked when its last change is not saved yet."""
    return name if problem is None else f"● {name} (not saved)"


class GuidePanel(QWidget):
    """Shows listings it is given; ``selected(guide_id)`` when the author chooses a guide."""

    selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(placeholderText="Search guides (Ctrl+F)")
        self.search.setAccessibleName("Search guides")
        self.search.textChanged.connect(self._filter)
        # the clear button shows only over text: made with the first text (it costs start-up time)
        self.search.textChanged.connect(self._clear_button)
        self.kind_filter = QComboBox()
        self.kind_filter.setAccessibleName("Show kinds")
        self.kind_filter.addItem("All kinds", None)
        for kind, entry in GUIDE_KINDS.items():
            self.kind_filter.addItem(icon(kind), f"{entry.title}s", kind)
        self.kind_filter.currentIndexChanged.connect(lambda _i: self._filter(self.search.text()))
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName("Guides")
        self.tree.currentItemChanged.connect(self._tree_selected)
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 8, 0, 8)
        column.addWidget(self.search)
        column.addWidget(self.kind_filter)
        column.addWidget(self.tree)
        self.current: str | None = None

    def _clear_button(self) -> None:
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.disconnect(self._clear_button)

    def show_listing(self, rows: list[GuideListing]) -> None:
        """Rebuild the list (keeps the selection)."""
        from PySide6.QtCore import Qt  # after the first paint (before_paint.py)

        self.tree.blockSignals(True)
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for kind, entry in GUIDE_KINDS.items():
            groups[kind] = QTreeWidgetItem(self.tree, [entry.title])
            groups[kind].setIcon(0, icon(kind))
            groups[kind].setFlags(Qt.ItemFlag.ItemIsEnabled)
        current = None
        for row in rows:
            parent = groups.get(row.kind)
            if parent is None:
                continue
            item = QTreeWidgetItem(parent, [row_label(row.name, row.problem)])
            item.setData(0, GUIDE_ID_ROLE, row.id)
            item.setToolTip(0, row.problem or row.id)
            self._mark_enabled(item, row.enabled)
            if row.id == self.current:
                current = item
        for kind, group in groups.items():
            group.setText(0, f"{GUIDE_KINDS[kind].title}s ({group.childCount()})")
        self.tree.expandAll()
        if current is not None:
            self.tree.setCurrentItem(current)
        self.tree.blockSignals(False)
        self._filter(self.search.text())

    def relabel(self, guide_id: str, name: str, problem: str | None, enabled: bool | None = None) -> bool:
        """Update one guide's line; False when it is not listed (the caller rebuilds the list)."""
        item = self._item(guide_id)
        if item is None:
            return False
        item.setText(0, row_label(name, problem))
        item.setToolTip(0, problem or guide_id)
        if enabled is not None:
            self._mark_enabled(item, enabled)
        return True

    def select(self, guide_id: str | None) -> None:
        """Mark ``guide_id`` as the current guide without emitting ``selected``."""
        self.current = guide_id
        item = self._item(guide_id) if guide_id else None
        self.tree.blockSignals(True)
        if item is None:
            self.tree.setCurrentItem(None)
        elif self.tree.currentItem() is not item:
            self.tree.setCurrentItem(item)
        self.tree.blockSignals(False)

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        kind = self.kind_filter.currentData()
        for index, group_kind in enumerate(GUIDE_KINDS):
            group = self.tree.topLevelItem(index)
            if group is None:
                return
            group.setHidden(kind is not None and group_kind != kind)
            for child_index in range(group.childCount()):
                child = group.child(child_index)
                child.setHidden(bool(needle) and needle not in child.text(0).lower())

    def _tree_selected(self, item: QTreeWidgetItem | None) -> None:
        guide_id = item.data(0, GUIDE_ID_ROLE) if item else None
        if guide_id:
            self.current = guide_id
            self.selected.emit(guide_id)

    def _mark_enabled(self, item: QTreeWidgetItem, enabled: bool) -> None:
        """Disabled guides are listed in italics and greyed (they are exported but never shown)."""
        from PySide6.QtCore import Qt  # after the first paint (before_paint.py)

        font = item.font(0)
        font.setItalic(not enabled)
        item.setFont(0, font)
        # no colour for enabled rows (the palette's, even after a light/dark switch); a grey for disabled
        item.setData(0, Qt.ItemDataRole.ForegroundRole, None if enabled else QBrush(QColor(DISABLED_GREY)))
        tip = item.toolTip(0).removesuffix(" — disabled")
        item.setToolTip(0, tip if enabled else f"{tip} — disabled")

    def _item(self, guide_id: str) -> QTreeWidgetItem | None:
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            for child_index in range(group.childCount()):
                child = group.child(child_index)
                if child.data(0, GUIDE_ID_ROLE) == guide_id:
                    return child
        return None
