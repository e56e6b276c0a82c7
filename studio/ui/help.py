"""Help: every shortcut in one list, the documentation, and where the project file is."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..paths import ROOT

if TYPE_CHECKING:
    from .main_window import MainWindow

DOCS_FOLDER = ROOT / "docs"


def shortcut_rows(actions: dict[str, QAction]) -> list[tuple[str, str]]:
    """(what, keys) for every action that has a shortcut, in menu order."""
    rows = []
    for action in actions.values():
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if keys:
            rows.append((action.text().replace("&", "").split(" “")[0], keys))
    return rows


class ShortcutsDialog(QDialog):
    """Help › Keyboard shortcuts: a table of every action's keys."""

    def __init__(self, actions: dict[str, QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        rows = shortcut_rows(actions)
        self.table = QTableWidget(len(rows), 2)
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setHorizontalHeaderLabels(["Action", "Keys"])
        self.table.verticalHeader().hide()
        for row, (what, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(what))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Every action is also in the menus; right-click a list for its actions."))
        layout.addWidget(self.table)
        layout.addWidget(close)
        self.resize(520, 640)


def docs_url() -> QUrl | None:
    """The docs folder of this checkout (an installed wheel carries none: the docs live in the repository)."""
    return QUrl.fromLocalFile(str(DOCS_FOLDER)) if DOCS_FOLDER.is_dir() else None


def open_docs() -> bool:
    """Open the docs folder in the system's file manager or browser; False when it cannot."""
    url = docs_url()
    return url is not None and QDesktopServices.openUrl(url)


def project_file_text(path: Path | None) -> str:
    """Where the open project lives, in words."""
    if path is None:
        return "No project is open. Open one with Ctrl+O or create one with Ctrl+N."
    return (
        f"The project is the file\n{path.resolve()}\n\nEverything you do is saved there as you go; "
        "copy or commit that one file to share or back up the project."
    )


def show_shortcuts(window: MainWindow) -> None:
    """Help › Keyboard shortcuts: every action with its keys (kept on the window while open)."""
    window.shortcuts_dialog = ShortcutsDialog(window.actions_.by_name, window)
    window.shortcuts_dialog.show()


def show_docs(window: MainWindow) -> None:
    """Help › Documentation: open the docs folder, and say where it is."""
    url = docs_url()
    where = url.toLocalFile() if url else "the docs folder of the Guide Studio repository"
    # the desktop may have nothing to open a folder with, and says so only on the terminal
    opened = open_docs()
    # a desktop with nothing to open a folder with reports success all the same: always say where
    window.prompts.inform(
        "Documentation",
        f"The documentation is in {where} (README.md first)."
        + (" It should open in your file manager." if opened else ""),
    )


def show_project_file(window: MainWindow) -> None:
    """Help › Where is the project file?"""
    session = window.session
    window.prompts.inform("Project file", project_file_text(session.path if session else None))


def show_about(window: MainWindow) -> None:
    """Help › About."""
    QMessageBox.about(
        window,
        "About Guide Studio",
        f"Guide Studio {__version__} — author in-app guides, test them in CI, ship a tiny runtime.",
    )
