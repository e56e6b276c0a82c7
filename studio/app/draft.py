"""A guide being edited: every change is validated at once and saved when the guide is valid (no Qt).

An author's change can leave a guide briefly invalid (a tooltip before its element is
picked, "advance when an element appears" before the element is chosen). The draft keeps
that state in memory with messages placed on the fields they concern, and saves — one
undoable command — as soon as the guide is valid again. Valid states are always on disk.
"""

from __future__ import annotations

import copy
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import to_jsonable_python

from ..domain import GUIDE_KINDS, CenterEntry, ChecklistItem, Guide, NpsQuestion, Step, next_free_id
from ..domain.errors import message_of, union_tags
from ..domain.survey import QUESTION_MODEL
from ..store import Pictures, ProjectFileError
from .forms import FieldPath

GUIDE = TypeAdapter(Guide)

_AUTOMATIC_KEYS = ("url", "element", "delay_ms")
_ADVANCE_KEEPS = {"element": "element", "url": "url", "input": "sample_input"}
_ITEM_ACTION_KEEPS = {"start_guide": "guide_id", "open_url": "url"}
_ENTRY_ACTION_KEEPS = {"start_guide": "guide_id", "open_url": "url", "article": "body"}
_ITEM_DONE_KEEPS = {"event": "event", "url": "complete_url", "element": "element"}


def dump(guide: Guide) -> dict[str, Any]:
    """A guide as the plain data the editor works on (Python field names, JSON values)."""
    return guide.model_dump(mode="json", exclude_none=True)


def _defaults(model) -> dict[str, Any]:
    """A model's field defaults as editor data (required fields left out)."""
    values = {}
    for name, info in model.model_fields.items():
        if info.is_required():
            continue
        value = info.get_default(call_default_factory=True)
        if isinstance(value, BaseModel):
            value = value.model_dump(mode="json", exclude_none=True)
        value = to_jsonable_python(value)
        if value is not None:
            values[name] = value
    return values


def with_defaults(data: dict[str, Any]) -> dict[str, Any]:
    """Guide data with every missing value at its model default, so a form never shows an empty
    number where the guide would play the default (a new tooltip's "wait 0 ms")."""
    entry = GUIDE_KINDS.get(data.get("kind", ""))
    if entry is None:
        return data
    out = {**_defaults(entry.model), **data}
    parts = out.get(entry.parts_key)
    if isinstance(parts, list):
        out[entry.parts_key] = [
            {**_defaults(_part_model(entry.parts_key, part)), **part} if isinstance(part, dict) else part
            for part in parts
        ]
    return out


def _part_model(parts_key: str, part: dict[str, Any]):
    """The model of one part: a step, a checklist item, a resource center entry, or its question type's."""
    if parts_key == "questions":
        return QUESTION_MODEL.get(part.get("type"), NpsQuestion)
    return {"steps": Step, "entries": CenterEntry}.get(parts_key, ChecklistItem)


def get_at(data: Any, path: FieldPath, default: Any = None) -> Any:
    """The value at ``path`` (keys and list indexes), or ``default`` when any part is missing."""
    node = data
    for key in path:
        in_dict = isinstance(node, dict) and key in node
        if in_dict or (isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node)):
            node = node[key]
        else:
            return default
    return node


def set_at(data: dict[str, Any], path: FieldPath, value: Any) -> dict[str, Any]:
    """A copy of ``data`` with ``value`` at ``path`` (None removes it; missing objects are created)."""
    out = copy.deepcopy(data)
    node: Any = out
    for key in path[:-1]:
        if isinstance(node, list):
            node = node[key]
            continue
        if not isinstance(node.get(key), dict | list):
            node[key] = {}
        node = node[key]
    last = path[-1]
    if isinstance(node, list):
        node[last] = value
    elif value is None:
        node.pop(last, None)
    else:
        node[last] = value
    return out


def tidy(data: dict[str, Any]) -> dict[str, Any]:
    """Drop values that no longer apply after a mode change, so switching modes never blocks saving."""
    trigger = data.get("trigger") or {"type": "manual"}
    kind = trigger.get("type", "manual")
    keep = _AUTOMATIC_KEYS if kind == "automatic" else ("element",) if kind == "launcher" else ()
    data["trigger"] = {"type": kind, **{k: v for k, v in trigger.items() if k in keep}}
    schedule = data.get("schedule")
    if isinstance(schedule, dict) and not any(schedule.values()):
        data.pop("schedule")
    for step in data.get("steps", []):
        advance = step.setdefault("advance", {"mode": "next"})
        wanted = _ADVANCE_KEEPS.get(advance.get("mode", "next"))
        for key in ("element", "url", "sample_input"):
            if key != wanted:
                advance.pop(key, None)
        for button in step.get("buttons", []):
            action = button.get("action", "next")
            if action != "url":
                button.pop("url", None)
            if action != "start_guide":
                button.pop("guide_id", None)
    for question in data.get("questions", []):
        model = QUESTION_MODEL.get(question.get("type"))
        if model is not None:
            for key in [key for key in question if key not in model.model_fields]:
                question.pop(key)
        if "options" in (model.model_fields if model else ()) and not question.get("options"):
            question["options"] = [{"id": f"option-{n}", "label": f"Option {n}"} for n in (1, 2)]
    for entry in data.get("entries", []):
        keep = _ENTRY_ACTION_KEEPS.get(entry.get("action", "start_guide"))
        for key in ("guide_id", "url", "body"):
            if key != keep:
                entry.pop(key, None)
    for item in data.get("items", []):
        action_keep = _ITEM_ACTION_KEEPS.get(item.get("action", "none"))
        for key in ("guide_id", "url"):
            if key != action_keep:
                item.pop(key, None)
        done_keep = _ITEM_DONE_KEEPS.get(item.get("complete_when", "clicked"))
        for key in ("event", "complete_url", "element"):
            if key != done_keep:
                item.pop(key, None)
    return data


def _field_loc(loc: tuple[Any, ...]) -> FieldPath:
    """A pydantic error location without the union tags (``walkthrough``, ``automatic`` …)."""
    return tuple(part for part in loc if not (isinstance(part, str) and part in union_tags()))


# Whole-guide rules that are about one field: shown on that field.
_FIELD_OF_RULE = {"is attached to an element; pick one": ("steps", 0, "target")}


def _placed(loc: FieldPath, message: str) -> tuple[FieldPath, str]:
    if not loc:
        for ending, field in _FIELD_OF_RULE.items():
            if message.endswith(ending):
                return field, message
    return loc, message


class GuideDraft:
    """One guide's editable data, its current problems, and the last saved version."""

    def __init__(self, save, data: dict[str, Any], saved: Guide | None, keep=None) -> None:
        """``save(guide, merge_key, pictures)`` stores a valid guide with its picture changes (one undoable
        edit); ``keep(draft)`` runs after every change (the session keeps unfinished changes in the file)."""
        self._save = save
        self._keep = keep
        self.data = with_defaults(data)
        self.saved = saved
        self.errors: list[tuple[FieldPath, str]] = []
        self.pictures: Pictures = {}
        """Picture changes waiting for the next save (a step recorded or picked while the guide was
        not valid yet); they travel with that save's undoable edit."""
        if saved is None or self.data != dump(saved):
            self._validate()

    @property
    def id(self) -> str:
        """The guide's id (fixed for the draft's life)."""
        return self.data["id"]

    @property
    def kind(self) -> str:
        """The guide's kind (a key of ``GUIDE_KINDS``)."""
        return self.data["kind"]

    @property
    def info(self):
        """The kind's registry entry."""
        return GUIDE_KINDS[self.kind]

    @property
    def parts_key(self) -> str:
        """The list the guide is made of: ``steps``, or ``items`` for a checklist."""
        return self.info.parts_key

    @property
    def parts(self) -> list[dict[str, Any]]:
        """The steps (or checklist items) as data."""
        return self.data.get(self.parts_key, [])

    @property
    def valid(self) -> bool:
        """Whether the current data is a valid guide (and therefore saved)."""
        return not self.errors

    def value(self, path: FieldPath, default: Any = None) -> Any:
        """The current value at ``path``."""
        return get_at(self.data, path, default)

    def set(
        self, path: FieldPath, value: Any, *, pictures: Pictures | None = None, merge: bool = True
    ) -> bool:
        """Change one value; saved when valid (typing merges with the previous change of the same field)."""
        key = (self.id, path) if merge else None
        return self.replace(tidy(set_at(self.data, path, value)), merge_key=key, pictures=pictures)

    def replace(
        self, data: dict[str, Any], *, merge_key: Any = None, pictures: Pictures | None = None
    ) -> bool:
        """Take new data for the whole guide (and picture changes); returns whether it was valid and saved."""
        self.data = with_defaults(data)
        self.pictures.update(pictures or {})
        guide = self._validate()
        if guide is not None and (guide != self.saved or self.pictures):
            try:
                self._save(guide, merge_key, dict(self.pictures))
            except ProjectFileError as exc:  # the file could not take it: keep the change, say why
                self.errors = [((), f"not saved: {exc}")]
                return False
            self.saved = guide
            self.pictures.clear()
        if self._keep is not None:
            self._keep(self)
        return guide is not None

    def _validate(self) -> Guide | None:
        try:
            guide = GUIDE.validate_python(self.data)
        except ValidationError as exc:
            self.errors = [_placed(_field_loc(tuple(e["loc"])), message_of(e)) for e in exc.errors()]
            return None
        self.errors = []
        return guide

    def problems(self, scope: FieldPath, fields: list[FieldPath]) -> tuple[dict[FieldPath, str], list[str]]:
        """The messages inside ``scope``: by field (longest matching path) and the rest."""
        placed: dict[FieldPath, str] = {}
        general: list[str] = []
        for loc, message in self.errors:
            if loc[: len(scope)] != scope:
                continue
            rel = loc[len(scope) :]
            best = max((f for f in fields if rel[: len(f)] == f), key=len, default=None)
            if best is None:  # a rule over several fields (advance mode + element): the first of them
                best = next((f for f in fields if f[: len(rel)] == rel and rel), None)
            if best is None:
                general.append(message)
            else:
                placed.setdefault(best, message)
        return placed, general

    def first_problem(self) -> str | None:
        """The first problem anywhere in the guide, in words, with where it is."""
        if not self.errors:
            return None
        loc, message = self.errors[0]
        where = []
        for index, part in enumerate(loc):
            if isinstance(part, int):
                noun = {"steps": "step", "items": "item", "buttons": "button"}.get(
                    str(loc[index - 1]), "entry"
                )
                where[-1:] = [f"{noun} {part + 1}"]
            else:
                where.append(str(part).replace("_", " "))
        return f"{', '.join(where)}: {message}" if where else message

    # -- steps and checklist items ---------------------------------------------------------

    def _with_parts(self, parts: list[dict[str, Any]], pictures: Pictures | None = None) -> bool:
        return self.replace({**copy.deepcopy(self.data), self.parts_key: parts}, pictures=pictures)

    def new_part_id(self) -> str:
        """The first free ``step-N`` / ``item-N`` id."""
        return next_free_id(self.info.part_noun.lower(), (p["id"] for p in self.parts))

    def add_part(
        self, after: int | None = None, part: dict[str, Any] | None = None, pictures: Pictures | None = None
    ) -> int:
        """Insert a new step or item after ``after`` (default: at the end), with its pictures; its index."""
        parts = copy.deepcopy(self.parts)
        if part is None:
            part = {"id": self.new_part_id(), self.info.part_title: f"New {self.info.part_noun.lower()}"}
            if self.parts_key == "questions":  # an open question users may leave empty (Next skips it)
                part.update(type="open_text", required=False)
        index = len(parts) if after is None else after + 1
        parts.insert(index, part)
        self._with_parts(parts, pictures)
        return index

    def duplicate_part(self, index: int, pictures: Pictures | None = None) -> int:
        """Copy a step or item right after itself under a new id; ``pictures`` are the source step's."""
        part = copy.deepcopy(self.parts[index])
        source, part["id"] = part["id"], self.new_part_id()
        copied = {(part["id"], kind): png for (step, kind), png in (pictures or {}).items() if step == source}
        return self.add_part(index, part, copied)

    def delete_part(self, index: int) -> bool:
        """Remove a step or item; refused (False) when it is the guide's last one."""
        if len(self.parts) <= 1:
            return False
        parts = copy.deepcopy(self.parts)
        del parts[index]
        self._with_parts(parts)
        return True

    def move_part(self, index: int, to: int) -> None:
        """Move a step or item to position ``to``."""
        parts = copy.deepcopy(self.parts)
        to = max(0, min(to, len(parts) - 1))
        if to != index:
            parts.insert(to, parts.pop(index))
            self._with_parts(parts)
