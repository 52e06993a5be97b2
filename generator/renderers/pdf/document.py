"""A PDF file written object by object: pages of drawn content, fonts, pictures, links, outline, metadata.

Pages share one resource dictionary (fonts, pictures, transparency states). Objects are numbered
in the order they are written and every stream is compressed the same way, so the same pages
give the same bytes; the file identifier is a digest of the content.
"""

from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Callable, Optional

from generator.renderers.pdf.fonts import UsedFont, face_identity, font_objects


def pdf_string(text: str) -> bytes:
    """A text string: ASCII as a literal, anything else as UTF-16 with its byte order mark."""
    if all(32 <= ord(c) < 127 for c in text):
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        return f"({escaped})".encode("ascii")
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def number(value: float) -> str:
    """A number as short as it can be written (two decimals at most)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def factor(value: float) -> str:
    """A scale factor of a matrix, to six decimals: rounded to two, a slide scaled by 0.2265 to
    fit a handout's cell was drawn at 0.22, 3 % short of its frame."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def pdf_date(when: datetime) -> str:
    return when.strftime("D:%Y%m%d%H%M%SZ")


@dataclass
class Link:
    rect: tuple[float, float, float, float]     # x, y, w, h from the page's top left, in points
    url: str


@dataclass
class Page:
    width: float
    height: float
    content: bytes
    links: list[Link] = field(default_factory=list)
    structure: object = None            # the page's `canvas.Element`, when tagged


class Resources:
    """Fonts (with the glyphs drawn), pictures and transparency states a drawing uses, under names
    that depend only on what they are: a slide drawn once can be placed in several documents."""

    def __init__(self):
        self.fonts: dict[str, UsedFont] = {}
        self.images: dict[str, tuple[str, Callable[[], tuple[bytes, bytes, Optional[tuple[bytes, bytes]]]]]] = {}
        self.alphas: dict[float, str] = {}
        self.font_names: dict[str, str] = {}    # face reference → the name the file gives it

    def font(self, ref: str) -> UsedFont:
        """The font of a face reference (registered at first use)."""
        found = self.fonts.get(ref)
        if found is None:
            name = "F" + hashlib.sha1(face_identity(ref).encode("utf-8")).hexdigest()[:8]
            found = self.fonts[ref] = UsedFont(ref, name, self.font_names.get(ref, ""))
        return found

    def image(self, key: str, build: Callable[[], tuple[bytes, bytes, Optional[tuple[bytes, bytes]]]]) -> str:
        """The resource name of a picture, `build` giving (its dictionary entries, its stream, and
        its soft mask's entries and stream or None) when the file is written; one object per key."""
        if key not in self.images:
            self.images[key] = ("Im" + key[:12], build)
        return self.images[key][0]

    def alpha(self, opacity: float) -> str:
        """The name of a graphics state painting at `opacity`."""
        opacity = round(opacity, 3)
        if opacity not in self.alphas:
            self.alphas[opacity] = f"GS{round(opacity * 1000)}"
        return self.alphas[opacity]

    def merge(self, other: "Resources") -> None:
        """Take in what another drawing used."""
        for ref, used in other.fonts.items():
            mine = self.font(ref)
            if not mine.family:
                mine.family = used.family
            for gid, text in used.texts.items():
                mine.use(gid, text)
        for key, value in other.images.items():
            self.images.setdefault(key, value)
        self.alphas.update(other.alphas)
        for ref, name in other.font_names.items():
            self.font_names.setdefault(ref, name)


class PdfDocument(Resources):
    """Pages, then `write()` for the bytes."""

    def __init__(self, *, title: str = "", author: str = "", subject: str = "", lang: str = "",
                 created: Optional[datetime] = None, compress: int = 6):
        super().__init__()
        self.title, self.author, self.subject, self.lang = title, author, subject, lang
        self.created = created
        self.compress = compress
        self.pages: list[Page] = []
        self.outline: list[tuple[str, int]] = []
        self.forms: dict[str, tuple[str, float, float, bytes]] = {}

    def form(self, key: str, width: float, height: float, content: bytes, used: Optional[Resources] = None,
             name: str = "") -> str:
        """The resource name (`name`, or one made from the key) of a drawing `width` × `height`
        points (its content drawn with `used`) that pages place with `Do`; one object per key."""
        if key not in self.forms:
            name = name or "Fm" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
            self.forms[key] = (name, width, height, content)
            if used is not None:
                self.merge(used)
        return self.forms[key][0]

    def add_page(self, width: float, height: float, content: bytes, links: list[Link] = (),
                 structure=None) -> int:
        """A page; with `structure` (the page canvas's root element) the document is tagged."""
        self.pages.append(Page(width, height, content, list(links), structure))
        return len(self.pages) - 1

    # --- writing --------------------------------------------------------------------------

    def write(self) -> bytes:
        objects: list[bytes] = []

        def reserve() -> int:
            objects.append(b"")
            return len(objects)

        def add(body: bytes, stream: Optional[bytes] = None, compressed: bool = False, number_: int = 0) -> int:
            if stream is not None:
                if not compressed and self.compress:
                    stream = zlib.compress(stream, self.compress)
                    body += b" /Filter /FlateDecode"
                body = body + b" /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
            if number_:
                objects[number_ - 1] = body
                return number_
            objects.append(body)
            return len(objects)

        catalog, pages_ref, resources = reserve(), reserve(), reserve()
        page_refs = [reserve() for _ in self.pages]
        fonts = {used.name: font_objects(used, lambda body, stream=None: add(body, stream)) for used in self.fonts.values()}
        images = {}
        for name, build in self.images.values():
            entries, data, mask = build()
            mask_ref = ""
            if mask is not None:
                mask_entries, mask_data = mask
                mask_ref = f" /SMask {add(b'<< /Type /XObject /Subtype /Image ' + mask_entries, mask_data)} 0 R"
            already = b"/DCTDecode" in entries
            images[name] = add(b"<< /Type /XObject /Subtype /Image " + entries + mask_ref.encode(), data,
                               compressed=already)
        def resource_dictionary(xobjects: dict[str, int]) -> bytes:
            parts = ["<< /ProcSet [/PDF /Text /ImageB /ImageC]"]
            if fonts:
                parts.append("/Font << " + " ".join(f"/{n} {r} 0 R" for n, r in fonts.items()) + " >>")
            if xobjects:
                parts.append("/XObject << " + " ".join(f"/{n} {r} 0 R" for n, r in xobjects.items()) + " >>")
            if self.alphas:
                parts.append("/ExtGState << " + " ".join(
                    f"/{n} << /Type /ExtGState /ca {number(a)} /CA {number(a)} >>" for a, n in self.alphas.items())
                    + " >>")
            return " ".join(parts).encode() + b" >>"

        # Forms (slides placed on handout pages) draw text and pictures, never another form.
        drawn = add(resource_dictionary(images)) if self.forms else resources
        forms = {name: add(f"<< /Type /XObject /Subtype /Form /BBox [0 0 {number(w)} {number(h)}] "
                           f"/Resources {drawn} 0 R".encode(), content)
                 for name, w, h, content in self.forms.values()}
        add(resource_dictionary({**images, **forms}), number_=resources)

        tagged = any(page.structure is not None for page in self.pages)
        tree_root = reserve() if tagged else 0
        document_element = reserve() if tagged else 0
        parents: list[tuple[int, list[int]]] = []      # per page: its index, the element of each MCID
        page_elements: list[int] = []

        def element(node, parent: int, page_ref: int, by_mcid: dict[int, int]) -> int:
            ref = reserve()
            kids = []
            for kid in node.kids:
                if isinstance(kid, int):
                    by_mcid[kid] = ref
                    kids.append(str(kid))
                else:
                    kids.append(f"{element(kid, ref, page_ref, by_mcid)} 0 R")
            body = f"<< /Type /StructElem /S /{node.role} /P {parent} 0 R /Pg {page_ref} 0 R /K [{' '.join(kids)}]"
            extra = b""
            if node.alt:
                extra += b" /Alt " + pdf_string(node.alt)
            if node.lang:
                extra += b" /Lang " + pdf_string(node.lang)
            add(body.encode() + extra + b" >>", number_=ref)
            return ref

        for index, (page, ref) in enumerate(zip(self.pages, page_refs)):
            if page.structure is None:
                continue
            by_mcid: dict[int, int] = {}
            page_elements.append(element(page.structure, document_element, ref, by_mcid))
            parents.append((index, [by_mcid[m] for m in sorted(by_mcid)]))

        for index, (page, ref) in enumerate(zip(self.pages, page_refs)):
            content = add(b"<<", page.content)
            annots = []
            for link in page.links:
                x, y, w, h = link.rect
                box = " ".join(number(v) for v in (x, page.height - y - h, x + w, page.height - y))
                annots.append(add(b"<< /Type /Annot /Subtype /Link /Rect [" + box.encode() + b"] /Border [0 0 0] "
                                  b"/A << /S /URI /URI " + pdf_string(link.url) + b" >> >>"))
            extra = f" /Annots [{' '.join(f'{a} 0 R' for a in annots)}]" if annots else ""
            if page.structure is not None:
                extra += f" /StructParents {index} /Tabs /S"
            add((f"<< /Type /Page /Parent {pages_ref} 0 R /MediaBox [0 0 {number(page.width)} {number(page.height)}] "
                 f"/Resources {resources} 0 R /Contents {content} 0 R{extra} >>").encode(), number_=ref)
        add((f"<< /Type /Pages /Kids [{' '.join(f'{r} 0 R' for r in page_refs)}] /Count {len(page_refs)} >>").encode(),
            number_=pages_ref)

        outline_entry = ""
        if self.outline:
            root = reserve()
            items = [reserve() for _ in self.outline]
            for index, ((title, page_index), ref) in enumerate(zip(self.outline, items)):
                links = [f"/Parent {root} 0 R"]
                if index:
                    links.append(f"/Prev {items[index - 1]} 0 R")
                if index + 1 < len(items):
                    links.append(f"/Next {items[index + 1]} 0 R")
                add(b"<< /Title " + pdf_string(title) + f" {' '.join(links)} /Dest [{page_refs[page_index]} 0 R /Fit] >>"
                    .encode(), number_=ref)
            add(f"<< /Type /Outlines /First {items[0]} 0 R /Last {items[-1]} 0 R /Count {len(items)} >>".encode(),
                number_=root)
            outline_entry = f" /Outlines {root} 0 R /PageMode /UseOutlines"
        marked = b""
        if tagged:
            add((f"<< /Type /StructElem /S /Document /P {tree_root} 0 R "
                 f"/K [{' '.join(f'{e} 0 R' for e in page_elements)}] >>").encode(), number_=document_element)
            nums = " ".join(f"{index} [{' '.join(f'{e} 0 R' for e in elements)}]" for index, elements in parents)
            add((f"<< /Type /StructTreeRoot /K [{document_element} 0 R] /ParentTree << /Nums [{nums}] >> "
                 f"/ParentTreeNextKey {len(self.pages)} >>").encode(), number_=tree_root)
            marked = f" /MarkInfo << /Marked true >> /StructTreeRoot {tree_root} 0 R".encode()
        lang = marked + (b" /Lang " + pdf_string(self.lang) if self.lang else b"")
        add(f"<< /Type /Catalog /Pages {pages_ref} 0 R{outline_entry} /ViewerPreferences << /DisplayDocTitle true >>"
            .encode() + lang + b" >>", number_=catalog)

        info = [b"/Producer (deckgen)", b"/Creator (deckgen)"]
        for key, value in (("Title", self.title), ("Author", self.author), ("Subject", self.subject)):
            if value:
                info.append(f"/{key} ".encode() + pdf_string(value))
        if self.created is not None:
            info.append(f"/CreationDate ({pdf_date(self.created)}) /ModDate ({pdf_date(self.created)})".encode())
        info_ref = add(b"<< " + b" ".join(info) + b" >>")

        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for index, body in enumerate(objects, start=1):
            offsets.append(len(out))
            out += b"%d 0 obj\n" % index + body + b"\nendobj\n"
        digest = hashlib.md5(bytes(out)).hexdigest().upper()
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
        out += (f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R /Info {info_ref} 0 R "
                f"/ID [<{digest}> <{digest}>] >>\nstartxref\n{xref}\n%%EOF\n").encode()
        return bytes(out)
