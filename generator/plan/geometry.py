"""The slide grid: where things sit on a slide, in points of a 960 x 540 (16:9) slide, 1 pt for
1 CSS pixel of the HTML stage.

One grid for every layout and format. Every kind of slide starts its text on the same left edge
(`MARGIN_X` from the slide's edge) and ends it as far from the right; a content slide has its
title at the top and its content box under it, the same on every content slide; title, section
and closing slides stand their title at the bottom of a colour field across the top of the slide,
its subtitle under it in the field, and put the speaker, the event or the closing words under the
field. A `Geometry` gathers the places: the default one every format shares (the default PPTX
template's layouts are made on it), or one read from a user's PPTX template.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.plan.boxes import Rect

SLIDE_W = 960.0
SLIDE_H = 540.0
MARGIN_X = 56.0              # left and right outer margin of every layout (0.78 in)
CONTENT_W = SLIDE_W - 2 * MARGIN_X
LINE_HEIGHT = 1.2            # CSS line-height of every text block; measuring uses the same pitch
WRAP_MARGIN = 0.04           # lines are planned this much narrower than their box, so a client with
                             # slightly wider metrics never breaks a line the plan did not
BODY_MEASURE = 0.8           # bullets balance their lines no narrower than this share of the list's width
BULLET_GAP = 0.45            # space before a bullet, in ems of its own size (the least)
BULLET_GAP_MAX = 1.0         # first-level bullets spread apart up to this many ems to fill the box
BALANCE = 0.4                # a block shorter than its box leaves this share of the room above it
SUB_BULLET = 0.85            # a sub-bullet's size relative to its bullet
BULLET_INDENT = (36.0, 68.0)  # left edge of a bullet's text, per level (the bullet itself on the margin)
CELL_PAD_X, CELL_PAD_Y = 8.0, 4.0
ROW_GROW = 1.0               # a table's rows grow by up to this many ems each to fill the box
CODE_PAD = 16.0              # inside a code block, around its lines
COLUMN_GAP = 40.0            # between the two columns of a two-column slide
TWO_COLUMNS = 8              # bullets from which a list whose items are short is set in two columns
SHORT_BULLET = 0.45          # short: the longest bullet on one line within this share of the width
QR_SIZE = 150.0              # the QR code of a closing slide's link, at the right of its text
QR_GAP = 24.0
COVER_GAP = 12.0             # between a cover title and its subtitle
DIAGRAM_GROW = 1.25          # a diagram smaller than its box is drawn up to this much larger
TITLE_GAP = 8.0              # between a short title and a diagram grown up into the title band


BAND = Rect(0, 0, SLIDE_W, 6)                          # the accent band at the top of content slides
TITLE = Rect(MARGIN_X, 24, CONTENT_W, 72)              # a content slide's title, lines from its top
BODY = Rect(MARGIN_X, 112, CONTENT_W, 380)             # the content box: bullets, diagrams, tables, code
FOOTER = Rect(MARGIN_X, 506, CONTENT_W, 20)
FIELD = Rect(0, 0, SLIDE_W, 312)                       # the colour field of title, section, closing slides
COVER_TITLE = Rect(MARGIN_X, 48, CONTENT_W, 168)       # a cover title's room, its last line at the bottom
COVER_SUBTITLE = Rect(MARGIN_X, 228, CONTENT_W, 68)    # the subtitle under it, in the field
COVER_TEXT = Rect(MARGIN_X, 344, CONTENT_W, 140)       # under the field: speaker and event, closing words
STATEMENT = Rect(MARGIN_X, TITLE.y, CONTENT_W, BODY.y + BODY.h - TITLE.y)   # a statement alone, centred
# A section slide is all colour field: its title stands just above the middle, the subtitle under it.
DIVIDER_FIELD = Rect(0, 0, SLIDE_W, SLIDE_H)
DIVIDER_TITLE = Rect(MARGIN_X, 90, CONTENT_W, 168)
DIVIDER_SUBTITLE = Rect(MARGIN_X, DIVIDER_TITLE.y + DIVIDER_TITLE.h + COVER_GAP, CONTENT_W, 68)
DIAGRAM_AREA = (BODY.w, BODY.h)     # what a diagram is laid out for: the content box


@dataclass(frozen=True, slots=True)
class Geometry:
    """The target a deck is planned for: the slide's size and the box of each kind of text.

    `title_slide_title` and `section_title` are the room of a cover title (its lines stand on the
    bottom of that room, or on the subtitle's room when there is no subtitle), `title_slide_subtitle`
    the subtitle's room under it, `section_text` the room under the field (a closing slide's words
    and links), `byline` the title slide's speaker and event. A section slide is drawn on
    `divider_field` (the whole slide), its title on `divider_title`'s bottom and its subtitle in
    `divider_subtitle`, unless the template draws its own (`divider_field` None)."""

    slide_w: float = SLIDE_W
    slide_h: float = SLIDE_H
    title: Rect = TITLE
    body: Rect = BODY
    statement: Rect = STATEMENT
    title_slide_title: Rect = COVER_TITLE
    title_slide_subtitle: Rect = COVER_SUBTITLE
    section_title: Rect = COVER_TITLE
    section_text: Rect = COVER_TEXT
    byline: Rect = COVER_TEXT         # the title slide's speaker and event
    field: Rect | None = FIELD        # None: the template draws its own title slides
    divider_field: Rect | None = DIVIDER_FIELD      # a section slide's field; None: its layout's own
    divider_title: Rect = DIVIDER_TITLE
    divider_subtitle: Rect = DIVIDER_SUBTITLE
    footer: Rect = FOOTER


DEFAULT_GEOMETRY = Geometry()


def balanced(room: Rect, height: float) -> Rect:
    """A block `height` tall in `room`, at its full width: a short block a little above the
    middle (`BALANCE` of the room left over goes above it), a tall one at the top."""
    top = room.y + max(0.0, room.h - height) * BALANCE
    return Rect(room.x, top, room.w, height)


def bottom_of(room: Rect, height: float) -> Rect:
    """A block `height` tall standing on the bottom of `room` (growing upwards)."""
    return Rect(room.x, room.y + room.h - height, room.w, height)
