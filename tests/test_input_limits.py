"""User input that once ended in an internal error (exit 4) is a positioned error of `check`,
and `build` refuses it the same way (exit 1) without writing anything: texts longer than the
schema or Graphviz allow, code points XML forbids, SVG pictures that would blow up a renderer."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

TALK = """\
id: small
title: "{title}"
lang: fr
translations: [en]
graphs:
  - id: g
    title: G
    nodes:
      - {{id: a, label: "{label}"}}
      - {{id: b, label: B}}
    edges:
      - {{from: a, to: b, label: lien}}
slides:
  - {{id: title, kind: title}}
  - {{id: g, kind: graph, graph: g}}
  - id: end
    kind: closing
    title: Fin
    links:
      - {{label: Doc, url: "{url}"}}
"""
CATALOG = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=utf-8\\n"
"Language: en\\n"

msgctxt "{context}"
msgid "{source}"
msgstr "{translation}"
"""


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def small_talk(root: Path, *, title="Titre", label="Texte", url="https://example.com/", catalog=None) -> Path:
    talk = root / "small"
    talk.mkdir(parents=True, exist_ok=True)
    (talk / "talk.yaml").write_text(TALK.format(title=title, label=label, url=url), "utf-8")
    if catalog is not None:
        (talk / "locales").mkdir(exist_ok=True)
        (talk / "locales" / "en.po").write_text(CATALOG.format(**catalog), "utf-8")
    return talk


def refused(talk: Path, tmp_path: Path, expected: str, *args) -> str:
    """`check` and `build` both say `expected` (a positioned error), exit 1 and write nothing."""
    checked = run("check", talk, *args)
    assert checked.exit_code == 1, checked.output + checked.stderr
    assert expected in checked.stderr and "hint:" in checked.stderr
    assert "internal error" not in checked.stderr
    built = run("build", talk, "--no-cache", "--out", tmp_path / "out", *args)
    assert built.exit_code == 1, built.stderr
    assert expected in built.stderr and "internal error" not in built.stderr
    assert not (tmp_path / "out").exists()
    return checked.stderr


def it_refuses_a_graph_label_longer_than_dot_reads(tmp_path):
    talk = small_talk(tmp_path, label="x" * 17000)
    refused(talk, tmp_path, "talk.yaml:9:24: error: the label of node 'a' of graph 'g' is 17,000 characters "
                            "long, more than the 2,000 a graph label may hold [schema.value]")


@pytest.mark.parametrize("context,source,size,limit", [
    ("graphs/g/nodes/a/label", "Texte", 17000, "2,000 a graph label"),
    ("graphs/g/edges/a/b", "lien", 3000, "2,000 a graph label"),
    ("slides/end/title", "Fin", 25000, "20,000 a text"),
])
def it_refuses_a_translation_longer_than_its_field(tmp_path, context, source, size, limit):
    talk = small_talk(tmp_path, catalog={"context": context, "source": source, "translation": "y" * size})
    refused(talk, tmp_path, f"en.po:7:1: error: the translation of '{context}' is {size:,} characters long, "
                            f"more than the {limit} may hold [i18n.length]")


@pytest.mark.parametrize("where", ["url", "title"])
@pytest.mark.parametrize("escape", ["\\uFFFE", "\\uFFFF"])
def it_refuses_code_points_xml_forbids_in_any_text(tmp_path, where, escape):
    talk = small_talk(tmp_path, **{where: ("https://example.com/" if where == "url" else "Titre ") + escape})
    line = 20 if where == "url" else 2
    stderr = refused(talk, tmp_path, f"talk.yaml:{line}:")
    assert f"holds the character '{escape.lower()}', which no slide can show [yaml.control]" in stderr


def it_refuses_code_points_xml_forbids_in_a_translation(tmp_path):
    talk = small_talk(tmp_path, catalog={"context": "slides/end/title", "source": "Fin", "translation": "End\ufffe"})
    refused(talk, tmp_path, "en.po:7:1: error: the translation of 'slides/end/title' holds the character "
                            "'\\ufffe' [i18n.control]")


PICTURE_TALK = """\
id: pics
title: Pictures
lang: en
slides:
  - id: photo
    kind: image
    src: images/p.svg
    alt: A picture
"""
SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" {size}>{body}</svg>'


def picture_talk(root: Path, svg: str) -> Path:
    talk = root / "pics"
    (talk / "images").mkdir(parents=True, exist_ok=True)
    (talk / "talk.yaml").write_text(PICTURE_TALK, "utf-8")
    (talk / "images" / "p.svg").write_text(svg, "utf-8")
    return talk


def png_base64(width: int = 2, height: int = 2, cut: int = 0) -> str:
    import base64
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("1" if width * height > 10_000 else "RGB", (width, height), 1).save(out, "PNG")
    data = out.getvalue()
    return base64.b64encode(data[:len(data) - cut]).decode("ascii")


def use_bomb(levels: int, fan: int) -> str:
    groups = ['<g id="l0"><rect width="1" height="1"/></g>']
    groups += [f'<g id="l{i}">' + f'<use href="#l{i - 1}"/>' * fan + "</g>" for i in range(1, levels + 1)]
    return f'<defs>{"".join(groups)}</defs><use href="#l{levels}"/>'


@pytest.mark.parametrize("size,body,message", [
    ('width="100" height="100"', use_bomb(12, 10), "draws more than 50,000 elements through <use> references"),
    ('width="100" height="100"', '<g id="a"><rect/><use xlink:href="#a"/></g>', "has a <use> that refers to itself"),
    ('width="100" height="100"', '<use id="a" href="#b"/><use id="b" href="#a"/>', "has a <use> that refers to itself"),
    ('width="100" height="100"', "".join(f'<g id="n{i}"><use href="#n{i + 1}"/></g>' for i in range(40)) + '<g id="n40"/>',
     "nests <use> references more than 32 deep"),
    ('width="0" height="100"', "<rect/>", "is 0 × 100 pixels: there is nothing to draw"),
    ('viewBox="0 0 10 -5"', "<rect/>", "is 10 × -5 pixels"),
    ("", "<rect/>", "has no size"),
    ('width="200000" height="200000"', "<rect/>", "is 200,000 × 200,000 pixels, more than a slide can use"),
    ('width="100in" height="100in"', "<rect/>", "is 9,600 × 9,600 pixels"),
    ('width="100" height="100"', '<defs><pattern id="p" width="5" height="5" patternUnits="userSpaceOnUse">'
     '<rect width="5" height="5" fill="url(#p)"/></pattern></defs><rect width="10" height="10" fill="url(#p)"/>',
     "cannot be drawn: it refers to itself"),
    ('width="100" height="100"', '<clipPath id="c"><rect width="5" height="5" clip-path="url(#c)"/></clipPath>'
     '<rect width="10" height="10" clip-path="url(#c)"/>', "cannot be drawn: it refers to itself"),
    ('width="100" height="100"', '<marker id="m"><path d="M0 0 L1 1" marker-start="url(#m)"/></marker>'
     '<path d="M0 0 L5 5" marker-start="url(#m)"/>', "cannot be drawn: cairo returned CAIRO_STATUS_INVALID_MATRIX"),
    ('width="10" height="10"', f'<image width="4" height="4" href="data:image/png;base64,{png_base64(cut=30)}"/>',
     "embeds a picture that cannot be read"),
    ('width="10" height="10"', f'<image width="4" height="4" href="data:image/png;base64,{png_base64(9000, 9000)}"/>',
     "embeds a picture of 9000 × 9000 pixels"),
])
def it_refuses_an_svg_a_renderer_would_choke_on(tmp_path, size, body, message):
    talk = picture_talk(tmp_path, SVG.format(size=size, body=body))
    stderr = refused(talk, tmp_path, "talk.yaml:7:10: error: picture 'p.svg' ")
    assert message in stderr and "[ref.image]" in stderr


def it_checks_a_use_bomb_by_counting_not_by_drawing(tmp_path, monkeypatch):
    """Each element referred to is weighed once: a bomb of 10^12 elements costs a few thousand steps."""
    from generator.content import svg

    talk = picture_talk(tmp_path, SVG.format(size='width="10" height="10"', body=use_bomb(12, 10)))
    looked = []
    real = svg._local
    monkeypatch.setattr(svg, "_local", lambda tag: looked.append(tag) or real(tag))
    assert "through <use> references" in svg.svg_problem(talk / "images" / "p.svg")[0]
    assert len(looked) < 1000


HOSTILE = """<?xml-stylesheet href="http://evil.example/a.css"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="20"
     onload="alert(1)">
  <style>@import url(http://evil.example/b.css); rect { fill: url(http://evil.example/p.svg#g) }
  .ok { fill: url(#grad) }</style>
  <script>alert(2)</script>
  <defs><linearGradient id="grad"><stop offset="0" stop-color="#123456"/></linearGradient></defs>
  <rect id="box" width="10" height="10" onclick="alert(3)" style="fill: url('file:///etc/passwd')"
        fill="url(https://evil.example/x#y)"/>
  <use href="#box" x="12"/>
  <use xlink:href="http://evil.example/sprite.svg#icon"/>
  <a href="javascript:alert(4)"><text x="0" y="18">hi</text></a>
  <image width="4" height="4" href="file:///etc/passwd"/>
  <image width="4" height="4" xlink:href="data:image/svg+xml;base64,PHN2Zy8+"/>
  <image width="4" height="4" href="data:image/png;base64,PNGDATA"/>
  <foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>
  <set attributeName="href" to="javascript:alert(5)"/>
  <animate attributeName="x" from="0" to="5" dur="1s"/>
</svg>
"""


def it_sanitizes_an_svg_before_any_output_takes_it(tmp_path):
    import base64
    import re
    import zipfile

    from generator.content.svg import sanitized

    hostile = HOSTILE.replace("PNGDATA", png_base64())
    clean = sanitized(hostile.encode("utf-8")).decode("utf-8")
    for gone in ("evil.example", "alert", "<script", "onload", "onclick", "/etc/passwd", "javascript:",
                 "foreignObject", "<set", "@import", "svg+xml", "xml-stylesheet"):
        assert gone not in clean, gone
    for kept in ('url(#grad)', '<use href="#box" x="12"/>', "data:image/png;base64," + png_base64(), "<animate",
                 '<text x="0" y="18">hi</text>', 'stop-color="#123456"'):
        assert kept in clean, kept
    talk = picture_talk(tmp_path, hostile)
    result = run("build", talk, "--no-cache", "--format", "pptx,html,pdf", "--out", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    folder = tmp_path / "out" / "pics" / "en"
    with zipfile.ZipFile(folder / "pics-en.pptx") as deck:
        svgs = [deck.read(n) for n in deck.namelist() if n.endswith(".svg")]
    html = (folder / "pics-en.html").read_text("utf-8")
    embedded = [base64.b64decode(m) for m in re.findall(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)", html)]
    assert svgs and embedded
    for data in svgs + embedded:
        assert b"evil.example" not in data and b"alert" not in data and b"<script" not in data


def it_refuses_a_translated_address_too_long_for_its_qr_code(tmp_path):
    talk = small_talk(tmp_path, catalog={"context": "slides/end/urls", "source": "https://example.com/",
                                         "translation": "https://example.com/" + "a" * 4000})
    refused(talk, tmp_path, "en.po:7:1: error: the translation of the link address 'https://example.com/' is too "
                            "long for a QR code: it has 4,020 bytes")
