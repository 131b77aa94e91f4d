"""Arms deliveries chart: who armed the CSTO's members, by supplier and period (SIPRI's data,
with its credit line; the sums are ours)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.patches import Patch

from .base import Chart
from .sourceline import source_line
from .style import ALLIANCE_STYLE, PALETTE

#: Colour of each supplier in the arms charts (the second item, once a hatch, is unused: colour
#: and the key name the supplier). Russia in the CSTO's colour.
SUPPLIER_LOOK = {
    "RUS": (ALLIANCE_STYLE["CSTO"]["color"], None), "UKR": (PALETTE["yellow"], None),
    "BLR": (PALETTE["orange"], None), "ISR": (PALETTE["blue"], None),
    "TUR": (PALETTE["green"], None), "USA": (PALETTE["sky"], None),
    "CHN": (PALETTE["purple"], None), "IND": ("#555555", None), "others": ("#CCCCCC", None),
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
    recipient's panel title (its name and membership). Suppliers have their own colour, named in
    one key under the panels (no hatching), Russia in the CSTO's colour. Scales differ between
    panels (each panel's own maximum). The data returned is ``shares`` for ``recipients``.

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
    fig, axes = plt.subplots(nrows, ncols, figsize=(7.5, 2.35 * nrows + 1.9), sharex=True,
                             squeeze=False)
    for n, recipient in enumerate(recipients):
        ax = axes[n // ncols, n % ncols]
        part = data[data["recipient"] == recipient]
        wide = part.pivot(index="period", columns="supplier", values="tiv_million")
        wide = wide.reindex(index=periods).fillna(0.0)
        bottom = np.zeros(len(periods))
        for supplier in suppliers:
            if supplier not in wide.columns:
                continue
            colour, _ = SUPPLIER_LOOK[supplier]
            values = wide[supplier].to_numpy()
            drawn = values > 0  # no empty rectangles: they only add weight
            ax.bar(np.arange(len(periods))[drawn], values[drawn], bottom=bottom[drawn],
                   color=colour, edgecolor="white", linewidth=0.4, width=0.72)
            bottom += values
        for x, period in enumerate(periods):
            total = bottom[x]
            if total <= 0:
                ax.text(x, 0, "none", ha="center", va="bottom", fontsize=8.5, color="#555555",
                        rotation=90)
                continue
            rus = wide.loc[period, "RUS"] if "RUS" in wide.columns else 0.0
            text = "" if recipient == "RUS" else f"{100 * rus / total:.0f}%"
            ax.text(x, total, text, ha="center", va="bottom", fontsize=8.5)
        ax.set_ylim(0, max(bottom.max(), 1.0) * 1.25)
        ax.set_title(labels.get(recipient, recipient), fontsize=9, loc="left")
        ax.grid(axis="y", linewidth=0.4)
        ax.tick_params(labelsize=8.5)
        ax.set_xticks(range(len(periods)), [p.replace("-", "\n-") for p in periods])
    for n in range(len(recipients), nrows * ncols):
        axes[n // ncols, n % ncols].set_visible(False)
    for row in axes:
        row[0].set_ylabel("TIV (million)", fontsize=9)
    handles = [Patch(facecolor=SUPPLIER_LOOK[s][0], edgecolor="white",
                     label=names.get(s, s) if s != "others" else "others")
               for s in suppliers]
    strip = 0.75 / fig.get_figheight()
    fig.get_layout_engine().set(rect=(0, strip, 1, 1 - strip))
    key = fig.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.0, 0.0), ncol=5,
                     fontsize=9, handlelength=1.2, columnspacing=1.0)
    key.set_in_layout(False)
    fig.suptitle(title + "\n(labels: Russia's share of each bar)", x=0.0, ha="left",
                 fontweight="bold", fontsize=11.5)
    source_line(fig, f"{credit}; sums by year, period and supplier by The CSTO Record. TIV is "
                "SIPRI's volume index of military capability, not a price.")
    return Chart(fig, data)


def rival_deliveries_chart(
    deliveries: pd.DataFrame,
    names: Mapping[str, str],
    title: str,
    *,
    credit: str,
) -> Chart:
    """Arms two suppliers delivered to two rivals, year by year: one panel per recipient, on one
    scale, a bar per year stacked by supplier (Russia in the CSTO's colour, the other in its
    colour of the arms chart), with one key.

    ``deliveries`` is :func:`analysis.measures.arms.deliveries_by_year`. Data: ``deliveries``.

    ``credit`` is the dataset's credit line as ``data/origins.csv`` gives it
    (:func:`analysis.measures.provenance.credit_lines`).
    """
    recipients = list(dict.fromkeys(deliveries["recipient"]))
    suppliers = list(dict.fromkeys(deliveries["supplier"]))
    fig, axes = plt.subplots(len(recipients), 1, figsize=(7.5, 1.9 * len(recipients) + 1.6),
                             sharex=True, sharey=True, squeeze=False)
    for ax, recipient in zip(axes[:, 0], recipients):
        part = deliveries[deliveries["recipient"] == recipient]
        wide = part.pivot(index="year", columns="supplier", values="tiv_million")[suppliers]
        bottom = np.zeros(len(wide))
        for supplier in suppliers:
            colour, _ = SUPPLIER_LOOK.get(supplier, SUPPLIER_LOOK["others"])
            values = wide[supplier].to_numpy()
            ax.bar(wide.index, values, bottom=bottom, color=colour, width=0.8, linewidth=0)
            bottom += values
        total = part["tiv_million"].sum()
        ax.set_title(f"To {names.get(recipient, recipient)}: {total:,.0f} million TIV in all",
                     fontsize=10, loc="left")
        ax.grid(axis="y", linewidth=0.4)
        ax.set_ylabel("TIV (million)", fontsize=9)
    strip = 0.45 / fig.get_figheight()
    fig.get_layout_engine().set(rect=(0, strip, 1, 1 - strip))
    key = fig.legend(handles=[Patch(facecolor=SUPPLIER_LOOK.get(s, SUPPLIER_LOOK["others"])[0],
                                    label=f"from {names.get(s, s)}") for s in suppliers],
                     loc="lower left", bbox_to_anchor=(0.0, 0.0), ncol=len(suppliers),
                     fontsize=9)
    key.set_in_layout(False)
    fig.suptitle(title, x=0.0, ha="left", fontweight="bold", fontsize=11.5)
    source_line(fig, f"{credit}; yearly sums by The CSTO Record. TIV is SIPRI's volume index of "
                "military capability, not a price.")
    return Chart(fig, deliveries.reset_index(drop=True))


__all__ = ["SUPPLIER_LOOK", "arms_supplier_chart", "rival_deliveries_chart"]
