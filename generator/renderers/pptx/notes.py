"""Speaker notes in the notes page of a slide, light Markdown kept as bold and italic runs."""

from __future__ import annotations

from generator.markdown import paragraphs
from generator.renderers.pptx.text import write_paragraph


def write_notes(slide, notes: str) -> None:
    """Replace a slide's notes with `notes`."""
    frame = slide.notes_slide.notes_text_frame
    frame.clear()
    for index, line in enumerate(paragraphs(notes)):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        write_paragraph(paragraph, line)
