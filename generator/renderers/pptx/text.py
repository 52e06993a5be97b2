"""Text runs in PowerPoint: light Markdown to bold and italic runs, every run tagged with its language."""

from __future__ import annotations

from functools import lru_cache

from pptx.oxml.ns import qn

from generator.renderers.pptx.oxml.adapter import escape_control_characters, paragraph_element
from generator.text.markdown import inline_pieces

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"

# PowerPoint's proofing tools expect a region; BCP 47 tags without one get the usual one.
_REGIONS = {"fr": "fr-FR", "en": "en-US", "de": "de-DE", "es": "es-ES", "it": "it-IT", "pt": "pt-PT",
            "nl": "nl-NL", "qps": "qps-ploc", "ja": "ja-JP", "zh": "zh-CN", "ko": "ko-KR", "ar": "ar-SA",
            "he": "he-IL", "ru": "ru-RU", "el": "el-GR", "uk": "uk-UA", "pl": "pl-PL", "tr": "tr-TR",
            "fa": "fa-IR", "hi": "hi-IN", "th": "th-TH"}


def office_lang(lang: str) -> str:
    """The language tag PowerPoint's spell-checker and screen readers know: fr → fr-FR."""
    return lang if "-" in lang else _REGIONS.get(lang, lang)


# What may follow the font elements inside run properties (CT_TextCharacterProperties).
_AFTER_FACES = {"ea": ("a:cs", "a:sym", "a:hlinkClick", "a:hlinkMouseOver", "a:rtl", "a:extLst"),
                "cs": ("a:sym", "a:hlinkClick", "a:hlinkMouseOver", "a:rtl", "a:extLst")}


_FACE_TAGS = {kind: _A + kind for kind in ("ea", "cs")}
_LATER = {kind: {qn(name) for name in after} for kind, after in _AFTER_FACES.items()}


def _set_face(props, kind: str, typeface: str) -> None:
    """Set the East Asian (`a:ea`) or complex-script (`a:cs`) face of run properties, in schema order."""
    tag = _FACE_TAGS[kind]
    existing = props.find(tag)
    if existing is not None:
        existing.set("typeface", typeface)
        return
    element = props.makeelement(tag, {"typeface": typeface})
    later = _LATER[kind]
    following = next((child for child in props if child.tag in later), None)
    if following is not None:
        following.addprevious(element)
    else:
        props.append(element)


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
    face the text was measured with; in a right-to-left language every paragraph but code is
    right to left and right-aligned (bullets on the right) and tables read from the right."""
    from generator.i18n.scripts import is_rtl

    tag = office_lang(lang)
    for run in element.iter(_A + "r"):
        if run.find(_A + "rPr") is None:
            run.insert(0, run.makeelement(_A + "rPr", {"lang": tag}))
    defaults = measure.default_families() if measure is not None else {}
    own = {kind: family for kind, family in defaults.items() if _needs(lang, kind)}
    script_faces = _script_faces(measure) if measure is not None else None
    for name in ("rPr", "endParaRPr", "defRPr"):
        for props in element.iter(_A + name):
            props.set("lang", tag)
            faces = dict(own)
            if script_faces is not None and name == "rPr":
                faces.update(script_faces(props.getparent().findtext(_A + "t") or ""))
            for kind in ("ea", "cs"):
                if kind in faces:
                    _set_face(props, kind, faces[kind])
    if is_rtl(lang):
        _right_to_left(element, code_family)


def _needs(lang: str, kind: str) -> bool:
    """Whether the deck's language writes with East Asian (`ea`) or complex (`cs`) scripts, so every
    run names that face (the text a speaker adds later gets it too)."""
    from generator.i18n.scripts import is_rtl

    primary = lang.split("-")[0].lower()
    return primary in ("ja", "zh", "ko") if kind == "ea" else is_rtl(lang) or primary in ("th", "hi", "bn", "ta")


def _right_to_left(element, code_family: str | None) -> None:
    for paragraph in element.iter(qn("a:p")):
        runs = paragraph.findall(qn("a:r"))
        faces = {run.find(f"{qn('a:rPr')}/{qn('a:latin')}") for run in runs}
        if runs and code_family and all(face is not None and face.get("typeface") == code_family for face in faces):
            continue                   # code reads left to right in every language
        props = paragraph.find(qn("a:pPr"))
        if props is None:
            props = paragraph.makeelement(qn("a:pPr"), {})
            paragraph.insert(0, props)
        props.set("rtl", "1")
        if props.get("algn") in (None, "l"):
            props.set("algn", "r")
    for table in element.iter(qn("a:tblPr")):
        table.set("rtl", "1")


CODE_FONT = "Consolas"     # inline `code` in PPTX: the monospace face Office has everywhere


def write_paragraph(paragraph, text: str, *, size: float | None = None, bold: bool | None = None,
                    color: str | None = None, markdown: bool = True, lines: tuple[str, ...] = ()) -> None:
    """Fill a python-pptx paragraph with runs from one line of (inline Markdown) text (`write_runs`)."""
    write_runs(paragraph_element(paragraph), paragraph.part, text, size=size, bold=bold, color=color, markdown=markdown,
               lines=lines)




def centipoints(points: float) -> str:
    """A size in points as run properties and spacings write it (python-pptx's `Pt` in centipoints)."""
    from pptx.util import Emu, Pt

    return str(Emu(Pt(points)).centipoints)


def write_runs(p, part, text: str, *, size: float | None = None, bold: bool | None = None,
               color: str | None = None, markdown: bool = True, lines: tuple[str, ...] = ()) -> None:
    """Fill an `a:p` (of `part`, which holds its links) with runs from one line of (inline Markdown)
    text: strong, emphasis, code and links as bold, italic, monospace and hyperlinked runs; a line
    break (`a:br`) wherever the plan broke it into `lines`.

    The elements are those python-pptx's `add_run` and font API wrote, attribute for attribute
    (size, bold, italic; fill, face, link), written here directly, before any `a:endParaRPr`."""
    from lxml.etree import SubElement
    from pptx.util import Pt

    from generator.text.markdown import Piece, split_pieces

    broken = split_pieces(inline_pieces(text) if markdown else (Piece(text),), lines)
    runs = [piece for index, line in enumerate(broken) for piece in ((None,) if index else ()) + line]
    end = p.find(_A + "endParaRPr")
    add = p.append if end is None else end.addprevious
    sz = centipoints(size) if size is not None else None
    rgb = color.lstrip("#").upper() if color else None
    escape = escape_control_characters
    for piece in runs or (Piece(""),):
        if piece is None:
            br = p.makeelement(_A + "br", {})
            add(br)
            if size is not None:
                # the break's line keeps the text's pitch
                SubElement(br, _A + "rPr", {"sz": str(int(Pt(size).pt * 100))})
            continue
        run = p.makeelement(_A + "r", {})
        add(run)                    # in the tree first: a link's r:id takes the part's own prefix
        props = SubElement(run, _A + "rPr")
        SubElement(run, _A + "t").text = escape(piece.text)
        if sz is not None:
            props.set("sz", sz)
        if piece.strong or bold:
            props.set("b", "1")
        elif bold is False:
            props.set("b", "0")
        if piece.em:
            props.set("i", "1")
        if rgb:
            SubElement(SubElement(props, _A + "solidFill"), _A + "srgbClr", {"val": rgb})
        if piece.code:
            SubElement(props, _A + "latin", {"typeface": CODE_FONT})
        if piece.href:
            SubElement(props, _A + "hlinkClick", {_R_ID: part.relate_to(piece.href, _HYPERLINK, is_external=True)})


_CONTENT = (_A + "r", _A + "br", _A + "fld")


def emptied(body):
    """A text body (`p:txBody`, `a:txBody`) left with one paragraph and no runs, line breaks or
    fields in it, as python-pptx's `clear()` leaves it; that paragraph."""
    first, *extra = body.findall(_A + "p")
    for paragraph in extra:
        body.remove(paragraph)
    for child in list(first):
        if child.tag in _CONTENT:
            first.remove(child)
    return first
