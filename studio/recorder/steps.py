"""Turn captures into guide steps with titles an author would have written."""

from __future__ import annotations

from urllib.parse import urlsplit

from ..domain import Advance, Step, UrlRule
from .events import Capture


def capture_page(capture: Capture) -> UrlRule:
    """The page a capture was made on, as a rule a guide or a step can wait for (the path only, so a
    guide recorded on localhost plays on the production domain)."""
    return UrlRule(match="exact", value=urlsplit(capture.url).path or "/")


def title_name(capture: Capture) -> str:
    """The element's name as a step title says it: its accessible name, else the words it shows (a menu
    entry that is an ``<a>`` without ``href`` has no role: "Click Forms", not 'Click a "Forms"'), without a
    required-field mark ("First Name *") and read once when two labels name one field (Gentelella's
    form page labels ``first-name`` twice: "First Name * First Name *")."""
    fp = capture.target.fingerprint
    shown = (fp.name or fp.text or "") if fp else ""
    raw = capture.name or (shown if len(shown) <= 80 else "") or capture.target.describe()
    # Titles are one line of plain text (the domain refuses control characters): fold the name.
    words = "".join(ch if ch.isprintable() else " " for ch in raw).split()
    half = len(words) // 2
    if half and len(words) % 2 == 0 and words[:half] == words[half:]:
        words = words[:half]
    return " ".join(words).rstrip(" *:")


def step_title(capture: Capture) -> str:
    """A recorded step's title (users read it in the callout): "Click Save", "Type into Company name"."""
    name = title_name(capture)
    if capture.kind == "input":
        return f"Type into {name}" if name else "Fill in this field"
    if capture.kind == "click":
        return f"Click {name}" if name else "Click here"
    return name or "This element"


def step_from_capture(capture: Capture, step_id: str) -> Step:
    """A step on the captured element: "Click Save", "Type into Company name" …

    What the author typed into a field that is not secret becomes the step's sample input, so
    a test types it again; a secret field (password, one-time code, card) never has one: its
    test asks for ``--input`` or a login recipe instead.
    """
    if capture.kind == "input":
        sample = None if capture.sensitive or not capture.value else capture.value[:500]
        advance = Advance(mode="input", sample_input=sample)
    else:
        advance = Advance(mode="click") if capture.kind == "click" else Advance()
    return Step(
        id=step_id,
        title=step_title(capture)[:200],
        target=capture.target,
        page=capture_page(capture),
        advance=advance,
    )
