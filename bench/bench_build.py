"""Time full builds of the sample talk (every format, fr and en) against the bare python-pptx script.

In one run, alternated so machine noise hits every case alike, each a fresh process:

- bare: the bare python-pptx script of bench_pptx.py (20 slides, titles, bullets, notes);
- cold: `deckgen build` of a copy of the sample talk with an empty cache (a new XDG_CACHE_HOME)
  and no previous output, with the default worker processes, and with `--jobs 1`;
- no-op: the same build again, nothing changed;
- edit: one msgstr of en.po changed (a new text each run), then the build again.

The medians of wall-clock time and their ratios are printed (the goals: cold at most 7.5× bare,
no-op at most 0.1× cold; the edit loop's goal lives in `deckgen watch`, bench_html.py, so the
edit case here is reported, not held to one), and the processor time each case used
(user and system, over all of its processes): on a machine shared with other work, wall-clock
times swing with its load and processor times much less.

    .venv/bin/python bench/bench_build.py [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_pptx import BARE, ROOT, TALK, with_bytecode_cache

EDITED = 'msgctxt "slides/not-vms/text"'


CPU: dict[str, list[float]] = {}


def timed(command: list[str], env: dict[str, str], case: str | None = None) -> float:
    """Wall-clock seconds of a fresh process; its processor seconds are kept under `case`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}")
    if case:
        CPU.setdefault(case, []).append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return seconds


def edit_catalog(catalog: Path, run: int) -> None:
    """Give the first msgstr after EDITED a new ending (ASCII, so no font subset changes)."""
    text = catalog.read_text("utf-8")
    at = text.index(EDITED)
    match = re.compile(r'msgstr "(.*?)( \(take \d+\))?"\n').search(text, at)
    replacement = f'msgstr "{match.group(1)} (take {run})"\n'
    catalog.write_text(text[:match.start()] + replacement + text[match.end():], "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    from generator.content.talk import load_talk

    talk = load_talk(TALK).talk
    notes = "\x1f".join(slide.notes or "" for slide in talk.slides)
    env = {k: v for k, v in os.environ.items() if k not in ("DECKGEN_NO_CACHE", "DECKGEN_JOBS")}
    usage = subprocess.run([sys.executable, "-m", "generator", "build", "--help"], cwd=ROOT, env=env,
                           capture_output=True, text=True).stdout
    serial = ["--jobs", "1"] if "--jobs" in usage else None      # a version without worker processes: skipped
    times: dict[str, list[float]] = {"bare": [], "cold": [], "no-op": [], "edit": []}
    if serial:
        times["cold --jobs 1"] = []
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        copy = scratch / "content" / TALK.name
        shutil.copytree(TALK, copy)
        # Bytecode cached as an installed package has it (whatever PYTHONDONTWRITEBYTECODE says),
        # and a first build of every format, untimed, to compile it and warm the file cache.
        env = {k: v for k, v in with_bytecode_cache(str(scratch / "pycache")).items()
               if k not in ("DECKGEN_NO_CACHE", "DECKGEN_JOBS")}
        bare = [sys.executable, "-c", BARE, str(scratch / "bare.pptx"), notes]
        timed(bare, env)
        timed([sys.executable, "-m", "generator", "build", str(copy), "--out", str(scratch / "warm"), "--no-cache"],
              env)
        for run in range(args.runs):
            times["bare"].append(timed(bare, env, "bare"))
            for case, extra in ((("cold --jobs 1", serial),) if serial else ()) + (("cold", []),):
                out, caches = scratch / f"out-{run}-{len(extra)}", scratch / f"cache-{run}-{len(extra)}"
                command = [sys.executable, "-m", "generator", "build", str(copy), "--out", str(out), *extra]
                times[case].append(timed(command, {**env, "XDG_CACHE_HOME": str(caches)}, case))
            command = [sys.executable, "-m", "generator", "build", str(copy), "--out", str(out)]
            times["no-op"].append(timed(command, {**env, "XDG_CACHE_HOME": str(caches)}, "no-op"))
            edit_catalog(copy / "locales" / "en.po", run)
            times["edit"].append(timed(command, {**env, "XDG_CACHE_HOME": str(caches)}, "edit"))
    median = {case: statistics.median(values) for case, values in times.items()}
    print(f"slides: {len(talk.slides)}  languages: fr, en  formats: every one  runs: {args.runs}  "
          f"processors: {len(os.sched_getaffinity(0)) if hasattr(os, 'sched_getaffinity') else os.cpu_count()}")
    cpu = {case: statistics.median(values) for case, values in CPU.items()}
    for case, seconds in median.items():
        print(f"{case:14} {seconds * 1000:8.0f} ms (median)   processor time {cpu[case] * 1000:8.0f} ms")
    print(f"cold / bare:           {median['cold'] / median['bare']:6.2f}   (goal: at most 7.5)")
    print(f"no-op / cold:          {median['no-op'] / median['cold']:6.3f}   (goal: at most 0.1)")
    print(f"edit / cold:           {median['edit'] / median['cold']:6.3f}   (a fresh process; watch keeps one warm)")
    if serial:
        print(f"cold --jobs 1 / cold:  {median['cold --jobs 1'] / median['cold']:6.2f}   (what the worker processes gain)")
    print(f"processor time: cold / bare {cpu['cold'] / cpu['bare']:.2f}, no-op / cold {cpu['no-op'] / cpu['cold']:.3f}, "
          f"edit / cold {cpu['edit'] / cpu['cold']:.3f}")
    if hasattr(os, "getloadavg"):
        print(f"load average at the end: {os.getloadavg()[0]:.2f} (other work on the machine slows every case)")


if __name__ == "__main__":
    main()
