"""A diagram's SVG made to stand alone: the theme's faces embedded, subset to the characters drawn.

Inline in the HTML deck, a diagram uses the page's fonts; saved as a file, it carries its own
(`@font-face` with WOFF2 data in a `<style>`), so it renders the same on a machine without the
theme's font, and its text stays text: selectable, searchable, read by screen readers. (Text
turned into paths would render anywhere too, but loses all of that.)
"""

from __future__ import annotations

import html
import re

from generator.theme import Theme
from generator.theme.webfonts import Face, font_face_css, script_faces

_TEXT = re.compile(r"<(text|title|desc)\b[^>]*>(.*?)</\1>", re.S)


def drawn_characters(svg: str) -> frozenset[str]:
    """The characters the SVG's text elements show."""
    return frozenset("".join(html.unescape(m.group(2)) for m in _TEXT.finditer(svg) if m.group(1) == "text"))


def embedded_faces(svgs, theme: Theme, lang: str | None = None) -> str:
    """One `<style>` for a set of diagrams: the theme's faces subset to every character they draw
    (subsetting once for all the diagrams of a language, not once per file)."""
    faces = (Face(theme.body.family, 400, "normal", theme.font_path(theme.body.regular)),
             Face(theme.body.family, 700, "normal", theme.font_path(theme.body.bold)))
    characters = frozenset().union(*(drawn_characters(svg) for svg in svgs))
    others, drawn = script_faces(theme, lang, characters)
    scripts = font_face_css(others, drawn, base=False) if others else ""
    return f"<style>\n{font_face_css(faces, characters, base=False)}{scripts}</style>"


def standalone_svg(svg: str, style: str, background: str | None = None) -> str:
    """The SVG with a `<style>` of embedded faces (from `embedded_faces`) after its description,
    then, given a `background`, a rectangle of it under everything (the slide's, which a viewer's
    page colour would otherwise replace)."""
    head, sep, tail = svg.partition("</desc>")
    if not sep:
        return svg
    back = f'\n<rect width="100%" height="100%" fill="{background}"/>' if background else ""
    return head + sep + "\n" + style + back + tail
