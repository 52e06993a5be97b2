"""Text measurement: widths from the font files, greedy wrapping, the largest size that fits."""

from __future__ import annotations

from PIL import ImageFont

from generator.plan.measure import LINE_HEIGHT, candidate_sizes


def test_width_scales_linearly_with_the_size(measure):
    assert measure.width("Hyperviseur", 24) == 2 * measure.width("Hyperviseur", 12)
    assert measure.width("", 18) == 0


def test_width_matches_the_font_files_advances_with_kerning(measure, theme):
    """The glyphs' advances as FreeType reads them (no kerning), then the font's kerning pairs
    applied as browsers and PowerPoint apply them: "AV" and "TA" come closer."""
    font = ImageFont.truetype(str(theme.font_path(theme.body.regular)), 200,
                              layout_engine=ImageFont.Layout.BASIC)
    expected = font.getlength("Système d'exploitation hôte")
    assert abs(measure.width("Système d'exploitation hôte", 200) - expected) < expected * 0.02
    assert measure.width("AVATAR", 200) < sum(font.getlength(char) for char in "AVATAR") - 20


def test_bold_is_measured_with_the_bold_face(measure):
    assert measure.width("Binaires et bibliothèques", 18, bold=True) > measure.width("Binaires et bibliothèques", 18)


def test_wide_letters_measure_wider_than_narrow_ones(measure):
    assert measure.width("WWWW", 12) > 2 * measure.width("iiii", 12)


def test_wrap_keeps_every_line_within_the_width_and_every_word(measure):
    text = "Portable, serveur dédié, serveur privé virtuel (DigitalOcean, Amazon EC2)"
    wrapped = measure.wrap(text, 120, 12)
    assert len(wrapped.lines) > 1
    assert not wrapped.broken
    assert all(measure.width(line, 12) <= 120 for line in wrapped.lines)
    assert " ".join(wrapped.lines).split() == text.split()


def test_wrap_is_greedy(measure):
    wrapped = measure.wrap("un deux trois quatre cinq six sept huit neuf dix onze douze", 90, 14)
    for line, following in zip(wrapped.lines, wrapped.lines[1:]):
        first_word = following.split()[0]
        assert measure.width(f"{line} {first_word}", 14) > 90


def test_wrap_keeps_no_break_spaces_together(measure):
    wrapped = measure.wrap("taille 700\u00a0Mo", measure.width("taille 700", 14) + 1, 14)
    assert "700\u00a0Mo" in wrapped.lines


def test_wrap_may_break_after_a_hyphen_inside_a_word(measure):
    wrapped = measure.wrap("Host-Betriebssystem", measure.width("Betriebssystem", 14) + 1, 14)
    assert wrapped.lines == ("Host-", "Betriebssystem")
    assert not wrapped.broken


def test_a_word_is_cut_only_when_it_cannot_fit_whole(measure):
    fits = measure.wrap("Donau Dampfschifffahrt", measure.width("Dampfschifffahrt", 14) + 1, 14)
    assert fits.lines == ("Donau", "Dampfschifffahrt") and not fits.broken
    cut = measure.wrap("Donaudampfschifffahrtsgesellschaft", 80, 14)
    assert cut.broken
    assert "".join(cut.lines) == "Donaudampfschifffahrtsgesellschaft"
    assert all(measure.width(line, 14) <= 80 for line in cut.lines)


def test_fit_takes_the_largest_size_that_fits(measure):
    fit = measure.fit("Système d'exploitation hôte", 150, 60, 24, 10, bold=True)
    assert fit.fits and 10 <= fit.size < 24
    assert measure.fits(fit.lines, fit.size, True, 150, 60)
    bigger = fit.size + 0.5
    wrapped = measure.wrap("Système d'exploitation hôte", 150, bigger, True)
    assert wrapped.broken or not measure.fits(wrapped.lines, bigger, True, 150, 60)


def test_fit_keeps_the_preferred_size_when_there_is_room(measure):
    fit = measure.fit("Infrastructure", 400, 40, 18, 10, bold=True)
    assert fit.fits and fit.size == 18 and fit.lines == ("Infrastructure",)


def test_fit_accounts_for_the_line_height(measure):
    one_line = 18 * LINE_HEIGHT
    fit = measure.fit("Binaires et bibliothèques", 130, one_line, 18, 10, bold=True)
    assert len(fit.lines) == 1 and fit.size < 18


def test_fit_reports_a_text_that_cannot_fit(measure):
    fit = measure.fit("Une phrase bien trop longue pour une toute petite boîte", 60, 20, 18, 10)
    assert not fit.fits
    assert fit.size == 10


def test_candidate_sizes_go_down_by_half_points_to_the_minimum():
    assert candidate_sizes(12, 10) == (12, 11.5, 11, 10.5, 10)
    assert candidate_sizes(10.2, 10)[-1] == 10
