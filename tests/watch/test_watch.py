"""`deckgen watch`: a running server rebuilds on an edit of talk.yaml, the open page reloads on the
same slide and step, and a content error shows over the page without stopping the server."""

from __future__ import annotations

import os
import queue
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

from tests.conftest import ROOT, SAMPLE_TALK

STATEMENT = "text: Un conteneur Docker n'est pas une machine virtuelle."


class Watcher:
    """`deckgen watch` in a subprocess, its output read line by line as it comes."""

    def __init__(self, talk_dir, *args: str):
        pytest.importorskip("watchfiles", reason="watchfiles is not installed (pip install '.[test]')")
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        options = args or ("--preview-only",)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "generator", "watch", str(talk_dir), "--port", "0", *options], cwd=ROOT, env=env,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, pattern: str, timeout: float = 30.0) -> re.Match:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.1)
            except queue.Empty:
                assert self.process.poll() is None, "deckgen watch stopped:\n" + "\n".join(self.seen)
                continue
            self.seen.append(line)
            found = re.search(pattern, line)
            if found:
                return found
        raise AssertionError(f"no line matching {pattern!r} in:\n" + "\n".join(self.seen))

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture
def watcher(tmp_path):
    talk = tmp_path / "autour-de-docker"
    shutil.copytree(SAMPLE_TALK, talk)
    running = Watcher(talk)
    running.talk = talk
    yield running
    running.stop()


def heading_text(page, number: int) -> str:
    """A slide's heading as it reads, whether or not the plan broke it (`<br>` after a space)."""
    return " ".join(page.locator(f"#slide-{number} h2").text_content().split())


def it_reloads_the_open_page_with_the_new_text_on_the_same_slide_and_step(watcher, browser):
    url = watcher.wait_for(r"serving .* at (http://127\.0\.0\.1:\d+/)").group(1)
    events = urllib.request.urlopen(url + "__deckgen/events", timeout=10)
    assert events.headers["Content-Type"].startswith("text/event-stream")
    assert events.readline().decode() == 'data: {"version": 1, "error": null}\n'
    events.close()

    page = browser.new_page(viewport={"width": 1280, "height": 720})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url + "#/6")
    page.wait_for_selector(".slide.current")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    stage = page.locator("#stage")
    assert (stage.get_attribute("data-current-slide"), stage.get_attribute("data-current-step")) == ("6", "3")

    source = watcher.talk / "talk.yaml"
    text = source.read_text(encoding="utf-8")
    assert STATEMENT in text
    with page.expect_event("load", timeout=15000):
        started = time.monotonic()
        source.write_text(text.replace(STATEMENT, "text: Un conteneur n'est toujours pas une VM."), encoding="utf-8")
    took = time.monotonic() - started
    print(f"edit to reloaded page: {took:.2f} s")
    watcher.wait_for(r"rebuilt fr \(build 2\) in")
    page.wait_for_selector(".slide.current")
    assert "toujours pas une VM" in heading_text(page, 2)
    assert (stage.get_attribute("data-current-slide"), stage.get_attribute("data-current-step")) == ("6", "3")
    assert page.url.endswith("#/6/3")
    assert took < 5.0

    # A content error: shown over the page and in the terminal; the server keeps running.
    source.write_text(text.replace("kind: statement", "kind: statment", 1), encoding="utf-8")
    overlay = page.wait_for_selector(".live-overlay pre", timeout=15000)
    assert "unknown slide kind 'statment'" in overlay.inner_text() and "[schema.kind]" in overlay.inner_text()
    watcher.wait_for(r"error: unknown slide kind 'statment'")
    assert watcher.process.poll() is None
    page.reload()
    page.wait_for_selector(".live-overlay pre", timeout=15000)
    assert "toujours pas une VM" in heading_text(page, 2)   # the last good build

    # Fixed: the page reloads with the new build and the overlay is gone.
    with page.expect_event("load", timeout=15000):
        source.write_text(text, encoding="utf-8")
    page.wait_for_selector(".slide.current")
    assert page.locator(".live-overlay").count() == 0
    assert "n’est pas une machine virtuelle" in heading_text(page, 2).replace("'", "’")
    assert errors == []
    page.close()


def it_answers_only_requests_addressed_to_127_0_0_1_or_localhost(watcher):
    import socket

    url = watcher.wait_for(r"serving .* at (http://127\.0\.0\.1:(\d+)/)")
    port = int(url.group(2))

    def raw(host: str) -> str:
        with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
            conn.sendall(f"GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
            data = b""
            while chunk := conn.recv(65536):
                data += chunk
        return data.decode("utf-8", "replace")

    rebound = raw(f"attacker.example:{port}")      # a page whose name now points at 127.0.0.1
    assert rebound.startswith("HTTP/1.1 421") and "Démon Docker" not in rebound
    assert raw(f"127.0.0.1:{port}").startswith("HTTP/1.1 200")
    assert raw(f"localhost:{port}").startswith("HTTP/1.1 200")
    assert raw("localhost:1").startswith("HTTP/1.1 421")


def it_serves_every_watched_language_and_writes_the_changed_ones_outputs(tmp_path):
    talk = tmp_path / "autour-de-docker"
    shutil.copytree(SAMPLE_TALK, talk)
    out = tmp_path / "out"
    watcher = Watcher(talk, "--lang", "fr,en", "--format", "html,pdf", "--out", str(out))
    try:
        url = watcher.wait_for(r"serving .* at (http://127\.0\.0\.1:\d+/)").group(1)
        watcher.wait_for(r"wrote 2 files of fr in ")      # each language's files as soon as they are written
        watcher.wait_for(r"wrote 2 files of en in ")
        folder = out / "autour-de-docker"
        english, french = folder / "en" / "autour-de-docker-en.html", folder / "fr" / "autour-de-docker-fr.html"
        before = french.stat().st_mtime_ns, (folder / "fr" / "autour-de-docker-fr.pdf").stat().st_mtime_ns

        served = urllib.request.urlopen(url + "en/autour-de-docker-en.html", timeout=10).read().decode()
        assert '<html lang="en"' in served and '"/en/__deckgen/events"' in served
        assert '<html lang="fr"' in urllib.request.urlopen(url, timeout=10).read().decode()

        catalog = talk / "locales" / "en.po"
        text = catalog.read_text("utf-8")
        at = text.index('msgstr "', text.index('msgctxt "slides/not-vms/text"'))
        end = text.index("\n", at)
        catalog.write_text(text[:at] + 'msgstr "A container is still not a VM."' + text[end:], "utf-8")
        watcher.wait_for(r"rebuilt en \(build 2\) in")
        watcher.wait_for(r"autour-de-docker/en html: 1 file")
        watcher.wait_for(r"autour-de-docker/en pdf: 1 file")
        watcher.wait_for(r"wrote \d+ files? of en in ")
        assert not any("rebuilt fr (build 2)" in line for line in watcher.seen), "French was rebuilt for en.po"
        assert "still not a VM" in english.read_text("utf-8")
        assert "still not a VM" in urllib.request.urlopen(url + "en/", timeout=10).read().decode()
        assert (french.stat().st_mtime_ns, (folder / "fr" / "autour-de-docker-fr.pdf").stat().st_mtime_ns) == before
    finally:
        watcher.stop()
