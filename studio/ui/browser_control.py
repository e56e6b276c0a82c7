"""The studio's browser: record, pick and preview, all off the GUI thread; captures go to the session."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ..app import ProjectFileError
from .jobs import Job
from .prompts import Prompts

if TYPE_CHECKING:  # the recorder (Playwright) loads when the browser is first wanted
    from ..app import ProjectSession
    from ..app.recording import RecorderEvent
    from .recording import RecorderBridge

STATE_WORDS = {"record": "● Recording", "pick": "◎ Picking an element"}
STOP_WORDS = {"record": "&Stop recording", "pick": "&Stop picking", "pause": "&Close the browser"}
"""What the Stop action says it stops, by what the browser is open for."""


class BrowserController(QObject):
    """Owns the recorder bridge and what the browser is open for.

    ``state(text)`` is the recorder's state in words, ``open_changed(bool)`` whether the browser
    is open, ``message(text)`` a status line, ``guide_changed(guide_id, part)`` a capture or pick
    changed that guide (the window shows it there).
    """

    state = Signal(str)
    stop_text = Signal(str)
    open_changed = Signal(bool)
    message = Signal(str)
    guide_changed = Signal(str, int)
    picked = Signal()
    """An element was picked: the studio comes back to the front to show it."""

    def __init__(self, prompts: Prompts, *, headless: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.prompts = prompts
        self.session: ProjectSession | None = None
        self.headless = headless
        self._bridge: RecorderBridge | None = None
        self.recording_guide: str | None = None
        self.recording_name = ""
        self.record_after: int | None = None
        self.pending_pick: tuple[str, tuple] | None = None
        self.preview_job: Job | None = None

    @property
    def bridge(self) -> RecorderBridge:
        """The recorder session behind the browser (made the first time the browser is wanted)."""
        if self._bridge is None:
            from .recording import RecorderBridge

            self._bridge = RecorderBridge(headless=self.headless, parent=self)
            self._bridge.event.connect(self._on_event)
        return self._bridge

    @property
    def running(self) -> bool:
        """Whether the browser is open."""
        return self._bridge is not None and self._bridge.session.running

    def set_session(self, session: ProjectSession | None) -> None:
        """Work for ``session``; a capture still on its way belongs to the old project and is dropped."""
        self.stop()
        self.session = session
        self.recording_guide = None
        self.pending_pick = None

    def _open(self, url: str, mode: str) -> bool:
        from ..app.recording import BrowserNotFound

        try:
            # signed in as the author was in the last browser (a recording before a preview)
            self.bridge.start(url, mode, storage_state=self.bridge.session.signed_in)
        except BrowserNotFound as exc:
            self.prompts.warn("No browser", str(exc))
            return False
        self.open_changed.emit(True)
        self.state.emit("Opening the browser…")
        self.message.emit(f"Starting the browser on {url}…")
        return True

    def stop(self, *, wait: bool = False) -> None:
        """Close the browser (recording, picking or preview); returns at once unless ``wait``."""
        if self._bridge is not None:
            self._bridge.stop(wait=wait)

    # -- recording ----------------------------------------------------------------------------------

    def record(self) -> None:
        """Record › Record walkthrough: ask where to start (remembered per project), then record."""
        url = self.prompts.app_url(self.session, "Record walkthrough")
        if url:
            self.start_recording(url)

    def start_recording(self, url: str) -> bool:
        """Open the browser on ``url``; each click becomes a step of a new walkthrough."""
        if self.session is None or self.running:
            return False
        self.recording_guide = self.session.guides.new_id("recorded")
        self.recording_name = f"Recorded walkthrough {self.recording_guide.rsplit('-', 1)[-1]}"
        self.record_after = None
        if self._open(url, "record"):
            return True
        self.recording_guide = None
        return False

    def record_into(self, guide_id: str, after: int) -> bool:
        """Record into an existing walkthrough: each capture is inserted after step ``after`` (-1: first)."""
        if self.session is None or self.running:
            return False
        draft = self.session.guides.draft(guide_id)
        if not (draft.info.multi_step and draft.info.has_pictures):
            self.prompts.inform("Record", f"A {draft.kind} has one step; pick its element instead (Ctrl+P).")
            return False
        url = self.prompts.app_url(self.session, "Record into this walkthrough")
        if not url:
            return False
        if after >= 0:
            try:
                url = self.session.step_page(guide_id, draft.parts[after]["id"], url)
            except (KeyError, IndexError, ProjectFileError):
                pass
        self.recording_guide, self.recording_name, self.record_after = guide_id, draft.data["name"], after
        if self._open(url, "record"):
            return True
        self.recording_guide = self.record_after = None
        return False

    # -- picking --------------------------------------------------------------------------------------

    def pick(self, guide_id: str, path: tuple, *, base: str | None = None) -> None:
        """Let the author click the element for ``path`` of a guide in the browser (on ``base``, the
        build a test ran against, when given; else the project's app)."""
        if self.session is None:
            return
        self.pending_pick = (guide_id, tuple(path))
        if self.running:
            self.bridge.session.set_mode("pick")
            self.bridge.session.call(lambda page: page.bring_to_front())  # the browser in front, ready
            self.message.emit("Click the element in the browser (Esc cancels)")
            return
        base = base or self.prompts.app_url(self.session, "Pick element", ask=False)
        if not base:
            self.pending_pick = None
            return
        url = base
        if path[0] == "steps":
            try:
                step_id = self.session.guides.draft(guide_id).parts[path[1]]["id"]
                url = self.session.step_page(guide_id, step_id, base)
            except (KeyError, IndexError, ProjectFileError):
                url = base
        self._open(url, "pick")

    # -- recorder events ------------------------------------------------------------------------------

    def _on_event(self, event: RecorderEvent) -> None:
        from .recording import describe

        text = describe(event)
        if text:
            self.message.emit(text)
        if event.kind in ("started", "mode"):
            mode = event.mode or self.bridge.session.mode
            self.state.emit(STATE_WORDS.get(mode, "Browser open"))
            self.stop_text.emit(STOP_WORDS.get(mode, STOP_WORDS["pause"]))
        if event.kind == "capture" and event.capture is not None and self.session is not None:
            self._on_capture(event)
        elif event.kind == "ended":
            self.state.emit("Browser closed")
            self.stop_text.emit(STOP_WORDS["record"])
            self.open_changed.emit(False)
            self.pending_pick = None
            self.recording_guide = None
        elif event.kind == "error":
            self.prompts.warn("Browser", event.message)

    def _on_capture(self, event: RecorderEvent) -> None:
        capture = event.capture
        if capture.kind == "pick":
            if self.pending_pick is None:
                return
            guide_id, path = self.pending_pick
            self.pending_pick = None
            try:
                saved = self.session.guides.apply_pick(guide_id, path, capture)
            except (ProjectFileError, KeyError, IndexError) as exc:
                self.message.emit(f"Could not use that element: {exc}")
                return
            self.bridge.session.set_mode("record" if self.recording_guide else "pause")
            self.guide_changed.emit(guide_id, path[1] if isinstance(path[1], int) else 0)
            self.picked.emit()
            self.message.emit(
                f"Picked {capture.name or 'the element'}"
                + ("" if saved else " — the guide still needs attention")
            )
            return
        if self.recording_guide is None:
            return
        try:
            draft, index = self.session.guides.add_capture(
                self.recording_guide, self.recording_name, capture, after=self.record_after
            )
        except (ProjectFileError, ValueError) as exc:
            self.message.emit(f"Could not add that step: {exc}")
            return
        if self.record_after is not None:
            self.record_after = index
        self.guide_changed.emit(draft.id, index)

    # -- preview -----------------------------------------------------------------------------------------

    def preview(self, guide_id: str, step: int) -> None:
        """Play the guide from ``step`` in the studio's browser, with the latest saved edits."""
        draft = self.session.guides.draft(guide_id) if self.session else None
        if draft is None:
            return
        if not draft.valid:
            self.prompts.inform("Preview", f"Finish this guide first: {draft.first_problem()}")
            return
        if self.recording_guide is not None and self.running and self.bridge.session.mode == "record":
            # clicks on the guide would become recorded steps
            self.prompts.inform(
                "Preview", "Pause or end the recording first (Esc in the page), then preview."
            )
            return
        self.recording_guide = self.record_after = None  # a paused recording ends with the preview
        base = self.prompts.app_url(self.session, "Preview", ask=False)
        if not base:
            return
        from ..app.tasks import prepare_preview

        path, step = self.session.path, step if draft.info.starts_at_part else 0
        self.preview_job = Job(lambda _progress, _cancel: prepare_preview(path, guide_id, step, base), self)
        self.preview_job.succeeded.connect(self._play)
        self.preview_job.failed.connect(lambda text: self.prompts.warn("Preview", text))
        self.preview_job.start()
        self.message.emit(f"Preparing the preview of “{draft.data.get('name')}”…")

    def _play(self, preview) -> None:
        if not self.running and not self._open(preview.url, "pause"):
            return
        self.bridge.play(preview)
        self.message.emit("Previewing in the browser — edit and press F5 again to replay")
