"""The theme a deck's handouts print in: the theme's light print variant, or the deck's own colours.

A dark theme's slides (light text on a near-black slate) would print as solid blocks of ink.
Its **light print variant** has the colours and layer kinds of the built-in default theme (a
light one), with those of the theme's own `print:` section over them:

```yaml
print:
  colors: {accent: "#1D4ED8"}
  kinds:
    os: {fill: "#DBEAFE", stroke: "#2563EB", text: "#1E3A8A"}
```

Fonts and sizes stay the theme's, so a slide printed in the variant is laid out exactly as the
deck shows it; only its colours change. A light theme (dark text on a light background) is its
own print variant. The variant's colours are checked for contrast like any theme's.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from generator.theme import KindStyle, Theme

LIGHT, DECK = "light", "deck"


def is_dark(theme: Theme) -> bool:
    """Light text on a darker background."""
    from generator.theme.contrast import colors, relative_luminance

    palette = colors(theme)
    return relative_luminance(palette["background"]) < relative_luminance(palette["text"])


def print_theme(theme: Theme, choice: str = LIGHT) -> Theme:
    """The theme handouts draw their slides in: with `light`, the light print variant of a dark
    theme (the theme itself when it is light); with `deck`, the theme itself."""
    if choice == DECK or not is_dark(theme):
        return theme
    if choice != LIGHT:
        raise ValueError(f"unknown print theme '{choice}'; available: {LIGHT}, {DECK}")
    return _light_variant(theme)


def _light_variant(theme: Theme) -> Theme:
    from generator.theme import TEMPLATES_DIR, _load_theme_file

    base = _load_theme_file((TEMPLATES_DIR / "default" / "theme.yaml").resolve())
    colors, kinds = _print_section(theme.directory / "theme.yaml")
    neutral = base.kinds.get("hardware") or next(iter(base.kinds.values()))
    # the deck's kinds first and in its order (a legend lists them so), each in its light colours
    light_kinds = {name: kinds.get(name) or base.kinds.get(name, neutral) for name in theme.kinds}
    light_kinds.update((name, style) for name, style in {**base.kinds, **kinds}.items() if name not in light_kinds)
    return replace(theme, name=f"{theme.name} (print)", colors={**base.colors, **colors}, kinds=light_kinds)


@lru_cache(maxsize=16)
def _print_section(path: Path) -> tuple[dict[str, str], dict[str, KindStyle]]:
    """The colours and layer kinds of a theme file's `print:` section (its own, else that of the
    nearest theme it extends that has one)."""
    from generator.theme import _malformed, _theme_data
    from generator.theme.contrast import parse_hex

    section = _theme_data(path)[0].get("print") or {}
    try:
        if not isinstance(section, dict) or set(section) - {"colors", "kinds"}:
            raise ValueError("`print:` holds `colors:` and `kinds:` only")
        colors = {str(k): str(v) for k, v in (section.get("colors") or {}).items()}
        for value in colors.values():
            parse_hex(value)
        kinds = {}
        for name, style in (section.get("kinds") or {}).items():
            kinds[str(name)] = KindStyle(str(style["fill"]), str(style["stroke"]), str(style["text"]))
            for value in (kinds[str(name)].fill, kinds[str(name)].stroke, kinds[str(name)].text):
                parse_hex(value)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise _malformed(path, f"print: {exc}") from None
    return colors, kinds


def print_contrast_problems(theme: Theme, path: str, choice: str = LIGHT) -> list:
    """`theme.contrast` errors of the theme handouts print in, when it is not the deck's own
    (whose pairs `theme_contrast_problems` already checks)."""
    from generator.theme.contrast import theme_contrast_problems

    printed = print_theme(theme, choice)
    return [] if printed is theme else theme_contrast_problems(printed, path)
