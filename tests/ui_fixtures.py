"""Fixtures for the studio's window: isolated settings, and dialogs answered by the test."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest


@dataclass
class Dialogs:
    """What the window asked and told; answers the test sets up in advance."""

    shown: list[tuple[str, str]] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    """Answers for QInputDialog.getText, in order (an empty list cancels)."""
    save_as: list[str] = field(default_factory=list)
    question: bool = True

    def messages(self, kind: str | None = None) -> list[str]:
        """The messages shown (of one kind: warning, information)."""
        return [text for k, text in self.shown if kind is None or k == kind]


@pytest.fixture
def dialogs(monkeypatch) -> Dialogs:
    """Replace the modal dialogs (which would block offscreen) by recorded answers."""
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

    record = Dialogs()
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _p, _t, text, *a: record.shown.append(("warning", text))
    )
    monkeypatch.setattr(
        QMessageBox, "information", lambda _p, _t, text, *a: record.shown.append(("information", text))
    )
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _p, _t, text, *a: (
            record.shown.append(("question", text)),
            QMessageBox.StandardButton.Yes if record.question else QMessageBox.StandardButton.No,
        )[1],
    )
    monkeypatch.setattr(
        QInputDialog,
        "getText",
        lambda *a, **k: (record.texts.pop(0), True) if record.texts else ("", False),
    )
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda *a, **k: (record.save_as.pop(0), "") if record.save_as else ("", ""),
    )
    return record


@pytest.fixture
def make_window(qtbot, tmp_path: Path, dialogs):
    """A factory of main windows with their own settings file (never the user's)."""
    from PySide6.QtCore import QSettings

    from studio.ui.main_window import MainWindow

    settings_file = tmp_path / "studio-settings.ini"

    def make(**options) -> MainWindow:
        window = MainWindow(settings=QSettings(str(settings_file), QSettings.Format.IniFormat), **options)
        qtbot.addWidget(window)
        return window

    return make
