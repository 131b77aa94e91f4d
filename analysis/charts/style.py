"""The house chart style: one palette, one look, a source line under every chart, and every
colour, letter and marker that carries a meaning across charts, defined once.

Static charts (matplotlib) and the interactive Vega-Lite specifications
(``analysis.charts.interactive``) read the same encodings from here:

* :data:`ALLIANCE_STYLE`: the CSTO and NATO, the same in every chart;
* :data:`RUSSIA_SIDE`: a vote or stance "as Russia" and "against Russia";
* :data:`VOTE_STYLE` and :data:`NOT_RECORDED_STYLE`: the colour and letter of each UN vote;
* :data:`LEVEL_STYLE`: each level of the response scale;
* :data:`STATUS_STYLE` (membership timelines) and :data:`MAP_STYLE` (the alliance on the map).

Colours come from the Okabe-Ito palette, distinguishable with the common forms of colour
blindness, and a second cue (a marker, a letter, a hatch or a label) repeats what a colour says.
Credit lines of external datasets are not kept here: they are read from ``data/origins.csv``
(:func:`analysis.measures.provenance.credit_lines`).
"""

from __future__ import annotations

from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
from matplotlib.figure import Figure

STYLE_FILE = Path(__file__).with_name("csto.mplstyle")

#: Okabe-Ito colours, distinguishable with the common forms of colour blindness.
PALETTE = {
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "green": "#009E73",
    "purple": "#CC79A7",
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "yellow": "#F0E442",
    "black": "#000000",
    "grey": "#999999",
}

#: Colour, marker and hatch of each alliance, in every chart: the CSTO (and the 1992 treaty
#: before it) vermillion circles, NATO blue squares; the marker and the hatch repeat the colour.
ALLIANCE_STYLE: dict[str, dict[str, str | None]] = {
    "CSTO": {"color": PALETTE["vermillion"], "marker": "o", "hatch": "//"},
    "NATO": {"color": PALETTE["blue"], "marker": "s", "hatch": None},
}

#: A vote or stance on Russia's side, and one against it (the ends of the agreement scale).
RUSSIA_SIDE: dict[str, str] = {"with": PALETTE["vermillion"], "against": PALETTE["blue"]}

#: Colour, letter and letter colour of each recorded UN vote, in the static vote charts and the
#: interactive vote strip alike.
VOTE_STYLE: dict[str, dict[str, str]] = {
    "yes": {"color": PALETTE["blue"], "letter": "Y", "text": "white"},
    "no": {"color": PALETTE["vermillion"], "letter": "N", "text": "white"},
    "abstain": {"color": PALETTE["yellow"], "letter": "A", "text": "black"},
    "absent": {"color": "#BBBBBB", "letter": "\u2013", "text": "black"},
}

#: A state with no recorded vote on a resolution: an empty (hatched, in print) cell marked n/r.
NOT_RECORDED_STYLE: dict[str, str] = {"color": "#FFFFFF", "letter": "n/r", "text": "#555555",
                                      "hatch": "////"}

#: Colour, marker, hatch and wording of each level of the response scale, lowest first (the
#: hatch grows denser with the level).
LEVEL_STYLE: dict[str, dict[str, str | None]] = {
    "none": {"color": PALETTE["grey"], "marker": "x", "hatch": None, "label": "no action"},
    "statement": {"color": PALETTE["sky"], "marker": "o", "hatch": "..", "label": "statement"},
    "consultation": {"color": PALETTE["green"], "marker": "s", "hatch": "//",
                     "label": "consultation"},
    "mission": {"color": PALETTE["purple"], "marker": "D", "hatch": "\\\\", "label": "mission"},
    "material_aid": {"color": PALETTE["orange"], "marker": "P", "hatch": "xx",
                     "label": "material aid"},
    "deployment": {"color": PALETTE["vermillion"], "marker": "^", "hatch": "++",
                   "label": "deployment"},
}

#: Fixed colour (and hatch, so colour is never the only cue) for each membership status.
STATUS_STYLE = {
    "member": {"color": PALETTE["blue"], "hatch": None},
    "signatory": {"color": PALETTE["sky"], "hatch": "//"},
    "suspended": {"color": PALETTE["orange"], "hatch": "xx"},
    "frozen": {"color": PALETTE["purple"], "hatch": ".."},
    "withdrawing": {"color": PALETTE["yellow"], "hatch": "\\\\"},
    "observer": {"color": PALETTE["grey"], "hatch": "--"},
    "partner": {"color": PALETTE["green"], "hatch": "||"},
    "partner_suspended": {"color": PALETTE["green"], "hatch": "xx"},
    "candidate": {"color": PALETTE["yellow"], "hatch": "++"},
    "applicant": {"color": PALETTE["yellow"], "hatch": "oo"},
}

#: Fill, hatch and legend label of each map category (a state's place in the alliance on a day,
#: :data:`analysis.measures.maps.MAP_CATEGORIES`): members in the CSTO's colour, NATO members in
#: NATO's, the other statuses as in :data:`STATUS_STYLE`.
MAP_STYLE: dict[str, dict] = {
    "member": {"color": ALLIANCE_STYLE["CSTO"]["color"], "hatch": None, "label": "Member"},
    "signatory": {**STATUS_STYLE["signatory"], "label": "Signatory (not yet in force)"},
    "suspended": {**STATUS_STYLE["suspended"], "label": "Suspended"},
    "frozen": {**STATUS_STYLE["frozen"], "label": "Frozen participation"},
    "withdrawing": {**STATUS_STYLE["withdrawing"], "label": "Leaving (notice given)"},
    "nato": {"color": ALLIANCE_STYLE["NATO"]["color"], "hatch": "||", "label": "NATO member"},
    "former": {"color": PALETTE["green"], "hatch": "\\\\", "label": "Former member"},
    "other": {"color": "#E6E6E6", "hatch": None, "label": "Other"},
}


def use_house_style() -> None:
    """Apply the house style to every figure drawn afterwards; reproducible output."""
    plt.style.use(STYLE_FILE)
    # No creation date or software version in saved files, so two builds give the same bytes.
    mpl.rcParams["svg.hashsalt"] = "csto-record"


def add_source(fig: Figure, text: str) -> None:
    """Write ``Source: text`` under the chart, left-aligned, in small grey type."""
    fig.text(0.0, -0.02, f"Source: {text}", ha="left", va="top", fontsize=8, color="#555555",
             transform=fig.transFigure)


__all__ = [
    "ALLIANCE_STYLE",
    "LEVEL_STYLE",
    "MAP_STYLE",
    "NOT_RECORDED_STYLE",
    "PALETTE",
    "RUSSIA_SIDE",
    "STATUS_STYLE",
    "STYLE_FILE",
    "VOTE_STYLE",
    "add_source",
    "use_house_style",
]
