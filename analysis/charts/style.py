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
blindness, and a second cue (a marker, a letter or a label, and a key wherever colour carries
meaning) repeats what a colour says. Hatching is not such a cue: it is kept only where two
categories share a colour (a partner and a suspended partner), never laid over a colour that
already tells the category (``analysis.charts.language.style_problems`` checks every chart).
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

#: Colour and marker of each alliance, in every chart: the CSTO (and the 1992 treaty before
#: it) vermillion circles, NATO blue squares; the marker repeats the colour. No hatch: the
#: colour already tells the alliance (``hatch`` stays, None, for charts that pass it on).
ALLIANCE_STYLE: dict[str, dict[str, str | None]] = {
    "CSTO": {"color": PALETTE["vermillion"], "marker": "o", "hatch": None},
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

#: A state with no recorded vote on a resolution: an empty cell marked n/r, hatched (white
#: carries no colour of its own, so the hatch is what tells it from the page).
NOT_RECORDED_STYLE: dict[str, str] = {"color": "#FFFFFF", "letter": "n/r", "text": "#555555",
                                      "hatch": "////"}

#: Colour, marker and wording of each level of the response scale, lowest first; each level
#: has a colour of its own, so none is hatched (``hatch`` stays, None, for charts that pass it).
LEVEL_STYLE: dict[str, dict[str, str | None]] = {
    "none": {"color": PALETTE["grey"], "marker": "x", "hatch": None, "label": "no action"},
    "statement": {"color": PALETTE["sky"], "marker": "o", "hatch": None, "label": "statement"},
    "consultation": {"color": PALETTE["green"], "marker": "s", "hatch": None,
                     "label": "consultation"},
    "mission": {"color": PALETTE["purple"], "marker": "D", "hatch": None, "label": "mission"},
    "material_aid": {"color": PALETTE["orange"], "marker": "P", "hatch": None,
                     "label": "material aid"},
    "deployment": {"color": PALETTE["vermillion"], "marker": "^", "hatch": None,
                   "label": "deployment"},
}

#: Fixed colour of each membership status; a hatch only where statuses share a colour (a
#: suspended partner is a hatched partner; candidates and applicants share the yellow of a
#: state giving notice, each with its own hatch).
STATUS_STYLE = {
    "member": {"color": PALETTE["blue"], "hatch": None},
    "signatory": {"color": PALETTE["sky"], "hatch": None},
    "suspended": {"color": PALETTE["orange"], "hatch": None},
    "frozen": {"color": PALETTE["purple"], "hatch": None},
    "withdrawing": {"color": PALETTE["yellow"], "hatch": None},
    "observer": {"color": PALETTE["grey"], "hatch": None},
    "partner": {"color": PALETTE["green"], "hatch": None},
    "partner_suspended": {"color": PALETTE["green"], "hatch": "xx"},
    "candidate": {"color": PALETTE["yellow"], "hatch": "++"},
    "applicant": {"color": PALETTE["yellow"], "hatch": "oo"},
}

#: Fill, hatch and legend label of each map category (a state's place in the alliance on a day,
#: :data:`analysis.measures.maps.MAP_CATEGORIES`): members in the CSTO's colour, NATO members in
#: NATO's, the other statuses as in :data:`STATUS_STYLE`; every category has its own colour,
#: so none is hatched.
MAP_STYLE: dict[str, dict] = {
    "member": {"color": ALLIANCE_STYLE["CSTO"]["color"], "hatch": None, "label": "Member"},
    "signatory": {**STATUS_STYLE["signatory"], "label": "Signatory (not yet in force)"},
    "suspended": {**STATUS_STYLE["suspended"], "label": "Suspended"},
    "frozen": {**STATUS_STYLE["frozen"], "label": "Frozen participation"},
    "withdrawing": {**STATUS_STYLE["withdrawing"], "label": "Leaving (notice given)"},
    "nato": {"color": ALLIANCE_STYLE["NATO"]["color"], "hatch": None, "label": "NATO member"},
    "former": {"color": PALETTE["green"], "hatch": None, "label": "Former member"},
    "other": {"color": "#E6E6E6", "hatch": None, "label": "Other"},
}


def use_house_style() -> None:
    """Apply the house style to every figure drawn afterwards; reproducible output."""
    plt.style.use(STYLE_FILE)
    # No creation date or software version in saved files, so two builds give the same bytes.
    mpl.rcParams["svg.hashsalt"] = "csto-record"


#: Size (pt) of the source line: 12 CSS px at natural size, so it stays at least 11 px on
#: screen (``analysis.charts.layout.MIN_TEXT_PX``) in a figure shrunk to 92% of its width.
SOURCE_SIZE = 9


def add_source(fig: Figure, text: str) -> None:
    """Write ``Source: text`` under the chart, left-aligned, in small grey type, wrapped at the
    figure's width (a long credit line would otherwise widen the saved figure, and so shrink
    all its text on the page)."""
    fig.text(0.0, -0.02, f"Source: {text}", ha="left", va="top", fontsize=SOURCE_SIZE,
             color="#555555", transform=fig.transFigure, wrap=True)


__all__ = [
    "ALLIANCE_STYLE",
    "LEVEL_STYLE",
    "MAP_STYLE",
    "NOT_RECORDED_STYLE",
    "PALETTE",
    "RUSSIA_SIDE",
    "STATUS_STYLE",
    "SOURCE_SIZE",
    "STYLE_FILE",
    "VOTE_STYLE",
    "add_source",
    "use_house_style",
]
