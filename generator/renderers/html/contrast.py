"""WCAG 2 contrast ratios between sRGB hex colours."""

from __future__ import annotations

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
