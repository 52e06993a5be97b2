"""SVG pictures of a talk: checked cheaply before any build, and made safe before any output
takes them.

The check (`svg_problem`) refuses what would make a renderer fail or run away: a file that is
not SVG, a DOCTYPE or entities, no size or an empty one, a size whose pixels no slide needs, a
`<use>` that refers to itself (directly or through others), and `<use>` references nested so
deep or so many that they draw more than `MAX_REFERENCED` elements (a "billion laughs" of
SVG). It counts: every referenced element is weighed once, so a hostile file costs no more
than its own size to check. Then it draws the sanitized picture once, at most 64 pixels wide,
so what cairosvg cannot draw (a pattern or clip path within itself) is the picture's error.

What goes into the outputs (`safe_svg`) is the picture written again from its parsed tree,
with what could act or reach outside removed:

- `<script>`, `<foreignObject>` (HTML inside SVG) and `<handler>` elements;
- every event attribute (`onload`, `onclick`, any `on…`), and the animations (`<set>`,
  `<animate>`) that would change an `href` or an event attribute;
- every `href` or `xlink:href` but references inside the picture (`#id`) and, on `<image>`
  and `<feImage>`, pictures embedded as PNG, JPEG, GIF or WebP `data:` URLs: an `http:`,
  `file:` or relative address, `javascript:` and an embedded SVG (which could hold all of the
  above again) are dropped;
- in `<style>` and `style=""`, and in presentation attributes (`fill="url(…)"`), every
  `url(…)` that is not `#id` or such a `data:` picture, and every `@import`;
- processing instructions (`<?xml-stylesheet …?>`).

The drawing itself (shapes, paths, gradients, text, fonts by name) is kept as it was.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path
from typing import Optional

MAX_SVG_BYTES = 20 * 1024 * 1024
MAX_REFERENCED = 50_000      # elements drawn through <use>; cairosvg itself stops at 100,000
MAX_USE_DEPTH = 32           # <use> of a <use> of a <use>…
MAX_SIDE = 8192              # pixels (CSS px) a side, at the picture's own size
MAX_AREA = 10_000_000        # pixels at its own size: the PNG drawn at twice the size stays under 40 million

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
_HREFS = ("href", f"{{{XLINK_NS}}}href")
_DROPPED = {"script", "foreignObject", "handler"}
_ANIMATIONS = {"set", "animate", "animateColor", "animateMotion", "animateTransform"}
_IMAGES = {"image", "feImage"}
_RASTER_DATA = re.compile(r"^\s*data:image/(png|jpeg|jpg|gif|webp)\s*[;,]", re.I)
_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)""", re.I | re.S)
_IMPORT = re.compile(r"@import[^;]*;?", re.I)
_LENGTH = re.compile(r"^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*(px|pt|pc|mm|cm|in|em|ex|%)?\s*$")
_UNITS = {None: 1.0, "px": 1.0, "pt": 96 / 72, "pc": 16.0, "mm": 96 / 25.4, "cm": 96 / 2.54, "in": 96.0,
          "em": 16.0, "ex": 8.0}


class _Refused(Exception):
    """What the check found, as (message, hint)."""


def _parser():
    from lxml import etree

    # No DTD, no entities, no network; lxml's own limits on depth and text sizes (huge_tree off).
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                           remove_blank_text=False)


def _parse(data: bytes):
    from lxml import etree

    return etree.fromstring(data, _parser())


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def svg_problem(path: Path) -> Optional[tuple[str, str]]:
    """(message, hint) when the SVG picture at `path` cannot be shown safely, else None."""
    from lxml import etree

    name = path.name
    if path.stat().st_size > MAX_SVG_BYTES:
        return (f"picture '{name}' is larger than {MAX_SVG_BYTES // (1024 * 1024)} MB of SVG",
                "simplify it, or export it as PNG")
    data = path.read_bytes()
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data[:4096]:
        return (f"picture '{name}' declares a DOCTYPE or entities, which are not read",
                "remove the <!DOCTYPE …> line (SVG does not need it)")
    try:
        root = _parse(data)
    except (etree.XMLSyntaxError, ValueError) as exc:
        return f"picture '{name}' is not well-formed SVG: {exc}", "open it in an SVG editor and save it again"
    if root.getroottree().docinfo.doctype:
        return (f"picture '{name}' declares a DOCTYPE or entities, which are not read",
                "remove the <!DOCTYPE …> line (SVG does not need it)")
    if root.tag not in ("svg", f"{{{SVG_NS}}}svg"):
        return f"picture '{name}' is XML but not SVG (its root is <{root.tag}>)", "export it as SVG"
    try:
        _check_size(root, name)
        _check_references(root, name)
        _check_embedded(root, name)
        _check_drawing(data, root, name)
    except _Refused as refused:
        return refused.args[0]
    return None


def _length(value: str | None) -> float | None:
    """A length in CSS px; None when absent or a percentage (the room decides)."""
    found = _LENGTH.match(value or "")
    if not found or found.group(2) == "%":
        return None
    return float(found.group(1)) * _UNITS[found.group(2)]


def natural_size(root) -> tuple[float | None, float | None]:
    """The picture's own width and height in px: its root's `width` and `height`, else its viewBox's."""
    width, height = _length(root.get("width")), _length(root.get("height"))
    box = [part for part in re.split(r"[\s,]+", (root.get("viewBox") or "").strip()) if part]
    if len(box) == 4:
        try:
            box_w, box_h = float(box[2]), float(box[3])
        except ValueError:
            box_w = box_h = None
        width = box_w if width is None else width
        height = box_h if height is None else height
    return width, height


def _check_size(root, name: str) -> None:
    width, height = natural_size(root)
    if width is None or height is None:
        raise _Refused((f"picture '{name}' has no size: its <svg> has no width and height and no viewBox",
                        'give its <svg> a viewBox (such as viewBox="0 0 800 600") or a width and a height'))
    if not (width > 0 and height > 0):
        raise _Refused((f"picture '{name}' is {width:g} × {height:g} pixels: there is nothing to draw",
                        "give its <svg> a width and a height above zero (or a viewBox that has them)"))
    if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_AREA:
        raise _Refused((f"picture '{name}' is {width:,.0f} × {height:,.0f} pixels, more than a slide can use "
                        f"(at most {MAX_SIDE} a side and {MAX_AREA // 1_000_000} million in all)",
                        "set its <svg>'s width and height to the size it is shown at, such as 1920 × 1080"))


def _check_embedded(root, name: str) -> None:
    """Pictures embedded as `data:` URLs (what `safe_svg` keeps of `<image>`) are read as the
    talk's own pictures are: a format Pillow reads, within the pixel limit, not cut short."""
    import base64
    import binascii
    import io
    import urllib.parse
    import warnings

    from PIL import Image

    from generator.content.pictures import MAX_PIXELS

    for element in root.iter():
        href = _href(element) if _local(element.tag) in _IMAGES else None
        if not href or not _RASTER_DATA.match(href):
            continue
        head, _, payload = href.partition(",")
        try:
            data = (base64.b64decode("".join(payload.split()), validate=True) if head.lower().endswith(";base64")
                    else urllib.parse.unquote_to_bytes(payload))
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                with Image.open(io.BytesIO(data)) as image:
                    width, height = image.size
                    if width * height > MAX_PIXELS:
                        raise _Refused((f"picture '{name}' embeds a picture of {width} × {height} pixels, more "
                                        f"than a slide can use (at most {MAX_PIXELS // 1_000_000} million)",
                                        "scale the embedded picture down to about 3840 pixels wide"))
                    image.load()
        except _Refused:
            raise
        except (binascii.Error, ValueError, OSError, SyntaxError, Image.DecompressionBombError):
            raise _Refused((f"picture '{name}' embeds a picture that cannot be read (line {element.sourceline})",
                            "export the SVG again, or remove that <image>")) from None


def _check_drawing(data: bytes, root, name: str) -> None:
    """Draw the sanitized picture once, small, as the outputs will: what cairosvg cannot draw
    (a pattern or clip path that refers to itself, a marker cairo cannot scale) is the picture's
    error here, not an internal error of the build. Skipped where cairo is missing (the build
    says so)."""
    try:
        import cairosvg
    except OSError:
        return
    width, height = natural_size(root)
    factor = min(1.0, 64 / max(width, height))
    try:
        cairosvg.svg2png(bytestring=sanitized(data), output_width=max(1, round(width * factor)),
                         output_height=max(1, round(height * factor)), unsafe=False)
    except Exception as exc:  # noqa: BLE001 - whatever stops cairosvg stops the build: the picture's fault
        what = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        if isinstance(exc, RecursionError):
            what = "it refers to itself (a pattern, clip path, mask, marker or filter drawn within itself)"
        raise _Refused((f"picture '{name}' cannot be drawn: {what[:200]}",
                        "open it in an SVG editor and save it again, or export it as PNG")) from None


def _href(element) -> str | None:
    for attribute in _HREFS:
        value = element.get(attribute)
        if value is not None:
            return value.strip()
    return None


def _check_references(root, name: str) -> None:
    """Refuse a <use> that refers to itself, or that nests or multiplies past the limits. Each
    element referred to is weighed once (the elements it draws, its own <use>s' included), and
    the weighing stops as soon as the sum passes the limit, so it costs at most a few times the
    limit whatever the file."""
    ids = {}
    for element in root.iter():
        ident = element.get("id")
        if ident is not None and ident not in ids:
            ids[ident] = element
    weights: dict[int, int] = {}
    active: set[int] = set()
    too_many = _Refused((f"picture '{name}' draws more than {MAX_REFERENCED:,} elements through <use> "
                         "references", "simplify it in an SVG editor (ungroup and unlink the clones), "
                         "or export it as PNG"))

    def referred(element):
        href = _href(element) or ""
        return ids.get(href[1:]) if href.startswith("#") else None

    def drawn(target, depth: int) -> int:
        key = id(target)
        if key in weights:
            return weights[key]
        if key in active:
            raise _Refused((f"picture '{name}' has a <use> that refers to itself (through "
                            f"'#{target.get('id')}'), which would be drawn without end",
                            "remove that <use>, or point it at another element"))
        if depth > MAX_USE_DEPTH:
            raise _Refused((f"picture '{name}' nests <use> references more than {MAX_USE_DEPTH} deep",
                            "simplify it in an SVG editor (ungroup and unlink the clones), or export it as PNG"))
        active.add(key)
        total = 0
        for element in target.iter():
            total += 1
            if _local(element.tag) == "use" and referred(element) is not None:
                total += drawn(referred(element), depth + 1)
            if total > MAX_REFERENCED:
                raise too_many
        active.discard(key)
        weights[key] = total
        return total

    through = 0
    for element in root.iter():
        if _local(element.tag) == "use" and referred(element) is not None:
            through += drawn(referred(element), 1)
            if through > MAX_REFERENCED:
                raise too_many


def _safe_url(value: str) -> bool:
    return value.startswith("#") or bool(_RASTER_DATA.match(value))


def _clean_css(text: str) -> str:
    text = _IMPORT.sub("", text)
    return _URL.sub(lambda m: m.group(0) if _safe_url(m.group(2).strip()) else "none", text)


def sanitized(data: bytes) -> bytes:
    """The SVG `data` written again without scripts, event attributes or references to outside it."""
    from lxml import etree

    root = _parse(data)        # written from the root alone: what stands before or after it is left out
    for node in list(root.iter(etree.ProcessingInstruction)):
        node.getparent().remove(node)
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        local = _local(element.tag)
        parent = element.getparent()
        if parent is not None and (local in _DROPPED or (
                local in _ANIMATIONS and _risky_attribute(element.get("attributeName") or ""))):
            parent.remove(element)
            continue
        for attribute in list(element.attrib):
            value = element.get(attribute)
            name = _local(attribute)
            if name.lower().startswith("on"):
                del element.attrib[attribute]
            elif attribute in _HREFS:
                value = value.strip()
                if not (value.startswith("#") or (local in _IMAGES and _RASTER_DATA.match(value))):
                    del element.attrib[attribute]
            elif name == "style" or "url(" in value.lower() or "@import" in value.lower():
                element.set(attribute, _clean_css(value))
        if local == "style" and element.text:
            element.text = _clean_css(element.text)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _risky_attribute(name: str) -> bool:
    name = _local(name.strip()).lower()
    return name == "href" or name.endswith(":href") or name.startswith("on")


def safe_svg(path: str | Path) -> bytes:
    """The sanitized bytes of the SVG picture at `path` (read again when the file changes)."""
    stat = os.stat(path)
    return _safe_svg(str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=16)
def _safe_svg(path: str, mtime_ns: int, size: int) -> bytes:
    return sanitized(Path(path).read_bytes())
