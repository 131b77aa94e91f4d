"""Facts of the data appendix (``book/data_dictionary.md``): how many tables and rows, and the
tables it shows, generated from the codebook."""

from __future__ import annotations

import pandas as pd

from ...data import dictionary


def facts(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str | int]:
    """Every value the appendix glues, by glue name (it words no claim that needs a guard)."""
    return {"n_rows_total": sum(len(t) for t in tables.values()), "n_tables_dict": len(tables)}


def displays(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str]:
    """The tables the appendix shows, as Markdown: the response scale and every table's
    columns."""
    return {"scale": dictionary.scale_markdown(),
            "tables": dictionary.dictionary_markdown(tables)}
