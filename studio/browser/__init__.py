"""Find a Chromium-family browser for Playwright, in the order DESIGN.md gives."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LAUNCH_ARGS = (
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
HEADLESS_ARGS = (
    # A headless window still preloads the address bar's WebUI pop-up: a renderer of its own that
    # burns ~0.7 s of CPU per window, and Playwright opens a window per context (so per replayed
    # guide). No headless user can see it. And Chromium keeps a spare renderer warm for the
    # context that navigated last; a replay never opens a second page in a context, so each spare
    # was started for nothing (4 fresh contexts with 2 page loads each: 8 renderers, 4 without).
    # Chromium reads only the last --disable-features given: launch_options joins this list with
    # Playwright's own (launch.merged_features), for the browsers Playwright launches and ours alike.
    "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup,"
    "SpareRendererForSitePerProcess",
)
SYSTEM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
SYSTEM_PATHS = (
    "/usr/bin/chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    r"C:\Program Files\Google\Chrome\Application\chrome.exe",
    r"C:\Program Files (x86)\Google\Chrome\Application\chrome.exe",
)
HOW_TO_FIX = (
    "no Chromium or Chrome browser found; install one (Debian/Ubuntu: sudo apt-get install "
    "chromium), run 'playwright install chromium', or set STUDIO_BROWSER to a browser's path"
)


class BrowserNotFound(Exception):
    """No usable browser; the message says how to get one."""


def _playwright_chromium() -> Path | None:
    root = os.environ.get("PLAYWRIGHT_BROWSERS_PATH")
    base = Path(root) if root and root != "0" else _default_playwright_cache()
    patterns = (
        "chromium-*/chrome-linux*/chrome",
        "chromium-*/chrome-mac*/Chromium.app/Contents/MacOS/Chromium",
        "chromium-*/chrome-win*/chrome.exe",
    )
    try:
        found = sorted((p for pattern in patterns for p in base.glob(pattern)), reverse=True)
    except OSError:  # an unreadable cache folder: look elsewhere
        return None
    return found[0] if found else None


def _user_cache() -> Path:
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches"
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA", Path.home()))
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))


def _default_playwright_cache() -> Path:
    return _user_cache() / "ms-playwright"


@contextmanager
def driver_compile_cache() -> Iterator[None]:
    """While Playwright's driver (Node.js) starts, let Node keep its compiled code in the user's
    cache: the driver's ~10 MB of JavaScript is then not compiled again on every start (about a
    fifth of its start-up CPU). A NODE_COMPILE_CACHE already set is left alone."""
    if "NODE_COMPILE_CACHE" in os.environ:
        yield
        return
    os.environ["NODE_COMPILE_CACHE"] = str(_user_cache() / "guide-studio" / "node-compile-cache")
    try:
        yield  # Node ignores a cache folder it cannot create or write
    finally:
        os.environ.pop("NODE_COMPILE_CACHE", None)


def find_browser(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The browser to launch: the setting, STUDIO_BROWSER, Playwright's own, then the system's."""
    chosen = explicit or os.environ.get("STUDIO_BROWSER")
    if chosen:
        path = Path(chosen)
        if path.is_file() and os.access(path, os.X_OK):
            return path
        raise BrowserNotFound(f"the browser set to '{chosen}' does not exist or cannot run; {HOW_TO_FIX}")
    own = _playwright_chromium()
    if own is not None:
        return own
    for name in SYSTEM_NAMES:
        found = shutil.which(name)
        if found:
            return Path(found)
    for candidate in SYSTEM_PATHS:
        if Path(candidate).is_file():
            return Path(candidate)
    raise BrowserNotFound(HOW_TO_FIX)


def launch_options(*, headless: bool = True, explicit: str | None = None) -> dict[str, object]:
    """Keyword arguments for Playwright's ``chromium.launch``: our switches (a features list that keeps
    Playwright's own, which ours would otherwise replace) and an environment Chromium can start in."""
    from .launch import PLAYWRIGHT_SWITCHES, browser_env, merged_features  # launch.py imports this module

    args = list(LAUNCH_ARGS)
    if headless:
        theirs = [s for s in PLAYWRIGHT_SWITCHES if s.startswith("--disable-features=")]
        args = merged_features([*args, *theirs, *HEADLESS_ARGS])
    return {
        "executable_path": str(find_browser(explicit)),
        "headless": headless,
        "args": args,
        "env": browser_env(),
    }
