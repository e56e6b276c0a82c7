"""The entries of a resource center: guides to start, links and short articles, in sections.

The resource center and the announcements it lists are guides (``guide.py``); this is what one of
its lines holds."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from .base import Identifier, Label, Model, SafeUrl
from .rules import AudienceRule, UrlRule


class EntryAction(StrEnum):
    """What clicking a resource center entry does (named like a checklist item's actions)."""

    start_guide = "start_guide"
    """Starts a guide (and closes the panel)."""
    open_url = "open_url"
    """Opens an address."""
    article = "article"
    """Shows a short text inside the panel."""


_ONLY = {"guide_id": EntryAction.start_guide, "url": EntryAction.open_url, "body": EntryAction.article}
"""The field each entry type needs, and that no other type may have."""


class CenterEntry(Model):
    """One line of a resource center: a guide to start, a link or a short article, in a section."""

    id: Identifier
    section: Annotated[str, StringConstraints(strip_whitespace=True, max_length=80)] = ""
    """Entries with the same section sit together under its heading, in the order of the first one."""
    action: EntryAction = EntryAction.start_guide
    title: Label
    text: Annotated[str, StringConstraints(max_length=300)] = ""
    """A one-line summary, searched with the title."""
    guide_id: Identifier | None = None
    url: SafeUrl | None = None
    body: Annotated[str, StringConstraints(max_length=4000)] = ""
    audience: AudienceRule | None = None
    """Only users this rule matches see the entry."""
    pages: UrlRule | None = None
    """The entry shows only on these pages."""

    @model_validator(mode="after")
    def _check(self) -> CenterEntry:
        for name, owner in _ONLY.items():
            value = getattr(self, name)
            if self.action is owner and not value:
                raise ValueError(
                    {
                        "guide_id": "choose the guide it starts",
                        "url": "give the address it opens",
                        "body": "write the article's text",
                    }[name]
                )
            if self.action is not owner and value:
                raise ValueError(f"an entry that {_DOES[self.action]} has no {name.replace('_id', '')}")
        return self


_DOES = {
    EntryAction.start_guide: "starts a guide",
    EntryAction.open_url: "opens an address",
    EntryAction.article: "shows an article",
}


def check_center(center_id: str, entries: list[CenterEntry]) -> None:
    """Entries have their own ids and never start the center they are in."""
    ids = [entry.id for entry in entries]
    if len(set(ids)) != len(ids):
        raise ValueError("two entries share an id; every entry needs its own")
    if any(entry.guide_id == center_id for entry in entries):
        raise ValueError("an entry starts the resource center it is in")


Entries = Annotated[list[CenterEntry], Field(min_length=1, max_length=100)]
