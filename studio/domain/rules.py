"""Rules that decide where and for whom a guide shows: URL rules, schedule, audience."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import AwareDatetime, Field, StringConstraints, field_validator, model_validator

from .base import Model
from .pattern import MAX_REGEX_LENGTH, compile_pattern, glob_source, search

# Globs and regexes run on a linear-time NFA (pattern.py), the same construction as the runtime's:
# no pattern can backtrack catastrophically, in the studio or in an end user's tab.


class UrlMatch(StrEnum):
    """How a URL rule compares its value with the page address."""

    exact = "exact"
    prefix = "prefix"
    glob = "glob"
    regex = "regex"


class UrlRule(Model):
    """Which pages a guide or step belongs to.

    The rule is compared with the page's path (``/settings``) unless its value contains
    ``://`` (then the whole address) or ``with_query`` is set (then path + ?query + #hash),
    so a guide recorded on localhost keeps working on the production domain.
    """

    match: UrlMatch = UrlMatch.prefix
    value: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2048)]
    with_query: bool = False

    @model_validator(mode="after")
    def _check_value(self) -> UrlRule:
        if self.match is UrlMatch.regex:
            check_url_regex(self.value)
        elif self.match is UrlMatch.glob:
            compile_pattern(glob_source(self.value))
        elif "*" in self.value:
            raise ValueError(f"'*' only works in a glob rule; choose 'glob' to use '{self.value}'")
        return self

    def subject(self, url: str) -> str:
        """The part of ``url`` this rule is compared with."""
        if "://" in self.value:
            return url
        parts = urlsplit(url)
        path = parts.path or "/"
        if self.with_query:
            path += (f"?{parts.query}" if parts.query else "") + (
                f"#{parts.fragment}" if parts.fragment else ""
            )
        return path

    def matches(self, url: str) -> bool:
        """Whether the page at ``url`` satisfies the rule (same semantics as the runtime)."""
        subject = self.subject(url)
        if self.match is UrlMatch.exact:
            return _trim_slash(subject) == _trim_slash(self.value)
        if self.match is UrlMatch.prefix:
            return subject.startswith(self.value)
        source = glob_source(self.value) if self.match is UrlMatch.glob else self.value
        return search(compile_pattern(source), subject)


def _trim_slash(path: str) -> str:
    return path[:-1] if len(path) > 1 and path.endswith("/") else path


def check_url_regex(pattern: str) -> str:
    """Refuse regular expressions that are too long or outside the linear-time subset."""
    if len(pattern) > MAX_REGEX_LENGTH:
        raise ValueError(f"the pattern is too long (at most {MAX_REGEX_LENGTH} characters)")
    compile_pattern(pattern)
    return pattern


class Schedule(Model):
    """An optional window of dates in which a guide may show."""

    start_at: AwareDatetime | None = None
    end_at: AwareDatetime | None = None

    @field_validator("start_at", "end_at")
    @classmethod
    def _to_utc(cls, value: datetime | None) -> datetime | None:
        return value.astimezone(UTC) if value else None

    @model_validator(mode="after")
    def _check_order(self) -> Schedule:
        if self.start_at and self.end_at and self.end_at <= self.start_at:
            raise ValueError("the end date must be after the start date")
        return self


class ConditionOp(StrEnum):
    """Comparison used by one audience condition."""

    equals = "equals"
    not_equals = "not_equals"
    contains = "contains"
    starts_with = "starts_with"
    one_of = "one_of"
    not_one_of = "not_one_of"
    greater_than = "greater_than"
    less_than = "less_than"
    exists = "exists"
    not_exists = "not_exists"


Scalar = str | float | bool


class Condition(Model):
    """One test over a user attribute passed to the runtime, e.g. plan equals "pro"."""

    attribute: Annotated[str, StringConstraints(pattern=r"^[A-Za-z_][A-Za-z0-9_.-]{0,63}$")]
    op: ConditionOp = ConditionOp.equals
    value: Scalar | list[str] | None = None

    @model_validator(mode="after")
    def _check_value(self) -> Condition:
        op, value = self.op, self.value
        if op in (ConditionOp.exists, ConditionOp.not_exists):
            if value is not None:
                raise ValueError(f"'{op.value}' takes no value")
        elif op in (ConditionOp.one_of, ConditionOp.not_one_of):
            if not isinstance(value, list) or not value:
                raise ValueError(f"'{op.value}' needs a list of at least one value")
        elif op in (ConditionOp.greater_than, ConditionOp.less_than):
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ValueError(f"'{op.value}' needs a number")
        elif value is None or isinstance(value, list):
            raise ValueError(f"'{op.value}' needs a single value")
        return self


class AudienceRule(Model):
    """Who sees a guide: all or any of a list of conditions over user attributes."""

    match: Literal["all", "any"] = "all"
    conditions: Annotated[list[Condition], Field(min_length=1, max_length=50)]
