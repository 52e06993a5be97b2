"""The HTML file itself: well formed, escaped, offline, accessible markup, the same bytes every build."""

from __future__ import annotations

import base64
import hashlib
import io
import os
import re
import subprocess
import sys
import textwrap
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLE_TALK
from tests.renderers.html.conftest import render_sample

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_ATTRIBUTE = re.compile(r"""\s+([^\s"'>/=]+)(=("[^"]*"|'[^']*'))?""")


class Checked(HTMLParser):
    """Reads a page, noting what the tests look at and every way it is not well formed."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.ids: list[str] = []
        self.text: list[str] = []
        self.raw: dict[str, list[str]] = {"style": [], "script": []}

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs)

    def _start(self, tag, attrs):
        source = self.get_starttag_text()
        inner = re.sub(r"^<[^\s/>]+|/?>$", "", source)
        for name, value, quoted in ((m.group(1), m.group(2), m.group(3)) for m in _ATTRIBUTE.finditer(inner)):
            if value is None or quoted is None:
                self.problems.append(f"unquoted attribute {name} in {source[:80]}")
        names = [name for name, _ in attrs]
        if len(names) != len(set(names)):
            self.problems.append(f"duplicate attribute in {source[:80]}")
        found = dict(attrs)
        if "id" in found:
            self.ids.append(found["id"])
        self.tags.append((tag, found))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            return
        self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1] in self.raw:
            self.raw[self.stack[-1]].append(data)
        else:
            self.text.append(data)


def check(html: str) -> Checked:
    parsed = Checked()
    parsed.feed(html)
    parsed.close()
    return parsed


@pytest.fixture(scope="module")
def fr(sample_html) -> Checked:
    return check(sample_html["fr"])


def it_is_well_formed_with_every_attribute_quoted(sample_html):
    for lang, html in sample_html.items():
        parsed = check(html)
        assert html.startswith("<!DOCTYPE html>\n<html ")
        assert parsed.problems == [], lang
        assert parsed.stack == [], lang


def it_has_one_section_per_slide_and_unique_ids_that_every_reference_finds(fr, sample_talk):
    sections = [a for tag, a in fr.tags if tag == "section" and "slide" in a.get("class", "").split()]
    assert [a["data-id"] for a in sections] == [s.id for s in sample_talk.talk.slides]
    assert len(fr.ids) == len(set(fr.ids))
    ids = set(fr.ids)
    for tag, attrs in fr.tags:
        for name in ("aria-labelledby", "aria-describedby"):
            for ref in attrs.get(name, "").split():
                assert ref in ids, (tag, name, ref)
        for name in ("href", "xlink:href"):
            value = attrs.get(name) or ""
            if value.startswith("#"):
                assert value[1:] in ids, (tag, value)


def it_names_the_language_of_each_deck(sample_html):
    for lang, html in sample_html.items():
        assert html.startswith(f'<!DOCTYPE html>\n<html lang="{lang}"')
    assert '"slide": "Diapositive {n} sur {total}"' in sample_html["fr"]
    assert '"slide": "Slide {n} of {total}"' in sample_html["en"]
    assert "Hypervisor" in sample_html["en"] and "Hyperviseur" not in sample_html["en"]


def it_gives_one_h1_and_a_heading_per_slide_and_names_every_diagram(fr):
    headings = [tag for tag, _ in fr.tags if tag in ("h1", "h2")]
    assert headings.count("h1") == 1 and len(headings) == 21
    svgs = [a for tag, a in fr.tags if tag == "svg" and "diagram" in a.get("class", "")]   # the QR code is no diagram
    charts = [a for a in svgs if "chart" in a["class"].split()]
    assert len(svgs) == 5 and len(charts) == 1
    for attrs in svgs:
        if attrs in charts:      # a chart's text alternative is the table of its values beside it
            assert attrs["aria-hidden"] == "true" and "role" not in attrs
            continue
        assert attrs["role"] == "img" and len(attrs["aria-labelledby"].split()) == 2
    assert [a.get("class") for tag, a in fr.tags if tag == "table"].count("visually-hidden chart-values") == 1


def it_makes_no_request_to_any_network(sample_html):
    for html in sample_html.values():
        parsed = check(html)
        for tag, attrs in parsed.tags:
            for name in ("src", "href", "xlink:href", "srcset", "poster", "data", "action", "background"):
                value = attrs.get(name)
                if value is None:
                    continue
                if tag == "a" and name == "href":
                    continue   # a link is followed only when clicked
                if tag == "link" and attrs.get("rel") == "alternate" and attrs.get("hreflang"):
                    assert re.fullmatch(r"\.\./[a-z-]+/[a-z0-9-]+\.html", value), value   # the deck in another
                    continue   # language, beside this one: named, never fetched
                assert value.startswith(("#", "data:")), (tag, name, value[:60])
        css = "".join(parsed.raw["style"])
        assert "@import" not in css
        assert set(re.findall(r"url\(\s*['\"]?([a-z]+:|#)", css)) <= {"data:", "#"}
        assert not re.search(r"<(iframe|object|embed|link(?! rel=\"icon\" href=\"data:,\"| rel=\"alternate\" "
                             r"hreflang=))", html)
        policy = next(a["content"] for t, a in parsed.tags if t == "meta" and a.get("http-equiv"))
        assert policy.startswith("default-src 'none'") and "connect-src 'none'" in policy
        assert "EventSource" not in html


def it_allows_exactly_its_own_script_and_style_by_hash(fr):
    policy = next(a["content"] for t, a in fr.tags if t == "meta" and a.get("http-equiv"))
    for kind in ("script", "style"):
        for text in fr.raw[kind]:
            if not text.strip().startswith("{"):   # the JSON data block is not run
                digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
                assert f"'sha256-{digest}'" in policy


def it_embeds_the_theme_fonts_cut_to_the_characters_on_the_slides(fr):
    from fontTools.ttLib import TTFont

    css = "".join(fr.raw["style"])
    faces = re.findall(r"@font-face \{ font-family: '([^']+)'; font-weight: (\d+); font-style: (\w+);"
                       r".*?base64,([A-Za-z0-9+/=]+)\)", css)
    assert [(f, w, s) for f, w, s, _ in faces] == [("Calibri", "400", "normal"), ("Calibri", "700", "normal"),
                                                   ("Calibri", "400", "italic"),
                                                   ("Courier New", "400", "normal"),   # the code slide
                                                   ("Courier New", "700", "normal")]
    shown = {c for c in "".join(fr.text) if not c.isspace()}
    for *_, data in faces:
        font = TTFont(io.BytesIO(base64.b64decode(data)))
        assert font.flavor == "woff2"
        covered = {chr(c) for c in font.getBestCmap()}
        assert shown <= covered, sorted(shown - covered)
        assert len(covered) < 400   # a subset, not the whole font
    assert "--font-body: 'Calibri', 'Carlito'" in css


def it_takes_colours_from_the_theme_as_custom_properties(fr):
    css = "".join(fr.raw["style"])
    assert "--color-accent: #1D63ED;" in css and "--kind-os-fill: #DBEAFE;" in css
    for name in ("slide.css", "deck.css"):
        static = (ROOT / "templates" / "default" / "html" / name).read_text()
        assert not re.search(r"#[0-9A-Fa-f]{3,6}\b", static), f"{name} names a colour of its own"
        assert "Calibri" not in static and "Carlito" not in static


def it_stays_small(sample_html):
    sizes = {lang: len(html.encode()) for lang, html in sample_html.items()}
    print(f"sample deck sizes: {sizes}")
    assert all(size < 350_000 for size in sizes.values()), sizes


def write_talk(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True)
    (folder / "talk.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def it_escapes_markup_written_in_the_content(tmp_path):
    talk = write_talk(tmp_path / "evil", """\
        id: evil
        title: "<script>alert('title')</script> & co"
        lang: en
        stacks:
          - id: s
            title: "<b>stack</b>"
            layers:
              - {id: a, label: "<img src=x onerror=alert(1)>", kind: os}
        slides:
          - {id: title, kind: title}
          - id: b
            kind: bullets
            title: "Bullets <i>"
            bullets: ["<script>alert(2)</script>", "**bold <u>**"]
            notes: "<iframe src=javascript:alert(3)></iframe>"
          - {id: st, kind: stack, stack: s}
          - id: end
            kind: closing
            links: [{label: "<a>", url: "https://example.org/?a=<b>&c=\\"d\\""}]
        """)
    html, _ = render_sample("en", talk)
    parsed = check(html)
    assert parsed.problems == []
    for raw in ("<script>alert", "<img src=x", "<iframe", "<b>stack", "<u>", "<i>"):
        assert raw not in html, raw
    assert "<title>&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; &amp; co</title>" in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html and "<strong>bold &lt;u&gt;</strong>" in html
    assert "&lt;iframe src=javascript:alert(3)&gt;" in html
    hrefs = [a["href"] for t, a in parsed.tags if t == "a"]
    assert hrefs == ['https://example.org/?a=%3Cb%3E&c=%22d%22']     # an ASCII URI, as browsers send it
    assert 'href="https://example.org/?a=%3Cb%3E&amp;c=%22d%22"' in html


def it_never_lets_a_javascript_url_into_the_output(sample_talk, tmp_path):
    from generator.build.jobs import RenderJob
    from generator.i18n.localize import LocalizedTalk
    from generator.model.talk import Link
    from generator.renderers.html.deck import render_html
    from generator.theme import load_theme

    talk = sample_talk.talk
    closing = talk.slides[-1].model_copy(update={"links": (
        Link.model_construct(label="Docs", url="https://docs.docker.com/"),
        Link.model_construct(label="Trap", url="javascript:alert(document.domain)"),
        Link.model_construct(label="Trap 2", url=" JaVa\tScRiPt:alert(1)"),
        Link.model_construct(label="Trap 3", url="data:text/html;base64,PHNjcmlwdD4="))})
    talk = talk.model_copy(update={"slides": (*talk.slides[:-1], closing)})
    job = RenderJob(sample_talk, LocalizedTalk(talk, "fr"), load_theme("default"), "fr")
    rendered = render_html(job)
    html = rendered.files["autour-de-docker-fr.html"].decode()
    assert "javascript:" not in html.lower().replace("\t", "")
    assert "PHNjcmlwdD4=" not in html and "alert(document.domain)" not in html
    assert '<a href="https://docs.docker.com/"' in html and "<span>Trap</span>" in html
    from generator.commands.fit_report import plan_diagnostics

    assert sorted(w.code for w in plan_diagnostics(sample_talk, job.plan, job.theme)) == ["html.link"] * 3


def it_gives_the_same_bytes_on_every_build_whatever_the_hash_seed(tmp_path):
    digests = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "generator", "build", str(SAMPLE_TALK), "--format", "html",
                        "--lang", "fr", "--out", str(out)], check=True, cwd=ROOT, env=env, capture_output=True)
        digests.append(hashlib.sha256((out / "autour-de-docker" / "fr" / "autour-de-docker-fr.html")
                                      .read_bytes()).hexdigest())
    assert digests[0] == digests[1]


def it_adds_the_live_script_only_in_watch_mode():
    from generator.renderers.html.deck import Live

    html, _ = render_sample("fr", live=Live(version=7))
    policy = next(a["content"] for t, a in check(html).tags if t == "meta" and a.get("http-equiv"))
    assert "EventSource" in html and "connect-src 'self'" in policy and '"version": 7' in html
