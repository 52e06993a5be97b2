"""Time `deckgen watch` after an edit: one string of talk.yaml, then one msgstr of en.po, each
edited `--edits` times in a copy of the sample talk watched in fr and en.

For each edit, from the moment the file is saved: when the watch process says the deck is
rebuilt (the page is then told to reload), and when it says every format of the language is
written into the output folder. Medians are printed against a cold build of that language alone
(a fresh process, an empty cache), as ratios (the goals: the preview at most 100 ms after the
save, every format within 0.25x of the cold build).

    .venv/bin/python bench/bench_watch.py [--edits 10]
"""

from __future__ import annotations

import argparse
import os
import queue
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TALK = ROOT / "content" / "autour-de-docker"
STATEMENT = "text: Un conteneur Docker n'est pas une machine virtuelle."
MSGCTXT = 'msgctxt "slides/not-vms/text"'


class Watch:
    """`deckgen watch` in a subprocess, each line it prints kept with the time it came."""

    def __init__(self, talk: Path, out: Path, env: dict[str, str]):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "generator", "watch", str(talk), "--port", "0", "--lang", "fr,en",
             "--out", str(out)], cwd=ROOT, env={**env, "PYTHONUNBUFFERED": "1"},
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put((time.monotonic(), line.rstrip("\n")))

    def wait_for(self, pattern: str, timeout: float = 120.0) -> float:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                at, line = self.lines.get(timeout=0.2)
            except queue.Empty:
                if self.process.poll() is not None:
                    sys.exit("deckgen watch stopped")
                continue
            if re.search(pattern, line):
                return at
        sys.exit(f"no line matching {pattern!r}")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def edited_yaml(text: str, run: int) -> str:
    return text.replace(STATEMENT, f"text: Un conteneur Docker n'est pas une machine virtuelle ({run}).")


def edited_catalog(text: str, run: int) -> str:
    at = text.index('msgstr "', text.index(MSGCTXT))
    return text[:at] + f'msgstr "A Docker container is not a virtual machine ({run})."' + text[text.index("\n", at):]


def cold(talk: Path, lang: str, scratch: Path, env: dict[str, str]) -> float:
    """Seconds of a cold build of one language, in a fresh process with an empty cache."""
    cache, out = scratch / "cold-cache", scratch / "cold-out"
    shutil.rmtree(cache, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "generator", "build", str(talk), "--lang", lang, "--out", str(out), "-q"],
                   cwd=ROOT, env={**env, "XDG_CACHE_HOME": str(cache)}, check=True)
    return time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        talk = scratch / "autour-de-docker"
        shutil.copytree(TALK, talk)
        env = {k: v for k, v in os.environ.items() if k not in ("DECKGEN_NO_CACHE",)}
        env["XDG_CACHE_HOME"] = str(scratch / "cache")
        watch = Watch(talk, scratch / "out", env)
        results = {}
        try:
            watch.wait_for(r"^wrote \d+ files? of fr in ")
            watch.wait_for(r"^wrote \d+ files? of en in ")
            # (the file, its edit, the language timed, every language it rebuilds)
            for name, path, edit, lang, rebuilt in (
                    ("talk.yaml", talk / "talk.yaml", edited_yaml, "fr", ("fr", "en")),
                    ("en.po", talk / "locales" / "en.po", edited_catalog, "en", ("en",))):
                original = path.read_text("utf-8")
                preview, outputs = [], []
                for run in range(args.edits):
                    saved = time.monotonic()
                    path.write_text(edit(original, run), "utf-8")
                    preview.append(watch.wait_for(rf"^rebuilt {lang} \(build") - saved)
                    outputs.append(watch.wait_for(rf"^wrote \d+ files? of {lang} in ") - saved)
                    for other in rebuilt[rebuilt.index(lang) + 1:]:     # every write over before the next save
                        watch.wait_for(rf"^wrote \d+ files? of {other} in ")
                    time.sleep(0.3)
                path.write_text(original, "utf-8")
                for other in rebuilt:
                    watch.wait_for(rf"^wrote \d+ files? of {other} in ")
                results[name] = (lang, statistics.median(preview), statistics.median(outputs))
        finally:
            watch.stop()
        for name, (lang, preview, outputs) in results.items():
            base = statistics.median(cold(talk, lang, scratch, env) for _ in range(3))
            print(f"{name} edited ({args.edits} edits, {lang}): preview {preview * 1000:.0f} ms after the save "
                  f"(goal: at most 100 ms); every format written {outputs:.2f} s after it = "
                  f"{outputs / base:.2f}x a cold build of {lang} ({base:.2f} s; goal: at most 0.25x)")


if __name__ == "__main__":
    main()
