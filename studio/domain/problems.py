"""One finding of the project check (``lint.py``), shared by the modules that make them."""

from __future__ import annotations

from dataclasses import dataclass

from .rules import UrlRule


@dataclass(frozen=True)
class LintProblem:
    """One problem: which rule, which guide, what field, and a sentence for the author."""

    rule: str
    guide_id: str
    field: str
    message: str
    blocks_export: bool = False

    def line(self) -> str:
        """The problem as one line: ``guide-id field: message``."""
        return f"{self.guide_id} {self.field}: {self.message}"


def quote_pages(rule: UrlRule | None) -> str:
    """Where a guide or its part shows, in a problem's words: the rule's value, or "any page"."""
    return "any page" if rule is None else rule.value
