"""The JSON Schema of a model, generated from its declarations as pydantic generated it.

`deckgen schema` prints it for editors; keeping pydantic's shape (a `$defs` entry per nested model,
`anyOf` with null for optional fields, a `oneOf` with a discriminator for the slides, field names
as titles) keeps the published schema unchanged. Only the types validation.py knows appear.
"""

from __future__ import annotations

import copy
import inspect
import types
import typing
from typing import Any, Literal, Union

from generator.model.base import WithJsonSchema
from generator.model.validation import constraints, is_model, peel

REF = "#/$defs/{}"


def model_json_schema(cls: type, *, by_alias: bool = True) -> dict[str, Any]:
    """The schema of a model (validation mode), its nested models under `$defs`."""
    defs: dict[str, Any] = {}
    schema = _model(cls, defs, by_alias)
    return {"$defs": dict(sorted(defs.items())), **schema} if defs else schema


def _model(cls: Any, defs: dict, by_alias: bool) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    required = []
    for name, info in cls.model_fields.items():
        key = info.alias if by_alias and info.alias else name
        schema = _type(info.annotation, (info,), defs, by_alias)
        if not is_model(_strip_optional(info.annotation)):
            schema["title"] = key.replace("_", " ").title()
        if info.description:
            schema["description"] = info.description
        if info.is_required():
            required.append(key)
        else:
            schema["default"] = _json(info.default)
        properties[key] = schema
    out: dict[str, Any] = {"properties": properties}
    if required:
        out["required"] = required
    out["title"] = cls.__name__
    out["type"] = "object"
    if cls.model_config.get("extra") == "forbid":
        out["additionalProperties"] = False
    if cls.__doc__:
        out["description"] = inspect.cleandoc(cls.__doc__)
    out.update(cls.model_config.get("json_schema_extra") or {})
    return out


def _strip_optional(annotation: Any) -> Any:
    annotation, _ = peel(annotation)
    if typing.get_origin(annotation) in (Union, types.UnionType):
        members = [m for m in typing.get_args(annotation) if m is not type(None)]
        if len(members) == 1:
            return _strip_optional(members[0])
    return annotation


def _json(value: Any) -> Any:
    if isinstance(value, (tuple, list)):
        return [_json(v) for v in value]
    if isinstance(value, dict):
        return {k: _json(v) for k, v in value.items()}
    return value


def _any_of(schemas: list[dict]) -> dict[str, Any]:
    """anyOf the schemas, nested anyOf lists spliced in (pydantic's flattening)."""
    members: list[dict] = []
    for schema in schemas:
        if len(schema) == 1 and "anyOf" in schema:
            members.extend(schema["anyOf"])
        else:
            members.append(schema)
    return members[0] if len(members) == 1 else {"anyOf": members}


def _ref(cls: Any, defs: dict, by_alias: bool) -> dict[str, Any]:
    if cls.__name__ not in defs:
        defs[cls.__name__] = None  # reserved while it is made
        defs[cls.__name__] = _model(cls, defs, by_alias)
    return {"$ref": REF.format(cls.__name__)}


def _type(annotation: Any, meta: tuple, defs: dict, by_alias: bool) -> dict[str, Any]:
    annotation, inner = peel(annotation)
    meta = (*inner, *meta)
    for item in inner:
        if isinstance(item, WithJsonSchema):
            return copy.deepcopy(item.json_schema)
    found = constraints(meta)
    origin = typing.get_origin(annotation)
    if is_model(annotation):
        return _ref(annotation, defs, by_alias)
    if annotation is str:
        schema: dict[str, Any] = {"type": "string"}
        for key, name in (("min_length", "minLength"), ("max_length", "maxLength"), ("pattern", "pattern")):
            if key in found:
                schema[name] = found[key]
        return schema
    if annotation is bool:
        return {"type": "boolean"}
    if annotation is int:
        schema = {"type": "integer"}
        for key, name in (("ge", "minimum"), ("le", "maximum")):
            if key in found:
                schema[name] = found[key]
        return schema
    if origin is Literal:
        values = list(typing.get_args(annotation))
        return {"const": values[0], "type": "string"} if len(values) == 1 else {"enum": values, "type": "string"}
    if origin in (Union, types.UnionType):
        members = typing.get_args(annotation)
        if type(None) in members:
            rest = tuple(m for m in members if m is not type(None))
            inner_type = rest[0] if len(rest) == 1 else Union[rest]  # type: ignore[valid-type]
            return _any_of([_type(inner_type, meta, defs, by_alias), {"type": "null"}])
        if "discriminator" in found:
            name = found["discriminator"]
            refs, mapping = [], {}
            for member in members:
                model, _ = peel(member)
                ref = _ref(model, defs, by_alias)
                refs.append(ref)
                for tag in typing.get_args(peel(model.model_fields[name].annotation)[0]):
                    mapping[tag] = ref["$ref"]
            return {"discriminator": {"mapping": mapping, "propertyName": name}, "oneOf": refs}
        return _any_of([_type(m, (), defs, by_alias) for m in members])
    if origin is tuple:
        schema = {"items": _type(typing.get_args(annotation)[0], (), defs, by_alias), "type": "array"}
        if "min_length" in found:
            schema["minItems"] = found["min_length"]
        return schema
    if origin is dict:
        key_type, value_type = typing.get_args(annotation)
        keys = _type(key_type, (), defs, by_alias)
        values = _type(value_type, (), defs, by_alias)
        values.pop("title", None)
        schema = {"additionalProperties": values, "type": "object"}
        keys.pop("title", None)
        if keys.get("type") == "string" and len(keys) > 1:  # constrained keys: say which
            keys.pop("type")
            schema["propertyNames"] = keys
        return schema
    raise NotImplementedError(f"no JSON Schema for {annotation!r}")
