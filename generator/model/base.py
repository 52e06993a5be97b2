"""The small model layer talk.py is declared with: frozen values that keep pydantic's names.

pydantic cost 0.14 s in every process (its import and the building of the model's classes), the
largest serial cost of the command line, for a schema that needs few of its features. This layer
reads the same declarations (annotations, `Field`, `StrictStr`, `field_validator`) and offers the
methods the code and tests call: `model_validate`, `model_dump`, `model_dump_json`, `model_copy`,
`model_construct`, `model_fields` and `model_json_schema`. Validation (validation.py) raises a
ValidationError whose `errors()` are pydantic's, so the diagnostics built from them stay the same;
the JSON Schema (json_schema.py) is generated from the same classes.

A class is cheap to declare: its fields are collected as it is made, its validator is built the
first time it validates (validation.py is imported then), its schema only when asked for.
"""

from __future__ import annotations

import sys
import typing
from typing import Annotated, Any, ClassVar

__all__ = ["BaseModel", "ConfigDict", "Field", "FieldInfo", "StrictBool", "StrictStr", "StringConstraints",
           "ValidationError", "WithJsonSchema", "field_validator"]


# --- errors ---------------------------------------------------------------------------------------

class Invalid(Exception):
    """Raised by a validator: its errors, each [type, loc innermost first, msg, input, ctx]."""

    def __init__(self, errors: list):
        self.errors = errors


class ValidationError(ValueError):
    """Data that does not fit a model; `errors()` lists every problem as pydantic did."""

    def __init__(self, title: str, line_errors: list):
        super().__init__(title)
        self.title = title
        self._line_errors = line_errors

    def errors(self, *, include_url: bool = True, include_context: bool = True,
               include_input: bool = True) -> list[dict[str, Any]]:
        """One dict per error: type, loc, msg, input, and ctx when the message has parameters.
        There is no documentation link (`url`), whatever include_url says."""
        out = []
        for kind, loc, msg, value, ctx in self._line_errors:
            entry: dict[str, Any] = {"type": kind, "loc": tuple(reversed(loc)), "msg": msg}
            if include_input:
                entry["input"] = value
            if ctx is not None and include_context:
                entry["ctx"] = ctx
            out.append(entry)
        return out

    def error_count(self) -> int:
        return len(self._line_errors)

    def __str__(self) -> str:
        count = len(self._line_errors)
        lines = [f"{count} validation error{'s' if count != 1 else ''} for {self.title}"]
        for error in self.errors():
            loc = ".".join(f"`{part}`" if isinstance(part, str) and "." in part else str(part)
                           for part in error["loc"])
            shown = repr(error["input"])
            if len(shown) > 50:
                shown = shown[:24] + "..." + shown[-24:]
            if loc:
                lines.append(loc)
            lines.append(f"  {error['msg']} [type={error['type']}, input_value={shown}, "
                         f"input_type={type(error['input']).__name__}]")
        return "\n".join(lines)


# --- markers read from the declarations ----------------------------------------------------------

class Strict:
    """Marks a str or bool that takes only its own type (pydantic's Strict())."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Strict)

    def __hash__(self) -> int:
        return hash(Strict)

    def __repr__(self) -> str:
        return "Strict()"


class StringConstraints:
    """Length and pattern of a text; the pattern is matched as pydantic-core's regex engine does."""

    __slots__ = ("min_length", "max_length", "pattern")

    def __init__(self, *, min_length: int | None = None, max_length: int | None = None,
                 pattern: str | None = None):
        self.min_length, self.max_length, self.pattern = min_length, max_length, pattern

    def _key(self) -> tuple:
        return self.min_length, self.max_length, self.pattern

    def __eq__(self, other: object) -> bool:
        return isinstance(other, StringConstraints) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (f"StringConstraints(min_length={self.min_length!r}, max_length={self.max_length!r}, "
                f"pattern={self.pattern!r})")


StrictStr = Annotated[str, Strict()]
StrictBool = Annotated[bool, Strict()]
ConfigDict = dict


class _Required:
    """The default of a field that has none."""

    def __repr__(self) -> str:
        return "<required>"


_MISSING: Any = _Required()


class FieldInfo:
    """A field's default, alias, description and constraints (min_length, ge, le, discriminator);
    `annotation` is the declared type."""

    __slots__ = ("annotation", "default", "alias", "description", "min_length", "ge", "le", "discriminator")

    def __init__(self, default: Any = _MISSING, *, alias: str | None = None, description: str | None = None,
                 min_length: int | None = None, ge: int | None = None, le: int | None = None,
                 discriminator: str | None = None):
        self.annotation: Any = None
        self.default = default
        self.alias = alias
        self.description = description
        self.min_length, self.ge, self.le = min_length, ge, le
        self.discriminator = discriminator

    def is_required(self) -> bool:
        return self.default is _MISSING

    def _with(self, annotation: Any) -> FieldInfo:
        copy = FieldInfo(self.default, alias=self.alias, description=self.description, min_length=self.min_length,
                         ge=self.ge, le=self.le, discriminator=self.discriminator)
        copy.annotation = annotation
        return copy

    def __repr__(self) -> str:
        shown = [f"annotation={self.annotation!r}", f"required={self.is_required()}"]
        shown += [f"{name}={getattr(self, name)!r}" for name in self.__slots__[1:]
                  if getattr(self, name) is not None and getattr(self, name) is not _MISSING]
        return f"FieldInfo({', '.join(shown)})"


def Field(default: Any = _MISSING, **options: Any) -> Any:  # noqa: N802 - pydantic's name
    """A field's declaration: `Field((), description=...)`, `Field(min_length=1)`, `Field(alias="from")`."""
    return FieldInfo(default, **options)


class WithJsonSchema:
    """The JSON Schema of a type given as it is, where the type alone would say too little."""

    __slots__ = ("json_schema",)

    def __init__(self, json_schema: dict):
        self.json_schema = json_schema


class _FieldValidator:
    """A classmethod marked by `field_validator`, until its class collects it."""

    def __init__(self, method: Any, fields: tuple[str, ...], mode: str):
        self.method, self.fields, self.mode = method, fields, mode


def field_validator(*fields: str, mode: str = "after") -> Any:
    """A classmethod that checks or converts a field's value: `before` gets what was written,
    `after` the validated value; a ValueError it raises is a `value_error` of that field."""
    if mode not in ("before", "after"):
        raise NotImplementedError(f"field validators run before or after, not {mode!r}")

    def mark(method: Any) -> _FieldValidator:
        return _FieldValidator(method, fields, mode)
    return mark


def _plain(value: Any, json: bool, by_alias: bool, exclude_none: bool) -> Any:
    if isinstance(value, BaseModel):
        return value._dump(json, by_alias, exclude_none)
    if isinstance(value, (tuple, list)):
        items = [_plain(v, json, by_alias, exclude_none) for v in value]
        return items if json or isinstance(value, list) else tuple(items)
    if isinstance(value, dict):
        return {k: _plain(v, json, by_alias, exclude_none) for k, v in value.items()}
    return value


class BaseModel:
    """A frozen value with declared fields: equal and hashed by its class and values."""

    model_config: ClassVar[dict] = {}
    model_fields: ClassVar[dict[str, FieldInfo]] = {}
    __field_validators__: ClassVar[list] = []

    def __init_subclass__(cls, **kwargs: Any):
        super().__init_subclass__(**kwargs)
        config: dict = {}
        fields: dict[str, FieldInfo] = {}
        validators: list = []
        for base in reversed(cls.__mro__[1:]):
            if issubclass(base, BaseModel):
                config.update(base.__dict__.get("model_config", {}))
                fields.update(base.__dict__.get("model_fields", {}))
                validators += base.__dict__.get("__field_validators__", [])
        config.update(cls.__dict__.get("model_config", {}))
        if not config.get("frozen"):
            raise NotImplementedError("models are frozen: model_config needs frozen=True")
        namespace = sys.modules[cls.__module__].__dict__
        for name, annotation in cls.__dict__.get("__annotations__", {}).items():
            if isinstance(annotation, str):
                annotation = eval(annotation, namespace, dict(vars(cls)))  # noqa: S307 - our own source
            if typing.get_origin(annotation) is ClassVar or name.startswith("_"):
                continue
            declared = cls.__dict__.get(name, _MISSING)
            info = declared if isinstance(declared, FieldInfo) else FieldInfo(declared)
            fields[name] = info._with(annotation)  # declared again, a field keeps its place
            if name in cls.__dict__:
                delattr(cls, name)
        for attribute, value in list(cls.__dict__.items()):
            if isinstance(value, _FieldValidator):
                if set(value.fields) - set(fields):
                    raise TypeError(f"{cls.__name__}.{attribute} validates fields it does not have: {value.fields}")
                setattr(cls, attribute, value.method)
                validators.append((attribute, value.fields, value.mode))
        cls.model_config = config
        cls.model_fields = fields
        cls.__field_validators__ = validators

    # --- validation ---

    @classmethod
    def __model_validator__(cls) -> Any:
        """The class's validator, built once, on first use."""
        built = cls.__dict__.get("_validator")
        if built is None:
            from generator.model.validation import compile_model

            built = compile_model(cls, cls.model_fields, cls.__field_validators__,
                                  cls.model_config.get("extra") == "forbid")
            cls._validator = built
        return built

    @classmethod
    def model_validate(cls, obj: Any) -> Any:
        """A checked instance of the data (a mapping), or ValidationError with every problem."""
        try:
            return cls.__model_validator__()(obj)
        except Invalid as exc:
            raise ValidationError(cls.__name__, exc.errors) from None

    def __init__(self, **data: Any):
        object.__setattr__(self, "__dict__", dict(type(self).model_validate(data).__dict__))

    @classmethod
    def model_construct(cls, **values: Any) -> Any:
        """An instance of trusted values, not checked; missing fields take their defaults."""
        state = {}
        for name, info in cls.model_fields.items():
            if info.alias is not None and info.alias in values:
                state[name] = values[info.alias]
            elif name in values:
                state[name] = values[name]
            elif not info.is_required():
                state[name] = info.default.copy() if type(info.default) in (dict, list, set) else info.default
        instance = object.__new__(cls)
        object.__setattr__(instance, "__dict__", state)
        return instance

    def model_copy(self, *, update: dict[str, Any] | None = None, deep: bool = False) -> Any:
        """A copy with some values replaced (by field name), not checked."""
        if deep:
            import copy
            state = copy.deepcopy(self.__dict__)
        else:
            state = dict(self.__dict__)
        state.update(update or {})
        instance = object.__new__(type(self))
        object.__setattr__(instance, "__dict__", state)
        return instance

    # --- plain data ---

    def _dump(self, json: bool, by_alias: bool, exclude_none: bool) -> dict[str, Any]:
        state = self.__dict__
        out = {}
        for name, info in self.model_fields.items():
            if name not in state:
                continue
            value = state[name]
            if value is None and exclude_none:
                continue
            out[info.alias if by_alias and info.alias else name] = _plain(value, json, by_alias, exclude_none)
        return out

    def model_dump(self, *, mode: str = "python", by_alias: bool = False, exclude_none: bool = False) -> dict:
        """The values as plain data: nested models as dicts, and in "json" mode tuples as lists."""
        if mode not in ("python", "json"):
            raise ValueError(f"mode must be 'python' or 'json', not {mode!r}")
        return self._dump(mode == "json", by_alias, exclude_none)

    def model_dump_json(self, *, indent: int | None = None, by_alias: bool = False,
                        exclude_none: bool = False) -> str:
        """The values as JSON text, as pydantic wrote it: fields in order, no spaces, UTF-8 kept."""
        import json

        data = self._dump(True, by_alias, exclude_none)
        if indent is None:
            return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        return json.dumps(data, ensure_ascii=False, indent=indent)

    @classmethod
    def model_json_schema(cls, by_alias: bool = True, mode: str = "validation") -> dict[str, Any]:
        """The JSON Schema of the model, as pydantic generated it (validation mode)."""
        from generator.model.json_schema import model_json_schema

        if mode != "validation":
            raise NotImplementedError("only the validation schema is generated")
        return model_json_schema(cls, by_alias=by_alias)

    # --- a frozen value ---

    def __setattr__(self, name: str, value: Any) -> None:
        raise ValidationError(type(self).__name__, [["frozen_instance", [name], "Instance is frozen", value, None]])

    def __delattr__(self, name: str) -> None:
        raise ValidationError(type(self).__name__, [["frozen_instance", [name], "Instance is frozen", None, None]])

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, BaseModel):
            return NotImplemented
        return type(self) is type(other) and self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        state = self.__dict__
        return hash(tuple(state.get(name) for name in self.model_fields))

    def __iter__(self) -> Any:
        yield from self.__dict__.items()

    def __repr_args(self) -> list[str]:
        state = self.__dict__
        return [f"{name}={state[name]!r}" for name in self.model_fields if name in state]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(self.__repr_args())})"

    def __str__(self) -> str:
        return " ".join(self.__repr_args())
