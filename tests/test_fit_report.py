"""`deckgen check` measures every text in every language and reports what does not fit."""

from __future__ import annotations

import re
import shutil

from click.testing import CliRunner
from pptx import Presentation

from generator.cli import main
from generator.plan.geometry import DEFAULT_GEOMETRY
from tests.conftest import ROOT, SAMPLE_TALK


def check(*args):
    return CliRunner().invoke(main, ["check", *args])


def test_the_sample_talk_fits_in_both_languages_and_its_translation_is_complete():
    result = check(str(SAMPLE_TALK))
    assert result.exit_code == 0
    assert "translation en: 160/160 (complete)" in result.stdout
    assert "text fit (fr, en): every text fits" in result.stdout
    assert result.stderr == ""


def test_the_pseudo_locale_adapts_and_builds_with_no_error():
    """qps (every string about 40 % longer) adapts where French fits as written: no error, and no
    slide of the sample is continued in fr or en."""
    result = check(str(SAMPLE_TALK), "--lang", "qps")
    assert result.exit_code == 0, result.stderr
    assert " error: " not in result.stderr
    plain = check(str(SAMPLE_TALK))
    assert "[fit.split]" not in plain.stderr


def fit_lines(text: str) -> list[str]:
    return sorted(line for line in text.splitlines() if re.search(r"\[fit\.\w+\]$", line))


def test_check_and_build_report_the_same_fit_problems(tmp_path):
    dense = ROOT / "tests" / "content" / "dense-talk"
    checked = check(str(dense), "--lang", "en")
    built = CliRunner().invoke(main, ["build", str(dense), "--lang", "en", "--out", str(tmp_path / "out")])
    assert fit_lines(checked.stderr) and fit_lines(checked.stderr) == fit_lines(built.stderr)
    assert len(set(fit_lines(built.stderr))) == len(fit_lines(built.stderr))     # each problem once
    if any("error:" in line for line in fit_lines(built.stderr)):
        assert built.exit_code == 1 and not (tmp_path / "out").exists()      # nothing half-written


def test_a_label_too_long_for_its_box_is_reported_at_its_slide(tmp_path):
    talk = tmp_path / "autour-de-docker"
    shutil.copytree(SAMPLE_TALK, talk)
    path = talk / "talk.yaml"
    path.write_text(path.read_text("utf-8").replace(
        # one long word of letters (a camelCase joint would make it a name, never hyphenated)
        "label: Hyperviseur\n", "label: Hyperviseur" + "detypeunoudeuxtrèslongsansaucuneespace" * 30 + "\n"), "utf-8")
    result = check(str(talk), "--lang", "fr")
    assert result.exit_code == 1
    for slide in ("vm-stack", "side-by-side"):
        assert re.search(rf"talk\.yaml:\d+:5: error: the diagram of slide '{slide}' cannot hold its text at the "
                         r"smallest sizes \(labels 18 pt, details 14 pt\) in fr: it needs \d+ pt of height", result.stderr)
    assert "hint: shorten its longest texts, such as 'Hyperviseurdetype" in result.stderr
    assert "text fit (fr): 2 diagrams cannot hold their text (errors)" in result.stdout


def test_the_default_templates_layouts_put_their_text_where_the_plan_measures_it():
    prs = Presentation(str(ROOT / "templates" / "default" / "template.pptx"))
    g = DEFAULT_GEOMETRY
    assert (prs.slide_width / 12700, prs.slide_height / 12700) == (g.slide_w, g.slide_h)

    def rects(name):
        layout = next(l for l in prs.slide_layouts if l.name == name)
        return [tuple(round(v / 12700, 1) for v in (p.left, p.top, p.width, p.height)) for p in layout.placeholders]

    def tupled(rect):
        return (rect.x, rect.y, rect.w, rect.h)

    assert {tupled(g.title), tupled(g.body)} <= set(rects("Title and Content"))
    assert {tupled(g.title_slide_title), tupled(g.title_slide_subtitle)} <= set(rects("Title Slide"))
    # the section header is made on the title slide's grid: title and subtitle in the colour field
    assert {tupled(g.section_title), tupled(g.title_slide_subtitle)} <= set(rects("Section Header"))
    for name in ("Title Slide", "Section Header"):
        layout = next(l for l in prs.slide_layouts if l.name == name)
        fields = [s for s in layout.shapes if s.name == "Colour field"]
        assert [tuple(round(v / 12700, 1) for v in (s.left, s.top, s.width, s.height)) for s in fields] == \
            [tupled(g.field)]
    # every layout's title and body on the grid's left edge
    for layout in prs.slide_layouts:
        for placeholder in layout.placeholders:
            if placeholder.placeholder_format.idx < 10 and placeholder.left / 12700 < g.slide_w / 2:
                assert placeholder.left / 12700 >= g.title.x - 0.1, (layout.name, placeholder.name)


def test_a_detail_too_long_for_any_slide_is_the_text_the_hint_names(tmp_path):
    """A layer detail of one 8,000-letter word: the diagram cannot hold it, and the hint names that
    detail, not the longest label."""
    talk = tmp_path / "autour-de-docker"
    shutil.copytree(SAMPLE_TALK, talk)
    path = talk / "talk.yaml"
    word = "Hyperviseurs" + "x" * 8000
    text = path.read_text("utf-8")
    text = text.replace("detail: \"Type 1 : HyperKit, Hyper-V, KVM · type 2 : VirtualBox, VMware\"",
                        f"detail: {word}")
    assert word in text
    path.write_text(text, "utf-8")
    result = check(str(talk), "--lang", "fr")
    assert result.exit_code == 1
    assert "hint: shorten its longest texts, such as 'Hyperviseursxxx" in result.stderr
