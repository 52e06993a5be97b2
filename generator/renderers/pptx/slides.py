"""One PowerPoint slide per content slide: placeholders filled, diagrams drawn, sizes fitted."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Callable

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Pt

from generator.layout.measure import TextMeasure
from generator.model import talk as model
from generator.renderers.pptx.animation import add_build
from generator.renderers.pptx.fit import BULLET_INDENT, SPACE_BEFORE, Rect, TextFit, fit_paragraphs, fit_text
from generator.renderers.pptx.shapes import EMU_PER_PT, draw_diagram, emu, set_alt_text
from generator.renderers.pptx.table import add_comparison_table
from generator.markdown import plain
from generator.renderers.pptx.text import write_paragraph
from generator.theme import Theme

ROLE_OF_KIND = {
    "title": "title", "section": "section", "closing": "section", "statement": "title-only",
    "bullets": "content", "stack": "title-only", "stacks": "title-only", "comparison": "title-only",
    "graph": "title-only", "image": "title-only",
}
_TITLES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
_BODIES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.SUBTITLE)
_FOOTERS = (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)


@dataclass(frozen=True)
class Misfit:
    """A text that does not fit its frame at the theme's minimum size."""

    slide_id: str
    field: str
    text: str


@dataclass
class SlideContext:
    """What every slide emitter needs: theme, measure, slide size, the talk, collected misfits."""

    talk: model.Talk
    theme: Theme
    measure: TextMeasure
    slide_w: float
    slide_h: float
    diagram: Callable[[model.Slide, float, float], object]
    image_path: Callable[[str], str]
    byline: str = ""
    misfits: list[Misfit] = field(default_factory=list)

    def size(self, name: str, default: float) -> float:
        return float(self.theme.sizes.get(name, default))


def rect_of(shape) -> Rect:
    return Rect(shape.left / EMU_PER_PT, shape.top / EMU_PER_PT, shape.width / EMU_PER_PT, shape.height / EMU_PER_PT)


def placeholders(slide, kinds) -> list:
    return [p for p in slide.placeholders if p.placeholder_format.type in kinds]


def _prepare(frame, anchor=MSO_ANCHOR.TOP) -> None:
    frame.clear()
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = anchor
    body = frame._txBody.find(qn("a:bodyPr"))
    for child in list(body):
        if child.tag in (qn("a:normAutofit"), qn("a:spAutoFit"), qn("a:noAutofit")):
            body.remove(child)
    body.append(body.makeelement(qn("a:noAutofit"), {}))


def fill_text(ctx: SlideContext, shape, slide_id: str, field_name: str, lines: list[str], *, max_size: float,
              bold: bool | None = None, align=None, anchor=MSO_ANCHOR.TOP) -> TextFit:
    """Put lines of text in a shape at the largest size that fits it."""
    text = "\n".join(plain(line) for line in lines)
    fit = fit_text(ctx.measure, text, rect_of(shape), max_size, ctx.size("min", 12), bool(bold))
    if not fit.fits:
        ctx.misfits.append(Misfit(slide_id, field_name, text))
    frame = shape.text_frame
    _prepare(frame, anchor)
    for index, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        if align is not None:
            paragraph.alignment = align
        write_paragraph(paragraph, line, size=fit.size, bold=bold)
    return fit


def _remove_unused_placeholders(slide, keep: set[int]) -> None:
    """Drop the placeholders a slide did not fill (`keep` holds shape ids), so none says "Click to add"."""
    for shape in list(slide.placeholders):
        if shape.shape_id not in keep:
            shape._element.getparent().remove(shape._element)


def pin_placeholders(slide) -> None:
    """Give each placeholder the position of the layout placeholder it was cloned from.

    Some templates (those saved by LibreOffice among them) give several placeholders the same
    index, so inheriting the position by index would put the body on top of the title.
    """
    cloned = [p for p in slide.placeholders]
    sources = list(slide.slide_layout.iter_cloneable_placeholders())
    for shape, source in zip(cloned, sources):
        shape.left, shape.top, shape.width, shape.height = source.left, source.top, source.width, source.height


def _title(ctx: SlideContext, slide, content: model.Slide, text: str | None, size: str = "title") -> set[int]:
    titles = placeholders(slide, _TITLES)
    if not titles or not text:
        return set()
    fill_text(ctx, titles[0], content.id, "title", [text], max_size=ctx.size(size, 36), bold=True)
    return {titles[0].shape_id}


def _content_area(ctx: SlideContext, slide) -> Rect:
    """The free area under the title and above the footer, in points."""
    titles = placeholders(slide, _TITLES)
    top = (rect_of(titles[0]).y + rect_of(titles[0]).h + 8) if titles else 36.0
    margin = 48.0
    footer_top = min((rect_of(p).y for p in slide.slide_layout.placeholders
                      if p.placeholder_format.type in _FOOTERS), default=ctx.slide_h - 36)
    return Rect(margin, top, ctx.slide_w - 2 * margin, max(60.0, footer_top - top - 6))


def emit_title(ctx: SlideContext, slide, content: model.TitleSlide) -> None:
    talk = ctx.talk
    keep = set()
    titles = placeholders(slide, _TITLES)
    if titles:
        fill_text(ctx, titles[0], content.id, "title", [content.title or talk.title],
                  max_size=ctx.size("title-slide", 48), bold=True)
        keep.add(titles[0].shape_id)
    subtitles = placeholders(slide, _BODIES)
    if subtitles:
        lines = [line for line in (content.subtitle or talk.subtitle, ctx.byline) if line]
        if lines:
            fill_text(ctx, subtitles[0], content.id, "subtitle", lines, max_size=ctx.size("subtitle", 22))
            keep.add(subtitles[0].shape_id)
    _remove_unused_placeholders(slide, keep)


def emit_section(ctx: SlideContext, slide, content) -> None:
    keep = _title(ctx, slide, content, content.title or ctx.talk.title, "section")
    bodies = placeholders(slide, _BODIES)
    lines = []
    if isinstance(content, model.SectionSlide) and content.subtitle:
        lines.append(content.subtitle)
    if isinstance(content, model.ClosingSlide):
        if content.text:
            lines.append(content.text)
    if bodies and (lines or getattr(content, "links", ())):
        fill_text(ctx, bodies[0], content.id, "text", lines or [""], max_size=ctx.size("subtitle", 22))
        keep.add(bodies[0].shape_id)
        for link in getattr(content, "links", ()):
            paragraph = bodies[0].text_frame.add_paragraph()
            run = paragraph.add_run()
            run.text = link.label
            run.font.size = Pt(ctx.size("subtitle", 22) * 0.8)
            run.hyperlink.address = link.url
    _remove_unused_placeholders(slide, keep)


def emit_statement(ctx: SlideContext, slide, content: model.StatementSlide) -> None:
    titles = placeholders(slide, _TITLES)
    area = Rect(96.0, ctx.slide_h * 0.22, ctx.slide_w - 192.0, ctx.slide_h * 0.5)
    shape = titles[0] if titles else slide.shapes.add_textbox(emu(area.x), emu(area.y), emu(area.w), emu(area.h))
    shape.left, shape.top, shape.width, shape.height = emu(area.x), emu(area.y), emu(area.w), emu(area.h)
    fill_text(ctx, shape, content.id, "text", [content.text], max_size=ctx.size("statement", 40), bold=True,
              align=PP_ALIGN.CENTER, anchor=MSO_ANCHOR.MIDDLE)
    keep = {shape.shape_id} if titles else set()
    _remove_unused_placeholders(slide, keep)


def _bullet_paragraphs(content: model.BulletsSlide) -> list[tuple[int, str]]:
    out = []
    for bullet in content.bullets:
        if isinstance(bullet, str):
            out.append((0, bullet))
        else:
            out.append((0, bullet.text))
            out.extend((1, sub) for sub in bullet.bullets)
    return out


def emit_bullets(ctx: SlideContext, slide, content: model.BulletsSlide) -> None:
    keep = _title(ctx, slide, content, content.title)
    bodies = placeholders(slide, (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT))
    if bodies:
        shape = bodies[0]
    else:
        area = _content_area(ctx, slide)
        shape = slide.shapes.add_textbox(emu(area.x), emu(area.y), emu(area.w), emu(area.h))
    items = _bullet_paragraphs(content)
    fit = fit_paragraphs(ctx.measure, [(level, plain(text), False) for level, text in items], rect_of(shape),
                         ctx.size("body", 24), ctx.size("min", 12))
    if not fit.fits:
        ctx.misfits.append(Misfit(content.id, "bullets", " / ".join(t for _, t in items)))
    frame = shape.text_frame
    _prepare(frame)
    for index, (level, text) in enumerate(items):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.level = level
        size = fit.size * (0.85 if level else 1.0)
        props = paragraph._p.get_or_add_pPr()
        props.set("marL", str(emu(BULLET_INDENT[level])))
        props.set("indent", str(-emu(BULLET_INDENT[0] if level == 0 else 18.0)))
        paragraph.space_before = Pt(SPACE_BEFORE * size if index else 0)
        write_paragraph(paragraph, text, size=size)
    if bodies:
        keep.add(shape.shape_id)
    _remove_unused_placeholders(slide, keep)


def emit_diagram(ctx: SlideContext, slide, content) -> None:
    keep = _title(ctx, slide, content, content.title or _diagram_title(ctx.talk, content))
    _remove_unused_placeholders(slide, keep)
    area = _content_area(ctx, slide)
    diagram = ctx.diagram(content, area.w, area.h)
    for overflow in diagram.overflows:
        ctx.misfits.append(Misfit(content.id, f"diagram box {overflow.box_id}", overflow.text))
    groups = draw_diagram(slide, diagram, area.x, area.y, build=content.build == "bottom-up",
                          font=ctx.theme.body.family)
    if content.build == "bottom-up":
        steps = [[g.shape_id for g in groups if g.step == step] for step in range(1, diagram.steps + 1)]
        add_build(slide, steps)


def _diagram_title(talk: model.Talk, content) -> str:
    if isinstance(content, model.StackSlide):
        return talk.stack(content.stack).title
    if isinstance(content, model.StacksSlide):
        return " / ".join(talk.stack(s).title for s in content.stacks)
    if isinstance(content, model.GraphSlide):
        return talk.graph(content.graph).title
    if isinstance(content, model.ComparisonSlide):
        return talk.comparison(content.comparison).title
    return ""


def _add_picture(ctx: SlideContext, slide, data_or_path, area: Rect, natural_w: float, natural_h: float,
                 alt: str, name: str):
    import io

    scale = min(area.w / natural_w, area.h / natural_h)
    w, h = natural_w * scale, natural_h * scale
    x, y = area.x + (area.w - w) / 2, area.y + (area.h - h) / 2
    source = io.BytesIO(data_or_path) if isinstance(data_or_path, bytes) else data_or_path
    picture = slide.shapes.add_picture(source, emu(x), emu(y), emu(w), emu(h))
    picture.name = name
    set_alt_text(picture, alt)
    return picture


def emit_graph(ctx: SlideContext, slide, content: model.GraphSlide) -> None:
    from generator.renderers.diagrams.graph import layout_graph
    from generator.renderers.pptx.graph_shapes import draw_graph

    keep = _title(ctx, slide, content, content.title or _diagram_title(ctx.talk, content))
    _remove_unused_placeholders(slide, keep)
    area = _content_area(ctx, slide)
    graph = ctx.talk.graph(content.graph)
    diagram = layout_graph(graph, ctx.theme, ctx.talk.lang)
    _, scale = draw_graph(slide, diagram, ctx.theme, area, ctx.theme.body.family)
    smallest = min([n.label.size for n in diagram.nodes] + [e.label.label.size for e in diagram.edges if e.label])
    if smallest * scale < ctx.size("diagram-min", 10):
        ctx.misfits.append(Misfit(content.id, "graph", graph.title))


def emit_comparison(ctx: SlideContext, slide, content: model.ComparisonSlide) -> None:
    keep = _title(ctx, slide, content, content.title or _diagram_title(ctx.talk, content))
    _remove_unused_placeholders(slide, keep)
    area = _content_area(ctx, slide)
    comparison = ctx.talk.comparison(content.comparison)
    fit = add_comparison_table(slide, ctx.talk, comparison, ctx.theme, ctx.measure, area, ctx.size("min", 12))
    if not fit.fits:
        ctx.misfits.append(Misfit(content.id, "table", comparison.title))


def emit_image(ctx: SlideContext, slide, content: model.ImageSlide) -> None:
    from PIL import Image

    keep = _title(ctx, slide, content, content.title)
    _remove_unused_placeholders(slide, keep)
    area = _content_area(ctx, slide)
    path = ctx.image_path(content.src)
    with Image.open(path) as image:
        width, height = image.size
    if content.caption:
        area = Rect(area.x, area.y, area.w, area.h - 36)
        box = slide.shapes.add_textbox(emu(area.x), emu(area.y + area.h + 4), emu(area.w), emu(30))
        fill_text(ctx, box, content.id, "caption", [content.caption], max_size=16, align=PP_ALIGN.CENTER)
    _add_picture(ctx, slide, path, area, width, height, content.alt, f"image {content.id}")


EMITTERS = {
    "title": emit_title, "section": emit_section, "closing": emit_section, "statement": emit_statement,
    "bullets": emit_bullets, "stack": emit_diagram, "stacks": emit_diagram, "comparison": emit_comparison,
    "graph": emit_graph, "image": emit_image,
}


def add_footer(slide, talk_title: str, number: int, font: str) -> None:
    """Copy the layout's footer and slide-number placeholders onto the slide, filled in."""
    tree = slide.shapes._spTree
    for shape in slide.slide_layout.placeholders:
        kind = shape.placeholder_format.type
        if kind not in _FOOTERS:
            continue
        element = copy.deepcopy(shape._element)
        tree.append(element)
        body = element.find(qn("p:txBody"))
        if body is None:
            continue
        paragraphs = body.findall(qn("a:p"))
        for extra in paragraphs[1:]:
            body.remove(extra)
        paragraph = paragraphs[0] if paragraphs else body.makeelement(qn("a:p"), {})
        if not paragraphs:
            body.append(paragraph)
        field_el = paragraph.find(qn("a:fld")) if kind == PP_PLACEHOLDER.SLIDE_NUMBER else None
        for child in list(paragraph):
            if child.tag != qn("a:pPr") and child is not field_el:
                paragraph.remove(child)
        if field_el is None:
            field_el = paragraph.makeelement(qn("a:r"), {}) if kind == PP_PLACEHOLDER.FOOTER else \
                paragraph.makeelement(qn("a:fld"), {"id": "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}", "type": "slidenum"})
            paragraph.append(field_el)
        for old in list(field_el):
            field_el.remove(old)
        props = field_el.makeelement(qn("a:rPr"), {})
        props.append(props.makeelement(qn("a:latin"), {"typeface": font}))
        text = field_el.makeelement(qn("a:t"), {})
        text.text = talk_title if kind == PP_PLACEHOLDER.FOOTER else str(number)
        field_el.append(props)
        field_el.append(text)
