"""Slide layouts looked up by name in a PPTX or POTX template, with a fallback and a warning."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import Diagnostic, RenderError

_TEMPLATE_MAIN = b"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
_PRESENTATION_MAIN = b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"

# The layout each slide role asks for first, then the names other templates use for it
# (PowerPoint's, LibreOffice Impress's), before falling back on placeholders.
LAYOUT_NAMES: dict[str, tuple[str, ...]] = {
    "title": ("Title Slide", "Title slide", "Titelfolie", "Diapositive de titre"),
    "section": ("Section Header", "Section Title", "Abschnittsüberschrift", "En-tête de section"),
    "content": ("Title and Content", "Title, Content", "Titel und Inhalt", "Titre et contenu"),
    "title-only": ("Title Only", "Title, Only", "Nur Titel", "Titre seul"),
    "two-content": ("Two Content", "Title, 2 Content", "Comparison", "Zwei Inhalte", "Deux contenus"),
    "blank": ("Blank", "Leer", "Vide"),
}
# What a role needs from a layout when no name matches.
_NEEDS = {"title": {"title", "subtitle"}, "section": {"title", "subtitle"}, "content": {"title", "body"},
          "two-content": {"title", "body"},
          "title-only": {"title"}, "blank": set()}


def open_template(path: Path):
    """A python-pptx Presentation from a .pptx or .potx file, with its own slides removed."""
    from pptx import Presentation

    try:
        data = path.read_bytes()
        check_package(data, path)
        if path.suffix.lower() == ".potx" or _is_template_package(data):
            data = _as_presentation(data)
        prs = Presentation(io.BytesIO(data))
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise RenderError(f"cannot open template {path}: {exc}") from None
    _remove_slides(prs)
    return prs


# What a template may hold before it is opened: a template is a few megabytes of XML and media.
MAX_ENTRIES = 5000
MAX_TOTAL = 300 * 1024 * 1024
MAX_ENTRY = 100 * 1024 * 1024
MAX_RATIO = 100          # uncompressed / compressed, for entries over a megabyte


def check_package(data: bytes, path: Path) -> None:
    """Refuse a template that is not a sane OOXML package before parsing any of it: too many or
    too large entries (a zip bomb), or an XML part with a DOCTYPE (entity tricks)."""
    from generator.errors import ContentError

    def refuse(message: str, hint: str) -> None:
        raise ContentError([Diagnostic(str(path), f"template {path.name}: {message}", "pptx.template", None, hint)])

    hint = "open it in PowerPoint or LibreOffice and save it again as .pptx"
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        refuse("is not a PPTX or POTX file (not a zip package)", hint)
    with package:
        entries = package.infolist()
        if len(entries) > MAX_ENTRIES:
            refuse(f"has {len(entries)} parts (at most {MAX_ENTRIES})", hint)
        if sum(e.file_size for e in entries) > MAX_TOTAL:
            refuse(f"unpacks to more than {MAX_TOTAL // (1024 * 1024)} MB", hint)
        for entry in entries:
            if entry.file_size > MAX_ENTRY or (entry.file_size > 1024 * 1024
                                               and entry.file_size > MAX_RATIO * max(1, entry.compress_size)):
                refuse(f"part {entry.filename} unpacks to {entry.file_size // (1024 * 1024)} MB", hint)
            if entry.filename.endswith((".xml", ".rels")):
                with package.open(entry) as part:
                    head = part.read(4096)
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                    refuse(f"part {entry.filename} declares a DOCTYPE, which OOXML never needs", hint)
        if "[Content_Types].xml" not in package.namelist():
            refuse("has no [Content_Types].xml: it is not an OOXML package", hint)


def drop_external_targets(prs, template_name: str) -> list[Diagnostic]:
    """Remove the template's relationships to things outside the package (web addresses, files,
    network shares, scripts), and what points at them, so the deck reads nothing from elsewhere."""
    from generator.renderers.pptx.oxml.adapter import part_element
    from generator.renderers.pptx.oxml.template import drop_references

    found = []
    for part in prs.part.package.iter_parts():
        element = part_element(part)
        for rel_id, rel in list(part.rels.items()):
            if not rel.is_external:
                continue
            if element is not None:
                drop_references(element, rel_id)
            part.rels.pop(rel_id)
            found.append(Diagnostic(template_name, f"template {template_name}: dropped a link to "
                                    f"{rel.target_ref[:80]!r} in {part.partname}", "pptx.external", None,
                                    "a template's links to outside files and addresses are not kept", "warning"))
    return found


def _is_template_package(data: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return _TEMPLATE_MAIN in package.read("[Content_Types].xml")


def _as_presentation(data: bytes) -> bytes:
    """A .potx package relabelled as a presentation (python-pptx opens only those)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "[Content_Types].xml":
                content = content.replace(_TEMPLATE_MAIN, _PRESENTATION_MAIN)
            target.writestr(info, content)
    return out.getvalue()


def _remove_slides(prs) -> None:
    from generator.renderers.pptx.oxml.ns import remove
    from generator.renderers.pptx.oxml.slide import slide_ids

    prs.slides                      # python-pptx's own first: the slide list made, the parts named
    for slide_id, rel_id in slide_ids(prs.element):
        prs.part.drop_rel(rel_id)
        remove(slide_id)


def _placeholder_kinds(layout) -> set[str]:
    from pptx.enum.shapes import PP_PLACEHOLDER

    kinds = set()
    for placeholder in layout.placeholders:
        kind = placeholder.placeholder_format.type
        if kind in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE):
            kinds.add("title")
        elif kind in (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT):
            kinds.add("body")
        elif kind == PP_PLACEHOLDER.SUBTITLE:
            kinds.add("subtitle")
    return kinds


@dataclass
class Layouts:
    """The template's layouts, found by name for each slide role, and what was missing."""

    prs: object
    template_name: str
    warnings: list[Diagnostic] = field(default_factory=list)
    _cache: dict[str, object] = field(default_factory=dict)

    def by_name(self, name: str):
        wanted = name.strip().lower()
        for layout in self.prs.slide_layouts:
            if layout.name.strip().lower() == wanted:
                return layout
        return None

    def for_role(self, role: str, asked: str | None = None):
        """The layout a slide of this role uses: the one it names, else the role's, else a fallback."""
        key = f"{role}|{asked}"
        if key in self._cache:
            return self._cache[key]
        layout = self.by_name(asked) if asked else None
        if asked and layout is None:
            self._warn(f"template {self.template_name} has no layout named '{asked}'", asked)
        if layout is None:
            for name in LAYOUT_NAMES[role]:
                layout = self.by_name(name)
                if layout is not None:
                    break
        if layout is None:
            needs = _NEEDS[role]
            layout = next((l for l in self.prs.slide_layouts if needs <= _placeholder_kinds(l)), None) \
                or next((l for l in self.prs.slide_layouts if "title" in _placeholder_kinds(l)), None) \
                or self.prs.slide_layouts[0]
            self._warn(f"template {self.template_name} has no '{LAYOUT_NAMES[role][0]}' layout; "
                       f"using '{layout.name}'", LAYOUT_NAMES[role][0])
        self._cache[key] = layout
        return layout

    def _warn(self, message: str, name: str) -> None:
        if any(w.message == message for w in self.warnings):
            return
        names = ", ".join(f"'{l.name}'" for l in self.prs.slide_layouts)
        self.warnings.append(Diagnostic(self.template_name, message, "pptx.layout", None,
                                        f"its layouts are: {names}", "warning"))


def template_geometry(prs, layouts: Layouts):
    """The geometry a user's template gives the plan: its slide size and where its layouts put
    the title, the body, the title slide's and the section slide's texts."""
    from generator.plan.boxes import Rect
    from generator.plan.geometry import DEFAULT_GEOMETRY, Geometry

    emu = 12700
    w, h = prs.slide_width / emu, prs.slide_height / emu
    sx, sy = w / DEFAULT_GEOMETRY.slide_w, h / DEFAULT_GEOMETRY.slide_h

    def scaled(rect: Rect) -> Rect:
        return Rect(rect.x * sx, rect.y * sy, rect.w * sx, rect.h * sy)

    def found(role: str, kinds: tuple[str, ...], default: Rect) -> Rect:
        layout = layouts.for_role(role)
        for shape in layout.placeholders:
            kind = str(shape.placeholder_format.type).split(".")[-1].split(" ")[0].lower()
            if any(k in kind for k in kinds):
                return Rect(shape.left / emu, shape.top / emu, shape.width / emu, shape.height / emu)
        return scaled(default)

    d = DEFAULT_GEOMETRY
    title = found("content", ("title",), d.title)
    body = found("content", ("body", "object"), d.body)
    subtitle = found("title", ("subtitle", "body"), d.title_slide_subtitle)
    below = min(subtitle.y + subtitle.h + 8, h - 96)       # the speaker and event: under the subtitle
    return Geometry(
        slide_w=w, slide_h=h, title=title,
        body=Rect(body.x, title.y + title.h + 8, body.w, max(60.0, body.y + body.h - (title.y + title.h + 8))),
        statement=scaled(d.statement),
        title_slide_title=found("title", ("title",), d.title_slide_title),
        title_slide_subtitle=subtitle,
        byline=Rect(subtitle.x, below, subtitle.w, max(48.0, h * 0.95 - below)),
        section_title=found("section", ("title",), d.section_title),
        section_text=found("section", ("body", "subtitle", "object"), d.section_text),
        field=None, footer=scaled(d.footer),       # a user's layouts draw their own title slides
    )


def repair_shape_ids(prs, template_name: str) -> list[Diagnostic]:
    """Masters and layouts whose shapes repeat an id, renumbered (the output then opens without
    PowerPoint's repair prompt), with a warning naming each."""
    from generator.renderers.pptx.oxml.shapes import unique_shape_ids

    found = []
    for master in prs.slide_masters:
        parts = [("master", master.name or "master", master.element)]
        parts += [("layout", layout.name, layout.element) for layout in master.slide_layouts]
        for kind, name, element in parts:
            changed = unique_shape_ids(element)
            if changed:
                found.append(Diagnostic(
                    template_name, f"template {template_name}: {kind} '{name}' gives {changed} shape"
                    f"{'s' if changed != 1 else ''} an id another shape has; renumbered in the output",
                    "pptx.shape-id", None, "save the template again from PowerPoint to fix it at the source",
                    "warning"))
    return found


def ensure_view_props(prs) -> None:
    """Add the view properties part a template saved without one lacks (PowerPoint asks to
    repair a presentation that has none)."""
    from pptx.opc.constants import CONTENT_TYPE as CT
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT
    from pptx.opc.package import Part
    from pptx.opc.packuri import PackURI

    from generator.renderers.pptx.oxml.template import VIEW_PROPS

    part = prs.part
    if any(rel.reltype == RT.VIEW_PROPS for rel in part.rels.values()):
        return
    view = Part(PackURI("/ppt/viewProps.xml"), CT.PML_VIEW_PROPS, part.package, VIEW_PROPS)
    part.relate_to(view, RT.VIEW_PROPS)
