"""Bullets written "Term: explanation" are bullets with the term in bold, in every format."""

from __future__ import annotations

import subprocess

import pytest
from click.testing import CliRunner

from generator.cli import main

AGENDA = """\
id: agenda
title: Agenda
lang: en
slides:
  - id: agenda
    kind: bullets
    title: Agenda
    bullets:
      - Bare metal: where everything started
      - Virtual machines: one server, many computers
      - Containers: one kernel, many apps
      - Functions: code without a server to manage
"""
TERMS = ("Bare metal", "Virtual machines", "Containers", "Functions")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("agenda")
    talk = root / "agenda"
    talk.mkdir()
    (talk / "talk.yaml").write_text(AGENDA, "utf-8")
    assert CliRunner().invoke(main, ["check", str(talk)]).exit_code == 0
    result = CliRunner().invoke(main, ["build", str(talk), "--format", "pptx,html,handout", "--handout", "notes",
                                       "--out", str(root / "out")])
    assert result.exit_code == 0, result.stderr
    return root / "out" / "agenda" / "en"


def it_bolds_the_terms_in_the_pptx(built):
    from pptx import Presentation

    slide = Presentation(str(built / "agenda-en.pptx")).slides[0]
    body = next(s for s in slide.placeholders if s.placeholder_format.idx != 0)
    for paragraph, term in zip(body.text_frame.paragraphs, TERMS):
        first, rest = paragraph.runs[0], paragraph.runs[1:]
        assert (first.text, first.font.bold) == (term, True)
        assert not any(r.font.bold for r in rest) and paragraph.text.startswith(f"{term}: ")


def it_bolds_the_terms_in_the_html(built):
    from lxml import html

    page = html.fromstring((built / "agenda-en.html").read_bytes())
    items = page.xpath("//section[@id='slide-1']//ul[contains(@class,'bullets')]/li")
    assert [li.xpath("string(strong)") for li in items] == list(TERMS)
    assert items[0].text_content() == "Bare metal: where everything started"


def it_prints_the_whole_bullets_in_the_handout(built):
    text = subprocess.run(["pdftotext", str(built / "agenda-en-handout-notes.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    for term in TERMS:
        assert f"{term}:" in text


def it_keeps_each_bullet_one_message_in_the_catalog(tmp_path):
    talk = tmp_path / "agenda"
    talk.mkdir()
    (talk / "talk.yaml").write_text(AGENDA.replace("lang: en", "lang: en\ntranslations: [fr]"), "utf-8")
    assert CliRunner().invoke(main, ["i18n", "update", str(talk)]).exit_code == 0
    catalog = (talk / "locales" / "fr.po").read_text("utf-8")
    assert 'msgid "**Bare metal**: where everything started"' in catalog
