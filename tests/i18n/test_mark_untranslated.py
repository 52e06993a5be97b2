"""`deckgen build --mark-untranslated`: exactly the strings that fell back to the source language
are wrapped in ‹ › in every format, and `deckgen i18n status` lists them under their slides."""

from __future__ import annotations

import re
import shutil

import polib
import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.i18n.localize import MARK_CLOSE, MARK_OPEN
from tests.conftest import SAMPLE_TALK

MARKED = re.compile(f"{MARK_OPEN}([^{MARK_CLOSE}]*){MARK_CLOSE}")
# The English catalog loses one translation, and another goes stale; they fall back to French.
MISSING = {"slides/not-vms/text", "stacks/vm/layers/hypervisor/label"}
STALE = {"slides/vm-section/title"}
FALLBACKS = {"Un conteneur Docker n\u2019est pas une machine virtuelle.", "Hyperviseur", "Les machines virtuelles"}


def squeezed(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def talk(tmp_path_factory):
    """The sample talk with an English catalog that lacks two strings and has one stale."""
    folder = tmp_path_factory.mktemp("talk") / "autour-de-docker"
    shutil.copytree(SAMPLE_TALK, folder)
    po = polib.pofile(str(folder / "locales" / "en.po"))
    for entry in po:
        if entry.msgctxt in MISSING:
            entry.msgstr = ""
        if entry.msgctxt in STALE:
            entry.flags.append("fuzzy")
    po.save()
    return folder


def build(talk, out, *extra):
    result = CliRunner().invoke(main, ["build", str(talk), "--lang", "en", "--format", "pptx,html",
                                       "--out", str(out), *extra])
    assert result.exit_code == 0, result.output
    return out / "autour-de-docker" / "en"


@pytest.fixture(scope="module")
def marked(talk, tmp_path_factory):
    return build(talk, tmp_path_factory.mktemp("marked"), "--mark-untranslated")


def pptx_text(path) -> str:
    from pptx import Presentation

    def shapes_text(shapes):
        for shape in shapes:
            if shape.shape_type == 6:            # a group
                yield from shapes_text(shape.shapes)
            if shape.has_text_frame:
                yield shape.text_frame.text
            if getattr(shape, "has_table", False) and shape.has_table:
                yield from (cell.text for row in shape.table.rows for cell in row.cells)

    return "\n".join(text for slide in Presentation(str(path)).slides for text in shapes_text(slide.shapes))


def html_text(path) -> str:
    from lxml import html

    tree = html.fromstring(path.read_text("utf-8"))
    return "\n".join(section.text_content() for section in tree.xpath("//section[contains(@class, 'slide')]"))


def it_marks_exactly_the_fallback_strings_in_the_pptx(marked):
    found = {squeezed(m) for m in MARKED.findall(pptx_text(marked / "autour-de-docker-en.pptx"))}
    assert found == {squeezed(s) for s in FALLBACKS}


def it_marks_exactly_the_fallback_strings_in_the_html(marked):
    found = {squeezed(m) for m in MARKED.findall(html_text(marked / "autour-de-docker-en.html"))}
    assert found == {squeezed(s) for s in FALLBACKS}


def it_marks_nothing_in_a_normal_build(talk, tmp_path):
    plain = build(talk, tmp_path)
    for text in (pptx_text(plain / "autour-de-docker-en.pptx"), html_text(plain / "autour-de-docker-en.html")):
        assert MARK_OPEN not in text and MARK_CLOSE not in text
        assert "Hyperviseur" in text          # the fallback itself is there, unmarked


def it_lists_the_untranslated_strings_under_the_slides_that_show_them(talk):
    result = CliRunner().invoke(main, ["i18n", "status", str(talk)])
    assert "en: 157/160 translated (98 %), 1 stale, 2 missing, 0 obsolete" in result.output
    lines = result.output.splitlines()

    def under(slide: str) -> list[str]:
        start = next(i for i, line in enumerate(lines) if line.strip().startswith("slide ") and f"({slide})" in line)
        rest = lines[start + 1:]
        end = next((i for i, line in enumerate(rest) if not line.startswith("      ")), len(rest))   # items are indented deeper
        return [line.strip() for line in rest[:end]]

    assert under("not-vms") == ['missing: slides/not-vms/text: "Un conteneur Docker n\'est pas une machine virtuelle."']
    assert under("vm-section") == ['stale: slides/vm-section/title: "Les machines virtuelles"']
    hypervisor = 'missing: stacks/vm/layers/hypervisor/label: "Hyperviseur"'
    assert hypervisor in under("vm-stack") and hypervisor in under("side-by-side")
    import json

    report = json.loads(CliRunner().invoke(main, ["i18n", "status", "--json", str(talk)]).output)
    listed = {item["context"]: item for item in report["autour-de-docker"][0]["untranslated"]}
    assert set(listed) == MISSING | STALE
    assert listed["slides/vm-section/title"]["state"] == "stale" and listed["slides/not-vms/text"]["slides"] == [2]
