"""A hostile template: every XML part parsed without DTDs or entities and written again from its
tree, macros and links outside dropped with a warning, a part that cannot be read a `pptx.template`
error (exit 1, never 4), the same in `build --template`, a theme's template and `check`.

Each template is the default one, rewritten in tmp_path with zipfile."""

from __future__ import annotations

import codecs
import re
import shutil
import zipfile
from pathlib import Path
from typing import Callable

import pytest
from click.testing import CliRunner
from lxml import etree
from pptx import Presentation

from generator.cli import main
from tests.conftest import ROOT, SAMPLE_TALK
from tests.renderers.pptx.validity import problems

DEFAULT_TEMPLATE = ROOT / "templates" / "default" / "template.pptx"
PAD = b"<!--" + b"x" * 5000 + b"-->\n"          # past the first 4,096 bytes the old check read
XXE = b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n'
DECL = re.compile(rb"^<\?xml[^>]*\?>\s*")
LAYOUT = "ppt/slideLayouts/slideLayout1.xml"
MASTER_RELS = "ppt/slideMasters/_rels/slideMaster1.xml.rels"
CT = "[Content_Types].xml"
VBA_TYPE = b"http://schemas.microsoft.com/office/2006/relationships/vbaProject"
MACRO_MAIN = b"application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml"
PLAIN_MAIN = b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"

Parts = dict[str, bytes]


def prolog(data: bytes, extra: bytes) -> bytes:
    """`extra` (a comment, a DOCTYPE) put right after the XML declaration."""
    declaration = DECL.match(data)
    return data[:declaration.end()] + extra + data[declaration.end():]


def doctype_after_comment_in_app(parts: Parts) -> None:
    data = prolog(parts["docProps/app.xml"], PAD + XXE)
    parts["docProps/app.xml"] = data.replace(b"<Company></Company>", b"<Company>&e;</Company>")


def doctype_in_a_layouts_text(parts: Parts) -> None:
    data = prolog(parts[LAYOUT], PAD + b'<!DOCTYPE p:sldLayout [<!ENTITY e "Injected">]>\n')
    parts[LAYOUT] = data.replace(b"Click to edit Master title style", b"&e;")


def doctype_in_a_utf16_part(parts: Parts) -> None:
    text = prolog(parts["ppt/presProps.xml"], XXE).decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    parts["ppt/presProps.xml"] = text.encode("utf-16")           # with its byte order mark


def renamed_upper_case(parts: Parts, doctype: bool = True) -> None:
    """slideLayout1.xml renamed slideLayout1.XML, its relationships and content type with it."""
    data = parts.pop(LAYOUT)
    parts[LAYOUT[:-4] + ".XML"] = prolog(data, XXE) if doctype else data
    rels = "ppt/slideLayouts/_rels/slideLayout1.xml.rels"
    parts["ppt/slideLayouts/_rels/slideLayout1.XML.rels"] = parts.pop(rels)
    parts[MASTER_RELS] = parts[MASTER_RELS].replace(b'"../slideLayouts/slideLayout1.xml"',
                                                    b'"../slideLayouts/slideLayout1.XML"')
    parts[CT] = parts[CT].replace(b'"/ppt/slideLayouts/slideLayout1.xml"', b'"/ppt/slideLayouts/slideLayout1.XML"')


def doctype_in_a_part_named_upper_case(parts: Parts) -> None:
    renamed_upper_case(parts)


def entity_in_an_attribute(parts: Parts) -> None:
    data = prolog(parts[LAYOUT], PAD + XXE)
    parts[LAYOUT] = data.replace(b'name="Title Slide"', b'name="&e;"')


def undeclared_entity_in_an_attribute(parts: Parts) -> None:
    parts[LAYOUT] = parts[LAYOUT].replace(b'name="Title Slide"', b'name="&e;"')


def layout_cut_in_half(parts: Parts) -> None:
    parts[LAYOUT] = parts[LAYOUT][:len(parts[LAYOUT]) // 2]


def a_layout_missing(parts: Parts) -> None:
    parts.pop("ppt/slideLayouts/slideLayout2.xml")


def a_layout_named_in_another_case(parts: Parts) -> None:
    parts[LAYOUT[:-4] + ".XML"] = parts.pop(LAYOUT)        # the master's relationship still says .xml


def a_dead_link_as_powerpoint_plugins_leave_them(parts: Parts) -> None:
    rels = "ppt/slideLayouts/_rels/slideLayout1.xml.rels"
    parts[rels] = parts[rels].replace(b"</Relationships>", b'<Relationship Id="rId7" Type="http://schemas.'
                                      b'openxmlformats.org/officeDocument/2006/relationships/image" '
                                      b'Target="../media/NULL"/></Relationships>')


def macros(parts: Parts) -> None:
    parts["ppt/vbaProject.bin"] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + b"Attribute VB_Name"
    parts[CT] = parts[CT].replace(PLAIN_MAIN, MACRO_MAIN).replace(
        b"</Types>", b'<Override PartName="/ppt/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/>'
                     b"</Types>")
    rels = "ppt/_rels/presentation.xml.rels"
    parts[rels] = parts[rels].replace(b"</Relationships>", b'<Relationship Id="rId99" Type="' + VBA_TYPE
                                      + b'" Target="vbaProject.bin"/></Relationships>')


def external_link_in_the_package(parts: Parts) -> None:
    parts["_rels/.rels"] = parts["_rels/.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                             b'relationships/hyperlink" Target="https://tracker.example/pixel.png" '
                             b'TargetMode="External"/></Relationships>')


def hostile(target: Path, change: Callable[[Parts], None]) -> Path:
    with zipfile.ZipFile(DEFAULT_TEMPLATE) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    change(parts)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return target


REFUSED = [   # (what is wrong, the part named in the error, what the error says)
    (doctype_after_comment_in_app, "docProps/app.xml", "declares a DOCTYPE"),
    (doctype_in_a_layouts_text, LAYOUT, "declares a DOCTYPE"),
    (doctype_in_a_utf16_part, "ppt/presProps.xml", "declares a DOCTYPE"),
    (doctype_in_a_part_named_upper_case, "ppt/slideLayouts/slideLayout1.XML", "declares a DOCTYPE"),
    (entity_in_an_attribute, LAYOUT, "is not well-formed XML"),
    (undeclared_entity_in_an_attribute, LAYOUT, "is not well-formed XML"),
    (layout_cut_in_half, LAYOUT, "is not well-formed XML"),
    (a_layout_missing, MASTER_RELS, "relationship rId2 points at ppt/slideLayouts/slideLayout2.xml, which the "
                                    "package does not have"),
    (a_layout_named_in_another_case, MASTER_RELS, "relationship rId1 points at ppt/slideLayouts/slideLayout1.xml, "
                                                  "which the package does not have (it has "
                                                  "ppt/slideLayouts/slideLayout1.XML"),
]
DROPPED = [   # (what is removed, what the warning says, bytes the deck must not hold)
    (macros, "macro", (b"vbaProject", b"macroEnabled", b"Attribute VB_Name")),
    (external_link_in_the_package, "dropped a link to 'https://tracker.example/pixel.png'", (b"tracker.example",)),
]


def build(template: Path, out: Path):
    return CliRunner().invoke(main, ["build", str(SAMPLE_TALK), "--format", "pptx", "--lang", "fr",
                                     "--template", str(template), "--out", str(out)])


def built_deck(out: Path) -> Path:
    return out / "autour-de-docker" / "fr" / "autour-de-docker-fr.pptx"


def assert_no_dtd(deck: Path) -> None:
    """No part of the deck declares a DOCTYPE or an entity, in UTF-8 or UTF-16; every XML part is
    well-formed. The one exception is the printer settings the default template carries: a binary
    part (Mac PowerPoint's, with a property list inside) taken over unchanged."""
    with zipfile.ZipFile(DEFAULT_TEMPLATE) as source:
        printer = source.read("ppt/printerSettings/printerSettings1.bin")
    strict = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    with zipfile.ZipFile(deck) as package:
        for name in package.namelist():
            data = package.read(name)
            texts = [data]
            if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                texts.append(data.decode("utf-16").encode("utf-8"))
            if any(b"<!DOCTYPE" in t or b"<!ENTITY" in t for t in texts):
                assert name == "ppt/printerSettings/printerSettings1.bin" and data == printer, name
            if name.endswith((".xml", ".rels")):
                tree = etree.ElementTree(etree.fromstring(data, strict))
                assert not tree.docinfo.doctype and tree.docinfo.internalDTD is None, name


@pytest.mark.parametrize("change,part,message", REFUSED, ids=[c[0].__name__ for c in REFUSED])
def it_refuses_a_template_it_cannot_read_safely_with_exit_1(tmp_path, change, part, message):
    template = hostile(tmp_path / "corporate.potx", change)
    result = build(template, tmp_path / "out")
    assert result.exit_code == 1, result.output + result.stderr
    assert f"template corporate.potx: {part}: {message}" in result.stderr, result.stderr
    assert "[pptx.template]" in result.stderr and "hint:" in result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.output + result.stderr
    assert not built_deck(tmp_path / "out").exists()


@pytest.mark.parametrize("change,warning,absent", DROPPED, ids=[c[0].__name__ for c in DROPPED])
def it_drops_macros_and_links_outside_with_a_warning(tmp_path, change, warning, absent):
    template = hostile(tmp_path / "corporate.pptx", change)
    result = build(template, tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert warning in result.stderr and "warning:" in result.stderr, result.stderr
    deck = built_deck(tmp_path / "out")
    with zipfile.ZipFile(deck) as package:
        for name in package.namelist():
            assert not any(a.lower() in (name.encode() + package.read(name)).lower() for a in absent), name
        assert PLAIN_MAIN in package.read(CT)
    assert_no_dtd(deck)
    assert problems(deck) == []
    assert len(Presentation(str(deck)).slides) == 21


@pytest.mark.parametrize("change", [
    a_dead_link_as_powerpoint_plugins_leave_them,
    lambda parts: renamed_upper_case(parts, doctype=False),
    lambda parts: parts.__setitem__("ppt/presProps.xml", parts["ppt/presProps.xml"].decode("utf-8").replace(
        'encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")),
], ids=["dead-link", "part-named-upper-case", "utf16-part"])
def it_reads_a_sound_part_whatever_its_name_or_encoding_and_writes_it_again_in_utf8(tmp_path, change):
    template = hostile(tmp_path / "corporate.pptx", change)
    result = build(template, tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    deck = built_deck(tmp_path / "out")
    assert_no_dtd(deck)
    assert problems(deck) == []
    with zipfile.ZipFile(deck) as package:
        assert all(not package.read(n).startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
                   for n in package.namelist())
    assert [l.name for l in Presentation(str(deck)).slide_layouts][0] == "Title Slide"


def it_refuses_a_template_that_is_not_a_whole_zip(tmp_path):
    template = tmp_path / "corporate.potx"
    template.write_bytes(DEFAULT_TEMPLATE.read_bytes()[:20000])
    result = build(template, tmp_path / "out")
    assert result.exit_code == 1, result.stderr
    assert "template corporate.potx: is not a PPTX or POTX file" in result.stderr and "[pptx.template]" in result.stderr


def project_with_theme(tmp_path: Path, template: Path) -> Path:
    """A project whose talk uses the theme `hostile` (under templates/, extending default), whose
    template.pptx is `template`."""
    project = tmp_path / "project"
    talk = project / "content" / "autour-de-docker"
    shutil.copytree(SAMPLE_TALK, talk)
    theme = project / "templates" / "hostile"
    theme.mkdir(parents=True)
    (theme / "theme.yaml").write_text("name: hostile\nextends: default\n", "utf-8")
    shutil.copy(template, theme / "template.pptx")
    path = talk / "talk.yaml"
    path.write_text(path.read_text("utf-8").replace("theme: default", "theme: hostile"), "utf-8")
    return talk


def check(talk: Path):
    return CliRunner().invoke(main, ["check", "--lang", "fr", str(talk)])


@pytest.mark.parametrize("change,part,message", REFUSED, ids=[c[0].__name__ for c in REFUSED])
def it_reports_the_same_problems_in_check_for_a_themes_template(tmp_path, change, part, message):
    talk = project_with_theme(tmp_path, hostile(tmp_path / "template.pptx", change))
    result = check(talk)
    assert result.exit_code == 1, result.output + result.stderr
    assert f"template template.pptx: {part}: {message}" in result.stderr, result.stderr
    assert "[pptx.template]" in result.stderr and "Traceback" not in result.output + result.stderr


@pytest.mark.parametrize("change,warning,absent", DROPPED, ids=[c[0].__name__ for c in DROPPED])
def it_warns_in_check_of_what_a_build_would_drop(tmp_path, change, warning, absent):
    talk = project_with_theme(tmp_path, hostile(tmp_path / "template.pptx", change))
    result = check(talk)
    assert result.exit_code == 0, result.stderr
    assert warning in result.stderr and "warning:" in result.stderr, result.stderr
    assert check_strict(talk).exit_code == 1


def check_strict(talk: Path):
    return CliRunner().invoke(main, ["check", "--strict", "--lang", "fr", str(talk)])


def it_checks_the_template_a_talk_names_in_place_of_its_themes(tmp_path):
    talk = tmp_path / "autour-de-docker"
    shutil.copytree(SAMPLE_TALK, talk)
    hostile(talk / "corporate.potx", layout_cut_in_half)
    path = talk / "talk.yaml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("theme: default\n", "theme: default\ntemplate: corporate.potx\n", 1), "utf-8")
    result = check(talk)
    assert result.exit_code == 1, result.output + result.stderr
    assert f"template corporate.potx: {LAYOUT}: is not well-formed XML" in result.stderr


def it_builds_with_a_themes_hostile_template_as_with_one_on_the_command_line(tmp_path):
    talk = project_with_theme(tmp_path, hostile(tmp_path / "template.pptx", doctype_after_comment_in_app))
    result = CliRunner().invoke(main, ["build", str(talk), "--format", "pptx", "--lang", "fr",
                                       "--out", str(tmp_path / "out")])
    assert result.exit_code == 1, result.stderr
    assert "template template.pptx: docProps/app.xml: declares a DOCTYPE" in result.stderr
    assert "[pptx.template]" in result.stderr


def it_says_nothing_of_the_default_template_in_check():
    result = check(SAMPLE_TALK)
    assert result.exit_code == 0, result.stderr
    assert "pptx." not in result.stderr
