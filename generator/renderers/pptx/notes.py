"""Speaker notes in the notes page of a slide, light Markdown kept as bold and italic runs."""

from __future__ import annotations

from generator.renderers.pptx.text import write_paragraph


def note_paragraphs(notes: str) -> list[str]:
    """The paragraphs of speaker notes: one per line, blank lines dropped."""
    return [line.strip() for line in notes.strip().splitlines() if line.strip()]


def write_notes(slide, notes: str) -> None:
    """Replace a slide's notes with `notes`."""
    frame = slide.notes_slide.notes_text_frame
    frame.clear()
    for index, line in enumerate(note_paragraphs(notes)):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        write_paragraph(paragraph, line)
