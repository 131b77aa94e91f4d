"""Network charts: what ties the members together besides the alliance, and whose soldiers are
where (the maps are in :mod:`analysis.charts.maps`)."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ..data.codebook.fields import split_list
from .base import Chart
from .sourceline import source_line
from .style import ALLIANCE_STYLE, PALETTE

#: Colour, marker and line style of each operator of foreign installations: every operator its
#: own colour and marker (Russia in the CSTO's colour, the United States in NATO's).
OPERATOR_STYLE: dict[str, dict] = {
    "RUS": {"color": ALLIANCE_STYLE["CSTO"]["color"], "marker": "o", "linestyle": "-"},
    "USA": {"color": ALLIANCE_STYLE["NATO"]["color"], "marker": "s", "linestyle": "--"},
    "DEU": {"color": PALETTE["green"], "marker": "^", "linestyle": ":"},
    "FRA": {"color": PALETTE["sky"], "marker": "v", "linestyle": "-."},
    "CHN": {"color": PALETTE["purple"], "marker": "D", "linestyle": "-"},
    "IND": {"color": PALETTE["orange"], "marker": "P", "linestyle": "--"},
}
_OTHER_OPERATOR = {"color": PALETTE["black"], "marker": "X", "linestyle": "-"}

#: Fill of an organization in :func:`shared_ties_chart`: one Russia belongs to, or one it does
#: not.
TIE_STYLE: dict[str, dict] = {
    "with": {"color": PALETTE["grey"], "label": "organization Russia belongs to"},
    "without": {"color": PALETTE["sky"], "label": "organization without Russia"},
}


#: How an organization's code reads in a box, where it is not already an abbreviation.
ORG_LABEL: dict[str, str] = {"UNION_STATE": "Union State"}


def shared_ties_chart(
    pairs: pd.DataFrame,
    names: Mapping[str, str],
    title: str,
    source: str = "The CSTO Record, data/memberships.csv",
) -> Chart:
    """A ranked list of pairs of states: one row per pair of
    :func:`analysis.measures.network.shared_organizations`, most shared first, and in the row
    one box per organization the two share, named in the box, grey for an organization Russia
    belongs to and blue for one it does not (a key says so). A pair that shares none says so.

    Data: ``pairs`` as drawn, with ``label`` (the pair in words).
    """
    data = pairs.reset_index(drop=True).copy()
    data["label"] = [f"{names.get(a, a)} – {names.get(b, b)}"
                     for a, b in zip(data["state"], data["other"])]
    widest = max(int(data["n"].max()), 1)
    fig, ax = plt.subplots(figsize=(7.5, 0.36 * len(data) + 1.5))
    for y, row in data.iterrows():
        orgs = split_list(row["organizations"])
        without = set(split_list(row["without_hub"]))
        for x, org in enumerate(orgs):
            style = TIE_STYLE["without" if org in without else "with"]
            ax.barh(y, 0.94, left=x + 0.03, height=0.7, color=style["color"])
            ax.text(x + 0.5, y, ORG_LABEL.get(org, org), ha="center", va="center", fontsize=9,
                    color="black")
        if not orgs:
            ax.text(0.05, y, "no organization: linked only through Russia", ha="left",
                    va="center", fontsize=9, style="italic")
    ax.set_yticks(range(len(data)), data["label"])
    ax.set_ylim(len(data) - 0.5, -0.5)
    ax.set_xlim(0, widest + 0.1)
    ax.set_xticks(range(0, widest + 1))
    ax.set_xlabel("Organizations the two share, besides the CSTO and the CIS")
    ax.tick_params(axis="y", length=0)
    ax.grid(False)
    fig.suptitle(title, x=0.0, ha="left", fontweight="bold", fontsize=11.5)
    ax.legend(handles=[Patch(facecolor=s["color"], label=s["label"])
                       for s in TIE_STYLE.values()],
              loc="lower right", fontsize=9, frameon=True, framealpha=1.0, edgecolor="white")
    source_line(fig, source)
    return Chart(fig, data)


def bases_chart(
    counts: pd.DataFrame,
    states: pd.DataFrame | None = None,
    ncols: int = 4,
    title: str = "Foreign military installations on members' soil",
    source: str = "The CSTO Record, data/bases.csv",
) -> Chart:
    """Installations in use per host over time, one panel per host, one step line per operator.

    ``counts`` is :func:`analysis.measures.installations.bases_per_host` over a series of dates.
    Each operator has its own colour, marker and line style (``OPERATOR_STYLE``; Russia in
    the CSTO's colour), and one key above the panels names them all. Panels are titled with the
    host's name when ``states`` is given. Data: ``counts`` as drawn.
    """
    data = counts.sort_values(["host", "operator", "date"]).reset_index(drop=True)
    hosts = sorted(data["host"].unique())
    operators = sorted(data["operator"].unique(), key=lambda o: (o not in OPERATOR_STYLE,
                                                                list(OPERATOR_STYLE).index(o)
                                                                if o in OPERATOR_STYLE else 0, o))
    names = (dict(zip(states["iso3"], states["name"])) if states is not None
             and "iso3" in states else {})
    nrows = math.ceil(len(hosts) / ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(7.5, 1.75 * nrows + 1.6),
                             sharex=True, sharey=True, squeeze=False)
    top = int(data["installations"].max()) if len(data) else 1
    step = 2 if top > 4 else 1
    for ax, host in zip(axes.flat, hosts):
        for operator in operators:
            line = data[(data["host"] == host) & (data["operator"] == operator)]
            if line.empty or (line["installations"] == 0).all():
                continue
            style = OPERATOR_STYLE.get(operator, _OTHER_OPERATOR)
            ax.step(line["date"], line["installations"], where="post", color=style["color"],
                    linestyle=style["linestyle"], linewidth=1.6)
            # Markers where the count changes (and at the start), not on every date.
            changes = line[line["installations"].diff().fillna(1) != 0]
            ax.plot(changes["date"], changes["installations"], linestyle="",
                    marker=style["marker"], markersize=4.5, color=style["color"])
        ax.set_title(str(names.get(host, host)), fontsize=10, loc="left")
        ax.set_ylim(0, top + 0.8)
        ax.set_yticks(range(0, top + 1, step))
        ax.grid(True, axis="y")
        ax.xaxis.set_major_locator(mdates.YearLocator(15, month=1, day=1))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    for ax in list(axes.flat)[len(hosts):]:
        ax.set_visible(False)
    fig.suptitle(title, x=0.0, ha="left", fontweight="bold", fontsize=11.5)
    fig.supylabel("Installations in use", fontsize=10)
    handles = [Line2D([], [], label=names.get(o, o), markersize=6,
                      **OPERATOR_STYLE.get(o, _OTHER_OPERATOR)) for o in operators]
    # The key sits in a strip kept free at the bottom, clear of the source line below it.
    strip = 0.45 / fig.get_figheight()
    fig.get_layout_engine().set(rect=(0, strip, 1, 1 - strip))
    key = fig.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 0.0),
                     ncols=len(operators), fontsize=9, handlelength=2.2, columnspacing=1.0)
    key.set_in_layout(False)
    source_line(fig, source)
    return Chart(fig, data)


def short_name(name: str) -> str:
    """An installation's name without a bracketed comment, unless the bracket names the region
    it stands in ("7th Military Base, Gudauta (Abkhazia)" keeps it; "Baikonur Cosmodrome
    (leased)" becomes "Baikonur Cosmodrome")."""
    head, _, rest = str(name).partition(" (")
    if rest and any(w in rest for w in ("Abkhazia", "Ossetia")):
        return str(name)
    return head


def installations_chart(
    installations: pd.DataFrame,
    names: Mapping[str, str],
    title: str,
    source: str = "The CSTO Record, data/bases.csv",
) -> Chart:
    """One row per installation of ``installations`` (one operator's, on one day:
    :func:`analysis.measures.installations.installations_on`), grouped by host, each labelled
    with a short name: a bar of its personnel where a source gives a figure (the figure's year
    written at its end), a hollow marker at zero where none does.

    Data: ``base_id``, ``host``, ``label``, ``kind``, ``personnel``, ``personnel_year``, ``known``.
    """
    data = installations.sort_values(["host", "base_id"]).reset_index(drop=True)
    data["label"] = [textwrap.fill(f"{names.get(h, h)}: {short_name(n)}", width=40)
                     for h, n in zip(data["host"], data["name"])]
    data["known"] = data["personnel"].notna()
    top = float(data["personnel"].max()) if data["known"].any() else 1.0
    rows = sum(1 + label.count("\n") for label in data["label"])
    fig, ax = plt.subplots(figsize=(7.5, 0.2 * rows + 0.12 * len(data) + 1.6))
    colour = ALLIANCE_STYLE["CSTO"]["color"]
    for y, row in data.iterrows():
        if row["known"]:
            ax.barh(y, row["personnel"], height=0.62, color=colour)
            ax.text(row["personnel"] + top * 0.01, y,
                    f"{int(row['personnel']):,} ({int(row['personnel_year'])})", va="center",
                    ha="left", fontsize=9)
        else:
            ax.plot(0, y, marker="o", markerfacecolor="white", markeredgecolor=colour,
                    markersize=6, clip_on=False)
            ax.text(top * 0.02, y, "personnel not known", va="center", ha="left", fontsize=9,
                    color="#555555")
    ax.set_yticks(range(len(data)), data["label"])
    ax.set_ylim(len(data) - 0.5, -0.6)
    ax.set_xlim(0, top * 1.3)
    ax.set_xlabel("Personnel, in the year a source gives (year in brackets)")
    ax.tick_params(axis="y", length=0)
    fig.suptitle(title, x=0.0, ha="left", fontweight="bold", fontsize=11.5)
    source_line(fig, source)
    out = data[["base_id", "host", "label", "kind", "personnel", "personnel_year", "known"]]
    return Chart(fig, out.reset_index(drop=True))


__all__ = ["OPERATOR_STYLE", "TIE_STYLE", "bases_chart", "installations_chart",
           "shared_ties_chart", "short_name"]

