"""Nothing from outside the talk gets in, and every bad file gets a clear error (small reproducers)."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import ROOT, SAMPLE_TALK

DEFAULT_TEMPLATE = ROOT / "templates" / "default" / "template.pptx"
PICTURE_TALK = """\
id: pics
title: Pictures
lang: en
slides:
  - id: photo
    kind: image
    src: {src}
    alt: A picture
"""


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def picture_talk(root: Path, src: str) -> Path:
    talk = root / "pics"
    talk.mkdir(parents=True, exist_ok=True)
    (talk / "talk.yaml").write_text(PICTURE_TALK.format(src=src), "utf-8")
    return talk


def it_refuses_a_picture_that_links_outside_the_talk(tmp_path):
    outside = tmp_path / "secret.png"
    from PIL import Image

    Image.new("RGB", (10, 10)).save(outside)
    talk = picture_talk(tmp_path, "images/photo.png")
    (talk / "images").mkdir()
    (talk / "images" / "photo.png").symlink_to(outside)
    result = run("check", talk)
    assert result.exit_code == 1
    assert "talk.yaml:7:10: error: picture 'images/photo.png' is outside the talk's folder [ref.outside]" in result.stderr
    assert not run("build", talk, "--out", tmp_path / "out").exit_code == 0
    assert not (tmp_path / "out").exists()


def it_refuses_a_template_named_outside_the_talk(tmp_path):
    talk = tmp_path / "autour-de-docker"
    shutil.copytree(SAMPLE_TALK, talk)
    path = talk / "talk.yaml"
    for name in ("../../corporate.pptx", str(DEFAULT_TEMPLATE)):
        path.write_text(path.read_text("utf-8").replace("theme: default\n", f"theme: default\ntemplate: {name}\n", 1)
                        if "template:" not in path.read_text("utf-8")
                        else "\n".join(f"template: {name}" if l.startswith("template:") else l
                                       for l in path.read_text("utf-8").splitlines()) + "\n", "utf-8")
        result = run("check", talk)
        assert result.exit_code == 1 and "is outside the talk's folder [ref.outside]" in result.stderr, name
        assert "--template on the command line" in result.stderr
    # on the command line, the user's own choice may point anywhere
    path.write_text("\n".join(l for l in path.read_text("utf-8").splitlines() if not l.startswith("template:")) + "\n")
    assert run("build", talk, "--format", "pptx", "--lang", "fr", "--template", DEFAULT_TEMPLATE,
               "--out", tmp_path / "out").exit_code == 0


def rewritten(source: Path, target: Path, change) -> Path:
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, change(info.filename, src.read(info.filename)))
    return target


def it_drops_a_templates_links_to_the_outside_with_a_warning(tmp_path):
    def external(name: str, data: bytes) -> bytes:
        if name == "ppt/slideLayouts/_rels/slideLayout1.xml.rels":
            return data.replace(b"</Relationships>", b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/'
                                b'officeDocument/2006/relationships/hyperlink" Target="file:///etc/passwd" '
                                b'TargetMode="External"/></Relationships>')
        return data

    template = rewritten(DEFAULT_TEMPLATE, tmp_path / "linked.pptx", external)
    result = run("build", SAMPLE_TALK, "--format", "pptx", "--lang", "fr", "--template", template, "--out", tmp_path / "o")
    assert result.exit_code == 0
    assert "dropped a link to 'file:///etc/passwd'" in result.stderr and "[pptx.external]" in result.stderr
    deck = tmp_path / "o" / "autour-de-docker" / "fr" / "autour-de-docker-fr.pptx"
    with zipfile.ZipFile(deck) as package:
        assert not any(b"/etc/passwd" in package.read(n) for n in package.namelist())
    strict = run("build", SAMPLE_TALK, "--format", "pptx", "--lang", "fr", "--template", template, "--strict",
                 "--out", tmp_path / "s")
    assert strict.exit_code == 1 and not (tmp_path / "s").exists()


@pytest.mark.parametrize("name,change,message", [
    ("doctype.pptx", lambda n, d: d.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>', 1)
     if n == "ppt/presentation.xml" else d, "declares a DOCTYPE"),
    ("bomb.pptx", lambda n, d: d + b" " * (120 * 1024 * 1024) if n == "ppt/presentation.xml" else d, "unpacks to"),
])
def it_checks_a_templates_package_before_opening_it(tmp_path, name, change, message):
    template = rewritten(DEFAULT_TEMPLATE, tmp_path / name, change)
    result = run("build", SAMPLE_TALK, "--format", "pptx", "--lang", "fr", "--template", template, "--out", tmp_path / "o")
    assert result.exit_code == 1, result.stderr
    assert message in result.stderr and "[pptx.template]" in result.stderr and "hint:" in result.stderr
    assert "internal error" not in result.stderr


def it_refuses_a_picture_bomb_and_a_truncated_png_in_check(tmp_path):
    from PIL import Image

    talk = picture_talk(tmp_path, "images/photo.png")
    (talk / "images").mkdir()
    big = io.BytesIO()
    Image.new("1", (12000, 12000)).save(big, "PNG")
    (talk / "images" / "photo.png").write_bytes(big.getvalue())
    result = run("check", talk)
    assert result.exit_code == 1 and "is 12000 × 12000 pixels" in result.stderr and "[ref.image]" in result.stderr
    small = io.BytesIO()
    Image.new("RGB", (300, 300), "#123456").save(small, "PNG")
    (talk / "images" / "photo.png").write_bytes(small.getvalue()[:-200])
    result = run("check", talk)
    assert result.exit_code == 1 and "cut short" in result.stderr


def it_writes_a_new_talk_with_a_newline_in_its_title(tmp_path):
    assert run("new", "demo", "--dir", tmp_path, "--title", "Two\nlines: #1").exit_code == 0
    result = run("check", tmp_path / "demo")
    assert result.exit_code == 0, result.stderr


def it_ends_quietly_when_its_reader_goes_away():
    import subprocess
    import sys

    result = subprocess.run(f"'{sys.executable}' -m generator schema | head -c 10", shell=True, cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.stdout == "{\n  \"$defs" and result.stderr == ""


def it_reports_a_full_disk_with_the_path_and_keeps_the_old_outputs(tmp_path, monkeypatch):
    import errno

    from generator.build import publish

    out = tmp_path / "out"
    assert run("build", SAMPLE_TALK, "--format", "html", "--lang", "fr", "--out", out).exit_code == 0
    folder = out / "autour-de-docker" / "fr"
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}

    def full(path, data):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(publish, "_write", full)
    result = run("build", SAMPLE_TALK, "--format", "pptx,html", "--lang", "fr", "--out", out)
    assert result.exit_code == 4
    assert "cannot write " in result.stderr and "No space left on device" in result.stderr
    assert "previous outputs are unchanged" in result.stderr and "internal error" not in result.stderr
    assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before
    assert not list(folder.parent.glob(".fr.*"))          # nothing half-written left beside it


def it_reports_an_output_path_that_is_not_a_folder(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "autour-de-docker").write_text("a file where the talk's folder would go")
    result = run("build", SAMPLE_TALK, "--format", "html", "--lang", "fr", "--out", out)
    assert result.exit_code == 4 and f"cannot write {out / 'autour-de-docker'}" in result.stderr
    assert "internal error" not in result.stderr


def it_shows_control_characters_of_user_text_escaped_in_diagnostics(tmp_path):
    talk = tmp_path / "t"
    talk.mkdir()
    (talk / "talk.yaml").write_text('id: t\ntitle: T\nlang: en\n"\\e]0;PWNED\\a": x\nslides:\n  - {id: s, kind: title}\n',
                                    "utf-8")
    result = run("check", talk)
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "\\x1b]0;PWNED\\x07" in result.stderr


def it_prints_errors_before_warnings_and_counts_what_it_does_not_print(tmp_path):
    talk = tmp_path / "t"
    talk.mkdir()
    slides = "\n".join(f"  - {{id: s{i}, kind: stack, stack: missing{i}}}" for i in range(60))
    (talk / "talk.yaml").write_text(f"id: other\ntitle: T\nlang: en\nslides:\n{slides}\n", "utf-8")
    result = run("check", talk)
    lines = [l for l in result.stderr.splitlines() if ": error: " in l or ": warning: " in l]
    assert len(lines) == 50
    assert all(": error: " in l for l in lines)          # the folder warning comes after 60 errors: not shown
    assert "… and 11 more (10 ref.unknown, 1 ref.folder)" in result.stderr
