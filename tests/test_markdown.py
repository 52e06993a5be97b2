"""Inline Markdown, read by markdown-it-py: the cases a regex got wrong, each with its runs."""

from __future__ import annotations

import pytest

from generator.text.markdown import Piece, inline_pieces, plain, to_html


@pytest.mark.parametrize("text,pieces", [
    ("Use *.txt and *.md files", [Piece("Use *.txt and *.md files")]),
    (r"\*literal\*", [Piece("*literal*")]),
    ("**bold *and italic***", [Piece("bold ", frozenset({"strong"})), Piece("and italic", frozenset({"strong", "em"}))]),
    ("see [the docs](https://docs.docker.com/) now",
     [Piece("see "), Piece("the docs", href="https://docs.docker.com/"), Piece(" now")]),
    ("run `docker build .` here", [Piece("run "), Piece("docker build .", frozenset({"code"})), Piece(" here")]),
    ("[trap](javascript:alert(1))", [Piece("[trap](javascript:alert(1))")]),   # no link: shown as written
    ("<b>not html</b>", [Piece("<b>not html</b>")]),
])
def it_reads_inline_markdown_into_styled_pieces(text, pieces):
    assert list(inline_pieces(text)) == pieces


def it_escapes_everything_in_html_and_keeps_safe_links():
    assert to_html("**a** <i> [x](https://x.org)") == (
        '<strong>a</strong> &lt;i&gt; <a href="https://x.org">x</a>')
    assert plain(r"**Term**: the \*rest\*") == "Term: the *rest*"


def it_writes_pptx_runs_with_bold_italic_code_font_and_hyperlinks():
    from pptx import Presentation

    prs = Presentation()
    box = prs.slides.add_slide(prs.slide_layouts[6]).shapes.add_textbox(0, 0, 100, 100)
    from generator.renderers.pptx.text import CODE_FONT, write_paragraph

    write_paragraph(box.text_frame.paragraphs[0], "**bold *both*** `code` [link](https://x.org)")
    runs = box.text_frame.paragraphs[0].runs
    assert [(r.text, r.font.bold, r.font.italic) for r in runs[:2]] == [("bold ", True, None), ("both", True, True)]
    code = next(r for r in runs if r.text == "code")
    assert code.font.name == CODE_FONT
    link = next(r for r in runs if r.text == "link")
    assert link.hyperlink.address == "https://x.org"
