"""How much rests on the largest member: concentration of budgets, forces and defence spending
among the states inside each alliance (shares of the largest member, Herfindahl-Hirschman index).

Shares are taken only over the states with data, and every result says how many states that is.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from .growth import ALLIANCES, _day, _inside_on
from .membership import Intervals

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
        with np.errstate(all="ignore"):
            shares = values / 100.0 if percent else values / _nansum(values)
            squares = shares**2
        top = _nanmax(values)
        top_rows = [i for i, v in zip(rows, values) if v == top]

        def known_years(positions: list[int]) -> list[int]:
            return [years[i] for i in positions if not pd.isna(years[i])]

        result.update({
            "year_min": int(min(known_years(rows), default=pd.NA)),
            "year_max": int(max(known_years(rows), default=pd.NA)),
            "editions": "; ".join(sorted(dict.fromkeys(edition[i] for i in rows))),
            "largest_state": ";".join(sorted(state[i] for i in top_rows)),
            "largest_value": float(top),
            "largest_year": int(max(known_years(top_rows), default=pd.NA)),
            "largest_edition": "; ".join(sorted(dict.fromkeys(edition[i] for i in top_rows))),
            "largest_share": float(_nanmax(shares)),
            "hhi": float(_nansum(squares)),
        })
    return result


def _nansum(values: np.ndarray) -> np.float64:
    """Sum skipping NaN, added up as ``Series.sum`` does."""
    return np.where(np.isnan(values), 0.0, values).sum(dtype=np.float64)


def _nanmax(values: np.ndarray) -> float:
    """Largest value skipping NaN (NaN when there is none), as ``Series.max``."""
    known = values[~np.isnan(values)]
    return known.max() if len(known) else np.nan


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


#: The edition label of the personnel series of :func:`personnel_rows`.
PERSONNEL_EDITION = "Correlates of War, National Material Capabilities 7.0 (military personnel)"


#: The edition written on the spending rows taken from SIPRI (constant 2023 US$).
SPENDING_EDITION = "SIPRI Military Expenditure Database 2025 (constant 2023 US$)"


def _one_year_rows(table: pd.DataFrame, column: str, states: Iterable[str], measure: str,
                   unit: str, edition: str, scale: float) -> tuple[pd.DataFrame, int | None]:
    """``column`` of ``table`` (``state``, ``year``) for ``states`` in one year, the latest in
    which the most of them have a figure, as ``capabilities`` rows (value times ``scale``)."""
    wanted = set(states)
    known = table[table["state"].isin(wanted) & table[column].notna()]
    columns = ["state", "year", "measure", "value", "unit", "edition"]
    if known.empty:
        return pd.DataFrame(columns=columns), None
    coverage = known.groupby("year")["state"].nunique()
    year = int(coverage[coverage == coverage.max()].index.max())
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


def personnel_rows(nmc_milper: pd.DataFrame, states: Iterable[str]) -> tuple[pd.DataFrame, int | None]:
    """Military personnel of ``states`` from one series and one year, as ``capabilities`` rows.

    ``nmc_milper`` is the vendored Correlates of War table (``state``, ``year``,
    ``milper_thousands``). The year is the latest in which the most of ``states`` have a figure
    (so all of them, when one year covers all). Returns the rows in the layout of
    ``capabilities`` (``state``, ``year``, ``measure`` = ``active_personnel``, ``value`` in
    persons, ``unit`` = ``persons``, ``edition`` = :data:`PERSONNEL_EDITION`) and the year
    (``None`` when no state has a figure).
    """
    return _one_year_rows(nmc_milper, "milper_thousands", states, "active_personnel", "persons",
                          PERSONNEL_EDITION, 1000.0)


def spending_rows(milex: pd.DataFrame, states: Iterable[str]) -> tuple[pd.DataFrame, int | None]:
    """Military spending of ``states`` from SIPRI in one year, as ``capabilities`` rows: as
    :func:`personnel_rows`, from ``milex_constant_2023_usd_million`` (``measure`` =
    ``military_spending``, ``unit`` = ``usd_million_constant_2023``)."""
    return _one_year_rows(milex, "milex_constant_2023_usd_million", states, "military_spending",
                          "usd_million_constant_2023", SPENDING_EDITION, 1.0)


def largest_member_shares(
    memberships: pd.DataFrame, capabilities: pd.DataFrame, date: str | pd.Timestamp | None = None,
    personnel: pd.DataFrame | None = None,
    spending: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Concentration of the common budget (or of military spending) and of active forces in
    each alliance.

    For each alliance in :data:`~analysis.measures.growth.ALLIANCES` and each panel (``budget``:
    the alliance's budget-share measure; ``forces``: ``active_personnel``), :func:`concentration`
    over the states inside the alliance on ``date`` (members and frozen or suspended members).
    With ``personnel`` (the Correlates of War table ``nmc_milper``) the forces panel takes every
    state's figure from that one series and one year (:func:`personnel_rows`), instead of each
    state's latest figure in ``capabilities``, whose editions and years differ. With
    ``spending`` (the SIPRI table ``milex``) the first panel is ``spending``: each member's
    military spending in one year (:func:`spending_rows`) instead of the organizations' own
    budget shares, which measure different things in the two alliances.
    Returns ``organization``, ``panel`` and the columns of :func:`concentration`.
    """
    table, day = Intervals(memberships), _day(date)
    results, organizations, panels = [], [], []
    for alliance in ALLIANCES:
        states = [table.state[i] for i in _inside_on(table, alliance, day)]
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


def _best_year_of(rows: list[int], capabilities: pd.DataFrame) -> int | None:
    """The year in which most of the states in ``rows`` have a figure (the latest if tied)."""
    if not rows:
        return None
    state, years = capabilities["state"].tolist(), capabilities["year"].tolist()
    states_by_year: dict[int, set[str]] = {}
    for i in rows:
        if not pd.isna(years[i]):
            states_by_year.setdefault(years[i], set())
            if not pd.isna(state[i]):
                states_by_year[years[i]].add(state[i])
    coverage = sorted((len(s), y) for y, s in states_by_year.items())
    return int(coverage[-1][1])


def _spending_split(capabilities: pd.DataFrame, states: list[str]) -> dict[str, object]:
    """Defence spending of the biggest spender and of the other states with data, in the year with
    the best coverage."""
    rows = _capability_rows(capabilities, "defence_spending", states)
    year = _best_year_of(rows, capabilities)
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
            "rest": float(_nansum(value[rows[1:]])), "n_rest": len(rows) - 1,
            "n_states": len(states), "edition": "; ".join(editions)}



#: What a point's source line adds for each of SIPRI's marks on a spending figure.
FLAG_NOTES: dict[str, str] = {"estimate": "; SIPRI estimate", "uncertain": "; SIPRI: uncertain",
                              "unavailable": "; SIPRI: no figure",
                              "not_independent": "; SIPRI: not independent"}


def spending_series(milex: pd.DataFrame, states: Iterable[str],
                    edition: str = SPENDING_EDITION) -> pd.DataFrame:
    """Each of ``states``' yearly military spending from SIPRI, for a chart that shows its
    source on every point: ``state``, ``year``, ``value`` (constant 2023 US$ m., missing where
    SIPRI has no figure) and ``source`` (``edition``, and SIPRI's mark where the figure is an
    estimate or uncertain). Raises ValueError naming a state that ``milex`` lacks."""
    wanted = list(dict.fromkeys(states))
    missing = sorted(set(wanted) - set(milex["state"]))
    if missing:
        raise ValueError(f"milex has no rows for {missing}")
    rows = milex[milex["state"].isin(wanted)].sort_values(["state", "year"])
    flags = rows["milex_flag"].astype("string")
    marks = flags.map(FLAG_NOTES)
    source = edition + marks.fillna("").astype(str)
    return pd.DataFrame({
        "state": rows["state"].astype("string").to_numpy(),
        "year": rows["year"].astype(int).to_numpy(),
        "value": rows["milex_constant_2023_usd_million"].astype(float).to_numpy(),
        "source": source.to_numpy(),
    })


__all__ = [
    "BUDGET_MEASURE",
    "FLAG_NOTES",
    "PERSONNEL_EDITION",
    "SPENDING_EDITION",
    "concentration",
    "largest_member_shares",
    "personnel_rows",
    "spending_rows",
    "spending_series",
]
