"""The model layer under talk.py (generator/model/base.py): frozen values compared by value, aliases,
pydantic's error list entry for entry (the diagnostics are built from it), the JSON Schema's shape,
and an import that stays cheap. The expected errors are those pydantic 2 gave for the same input."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys

import pytest

from generator.content.loader import load_file
from generator.model.base import BaseModel, ConfigDict, Field, StrictStr, ValidationError
from generator.model.talk import (
    ID_PATTERN, BulletGroup, BulletsSlide, ClosingSlide, Graph, GraphEdge, Layer, Link, Stack, Talk,
)
from tests.conftest import ROOT, SAMPLE_TALK

SLIDE = {"id": "s", "kind": "title"}
TALK = {"id": "t", "title": "T", "lang": "fr", "slides": [SLIDE]}
KINDS = ("'title', 'section', 'statement', 'bullets', 'stack', 'stacks', 'comparison', 'graph', 'image', "
         "'closing', 'code', 'two-columns'")


def errors_of(model: type, data) -> list[dict]:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    return caught.value.errors(include_url=False)


def it_makes_frozen_values_equal_and_hashed_by_value():
    layer = Layer(id="hw", label="Hardware", kind="hardware")
    same = Layer.model_validate({"id": "hw", "label": "Hardware", "kind": "hardware"})
    assert layer == same and hash(layer) == hash(same) and {layer: 1}[same] == 1
    assert layer != layer.model_copy(update={"label": "Matériel"})
    assert layer.per_column is False and layer.detail is None
    with pytest.raises(ValidationError):
        layer.label = "Matériel"
    assert layer.label == "Hardware"
    assert pickle.loads(pickle.dumps(layer)) == layer
    assert repr(layer) == ("Layer(id='hw', label='Hardware', kind='hardware', detail=None, per_column=False, "
                           "badge=None, row=None)")


def it_tells_apart_classes_with_the_same_values():
    class Other(BaseModel):
        model_config = ConfigDict(frozen=True, extra="forbid")
        text: StrictStr
        bullets: tuple[StrictStr, ...] = ()

    assert BulletGroup(text="a") != Other(text="a")
    assert BulletGroup(text="a") == BulletGroup(text="a", bullets=[])


def it_reads_aliases_and_names_and_dumps_either():
    edge = GraphEdge.model_validate({"from": "a", "to": "b"})
    assert edge == GraphEdge.model_validate({"source": "a", "target": "b"}) == GraphEdge(source="a", target="b")
    assert edge.model_dump() == {"source": "a", "target": "b", "label": None}
    assert edge.model_dump(mode="json", by_alias=True, exclude_none=True) == {"from": "a", "to": "b"}
    assert GraphEdge.model_fields["source"].alias == "from"


def it_writes_the_json_pydantic_wrote():
    graph = Graph.model_validate({"id": "g", "title": "Démon \"d\"\t\x01", "nodes": [{"id": "a", "label": "A"}],
                                  "edges": [{"from": "a", "to": "a"}]})
    assert graph.model_dump_json(by_alias=True) == (
        '{"id":"g","title":"Démon \\"d\\"\\t\\u0001","direction":"LR","nodes":[{"id":"a","label":"A","icon":null}],'
        '"edges":[{"from":"a","to":"a","label":null}],"description":null}')
    assert graph.model_dump()["nodes"] == ({"id": "a", "label": "A", "icon": None},)
    assert graph.model_dump(mode="json")["nodes"] == [{"id": "a", "label": "A", "icon": None}]


def it_validates_the_sample_talk_and_reads_back_its_own_dump():
    talk = Talk.model_validate(load_file(str(SAMPLE_TALK / "talk.yaml")).data)
    assert talk.languages == ("fr", "en") and len(talk.slides) == 20
    assert Talk.model_validate(talk.model_dump(mode="json", by_alias=True, exclude_none=True)) == talk
    assert talk.stack(talk.stacks[0].id) is talk.stacks[0]


def it_copies_and_constructs_without_checking():
    link = Link.model_construct(label="Trap", url="javascript:alert(1)")
    assert link.url == "javascript:alert(1)"
    closing = ClosingSlide.model_construct(id="end", kind="closing")
    assert closing.links == () and closing.handout is True and closing.title is None
    stack = Stack(id="s", title="S", layers=[{"id": "a", "label": "A", "kind": "os"}])
    assert stack.model_copy(update={"title": "T"}).title == "T" and stack.title == "S"


def it_lists_missing_and_unknown_keys_field_by_field_then_the_unknown():
    assert errors_of(GraphEdge, {"to": "b", "form": "a", "source": 3, "zz": 1}) == [
        {"type": "string_type", "loc": ("source",), "msg": "Input should be a valid string", "input": 3},
        {"type": "extra_forbidden", "loc": ("form",), "msg": "Extra inputs are not permitted", "input": "a"},
        {"type": "extra_forbidden", "loc": ("zz",), "msg": "Extra inputs are not permitted", "input": 1},
    ]
    assert errors_of(GraphEdge, {}) == [
        {"type": "missing", "loc": ("from",), "msg": "Field required", "input": {}},
        {"type": "missing", "loc": ("to",), "msg": "Field required", "input": {}},
    ]


def it_checks_text_length_then_pattern_as_rust_regex_does():
    pattern = {"pattern": ID_PATTERN}
    assert errors_of(Layer, {"id": "a\n", "label": "", "kind": "k" * 65}) == [
        {"type": "string_pattern_mismatch", "loc": ("id",), "msg": f"String should match pattern '{ID_PATTERN}'",
         "input": "a\n", "ctx": pattern},
        {"type": "string_too_short", "loc": ("label",), "msg": "String should have at least 1 character",
         "input": "", "ctx": {"min_length": 1}},
        {"type": "string_too_long", "loc": ("kind",), "msg": "String should have at most 64 characters",
         "input": "k" * 65, "ctx": {"max_length": 64}},
    ]
    assert Link(label="a", url="https://a\x1c").url == "https://a\x1c"  # not a space to Rust's \S
    assert [e["type"] for e in errors_of(Link, {"label": "\ud800", "url": "https://a\x85"})] == [
        "string_unicode", "string_pattern_mismatch"]


def it_names_the_union_branches_of_a_bullet_and_counts_what_validated():
    assert errors_of(BulletsSlide, {"id": "b", "kind": "bullets", "title": "B", "bullets": [3, {"text": ""}]}) == [
        {"type": "string_type", "loc": ("bullets", 0, "constrained-str"), "msg": "Input should be a valid string",
         "input": 3},
        {"type": "model_type", "loc": ("bullets", 0, "BulletGroup"),
         "msg": "Input should be a valid dictionary or instance of BulletGroup", "input": 3,
         "ctx": {"class_name": "BulletGroup"}},
        {"type": "string_type", "loc": ("bullets", 1, "constrained-str"), "msg": "Input should be a valid string",
         "input": {"text": ""}},
        {"type": "string_too_short", "loc": ("bullets", 1, "BulletGroup", "text"),
         "msg": "String should have at least 1 character", "input": "", "ctx": {"min_length": 1}},
        {"type": "too_short", "loc": ("bullets",), "msg": "Tuple should have at least 1 item after validation, not 0",
         "input": [3, {"text": ""}], "ctx": {"field_type": "Tuple", "min_length": 1, "actual_length": 0}},
    ]


def it_picks_the_slide_by_its_kind():
    slides = [{"id": "a"}, {"id": "b", "kind": "nope"}, 3, {"id": "C", "kind": "closing"}]
    assert errors_of(Talk, dict(TALK, slides=slides)) == [
        {"type": "union_tag_not_found", "loc": ("slides", 0), "msg": "Unable to extract tag using discriminator 'kind'",
         "input": {"id": "a"}, "ctx": {"discriminator": "'kind'"}},
        {"type": "union_tag_invalid", "loc": ("slides", 1),
         "msg": f"Input tag 'nope' found using 'kind' does not match any of the expected tags: {KINDS}",
         "input": {"id": "b", "kind": "nope"},
         "ctx": {"discriminator": "'kind'", "tag": "nope", "expected_tags": KINDS}},
        {"type": "model_attributes_type", "loc": ("slides", 2),
         "msg": "Input should be a valid dictionary or object to extract fields from", "input": 3},
        {"type": "string_pattern_mismatch", "loc": ("slides", 3, "closing", "id"),
         "msg": f"String should match pattern '{ID_PATTERN}'", "input": "C", "ctx": {"pattern": ID_PATTERN}},
        {"type": "too_short", "loc": ("slides",), "msg": "Tuple should have at least 1 item after validation, not 0",
         "input": slides, "ctx": {"field_type": "Tuple", "min_length": 1, "actual_length": 0}},
    ]
    title = Talk.model_validate(TALK).slides[0]
    assert Talk.model_validate(dict(TALK, slides=[title])).slides[0] is title  # an instance is taken as it is


def it_checks_mapping_keys_and_values():
    errors = errors_of(Talk, dict(TALK, layouts={"bulets": "x", "title": ""}, legend={1: "x"}))
    assert [(e["type"], e["loc"]) for e in errors] == [
        ("literal_error", ("layouts", "bulets", "[key]")), ("string_too_short", ("layouts", "title")),
        ("string_type", ("legend", 1, "[key]"))]
    assert errors[0]["ctx"] == {"expected": KINDS.replace(", 'two-columns'", " or 'two-columns'")}


@pytest.mark.parametrize(("written", "expected"), [("30", 30), (" 45 ", 45), (None, None), (600, 600)])
def it_reads_a_duration_written_as_a_number(written, expected):
    assert Talk.model_validate(dict(TALK, duration=written)).duration == expected


@pytest.mark.parametrize(("written", "kind"), [
    ("0", "greater_than_equal"), (601, "less_than_equal"), (True, "value_error"), (3.5, "value_error"),
    ("soon", "value_error")])
def it_refuses_a_duration_that_is_not_minutes(written, kind):
    assert [(e["type"], e["loc"]) for e in errors_of(Talk, dict(TALK, duration=written))] == [(kind, ("duration",))]


def it_refuses_a_picture_outside_the_talk_folder():
    slide = {"id": "i", "kind": "image", "src": "../secret.png", "alt": "A"}
    error, too_short = errors_of(Talk, dict(TALK, slides=[slide]))
    assert too_short["type"] == "too_short"  # no slide validated
    assert error["type"] == "value_error" and error["loc"] == ("slides", 0, "image", "src")
    assert error["msg"] == "Value error, must be a path inside the talk's folder, such as images/diagram.png"


def it_refuses_a_declaration_it_cannot_validate_as_pydantic_did():
    class Lax(BaseModel):
        model_config = ConfigDict(frozen=True)
        name: str = Field(description="plain str, which pydantic validated in lax mode")

    with pytest.raises(NotImplementedError):
        Lax.model_validate({"name": "x"})


def it_generates_the_schema_from_the_declarations():
    schema = Talk.model_json_schema(by_alias=True, mode="validation")
    assert schema["title"] == "deckgen talk.yaml (version 1)" and schema["additionalProperties"] is False
    assert schema["required"] == ["id", "title", "lang", "slides"]
    slides = schema["properties"]["slides"]["items"]
    assert slides["discriminator"]["mapping"]["two-columns"] == "#/$defs/TwoColumnsSlide"
    assert len(slides["oneOf"]) == 12
    assert schema["$defs"]["BulletsSlide"]["required"] == ["id", "title", "kind", "bullets"]
    assert schema["$defs"]["GraphEdge"]["required"] == ["from", "to"]
    assert schema["properties"]["duration"]["anyOf"][-1] == {"type": "null"}
    assert schema["properties"]["layouts"]["propertyNames"]["enum"][-1] == "two-columns"
    assert json.dumps(schema, sort_keys=True) == json.dumps(Talk.model_json_schema(), sort_keys=True)


def it_imports_the_model_without_pydantic():
    probe = "import sys, generator.model.talk; print(sorted(m for m in sys.modules if m.startswith('pydantic')))"
    proc = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "[]"
