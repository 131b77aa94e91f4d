"""Charts that show where sources disagree."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from ..data.codebook.fields import split_list
from .base import Chart
from .style import PALETTE, add_source


def competing_values_chart(
    values: pd.DataFrame,
    sources: pd.DataFrame,
    title: str,
    unit: str,
    source: str = "The CSTO Record, data/discrepancies.csv",
) -> Chart:
    """Horizontal bars, one per source, of the numeric values they give for one fact.

    ``values`` is :func:`analysis.measures.provenance.competing_values`; ``sources`` the sources
    table, for the publishers' names. The value the book uses is solid and labelled "used"; the
    others are hatched, so the difference does not rest on colour. Data returned: ``label``,
    ``value``,
    ``used``.
    """
    publisher = sources.set_index("source_id")["publisher"]
    rows = []
    for _, row in values.iterrows():
        number = pd.to_numeric(row["value"], errors="coerce")
        if pd.isna(number):
            continue
        names = "; ".join(str(publisher.get(s, s)) for s in split_list(row["source"]))
        rows.append({"label": names, "value": float(number), "used": bool(row["used"])})
    data = pd.DataFrame(rows, columns=["label", "value", "used"])
    fig, ax = plt.subplots(figsize=(8, 0.5 * len(data) + 1.4))
    for y, row in enumerate(data.itertuples()):
        ax.barh(y, row.value, color=PALETTE["blue"] if row.used else "white",
                edgecolor=PALETTE["blue"], hatch=None if row.used else "//", height=0.6)
        ax.text(row.value, y, f"  {row.value:,.0f}" + (" (used)" if row.used else ""),
                va="center", fontsize=9)
    ax.set_yticks(range(len(data)), data["label"])
    ax.invert_yaxis()
    ax.set_xlabel(unit)
    ax.set_xlim(0, data["value"].max() * 1.3 if len(data) else 1)
    ax.set_title(title)
    add_source(fig, source)
    return Chart(fig, data)
