"""User input that once ended in an internal error (exit 4) is a positioned error of `check`,
and `build` refuses it the same way (exit 1) without writing anything: texts longer than the
schema or Graphviz allow, code points XML forbids, SVG pictures that would blow up a renderer."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

TALK = """\
id: small
title: "{title}"
lang: fr
translations: [en]
graphs:
  - id: g
    title: G
    nodes:
      - {{id: a, label: "{label}"}}
      - {{id: b, label: B}}
    edges:
      - {{from: a, to: b, label: lien}}
slides:
  - {{id: title, kind: title}}
  - {{id: g, kind: graph, graph: g}}
  - id: end
    kind: closing
    title: Fin
    links:
      - {{label: Doc, url: "{url}"}}
"""
CATALOG = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=utf-8\\n"
"Language: en\\n"

msgctxt "{context}"
msgid "{source}"
msgstr "{translation}"
"""


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def small_talk(root: Path, *, title="Titre", label="Texte", url="https://example.com/", catalog=None) -> Path:
    talk = root / "small"
    talk.mkdir(parents=True, exist_ok=True)
    (talk / "talk.yaml").write_text(TALK.format(title=title, label=label, url=url), "utf-8")
    if catalog is not None:
        (talk / "locales").mkdir(exist_ok=True)
        (talk / "locales" / "en.po").write_text(CATALOG.format(**catalog), "utf-8")
    return talk


def refused(talk: Path, tmp_path: Path, expected: str, *args) -> str:
    """`check` and `build` both say `expected` (a positioned error), exit 1 and write nothing."""
    checked = run("check", talk, *args)
    assert checked.exit_code == 1, checked.output + checked.stderr
    assert expected in checked.stderr and "hint:" in checked.stderr
    assert "internal error" not in checked.stderr
    built = run("build", talk, "--no-cache", "--out", tmp_path / "out", *args)
    assert built.exit_code == 1, built.stderr
    assert expected in built.stderr and "internal error" not in built.stderr
    assert not (tmp_path / "out").exists()
    return checked.stderr


def it_refuses_a_graph_label_longer_than_dot_reads(tmp_path):
    talk = small_talk(tmp_path, label="x" * 17000)
    refused(talk, tmp_path, "talk.yaml:9:24: error: the label of node 'a' of graph 'g' is 17,000 characters "
                            "long, more than the 2,000 a graph label may hold [schema.value]")


@pytest.mark.parametrize("context,source,size,limit", [
    ("graphs/g/nodes/a/label", "Texte", 17000, "2,000 a graph label"),
    ("graphs/g/edges/a/b", "lien", 3000, "2,000 a graph label"),
    ("slides/end/title", "Fin", 25000, "20,000 a text"),
])
def it_refuses_a_translation_longer_than_its_field(tmp_path, context, source, size, limit):
    talk = small_talk(tmp_path, catalog={"context": context, "source": source, "translation": "y" * size})
    refused(talk, tmp_path, f"en.po:7:1: error: the translation of '{context}' is {size:,} characters long, "
                            f"more than the {limit} may hold [i18n.length]")


@pytest.mark.parametrize("where", ["url", "title"])
@pytest.mark.parametrize("escape", ["\\uFFFE", "\\uFFFF"])
def it_refuses_code_points_xml_forbids_in_any_text(tmp_path, where, escape):
    talk = small_talk(tmp_path, **{where: ("https://example.com/" if where == "url" else "Titre ") + escape})
    line = 20 if where == "url" else 2
    stderr = refused(talk, tmp_path, f"talk.yaml:{line}:")
    assert f"holds the character '{escape.lower()}', which no slide can show [yaml.control]" in stderr


def it_refuses_code_points_xml_forbids_in_a_translation(tmp_path):
    talk = small_talk(tmp_path, catalog={"context": "slides/end/title", "source": "Fin", "translation": "End\ufffe"})
    refused(talk, tmp_path, "en.po:7:1: error: the translation of 'slides/end/title' holds the character "
                            "'\\ufffe' [i18n.control]")
