"""Check a bundle file: JSON, format and version, schema, digest, references, sanitising."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema_rs
from pydantic import ValidationError

from ..domain import first_error, guide_steps, reference_problems
from .bundle import BUNDLE_FORMAT, SCHEMA_VERSION, Bundle
from .canonical import content_digest
from .sanitize import sanitize_html
from .schema import committed_schema


class BundleError(Exception):
    """The bundle is unusable; the message says why in one line."""


def read_bundle(path: Path) -> dict[str, Any]:
    """Load and fully check a bundle file; BundleError with the first problem found."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise BundleError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise BundleError(f"{path.name}: not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise BundleError(
            f"{path.name}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    check_bundle(data)
    return data


@cache
def _schema_validator() -> Any:
    return jsonschema_rs.validator_for(committed_schema())


def _explain(error: Any, data: Any) -> str:
    """Word a schema error for people: the model's own message where it agrees, else the schema's."""
    try:
        Bundle.model_validate(data)
    except ValidationError as exc:
        return first_error(exc, data)
    message = str(error.message)
    return message if len(message) <= 200 else message[:197] + "..."


def check_bundle(data: Any) -> Bundle:
    """Check parsed bundle data; returns the typed bundle or raises BundleError."""
    if not isinstance(data, dict) or data.get("format") != BUNDLE_FORMAT:
        raise BundleError('not a guide bundle (expected "format": "guide-bundle")')
    version = data.get("schemaVersion")
    if version != SCHEMA_VERSION or isinstance(version, bool):
        raise BundleError(
            f"unsupported schemaVersion {json.dumps(version)} (this studio reads {SCHEMA_VERSION})"
        )
    error = next(iter(_schema_validator().iter_errors(data)), None)
    if error is not None:
        where = "/".join(str(part) for part in error.instance_path) or "top level"
        raise BundleError(f"schema violation at {where}: {_explain(error, data)}")
    if data["digest"] != content_digest(data):
        raise BundleError("digest mismatch: the bundle was changed after export; export it again")
    try:
        bundle = Bundle.model_validate(data)
    except ValidationError as exc:
        raise BundleError(first_error(exc, data)) from None
    problems = reference_problems(bundle.guides)
    if problems:
        raise BundleError(problems[0])
    for guide in bundle.guides:
        for number, step in enumerate(guide_steps(guide), 1):
            if sanitize_html(step.body) != step.body:
                raise BundleError(
                    f"guide '{guide.name}', step {number}: the text contains HTML that is not "
                    "allowed (scripts, event handlers, unsafe links); export it again"
                )
    return bundle
