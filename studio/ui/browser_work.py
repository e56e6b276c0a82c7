"""What the window runs against the app: the browser (record, pick, preview), tests, checks, export.

The browser controller, the job runner and the results view are built the first time they are
needed, so the window shows without loading them (nor the recorder, replay or export behind them).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..app import ProjectFileError

if TYPE_CHECKING:
    from ..app import ProjectSession
    from .browser_control import BrowserController
    from .job_runner import JobRunner
    from .main_window import MainWindow
    from .results import ResultsView

STATUS_MS = 5000


class BrowserWork:
    """Record, pick, preview, test, check and export for the window's selected guide and session."""

    def __init__(self, window: MainWindow, *, headless: bool = False) -> None:
        self.window = window
        self.headless = headless
        self.session: ProjectSession | None = None
        self._browser: BrowserController | None = None
        self._jobs: JobRunner | None = None

    # -- the parts, built on first use -----------------------------------------------------------------

    @property
    def browser(self) -> BrowserController:
        """The studio's browser (record, pick, preview)."""
        if self._browser is None:
            from .browser_control import BrowserController

            window = self.window
            browser = BrowserController(window.prompts, headless=self.headless, parent=window)
            browser.state.connect(window.recorder_label.setText)
            browser.open_changed.connect(self._browser_open)
            browser.stop_text.connect(lambda text: window.actions_["stop"].setText(text))
            browser.message.connect(lambda text: window.statusBar().showMessage(text, STATUS_MS))
            browser.guide_changed.connect(window.show_changed_guide)
            browser.picked.connect(lambda: (window.raise_(), window.activateWindow()))
            browser.set_session(self.session)
            self._browser = browser
        return self._browser

    @property
    def jobs(self) -> JobRunner:
        """Test, check elements and export, one job at a time."""
        if self._jobs is None:
            from .job_runner import JobRunner

            window = self.window
            jobs = JobRunner(window.prompts, window.settings, window)
            jobs.results.connect(self._show_results)
            jobs.exported.connect(lambda text: window.statusBar().showMessage(text, 8000))
            jobs.pictures_added.connect(lambda: window.editor.show_guide(window.guide_id))
            jobs.session = self.session
            self._jobs = jobs
        return self._jobs

    @property
    def results(self) -> ResultsView:
        """The test results view (in its dock)."""
        return self.window.results_dock.view

    def build_results(self) -> ResultsView:
        """The test results view, made when its dock first shows."""
        from .results import ResultsView

        view = ResultsView()
        view.repick.connect(self.repick_failed)
        view.give_value.connect(self.give_test_value)
        view.element_words = self._element_words
        return view

    def set_session(self, session: ProjectSession | None) -> None:
        """Work on ``session`` from now on (None: no project open)."""
        self.session = session
        if session is not None or self._browser is not None:
            self.browser.set_session(session)
        if session is not None or self._jobs is not None:
            self.jobs.session = session

    @property
    def busy(self) -> bool:
        """Whether a test, check or export is running."""
        return self._jobs is not None and self._jobs.busy

    def close(self) -> None:
        """Cancel the running job (a test stops within a step) and close the browser."""
        if self._jobs is not None:
            self._jobs.cancel()
        if self._browser is not None:
            self._browser.stop(wait=True)

    # -- the browser ------------------------------------------------------------------------------------

    def start_pick(self, path: tuple) -> None:
        """Pick the element for ``path`` of the selected guide in the browser."""
        if self.window.guide_id is not None:
            self.browser.pick(self.window.guide_id, path)

    def pick_current(self) -> None:
        """Guide › Pick element: re-target the selected step (or the checklist item's element)."""
        editor = self.window.editor
        draft = editor.draft()
        if draft is None:
            return
        field = draft.info.element_field
        if field is None:
            self.window.prompts.inform(
                "Pick element", f"A {draft.kind} is centred on the page and has no element."
            )
            return
        if not draft.info.has_pictures:  # a checklist item is done when its element appears
            editor.edit(("items", editor.part, "complete_when"), "element")
        self.start_pick((draft.parts_key, editor.part, field))

    def repick_failed(self, guide_id: str, step_id: str) -> None:
        """From the test results: select the failed step and pick its element again."""
        try:
            draft = self.session.guides.draft(guide_id)
        except ProjectFileError:
            return
        index = next((i for i, part in enumerate(draft.parts) if part["id"] == step_id), 0)
        self.window.select_guide(guide_id, index)
        self.browser.pick(guide_id, ("steps", index, "target"), base=self.jobs.tested_base)

    def preview(self) -> None:
        """Guide › Preview: play the selected guide from the selected step in the studio's browser."""
        if self.window.guide_id is not None:
            self.browser.preview(self.window.guide_id, self.window.editor.part)

    def record(self) -> None:
        """Record › Record walkthrough."""
        self.browser.record()

    def record_here(self, before: bool = False) -> None:
        """Record › Record after (or before) the selected step of this walkthrough."""
        window = self.window
        if window.guide_id is not None:
            self.browser.record_into(window.guide_id, window.editor.part - (1 if before else 0))

    def stop_browser(self, *, wait: bool = False) -> None:
        """Close the studio's browser."""
        if self._browser is not None:
            self._browser.stop(wait=wait)

    def _browser_open(self, is_open: bool) -> None:
        self.window.actions_["stop"].setEnabled(is_open)
        self.window.actions_["record"].setEnabled(not is_open)

    # -- tests, checks and export -----------------------------------------------------------------------

    def run_test(self, everything: bool, *, elsewhere: bool = False) -> None:
        """Guide › Test (the selected guide, or all; ``elsewhere``: on another build)."""
        guide_id = self.window.guide_id
        if everything or guide_id is not None:
            self.jobs.test(None if everything else [guide_id], elsewhere=elsewhere)

    def run_check(self) -> None:
        """Guide › Check elements."""
        self.jobs.check()

    def give_test_value(self, guide_id: str, step_id: str) -> None:
        """A secret field's test needs a value: ask for it (kept for this session only), test again."""
        value = self.window.prompts.ask_text(
            "Test value",
            "This field is secret, so the recording kept no value.\n"
            "Value to type in tests (kept only until the studio closes, never in the project):",
            secret=True,
        )
        if value:
            self.jobs.inputs[f"{guide_id}.{step_id}"] = value
            self.jobs.test([guide_id])

    def _element_words(self, guide_id: str, step_id: str) -> str:
        from ..app.results import element_words

        try:
            saved = self.session.guides.draft(guide_id).saved
            step = next((s for s in getattr(saved, "steps", []) if s.id == step_id), None)
        except (ProjectFileError, AttributeError):
            step = None
        return element_words(step)

    def _show_results(self, results: list, note: str) -> None:
        self.results.show_results(results, note)
        self.window.results_dock.show()
        self.window.results_dock.raise_()

    def export(self, runtime: bool) -> None:
        """File › Export: choose the file (remembered per project); written off the GUI thread."""
        from PySide6.QtWidgets import QFileDialog

        window = self.window
        if self.session is None:
            window.prompts.inform("Export", "Open a project first (Ctrl+O).")
            return
        default = window.settings.value(self.jobs.export_key()) or str(default_export(self.session.path))
        path, _ = QFileDialog.getSaveFileName(
            window, "Export guide bundle", default, "Guide bundles (*.json)"
        )
        if path:
            self.jobs.export_to(Path(path), runtime)


def default_export(project: Path) -> Path:
    """Where a first export goes: beside the project, except for the example shipped with Guide Studio,
    whose committed bundle it would overwrite (then the home folder)."""
    from ..paths import ROOT

    bundle = project.with_suffix(".bundle.json")
    inside = (ROOT / "guides").resolve() in bundle.resolve().parents
    return Path.home() / bundle.name if inside else bundle
