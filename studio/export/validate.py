"""Check a bundle file: JSON, format and version, schema, digest, references, sanitising."""

from __future__ import annotations

import json
import os
import stat
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


MAX_BUNDLE_BYTES = 64 * 1024 * 1024
"""The largest bundle file read (64 MiB; the example is ~60 KB, 1,000 guides ~4 MB)."""
MAX_DEPTH = 64
"""The deepest nesting of lists and objects a bundle may have (real ones stay under 12)."""


def read_bundle(path: Path) -> dict[str, Any]:
    """Load and fully check a bundle file; BundleError with the first problem found."""
    raw = _read_regular(path, MAX_BUNDLE_BYTES)
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise BundleError(f"{path.name}: not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise BundleError(
            f"{path.name}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    except RecursionError:
        raise BundleError(f"{path.name}: nested too deeply (at most {MAX_DEPTH} levels)") from None
    except ValueError as exc:  # e.g. an integer with thousands of digits
        raise BundleError(f"{path.name}: not a usable JSON number ({str(exc).split(';')[0]})") from None
    check_bundle(data)
    return data


def _read_regular(path: Path, cap: int) -> bytes:
    """The bytes of a regular file of at most ``cap`` bytes; never waits on a pipe or reads a device."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        raise BundleError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise BundleError(f"cannot read {path}: it is a folder, not a bundle file")
        if not stat.S_ISREG(info.st_mode):
            raise BundleError(f"cannot read {path}: not a regular file (a pipe or a device)")
        if info.st_size > cap:
            raise BundleError(
                f"{path.name}: too large for a bundle ({info.st_size:,} bytes; at most {cap:,})"
            )
        with os.fdopen(os.dup(fd), "rb") as handle:
            raw = handle.read(cap + 1)
    except OSError as exc:
        raise BundleError(f"cannot read {path}: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if len(raw) > cap:
        raise BundleError(f"{path.name}: too large for a bundle (more than {cap:,} bytes)")
    return raw


def _check_values(data: Any) -> None:
    """Refuse what JSON allows but no bundle holds: deep nesting, lone surrogates, huge numbers."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children: Any = [*node.keys(), *node.values()]
        elif isinstance(node, list):
            children = node
        else:
            children = ()
        if children and depth > MAX_DEPTH:
            raise BundleError(f"nested too deeply (more than {MAX_DEPTH} levels)")
        for child in children:
            if isinstance(child, str):
                try:
                    child.encode("utf-8")
                except UnicodeEncodeError:
                    raise BundleError(
                        f"contains a lone surrogate ({child.encode('unicode_escape').decode()[:40]}),"
                        " which is not valid Unicode"
                    ) from None
            elif isinstance(child, int) and not isinstance(child, bool) and abs(child) > 2**53:
                raise BundleError(f"contains a number too large for JavaScript ({str(child)[:20]}…)")
            elif isinstance(child, (dict, list)):
                stack.append((child, depth + 1))


@cache
def _schema_validator() -> Any:
    return jsonschema_rs.validator_for(committed_schema())


def _explain(error: Any, data: Any) -> str:
    """Word a schema error for people: the model's own message where it agrees, else the schema's."""
    try:  # strict, as the JSON Schema is: "yes" is not a boolean
        Bundle.model_validate_json(json.dumps(data), strict=True)
    except ValidationError as exc:
        return first_error(exc, data)
    except ValueError:
        pass
    message = str(error.message)
    if message.startswith(("{", "[")):  # the schema quotes the whole value: say what is wrong instead
        return "this entry does not have the shape any kind of guide has"
    return message if len(message) <= 200 else message[:197] + "..."


def check_bundle(data: Any) -> Bundle:
    """Check parsed bundle data; returns the typed bundle or raises BundleError."""
    if not isinstance(data, dict) or data.get("format") != BUNDLE_FORMAT:
        raise BundleError('not a guide bundle (expected "format": "guide-bundle")')
    _check_values(data)
    if not isinstance(data.get("guides"), list):
        raise BundleError('not a guide bundle (no "guides" list)')
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
        thank_you = getattr(guide, "thank_you", None)
        if thank_you is not None and sanitize_html(thank_you.body) != thank_you.body:
            raise BundleError(
                f"guide '{guide.name}', thank-you screen: the text contains HTML that is not allowed "
                "(scripts, event handlers, unsafe links); export it again"
            )
        for entry in getattr(guide, "entries", None) or ():
            if sanitize_html(entry.body) != entry.body:
                raise BundleError(
                    f"guide '{guide.name}', entry '{entry.title}': the article contains HTML that is not "
                    "allowed (scripts, event handlers, unsafe links); export it again"
                )
    return bundle
