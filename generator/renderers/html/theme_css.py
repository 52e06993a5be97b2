"""The theme as CSS custom properties, and the text/background pairs the deck's CSS draws with.

Every colour, font list and size the stylesheet uses comes from here, so `deck.css` holds no
theme value of its own. Values are checked before they are written: a colour must be sRGB hex,
a font name must not be able to close its CSS string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.renderers.html.contrast import AA_GRAPHICS, AA_TEXT, parse_hex
from generator.theme import FontFace, Theme

DEFAULT_COLORS = {
    "background": "#FFFFFF", "text": "#1F2937", "muted": "#4B5563", "accent": "#1D63ED",
    "accent-text": "#FFFFFF", "rule": "#D1D5DB", "highlight": "#C2410C", "favoured": "#E0F2E9",
}
_GENERIC = {"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui"}
_NAME = re.compile(r"^[A-Za-z0-9 _.-]+$")


@dataclass(frozen=True)
class ColorPair:
    """A foreground drawn on a background somewhere in the deck, and the contrast it needs."""

    name: str
    foreground: str
    background: str
    minimum: float


def mix(color: str, other: str, amount: float) -> str:
    """The colour `amount` of the way from `color` to `other`, as `#RRGGBB`."""
    a, b = parse_hex(color), parse_hex(other)
    return "#" + "".join(f"{round(x + (y - x) * amount):02X}" for x, y in zip(a, b))


def colors(theme: Theme) -> dict[str, str]:
    """The theme's colours with the deck's own derived ones, all checked, keys sorted."""
    found = {**DEFAULT_COLORS, **theme.colors}
    for name, value in found.items():
        parse_hex(value)
        if not re.match(r"^[a-z0-9-]+$", name):
            raise ValueError(f"colour name {name!r} is not a CSS identifier")
    found.setdefault("surface", mix(found["background"], found["rule"], 0.3))
    found.setdefault("letterbox", found["text"])
    return {name: "#" + "".join(f"{c:02X}" for c in parse_hex(value)) for name, value in sorted(found.items())}


def font_stack(face: FontFace) -> str:
    """A CSS font-family list; names quoted, generic families bare."""
    names = []
    for name in (face.family, *face.fallbacks):
        if not _NAME.match(name):
            raise ValueError(f"font name {name!r} holds characters a CSS font list cannot hold")
        names.append(name if name in _GENERIC else f"'{name}'")
    return ", ".join(names)


def _px(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".") + "px"


def custom_properties(theme: Theme) -> str:
    """`:root { --color-…; --kind-…; --font-…; --size-… }` from the theme, one property a line."""
    lines = [f"  --color-{name}: {value};" for name, value in colors(theme).items()]
    for kind, style in sorted(theme.kinds.items()):
        for part in ("fill", "stroke", "text"):
            value = getattr(style, part)
            parse_hex(value)
            lines.append(f"  --kind-{kind}-{part}: {value};")
    lines.append(f"  --font-body: {font_stack(theme.body)};")
    lines.append(f"  --font-heading: {font_stack(theme.heading)};")
    lines.append(f"  --font-code: {font_stack(theme.code)};")
    for name, value in sorted(theme.sizes.items()):
        lines.append(f"  --size-{name}: {_px(value)};")
    return ":root {\n" + "\n".join(lines) + "\n}\n"


def size_classes(sizes: set[float]) -> str:
    """`.fs-245 { font-size: 24.5px }` for every fitted size a slide uses (sizes are points = CSS px)."""
    return "".join(f".{size_class(size)} {{ font-size: {_px(size)}; }}\n" for size in sorted(sizes))


def size_class(size: float) -> str:
    return f"fs-{round(size * 10)}"


def color_pairs(theme: Theme) -> list[ColorPair]:
    """Every text (and meaningful stroke) colour of the deck over the colour it is drawn on."""
    c = colors(theme)
    pairs = [
        ColorPair("text on background", c["text"], c["background"], AA_TEXT),
        ColorPair("muted text on background", c["muted"], c["background"], AA_TEXT),
        ColorPair("links (accent) on background", c["accent"], c["background"], AA_TEXT),
        ColorPair("accent-text on accent (table header)", c["accent-text"], c["accent"], AA_TEXT),
        ColorPair("text on favoured cell", c["text"], c["favoured"], AA_TEXT),
        ColorPair("text on surface (first column)", c["text"], c["surface"], AA_TEXT),
        ColorPair("background on letterbox (speaker view text)", c["background"], c["letterbox"], AA_TEXT),
        ColorPair("focus ring (accent) on background", c["accent"], c["background"], AA_GRAPHICS),
        ColorPair("highlight stroke on background", c["highlight"], c["background"], AA_GRAPHICS),
    ]
    for token in ("text", "keyword", "string", "comment", "number", "name"):
        if f"code-{token}" in c and "code-background" in c:
            pairs.append(ColorPair(f"code {token} on the code background", c[f"code-{token}"], c["code-background"],
                                   AA_TEXT))
            if "code-mark" in c:
                pairs.append(ColorPair(f"code {token} on a highlighted line", c[f"code-{token}"], c["code-mark"],
                                       AA_TEXT))
    for kind, style in sorted(theme.kinds.items()):
        pairs.append(ColorPair(f"{kind} text on its fill", style.text, style.fill, AA_TEXT))
        pairs.append(ColorPair(f"badge text on {kind} badge", c["background"], style.text, AA_TEXT))
        pairs.append(ColorPair(f"highlight stroke on {kind} fill", c["highlight"], style.fill, AA_GRAPHICS))
    return pairs
