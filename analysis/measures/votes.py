"""UN General Assembly votes: how often two states vote alike, how often each votes with Russia,
and how united a group is on each resolution.

The tables are ``un_votes`` and ``un_resolutions``: :func:`vote_matrix` lays the votes out,
:func:`pairwise_agreement` (with :func:`pairwise_counts`) compares every pair of states,
:func:`agreement_with` and :func:`agreement_with_over_time` compare each state with one
reference (Russia by default), and :func:`cohesion_index` measures a group on each resolution.

How votes are compared is the rule of :mod:`~analysis.measures.agreement`, with its parameter
``absent`` explicit in every function that compares votes. The default here is ``"vote"``:
``absent`` (the state was in the Assembly but did not vote) is a vote option of its own, so two
absent states agree and an absent state and a ``no`` voter do not; ``absent="missing"`` treats an
absence as no recorded vote instead. A state with no row for a resolution has **no recorded
vote**, which is missing, never guessed.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from ..data.codebook.vocabulary import VOTES
from ..data.dates import NAT, as_ns, from_ns
from .agreement import check_rules, counts, relation


def _recorded(un_votes: pd.DataFrame, absent: str) -> pd.DataFrame:
    """The rows of ``un_votes`` whose vote counts under the ``absent`` rule, columns
    resolution/state/vote."""
    check_rules(absent)
    votes = un_votes[["resolution", "state", "vote"]].dropna()
    counted = np.array([counts(v, absent) for v in votes["vote"].tolist()], dtype=bool)
    votes = votes[counted]
    return votes.astype("string").reset_index(drop=True)


def _states_or_all(un_votes: pd.DataFrame, states: Iterable[str] | None) -> list[str]:
    if states is None:
        return sorted(un_votes["state"].dropna().unique().tolist())
    return list(dict.fromkeys(states))


def vote_matrix(
    un_votes: pd.DataFrame,
    states: Iterable[str] | None = None,
    resolutions: pd.DataFrame | Iterable[str] | None = None,
) -> pd.DataFrame:
    """How each state voted on each resolution: one row per resolution, one column per state.

    Cells hold ``yes``, ``no``, ``abstain`` or ``absent`` (string dtype) and ``<NA>`` where
    ``un_votes`` has no row for that state and resolution: not recorded, never filled in.

    ``states`` fixes the columns and their order (a state without votes gives an all-missing
    column); by default every state in ``un_votes``, sorted. ``resolutions`` fixes the rows: a list
    of UN symbols (kept in that order), or rows of the ``un_resolutions`` table, in which case the
    rows are sorted by adoption date and the index has three levels, ``resolution``, ``date`` and
    ``title`` (what a chart needs to label them). By default every resolution in ``un_votes``,
    sorted by symbol, indexed by ``resolution``.
    """
    columns = _states_or_all(un_votes, states)
    votes = un_votes[["resolution", "state", "vote"]].astype("string")
    wide = votes.pivot(index="resolution", columns="state", values="vote")
    if resolutions is None:
        rows = sorted(votes["resolution"].dropna().unique().tolist())
        index = pd.Index(rows, name="resolution", dtype="string")
    elif isinstance(resolutions, pd.DataFrame):
        table = resolutions.sort_values(["date", "resolution"], kind="stable")
        rows = table["resolution"].tolist()
        index = pd.MultiIndex.from_arrays(
            [table["resolution"].astype("string"), table["date"], table["title"].astype("string")],
            names=["resolution", "date", "title"],
        )
    else:
        rows = list(dict.fromkeys(resolutions))
        index = pd.Index(rows, name="resolution", dtype="string")
    matrix = wide.reindex(index=rows, columns=columns).astype("string")
    matrix.index = index
    matrix.columns = pd.Index(columns, name="state", dtype="string")
    return matrix


def _pairs(
    un_votes: pd.DataFrame, states: Iterable[str] | None, absent: str
) -> tuple[list[str], pd.DataFrame, pd.DataFrame]:
    """Shared-resolution counts and identical-vote counts for every ordered pair of states."""
    order = _states_or_all(un_votes, states)
    votes = _recorded(un_votes, absent)
    votes = votes[votes["state"].isin(order)]
    both = votes.merge(votes, on="resolution", suffixes=("_a", "_b"))
    both["same"] = [int(relation(a, b) == "same")
                    for a, b in zip(both["vote_a"].tolist(), both["vote_b"].tolist())]
    grouped = both.groupby(["state_a", "state_b"])["same"]
    shared = grouped.size().unstack().reindex(index=order, columns=order)
    same = grouped.sum().unstack().reindex(index=order, columns=order)
    return order, shared, same


def _square(frame: pd.DataFrame, order: list[str]) -> pd.DataFrame:
    frame.index = pd.Index(order, name="state", dtype="string")
    frame.columns = pd.Index(order, name="other", dtype="string")
    return frame


def pairwise_counts(
    un_votes: pd.DataFrame, states: Iterable[str] | None = None, absent: str = "vote"
) -> pd.DataFrame:
    """Number of resolutions on which both states have a recorded vote, state x state (Int64).

    The diagonal is each state's own number of recorded votes. ``states`` fixes rows and columns
    (default: every state in ``un_votes``). ``absent`` is the rule of
    :mod:`~analysis.measures.agreement`.
    """
    order, shared, _ = _pairs(un_votes, states, absent)
    return _square(shared.fillna(0).astype("Int64"), order)


def pairwise_agreement(
    un_votes: pd.DataFrame, states: Iterable[str] | None = None, absent: str = "vote"
) -> pd.DataFrame:
    """Share of identical votes for each pair of states, state x state, a fraction in [0, 1].

    The share is taken over the resolutions where **both** states have a recorded vote (their
    number is :func:`pairwise_counts`); it is ``NaN`` where there is none. The matrix is
    symmetric, with 1.0 on the diagonal for every state with at least one recorded vote. By
    default ``absent`` is a vote option of its own (two absentees agree); with
    ``absent="missing"`` an absence counts as no recorded vote.
    """
    order, shared, same = _pairs(un_votes, states, absent)
    share = same.astype("float64") / shared.astype("float64")
    return _square(share, order)


def agreement_with(
    un_votes: pd.DataFrame,
    un_resolutions: pd.DataFrame,
    reference: str = "RUS",
    states: Iterable[str] | None = None,
    absent: str = "vote",
) -> pd.DataFrame:
    """Whether each state voted as ``reference`` did, per resolution.

    One row per resolution and state where both the state and ``reference`` have a recorded
    vote that counts under the ``absent`` rule of :mod:`~analysis.measures.agreement` (the
    reference itself included: it always agrees). Columns: ``resolution``, ``date`` (adoption),
    ``state``, ``vote``, ``reference``, ``reference_vote`` and ``agrees`` (bool: the same vote),
    sorted by date, resolution and state. ``states`` limits the states (default: all).
    """
    rows = _agreement_rows(un_votes, un_resolutions, reference, states, absent)
    resolution, date, state, vote, reference_vote = (list(c) for c in (list(zip(*rows))
                                                                       or [()] * 5))
    return pd.DataFrame({
        "resolution": pd.array(resolution, dtype="string"),
        "date": from_ns(date).astype(
            un_resolutions["date"].dtype),
        "state": pd.array(state, dtype="string"),
        "vote": pd.array(vote, dtype="string"),
        "reference": pd.array([reference] * len(rows), dtype="string"),
        "reference_vote": pd.array(reference_vote, dtype="string"),
        "agrees": np.array([relation(v, r) == "same" for v, r in zip(vote, reference_vote)],
                           dtype=bool),
    })


def _agreement_rows(
    un_votes: pd.DataFrame,
    un_resolutions: pd.DataFrame,
    reference: str,
    states: Iterable[str] | None,
    absent: str,
) -> list[tuple[str, int, str, str, str]]:
    """The rows of :func:`agreement_with` as (resolution, date in int64 ns, state, vote,
    reference_vote), in its order; read from plain lists, since it is asked once per state."""
    check_rules(absent)
    recorded = [
        (str(r), str(s), str(v))
        for r, s, v in zip(un_votes["resolution"].tolist(), un_votes["state"].tolist(),
                           un_votes["vote"].tolist())
        if not (pd.isna(r) or pd.isna(s)) and counts(v, absent)
    ]
    reference_votes: dict[str, list[str]] = {}
    for r, s, v in recorded:
        if s == reference:
            reference_votes.setdefault(r, []).append(v)
    adopted: dict[str, list[int]] = {}
    dates = as_ns(un_resolutions["date"]).tolist()
    for r, d in zip(un_resolutions["resolution"].tolist(), dates):
        if not pd.isna(r):
            adopted.setdefault(str(r), []).append(d)
    wanted = None if states is None else set(states)
    rows = [
        (r, d, s, v, ref)
        for r, s, v in recorded if wanted is None or s in wanted
        for ref in reference_votes.get(r, [])
        for d in adopted.get(r, [NAT])
    ]
    # Sorted by date (missing last), resolution and state, ties in order.
    return sorted(rows, key=lambda row: (row[1] == NAT, row[1], row[0], row[2]))


def agreement_with_over_time(
    un_votes: pd.DataFrame,
    un_resolutions: pd.DataFrame,
    reference: str = "RUS",
    states: Iterable[str] | None = None,
    by: str = "year",
    absent: str = "vote",
) -> pd.DataFrame:
    """Share of each state's votes that matched ``reference``'s, per year or per resolution.

    ``by="year"``: one row per state and calendar year with a shared vote; columns ``state``,
    ``reference``, ``year``, ``votes`` (resolutions both voted on, a count), ``agreeing`` (a
    count) and ``share`` (agreeing / votes, a fraction in [0, 1]).
    ``by="resolution"``: one row per state and resolution in date order, with ``resolution`` and
    ``date`` instead of ``year``; ``votes`` is 1, ``share`` is 0 or 1, and ``cumulative_share`` is
    the share over that resolution and all earlier ones.
    """
    rows = agreement_with(un_votes, un_resolutions, reference, states, absent)
    rows["agreeing"] = rows["agrees"].astype("int64")
    if by == "year":
        rows["year"] = rows["date"].dt.year.astype("int64")
        out = rows.groupby(["state", "year"], as_index=False).agg(
            votes=("agreeing", "size"), agreeing=("agreeing", "sum")
        )
        out["share"] = out["agreeing"] / out["votes"]
        out.insert(1, "reference", pd.array([reference] * len(out), dtype="string"))
        return out.sort_values(["state", "year"]).reset_index(drop=True)
    if by == "resolution":
        out = rows.sort_values(["state", "date", "resolution"], kind="stable").copy()
        out["votes"] = 1
        out["share"] = out["agreeing"].astype("float64")
        running = out.groupby("state")[["agreeing", "votes"]].cumsum()
        out["cumulative_share"] = running["agreeing"] / running["votes"]
        columns = ["state", "reference", "resolution", "date", "votes", "agreeing", "share",
                   "cumulative_share"]
        return out[columns].reset_index(drop=True)
    raise ValueError(f"by must be 'year' or 'resolution', not {by!r}")


def cohesion_index(
    un_votes: pd.DataFrame,
    states: Iterable[str],
    un_resolutions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """How united the group ``states`` was on each resolution.

    One row per resolution in ``un_votes`` (in date order when ``un_resolutions`` is given, which
    also adds a ``date`` column). Columns:

    * ``yes``, ``no``, ``abstain``, ``absent``: number of the group's states casting each vote;
      ``not_recorded``: states of the group with no row for the resolution.
    * ``voting``: yes + no + abstain, the states that took part.
    * ``modal_vote``: the most common recorded vote, ``absent`` counting as an option (ties are
      joined by ``;`` in the order yes, no, abstain, absent); ``modal_share``: the share of the
      group's recorded votes (absent included) equal to it, a fraction in [0, 1].
    * ``agreement_index``: Hix, Noury and Roland's Agreement Index,
      AI = (max(Y, N, A) - 0.5 * ((Y + N + A) - max(Y, N, A))) / (Y + N + A), over those who took
      part (absentees left out, as in their index): 1 when all voting members voted alike, 0 when
      they split evenly three ways; ``NaN`` when none took part.
    """
    group = list(dict.fromkeys(states))
    votes = un_votes.loc[un_votes["state"].isin(group), ["resolution", "state", "vote"]].dropna()
    counts = pd.crosstab(votes["resolution"], votes["vote"]).reindex(columns=list(VOTES),
                                                                     fill_value=0)
    resolutions = sorted(un_votes["resolution"].dropna().unique().tolist())
    counts = counts.reindex(resolutions, fill_value=0).astype("int64")
    counts.columns.name = None
    out = counts.copy()
    recorded = counts.sum(axis=1)
    out["not_recorded"] = len(group) - recorded
    out["voting"] = counts[["yes", "no", "abstain"]].sum(axis=1)
    top = counts.max(axis=1)
    out["modal_vote"] = [
        ";".join(v for v in VOTES if counts.at[r, v] == top[r]) if top[r] > 0 else pd.NA
        for r in counts.index
    ]
    out["modal_vote"] = out["modal_vote"].astype("string")
    out["modal_share"] = top.where(recorded > 0).astype("float64") / recorded.where(recorded > 0)
    y_n_a = counts[["yes", "no", "abstain"]]
    biggest = y_n_a.max(axis=1).astype("float64")
    voting = out["voting"].where(out["voting"] > 0).astype("float64")
    out["agreement_index"] = (biggest - 0.5 * (voting - biggest)) / voting
    out.index.name = "resolution"
    out = out.reset_index()
    out["resolution"] = out["resolution"].astype("string")
    if un_resolutions is not None:
        dates = un_resolutions[["resolution", "date"]].astype({"resolution": "string"})
        out = out.merge(dates, on="resolution", how="left")
        out.insert(1, "date", out.pop("date"))
        out = out.sort_values(["date", "resolution"], kind="stable").reset_index(drop=True)
    return out


__all__ = [
    "agreement_with",
    "agreement_with_over_time",
    "cohesion_index",
    "pairwise_agreement",
    "pairwise_counts",
    "vote_matrix",
]
