"""Where things sit on an HTML slide, in CSS pixels of a 960 x 540 stage (1 px = 1 pt of the PPTX).

The places follow the PPTX deck's 16:9 template: the accent band at the top, the title at the
top left, the body under it, the footer at the bottom; the title slide's title stands on its
subtitle a little above the middle.
"""

from __future__ import annotations

from generator.layout.boxes import Rect  # noqa: F401 - the stage's rectangles are layout Rects

SLIDE_W = 960.0
SLIDE_H = 540.0
LINE_HEIGHT = 1.2            # CSS line-height of every text block; measuring uses the same pitch
BULLET_GAP = 0.45            # space before a bullet, in ems of its own size
SUB_BULLET = 0.85            # a sub-bullet's size relative to its bullet
BULLET_INDENT = (28.0, 56.0)  # left edge of a bullet's text, per level
CELL_PAD_X, CELL_PAD_Y = 8.0, 4.0


BAND = Rect(0, 0, SLIDE_W, 6)
TITLE = Rect(48, 24, 864, 78)
BODY = Rect(48, 110, 864, 380)
FOOTER = Rect(48, 502, 864, 24)
TITLE_SLIDE_TITLE = Rect(72, 144, 816, 138)
TITLE_SLIDE_SUBTITLE = Rect(72, 294, 816, 108)
STATEMENT = Rect(96, 119, 768, 270)
SECTION_TITLE = Rect(72, 170, 816, 130)
SECTION_TEXT = Rect(72, 312, 816, 150)
