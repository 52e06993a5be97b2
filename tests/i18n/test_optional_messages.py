"""The author's name and link addresses: messages a translation may give, kept as written
(silently) when it does not, and an address that is not one refused at its line."""

from __future__ import annotations

import polib
import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.content.talk import load_talk
from generator.errors import ContentError
from generator.i18n.catalog import catalog_path, load_translations
from generator.i18n.localize import localize
from generator.i18n.status import language_status

TALK = """\
id: demo
title: Démo
author: Équipe d'exemple
lang: fr
translations: [de]
slides:
  - id: closing
    kind: closing
    text: Merci
    links:
      - {label: Documentation, url: "https://exemple.fr/docs"}
"""


@pytest.fixture
def talk_dir(tmp_path):
    directory = tmp_path / "demo"
    directory.mkdir()
    (directory / "talk.yaml").write_text(TALK, encoding="utf-8")
    assert CliRunner().invoke(main, ["i18n", "update", str(directory)]).exit_code == 0
    return directory


def translate(talk_dir, strings: dict[str, str]) -> None:
    path = catalog_path(talk_dir, "de")
    po = polib.pofile(str(path))
    for entry in po:
        entry.msgstr = strings.get(entry.msgctxt, entry.msgstr)
    po.save()


def it_keeps_the_author_and_address_silently_when_the_catalog_gives_none(talk_dir):
    translate(talk_dir, {"title": "Demo", "slides/closing/text": "Danke", "slides/closing/links": "Dokumentation"})
    german = localize(load_talk(talk_dir), "de")
    assert german.warnings == []
    assert german.talk.author == "Équipe d\u2019exemple"             # as written, in its source's typography
    assert german.talk.slides[0].links[0].url == "https://exemple.fr/docs"
    status = language_status(load_talk(talk_dir).talk, load_translations(catalog_path(talk_dir, "de"), "de"))
    assert (status.total, status.translated, status.complete) == (3, 3, True)       # title, text, link label


def it_takes_a_translated_author_and_address(talk_dir):
    translate(talk_dir, {"author": "Beispielteam", "slides/closing/urls": "https://beispiel.de/doku"})
    german = localize(load_talk(talk_dir), "de", mark_untranslated=True)
    assert german.talk.author == "Beispielteam"
    assert german.talk.slides[0].links[0].url == "https://beispiel.de/doku"     # never marked nor typeset
    assert german.talk.title == "‹Démo›"


def it_refuses_a_translated_address_that_is_not_one_at_its_line(talk_dir):
    translate(talk_dir, {"slides/closing/urls": "javascript:alert(1)"})
    with pytest.raises(ContentError) as caught:
        localize(load_talk(talk_dir), "de")
    (problem,) = caught.value.diagnostics
    assert problem.code == "i18n.url" and problem.position is not None and problem.path.endswith("de.po")
