"""The house chart style: one palette, one look, a source line under every chart."""

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

#: Fixed colour (and hatch, so colour is never the only cue) for each membership status.
STATUS_STYLE = {
    "member": {"color": PALETTE["blue"], "hatch": None},
    "signatory": {"color": PALETTE["sky"], "hatch": "//"},
    "suspended": {"color": PALETTE["orange"], "hatch": "xx"},
    "frozen": {"color": PALETTE["vermillion"], "hatch": ".."},
    "withdrawing": {"color": PALETTE["purple"], "hatch": "\\\\"},
    "observer": {"color": PALETTE["grey"], "hatch": "--"},
    "partner": {"color": PALETTE["green"], "hatch": "||"},
    "partner_suspended": {"color": PALETTE["green"], "hatch": "xx"},
    "candidate": {"color": PALETTE["yellow"], "hatch": "++"},
    "applicant": {"color": PALETTE["yellow"], "hatch": "oo"},
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
