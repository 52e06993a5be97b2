"""WCAG 2 contrast between sRGB hex colours, and every text/background pair a theme draws, checked."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.theme import Theme

AA_TEXT = 4.5         # normal text
AA_LARGE_TEXT = 3.0   # text of 18 pt, or 14 pt bold, and larger
AA_GRAPHICS = 3.0     # strokes and shapes that carry meaning (WCAG 1.4.11)


def parse_hex(color: str) -> tuple[int, int, int]:
    """The (r, g, b) of `#RGB` or `#RRGGBB`; ValueError otherwise."""
    value = color.strip().lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    if len(value) != 6 or any(c not in "0123456789abcdefABCDEF" for c in value):
        raise ValueError(f"not an sRGB hex colour: {color!r}")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def relative_luminance(color: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in parse_hex(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(foreground: str, background: str) -> float:
    """From 1 (same luminance) to 21 (black on white)."""
    a, b = sorted((relative_luminance(foreground), relative_luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


DEFAULT_COLORS = {
    "background": "#FFFFFF", "text": "#1F2937", "muted": "#4B5563", "accent": "#1D63ED",
    "accent-text": "#FFFFFF", "rule": "#D1D5DB", "highlight": "#C2410C", "favoured": "#E0F2E9",
    "warning": "#FBBF24", "danger": "#F87171",     # the speaker view's countdown, on the letterbox
}


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
    found.setdefault("letterbox-text", found["background"])     # the speaker view's labels and clocks
    found.setdefault("node-stroke", mix(found["background"], found["text"], 0.55))   # graph node outlines
    # The colour field of title, section and closing slides, its title and its subtitle.
    found.setdefault("cover", found["accent"])
    found.setdefault("cover-text", found["accent-text"])
    found.setdefault("cover-muted", found["cover-text"])
    # Charts: one colour per series (3:1 on the background), the first the accent's.
    dark = relative_luminance(found["background"]) < 0.2
    for index, (light, deep) in enumerate((("#0F766E", "#2DD4BF"), ("#7C3AED", "#C4B5FD"), ("#B45309", "#FCD34D")),
                                          start=2):
        found.setdefault(f"chart-{index}", deep if dark else light)
    found.setdefault("chart-1", found["accent"])
    # Handouts: the paper around the slides; a dark theme prints its slides on white paper.
    for part, slide_colour in (("", "background"), ("-text", "text"), ("-muted", "muted"), ("-accent", "accent"),
                               ("-rule", "rule")):
        found.setdefault(f"paper{part}", found[slide_colour])
    return {name: "#" + "".join(f"{c:02X}" for c in parse_hex(value)) for name, value in sorted(found.items())}


def graph_node_fill(palette: dict[str, str]) -> str:
    """The fill of a graph's node boxes: the background a fifth of the way to the rule colour."""
    return mix(palette["background"], palette["rule"], 0.2)


def color_pairs(theme: Theme) -> list[ColorPair]:
    """Every text (and meaningful stroke) colour of the deck over the colour it is drawn on."""
    c = colors(theme)
    pairs = [
        ColorPair("text on background", c["text"], c["background"], AA_TEXT),
        ColorPair("muted text on background", c["muted"], c["background"], AA_TEXT),
        ColorPair("links (accent) on background", c["accent"], c["background"], AA_TEXT),
        ColorPair("accent-text on accent (table header)", c["accent-text"], c["accent"], AA_TEXT),
        ColorPair("cover-text on cover (title, section and closing titles)", c["cover-text"], c["cover"], AA_TEXT),
        ColorPair("cover-muted on cover (subtitles in the colour field)", c["cover-muted"], c["cover"], AA_TEXT),
        ColorPair("text on favoured cell", c["text"], c["favoured"], AA_TEXT),
        ColorPair("text on surface (first column)", c["text"], c["surface"], AA_TEXT),
        ColorPair("letterbox-text on letterbox (speaker view text)", c["letterbox-text"], c["letterbox"], AA_TEXT),
        ColorPair("warning on letterbox (countdown near the end)", c["warning"], c["letterbox"], AA_TEXT),
        ColorPair("danger on letterbox (countdown past the end)", c["danger"], c["letterbox"], AA_TEXT),
        ColorPair("focus ring (accent) on background", c["accent"], c["background"], AA_GRAPHICS),
        ColorPair("highlight stroke on background", c["highlight"], c["background"], AA_GRAPHICS),
        ColorPair("graph node text on node fill", c["text"], graph_node_fill(c), AA_TEXT),
        ColorPair("graph node outline (node-stroke) on background", c["node-stroke"], c["background"], AA_GRAPHICS),
        ColorPair("graph edges (muted) on background", c["muted"], c["background"], AA_GRAPHICS),
        ColorPair("handout text (paper-text) on paper", c["paper-text"], c["paper"], AA_TEXT),
        ColorPair("handout header and footer (paper-muted) on paper", c["paper-muted"], c["paper"], AA_TEXT),
        ColorPair("handout links (paper-accent) on paper", c["paper-accent"], c["paper"], AA_TEXT),
    ]
    for index in range(1, 5):
        pairs.append(ColorPair(f"chart series {index} (chart-{index}) on background", c[f"chart-{index}"],
                               c["background"], AA_GRAPHICS))
    for token in ("text", "keyword", "string", "comment", "number", "name"):
        if f"code-{token}" in c and "code-background" in c:
            pairs.append(ColorPair(f"code {token} on the code background", c[f"code-{token}"], c["code-background"],
                                   AA_TEXT))
            if "code-mark" in c:
                pairs.append(ColorPair(f"code {token} on a highlighted line", c[f"code-{token}"], c["code-mark"],
                                       AA_TEXT))
    for kind, style in sorted(theme.kinds.items()):
        pairs.append(ColorPair(f"{kind} text on its fill", style.text, style.fill, AA_TEXT))
        pairs.append(ColorPair(f"{kind} outline (stroke) on background", style.stroke, c["background"], AA_GRAPHICS))
        pairs.append(ColorPair(f"badge text on {kind} badge", c["background"], style.text, AA_TEXT))
        pairs.append(ColorPair(f"highlight stroke on {kind} fill", c["highlight"], style.fill, AA_GRAPHICS))
    return pairs


def theme_contrast_problems(theme, path: str) -> list:
    """`theme.contrast` errors for every pair of the theme under its WCAG AA minimum."""
    from generator.errors import Diagnostic

    found = []
    for pair in color_pairs(theme):
        ratio = contrast_ratio(pair.foreground, pair.background)
        if ratio < pair.minimum:
            found.append(Diagnostic(path, f"theme '{theme.name}': {pair.name}: {pair.foreground} on {pair.background} "
                                    f"has a contrast of {ratio:.2f}:1, under the {pair.minimum:g}:1 WCAG AA asks",
                                    "theme.contrast", None, "darken the text colour or lighten the background"))
    return found
