"""The one place the studio asks and tells the author something in a dialog (tests replace the dialogs).

The dialog classes load when a dialog is first needed, not before the window shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLineEdit, QWidget

if TYPE_CHECKING:
    from ..app import ProjectSession

DEFAULT_APP_URL = "http://127.0.0.1:8765/index.html"


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

    def ask_text(self, title: str, label: str, text: str = "", *, secret: bool = False) -> str | None:
        """A line of text (typed unseen when ``secret``), or None when cancelled or left empty."""
        from PySide6.QtWidgets import QInputDialog

        echo = QLineEdit.EchoMode.Password if secret else QLineEdit.EchoMode.Normal
        answer, ok = QInputDialog.getText(self.parent, title, label, echo, text)
        return answer.strip() if ok and answer.strip() else None

    def ask_url(self, title: str, label: str, text: str) -> str | None:
        """An address the studio may open (checked like every address), or None."""
        url = self.ask_text(title, label, text)
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
