"""Deterministic JSON: the bundle's file layout and the canonical form its digest covers."""

from __future__ import annotations

import hashlib
import json
from typing import Any

DIGEST_PREFIX = "sha256:"


def _normalise(value: Any) -> Any:
    # JavaScript prints 1.0 as 1; folding integral floats keeps the digest reproducible there.
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {key: _normalise(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_normalise(item) for item in value]
    return value


def canonical_bytes(data: Any) -> bytes:
    """Sorted keys, no spaces, UTF-8, integral floats as integers."""
    return json.dumps(_normalise(data), sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


def content_digest(bundle: dict[str, Any]) -> str:
    """``sha256:<hex>`` over the canonical form of the bundle without its ``digest`` field."""
    body = {key: value for key, value in bundle.items() if key != "digest"}
    return DIGEST_PREFIX + hashlib.sha256(canonical_bytes(body)).hexdigest()


def file_bytes(data: Any) -> bytes:
    """The bundle as written to disk: indented for review and diffs, newline-terminated."""
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
