"""The frozen Talk model: the schema of `talk.yaml` (version 1) and the value every renderer reads.

Field names are the content's own words. Text fields accept only text (`StrictStr`), flags only
`true`/`false` (`StrictBool`), so YAML 1.1 surprises (`no`, `yes`, `on`) never pass silently.
The JSON Schema that editors use comes from these classes (`deckgen schema`).
"""

from __future__ import annotations

import re
from typing import Annotated, Literal, Optional, Union

from pydantic import (
    BaseModel, BeforeValidator, ConfigDict, Field, StrictBool, StrictStr, StringConstraints, WithJsonSchema,
    field_validator,
)

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
LANG_PATTERN = r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$"

Id = Annotated[StrictStr, StringConstraints(pattern=ID_PATTERN, max_length=64)]
Text = Annotated[StrictStr, StringConstraints(min_length=1, max_length=20000)]
LangTag = Annotated[StrictStr, StringConstraints(pattern=LANG_PATTERN, max_length=35)]

SLIDE_KINDS = ("title", "section", "statement", "bullets", "stack", "stacks", "comparison",
               "graph", "image", "closing", "code", "two-columns", "chart")
BUILD_MODES = ("none", "bottom-up")


class Node(BaseModel):
    """Common configuration: immutable, no unknown keys."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


# --- stacks ---------------------------------------------------------------------------------

class Layer(Node):
    """One band of a layered architecture; `per_column` layers are drawn once in every column."""

    id: Id
    label: Text = Field(description="Text in the box; in a per_column layer `{column}` is the column's name.")
    kind: Id = Field(description="Theme colour key: hardware, os, virtualization, runtime, libraries, app…")
    detail: Optional[Text] = Field(None, description="A line of examples shown under the label.")
    per_column: StrictBool = False
    badge: Optional[Text] = Field(None, description="A short figure pinned to the box, such as '700 Mo'.")
    row: Optional[Id] = Field(None, description="Side by side, layers with the same row key stand level; "
                                                "without one, layers are matched by kind.")


class Stack(Node):
    """A layered architecture, layers listed bottom to top."""

    id: Id
    title: Text
    columns: tuple[Text, ...] = Field((), description="Names of the side-by-side columns at the top.")
    layers: tuple[Layer, ...] = Field(min_length=1)
    description: Optional[Text] = Field(None, description="One sentence for the diagram's alt text.")


# --- comparisons ----------------------------------------------------------------------------

class ComparisonRow(Node):
    """One aspect compared across the subjects, one value per subject."""

    id: Id
    aspect: Text
    values: dict[StrictStr, Text]
    favours: Optional[Id] = Field(None, description="The subject this row favours; emphasised.")


class Comparison(Node):
    """A table comparing stacks aspect by aspect."""

    id: Id
    title: Text
    subjects: tuple[Id, ...] = Field(min_length=2, description="Stack ids, one column each.")
    rows: tuple[ComparisonRow, ...] = Field(min_length=1)


# --- graphs ---------------------------------------------------------------------------------

class GraphNode(Node):
    """A box of a node-and-edge diagram, with an optional icon."""

    id: Id
    label: Text
    icon: Optional[Id] = Field(None, description="An icon name such as docker, linux, postgresql.")


class GraphEdge(Node):
    """An arrow between two nodes of a graph."""

    source: Id = Field(alias="from")
    target: Id = Field(alias="to")
    label: Optional[Text] = None


class Graph(Node):
    """A node-and-edge diagram laid out by graphviz."""

    id: Id
    title: Text
    direction: Annotated[Optional[Literal["LR", "TB", "RL", "BT"]], WithJsonSchema(
        {"type": "string", "enum": ["LR", "TB", "RL", "BT"]})] = Field(
        None, description="The flow: LR, TB, RL or BT. Left out, the plan lays the graph out left to right "
                          "and top to bottom and keeps the one drawn larger.",
        json_schema_extra=lambda schema: schema.pop("default", None))
    nodes: tuple[GraphNode, ...] = Field(min_length=1)
    edges: tuple[GraphEdge, ...] = ()
    description: Optional[Text] = Field(None, description="One sentence for the diagram's alt text.")


# --- slides ---------------------------------------------------------------------------------

class BulletGroup(Node):
    """A bullet with sub-bullets one level down (none is the same as a plain bullet)."""

    text: Text
    bullets: tuple[Text, ...] = ()


Bullet = Union[Text, BulletGroup]


class Link(Node):
    """A link shown on a closing slide."""

    label: Text
    url: Annotated[StrictStr, StringConstraints(pattern=r"^(https?://|mailto:)\S+$")]


class SlideBase(Node):
    """Fields every slide may carry."""

    id: Id
    title: Optional[Text] = None
    notes: Optional[Text] = Field(None, description="Speaker notes, in light Markdown.")
    layout: Optional[Text] = Field(None, description="A layout name of the PPTX template.")
    handout: StrictBool = Field(True, description="false leaves the slide out of handouts.")
    split: StrictBool = Field(True, description="false: a slide whose content needs continuation slides is an "
                                                "error to fix by hand instead.")


class TitleSlide(SlideBase):
    """The opening slide: the talk's title, subtitle, author and event."""

    kind: Literal["title"]
    subtitle: Optional[Text] = None


class SectionSlide(SlideBase):
    """A divider that opens a part of the talk."""

    kind: Literal["section"]
    title: Text
    subtitle: Optional[Text] = None


class StatementSlide(SlideBase):
    """One sentence, large, alone on the slide."""

    kind: Literal["statement"]
    text: Text


class BulletsSlide(SlideBase):
    """A title and a list of points."""

    kind: Literal["bullets"]
    title: Text
    bullets: tuple[Bullet, ...] = Field(min_length=1)
    build: Literal["none", "one-by-one"] = Field(
        "none", description="one-by-one: one bullet (with its sub-bullets) per click.")


class StackSlide(SlideBase):
    """One layered architecture diagram."""

    kind: Literal["stack"]
    stack: Id
    build: Literal["none", "bottom-up"] = "none"
    highlight: tuple[Id, ...] = Field((), description="Layer ids to emphasise.")


class StacksSlide(SlideBase):
    """Two or more stacks side by side, aligned layer by layer."""

    kind: Literal["stacks"]
    stacks: tuple[Id, ...] = Field(min_length=2)
    build: Literal["none", "bottom-up"] = "none"
    highlight: tuple[Id, ...] = Field((), description="Layer ids to emphasise.")


class ComparisonSlide(SlideBase):
    """A comparison rendered as a table."""

    kind: Literal["comparison"]
    comparison: Id


class GraphSlide(SlideBase):
    """A node-and-edge diagram."""

    kind: Literal["graph"]
    graph: Id


class ImageSlide(SlideBase):
    """A picture from the talk's folder, with its alt text."""

    kind: Literal["image"]
    src: Annotated[StrictStr, StringConstraints(min_length=1)]
    alt: Text
    caption: Optional[Text] = None

    @field_validator("src")
    @classmethod
    def _relative(cls, value: str) -> str:
        if value.startswith(("/", "\\")) or re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", value) or ".." in value.split("/"):
            raise ValueError("must be a path inside the talk's folder, such as images/diagram.png")
        return value


class CodeSlide(SlideBase):
    """Source code, highlighted; each of `steps` (line ranges such as "1-2") is one build step
    that highlights those lines. The code itself is never translated."""

    kind: Literal["code"]
    language: Annotated[StrictStr, StringConstraints(min_length=1, max_length=64)] = Field(
        description="A Pygments lexer name: python, dockerfile, yaml, bash, javascript…")
    code: Annotated[StrictStr, StringConstraints(min_length=1, max_length=20000)]
    caption: Optional[Text] = None
    steps: tuple[Annotated[StrictStr, StringConstraints(pattern=r"^\d+(-\d+)?(,\d+(-\d+)?)*$")], ...] = Field(
        (), description='Line ranges highlighted one step after the other, such as ["1-2", "4"].')


def _number(value):
    """A chart's value: the loader keeps numbers as written (text), read here; `true` or a word is refused."""
    if isinstance(value, str) and re.fullmatch(r"\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*", value):
        return float(value)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError("must be a number, such as 2.1 or 50 (a dot before the decimals, the unit "
                         "given once under `unit:`)")
    return float(value)


Number = Annotated[float, BeforeValidator(_number), WithJsonSchema(
    {"anyOf": [{"type": "number"}, {"type": "string", "pattern": r"^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$"}]})]
Unit = Annotated[StrictStr, StringConstraints(pattern=r"^[a-z]+(?:-[a-z]+)*$", max_length=64)]


class ChartCategory(Node):
    """A place along the category axis (a bar, a group of bars, a point of each line)."""

    id: Id
    label: Text


class ChartSeries(Node):
    """One series of values, one per category, in the chart's order of categories."""

    id: Id
    label: Text
    values: tuple[Number, ...] = Field(min_length=1)
    unit: Optional[Unit] = Field(None, description="The unit of the values, when the axis does not give it: "
                                                   "a CLDR unit such as millisecond, gigabyte, percent.")


class ChartAxis(Node):
    """The value axis: its unit, its scale and an optional title."""

    unit: Optional[Unit] = Field(None, description="A CLDR unit (millisecond, second, minute, megabyte, "
                                                   "gigabyte, percent…), written per language (2,1 Go / 2.1 GB).")
    scale: Literal["linear", "log"] = Field("linear", description="log: a logarithmic axis, for values "
                                                                  "far apart (a minute against 50 ms).")
    label: Optional[Text] = Field(None, description="The axis title.")


class ChartSlide(SlideBase):
    """A bar (grouped or stacked) or line chart of numbers: a native chart in PPTX, drawn from the
    plan everywhere else. `build:` shows one series or one category per click."""

    kind: Literal["chart"]
    title: Text
    chart: Literal["bar", "stacked-bar", "line"] = Field(
        "bar", description="bar (one bar per series, grouped), stacked-bar or line.")
    orientation: Literal["vertical", "horizontal"] = Field(
        "vertical", description="vertical: bars stand on the category axis; horizontal: they lie along it.")
    categories: tuple[ChartCategory, ...] = Field(min_length=1)
    series: tuple[ChartSeries, ...] = Field(min_length=1)
    axis: ChartAxis = ChartAxis()
    labels: StrictBool = Field(True, description="false: no value labels on the bars or points.")
    highlight: Optional[Id] = Field(None, description="The id of a series to emphasise.")
    source: Optional[Text] = Field(None, description="Where the figures come from, shown under the chart.")
    description: Optional[Text] = Field(None, description="One sentence for the chart's alt text.")
    build: Literal["none", "series", "categories"] = Field(
        "none", description="series: one series per click; categories: one category per click.")


class Column(Node):
    """One side of a two-column slide: an optional heading, then bullets or a paragraph."""

    heading: Optional[Text] = None
    bullets: tuple[Bullet, ...] = ()
    text: Optional[Text] = None


class TwoColumnsSlide(SlideBase):
    """Two columns side by side, each bullets or text (PowerPoint's "Two Content" layout)."""

    kind: Literal["two-columns"]
    title: Text
    left: Column
    right: Column


class ClosingSlide(SlideBase):
    """The last slide: thanks, a message, links."""

    kind: Literal["closing"]
    text: Optional[Text] = None
    links: tuple[Link, ...] = ()


Slide = Annotated[
    Union[TitleSlide, SectionSlide, StatementSlide, BulletsSlide, StackSlide, StacksSlide,
          ComparisonSlide, GraphSlide, ImageSlide, ClosingSlide, CodeSlide, TwoColumnsSlide, ChartSlide],
    Field(discriminator="kind"),
]


# --- the talk -------------------------------------------------------------------------------

class Talk(Node):
    """A whole talk: metadata, the diagrams and tables it shows, and its slides in order."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", populate_by_name=True,
        json_schema_extra={"title": "deckgen talk.yaml (version 1)"},
    )

    id: Id
    title: Text
    subtitle: Optional[Text] = None
    author: Optional[Text] = None
    event: Optional[Text] = None
    date: Optional[Annotated[StrictStr, StringConstraints(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]] = Field(
        None, description="The day of the talk, YYYY-MM-DD.")
    lang: LangTag = Field(description="The language the text is written in (BCP 47), such as fr.")
    duration: Optional[Annotated[int, Field(ge=1, le=600), WithJsonSchema(
        {"anyOf": [{"type": "integer", "minimum": 1, "maximum": 600}, {"type": "string", "pattern": "^[0-9]+$"}]})]] = Field(
        None, description="The talk's length in minutes: the speaker view counts it down.")
    fit: Optional[Literal["strict"]] = Field(
        None, description="strict: a slide whose content needs continuation slides is an error to fix by hand.")

    @field_validator("date")
    @classmethod
    def _day(cls, value):
        """A date of the right form that no calendar has (2026-13-45) is refused here, not by
        whatever formats it later."""
        from datetime import date

        if value is not None:
            try:
                date.fromisoformat(value)
            except ValueError:
                raise ValueError("is not a day of the calendar: write it as YYYY-MM-DD, "
                                 "such as 2026-12-10") from None
        return value

    @field_validator("duration", mode="before")
    @classmethod
    def _minutes(cls, value):
        """The loader keeps numbers as written (text): a whole number of minutes is read here."""
        if isinstance(value, str) and value.strip().isdigit():
            return int(value.strip())
        if isinstance(value, bool) or not isinstance(value, (int, type(None))):
            raise ValueError("must be a whole number of minutes, such as 30")
        return value
    translations: tuple[LangTag, ...] = Field((), description="Each has locales/<lang>.po.")
    theme: Id = "default"
    template: Optional[Text] = Field(None, description="A PPTX/POTX template, relative to the talk.")
    layouts: dict[Literal[SLIDE_KINDS], Text] = Field(  # type: ignore[valid-type]
        {}, description="The template layout each kind of slide uses, such as bullets: Two Content; "
                        "a slide's own `layout` wins.")
    legend: dict[StrictStr, Text] = Field(
        {}, description="Names of the layer kinds shown in diagram legends, such as os: Système.")
    stacks: tuple[Stack, ...] = ()
    comparisons: tuple[Comparison, ...] = ()
    graphs: tuple[Graph, ...] = ()
    slides: tuple[Slide, ...] = Field(min_length=1)

    def stack(self, stack_id: str) -> Stack:
        return next(s for s in self.stacks if s.id == stack_id)

    def comparison(self, comparison_id: str) -> Comparison:
        return next(c for c in self.comparisons if c.id == comparison_id)

    def graph(self, graph_id: str) -> Graph:
        return next(g for g in self.graphs if g.id == graph_id)

    @property
    def languages(self) -> tuple[str, ...]:
        return (self.lang, *self.translations)
