"""Speaker notes in the notes page of a slide, light Markdown kept as bold and italic runs.

python-pptx makes the deck's first notes slide (and the notes master, when the template has
none); every later one is a copy of that fresh notes slide, related to the master and its slide
as python-pptx relates them, under the part name it would choose. A new notes slide is the same
for every slide (the master's placeholders cloned), so the copies are the parts python-pptx
would have written, without cloning the master's placeholders through its object API each time.
The copies are `DeckNotesSlidePart`s, kept as bytes once written (`package.write_out`).
"""

from __future__ import annotations

import copy

from generator.text.markdown import paragraphs
from generator.renderers.pptx.oxml.slide import notes_body
from generator.renderers.pptx.oxml.text import add_paragraph, emptied
from generator.renderers.pptx.text import write_runs

_PREFIX = "/ppt/notesSlides/notesSlide"


class Notes:
    """The notes slides of one deck, made as its slides are."""

    def __init__(self) -> None:
        self._fresh = None          # a copy of the first notes slide as python-pptx made it
        self._master = None         # the notes master part
        self._taken: set[str] = set()

    def write(self, slide, notes: str):
        """Give `slide` a notes slide holding `notes`; its part (`part.notes_slide.element`: its `p:notes`)."""
        part = self._notes_part(slide)
        body = notes_body(part.notes_slide.element)
        if body is not None:
            first = emptied(body)                       # a text frame's clear(): one empty paragraph
            for index, line in enumerate(paragraphs(notes)):
                paragraph = first if index == 0 else add_paragraph(body)
                write_runs(paragraph, part, line)
        return part

    def _notes_part(self, slide):
        from pptx.opc.constants import CONTENT_TYPE as CT
        from pptx.opc.constants import RELATIONSHIP_TYPE as RT
        from pptx.opc.packuri import PackURI

        from generator.renderers.pptx.package import DeckNotesSlidePart

        slide_part = slide.part
        if self._fresh is None:
            part = slide_part.part_related_by(RT.NOTES_SLIDE) if slide.has_notes_slide else None
            if part is not None:
                return part
            notes_slide = slide.notes_slide          # python-pptx's own: master, theme, placeholders
            part = notes_slide.part
            self._fresh = copy.deepcopy(notes_slide.element)
            self._master = part.part_related_by(RT.NOTES_MASTER)
            self._taken = {str(p.partname) for p in part.package.iter_parts() if p.partname.startswith(_PREFIX)}
            return part
        # python-pptx's next_partname: the highest free number up to one more than those taken
        name = next(f"{_PREFIX}{n}.xml" for n in range(len(self._taken) + 1, 0, -1)
                    if f"{_PREFIX}{n}.xml" not in self._taken)
        self._taken.add(name)
        part = DeckNotesSlidePart(PackURI(name), CT.PML_NOTES_SLIDE, slide_part.package,
                                  copy.deepcopy(self._fresh))
        part.relate_to(self._master, RT.NOTES_MASTER)
        part.relate_to(slide_part, RT.SLIDE)
        slide_part.relate_to(part, RT.NOTES_SLIDE)
        return part
