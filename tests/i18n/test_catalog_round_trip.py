"""Catalogs that `i18n update` writes read back as they were written, whatever the talk's texts
hold (line and paragraph separators, quotes, backslashes, any script); a broken catalog is an
error at its line and column, with a hint."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.content.controls import CONTROL
from generator.i18n.catalog import catalog_bytes, merge_catalog, read_catalog
from generator.i18n.messages import Entry

SEPARATORS = "\u2028\u2029"     # Python's splitlines breaks there; gettext does not

TALK = """\
id: seps
title: "Titre\\u2028suite"
lang: fr
translations: [en]
slides:
  - {id: title, kind: title}
  - {id: s, kind: statement, text: "Un\\u2029deux \\"trois\\" \\\\ quatre"}
"""


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def it_reads_back_a_catalog_whose_texts_hold_line_separators(tmp_path):
    talk = tmp_path / "seps"
    talk.mkdir()
    (talk / "talk.yaml").write_text(TALK, "utf-8")
    assert run("i18n", "update", talk).exit_code == 0
    catalog = talk / "locales" / "en.po"
    text = catalog.read_text("utf-8")
    assert "\u2028" in text and "\u2029" in text
    for command in (("i18n", "status"), ("i18n", "update"), ("check",)):
        result = run(*command, talk)
        assert "malformed" not in result.stderr and "closing quote" not in result.stderr, (command, result.stderr)
        assert result.exit_code in (0, 1) and "error" not in result.stderr, (command, result.stderr)
    assert catalog.read_text("utf-8") == text                   # the second update changed nothing
    entries = {(e.msgctxt, e.msgid) for e in read_catalog(catalog)}
    assert ("title", "Titre\u2028suite") in entries
    assert ("slides/s/text", 'Un\u2029deux "trois" \\ quatre') in entries


texts = st.text(st.characters(blacklist_categories=("Cs",)).filter(lambda c: not CONTROL.match(c))
                | st.sampled_from(list(SEPARATORS + '\n\t"\\')), min_size=1, max_size=40)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                    HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(texts, texts), min_size=1, max_size=5, unique_by=lambda pair: pair[0]))
def it_reads_back_any_text_it_writes(tmp_path, pairs):
    path: Path = tmp_path / "en.po"
    entries = [Entry(("slides", index, "text"), f"slides/s{index}/text", source, "a text")
               for index, (source, _) in enumerate(pairs)]
    old = merge_catalog(None, entries, "en", "t")
    for entry, (_, translation) in zip(old, pairs):
        entry.msgstr = translation
    path.write_bytes(catalog_bytes(old))
    read = read_catalog(path)
    assert [(e.msgctxt, e.msgid, e.msgstr) for e in read if e.msgid] == \
           [(f"slides/s{index}/text", source, translation) for index, (source, translation) in enumerate(pairs)]
    assert catalog_bytes(merge_catalog(read, entries, "en", "t")) == path.read_bytes()


@pytest.mark.parametrize("body,line,col", [
    ('msgctxt "title"\nmsgid "Titre"\n   msgstr "x" y"\n', 7, 4),        # where the line's text starts
    ('msgctxt "title"\nmsgid "Titre"\nmsgstr "x"\n  hello there\n', 8, 3),
])
def it_reports_a_broken_catalog_at_its_line_and_column_with_a_hint(tmp_path, body, line, col):
    talk = tmp_path / "seps"
    talk.mkdir()
    (talk / "talk.yaml").write_text(TALK, "utf-8")
    (talk / "locales").mkdir()
    (talk / "locales" / "en.po").write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                                            + body, "utf-8")
    result = run("check", talk)
    assert result.exit_code == 1, result.stderr
    assert f"en.po:{line}:{col}: error: malformed PO catalog" in result.stderr and "[i18n.po]" in result.stderr
    assert "hint: " in result.stderr and "internal error" not in result.stderr
