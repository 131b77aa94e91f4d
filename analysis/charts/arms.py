"""Arms deliveries chart: who armed the CSTO's members, by supplier and period (SIPRI's data,
with its credit line; the sums are ours)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.patches import Patch

from .base import Chart
from .style import PALETTE, add_source

#: Colour and hatch of each supplier in the arms chart.
SUPPLIER_LOOK = {
    "RUS": (PALETTE["vermillion"], None), "UKR": (PALETTE["yellow"], ".."),
    "BLR": (PALETTE["orange"], "//"), "ISR": (PALETTE["blue"], "\\\\"),
    "TUR": (PALETTE["green"], "xx"), "USA": (PALETTE["sky"], "++"),
    "CHN": (PALETTE["purple"], "oo"), "IND": ("#555555", "||"), "others": ("#CCCCCC", "--"),
}


def arms_supplier_chart(
    shares: pd.DataFrame,
    recipients: Sequence[str],
    labels: Mapping[str, str],
    names: Mapping[str, str] | None = None,
    title: str = "Who armed the CSTO's members: major arms delivered, by supplier and period",
    *,
    credit: str,
) -> Chart:
    """Small multiples, one per recipient: stacked bars of the arms delivered in each period by
    supplier (SIPRI trend-indicator values, a volume index, not money), each bar labelled with
    Russia's share.

    ``shares`` is :func:`analysis.measures.arms.supplier_shares`; ``labels`` gives each
    recipient's panel title (its name and membership). Suppliers have their own colour, and
    each segment tall enough carries the supplier's code, so colour is never the only cue.
    Scales differ between panels (each panel's own maximum). The data returned is
    ``shares`` for ``recipients``.

    ``credit`` is the dataset's credit line as ``data/origins.csv`` gives it
    (:func:`analysis.measures.provenance.credit_lines`).
    """
    names = dict(names or {})
    recipients = list(recipients)
    data = shares[shares["recipient"].isin(recipients)].reset_index(drop=True)
    periods = sorted(set(shares["period"]))
    suppliers = [s for s in SUPPLIER_LOOK if s in set(data["supplier"])]
    ncols = 3
    nrows = -(-len(recipients) // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(9, 2.2 * nrows + 0.9), sharex=True,
                             squeeze=False)
    for n, recipient in enumerate(recipients):
        ax = axes[n // ncols, n % ncols]
        part = data[data["recipient"] == recipient]
        wide = part.pivot(index="period", columns="supplier", values="tiv_million")
        wide = wide.reindex(index=periods).fillna(0.0)
        bottom = np.zeros(len(periods))
        segments = []
        for supplier in suppliers:
            if supplier not in wide.columns:
                continue
            colour, _ = SUPPLIER_LOOK[supplier]
            values = wide[supplier].to_numpy()
            drawn = values > 0  # no empty rectangles: they only add weight
            ax.bar(np.arange(len(periods))[drawn], values[drawn], bottom=bottom[drawn],
                   color=colour, edgecolor="white", linewidth=0.4, width=0.7)
            bottom += values
            segments.append((supplier, values, bottom - values))
        # Each segment tall enough to hold it is labelled with its supplier's code, so
        # colour is never the only cue (hatching would triple the image's weight).
        for supplier, values, base in segments:
            for x, value in enumerate(values):
                # Russia's segments need no code: the label on each bar gives its share.
                if supplier != "RUS" and value >= 0.14 * bottom.max():
                    ax.text(x, base[x] + value / 2, supplier if supplier != "others" else "oth.",
                            ha="center", va="center", fontsize=6,
                            color="white" if supplier in ("RUS", "ISR", "IND", "CHN", "TUR")
                            else "black")
        for x, period in enumerate(periods):
            total = bottom[x]
            if total <= 0:
                ax.text(x, 0, "none", ha="center", va="bottom", fontsize=6.5, color="#555555")
                continue
            rus = wide.loc[period, "RUS"] if "RUS" in wide.columns else 0.0
            text = "" if recipient == "RUS" else f"{100 * rus / total:.0f}%"
            ax.text(x, total, text, ha="center", va="bottom", fontsize=6.5)
        ax.set_ylim(0, max(bottom.max(), 1.0) * 1.22)
        ax.set_title(labels.get(recipient, recipient), fontsize=8, loc="left")
        ax.grid(axis="y", linewidth=0.4)
        ax.tick_params(labelsize=7)
        ax.set_xticks(range(len(periods)), periods, fontsize=6.5)
    for n in range(len(recipients), nrows * ncols):
        axes[n // ncols, n % ncols].set_visible(False)
    for row in axes:
        row[0].set_ylabel("TIV (million)", fontsize=7.5)
    handles = [Patch(facecolor=SUPPLIER_LOOK[s][0], edgecolor="white",
                     label=f"{s}: {names.get(s, s)}" if s != "others" else "oth.: others")
               for s in suppliers]
    fig.legend(handles=handles, loc="outside upper center", ncol=5, fontsize=7.5)
    fig.suptitle(title + "\n(labels: Russia's share of each bar)", x=0.0, ha="left",
                 fontweight="bold", fontsize=11)
    add_source(fig, f"{credit}; sums by year, period and supplier by The CSTO Record. TIV is "
               "SIPRI's volume index of military capability, not a price.")
    return Chart(fig, data)


__all__ = ["SUPPLIER_LOOK", "arms_supplier_chart"]
