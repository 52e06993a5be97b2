"""Our inline Markdown reader (generator/markdown_inline.py) against markdown-it-py, which it ports:
the same tokens, and the same results of every public function of generator/markdown.py, on every
string of the talks, catalogs and test data, on seeded random strings dense in Markdown syntax,
and on hand-made edge cases. A build never imports markdown-it-py."""

from __future__ import annotations

import random
import subprocess
import sys

import pytest

from generator import markdown
from generator.markdown_inline import parse_inline
from tests.conftest import ROOT

markdown_it = pytest.importorskip("markdown_it")

EDGE_CASES = [
    "", " ", "\n", "a\r\nb\rc\0d", "foo_bar_baz", "snake_case_name and *.txt and *.md", "2*3*4", "a * b * c",
    "*a*", "_a_", "**a**", "__a__", "***a***", "___a___", "*a **b** c*", "_a __b__ c_", "**a *b***",
    "*foo**bar**baz*", "*foo**bar*", "**foo*bar**", "foo***bar***baz", "a**\"b\"**c", "*(*a*)*", "_(_a_)_",
    "*a _b* c_", "**a _b** c_", "*a `*` b*", "**unclosed", "*unclosed", "closing**", "** spaced **",
    "пр*и*вет", "中*文*字", "مر*ح*با", "😀*a*😀", "é_a_é", "x\u00a0*a*\u00a0y", "x\u3000_a_\u3000y",
    "`code`", "``a`b``", "```a``b```", "` `", "`  `", "` a `", "`  a  `", "`a\nb`", "`unterminated",
    "``a`", "a ` b ` c", "\\`not code`",
    "[text](https://example.org)", "[text](https://example.org \"title\")", "[t](https://e.org 'title')",
    "[t](https://e.org (title))", "[t](<https://e.org/a b>)", "[t](<a<b>)", "[t](a b)", "[t](a(b)c)",
    "[t](a(b)", "[t](a\\ b)", "[t](a\\)b)", "[t]()", "[t](<>)", "[t]( https://e.org )", "[t](\nhttps://e.org\n)",
    "[t](https://e.org \"a \\\" b\")", "[t](https://e.org \"unclosed)", "[a][b]", "[a][]", "[a]", "[a] (b)",
    "[a](b)[c](d)", "[[a](b)](c)", "[a [b] c](d)", "[a\\]b](c)", "[`]`](c)", "[*a*](b)", "*[a*](b)",
    "[a *b](c) d*", "<https://example.org>", "<mailto:a@b.c>", "<b>bold</b>", "![alt](img.png)",
    "!", "[a](javascript:alert(1))", "[a](JAVASCRIPT:x)", "[a](vbscript:x)", "[a](file:///etc)",
    "[a](data:image/png;base64,AA)", "[a](data:text/html,x)", "[a](//example.org/x)", "[a](mailto:jé@bü.de)",
    "[a](https://bücher.de/ä?q=ü#é)", "[a](http://[::1]:8080/p)", "[a](HTTP://EXAMPLE.org)",
    "[a](%41%zz%)", "[a](&amp;&copy;&#65;&#x42;&bogus;)", "[a](x\\*y)", "[a](a@b@c/d)",
    "[a](https://e.org/" + "(" * 33 + ")" * 33 + ")", "[a](https://e.org/" + "(" * 32 + ")" * 32 + ")",
    "[" * 25 + "a" + "]" * 25 + "(b)", "[" * 21 + "a](b)", "[" * 40,
    "\\*", "\\_", "\\`", "\\[a](b)", "\\\\", "a\\", "\\a", "\\\nb", "a\\\n   b", "\\é", "\\😀",
    "&amp;", "&copy;", "&#39;", "&#x1F600;", "&bogus;", "&AMP;", "&#0;", "&#xD800;", "&#x110000;",
    "&#99999999;", "&#12345678;", "&nbsp;x", "&amp", "& amp;", "&#;", "&#x;", "&CounterClockwiseContourIntegral;",
]

ALPHABET = [
    "*", "_", "**", "__", "***", "`", "``", "```", "[", "]", "(", ")", "<", ">", "\\", "&", ";", "#", "!",
    '"', "'", " ", "  ", "\n", "\t", "a", "b", "word", "x1", "42", ".", ",", ":", "-", "/", "?", "@", "~",
    "é", "ß", "Ω", "中文", "مرحبا", "😀", "\u00a0", "&amp;", "&copy;", "&#39;", "&#x1F600;", "&bogus;",
    "https://", "e.org/", "mailto:", "javascript:", "](", "](<", ">)", " \"t\"", " 'u'", " (p)",
    "\\*", "\\_", "\\`", "\\[", "\\\n", "%41", "ü.de",
]


def _random_strings(count: int, seed: int = 20261129) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 30))) for _ in range(count)]


def _strings(value, seen: set[int]) -> list[str]:
    """The strings of a YAML document, each shared node once (a test's alias bomb stays small)."""
    if isinstance(value, str):
        return [value]
    if id(value) in seen:
        return []
    seen.add(id(value))
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item, seen)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item, seen)]
    return []


def _repository_strings() -> list[str]:
    """Every string value of the talks, catalogs and test data."""
    import polib
    import yaml

    found: list[str] = []
    for folder in ("content", "tests"):
        for path in sorted((ROOT / folder).rglob("*.yaml")):
            try:
                documents = list(yaml.safe_load_all(path.read_text("utf-8")))
            except (yaml.YAMLError, UnicodeDecodeError):
                continue  # a test's deliberately broken file
            found += [s for document in documents for s in _strings(document, set())]
        for path in sorted((ROOT / folder).rglob("*.po")):
            try:
                catalog = polib.pofile(str(path))
            except (OSError, ValueError):
                continue
            found += [s for entry in catalog for s in (entry.msgid, entry.msgstr) if s]
    return sorted(set(found))


REPOSITORY = _repository_strings()
CORPUS = EDGE_CASES + REPOSITORY + _random_strings(3000)


@pytest.fixture(scope="module")
def reference():
    return markdown_it.MarkdownIt("zero").enable(["emphasis", "backticks", "link", "escape", "entity"])


def _tokens(tokens) -> list[tuple]:
    return [(token.type, token.content, dict(token.attrs or {})) for token in tokens]


def it_has_a_corpus_worth_the_name():
    assert len(REPOSITORY) > 200 and len(CORPUS) > 3200


def it_gives_the_same_tokens_as_markdown_it(reference):
    different = [text for text in CORPUS
                 if _tokens(parse_inline(text)) != _tokens(reference.parseInline(text)[0].children or [])]
    assert different == []


def _lines(text: str, rng: random.Random) -> tuple[str, ...]:
    """The plain text broken at some of its spaces, sometimes with a hyphenated word, as a wrap gives."""
    words = markdown.plain(text).split()
    lines, line = [], []
    for word in words:
        if line and rng.random() < 0.3:
            lines.append(" ".join(line))
            line = []
        if len(word) > 3 and rng.random() < 0.1:
            lines.append(" ".join(line + [word[:2] + "-"]))
            line = [word[2:]]
        else:
            line.append(word)
    lines.append(" ".join(line))
    return tuple(lines)


def _results(text: str, lines: tuple[str, ...]) -> tuple:
    pieces = markdown.inline_pieces(text)
    return (pieces, markdown.plain(text), str(markdown.to_html(text)), str(markdown.to_html_lines(text, lines)),
            markdown.line_pieces(text, lines), markdown.split_pieces(pieces, lines),
            markdown.split_pieces(pieces, lines, True), markdown.paragraphs(text))


def it_gives_the_same_results_of_every_public_function(reference, monkeypatch):
    rng = random.Random(7)
    cases = [(text, _lines(text, rng)) for text in CORPUS]
    ours = [_results(text, lines) for text, lines in cases]
    markdown.inline_pieces.cache_clear()
    monkeypatch.setattr(markdown, "parse_inline", lambda text: reference.parseInline(text)[0].children or [])
    try:
        theirs = [_results(text, lines) for text, lines in cases]
    finally:
        markdown.inline_pieces.cache_clear()
    assert [case for case, a, b in zip(cases, ours, theirs) if a != b] == []


def it_decodes_entities_from_the_same_table():
    from markdown_it.common.entities import entities

    from generator.markdown_inline import _entities

    assert _entities() == entities
    for name, chars in entities.items():
        assert _tokens(parse_inline(f"&{name};")) == [("text", chars, {})], name


def it_never_imports_markdown_it():
    code = ("import sys; from generator.markdown import inline_pieces; "
            "inline_pieces('**a** [b](https://x) &copy; `c`'); assert 'markdown_it' not in sys.modules, 'markdown_it'; "
            "assert 'mdurl' not in sys.modules, 'mdurl'")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
