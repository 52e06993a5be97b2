"""The slides PDF's code slides, one page a build step: marked and dimmed lines as the HTML deck shows them."""

from __future__ import annotations

import re

from click.testing import CliRunner
from pypdf import PdfReader

from generator.cli import main
from tests.conftest import SAMPLE_TALK


def it_marks_the_lines_of_each_step_inside_the_padding_and_dims_every_other_line(tmp_path):
    """The sample's Dockerfile (8 lines, steps 2-3 and 5-6): at each step its 2 lines marked, the
    6 others dimmed (lines of no step too, as the deck's script dims them), and the mark is the
    line's box, inside the block's padding, not the whole block's width."""
    result = CliRunner().invoke(main, ["build", str(SAMPLE_TALK), "--lang", "fr", "--format", "pdf", "--pdf-steps",
                                       "--out", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    pages = PdfReader(str(tmp_path / "autour-de-docker" / "fr" / "autour-de-docker-fr.pdf")).pages
    steps = [p.get_contents().get_data().decode("latin-1") for p in pages if "FROM python" in p.extract_text()]
    assert len(steps) == 2
    for ops in steps:
        assert ops.count(" gs\n") == 6
        clip = re.search(r"^([\d.]+) [\d.]+ ([\d.]+) [\d.]+ re W n$", ops, re.M)
        marks = re.findall(r"^([\d.]+) [\d.]+ ([\d.]+) [\d.]+ re$", ops[clip.end():], re.M)
        assert len(marks) == 2
        for x, w in marks:
            assert float(x) == float(clip[1]) + 16 and float(w) == float(clip[2]) - 32
