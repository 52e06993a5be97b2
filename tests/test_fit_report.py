"""`deckgen check` measures every text in every language and reports what does not fit."""

from __future__ import annotations

import re
import shutil

from click.testing import CliRunner
from pptx import Presentation

from generator.cli import main
from generator.fit_report import DIAGRAM_AREA
from generator.renderers.pptx.fit import DEFAULT_BODY, DEFAULT_TITLE, SLIDE_SIZE
from tests.conftest import ROOT, SAMPLE_TALK


def check(*args):
    return CliRunner().invoke(main, ["check", *args])


def test_the_sample_talk_fits_in_both_languages_and_its_translation_is_complete():
    result = check(str(SAMPLE_TALK))
    assert result.exit_code == 0
    assert "translation en: 150/150 (complete)" in result.stdout
    assert "text fit (fr, en): every text fits" in result.stdout
    assert result.stderr == ""


def test_the_pseudo_locale_shows_overflow_before_any_translation_exists():
    result = check(str(SAMPLE_TALK), "--lang", "qps")
    assert result.exit_code == 0
    found = re.findall(r"warning: (.+?) of slide '([a-z-]+)' does not fit at the minimum size in qps", result.stderr)
    assert found
    assert all(slide for _, slide in found)
    assert re.search(r"text fit \(qps\): \d+ texts do not fit", result.stdout)
    assert check(str(SAMPLE_TALK), "--lang", "qps", "--strict").exit_code == 1


def test_a_label_too_long_for_its_box_is_reported_at_its_slide(tmp_path):
    talk = tmp_path / "autour-de-docker"
    shutil.copytree(SAMPLE_TALK, talk)
    path = talk / "talk.yaml"
    path.write_text(path.read_text("utf-8").replace(
        "label: Hyperviseur\n", "label: " + "Hyperviseurdetypeunoudeuxtrèslongsansaucuneespace" * 6 + "\n"), "utf-8")
    result = check(str(talk), "--lang", "fr")
    assert re.search(r"talk\.yaml:\d+:5: warning: diagram box vm--hypervisor of slide 'vm-stack' does not fit", result.stderr)


def test_the_default_geometry_is_the_default_templates():
    prs = Presentation(str(ROOT / "templates" / "default" / "template.pptx"))
    assert (prs.slide_width / 12700, prs.slide_height / 12700) == SLIDE_SIZE
    layout = next(l for l in prs.slide_layouts if l.name == "Title and Content")
    rects = [tuple(round(v / 12700, 1) for v in (p.left, p.top, p.width, p.height)) for p in layout.placeholders]
    assert DEFAULT_TITLE in rects and DEFAULT_BODY in rects
    footer_top = min(p.top for p in layout.placeholders if p.placeholder_format.idx >= 10) / 12700
    assert abs(DIAGRAM_AREA.y + DIAGRAM_AREA.h + 6 - footer_top) < 1
