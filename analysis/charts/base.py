"""What every chart returns."""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd
from matplotlib.figure import Figure


class Chart(NamedTuple):
    """A figure and the data it draws (one row per mark), so the data behind any figure can be
    downloaded or checked."""

    figure: Figure
    data: pd.DataFrame


def state_names(states_table: pd.DataFrame | None) -> dict[str, str]:
    """ISO3 code -> short English name, from the ``states`` table (empty without one)."""
    if states_table is None:
        return {}
    return dict(zip(states_table["iso3"].tolist(), states_table["name"].tolist()))
