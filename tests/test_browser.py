"""Finding a browser, and the one clear message when there is none."""

from __future__ import annotations

import pytest

from studio.browser import BrowserNotFound, find_browser


def test_explicit_browser_wins(tmp_path, monkeypatch):
    fake = tmp_path / "chrome"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    monkeypatch.setenv("STUDIO_BROWSER", str(fake))
    assert find_browser() == fake


def test_broken_setting_is_explained(monkeypatch, tmp_path):
    monkeypatch.setenv("STUDIO_BROWSER", str(tmp_path / "nope"))
    with pytest.raises(BrowserNotFound, match="does not exist or cannot run"):
        find_browser()


def test_no_browser_anywhere_gives_the_fix(monkeypatch, tmp_path):
    monkeypatch.delenv("STUDIO_BROWSER", raising=False)
    monkeypatch.setenv("PLAYWRIGHT_BROWSERS_PATH", str(tmp_path))
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr("studio.browser.SYSTEM_PATHS", ())
    with pytest.raises(BrowserNotFound) as info:
        find_browser()
    assert "apt-get install chromium" in str(info.value) and "STUDIO_BROWSER" in str(info.value)


def test_system_chromium_is_found(monkeypatch):
    monkeypatch.delenv("STUDIO_BROWSER", raising=False)
    assert find_browser().name in {
        "chromium",
        "chrome",
        "google-chrome",
        "chromium-browser",
        "google-chrome-stable",
    }
