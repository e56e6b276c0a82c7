"""Shared fixtures: sample guides, temporary projects, the demo server and real Chromium."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from studio.domain import Project
from studio.store import ProjectStore

from .samples import one_of_each_kind

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_PROJECT = ROOT / "guides" / "example.gstudio"
EXAMPLE_BUNDLE = ROOT / "guides" / "example.bundle.json"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def sample_project() -> Project:
    """A project with one guide of each kind."""
    return Project(name="Sample", guides=one_of_each_kind())


@pytest.fixture
def project_file(tmp_path: Path, sample_project: Project) -> Path:
    """A real project file on disk holding ``sample_project``."""
    path = tmp_path / "sample.gstudio"
    ProjectStore.create(path, sample_project).close()
    return path


@pytest.fixture(scope="session")
def demo_server():
    """The demo app served on 127.0.0.1 for the whole session."""
    from studio.demo_server import DemoServer

    with DemoServer() as server:
        yield server


@pytest.fixture(scope="session")
def _test_server():
    from .server import TestServer

    server = TestServer()
    yield server
    server.stop()


@pytest.fixture
def server(_test_server):
    """The fixture-page server, emptied after each test."""
    yield _test_server
    _test_server.reset()


@pytest.fixture(scope="session")
def browser():
    """A real headless Chromium through Playwright."""
    from playwright.sync_api import sync_playwright

    from studio.browser import launch_options

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(**launch_options(headless=True))
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh browser context and page, closed after the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.set_default_timeout(5000)
    page = context.new_page()
    yield page
    context.close()


from .ui_fixtures import dialogs, make_window  # noqa: E402,F401 - fixtures for the studio's window
