"""Handouts: each placed slide fills the frame drawn around it, at every size of cell."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from generator.cli import main
from tests.conftest import SAMPLE_TALK


@pytest.mark.parametrize("per_page, paper", [("9", "letter"), ("6", "a4"), ("1", "a4")])
def it_draws_each_slide_at_the_size_of_its_frame(tmp_path, per_page, paper):
    """The slide's scale was written with two decimals: 0.2247 as 0.22, the slide 2 % short of
    its frame, a white strip along its right and top edges."""
    result = CliRunner().invoke(main, ["build", str(SAMPLE_TALK), "--lang", "en", "--format", "handout",
                                       "--handout", "grid", "--per-page", per_page, "--paper", paper,
                                       "--out", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    pdf = tmp_path / "autour-de-docker" / "en" / "autour-de-docker-en-handout-grid.pdf"
    placed = 0
    for page in PdfReader(str(pdf)).pages:
        ops = page.get_contents().get_data().decode("latin-1")
        for scale, x, frame_x, frame_w in re.findall(
                r"q ([\d.]+) 0 0 -[\d.]+ ([\d.]+) [\d.]+ cm /Slide\d+ Do Q\s+EMC\s+/Artifact BMC\s+"
                r"([-\d.]+) [-\d.]+ ([\d.]+) [\d.]+ re", ops):
            placed += 1
            assert float(scale) * 960 == pytest.approx(float(frame_w) - 1, abs=0.02)    # the frame: 1 px outside
            assert float(frame_x) == pytest.approx(float(x) - 0.5, abs=0.01)
    assert placed >= 20
