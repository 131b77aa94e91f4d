"""Cases told in full: everything the tables record about one state (or a few), on one dated line.

:func:`case_timeline` gathers a state's rows from seven tables, one row per dated item:

* ``events`` naming the state in ``states`` (the event's date);
* ``requests`` the state made, or crises in which it made none (``requester``, the request date);
* the alliance's ``responses`` to those requests (the response date; the patron's are left out);
* ``memberships`` of the state (the start of each status);
* ``stances`` of the state (their date);
* ``un_votes`` of the state, dated by the resolution's adoption in ``un_resolutions``;
* ``bases`` on the state's soil (``host``): the day a base opened and, where known, closed.

Unlike :func:`analysis.measures.divisions.trajectory` it scores nothing: it says what happened
and where it is recorded, so a chapter can tell a case from the data and a chart can draw it.
:func:`loyalty_scorecard` sets members' stances on Moscow's causes side by side.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from ..data.codebook.fields import split_list

#: The lanes of a case timeline, in the order charts draw them (top to bottom).
LANES: tuple[str, ...] = ("requests", "responses", "events", "memberships", "stances",
                          "un_votes", "bases")

#: Columns every case timeline has.
COLUMNS: tuple[str, ...] = ("date", "date_precision", "state", "lane", "kind", "label", "record",
                            "source")

_NEEDED: dict[str, tuple[str, ...]] = {
    "events": ("event_id", "date", "date_precision", "type", "states", "description", "source"),
    "requests": ("request_id", "date", "date_precision", "crisis", "requester", "request_made",
                 "source"),
    "responses": ("response_id", "request_id", "date", "date_precision", "level", "description",
                  "source"),
    "memberships": ("state", "organization", "status", "start", "start_precision", "source"),
    "stances": ("stance_id", "state", "issue", "position", "alignment", "date", "date_precision",
                "source"),
    "un_votes": ("resolution", "state", "vote", "source"),
    "un_resolutions": ("resolution", "date", "title"),
    "bases": ("base_id", "host", "operator", "name", "start", "start_precision", "end",
              "end_precision", "source"),
}


def _check(frame: pd.DataFrame, name: str) -> None:
    missing = [c for c in _NEEDED[name] if c not in frame.columns]
    if missing:
        raise KeyError(f"{name} lacks the column(s) {missing} that case_timeline needs")


def _text(value: object) -> str:
    return "" if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)) \
        else str(value)


def _row(date: object, precision: object, state: str, lane: str, kind: str, label: str,
         record: str, source: object) -> dict:
    return {"date": date, "date_precision": _text(precision) or "day", "state": state,
            "lane": lane, "kind": kind, "label": label, "record": record,
            "source": _text(source)}


def _state_rows(state: str, tables: dict[str, pd.DataFrame | None]) -> list[dict]:
    rows: list[dict] = []
    events = tables.get("events")
    if events is not None:
        _check(events, "events")
        for e in events.itertuples(index=False):
            if state in split_list(e.states):
                rows.append(_row(e.date, e.date_precision, state, "events", e.type,
                                 e.description, f"events:{e.event_id}", e.source))
    requests, responses = tables.get("requests"), tables.get("responses")
    mine: set[str] = set()
    if requests is not None:
        _check(requests, "requests")
        for r in requests.itertuples(index=False):
            if state in split_list(r.requester):
                mine.add(r.request_id)
                kind = "request" if _text(r.request_made) == "yes" else "no_request"
                rows.append(_row(r.date, r.date_precision, state, "requests", kind, r.crisis,
                                 f"requests:{r.request_id}", r.source))
    if responses is not None:
        _check(responses, "responses")
        # The lane is the alliance's: the patron's bilateral answers are not drawn in it.
        if "responder" in responses.columns:
            responses = responses[responses["responder"].eq("alliance").to_numpy(dtype=bool)]
        for r in responses.itertuples(index=False):
            if r.request_id in mine:
                rows.append(_row(r.date, r.date_precision, state, "responses", r.level,
                                 r.description, f"responses:{r.response_id}", r.source))
    memberships = tables.get("memberships")
    if memberships is not None:
        _check(memberships, "memberships")
        for m in memberships.itertuples(index=False):
            if m.state == state:
                rows.append(_row(m.start, m.start_precision, state, "memberships", m.status,
                                 f"{m.organization}: {m.status}",
                                 f"memberships:{m.organization}:{m.status}", m.source))
    stances = tables.get("stances")
    if stances is not None:
        _check(stances, "stances")
        for s in stances.itertuples(index=False):
            if s.state == state:
                rows.append(_row(s.date, s.date_precision, state, "stances", s.alignment,
                                 f"{s.issue}: {s.position}", f"stances:{s.stance_id}", s.source))
    votes, resolutions = tables.get("un_votes"), tables.get("un_resolutions")
    if votes is not None:
        if resolutions is None:
            raise ValueError("un_votes needs un_resolutions to date each vote")
        _check(votes, "un_votes")
        _check(resolutions, "un_resolutions")
        dated = resolutions.set_index("resolution")
        for v in votes.itertuples(index=False):
            if v.state != state:
                continue
            if v.resolution not in dated.index:
                raise ValueError(f"un_votes: resolution {v.resolution} of {state} is not in "
                                 "un_resolutions, so it has no date")
            rows.append(_row(dated.at[v.resolution, "date"], "day", state, "un_votes", v.vote,
                             f"{v.resolution}: {v.vote} ({dated.at[v.resolution, 'title']})",
                             f"un_votes:{v.resolution}:{state}", v.source))
    bases = tables.get("bases")
    if bases is not None:
        _check(bases, "bases")
        for b in bases.itertuples(index=False):
            if b.host != state:
                continue
            if not pd.isna(b.start):
                rows.append(_row(b.start, b.start_precision, state, "bases", "opened",
                                 f"{b.operator}: {b.name}", f"bases:{b.base_id}", b.source))
            if not pd.isna(b.end):
                rows.append(_row(b.end, b.end_precision, state, "bases", "closed",
                                 f"{b.operator}: {b.name}", f"bases:{b.base_id}", b.source))
    return rows


def case_timeline(
    states: str | Sequence[str],
    *,
    events: pd.DataFrame | None = None,
    requests: pd.DataFrame | None = None,
    responses: pd.DataFrame | None = None,
    memberships: pd.DataFrame | None = None,
    stances: pd.DataFrame | None = None,
    un_votes: pd.DataFrame | None = None,
    un_resolutions: pd.DataFrame | None = None,
    bases: pd.DataFrame | None = None,
    start: str | pd.Timestamp | None = None,
    end: str | pd.Timestamp | None = None,
    lanes: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Every dated item the given tables record about ``states`` (one ISO3 code or several).

    One row per item; columns :data:`COLUMNS`: ``date`` (a day; a month or year is its first day
    and ``date_precision`` says so), ``state``, ``lane`` (the table, one of :data:`LANES`),
    ``kind`` (event type, ``request``/``no_request``, response level, membership status, stance
    alignment, vote, or ``opened``/``closed`` for a base), ``label`` (what happened, from the
    table), ``record`` (``table:key``) and ``source``. Tables passed as ``None`` are skipped;
    ``un_votes`` needs ``un_resolutions``. Rows are kept from ``start`` to ``end`` inclusive and,
    if ``lanes`` is given, only in those lanes. Sorted by date, then lane in :data:`LANES` order,
    then state and record.

    Raises :class:`KeyError` for a table without a needed column and :class:`ValueError` for an
    unknown lane or a vote on a resolution without a date.
    """
    codes = [states] if isinstance(states, str) else list(states)
    tables = {"events": events, "requests": requests, "responses": responses,
              "memberships": memberships, "stances": stances, "un_votes": un_votes,
              "un_resolutions": un_resolutions, "bases": bases}
    wanted = list(LANES) if lanes is None else list(lanes)
    unknown = sorted(set(wanted) - set(LANES))
    if unknown:
        raise ValueError(f"unknown lane(s) {unknown}; the lanes are {LANES}")
    rows = [row for code in codes for row in _state_rows(code, tables)]
    out = pd.DataFrame(rows, columns=list(COLUMNS))
    out["date"] = pd.to_datetime(out["date"])
    keep = out["lane"].isin(wanted)
    if start is not None:
        keep &= out["date"] >= pd.Timestamp(start)
    if end is not None:
        keep &= out["date"] <= pd.Timestamp(end)
    out = out[keep].copy()
    out["_lane"] = out["lane"].map({lane: i for i, lane in enumerate(LANES)})
    out = out.sort_values(["date", "_lane", "state", "record"], kind="stable")
    return out.drop(columns="_lane").reset_index(drop=True)


def lane_counts(timeline: pd.DataFrame) -> dict[str, int]:
    """How many items a case timeline holds in each lane (every lane of :data:`LANES`, zero
    where empty)."""
    counts = timeline["lane"].value_counts()
    return {lane: int(counts.get(lane, 0)) for lane in LANES}


def first_date(timeline: pd.DataFrame, lane: str, kinds: Iterable[str] | None = None,
               contains: str | None = None) -> pd.Timestamp:
    """The earliest date in ``lane`` (of one of ``kinds``, and whose label contains
    ``contains``, case-insensitive, when given). Raises :class:`LookupError` if none matches,
    so a chapter quoting the date stops when the data no longer holds it."""
    rows = timeline[timeline["lane"] == lane]
    if kinds is not None:
        rows = rows[rows["kind"].isin(list(kinds))]
    if contains is not None:
        rows = rows[rows["label"].str.contains(contains, case=False, regex=False)]
    if rows.empty:
        raise LookupError(f"no {lane} row matches kinds={kinds!r}, contains={contains!r}")
    return pd.Timestamp(rows["date"].min())


#: Codes of stance alignments, toward Moscow positive (as in :mod:`analysis.measures.divisions`).
_ALIGNMENT: dict[str, int] = {"aligned": 1, "hedging": 0, "opposed": -1}


def loyalty_scorecard(stances: pd.DataFrame, issues: Sequence[str],
                      states: Sequence[str]) -> pd.DataFrame:
    """Each state's stance on each issue: one row per state (in the order given), columns
    ``state``, then per issue ``<issue>`` (the alignment: ``aligned``, ``hedging``, ``opposed`` or
    missing), then ``aligned``, ``hedging``, ``opposed`` (counts over the issues) and ``score``
    (aligned +1, hedging 0, opposed -1, summed over the issues it has a stance on).

    Where a state has several stances on one issue, the latest counts. Raises
    :class:`ValueError` for an alignment outside the three.
    """
    bad = sorted(set(stances["alignment"].dropna()) - set(_ALIGNMENT))
    if bad:
        raise ValueError(f"stances: unknown alignment(s) {bad}")
    chosen = stances[stances["issue"].isin(list(issues)) & stances["state"].isin(list(states))]
    latest = (chosen.sort_values("date", kind="stable")
              .drop_duplicates(["state", "issue"], keep="last")
              .set_index(["state", "issue"])["alignment"])
    rows = []
    for state in states:
        row: dict[str, object] = {"state": state}
        values = []
        for issue in issues:
            value = latest.get((state, issue), pd.NA)
            row[issue] = value
            if not pd.isna(value):
                values.append(str(value))
        for name in ("aligned", "hedging", "opposed"):
            row[name] = values.count(name)
        row["score"] = sum(_ALIGNMENT[v] for v in values)
        rows.append(row)
    return pd.DataFrame(rows, columns=["state", *issues, "aligned", "hedging", "opposed", "score"])


__all__ = ["COLUMNS", "LANES", "case_timeline", "first_date", "lane_counts",
           "loyalty_scorecard"]
