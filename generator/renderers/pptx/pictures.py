"""Pictures added to a deck's slides as python-pptx's `add_picture` adds them, without its search
of the whole package for each one.

python-pptx looks for an image part with the same SHA-1 among every image part of the package,
and numbers a new one after every `/ppt/media/image*` part, walking all the package's
relationships both times. Here the package's image parts and media numbers are read once, the
deck's new ones noted as they are made, so each picture is the part, relationship and `p:pic`
python-pptx would have written.
"""

from __future__ import annotations

from generator.renderers.pptx.oxml.adapter import add_picture_element, image_parts, recalculate_extents, shape_proxy

_MEDIA = "/ppt/media/image"


class Pictures:
    def __init__(self, package) -> None:
        self.package = package
        self._by_sha1: dict[str, object] | None = None
        self._numbers: list[int] = []       # the media parts' numbers, repeats kept, as python-pptx counts them

    def _read(self) -> None:
        self._by_sha1 = {}
        for part in image_parts(self.package):          # python-pptx's order: the first with a hash wins
            if hasattr(part, "sha1"):
                self._by_sha1.setdefault(part.sha1, part)
        self._numbers = [part.partname.idx for part in self.package.iter_parts()
                         if part.partname.startswith(_MEDIA) and part.partname.idx is not None]

    def note(self, partname) -> None:
        """A media part made elsewhere (an SVG beside its PNG), so new images are numbered after it."""
        if self._by_sha1 is not None and partname.startswith(_MEDIA) and partname.idx is not None:
            self._numbers.append(partname.idx)

    def _next_partname(self, ext: str):
        """python-pptx's `next_image_partname`: the first gap in the sorted numbers, else one more."""
        from pptx.opc.packuri import PackURI

        numbers = sorted(self._numbers)
        idx = next((i + 1 for i, number in enumerate(numbers) if i + 1 < number), len(numbers) + 1)
        return PackURI("%s%d.%s" % (_MEDIA, idx, ext))

    def image_part(self, image_file):
        """The package's image part holding this image, made when there is none."""
        from pptx.parts.image import Image, ImagePart

        if self._by_sha1 is None:
            self._read()
        image = Image.from_file(image_file)
        part = self._by_sha1.get(image.sha1)
        if part is None:
            partname = self._next_partname(image.ext)
            part = ImagePart(partname, image.content_type, self.package, image.blob, image.filename)
            self._by_sha1[image.sha1] = part
            self._numbers.append(partname.idx)
        return part

    def add(self, shapes, image_file, left: int, top: int, width: int | None = None, height: int | None = None):
        """A picture in `shapes` (a slide's or a group's), as `shapes.add_picture` adds it."""
        from pptx.opc.constants import RELATIONSHIP_TYPE as RT

        part = self.image_part(image_file)
        rel_id = shapes.part.relate_to(part, RT.IMAGE)
        pic = add_picture_element(shapes, part, rel_id, left, top, width, height)
        recalculate_extents(shapes)
        return shape_proxy(shapes, pic)


def add_picture(pictures: Pictures | None, shapes, image_file, x: int, y: int, w: int, h: int):
    """A picture added by the deck's `pictures` (python-pptx's own `add_picture` without one)."""
    if pictures is None:
        return shapes.add_picture(image_file, x, y, w, h)
    return pictures.add(shapes, image_file, x, y, w, h)
