"""The YAML loader: plain data with positions, safe by construction."""

from __future__ import annotations

import time

import pytest

from generator.content.loader import MAX_BYTES, decode_source, load_yaml
from generator.errors import ContentError


def load(text: str):
    return load_yaml(text, "t.yaml")


def codes(text: str) -> list[str]:
    with pytest.raises(ContentError) as info:
        load(text)
    return [d.code for d in info.value.diagnostics]


def it_keeps_keys_and_yaml11_words_as_text():
    doc = load("no: yes\non: off\n1: 1.10\ny: n\n")
    assert doc.data == {"no": "yes", "on": "off", "1": "1.10", "y": "n"}


def it_reads_null_and_the_two_booleans():
    doc = load("a: ~\nb:\nc: null\nd: true\ne: false\nf: 'true'\n")
    assert doc.data == {"a": None, "b": None, "c": None, "d": True, "e": False, "f": "true"}


def it_records_the_position_of_every_key_and_value():
    doc = load("title: Autour de Docker\nslides:\n  - id: title\n    kind: title\n")
    assert (doc.keys[("slides",)].line, doc.keys[("slides",)].col) == (2, 1)
    value = doc.values[("slides", 0, "kind")]
    assert (value.line, value.col, value.length) == (4, 11, 5)
    assert doc.where(("slides", 0, "missing")) == doc.values[("slides", 0)]


def it_counts_columns_in_characters_not_bytes():
    doc = load("é: ü\nà: [x, ÿ]\n")
    assert doc.values[("à", 1)].col == 8


def it_rejects_an_alias_bomb_before_expanding_it():
    text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    prev = "a"
    for name in "bcdefghijklmnop":
        text += f"{name}: &{name} [" + ",".join(["*" + prev] * 9) + "]\n"
        prev = name
    start = time.perf_counter()
    found = codes(text)
    assert time.perf_counter() - start < 2.0  # 9**16 items if it were expanded
    assert found == ["yaml.anchor", "yaml.alias"]


def it_rejects_every_tag():
    assert codes("a: !!python/object/apply:os.system [ls]\n") == ["yaml.tag"]
    assert codes("a: !!str 1\n") == ["yaml.tag"]
    assert codes("a: !custom {b: 1}\n") == ["yaml.tag"]


def it_reports_duplicate_keys_with_both_lines():
    with pytest.raises(ContentError) as info:
        load("a: 1\nb:\n  c: 1\n  c: 2\na: 3\n")
    messages = [(d.position.line, d.message) for d in info.value.diagnostics]
    assert messages == [(4, "duplicate key 'c' (first defined on line 3)"),
                        (5, "duplicate key 'a' (first defined on line 1)")]


def it_rejects_keys_that_are_not_text():
    assert codes("? [a, b]\n: 1\nc: 2\n") == ["yaml.complex-key"]


def it_limits_nesting_depth():
    assert codes("a: " + "[" * 500 + "]" * 500 + "\n") == ["yaml.depth"]


def it_rejects_control_characters_with_their_position():
    with pytest.raises(ContentError) as info:
        load("a: b\nc: d\x1be\n")
    diag = info.value.diagnostics[0]
    assert (diag.code, diag.position.line, diag.position.col) == ("yaml.control-character", 2, 5)


def it_rejects_bad_utf8_with_its_position():
    with pytest.raises(ContentError) as info:
        decode_source("a: b\nc: caf\xe9\n".encode("latin-1"), "t.yaml")
    diag = info.value.diagnostics[0]
    assert (diag.code, diag.position.line, diag.position.col) == ("yaml.encoding", 2, 7)


def it_rejects_files_over_the_size_cap():
    with pytest.raises(ContentError) as info:
        decode_source(b"a" * (MAX_BYTES + 1), "t.yaml")
    assert info.value.diagnostics[0].code == "yaml.size"


def it_accepts_a_byte_order_mark():
    assert load(decode_source(b"\xef\xbb\xbfa: b\n", "t.yaml")).data == {"a": "b"}


def it_points_at_the_tab_that_indents():
    with pytest.raises(ContentError) as info:
        load("a:\n  b: 1\n\tc: 2\n")
    diag = info.value.diagnostics[0]
    assert (diag.code, diag.position.line, diag.position.col) == ("yaml.tab", 3, 1)
