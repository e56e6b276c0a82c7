"""Shared building blocks of the domain models: the base class and small value types."""

from __future__ import annotations

import re
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints
from pydantic.alias_generators import to_camel


class Model(BaseModel):
    """Base of every domain model: camelCase on the wire, unknown fields refused."""

    model_config = ConfigDict(
        alias_generator=to_camel,
        populate_by_name=True,
        extra="forbid",
        validate_assignment=True,
    )


Identifier = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$"),
]
"""A stable id: lower-case letters, digits, '-' and '_', at most 64 characters."""

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def check_plain_text(value: str) -> str:
    """Refuse control characters (NUL, tabs, line breaks …) and lone surrogates in one-line text."""
    found = _CONTROL.search(value)
    if found:
        raise ValueError(
            f"contains a control character (U+{ord(found.group()):04X}); use plain text on one line"
        )
    return value


Label = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
    AfterValidator(check_plain_text),
]
"""A short piece of plain text shown to end users (a title, a button label): one line, no controls."""

_SAFE_SCHEMES = {"http", "https", "mailto"}
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def check_safe_url(value: str) -> str:
    """Accept http(s)/mailto URLs and relative links; refuse javascript:, data: and friends."""
    value = value.strip()
    if not value:
        raise ValueError("a link cannot be empty")
    # Browsers drop control characters and read "\\" as "/" (WHATWG URL parsing), so
    # "\x01javascript:" is javascript: and "/\\host" is //host to them: refuse what they would rewrite.
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in value) or len(value) > 2048:
        raise ValueError("this link contains control characters or is too long")
    if _SCHEME.match(value):
        scheme = urlsplit(value).scheme.lower()
        if scheme not in _SAFE_SCHEMES:
            raise ValueError(f"links must start with http://, https:// or mailto: (not {scheme}:)")
    elif value.replace("\\", "/").startswith("//"):
        raise ValueError("protocol-relative links (//host) are not allowed; write https://host")
    return value


SafeUrl = Annotated[str, AfterValidator(check_safe_url)]
"""A link an end user may follow: http(s), mailto or a relative path."""
