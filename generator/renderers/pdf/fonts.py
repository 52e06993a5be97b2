"""Fonts embedded in a PDF: each face a Type 0 font of its glyph ids (Identity-H), subset by HarfBuzz.

Text is shaped before it is drawn, so a page names glyphs, not characters: the glyph ids go in
the content stream as two-byte codes, and each font keeps, for every glyph it drew, the text it
stands for (its `ToUnicode` map: copying and searching read that). The subset keeps glyph ids
(HarfBuzz's retain-gids), so the codes need no renumbering, and an OpenType face with CFF
outlines (Noto Sans CJK) is embedded as such (`FontFile3`, `OpenType`), a TrueType face as
`FontFile2`.
"""

from __future__ import annotations

import hashlib
import os
import struct
from dataclasses import dataclass, field
from functools import lru_cache

from generator.plan.shaping import shaper, split_ref


@dataclass
class UsedFont:
    """One face of the document: the glyphs it drew and the text each stands for."""

    ref: str
    name: str                           # its resource name on pages: F1, F2…
    family: str = ""                    # what the file calls it ("Calibri-Bold"); its own name if empty
    texts: dict[int, str] = field(default_factory=dict)

    def use(self, gid: int, text: str) -> None:
        if gid not in self.texts or (not self.texts[gid] and text):
            self.texts[gid] = text


def _table(face, tag: str) -> bytes:
    try:
        return bytes(face.reference_table(tag).data)
    except Exception:   # noqa: BLE001 - a face without the table
        return b""


def postscript_name(face, ref: str) -> str:
    """The face's PostScript name (name ID 6), else its file name: what the PDF calls it."""
    data = _table(face, "name")
    if len(data) >= 6:
        count, strings = struct.unpack(">HH", data[2:6])
        for at in range(6, 6 + 12 * count, 12):
            platform, _, _, name_id, length, offset = struct.unpack(">6H", data[at:at + 12])
            if name_id == 6:
                raw = data[strings + offset:strings + offset + length]
                text = raw.decode("utf-16-be" if platform in (0, 3) else "latin-1", "replace")
                clean = "".join(c for c in text if c.isalnum() or c in "-_")
                if clean:
                    return clean
    path, _ = split_ref(ref)
    return "".join(c for c in path.rsplit("/", 1)[-1].rsplit(".", 1)[0] if c.isalnum() or c in "-_") or "Font"


@lru_cache(maxsize=64)
def face_identity(ref: str) -> str:
    """What a face reference names, wherever the font is installed: its file's name and size and
    the face's index. Resource names and subset tags come from it, so the same talk gives the same
    PDF bytes on every machine, whatever the folder of the tool or of the system fonts."""
    path, index = split_ref(ref)
    try:
        size = os.stat(path).st_size
    except OSError:
        size = -1
    return f"{os.path.basename(path)}#{index}:{size}"


def font_objects(used: UsedFont, pdf, stream, dictionary) -> bytes:
    """Add one used face's objects to the pydyf `pdf` (`stream(data, extra)` and
    `dictionary(values)` make and add an object); the reference of its Type 0 font dictionary."""
    import pydyf
    import uharfbuzz as hb

    path, index = split_ref(used.ref)
    shaped = shaper(used.ref)
    face, font, upem = shaped.face, shaped.font, shaped.upem
    gids = sorted(used.texts)
    wanted = hb.SubsetInput()
    for gid in (0, *gids):
        wanted.glyph_set.add(gid)
    wanted.flags = hb.SubsetFlags.RETAIN_GIDS | hb.SubsetFlags.NO_HINTING | hb.SubsetFlags.DESUBROUTINIZE
    for tag in ("GSUB", "GPOS", "GDEF", "morx", "kerx", "kern", "DSIG", "BASE", "JSTF", "MATH", "vhea", "vmtx"):
        wanted.drop_table_tag_set.add(_tag(tag))
    subset = hb.subset(face, wanted)
    program = bytes(subset.blob.data) if subset is not None else open(path, "rb").read()
    cff = program[:4] == b"OTTO"
    tag = "".join(chr(65 + b % 26) for b in hashlib.sha256(repr((face_identity(used.ref), gids)).encode()).digest()[:6])
    # The theme's family as the PPTX and the HTML name it, whatever it holds (`Body Font (Pro) #1`):
    # pydyf writes the name object with the specification's `#xx` escapes.
    base = pydyf.name(f"{tag}+{used.family or postscript_name(face, used.ref)}")

    head = _table(face, "head")
    bbox = struct.unpack(">4h", head[36:44]) if len(head) >= 44 else (0, -250, 1000, 1000)
    scale = 1000 / upem
    bbox = [round(v * scale) for v in bbox]
    extents = font.get_font_extents("ltr")
    ascent, descent = round(extents.ascender * scale), round(extents.descender * scale)

    program_obj = stream(program, {"Subtype": "/OpenType"} if cff else {"Length1": len(program)})
    descriptor = dictionary({
        "Type": "/FontDescriptor", "FontName": base, "Flags": 4, "FontBBox": pydyf.Array(bbox),
        "ItalicAngle": 0, "Ascent": ascent, "Descent": descent, "CapHeight": ascent, "StemV": 80,
        f"FontFile{3 if cff else 2}": program_obj.reference,
    })
    # one `gid [width]` pair a glyph, written as bytes (thousands of tiny pydyf objects otherwise)
    widths = b"[" + b" ".join(b"%d [%d]" % (gid, round(font.get_glyph_h_advance(gid) * scale)) for gid in gids) + b"]"
    cid = dictionary({
        "Type": "/Font", "Subtype": f"/CIDFontType{0 if cff else 2}", "BaseFont": base,
        "CIDSystemInfo": pydyf.Dictionary({"Registry": pydyf.String("Adobe"),
                                           "Ordering": pydyf.String("Identity"), "Supplement": 0}),
        "FontDescriptor": descriptor.reference, "W": widths,
        **({} if cff else {"CIDToGIDMap": "/Identity"}),
    })
    to_unicode = stream(_cmap(used.texts))
    return dictionary({"Type": "/Font", "Subtype": "/Type0", "BaseFont": base, "Encoding": "/Identity-H",
                       "DescendantFonts": pydyf.Array([cid.reference]),
                       "ToUnicode": to_unicode.reference}).reference


def _tag(name: str) -> int:
    """An OpenType table tag as HarfBuzz's integer."""
    padded = (name + "    ")[:4].encode("latin-1")
    return struct.unpack(">I", padded)[0]


def _cmap(texts: dict[int, str]) -> bytes:
    lines = [b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
             b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
             b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
             b"1 begincodespacerange <0000> <FFFF> endcodespacerange"]
    items = [(gid, text) for gid, text in sorted(texts.items()) if text]
    for start in range(0, len(items), 100):
        chunk = items[start:start + 100]
        lines.append(b"%d beginbfchar" % len(chunk))
        for gid, text in chunk:
            lines.append(b"<%04X> <%s>" % (gid, text.encode("utf-16-be").hex().upper().encode()))
        lines.append(b"endbfchar")
    lines.append(b"endcmap CMapName currentdict /CMap defineresource pop end end")
    return b"\n".join(lines)
