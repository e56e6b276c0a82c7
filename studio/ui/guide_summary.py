"""Read-only HTML summary of a guide for the details pane (all author text escaped)."""

from __future__ import annotations

from html import escape

from ..domain import GUIDE_KINDS, Guide


def _trigger_text(guide: Guide) -> str:
    trigger = guide.trigger
    if trigger.type == "manual":
        return "Manual (runtime API, checklist or resource center)"
    if trigger.type == "launcher":
        return f"When the user clicks {trigger.element.describe()}"
    parts = ["Automatic"]
    if trigger.url is not None:
        parts.append(f"on pages matching {trigger.url.match.value} “{trigger.url.value}”")
    if trigger.element is not None:
        parts.append(f"once {trigger.element.describe()} is present")
    if trigger.delay_ms:
        parts.append(f"after {trigger.delay_ms / 1000:g} s")
    return ", ".join(parts)


def summary_html(guide: Guide) -> str:
    """The guide's kind, trigger, frequency and its steps or items, as safe HTML."""
    info = GUIDE_KINDS[guide.kind][1]
    rows = [
        ("Kind", f"{info.title} — {info.hint}"),
        ("Trigger", _trigger_text(guide)),
        ("Frequency", guide.frequency.value.replace("_", " ")),
        ("Priority", str(guide.priority)),
        ("Enabled", "yes" if guide.enabled else "no"),
    ]
    table = "".join(
        f"<tr><th align='left' style='padding-right:12px'>{escape(k)}</th><td>{escape(v)}</td></tr>"
        for k, v in rows
    )
    if guide.kind == "checklist":
        entries = [
            f"{escape(item.title)} <i>({escape(item.action.value.replace('_', ' '))})</i>"
            for item in guide.items
        ]
        heading = "Items"
    else:
        entries = [
            f"<b>{escape(step.title or '(untitled)')}</b>"
            + (f" — on {escape(step.target.describe())}" if step.target else " — centred")
            + f" <i>(advance: {escape(step.advance.mode.value)})</i>"
            for step in guide.steps
        ]
        heading = "Steps"
    items = "".join(f"<li>{entry}</li>" for entry in entries)
    return (
        f"<h2>{escape(guide.name)}</h2><p>{escape(guide.description)}</p>"
        f"<table>{table}</table><h3>{heading}</h3><ol>{items}</ol>"
    )
