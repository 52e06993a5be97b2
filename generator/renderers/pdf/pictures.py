"""Pictures as PDF images: a JPEG as it is, anything Pillow reads as its pixels (transparency as a soft mask);
turned as their EXIF orientation says where they are placed."""

from __future__ import annotations

import hashlib
import io
from typing import Optional

from generator.renderers.pdf.document import PdfDocument


def picture_resource(document: PdfDocument, data: bytes) -> Optional[str]:
    """The resource name of a raster picture given as file bytes (None if it cannot be read)."""
    key = hashlib.sha256(data).hexdigest()
    try:
        picture_size(data)
    except Exception:  # noqa: BLE001 - a picture Pillow cannot read is left out, as a browser would
        return None
    return document.image(key, lambda: _image(data))


def picture_size(data: bytes) -> tuple[int, int, int]:
    """The size a picture is shown at (its EXIF orientation applied, as browsers show it) and
    that orientation (1 to 8), by which its stored pixels are turned."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        try:
            orientation = int(image.getexif().get(0x0112, 1))
        except Exception:  # noqa: BLE001 - unreadable EXIF: the pixels as they are stored
            orientation = 1
        orientation = orientation if 1 <= orientation <= 8 else 1
        width, height = image.size
        return (height, width, orientation) if orientation >= 5 else (width, height, orientation)


def _image(data: bytes):
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        if image.format == "JPEG" and image.mode in ("RGB", "L"):
            space = "/DeviceRGB" if image.mode == "RGB" else "/DeviceGray"
            return {"Width": image.width, "Height": image.height, "ColorSpace": space, "BitsPerComponent": 8,
                    "Filter": "/DCTDecode"}, data, None
        image.load()
        has_alpha = image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)
        gray = image.mode in ("L", "LA", "1")
        converted = image.convert(("LA" if gray else "RGBA") if has_alpha else ("L" if gray else "RGB"))
        mask = None
        if has_alpha:
            alpha = converted.getchannel("A")
            converted = converted.convert("L" if gray else "RGB")
            mask = ({"Width": image.width, "Height": image.height, "ColorSpace": "/DeviceGray",
                     "BitsPerComponent": 8}, alpha.tobytes())
        space = "/DeviceGray" if gray else "/DeviceRGB"
        entries = {"Width": image.width, "Height": image.height, "ColorSpace": space, "BitsPerComponent": 8}
        return entries, converted.tobytes(), mask



# An SVG picture is drawn as pixels, twice as many as the points it covers (sharp on a screen
# of 1920 pixels across a 960-point page).
SVG_RESOLUTION = 2.0


def svg_picture(path: str) -> tuple[float, float, bool]:
    """An SVG picture's natural size in px, and whether it has a size of its own (a width or a
    height on its root element): one with only a viewBox grows to fill its room, as an <img>
    does in the HTML deck; one with a size is shown at it at most."""
    import cairosvg.parser

    from generator.content.svg import safe_svg
    from generator.renderers.pptx.svg_picture import svg_fallback_png

    _, width, height = svg_fallback_png(path)
    root = cairosvg.parser.Tree(bytestring=safe_svg(path), unsafe=False)
    sized = any(root.get(side) and not root.get(side).strip().endswith("%") for side in ("width", "height"))
    return width, height, sized


def svg_pixels(path: str, width: float, height: float) -> bytes:
    """The PNG of an SVG picture (sanitized: `content/svg.py`) drawn `width` by `height` points."""
    import cairosvg

    from generator.content.svg import safe_svg

    return cairosvg.svg2png(bytestring=safe_svg(path), output_width=max(1, round(width * SVG_RESOLUTION)),
                            output_height=max(1, round(height * SVG_RESOLUTION)), unsafe=False)
