"""One PowerPoint slide per planned slide: placeholders filled at the plan's sizes, diagrams drawn.

Nothing is measured here: every size comes from the deck plan, computed for this template's
geometry. Text frames get no insets and an exact line pitch, so PowerPoint lays text out in
the box the plan measured it in.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from functools import cached_property
from typing import Callable

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Pt

from generator.i18n.tool_words import word
from generator.text.markdown import plain
from generator.model import talk as model
from generator.plan.boxes import Rect
from generator.plan.deck import SlidePlan, bullet_items, bullet_lines
from generator.plan.fit import sub_size
from generator.i18n.scripts import is_rtl
from generator.plan.geometry import BULLET_GAP, BULLET_INDENT, COLUMN_GAP, LINE_HEIGHT, Geometry
from generator.renderers.pptx.animation import add_build
from generator.renderers.pptx.oxml.adapter import add_relationship, append_slide_id, shape_proxy
from generator.renderers.pptx.oxml.ns import remove
from generator.renderers.pptx.oxml.shapes import (
    add_frame, backdrop, frame_of, own_frame, set_frame, shape_id, shape_text_body,
)
from generator.renderers.pptx.oxml.slide import (
    add_slide_id, append_copy, filled_footer, placeholder_elements, set_slide_number, shape_tree, slide_ids,
)
from generator.renderers.pptx.oxml.text import (
    add_paragraph, default_run_size, first_paragraph, fixed_body, format_paragraph, run, text_columns,
)
from generator.renderers.pptx.pictures import add_picture
from generator.renderers.pptx.shapes import EMU_PER_PT, draw_diagram, emu, set_alt_text
from generator.renderers.pptx.table import add_comparison_table
from generator.renderers.pptx.text import write_runs
from generator.theme import Theme

ROLE_OF_KIND = {
    "title": "title", "section": "section", "closing": "section", "statement": "title-only",
    "bullets": "content", "stack": "title-only", "stacks": "title-only", "comparison": "title-only",
    "graph": "title-only", "image": "title-only", "code": "title-only", "two-columns": "two-content",
    "chart": "title-only",
}
_TITLES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
_BODIES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.SUBTITLE)
_FOOTERS = (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)


@dataclass
class SlideContext:
    """What every slide emitter needs: the talk, theme, the geometry the plan was made for."""

    talk: model.Talk
    theme: Theme
    geometry: Geometry
    image_path: Callable[[str], str]
    own_template: bool = True     # the theme's template: text boxes are put where the plan says
    pictures: object = None       # the deck's Pictures (None: python-pptx's add_picture)
    line_height: float = LINE_HEIGHT   # the plan's line pitch of text blocks, in ems (taller in Arabic)

    @cached_property
    def palette(self) -> dict[str, str]:
        """The theme's colours, derived ones included (worked out once a deck)."""
        from generator.theme.contrast import colors

        return colors(self.theme)


def rect_of(shape) -> Rect:
    return Rect(shape.left / EMU_PER_PT, shape.top / EMU_PER_PT, shape.width / EMU_PER_PT, shape.height / EMU_PER_PT)


def placeholders(slide, kinds) -> list:
    """The slide's placeholders of `kinds`, in document order (python-pptx's `slide.placeholders`
    filtered by type)."""
    shapes = slide.shapes
    return [shape_proxy(shapes, element) for element, kind in _placeholder_elements(slide) if kind in kinds]


def _placeholder_elements(slide) -> list:
    """(element, PP_PLACEHOLDER type) of each placeholder shape of a slide (or layout), in document order."""
    return placeholder_elements(shape_tree(slide.element))


def _text_body(shape):
    """The shape's `p:txBody` (python-pptx adds the one it lacks)."""
    return shape_text_body(shape.element)


def _paragraph(body, index: int):
    """The body's first `a:p` (index 0, as a fixed body has it), else a new one at its end."""
    return first_paragraph(body) if index == 0 else add_paragraph(body)


def _format(p, *, line: float, before: float, align=None, level: int | None = None,
            margins: tuple[str, str] | None = None, no_bullet: bool = False) -> None:
    """A paragraph's properties as python-pptx's paragraph API sets them (alignment, level, the
    indents, no bullet, exact line pitch, space before)."""
    left, indent = margins if margins is not None else (None, None)
    format_paragraph(p, align=align, level=level, left=left, indent=indent, no_bullet=no_bullet, line=line,
                     before=before)


def _set_rect(shape, x: int, y: int, w: int, h: int) -> None:
    """A shape's position and size, set in its `a:xfrm` (through python-pptx when it has none)."""
    if not set_frame(shape.element, x, y, w, h):
        shape.left, shape.top, shape.width, shape.height = x, y, w, h


def _place(ctx: SlideContext, shape, rect: Rect | None) -> None:
    if rect is not None and ctx.own_template:
        _set_rect(shape, emu(rect.x), emu(rect.y), emu(rect.w), emu(rect.h))


def _rgb(color: str):
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(color.lstrip("#").upper())


def fill_text(ctx: SlideContext, shape, lines: list[str], size: float, *, rect: Rect | None = None,
              bold: bool | None = None, align=None, anchor=MSO_ANCHOR.TOP, gap: float = 0.0,
              color: str | None = None, breaks: list[tuple[str, ...]] | None = None) -> None:
    """Put paragraphs of text (light Markdown) in a shape at the plan's size and pitch, each
    broken where the plan broke it (`breaks`, its plain lines per paragraph)."""
    _place(ctx, shape, rect)
    body = _text_body(shape)
    fixed_body(body, anchor)
    part = shape.part
    for index, line in enumerate(lines):
        paragraph = _paragraph(body, index)
        _format(paragraph, align=align, line=size * ctx.line_height, before=gap * size if index else 0)
        write_runs(paragraph, part, line, size=size, bold=bold, color=color,
                   lines=breaks[index] if breaks and index < len(breaks) else ())


def fill_sized(ctx: SlideContext, shape, sized, *, rect: Rect | None = None, bold: bool | None = None,
               align=None, color: str | None = None) -> None:
    """Put a planned text (its size, line breaks and, unless `rect` says otherwise, its box) in a shape."""
    fill_text(ctx, shape, [sized.text], sized.size, rect=rect or sized.rect, bold=bold, align=align,
              color=color, breaks=[sized.lines])


def _own_color(ctx: SlideContext, name: str) -> str | None:
    """A theme colour for text the theme's own template puts on its colour field; None with a
    user's template, whose layouts set their own colours."""
    if not ctx.own_template:
        return None
    return ctx.palette[name]


def _remove_unused_placeholders(slide, keep: set[int]) -> None:
    """Drop the placeholders a slide did not fill (`keep` holds shape ids), so none says "Click to add"."""
    for element, _ in _placeholder_elements(slide):
        if shape_id(element) not in keep:
            remove(element)


def pin_placeholders(slide, layout=None) -> None:
    """Give each placeholder the position of the layout placeholder it was cloned from.

    Some templates (those saved by LibreOffice among them) give several placeholders the same
    index, so inheriting the position by index would put the body on top of the title.
    The frames are read and written directly (the `a:xfrm` python-pptx's position and size API
    writes) when every layout placeholder has its own; else through python-pptx, which looks up
    what the master gives the others.
    """
    layout = layout if layout is not None else slide.slide_layout
    cloned = [element for element, _ in _placeholder_elements(slide)]
    sources = [element for element, kind in _placeholder_elements(layout) if kind not in _LATENT]
    frames = [own_frame(source) for source in sources[:len(cloned)]]
    if all(frame is not None for frame in frames) and all(frame_of(e) is None for e in cloned):
        for element, (x, y, w, h) in zip(cloned, frames):
            add_frame(element, x, y, w, h)
        return
    cloned = list(slide.placeholders)
    sources = list(layout.iter_cloneable_placeholders())
    for shape, source in zip(cloned, sources):
        shape.left, shape.top, shape.width, shape.height = source.left, source.top, source.width, source.height


_LATENT = (PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)


class NewSlides:
    """Slides added to a deck from its layouts, placeholders cloned and pinned (`pin_placeholders`).

    python-pptx makes the first slide of each layout; every later slide of that layout is a copy
    of it as it was then, added as python-pptx's `add_slide` adds one (the part name, its
    relationship to the layout, the presentation's relationship and slide id): a new slide is
    the same for every slide of a layout, so the copies are the parts python-pptx would have
    written, without cloning and pinning each placeholder through its object API each time.

    The part name and slide id python-pptx would give are counted here (every slide of the deck
    is added through this), and the presentation's relationship to the slide is added without
    looking for one to reuse: python-pptx finds each by reading the whole slide list or every
    relationship of the presentation, which made a deck's assembly quadratic in its slides.

    Those copies are `DeckSlidePart`s: once a slide is finished, the deck keeps its bytes, not its
    XML tree (`package.write_out`)."""

    def __init__(self, prs) -> None:
        self.prs = prs
        self._fresh: dict[object, object] = {}     # a layout's part -> a copy of its fresh slide
        listed = [slide_id.id for slide_id, _ in slide_ids(prs.element)]
        self._count = len(listed)                   # slides in the deck
        self._next_id = max([_MIN_SLIDE_ID - 1, *listed]) + 1    # the id python-pptx would give the next

    def add(self, layout, element=None):
        """A new slide of `layout`; with `element`, the slide is that `p:sld` (a slide made before)."""
        from pptx.opc.constants import CONTENT_TYPE as CT
        from pptx.opc.constants import RELATIONSHIP_TYPE as RT
        from pptx.opc.packuri import PackURI

        from generator.renderers.pptx.package import DeckSlidePart

        self._count += 1
        fresh = self._fresh.get(layout.part)
        if fresh is None and element is None:
            slide = self.prs.slides.add_slide(layout)
            self._next_id = max(self._next_id, slide.slide_id + 1)
            pin_placeholders(slide, layout)
            self._fresh[layout.part] = copy.deepcopy(slide.element)
            return slide
        presentation = self.prs.part
        part = DeckSlidePart(PackURI(f"/ppt/slides/slide{self._count}.xml"), CT.PML_SLIDE, presentation.package,
                             element if element is not None else copy.deepcopy(fresh))
        part.relate_to(layout.part, RT.SLIDE_LAYOUT)
        rel_id = add_relationship(presentation, RT.SLIDE, part)
        if self._next_id <= _MAX_SLIDE_ID:
            append_slide_id(self.prs.element, self._next_id, rel_id)
            self._next_id += 1
        else:
            add_slide_id(self.prs.element, rel_id)      # python-pptx looks for a free id below
        return part.slide


_MIN_SLIDE_ID, _MAX_SLIDE_ID = 256, 2147483647      # python-pptx's range of slide ids (CT_SlideIdList)


def _text_shape(slide, kinds, rect: Rect):
    """The slide's first placeholder of `kinds`, else a new text box at `rect`; and whether it is a placeholder."""
    found = placeholders(slide, kinds)
    if found:
        return found[0], True
    return slide.shapes.add_textbox(emu(rect.x), emu(rect.y), emu(rect.w), emu(rect.h)), False


def _title(ctx: SlideContext, slide, planned: SlidePlan) -> set[int]:
    titles = placeholders(slide, _TITLES)
    if not titles or planned.heading_hidden or not planned.heading.text:
        return set()
    # the whole title box, lines from its top: where the plan's lines stand, with room to edit
    fill_sized(ctx, titles[0], planned.heading, rect=ctx.geometry.title, bold=True)
    return {titles[0].shape_id}


def _cover(ctx: SlideContext, slide, planned: SlidePlan) -> set[int]:
    """The title of a title, section or closing slide on the colour field of its layout, and the
    subtitle under it, each at the plan's box and line breaks."""
    keep = set()
    titles = placeholders(slide, _TITLES)
    if titles:
        fill_sized(ctx, titles[0], planned.heading, bold=True, color=_own_color(ctx, "cover-text"))
        keep.add(titles[0].shape_id)
    bodies = placeholders(slide, _BODIES)
    if bodies and planned.subtitle is not None:
        fill_sized(ctx, bodies[0], planned.subtitle, color=_own_color(ctx, "cover-muted"))
        keep.add(bodies[0].shape_id)
    return keep


def emit_title(ctx: SlideContext, slide, content: model.TitleSlide, planned: SlidePlan) -> None:
    keep = _cover(ctx, slide, planned)
    # the speaker, then the event and date, under the field
    for sized, bold, color in ((planned.byline, True, "text"), (planned.event, False, "muted")):
        if sized is None:
            continue
        box = slide.shapes.add_textbox(*(emu(v) for v in _xywh(sized.rect)))
        box.name = "Speaker" if bold else "Event"
        fill_sized(ctx, box, sized, bold=bold, color=_palette(ctx)[color])
    _remove_unused_placeholders(slide, keep)


def _palette(ctx: SlideContext) -> dict[str, str]:
    return ctx.palette


def emit_section(ctx: SlideContext, slide, content, planned: SlidePlan) -> None:
    if planned.kind == "section" and planned.field is not None and ctx.own_template:
        # the whole slide is the section's colour field, over the top one of its layout
        f = planned.field
        backdrop(shape_tree(slide.element), emu(f.x), emu(f.y), emu(f.w), emu(f.h), ctx.palette["cover"])
    keep = _cover(ctx, slide, planned)
    bodies = [b for b in placeholders(slide, _BODIES) if b.shape_id not in keep]
    text = planned.text if planned.subtitle is None else None
    lines = [text.text] if text is not None and text.text else []
    if (lines or planned.links) and (text is not None):
        size = text.size
        if bodies:
            shape = bodies[0]
            keep.add(shape.shape_id)
        else:
            shape = slide.shapes.add_textbox(*(emu(v) for v in _xywh(text.rect)))
        fill_text(ctx, shape, lines or [""], size, rect=text.rect, gap=0.5, color=_palette(ctx)["text"],
                  breaks=[text.lines])
        for link in planned.links:
            paragraph = shape.text_frame.add_paragraph()
            paragraph.line_spacing = Pt(size * ctx.line_height)
            paragraph.space_before = Pt(0.5 * size)
            run = paragraph.add_run()
            run.text = plain(link.label)
            run.font.size = Pt(size)
            # the theme's link colour, as in the HTML (clients otherwise draw their own pale blue)
            run.font.color.rgb = _rgb(ctx.theme.colors.get("accent", "#1D63ED"))
            run.font.underline = True
            if link.url:
                run.hyperlink.address = link.url
            if not link.shown:
                continue
            shown = paragraph.add_run()              # the address itself, never hidden behind the label
            shown.text = f"  {link.shown}"
            shown.font.size = Pt(size * 0.8)
            shown.font.color.rgb = _rgb(ctx.theme.colors.get("muted", "#4B5563"))
    if planned.qr is not None:
        _add_qr(slide, planned.qr, planned.qr_rect, ctx.talk.lang, ctx.pictures)
    _remove_unused_placeholders(slide, keep)


def _add_qr(slide, code, rect: Rect, lang: str, pictures=None) -> None:
    """The QR code as a crisp PNG (one square of pixels a module, quiet zone kept), named by its URL."""
    import io

    from PIL import Image

    from generator.plan.qr import QUIET

    scale = 8
    side = (code.size + 2 * QUIET) * scale
    image = Image.new("1", (side, side), 1)
    for y, row in enumerate(code.modules):
        for x, dark in enumerate(row):
            if dark:
                image.paste(0, ((x + QUIET) * scale, (y + QUIET) * scale, (x + QUIET + 1) * scale, (y + QUIET + 1) * scale))
    data = io.BytesIO()
    image.save(data, "PNG", optimize=True)
    data.seek(0)
    picture = add_picture(pictures, slide.shapes, data, emu(rect.x), emu(rect.y), emu(rect.w), emu(rect.h))
    picture.name = "QR code"
    set_alt_text(picture, word(lang, "alt/qr", url=code.url))


def emit_statement(ctx: SlideContext, slide, content: model.StatementSlide, planned: SlidePlan) -> None:
    keep = set()
    if content.title:
        keep = _title(ctx, slide, planned)
        text = planned.text
        shape = slide.shapes.add_textbox(*(emu(v) for v in _xywh(text.rect)))
    else:
        text = planned.heading
        shape, is_placeholder = _text_shape(slide, _TITLES, text.rect)
        if is_placeholder:
            keep.add(shape.shape_id)
    # the plan's lines, centred, in the box it centred them in (whatever the template)
    shape.left, shape.top, shape.width, shape.height = (emu(v) for v in _xywh(text.rect))
    fill_sized(ctx, shape, text, bold=True, align=PP_ALIGN.CENTER)
    _remove_unused_placeholders(slide, keep)


def _xywh(rect: Rect) -> tuple[float, float, float, float]:
    return rect.x, rect.y, rect.w, rect.h


def emit_bullets(ctx: SlideContext, slide, content: model.BulletsSlide, planned: SlidePlan) -> None:
    keep = _title(ctx, slide, planned)
    body, block = ctx.geometry.body, planned.content or ctx.geometry.body
    # the list from where the plan balanced it down to the content box's foot (room to edit)
    room = Rect(block.x, block.y, block.w, max(block.h, body.y + body.h - block.y))
    if planned.bullet_columns > 1:
        # as tall as the first column (the taller one) and less than a line more: the client
        # carries the list over to the second column at the plan's first bullet of it
        room = Rect(block.x, block.y, block.w, block.h + 0.25 * planned.bullet_size * ctx.line_height)
    shape, is_placeholder = _text_shape(slide, (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT), room)
    _place(ctx, shape, room)
    frame = _text_body(shape)
    fixed_body(frame)
    if planned.bullet_columns > 1:
        text_columns(frame, planned.bullet_columns, emu(COLUMN_GAP), rtl=is_rtl(ctx.talk.lang))
    part = shape.part
    firsts = []
    breaks = bullet_lines(planned.bullets)
    for index, (level, text) in enumerate(bullet_items(planned.bullets)):
        if level == 0:
            firsts.append(index)
        paragraph = _paragraph(frame, index)
        size = sub_size(planned.bullet_size) if level else planned.bullet_size
        gap = planned.bullet_gap if level == 0 and planned.bullet_gap else BULLET_GAP * size
        _format(paragraph, level=level, margins=_indents(level), line=size * ctx.line_height, before=gap if index else 0)
        write_runs(paragraph, part, text, size=size, lines=breaks[index])
    if is_placeholder:
        keep.add(shape.shape_id)
    _remove_unused_placeholders(slide, keep)
    if planned.steps > 1:
        ends = [*firsts[1:], len(bullet_items(planned.bullets))]
        add_build(slide, [[(shape.shape_id, first, end - 1)] for first, end in zip(firsts, ends)])


def _indents(level: int) -> tuple[str, str]:
    """A bullet's left margin and (negative) first-line indent at its level, in EMU."""
    return (str(emu(BULLET_INDENT[level])),
            str(-emu(BULLET_INDENT[0] if level == 0 else BULLET_INDENT[1] - BULLET_INDENT[0])))


def emit_two_columns(ctx: SlideContext, slide, content: model.TwoColumnsSlide, planned: SlidePlan) -> None:
    """Both bodies of the "Two Content" layout filled, left then right, at the plan's one size."""
    keep = _title(ctx, slide, planned)
    bodies = sorted(placeholders(slide, (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT)), key=lambda p: p.left)
    size = planned.bullet_size
    for index, column in enumerate(planned.columns):
        if index < len(bodies):
            shape = bodies[index]
            keep.add(shape.shape_id)
        else:
            rect = column.rect
            shape = slide.shapes.add_textbox(emu(rect.x), emu(rect.y), emu(rect.w), emu(rect.h))
        _place(ctx, shape, column.rect)
        frame = _text_body(shape)
        fixed_body(frame)
        part = shape.part
        paragraphs, breaks = [], []
        if column.heading:
            paragraphs.append((-1, column.heading))
            breaks.append(())
        paragraphs += bullet_items(column.bullets)
        breaks += bullet_lines(column.bullets)
        if column.text:
            paragraphs.append((-2, column.text))
            breaks.append(())
        for number, (level, text) in enumerate(paragraphs):
            paragraph = _paragraph(frame, number)
            own = sub_size(size) if level == 1 else size
            bullet = level >= 0
            _format(paragraph, level=level if bullet else None, margins=_indents(level) if bullet else ("0", "0"),
                    no_bullet=not bullet, line=own * ctx.line_height, before=BULLET_GAP * own if number else 0)
            write_runs(paragraph, part, text, size=own, bold=True if level == -1 else None, lines=breaks[number])
    _remove_unused_placeholders(slide, keep)


def emit_diagram(ctx: SlideContext, slide, content, planned: SlidePlan) -> None:
    keep = _title(ctx, slide, planned)
    _remove_unused_placeholders(slide, keep)
    area, diagram = planned.content or ctx.geometry.body, planned.diagram
    x0, y0 = area.x + (area.w - diagram.width) / 2, area.y + (area.h - diagram.height) / 2
    build = content.build == "bottom-up"
    groups = draw_diagram(slide, diagram, x0, y0, build=build, font=ctx.theme.body.family)
    if build:
        steps = [[g.shape_id for g in groups if g.step == step] for step in range(1, diagram.steps + 1)]
        add_build(slide, steps)


def _add_picture(ctx: SlideContext, slide, data_or_path, area: Rect, natural_w: float, natural_h: float,
                 alt: str, name: str):
    import io

    scale = min(area.w / natural_w, area.h / natural_h)
    w, h = natural_w * scale, natural_h * scale
    x, y = area.x + (area.w - w) / 2, area.y + (area.h - h) / 2
    source = io.BytesIO(data_or_path) if isinstance(data_or_path, bytes) else data_or_path
    picture = add_picture(ctx.pictures, slide.shapes, source, emu(x), emu(y), emu(w), emu(h))
    picture.name = name
    set_alt_text(picture, alt)
    return picture


def emit_graph(ctx: SlideContext, slide, content: model.GraphSlide, planned: SlidePlan) -> None:
    from generator.renderers.pptx.graph_shapes import draw_graph

    keep = _title(ctx, slide, planned)
    _remove_unused_placeholders(slide, keep)
    draw_graph(slide, planned.graph, ctx.theme, planned.content or ctx.geometry.body, ctx.theme.body.family,
               ctx.pictures)


def emit_comparison(ctx: SlideContext, slide, content: model.ComparisonSlide, planned: SlidePlan) -> None:
    keep = _title(ctx, slide, planned)
    _remove_unused_placeholders(slide, keep)
    comparison = ctx.talk.comparison(content.comparison)
    add_comparison_table(slide, planned.table, comparison, ctx.theme, planned.table.rect or ctx.geometry.body,
                         ctx.line_height)


def emit_chart(ctx: SlideContext, slide, content: model.ChartSlide, planned: SlidePlan) -> None:
    """A native chart of the plan's numbers, and its source line and axis title where the plan put them."""
    from generator.renderers.pptx.chart import add_chart

    keep = _title(ctx, slide, planned)
    _remove_unused_placeholders(slide, keep)
    area, chart = planned.content or ctx.geometry.body, planned.chart
    frame = add_chart(slide, chart, area, ctx.palette, ctx.theme.body.family, emu, ctx.own_template)
    if chart.steps > 1:           # one series, or one category, a click
        from generator.renderers.pptx.oxml.animation import ChartElement

        build = "series" if chart.build == "series" else "category"
        add_build(slide, [[ChartElement(frame.shape_id, **{build: index})] for index in range(chart.steps)])
    for text in chart.texts:
        if text.role in ("source", "axis"):
            rect = Rect(area.x, area.y + text.y, area.w, len(text.lines) * text.size * LINE_HEIGHT)
            box = slide.shapes.add_textbox(emu(rect.x), emu(rect.y), emu(rect.w), emu(rect.h))
            box.name = f"chart {chart.id} {text.role}"
            fill_text(ctx, box, [text.text], text.size, rect=rect, color=_own_color(ctx, "muted"),
                      align=PP_ALIGN.RIGHT if chart.rtl else PP_ALIGN.LEFT, breaks=[text.lines])


def emit_image(ctx: SlideContext, slide, content: model.ImageSlide, planned: SlidePlan) -> None:
    from PIL import Image

    keep = _title(ctx, slide, planned)
    _remove_unused_placeholders(slide, keep)
    area = planned.content or ctx.geometry.body
    path = ctx.image_path(content.src)
    svg = path.lower().endswith(".svg")
    if svg:
        from generator.renderers.pptx.svg_picture import attach_svg, svg_fallback_png

        source, width, height = svg_fallback_png(path)
    else:
        source = path
        with Image.open(path) as image:
            width, height = image.size
    if content.caption:
        area = Rect(area.x, area.y, area.w, area.h - 36)
        box = slide.shapes.add_textbox(emu(area.x), emu(area.y + area.h + 4), emu(area.w), emu(30))
        fill_text(ctx, box, [content.caption], float(ctx.theme.sizes.get("caption", 18)), align=PP_ALIGN.CENTER,
                  color=_palette(ctx)["muted"])
    picture = _add_picture(ctx, slide, source, area, width, height, content.alt, f"image {content.id}")
    if svg:
        from generator.content.svg import safe_svg

        attach_svg(picture, slide, safe_svg(path), ctx.pictures)


def emit_code(ctx: SlideContext, slide, content: model.CodeSlide, planned: SlidePlan) -> None:
    """The code as real text (one paragraph a line, one coloured run a token, in the theme's
    monospace face) on its background; each step's lines marked by a bar that appears at its click."""
    from pptx.dml.color import RGBColor
    from pptx.enum.shapes import MSO_SHAPE

    from generator.plan.geometry import CODE_PAD
    from generator.renderers.pptx.animation import Hide

    keep = _title(ctx, slide, planned)      # a part of an untitled one: "caption (1/3)", as in every format
    _remove_unused_placeholders(slide, keep)
    block, area, colors = planned.code, planned.content or ctx.geometry.body, ctx.theme.colors
    caption_h = planned.text.size * ctx.line_height + 8 if planned.text else 0.0
    height = min(area.h - caption_h, len(block.lines) * block.line_height + 2 * CODE_PAD)

    def rgb(name: str, default: str) -> RGBColor:
        return RGBColor.from_string(colors.get(name, default).lstrip("#").upper())

    back = slide.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, emu(area.x), emu(area.y), emu(area.w), emu(height))
    back.adjustments[0] = min(0.5, 6 / max(1.0, min(area.w, height)))
    back.fill.solid()
    back.fill.fore_color.rgb = rgb("code-background", "#F6F8FA")
    back.line.fill.background()
    back.shadow.inherit = False
    back.name = f"code {content.id}: background"
    bars = []
    for number, lines in enumerate(block.steps, start=1):
        shapes = []
        for first, last in _runs(sorted(lines)):
            top = area.y + CODE_PAD + (first - 1) * block.line_height
            bar = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, emu(area.x), emu(top), emu(area.w),
                                         emu((last - first + 1) * block.line_height))
            bar.fill.solid()
            bar.fill.fore_color.rgb = rgb("code-mark", "#FDE68A")
            bar.line.fill.background()
            bar.shadow.inherit = False
            bar.name = f"code {content.id}: step {number} lines {first}-{last}"
            shapes.append(bar.shape_id)
        bars.append(shapes)
    box = slide.shapes.add_textbox(emu(area.x), emu(area.y), emu(area.w), emu(height))
    box.name = f"code {content.id}"
    body = _text_body(box)
    fixed_body(body)
    frame = box.text_frame
    frame.word_wrap = False
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = emu(CODE_PAD)
    face = ctx.theme.code.family
    for index, line in enumerate(block.lines):
        paragraph = _paragraph(body, index)
        _code_line(paragraph, line, block, face, lambda kind: str(rgb(f"code-{kind}", "#1F2937")))
    set_alt_text(box, word(ctx.talk.lang, "alt/code", language=block.language, count=len(block.lines)))
    if planned.text:
        caption = slide.shapes.add_textbox(emu(area.x), emu(area.y + height + 8), emu(area.w),
                                           emu(planned.text.size * ctx.line_height))
        fill_text(ctx, caption, [planned.text.text], planned.text.size, align=PP_ALIGN.CENTER)
    if bars:
        steps = [bars[0]] + [bars[k] + [Hide(i) for i in bars[k - 1]] for k in range(1, len(bars))]
        add_build(slide, steps)


def _code_line(p, tokens, block, face: str, color) -> None:
    """One line of code: exact pitch, no space around, one run a token in its colour (bold
    keywords, italic comments) in the code face; an empty line keeps the size. The XML
    python-pptx's paragraph, run and font API wrote."""
    props = format_paragraph(p, line=block.line_height, before=0, after=0)
    for token in tokens or ():
        run(p, token.text, size=block.size, bold=True if token.kind == "keyword" else None,
            italic=token.kind == "comment", color=color(token.kind), typeface=face)
    if not tokens:
        default_run_size(props, block.size)


def _runs(numbers: list[int]) -> list[tuple[int, int]]:
    """Consecutive line numbers grouped: [1, 2, 4] -> [(1, 2), (4, 4)]."""
    runs: list[tuple[int, int]] = []
    for n in numbers:
        if runs and runs[-1][1] == n - 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs


EMITTERS = {
    "title": emit_title, "section": emit_section, "closing": emit_section, "statement": emit_statement,
    "bullets": emit_bullets, "stack": emit_diagram, "stacks": emit_diagram, "comparison": emit_comparison,
    "graph": emit_graph, "image": emit_image, "code": emit_code, "two-columns": emit_two_columns,
    "chart": emit_chart,
}


class Footers:
    """The layouts' footer and slide-number placeholders, copied onto each slide filled in, in the
    theme's muted colour (as the HTML footer). Each layout's are filled once (`footer_shapes`)
    and copied for every slide of that layout, only the number set."""

    def __init__(self, talk_title: str, font: str, muted: str | None = None) -> None:
        self.talk_title, self.font, self.muted = talk_title, font, muted
        self._filled: dict[object, list] = {}    # a layout's part -> its filled shapes

    def add(self, slide, layout, number: int) -> None:
        filled = self._filled.get(layout.part)
        if filled is None:
            filled = self._filled[layout.part] = footer_shapes(layout, self.talk_title, self.font, self.muted)
        tree = shape_tree(slide.element)
        for element, is_number in filled:
            element = append_copy(tree, element)
            if is_number:
                set_slide_number(element, number)


def footer_shapes(layout, talk_title: str, font: str, muted: str | None = None) -> list:
    """Copies of the layout's footer and slide-number placeholders, filled in (the number left to
    set, in the `a:t` of the slide-number field), each with whether it is the slide number."""
    color = muted.lstrip("#").upper() if muted else None
    filled = []
    for shape in layout.placeholders:
        kind = shape.placeholder_format.type
        if kind in _FOOTERS:
            number = kind == PP_PLACEHOLDER.SLIDE_NUMBER
            filled.append(filled_footer(shape.element, slide_number=number, text="" if number else talk_title,
                                        font=font, color=color))
    return filled
