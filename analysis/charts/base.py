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
