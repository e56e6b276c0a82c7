"""The guide list: guides by kind with search and filter; new, copy, move and delete whole guides."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QMessageBox, QTreeWidgetItem

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

    # -- what is done to whole guides ---------------------------------------------------------

    def new_guide(self, kind: str) -> None:
        """Create a guide of ``kind`` and select it; tooltips and hotspots go straight to picking."""
        if self.studio is None:
            QMessageBox.information(self, "New guide", "Open or create a project first (Ctrl+O / Ctrl+N).")
            return
        draft = self.studio.new_guide(kind)
        self.refresh()
        self.select_guide(draft.id)
        if kind in ("tooltip", "hotspot"):
            self.statusBar().showMessage(f"Pick the element for the new {kind} (Pick… or Ctrl+P)")
            self.start_pick(("steps", 0, "target"))  # straight to the browser: it is what the guide needs

    def move_selected(self, delta: int) -> None:
        """Move the selected guide up (-1) or down (+1) among the guides of its kind."""
        if not self.guide_id or self.studio is None:
            return
        summaries = self.store.guide_summaries()
        mine = next((s for s in summaries if s.id == self.guide_id), None)
        if mine is None:
            return
        same_kind = [s for s in summaries if s.kind == mine.kind]
        index = same_kind.index(mine) + delta
        if 0 <= index < len(same_kind):
            self.workspace.move_guide(self.guide_id, same_kind[index].position)

    def duplicate_selected(self) -> None:
        """Copy the selected guide (its steps, settings and pictures) and select the copy."""
        if self.guide_id and self.studio is not None:
            copy = self.studio.duplicate_guide(self.guide_id)
            self.refresh()
            self.select_guide(copy.id)
            self.statusBar().showMessage(f"Copied as “{copy.data['name']}”", 5000)

    def delete_selected(self) -> None:
        """Delete the selected guide (Undo brings it back in place)."""
        if self.guide_id and self.studio is not None:
            self.studio.delete(self.guide_id)
            self.select_guide(None)
            self.refresh()
            self.statusBar().showMessage("Guide deleted — Undo (Ctrl+Z) brings it back", 5000)
