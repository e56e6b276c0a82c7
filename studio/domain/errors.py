"""Turn pydantic validation errors into sentences a content author understands."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from pydantic import ValidationError

_PLAIN = {
    "missing": "is required",
    "string_too_short": "cannot be empty",
    "extra_forbidden": "is not a known setting",
    "union_tag_invalid": "is not a known kind",
}


@cache
def union_tags() -> frozenset[str]:
    """The tags pydantic puts in error locations of tagged unions (kinds of guide, kinds of trigger)."""
    from .guide import AutomaticTrigger, LauncherTrigger, ManualTrigger
    from .kinds import GUIDE_KINDS
    from .survey import QUESTION_TYPES

    triggers = (AutomaticTrigger, LauncherTrigger, ManualTrigger)
    return (
        frozenset(GUIDE_KINDS) | {cls.model_fields["type"].default for cls in triggers} | set(QUESTION_TYPES)
    )


def _words(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", " ", name).replace("_", " ").lower()


def message_of(error: dict[str, Any]) -> str:
    """One pydantic error's message in an author's words (without where it is)."""
    kind = error["type"]
    ctx = error.get("ctx", {})
    if kind == "union_tag_invalid" and "'nps'" in str(ctx.get("expected_tags", "")):
        return f"is not a known type of question (use one of {ctx['expected_tags']})"
    if kind in ("less_than_equal", "greater_than_equal"):
        return f"can be at {'most' if kind == 'less_than_equal' else 'least'} {ctx.get('le', ctx.get('ge'))}"
    if kind in _PLAIN:
        return _PLAIN[kind]
    field = str(error["loc"][-1]) if error["loc"] else ""
    if kind == "string_pattern_mismatch" and field == "id":
        return "use lower-case letters, digits, '-' or '_' (at most 64)"
    if kind == "string_pattern_mismatch" and field.lower().endswith("color"):
        return "use a colour code like #2563eb"
    if kind == "string_pattern_mismatch" and field in ("font_family", "fontFamily"):
        return "use font names separated by commas (letters, digits, spaces, quotes and '-')"
    if kind == "string_pattern_mismatch" and field == "attribute":
        return "start with a letter; use letters, digits, '_', '.' or '-'"
    if kind == "string_pattern_mismatch" and field == "event":
        return "use letters, digits and _ . : - (at most 64)"
    if kind == "string_too_long":
        return f"is too long (at most {error.get('ctx', {}).get('max_length', 'the allowed')} characters)"
    if kind == "too_long":
        return f"has too many entries (at most {error.get('ctx', {}).get('max_length', 'the allowed')})"
    if kind in ("datetime_parsing", "datetime_from_date_parsing", "timezone_aware"):
        return "give a date and time"
    message = error["msg"]
    return message.removeprefix("Value error, ").removeprefix("Assertion failed, ")


def _place(loc: tuple[Any, ...], data: Any) -> str:
    parts: list[str] = []
    node = data
    for index, key in enumerate(loc):
        parent = loc[index - 1] if index else None
        child = node[key] if _indexable(node, key) else None
        if key in union_tags() and parent is not None:
            pass
        elif isinstance(key, int):
            name = (
                (child.get("name") or child.get("title") or child.get("label"))
                if isinstance(child, dict)
                else None
            )
            if isinstance(name, str):
                name = re.sub(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]", "\ufffd", name)  # shown, not obeyed
                if len(name) > 40:
                    name = name[:39] + "…"
            noun = {
                "guides": "guide",
                "steps": "step",
                "items": "item",
                "buttons": "button",
                "questions": "question",
                "options": "option",
            }.get(str(parent), "entry")
            parts[-1:] = [f"{noun} {key + 1}" + (f" “{name}”" if name else "")]
        else:
            parts.append(_words(str(key)))
        node = child if child is not None else node
    return ", ".join(parts)


def _indexable(node: Any, key: Any) -> bool:
    if isinstance(node, dict):
        return key in node
    return isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node)


def describe_errors(exc: ValidationError, data: Any = None) -> list[str]:
    """One line per problem, e.g. ``guide 2 “Tour”, step 3, title: cannot be empty``."""
    lines = []
    for error in exc.errors():
        place = _place(tuple(error["loc"]), data)
        message = message_of(error)
        lines.append(f"{place}: {message}" if place else message)
    return lines


def first_error(exc: ValidationError, data: Any = None) -> str:
    """The first problem as one line, with a count of the others."""
    lines = describe_errors(exc, data)
    more = f" (and {len(lines) - 1} more)" if len(lines) > 1 else ""
    return lines[0] + more
