"""Text runs in PowerPoint: light Markdown to bold and italic runs, every run tagged with its language."""

from __future__ import annotations

from pptx.oxml.ns import qn

from generator.markdown import inline_pieces

# PowerPoint's proofing tools expect a region; BCP 47 tags without one get the usual one.
_REGIONS = {"fr": "fr-FR", "en": "en-US", "de": "de-DE", "es": "es-ES", "it": "it-IT", "pt": "pt-PT",
            "nl": "nl-NL", "qps": "qps-ploc"}


def office_lang(lang: str) -> str:
    """The language tag PowerPoint's spell-checker and screen readers know: fr → fr-FR."""
    return lang if "-" in lang else _REGIONS.get(lang, lang)


def tag_language(element, lang: str) -> None:
    """Set `lang` on every run, paragraph-end and default run property under an element."""
    tag = office_lang(lang)
    for name in ("a:rPr", "a:endParaRPr", "a:defRPr"):
        for props in element.iter(qn(name)):
            props.set("lang", tag)
    for run in element.iter(qn("a:r")):
        if run.find(qn("a:rPr")) is None:
            props = run.makeelement(qn("a:rPr"), {"lang": tag})
            run.insert(0, props)


CODE_FONT = "Consolas"     # inline `code` in PPTX: the monospace face Office has everywhere


def write_paragraph(paragraph, text: str, *, size: float | None = None, bold: bool | None = None,
                    color: str | None = None, markdown: bool = True) -> None:
    """Fill a paragraph with runs from one line of (inline Markdown) text: strong, emphasis,
    code and links as bold, italic, monospace and hyperlinked runs."""
    from pptx.dml.color import RGBColor
    from pptx.util import Pt

    from generator.markdown import Piece

    pieces = inline_pieces(text) if markdown else (Piece(text),)
    for piece in pieces or (Piece(""),):
        run = paragraph.add_run()
        run.text = piece.text
        font = run.font
        if size is not None:
            font.size = Pt(size)
        if piece.strong or bold:
            font.bold = True
        elif bold is False:
            font.bold = False
        if piece.em:
            font.italic = True
        if piece.code:
            font.name = CODE_FONT
        if color:
            font.color.rgb = RGBColor.from_string(color.lstrip("#").upper())
        if piece.href:
            run.hyperlink.address = piece.href
