"""Dates and their precision: days as the tables hold them, and what a date known only to the
month or year may stand for.

Intervals in the tables include their ``start`` and exclude their ``end`` (the day a status
changed). The measures answer questions on many dates at once, so they compare dates as int64
nanoseconds since the epoch (:func:`as_ns`), with a missing date as :data:`NAT`.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

#: A missing date among int64 nanoseconds: the smallest int64, as numpy stores NaT.
NAT = np.iinfo(np.int64).min


def to_day(date: str | pd.Timestamp) -> pd.Timestamp:
    """``date`` as a day: a ``Timestamp`` at midnight."""
    return pd.Timestamp(date).normalize()


def as_ns(dates: pd.Series | Iterable[str | pd.Timestamp]) -> np.ndarray:
    """Dates as an int64 array of nanoseconds since the epoch, a missing date as :data:`NAT`."""
    if isinstance(dates, pd.Series):
        return np.asarray(dates, dtype="datetime64[ns]").view("int64")
    return np.array([to_day(d).value for d in dates], dtype=np.int64)


def from_ns(values: np.ndarray | list[int]) -> np.ndarray:
    """int64 nanoseconds back to ``datetime64[ns]`` (:data:`NAT` becomes NaT)."""
    return np.asarray(values, dtype=np.int64).view("datetime64[ns]")


def earliest(values: np.ndarray) -> pd.Timestamp:
    """The earliest of int64 dates (:func:`as_ns`), NaT when there is none (as ``Series.min``
    gives)."""
    known = values[values != NAT]
    return pd.Timestamp(int(known.min()), unit="ns") if len(known) else pd.NaT


def latest_possible(dates: pd.Series, precisions: pd.Series) -> pd.Series:
    """The last day each date may stand for: 2021-05-01 with ``month`` precision -> 2021-05-31,
    with ``year`` -> 2021-12-31; ``day`` (or a missing precision) leaves the date as it is."""
    latest = dates.copy()
    month = (precisions == "month").to_numpy(dtype=bool, na_value=False)
    year = (precisions == "year").to_numpy(dtype=bool, na_value=False)
    latest[month] = dates[month] + pd.offsets.MonthEnd(0)
    latest[year] = dates[year] + pd.offsets.YearEnd(0)
    return latest
