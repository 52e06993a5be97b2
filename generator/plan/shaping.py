"""Text widths from real shaping (HarfBuzz), over a chain of fonts chosen character by character.

A text is drawn by a chain of faces: the theme's face first, then its script faces (CJK, Arabic,
Hebrew…). Each character goes to the first face of the chain that has a glyph for it, as
browsers, PowerPoint and LibreOffice fall back; combining marks, joiners and variation
selectors stay with the character before them. Each run is shaped with HarfBuzz (kerning, ligatures and
Arabic joining forms applied, as browsers draw them) and the advances are summed.

A font is named by a reference: its file's path, with `#N` after it for the N-th face of a
collection (`NotoSansCJK-Regular.ttc#2` is Noto Sans CJK SC).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Iterator, Optional

# Characters no font needs to draw: they take the run's font (or no width at all).
_IGNORABLE_CATEGORIES = {"Mn", "Me", "Cf", "Cc", "Zs", "Zl", "Zp"}
_IGNORABLE = {"\ufe0e", "\ufe0f", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}


def font_ref(path: str, index: int = 0) -> str:
    """The reference of the `index`-th face of the font file at `path`."""
    return f"{path}#{index}" if index else str(path)


def split_ref(ref: str) -> tuple[str, int]:
    """The file and face index of a font reference."""
    path, hash_, index = ref.rpartition("#")
    if hash_ and index.isdigit():
        return path, int(index)
    return ref, 0


class _Shaper:
    """One face, loaded once: HarfBuzz's font and the characters it has glyphs for."""

    def __init__(self, ref: str):
        import uharfbuzz as hb

        path, index = split_ref(ref)
        blob = hb.Blob.from_file_path(path)
        self.face = hb.Face(blob, index)
        self.font = hb.Font(self.face)
        self.upem = self.face.upem
        self.unicodes = frozenset(self.face.unicodes)

    def width(self, text: str) -> float:
        """The advance width of `text` in ems."""
        import uharfbuzz as hb

        buffer = hb.Buffer()
        buffer.add_str(text)
        buffer.guess_segment_properties()
        hb.shape(self.font, buffer)
        return sum(position.x_advance for position in buffer.glyph_positions) / self.upem


@lru_cache(maxsize=32)
def shaper(ref: str) -> _Shaper:
    return _Shaper(ref)


def ignorable(char: str) -> bool:
    """Whether `char` needs no glyph of its own (spaces, marks, joiners, format characters)."""
    return char in _IGNORABLE or unicodedata.category(char) in _IGNORABLE_CATEGORIES


def covered(ref: str, char: str) -> bool:
    return ord(char) in shaper(ref).unicodes


# Characters drawn by the face of the character they follow: marks, joiners, selectors.
_FOLLOWING = {"Mn", "Me", "Cf"}


def runs(chain: tuple[str, ...], text: str) -> Iterator[tuple[Optional[str], str]]:
    """`text` in runs of one face each, as browsers fall back: every character (spaces, digits and
    Latin letters between CJK or Arabic words too) by the first face of the chain that has it (a
    no-break space by the face of the space: HarfBuzz draws it as one); a combining mark, joiner
    or selector by the face of the character before it. A character no face has comes in a run
    of its own with None for its face."""
    if not text:
        return
    first = shaper(chain[0]).unicodes if chain else frozenset()
    if first.issuperset(map(ord, text)):     # the common case: the first face has it all
        yield chain[0], text
        return
    current: Optional[str] = None
    start = 0
    for at, char in enumerate(text):
        if at and unicodedata.category(char) in _FOLLOWING:
            continue
        code = 0x20 if char == "\u00a0" else ord(char)
        face = next((ref for ref in chain if code in shaper(ref).unicodes), None)
        if at and face == current:
            continue
        if at > start:
            yield current, text[start:at]
        current, start = face, at
    if start < len(text):
        yield current, text[start:]


@lru_cache(maxsize=131072)
def width_em(chain: tuple[str, ...], text: str) -> float:
    """The advance width of `text` drawn by the chain of faces, in ems."""
    total = 0.0
    for ref, run in runs(chain, text):
        total += shaper(ref if ref is not None else chain[0]).width(run)
    return total


def missing(chain: tuple[str, ...], text: str) -> str:
    """The characters of `text` no face of the chain draws, each once, in order of appearance."""
    seen: dict[str, None] = {}
    for ref, run in runs(chain, text):
        if ref is None:
            seen.update((char, None) for char in run if not ignorable(char))
    return "".join(seen)
