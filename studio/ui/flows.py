"""The window's work with the browser and long tasks: record, pick, preview, test, export, theme."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox

from ..app.tasks import load_project, preview_script, preview_url
from ..browser import BrowserNotFound
from ..domain import check_safe_url
from ..recorder import RecorderEvent
from ..recorder.repick import repick_url
from ..store import ProjectFileError
from .jobs import Job
from .recording import RecorderBridge, describe
from .theme_dialog import ThemeDialog

DEFAULT_APP_URL = "http://127.0.0.1:8765/index.html"


class BrowserFlows:
    """Mixed into MainWindow: everything that waits on the browser runs off the GUI thread."""

    def init_flows(self, headless: bool) -> None:
        """Create the recorder bridge (the browser opens only when needed)."""
        self.recorder = RecorderBridge(headless=headless, parent=self)
        self.recorder.event.connect(self._on_recorder_event)
        self.recording_guide: str | None = None
        self.recording_name = ""
        self.pending_pick: tuple[str, tuple] | None = None
        self.job: Job | None = None
        self.preview_job: Job | None = None

    # -- the app's address ------------------------------------------------------------------------

    def app_url(self, title: str, *, ask: bool = True) -> str | None:
        """The project's app address; asked for (and remembered) when there is none yet or ``ask``."""
        if self.studio is None:
            QMessageBox.information(self, title, "Open or create a project first (Ctrl+O / Ctrl+N).")
            return None
        remembered = self.studio.header().settings.app_url
        if remembered and not ask:
            return remembered
        url, ok = QInputDialog.getText(
            self, title, "Address of your app:", text=remembered or DEFAULT_APP_URL
        )
        url = url.strip()
        if not ok or not url:
            return None
        try:
            check_safe_url(url)
        except ValueError as exc:
            QMessageBox.warning(self, title, str(exc))
            return None
        if url != remembered:
            self.studio.set_project_value(("settings", "app_url"), url)
        return url

    def _open_browser(self, url: str, mode: str) -> bool:
        try:
            self.recorder.start(url, mode)
        except BrowserNotFound as exc:
            QMessageBox.warning(self, "No browser", str(exc))
            return False
        self.actions_["stop"].setEnabled(True)
        self.actions_["record"].setEnabled(False)
        self.recorder_label.setText("Opening the browser…")
        self.statusBar().showMessage(f"Starting the browser on {url}…")
        return True

    def stop_browser(self, *, wait: bool = False) -> None:
        """Close the studio's browser (recording, picking or preview); returns at once unless ``wait``."""
        self.recorder.stop(wait=wait)

    # -- recording ----------------------------------------------------------------------------------

    def ask_and_record(self) -> None:
        """Record › Record walkthrough: ask where to start (remembered per project), then record."""
        url = self.app_url("Record walkthrough")
        if url:
            self.start_recording(url)

    def start_recording(self, url: str) -> bool:
        """Open the browser on ``url``; each click becomes a step of a new walkthrough."""
        if self.studio is None or self.recorder.session.running:
            return False
        taken = {row.id for row in self.studio.rows()}
        number = 1
        while f"recorded-{number}" in taken:
            number += 1
        self.recording_guide = f"recorded-{number}"
        self.recording_name = f"Recorded walkthrough {number}"
        if self._open_browser(url, "record"):
            return True
        self.recording_guide = None
        return False

    # -- picking --------------------------------------------------------------------------------------

    def pick_current(self) -> None:
        """Guide › Pick element: re-target the selected step (or the checklist item's element)."""
        draft = self.draft()
        if draft is None:
            return
        if draft.kind == "modal":
            QMessageBox.information(
                self, "Pick element", "A modal is centred on the page and has no element."
            )
            return
        field = "element" if draft.kind == "checklist" else "target"
        if draft.kind == "checklist":
            self.edit(("items", self.part, "complete_when"), "element")
        self.start_pick((draft.parts_key, self.part, field))

    def start_pick(self, path: tuple) -> None:
        """Let the author click the element for ``path`` of the selected guide in the browser."""
        if self.studio is None or self.guide_id is None:
            return
        self.pending_pick = (self.guide_id, tuple(path))
        if self.recorder.session.running:
            self.recorder.session.set_mode("pick")
            self.statusBar().showMessage("Click the element in the browser (Esc cancels)")
            return
        base = self.app_url("Pick element", ask=False)
        if not base:
            self.pending_pick = None
            return
        url = base
        if path[0] == "steps":
            try:
                url = repick_url(self.store, self.guide_id, self.draft().parts[path[1]]["id"], base)
            except (KeyError, ProjectFileError):
                url = base
        self._open_browser(url, "pick")

    def repick_failed(self, guide_id: str, step_id: str) -> None:
        """From the test results: select the failed step and pick its element again."""
        try:
            draft = self.studio.draft(guide_id)
        except ProjectFileError:
            return
        index = next((i for i, part in enumerate(draft.parts) if part["id"] == step_id), 0)
        self.select_guide(guide_id, index)
        self.start_pick(("steps", index, "target"))

    # -- recorder events ------------------------------------------------------------------------------

    def _on_recorder_event(self, event: RecorderEvent) -> None:
        message = describe(event)
        if message:
            self.statusBar().showMessage(message)
        if event.kind in ("started", "mode"):
            mode = event.mode or self.recorder.session.mode
            self.recorder_label.setText(
                {"record": "● Recording", "pick": "◎ Picking an element"}.get(mode, "Browser open")
            )
        if event.kind == "capture" and event.capture is not None and self.studio is not None:
            self._on_capture(event)
        elif event.kind == "ended":
            self.recorder_label.setText("Browser closed")
            self.actions_["record"].setEnabled(True)
            self.actions_["stop"].setEnabled(False)
            self.pending_pick = None
            self.recording_guide = None
        elif event.kind == "error":
            QMessageBox.warning(self, "Browser", event.message)

    def _on_capture(self, event: RecorderEvent) -> None:
        capture = event.capture
        if capture.kind == "pick":
            if self.pending_pick is None:
                return
            guide_id, path = self.pending_pick
            self.pending_pick = None
            try:
                saved = self.studio.apply_pick(guide_id, path, capture)
            except (ProjectFileError, KeyError, IndexError) as exc:
                self.statusBar().showMessage(f"Could not use that element: {exc}")
                return
            self.recorder.session.set_mode("record" if self.recording_guide else "pause")
            self.refresh()
            self.select_guide(guide_id, path[1] if isinstance(path[1], int) else 0)
            self.statusBar().showMessage(
                f"Picked {capture.name or 'the element'}"
                + ("" if saved else " — the guide still needs attention"),
                5000,
            )
            return
        if self.recording_guide is None:
            return
        try:
            draft = self.studio.add_capture(self.recording_guide, self.recording_name, capture)
        except (ProjectFileError, ValueError) as exc:
            self.statusBar().showMessage(f"Could not add that step: {exc}")
            return
        self.refresh()
        self.select_guide(draft.id, len(draft.parts) - 1)

    # -- preview -----------------------------------------------------------------------------------------

    def preview(self) -> None:
        """Guide › Preview: play the guide from the selected step, in the studio's browser."""
        draft = self.draft()
        if draft is None:
            return
        if not draft.valid:
            QMessageBox.information(self, "Preview", f"Finish this guide first: {draft.first_problem()}")
            return
        if self.recording_guide is not None:  # clicks on the guide would become recorded steps
            QMessageBox.information(self, "Preview", "Stop recording first (Ctrl+Shift+R), then preview.")
            return
        base = self.app_url("Preview", ask=False)
        if not base:
            return
        path, guide_id, step = self.store.path, draft.id, self.part if draft.kind != "checklist" else 0

        def prepare(_progress, _cancel) -> tuple[str, str]:
            project = load_project(path)
            return preview_script(project, guide_id, step), preview_url(project, guide_id, step, base)

        self.preview_job = Job(prepare, self)
        self.preview_job.succeeded.connect(lambda prepared: self._play(*prepared))
        self.preview_job.failed.connect(lambda message: QMessageBox.warning(self, "Preview", message))
        self.preview_job.start()
        self.statusBar().showMessage(f"Preparing the preview of “{draft.data.get('name')}”…", 5000)

    def _play(self, script: str, url: str) -> None:
        if not self.recorder.session.running and not self._open_browser(url, "pause"):
            return
        self.recorder.play(script, url)
        self.statusBar().showMessage("Previewing in the browser — edit and press F5 again to replay", 5000)

    # -- theme -------------------------------------------------------------------------------------------

    def edit_theme(self) -> None:
        """Project › Theme and settings."""
        if self.studio is None:
            return
        dialog = ThemeDialog(self.studio, self)
        self.undo_stack.indexChanged.connect(dialog.refresh)
        dialog.finished.connect(lambda _r: self.undo_stack.indexChanged.disconnect(dialog.refresh))
        dialog.show()
        self.theme_dialog = dialog
