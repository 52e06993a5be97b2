"""Slides drawn once a process: the slides PDF and the handouts draw again only the slides an edit
changed (what `deckgen watch` writes after each save), with the bytes a fresh drawing gives."""

from __future__ import annotations

from dataclasses import replace

import pytest

from generator.build import kept as kept_parts
from generator.build.kept import Kept
from generator.renderers.handout.build import render_handouts
from generator.renderers.pdf import slides as pdf_slides
from generator.renderers.pdf.deck import slides_pdf


@pytest.fixture(scope="module")
def job(english_job):
    return english_job


@pytest.fixture
def drawn(monkeypatch):
    """The slides drawn (by number) from here on, none kept from before."""
    monkeypatch.setattr(kept_parts, "_KEEPING", True)    # as `watch` keeps them
    monkeypatch.setattr(pdf_slides, "DRAWN", Kept(pdf_slides.DRAWN.size))
    numbers: list[int] = []
    real = pdf_slides.SlideDrawer.draw

    def draw(self, canvas, slide, **options):
        numbers.append(slide.number)
        return real(self, canvas, slide, **options)

    monkeypatch.setattr(pdf_slides.SlideDrawer, "draw", draw)
    return numbers


def pictured(job) -> set[int]:
    """The slides that show a picture (drawn every time: its file may change under the same plan)."""
    drawer = pdf_slides.SlideDrawer(job.theme, job.plan, job.loaded.directory)
    found = {s.number for s in job.plan.slides if drawer.drawing(s).resources.images}
    assert found and len(found) < len(job.plan.slides)
    return found


def it_draws_again_only_the_slides_that_changed_with_the_same_bytes(job, drawn):
    first = slides_pdf(job)
    assert sorted(drawn) == [s.number for s in job.plan.slides]
    drawn.clear()
    assert slides_pdf(job) == first
    assert set(drawn) == pictured(job), "a slide without a picture was drawn again"

    edited = next(s for s in job.plan.slides if s.kind == "statement")
    heading = replace(edited.heading, text=edited.heading.text + " (edited)")
    slides = tuple(replace(s, heading=heading) if s is edited else s for s in job.plan.slides)
    changed = replace(job, plan=replace(job.plan, slides=slides))
    drawn.clear()
    again = slides_pdf(changed)
    assert edited.number in drawn and set(drawn) - {edited.number} <= pictured(job)

    pdf_slides.DRAWN.clear()
    assert slides_pdf(changed) == again, "a kept drawing gave other bytes than a fresh one"


def it_shares_the_drawings_between_builds_of_the_handouts(job, drawn):
    first = render_handouts(job).files
    assert drawn
    drawn.clear()
    assert render_handouts(job).files == first
    assert set(drawn) == pictured(job)
