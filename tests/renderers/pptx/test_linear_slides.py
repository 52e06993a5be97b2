"""Adding a slide to a PPTX deck costs the same at its 10,000th slide as at its first.

python-pptx finds a new slide's relationship id and slide id by reading the whole deck:
`relate_to` maps every relationship of the presentation by type (`_rels_by_reltype`), `add_sldId`
runs an XPath over every slide id. Once per slide, that made a deck's assembly quadratic in its
slides (10,005 slides: 656 s of PPTX). These tests count what python-pptx's scanning functions
read (relationships mapped, XPath results, slide parts renamed, candidate rIds tried), not time:
a deck twice as long may cost at most 2.2 times as much.
"""

from __future__ import annotations

import copy
import io
import zipfile

import pytest
from pptx import Presentation
from pptx.opc.package import _Relationships
from pptx.oxml.xmlchemy import BaseOxmlElement
from pptx.parts.presentation import PresentationPart

from generator.content.talk import load_talk
from generator.build.jobs import RenderJob
from generator.i18n.localize import localize
from generator.renderers.pptx.deck import render_pptx
from generator.renderers.pptx.slides import ROLE_OF_KIND, NewSlides
from generator.renderers.pptx.template import Layouts, open_template
from generator.theme import load_theme
from tests.conftest import SAMPLE_TALK

GROWTH = 2.2
ROLES = sorted(set(ROLE_OF_KIND.values()))


class Scans:
    """What python-pptx's scanning functions read, counted as they run."""

    def __init__(self, monkeypatch):
        self.read = 0
        self.calls = 0
        scans = self
        by_type = _Relationships._rels_by_reltype.fget
        next_rid = _Relationships._next_rId.fget
        xpath = BaseOxmlElement.xpath
        rename = PresentationPart.rename_slide_parts

        def counted_by_type(rels):
            scans.calls += 1
            scans.read += len(rels)
            return by_type(rels)

        def counted_next_rid(rels):
            found = next_rid(rels)
            scans.calls += 1
            scans.read += len(rels) + 2 - int(found[3:])      # candidates tried, from len + 1 down
            return found

        def counted_xpath(element, path):
            found = xpath(element, path)
            scans.calls += 1
            scans.read += len(found) if isinstance(found, list) else 1
            return found

        def counted_rename(part, rel_ids):
            rel_ids = list(rel_ids)
            scans.calls += 1
            scans.read += len(rel_ids)
            return rename(part, rel_ids)

        monkeypatch.setattr(_Relationships, "_rels_by_reltype", property(counted_by_type))
        monkeypatch.setattr(_Relationships, "_next_rId", property(counted_next_rid))
        monkeypatch.setattr(BaseOxmlElement, "xpath", counted_xpath)
        monkeypatch.setattr(PresentationPart, "rename_slide_parts", counted_rename)

    def cost(self, work) -> int:
        before = self.read
        work()
        return self.read - before


@pytest.fixture
def scans(monkeypatch):
    return Scans(monkeypatch)


@pytest.fixture(scope="module")
def theme():
    return load_theme("default")


def fresh_deck(theme):
    prs = open_template(theme.file("template.pptx"))
    return prs, Layouts(prs, "template.pptx")


def add_slides(prs, layouts, count: int, new_slides=None):
    new_slides = new_slides or NewSlides(prs)
    for index in range(count):
        new_slides.add(layouts.for_role(ROLES[index % len(ROLES)]))
    return new_slides


def test_the_counters_see_python_pptx_scan_the_deck(theme, scans):
    """python-pptx's own `add_slide` reads the whole deck (so the tests below can fail)."""
    prs, layouts = fresh_deck(theme)
    add_slides(prs, layouts, 100)
    layout = layouts.for_role("content")
    assert scans.cost(lambda: prs.slides.add_slide(layout)) >= 2 * 100


@pytest.mark.parametrize("count", [200])
def test_adding_slides_reads_no_more_per_slide_as_the_deck_grows(theme, scans, count):
    short_prs, short_layouts = fresh_deck(theme)
    long_prs, long_layouts = fresh_deck(theme)
    short = scans.cost(lambda: add_slides(short_prs, short_layouts, count))
    long = scans.cost(lambda: add_slides(long_prs, long_layouts, 2 * count))
    assert long <= GROWTH * max(short, 1), f"{short} items read for {count} slides, {long} for {2 * count}"
    # and the later slides of a big deck read nothing of the deck at all
    more = NewSlides(long_prs)
    add_slides(long_prs, long_layouts, len(ROLES), more)       # each layout's first: python-pptx's own
    assert scans.cost(lambda: add_slides(long_prs, long_layouts, count, more)) <= 3 * count


def test_counted_ids_and_names_are_those_python_pptx_gives(theme):
    """Slide ids from 256 up, part names slide1.xml up in the list's order, one relationship
    each, the same as python-pptx's `add_slide` gives a deck of the same slides."""
    ours, layouts = fresh_deck(theme)
    add_slides(ours, layouts, 3 * len(ROLES))
    theirs, their_layouts = fresh_deck(theme)
    for index in range(3 * len(ROLES)):
        theirs.slides.add_slide(their_layouts.for_role(ROLES[index % len(ROLES)]))

    def listing(prs):
        rels = prs.part.rels
        return [(slide_id.id, slide_id.rId, str(rels[slide_id.rId].target_part.partname))
                for slide_id in prs.element.sldIdLst]

    assert listing(ours) == listing(theirs)
    assert [slide_id for slide_id, _, _ in listing(ours)] == list(range(256, 256 + 3 * len(ROLES)))
    saved = io.BytesIO()
    ours.save(saved)
    reread = Presentation(io.BytesIO(saved.getvalue()))
    assert len(reread.slides) == 3 * len(ROLES)
    names = zipfile.ZipFile(io.BytesIO(saved.getvalue())).namelist()
    assert all(f"ppt/slides/slide{n}.xml" in names for n in range(1, 3 * len(ROLES) + 1))


def test_a_deck_twice_as_long_is_assembled_with_at_most_twice_the_scans(theme, scans, tmp_path):
    """The whole PPTX renderer (slides, notes, pictures, footers) on the sample's slides repeated."""
    import yaml

    data = yaml.safe_load((SAMPLE_TALK / "talk.yaml").read_text(encoding="utf-8"))
    data.pop("translations", None)
    source = data["slides"]

    def job(count: int) -> RenderJob:
        slides = []
        for index in range(count):
            slide = copy.deepcopy(source[index % len(source)])     # no shared values: no YAML aliases
            if index >= len(source):
                slide["id"] = f"{slide['id']}-{index // len(source) + 1}"
            slides.append(slide)
        folder = tmp_path / str(count) / data["id"]
        folder.mkdir(parents=True)
        (folder / "talk.yaml").write_text(yaml.safe_dump({**data, "slides": slides}, allow_unicode=True,
                                                         sort_keys=False), encoding="utf-8")
        for path in SAMPLE_TALK.iterdir():          # pictures the slides show
            if path.is_file() and path.name != "talk.yaml":
                (folder / path.name).write_bytes(path.read_bytes())
        loaded = load_talk(folder)
        return RenderJob(loaded, localize(loaded, "fr"), load_theme(loaded.talk.theme, loaded.directory.resolve()), "fr")

    count = 2 * len(source)
    jobs = job(count), job(2 * count)
    short = scans.cost(lambda: render_pptx(jobs[0]))
    long = scans.cost(lambda: render_pptx(jobs[1]))
    assert short > 0
    assert long <= GROWTH * short, f"{short} items read for {count} slides, {long} for {2 * count}"
