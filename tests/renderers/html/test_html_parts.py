"""Small parts of the HTML deck: URL filter, light Markdown, inline SVG ids, contrast, fonts."""

from __future__ import annotations

import io

import pytest

from generator.theme.contrast import contrast_ratio
from generator.text.markdown import plain, to_html
from generator.renderers.html.svg_inline import inline_svg
from generator.text.links import safe_url


@pytest.mark.parametrize("url", ["https://docs.docker.com/", "http://example.org/a?b=c#d", "mailto:a@b.fr",
                                 "slides/next.html", "#/3", "images/a.png"])
def it_lets_http_https_mailto_and_relative_links_through(url):
    assert safe_url(url) == url


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)",
                                 "java\tscript:alert(1)", "\x01javascript:x", "data:text/html,<b>",
                                 "vbscript:x", "file:///etc/passwd", "//evil.example/x", "\\\\evil\\x",
                                 "https:evil", "", "   "])
def it_refuses_every_other_link(url):
    assert safe_url(url) is None


def it_turns_light_markdown_into_escaped_html():
    assert to_html("a **b** *c* `d` <e>") == "a <strong>b</strong> <em>c</em> <code>d</code> &lt;e&gt;"
    assert to_html("**<script>**") == "<strong>&lt;script&gt;</strong>"
    assert plain("**gras** et *italique*") == "gras et italique"


def it_prefixes_every_id_and_reference_of_an_inline_svg():
    svg = ('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="5" '
           'viewBox="0 0 10 5" aria-labelledby="t d"><title id="t">T</title><desc id="d">D</desc>'
           '<symbol id="i"/><use href="#i"/><rect fill="url(#i)"/><use href="#elsewhere"/></svg>')
    out = inline_svg(svg, "s3-", "diagram")
    assert out.startswith('<svg class="diagram" xmlns=') and 'width="10"' not in out and 'viewBox="0 0 10 5"' in out
    assert 'aria-labelledby="s3-t s3-d"' in out and 'id="s3-i"' in out and 'href="#s3-i"' in out
    assert 'url(#s3-i)' in out and 'href="#elsewhere"' in out


def it_computes_wcag_contrast_ratios():
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#FFF", "#FFF") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)


def it_subsets_fonts_to_the_characters_asked_as_reproducible_woff2():
    from fontTools.ttLib import TTFont

    from generator.theme.webfonts import subset_font
    from generator.theme import load_theme

    path = load_theme("default").font_path("Carlito-Regular.ttf")
    first = subset_font(str(path), 1, "Abcé")
    subset_font.cache_clear()
    again = subset_font(str(path), 1, "Abcé")
    assert first == again and first[:4] == b"wOF2"
    cmap = TTFont(io.BytesIO(first)).getBestCmap()
    assert {chr(c) for c in cmap} >= set("Abcé") and "Z" not in {chr(c) for c in cmap}
