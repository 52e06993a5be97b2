"""How a build grows with the talk: a synthetic talk of N slides (the sample's slides repeated),
three languages (fr; en from the sample's catalog; de, which has none and reads French), every format, an empty cache; wall-clock time,
processor time and the peak memory of the biggest process, for each N, in one run.

    .venv/bin/python bench/bench_scale.py --slides 50,500
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from bench_handout import synthetic_talk  # noqa: E402


def build(talk: Path, out: Path, cache: Path) -> tuple[float, float, float]:
    """Wall seconds, processor seconds and peak resident MiB of one cold build in a fresh process."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "from generator.cli import main; main()", "build", str(talk),
                    "--lang", "fr,en,de", "--out", str(out)], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slides", default="50,500", help="comma-separated slide counts")
    counts = [int(n) for n in parser.parse_args().slides.split(",")]
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        for count in counts:
            folder = Path(scratch) / str(count)
            talk = synthetic_talk(folder, count)
            talk.joinpath("talk.yaml").write_text(
                talk.joinpath("talk.yaml").read_text(encoding="utf-8").replace("lang: fr\n", "lang: fr\ntranslations: [en, de]\n", 1),
                encoding="utf-8")
            (talk / "locales").mkdir(exist_ok=True)
            (talk / "locales" / "en.po").write_bytes((ROOT / "content/autour-de-docker/locales/en.po").read_bytes())
            wall, cpu, peak = build(talk, folder / "out", folder / "cache")
            rows.append((count, wall, cpu, peak))
            print(f"{count:4d} slides x 3 languages: {wall:6.1f} s wall, {cpu:6.1f} s processor, "
                  f"peak {peak:5.0f} MiB (largest process)", flush=True)
    if len(rows) > 1:
        (small, ws, cs, _), (large, wl, cl, _) = rows[0], rows[-1]
        print(f"{large} slides / {small} slides: {wl / ws:.1f}x wall, {cl / cs:.1f}x processor "
              f"(linear: {large / small:.0f}x)")


if __name__ == "__main__":
    main()
