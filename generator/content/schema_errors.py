"""Schema errors from pydantic turned into diagnostics that point at the offending YAML."""

from __future__ import annotations

import re
import types
import typing
from typing import Any, Union

from pydantic import BaseModel, ValidationError

from generator.content.loader import Document
from generator.content.paths import describe, did_you_mean, field_name, kind_of, suggest, value_at
from generator.errors import Diagnostic
from generator.model.talk import ID_PATTERN, LANG_PATTERN, SLIDE_KINDS, Talk


def _unwrap(annotation: Any) -> tuple[Any, Any]:
    """(type, discriminator) with Annotated and Optional peeled off."""
    discriminator = None
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            args = typing.get_args(annotation)
            for meta in args[1:]:
                disc = getattr(meta, "discriminator", None)
                if disc:
                    discriminator = disc
            annotation = args[0]
            continue
        if origin in (Union, types.UnionType):
            members = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(members) == 1:
                annotation = members[0]
                continue
        return annotation, discriminator


def _member_for(annotation: Any, branch: Any, discriminator: str | None) -> Any:
    """The member of a union that a pydantic loc element names (a tag or a class name)."""
    for member in typing.get_args(annotation):
        member, _ = _unwrap(member)
        if isinstance(member, type) and issubclass(member, BaseModel):
            if discriminator:
                tag = typing.get_args(member.model_fields[discriminator].annotation)
                if branch in tag:
                    return member
            elif member.__name__ == branch:
                return member
    return str


def _field(model: type[BaseModel], key: str) -> Any:
    for name, info in model.model_fields.items():
        if key in (name, info.alias):
            return info.annotation
    return None


def resolve_loc(loc: tuple) -> tuple[tuple, type[BaseModel] | None]:
    """The data key path a pydantic error location means, and the model that owns its last key."""
    annotation: Any = Talk
    path: list = []
    owner: type[BaseModel] | None = None
    i = 0
    while i < len(loc):
        elem = loc[i]
        annotation, discriminator = _unwrap(annotation)
        origin = typing.get_origin(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            owner = annotation
            path.append(elem)
            annotation = _field(annotation, elem) if isinstance(elem, str) else None
            if annotation is None:
                break
        elif origin in (tuple, list):
            path.append(elem)
            annotation = typing.get_args(annotation)[0]
        elif origin is dict:
            path.append(elem)
            annotation = typing.get_args(annotation)[1]
        elif origin in (Union, types.UnionType):
            annotation = _member_for(annotation, elem, discriminator)  # a branch, not a key
        else:
            break
        i += 1
    return tuple(path), owner


def _allowed_keys(model: type[BaseModel] | None) -> list[str]:
    if model is None:
        return []
    return [info.alias or name for name, info in model.model_fields.items()]


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or "my-id"


def _pattern_message(value: Any, pattern: str, where: str) -> tuple[str, str]:
    if pattern == ID_PATTERN:
        return (f"invalid id '{value}' for {where}",
                f"ids use lower-case letters, digits and '-', such as '{_slug(str(value))}'")
    if pattern == LANG_PATTERN:
        return (f"invalid language tag '{value}' for {where}",
                "use a BCP 47 tag such as 'fr', 'en' or 'pt-BR'")
    if "{4}-" in pattern:
        return f"invalid date '{value}' for {where}", "write the date as YYYY-MM-DD, such as 2026-12-10"
    if "https?" in pattern:
        return (f"invalid link '{value}' for {where}",
                "links must start with https://, http:// or mailto:")
    return f"{where} does not have the expected form", f"it must match {pattern}"


def _describe_where(data: Any, path: tuple) -> str:
    owner = describe(data, path[:-1]) if path else "the talk"
    return f"{field_name(path)} of {owner}" if path else "the document"


def _diagnostic(error: dict, doc: Document, path_name: str) -> Diagnostic | None:
    kind = error["type"]
    loc = tuple(error["loc"])
    path, owner = resolve_loc(loc)
    data = doc.data
    value = error.get("input")
    ctx = error.get("ctx") or {}
    where = _describe_where(data, path)

    def at(p: tuple, *, key: bool = False):
        return doc.where(p, key=key)

    if kind == "missing":
        parent = path[:-1]
        return Diagnostic(path_name, f"{describe(data, parent)} is missing the required key '{path[-1]}'",
                          "schema.missing", at(parent), f"add '{path[-1]}: …'")
    if kind == "extra_forbidden":
        key = path[-1]
        allowed = _allowed_keys(owner)
        return Diagnostic(path_name, f"unknown key '{key}' in {describe(data, path[:-1])}", "schema.unknown-key",
                          at(path, key=True), did_you_mean(str(key), allowed, listing="allowed keys"))
    if kind == "union_tag_invalid":
        tag = ctx.get("tag", value)
        return Diagnostic(path_name, f"unknown slide kind '{tag}'", "schema.kind", at(path + ("kind",)),
                          did_you_mean(str(tag), SLIDE_KINDS, listing="slide kinds"))
    if kind == "union_tag_not_found":
        return Diagnostic(path_name, f"{describe(data, path)} has no 'kind'", "schema.missing",
                          at(path), "add 'kind:' with one of " + ", ".join(SLIDE_KINDS))
    if kind == "string_type":
        hint = "write it as text; quote it if it looks like something else"
        if isinstance(value, bool):
            hint = f"quote it to keep it as text: \"{'true' if value else 'false'}\""
        elif isinstance(value, (list, dict)):
            hint = "write it as text on one line, or after '|' on the lines below"
        elif value is None:
            hint = "write the text after the ':' or remove the key"
        return Diagnostic(path_name, f"{where} must be text, got {kind_of(value)}", "schema.type", at(path), hint)
    if kind == "bool_type":
        return Diagnostic(path_name, f"{where} must be true or false, got {kind_of(value)}", "schema.type",
                          at(path), "write true or false (yes, no, on and off are plain text here)")
    if kind in ("tuple_type", "list_type"):
        hint = "write '[a, b]' or one '- item' per line"
        if isinstance(value, str):
            hint = f"make it a list: [{value}]"
        return Diagnostic(path_name, f"{where} must be a list, got {kind_of(value)}", "schema.type", at(path), hint)
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        what = describe(data, path) if path and isinstance(path[-1], int) else where
        return Diagnostic(path_name, f"{what} must be a mapping of keys to values, got {kind_of(value)}",
                          "schema.type", at(path), "write 'key: value' lines, indented under it")
    if kind == "string_pattern_mismatch":
        message, hint = _pattern_message(value, ctx.get("pattern", ""), where)
        return Diagnostic(path_name, message, "schema.value", at(path), hint)
    if kind == "string_too_short":
        return Diagnostic(path_name, f"{where} must not be empty", "schema.value", at(path),
                          "write the text or remove the key")
    if kind == "string_too_long":
        return Diagnostic(path_name, f"{where} is too long ({len(str(value)):,} characters, at most "
                          f"{ctx.get('max_length'):,})", "schema.value", at(path), "shorten it")
    if kind == "too_short":
        actual = value_at(data, path)
        if isinstance(actual, list) and len(actual) >= ctx.get("min_length", 0):
            return None  # the items themselves failed; those errors say why
        need = ctx.get("min_length", 1)
        return Diagnostic(path_name, f"{where} needs at least {need} item{'s' if need > 1 else ''}",
                          "schema.value", at(path), "add the missing items")
    if kind == "literal_error" and loc and loc[-1] == "[key]":
        expected = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        return Diagnostic(path_name, f"unknown key '{value}' in {_describe_where(data, path[:-1])}",
                          "schema.unknown-key", at(path, key=True), did_you_mean(str(value), expected))
    if kind == "literal_error":
        expected = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        shown = f"'{value}'" if isinstance(value, str) else kind_of(value)
        return Diagnostic(path_name, f"invalid value {shown} for {where}", "schema.value", at(path),
                          did_you_mean(str(value), expected))
    if kind == "value_error":
        message = str(error.get("msg", "")).removeprefix("Value error, ")
        return Diagnostic(path_name, f"{where} {message}", "schema.value", at(path), None)
    return Diagnostic(path_name, f"{where}: {error.get('msg')}", "schema.invalid", at(path), None)


def _bullet_errors(errors: list[dict]) -> list[dict]:
    """Errors of a plain-text-or-group union narrowed to the branch the input was written as."""
    kept = []
    for error in errors:
        loc = tuple(error["loc"])
        branch = next((i for i, e in enumerate(loc) if e in ("constrained-str", "BulletGroup")), None)
        if branch is None:
            kept.append(error)
            continue
        is_mapping = isinstance(error.get("input"), dict) if len(loc) == branch + 1 else True
        if (loc[branch] == "BulletGroup") == is_mapping:
            if loc[branch] == "constrained-str" and error["type"] == "string_type":
                error = dict(error, type="bullet_type")
            kept.append(error)
    return kept


def schema_diagnostics(exc: ValidationError, doc: Document, path_name: str) -> list[Diagnostic]:
    """Every schema problem of a document, one diagnostic each."""
    out: list[Diagnostic] = []
    errors = _bullet_errors(exc.errors(include_url=False))
    # A misspelt required key shows as two errors (unknown 'tittle', missing 'title'): keep one.
    misspelt = set()
    for error in errors:
        if error["type"] == "extra_forbidden":
            path, owner = resolve_loc(tuple(error["loc"]))
            close = suggest(str(path[-1]), _allowed_keys(owner))
            if close:
                misspelt.add(path[:-1] + (close,))
    for error in errors:
        if error["type"] == "missing" and resolve_loc(tuple(error["loc"]))[0] in misspelt:
            continue
        if error["type"] == "bullet_type":
            path, _ = resolve_loc(tuple(error["loc"]))
            out.append(Diagnostic(
                path_name, f"{_describe_where(doc.data, path)} must be text or a mapping with 'text' and "
                f"'bullets', got {kind_of(error.get('input'))}", "schema.type", doc.where(path),
                "write '- the point', or 'text:' and 'bullets:' for a point with sub-points",
            ))
            continue
        diag = _diagnostic(error, doc, path_name)
        if diag is not None:
            out.append(diag)
    return out
