"""The one place the studio asks and tells the author something in a dialog (tests replace the dialogs).

The dialog classes load when a dialog is first needed, not before the window shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLineEdit, QWidget

if TYPE_CHECKING:
    from ..app import ProjectSession

DEFAULT_APP_URL = "http://127.0.0.1:8765/index.html"
ADDRESS_WIDTH = 520
"""Address dialogs are at least this wide (a typical address fits without scrolling)."""


def widen_modal_input(width: int = ADDRESS_WIDTH) -> None:
    """Make the text dialog now open at least ``width`` wide, or as wide as its text needs."""
    from PySide6.QtWidgets import QApplication, QInputDialog

    dialog = QApplication.activeModalWidget()
    if isinstance(dialog, QInputDialog):
        needed = dialog.fontMetrics().horizontalAdvance(dialog.textValue()) + 80
        dialog.setMinimumWidth(min(max(width, needed), 900))


class Prompts:
    """Dialogs over ``parent``: warnings, information, a line of text, the app's address."""

    def __init__(self, parent: QWidget) -> None:
        """Dialogs are modal to ``parent``."""
        self.parent = parent

    def warn(self, title: str, text: str) -> None:
        """Say that something could not be done, and why."""
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self.parent, title, text)

    def inform(self, title: str, text: str) -> None:
        """Say something the author should know."""
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(self.parent, title, text)

    def confirm(self, title: str, text: str) -> bool:
        """A yes/no question; True for yes."""
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(self.parent, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def ask_text(
        self, title: str, label: str, text: str = "", *, secret: bool = False, wide: bool = False
    ) -> str | None:
        """A line of text (typed unseen when ``secret``; an address dialog when ``wide``), or None when
        cancelled or left empty."""
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QInputDialog

        if wide:  # runs inside the dialog's own event loop, once it is the active modal window
            QTimer.singleShot(0, widen_modal_input)
        echo = QLineEdit.EchoMode.Password if secret else QLineEdit.EchoMode.Normal
        answer, ok = QInputDialog.getText(self.parent, title, label, echo, text)
        return answer.strip() if ok and answer.strip() else None

    def ask_url(self, title: str, label: str, text: str) -> str | None:
        """An address the studio may open (checked like every address), or None."""
        url = self.ask_text(title, label, text, wide=True)
        if url is None:
            return None
        from ..domain import check_safe_url

        try:
            return check_safe_url(url)
        except ValueError as exc:
            self.warn(title, str(exc))
            return None

    def app_url(self, session: ProjectSession | None, title: str, *, ask: bool = True) -> str | None:
        """The project's app address; asked for (and remembered in the project) when unset or ``ask``."""
        if session is None:
            self.inform(title, "Open or create a project first (Ctrl+O / Ctrl+N).")
            return None
        remembered = session.app_url
        if remembered and not ask:
            return remembered
        url = self.ask_url(title, "Address of your app:", remembered or DEFAULT_APP_URL)
        if url and url != remembered:
            session.set_project_value(("settings", "app_url"), url)
        return url
