"""Shape ids unique within a shape tree, as ECMA-376 requires (animations and comments point at them).

A shape copied from a layout (the footer) or a template whose layouts repeat an id would
otherwise share its id with another shape; PowerPoint then offers to "repair" the file.
The first shape with an id keeps it, so what already points at it (a build step's
`p:spTgt/@spid`) keeps pointing at the same shape; every later duplicate gets a fresh id.
"""

from __future__ import annotations

from pptx.oxml.ns import qn


def unique_shape_ids(tree) -> int:
    """Give every later duplicate `p:cNvPr/@id` under `tree` (a slide's, layout's or master's
    root element) a fresh id; the number of shapes renumbered."""
    props = list(tree.iter(qn("p:cNvPr")))
    numbers = [int(p.get("id")) for p in props if (p.get("id") or "").isdigit()]
    next_id = max(numbers, default=0) + 1
    seen: set[str] = set()
    changed = 0
    for prop in props:
        shape_id = prop.get("id")
        if shape_id in seen or not (shape_id or "").isdigit():
            prop.set("id", str(next_id))
            shape_id = str(next_id)
            next_id += 1
            changed += 1
        seen.add(shape_id)
    return changed
