"""Contrast of the deck's text against what it is drawn on, from the theme's colours: WCAG AA."""

from __future__ import annotations

import pytest

from generator.theme.contrast import AA_TEXT, contrast_ratio
from generator.theme.contrast import color_pairs, colors
from generator.theme import TEMPLATES_DIR, load_theme

THEMES = sorted(p.parent.name for p in TEMPLATES_DIR.glob("*/theme.yaml"))


@pytest.mark.parametrize("name", THEMES)
def it_meets_wcag_aa_for_every_text_and_background_of_the_theme(name):
    theme = load_theme(name)
    failing = [f"{pair.name}: {pair.foreground} on {pair.background} = "
               f"{contrast_ratio(pair.foreground, pair.background):.2f} < {pair.minimum}"
               for pair in color_pairs(theme)
               if contrast_ratio(pair.foreground, pair.background) < pair.minimum]
    assert not failing, "\n".join(failing)


def it_checks_the_pairs_named_in_theme_yaml_directly():
    theme = load_theme("default")
    c = theme.colors
    assert contrast_ratio(c["text"], c["background"]) >= AA_TEXT
    assert contrast_ratio(c["accent-text"], c["accent"]) >= AA_TEXT
    assert contrast_ratio(c["text"], c["favoured"]) >= AA_TEXT
    assert contrast_ratio(c["highlight"], c["background"]) >= 3.0
    for kind, style in theme.kinds.items():
        assert contrast_ratio(style.text, style.fill) >= AA_TEXT, kind


def it_covers_every_layer_kind_and_every_colour_the_css_draws_text_in():
    theme = load_theme("default")
    names = {pair.name for pair in color_pairs(theme)}
    assert all(f"{kind} text on its fill" in names for kind in theme.kinds)
    foregrounds = {pair.foreground for pair in color_pairs(theme)}
    palette = colors(theme)
    assert {palette[k] for k in ("text", "muted", "accent", "accent-text")} <= foregrounds
