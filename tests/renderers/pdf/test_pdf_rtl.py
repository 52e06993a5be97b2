"""Right-to-left handouts: the running header and footer start on the right."""

from __future__ import annotations

import re
import shutil
import subprocess

from click.testing import CliRunner

from generator.cli import main
from tests.conftest import ROOT, SAMPLE_TALK


def words(pdf, page: int) -> list[tuple[float, float, str]]:
    """(left x, top y, word) of a page's words, as poppler reads them."""
    xml = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    return [(float(x), float(y), word)
            for x, y, word in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', xml)]


def it_puts_the_title_and_the_date_on_the_right_of_an_arabic_handout(tmp_path):
    """As the handout printed before: the title and the date where lines start (the right), the
    author and "page X of Y" where they end (the left)."""
    talk = tmp_path / "autour-de-docker"
    shutil.copytree(SAMPLE_TALK, talk)
    shutil.copy(ROOT / "tests" / "content" / "scripts" / "ar.po", talk / "locales" / "ar.po")
    path = talk / "talk.yaml"
    path.write_text(path.read_text("utf-8").replace("translations: [en]", "translations: [en, ar]"), "utf-8")
    result = CliRunner().invoke(main, ["build", str(talk), "--lang", "ar", "--format", "handout", "--handout", "notes",
                                       "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "out" / "autour-de-docker" / "ar" / "autour-de-docker-ar-handout-notes.pdf"
    page = words(pdf, 2)
    header = [(x, w) for x, y, w in page if y < 60]
    footer = [(x, w) for x, y, w in page if y > 780]
    title_x = min(x for x, w in header if w == "Docker")
    author_x = max(x for x, w in header if w == "deckgen")
    assert title_x > 300 > author_x
    date_x = min(x for x, w in footer if w == "2026")
    assert date_x > 300 > min(x for x, w in footer)
