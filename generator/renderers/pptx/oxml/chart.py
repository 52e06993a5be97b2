"""DrawingML charts: what python-pptx's chart API does not reach, and its workbook made reproducible.

- The chart's embedded workbook (XlsxWriter, through python-pptx's `CategoryWorkbookWriter`)
  is written with its creation date from the build's clock (SOURCE_DATE_EPOCH), not the
  moment of the build; XlsxWriter stamps its own zip entries with a fixed date.
- A logarithmic value axis: `c:logBase` first in the axis's `c:scaling`, as the schema orders it.
- A single data label left out (`c:dLbl` with `c:delete`): a stacked segment too small to
  hold its value, as the plan decided.
"""

from __future__ import annotations

from contextlib import contextmanager

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"


def chart_data(number_format: str):
    """python-pptx's `CategoryChartData`, its workbook dated by the build's clock."""
    from pptx.chart.data import CategoryChartData
    from pptx.chart.xlsx import CategoryWorkbookWriter

    from generator.build.clock import build_time

    class _Writer(CategoryWorkbookWriter):
        @contextmanager
        def _open_worksheet(self, xlsx_file):
            from xlsxwriter import Workbook

            workbook = Workbook(xlsx_file, {"in_memory": True})
            workbook.set_properties({"created": build_time()})
            worksheet = workbook.add_worksheet()
            yield workbook, worksheet
            workbook.close()

    class _Data(CategoryChartData):
        @property
        def _workbook_writer(self):
            writer = self.__dict__.get("_writer")
            if writer is None:
                writer = self.__dict__["_writer"] = _Writer(self)
            return writer

    return _Data(number_format=number_format)


def set_log_scale(axis, base: int = 10) -> None:
    """A value axis on a logarithmic scale (`c:scaling/c:logBase`)."""
    from lxml.etree import Element

    scaling = axis._element.find(C + "scaling")
    found = scaling.find(C + "logBase")
    if found is None:
        found = Element(C + "logBase")
        scaling.insert(0, found)
    found.set("val", str(base))


def is_log_scale(axis) -> bool:
    return axis._element.find(C + "scaling/" + C + "logBase") is not None


def delete_data_label(series, index: int) -> None:
    """Leave out the data label of one point of a series (`c:dLbls/c:dLbl` with `c:delete`)."""
    from lxml.etree import Element, SubElement

    dlbls = series._element.get_or_add_dLbls()
    dlbl = Element(C + "dLbl")
    SubElement(dlbl, C + "idx", {"val": str(index)})
    SubElement(dlbl, C + "delete", {"val": "1"})
    dlbl_list = dlbls.findall(C + "dLbl")
    position = (dlbls.index(dlbl_list[-1]) + 1) if dlbl_list else 0
    dlbls.insert(position, dlbl)


def cross_at_maximum(value_axis) -> None:
    """The value axis crosses the category axis at its last category (`c:valAx/c:crosses` "max"):
    with the categories in reverse order, at the bottom of lying bars."""
    value_axis._element.find(C + "crosses").set("val", "max")


def set_plot_layout(chart, x: float, y: float, w: float, h: float) -> None:
    """The plot's inner area (inside the axes) where the plan put it, as fractions of the chart's
    frame (`c:plotArea/c:layout/c:manualLayout`, edges), so bars stand where the plan drew them
    rather than where each application's own layout would."""
    from lxml.etree import SubElement

    plot_area = chart._chartSpace.find(f"{C}chart/{C}plotArea")
    layout = plot_area.find(C + "layout")
    if layout is None:
        layout = plot_area.makeelement(C + "layout", {})
        plot_area.insert(0, layout)
    for old in list(layout):
        layout.remove(old)
    manual = SubElement(layout, C + "manualLayout")
    SubElement(manual, C + "layoutTarget", {"val": "inner"})
    SubElement(manual, C + "xMode", {"val": "edge"})
    SubElement(manual, C + "yMode", {"val": "edge"})
    for name, value in (("x", x), ("y", y), ("w", w), ("h", h)):
        SubElement(manual, C + name, {"val": f"{max(0.0, min(1.0, value)):.4f}"})


def positive_axis_ids(chart) -> None:
    """Axis ids as the schema types them (an unsigned int): python-pptx writes negative ones."""
    space = chart._chartSpace
    for tag in ("axId", "crossAx"):
        for element in space.iter(C + tag):
            element.set("val", str(int(element.get("val")) & 0x7FFFFFFF))
