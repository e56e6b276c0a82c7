"""Layers stay apart: Qt only in studio/ui, SQL only in studio/store, a dependency-free runtime."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "studio"
SQL_LIBRARIES = ("sqlite3", "sqlalchemy", "sqlmodel")
SQL_TEXT = re.compile(
    r"\b(SELECT\s+.+\s+FROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|CREATE\s+TABLE|PRAGMA)\b", re.I | re.S
)


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def string_literals(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]


def python_files(*, outside: str) -> list[Path]:
    return [p for p in PACKAGE.rglob("*.py") if outside not in p.relative_to(PACKAGE).parts[:1]]


def test_only_the_ui_imports_qt():
    offenders = [
        str(p.relative_to(ROOT))
        for p in python_files(outside="ui")
        if any(m.startswith(("PySide6", "PyQt", "shiboken")) for m in imported_modules(p))
    ]
    assert offenders == []


def test_only_the_store_speaks_sql():
    offenders = []
    for path in python_files(outside="store"):
        if imported_modules(path) & set(SQL_LIBRARIES) or any(
            SQL_TEXT.search(s) for s in string_literals(path)
        ):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_the_guard_would_catch_an_offender(tmp_path: Path):
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtCore import QObject\nimport sqlite3\nQ = 'SELECT id FROM guide'\n")
    assert "PySide6" in imported_modules(bad) and "sqlite3" in imported_modules(bad)
    assert any(SQL_TEXT.search(s) for s in string_literals(bad))


def test_core_imports_without_qt():
    code = (
        "import sys, studio, studio.domain, studio.store, studio.export, studio.cli, studio.browser, "
        "studio.demo_server, studio.app, studio.app.tasks, studio.recorder, studio.replay\n"
        "loaded = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, timeout=60)


def test_in_page_scripts_have_no_dependencies():
    scripts = (
        sorted((ROOT / "assets" / "runtime").glob("*.js")) if (ROOT / "assets" / "runtime").exists() else []
    )
    for script in scripts:
        text = script.read_text(encoding="utf-8")
        assert not re.search(r"\brequire\(|^\s*import\s|\bimport\(", text, re.M), script.name


def test_the_window_shows_before_the_heavy_parts_load():
    """Start-up: the shown window needs no store, no pydantic models and no browser (they load behind it)."""
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from studio.ui.main_window import MainWindow\n"
        "window = MainWindow()\n"
        "window.show()\n"
        "app.processEvents()\n"
        "heavy = [m for m in ('sqlalchemy', 'sqlmodel', 'pydantic', 'playwright', 'nh3') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, timeout=120, env=env)
