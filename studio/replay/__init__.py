"""Headless replay of a bundle for QA: every step checked in real Chromium with the shipped runtime.

Names load on first use (``studio.lazy``): a results view does not load Playwright.
"""

from ..lazy import lazy_exports

__getattr__, __all__ = lazy_exports(
    __name__,
    {
        ".results": ("GuideResult", "StepResult", "junit_xml"),
        ".runner": ("ReplayError", "replay"),
    },
)
