"""Rates of response: what share of requests each alliance answered, with Wilson intervals, and
one yardstick for the CSTO and NATO.

The outcomes counted are those of :func:`~analysis.measures.requests.request_outcomes`, under the
coding rules stated in :mod:`~analysis.measures.requests`. Two of them matter most here:

* **Rates** count only rows with ``request_made == "yes"``: crises in which no request reached the
  alliance are listed by :func:`crises_without_request`, never counted as refused requests.
* A **joint request** (several allies asking together on the same day about the same crisis) is
  counted once by default (:func:`~analysis.measures.requests.merge_joint_requests`), since the
  alliance took one decision.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from statistics import NormalDist

import pandas as pd

from .requests import merge_joint_requests

#: The yes/no outcomes :func:`response_rates` can count, and the lowest level each needs.
SUCCESS_MEASURES: dict[str, str] = {
    "any_action": "statement",
    "material": "material_aid",
    "deployed": "deployment",
}


def wilson_interval(successes: int, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """The Wilson score interval ``(low, high)`` for a proportion of ``successes`` in ``n``.

    With ``p = k/n`` and ``z`` the normal quantile for ``confidence`` (1.96 for 0.95)::

        centre = (p + z²/2n) / (1 + z²/n)
        half   = z / (1 + z²/n) * sqrt(p(1-p)/n + z²/4n²)

    Both bounds are proportions in [0, 1]. For ``n == 0`` returns ``(nan, nan)``. Raises
    :class:`ValueError` unless ``0 <= successes <= n`` and ``0 < confidence < 1``.
    """
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must lie strictly between 0 and 1, not {confidence}")
    if n < 0 or successes < 0 or successes > n:
        raise ValueError(f"need 0 <= successes <= n, got successes={successes}, n={n}")
    if n == 0:
        return (math.nan, math.nan)
    z = NormalDist().inv_cdf(0.5 + confidence / 2)
    p = successes / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z / denominator * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    # Exact at 0 and n (the formula gives them up to rounding).
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == n else min(1.0, centre + half)
    return (low, high)


def response_rates(
    outcomes: pd.DataFrame,
    by: str | Sequence[str],
    success: str = "deployed",
    confidence: float = 0.95,
    merge_joint: bool = True,
) -> pd.DataFrame:
    """Share of requests met with ``success`` in each group, with a Wilson interval.

    Only rows with ``request_made == "yes"`` count as requests: crises in which no request was
    made are left out. With ``merge_joint`` (default) a joint request counts once
    (:func:`~analysis.measures.requests.merge_joint_requests`); pass ``merge_joint=False`` to
    count each requester, e.g. when grouping by ``requester``. ``success`` is ``any_action``,
    ``material`` or ``deployed``.

    Returns one row per group (the ``by`` columns, in sort order, empty groups left out) with
    ``n`` (requests), ``k`` (requests with ``success``), ``rate`` = k/n, ``low`` and ``high``
    (the Wilson interval at ``confidence``; all three proportions in [0, 1]) and ``success``.
    """
    if success not in SUCCESS_MEASURES:
        raise ValueError(f"success must be one of {list(SUCCESS_MEASURES)}, not {success!r}")
    keys = [by] if isinstance(by, str) else list(by)
    made = outcomes[outcomes["request_made"].eq("yes").fillna(False).astype(bool)]
    if merge_joint:
        made = merge_joint_requests(made)
    grouped = made.groupby(keys, observed=True, sort=True, dropna=False)[success]
    rates = grouped.agg(n="size", k="sum").reset_index()
    rates["n"] = rates["n"].astype("int64")
    rates["k"] = rates["k"].astype("int64")
    rates["rate"] = rates["k"] / rates["n"]
    bounds = [wilson_interval(int(k), int(n), confidence) for k, n in zip(rates["k"], rates["n"])]
    rates["low"] = [b[0] for b in bounds]
    rates["high"] = [b[1] for b in bounds]
    rates["success"] = success
    rates["success"] = rates["success"].astype("string")
    return rates


def crises_without_request(requests: pd.DataFrame) -> pd.DataFrame:
    """The crises (rows of ``requests`` with ``request_made == "no"``) in which no request reached
    the alliance: ``request_id``, ``organization``, ``crisis``, ``requester``, ``date``,
    ``date_precision``, ``threat``, ``instrument`` and ``note``, sorted by organization and date.
    """
    columns = [c for c in ("request_id", "organization", "crisis", "requester", "date",
                           "date_precision", "threat", "instrument", "note") if c in requests]
    rows = requests.loc[requests["request_made"].eq("no").fillna(False).astype(bool), columns]
    return rows.sort_values(["organization", "date", "request_id"], kind="stable").reset_index(
        drop=True)


def yardstick(
    outcomes: pd.DataFrame, confidence: float = 0.95, merge_joint: bool = True
) -> pd.DataFrame:
    """The same summary for each alliance, one row per organization (CSTO and NATO side by side
    once transposed: ``yardstick(o).set_index("organization").T``).

    Columns: ``crises`` (rows: requests and crises without one), ``requests`` (``request_made``
    yes), ``no_request``; for each of ``any_action``, ``material`` and ``deployed``: the count of
    requests so answered (``<measure>``), its share of requests (``<measure>_rate``) and the
    Wilson interval (``<measure>_low``, ``<measure>_high``), proportions in [0, 1]; and
    ``median_lag_first_days`` / ``median_lag_highest_days`` (days, over requests with any action);
    and the gap between what was asked and what came, over the requests whose ask is coded
    (``asked_coded``): how many got less than they asked (``short``, with ``short_rate`` its share
    of ``asked_coded`` and the Wilson interval ``short_low``, ``short_high``), what they asked
    (``met``) or more (``exceeded``), and ``mean_gap_rank`` (asked rank minus highest rank, in
    steps of the response scale; positive when less came than was asked).
    With ``merge_joint`` (default) a joint request counts once
    (:func:`~analysis.measures.requests.merge_joint_requests`).
    """
    frame = merge_joint_requests(outcomes) if merge_joint else outcomes
    rows = []
    for org, group in frame.groupby("organization", sort=True):
        made = group[group["request_made"].eq("yes").fillna(False).astype(bool)]
        n = len(made)
        row: dict[str, object] = {"organization": org, "crises": len(group), "requests": n,
                                  "no_request": len(group) - n}
        for measure in SUCCESS_MEASURES:
            k = int(made[measure].sum())
            low, high = wilson_interval(k, n, confidence)
            row.update({measure: k, f"{measure}_rate": k / n if n else math.nan,
                        f"{measure}_low": low, f"{measure}_high": high})
        acted = made[made["any_action"]]
        for lag in ("lag_first_days", "lag_highest_days"):
            values = acted[lag].dropna().astype(float)
            row[f"median_{lag}"] = float(values.median()) if len(values) else math.nan
        coded = made[made["gap"].notna()]
        m = len(coded)
        short = int((coded["gap"] == "short").sum())
        low, high = wilson_interval(short, m, confidence)
        row.update({"asked_coded": m, "short": short, "met": int((coded["gap"] == "met").sum()),
                    "exceeded": int((coded["gap"] == "exceeded").sum()),
                    "short_rate": short / m if m else math.nan, "short_low": low,
                    "short_high": high,
                    "mean_gap_rank": float(coded["gap_rank"].astype(float).mean()) if m
                    else math.nan})
        rows.append(row)
    return pd.DataFrame(rows)


def asked_versus_got(outcomes: pd.DataFrame, merge_joint: bool = True) -> pd.DataFrame:
    """What members asked for against what came: one row per alliance, asked level and highest
    response level, with ``requests`` (a count) and ``outcome`` (``less`` than asked, ``as
    asked``, or ``more``), over the requests whose ask is coded.

    Levels are the response scale (:data:`~analysis.data.codebook.vocabulary.RESPONSE_LEVELS`);
    every pair of an asked and a highest level that occurs is listed, sorted by alliance, asked
    level (highest first) and response level. With ``merge_joint`` (default) a joint request counts
    once, as in :func:`yardstick`.
    """
    frame = merge_joint_requests(outcomes) if merge_joint else outcomes
    made = frame[frame["request_made"].eq("yes").fillna(False).astype(bool)
                 & frame["asked_level"].notna()]
    table = (made.groupby(["organization", "asked_level", "highest_level"], observed=True)
                 .size().rename("requests").reset_index())
    table["asked_rank"] = table["asked_level"].cat.codes
    table["highest_rank"] = table["highest_level"].cat.codes
    table = table.sort_values(["organization", "asked_rank", "highest_rank"],
                              ascending=[True, False, True], kind="stable")
    gap = table["asked_rank"] - table["highest_rank"]
    table["outcome"] = pd.array(["less" if g > 0 else ("as asked" if g == 0 else "more")
                                 for g in gap], dtype="string")
    for column in ("asked_level", "highest_level"):
        table[column] = table[column].astype("string")
    return table.reset_index(drop=True)[["organization", "asked_level", "highest_level",
                                         "requests", "outcome"]].astype({"requests": "int64"})


__all__ = [
    "SUCCESS_MEASURES",
    "asked_versus_got",
    "crises_without_request",
    "response_rates",
    "wilson_interval",
    "yardstick",
]
