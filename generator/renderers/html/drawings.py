"""The pictures of the deck, ready to inline: stack and graph SVG drawn from the plan, images as `data:` URLs."""

from __future__ import annotations

import base64
import mimetypes
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup

from generator.errors import RenderError
from generator.plan.deck import SlidePlan
from generator.renderers.html.svg_inline import inline_svg
from generator.theme import Theme

IMAGE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
               ".webp": "image/webp", ".svg": "image/svg+xml", ".avif": "image/avif"}


def slide_drawing(slide: SlidePlan, theme: Theme, lang: str, talk_dir: Path):
    """The inline SVG (Markup) or image `data:` URL (str) of a slide, or None when it has no picture."""
    prefix = f"s{slide.number}-"
    if slide.diagram is not None:
        from generator.renderers.diagrams.stack_svg import emit_stack_svg

        svg = emit_stack_svg(slide.diagram, theme)
        return Markup(inline_svg(svg, prefix, "diagram stack-diagram"))
    if slide.graph is not None:
        from generator.renderers.diagrams.graph_svg import emit_graph_svg

        svg = emit_graph_svg(slide.graph, theme)
        return Markup(inline_svg(svg, prefix, "diagram graph-diagram"))
    if slide.chart is not None:
        from generator.renderers.diagrams.chart_svg import emit_chart_svg

        # the slide's table of the values is the chart's text alternative: the drawing is hidden from readers
        svg = emit_chart_svg(slide.chart, theme).replace(' role="img"', ' aria-hidden="true"', 1)
        return Markup(inline_svg(svg, prefix, "diagram chart"))
    if slide.picture is not None:
        return image_data_url(talk_dir, slide.picture.src)
    return None


def image_data_url(talk_dir: Path, src: str) -> str:
    """A picture of the talk's folder as a `data:` URL; it must stay inside the folder."""
    base = talk_dir.resolve()
    path = (base / src).resolve()
    if base not in path.parents or not path.is_file():
        raise RenderError(f"image '{src}' not found in {talk_dir}")
    return _data_url(str(path), path.stat().st_mtime_ns)


@lru_cache(maxsize=64)
def _data_url(path: str, mtime_ns: int) -> str:
    kind = IMAGE_TYPES.get(Path(path).suffix.lower()) or mimetypes.guess_type(path)[0] or "application/octet-stream"
    if kind == "image/svg+xml":
        from generator.content.svg import safe_svg

        data = safe_svg(path)           # no script, event attribute or outside reference
    else:
        data = Path(path).read_bytes()
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"
