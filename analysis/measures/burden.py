"""How much rests on the largest member: concentration of budgets, forces and defence spending
among the states inside each alliance (shares of the largest member, Herfindahl-Hirschman index).

Shares are taken only over the states with data, and every result says how many states that is;
the largest member and its share are computed by :func:`~analysis.measures.shares.largest_member`.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from ..data.dates import to_day
from .growth import ALLIANCES
from .membership import Intervals, inside_on
from .personnel import personnel_rows
from .shares import best_covered_year, largest_member, nansum
from .spending import spending_rows

#: The ``capabilities`` measure holding each alliance's budget shares.
BUDGET_MEASURE: dict[str, str] = {"CSTO": "csto_budget_share", "NATO": "nato_common_budget_share"}


def _is(value: object, wanted: str) -> bool:
    """``value == wanted``, False for a missing value."""
    return isinstance(value, str) and value == wanted


def concentration(
    capabilities: pd.DataFrame,
    measure: str,
    states: Iterable[str],
    year: int | None = None,
) -> pd.DataFrame:
    """How concentrated ``measure`` is among ``states``: one row.

    Shares are computed only over the states with data, and the row says how many there are
    (``n_with_data`` of ``n_states``). For a measure in persons or money a state's share is its
    value divided by the total of the states with data. For a measure in ``percent`` (a budget
    share) the value already is the state's share of the whole budget, so it is used as given;
    then the Herfindahl-Hirschman index is a lower bound when some states lack data.

    ``year`` picks one year. Without it, persons and money use each state's latest figure (years
    may differ: see ``year_min`` and ``year_max``), while percent measures use the latest year with
    any figure, because shares of different years' budgets cannot be combined.

    Returns ``measure``, ``unit``, ``n_states``, ``n_with_data``, ``year_min``, ``year_max``,
    ``editions`` (``; ``-separated), ``largest_state`` (``;``-joined when tied),
    ``largest_value`` (in ``unit``), ``largest_year`` and ``largest_edition`` (what the largest
    value refers to), ``largest_share`` (0-1), ``hhi`` (sum of squared shares,
    0-1; 1/n when n states with data are equal, 1 when one state holds everything) and
    ``share_basis`` (how shares were computed).
    """
    return _concentration_frame([_concentration(capabilities, measure, states, year)])


def _concentration(
    capabilities: pd.DataFrame, measure: str, states: Iterable[str], year: int | None
) -> dict[str, object]:
    """The values of the one row of :func:`concentration`."""
    wanted = sorted(set(states))
    state, unit_of = capabilities["state"].tolist(), capabilities["unit"].tolist()
    years, edition = capabilities["year"].tolist(), capabilities["edition"].tolist()
    of_measure = [i for i, m in enumerate(capabilities["measure"].tolist()) if _is(m, measure)]
    units = list(dict.fromkeys(unit_of[i] for i in of_measure if not pd.isna(unit_of[i])))
    if len(units) > 1:
        raise ValueError(f"{measure} comes in several units: {units}")
    unit = units[0] if units else pd.NA
    percent = bool(units) and unit == "percent"
    chosen = set(wanted)
    rows = [i for i in of_measure if state[i] in chosen]
    if year is not None:
        rows = [i for i in rows if not pd.isna(years[i]) and years[i] == year]
    elif percent and len(rows):
        known = [years[i] for i in rows if not pd.isna(years[i])]
        latest = max(known) if known else None
        rows = [i for i in rows if latest is not None and not pd.isna(years[i])
                and years[i] == latest]
    elif len(rows):
        # Each state's last row once sorted by year (the frame's own sort, ties included).
        by_year = pd.Series(capabilities["year"].array.take(rows)).sort_values().index
        ordered = [rows[k] for k in by_year]
        last = {state[i]: i for i in ordered if not pd.isna(state[i])}
        kept = set(last.values())
        rows = [i for i in ordered if i in kept]
    result: dict[str, object] = {
        "measure": measure, "unit": unit, "n_states": len(wanted), "n_with_data": len(rows),
        "year_min": pd.NA, "year_max": pd.NA, "editions": pd.NA, "largest_state": pd.NA,
        "largest_value": float("nan"), "largest_year": pd.NA, "largest_edition": pd.NA,
        "largest_share": float("nan"), "hhi": float("nan"),
        "share_basis": "reported share of the whole budget (HHI is a lower bound when data is "
        "partial)" if percent else "share of the total over states with data",
    }
    if len(rows):
        values = capabilities["value"].to_numpy(dtype="float64", na_value=np.nan)[rows]
        top = largest_member([state[i] for i in rows], values, 100.0 if percent else None)
        with np.errstate(all="ignore"):
            shares = values / 100.0 if percent else values / nansum(values)
        top_rows = [i for i, v in zip(rows, values) if v == top["value"]]

        def known_years(positions: list[int]) -> list[int]:
            return [years[i] for i in positions if not pd.isna(years[i])]

        result.update({
            "year_min": int(min(known_years(rows), default=pd.NA)),
            "year_max": int(max(known_years(rows), default=pd.NA)),
            "editions": "; ".join(sorted(dict.fromkeys(edition[i] for i in rows))),
            "largest_state": ";".join(top["states"]),
            "largest_value": top["value"],
            "largest_year": int(max(known_years(top_rows), default=pd.NA)),
            "largest_edition": "; ".join(sorted(dict.fromkeys(edition[i] for i in top_rows))),
            "largest_share": top["share"],
            "hhi": float(nansum(shares**2)),
        })
    return result


_TEXT_COLUMNS = ("measure", "unit", "editions", "largest_state", "largest_edition", "share_basis")


def _concentration_frame(results: list[dict[str, object]],
                         **leading: list[str]) -> pd.DataFrame:
    """Rows of :func:`concentration` (``leading`` text columns first), typed as it types them."""
    columns: dict[str, object] = {name: pd.array(values, dtype="string")
                                  for name, values in leading.items()}
    for col in results[0]:
        values = [r[col] for r in results]
        if col in _TEXT_COLUMNS:
            columns[col] = pd.array(values, dtype="string")
        elif col in ("n_states", "n_with_data"):
            columns[col] = np.array(values, dtype=np.int64)
        elif col in ("year_min", "year_max", "largest_year"):
            columns[col] = pd.array(values, dtype="Int64")
        else:
            columns[col] = np.array(values, dtype=np.float64)
    return pd.DataFrame(columns)


def largest_member_shares(
    memberships: pd.DataFrame, capabilities: pd.DataFrame, date: str | pd.Timestamp,
    personnel: pd.DataFrame | None = None,
    spending: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Concentration of the common budget (or of military spending) and of active forces in
    each alliance.

    For each alliance in :data:`~analysis.measures.growth.ALLIANCES` and each panel (``budget``:
    the alliance's budget-share measure; ``forces``: ``active_personnel``), :func:`concentration`
    over the states inside the alliance on ``date`` (members and frozen or suspended members).
    With ``personnel`` (the Correlates of War table ``nmc_milper``) the forces panel takes every
    state's figure from that one series and one year
    (:func:`~analysis.measures.personnel.personnel_rows`), instead of each
    state's latest figure in ``capabilities``, whose editions and years differ. With
    ``spending`` (the SIPRI table ``milex``) the first panel is ``spending``: each member's
    military spending in one year (:func:`~analysis.measures.spending.spending_rows`) instead of
    the organizations' own budget shares, which measure different things in the two alliances.
    Returns ``organization``, ``panel`` and the columns of :func:`concentration`.
    """
    table, day = Intervals(memberships), to_day(date)
    results, organizations, panels = [], [], []
    for alliance in ALLIANCES:
        states = [table.state[i] for i in inside_on(table, alliance, day)]
        first = ("spending", "military_spending") if spending is not None else \
            ("budget", BUDGET_MEASURE[alliance])
        for panel, measure in (first, ("forces", "active_personnel")):
            if panel == "forces" and personnel is not None:
                rows, year = personnel_rows(personnel, states)
                results.append(_concentration(rows, measure, states, year))
            elif panel == "spending":
                rows, year = spending_rows(spending, states)
                results.append(_concentration(rows, measure, states, year))
            else:
                results.append(_concentration(capabilities, measure, states, None))
            organizations.append(alliance)
            panels.append(panel)
    return _concentration_frame(results, organization=organizations, panel=panels)


def _capability_rows(capabilities: pd.DataFrame, measure: str, states: list[str]) -> list[int]:
    """Positions of the rows of ``measure`` for ``states``."""
    wanted, state = set(states), capabilities["state"].tolist()
    return [i for i, m in enumerate(capabilities["measure"].tolist())
            if _is(m, measure) and state[i] in wanted]


def spending_split(capabilities: pd.DataFrame, states: list[str]) -> dict[str, object]:
    """Defence spending (the ``defence_spending`` rows of ``capabilities``) of the biggest spender
    among ``states`` and of the other states with data, in the year in which the most of them
    have a figure: ``year``, ``largest_state``, ``largest`` and ``rest`` (in the table's unit),
    ``n_rest`` (other states with data), ``n_states`` and ``edition`` (the editions, joined by
    semicolons)."""
    rows = _capability_rows(capabilities, "defence_spending", states)
    year = best_covered_year([capabilities["year"].iat[i] for i in rows],
                             [capabilities["state"].iat[i] for i in rows])
    empty = {"year": pd.NA, "largest_state": pd.NA, "largest": pd.NA, "rest": pd.NA,
             "n_rest": 0, "n_states": len(states), "edition": pd.NA}
    if year is None:
        return empty
    years, state = capabilities["year"].tolist(), capabilities["state"].tolist()
    edition = capabilities["edition"].tolist()
    value = capabilities["value"].to_numpy(dtype="float64", na_value=np.nan)
    rows = [i for i in rows if not pd.isna(years[i]) and years[i] == year]

    def order(i: int) -> tuple:
        # Largest value first, then state; missing values last, ties in table order.
        missing_value, missing_state = bool(np.isnan(value[i])), pd.isna(state[i])
        return (missing_value, 0.0 if missing_value else -value[i],
                missing_state, "" if missing_state else state[i])

    rows = sorted(rows, key=order)
    top = rows[0]
    editions = sorted(dict.fromkeys(edition[i] for i in rows))
    return {"year": year, "largest_state": state[top], "largest": float(value[top]),
            "rest": float(nansum(value[rows[1:]])), "n_rest": len(rows) - 1,
            "n_states": len(states), "edition": "; ".join(editions)}



__all__ = [
    "BUDGET_MEASURE",
    "concentration",
    "largest_member_shares",
    "spending_split",
]
