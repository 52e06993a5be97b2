"""Click-by-click builds in PowerPoint: an appear effect per step in the slide's timing tree."""

from __future__ import annotations

from typing import Sequence

from lxml import etree

P = "http://schemas.openxmlformats.org/presentationml/2006/main"


Target = "int | tuple[int, int, int]"   # a shape id, or (shape id, first paragraph, last paragraph)


class Hide(int):
    """A shape id that disappears (an exit effect) at its step instead of appearing."""


def _target(target) -> str:
    if isinstance(target, tuple):
        shape_id, first, last = target
        return f'<p:spTgt spid="{shape_id}"><p:txEl><p:pRg st="{first}" end="{last}"/></p:txEl></p:spTgt>'
    return f'<p:spTgt spid="{target}"/>'


def _effect(ids: list[int], target, first: bool) -> str:
    node_type = "clickEffect"
    paragraphs = ' grpId="0"' if isinstance(target, tuple) else ""
    exit_ = isinstance(target, Hide)
    outer, inner, effect, behaviour = ids[0], ids[1], ids[2], ids[3]
    return (
        f'<p:par><p:cTn id="{outer}" fill="hold"><p:stCondLst><p:cond delay="indefinite"/></p:stCondLst>'
        f'<p:childTnLst><p:par><p:cTn id="{inner}" fill="hold"><p:stCondLst><p:cond delay="0"/></p:stCondLst>'
        f'<p:childTnLst>'
    ) if first else "", (
        f'<p:par><p:cTn id="{effect}" presetID="1" presetClass="{"exit" if exit_ else "entr"}" presetSubtype="0" '
        f'fill="hold"{paragraphs} '
        f'nodeType="{node_type if first else "withEffect"}"><p:stCondLst><p:cond delay="0"/></p:stCondLst>'
        f'<p:childTnLst><p:set><p:cBhvr><p:cTn id="{behaviour}" dur="1" fill="hold"><p:stCondLst>'
        f'<p:cond delay="0"/></p:stCondLst></p:cTn><p:tgtEl>{_target(target)}</p:tgtEl>'
        f'<p:attrNameLst><p:attrName>style.visibility</p:attrName></p:attrNameLst></p:cBhvr>'
        f'<p:to><p:strVal val="{"hidden" if exit_ else "visible"}"/></p:to></p:set></p:childTnLst></p:cTn></p:par>'
    )


def timing_xml(steps: Sequence[Sequence]) -> str:
    """The `<p:timing>` of a slide whose shapes (or paragraphs of a shape) appear step by step,
    one click per step."""
    counter = iter(range(3, 10_000))
    clicks = []
    for shape_ids in steps:
        if not shape_ids:
            continue
        opening = ""
        effects = []
        for position, target in enumerate(shape_ids):
            ids = [next(counter), next(counter)] if position == 0 else [0, 0]
            ids += [next(counter), next(counter)]
            head, body = _effect(ids, target, position == 0)
            opening = opening or head
            effects.append(body)
        clicks.append(opening + "".join(effects) + "</p:childTnLst></p:cTn></p:par></p:childTnLst></p:cTn></p:par>")
    return (
        f'<p:timing xmlns:p="{P}"><p:tnLst><p:par><p:cTn id="1" dur="indefinite" restart="never" nodeType="tmRoot">'
        f'<p:childTnLst><p:seq concurrent="1" nextAc="seek"><p:cTn id="2" dur="indefinite" nodeType="mainSeq">'
        f'<p:childTnLst>{"".join(clicks)}</p:childTnLst></p:cTn>'
        f'<p:prevCondLst><p:cond evt="onPrev" delay="0"><p:tgtEl><p:sldTgt/></p:tgtEl></p:cond></p:prevCondLst>'
        f'<p:nextCondLst><p:cond evt="onNext" delay="0"><p:tgtEl><p:sldTgt/></p:tgtEl></p:cond></p:nextCondLst>'
        f'</p:seq></p:childTnLst></p:cTn></p:par></p:tnLst>{_builds(steps)}</p:timing>'
    )


def _builds(steps: Sequence[Sequence]) -> str:
    """The build list PowerPoint shows in its animation pane: a text shape built by paragraph."""
    shapes = sorted({t[0] for step in steps for t in step if isinstance(t, tuple)})
    if not shapes:
        return ""
    return "<p:bldLst>" + "".join(f'<p:bldP spid="{s}" grpId="0" build="p"/>' for s in shapes) + "</p:bldLst>"


def add_build(slide, steps: Sequence[Sequence]) -> None:
    """Make the shapes (or paragraph ranges) of each step appear on one click, in order."""
    if not any(steps):
        return
    timing = etree.fromstring(timing_xml(steps))
    sld = slide.element
    existing = sld.find(f"{{{P}}}timing")
    if existing is not None:
        sld.remove(existing)
    # p:timing goes after cSld, clrMapOvr and transition, before extLst.
    anchor = None
    for name in ("transition", "clrMapOvr", "cSld"):
        anchor = sld.find(f"{{{P}}}{name}")
        if anchor is not None:
            break
    anchor.addnext(timing)


def click_steps(slide_xml) -> list[list[int]]:
    """The shape ids that appear at each click, read back from a slide's XML (for tests and checks)."""
    ns = {"p": P}
    sequence = slide_xml.find(".//p:cTn[@nodeType='mainSeq']/p:childTnLst", ns)
    if sequence is None:
        return []
    steps = []
    for click in sequence.findall("p:par", ns):
        steps.append([int(t.get("spid")) for t in click.iter(f"{{{P}}}spTgt")])
    return steps
