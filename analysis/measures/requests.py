"""Request against response: what members asked their alliance for, and what came, coded by one
rule for the CSTO and NATO (the rates and the yardstick are in :mod:`~analysis.measures.rates`).

Coding rules used throughout (the book states them where it shows the numbers):

* A request's outcome is the **highest level** any of its responses reached on the ordinal scale
  :data:`analysis.data.codebook.vocabulary.RESPONSE_LEVELS` (``none`` < ``statement`` <
  ``consultation`` <
  ``mission`` < ``material_aid`` < ``deployment``). A request with no response row counts as
  ``none``: nothing was recorded as done.
* Only responses above ``none`` are **actions**. The first response and the lags are measured to
  actions; a dated ``none`` row (a postponed meeting, an unsigned declaration) is not an answer.
* **Lags** are whole days from the request date to the response date. Dates known only to the
  month or year are stored as the first day of that month or year, so a response dated
  ``2021-05`` (month precision) may lie "before" a request of 13 May 2021 at day resolution: such a
  lag counts as **0 days** (the response came in the same month, and may well have come after the
  request). A response whose *latest possible* day is still before the request is a data error
  and raises :class:`ValueError`. Lags against a month- or year-precision request date are upper
  bounds; the ``lag_*_precision`` columns say how precise each lag is.
* Three yes/no outcomes: ``any_action`` (highest level above ``none``), ``material`` (at least
  ``material_aid``: aid or troops, more than words, meetings and missions) and ``deployed``
  (``deployment``: troops were sent).
* **Rates** count only rows with ``request_made == "yes"``: crises in which no request reached the
  alliance are listed by :func:`~analysis.measures.rates.crises_without_request`, never counted
  as refused requests.
* Several allies asking together on the same day about the same crisis (NATO's eight Article 4
  requests of 24 February 2022) are stored one row per requester; rates and the yardstick count
  such a **joint request once** by default (:func:`merge_joint_requests`), since the alliance took
  one decision.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from ..data.codebook.fields import split_list
from ..data.codebook.vocabulary import RESPONDERS, RESPONSE_LEVELS
from ..data.dates import NAT, as_ns, from_ns, latest_possible
from .levels import LEVEL_RANK, level_ranks, levels_categorical

#: First year of each period used to compare rates over time; the last period is open-ended.
PERIOD_EDGES: tuple[int, ...] = (1992, 2002, 2010, 2020)

#: Columns of ``requests`` that :func:`request_outcomes` needs.
REQUEST_COLUMNS: tuple[str, ...] = (
    "request_id", "organization", "crisis", "requester", "date", "date_precision", "threat",
    "instrument", "request_made", "ask", "asked_level",
)
RESPONSE_COLUMNS: tuple[str, ...] = ("request_id", "date", "date_precision", "level", "troops")

_PRECISION_ORDER = {"day": 0, "month": 1, "year": 2}

def require(frame: pd.DataFrame, columns: Iterable[str], name: str) -> None:
    """Raise KeyError naming the ``columns`` the table ``name`` lacks."""
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise KeyError(f"{name} lacks the column(s) {missing}")


def precision_or_day(precisions: pd.Series | None, index: pd.Index) -> pd.Series:
    """Date precisions as strings, ``day`` where missing (or for every row of ``index`` when
    ``precisions`` is None)."""
    if precisions is None:
        return pd.Series("day", index=index, dtype="string")
    return precisions.astype("string").fillna("day")


def response_lag_days(
    request_dates: pd.Series,
    response_dates: pd.Series,
    response_precisions: pd.Series | None = None,
) -> pd.Series:
    """Whole days from each request date to its response date (``Int64``, never negative).

    The three Series are aligned row by row. A response dated only to the month or year
    (``response_precisions``; ``None`` or missing = day) is stored as the first day of that
    period, so it may fall before the request at day resolution: its lag is then 0. Raises
    :class:`ValueError` if a response's latest possible day is still before its request.
    """
    precisions = precision_or_day(response_precisions, response_dates.index)
    latest = latest_possible(response_dates, precisions)
    impossible = (latest < request_dates).to_numpy(dtype=bool, na_value=False)
    if impossible.any():
        first = np.flatnonzero(impossible)[0]
        raise ValueError(
            f"response dated {response_dates.iloc[first]:%Y-%m-%d} "
            f"({precisions.iloc[first]} precision) comes before its request "
            f"({request_dates.iloc[first]:%Y-%m-%d})"
        )
    days = (response_dates - request_dates).dt.days
    return days.clip(lower=0).astype("Int64")


def _coarsest(*precisions: pd.Series) -> pd.Series:
    """Row by row, the least precise of several precision columns (day < month < year)."""
    ranks = pd.concat([p.astype("string").fillna("day").map(_PRECISION_ORDER) for p in precisions],
                      axis=1).max(axis=1)
    names = {rank: name for name, rank in _PRECISION_ORDER.items()}
    return ranks.map(names).astype("string")


def _with_derived(out: pd.DataFrame) -> pd.DataFrame:
    """Add the columns that follow from ``highest_rank`` and the ask (shared with merging)."""
    rank = out["highest_rank"]
    out["highest_level"] = levels_categorical(rank)
    out["any_action"] = (rank > LEVEL_RANK["none"]).astype(bool)
    out["material"] = (rank >= LEVEL_RANK["material_aid"]).astype(bool)
    out["deployed"] = (rank == LEVEL_RANK["deployment"]).astype(bool)
    # The ask counts only where a request was made.
    asked = pd.Series(pd.array([
        pd.NA if pd.isna(level) or not (isinstance(made, str) and made == "yes") else str(level)
        for level, made in zip(out["asked_level"].tolist(), out["request_made"].tolist())
    ], dtype="string"), index=out.index)
    out["asked_level"] = pd.Categorical(asked, categories=RESPONSE_LEVELS, ordered=True)
    asked_rank = level_ranks(asked)
    out["gap_rank"] = (asked_rank - rank).astype("Int64")
    gap = [None if pd.isna(g) else "short" if g > 0 else "met" if g == 0 else "exceeded"
           for g in out["gap_rank"].tolist()]
    out["gap"] = pd.Categorical(gap, categories=["short", "met", "exceeded"])
    out["year"] = out["date"].dt.year.astype("Int64")
    out["period"] = periods(out["date"])
    return out


def responses_of(responses: pd.DataFrame,
                 responder: str | Iterable[str] = "alliance") -> pd.DataFrame:
    """The rows of ``responses`` given by ``responder`` (one of
    :data:`~analysis.data.codebook.vocabulary.RESPONDERS`, or several): by default the
    alliance's own. A table without a ``responder`` column holds the alliance's responses only.
    Raises :class:`ValueError` for a responder not in the vocabulary."""
    wanted = {responder} if isinstance(responder, str) else set(responder)
    unknown = sorted(wanted - set(RESPONDERS))
    if unknown:
        raise ValueError(f"unknown responder(s) {unknown}; the responders are {RESPONDERS}")
    if "responder" not in responses.columns:
        return responses if "alliance" in wanted else responses.iloc[0:0]
    return responses[responses["responder"].isin(wanted).to_numpy(dtype=bool)]


def request_outcomes(requests: pd.DataFrame, responses: pd.DataFrame,
                     responder: str | Iterable[str] = "alliance") -> pd.DataFrame:
    """One row per request (and per crisis without one): what was asked and what came.

    Only the responses of ``responder`` count (:func:`responses_of`): by default the
    alliance's, so the patron's bilateral answers and those of another organization a request
    went to are left out unless asked for (``responder="patron"``, or several at once).

    Keeps the columns of ``requests`` (except ``note`` and ``source``) and adds:

    * ``highest_rank`` (0-5, ``Int64``) and ``highest_level`` (ordered Categorical on
      :data:`~analysis.data.codebook.vocabulary.RESPONSE_LEVELS`): the highest level any response
      reached; ``none`` when there is no response row;
    * ``first_response_date`` and ``highest_response_date``: the first action (level above
      ``none``), and the first action at the highest level (``NaT`` if nothing was done);
    * ``lag_first_days`` and ``lag_highest_days`` (``Int64``, days, never negative; see the module
      docstring for month- and year-precision dates) and ``lag_first_precision`` /
      ``lag_highest_precision`` (the coarsest precision of the two dates: ``day`` means exact);
    * ``troops``: the most troops any response sent (persons, ``Int64``, ``<NA>`` if unknown);
    * ``any_action``, ``material``, ``deployed`` (bool, see the module docstring);
    * ``asked_level``: the ask as coded in ``requests.asked_level``; ``gap_rank`` = asked rank
      minus highest rank (positive: less came than was asked) and ``gap`` (``short``, ``met`` or
      ``exceeded``), ``<NA>`` where the ask is uncoded or no request was made;
    * ``year`` and ``period`` (:func:`periods` with :data:`PERIOD_EDGES`).

    Responses to requests not in ``requests`` are ignored. Sorted by organization, date and id.
    """
    require(requests, REQUEST_COLUMNS, "requests")
    require(responses, RESPONSE_COLUMNS, "responses")
    responses = responses_of(responses, responder)
    keep = [c for c in requests.columns if c not in ("note", "source")]
    out = requests[keep].sort_values(["organization", "date", "request_id"], kind="stable")
    out = out.reset_index(drop=True)

    asked = out.set_index("request_id")[["date", "date_precision"]]
    resp = responses.loc[responses["request_id"].isin(out["request_id"]),
                         list(RESPONSE_COLUMNS)].reset_index(drop=True)
    request_date = resp["request_id"].map(asked["date"])
    resp["rank"] = level_ranks(resp["level"])
    resp["lag"] = response_lag_days(request_date, resp["date"], resp["date_precision"])
    resp["lag_precision"] = _coarsest(resp["request_id"].map(asked["date_precision"]),
                                      resp["date_precision"])

    # Per request, from plain lists (a few rows per request): the highest rank and the most
    # troops (missing values skipped), the first action (earliest date, then highest rank) and
    # the first action at the highest rank (earliest date); missing dates sort last, ties keep
    # the table order, a missing request_id is one key.
    request_id = [None if pd.isna(r) else r for r in resp["request_id"].tolist()]
    rank, troops = resp["rank"].tolist(), resp["troops"].tolist()
    date = as_ns(resp["date"]).tolist()
    nat = NAT
    highest: dict[object, int] = {}
    most_troops: dict[object, object] = {}
    for r, k, t in zip(request_id, rank, troops):
        if r is None:
            continue
        if not pd.isna(k):
            highest[r] = max(highest.get(r, k), k)
        if not pd.isna(t):
            most_troops[r] = max(most_troops.get(r, t), t)
    actions = [i for i, k in enumerate(rank) if not pd.isna(k) and k > LEVEL_RANK["none"]]
    first: dict[object, int] = {}
    for i in sorted(actions, key=lambda i: (date[i] == nat, date[i], -rank[i])):
        first.setdefault(request_id[i], i)
    top: dict[object, int] = {}
    for i in sorted(actions, key=lambda i: (date[i] == nat, date[i])):
        if request_id[i] in highest and rank[i] == highest[request_id[i]]:
            top.setdefault(request_id[i], i)
    ids = out["request_id"].tolist()
    lag, lag_precision = resp["lag"].tolist(), resp["lag_precision"].tolist()

    def per_request(rows: dict[object, int], values: list, dtype: str) -> object:
        picked = [values[rows[r]] if not pd.isna(r) and r in rows else pd.NA for r in ids]
        if dtype == "datetime64[ns]":
            return from_ns([nat if v is pd.NA else v for v in picked])
        return pd.array(picked, dtype=dtype)

    out["highest_rank"] = pd.array([highest.get(r, LEVEL_RANK["none"]) if not pd.isna(r)
                                    else LEVEL_RANK["none"] for r in ids], dtype="Int64")
    out["first_response_date"] = per_request(first, date, "datetime64[ns]")
    out["highest_response_date"] = per_request(top, date, "datetime64[ns]")
    out["lag_first_days"] = per_request(first, lag, "Int64")
    out["lag_highest_days"] = per_request(top, lag, "Int64")
    out["lag_first_precision"] = per_request(first, lag_precision, "string")
    out["lag_highest_precision"] = per_request(top, lag_precision, "string")
    out["troops"] = pd.array([most_troops.get(r, pd.NA) if not pd.isna(r) else pd.NA
                              for r in ids], dtype="Int64")
    return _with_derived(out)


def merge_joint_requests(outcomes: pd.DataFrame) -> pd.DataFrame:
    """The outcomes with each joint request (same organization, crisis, date and
    ``request_made``, several requesters) folded into one row.

    The merged row joins the ``request_id``s and the requesters with ``;``, keeps the highest
    level reached for any of them (and the date and lag of its first response at that level), the
    earliest first response and the most troops; ``requests_merged`` counts the rows folded in
    (1 for a request made alone). Other columns come from the first row. Same columns as
    :func:`request_outcomes` plus ``requests_merged``; sorted by organization, date and id.
    """
    key = ["organization", "crisis", "date", "request_made"]
    columns = [c for c in outcomes.columns if c != "requests_merged"]
    # Rows of each group, groups in order of first appearance, missing keys alike (as
    # groupby(sort=False, dropna=False) gives them).
    groups: dict[tuple, list[int]] = {}
    keys = zip(*(outcomes[c].tolist() for c in key))
    for position, values in enumerate(keys):
        group_key = tuple(None if pd.isna(v) else v for v in values)
        groups.setdefault(group_key, []).append(position)
    groups_rows = list(groups.values())
    first = [rows[0] for rows in groups_rows]
    if "requests_merged" in outcomes:
        # Merging an already merged frame adds up the rows folded in before.
        folded = outcomes["requests_merged"].tolist()
        merged_counts = [sum(folded[i] for i in rows) for rows in groups_rows]
    else:
        merged_counts = [len(rows) for rows in groups_rows]
    best, earliest = list(first), list(first)
    request_id = outcomes["request_id"].tolist()
    requester = outcomes["requester"].tolist()
    troops = outcomes["troops"].tolist()
    new_ids = [request_id[i] for i in first]
    new_requesters = [requester[i] for i in first]
    new_troops = [troops[i] for i in first]
    rank = outcomes["highest_rank"].tolist()
    top_date = outcomes["highest_response_date"].tolist()
    first_date = outcomes["first_response_date"]
    for n, rows in enumerate(groups_rows):
        if len(rows) == 1:
            continue
        new_ids[n] = ";".join(sorted(request_id[i] for i in rows))
        requesters = {r for i in rows for r in split_list(requester[i])}
        new_requesters[n] = ";".join(sorted(requesters))
        # Highest rank first, then the earliest date at it; missing values last, ties in order.
        best[n] = min(rows, key=lambda i: (pd.isna(rank[i]), 0 if pd.isna(rank[i]) else -rank[i],
                                            pd.isna(top_date[i]),
                                            0 if pd.isna(top_date[i]) else top_date[i].value))
        # The same sort as the frame's sort_values on this one column, ties included.
        dates = pd.Series(first_date.array.take(rows))
        earliest[n] = rows[dates.sort_values(na_position="last").index[0]]
        known = [troops[i] for i in rows if not pd.isna(troops[i])]
        new_troops[n] = max(known) if known else pd.NA
    merged = outcomes.iloc[first, [outcomes.columns.get_loc(c) for c in columns]]
    merged = merged.reset_index(drop=True)
    if len(first) < len(outcomes):
        for col, source in (("highest_rank", best), ("highest_response_date", best),
                            ("lag_highest_days", best), ("lag_highest_precision", best),
                            ("first_response_date", earliest), ("lag_first_days", earliest),
                            ("lag_first_precision", earliest)):
            merged[col] = outcomes[col].array.take(source)
        for col, values in (("request_id", new_ids), ("requester", new_requesters),
                            ("troops", new_troops)):
            merged[col] = pd.array(values, dtype=outcomes[col].dtype)
    merged["requests_merged"] = np.array(merged_counts, dtype="int64")
    merged = merged.sort_values(["organization", "date", "request_id"], kind="stable")
    return _with_derived(merged.reset_index(drop=True))


def periods(dates: pd.Series, edges: Sequence[int] = PERIOD_EDGES) -> pd.Series:
    """The period each date falls in, as an ordered Categorical labelled by years.

    ``edges`` are the first years of the periods, ascending; a period runs to the year before the
    next edge, and the last one is open: (1992, 2002, 2010, 2020) gives ``1992-2001``,
    ``2002-2009``, ``2010-2019`` and ``2020-``. Dates before the first edge get ``NaN``.
    """
    edges = list(edges)
    if edges != sorted(set(edges)):
        raise ValueError(f"period edges must be strictly ascending: {edges}")
    labels = [f"{a}-{b - 1}" for a, b in zip(edges, edges[1:])] + [f"{edges[-1]}-"]
    years = pd.to_datetime(dates).dt.year
    slot = np.searchsorted(np.asarray(edges), years.to_numpy(dtype=float, na_value=np.nan),
                           side="right") - 1
    names = [labels[s] if s >= 0 and not np.isnan(y) else None
             for s, y in zip(slot, years.to_numpy(dtype=float, na_value=np.nan))]
    return pd.Series(pd.Categorical(names, categories=labels, ordered=True), index=dates.index,
                     name="period")


__all__ = [
    "PERIOD_EDGES",
    "merge_joint_requests",
    "periods",
    "precision_or_day",
    "request_outcomes",
    "require",
    "response_lag_days",
    "responses_of",
]
