"""Chart slides read back from every output: the native PPTX chart (with the theme's template and
a user's), LibreOffice's PDF of it, the standalone SVG, the HTML deck as Chromium draws it, and
the slides PDF's text."""

from __future__ import annotations

import math
import re
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE

from generator.build.targets import build
from tests.conftest import ROOT, SAMPLE_TALK

CHARTS = ROOT / "tests" / "content" / "charts"
USER_TEMPLATE = ROOT / "templates" / "dark" / "template.pptx"
SVG = "{http://www.w3.org/2000/svg}"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("charts")
    build([CHARTS], langs=["en"], formats=["pptx", "html", "pdf", "diagrams"], out=out, use_cache=False)
    build([CHARTS], langs=["en"], formats=["pptx"], out=out / "user", template=USER_TEMPLATE, use_cache=False)
    return out


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sample-charts")
    build([SAMPLE_TALK], langs=["fr", "en"], formats=["pptx"], out=out, use_cache=False)
    return out / "autour-de-docker"


def charts_of(path: Path) -> dict:
    """Each chart of a deck by its frame's name: the python-pptx chart."""
    found = {}
    for slide in Presentation(str(path)).slides:
        for shape in slide.shapes:
            if shape.has_chart:
                found[shape.name.removeprefix("chart ")] = shape.chart
    return found


@pytest.mark.parametrize("deck", ["charts/en/charts-en.pptx", "user/charts/en/charts-en.pptx"])
def it_makes_native_charts_of_the_numbers(built, deck):
    charts = charts_of(built / deck)
    assert set(charts) == {"startup", "disk", "stacked", "trend"}
    startup = charts["startup"]
    assert startup.chart_type == XL_CHART_TYPE.BAR_CLUSTERED
    plot = startup.plots[0]
    assert list(plot.categories) == ["Virtual machine", "Docker container"]
    assert list(plot.series[0].values) == [60000.0, 50.0]
    axis = startup.value_axis
    assert axis._element.find(f"{C}scaling/{C}logBase").get("val") == "10"       # a logarithmic axis
    assert (axis.minimum_scale, axis.maximum_scale) == (10.0, 100000.0)
    assert axis.tick_labels.number_format == '#,##0" ms"'
    assert plot.data_labels.number_format == '#,##0" ms"' and plot.data_labels.show_value
    assert charts["disk"].chart_type == XL_CHART_TYPE.COLUMN_CLUSTERED
    assert [list(s.values) for s in charts["disk"].plots[0].series] == [[2.1, 0.0], [0.6, 0.6]]
    assert charts["disk"].plots[0].data_labels.number_format == '#,##0.0" GB"'
    assert charts["disk"].value_axis._element.find(f"{C}scaling/{C}logBase") is None
    assert charts["stacked"].chart_type == XL_CHART_TYPE.COLUMN_STACKED
    assert charts["trend"].chart_type == XL_CHART_TYPE.LINE_MARKERS
    assert [s.name for s in charts["trend"].plots[0].series] == ["Web", "Databases"]


def it_builds_charts_by_series_and_by_category(built):
    from generator.renderers.pptx.oxml.animation import chart_steps

    slides = Presentation(str(built / "charts" / "en" / "charts-en.pptx")).slides
    disk = [[(series, category) for _, series, category in step] for step in chart_steps(slides[1].element)]
    assert disk == [[(0, -4)], [(1, -4)]]
    stacked = [[(series, category) for _, series, category in step] for step in chart_steps(slides[2].element)]
    assert stacked == [[(-4, 0)], [(-4, 1)]]
    assert chart_steps(slides[0].element) == []


def it_writes_values_the_deck_language_s_way_and_the_same_bytes_twice(sample, tmp_path):
    fr = charts_of(sample / "fr" / "autour-de-docker-fr.pptx")["startup-time"]
    en = charts_of(sample / "en" / "autour-de-docker-en.pptx")["startup-time"]
    assert list(fr.plots[0].categories) == ["Machine virtuelle", "Conteneur Docker"]
    assert list(en.plots[0].categories) == ["Virtual machine", "Docker container"]
    assert fr.value_axis._element.find(f"{C}scaling/{C}logBase") is not None
    assert en.plots[0].data_labels.number_format == '#,##0" ms"'
    again = tmp_path / "again"
    build([SAMPLE_TALK], langs=["fr"], formats=["pptx"], out=again, use_cache=False)
    assert (again / "autour-de-docker" / "fr" / "autour-de-docker-fr.pptx").read_bytes() == \
        (sample / "fr" / "autour-de-docker-fr.pptx").read_bytes()


def it_dates_the_embedded_workbook_by_the_build_clock(sample):
    import io
    import zipfile

    with zipfile.ZipFile(sample / "fr" / "autour-de-docker-fr.pptx") as deck:
        names = [n for n in deck.namelist() if n.endswith(".xlsx")]
        assert len(names) == 1
        with zipfile.ZipFile(io.BytesIO(deck.read(names[0]))) as book:
            core = book.read("docProps/core.xml").decode()
            assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in book.infolist())
    from generator.build.clock import build_time

    assert build_time().strftime("%Y-%m-%dT%H:%M:%SZ") in core


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def it_shows_the_values_in_libreoffice_s_pdf_of_the_deck(built, sample, tmp_path):
    decks = [built / "charts" / "en" / "charts-en.pptx", sample / "fr" / "autour-de-docker-fr.pptx"]
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), *map(str, decks)], check=True, capture_output=True, timeout=300)
    charts = _pdf_text(tmp_path / "charts-en.pdf")
    sample_text = _pdf_text(tmp_path / "autour-de-docker-fr.pdf")
    # the viewer's locale writes the separators: the numbers and units are the chart's
    for value in ("60,000 ms", "50 ms", "100,000 ms", "2.1 GB", "0.6 GB", "Guest systems", "Databases"):
        assert value in charts, value
    for value in ("ms", "Machine virtuelle", "Conteneur Docker"):
        assert value in sample_text, value
    assert re.search(r"60[ ,.\u00a0\u202f]?000 ms", sample_text)


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def it_puts_the_values_in_the_slides_pdf_as_text(built):
    text = _pdf_text(built / "charts" / "en" / "charts-en.pdf")
    for value in ("60,000 ms", "50 ms", "2.1 GB", "0.6 GB", "3.50", "Virtual machine", "Web", "Databases"):
        assert value in text, value


def _expected_fraction(value: float, low: float, high: float, log: bool) -> float:
    if log:
        return (math.log10(value) - math.log10(low)) / (math.log10(high) - math.log10(low))
    return (value - low) / (high - low)


def _scale_of(values: list[float], log: bool) -> tuple[float, float]:
    """The axis a reader would draw: powers of ten around the values, or 0 to a round top."""
    if log:
        return 10 ** math.floor(math.log10(min(values))), 10 ** math.ceil(math.log10(max(values)))
    top = max(values)
    step = 10 ** math.floor(math.log10(top / 5))
    step = next(m * step for m in (1, 2, 2.5, 5, 10) if m * step >= top / 5)
    return 0.0, math.ceil(top / step) * step


def svg_bars(path: Path) -> tuple[dict, list]:
    root = ElementTree.parse(path).getroot()
    plot = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "plot")
    bars = []
    for group in root.iter(f"{SVG}g"):
        if (group.get("class") or "").split()[0:1] == ["bar"]:
            rect = group.find(f"{SVG}rect")
            bars.append((float(group.get("data-value")), *(float(rect.get(k)) for k in ("x", "y", "width", "height"))))
    return {k: float(plot.get(f"data-{k}")) for k in "xywh"} | {"scale": root.get("data-scale")}, bars


@pytest.mark.parametrize("name", ["startup", "disk"])
def it_draws_svg_bars_in_proportion_within_a_pixel(built, name):
    plot, bars = svg_bars(built / "charts" / "en" / "diagrams" / f"{name}.svg")
    log = plot["scale"] == "log"
    low, high = _scale_of([v for v, *_ in bars if v > 0], log)
    horizontal = name == "startup"
    for value, x, y, w, h in bars:
        if horizontal:
            assert abs(w - plot["w"] * _expected_fraction(value, low, high, log)) <= 1, (value, w)
            assert abs(x - plot["x"]) <= 1
        else:
            assert abs(h - plot["h"] * _expected_fraction(value, low, high, log)) <= 1, (value, h)
            assert abs(y + h - (plot["y"] + plot["h"])) <= 1


def it_draws_bars_in_proportion_in_chromium_and_reads_the_values_as_a_table(built, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    html = built / "charts" / "en" / "charts-en.html"
    page.goto(html.as_uri() + "#/1")
    page.wait_for_timeout(200)
    found = page.evaluate("""() => {
        const slide = document.querySelector('#slide-1');
        const svg = slide.querySelector('svg.chart');
        const box = svg.getBoundingClientRect(), view = svg.viewBox.baseVal;
        const scale = Math.min(box.width / view.width, box.height / view.height);
        const plot = svg.querySelector('g.plot');
        const bars = [...svg.querySelectorAll('g.bar rect')].map(r => {
            const b = r.getBoundingClientRect();
            return [parseFloat(r.parentNode.getAttribute('data-value')), b.width, b.height];
        });
        const rows = [...slide.querySelectorAll('table.chart-values tbody tr')].map(
            tr => [...tr.querySelectorAll('th, td')].map(c => c.textContent));
        return {scale, plotW: parseFloat(plot.getAttribute('data-w')), bars, rows,
                hidden: svg.getAttribute('aria-hidden')};
    }""")
    page.close()
    plot_px = found["plotW"] * found["scale"]
    assert len(found["bars"]) == 2
    for value, width, _ in found["bars"]:
        assert abs(width - plot_px * _expected_fraction(value, 10, 100000, True)) <= 1, (value, width)
    assert found["rows"] == [["Virtual machine", "60,000 ms"], ["Docker container", "50 ms"]]
    assert found["hidden"] == "true"        # the table is the chart's text alternative


@pytest.mark.parametrize("deck", ["charts/en/charts-en.pptx", "user/charts/en/charts-en.pptx"])
def it_writes_a_sound_package_with_its_charts(built, deck):
    from tests.renderers.pptx.validity import problems

    assert problems(built / deck) == []


def it_knows_the_kind_in_the_schema_editors_read():
    from generator.content.json_schema import talk_json_schema

    schema = talk_json_schema()
    assert '"chart"' in schema and "stacked-bar" in schema and "ChartSeries" in schema
