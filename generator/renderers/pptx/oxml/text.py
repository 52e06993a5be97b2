"""DrawingML text: text bodies, paragraphs, runs and their properties, languages and script faces.

The elements are those python-pptx's text frame, paragraph, run and font API write, attribute for
attribute and in its order, written directly (its object API costs more than the slide itself).
"""

from __future__ import annotations

from typing import Iterator, Literal

from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Pt

from generator.renderers.pptx.oxml.adapter import escape_control_characters
from generator.renderers.pptx.oxml.ns import A, R, child

_CONTENT = (A + "r", A + "br", A + "fld")
_AUTOFITS = (A + "normAutofit", A + "spAutoFit", A + "noAutofit")


def centipoints(points: float) -> str:
    """A size in points as run properties and spacings write it (python-pptx's `Pt` in centipoints)."""
    return str(Emu(Pt(points)).centipoints)


# -- bodies and paragraphs

def emptied(body):
    """A text body (`p:txBody`, `a:txBody`) left with one paragraph and no runs, line breaks or
    fields in it, as python-pptx's `clear()` leaves it; that paragraph."""
    first, *extra = body.findall(A + "p")
    for paragraph in extra:
        body.remove(paragraph)
    for element in list(first):
        if element.tag in _CONTENT:
            first.remove(element)
    return first


def text_columns(body, count: int, gap: int, rtl: bool = False) -> None:
    """Text set in `count` columns `gap` EMU apart (`numCol`, `spcCol`; `rtlCol`: the first on the right)."""
    props = body.find(A + "bodyPr")
    props.set("numCol", str(count))
    props.set("spcCol", str(gap))
    if rtl:
        props.set("rtlCol", "1")


def fixed_body(body, anchor: MSO_ANCHOR = MSO_ANCHOR.TOP) -> None:
    """A text body emptied to one paragraph, wrapping, not autofitted, anchored, without insets: the
    attributes python-pptx's text frame API sets (clear, word_wrap, auto_size, vertical_anchor,
    margins), in its order."""
    emptied(body)
    props = body.find(A + "bodyPr")
    props.set("wrap", "square")
    for element in list(props):
        if element.tag in _AUTOFITS:
            props.remove(element)
    props.set("anchor", anchor.xml_value)
    for name in ("lIns", "rIns", "tIns", "bIns"):
        props.set(name, "0")
    child(props, A + "noAutofit")


def body_properties(body, *, anchor: str, wrap: str | None = None, insets: tuple[int, int, int, int] | None = None,
                    autoshape: bool = False, top_last: bool = False, no_autofit: bool = True):
    """The `a:bodyPr` of a new text body, as python-pptx's `add_shape` (`autoshape`: `rtlCol`, then
    the anchor before the wrap) or `add_textbox` (the wrap first) writes it and its text frame API
    then sets it: insets (left, right, top, bottom EMU; `top_last`: the top one set after the
    bottom) and, unless `no_autofit` is False, an `a:noAutofit`."""
    head = {"rtlCol": "0", "anchor": anchor} if autoshape else {}
    if wrap is not None:
        head["wrap"] = wrap
    head.setdefault("anchor", anchor)
    if insets is not None:
        left, right, top, bottom = (str(value) for value in insets)
        head.update({"lIns": left, "rIns": right, "bIns": bottom, "tIns": top} if top_last
                    else {"lIns": left, "rIns": right, "tIns": top, "bIns": bottom})
    props = child(body, A + "bodyPr", head)
    if no_autofit:
        child(props, A + "noAutofit")
    return props


def wrap_text(body) -> None:
    """Make a text body wrap its lines at its width (`wrap="square"`, python-pptx's `word_wrap`)."""
    body.find(A + "bodyPr").set("wrap", "square")


def list_style(body) -> None:
    """The empty `a:lstStyle` a new text body has after its `a:bodyPr`."""
    child(body, A + "lstStyle")


def first_paragraph(body):
    """The first `a:p` of a text body."""
    return body.find(A + "p")


def add_paragraph(body):
    """A new empty `a:p` at the end of a text body."""
    return child(body, A + "p")


def last_paragraph(body):
    """The last `a:p` of a text body (its last element)."""
    return body[-1]


def set_space_before(p, points: float) -> None:
    """The space before a paragraph whose properties have one (`a:pPr/a:spcBef/a:spcPts`)."""
    p.find(f"{A}pPr/{A}spcBef/{A}spcPts").set("val", centipoints(points))


def paragraph_properties(p, *, align: PP_ALIGN | None = None, level: int | None = None, left=None, right=None,
                         indent=None, line: float | Literal["single"] | None = None, before: float | None = None,
                         after: float | None = None, no_bullet: bool = False):
    """The `a:pPr` of a paragraph that has none, first in it: alignment, level (0 not written),
    left and right margins and first-line indent (EMU), exact line pitch (points, or "single":
    100%), space before and after (points), no bullet."""
    props = p.makeelement(A + "pPr", {})
    p.insert(0, props)
    if align is not None:
        props.set("algn", align.xml_value)
    if level:
        props.set("lvl", str(level))
    for name, value in (("marL", left), ("marR", right), ("indent", indent)):
        if value is not None:
            props.set(name, str(value))
    if line is not None:
        pitch = child(props, A + "lnSpc")
        if line == "single":
            child(pitch, A + "spcPct", {"val": "100000"})
        else:
            child(pitch, A + "spcPts", {"val": centipoints(line)})
    if before is not None:
        child(child(props, A + "spcBef"), A + "spcPts", {"val": centipoints(before)})
    if after is not None:
        child(child(props, A + "spcAft"), A + "spcPts", {"val": centipoints(after)})
    if no_bullet:
        child(props, A + "buNone")
    return props


def restyle_paragraph(p, *, align: PP_ALIGN | None = None, level: int | None = None, left=None, indent=None,
                      no_bullet: bool = False, line: float | None = None, before: float | None = None,
                      after: float | None = None):
    """Set the properties of a paragraph that has some (`a:pPr`), as python-pptx's paragraph API
    sets them (alignment, level, then margin and indent, no bullet, exact line pitch, space
    before and after, in points); its `a:pPr`."""
    props = p.get_or_add_pPr()
    if align is not None:
        props.algn = align
    if level is not None:
        props.lvl = level
    if left is not None:
        props.set("marL", str(left))
    if indent is not None:
        props.set("indent", str(indent))
    if no_bullet:
        props.insert(0, props.makeelement(A + "buNone", {}))
    if line is not None:
        props.line_spacing = Pt(line)
    if before is not None:
        props.space_before = Pt(before)
    if after is not None:
        props.space_after = Pt(after)
    return props


def format_paragraph(p, **properties):
    """A paragraph's properties (those of `paragraph_properties`, but "single"): written in a new
    `a:pPr` when it has none, else set in its own as python-pptx sets them; its `a:pPr`."""
    if p.find(A + "pPr") is None:
        return paragraph_properties(p, **properties)
    return restyle_paragraph(p, **properties)


def default_run_size(props, size: float) -> None:
    """The size (points) of a paragraph's default run properties (`a:pPr/a:defRPr/@sz`): an empty
    line keeps its height."""
    props.get_or_add_defRPr().set("sz", centipoints(size))


# -- runs

def _add(p, element) -> None:
    """Put a run or line break at the end of a paragraph's content, before its `a:endParaRPr`."""
    end = p.find(A + "endParaRPr")
    if end is None:
        p.append(element)
    else:
        end.addprevious(element)


def run(p, text: str, *, size: float | None = None, bold: bool | None = None, italic: bool = False,
        color: str | None = None, typeface: str | None = None, link: str | None = None):
    """An `a:r` of `text` at the end of a paragraph's content (`run_content`); the run."""
    element = p.makeelement(A + "r", {})
    _add(p, element)            # in the tree first: a link's r:id takes the part's own prefix
    run_content(element, text, size=size, bold=bold, italic=italic, color=color, typeface=typeface, link=link)
    return element


def run_content(element, text: str, *, size: float | None = None, bold: bool | None = None, italic: bool = False,
                color: str | None = None, typeface: str | None = None, link: str | None = None) -> None:
    """The properties (`a:rPr`) and text (`a:t`, control characters escaped) of a run or field:
    size in points, bold (False writes "0", None nothing), italic, a solid colour (`RRGGBB`), a
    latin typeface and a hyperlink (the part's relationship id), in python-pptx's order."""
    attributes = {}
    if size is not None:
        attributes["sz"] = centipoints(size)
    if bold is not None:
        attributes["b"] = "1" if bold else "0"
    if italic:
        attributes["i"] = "1"
    props = child(element, A + "rPr", attributes)
    if color:
        child(child(props, A + "solidFill"), A + "srgbClr", {"val": color})
    if typeface is not None:
        child(props, A + "latin", {"typeface": typeface})
    if link:
        child(props, A + "hlinkClick", {R + "id": link})
    child(element, A + "t").text = escape_control_characters(text)


def line_break(p, size: float | None = None) -> None:
    """An `a:br` at the end of a paragraph's content; with `size`, its line keeps that pitch."""
    element = p.makeelement(A + "br", {})
    _add(p, element)
    if size is not None:
        child(element, A + "rPr", {"sz": str(int(Pt(size).pt * 100))})


# -- languages and script faces

# What may follow the font elements inside run properties (CT_TextCharacterProperties).
_AFTER_FACES = {"ea": ("cs", "sym", "hlinkClick", "hlinkMouseOver", "rtl", "extLst"),
                "cs": ("sym", "hlinkClick", "hlinkMouseOver", "rtl", "extLst")}
_LATER = {kind: {A + name for name in after} for kind, after in _AFTER_FACES.items()}


def add_run_properties(element, lang: str) -> None:
    """Give every run under an element that has no properties an `a:rPr` of its language."""
    for r in element.iter(A + "r"):
        if r.find(A + "rPr") is None:
            r.insert(0, r.makeelement(A + "rPr", {"lang": lang}))


def character_properties(element) -> Iterator[tuple[object, bool]]:
    """Every run's properties under an element, then every paragraph end's and default ones
    (`a:rPr`, `a:endParaRPr`, `a:defRPr`), each with whether it is a run's."""
    for name in ("rPr", "endParaRPr", "defRPr"):
        for props in element.iter(A + name):
            yield props, name == "rPr"


def run_text(props) -> str:
    """The text of the run (or field) whose properties these are."""
    return props.getparent().findtext(A + "t") or ""


def set_language(props, lang: str) -> None:
    """The language of run properties (`lang`, a BCP 47 tag with its region)."""
    props.set("lang", lang)


def set_face(props, kind: str, typeface: str) -> None:
    """Set the East Asian (`a:ea`) or complex-script (`a:cs`) face of run properties, in schema order."""
    tag = A + kind
    existing = props.find(tag)
    if existing is not None:
        existing.set("typeface", typeface)
        return
    element = props.makeelement(tag, {"typeface": typeface})
    later = _LATER[kind]
    following = next((e for e in props if e.tag in later), None)
    if following is not None:
        following.addprevious(element)
    else:
        props.append(element)


def right_to_left(element, left_to_right_face: str | None) -> None:
    """Every paragraph under an element right to left and right-aligned (unless centred or
    justified), but those whose every run is in `left_to_right_face`; every table right to left."""
    for paragraph in element.iter(A + "p"):
        runs = paragraph.findall(A + "r")
        faces = {r.find(f"{A}rPr/{A}latin") for r in runs}
        if runs and left_to_right_face and all(face is not None and face.get("typeface") == left_to_right_face
                                               for face in faces):
            continue
        props = paragraph.find(A + "pPr")
        if props is None:
            props = paragraph.makeelement(A + "pPr", {})
            paragraph.insert(0, props)
        props.set("rtl", "1")
        if props.get("algn") in (None, "l"):
            props.set("algn", "r")
    for table in element.iter(A + "tblPr"):
        table.set("rtl", "1")
