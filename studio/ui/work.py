"""The window's long work on worker threads: test, check elements and export, with progress and Cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from ..app.tasks import check_elements, check_guides, export_project, load_project
from ..domain import check_safe_url
from ..store import ProjectFileError
from .flows import DEFAULT_APP_URL
from .jobs import Job, progress_dialog


def thumbnail(png: bytes, width: int = 320) -> bytes:
    """A small PNG of a screenshot, for the step list."""
    image = QImage.fromData(png)
    if image.isNull():
        return png
    scaled = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    scaled.save(buffer, "PNG")
    return bytes(data)


class LongWork:
    """Mixed into MainWindow: each task runs as a ``Job`` the window shows and can cancel."""

    # -- test -------------------------------------------------------------------------------------------

    def run_check(self) -> None:
        """Guide › Check elements: resolve every step's element on its page (quick, nothing played)."""
        if self.studio is None or (self.job is not None and not self.job.done):
            return
        base = self.app_url("Check elements", ask=False)
        if not base:
            return
        path = self.store.path
        self._start_job(
            lambda progress, cancel: check_elements(
                load_project(path), base, None, progress=progress, cancel=cancel
            ),
            "Checking elements",
            self._show_results,
            lambda message: QMessageBox.warning(self, "Check elements", message),
        )

    def run_test(self, everything: bool, *, elsewhere: bool = False) -> None:
        """Guide › Test: replay the guide (or all) headless (progress, Cancel), show results.

        ``elsewhere`` asks for another address (a staging build) for this run only.
        """
        if self.studio is None or (not everything and self.guide_id is None):
            return
        if self.job is not None and not self.job.done:
            return
        if elsewhere:
            remembered = self.studio.header().settings.app_url or DEFAULT_APP_URL
            url, ok = QInputDialog.getText(
                self, "Test against", "Address of the build to test:", text=remembered
            )
            try:
                base = check_safe_url(url) if ok and url.strip() else None
            except ValueError as exc:
                QMessageBox.warning(self, "Test", str(exc))
                return
        else:
            base = self.app_url("Test", ask=False)
        if not base:
            return
        path, ids = self.store.path, None if everything else [self.guide_id]
        self._start_job(
            lambda progress, cancel: check_guides(
                load_project(path), base, ids, progress=progress, cancel=cancel
            ),
            "Testing guides",
            self._show_results,
            lambda message: QMessageBox.warning(self, "Test", message),
        )

    def _start_job(self, work, title: str, succeeded, failed) -> Job:
        """Run ``work(progress, cancel)`` as the window's job, with a progress dialog and Cancel."""
        self.job = Job(work, self)
        dialog = progress_dialog(self.job, title, self)
        self.job.succeeded.connect(succeeded)
        self.job.failed.connect(failed)
        self.job.start()
        dialog.show()
        return self.job

    def _show_results(self, results: list) -> None:
        self._keep_pictures(results)
        cancelled = self.job is not None and self.job.cancel.is_set()
        self.results.show_results(results, "Cancelled before the end." if cancelled else "")
        self.results_dock.show()
        self.results_dock.raise_()

    def _keep_pictures(self, results: list) -> None:
        """Steps made by hand have no pictures yet: a passing test run gives them one."""
        if self.store is None:
            return
        added = 0
        for result in results:
            for step in result.steps:
                if step.status != "passed" or not step.screenshot:
                    continue
                try:
                    if self.store.step_image(result.guide_id, step.step_id) is not None:
                        continue
                    self.store.put_step_images(
                        result.guide_id,
                        step.step_id,
                        screenshot=step.screenshot,
                        thumbnail=thumbnail(step.screenshot),
                    )
                except ProjectFileError:
                    return
                added += 1
        if added and self.guide_id is not None:
            self._show_guide(self.guide_id)

    # -- export ----------------------------------------------------------------------------------------

    def export(self, runtime: bool) -> None:
        """File › Export: choose the file (remembered per project); written off the GUI thread."""
        if self.studio is None:
            return
        key = f"export/{self.store.path.resolve()}"
        default = self.settings.value(key) or str(self.store.path.with_suffix(".bundle.json"))
        path, _ = QFileDialog.getSaveFileName(self, "Export guide bundle", default, "Guide bundles (*.json)")
        if path:
            self.export_to(Path(path), runtime)

    def export_to(self, out: Path, runtime: bool = False) -> Job:
        """Write the bundle to ``out`` on a worker thread; a message says how it went."""
        path = self.store.path
        self.settings.setValue(f"export/{path.resolve()}", str(out))
        return self._start_job(
            lambda progress, cancel: export_project(
                load_project(path), out, runtime=runtime, progress=progress, cancel=cancel
            ),
            "Exporting",
            self._exported,
            lambda message: QMessageBox.warning(self, "Export failed", f"Nothing was exported: {message}"),
        )

    def _exported(self, result) -> None:
        extra = f" and {result.runtime.name}" if result.runtime else ""
        text = f"Exported {result.guides} guides to {result.path} ({result.size:,} bytes){extra}."
        self.statusBar().showMessage(text, 8000)
        QMessageBox.information(self, "Exported", text)
