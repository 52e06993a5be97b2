"""Where things sit on a slide, in points of a 960 x 540 (16:9) slide: 1 pt is 1 CSS pixel of
the HTML stage.

The places are those of the default PPTX template: the accent band at the top, the title at
the top left, the body under it, the footer at the bottom; the title slide's title stands on
its subtitle a little above the middle. A `Geometry` gathers them: the default one every
format shares, or one read from a user's PPTX template.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.plan.boxes import Rect

SLIDE_W = 960.0
SLIDE_H = 540.0
LINE_HEIGHT = 1.2            # CSS line-height of every text block; measuring uses the same pitch
BULLET_GAP = 0.45            # space before a bullet, in ems of its own size
SUB_BULLET = 0.85            # a sub-bullet's size relative to its bullet
BULLET_INDENT = (28.0, 56.0)  # left edge of a bullet's text, per level
CELL_PAD_X, CELL_PAD_Y = 8.0, 4.0
CODE_PAD = 16.0              # inside a code block, around its lines
COLUMN_GAP = 40.0            # between the two columns of a two-column slide
QR_SIZE = 150.0              # the QR code of a closing slide's link, at the right of its text
QR_GAP = 24.0


BAND = Rect(0, 0, SLIDE_W, 6)
TITLE = Rect(48, 24, 864, 78)
BODY = Rect(48, 110, 864, 380)
FOOTER = Rect(48, 502, 864, 24)
TITLE_SLIDE_TITLE = Rect(72, 144, 816, 138)
TITLE_SLIDE_SUBTITLE = Rect(72, 294, 816, 108)
STATEMENT = Rect(96, 119, 768, 270)
SECTION_TITLE = Rect(72, 170, 816, 130)
SECTION_TEXT = Rect(72, 312, 816, 150)
DIAGRAM_AREA = (BODY.w, BODY.h)     # what a diagram is laid out for: the body of a slide


@dataclass(frozen=True)
class Geometry:
    """The target a deck is planned for: the slide's size and the box of each kind of text."""

    slide_w: float = SLIDE_W
    slide_h: float = SLIDE_H
    title: Rect = TITLE
    body: Rect = BODY
    statement: Rect = STATEMENT
    title_slide_title: Rect = TITLE_SLIDE_TITLE
    title_slide_subtitle: Rect = TITLE_SLIDE_SUBTITLE
    section_title: Rect = SECTION_TITLE
    section_text: Rect = SECTION_TEXT


DEFAULT_GEOMETRY = Geometry()
