"""WeasyPrint's only door: `data:` URLs and files of the talk's and the theme's folders, nothing else."""

from __future__ import annotations

import os

import pytest

from generator.renderers.handout.fetcher import ConfinedFetcher, RefusedURL
from generator.renderers.handout.pdf import print_pdf
from generator.theme import load_theme


@pytest.fixture()
def folders(tmp_path):
    talk = tmp_path / "talk"
    (talk / "images").mkdir(parents=True)
    (talk / "images" / "a.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    return talk, load_theme("default").directory


@pytest.fixture()
def fetcher(folders):
    return ConfinedFetcher(folders)


@pytest.mark.parametrize("url", [
    "file:///etc/passwd", "FILE:///etc/passwd", "file://localhost/etc/passwd", "file:/etc/passwd",
    "http://example.org/", "https://example.org/style.css", "http://127.0.0.1:9/x.png", "ftp://example.org/x",
    "//example.org/x", "gopher://example.org/", "javascript:alert(1)", "file://evil.example/share/x",
])
def it_refuses_local_files_elsewhere_and_every_network_url(fetcher, url):
    with pytest.raises(RefusedURL):
        fetcher(url)
    assert fetcher.refused == [url]


def it_refuses_a_way_out_of_the_talks_folder(fetcher, folders, tmp_path):
    talk, _ = folders
    with pytest.raises(RefusedURL):
        fetcher((talk / "images" / ".." / ".." / "secret.txt").as_uri())
    with pytest.raises(RefusedURL):
        fetcher(talk.as_uri() + "/../secret.txt")
    (talk / "link.txt").symlink_to(tmp_path / "secret.txt")
    with pytest.raises(RefusedURL):
        fetcher((talk / "link.txt").as_uri())
    with pytest.raises(RefusedURL):
        fetcher(talk.as_uri() + "/missing.png")


def it_reads_data_urls_and_files_of_the_talk_and_the_theme(fetcher, folders):
    talk, theme = folders
    assert fetcher("data:text/plain;base64,aGk=").read() == b"hi"
    picture = fetcher((talk / "images" / "a.svg").as_uri())
    assert picture.read().startswith(b"<svg") and picture.content_type == "image/svg+xml"
    assert fetcher((theme / "theme.yaml").as_uri()).read().startswith(b"#")
    assert fetcher.refused == []


def it_keeps_weasyprint_inside_while_it_prints(folders, tmp_path):
    talk, theme = folders
    html = ('<html><head><link rel="stylesheet" href="http://127.0.0.1:9/x.css">'
            '<link rel="stylesheet" href="file:///etc/passwd"></head><body><p>Bonjour</p>'
            '<img src="file:///etc/hostname"><img src="../secret.txt"><img src="images/a.svg"></body></html>')
    printed = print_pdf(html, base=talk, folders=(talk, theme))
    assert printed.pdf.startswith(b"%PDF-")
    assert sorted(printed.refused) == sorted(["http://127.0.0.1:9/x.css", "file:///etc/passwd",
                                              "file:///etc/hostname", (tmp_path / "secret.txt").as_uri()])


def it_sets_source_date_epoch_only_while_printing(folders, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    talk, theme = folders
    print_pdf("<p>x</p>", base=talk, folders=(talk, theme))
    assert "SOURCE_DATE_EPOCH" not in os.environ
