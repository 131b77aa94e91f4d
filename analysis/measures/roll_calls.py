"""Agreement with Russia in the UN General Assembly, from the full roll calls.

Four vote sets feed the book's series, each for the years it covers:

* the Voeten roll calls (``un_roll_calls`` and ``un_roll_call_votes``: every recorded vote from
  1992 to session 74, which ended in January 2020), from which :func:`agreement_by_period`
  computes each state's agreement with a reference state itself;
* Bailey, Strezhnev and Voeten's published agreement scores (``un_agreement``, sessions 47-78,
  to 2023), used for the sessions the roll calls do not reach (:func:`combined_series`) and to
  check our figures (:func:`bsv_comparison`);
* the UN Digital Library's roll calls of 2025 (``undl_roll_calls`` and
  ``undl_roll_call_votes``), scored by the same function once put in the Voeten tables' shape
  (:func:`undl_as_roll_calls`); a session counts only when the copy holds it from its opening
  autumn (:func:`complete_sessions`), so session 79, of which the copy holds only the votes of
  2025, is a gap, as are the roll calls of 2020-2024 for every session that BSV's scores do not
  cover;
* the hand-coded emergency-session votes on Ukraine (``un_votes`` and ``un_resolutions``),
  summarised in :mod:`~analysis.measures.ukraine`.

**What counts as agreement** is the rule of :mod:`~analysis.measures.agreement`, here with
absences as missing (``absent="missing"``): a state that was absent, did not vote or was not yet a
member has no row in ``un_roll_call_votes``, and that roll call is left out of its share, never
counted as disagreement. The ``abstention`` parameter chooses between three categories (the
default, BSV's definition) and Voeten's half credit for a pair in which one side abstained. A
state's share in a period is the sum of its scores over the number of roll calls both voted on.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from .agreement import check_rules, paired_votes, summarise
from .membership import ever_members, members_on

#: The last General Assembly session the roll calls cover (it opened in September 2019).
LAST_ROLL_CALL_SESSION = 74

#: Where each cell of :func:`combined_series` comes from: our count of the Voeten roll calls,
#: BSV's published scores, our count of the UN Digital Library's roll calls, and no record at all
#: (a gap: the share is missing, never zero).
SERIES_SOURCES = ("roll calls", "BSV", "UN Digital Library", "no record")


def agreement_by_period(
    un_roll_calls: pd.DataFrame,
    un_roll_call_votes: pd.DataFrame,
    reference: str = "RUS",
    states: Iterable[str] | None = None,
    period: str = "session",
    abstention: str = "three_categories",
) -> pd.DataFrame:
    """Each state's agreement with ``reference`` per General Assembly session or calendar year.

    ``period="session"``: one row per state and session, with ``year`` the calendar year in which
    the session opened (session + 1945, as in ``un_agreement``); ``period="year"``: one row per
    state and calendar year of the vote. Columns: ``state``, ``reference``, ``session`` (only by
    session), ``year``, ``roll_calls`` (roll calls held in the period, a count), ``votes`` (roll
    calls on which both states cast a vote: the number behind the share), ``same``,
    ``one_abstained``, ``opposite`` (counts of those), ``agreement`` (the sum of scores),
    ``share`` (agreement / votes, a fraction in [0, 1]) and ``abstention`` (the rule used).
    A state with no vote in common with ``reference`` in a period has no row: missing, not zero.
    """
    check_rules("missing", abstention)
    if period not in ("session", "year"):
        raise ValueError(f"period must be 'session' or 'year', not {period!r}")
    calls = un_roll_calls[["rcid", "session", "date"]].copy()
    unknown = ~un_roll_call_votes["rcid"].isin(calls["rcid"])
    if unknown.any():
        rcid = un_roll_call_votes.loc[unknown, "rcid"].iloc[0]
        raise ValueError(f"un_roll_call_votes: rcid {rcid} is not in un_roll_calls")
    if period == "session":
        calls["year"] = calls["session"].astype("int64") + 1945
        groups = ["session", "year"]
    else:
        calls["year"] = calls["date"].dt.year.astype("int64")
        groups = ["year"]
    calls["session"] = calls["session"].astype("int64")
    held = calls.groupby(groups).size().rename("roll_calls").reset_index()
    paired = paired_votes(un_roll_call_votes, reference, "rcid", states, absent="missing")
    paired = paired.merge(calls[["rcid", *groups]], on="rcid")
    out = summarise(paired, ["state", *groups], abstention).merge(held, on=groups)
    out.insert(1, "reference", reference)
    out["abstention"] = abstention
    columns = ["state", "reference", *groups, "roll_calls", "votes", "same", "one_abstained",
               "opposite", "agreement", "share", "abstention"]
    out = out[columns].sort_values(["state", *groups]).reset_index(drop=True)
    return out.astype({"state": "string", "reference": "string", "abstention": "string"})


def bsv_comparison(ours: pd.DataFrame, un_agreement: pd.DataFrame) -> pd.DataFrame:
    """Our agreement with Russia beside Bailey, Strezhnev and Voeten's ``agree_russia``.

    ``ours`` is :func:`agreement_by_period` by session with the three-category rule against RUS
    (the definition of BSV's column); anything else raises ``ValueError``. Returns one row per
    state and session present in both: ``state``, ``session``, ``year``, ``votes`` (ours),
    ``ours``, ``bsv`` and ``difference`` (ours - bsv, in shares), sorted by state and session.
    """
    if "session" not in ours.columns:
        raise ValueError("bsv_comparison needs agreement by session, not by calendar year")
    if set(ours["abstention"].unique()) != {"three_categories"}:
        raise ValueError("BSV's agree_russia treats abstention as a third category: compare "
                         "with abstention='three_categories'")
    if set(ours["reference"].unique()) != {"RUS"}:
        raise ValueError("BSV's agree_russia is agreement with RUS")
    bsv = un_agreement[["state", "session", "agree_russia"]].rename(
        columns={"agree_russia": "bsv"}).astype({"session": "int64"})
    both = ours[["state", "session", "year", "votes", "share"]].rename(columns={"share": "ours"})
    out = both.merge(bsv, on=["state", "session"], how="inner")
    out["difference"] = out["ours"] - out["bsv"]
    return out.sort_values(["state", "session"]).reset_index(drop=True)


def undl_as_roll_calls(undl_roll_calls: pd.DataFrame, undl_roll_call_votes: pd.DataFrame
                       ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The UN Digital Library's roll calls in the shape of the Voeten tables, so that
    :func:`agreement_by_period` scores them by the same rule: ``(calls, votes)`` with ``rcid``
    for ``undl_id`` and ``short_title`` for ``title``. As in the Voeten tables, a state that did
    not vote has no row."""
    calls = undl_roll_calls.rename(columns={"undl_id": "rcid", "title": "short_title"})
    calls = calls[["rcid", "session", "date", "resolution", "short_title"]].copy()
    votes = undl_roll_call_votes.rename(columns={"undl_id": "rcid"})[["rcid", "state", "vote"]]
    return calls.reset_index(drop=True), votes.reset_index(drop=True)


def complete_sessions(roll_calls: pd.DataFrame) -> list[int]:
    """The sessions of ``roll_calls`` that a copy holds from their start: those whose earliest
    roll call falls in the calendar year the session opened (session + 1945). A copy that begins
    in a session's second year holds only its spring and summer votes, and the session does not
    count."""
    first = roll_calls.groupby("session")["date"].min()
    return sorted(int(session) for session, day in first.items()
                  if day.year == int(session) + 1945)


def later_agreement(undl_roll_calls: pd.DataFrame, undl_roll_call_votes: pd.DataFrame,
                    abstention: str = "three_categories") -> pd.DataFrame:
    """:func:`agreement_by_period` by session of the UN Digital Library's roll calls, complete
    sessions only (:func:`complete_sessions`): the ``later`` part of :func:`combined_series`."""
    calls, votes = undl_as_roll_calls(undl_roll_calls, undl_roll_call_votes)
    calls = calls[calls["session"].isin(complete_sessions(calls))]
    votes = votes[votes["rcid"].isin(calls["rcid"])]
    return agreement_by_period(calls, votes, period="session", abstention=abstention)


def combined_series(
    ours: pd.DataFrame, un_agreement: pd.DataFrame,
    last_session: int = LAST_ROLL_CALL_SESSION,
    later: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One agreement-with-Russia figure per state and session, with where it comes from.

    Sessions up to ``last_session`` come from ``ours`` (:func:`agreement_by_period` by session,
    three categories, so that the parts measure the same thing); later sessions from BSV's
    ``agree_russia``; sessions after BSV's last from ``later`` (the same measure of a later set of
    roll calls, e.g. the UN Digital Library's, complete sessions only). Every session between the
    last one covered and the first of ``later`` gets a row per state with no share (source ``no
    record``): a gap, shown as a gap. Returns ``state``, ``session``, ``year``, ``share``,
    ``votes`` (the number behind our cells; ``<NA>`` for BSV's, which the file does not give, and
    for gaps) and ``source`` (one of :data:`SERIES_SOURCES`), sorted by state and session.
    """
    bsv_comparison(ours, un_agreement.iloc[:0])  # the same checks on ``ours``
    mine = ours.loc[ours["session"] <= last_session, ["state", "session", "year", "share",
                                                      "votes"]].copy()
    mine["source"] = SERIES_SOURCES[0]
    states = ours["state"].unique()
    bsv_rows = un_agreement.loc[un_agreement["session"] > last_session,
                                ["state", "session", "year", "agree_russia"]]
    bsv_rows = bsv_rows[bsv_rows["state"].isin(states)]
    theirs = bsv_rows.rename(columns={"agree_russia": "share"}).copy()
    theirs["votes"] = pd.NA
    theirs["source"] = SERIES_SOURCES[1]
    parts = [mine, theirs]
    if later is not None and len(later):
        bsv_comparison(later, un_agreement.iloc[:0])
        covered = max(last_session, int(theirs["session"].max()) if len(theirs) else 0)
        extra = later.loc[later["session"] > covered, ["state", "session", "year", "share",
                                                       "votes"]].copy()
        extra = extra[extra["state"].isin(states)]
        extra["source"] = SERIES_SOURCES[2]
        gap = range(covered + 1, int(extra["session"].min())) if len(extra) else range(0)
        holes = pd.DataFrame([(s, g, g + 1945) for g in gap for s in states],
                             columns=["state", "session", "year"])
        holes["share"], holes["votes"], holes["source"] = np.nan, pd.NA, SERIES_SOURCES[3]
        parts += [holes, extra]
    out = pd.concat([p for p in parts if len(p)], ignore_index=True)
    out = out.astype({"state": "string", "session": "int64", "year": "int64",
                      "share": "float64", "votes": "Int64", "source": "string"})
    return out.sort_values(["state", "session"]).reset_index(drop=True)


def group_reference(series: pd.DataFrame, memberships: pd.DataFrame,
                    organization: str = "NATO", day: str = "12-01") -> pd.DataFrame:
    """The spread of a group's agreement with Russia in each session: median, lowest, highest.

    The group is the states that were members of ``organization`` on ``day`` (month-day) of the
    year each session opened (most General Assembly votes fall in December). ``series`` is
    :func:`combined_series` (or any table with ``state``, ``session``, ``year``, ``share``).
    Returns ``session``, ``year``, ``members`` (the group's size that day), ``with_share`` (how
    many of them have a figure), ``median``, ``lowest`` and ``highest`` (shares).
    """
    rows = []
    for (session, year), cells in series.groupby(["session", "year"]):
        group = members_on(memberships, f"{int(year)}-{day}", organization)
        shares = cells.loc[cells["state"].isin(group), "share"].astype("float64")
        rows.append({"session": int(session), "year": int(year), "members": len(group),
                     "with_share": int(shares.notna().sum()),
                     "median": shares.median() if len(shares) else np.nan,
                     "lowest": shares.min() if len(shares) else np.nan,
                     "highest": shares.max() if len(shares) else np.nan})
    return pd.DataFrame(rows, columns=["session", "year", "members", "with_share", "median",
                                       "lowest", "highest"])


#: Order and wording of the CSTO groups, from :func:`csto_groups`.
GROUPS = ("current", "frozen", "former")


def csto_groups(memberships: pd.DataFrame, on: str | pd.Timestamp,
                lead: str = "RUS") -> pd.DataFrame:
    """Every state ever a member of the treaty (CST) or the CSTO, grouped by its status on ``on``.

    ``current``: a member of the CSTO that day; ``frozen``: its membership frozen; ``former``:
    every other state once a member. Returns ``state`` and ``group``, groups in :data:`GROUPS`
    order and states alphabetically within each, except that ``lead`` comes first.
    """
    ever = ever_members(memberships, ["CST", "CSTO"])
    current = set(members_on(memberships, on, "CSTO"))
    frozen = set(members_on(memberships, on, "CSTO", statuses=("frozen",)))
    group = ["current" if s in current else "frozen" if s in frozen else "former" for s in ever]
    out = pd.DataFrame({"state": ever, "group": group})
    out["rank"] = out["group"].map({g: i for i, g in enumerate(GROUPS)})
    out["not_lead"] = out["state"] != lead
    out = out.sort_values(["rank", "not_lead", "state"]).reset_index(drop=True)
    return out[["state", "group"]].astype("string")


def roll_call_subset(
    un_roll_calls: pd.DataFrame,
    un_roll_call_votes: pd.DataFrame,
    resolutions: Iterable[str],
    states: Iterable[str],
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Chosen roll calls in the shape of the hand-coded ``un_votes`` and ``un_resolutions``.

    ``resolutions`` are UN symbols (each must name exactly one roll call, else ``ValueError``).
    Returns ``(votes, dated)``: ``votes`` has ``resolution``, ``state`` and ``vote`` for every
    state of ``states`` on every chosen roll call, ``absent`` where the roll calls have no row (in
    the Voeten data that is absent or not voting; the caller chooses years in which the states
    were all UN members); ``dated`` has ``resolution``, ``date`` and ``title`` (the roll calls'
    short title), in date order.
    """
    wanted = list(dict.fromkeys(resolutions))
    calls = un_roll_calls[un_roll_calls["resolution"].isin(wanted)]
    for symbol in wanted:
        n = int((calls["resolution"] == symbol).sum())
        if n != 1:
            raise ValueError(f"un_roll_calls: {symbol} names {n} roll calls, not one")
    states = list(dict.fromkeys(states))
    grid = pd.MultiIndex.from_product([calls["rcid"].tolist(), states], names=["rcid", "state"])
    cast = un_roll_call_votes.set_index(["rcid", "state"])["vote"]
    votes = cast.reindex(grid).fillna("absent").reset_index()
    votes = votes.merge(calls[["rcid", "resolution"]], on="rcid")[["resolution", "state", "vote"]]
    dated = (calls[["resolution", "date", "short_title"]].rename(columns={"short_title": "title"})
             .sort_values(["date", "resolution"]))
    return votes.astype("string"), dated.reset_index(drop=True)


__all__ = [
    "GROUPS",
    "LAST_ROLL_CALL_SESSION",
    "SERIES_SOURCES",
    "agreement_by_period",
    "bsv_comparison",
    "combined_series",
    "complete_sessions",
    "csto_groups",
    "group_reference",
    "later_agreement",
    "roll_call_subset",
    "undl_as_roll_calls",
]
