"""The votes on Ukraine, and one record of votes across sources.

The hand-coded emergency-session votes (``un_votes`` and ``un_resolutions``: A/RES/68/262 and
ES-11/1 to ES-11/9, 2014-2025) are summarised against a reference state, Russia by default
(:func:`ukraine_vote_counts`, :func:`ukraine_agreement_by_year`), by the scorer and rule of
:mod:`~analysis.measures.agreement`: absences are not votes (``absent="missing"``), never
disagreements, and the abstention rule is a parameter. :func:`vote_record` joins several sources
of votes (the roll calls before 2022, the hand-coded session after) into one record for a chart
of every vote.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from .agreement import check_rules, paired_votes, summarise

#: The vote :func:`vote_record` gives a state with no row for a resolution.
NOT_RECORDED = "not recorded"


def ukraine_vote_counts(
    un_votes: pd.DataFrame,
    un_resolutions: pd.DataFrame,
    states: Iterable[str],
    reference: str = "RUS",
    abstention: str = "three_categories",
) -> pd.DataFrame:
    """How each state voted on the hand-coded Ukraine resolutions, measured against ``reference``.

    One row per state of ``states`` (in that order). Counts over the resolutions in
    ``un_resolutions``: ``same`` (the reference's vote), ``one_abstained`` (one of the two
    abstained, the other did not), ``opposite`` (yes against no), ``absent`` (recorded as absent),
    ``not_recorded`` (no row in ``un_votes``) and ``resolutions`` (their total); then ``votes``
    (both cast a vote), ``agreement`` (sum of scores under ``abstention``) and ``share``
    (agreement / votes; ``NaN`` with no vote in common). Absences are not disagreements.
    """
    states = list(dict.fromkeys(states))
    wanted = un_resolutions["resolution"].tolist()
    votes = un_votes[un_votes["resolution"].isin(wanted)]
    paired = paired_votes(votes, reference, "resolution", states, absent="missing")
    summary = summarise(paired, ["state"], abstention).set_index("state")
    mine = votes[votes["state"].isin(states)]
    absent = mine[mine["vote"] == "absent"].groupby("state").size()
    recorded = mine.groupby("state").size()
    out = pd.DataFrame(index=pd.Index(states, name="state"))
    for column in ("same", "one_abstained", "opposite"):
        out[column] = summary[column].reindex(states).fillna(0).astype("int64")
    out["absent"] = absent.reindex(states).fillna(0).astype("int64")
    out["not_recorded"] = len(wanted) - recorded.reindex(states).fillna(0).astype("int64")
    # A cast vote on a resolution where the reference did not vote falls in no column above.
    out["reference_missing"] = (len(wanted) - out["not_recorded"] - out["absent"]
                                - out[["same", "one_abstained", "opposite"]].sum(axis=1))
    out["resolutions"] = len(wanted)
    out["votes"] = summary["votes"].reindex(states).fillna(0).astype("int64")
    out["agreement"] = summary["agreement"].reindex(states).fillna(0.0)
    out["share"] = summary["share"].reindex(states)
    out["abstention"] = abstention
    return out.reset_index().astype({"state": "string", "abstention": "string"})


def ukraine_agreement_by_year(
    un_votes: pd.DataFrame,
    un_resolutions: pd.DataFrame,
    states: Iterable[str] | None = None,
    reference: str = "RUS",
    abstention: str = "three_categories",
) -> pd.DataFrame:
    """Agreement with ``reference`` on the hand-coded Ukraine votes, per state and calendar year.

    The same columns as :func:`~analysis.measures.roll_calls.agreement_by_period` by year
    (``state``, ``reference``, ``year``,
    ``roll_calls`` = resolutions adopted that year, ``votes``, ``same``, ``one_abstained``,
    ``opposite``, ``agreement``, ``share``, ``abstention``); ``absent`` and missing rows are not
    counted as votes.
    """
    check_rules("missing", abstention)
    dated = un_resolutions[["resolution", "date"]].copy()
    dated["year"] = dated["date"].dt.year.astype("int64")
    held = dated.groupby("year").size().rename("roll_calls").reset_index()
    votes = un_votes[un_votes["resolution"].isin(dated["resolution"])]
    paired = paired_votes(votes, reference, "resolution", states, absent="missing")
    paired = paired.merge(dated[["resolution", "year"]], on="resolution")
    out = summarise(paired, ["state", "year"], abstention).merge(held, on="year")
    out.insert(1, "reference", reference)
    out["abstention"] = abstention
    columns = ["state", "reference", "year", "roll_calls", "votes", "same", "one_abstained",
               "opposite", "agreement", "share", "abstention"]
    out = out[columns].sort_values(["state", "year"]).reset_index(drop=True)
    return out.astype({"state": "string", "reference": "string", "abstention": "string"})


def vote_record(
    parts: Iterable[tuple[pd.DataFrame, pd.DataFrame]],
    states: Iterable[str],
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One record of votes from several sources (say the roll calls before 2022 and the
    hand-coded emergency session after), for a chart of every vote.

    Each part is ``(votes, resolutions)``: ``votes`` with ``resolution``, ``state`` and
    ``vote``; ``resolutions`` with ``resolution``, ``date`` and ``title``. Returns the votes of
    ``states`` on every listed resolution and the resolutions, in date order. A state with no
    row for a resolution gets the vote :data:`NOT_RECORDED`, so a chart shows the gap rather
    than an empty cell; nothing is guessed. Raises ValueError when a resolution comes from two
    parts, or when a part votes on a resolution it does not list."""
    wanted = list(dict.fromkeys(states))
    all_votes, all_resolutions, seen = [], [], set()
    for number, (votes, resolutions) in enumerate(parts, start=1):
        listed = set(resolutions["resolution"])
        twice = sorted(listed & seen)
        if twice:
            raise ValueError(f"part {number}: resolutions already in an earlier part: {twice}")
        seen |= listed
        unlisted = sorted(set(votes["resolution"]) - listed)
        if unlisted:
            raise ValueError(f"part {number}: votes on resolutions it does not list: {unlisted}")
        chosen = votes[votes["state"].isin(wanted)].set_index(["resolution", "state"])["vote"]
        grid = pd.MultiIndex.from_product([list(resolutions["resolution"]), wanted],
                                          names=["resolution", "state"])
        filled = chosen.astype("string").reindex(grid).fillna(NOT_RECORDED).reset_index()
        all_votes.append(filled.astype("string"))
        all_resolutions.append(resolutions[["resolution", "date", "title"]])
    resolutions = (pd.concat(all_resolutions, ignore_index=True)
                   .sort_values(["date", "resolution"], kind="stable").reset_index(drop=True))
    votes = pd.concat(all_votes, ignore_index=True)
    return votes, resolutions


__all__ = ["NOT_RECORDED", "ukraine_agreement_by_year", "ukraine_vote_counts", "vote_record"]
