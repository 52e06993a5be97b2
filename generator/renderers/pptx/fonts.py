"""The fonts a PPTX template writes its text in, and metric-compatible files to measure them with."""

from __future__ import annotations

from generator.errors import Diagnostic
from generator.renderers.pptx.oxml.template import placeholder_typefaces, style_typeface, theme_fonts
from generator.plan.measure import TextMeasure
from generator.theme import MissingFontError, Theme, find_font_file

# Font families Office templates use, and free files with the same advance widths.
METRIC_COMPATIBLE: dict[str, tuple[str, str]] = {
    "calibri": ("Carlito-Regular.ttf", "Carlito-Bold.ttf"),
    "carlito": ("Carlito-Regular.ttf", "Carlito-Bold.ttf"),
    "arial": ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
    "helvetica": ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
    "liberation sans": ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
    "times new roman": ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf"),
    "liberation serif": ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf"),
    "courier new": ("LiberationMono-Regular.ttf", "LiberationMono-Bold.ttf"),
    "dejavu sans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
}


def _theme_fonts(prs) -> dict[str, str]:
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    return theme_fonts(prs.slide_master.part.part_related_by(RT.THEME).blob)


_PLACEHOLDER_OF_STYLE = {"titleStyle": ("title", "ctrTitle"), "bodyStyle": ("body", "obj")}


def template_font(prs, style: str) -> str | None:
    """The family of a master text style ('titleStyle' or 'bodyStyle'), theme fonts resolved.

    Office writes it in the master's text styles; LibreOffice leaves those out and writes the
    font on the runs of the master's placeholders, so those are read when the style is absent.
    """
    master = prs.slide_master.element
    family = style_typeface(master, style)
    if family is None:
        for kind in _PLACEHOLDER_OF_STYLE[style]:
            found = placeholder_typefaces(master, kind)
            if found:
                return found[0] if not found[0].startswith("+") else _theme_fonts(prs).get(found[0][:3] + "-lt")
        family = "+mj-lt" if style == "titleStyle" else "+mn-lt"
    if family.startswith("+"):
        family = _theme_fonts(prs).get(family[:3] + "-lt", "")
    return family or None


def measure_for_template(prs, theme: Theme, template_name: str) -> tuple[TextMeasure, list[Diagnostic]]:
    """A measurer for the text the template styles: its body font, or the theme's when unknown."""
    family = template_font(prs, "bodyStyle")
    if family is None or family.lower() == theme.body.family.lower():
        return TextMeasure.for_theme(theme), []
    files = METRIC_COMPATIBLE.get(family.lower())
    if files is not None:
        try:
            return TextMeasure(find_font_file(files[0]), find_font_file(files[1])), []
        except MissingFontError:
            pass
    return TextMeasure.for_theme(theme), [Diagnostic(
        template_name, f"no metric-compatible font file for the template's font '{family}'; "
        f"text sizes are measured with {theme.body.family} and may be off", "pptx.font", None,
        "install the font (or one with the same metrics) where deckgen runs", "warning")]
