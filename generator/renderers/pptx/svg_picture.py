"""An SVG picture in PowerPoint: the SVG itself (Office 2016 and later draw it, sharp at any
size) with a PNG rendering beside it for clients that cannot, as PowerPoint itself saves one."""

from __future__ import annotations

import io

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part

from generator.renderers.pptx.oxml.shapes import add_svg_blip

PNG_SCALE = 2.0


def svg_fallback_png(path: str) -> tuple[bytes, int, int]:
    """The PNG rendering of an SVG file (sanitized: `content/svg.py`), and the SVG's natural size in pixels."""
    from PIL import Image

    try:
        import cairosvg  # the SVG rasteriser, with libcairo2
    except OSError:
        from generator.errors import MissingToolError
        from generator.build.machine import install_hint

        raise MissingToolError("the cairo library (libcairo2)", install_hint("cairo")) from None
    from generator.content.svg import safe_svg

    data = cairosvg.svg2png(bytestring=safe_svg(path), scale=PNG_SCALE, unsafe=False)
    with Image.open(io.BytesIO(data)) as image:
        width, height = image.size
    return data, round(width / PNG_SCALE), round(height / PNG_SCALE)


def attach_svg(picture, slide, svg: bytes, pictures=None) -> None:
    """Add the SVG part to the slide and point the picture's blip at it, the PNG staying the fallback."""
    package = slide.part.package
    partname = package.next_partname("/ppt/media/image%d.svg")
    part = Part(partname, "image/svg+xml", package, svg)
    rel_id = slide.part.relate_to(part, RT.IMAGE)
    if pictures is not None:
        pictures.note(partname)
    add_svg_blip(picture.element, rel_id)
