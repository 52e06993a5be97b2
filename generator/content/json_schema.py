"""The JSON Schema of talk.yaml, generated from the model, for editors and CI."""

from __future__ import annotations

import json

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def talk_json_schema() -> str:
    """The schema as stable, indented JSON text ending in a newline."""
    from generator.model.talk import Talk

    schema = Talk.model_json_schema(by_alias=True, mode="validation")
    schema = {"$schema": SCHEMA_DIALECT, **schema}
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
