"""Recording in a real browser: the Playwright session, captures turned into steps, drift checks.

Names load on first use (``studio.lazy``): reading a capture does not start Playwright.
"""

from ..lazy import lazy_exports

__getattr__, __all__ = lazy_exports(
    __name__,
    {
        ".events": ("Capture", "RecorderEvent"),
        ".session": ("RecorderSession",),
        ".steps": ("step_from_capture",),
    },
)
