"""The guide's own controls (in the runtime's shadow root) found, checked and used as a user would:
a real click at the centre of what the user sees, or focus and real typing, with no selector engine
injected into the page (Playwright's costs a compile per page and round trips per action)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .guide_run import GuideRun

_ROOT = 'const host = document.querySelector("[data-guide-runtime]"), root = host && host.shadowRoot;'
"""The runtime's shadow root (``root``), or null before the runtime showed anything."""

PART = r"""async ([selector, ms, text]) => {
  // Wait (bounded, on animation frames) for a visible part of the runtime's UI: the first match
  // of `selector`, or of the ones whose text is `text`. What a user clicks is the label around it.
  const textOf = (el) => (el.innerText || el.textContent || "").trim();
  const find = () => {  // the runtime may mount its UI only later
    const host = document.querySelector("[data-guide-runtime]"), root = host && host.shadowRoot;
    const all = root ? Array.from(root.querySelectorAll(selector)) : [];
    return text == null ? all[0] : all.find(el => textOf(el) === text);
  };
  const shown = (el) => !!el && el.getClientRects().length > 0 &&
    getComputedStyle(el).visibility !== "hidden";
  const frame = () => new Promise(r => requestAnimationFrame(r));
  const end = performance.now() + ms;
  let el = find();
  while (!shown(el) && performance.now() < end) { await frame(); el = find(); }
  if (!el) return {error: "missing"};
  if (!shown(el)) return {error: "hidden"};
  const user = el.closest("label") || el;
  const r = user.getBoundingClientRect();
  const x = r.left + r.width / 2, y = r.top + r.height / 2;
  const vv = window.visualViewport, vx = vv ? vv.offsetLeft : 0, vy = vv ? vv.offsetTop : 0;
  if (x < vx || y < vy || x > vx + (vv ? vv.width : innerWidth) || y > vy + (vv ? vv.height : innerHeight))
    return {error: "offscreen"};
  let top = document.elementFromPoint(x, y);
  for (let guard = 0; top && top.shadowRoot && guard < 20; guard++) {
    const inner = top.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === top) break;
    top = inner;
  }
  if (!top || !user.contains(top)) return {error: "covered"};
  if (el.disabled) return {error: "disabled"};
  return {point: [x - vx, y - vy], text: textOf(el), checked: "checked" in el ? el.checked : null};
}"""
"""``[selector, ms, text | null]`` → ``{point, text, checked}`` or ``{error}`` (missing, hidden,
offscreen, covered, disabled)."""

FOCUS = (
    "(selector) => {"
    + _ROOT
    + r"""
  // Focus a field of the runtime's UI with its content selected, as Playwright's fill does first.
  const el = root && root.querySelector(selector);
  if (!el || !el.getClientRects().length) return false;
  el.focus();
  el.select();
  return root.activeElement === el;
}"""
)

CHECKED = (
    "(selector) => {"
    + _ROOT
    + " const el = root && root.querySelector(selector); return !!el && el.checked; }"
)

LABELS = (
    "(selector) => {"
    + _ROOT
    + " return root ? Array.from(root.querySelectorAll(selector), el => el.innerText.trim()) : []; }"
)
"""The text of every match of a selector in the runtime's UI."""


class ControlError(Exception):
    """A control of the guide's UI could not be used: missing, hidden, offscreen, covered, disabled."""


async def part(run: GuideRun, selector: str, ms: int = 2_000, text: str | None = None) -> dict[str, Any]:
    """The control, waited for (bounded) until visible; ControlError names why it cannot be used."""
    ms = run._event_ms(ms)
    found = await run.call(run.page.evaluate(PART, [selector, ms, text]), ms / 1000 + run.link.seconds)
    if found.get("error"):
        raise ControlError(found["error"])
    return found


async def click(run: GuideRun, selector: str, ms: int = 2_000, text: str | None = None) -> dict[str, Any]:
    """Click the control (its label when it has one) at its centre with a real mouse event."""
    found = await part(run, selector, ms, text)
    await run.call(run.page.mouse.click(*found["point"]))
    return found


async def type_into(run: GuideRun, selector: str, value: str) -> None:
    """Focus the field with its content selected and type ``value`` with real input."""
    await part(run, selector)
    if not await run.call(run.page.evaluate(FOCUS, selector)):
        raise ControlError("not focusable")
    await run.call(run.page.keyboard.insert_text(value))
