"""PO files are read and written by polib alone: what a catalog says survives an update (a stale
message's previous source, a stale message gone obsolete, the header's dates), every file is one
msgfmt accepts, and a malformed one is an error at its line."""

from __future__ import annotations

import shutil
import subprocess

import polib
import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.content.talk import load_talk
from generator.i18n.catalog import HEADER_ORDER, catalog_path, load_translations, read_catalog
from generator.i18n.status import language_status
from tests.conftest import SAMPLE_TALK

LONG_BULLET = "Une machine virtuelle embarque tout un système invité, avec ses binaires et ses bibliothèques"
TALK = f"""\
id: files
title: Autour de Docker
lang: fr
translations: [en]
stacks:
  - id: vm
    title: Machines virtuelles
    columns: [Appli A, Appli B]
    layers:
      - {{id: apps, label: "{{column}}", kind: app, per_column: true}}
slides:
  - id: title
    kind: title
  - id: vm-stack
    kind: stack
    stack: vm
  - id: points
    kind: bullets
    title: Les points
    bullets:
      - "{LONG_BULLET}"
      - Portable à 100 %
    notes: |
      Première ligne des notes.
      Deuxième ligne, assez longue pour dépasser les soixante-dix-neuf colonnes d'une ligne de catalogue.
"""


def update(talk_dir, *extra, code: int = 0):
    result = CliRunner().invoke(main, ["i18n", "update", str(talk_dir), *extra])
    assert result.exit_code == code, result.output + result.stderr
    return result


def edit(talk_dir, old: str, new: str) -> None:
    path = talk_dir / "talk.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def msgfmt_check(path) -> None:
    if shutil.which("msgfmt") is None:
        pytest.fail("msgfmt (gettext) is missing: make test installs it")
    proc = subprocess.run(["msgfmt", "-c", "--check-format", "-o", "/dev/null", str(path)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def entries(path) -> dict[tuple[str, str], polib.POEntry]:
    return {(e.msgctxt, e.msgid): e for e in polib.pofile(str(path)) if not e.obsolete}


@pytest.fixture
def talk_dir(tmp_path, monkeypatch):
    """A French talk whose English catalog translates every string."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    directory = tmp_path / "files"
    directory.mkdir()
    (directory / "talk.yaml").write_text(TALK, encoding="utf-8")
    update(directory)
    po = polib.pofile(str(catalog_path(directory, "en")))
    for entry in po:
        entry.msgstr = entry.msgid if "{column}" in entry.msgid else f"EN {entry.msgid}"
    po.save()
    update(directory)
    return directory


def it_reads_each_catalog_once_with_polib(talk_dir, monkeypatch):
    calls = []
    real = polib.pofile
    monkeypatch.setattr(polib, "pofile", lambda *args, **kwargs: calls.append(args) or real(*args, **kwargs))
    load_translations(catalog_path(talk_dir, "en"), "en")
    assert len(calls) == 1
    update(talk_dir)
    assert len(calls) == 2


def it_keeps_a_long_and_a_multiline_previous_source_readable(talk_dir):
    """Babel wrapped a long `#| msgid` like a comment, into lines msgfmt rejects; polib writes
    continuation lines, and reads them back whole."""
    edit(talk_dir, LONG_BULLET, LONG_BULLET.replace("tout un", "un"))
    edit(talk_dir, "      Première ligne des notes.", "      La première ligne des notes.")
    update(talk_dir)
    path = catalog_path(talk_dir, "en")
    msgfmt_check(path)
    stale = {e.msgctxt: e for e in polib.pofile(str(path)) if e.fuzzy}
    assert stale["slides/points/bullets"].previous_msgid == LONG_BULLET
    assert stale["slides/points/bullets"].msgstr == f"EN {LONG_BULLET}"
    assert stale["slides/points/notes"].previous_msgid.startswith("Première ligne des notes.\nDeuxième ligne")
    assert stale["slides/points/notes"].previous_msgid.endswith("catalogue.\n")
    assert {e.msgctxt: e.previous_msgid for e in read_catalog(path) if e.fuzzy} == {
        context: e.previous_msgid for context, e in stale.items()}
    before = path.read_bytes()
    update(talk_dir)
    assert path.read_bytes() == before


def it_keeps_a_stale_translation_stale_when_it_comes_back_from_obsolete(talk_dir):
    edit(talk_dir, "title: Les points", "title: Les points clés")
    update(talk_dir)
    text = (talk_dir / "talk.yaml").read_text(encoding="utf-8")
    (talk_dir / "talk.yaml").write_text(text[:text.index("  - id: points")], encoding="utf-8")
    update(talk_dir)
    obsolete = [e for e in polib.pofile(str(catalog_path(talk_dir, "en"))) if e.obsolete]
    assert {(e.msgid, e.fuzzy) for e in obsolete} >= {("Les points clés", True), (LONG_BULLET, False)}
    msgfmt_check(catalog_path(talk_dir, "en"))
    (talk_dir / "talk.yaml").write_text(text, encoding="utf-8")
    update(talk_dir)
    status = language_status(load_talk(talk_dir).talk, load_translations(catalog_path(talk_dir, "en"), "en"))
    assert (status.fuzzy, status.missing, status.fuzzy_ids, status.obsolete) == (1, 0, ["slides/points/title"], 0)


def it_flags_the_column_placeholder_and_no_printf_format(talk_dir):
    path = catalog_path(talk_dir, "en")
    flags = {e.msgid: e.flags for e in polib.pofile(str(path))}
    assert flags["{column}"] == ["python-brace-format"]
    assert flags["Portable à 100 %"] == []
    assert "python-format" not in path.read_text("utf-8")
    msgfmt_check(path)


def it_writes_a_header_that_only_the_content_changes(talk_dir, monkeypatch):
    path = catalog_path(talk_dir, "en")
    po = polib.pofile(str(path))
    assert list(po.metadata) == [name for name in HEADER_ORDER if name != "Plural-Forms"]
    assert (po.metadata["POT-Creation-Date"], po.metadata["PO-Revision-Date"]) == ("2026-09-21 14:13+0000",) * 2
    assert (po.metadata["Language"], po.metadata["Last-Translator"]) == ("en", "deckgen")
    text = path.read_text("utf-8")
    assert "Report-Msgid-Bugs-To" not in text and "Generated-By" not in text
    assert text.startswith("# Translations of the talk 'files' into en.\n"
                           "# Update with: deckgen i18n update content/files\nmsgid \"\"\n")
    # What a translator's editor set is kept; the dates do not follow the clock.
    po.metadata.update({"Last-Translator": "Ana <ana@example.org>", "Plural-Forms": "nplurals=2; plural=(n != 1);",
                        "X-Generator": "Poedit 3.4"})
    po.save()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    update(talk_dir)
    again = polib.pofile(str(path))
    assert list(again.metadata) == list(HEADER_ORDER)
    assert again.metadata["Last-Translator"] == "Ana <ana@example.org>"
    assert again.metadata["PO-Revision-Date"] == "2026-09-21 14:13+0000"
    before = path.read_bytes()
    assert "unchanged" in update(talk_dir).output
    assert path.read_bytes() == before


def it_writes_what_gettext_writes_unwrapped(tmp_path):
    """The sample's catalog, wrapped at 79 columns by the writer before polib, reads the same
    once rewritten; the new file is line for line what `msgcat --no-wrap` makes of it."""
    if shutil.which("msgcat") is None:
        pytest.fail("msgcat (gettext) is missing: make test installs it")
    talk = tmp_path / "autour-de-docker"
    shutil.copytree(SAMPLE_TALK, talk)
    path = catalog_path(talk, "en")
    before = entries(path)
    update(talk)
    after = entries(path)
    assert after.keys() == before.keys()
    for key, entry in after.items():
        old = before[key]
        assert (entry.msgstr, entry.flags, entry.previous_msgid) == (old.msgstr, old.flags, old.previous_msgid)
        assert entry.comment.split() == old.comment.split()          # the same words, on one line
    unwrapped = subprocess.run(["msgcat", "--no-wrap", str(path)], capture_output=True, text=True, check=True).stdout
    assert path.read_text("utf-8") == unwrapped + "\n"
    msgfmt_check(path)


BROKEN = {
    "a stray line": ('msgctxt "title"\nmsgid "Autour de Docker"\nmsgstr "x"\nhello there\n', 8, "syntax error"),
    "a msgstr with no msgid": ('msgctxt "title"\nmsgstr "x"\n', 6, "syntax error"),
    "an unescaped quote": ('msgctxt "title"\nmsgid "Autour de Docker"\nmsgstr "x" y"\n', 7,
                           "unescaped double quote found"),
    "a plural string of no plural message": ('msgctxt "title"\nmsgid "Autour de Docker"\nmsgstr[0] "x"\n', 7,
                                             "msgstr[0] without msgid_plural"),
    "an unknown previous field": ('#| msgfoo "x"\nmsgctxt "title"\nmsgid "Autour de Docker"\nmsgstr "x"\n', 5,
                                  "unknown keyword msgfoo"),
}


@pytest.mark.parametrize("name", BROKEN)
def it_reports_a_malformed_catalog_at_its_line(talk_dir, name):
    body, line, what = BROKEN[name]
    path = catalog_path(talk_dir, "en")
    path.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n' + body, "utf-8")
    before = path.read_bytes()
    for command in (["i18n", "update"], ["i18n", "status"], ["check"]):
        result = CliRunner().invoke(main, [*command, str(talk_dir)])
        assert result.exit_code == 1, (command, result.output, result.stderr)
        assert f"en.po:{line}:1: error: malformed PO catalog: {what} [i18n.po]" in result.stderr
        assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert path.read_bytes() == before


def it_reads_a_catalog_in_the_legacy_charset_its_header_names(talk_dir):
    path = catalog_path(talk_dir, "en")
    text = path.read_text("utf-8").replace("charset=utf-8", "charset=ISO-8859-1")
    path.write_bytes(text.replace('msgstr "EN Autour de Docker"', 'msgstr "Café Docker"').encode("latin-1"))
    assert load_translations(path, "en").get("title", "Autour de Docker").string == "Café Docker"
    update(talk_dir)
    assert 'msgstr "Café Docker"' in path.read_text("utf-8")


def it_warns_about_a_language_header_it_cannot_parse(talk_dir):
    path = catalog_path(talk_dir, "en")
    path.write_text(path.read_text("utf-8").replace('"Language: en\\n"', '"Language: xx-not-a-locale\\n"'), "utf-8")
    found = load_translations(path, "en")
    assert [(w.code, w.severity) for w in found.warnings] == [("i18n.language", "warning")]
    assert "'xx-not-a-locale'" in found.warnings[0].message
    update(talk_dir)
    assert polib.pofile(str(path)).metadata["Language"] == "en"
