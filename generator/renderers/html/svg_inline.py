"""SVG documents made fit to sit inline in an HTML page, several at once, without clashing ids.

Every `id` of a drawing gets a prefix unique in the page, and every reference to it (`href="#…"`,
`url(#…)`, `aria-labelledby`, `aria-describedby`) follows. The XML prolog goes; the root keeps its
`viewBox` and loses its fixed size, so the page's CSS sizes the drawing.
"""

from __future__ import annotations

import re

_PROLOG = re.compile(r"^\s*(<\?xml[^>]*\?>\s*)?(<!DOCTYPE[^>]*>\s*)?", re.IGNORECASE)
_ID = re.compile(r'(\sid=")([^"]+)(")')
_HREF = re.compile(r'(\s(?:xlink:)?href=")#([^"]+)(")')
_URL = re.compile(r"url\(#([^)]+)\)")
_ARIA = re.compile(r'(\saria-(?:labelledby|describedby)=")([^"]+)(")')
_ROOT = re.compile(r"<svg\b[^>]*>")
_ROOT_SIZE = re.compile(r'\s(?:width|height)="[^"]*"')


def inline_svg(svg: str, prefix: str, css_class: str) -> str:
    """The SVG with ids prefixed by `prefix`, its size left to CSS and `css_class` on its root."""
    svg = _PROLOG.sub("", svg, count=1)
    ids = set(match.group(2) for match in _ID.finditer(svg))

    def own(name: str) -> str:
        return f"{prefix}{name}" if name in ids else name

    svg = _ID.sub(lambda m: m.group(1) + own(m.group(2)) + m.group(3), svg)
    svg = _HREF.sub(lambda m: m.group(1) + "#" + own(m.group(2)) + m.group(3), svg)
    svg = _URL.sub(lambda m: f"url(#{own(m.group(1))})", svg)
    svg = _ARIA.sub(lambda m: m.group(1) + " ".join(own(n) for n in m.group(2).split()) + m.group(3), svg)

    def root(match: re.Match) -> str:
        tag = _ROOT_SIZE.sub("", match.group(0))
        return tag[:4] + f' class="{css_class}"' + tag[4:]

    return _ROOT.sub(root, svg, count=1).strip()
