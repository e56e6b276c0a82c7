"""Recording from the studio: the recorder session's events as Qt signals on the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..app.recording import RecorderEvent, RecorderSession, preview_in_browser, step_title


class RecorderBridge(QObject):
    """Owns a RecorderSession; its events (from the recorder thread) arrive as a queued signal."""

    event = Signal(object)

    def __init__(
        self, *, headless: bool = False, redact_inputs: bool = True, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        # Emitting from the recorder thread queues the call onto the GUI thread (Qt.AutoConnection).
        self.session = RecorderSession(
            lambda e: self.event.emit(e), headless=headless, redact_inputs=redact_inputs
        )

    def start(self, url: str, mode: str = "record", *, storage_state: dict | None = None) -> None:
        """Open the browser on ``url`` (record, pick or pause), signed in with ``storage_state`` when given;
        BrowserNotFound at once when there is none."""
        self.session.start(url, mode, storage_state=storage_state)

    def play(self, preview) -> None:
        """Preview: add its script to every page of the browser, answer its images and open its page
        (on the recorder thread)."""
        future = self.session.call(lambda page: preview_in_browser(page, preview))
        future.add_done_callback(
            lambda f: (
                f.exception()
                and self.event.emit(
                    RecorderEvent("error", message=f"preview: {str(f.exception()).splitlines()[0]}")
                )
            )
        )

    def stop(self, *, wait: bool = False) -> None:
        """Close the browser; only waits for it (briefly) when ``wait``, e.g. as the studio quits."""
        if not self.session.running:
            return
        if wait:
            self.session.stop(timeout=5)
        else:
            self.session.request_stop()


def describe(event: RecorderEvent) -> str:
    """A status-bar line for a recorder event."""
    if event.kind == "started" and event.mode == "pick":
        return f"Browser open on {event.url} — click the element to use"
    if event.kind == "started" and event.mode != "record":
        return f"Browser open on {event.url}"
    if event.kind == "started":
        return f"Recording on {event.url} — click through your app; Esc or End in the page stops"
    if event.kind == "capture" and event.capture is not None:
        return f"Recorded: {step_title(event.capture)}"  # what the step is called, as the author will read it
    if event.kind == "error":
        return f"Recorder: {event.message}"
    if event.kind == "ended":
        return "Recorder closed"
    return ""
