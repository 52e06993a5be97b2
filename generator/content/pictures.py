"""What `check` verifies of a picture before any build: a format every output can show, a file
that really is of that format."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

RASTER = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF", ".webp": "WEBP"}
FORMATS = (*RASTER, ".svg")
MAX_PIXELS = 40_000_000      # 8K is 33 million pixels: more is never needed on a slide


def picture_problem(path: Path) -> Optional[tuple[str, str]]:
    """(message, hint) when the picture cannot be shown, else None."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        return (f"picture '{path.name}' is in a format the outputs cannot all show",
                f"use one of {', '.join(s.lstrip('.') for s in FORMATS)}")
    if suffix == ".svg":
        return _svg_problem(path)
    import warnings

    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)   # our own cap comes first
            with Image.open(path) as image:
                found, (width, height) = image.format, image.size
                if width * height > MAX_PIXELS:
                    return (f"picture '{path.name}' is {width} × {height} pixels, more than a slide can use "
                            f"(at most {MAX_PIXELS // 1_000_000} million)", "scale it down to about 3840 pixels wide")
                image.verify()
        with Image.open(path) as image:
            image.load()                       # a truncated file fails here
    except Image.DecompressionBombError:
        return (f"picture '{path.name}' is far too large to decode safely", "scale it down to about 3840 pixels wide")
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return (f"picture '{path.name}' is not a {RASTER[suffix]} image (it cannot be read as one, or is cut short)",
                "export it again from the program that made it")
    if found != RASTER[suffix] and not (found == "MPO" and RASTER[suffix] == "JPEG"):
        return (f"picture '{path.name}' is a {found} image named .{suffix.lstrip('.')}",
                f"rename it to .{found.lower()} or convert it")
    return None


def _svg_problem(path: Path) -> Optional[tuple[str, str]]:
    from generator.content.svg import svg_problem

    return svg_problem(path)
