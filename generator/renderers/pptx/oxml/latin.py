"""The Latin face of DrawingML run properties (`a:latin`), for a deck whose Latin is drawn by
its East Asian face."""

from __future__ import annotations

from generator.renderers.pptx.oxml.ns import A

# What may follow `a:latin` inside run properties (CT_TextCharacterProperties), in schema order.
_LATER = {A + name for name in ("ea", "cs", "sym", "hlinkClick", "hlinkMouseOver", "rtl", "extLst")}


def latin_face(props) -> str | None:
    """The Latin typeface run properties name, None when they name none."""
    found = props.find(A + "latin")
    return found.get("typeface") if found is not None else None


def set_latin_face(props, typeface: str) -> None:
    """Set the Latin face (`a:latin`) of run properties, in schema order."""
    existing = props.find(A + "latin")
    if existing is not None:
        existing.set("typeface", typeface)
        return
    element = props.makeelement(A + "latin", {"typeface": typeface})
    following = next((e for e in props if e.tag in _LATER), None)
    if following is not None:
        following.addprevious(element)
    else:
        props.append(element)
