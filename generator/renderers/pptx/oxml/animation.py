"""PresentationML timing: the `p:timing` tree of click-by-click appear and disappear effects.

The tree is PowerPoint's own for an "Appear" entrance (or exit) effect per shape or paragraph
range, one click each step: a main sequence of click groups, each a parallel time node holding
a `p:set` of `style.visibility` per target.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

from generator.renderers.pptx.oxml.ns import P, child

# Where `p:timing` goes in a `p:sld`: after the last of these it has (before `p:extLst`).
_BEFORE_TIMING = ("transition", "clrMapOvr", "cSld")


def _conditions(parent, tag: str, delay: str, event: str | None = None):
    """A condition list (`p:stCondLst`, `p:prevCondLst`...) of one `p:cond`; the condition."""
    attributes = {"evt": event, "delay": delay} if event else {"delay": delay}
    return child(child(parent, P + tag), P + "cond", attributes)


def _time_node(parent, node_id: int, **attributes):
    """A `p:cTn` (its id first, then its attributes in order)."""
    return child(parent, P + "cTn", {"id": str(node_id), **attributes})


A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


@dataclass(frozen=True)
class ChartElement:
    """A series (`category` None) or a category (`series` None) of a chart's graphic frame, built
    on a click as PowerPoint's "By series" and "By category" chart effects build them."""

    shape_id: int
    series: Optional[int] = None
    category: Optional[int] = None

    @property
    def build(self) -> str:
        return "series" if self.category is None else "category"


def _target(parent, target) -> None:
    """A `p:spTgt`: a shape id, or (shape id, first paragraph, last paragraph) of its text, or a
    chart's series or category (`p:graphicEl/a:chart`; -4: every one of the other kind)."""
    if isinstance(target, ChartElement):
        shape = child(parent, P + "spTgt", {"spid": str(target.shape_id)})
        index = {"seriesIdx": str(target.series if target.series is not None else -4),
                 "categoryIdx": str(target.category if target.category is not None else -4),
                 "bldStep": target.build}
        child(child(shape, P + "graphicEl"), A + "chart", index)
    elif isinstance(target, tuple):
        shape_id, first, last = target
        shape = child(parent, P + "spTgt", {"spid": str(shape_id)})
        child(child(shape, P + "txEl"), P + "pRg", {"st": str(first), "end": str(last)})
    else:
        child(parent, P + "spTgt", {"spid": str(target)})


def _effect(parent, effect_id: int, behaviour_id: int, target, *, first: bool, hide: bool) -> None:
    """One target's appear (or, `hide`, disappear) effect: on the click (`first`) or with the previous."""
    attributes = {"presetID": "1", "presetClass": "exit" if hide else "entr", "presetSubtype": "0", "fill": "hold"}
    if isinstance(target, (tuple, ChartElement)):
        attributes["grpId"] = "0"
    attributes["nodeType"] = "clickEffect" if first else "withEffect"
    node = _time_node(child(parent, P + "par"), effect_id, **attributes)
    _conditions(node, "stCondLst", "0")
    setter = child(child(node, P + "childTnLst"), P + "set")
    behaviour = child(setter, P + "cBhvr")
    _conditions(_time_node(behaviour, behaviour_id, dur="1", fill="hold"), "stCondLst", "0")
    _target(child(behaviour, P + "tgtEl"), target)
    child(child(behaviour, P + "attrNameLst"), P + "attrName").text = "style.visibility"
    child(child(setter, P + "to"), P + "strVal", {"val": "hidden" if hide else "visible"})


def _click(parent, targets: Sequence, counter, hidden) -> None:
    """One click of the main sequence: its outer and inner time nodes, then an effect per target."""
    outer = _time_node(child(parent, P + "par"), next(counter), fill="hold")
    _conditions(outer, "stCondLst", "indefinite")
    inner = _time_node(child(child(outer, P + "childTnLst"), P + "par"), next(counter), fill="hold")
    _conditions(inner, "stCondLst", "0")
    effects = child(inner, P + "childTnLst")
    for position, target in enumerate(targets):
        _effect(effects, next(counter), next(counter), target, first=position == 0, hide=hidden(target))


def add_timing(sld, steps: Sequence[Sequence], hidden=lambda target: False) -> None:
    """Give a slide (`p:sld`) the `p:timing` of shapes (or paragraph ranges of a shape) appearing
    step by step, one click per step (`hidden(target)`: it disappears instead), replacing any it
    had; a text shape built by paragraph is listed in the build list PowerPoint's pane shows."""
    existing = sld.find(P + "timing")
    if existing is not None:
        sld.remove(existing)
    anchor = next(found for found in (sld.find(P + name) for name in _BEFORE_TIMING) if found is not None)
    timing = sld.makeelement(P + "timing", {})
    anchor.addnext(timing)
    root = _time_node(child(child(timing, P + "tnLst"), P + "par"), 1, dur="indefinite", restart="never",
                      nodeType="tmRoot")
    sequence = child(child(root, P + "childTnLst"), P + "seq", {"concurrent": "1", "nextAc": "seek"})
    main = _time_node(sequence, 2, dur="indefinite", nodeType="mainSeq")
    clicks = child(main, P + "childTnLst")
    counter = iter(range(3, 10_000))
    for targets in steps:
        if targets:
            _click(clicks, targets, counter, hidden)
    for tag, event in (("prevCondLst", "onPrev"), ("nextCondLst", "onNext")):
        child(child(_conditions(sequence, tag, "0", event), P + "tgtEl"), P + "sldTgt")
    shapes = sorted({t[0] for targets in steps for t in targets if isinstance(t, tuple)})
    charts = sorted({(t.shape_id, t.build) for targets in steps for t in targets if isinstance(t, ChartElement)})
    if shapes or charts:
        builds = child(timing, P + "bldLst")
        for shape_id in shapes:
            child(builds, P + "bldP", {"spid": str(shape_id), "grpId": "0", "build": "p"})
        for shape_id, build in charts:       # the axes, gridlines and legend stay: only the data builds
            graphic = child(builds, P + "bldGraphic", {"spid": str(shape_id), "grpId": "0"})
            child(child(graphic, P + "bldSub"), A + "bldChart", {"bld": build, "animBg": "0"})


def click_steps(slide_xml) -> list[list[int]]:
    """The shape ids that appear at each click, read back from a slide's XML (for tests and checks)."""
    sequence = slide_xml.find(f".//{P}cTn[@nodeType='mainSeq']/{P}childTnLst")
    if sequence is None:
        return []
    return [[int(t.get("spid")) for t in click.iter(P + "spTgt")] for click in sequence.findall(P + "par")]


def chart_steps(slide_xml) -> list[list[tuple[int, int, int]]]:
    """The chart elements (shape id, series, category; -4 for all) built at each click, read back."""
    sequence = slide_xml.find(f".//{P}cTn[@nodeType='mainSeq']/{P}childTnLst")
    if sequence is None:
        return []
    return [[(int(t.get("spid")), int(e.get("seriesIdx")), int(e.get("categoryIdx")))
             for t in click.iter(P + "spTgt") for e in t.iter(A + "chart")] for click in sequence.findall(P + "par")]
