"""Dates that carry their precision: a date known only to the month or year stands for a range."""

from __future__ import annotations

import pandas as pd


def latest_possible(dates: pd.Series, precisions: pd.Series) -> pd.Series:
    """The last day each date may stand for: 2021-05-01 with ``month`` precision -> 2021-05-31,
    with ``year`` -> 2021-12-31; ``day`` (or a missing precision) leaves the date as it is."""
    latest = dates.copy()
    month = (precisions == "month").to_numpy(dtype=bool, na_value=False)
    year = (precisions == "year").to_numpy(dtype=bool, na_value=False)
    latest[month] = dates[month] + pd.offsets.MonthEnd(0)
    latest[year] = dates[year] + pd.offsets.YearEnd(0)
    return latest
