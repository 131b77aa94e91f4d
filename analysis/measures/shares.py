"""Shares of the largest member, and the year a cross-section of states is best covered: the
computations that spending, personnel and the concentration of each alliance share.

A missing figure is never read as zero: a share is taken over the states with a figure, and the
callers say how many that is.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd


def nansum(values: np.ndarray) -> np.float64:
    """Sum skipping NaN, added up as ``Series.sum`` does (0 when there is nothing)."""
    values = np.asarray(values, dtype=np.float64)
    return np.where(np.isnan(values), 0.0, values).sum(dtype=np.float64)


def largest_member(states: Sequence[str], values: Sequence[float] | np.ndarray,
                   whole: float | None = None) -> dict[str, object]:
    """The largest member among ``states`` (``values`` in the same order, NaN where a state has
    no figure).

    Returns ``states`` (every state holding the largest value, alphabetically: more than one
    only on a tie; empty when no state has a figure), ``value`` (the largest value, NaN when
    none), ``total`` (the sum over the states with a figure) and ``share``: ``value`` over
    ``whole`` when given (for figures that already are shares of a whole, such as budget shares
    in percent: ``whole=100``), else over ``total``; NaN when nothing has a figure or the total
    is 0.
    """
    figures = np.asarray(values, dtype=np.float64)
    known = ~np.isnan(figures)
    total = nansum(figures)
    if not known.any():
        return {"states": [], "value": np.nan, "total": total, "share": np.nan}
    top = figures[known].max()
    holders = sorted(str(s) for s, v, k in zip(states, figures, known) if k and v == top)
    base = total if whole is None else whole
    with np.errstate(all="ignore"):
        share = np.float64(top) / base if base else np.nan
    return {"states": holders, "value": float(top), "total": total, "share": float(share)}


def best_covered_year(years: Iterable[object], states: Iterable[object]) -> int | None:
    """The year in which the most distinct states have a figure (the latest on a tie), from
    parallel ``years`` and ``states`` of the rows with a figure; None when there is none. A
    missing year is skipped; a row with a missing state counts its year but no state."""
    states_by_year: dict[int, set[str]] = {}
    for year, state in zip(years, states):
        if pd.isna(year):
            continue
        held = states_by_year.setdefault(int(year), set())
        if not pd.isna(state):
            held.add(state)
    if not states_by_year:
        return None
    return max(states_by_year, key=lambda y: (len(states_by_year[y]), y))


def one_year_rows(table: pd.DataFrame, column: str, states: Iterable[str], measure: str,
                  unit: str, edition: str, scale: float) -> tuple[pd.DataFrame, int | None]:
    """``column`` of ``table`` (``state``, ``year``) for ``states`` in one year, the year in which
    the most of them have a figure (:func:`best_covered_year`), as rows in the layout of
    ``capabilities`` (``state``, ``year``, ``measure``, ``value`` = the figure times ``scale``,
    ``unit``, ``edition``), sorted by state; and that year (None when no state has a figure)."""
    wanted = set(states)
    known = table[table["state"].isin(wanted) & table[column].notna()]
    columns = ["state", "year", "measure", "value", "unit", "edition"]
    year = best_covered_year(known["year"].tolist(), known["state"].tolist())
    if year is None:
        return pd.DataFrame(columns=columns), None
    rows = known[known["year"] == year].sort_values("state")
    out = pd.DataFrame({
        "state": rows["state"].astype("string").to_numpy(),
        "year": pd.array(rows["year"].astype(int).to_numpy(), dtype="Int64"),
        "measure": measure,
        "value": rows[column].astype(float).to_numpy() * scale,
        "unit": unit,
        "edition": edition,
    })
    return out[columns], year


__all__ = ["best_covered_year", "largest_member", "nansum", "one_year_rows"]
