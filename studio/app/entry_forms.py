"""The form of one resource center entry (a guide to start, a link or a short article)."""

from __future__ import annotations

from .forms import FieldSpec

ENTRY_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(("section",), "Section", "line", "Entries with the same section sit together under it."),
    FieldSpec(
        ("action",),
        "Clicking it",
        "choice",
        choices=(
            ("start_guide", "starts a guide"),
            ("open_url", "opens an address"),
            ("article", "shows a short article"),
        ),
    ),
    FieldSpec(("title",), "Title", "line"),
    FieldSpec(("text",), "Summary", "line", "One line under the title; the search reads it too."),
    FieldSpec(("guide_id",), "Guide", "guide", when=(("action",), ("start_guide",))),
    FieldSpec(("url",), "Address", "line", when=(("action",), ("open_url",))),
    FieldSpec(
        ("body",), "Article", "html", "Bold, italic, links and lists.", when=(("action",), ("article",))
    ),
    FieldSpec(
        ("audience",), "Audience", "audience", "Who sees the entry; empty means everyone.", optional=True
    ),
    FieldSpec(("pages",), "On pages", "url_rule", "Leave empty to list it on every page.", optional=True),
)
"""Every field of an entry, in the order the form shows them."""
