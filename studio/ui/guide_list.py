"""The guide list: guides grouped by kind, search and kind filter, one row per guide."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTreeWidgetItem

from ..domain import GUIDE_KINDS
from .style import icon

GUIDE_ID_ROLE = Qt.ItemDataRole.UserRole


def row_label(name: str, problem: str | None) -> str:
    """A guide's line in the list: its name, marked when its last change is not saved yet."""
    return name if problem is None else f"● {name} (not saved)"


class GuideList:
    """Mixed into MainWindow: builds and updates ``self.tree`` from the studio's rows."""

    def refresh(self) -> None:
        """Rebuild the guide list from the project (keeps the selection)."""
        if self.studio is None:
            return
        self.tree.blockSignals(True)
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for kind, (_cls, info) in GUIDE_KINDS.items():
            groups[kind] = QTreeWidgetItem(self.tree, [info.title])
            groups[kind].setIcon(0, icon(kind))
            groups[kind].setFlags(Qt.ItemFlag.ItemIsEnabled)
        current = None
        for row in self.studio.rows():
            parent = groups.get(row.kind)
            if parent is None:
                continue
            item = QTreeWidgetItem(parent, [row_label(row.name, row.problem)])
            item.setData(0, GUIDE_ID_ROLE, row.id)
            self._mark_enabled(item, row.enabled)
            item.setToolTip(0, row.problem or row.id)
            if row.id == self.guide_id:
                current = item
        for kind, group in groups.items():
            group.setText(0, f"{GUIDE_KINDS[kind][1].title}s ({group.childCount()})")
        self.tree.expandAll()
        if current is not None:
            self.tree.setCurrentItem(current)
        self.tree.blockSignals(False)
        self._filter(self.search.text())

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        kind = self.kind_filter.currentData()
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            group_kind = list(GUIDE_KINDS)[index]
            group.setHidden(kind is not None and group_kind != kind)
            for child_index in range(group.childCount()):
                child = group.child(child_index)
                child.setHidden(bool(needle) and needle not in child.text(0).lower())

    def _tree_selected(self, item: QTreeWidgetItem | None) -> None:
        guide_id = item.data(0, GUIDE_ID_ROLE) if item else None
        if guide_id:
            self.select_guide(guide_id)

    def select_guide(self, guide_id: str | None, part: int = 0) -> None:
        """Show a guide's steps and properties (None: the start page)."""
        self.guide_id = guide_id
        self.part = part
        self._show_guide(guide_id)
        if guide_id is not None:
            self._select_in_tree(guide_id)

    def _select_in_tree(self, guide_id: str) -> None:
        child = self._tree_item(guide_id)
        if child is not None and self.tree.currentItem() is not child:
            self.tree.blockSignals(True)
            self.tree.setCurrentItem(child)
            self.tree.blockSignals(False)

    def selected_guide(self) -> str | None:
        """The id of the guide being edited."""
        return self.guide_id

    def _relabel(self, guide_id: str, name: str, problem: str | None, enabled: bool | None = None) -> None:
        """Update one guide's line in the list (the whole list is rebuilt only when it is not there)."""
        item = self._tree_item(guide_id)
        if item is None:
            self.refresh()
            return
        item.setText(0, row_label(name, problem))
        item.setToolTip(0, problem or guide_id)
        if enabled is not None:
            self._mark_enabled(item, enabled)

    def _mark_enabled(self, item: QTreeWidgetItem, enabled: bool) -> None:
        """Disabled guides are listed in italics and greyed (they are exported but never shown)."""
        font = item.font(0)
        font.setItalic(not enabled)
        item.setFont(0, font)
        # no colour for enabled rows (the palette's, even after a light/dark switch); a grey for disabled
        item.setData(0, Qt.ItemDataRole.ForegroundRole, None if enabled else QBrush(QColor("#8a8f98")))
        item.setToolTip(0, item.toolTip(0) if enabled else f"{item.toolTip(0)} — disabled")

    def _tree_item(self, guide_id: str) -> QTreeWidgetItem | None:
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            for child_index in range(group.childCount()):
                child = group.child(child_index)
                if child.data(0, GUIDE_ID_ROLE) == guide_id:
                    return child
        return None
