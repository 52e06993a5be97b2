"""A PDF's bytes do not depend on where the fonts are installed: resource names and subset tags
come from the font file's name, size and face, not its folder."""

from __future__ import annotations

import shutil

from generator.renderers.pdf.document import PdfDocument
from generator.renderers.pdf.fonts import face_identity
from generator.theme import TEMPLATES_DIR

FONT = TEMPLATES_DIR / "default" / "fonts" / "Carlito-Regular.ttf"


def _font_bytes(ref: str) -> tuple[str, bytes]:
    """The resource name of a face and the bytes of a one-page PDF that embeds two of its glyphs."""
    document = PdfDocument()
    used = document.font(ref)
    used.use(36, "A")
    used.use(70, "b")
    document.add_page(100, 100, b"")
    return used.name, document.write()


def test_the_same_font_in_two_folders_gives_the_same_names_and_bytes(tmp_path):
    copies = []
    for folder in ("one", "two/deeper"):
        (tmp_path / folder).mkdir(parents=True)
        copies.append(str(shutil.copy(FONT, tmp_path / folder / FONT.name)))
    assert face_identity(copies[0]) == face_identity(copies[1]) != face_identity(str(FONT.with_name("Carlito-Bold.ttf")))
    first, second = _font_bytes(copies[0]), _font_bytes(copies[1])
    assert first == second
    assert b"+" in first[1]           # a subset tag was written, and it is the same
