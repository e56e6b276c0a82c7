"""Studio start-up and responsiveness: launch to an interactive window, and a 1,000-guide project."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from studio.paths import ROOT

PROBE = """
import sys, time
started = float(sys.argv[2])
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from studio.ui.main_window import MainWindow
app = QApplication([])
window = MainWindow()
window.open_project(__import__("pathlib").Path(sys.argv[1]))
window.show()
# interactive = the event loop runs and handles the first posted event after the window is shown
QTimer.singleShot(0, lambda: (print(time.time() - started), app.quit()))
app.exec()
"""

BIG = """
import statistics, sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from studio.store import ProjectStore
from studio.ui.main_window import MainWindow
from benchmarks.store_export import big_project
path = Path(sys.argv[1])
ProjectStore.create(path, big_project()).close()
app = QApplication([])
window = MainWindow()
window.show()

def timed(fn):
    began = time.perf_counter()
    fn()
    app.processEvents()
    return (time.perf_counter() - began) * 1000

print("open", timed(lambda: window.open_project(path)))
picks = [timed(lambda i=i: window.select_guide(f"guide-{i}")) for i in range(0, 1000, 50)]
print("select", statistics.median(picks))
edit = window.editor.edit
keys = [timed(lambda n=n: edit(("steps", 0, "title"), "Renamed step"[:n])) for n in range(1, 13)]
print("keystroke", statistics.median(keys), max(keys))
print("rename", timed(lambda: window.editor.edit(("name",), "Renamed guide")))
print("search", timed(lambda: window.guide_panel.search.setText("guide 99")))
print("undo", timed(window.undo))
"""


def _run(code: str, *args: str) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
        check=True,
    )
    return out.stdout


def rows() -> list[tuple[str, str]]:
    """Median of three cold starts (offscreen, imports included), then UI timings on 1,000 guides."""
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "example.gstudio"
        shutil.copy(ROOT / "guides" / "example.gstudio", copy)
        runs = sorted(
            float(_run(PROBE, str(copy), str(time.time())).strip().splitlines()[-1]) for _ in range(3)
        )
        big = dict(
            (line.split()[0], [float(x) for x in line.split()[1:]])
            for line in _run(BIG, str(Path(folder) / "big.gstudio")).splitlines()
            if line.strip()
        )
    return [
        (
            "process start → window interactive, example project",
            f"{runs[1]:.2f} s (median of 3; target < 1.5 s)",
        ),
        ("1,000 guides × 10 steps: open + list", f"{big['open'][0]:.0f} ms"),
        ("  select a guide (steps, pictures, forms)", f"{big['select'][0]:.0f} ms (median of 20)"),
        (
            "  one keystroke in a title (validate, save, redraw)",
            f"{big['keystroke'][0]:.0f} ms median, {big['keystroke'][1]:.0f} ms max",
        ),
        ("  rename a guide (its row updated)", f"{big['rename'][0]:.0f} ms"),
        ("  search the list", f"{big['search'][0]:.0f} ms"),
        ("  undo", f"{big['undo'][0]:.0f} ms"),
    ]
