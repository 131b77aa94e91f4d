"""What every chapter calls first: house style, reproducible figures and the validated tables.

A chapter's first (hidden) cell is::

    from analysis import book
    tables = book.setup()

and it publishes numbers and figures with :func:`glue_number` and :func:`glue_chart`.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from .load import load_all
from .style import use_house_style

#: The day the book's "today" refers to: open intervals are read as still holding on this date.
#: Fixed, not the clock, so that two builds of one commit give the same book.
AS_OF = pd.Timestamp("2026-11-23")


def setup() -> dict[str, pd.DataFrame]:
    """Apply the house style, make inline figures reproducible SVG, and load every table."""
    use_house_style()
    try:
        from matplotlib_inline.backend_inline import set_matplotlib_formats

        set_matplotlib_formats("svg", metadata={"Date": None, "Creator": None})
    except ImportError:  # outside IPython: nothing to configure
        pass
    return load_all()


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


def glue_chart(name: str, figure) -> None:  # noqa: ANN001 - a matplotlib Figure
    """Publish a figure for ``{glue:figure}`` and close it so it is not shown twice."""
    from myst_nb import glue

    glue(name, figure, display=False)
    plt.close(figure)
