"""Bundle export: sanitising, deterministic JSON, integrity digest, schema and validation."""

from .bundle import (
    BUNDLE_FORMAT,
    SCHEMA_VERSION,
    Bundle,
    ExportError,
    build_bundle,
    bundle_bytes,
    write_bundle,
)
from .sanitize import sanitize_html
from .schema import SCHEMA_PATH, generate_schema, schema_text
from .validate import BundleError, check_bundle, read_bundle

__all__ = [
    "BUNDLE_FORMAT",
    "SCHEMA_PATH",
    "SCHEMA_VERSION",
    "Bundle",
    "BundleError",
    "ExportError",
    "build_bundle",
    "bundle_bytes",
    "check_bundle",
    "generate_schema",
    "read_bundle",
    "sanitize_html",
    "schema_text",
    "write_bundle",
]
