"""The slides PDF's text: bidi order (levels by FriBidi, `i18n/fribidi.py`) and faces of a line, as
the HTML deck's browser draws it."""

from __future__ import annotations

import pytest

from generator.i18n.fribidi import embedding_levels as _levels


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


def it_draws_each_character_by_the_first_face_that_has_it_as_the_browser_does():
    """Latin words, digits and spaces between Arabic words come from the theme's own face
    (Calibri), as Chromium falls back, not from the script face of the word before them; a
    Japanese deck's first face is its Japanese face, which draws its Latin too ("VM")."""
    from generator.text.markdown import Piece
    from generator.renderers.pdf.text import Faces, shape_line
    from generator.theme import load_theme

    theme = load_theme("default")
    for lang, text, latin in (("ja", "一種の軽量な VM として", " VM "), ("ar", "في بداياته قدم Docker", " ")):
        faces = Faces(theme, lang)
        first, second = faces.chain()[0], faces.chain()[1]
        refs = {g.text: g.ref for _, glyphs in shape_line((Piece(text),), faces, rtl=lang == "ar")
                for g in glyphs if g.text}
        assert all(refs[char] == first for char in latin if char in refs), (lang, refs)
        assert " " in refs and refs[" "] == first
        if lang == "ja":
            assert set(refs.values()) == {first} and faces.names[first] == "Noto Sans CJK JP"
            assert second == str(theme.font_path(theme.body.regular))
        else:
            assert any(ref == second for ref in refs.values())


def it_sets_adjacent_fullwidth_punctuation_half_width_as_the_browser_does():
    """CSS text-spacing-trim's initial value: the opening bracket after a fullwidth colon is set
    half-width ('halt'), so "：「" is one and a half ems, as Chromium draws the HTML deck."""
    from generator.text.markdown import Piece
    from generator.renderers.pdf.text import Faces, line_width, shape_line
    from generator.theme import load_theme

    faces = Faces(load_theme("default"), "ja")

    def width(text: str) -> float:
        return line_width(shape_line((Piece(text),), faces, bold=True), 1.0)

    assert width("年：「軽") == pytest.approx(3.5, abs=0.01)
    assert width("年「軽」の") == pytest.approx(5.0, abs=0.01)          # nothing adjacent: full width
    assert width("言った。」と") == pytest.approx(5.5, abs=0.01)        # a full stop before a closing bracket
