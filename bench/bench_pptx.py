"""Time `deckgen build --format pptx` for one language against a bare python-pptx script.

Both run as fresh processes (interpreter start and imports included, bytecode cached as for an
installed tool), alternated in one run so machine noise hits both alike; the median of each and
their ratio are printed. The bare script writes as many slides, each with a title, two bullets
and the same notes, and nothing else.

    .venv/bin/python bench/bench_pptx.py [--runs 7] [--lang fr]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TALK = ROOT / "content" / "autour-de-docker"

BARE = """
import sys
from pptx import Presentation
notes = sys.argv[2].split("\\x1f")
prs = Presentation()
for i, text in enumerate(notes):
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = f"Slide {i + 1}"
    slide.placeholders[1].text = "A first point\\nA second point"
    slide.notes_slide.notes_text_frame.text = text
prs.save(sys.argv[1])
"""


def timed(command: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def with_bytecode_cache(folder: str) -> dict[str, str]:
    """The environment with Python's bytecode cached in `folder`, whatever PYTHONDONTWRITEBYTECODE
    says: python-pptx's modules were compiled when it was installed, and an installed deckgen's
    are too; without this, every run of ours would compile the tool's own modules from source."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = folder
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--lang", default="fr")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    from generator.content.talk import load_talk

    talk = load_talk(TALK).talk
    notes = "\x1f".join(slide.notes or "" for slide in talk.slides)
    with tempfile.TemporaryDirectory() as tmp:
        # --no-cache: the deck rendered every time, not taken from the build cache of the run before
        ours_cmd = [sys.executable, "-m", "generator", "build", str(TALK), "--format", "pptx", "--lang", args.lang,
                    "--out", tmp, "--no-cache"]
        bare_cmd = [sys.executable, "-c", BARE, str(Path(tmp) / "bare.pptx"), notes]
        env = with_bytecode_cache(str(Path(tmp) / "pycache"))
        timed(ours_cmd, env), timed(bare_cmd, env)  # warm the file cache and the bytecode cache
        ours, bare = [], []
        for _ in range(args.runs):
            ours.append(timed(ours_cmd, env))
            bare.append(timed(bare_cmd, env))
    o, b = statistics.median(ours), statistics.median(bare)
    print(f"slides: {len(talk.slides)}  runs: {args.runs}")
    print(f"deckgen build --format pptx --lang {args.lang} --no-cache: {o * 1000:7.0f} ms (median)")
    print(f"bare python-pptx script:                 {b * 1000:7.0f} ms (median)")
    print(f"ratio: {o / b:.2f}")


if __name__ == "__main__":
    main()
