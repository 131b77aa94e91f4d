"""Divisions among the members: stances on Moscow's causes, unweighted counts of acts of
defiance, and one state's path.

Kept apart so that each source can be checked on its own:

* **Stances** (``stances``): each state's latest position on issues where Moscow's line is known,
  coded aligned = 1, hedging = 0, opposed = -1 (:func:`alignment_matrix`).
* **Acts of defiance, counted** (``events``, ``memberships``): boycotted summits, refused
  declarations, suspensions, freezes and withdrawals per member and year, unweighted
  (:func:`defiance_events`). The book ranks these acts instead, on the ordinal scale of
  :mod:`~analysis.measures.defiance`, which also reads the Council's attendance.

The votes themselves (how often states vote alike, how often each votes with Russia, how united a
group is) are measured in :mod:`~analysis.measures.votes`. :func:`trajectory`, an older dated list
of one state's moves toward or away from Moscow, scores rows of tables that overlap and is no
longer used by the book.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from ..data.codebook.fields import split_list
from ..data.codebook.vocabulary import STANCE_ISSUES
from ..data.dates import from_ns
from .agreement import direction
from .votes import agreement_with

#: Numeric code of each stance alignment (toward Moscow positive).
ALIGNMENT_CODES: dict[str, int] = {"aligned": 1, "hedging": 0, "opposed": -1}

#: Event types (and the membership statuses that mean the same) counted as acts of defiance.
DEFIANCE_KINDS: tuple[str, ...] = (
    "summit_boycott",
    "exercise_withdrawal",
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
    column per kind in :data:`DEFIANCE_KINDS` (``summit_boycott``, ``exercise_withdrawal``,
    ``declaration_refused``,
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
      any other difference (abstaining, staying away) 0
      (:func:`~analysis.measures.agreement.direction`, with absences as votes:
      ``absent="vote"``). Resolutions where ``reference`` has no recorded vote are left out.
    * ``events`` naming the state: acts of defiance (:data:`DEFIANCE_KINDS`) -1; signing or
      renewing a Moscow-led treaty, charter or force (``BINDING_EVENTS``) +1; everything else 0.
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
    agreement = agreement_with(un_votes, un_resolutions, reference, [state], absent="vote")
    for resolution, date, vote, reference_vote in zip(
            agreement["resolution"].tolist(), agreement["date"].tolist(),
            agreement["vote"].tolist(), agreement["reference_vote"].tolist()):
        moves.append({"date": date, "table": "un_votes",
                      "what": f"{resolution}: {vote} ({reference} {reference_vote})",
                      "direction": direction(vote, reference_vote)})
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
    "alignment_matrix",
    "defiance_acts",
    "defiance_events",
    "latest_stances",
    "trajectory",
]
