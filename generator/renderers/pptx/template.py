"""Slide layouts looked up by name in a PPTX or POTX template, with a fallback and a warning."""

from __future__ import annotations

import codecs
import io
import posixpath
import re
import weakref
import zipfile
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote

from generator.errors import Diagnostic, RenderError

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
    """A python-pptx Presentation from a .pptx or .potx file, cleaned (`clean_package`: a
    `pptx.template` ContentError when it cannot be read safely), with its own slides removed. What
    cleaning removed is said by `drop_external_targets`."""
    from pptx import Presentation

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RenderError(f"cannot open template {path}: {exc}") from None
    cleaned = _cleaned(data, path)
    try:
        prs = Presentation(io.BytesIO(cleaned.data))
        for master in prs.slide_masters:           # what the deck reads of every layout, looked up once
            for layout in master.slide_layouts:
                layout.name
    except Exception as exc:  # noqa: BLE001 - every XML part parsed already: what is left is the package's shape
        raise _refusal(path, None, f"cannot be opened as a presentation ({type(exc).__name__}: {str(exc)[:160]})") \
            from None
    _remove_slides(prs)
    _CLEANED[prs.part] = cleaned
    return prs


@lru_cache(maxsize=4)
def _cleaned(data: bytes, path: Path) -> "Cleaned":
    """`clean_package` of a template's bytes, kept for the process: each PPTX a build or `watch`
    writes opens the same template (its bytes are the key, so an edited one is cleaned again)."""
    return clean_package(data, path)


def template_source(prs) -> "Cleaned | None":
    """The cleaned package a presentation was opened from (`open_template`): the same object for
    the same template bytes, as long as it is kept."""
    return _CLEANED.get(prs.part)


def template_problems(path: Path) -> list[Diagnostic]:
    """What a build would say of a template's package (`clean_package`: errors, and warnings of
    what it drops), without opening it as a presentation: for `deckgen check`."""
    from generator.errors import ContentError

    try:
        data = path.read_bytes()
    except OSError as exc:
        return [Diagnostic(str(path), f"template {path.name}: cannot be read ({exc.strerror or exc})", "pptx.template")]
    try:
        return clean_package(data, path).warnings
    except ContentError as exc:
        return list(exc.diagnostics)


# What a template may hold before it is opened: a template is a few megabytes of XML and media.
MAX_ENTRIES = 5000
MAX_TOTAL = 300 * 1024 * 1024
MAX_ENTRY = 100 * 1024 * 1024
MAX_RATIO = 100          # uncompressed / compressed, for entries over a megabyte

_REPAIR = "open it in PowerPoint or LibreOffice and save it again as .pptx"
# What reading a zip entry raises when it is damaged, cut short, encrypted or packed in a way zipfile lacks.
_UNPACK_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError, OSError)
# What cleaning a template removed, by the presentation part of the Presentation opened from it.
_CLEANED: "weakref.WeakKeyDictionary[object, Cleaned]" = weakref.WeakKeyDictionary()


@dataclass
class Cleaned:
    """A template's package made safe to open: every XML part parsed without DTDs or entities and
    written again from its tree, its code and its links outside removed; and a warning for each."""

    data: bytes
    warnings: list[Diagnostic]


def _refusal(path: Path, part: str | None, message: str, hint: str = _REPAIR):
    from generator.errors import ContentError

    where = f"{part}: " if part else ""
    return ContentError([Diagnostic(str(path), f"template {path.name}: {where}{message}", "pptx.template", None, hint)])


def _looks_like_xml(data: bytes) -> bool:
    """Whether a part starts as an XML document with a prolog (a declaration, a comment, a
    DOCTYPE), in UTF-8 or UTF-16, with or without a byte order mark: what would carry a DTD
    whatever content type the package gives the part."""
    head = data[:256]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = head[2:].decode("utf-16-le" if head.startswith(codecs.BOM_UTF16_LE) else "utf-16-be", "replace")
    elif head[:2] in (b"<\x00", b"\x00<"):
        text = head.decode("utf-16-le" if head[0] == 0x3C else "utf-16-be", "replace")
    else:
        text = head.removeprefix(codecs.BOM_UTF8).decode("latin-1")
    return text.lstrip(" \t\r\n").startswith(("<?", "<!"))


def _is_xml_type(content_type: str | None) -> bool:
    return bool(content_type) and content_type.endswith(("+xml", "/xml"))


def _rels_source(name: str) -> str | None:
    """The part a `.rels` part gives the relationships of (`ppt/_rels/presentation.xml.rels` ->
    `ppt/presentation.xml`); "" for the package's own (`_rels/.rels`); None for a misplaced one."""
    folder, _, file_name = name.rpartition("/")
    parent, _, rels_dir = folder.rpartition("/")
    if rels_dir.lower() != "_rels" or not file_name.lower().endswith(".rels"):
        return None
    source = file_name[:-len(".rels")]
    return f"{parent}/{source}" if parent else source


def _rels_of(name: str) -> str:
    folder, _, file_name = name.rpartition("/")
    return f"{folder}/_rels/{file_name}.rels" if folder else f"_rels/{file_name}.rels"


def _leaves_the_package(target: str) -> bool:
    """A target no part of the package can be: a URL (`https:`, `file:`), a drive (`C:`), a share."""
    return bool(re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", target)) or target.startswith(("//", "\\\\"))


def _target_part(source: str, target: str) -> str:
    """The part name (lower case, no leading slash) an internal relationship of `source` points at."""
    target = unquote(target.split("#", 1)[0]).replace("\\", "/")
    if target.startswith("/"):
        return posixpath.normpath(target).lstrip("/").lower()
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target)).lstrip("/").lower()


def _require_target(source: str, rel, members: dict[str, bytes], names: dict[str, str], refuse, rels: str) -> None:
    """Refuse a relationship to the main part, a master, a layout or a theme whose part is not in
    the package under the very name python-pptx looks up (it skips a dead link, then fails on
    the layout or master it lacks)."""
    wanted = posixpath.normpath(posixpath.join("/" + posixpath.dirname(source), rel.target.strip())).lstrip("/")
    if wanted in members:
        return
    other = names.get(wanted.lower())
    beside = f" (it has {other}: part names must match in case)" if other else ""
    refuse(rels, f"relationship {rel.rel_id} points at {wanted}, which the package does not have{beside}")


def clean_package(data: bytes, path: Path) -> Cleaned:
    """The template's package rebuilt so that nothing in it can reach outside or run: refused (a
    `pptx.template` ContentError naming the part) when it is not a sane zip (too many or too large
    entries, a bomb, a damaged entry), when an XML part is not well-formed or declares a DOCTYPE.

    An XML part is any part whose content type ends in `+xml` or `/xml`, `[Content_Types].xml`,
    every `.rels`, whatever the case of their names, and any other part that starts as an XML
    document; each is parsed with no DTD and no entity (`oxml.template.parse_part`) and written
    again from its tree, in UTF-8. Macros (the VBA project, its signatures and data, ActiveX
    controls) and every relationship to the outside (`TargetMode="External"`, or a URL as target),
    from the package's relationships to a layout's, are removed with what points at them, each
    with a warning; a macro-enabled, template or slide show main part becomes a presentation's."""
    from generator.renderers.pptx.oxml import template as oxml

    def refuse(part: str | None, message: str) -> None:
        raise _refusal(path, part, message)

    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError):
        refuse(None, "is not a PPTX or POTX file (not a zip package, or one cut short)")
    with package:
        entries = [e for e in package.infolist() if not e.is_dir()]
        if len(entries) > MAX_ENTRIES:
            refuse(None, f"has {len(entries)} parts (at most {MAX_ENTRIES})")
        if sum(e.file_size for e in entries) > MAX_TOTAL:
            refuse(None, f"unpacks to more than {MAX_TOTAL // (1024 * 1024)} MB")
        names: dict[str, str] = {}
        for entry in entries:
            if entry.file_size > MAX_ENTRY or (entry.file_size > 1024 * 1024
                                               and entry.file_size > MAX_RATIO * max(1, entry.compress_size)):
                refuse(entry.filename, f"unpacks to {entry.file_size // (1024 * 1024)} MB")
            if entry.filename.lower() in names:
                refuse(entry.filename, "is in the package twice (part names do not differ by case alone)")
            names[entry.filename.lower()] = entry.filename
        members: dict[str, bytes] = {}
        for entry in entries:
            try:
                members[entry.filename] = package.read(entry)
            except _UNPACK_ERRORS as exc:
                refuse(entry.filename, f"cannot be unpacked ({str(exc)[:120] or type(exc).__name__})")

    types_name = names.get("[content_types].xml")
    if types_name is None:
        refuse(None, "has no [Content_Types].xml: it is not an OOXML package")

    def parsed(name: str):
        try:
            return oxml.parse_part(members[name])
        except oxml.UnsafeXml as exc:
            refuse(name, str(exc))

    types = parsed(types_name)
    defaults, overrides = oxml.content_types(types)

    def content_type(name: str) -> str | None:
        return overrides.get(name.lower()) or defaults.get(posixpath.splitext(name)[1].lstrip(".").lower())

    warnings: list[Diagnostic] = []

    def warn(message: str, code: str, hint: str) -> None:
        warnings.append(Diagnostic(str(path), f"template {path.name}: {message}", code, None, hint, "warning"))

    code_hint = "save the template as .pptx or .potx (without macros) to make this warning go"
    removed = {name.lower() for name in members
               if content_type(name) in oxml.MACRO_CONTENT_TYPES
               or posixpath.basename(name).lower() in ("vbaproject.bin", "vbadata.xml")}
    for name in sorted(removed):
        warn(f"removed {names[name]}: a deck keeps no macros or ActiveX controls", "pptx.macro", code_hint)
    removed |= {_rels_of(names[name]).lower() for name in removed}

    trees = {}
    for name, blob in members.items():
        if name.lower() in removed:
            continue
        if name == types_name:
            trees[name] = types
        elif name.lower().endswith(".rels") or _is_xml_type(content_type(name)) or _looks_like_xml(blob):
            trees[name] = parsed(name)

    dropped: dict[str, list[str]] = {}        # part name (lower case) -> the relationship ids dropped from it
    for name in sorted(trees):
        source = _rels_source(name) if name.lower().endswith(".rels") else None
        if source is None:
            continue
        for rel in oxml.relationships(trees[name]):
            outside = rel.external or _leaves_the_package(rel.target.strip())
            if outside:
                where = f"/{names.get(source.lower(), source)}" if source else "the package's relationships"
                warn(f"dropped a link to {rel.target[:80]!r} in {where}", "pptx.external",
                     "a template's links to outside files and addresses are not kept")
            elif not (rel.runs_code or _target_part(source, rel.target) in removed):
                if rel.holds_the_deck_together:
                    _require_target(source, rel, members, names, refuse, name)
                continue
            oxml.drop_relationship(rel)
            dropped.setdefault(source.lower(), []).append(rel.rel_id)
    for name, tree in trees.items():
        for rel_id in dropped.get(name.lower(), ()):
            oxml.drop_references(tree, rel_id)

    for kind in oxml.plain_main(types):
        warn(f"is macro-enabled ({kind}): the deck is a plain presentation, without its macros", "pptx.macro",
             code_hint)
    oxml.drop_content_types(types, removed)

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:
        for name, blob in members.items():
            if name.lower() in removed:
                continue
            target.writestr("[Content_Types].xml" if name == types_name else name,
                            oxml.serialize_part(trees[name]) if name in trees else blob)
    return Cleaned(out.getvalue(), warnings)


def drop_external_targets(prs, template_name: str) -> list[Diagnostic]:
    """What cleaning the template removed (`clean_package`: its macros, its links outside), then
    any relationship to something outside the package still there, removed with what points at
    it, so the deck reads nothing from elsewhere."""
    from generator.renderers.pptx.oxml.adapter import part_element
    from generator.renderers.pptx.oxml.template import drop_references

    cleaned = _CLEANED.get(prs.part)
    found = list(cleaned.warnings) if cleaned is not None else []
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
