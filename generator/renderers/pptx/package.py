"""A PPTX saved reproducibly: fixed zip timestamps and core properties from SOURCE_DATE_EPOCH;
its slides and notes slides kept as bytes once they are finished."""

from __future__ import annotations

import io
import zipfile

from pptx.parts.slide import NotesSlidePart, SlidePart

from generator.build.clock import build_time


class _WrittenOut:
    """A part whose XML tree is given up for its bytes once the deck is done with it (`write_out`).

    python-pptx keeps every part's XML tree until the package is saved, and serializes each then
    (`XmlPart.blob`): a deck of 10,000 slides held 2 GiB of trees. A finished slide (or notes
    slide) is serialized here by the same `blob`, and its save writes those bytes: nothing changes
    a slide's XML once it is finished (its relationships are apart from it, and stay). Reading its
    tree afterwards is a mistake, and raises."""

    _written: bytes | None = None

    def write_out(self) -> None:
        """Serialize the part now and drop its tree, and the proxies python-pptx keeps of it."""
        if self._written is None:
            self._written = super().blob
            self._tree = None
            for proxy in ("slide", "notes_slide"):          # python-pptx's lazyproperties, held by the part
                self.__dict__.pop(proxy, None)

    @property
    def written_out(self) -> bool:
        return self._written is not None

    @property
    def blob(self) -> bytes:
        return self._written if self._written is not None else super().blob

    @property
    def _element(self):
        if self._written is not None:
            raise RuntimeError(f"{self.partname} is written out: its XML is bytes now, not a tree")
        return self._tree

    @_element.setter
    def _element(self, element) -> None:
        self._tree = element


class DeckSlidePart(_WrittenOut, SlidePart):
    """python-pptx's slide part, given up for its bytes once the slide is finished."""


class DeckNotesSlidePart(_WrittenOut, NotesSlidePart):
    """python-pptx's notes slide part, given up for its bytes once it is written."""


class ChartPartNames:
    """python-pptx's `next_partname` for a deck's chart parts and their workbooks, without its walk
    of the whole package at each chart.

    python-pptx names a new chart part, and its embedded workbook, after reading the name of every
    part of the package (`Package.next_partname`: the highest free number up to one more than the
    names of that kind): twice a chart, every slide made so far read each time, which made a
    deck's charts quadratic in its slides (10,000 slides: most of the PPTX's 213 s). The names of
    these two kinds are read once, at the first of each, then counted: such parts are made only by
    `add_chart`, through this, and none is removed while the deck is made; the same answers.
    Other kinds are named by python-pptx's own method."""

    def __init__(self, package) -> None:
        from pptx.parts.chart import ChartPart
        from pptx.parts.embeddedpackage import EmbeddedXlsxPart

        self.package = package
        self.own = package.next_partname        # python-pptx's, for every other kind of part
        self.counted = {ChartPart.partname_template, EmbeddedXlsxPart.partname_template}
        self.names: dict[str, set[str]] = {}    # a counted kind's prefix -> the names taken

    def __call__(self, tmpl: str):
        from pptx.opc.packuri import PackURI

        if tmpl not in self.counted:
            return self.own(tmpl)
        prefix = tmpl[: (tmpl % 42).find("42")]      # as python-pptx finds the names of the kind
        names = self.names.get(prefix)
        if names is None:
            names = self.names[prefix] = {p.partname for p in self.package.iter_parts()
                                          if p.partname.startswith(prefix)}
        for n in range(len(names) + 1, 0, -1):
            candidate = tmpl % n
            if candidate not in names:
                names.add(candidate)
                return PackURI(candidate)
        raise AssertionError("no free part name")     # one of len(names) + 1 names is free


def count_chart_names(prs) -> None:
    """Name the deck's new chart parts and workbooks by `ChartPartNames` (its package's
    `next_partname` from now on)."""
    package = prs.part.package
    package.next_partname = ChartPartNames(package)


def write_out(*parts) -> None:
    """Keep each part that can be (a `DeckSlidePart`, `DeckNotesSlidePart`) as bytes from now on;
    others (the first slide of each layout, made by python-pptx itself; None) are left as they are."""
    for part in parts:
        if isinstance(part, _WrittenOut):
            part.write_out()


def set_core_properties(prs, *, title: str, author: str | None, lang: str, subject: str | None = None) -> None:
    """Document metadata: title, author, language, and dates from the build time."""
    props = prs.core_properties
    when = build_time()
    props.title = title
    props.author = author or ""
    props.last_modified_by = author or ""
    props.subject = subject or ""
    props.language = lang
    props.created = when
    props.modified = when
    props.revision = 1
    props.last_printed = when


class _Members:
    """What python-pptx's package writer writes, kept as member name -> bytes instead of zipped."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}

    def write(self, pack_uri, blob: bytes) -> None:
        self.files[pack_uri.membername] = blob


def package_members(prs) -> dict[str, bytes]:
    """Every member of the saved presentation, as `prs.save` writes them (the same writer, the
    same parts, rels and content types), without zipping them only to unzip them again."""
    from generator.renderers.pptx.oxml.adapter import write_members

    members = _Members()
    write_members(prs.part.package, members)
    return members.files


def reproducible_bytes(prs) -> bytes:
    """The saved presentation with every zip entry stamped with the build time, in a fixed order."""
    files = package_members(prs)
    stamp = build_time().timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        # [Content_Types].xml first, as Office writes it; then the parts in a stable order.
        ordered = [n for n in files if n == "[Content_Types].xml"] + sorted(n for n in files if n != "[Content_Types].xml")
        for name in ordered:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, files[name])
    return out.getvalue()
