"""Checks of a chart slide's data, on the plain data with the position of every value.

The schema reads each value as a number; what only the whole chart can say is checked here:
a unit Babel knows, one unit per axis, a series for each category (no more values, no fewer),
no value at or under zero on a logarithmic axis, ids unique, a highlight that names a series or
a category, and no lying line chart.
"""

from __future__ import annotations

import re
from typing import Any

from generator.content.paths import did_you_mean

_NUMBER = re.compile(r"\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*")
COMMON_UNITS = ("millisecond", "second", "minute", "hour", "day", "byte", "kilobyte", "megabyte", "gigabyte",
                "terabyte", "percent", "meter", "kilometer", "kilogram", "watt", "kilowatt-hour")


def _number(value: Any) -> float | None:
    if isinstance(value, str) and _NUMBER.fullmatch(value):
        return float(value)
    return None


def unit_known(unit: str) -> bool:
    """Whether CLDR (through Babel) knows the unit: what every language can write it in."""
    from babel.units import format_unit

    try:
        format_unit(1, unit, length="short", locale="en")
        return True
    except Exception:  # noqa: BLE001 - UnknownUnitError and friends
        return False


def check_chart(checker, slide: dict, path: tuple) -> None:
    """Report the chart's problems through `checker` (the references' `_Checker`)."""
    categories = [c for c in slide.get("categories") or () if isinstance(c, dict)] \
        if isinstance(slide.get("categories"), list) else []
    series = slide.get("series") if isinstance(slide.get("series"), list) else []
    axis = slide.get("axis") if isinstance(slide.get("axis"), dict) else {}
    log = axis.get("scale") == "log"
    # units: each known, one for the value axis
    units: list[tuple[str, tuple]] = []
    if isinstance(axis.get("unit"), str):
        units.append((axis["unit"], path + ("axis", "unit")))
    for index, item in enumerate(series):
        if isinstance(item, dict) and isinstance(item.get("unit"), str):
            units.append((item["unit"], path + ("series", index, "unit")))
    for unit, at in units:
        if not unit_known(unit):
            checker.error(f"unknown unit '{unit}'", at, "chart.unit",
                          did_you_mean(unit, COMMON_UNITS, listing="CLDR units such as"))
    known = [(unit, at) for unit, at in units if unit_known(unit)]
    if known:
        first, first_at = known[0]
        for unit, at in known[1:]:
            if unit != first:
                line = checker.doc.where(first_at)
                where = f" (line {line.line})" if line else ""
                checker.error(f"the value axis has one unit: '{unit}' differs from '{first}'{where}", at,
                              "chart.unit", f"give every value in {first}, converted, or draw another chart")
    # ids
    checker.ids(path + ("categories",), list(enumerate(categories)), "category")
    checker.ids(path + ("series",), [(i, s) for i, s in enumerate(series) if isinstance(s, dict)], "series")
    # one value per category, numbers, positive on a log axis
    count = len(categories)
    for index, item in enumerate(series):
        if not isinstance(item, dict) or not isinstance(item.get("values"), list):
            continue
        values = item["values"]
        here = path + ("series", index, "values")
        if count and len(values) != count:
            name = item.get("id", index)
            checker.error(f"series '{name}' has {len(values)} value{'s' if len(values) != 1 else ''} for "
                          f"{count} categor{'ies' if count != 1 else 'y'}", here, "chart.values",
                          "give one value per category, in the order of `categories:`")
        if slide.get("chart") == "stacked-bar":
            for at, value in enumerate(values):
                number = _number(value)
                if number is not None and number < 0:
                    checker.error(f"a stacked bar adds its values up: {value.strip()} is under 0", here + (at,),
                                  "chart.values", "give values of 0 or more, or draw bars side by side (chart: bar)")
        if log:
            for at, value in enumerate(values):
                number = _number(value)
                if number is not None and number <= 0:
                    checker.error(f"a logarithmic axis cannot show {value.strip()}: its values are all above 0",
                                  here + (at,), "chart.log",
                                  "remove `scale: log`, or leave out the values at or under 0")
    highlight = slide.get("highlight")
    if isinstance(highlight, str):
        names = [s.get("id") for s in series if isinstance(s, dict)] + [c.get("id") for c in categories]
        names = [n for n in names if isinstance(n, str)]
        if highlight not in names:
            checker.error(f"highlight names '{highlight}', which is neither a series nor a category of the chart",
                          path + ("highlight",), "ref.unknown", did_you_mean(highlight, names,
                                                                             listing="series and categories"))
    if slide.get("chart") == "line" and slide.get("orientation") == "horizontal":
        checker.error("a line chart runs along its categories from left to right: it cannot lie",
                      path + ("orientation",), "chart.orientation", "remove `orientation: horizontal`")
