"""Long work on worker threads: test, check elements and export, each with progress and Cancel."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QWidget

from .jobs import Job, progress_dialog
from .pictures import thumbnail
from .prompts import DEFAULT_APP_URL, Prompts

if TYPE_CHECKING:
    from ..app import ProjectSession


class JobRunner(QObject):
    """Runs one job at a time for a session; ``results(list, note)`` and ``exported(result)`` when done,
    ``pictures_added()`` when a test gave steps made by hand their first pictures."""

    results = Signal(list, str)
    exported = Signal(object)
    pictures_added = Signal()

    def __init__(self, prompts: Prompts, settings: QSettings, window: QWidget) -> None:
        super().__init__(window)
        self.prompts = prompts
        self.settings = settings
        self.window = window
        self.session: ProjectSession | None = None
        self.job: Job | None = None
        self.inputs: dict[str, str] = {}
        """Values to type into secret fields (``guide.step``), given in this studio session: kept in
        memory only, never in the project file."""
        self.tested_base: str | None = None
        """The address the last test ran against (another build's, when asked): re-pick opens it."""

    @property
    def busy(self) -> bool:
        """Whether a job is running."""
        return self.job is not None and not self.job.done

    def cancel(self) -> None:
        """Ask the running job to stop (within a step for a test run)."""
        if self.busy:
            self.job.cancel.set()

    def _start(self, work, title: str, succeeded, failed) -> Job:
        """Run ``work(progress, cancel)`` as the job, with a progress dialog and Cancel."""
        self.job = Job(work, self)
        dialog = progress_dialog(self.job, title, self.window)
        self.job.succeeded.connect(succeeded)
        self.job.failed.connect(failed)
        self.job.start()
        dialog.show()
        return self.job

    # -- test -------------------------------------------------------------------------------------------

    def check(self) -> None:
        """Guide › Check elements: resolve every step's element on its page (quick, nothing played)."""
        if self.session is None or self.busy:
            return
        base = self.prompts.app_url(self.session, "Check elements", ask=False)
        if not base:
            return
        from ..app.tasks import check_elements, load_project

        self.tested_base = base
        path = self.session.path
        self._start(
            lambda progress, cancel: check_elements(
                load_project(path), base, None, progress=progress, cancel=cancel
            ),
            "Checking elements",
            self._show_results,
            lambda text: self.prompts.warn("Check elements", text),
        )

    def test(self, guide_ids: list[str] | None, *, elsewhere: bool = False) -> None:
        """Guide › Test: replay the guides (None: all) headless, then show the results.

        ``elsewhere`` asks for another address (a staging build) for this run only.
        """
        if self.session is None or self.busy:
            return
        if elsewhere:
            remembered = self.session.app_url or DEFAULT_APP_URL
            base = self.prompts.ask_url("Test against", "Address of the build to test:", remembered)
        else:
            base = self.prompts.app_url(self.session, "Test", ask=False)
        if not base:
            return
        from ..app.tasks import check_guides, load_project

        self.tested_base = base
        path, inputs = self.session.path, dict(self.inputs)
        self._start(
            lambda progress, cancel: check_guides(
                load_project(path), base, guide_ids, progress=progress, cancel=cancel, inputs=inputs
            ),
            "Testing guides",
            self._show_results,
            lambda text: self.prompts.warn("Test", text),
        )

    def _show_results(self, results: list) -> None:
        if self.session is not None and self.session.guides.keep_test_pictures(results, thumbnail):
            self.pictures_added.emit()
        cancelled = self.job is not None and self.job.cancel.is_set()
        self.results.emit(results, "Cancelled before the end." if cancelled else "")

    # -- export ----------------------------------------------------------------------------------------

    def export_key(self) -> str:
        """Where the last export location of this project is remembered."""
        return f"export/{self.session.path.resolve()}"

    def export_to(self, out: Path, runtime: bool = False) -> Job | None:
        """Write the bundle to ``out`` on a worker thread; a message says how it went."""
        if self.session is None or self.busy:
            return None
        from ..app.tasks import export_project, load_for_export

        path = self.session.path
        self.settings.setValue(self.export_key(), str(out))

        def work(progress, cancel):
            project, media = load_for_export(path)
            return export_project(
                project, out, runtime=runtime, progress=progress, cancel=cancel, media=media
            )

        return self._start(
            work,
            "Exporting",
            self._exported,
            lambda text: self.prompts.warn("Export failed", f"Nothing was exported: {text}"),
        )

    def _exported(self, result) -> None:
        guides = "1 guide" if result.guides == 1 else f"{result.guides} guides"
        text = f"Exported {guides} to {result.path} ({result.size:,} bytes)."
        if result.images:
            images = "Its image is" if result.images == 1 else f"Its {result.images} images are"
            text += f" {images} in the media folder beside it: publish that folder too."
        if result.runtime is not None:  # beside the bundle: said with it, before the warnings
            kinds = ", ".join(k.replace("_", " ") for k in result.runtime_kinds)
            held = "every kind" if result.runtime_full else f"only this bundle's kinds: {kinds}"
            text += (
                f" Beside it: the runtime {result.runtime.name} ({held};"
                f" {result.runtime_gzip:,} bytes gzipped) and the embed snippet {result.snippet.name}"
                " — paste the snippet into your app's pages."
            )
        if result.warnings:
            shown = "\n".join(f"• {line}" for line in result.warnings[:5])
            more = (
                f"\n… and {len(result.warnings) - 5} more (View › Problems)"
                if len(result.warnings) > 5
                else ""
            )
            text += f"\n\nShipped, but worth a look:\n{shown}{more}"
        self.exported.emit(text)
        self.prompts.inform("Exported", text)
