"""Facts of the data appendix (``book/data_dictionary.md``): how many tables and rows, and the
tables it shows, generated from the codebook."""

from __future__ import annotations

import pandas as pd

from ...data import dictionary
from ...data.codebook import TABLES
from .. import book


def facts(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str | int]:
    """Every value the appendix glues, by glue name (it words no claim that needs a guard)."""
    return {"n_rows_total": sum(len(t) for t in tables.values()), "n_tables_dict": len(tables)}


def displays(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str]:
    """The tables the appendix shows, as Markdown, each numbered and captioned: the response
    scale and the codebook's categories (``scale``), and every table's columns (``tables``)."""
    columns = [(f"{table.title}: the columns of `{table.filename}`.",
                f"tab-dd-{name.replace('_', '-')}") for name, table in TABLES.items()]
    return {"scale": book.caption_tables(dictionary.scale_markdown(),
                                         [(caption, f"tab-dd-scale-{name}")
                                          for caption, name in dictionary.SCALE_CAPTIONS]),
            "tables": book.caption_tables(dictionary.dictionary_markdown(tables), columns)}
