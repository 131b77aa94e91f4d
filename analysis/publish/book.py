"""What every chapter calls first: house style, reproducible figures and the validated tables.

A chapter's first (hidden) cell is::

    from analysis import book
    tables = book.setup()

and it publishes numbers and figures with :func:`glue_number` and :func:`glue_chart`.
"""

from __future__ import annotations

import functools
import io

import matplotlib.pyplot as plt
import pandas as pd

from ..charts import Chart
from ..data.edition import data_cutoff, day_text
from ..data.load import load_all
from ..data.paths import ROOT
from ..charts.style import use_house_style

#: Where chapters write the data behind each figure, for readers to download.
FIGURE_DATA = ROOT / "book" / "_generated" / "figures"


@functools.cache
def cutoff() -> pd.Timestamp:
    """The data's cut-off date (``data_cutoff`` in ``data/package.yml``): the book's "today".
    Open intervals are read as still holding on it; it is data, not the clock, so two builds of
    one commit give the same book."""
    return data_cutoff()


def setup() -> dict[str, pd.DataFrame]:
    """Apply the house style, make inline figures reproducible SVG, load every table, and glue
    the data's cut-off date as ``data_cutoff`` ("23 November 2026") for the chapter's prose."""
    use_house_style()
    try:
        from matplotlib_inline.backend_inline import set_matplotlib_formats

        set_matplotlib_formats("svg", metadata={"Date": None, "Creator": None})
    except ImportError:  # outside IPython: nothing to configure
        pass
    tables = load_all()
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


#: Resolution of PNG figures: crisp on a laptop screen at the book's column width.
PNG_DPI = 110


def figure_image(figure) -> tuple[str, bytes]:  # noqa: ANN001 - a matplotlib Figure
    """The figure as SVG or PNG, whichever is smaller: ``(format, bytes)``.

    Line charts are usually smaller as SVG, maps and dense grids as PNG. Both are written without
    dates or software versions, so two builds give the same bytes.
    """
    svg, png = io.BytesIO(), io.BytesIO()
    figure.savefig(svg, format="svg", bbox_inches="tight", metadata={"Date": None,
                                                                     "Creator": None})
    figure.savefig(png, format="png", bbox_inches="tight", dpi=PNG_DPI,
                   metadata={"Software": None})
    if len(png.getvalue()) < len(svg.getvalue()):
        return "png", png.getvalue()
    return "svg", svg.getvalue()


def glue_chart(name: str, chart: Chart) -> str:
    """Publish a chart for ``{glue:figure}`` as the smaller of SVG and PNG, and the data it
    draws as ``book/_generated/figures/<name>.csv`` (link it from the caption as
    ``_generated/figures/<name>.csv``). The figure is closed; returns the format used."""
    from IPython.display import SVG, Image
    from myst_nb import glue

    write_figure_data(name, chart.data)
    fmt, data = figure_image(chart.figure)
    plt.close(chart.figure)
    image = Image(data=data, format="png") if fmt == "png" else SVG(data=data)
    glue(name, image, display=False)
    return fmt


def write_figure_data(name: str, data: pd.DataFrame) -> None:
    """Write the data behind figure ``name`` as CSV, rewriting only when it changed."""
    FIGURE_DATA.mkdir(parents=True, exist_ok=True)
    path = FIGURE_DATA / f"{name}.csv"
    text = data.to_csv(index=False, lineterminator="\n")
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def times(n: int) -> str:
    """``1`` -> ``"once"``, ``2`` -> ``"twice"``, ``0`` -> ``"never"``, else ``"n times"``."""
    return {0: "never", 1: "once", 2: "twice"}.get(int(n), f"{int(n):,} times")


def count_of(n: int, noun: str, plural: str | None = None) -> str:
    """``count_of(1, "request")`` -> ``"1 request"``; ``count_of(3, "request")`` -> ``"3 requests"``."""
    word = noun if int(n) == 1 else (plural or f"{noun}s")
    return f"{int(n):,} {word}"


def percent(value: float, digits: int = 0) -> str:
    """``0.125`` -> ``"13%"`` (or with ``digits`` decimals)."""
    return f"{value * 100:.{digits}f}%"


def rate_text(k: int, n: int, low: float, high: float) -> str:
    """A rate as the book always states it: with its count and its 95% Wilson interval,
    e.g. ``"1 of 8 (13%; 95% interval 2–47%)"``."""
    if n == 0:
        return "none of 0"
    return f"{k} of {n} ({percent(k / n)}; 95% interval {low * 100:.0f}–{percent(high)})"
