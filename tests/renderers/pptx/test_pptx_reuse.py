"""Slides kept a process (`renderers/pptx/kept.py`): a deck written again makes again only the
slides whose inputs changed, or that relate to more than their layout (pictures, charts, links),
with the bytes a fresh deck has."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from pptx import Presentation

from generator.build import kept as kept_parts
from generator.build.kept import Kept
from generator.renderers.pptx import deck as pptx_deck
from generator.renderers.pptx import kept


@pytest.fixture(scope="module")
def job(english_job):
    return english_job


@pytest.fixture
def made(monkeypatch):
    """The slides made (by plan id and number) from here on, none kept from before."""
    monkeypatch.setattr(kept_parts, "_KEEPING", True)    # as `watch` keeps them
    monkeypatch.setattr(kept, "SLIDES", Kept(kept.SLIDES.size))
    numbers: list[int] = []
    emitters = dict(pptx_deck.EMITTERS)

    def counting(emit):
        def emit_and_count(ctx, slide, content, planned):
            numbers.append(planned.number)
            return emit(ctx, slide, content, planned)
        return emit_and_count

    monkeypatch.setattr(pptx_deck, "EMITTERS", {kind: counting(emit) for kind, emit in emitters.items()})
    return numbers


def deck_bytes(job) -> bytes:
    return next(iter(pptx_deck.render_pptx(job).files.values()))


def related_beyond_layout(data: bytes) -> set[int]:
    """The slides (numbers) whose part has a relationship other than its layout and notes."""
    found = set()
    for number, slide in enumerate(Presentation(io.BytesIO(data)).slides, start=1):
        kinds = {rel.reltype.rsplit("/", 1)[-1] for rel in slide.part.rels.values()}
        if kinds - {"slideLayout", "notesSlide"}:
            found.add(number)
    return found


def it_makes_again_only_the_slides_that_changed_with_the_same_bytes(job, made):
    first = deck_bytes(job)
    assert sorted(made) == [s.number for s in job.plan.slides]
    others = related_beyond_layout(first)
    assert others and len(others) < len(job.plan.slides)

    made.clear()
    assert deck_bytes(job) == first
    assert set(made) == others, "a slide relating to its layout alone was made again"

    edited = next(s for s in job.plan.slides if s.kind == "bullets")
    heading = replace(edited.heading, text=edited.heading.text + " (edited)")
    slides = tuple(replace(s, heading=heading) if s is edited else s for s in job.plan.slides)
    changed = replace(job, plan=replace(job.plan, slides=slides))
    made.clear()
    again = deck_bytes(changed)
    assert set(made) == others | {edited.number}
    assert " (edited)" in "".join(shape.text_frame.text for shape in Presentation(io.BytesIO(again))
                                 .slides[edited.number - 1].shapes if shape.has_text_frame)

    kept.SLIDES.clear()
    assert deck_bytes(changed) == again, "a kept slide gave other bytes than a fresh one"
