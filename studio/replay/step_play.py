"""How each kind's steps are played and judged in a replayed page: shown (hover for a tooltip,
the beacon for a hotspot), probed, checked for accessibility when asked, then advanced as a user
would (Next, a click at the probed point, typing)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from ..browser.probes import OVER_APP, SCROLL_TO_TARGET, UNDER_BANNER, WAIT_FOR_TARGET
from ..domain import AdvanceMode, Banner, Hotspot, Launcher, Modal, Step, Target, Tooltip, Walkthrough
from .a11y import AXE_RUN, axe_script
from .page_link import PageUnresponsive, RunTimeout
from .results import StepResult, describe_target, first_line

if TYPE_CHECKING:
    from .guide_run import GuideRun

MIDDLE_OF = """([selector]) => { const r = document.querySelector("[data-guide-runtime]").shadowRoot
  .querySelector(selector).getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; }"""
"""The middle of one of the runtime's own elements, where a user clicks it once it moved."""

SETTLE_CHECKS, SETTLE_MS = 3, 200
"""A launcher over an app's fixed control is looked at again this often, this far apart (600 ms: beyond the
runtime's 300 ms poll, after which its corner stack sits above a bar the app showed late, like Tabler's)."""

EVENT_SLICE_MS = 2_000
"""The longest the page waits for a step's event before Python looks at cancel and the deadline."""

SECRET_FIELD = (  # the fields whose values the recorder never keeps (recorder/10-targets.js: sensitive)
    "el => el.type === 'password' || "
    "/^(cc-|one-time-code|current-password|new-password)/.test(el.getAttribute('autocomplete') || '')"
)

TYPE_INTO = (
    "([target, value, askSecret]) => { const secret = "
    + SECRET_FIELD
    + ";"
    + r"""
  // What Playwright's fill does before it types, in the main world (no injected script per page):
  // a field that can take the text is focused with its content selected; the few input types
  // typing cannot fill get their value set, with the input and change events a user's change fires.
  const el = GuideRuntime.resolve(target).element;
  if (!el) return "gone";
  if (askSecret && secret(el)) return "secret";
  const SET = ["color", "date", "time", "datetime-local", "month", "range", "week"];
  const TYPE = ["", "email", "number", "password", "search", "tel", "text", "url"];
  const field = el.localName === "input" || el.localName === "textarea";
  if (field) {
    const type = el.localName === "input" ? el.type.toLowerCase() : "";
    if (!SET.includes(type) && !TYPE.includes(type))
      return "error: an input of type " + type + " cannot be filled";
    if (el.disabled) return "error: the field is disabled";
    if (el.readOnly) return "error: the field is read-only";
    if (type === "number" && isNaN(Number(value))) return "error: cannot type text into a number field";
    el.focus();
    if (SET.includes(type)) {
      el.value = value;
      if (el.value !== value) return "error: malformed value for an input of type " + type;
      el.dispatchEvent(new Event("input", {bubbles: true, composed: true}));
      el.dispatchEvent(new Event("change", {bubbles: true, composed: true}));
      return "set";
    }
    el.select();
    if (el.selectionStart === null) el.value = "";  // types without a text selection (email, number)
    return el;
  }
  if (el.isContentEditable) {
    el.focus();
    const range = el.ownerDocument.createRange(), sel = el.ownerDocument.getSelection();
    range.selectNodeContents(el); sel.removeAllRanges(); sel.addRange(range);
    return el;
  }
  return "error: the target is not an <input>, <textarea> or [contenteditable] element";
}"""
)
"""Ready the target for typing: ``[target, value, askSecret]`` → the element, or gone / secret /
set (a value set and changed without typing) / ``error: …``."""

CHANGE = "el => el.dispatchEvent(new Event('change', {bubbles: true, cancelable: true, composed: true}))"


GUIDE_STARTED = """([id, ms]) => new Promise(done => {
  const seen = () => (window.__replayLog || []).some(([n, d]) => n === "guide_started" && d.guideId === id);
  if (seen()) return done(true);
  const on = () => { if (seen()) { off(); done(true); } };
  const off = () => { removeEventListener("guide-runtime:guide_started", later); clearTimeout(t); };
  const later = () => setTimeout(on, 0);
  addEventListener("guide-runtime:guide_started", later);
  const t = setTimeout(() => { off(); done(seen()); }, ms);
})"""
"""Wait (bounded, on the runtime's own event) for a guide to start; true when it did."""


LOST = {
    "not_found": "no element matches",
    "ambiguous": "several elements match equally:",
    "hidden": "the element is hidden:",
}
"""A lost target's reason in words, before the selectors it was recorded with."""


class StepPlayer:
    """Plays one guide run's steps (or its checklist) through the run's bounded calls and probes."""

    def __init__(self, run: GuideRun) -> None:
        self.run = run

    async def checklist(self, outcome: StepResult) -> None:
        """A checklist passes when its launcher shows, on screen and uncovered."""
        self.run.current = outcome
        began = time.monotonic()
        probe = await self.run._probe(
            None,
            {
                "waitFor": {
                    "selector": ".gs-launcher",
                    "ms": self.run._event_ms(5_000),
                    "what": "checklist launcher",
                },
                "callout": True,
            },
            5 + self.run.link.seconds,
        )
        if probe["status"] != "ok":
            await self.run._judge(
                outcome, "not_found" if probe["status"] == "missing" else probe["status"], probe["detail"]
            )
            return
        if not await self.leaves_app(outcome, ".gs-launcher", "checklist launcher", probe):
            return
        outcome.status = "passed"
        outcome.screenshot = await self.run._shot()
        outcome.seconds = time.monotonic() - began

    async def steps(self) -> None:
        """Every step not judged yet, in order; a cancel skips the rest."""
        for index, step in enumerate(self.run.guide.steps):
            outcome = self.run.result.steps[index]
            if outcome.status != "pending":
                continue
            if self.run.cancelled():
                outcome.status, outcome.reason, outcome.detail = "skipped", "cancelled", "run cancelled"
                continue
            self.run.current = outcome
            began = time.monotonic()
            await self._step(index, step, outcome)
            outcome.seconds = time.monotonic() - began
        self.run.current = None

    async def _accessible(self, outcome: StepResult) -> bool:
        """axe-core with the step shown: False (the step failed) when the guide's own UI breaks a rule."""
        if not await self.run.call(self.run.page.evaluate("() => typeof axe === 'object'")):
            await self.run.call(self.run.page.evaluate(axe_script()))
        found = await self.run.call(self.run.page.evaluate(AXE_RUN), 30, phase="a11y")
        if found["app"]:
            outcome.notes = "the app's own accessibility problems (not failed): " + ", ".join(found["app"])
        if found["ours"]:
            await self.run._judge(
                outcome, "a11y", "the guide breaks accessibility rules: " + "; ".join(found["ours"])
            )
            return False
        return True

    async def _weighed(self, target: dict | None) -> tuple[str, ...]:
        """What the runtime weighed for a lost target, best first (check-targets' lines), so QA reads
        whether it is really gone or renamed ("canvas#chart_gauge_01 under …"); none if the page went."""
        try:
            found = await self.run.call(
                self.run.page.evaluate(WAIT_FOR_TARGET, [target, 0]), 10, phase="probes"
            )
        except (RunTimeout, PageUnresponsive):
            raise
        except Exception:  # noqa: BLE001 - the page navigated meanwhile: the failure stands without them
            return ()
        return tuple(found.get("weighed") or ())

    async def _reach(self, target: Target, wait_ms: int) -> dict:
        """Wait (bounded) for the target; one below the fold is scrolled to, as a user would (the runtime
        scrolls only to a walkthrough's step: a tooltip or a hotspot waits where its element is)."""
        data = target.model_dump(mode="json", by_alias=True)
        wait = [data, self.run._event_ms(wait_ms)]
        seconds = wait_ms / 1000 + self.run.link.seconds
        found = await self.run.call(self.run.page.evaluate(WAIT_FOR_TARGET, wait), seconds, phase="waits")
        if found.get("point") and await self.run.call(self.run.page.evaluate(SCROLL_TO_TARGET, data)):
            found = await self.run.call(self.run.page.evaluate(WAIT_FOR_TARGET, wait), seconds, phase="waits")
        return found

    async def _hover(self, target: Target, wait_ms: int) -> None:
        """Reach the target and move the mouse onto it, as a user about to read its tip."""
        found = await self._reach(target, wait_ms)
        if found.get("point"):
            await self.run.call(self.run.page.mouse.move(*found["point"]))

    async def _step(self, index: int, step: Step, outcome: StepResult) -> None:
        guide = self.run.guide
        target = step.target.model_dump(mode="json", by_alias=True) if step.target else None
        suffix = f"; target {describe_target(step.target)}" if step.target else ""
        if isinstance(guide, Tooltip) and step.target is not None:
            await self._hover(step.target, step.wait_ms)
        if isinstance(guide, Hotspot):
            if step.target is not None:
                await self._reach(step.target, step.wait_ms)
            wait = {"selector": ".gs-beacon", "ms": self.run._event_ms(step.wait_ms + 2000), "what": "beacon"}
            beacon = await self.run._probe(
                target,
                {"waitFor": wait, "callout": True, "beacon": True},
                step.wait_ms / 1000 + 2 + self.run.link.seconds,
            )
            if beacon["status"] == "ok":
                await self.run.call(self.run.page.mouse.click(*beacon["callout"]))
            elif beacon["status"] != "missing":  # a missing beacon: the runtime's event below says why
                await self.run._judge(outcome, beacon["status"], beacon["detail"] + suffix)
                return
        give_up = time.monotonic() + (step.wait_ms + 10_000) / 1000
        while True:  # in slices, so a cancel or the deadline gets through while the page waits
            slice_ms = self.run._event_ms(min(EVENT_SLICE_MS, (give_up - time.monotonic()) * 1000))
            probe = await self.run._probe(
                target,
                {"event": {"index": index, "ms": slice_ms}, "callout": True},
                slice_ms / 1000 + self.run.link.seconds,
            )
            if probe.get("event") is not None or time.monotonic() >= min(give_up, self.run.deadline):
                break
            if self.run.cancelled():
                break
        if probe.get("event") is None:
            if time.monotonic() >= self.run.deadline:
                raise RunTimeout
            if self.run.cancelled():
                outcome.status, outcome.reason, outcome.detail = "skipped", "cancelled", "run cancelled"
                return
            waiting = f" (waiting for page {step.page.value})" if step.page else ""
            await self.run._judge(outcome, "timeout", "the step never showed" + waiting)
            return
        name, detail = probe["event"]
        if name == "target_not_found":
            outcome.confidence = detail.get("confidence")
            if step.optional:
                outcome.status, outcome.detail = "skipped", f"optional step: target {detail.get('reason')}"
                return
            reason = detail.get("reason") or "not_found"
            outcome.weighed = await self._weighed(target)
            closest = f"; closest: {outcome.weighed[0]}" if outcome.weighed else ""
            said = LOST.get(reason, f"target {reason}:")
            await self.run._judge(outcome, reason, f"{said} {describe_target(step.target)}{closest}")
            return
        if name != "step_shown":
            await self.run._judge(outcome, "ended", f"the guide ended early ({name})")
            return
        outcome.confidence = probe.get("confidence")
        if probe["status"] != "ok":
            await self.run._judge(outcome, probe["status"], probe["detail"] + suffix)
            return
        problem = self.run._http_problem()
        if problem:
            await self.run._judge(outcome, "http_error", problem)
            return
        if self.run.a11y and not await self._accessible(outcome):
            return
        outcome.screenshot = await self.run._shot()
        if isinstance(guide, Walkthrough):
            await self._advance(index, step, outcome, probe)
            return
        if isinstance(guide, Launcher):
            await self._open(guide, probe, outcome)
            return
        if isinstance(guide, Banner) and not await self._uncovering(outcome):
            return
        if isinstance(guide, (Tooltip, Hotspot, Modal, Banner)):
            outcome.status = "passed"

    async def leaves_app(self, outcome: StepResult, selector: str, what: str, probe: dict) -> bool:
        """False (the step failed) when the guide's launcher sits on a fixed control of the app's own
        (its settings button, its cookie bar's links): the author should pick another corner."""
        under = await self.run.call(self.run.page.evaluate(OVER_APP, [selector]), phase="probes")
        for _ in range(
            SETTLE_CHECKS
        ):  # a fixed bar the app shows after load: the runtime's poll lifts the stack
            if not under:
                break
            await self.run.call(self.run.page.wait_for_timeout(SETTLE_MS), phase="probes")
            under = await self.run.call(self.run.page.evaluate(OVER_APP, [selector]), phase="probes")
            probe["callout"] = await self.run.call(
                self.run.page.evaluate(MIDDLE_OF, [selector]), phase="probes"
            )
        if under:
            await self.run._judge(
                outcome, "overlap", f"the {what} covers the app's own fixed control: {', '.join(under[:3])}"
            )
            return False
        return True

    async def _uncovering(self, outcome: StepResult) -> bool:
        """A shown banner fails when it covers an element another guide of the bundle points at on
        this page (the banner sits where a tour's callout, a tooltip or a launcher needs the app)."""
        if not self.run.others:
            return True
        hidden = await self.run.call(self.run.page.evaluate(UNDER_BANNER, [self.run.others]), phase="probes")
        if hidden:
            what = "; ".join(hidden[:3]) + (f"; and {len(hidden) - 3} more" if len(hidden) > 3 else "")
            await self.run._judge(outcome, "covered", "the banner covers what other guides point at: " + what)
            return False
        return True

    async def _open(self, guide: Launcher, probe: dict, outcome: StepResult) -> None:
        """Click a launcher as a user would; it passes when the guide it opens starts (bounded wait)."""
        if not probe.get("callout"):
            await self.run._judge(outcome, "covered", "the launcher has no point a user can click")
            return
        if not await self.leaves_app(outcome, ".gs-launch", "launcher", probe):
            return
        await self.run.call(self.run.page.mouse.click(*probe["callout"]))
        ms = self.run._event_ms(3000)
        started = await self.run.call(
            self.run.page.evaluate(GUIDE_STARTED, [guide.guide_id, ms]), ms / 1000 + 2
        )
        if started:
            outcome.status = "passed"
        else:
            await self.run._judge(
                outcome, "ended", f"clicking the launcher did not start guide '{guide.guide_id}'"
            )

    async def _type(self, step: Step, outcome: StepResult, value: str | None) -> bool:
        """Type into the step's target as a user would (select its content, type the text, leave
        the field); False when the step failed instead."""
        assert step.target is not None
        page = self.run.page
        target = step.target.model_dump(mode="json", by_alias=True)
        text = value or "test"
        handle = await self.run.call(page.evaluate_handle(TYPE_INTO, [target, text, value is None]))
        element = handle.as_element()
        state = None if element is not None else await self.run.call(handle.json_value())
        if state == "gone":
            gone = f"the target was gone when typing into it: {describe_target(step.target)}"
            await self.run._judge(outcome, "not_found", gone)
            return False
        if state == "secret":
            self.run._fail(
                outcome,
                "needs_input",
                "this is a secret field, so the recording kept no value: give "
                f"--input {self.run.guide.id}.{step.id}=VALUE or a login recipe (--login-script)",
            )
            return False
        if isinstance(state, str) and state.startswith("error: "):
            await self.run._judge(outcome, "error", f"could not input the target: {state[7:]}")
            return False
        if element is not None:
            await self.run.call(page.keyboard.insert_text(text))
            await self.run.call(element.evaluate(CHANGE))
        return True

    async def _advance(self, index: int, step: Step, outcome: StepResult, probe: dict) -> None:
        from playwright.async_api import Error as PlaywrightError

        mode = step.advance.mode
        try:
            if mode is AdvanceMode.next:
                if not probe.get("primary"):
                    await self.run._judge(outcome, "missing", "the callout has no Next button")
                    return
                await self.run.call(self.run.page.mouse.click(*probe["primary"]))
            elif mode is AdvanceMode.input and step.target is not None:
                value = (
                    self.run.inputs.get(f"{self.run.guide.id}.{step.id}")
                    or self.run.inputs.get(step.id)
                    or step.advance.sample_input
                )
                if not await self._type(step, outcome, value):
                    return
            elif probe.get("point"):
                await self.run.call(self.run.page.mouse.click(*probe["point"]))
        except PlaywrightError as exc:
            await self.run._judge(outcome, "error", f"could not {mode.value} the target: {first_line(exc)}")
            return
        completed = await self.run.wait_event(
            lambda n, d: (
                (n == "step_completed" and d.get("stepId") == step.id)
                or (n in ("step_shown", "target_not_found") and (d.get("stepIndex") or 0) > index)
            ),
            10,
        )
        if completed is None:
            await self.run._judge(
                outcome,
                "timeout",
                f"the step did not advance on '{mode.value}' (was the target still there?)",
            )
            return
        outcome.status = "passed"
