"""A seeded mutator over the sample talk and its catalog: whatever the damage, `check` answers
with diagnostics and an exit code of 0 to 3, never a traceback, never exit 4 (an internal error).

FUZZ_CASES sets how many cases run (default 200); FUZZ_SEED picks another series.
"""

from __future__ import annotations

import os
import random
import shutil

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import SAMPLE_TALK

CASES = int(os.environ.get("FUZZ_CASES", "200"))
SEED = int(os.environ.get("FUZZ_SEED", "20261129"))
ALPHABET = list(":-[]{}\"'#&*!|>%@`,\t\n \\") + ["\x07", "\x00", "\u00e9", "\u202f", "\U0001F600", "{column}", "\ufeff"]


def mutate(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    for _ in range(rng.randint(1, 3)):
        operation = rng.choice(("delete", "duplicate", "swap", "char", "indent", "truncate", "insert"))
        at = rng.randrange(len(lines))
        if operation == "delete" and len(lines) > 1:
            del lines[at]
        elif operation == "duplicate":
            lines.insert(at, lines[at])
        elif operation == "swap":
            other = rng.randrange(len(lines))
            lines[at], lines[other] = lines[other], lines[at]
        elif operation == "char" and lines[at]:
            index = rng.randrange(len(lines[at]))
            lines[at] = lines[at][:index] + rng.choice(ALPHABET) + lines[at][index + 1:]
        elif operation == "indent":
            lines[at] = (" " * rng.choice((0, 1, 3, 8))) + lines[at].lstrip()
        elif operation == "truncate":
            lines = lines[:at + 1]
            lines[-1] = lines[-1][:rng.randrange(len(lines[-1]) + 1)]
        elif operation == "insert":
            lines.insert(at, rng.choice(("key: value", "- item", "  nested: {a: b}", "msgstr \"x\"", "&anchor x",
                                         "!!python/object:os.system x", "<<: *x", "\"unterminated")))
    return "\n".join(lines)


@pytest.fixture(scope="module")
def sources():
    return {name: (SAMPLE_TALK / name).read_text("utf-8") for name in ("talk.yaml", "locales/en.po")}


@pytest.mark.parametrize("case", range(CASES))
def it_never_fails_internally_on_damaged_content(case, sources, tmp_path):
    rng = random.Random(SEED * 100003 + case)
    talk = tmp_path / "autour-de-docker"
    shutil.copytree(SAMPLE_TALK, talk)
    target = rng.choice(("talk.yaml", "talk.yaml", "locales/en.po"))
    (talk / target).write_text(mutate(sources[target], rng), "utf-8")
    result = CliRunner().invoke(main, ["check", str(talk)])
    output = result.output + result.stderr
    assert result.exit_code in (0, 1, 2, 3), (target, output[-2000:], result.exception)
    assert "Traceback" not in output and "internal error" not in output, (target, output[-2000:])
