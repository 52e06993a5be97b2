"""The theme's font files, cut down to the characters shown and embedded as `@font-face` (HTML decks, SVG diagrams).

Faces are registered under the family name the theme writes into the outputs (Calibri), so
the audience sees the metric-compatible face the text was measured with (Carlito) whatever
is installed. Subsets are WOFF2, base64 in the stylesheet; the same characters give the same
bytes (no timestamp is recalculated), and each subset is made once per process and kept in the
build cache (`cache.py`), keyed by the font file's bytes and the characters.
"""

from __future__ import annotations

import base64
import io
import logging
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from generator.theme import Theme

# In watch mode every face keeps these too, so an edit that brings a new letter rarely needs a new subset.
LIVE_CHARACTERS = frozenset(chr(c) for c in (*range(0x20, 0x7F), *range(0xA0, 0x250), *range(0x2000, 0x2070),
                                             *range(0x20A0, 0x20C0), *range(0x2190, 0x2200)))

# Always kept: printable ASCII (numbers, the timer, the error overlay) and common typography.
BASE_CHARACTERS = frozenset(chr(c) for c in range(0x20, 0x7F)) | frozenset(
    "\u00a0\u202f\u2009\u2013\u2014\u2018\u2019\u201c\u201d\u00ab\u00bb\u2026\u2022\u00b7\u00d7\u2192\u2190\u2713")


@dataclass(frozen=True)
class Face:
    """One `@font-face`: the family and style it answers to, and the file that draws it."""

    family: str
    weight: int
    style: str
    file: Path
    index: int = 0          # the face's number in a .ttc collection


def theme_faces(theme: Theme, code: bool = False) -> tuple[Face, ...]:
    """The faces of the body font (regular, bold, italic), then the heading font's if it is another
    family, then (with `code`) the monospace faces of code slides."""
    faces = [Face(theme.body.family, 400, "normal", theme.font_path(theme.body.regular)),
             Face(theme.body.family, 700, "normal", theme.font_path(theme.body.bold))]
    if theme.body.italic:
        faces.append(Face(theme.body.family, 400, "italic", theme.font_path(theme.body.italic)))
    if theme.heading.family != theme.body.family:
        faces.append(Face(theme.heading.family, 700, "normal", theme.font_path(theme.heading.bold)))
    if code:
        faces.append(Face(theme.code.family, 400, "normal", theme.font_path(theme.code.regular)))
        faces.append(Face(theme.code.family, 700, "normal", theme.font_path(theme.code.bold)))
    return tuple(faces)


def script_faces(theme: Theme, lang: str | None, characters: frozenset[str]) -> tuple[tuple[Face, ...], frozenset[str]]:
    """The theme's script faces that draw some of `characters` the body face lacks (each character
    to the first face, in the order `lang` tries them), and the characters they draw; a CJK
    deck's own face (`lead_face`) draws every character it has, its Latin and spaces too."""
    from generator.plan.measure import lead_face, ordered
    from generator.plan.shaping import covered, ignorable, split_ref

    body = str(theme.font_path(theme.body.regular))
    fonts = ordered(theme.script_fonts(), lang)
    lead = lead_face(fonts, lang)
    if lead is not None:
        fonts = (lead, *(font for font in fonts if font is not lead))
        left = {char for char in characters if covered(lead.regular, char)} | {
            char for char in characters if not ignorable(char) and not covered(body, char)}
    else:
        left = {char for char in characters if not ignorable(char) and not covered(body, char)}
    faces, drawn = [], set()
    for font in fonts if left else ():     # files found once, by the theme
        mine = {char for char in left if covered(font.regular, char)}
        if mine:
            (regular, index), (bold, _) = split_ref(font.regular), split_ref(font.bold)
            faces.extend((Face(font.family, 400, "normal", Path(regular), index),
                          Face(font.family, 700, "normal", Path(bold), index)))
            drawn |= mine
            left -= mine
    return tuple(faces), frozenset(drawn)


def font_face_css(faces: tuple[Face, ...], characters: frozenset[str], base: bool = True) -> str:
    """`@font-face` rules with the subset of each face (the common characters always kept unless
    `base` is false), each a base64 WOFF2 data URL."""
    wanted = "".join(sorted(characters | (BASE_CHARACTERS if base else frozenset(" "))))
    from generator.theme import css_string

    rules = []
    for face in faces:
        mtime = face.file.stat().st_mtime_ns
        encoded = base64.b64encode(subset_font(str(face.file), mtime, wanted, face.index)).decode("ascii")
        source = f"url(data:font/woff2;base64,{encoded}) format('woff2')"
        rules.append(
            f"@font-face {{ font-family: {css_string(face.family)}; font-weight: {face.weight}; "
            f"font-style: {face.style}; font-display: block; src: {source}; }}")
    return "\n".join(rules) + "\n"


@lru_cache(maxsize=64)
def subset_font(path: str, mtime_ns: int, characters: str, index: int = 0) -> bytes:
    """The font at `path` (its `index`-th face for a collection) reduced to `characters`, as WOFF2
    bytes; hinting dropped. The font is read only when its subset is not in the cache (it is
    known by `file_bytes_digest`: the stat of a 20 MB system collection, not its bytes)."""
    from generator.build import cache
    from generator.build.inputs import file_bytes_digest, tool_fingerprint

    entry = cache.key("woff2", tool_fingerprint(), file_bytes_digest(Path(path)), characters, str(index))
    return cache.active().fetch("font-subset", entry, lambda: _subset(Path(path).read_bytes(), characters, index))


def _subset(data: bytes, characters: str, index: int = 0) -> bytes:
    """HarfBuzz's subsetter (milliseconds, where fontTools' takes most of a second a face and
    several for a CJK one), then WOFF2 by fontTools on the small result (`_woff2`); hinting dropped, names
    and licence kept, the layout tables (kerning, ligatures, Arabic joining) closed over the kept
    characters."""
    import uharfbuzz as hb

    wanted = hb.SubsetInput()
    for char in characters:
        wanted.unicode_set.add(ord(char))
    for name_id in (0, 1, 2, 3, 4, 5, 6, 13, 14):
        wanted.name_id_set.add(name_id)
    wanted.flags = hb.SubsetFlags.NO_HINTING | hb.SubsetFlags.DESUBROUTINIZE
    face = hb.subset(hb.Face(hb.Blob(data), index), wanted)
    if face is None:
        raise ValueError("HarfBuzz could not subset the font")
    return _woff2(bytes(face.blob.data))


# WOFF2 as written here, chosen by measuring the 14 subsets (10-35 kB each) of the sample talk's
# HTML decks and diagrams in two languages. fontTools' defaults, glyf/loca transformed and brotli
# at quality 11: 137 kB in all, about 50 ms a face. Transformed at quality 5: 148 kB, 16 ms a face
# (the transform is pure Python). Untransformed at quality 11: 159 kB, 38 ms a face. Untransformed
# at quality 5: 169 kB, about 1 ms a face (quality 4 is 4 % larger; 6 to 8 are within 0.3 % of 5
# and 9 up are ten times slower). WOFF (zlib): 176 kB, 3 ms a face. Untransformed at 5 it is: a
# self-contained HTML deck grows by about 16 kB of base64 (6 %) and renders 0.25 s sooner.
WOFF2_QUALITY = 5
_WOFF2_WRITING = threading.Lock()


class _Brotli:
    """The brotli module as fontTools' WOFF2 writer sees it while `_woff2` writes: the same, but
    compressing at WOFF2_QUALITY instead of brotli's default, 11."""

    def __init__(self, module):
        self.module = module

    def __getattr__(self, name: str):
        return getattr(self.module, name)

    def compress(self, data: bytes, **options) -> bytes:
        return self.module.compress(data, **{"quality": WOFF2_QUALITY, **options})


def _woff2(sfnt: bytes) -> bytes:
    """A plain OpenType font as WOFF2: tables untransformed, brotli at WOFF2_QUALITY."""
    from fontTools.ttLib import TTFont, woff2

    # Carlito's creation date predates 1970 in its own epoch: fontTools says so, harmlessly.
    logging.getLogger("fontTools.ttLib.tables._h_e_a_d").setLevel(logging.ERROR)
    font = TTFont(io.BytesIO(sfnt), recalcTimestamp=False)
    font.flavor = "woff2"
    font.flavorData = woff2.WOFF2FlavorData(transformedTables=())
    out = io.BytesIO()
    with _WOFF2_WRITING:     # fontTools calls its module's `brotli.compress`, with no quality to pass
        original = woff2.brotli
        woff2.brotli = _Brotli(original)
        try:
            font.save(out, reorderTables=True)
        finally:
            woff2.brotli = original
    return out.getvalue()
