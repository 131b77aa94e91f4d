"""Divisions among the members: UN votes, stances on Moscow's causes, and acts of defiance.

Three sources of evidence, kept apart so that each can be checked on its own:

* **UN General Assembly votes** (``un_votes``, ``un_resolutions``): how often two states vote alike
  (:func:`pairwise_agreement`), how often each votes with Russia (:func:`agreement_with`,
  :func:`agreement_with_over_time`) and how united a group is on each resolution
  (:func:`cohesion_index`).
* **Stances** (``stances``): each state's latest position on issues where Moscow's line is known,
  coded aligned = 1, hedging = 0, opposed = -1 (:func:`alignment_matrix`).
* **Acts of defiance** (``events``, ``memberships``): boycotted summits, refused declarations,
  suspensions, freezes and withdrawals per member and year (:func:`defiance_events`).

:func:`trajectory` puts one state's moves from all of these tables on a single dated line.

How votes are compared. A vote is one of ``yes``, ``no``, ``abstain`` or ``absent``; a
state with no row for a resolution has **no recorded vote**, which is missing, never guessed.
By default ``absent`` (the state was in the Assembly but did not vote) counts as a vote option of
its own: two absent states agree, an absent state and a ``no`` voter do not. Staying away is how
several Central Asian members avoided taking sides, so treating it as missing would hide exactly
the hedging the book is about. Every function comparing votes takes ``absent_as_vote=False`` to
treat ``absent`` as not recorded instead.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from ..data.dates import NAT, as_ns, from_ns
from ..data.load import split_list
from ..data.schema import STANCE_ISSUES, VOTES

#: Numeric code of each stance alignment (toward Moscow positive).
ALIGNMENT_CODES: dict[str, int] = {"aligned": 1, "hedging": 0, "opposed": -1}

#: Event types (and the membership statuses that mean the same) counted as acts of defiance.
DEFIANCE_KINDS: tuple[str, ...] = (
    "summit_boycott",
    "declaration_refused",
    "suspension",
    "freeze",
    "withdrawal",
)
#: Membership status whose start is an act of the kind named.
STATUS_DEFIANCE: dict[str, str] = {
    "suspended": "suspension",
    "frozen": "freeze",
    "withdrawing": "withdrawal",
}

#: Organizations led from Moscow: joining one is a move toward Moscow, leaving one a move away.
MOSCOW_LED: tuple[str, ...] = ("CST", "CSTO", "CIS", "EAEU", "UNION_STATE")
#: Organizations whose membership or partnership is a move away from Moscow.
WESTERN: tuple[str, ...] = ("NATO", "EU", "GUAM")
#: Event types that bind a state closer to a Moscow-led organization.
BINDING_EVENTS: tuple[str, ...] = ("treaty_signed", "treaty_renewed", "charter_signed",
                                   "force_created")
#: Membership statuses that loosen a tie rather than create one.
LOOSENING_STATUSES: tuple[str, ...] = ("suspended", "frozen", "withdrawing",
                                       "partner_suspended")
#: Interval end reasons that mean the state left.
LEAVING_REASONS: tuple[str, ...] = ("withdrew", "not_renewed", "expelled")


# --- UN votes -----------------------------------------------------------------------------------


def _recorded(un_votes: pd.DataFrame, absent_as_vote: bool) -> pd.DataFrame:
    """The rows of ``un_votes`` that count as a recorded vote, columns resolution/state/vote."""
    votes = un_votes[["resolution", "state", "vote"]].dropna()
    if not absent_as_vote:
        votes = votes[votes["vote"] != "absent"]
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
    un_votes: pd.DataFrame, states: Iterable[str] | None, absent_as_vote: bool
) -> tuple[list[str], pd.DataFrame, pd.DataFrame]:
    """Shared-resolution counts and identical-vote counts for every ordered pair of states."""
    order = _states_or_all(un_votes, states)
    votes = _recorded(un_votes, absent_as_vote)
    votes = votes[votes["state"].isin(order)]
    both = votes.merge(votes, on="resolution", suffixes=("_a", "_b"))
    both["same"] = (both["vote_a"] == both["vote_b"]).astype("int64")
    grouped = both.groupby(["state_a", "state_b"])["same"]
    shared = grouped.size().unstack().reindex(index=order, columns=order)
    same = grouped.sum().unstack().reindex(index=order, columns=order)
    return order, shared, same


def _square(frame: pd.DataFrame, order: list[str]) -> pd.DataFrame:
    frame.index = pd.Index(order, name="state", dtype="string")
    frame.columns = pd.Index(order, name="other", dtype="string")
    return frame


def pairwise_counts(
    un_votes: pd.DataFrame, states: Iterable[str] | None = None, absent_as_vote: bool = True
) -> pd.DataFrame:
    """Number of resolutions on which both states have a recorded vote, state x state (Int64).

    The diagonal is each state's own number of recorded votes. ``states`` fixes rows and columns
    (default: every state in ``un_votes``). See the module docstring for ``absent_as_vote``.
    """
    order, shared, _ = _pairs(un_votes, states, absent_as_vote)
    return _square(shared.fillna(0).astype("Int64"), order)


def pairwise_agreement(
    un_votes: pd.DataFrame, states: Iterable[str] | None = None, absent_as_vote: bool = True
) -> pd.DataFrame:
    """Share of identical votes for each pair of states, state x state, a fraction in [0, 1].

    The share is taken over the resolutions where **both** states have a recorded vote (their
    number is :func:`pairwise_counts`); it is ``NaN`` where there is none. The matrix is
    symmetric, with 1.0 on the diagonal for every state with at least one recorded vote. By
    default ``absent`` is a vote option of its own (two absentees agree); with
    ``absent_as_vote=False`` an absence counts as no recorded vote.
    """
    order, shared, same = _pairs(un_votes, states, absent_as_vote)
    share = same.astype("float64") / shared.astype("float64")
    return _square(share, order)


def agreement_with(
    un_votes: pd.DataFrame,
    un_resolutions: pd.DataFrame,
    reference: str = "RUS",
    states: Iterable[str] | None = None,
    absent_as_vote: bool = True,
) -> pd.DataFrame:
    """Whether each state voted as ``reference`` did, per resolution.

    One row per resolution and state where both the state and ``reference`` have a recorded
    vote (the reference itself included: it always agrees). Columns: ``resolution``, ``date``
    (adoption), ``state``, ``vote``, ``reference``, ``reference_vote`` and ``agrees`` (bool),
    sorted by date, resolution and state. ``states`` limits the states (default: all).
    """
    rows = _agreement_rows(un_votes, un_resolutions, reference, states, absent_as_vote)
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
        "agrees": np.array([v == r for v, r in zip(vote, reference_vote)], dtype=bool),
    })


def _agreement_rows(
    un_votes: pd.DataFrame,
    un_resolutions: pd.DataFrame,
    reference: str,
    states: Iterable[str] | None,
    absent_as_vote: bool,
) -> list[tuple[str, int, str, str, str]]:
    """The rows of :func:`agreement_with` as (resolution, date in int64 ns, state, vote,
    reference_vote), in its order; read from plain lists, since it is asked once per state."""
    recorded = [
        (str(r), str(s), str(v))
        for r, s, v in zip(un_votes["resolution"].tolist(), un_votes["state"].tolist(),
                           un_votes["vote"].tolist())
        if not (pd.isna(r) or pd.isna(s) or pd.isna(v)) and (absent_as_vote or v != "absent")
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
    absent_as_vote: bool = True,
) -> pd.DataFrame:
    """Share of each state's votes that matched ``reference``'s, per year or per resolution.

    ``by="year"``: one row per state and calendar year with a shared vote; columns ``state``,
    ``reference``, ``year``, ``votes`` (resolutions both voted on, a count), ``agreeing`` (a
    count) and ``share`` (agreeing / votes, a fraction in [0, 1]).
    ``by="resolution"``: one row per state and resolution in date order, with ``resolution`` and
    ``date`` instead of ``year``; ``votes`` is 1, ``share`` is 0 or 1, and ``cumulative_share`` is
    the share over that resolution and all earlier ones.
    """
    rows = agreement_with(un_votes, un_resolutions, reference, states, absent_as_vote)
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


# --- Stances ------------------------------------------------------------------------------------


def latest_stances(stances: pd.DataFrame, on: str | pd.Timestamp | None = None) -> pd.DataFrame:
    """The latest row of ``stances`` per state and issue (dated on or before ``on`` if given).

    Ties on the date go to the higher ``stance_id`` (the later entry). Sorted by state and issue.
    """
    rows = stances if on is None else stances[stances["date"] <= pd.Timestamp(on)]
    rows = rows.sort_values(["state", "issue", "date", "stance_id"], kind="stable")
    latest = rows.groupby(["state", "issue"], as_index=False).tail(1)
    return latest.reset_index(drop=True)


def alignment_matrix(
    stances: pd.DataFrame,
    states: Iterable[str] | None = None,
    issues: Iterable[str] | None = None,
    on: str | pd.Timestamp | None = None,
) -> pd.DataFrame:
    """Each state's latest stance on each issue, coded aligned = 1, hedging = 0, opposed = -1.

    Rows are states (default: those in ``stances``, sorted), columns issues (default: those in
    ``stances``, in codebook order); values are nullable integers (Int64), ``<NA>`` where no stance
    is recorded. Where a state has several stances on one issue the latest counts
    (:func:`latest_stances`); ``on`` ignores stances dated after it.
    """
    latest = latest_stances(stances, on)
    codes = latest.assign(code=latest["alignment"].map(ALIGNMENT_CODES))
    wide = codes.pivot(index="state", columns="issue", values="code")
    rows = sorted(stances["state"].unique().tolist()) if states is None else list(states)
    if issues is None:
        present = set(stances["issue"].tolist())
        issues = [i for i in STANCE_ISSUES if i in present] + sorted(present - set(STANCE_ISSUES))
    columns = list(issues)
    matrix = wide.reindex(index=rows, columns=columns).astype("Int64")
    matrix.index = pd.Index(rows, name="state", dtype="string")
    matrix.columns = pd.Index(columns, name="issue", dtype="string")
    return matrix


# --- Acts of defiance ---------------------------------------------------------------------------


def defiance_acts(
    events: pd.DataFrame,
    memberships: pd.DataFrame,
    organizations: Iterable[str] = ("CST", "CSTO"),
) -> pd.DataFrame:
    """Every act of defiance toward ``organizations``, one row per state and act.

    Acts are the ``events`` of the types in :data:`DEFIANCE_KINDS` (one row for each state in the
    event's ``states``) and the ``memberships`` intervals whose status is suspended, frozen or
    withdrawing (an act on the interval's start). The two tables often record the same act; a
    membership interval is dropped when the events table already has an act of the same kind for
    that state in the same year. Columns: ``state``, ``date``, ``year``, ``kind``, ``table``
    (``events`` or ``memberships``) and ``record`` (event_id, or state|organization|start),
    sorted by date and state.
    """
    orgs = list(organizations)
    columns = ["state", "date", "year", "kind", "table", "record"]
    chosen = events[events["type"].isin(list(DEFIANCE_KINDS)) & events["organization"].isin(orgs)]
    rows = [
        {"state": state, "date": e["date"], "kind": e["type"], "table": "events",
         "record": e["event_id"]}
        for _, e in chosen.iterrows()
        for state in split_list(e["states"])
    ]
    seen = {(r["state"], r["kind"], r["date"].year) for r in rows}
    loosening = memberships[memberships["organization"].isin(orgs)
                            & memberships["status"].isin(list(STATUS_DEFIANCE))]
    for _, m in loosening.iterrows():
        kind = STATUS_DEFIANCE[m["status"]]
        if (m["state"], kind, m["start"].year) in seen:
            continue
        rows.append({"state": m["state"], "date": m["start"], "kind": kind,
                     "table": "memberships",
                     "record": f"{m['state']}|{m['organization']}|{m['start']:%Y-%m-%d}"})
    acts = pd.DataFrame(rows, columns=[c for c in columns if c != "year"])
    acts["date"] = pd.to_datetime(acts["date"]).astype("datetime64[ns]")
    acts.insert(2, "year", acts["date"].dt.year.astype("int64"))
    acts = acts.astype({c: "string" for c in ("state", "kind", "table", "record")})
    return acts.sort_values(["date", "state", "kind"], kind="stable").reset_index(drop=True)


def defiance_events(
    events: pd.DataFrame,
    memberships: pd.DataFrame,
    organizations: Iterable[str] = ("CST", "CSTO"),
) -> pd.DataFrame:
    """Acts of defiance per member and year: counts of each kind (see :func:`defiance_acts`).

    One row per state and year with at least one act; columns ``state``, ``year``, one count
    column per kind in :data:`DEFIANCE_KINDS` (``summit_boycott``, ``declaration_refused``,
    ``suspension``, ``freeze``, ``withdrawal``) and ``total``, all counts of acts (int64).
    Sorted by state and year.
    """
    acts = defiance_acts(events, memberships, organizations)
    counts = pd.crosstab([acts["state"], acts["year"]], acts["kind"])
    counts = counts.reindex(columns=list(DEFIANCE_KINDS), fill_value=0).astype("int64")
    counts.columns.name = None
    counts["total"] = counts.sum(axis=1)
    out = counts.reset_index()
    out["state"] = out["state"].astype("string")
    out["year"] = out["year"].astype("int64")
    return out.sort_values(["state", "year"]).reset_index(drop=True)


# --- One state's path ---------------------------------------------------------------------------


def _vote_direction(vote: str, reference_vote: str) -> int:
    """+1 for the reference's vote, -1 for the opposite of a yes/no, 0 for anything between."""
    if vote == reference_vote:
        return 1
    if {vote, reference_vote} == {"yes", "no"}:
        return -1
    return 0


def _rows(frame: pd.DataFrame, columns: Iterable[str]) -> list[dict]:
    """The rows of ``frame`` as dicts of those of ``columns`` it has (values as ``iterrows``
    gives them; reading a column it lacks raises KeyError, as a row would)."""
    names = [c for c in columns if c in frame.columns]
    values = zip(*(frame[c].tolist() for c in names)) if names else ((),) * len(frame)
    return [dict(zip(names, row)) for row in values]


def _of_state(frame: pd.DataFrame, state: str, columns: Iterable[str]) -> list[dict]:
    """:func:`_rows` of the rows of ``frame`` whose ``state`` is ``state``."""
    mine = [isinstance(s, str) and s == state for s in frame["state"].tolist()]
    return [row for row, keep in zip(_rows(frame, columns), mine, strict=True) if keep]


def _membership_moves(memberships: pd.DataFrame, state: str) -> list[dict]:
    moves = []
    for m in _of_state(memberships, state,
                       ("organization", "status", "start", "end", "end_reason")):
        org = m["organization"]
        sign = 1 if org in MOSCOW_LED else -1 if org in WESTERN else 0
        loosening = m["status"] in LOOSENING_STATUSES
        moves.append({"date": m["start"], "table": "memberships",
                      "what": f"{org}: becomes {m['status']}",
                      "direction": -sign if loosening else sign})
        if pd.notna(m["end"]) and pd.notna(m["end_reason"]) and m["end_reason"] in LEAVING_REASONS:
            moves.append({"date": m["end"], "table": "memberships",
                          "what": f"{org}: leaves ({m['end_reason']})", "direction": -sign})
    return moves


def _event_moves(events: pd.DataFrame, state: str) -> list[dict]:
    moves = []
    for e in _rows(events, ("states", "type", "organization", "date", "description")):
        if state not in split_list(e["states"]):
            continue
        if e["type"] in DEFIANCE_KINDS:
            direction = -1
        elif e["type"] in BINDING_EVENTS and e["organization"] in MOSCOW_LED:
            direction = 1
        else:
            direction = 0
        moves.append({"date": e["date"], "table": "events",
                      "what": f"{e['type']}: {e['description']}", "direction": direction})
    return moves


def trajectory(
    stances: pd.DataFrame,
    un_votes: pd.DataFrame,
    un_resolutions: pd.DataFrame,
    events: pd.DataFrame,
    memberships: pd.DataFrame,
    state: str,
    reference: str = "RUS",
) -> pd.DataFrame:
    """A dated sequence of ``state``'s moves toward or away from Moscow, from four tables.

    One row per move; columns ``date``, ``table`` (where it is recorded), ``what`` (in words) and
    ``direction``: +1 toward Moscow, -1 away, 0 neutral. The coding rules:

    * ``stances``: aligned +1, hedging 0, opposed -1.
    * ``un_votes``: the same vote as ``reference`` +1; yes where it voted no (or the reverse) -1;
      any other difference (abstaining, staying away) 0. Resolutions where ``reference`` has no
      recorded vote are left out.
    * ``events`` naming the state: acts of defiance (:data:`DEFIANCE_KINDS`) -1; signing or renewing
      a Moscow-led treaty, charter or force (``BINDING_EVENTS``) +1; everything else 0.
    * ``memberships``: a new status in a Moscow-led organization (``MOSCOW_LED``) +1, or -1
      when it is suspended, frozen, withdrawing or a suspended partnership
      (``LOOSENING_STATUSES``); the reverse for Western ones
      (``WESTERN``); 0 elsewhere. Leaving an organization (withdrew, not renewed, expelled)
      counts as the opposite of joining it.

    The tables overlap (a UN vote may also be recorded as a stance, a freeze as an event and a
    membership status), so the rows are the moves as each table records them, not a net score.
    Sorted by date, then table.
    """
    moves: list[dict] = []
    for s in _of_state(stances, state, ("date", "issue", "position", "alignment")):
        moves.append({"date": s["date"], "table": "stances",
                      "what": f"{s['issue']}: {s['position']} ({s['alignment']})",
                      "direction": ALIGNMENT_CODES[s["alignment"]]})
    agreement = _agreement_rows(un_votes, un_resolutions, reference, [state], True)
    for resolution, date, _, vote, reference_vote in agreement:
        moves.append({"date": pd.Timestamp(date, unit="ns") if date != NAT else pd.NaT,
                      "table": "un_votes",
                      "what": f"{resolution}: {vote} ({reference} {reference_vote})",
                      "direction": _vote_direction(vote, reference_vote)})
    moves += _event_moves(events, state)
    moves += _membership_moves(memberships, state)
    out = pd.DataFrame({
        "date": from_ns([pd.Timestamp(m["date"]).value for m in moves]),
        "table": pd.array([m["table"] for m in moves], dtype="string"),
        "what": pd.array([m["what"] for m in moves], dtype="string"),
        "direction": np.array([m["direction"] for m in moves], dtype=np.int64),
    })
    return out.sort_values(["date", "table"], kind="stable").reset_index(drop=True)


__all__ = [
    "ALIGNMENT_CODES",
    "DEFIANCE_KINDS",
    "agreement_with",
    "agreement_with_over_time",
    "alignment_matrix",
    "cohesion_index",
    "defiance_acts",
    "defiance_events",
    "latest_stances",
    "pairwise_agreement",
    "pairwise_counts",
    "trajectory",
    "vote_matrix",
]
