"""A PDF file of pages of drawn content, fonts, pictures, links, outline, metadata and tags,
serialized by pydyf (names, strings and the file structure escaped as the PDF specification says).

Pages share one resource dictionary (fonts, pictures, transparency states). Objects are numbered
in the order they are made and every stream is compressed the same way, so the same pages give
the same bytes; the file identifier is a digest of the content.
"""

from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Callable, Optional

from generator.renderers.pdf.fonts import UsedFont, face_identity, font_objects


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
        self.images: dict[str, tuple[str, Callable[[], tuple[dict, bytes, Optional[tuple[dict, bytes]]]]]] = {}
        self.alphas: dict[float, str] = {}
        self.font_names: dict[str, str] = {}    # face reference → the name the file gives it

    def font(self, ref: str) -> UsedFont:
        """The font of a face reference (registered at first use)."""
        found = self.fonts.get(ref)
        if found is None:
            name = "F" + hashlib.sha1(face_identity(ref).encode("utf-8")).hexdigest()[:8]
            found = self.fonts[ref] = UsedFont(ref, name, self.font_names.get(ref, ""))
        return found

    def image(self, key: str, build: Callable[[], tuple[dict, bytes, Optional[tuple[dict, bytes]]]]) -> str:
        """The resource name of a picture, `build` giving (its dictionary entries as a dict of PDF
        values, its stream, and its soft mask's entries and stream or None) when the file is
        written; one object per key."""
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
        """The PDF file: objects and file structure by pydyf, streams compressed beforehand (the
        same level for every stream, so the same pages give the same bytes)."""
        import io

        import pydyf

        pdf = pydyf.PDF()

        def stream(data: bytes, extra: Optional[dict] = None, compressed: bool = False) -> pydyf.Stream:
            extra = dict(extra or {})
            if not compressed and self.compress:
                data = deflated(data, self.compress)
                extra["Filter"] = "/FlateDecode"
            made = pydyf.Stream([data], extra)
            pdf.add_object(made)
            return made

        def dictionary(values: dict) -> pydyf.Dictionary:
            made = pydyf.Dictionary(values)
            pdf.add_object(made)
            return made

        fonts = {used.name: font_objects(used, pdf, stream, dictionary) for used in self.fonts.values()}
        images = {}
        for name, build in self.images.values():
            entries, data, mask = build()
            entries = {"Type": "/XObject", "Subtype": "/Image", **entries}
            if mask is not None:
                mask_entries, mask_data = mask
                entries["SMask"] = stream(mask_data, {"Type": "/XObject", "Subtype": "/Image", **mask_entries}).reference
            images[name] = stream(data, entries, compressed=entries.get("Filter") == "/DCTDecode").reference

        def resource_dictionary(xobjects: dict[str, bytes]) -> pydyf.Dictionary:
            values: dict = {"ProcSet": pydyf.Array(["/PDF", "/Text", "/ImageB", "/ImageC"])}
            if fonts:
                values["Font"] = pydyf.Dictionary(fonts)
            if xobjects:
                values["XObject"] = pydyf.Dictionary(xobjects)
            if self.alphas:
                values["ExtGState"] = pydyf.Dictionary({
                    n: pydyf.Dictionary({"Type": "/ExtGState", "ca": number(a), "CA": number(a)})
                    for a, n in self.alphas.items()})
            return dictionary(values)

        # Forms (slides placed on handout pages) draw text and pictures, never another form.
        drawn = resource_dictionary(images) if self.forms else None
        forms = {}
        for name, w, h, content in self.forms.values():
            forms[name] = stream(content, {"Type": "/XObject", "Subtype": "/Form",
                                           "BBox": pydyf.Array([0, 0, number(w), number(h)]),
                                           "Resources": drawn.reference}).reference
        resources = resource_dictionary({**images, **forms})

        tagged = any(page.structure is not None for page in self.pages)
        pages = []
        for page in self.pages:
            made = pydyf.Dictionary({"Type": "/Page", "Parent": pdf.pages.reference,
                                     "MediaBox": pydyf.Array([0, 0, number(page.width), number(page.height)]),
                                     "Resources": resources.reference})
            pdf.add_page(made)
            pages.append(made)

        tree_root = dictionary({"Type": "/StructTreeRoot"}) if tagged else None
        document_element = dictionary({"Type": "/StructElem", "S": "/Document"}) if tagged else None
        parents: list[tuple[int, list[bytes]]] = []      # per page: its index, the element of each MCID
        page_elements: list[bytes] = []

        def element(node, parent: bytes, page_ref: bytes, by_mcid: dict[int, bytes]) -> bytes:
            made = dictionary({"Type": "/StructElem", "S": pydyf.name(node.role), "P": parent, "Pg": page_ref})
            kids = []
            for kid in node.kids:
                if isinstance(kid, int):
                    by_mcid[kid] = made.reference
                    kids.append(kid)
                else:
                    kids.append(element(kid, made.reference, page_ref, by_mcid))
            made["K"] = pydyf.Array(kids)
            if node.alt:
                made["Alt"] = pydyf.String(node.alt)
            if node.lang:
                made["Lang"] = pydyf.String(node.lang)
            return made.reference

        for index, (page, made) in enumerate(zip(self.pages, pages)):
            if page.structure is None:
                continue
            by_mcid: dict[int, bytes] = {}
            page_elements.append(element(page.structure, document_element.reference, made.reference, by_mcid))
            parents.append((index, [by_mcid[m] for m in sorted(by_mcid)]))

        for index, (page, made) in enumerate(zip(self.pages, pages)):
            made["Contents"] = stream(page.content).reference
            annots = []
            for link in page.links:
                x, y, w, h = link.rect
                box = [number(v) for v in (x, page.height - y - h, x + w, page.height - y)]
                annots.append(dictionary({
                    "Type": "/Annot", "Subtype": "/Link", "Rect": pydyf.Array(box),
                    "Border": pydyf.Array([0, 0, 0]),
                    "A": pydyf.Dictionary({"S": "/URI", "URI": pydyf.String(link_uri(link.url))}),
                }).reference)
            if annots:
                made["Annots"] = pydyf.Array(annots)
            if page.structure is not None:
                made["StructParents"] = index
                made["Tabs"] = "/S"

        if self.outline:
            root = dictionary({"Type": "/Outlines"})
            items = [dictionary({"Title": pydyf.String(title), "Parent": root.reference,
                                 "Dest": pydyf.Array([pages[page_index].reference, "/Fit"])})
                     for title, page_index in self.outline]
            for index, item in enumerate(items):
                if index:
                    item["Prev"] = items[index - 1].reference
                if index + 1 < len(items):
                    item["Next"] = items[index + 1].reference
            root.update({"First": items[0].reference, "Last": items[-1].reference, "Count": len(items)})
            pdf.catalog.update({"Outlines": root.reference, "PageMode": "/UseOutlines"})
        pdf.catalog["ViewerPreferences"] = pydyf.Dictionary({"DisplayDocTitle": "true"})
        if tagged:
            document_element.update({"P": tree_root.reference, "K": pydyf.Array(page_elements)})
            nums = []
            for index, elements in parents:
                nums += [index, pydyf.Array(elements)]
            tree_root.update({"K": pydyf.Array([document_element.reference]),
                              "ParentTree": pydyf.Dictionary({"Nums": pydyf.Array(nums)}),
                              "ParentTreeNextKey": len(self.pages)})
            pdf.catalog.update({"MarkInfo": pydyf.Dictionary({"Marked": "true"}),
                                "StructTreeRoot": tree_root.reference})
        if self.lang:
            pdf.catalog["Lang"] = pydyf.String(self.lang)

        pdf.info.update({"Producer": pydyf.String("deckgen"), "Creator": pydyf.String("deckgen")})
        for key, value in (("Title", self.title), ("Author", self.author), ("Subject", self.subject)):
            if value:
                pdf.info[key] = pydyf.String(value)
        if self.created is not None:
            pdf.info["CreationDate"] = pdf.info["ModDate"] = pydyf.String(pdf_date(self.created))

        out = io.BytesIO()
        pdf.write(out, version=b"1.7", identifier=True, compress=True)
        return out.getvalue()


@lru_cache(maxsize=256)
def deflated(data: bytes, level: int) -> bytes:
    """A stream's bytes compressed, kept a while: the three handouts place the same slides, and
    `watch` writes pages again that an edit did not change."""
    return zlib.compress(data, level)


def link_uri(url: str) -> str:
    """A link's address as the PDF holds it: an ASCII URI (the plan's links already are; this is the
    last guard, since `/URI` is a 7-bit ASCII string)."""
    from generator.text.links import ascii_uri

    return ascii_uri(url)
