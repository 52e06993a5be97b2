"""Declared types turned into validators: plain data in, the model's values out, or every error.

The errors are pydantic's, entry for entry (type, loc, msg, input, ctx, in the same order), because
the diagnostics users read are built from them (generator/content/schema_errors.py). Only the types
the talk model declares are known; any other raises NotImplementedError when its class is first
validated, rather than validating differently from what pydantic did:

- `StrictStr` with `StringConstraints` (lengths, pattern) and `StrictBool`: only str, only bool;
- `int` with `ge`/`le`: only int (the one int field is read by a before-validator that lets only
  int or None through, where pydantic's lax int would also have taken "30" or 30.0);
- `Literal` of strings, `Optional`, `tuple[X, ...]` from any iterable but text and mappings,
  `dict[K, V]` from any mapping, models from a mapping or an instance of their class;
- `Union` of models on a `Field(discriminator=...)`, and of text and one model (`Bullet`).
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Mapping
from typing import Annotated, Any, Callable, Literal, Union

from generator.model.base import Invalid, Strict, StringConstraints

Validator = Callable[[Any], Any]


def _error(kind: str, msg: str, value: Any, ctx: dict | None = None) -> Invalid:
    return Invalid([[kind, [], msg, value, ctx]])


def _within(errors: list, *loc: Any) -> list:
    """Errors moved inside `loc` (outermost last), as they travel up to the caller."""
    for error in errors:
        error[1].extend(loc)
    return errors


def constraints(meta: tuple) -> dict[str, Any]:
    """min_length, max_length, pattern, ge, le, discriminator and strict from Annotated metadata
    (StringConstraints, Field(...), Strict()); a later one wins."""
    found: dict[str, Any] = {}
    for item in meta:
        if isinstance(item, Strict):
            found["strict"] = True
        for name in ("min_length", "max_length", "pattern", "ge", "le", "discriminator"):
            value = getattr(item, name, None)
            if value is not None:
                found[name] = value
    return found


# --- patterns -------------------------------------------------------------------------------------

# pydantic-core matches patterns with Rust's regex crate, whose classes are not Python's: its \d has
# the decimal digits Unicode added after Python 3.11's tables, its \s lacks U+001C-U+001F (found by
# matching every code point with pydantic-core 2.50.5 and with Python).
_RUST_DIGITS = ("\\d\U00010d40-\U00010d49\U000116d0-\U000116e3\U00011bf0-\U00011bf9\U00011f50-\U00011f59"
                "\U00016130-\U00016139\U00016d70-\U00016d79\U0001ccf0-\U0001ccf9\U0001e4f0-\U0001e4f9"
                "\U0001e5f1-\U0001e5fa")
_RUST_NOT_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_RUST_CLASSES = {"d": f"[{_RUST_DIGITS}]", "S": f"[^{_RUST_NOT_SPACE}]"}


def rust_pattern(pattern: str) -> Callable[[str], Any]:
    """A matcher that accepts what pydantic's `pattern=` accepted.

    pydantic searches with the pattern, whose `^` and `$` anchor it at the ends of the text; in Rust
    `$` is the very end, where Python's `$` also matches before a final newline. So the pattern
    must be anchored at both ends and is matched over the whole text (fullmatch), with \\d and \\S
    spelt out as Rust reads them."""
    if not (pattern.startswith("^") and pattern.endswith("$") and not pattern.endswith("\\$")):
        raise NotImplementedError(f"only patterns anchored with ^ and $ are supported: {pattern}")
    translated = []
    i = 0
    in_class = False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            escaped = pattern[i + 1]
            if escaped in _RUST_CLASSES:
                if in_class:
                    raise NotImplementedError(f"\\{escaped} inside [...] is not supported: {pattern}")
                translated.append(_RUST_CLASSES[escaped])
            elif escaped.isalpha():
                raise NotImplementedError(f"\\{escaped} is not supported in a pattern: {pattern}")
            else:
                translated.append(pattern[i:i + 2])
            i += 2
            continue
        if char == "[":
            in_class = True
        elif char == "]":
            in_class = False
        translated.append(char)
        i += 1
    return re.compile("".join(translated)).fullmatch


# --- validators of each kind of type -------------------------------------------------------------

def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _text(found: dict[str, Any]) -> Validator:
    if not found.get("strict"):
        raise NotImplementedError("text fields must be StrictStr")
    low, high, pattern = found.get("min_length"), found.get("max_length"), found.get("pattern")
    if low is None and high is None and pattern is None:
        def plain(value: Any) -> str:
            if not isinstance(value, str):
                raise _error("string_type", "Input should be a valid string", value)
            return value if type(value) is str else str.__str__(value)
        return plain
    match = rust_pattern(pattern) if pattern is not None else None
    too_short = f"String should have at least {_plural(low, 'character')}" if low is not None else ""
    too_long = f"String should have at most {_plural(high, 'character')}" if high is not None else ""
    mismatch = f"String should match pattern '{pattern}'"

    def constrained(value: Any) -> str:
        if not isinstance(value, str):
            raise _error("string_type", "Input should be a valid string", value)
        if not value.isascii():
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:  # a lone surrogate: not text pydantic-core could read
                raise _error("string_unicode", "Input should be a valid string, unable to parse raw "
                             "data as a unicode string", value) from None
        if low is not None and len(value) < low:
            raise _error("string_too_short", too_short, value, {"min_length": low})
        if high is not None and len(value) > high:
            raise _error("string_too_long", too_long, value, {"max_length": high})
        if match is not None and match(value) is None:
            raise _error("string_pattern_mismatch", mismatch, value, {"pattern": pattern})
        return value if type(value) is str else str.__str__(value)
    return constrained


def _flag(found: dict[str, Any]) -> Validator:
    if not found.get("strict"):
        raise NotImplementedError("flags must be StrictBool")

    def flag(value: Any) -> bool:
        if value is True or value is False:
            return value
        raise _error("bool_type", "Input should be a valid boolean", value)
    return flag


def _integer(found: dict[str, Any]) -> Validator:
    ge, le = found.get("ge"), found.get("le")

    def integer(value: Any) -> int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise _error("int_type", "Input should be a valid integer", value)
        value = int(value)
        if le is not None and value > le:
            raise _error("less_than_equal", f"Input should be less than or equal to {le}", value, {"le": le})
        if ge is not None and value < ge:
            raise _error("greater_than_equal", f"Input should be greater than or equal to {ge}", value,
                         {"ge": ge})
        return value
    return integer


def _expected(values: tuple) -> str:
    """'a', 'b' or 'c': how pydantic lists the values a Literal allows."""
    shown = [repr(v) for v in values]
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} or {shown[-1]}"


def _literal(values: tuple) -> Validator:
    if not all(type(v) is str for v in values):
        raise NotImplementedError("only Literals of strings are supported")
    allowed = {v: v for v in values}
    expected = _expected(values)
    message = f"Input should be {expected}"

    def literal(value: Any) -> str:
        if isinstance(value, str) and value in allowed:
            return allowed[value]
        raise _error("literal_error", message, value, {"expected": expected})
    return literal


def _optional(inner: Validator) -> Validator:
    def optional(value: Any) -> Any:
        return None if value is None else inner(value)
    return optional


def _items(item: Validator, found: dict[str, Any]) -> Validator:
    low = found.get("min_length")

    def items(value: Any) -> tuple:
        if isinstance(value, (list, tuple)):
            source = value
        elif isinstance(value, (str, bytes, bytearray, Mapping)):
            raise _error("tuple_type", "Input should be a valid tuple", value)
        else:
            try:
                source = iter(value)
            except TypeError:
                raise _error("tuple_type", "Input should be a valid tuple", value) from None
        out = []
        errors = None
        for index, element in enumerate(source):
            try:
                out.append(item(element))
            except Invalid as exc:
                errors = (errors or []) + _within(exc.errors, index)
        if low is not None and len(out) < low:
            errors = (errors or []) + [[
                "too_short", [], f"Tuple should have at least {_plural(low, 'item')} after validation, "
                f"not {len(out)}", value, {"field_type": "Tuple", "min_length": low, "actual_length": len(out)}]]
        if errors:
            raise Invalid(errors)
        return tuple(out)
    return items


def _loc_item(key: Any) -> Any:
    """A mapping key as pydantic writes it in a loc: text and whole numbers as they are, else str()."""
    if isinstance(key, str):
        return key
    if isinstance(key, int):
        return int(key)
    return str(key)


def _mapping(key_validator: Validator, value_validator: Validator) -> Validator:
    def mapping(value: Any) -> dict:
        if not isinstance(value, Mapping):
            raise _error("dict_type", "Input should be a valid dictionary", value)
        out = {}
        errors = None
        for key, item in value.items():
            ok = True
            try:
                checked_key = key_validator(key)
            except Invalid as exc:
                errors = (errors or []) + _within(exc.errors, "[key]", _loc_item(key))
                ok = False
            try:
                checked = value_validator(item)
            except Invalid as exc:
                errors = (errors or []) + _within(exc.errors, _loc_item(key))
                continue
            if ok:
                out[checked_key] = checked
        if errors:
            raise Invalid(errors)
        return out
    return mapping


def _smart_union(choices: list[tuple[str, Validator]]) -> Validator:
    """The first member that takes the value; else every member's errors under its name."""
    def union(value: Any) -> Any:
        errors: list = []
        for label, choice in choices:
            try:
                return choice(value)
            except Invalid as exc:
                errors += _within(exc.errors, label)
        raise Invalid(errors)
    return union


def _from_attributes(value: Any) -> bool:
    """Whether pydantic reads the tag of a non-mapping as an attribute (not of builtin values)."""
    module = getattr(type(value), "__module__", None)
    return isinstance(module, str) and module not in ("builtins", "datetime", "collections")


def _tagged_union(discriminator: str, members: dict[str, Validator]) -> Validator:
    """The member the value's tag names, its errors under the tag."""
    quoted = f"'{discriminator}'"
    expected = ", ".join(repr(tag) for tag in members)
    missing = object()

    def tagged(value: Any) -> Any:
        if isinstance(value, Mapping):
            tag = value.get(discriminator, missing)
        elif _from_attributes(value):
            tag = getattr(value, discriminator, missing)
        else:
            raise _error("model_attributes_type", "Input should be a valid dictionary or object to extract "
                         "fields from", value)
        if tag is missing:
            raise _error("union_tag_not_found", f"Unable to extract tag using discriminator {quoted}", value,
                         {"discriminator": quoted})
        member = members.get(tag) if isinstance(tag, str) else None
        if member is None:
            shown = str(tag)
            raise _error("union_tag_invalid", f"Input tag '{shown}' found using {quoted} does not match any "
                         f"of the expected tags: {expected}", value,
                         {"discriminator": quoted, "tag": shown, "expected_tags": expected})
        try:
            return member(value)
        except Invalid as exc:
            raise Invalid(_within(exc.errors, tag)) from None
    return tagged


# --- the compiler ---------------------------------------------------------------------------------

def is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and hasattr(annotation, "__model_validator__")


def peel(annotation: Any) -> tuple[Any, tuple]:
    """The type under Annotated, and the metadata peeled off."""
    meta: tuple = ()
    while typing.get_origin(annotation) is Annotated:
        meta = (*annotation.__metadata__, *meta)
        annotation = annotation.__origin__
    return annotation, meta


def _union_label(annotation: Any) -> str:
    """The name pydantic gives a union member in a loc."""
    annotation, meta = peel(annotation)
    if is_model(annotation):
        return annotation.__name__
    if annotation is str:
        found = constraints(meta)
        return "constrained-str" if any(k in found for k in ("min_length", "max_length", "pattern")) else "str"
    raise NotImplementedError(f"no union member name for {annotation!r}")


def compile_type(annotation: Any, meta: tuple = ()) -> Validator:
    """The validator of one declared type; `meta` is metadata from outside it (Field(...))."""
    annotation, inner = peel(annotation)
    meta = (*inner, *meta)
    found = constraints(meta)
    origin = typing.get_origin(annotation)
    if is_model(annotation):
        return annotation.__model_validator__()
    if annotation is str:
        return _text(found)
    if annotation is bool:
        return _flag(found)
    if annotation is int:
        return _integer(found)
    if origin is Literal:
        return _literal(typing.get_args(annotation))
    if origin in (Union, types.UnionType):
        members = typing.get_args(annotation)
        if type(None) in members:
            rest = tuple(m for m in members if m is not type(None))
            inner_type = rest[0] if len(rest) == 1 else Union[rest]  # type: ignore[valid-type]
            return _optional(compile_type(inner_type, meta))
        if "discriminator" in found:
            name = found["discriminator"]
            tagged: dict[str, Validator] = {}
            for member in members:
                model, _ = peel(member)
                tag_type, _ = peel(model.model_fields[name].annotation)
                for tag in typing.get_args(tag_type):
                    tagged[tag] = compile_type(member)
            return _tagged_union(name, tagged)
        return _smart_union([(_union_label(m), compile_type(m)) for m in members])
    if origin is tuple:
        args = typing.get_args(annotation)
        if len(args) != 2 or args[1] is not Ellipsis:
            raise NotImplementedError("only tuple[X, ...] is supported")
        return _items(compile_type(args[0]), found)
    if origin is dict:
        key, value = typing.get_args(annotation)
        return _mapping(compile_type(key), compile_type(value))
    raise NotImplementedError(f"no validator for {annotation!r}")


def _call(function: Callable, value: Any) -> Any:
    """A field validator applied; ValueError and AssertionError become errors as in pydantic."""
    try:
        return function(value)
    except ValueError as exc:
        raise _error("value_error", f"Value error, {exc}", value, {"error": exc}) from None
    except AssertionError as exc:
        raise _error("assertion_error", f"Assertion failed, {exc}", value, {"error": exc}) from None


def compile_model(cls: type, fields: dict, validators: list, forbid_extra: bool) -> Validator:
    """The validator of a model: a mapping field by field (by alias, then by name), then its unknown
    keys; an instance of the class is taken as it is."""
    plan = []
    for name, info in fields.items():
        check = compile_type(info.annotation, (info,))
        before = [getattr(cls, f) for f, fields_of, mode in validators if name in fields_of and mode == "before"]
        after = [getattr(cls, f) for f, fields_of, mode in validators if name in fields_of and mode == "after"]
        if before or after:
            check = _with_validators(check, before, after)
        plan.append((name, info.alias, check, info.is_required(), info.default))
    class_name = cls.__name__
    model_type = f"Input should be a valid dictionary or instance of {class_name}"
    new = object.__new__
    set_dict = object.__setattr__

    def model(data: Any) -> Any:
        if isinstance(data, cls):
            return data
        if not isinstance(data, Mapping):
            raise _error("model_type", model_type, data, {"class_name": class_name})
        values = {}
        errors = None
        used = 0
        for name, alias, check, required, default in plan:
            if alias is not None and alias in data:
                key = alias
            elif name in data:
                key = name
            else:
                if required:
                    errors = (errors or []) + [["missing", [alias or name], "Field required", data, None]]
                elif type(default) in (dict, list, set):
                    values[name] = default.copy()
                else:
                    values[name] = default
                continue
            used += 1
            try:
                values[name] = check(data[key])
            except Invalid as exc:
                errors = (errors or []) + _within(exc.errors, key)
        if len(data) > used:
            errors = _extra(data, plan, forbid_extra, errors)
        if errors:
            raise Invalid(errors)
        instance = new(cls)
        set_dict(instance, "__dict__", values)
        return instance
    return model


def _extra(data: Mapping, plan: list, forbid: bool, errors: list | None) -> list | None:
    """Errors for the keys no field took, in the order they were written."""
    used = set()
    for name, alias, *_ in plan:
        if alias is not None and alias in data:
            used.add(alias)
        elif name in data:
            used.add(name)
    for key, value in data.items():
        if key in used:
            continue
        if not isinstance(key, str):
            errors = (errors or []) + [["invalid_key", [_loc_item(key)], "Keys should be strings", key, None]]
        elif forbid:
            errors = (errors or []) + [["extra_forbidden", [key], "Extra inputs are not permitted", value, None]]
    return errors


def _with_validators(check: Validator, before: list, after: list) -> Validator:
    def validated(value: Any) -> Any:
        for function in before:
            value = _call(function, value)
        value = check(value)
        for function in after:
            value = _call(function, value)
        return value
    return validated
