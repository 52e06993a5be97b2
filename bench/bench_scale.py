"""How a build grows with the talk: a synthetic talk of N slides (the sample's slides repeated),
three languages (fr; en from the sample's catalog; de, which has none and reads French), every format, an empty cache; wall-clock time,
processor time, the peak memory of the biggest process and each format's time, for each N, in one run.

    .venv/bin/python bench/bench_scale.py                       # 1,000 and 10,000 slides
    .venv/bin/python bench/bench_scale.py --slides 50,500 --full
    .venv/bin/python bench/bench_scale.py --slides 10000 --lang fr --timeout 600

talk.yaml is limited to 2 MiB, which the sample's slides repeated reach before 4,000 slides; the
talk is therefore written compact by default (one slide per line; each slide's speaker notes cut
to their first 20 characters, bullets to their first two, without sub-bullets, the code to its
first three lines), so that 10,000 slides fit (2.04 MB; with the chart slide the sample gained,
30 characters of notes made 2.14 MB). `--full` repeats the slides as they are (the figures of the
README's 50 and 500 slides).
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from bench_handout import SAMPLE, synthetic_talk  # noqa: E402

MAX_TALK_BYTES = 2 * 1024 * 1024
_FORMAT_LINE = re.compile(r"^\S+/\S+ (\S+): \d+ files? .*in ([\d.]+) s$")


def compact_talk(folder: Path, count: int) -> Path:
    """The sample talk with `count` slides, short enough for talk.yaml's size limit at 10,000:
    the sample's slides in turn (ids and titles varied as `synthetic_talk` varies them), notes,
    bullets and code shortened, one slide per line (JSON, which YAML reads)."""
    data = yaml.safe_load((SAMPLE / "talk.yaml").read_text(encoding="utf-8"))
    data.pop("translations", None)
    source = data.pop("slides")
    lines = []
    for index in range(count):
        slide = copy.deepcopy(source[index % len(source)])
        round_ = index // len(source)
        if round_:
            slide["id"] = f"{slide['id']}-{round_ + 1}"
            for key in ("title", "text"):
                if isinstance(slide.get(key), str):
                    slide[key] = f"{slide[key]} ({round_ + 1})"
        if isinstance(slide.get("notes"), str):
            notes = " ".join(slide["notes"].split())
            slide["notes"] = notes if len(notes) <= 20 else notes[:19].rstrip() + "…"
        if isinstance(slide.get("bullets"), list):
            slide["bullets"] = [b["text"] if isinstance(b, dict) else b for b in slide["bullets"][:2]]
        if isinstance(slide.get("code"), str):
            slide["code"] = "\n".join(slide["code"].splitlines()[:3])
            slide.pop("steps", None)
        lines.append("- " + json.dumps(slide, ensure_ascii=False, separators=(",", ":")))
    talk = folder / data["id"]
    talk.mkdir(parents=True)
    text = (yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)
            + "slides:\n" + "\n".join(lines) + "\n")
    size = len(text.encode("utf-8"))
    if size > MAX_TALK_BYTES:
        raise SystemExit(f"{count} slides make a talk.yaml of {size:,} bytes, over the {MAX_TALK_BYTES:,} allowed")
    (talk / "talk.yaml").write_text(text, encoding="utf-8")
    return talk


def build(talk: Path, out: Path, cache: Path, langs: str, timeout: float | None):
    """Wall seconds, processor seconds and peak resident MiB of the largest process of one cold
    build in a fresh process (its own and its worker processes', from wait4), each format's
    seconds (summed over languages, as the build reports them), and whether it was stopped at
    `timeout`."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    started = time.perf_counter()
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            [sys.executable, "-c", "from generator.cli import main; main()", "build", str(talk),
             "--lang", langs, "--out", str(out), "-v", "--no-color"],
            env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        stopped = False
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if timeout is not None and time.perf_counter() - started > timeout:
                os.killpg(process.pid, signal.SIGTERM)      # the build and its workers
                stopped = True
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.2)
        process.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - started
        log.seek(0)
        output = log.read().decode("utf-8", "replace")
    if process.returncode != 0 and not stopped:
        raise SystemExit(f"build of {talk} failed ({process.returncode}):\n{output[-3000:]}")
    formats: dict[str, float] = defaultdict(float)
    for line in output.splitlines():
        found = _FORMAT_LINE.match(line.strip())
        if found:
            formats[found.group(1)] += float(found.group(2))
    cpu = usage.ru_utime + usage.ru_stime
    return wall, cpu, usage.ru_maxrss / 1024, dict(formats), stopped


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slides", default="1000,10000", help="comma-separated slide counts")
    parser.add_argument("--lang", default="fr,en,de", help="languages built (default: fr,en,de)")
    parser.add_argument("--full", action="store_true",
                        help="the sample's slides whole (notes, every bullet): at most about 3,000 slides")
    parser.add_argument("--timeout", type=float, default=None,
                        help="stop a build after this many seconds (its figures are then marked)")
    arguments = parser.parse_args()
    counts = [int(n) for n in arguments.slides.split(",")]
    langs = arguments.lang
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        for count in counts:
            folder = Path(scratch) / str(count)
            if arguments.full:
                talk = synthetic_talk(folder, count)
            else:
                talk = compact_talk(folder, count)
            others = [lang for lang in langs.split(",") if lang != "fr"]
            if others:
                talk.joinpath("talk.yaml").write_text(
                    talk.joinpath("talk.yaml").read_text(encoding="utf-8").replace(
                        "lang: fr\n", f"lang: fr\ntranslations: [{', '.join(others)}]\n", 1),
                    encoding="utf-8")
                (talk / "locales").mkdir(exist_ok=True)
                (talk / "locales" / "en.po").write_bytes((ROOT / "content/autour-de-docker/locales/en.po").read_bytes())
            wall, cpu, peak, formats, stopped = build(talk, folder / "out", folder / "cache", langs,
                                                      arguments.timeout)
            rows.append((count, wall, cpu, peak))
            languages = len(langs.split(","))
            each = ", ".join(f"{name} {seconds:.1f}" for name, seconds in sorted(formats.items()))
            print(f"{count:5d} slides x {languages} languages: {wall:6.1f} s wall, {cpu:6.1f} s processor, "
                  f"peak {peak:5.0f} MiB (largest process)" + (" - STOPPED at the timeout" if stopped else ""),
                  flush=True)
            if each:
                print(f"      seconds per format (summed over languages): {each}", flush=True)
    if len(rows) > 1:
        (small, ws, cs, _), (large, wl, cl, _) = rows[0], rows[-1]
        print(f"{large} slides / {small} slides: {wl / ws:.1f}x wall, {cl / cs:.1f}x processor "
              f"(linear: {large / small:.0f}x)")


if __name__ == "__main__":
    main()
