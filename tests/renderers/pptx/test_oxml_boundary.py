"""Only generator/renderers/pptx/oxml/ knows the PPTX XML and reaches into python-pptx's private attributes."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import generator.renderers.pptx as pptx_renderer

RENDERER = Path(pptx_renderer.__file__).parent
OXML = RENDERER / "oxml"
OUTSIDE = sorted(RENDERER.glob("*.py"))          # every module beside oxml/

# What makes or names an element: python-pptx's and lxml's element makers and parsers.
_BUILDERS = {"qn", "SubElement", "makeelement", "Element", "fromstring", "XML", "OxmlElement", "parse_xml"}
_NAMESPACE = re.compile(r"schemas\.(openxmlformats\.org|microsoft\.com)/")


def violations(source: str) -> list[str]:
    """What a module does that only oxml/ may: a private attribute of anything but `self` or `cls`
    (through a dot, getattr/setattr/hasattr, or a private name imported), `qn()` or another element
    maker, an import of lxml or python-pptx's oxml layer, or a namespace URI."""
    found = []
    for node in ast.walk(ast.parse(source)):
        line = getattr(node, "lineno", "?")
        if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
            if not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")):
                found.append(f"line {line}: private attribute .{node.attr}")
        elif isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in _BUILDERS:
                found.append(f"line {line}: {name}()")
            elif (name in ("getattr", "setattr", "hasattr", "delattr") and len(node.args) > 1
                  and isinstance(node.args[1], ast.Constant) and str(node.args[1].value).startswith("_")):
                found.append(f"line {line}: {name}(..., {node.args[1].value!r})")
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            modules = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
            for module in modules:
                if module.split(".")[0] == "lxml" or module.startswith("pptx.oxml"):
                    found.append(f"line {line}: import of {module}")
            if isinstance(node, ast.ImportFrom):
                found += [f"line {line}: private name {a.name} imported" for a in node.names
                          if a.name.startswith("_") and not a.name.startswith("__")]
        elif isinstance(node, ast.Constant) and isinstance(node.value, (str, bytes)):
            text = node.value.decode("latin-1") if isinstance(node.value, bytes) else node.value
            if _NAMESPACE.search(text):
                found.append(f"line {line}: a namespace URI")
    return found


@pytest.mark.parametrize("module", OUTSIDE, ids=lambda path: path.name)
def it_keeps_xml_and_python_pptx_internals_out_of_the_renderers_other_modules(module):
    assert violations(module.read_text("utf-8")) == []


def it_scans_every_module_of_the_renderer_but_oxml():
    names = {path.name for path in OUTSIDE}
    assert {"slides.py", "shapes.py", "text.py", "deck.py"} <= names and not any(n.startswith("oxml") for n in names)


@pytest.mark.parametrize("planted", [
    "element = slide._element",
    "tree = slide.shapes._spTree",
    "prs.slides._sldIdLst.add_sldId(rel_id)",
    "body = shape.text_frame._txBody",
    "element = getattr(part, '_element', None)",
    "shapes._recalculate_extents = lambda: None",
    "from pptx.text.text import _Paragraph",
    "from pptx.oxml.ns import qn",
    "tag = qn('a:p')",
    "SubElement(body, tag)",
    "props.makeelement(tag, {})",
    "from lxml import etree",
    "import lxml.etree",
    "from lxml.etree import SubElement",
    "timing = etree.fromstring(xml)",
    "A = '{http://schemas.openxmlformats.org/drawingml/2006/main}'",
    "VIEW = b'<p:viewPr xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\"/>'",
])
def it_finds_a_planted_use(planted):
    assert violations(f"def f(slide, shapes, prs, shape, part, body, props, xml, tag, rel_id):\n    {planted}\n")


def it_lets_a_class_use_its_own_private_attributes():
    source = "class C:\n    def f(self):\n        self._cache = {}\n        return type(self).__name__, self._read()\n"
    assert violations(source) == []


def it_sees_what_oxml_itself_does():
    """The scan would find the adapter's private attributes and the builders' element making."""
    assert any("._shape_factory" in v for v in violations((OXML / "adapter.py").read_text("utf-8")))
    assert any("import of lxml" in v for v in violations((OXML / "ns.py").read_text("utf-8")))
    assert any("makeelement()" in v for v in violations((OXML / "text.py").read_text("utf-8")))
