"""The slides PDF's text: bidi order and faces of a line, as the HTML deck's browser draws it."""

from __future__ import annotations

from generator.renderers.pdf.text import _levels


def it_keeps_the_brackets_of_a_left_to_right_phrase_with_it_in_a_right_to_left_line():
    """Rule N0 of the bidi algorithm: "(… EC2)" ending a French label of an Arabic deck's diagram
    keeps its closing bracket at its end, not mirrored to the far left of the line."""
    text = "cloud (DigitalOcean, Amazon EC2)"
    assert set(_levels(text, True)) == {2}
    assert _levels("abc (عربي) def", False) == [0] * 5 + [1] * 4 + [0] * 5


def it_gives_brackets_around_other_text_the_direction_of_the_line_or_of_the_text_before():
    arabic = "عربي"
    assert _levels(f"{arabic} (Docker) {arabic}", True) == [1] * 6 + [2] * 6 + [1] * 6
    assert _levels(f"{arabic} (2014) {arabic}", True) == [1] * 6 + [2] * 4 + [1] * 6
    assert _levels(f"Docker ({arabic})", True) == [2] * 6 + [1] * 7
