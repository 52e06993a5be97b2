"""Text runs in PowerPoint: light Markdown to bold and italic runs, every run tagged with its language."""

from __future__ import annotations

from functools import lru_cache

from generator.renderers.pptx.oxml.adapter import paragraph_element
from generator.renderers.pptx.oxml.text import (
    add_run_properties, character_properties, line_break, right_to_left, run, run_text, set_face, set_language,
)
from generator.text.markdown import inline_pieces

# PowerPoint's proofing tools expect a region; BCP 47 tags without one get the usual one.
_REGIONS = {"fr": "fr-FR", "en": "en-US", "de": "de-DE", "es": "es-ES", "it": "it-IT", "pt": "pt-PT",
            "nl": "nl-NL", "qps": "qps-ploc", "ja": "ja-JP", "zh": "zh-CN", "ko": "ko-KR", "ar": "ar-SA",
            "he": "he-IL", "ru": "ru-RU", "el": "el-GR", "uk": "uk-UA", "pl": "pl-PL", "tr": "tr-TR",
            "fa": "fa-IR", "hi": "hi-IN", "th": "th-TH"}


# A Chinese script subtag, as the region PowerPoint's proofing languages name it by.
_SCRIPT_REGIONS = {"zh-hans": "zh-CN", "zh-hant": "zh-TW"}


def office_lang(lang: str) -> str:
    """The language tag PowerPoint's spell-checker and screen readers know: fr → fr-FR,
    zh-Hans → zh-CN (a tag with a region is kept: zh-Hant-HK)."""
    if lang.lower() in _SCRIPT_REGIONS:
        return _SCRIPT_REGIONS[lang.lower()]
    return lang if "-" in lang else _REGIONS.get(lang, lang)


@lru_cache(maxsize=8)
def _drawn_by(face: str) -> frozenset[str]:
    """The characters a face has a glyph for."""
    from generator.plan.shaping import shaper

    return frozenset(map(chr, shaper(face).unicodes))


def _script_faces(measure):
    """`measure.script_families`, answering at once for a text whose every character the body face
    draws (no other face then draws any of it, so no script face is named: the same answer)."""
    chain = measure.chains[False]
    if not chain or chain[0] in {face.regular for face in measure.scripts}:
        return measure.script_families
    body = _drawn_by(chain[0])
    if " " not in body:             # a no-break space is drawn by the space's face
        return measure.script_families

    def faces(text: str) -> dict[str, str]:
        return {} if body.issuperset(text) else measure.script_families(text)

    return faces


def tag_language(element, lang: str, measure=None, code_family: str | None = None) -> None:
    """Set `lang` on every run, paragraph-end and default run property under an element.

    With the deck's `measure` (its faces for other scripts), runs also name the faces that draw
    their East Asian and complex-script characters (`a:ea`, `a:cs`), so PowerPoint picks the
    face the text was measured with; in a Chinese, Japanese or Korean deck every run but code
    names its language's face for Latin too (`a:latin`: the plan measured its Latin in that
    face); in a right-to-left language every paragraph but code is right to left and
    right-aligned (bullets on the right) and tables read from the right."""
    from generator.i18n.scripts import is_rtl
    from generator.renderers.pptx.oxml.latin import latin_face, set_latin_face

    tag = office_lang(lang)
    add_run_properties(element, tag)
    defaults = measure.default_families() if measure is not None else {}
    own = {kind: family for kind, family in defaults.items() if _needs(lang, kind)}
    script_faces = _script_faces(measure) if measure is not None else None
    lead = getattr(measure, "lead_family", None)
    code_faces = {CODE_FONT, code_family}
    for props, of_run in character_properties(element):
        set_language(props, tag)
        if lead and latin_face(props) not in code_faces:
            set_latin_face(props, lead)
        faces = dict(own)
        if script_faces is not None and of_run:
            faces.update(script_faces(run_text(props)))
        for kind in ("ea", "cs"):
            if kind in faces:
                set_face(props, kind, faces[kind])
    if is_rtl(lang):
        right_to_left(element, code_family)      # code reads left to right in every language


def _needs(lang: str, kind: str) -> bool:
    """Whether the deck's language writes with East Asian (`ea`) or complex (`cs`) scripts, so every
    run names that face (the text a speaker adds later gets it too)."""
    from generator.i18n.scripts import is_rtl

    primary = lang.split("-")[0].lower()
    return primary in ("ja", "zh", "ko") if kind == "ea" else is_rtl(lang) or primary in ("th", "hi", "bn", "ta")


CODE_FONT = "Consolas"     # inline `code` in PPTX: the monospace face Office has everywhere


def write_paragraph(paragraph, text: str, *, size: float | None = None, bold: bool | None = None,
                    color: str | None = None, markdown: bool = True, lines: tuple[str, ...] = ()) -> None:
    """Fill a python-pptx paragraph with runs from one line of (inline Markdown) text (`write_runs`)."""
    write_runs(paragraph_element(paragraph), paragraph.part, text, size=size, bold=bold, color=color,
               markdown=markdown, lines=lines)


def write_runs(p, part, text: str, *, size: float | None = None, bold: bool | None = None,
               color: str | None = None, markdown: bool = True, lines: tuple[str, ...] = ()) -> None:
    """Fill an `a:p` (of `part`, which holds its links) with runs from one line of (inline Markdown)
    text: strong, emphasis, code and links as bold, italic, monospace and hyperlinked runs; a line
    break (`a:br`) wherever the plan broke it into `lines`.

    The elements are those python-pptx's `add_run` and font API wrote, attribute for attribute
    (size, bold, italic; fill, face, link), before any `a:endParaRPr`."""
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    from generator.text.markdown import Piece, split_pieces

    broken = split_pieces(inline_pieces(text) if markdown else (Piece(text),), lines)
    runs = [piece for index, line in enumerate(broken) for piece in ((None,) if index else ()) + line]
    rgb = color.lstrip("#").upper() if color else None
    for piece in runs or (Piece(""),):
        if piece is None:
            line_break(p, size)     # the break's line keeps the text's pitch
            continue
        link = part.relate_to(piece.href, RT.HYPERLINK, is_external=True) if piece.href else None
        run(p, piece.text, size=size, bold=True if piece.strong or bold else False if bold is False else None,
            italic=piece.em, color=rgb, typeface=CODE_FONT if piece.code else None, link=link)
