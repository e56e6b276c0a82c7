"""The desktop shell, with real Qt widgets offscreen."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from studio.ui.main_window import GUIDE_ID_ROLE, MainWindow

from .conftest import EXAMPLE_PROJECT


def test_opens_the_example_grouped_by_kind(qtbot, tmp_path: Path):
    copy = tmp_path / "example.gstudio"
    copy.write_bytes(EXAMPLE_PROJECT.read_bytes())
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_project(copy)
    groups = {window.tree.topLevelItem(i).text(0) for i in range(window.tree.topLevelItemCount())}
    assert groups == {"Walkthroughs (3)", "Tooltips (1)", "Hotspots (1)", "Modals (1)", "Checklists (1)"}
    assert window.windowTitle() == "Ledgerly onboarding — Guide Studio"
    walkthroughs = window.tree.topLevelItem(0)
    window.tree.setCurrentItem(walkthroughs.child(0))
    assert walkthroughs.child(0).data(0, GUIDE_ID_ROLE) == "settings-tour"
    assert "Name your company" in window.details.toPlainText()
    window.search.setText("reports")
    visible = [
        walkthroughs.child(i).text(0)
        for i in range(walkthroughs.childCount())
        if not walkthroughs.child(i).isHidden()
    ]
    assert visible == ["Tour of Reports"]


def test_author_text_is_shown_as_text_not_markup(qtbot, project_file: Path):
    from studio.store import ProjectStore

    with ProjectStore.open(project_file) as store:
        tour = store.get_guide("tour")
        store.put_guide(tour.model_copy(update={"name": "<b>bold</b><img src=x>"}))
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_project(project_file)
    item = window.tree.topLevelItem(0).child(0)
    window.tree.setCurrentItem(item)
    assert "<b>bold</b><img src=x>" in window.details.toPlainText()


def test_unreadable_project_shows_a_message_and_keeps_the_file(qtbot, tmp_path: Path, monkeypatch):
    bogus = tmp_path / "bogus.gstudio"
    bogus.write_text("not a project")
    digest = hashlib.sha256(bogus.read_bytes()).hexdigest()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    window = MainWindow()
    qtbot.addWidget(window)
    assert not window.open_project(bogus)
    assert shown == ["bogus.gstudio: not a Guide Studio project (not an SQLite file)"]
    assert hashlib.sha256(bogus.read_bytes()).hexdigest() == digest
    assert window.windowTitle() == "Guide Studio"


def test_recording_from_the_studio_adds_a_walkthrough(qtbot, tmp_path: Path, demo_server, monkeypatch):
    from studio.store import ProjectStore

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    copy = tmp_path / "example.gstudio"
    copy.write_bytes(EXAMPLE_PROJECT.read_bytes())
    window = MainWindow(headless_recorder=True)
    qtbot.addWidget(window)
    window.open_project(copy)
    assert window.start_recording(demo_server.url + "/dashboard.html")
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Recording on"), timeout=20_000)
    window.recorder.session.call(lambda page: page.get_by_test_id("nav-customers").click()).result(timeout=15)
    qtbot.waitUntil(lambda: window.tree.topLevelItem(0).text(0) == "Walkthroughs (4)", timeout=15_000)
    assert window.statusBar().currentMessage() == "Recorded: click on Customers"
    window.recorder.stop()
    qtbot.waitUntil(lambda: window.record_action.isEnabled(), timeout=15_000)
    assert warnings == []
    with ProjectStore.open(copy, readonly=True) as store:
        guide = store.get_guide("recorded-1")
        assert [s.title for s in guide.steps] == ["Click Customers"]
        assert store.step_image("recorded-1", "step-1").startswith(b"\x89PNG")
        assert store.load().settings.app_url == demo_server.url + "/dashboard.html"


def test_delete_with_undo_and_redo_from_the_window(qtbot, project_file: Path):
    from studio.store import ProjectStore

    window = MainWindow()
    qtbot.addWidget(window)
    window.open_project(project_file)
    tips = window.tree.topLevelItem(1)
    window.tree.setCurrentItem(tips.child(0))
    window.delete_action.trigger()
    assert window.tree.topLevelItem(1).text(0) == "Tooltips (0)"
    with ProjectStore.open(project_file, readonly=True) as store:
        assert "tip" not in [s.id for s in store.guide_summaries()]
    assert window.undo_stack.undoText() == "Delete “Tip”"
    window.undo_stack.undo()
    assert window.tree.topLevelItem(1).text(0) == "Tooltips (1)"
    with ProjectStore.open(project_file, readonly=True) as store:
        assert [s.id for s in store.guide_summaries()] == ["tour", "tip", "spot", "hello", "start"]
    window.undo_stack.redo()
    assert window.tree.topLevelItem(1).text(0) == "Tooltips (0)"
