"""What every laid-out stack diagram must hold: readable sizes, text inside its box, no overlap,
no word cut without a hyphen. Shared by the dense talk's tests and the property test."""

from __future__ import annotations

import itertools
import re

EPS = 1e-6


def overlap(a, b) -> float:
    w = min(a.x + a.w, b.x + b.w) - max(a.x, b.x)
    h = min(a.y + a.h, b.y + b.h) - max(a.y, b.y)
    return max(0.0, w) * max(0.0, h)


def line_extent(block, index: int, measure) -> tuple[float, float]:
    width = measure.width(block.lines[index], block.size, block.bold)
    left = block.line_x(index) - (width / 2 if block.align == "center" else 0.0)
    return left, left + width


def joined(lines) -> str:
    """The text the lines say: a line ending with a hyphen runs on into the next."""
    out = ""
    for line in lines:
        if out and not out.endswith("-"):
            out += " "
        out += line
    return out


def breaks_only_where_allowed(text: str, lines) -> bool:
    """Lines join back into the text, breaking at spaces, after a hyphen of the text, or at a
    hyphen added between two letters of a word (hyphenation)."""
    words = re.sub(r"[ \t\n]+", " ", text.strip())
    said = joined(lines)
    if said == words:
        return True
    # a hyphen added by hyphenation stands between two letters and is not in the text
    return re.sub(r"(?<=\w)-(?=\w)", "", said) == re.sub(r"(?<=\w)-(?=\w)", "", words) and \
        all(not line.endswith("-") or line[-2:-1].isalpha() for line in lines)


def assert_legible(diagram, measure, floors=(18.0, 14.0)) -> None:
    """Every invariant of a diagram that fits."""
    label_floor, floor = floors
    assert diagram.fits and diagram.boxes
    for box in diagram.boxes:
        assert box.x >= -EPS and box.y >= -EPS, box.id
        assert box.x + box.w <= diagram.width + EPS and box.y + box.h <= diagram.height + EPS, box.id
        for block in box.texts:
            lowest = label_floor if (box.role == "layer" and block is box.label) else floor
            assert block.size >= lowest - EPS, (box.id, block.size)
            assert breaks_only_where_allowed(block.text, block.lines), (box.id, block.text, block.lines)
            for index in range(len(block.lines)):
                left, right = line_extent(block, index, measure)
                assert left >= box.x - 3.0 - EPS and right <= box.x + box.w + 3.0 + EPS, (box.id, block.lines[index])
                top = block.y + index * block.line_height
                assert top >= box.y - EPS and top + block.line_height <= box.y + box.h + EPS, (box.id, index)
    layers = diagram.boxes_with("layer")
    sizes = {b.label.size for b in layers}
    assert len(sizes) == 1, sizes                      # one label size per diagram
    for a, b in itertools.combinations(layers, 2):
        assert overlap(a, b) <= EPS, (a.id, b.id)
    for badge in diagram.boxes_with("badge"):
        layer = diagram.box(badge.id.removesuffix("__badge"))
        assert overlap(badge, layer) == badge.w * badge.h or abs(overlap(badge, layer) - badge.w * badge.h) < 1e-3
        for block in layer.texts:
            for index in range(len(block.lines)):
                left, right = line_extent(block, index, measure)
                top = block.y + index * block.line_height
                line = type(badge)(id="line", role="layer", x=left, y=top, w=right - left, h=block.line_height)
                assert overlap(badge, line) <= EPS, (badge.id, block.lines[index])
    others = [b for b in diagram.boxes if b.role in ("stack-title", "column-label", "legend-label", "legend-swatch")]
    for other in others:
        for layer in layers:
            assert overlap(other, layer) <= EPS, (other.id, layer.id)
