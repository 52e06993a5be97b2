"""The handout's own words in a language far from the source: a Japanese handout prints "page X of
Y" as the tool's Japanese catalog writes it, with the date in Japanese."""

from __future__ import annotations

import shutil

from generator.i18n.tool_words import word
from tests.conftest import SAMPLE_TALK
from tests.renderers.handout.reading import Handout, build, squeeze


def it_prints_page_x_of_y_from_the_japanese_catalog(tmp_path):
    talk = tmp_path / "autour-de-docker"
    shutil.copytree(SAMPLE_TALK, talk)
    yaml = talk / "talk.yaml"
    yaml.write_text(yaml.read_text("utf-8").replace("translations: [en]", "translations: [en, ja]"), "utf-8")
    out = build(talk, tmp_path / "out", "--lang", "ja", "--handout", "grid")
    pdf = Handout(out / "ja" / "autour-de-docker-ja-handout-grid.pdf")
    pages = len(pdf.pages)
    assert pages > 1
    for number, text in enumerate(pdf.pages, start=1):
        assert squeeze(word("ja", "handout/page-of", page=number, pages=pages)) in squeeze(text)
    assert "2026年12月10日" in pdf.pages[0]
