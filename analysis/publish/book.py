"""What every chapter calls first: house style, reproducible figures and the validated tables.

A chapter's first (hidden) cell is::

    from analysis.publish import book
    from analysis.publish.facts import votes

    tables = book.setup()
    book.glue_all(votes.facts(tables, book.cutoff()))

The chapter's facts module (:mod:`analysis.publish.facts`) computes every number and name its
prose quotes, and checks that the data still supports each sentence; the chapter publishes them
with :func:`glue_all` and its figures with :func:`glue_chart`. The prose helpers here
(:func:`and_list`, :func:`state_names`, :func:`share`, :func:`record_days`, :func:`rate_text`,
...) and the small counts in words it re-exports from :mod:`analysis.publish.words`
(``word``, ``times``, ``times_word``) are the one home of how the book words a list, a state,
a count or a day.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Iterable, Mapping
from numbers import Number

import matplotlib.pyplot as plt
import pandas as pd

from ..charts.base import Chart
from ..charts.style import use_house_style
from ..data.edition import data_cutoff, day_text
from ..data.load import load_all
from ..data.paths import ROOT
from . import kept
from .tables import (  # noqa: F401 - the chapters' table helpers too
    READABLE,
    caption_tables,
    captioned,
    readable,
    reader_table,
    table_day,
)
from .words import WORDS, times, times_word, word  # noqa: F401 - the chapters' helpers too

#: Where a chapter's kernel keeps values the next chapter can read (:mod:`~analysis.publish.kept`).
KEPT = ROOT / "_build" / ".kept-values"
#: Where chapters write the data behind each figure, for readers to download.
FIGURE_DATA = ROOT / "book" / "_generated" / "figures"


@functools.cache
def cutoff() -> pd.Timestamp:
    """The data's cut-off date (``data_cutoff`` in ``data/package.yml``): the book's "today".
    Open intervals are read as still holding on it; it is data, not the clock, so two builds of
    one commit give the same book."""
    return data_cutoff()


def setup() -> dict[str, pd.DataFrame]:
    """Apply the house style, make inline figures reproducible SVG, load every table, keep
    shared values between the chapters' kernels (:data:`KEPT`), and glue the data's cut-off
    date as ``data_cutoff`` ("23 November 2026") for the chapter's prose."""
    use_house_style()
    try:
        from matplotlib_inline.backend_inline import set_matplotlib_formats

        set_matplotlib_formats("svg", metadata={"Date": None, "Creator": None})
    except ImportError:  # outside IPython: nothing to configure
        pass
    tables = load_all()
    kept.keep_in(KEPT)
    glue_text("data_cutoff", day_text(cutoff()))
    return tables


def glue_number(name: str, value: float | int, fmt: str = "{:,}") -> str:
    """Publish ``value`` (formatted with ``fmt``) for ``{glue:text}`` in the prose; returns it."""
    from myst_nb import glue

    text = fmt.format(value)
    glue(name, text, display=False)
    return text


def glue_text(name: str, text: str) -> str:
    """Publish a computed string (a list of names, a date) for the prose; returns it."""
    from myst_nb import glue

    glue(name, text, display=False)
    return text


def glue_all(values: Mapping[str, str | int | float]) -> None:
    """Publish every value of a chapter's facts (``{glue name: value}``): a string as it is
    (:func:`glue_text`), a number with thousands separators (:func:`glue_number`). A value
    that needs another format is formatted by the facts function, which returns it as text."""
    for name, value in values.items():
        if isinstance(value, str):
            glue_text(name, value)
        elif isinstance(value, Number) and not isinstance(value, bool):
            glue_number(name, value)
        else:
            raise TypeError(f"{name}: glue a string or a number, not {type(value).__name__}")


#: Resolution of a figure published as PNG (only one that is a raster by nature).
PNG_DPI = 110

#: SVG attributes that hold coordinates (matplotlib writes them to six decimals).
_SVG_COORDINATES = re.compile(
    r'(\s(?:d|x|y|x1|x2|y1|y2|cx|cy|r|points|transform)=")([^"]*)(")')
_LONG_DECIMAL = re.compile(r"-?\d+\.\d{3,}")
_NULL_ROTATION = re.compile(r' transform="rotate\(-?0 [-0-9. ]+\)"')
_GROUP_ID = re.compile(r'<g id="([^"]+)"')
#: A reference to an element by id: ``url(#clip)``, ``xlink:href="#marker"``.
_REFERENCE = re.compile(r'(?:url\(#|href="#)([^)"]+)')


def _two_decimals(match: re.Match) -> str:
    text = f"{float(match.group(0)):.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def compact_svg(svg: bytes) -> bytes:
    """Matplotlib's SVG with the same drawing in fewer bytes: coordinates to a hundredth of a
    point (invisible at any zoom a reader uses), no metadata block, no rotation by zero, no id
    on a group that nothing refers to, and no whitespace between tags or inside path data.
    Texts, sizes, colours and every referenced id are kept."""
    text = svg.decode("utf-8")
    text = re.sub(r"\s*<metadata>.*?</metadata>", "", text, flags=re.S)
    text = _NULL_ROTATION.sub("", text)
    text = _SVG_COORDINATES.sub(
        lambda m: m.group(1) + _LONG_DECIMAL.sub(_two_decimals, m.group(2)).replace(
            " \n", " ").replace("\n", " ") + m.group(3), text)
    referenced = set(_REFERENCE.findall(text))
    text = _GROUP_ID.sub(lambda m: m.group(0) if m.group(1) in referenced else "<g", text)
    text = re.sub(r">\s+<", "><", text)
    return text.encode("utf-8")


def figure_image(figure, raster: bool = False) -> tuple[str, bytes]:  # noqa: ANN001 - a Figure
    """The figure as SVG (:func:`compact_svg`), or as PNG when ``raster`` says it is a raster
    by nature (a photograph, a scanned page): ``(format, bytes)``.

    Every chart is vector: it stays sharp when a reader zooms or taps it open, and its text
    stays text. Both are written without dates or software versions, so two builds give the
    same bytes.
    """
    out = io.BytesIO()
    if raster:
        figure.savefig(out, format="png", bbox_inches="tight", dpi=PNG_DPI,
                       metadata={"Software": None})
        return "png", out.getvalue()
    figure.savefig(out, format="svg", bbox_inches="tight", metadata={"Date": None,
                                                                     "Creator": None})
    return "svg", compact_svg(out.getvalue())


def glue_chart(name: str, chart: Chart, raster: bool = False) -> str:
    """Publish a chart for ``{glue:figure}`` as SVG (PNG only when ``raster``:
    :func:`figure_image`), and the data it draws as ``book/_generated/figures/<name>.csv``
    (link it from the caption as ``_generated/figures/<name>.csv``). The figure is closed;
    returns the format used."""
    from IPython.display import SVG, Image
    from myst_nb import glue

    write_figure_data(name, chart.data)
    fmt, data = figure_image(chart.figure, raster)
    plt.close(chart.figure)
    image = Image(data=data, format="png") if fmt == "png" else SVG(data=data)
    glue(name, image, display=False)
    return fmt


def glue_charts(charts: Mapping[str, Chart]) -> None:
    """Publish every chart of a chapter's figures (``{figure name: Chart}``) with
    :func:`glue_chart`, in the same cell that drew them: a figure left open at the end of a cell
    would be drawn once more, and closed, by Jupyter's inline backend before it is glued."""
    for name, chart in charts.items():
        glue_chart(name, chart)


def write_figure_data(name: str, data: pd.DataFrame) -> None:
    """Write the data behind figure ``name`` as CSV, rewriting only when it changed."""
    FIGURE_DATA.mkdir(parents=True, exist_ok=True)
    path = FIGURE_DATA / f"{name}.csv"
    text = data.to_csv(index=False, lineterminator="\n")
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def count_of(n: int, noun: str, plural: str | None = None) -> str:
    """Return ``n`` with thousands separators and ``noun``, or ``plural`` (noun + "s") if n != 1.

    ``count_of(1, "request")`` -> ``"1 request"``; ``count_of(3, "request")`` -> ``"3 requests"``.
    """
    label = noun if int(n) == 1 else (plural or f"{noun}s")
    return f"{int(n):,} {label}"


def percent(value: float, digits: int = 0) -> str:
    """``0.125`` -> ``"13%"`` (or with ``digits`` decimals)."""
    return f"{value * 100:.{digits}f}%"


#: How the book states a count out of nothing (a rate or share of zero cases).
NONE_OF_ZERO = "none of 0"


def share(k: int, n: int) -> str:
    """A count with its share, as the sensitivity table states it: ``share(3, 4)`` ->
    ``"3 of 4 (75%)"``; ``share(0, 0)`` -> ``"none of 0"``."""
    if n == 0:
        return NONE_OF_ZERO
    return f"{int(k)} of {int(n)} ({percent(k / n)})"


def rate_text(k: int, n: int, low: float, high: float) -> str:
    """A rate as the book always states it: with its count and its 95% Wilson interval,
    e.g. ``"1 of 8 (13%; 95% interval 2–47%)"``."""
    if n == 0:
        return NONE_OF_ZERO
    return f"{k} of {n} ({percent(k / n)}; 95% interval {low * 100:.0f}–{percent(high)})"


def and_list(items: Iterable[str]) -> str:
    """Words joined as prose: ``["A", "B", "C"]`` -> ``"A, B and C"``; one item is itself,
    none is ``""``."""
    words = list(items)
    if len(words) < 2:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def state_names(states: pd.DataFrame) -> dict[str, str]:
    """ISO3 code -> the state's name as the book writes it, from the ``states`` table."""
    return dict(zip(states["iso3"], states["name"]))


def when_text(day: pd.Timestamp, precision: str = "day") -> str:
    """A date as the book writes it, to the precision it is known: ``day`` ->
    ``"23 November 2026"``, ``month`` -> ``"November 2026"``, ``year`` -> ``"2026"``."""
    day = pd.Timestamp(day)
    return {"month": f"{day:%B %Y}", "year": f"{day:%Y}"}.get(precision, day_text(day))


def found_in(text: str, pattern: str) -> str:
    """What a record's text says where ``pattern`` (a regular expression) puts its first group:
    ``found_in("in force on 1 February 2024;", r"in force on (\\d+ \\w+ \\d{4})")`` ->
    ``"1 February 2024"``. ``{n}`` in ``pattern`` stands for a number as written (``1,960``,
    ``4``, ``1.5``), ``{d}`` for a day (``19 February 2027``). Raises :class:`LookupError` when
    the text no longer says it, so prose that quotes it stops with the record rather than
    print what the data does not hold."""
    import re

    expression = (pattern.replace("{n}", r"(\d[\d,.]*\d|\d)")
                  .replace("{d}", r"(\d{1,2} [A-Z][a-z]+ \d{4})"))
    found = re.search(expression, text)
    if found is None:
        raise LookupError(f"nothing where {pattern!r} looks in: {text}")
    return found.group(1)


def figure_in(text: str, pattern: str) -> str:
    """The number a record's text gives where ``pattern`` puts ``{n}`` (:func:`found_in`), as
    written there: ``figure_in("1,960 Russian peacekeepers deploy", "{n} Russian peacekeepers")``
    -> ``"1,960"``."""
    return found_in(text, pattern)


def record_days(timeline: pd.DataFrame, records: Mapping[str, str]) -> dict[str, str]:
    """The day of recorded items as the book writes days: ``{glue name: record}`` ->
    ``{glue name: "23 November 2026"}``, where each record is a ``record`` of a case timeline
    (:func:`analysis.measures.cases.case_timeline`, e.g. ``"events:E501"``). A record that
    appears on several rows (one per state) has one date."""
    dates = timeline.drop_duplicates("record").set_index("record")["date"]
    return {name: day_text(dates[record]) for name, record in records.items()}
