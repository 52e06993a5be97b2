"""Continuation slides: a slide whose content fits only under its role's floor is cut into parts
("Title (1/2)") by whole items, bullets with their sub-bullets, lines of code, whole stacks, rows
of a table (its header repeated), the items of two columns; the same parts in every format. The
cut is made on the content (a part is the slide with some of its items; a table's part is the
slide and the run of rows it shows), so each part is planned like any other slide."""

from __future__ import annotations

from typing import Optional, Sequence

# The slide kinds that may continue on a new slide; graphs, charts, statements and a single
# stack do not split: the ladder must make them fit, or it is an error.
SPLITTABLE = ("bullets", "code", "stacks", "comparison", "two-columns")


def balanced_groups(weights: Sequence[float], count: int) -> Optional[list[range]]:
    """`count` runs of consecutive items, none empty, whose heaviest weighs the least (the runs
    as ranges of indexes); None when there are fewer items than runs."""
    n = len(weights)
    if count < 1 or n < count:
        return None
    total = [0.0]
    for weight in weights:
        total.append(total[-1] + weight)
    # best[k][i]: the lightest heaviest run cutting the first i items into k runs
    inf = float("inf")
    best = [[inf] * (n + 1) for _ in range(count + 1)]
    cut = [[0] * (n + 1) for _ in range(count + 1)]
    best[0][0] = 0.0
    for k in range(1, count + 1):
        for i in range(k, n - (count - k) + 1):
            for j in range(k - 1, i):
                heaviest = max(best[k - 1][j], total[i] - total[j])
                if heaviest < best[k][i] - 1e-9:
                    best[k][i], cut[k][i] = heaviest, j
    runs, end = [], n
    for k in range(count, 0, -1):
        start = cut[k][end]
        runs.append(range(start, end))
        end = start
    return runs[::-1]


def _bullet_weight(bullet) -> float:
    subs = () if isinstance(bullet, str) else bullet.bullets
    return 1.0 + 0.85 * len(subs)


def split_slide(slide, count: int, talk=None) -> Optional[list[tuple[object, Optional[range]]]]:
    """The slide cut into `count` parts by whole items, each a copy of the slide with its share and
    the run of the talk's table rows it shows (None but for tables), or None when it has too few
    items for that many parts."""
    if slide.kind == "comparison":
        rows = talk.comparison(slide.comparison).rows
        runs = balanced_groups([1.0] * len(rows), count)
        return None if runs is None else [(slide, run) for run in runs]
    parts = _split_content(slide, count)
    return None if parts is None else [(part, None) for part in parts]


def _split_content(slide, count: int) -> Optional[list]:
    if slide.kind == "two-columns":
        return _split_columns(slide, count)
    if slide.kind == "bullets":
        runs = balanced_groups([_bullet_weight(b) for b in slide.bullets], count)
        return None if runs is None else [
            slide.model_copy(update={"bullets": [slide.bullets[i] for i in run]}) for run in runs]
    if slide.kind == "stacks":
        runs = balanced_groups([1.0] * len(slide.stacks), count)
        return None if runs is None else [
            slide.model_copy(update={"stacks": [slide.stacks[i] for i in run]}) for run in runs]
    if slide.kind == "code":
        return _split_code(slide, count)
    return None


def _split_columns(slide, count: int) -> Optional[list]:
    """Both columns' bullets cut into `count` runs, part i showing run i of each; a column of text
    (not bullets) cannot be cut."""
    if slide.left.text or slide.right.text:
        return None
    runs = [balanced_groups([_bullet_weight(b) for b in column.bullets], count)
            for column in (slide.left, slide.right)]
    if any(run is None for run in runs):
        return None
    return [slide.model_copy(update={
        "left": slide.left.model_copy(update={"bullets": tuple(slide.left.bullets[i] for i in runs[0][n])}),
        "right": slide.right.model_copy(update={"bullets": tuple(slide.right.bullets[i] for i in runs[1][n])}),
    }) for n in range(count)]


def _split_code(slide, count: int) -> Optional[list]:
    """Code cut by lines; each step keeps the lines of its part, numbered from the part's first."""
    lines = slide.code.rstrip("\n").split("\n")
    runs = _block_runs(lines, count) or balanced_groups([1.0] * len(lines), count)
    if runs is None:
        return None
    parts = []
    for run in runs:
        steps = []
        for step in slide.steps or ():
            kept = []
            for piece in str(step).split(","):
                first, _, last = piece.partition("-")
                low, high = max(int(first), run.start + 1), min(int(last or first), run.stop)
                if low <= high:
                    low, high = low - run.start, high - run.start
                    kept.append(f"{low}" if low == high else f"{low}-{high}")
            if kept:
                steps.append(",".join(kept))
        code = "\n".join(lines[i] for i in run) + "\n"
        parts.append(slide.model_copy(update={"code": code, "steps": tuple(steps)}))
    return parts


def _block_runs(lines: list[str], count: int) -> Optional[list[range]]:
    """Runs of lines cut only at blank lines (between functions, paragraphs of code), when the
    blocks are small enough for `count` parts; None otherwise (the code is then cut by lines)."""
    blocks, start = [], 0
    for index, line in enumerate(lines):
        if not line.strip() and index > start:
            blocks.append(range(start, index + 1))
            start = index + 1
    if start < len(lines):
        blocks.append(range(start, len(lines)))
    share = -(-len(lines) // count)
    if max(len(b) for b in blocks) > share * 1.25:
        return None
    runs = balanced_groups([float(len(b)) for b in blocks], count)
    if runs is None:
        return None
    return [range(blocks[run.start].start, blocks[run.stop - 1].stop) for run in runs]


def part_title(lang: str, title: str, part: int, parts: int) -> str:
    """A part's title in the deck's language: "Title (1/2)", digits as the language writes them."""
    from babel.numbers import format_decimal

    from generator.i18n.tool_words import word

    try:
        number, total = format_decimal(part, locale=lang.replace("-", "_"), numbering_system="default"), \
            format_decimal(parts, locale=lang.replace("-", "_"), numbering_system="default")
    except Exception:  # noqa: BLE001 - a language Babel does not know: Western digits
        number, total = str(part), str(parts)
    return word(lang, "slide/continued", title=title, part=number, parts=total)
