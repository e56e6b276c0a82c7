"""The bundle's JSON Schema, generated from the domain models and committed beside this file."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from .bundle import Bundle

SCHEMA_PATH = Path(__file__).with_name("guide-bundle.schema.json")
SCHEMA_ID = "https://guide-studio.dev/schema/guide-bundle-1.json"


def generate_schema() -> dict[str, Any]:
    """The schema as the models define it today."""
    schema = Bundle.model_json_schema(by_alias=True, mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Guide bundle",
        **{key: value for key, value in schema.items() if key != "title"},
    }


def schema_text() -> str:
    """The schema file's exact text."""
    return json.dumps(generate_schema(), indent=2, ensure_ascii=False) + "\n"


@cache
def committed_schema() -> dict[str, Any]:
    """The committed schema that ``studio validate`` checks bundles against."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
