"""PO catalogs: stable contexts, context-aware merge, status, fallback, pseudo-locale."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.content.talk import load_talk
from generator.i18n.catalog import catalog_path, load_translations, read_catalog
from generator.i18n.localize import localize
from generator.i18n.status import language_status
from tests.conftest import SAMPLE_TALK

TALK = """\
id: demo
title: Autour de Docker
lang: fr
translations: [en]
stacks:
  - id: vm
    title: Machines virtuelles
    columns: [Appli A, Appli B]
    layers:
      - {id: infrastructure, label: Infrastructure, kind: hardware}
      - {id: guest-os, label: Système invité, kind: os, per_column: true, badge: 700 Mo}
      - {id: apps, label: "{column}", kind: app, per_column: true}
slides:
  - id: title
    kind: title
    notes: Bonsoir à tous.
  - id: vm-stack
    kind: stack
    stack: vm
    notes: La pile des machines virtuelles.
  - id: points
    kind: bullets
    title: Les points
    bullets:
      - Premier point
      - Deuxième point
    notes: Trois points à retenir.
"""

TRANSLATED = {
    "Autour de Docker": "All about Docker", "Machines virtuelles": "Virtual machines",
    "Appli A": "App A", "Appli B": "App B", "Infrastructure": "Infrastructure",
    "Système invité": "Guest OS", "700 Mo": "700 MB", "{column}": "{column}",
    "Bonsoir à tous.": "Good evening, everyone.", "La pile des machines virtuelles.": "The VM stack.",
    "Les points": "The points", "Premier point": "First point", "Deuxième point": "Second point",
    "Trois points à retenir.": "Three points to remember.",
}


def update(talk_dir, *extra):
    result = CliRunner().invoke(main, ["i18n", "update", str(talk_dir), *extra])
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture
def talk_dir(tmp_path):
    """A small French talk with a complete English catalog."""
    directory = tmp_path / "demo"
    directory.mkdir()
    (directory / "talk.yaml").write_text(TALK, encoding="utf-8")
    update(directory)
    import polib

    po = polib.pofile(str(catalog_path(directory, "en")))
    for entry in po:
        entry.msgstr = TRANSLATED[entry.msgid]
    po.save()
    update(directory)  # back to the canonical form
    return directory


def edit(talk_dir, old: str, new: str) -> None:
    path = talk_dir / "talk.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def catalog(talk_dir):
    """The current messages of the English catalog, as polib reads them."""
    return [e for e in read_catalog(catalog_path(talk_dir, "en")) if not e.obsolete]


def status(talk_dir):
    loaded = load_talk(talk_dir)
    return language_status(loaded.talk, load_translations(catalog_path(talk_dir, "en"), "en"))


def it_gives_every_string_a_context_made_of_ids(talk_dir):
    contexts = {e.msgctxt for e in catalog(talk_dir)}
    assert {"title", "stacks/vm/title", "stacks/vm/columns", "stacks/vm/layers/guest-os/label",
            "stacks/vm/layers/guest-os/badge", "stacks/vm/layers/apps/label", "slides/points/bullets",
            "slides/vm-stack/notes"} <= contexts
    assert all(not any(ch.isdigit() for ch in c.split("/")[-1]) for c in contexts)


def it_marks_exactly_the_edited_message_fuzzy_and_keeps_the_previous_source(talk_dir):
    assert status(talk_dir).translated == status(talk_dir).total
    edit(talk_dir, "notes: La pile des machines virtuelles.", "notes: La pile complète des machines virtuelles.")
    update(talk_dir)
    fuzzy = [e for e in catalog(talk_dir) if e.fuzzy]
    assert [(e.msgctxt, e.msgid, e.msgstr, e.previous_msgid) for e in fuzzy] == [
        ("slides/vm-stack/notes", "La pile complète des machines virtuelles.", "The VM stack.",
         "La pile des machines virtuelles.")]
    assert "#| msgid \"La pile des machines virtuelles.\"" in catalog_path(talk_dir, "en").read_text("utf-8")
    counts = status(talk_dir)
    assert (counts.fuzzy, counts.missing, counts.fuzzy_ids) == (1, 0, ["slides/vm-stack/notes"])
    stale = catalog_path(talk_dir, "en").read_bytes()
    update(talk_dir)  # a second update keeps the stale message and its previous source as they were
    assert catalog_path(talk_dir, "en").read_bytes() == stale


def it_matches_an_edit_only_within_the_same_field(talk_dir):
    # The new title reads like the old first bullet, which was edited too: each message must
    # still inherit what its own field said before, not the closest text in the catalog.
    edit(talk_dir, "title: Les points", "title: Premier point important")
    edit(talk_dir, "      - Premier point", "      - Tout premier point")
    update(talk_dir)
    fuzzy = {e.msgctxt: (e.msgstr, e.previous_msgid) for e in catalog(talk_dir) if e.fuzzy}
    assert fuzzy == {"slides/points/title": ("The points", "Les points"),
                     "slides/points/bullets": ("First point", "Premier point")}


def it_leaves_everything_fresh_when_a_bullet_is_inserted_at_the_top(talk_dir):
    before = status(talk_dir)
    edit(talk_dir, "      - Premier point", "      - Un point tout neuf\n      - Premier point")
    update(talk_dir)
    after = status(talk_dir)
    assert (after.total, after.translated, after.fuzzy, after.missing) == (before.total + 1, before.translated, 0, 1)
    assert after.missing_ids == ["slides/points/bullets"]


def it_makes_a_removed_slides_messages_obsolete(talk_dir):
    text = (talk_dir / "talk.yaml").read_text(encoding="utf-8")
    start = text.index("  - id: points")
    (talk_dir / "talk.yaml").write_text(text[:start], encoding="utf-8")
    update(talk_dir)
    obsolete = [e for e in read_catalog(catalog_path(talk_dir, "en")) if e.obsolete]
    assert sorted((e.msgctxt, e.msgid, e.msgstr) for e in obsolete) == [
        ("slides/points/bullets", "Deuxième point", "Second point"),
        ("slides/points/bullets", "Premier point", "First point"),
        ("slides/points/notes", "Trois points à retenir.", "Three points to remember."),
        ("slides/points/title", "Les points", "The points")]
    assert "#~ msgid \"Les points\"" in catalog_path(talk_dir, "en").read_text("utf-8")
    counts = status(talk_dir)
    assert (counts.obsolete, counts.fuzzy, counts.missing) == (4, 0, 0)
    # The slide comes back: its translations come back with it.
    (talk_dir / "talk.yaml").write_text(text, encoding="utf-8")
    update(talk_dir)
    assert status(talk_dir).translated == status(talk_dir).total


def it_writes_the_same_bytes_when_nothing_changed(talk_dir):
    before = catalog_path(talk_dir, "en").read_bytes()
    result = update(talk_dir)
    assert "unchanged" in result.output
    assert catalog_path(talk_dir, "en").read_bytes() == before


def it_reports_status_as_json_and_fails_strict_when_incomplete(talk_dir):
    import json

    runner = CliRunner()
    ok = runner.invoke(main, ["i18n", "status", "--json", "--strict", str(talk_dir)])
    assert ok.exit_code == 0
    report = json.loads(ok.output)["demo"][0]
    assert (report["lang"], report["total"], report["translated"], report["complete"]) == ("en", 14, 14, True)
    edit(talk_dir, "title: Les points", "title: Les points clés")
    edit(talk_dir, "      - Premier point", "      - Un point tout neuf\n      - Premier point")
    update(talk_dir)
    stale = runner.invoke(main, ["i18n", "status", "--strict", str(talk_dir)])
    assert stale.exit_code == 1
    assert "en: 13/15 translated (86 %), 1 stale, 1 missing, 0 obsolete" in stale.output
    assert "stale: slides/points/title" in stale.output
    assert "missing: slides/points/bullets" in stale.output


def it_falls_back_to_the_source_text_with_a_warning(talk_dir):
    edit(talk_dir, "title: Les points", "title: Les points clés")
    edit(talk_dir, "      - Premier point", "      - Un point tout neuf\n      - Premier point")
    update(talk_dir)
    english = localize(load_talk(talk_dir), "en")
    slide = english.talk.slides[2]
    assert slide.title == "Les points clés"
    assert slide.bullets == ("Un point tout neuf", "First point", "Second point")
    assert sorted(w.code for w in english.warnings) == ["i18n.fuzzy", "i18n.missing"]
    assert all(w.severity == "warning" for w in english.warnings)
    assert english.talk.stacks[0].layers[1].badge == "700 MB"


def it_adds_a_language(talk_dir):
    result = update(talk_dir, "--add", "de")
    assert "added 'de' to translations" in result.output
    assert catalog_path(talk_dir, "de").is_file()
    assert load_talk(talk_dir).talk.translations == ("en", "de")


def it_passes_msgfmt_and_reads_back_what_gettext_compiles(talk_dir, tmp_path):
    """msgfmt accepts each catalog, and what it compiles (fresh messages only) is what read_catalog
    reads: the translations as gettext itself sees them."""
    import gettext

    if shutil.which("msgfmt") is None:
        pytest.fail("msgfmt (gettext) is missing: make test installs it")
    edit(talk_dir, "title: Les points", "title: Les points clés")
    update(talk_dir)
    for path in (catalog_path(talk_dir, "en"), catalog_path(SAMPLE_TALK, "en")):
        compiled = tmp_path / f"{path.parent.parent.name}.mo"
        proc = subprocess.run(["msgfmt", "--check-format", "-c", "-o", str(compiled), str(path)],
                              capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
        with compiled.open("rb") as handle:
            compiled_catalog = gettext.GNUTranslations(handle)
        messages = [e for e in read_catalog(path) if not e.obsolete]
        assert len(messages) > 10
        for e in messages:      # a stale or empty translation falls back to the source, as in deckgen
            expected = e.msgstr if e.msgstr and not e.fuzzy else e.msgid
            assert compiled_catalog.pgettext(e.msgctxt, e.msgid) == expected, e.msgctxt


def it_sums_up_many_fallbacks_in_one_warning(talk_dir):
    update(talk_dir, "--add", "de")
    german = localize(load_talk(talk_dir), "de")
    assert len(german.warnings) == 1
    assert "14 strings have no fresh translation into de (14 missing, 0 stale)" in german.warnings[0].message
