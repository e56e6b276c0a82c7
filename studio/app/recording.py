"""The studio's browser, as the UI sees it: the recorder session and what it reports (no Qt).

The UI wraps ``RecorderSession``'s callback in a Qt signal; captures it reports go to
``ProjectSession.guides`` (``add_capture``, ``apply_pick``), never straight to the store.
"""

from ..browser import BrowserNotFound
from ..browser.media import serve_media
from ..recorder import Capture, RecorderEvent, RecorderSession
from ..recorder.steps import step_title

__all__ = [
    "BrowserNotFound",
    "Capture",
    "RecorderEvent",
    "RecorderSession",
    "preview_in_browser",
    "step_title",
]


def preview_in_browser(page, preview) -> None:
    """On the recorder's thread: add the preview script to every page of the browser, answer the
    project's images, bring the browser to the front (F5 shows it, even behind the studio) and open
    the preview's page (``preview``: a ``tasks.Preview``)."""
    serve_media(page.context, preview.images)
    page.context.add_init_script(script=preview.script)
    page.evaluate("() => { try { sessionStorage.removeItem('guide-studio-preview-off'); } catch (e) {} }")
    page.bring_to_front()
    page.goto(preview.url, wait_until="domcontentloaded", timeout=30_000)
