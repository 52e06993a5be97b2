"""A PPTX deck holds a finished slide as bytes, not as its XML tree, until it is saved; and
names its charts without reading the whole package each time.

python-pptx keeps the XML tree of every part until the package is saved: a deck of 10,000 slides
held 2 GiB of them. The renderer serializes each slide and notes slide as soon as it is finished
(`package.write_out`). These tests count the XML trees of slides and notes slides still alive
when the deck is about to be saved (lxml's elements are objects the collector sees: a tree is
alive while any of its elements is), for a deck and one four times as long: the same few, whatever
the deck's length (python-pptx's own first slide of each layout, the copies new slides are made
from). No timing, no resident memory: counts, the same on every run.
"""

from __future__ import annotations

import copy
import gc

import pytest
import yaml

from generator.build.jobs import RenderJob
from generator.content.talk import load_talk
from generator.i18n.localize import localize
from generator.renderers.pptx import deck as pptx_deck
from generator.renderers.pptx.package import DeckSlidePart
from generator.theme import load_theme
from tests.conftest import SAMPLE_TALK

_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_SLIDE_ROOTS = (f"{_P}sld", f"{_P}notes")


def talk_job(folder, count: int) -> RenderJob:
    """The sample talk's slides repeated to `count` (ids varied), planned in French."""
    data = yaml.safe_load((SAMPLE_TALK / "talk.yaml").read_text(encoding="utf-8"))
    data.pop("translations", None)
    source = data["slides"]
    slides = []
    for index in range(count):
        slide = copy.deepcopy(source[index % len(source)])
        if index >= len(source):
            slide["id"] = f"{slide['id']}-{index // len(source) + 1}"
        slides.append(slide)
    talk = folder / str(count) / data["id"]
    talk.mkdir(parents=True)
    (talk / "talk.yaml").write_text(yaml.safe_dump({**data, "slides": slides}, allow_unicode=True, sort_keys=False),
                                    encoding="utf-8")
    for path in SAMPLE_TALK.iterdir():          # the pictures the slides show
        if path.is_file() and path.name != "talk.yaml":
            (talk / path.name).write_bytes(path.read_bytes())
    loaded = load_talk(talk)
    return RenderJob(loaded, localize(loaded, "fr"), load_theme(loaded.talk.theme, loaded.directory.resolve()), "fr")


def live_slide_trees() -> int:
    """The XML trees of slides and notes slides alive in this process (distinct documents)."""
    gc.collect()
    roots = set()
    for obj in gc.get_objects():
        getroottree = getattr(type(obj), "getroottree", None)
        if getroottree is not None and getattr(obj, "tag", None) is not None:
            root = obj.getroottree().getroot()
            if root is not None and root.tag in _SLIDE_ROOTS:
                roots.add(id(root))
    return len(roots)


def trees_when_saved(job, monkeypatch) -> tuple[int, bytes]:
    """The slide and notes trees alive as the finished deck is about to be saved, and its bytes."""
    found = []
    save = pptx_deck.reproducible_bytes

    def counting(prs):
        found.append(live_slide_trees())
        return save(prs)

    monkeypatch.setattr(pptx_deck, "reproducible_bytes", counting)
    data = next(iter(pptx_deck.render_pptx(job).files.values()))
    return found[0], data


@pytest.fixture(scope="module")
def jobs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("memory")
    return talk_job(folder, 21), talk_job(folder, 84)


def test_a_deck_four_times_as_long_holds_no_more_slide_trees(jobs, monkeypatch):
    short, long = (trees_when_saved(job, monkeypatch)[0] for job in jobs)
    slides = len(jobs[1].plan.slides)
    assert slides >= 84
    assert long <= short, f"{short} slide trees alive for {len(jobs[0].plan.slides)} slides, {long} for {slides}"
    assert long < 30, f"{long} slide trees alive for {slides} slides"


def test_the_bytes_are_those_of_the_trees_kept_until_the_save(jobs, monkeypatch):
    """Writing the slides out changes no byte of the deck."""
    written = trees_when_saved(jobs[0], monkeypatch)[1]
    monkeypatch.setattr(pptx_deck, "write_out", lambda *parts: None)
    kept, data = trees_when_saved(jobs[0], monkeypatch)
    assert kept >= len(jobs[0].plan.slides)           # the trees were all alive: the count sees them
    assert data == written


def test_a_written_out_slide_gives_its_bytes_and_refuses_its_tree(jobs, monkeypatch):
    parts = []
    save = pptx_deck.reproducible_bytes

    def keeping_parts(prs):
        parts.extend(p for p in prs.part.package.iter_parts() if isinstance(p, DeckSlidePart))
        return save(prs)

    monkeypatch.setattr(pptx_deck, "reproducible_bytes", keeping_parts)
    pptx_deck.render_pptx(jobs[0])
    assert parts and all(part.written_out for part in parts)
    assert all(part.blob.startswith(b"<?xml") for part in parts)
    with pytest.raises(RuntimeError, match="written out"):
        parts[0].slide


def parts_walked(job, monkeypatch) -> int:
    """The parts python-pptx's `iter_parts` gives while the deck is made (its save, which writes
    every part, left out)."""
    from pptx.opc.package import OpcPackage

    walked, saving = [0], []
    iter_parts = OpcPackage.iter_parts
    save = pptx_deck.reproducible_bytes

    def counting(package):
        for part in iter_parts(package):
            walked[0] += not saving
            yield part

    def saved(prs):
        saving.append(True)
        return save(prs)

    monkeypatch.setattr(OpcPackage, "iter_parts", counting)
    monkeypatch.setattr(pptx_deck, "reproducible_bytes", saved)
    pptx_deck.render_pptx(job)
    monkeypatch.undo()
    return walked[0]


def test_the_parts_walked_to_make_a_deck_do_not_grow_with_it(jobs, monkeypatch):
    """python-pptx names each chart part and its workbook by walking every part of the package
    (so far: every slide made before it); the deck counts those names instead (`ChartPartNames`),
    and walks the package only at its first picture, notes slide and chart."""
    short, long = (parts_walked(job, monkeypatch) for job in jobs)
    assert long <= short, f"{short} parts walked for 21 slides, {long} for 84"


def test_charts_are_named_as_python_pptx_names_them(jobs, monkeypatch):
    counted = next(iter(pptx_deck.render_pptx(jobs[1]).files.values()))
    monkeypatch.setattr(pptx_deck, "count_chart_names", lambda prs: None)
    own = next(iter(pptx_deck.render_pptx(jobs[1]).files.values()))
    assert counted == own
