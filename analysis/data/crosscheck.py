"""Pass 3 of the checks: rules across tables — foreign keys (states, sources, organizations,
requests, resolutions, roll calls), a response never before its request, every request answered
by a row of the alliance (and of the patron, except in the patron's own crises) and named by a
crisis candidate, every external table named by an origin, every discrepancy naming a real row,
every ES-11 vote of a current or former CSTO member recorded or its gap named, every state at a
session of the Collective Security Council a member or signatory on its date, every published
base rate credited to a work of scholarship, and the sourcing policy
(:mod:`analysis.data.codebook.policy`): no source on an excluded host, and no row resting on state
media alone unless it says it records the state's own word or is unverified.
"""

from __future__ import annotations

import pandas as pd

from .codebook import TABLES
from .codebook.fields import DATE_FORMAT, LIST_KINDS, split_list
from .codebook.vocabulary import PATRONS
from .coverage import es11_pairs
from .dates import latest_possible
from .read import Problem, RawTable
from .sourcing_checks import excluded_host_problems, state_media_problems


def cross_table_problems(raws: dict[str, RawTable]) -> list[Problem]:
    """Foreign keys and rules that need two tables; tables missing from ``raws`` are skipped."""
    problems: list[Problem] = []
    wanted = {f.ref for raw in raws.values() for f in raw.table.fields if f.ref}
    keys: dict[str, set[str]] = {}
    for ref in wanted:
        name, field_name = ref.split(".")
        if name in raws:
            keys[ref] = set(raws[name].frame[field_name].dropna())

    for name, raw in raws.items():
        shown = f"data/{raw.path.name}"
        for f in raw.table.fields:
            if not f.ref or f.ref not in keys:
                continue
            known = keys[f.ref] | set(f.ref_exempt)
            target = f.ref.split(".")[0]
            column = raw.frame[f.name]
            if f.kind in LIST_KINDS:
                cells = column.dropna().map(split_list).explode().dropna()
            else:
                cells = column.dropna()
            # Every cell is checked; only the unknown ones are looked at one by one.
            for i, part in cells[~cells.isin(known)].items():
                problems.append(
                    Problem(shown, raw.line_of(i), f.name,
                            f"unknown {f.ref.split('.')[1]} {part!r} (not in {target})")
                )

    if "responses" in raws and "requests" in raws:
        resp = raws["responses"]
        # Duplicate request ids are reported by the requests schema; map to the first.
        request_dates = raws["requests"].frame.drop_duplicates("request_id")
        asked = resp.frame["request_id"].map(request_dates.set_index("request_id")["date"])
        answered = pd.to_datetime(resp.frame["date"], format=DATE_FORMAT, errors="coerce")
        # A response known only to the month (or year) may fall late in it.
        latest = latest_possible(answered, resp.frame["date_precision"])
        early = latest < pd.to_datetime(asked, format=DATE_FORMAT, errors="coerce")
        # The patron may act on a crisis before the member asks (its row says so).
        early &= resp.frame["responder"].ne("patron") if "responder" in resp.frame else True
        for i in resp.frame.index[early.to_numpy(dtype=bool, na_value=False)]:
            problems.append(Problem(f"data/{resp.path.name}", resp.line_of(i), "date",
                                    f"response dated {resp.frame.at[i, 'date']}, before its "
                                    f"request ({asked[i]})"))

    if "requests" in raws:
        problems.extend(_request_problems(raws))

    if "origins" in raws:
        problems.extend(_origin_problems(raws))

    if {"un_resolutions", "un_votes", "un_vote_gaps", "memberships"} <= set(raws):
        problems.extend(_es11_problems(raws))
    if "summit_attendance" in raws:
        problems.extend(_session_problems(raws["summit_attendance"]))
        if "memberships" in raws:
            problems.extend(_council_membership_problems(raws["summit_attendance"],
                                                         raws["memberships"]))
            problems.extend(_missing_member_problems(raws["summit_attendance"],
                                                     raws["memberships"]))
    if "reliability_benchmarks" in raws and "sources" in raws:
        bench, sources = raws["reliability_benchmarks"], raws["sources"].frame
        kinds = sources.drop_duplicates("source_id").set_index("source_id")["kind"]
        for i, work in bench.frame["work"].dropna().items():
            if work in kinds.index and kinds[work] != "scholarship":
                problems.append(Problem(f"data/{bench.path.name}", bench.line_of(i), "work",
                                        f"{work!r} is a source of kind {kinds[work]!r}, not "
                                        "scholarship"))

    if "sources" in raws and "excluded_hosts" in raws:
        problems.extend(excluded_host_problems(raws["sources"], raws["excluded_hosts"]))
    if "sources" in raws:
        problems.extend(state_media_problems(raws))

    if "discrepancies" in raws:
        disc = raws["discrepancies"]
        row_ids: dict[str, set[str]] = {}
        for i, row in disc.frame.iterrows():
            table = TABLES.get(row["table"] or "")
            if table is None or table.name not in raws:
                if row["table"] not in TABLES:
                    problems.append(Problem(f"data/{disc.path.name}", disc.line_of(i), "table",
                                            f"unknown table {row['table']!r}"))
                continue
            if table.name not in row_ids:
                keys = raws[table.name].frame[list(table.primary_key)].astype(str)
                row_ids[table.name] = {"|".join(values) for values in keys.itertuples(index=False)}
            if row["record_id"] not in row_ids[table.name]:
                problems.append(Problem(f"data/{disc.path.name}", disc.line_of(i), "record_id",
                                        f"no row {row['record_id']!r} in {table.name}"))
            if row["field"] not in table.field_names:
                problems.append(Problem(f"data/{disc.path.name}", disc.line_of(i), "field",
                                        f"{table.name} has no column {row['field']!r}"))
    return problems


def _es11_problems(raws: dict[str, RawTable]) -> list[Problem]:
    """Every current or former CSTO member's vote on every ES-11 resolution is a row of
    ``un_votes`` or a named gap in ``un_vote_gaps``, never neither and never both."""
    votes, gaps = raws["un_votes"], raws["un_vote_gaps"]
    pairs = es11_pairs(raws["un_resolutions"].frame, votes.frame, gaps.frame,
                       raws["memberships"].frame)
    problems = []
    for r, s in pairs.loc[pairs["status"] == "missing", ["resolution", "state"]].itertuples(
            index=False):
        problems.append(Problem(f"data/{votes.path.name}", None, "vote",
                                f"no vote of {s} on {r}: add the row, or name the gap and its "
                                "reason in un_vote_gaps.csv"))
    for r, s in pairs.loc[pairs["status"] == "both", ["resolution", "state"]].itertuples(
            index=False):
        i = gaps.frame.index[(gaps.frame["resolution"] == r) & (gaps.frame["state"] == s)][0]
        problems.append(Problem(f"data/{gaps.path.name}", gaps.line_of(i), "state",
                                f"{s} on {r} is a recorded vote in un_votes, not a gap"))
    return problems


def _origin_problems(raws: dict[str, RawTable]) -> list[Problem]:
    """Each table without a ``source`` column is named by an origin, and every table an origin
    names exists."""
    origins = raws["origins"]
    shown = f"data/{origins.path.name}"
    problems, named = [], set()
    for i, cell in origins.frame["tables"].items():
        for name in split_list(cell):
            named.add(name)
            if name not in TABLES:
                problems.append(Problem(shown, origins.line_of(i), "tables",
                                        f"unknown table {name!r}"))
    for name, raw in raws.items():
        if ("source" not in raw.table.field_names
                and name not in ("sources", "origins", "excluded_hosts") and name not in named):
            problems.append(Problem(f"data/{raw.path.name}", None, None,
                                    "no row of origins.csv names this table, and its rows "
                                    "carry no source"))
    return problems


#: The organizations whose members sit on the Collective Security Council: the 1992 treaty and
#: the 2002 organization.
COUNCIL_ORGANIZATIONS: tuple[str, ...] = ("CST", "CSTO")
#: Membership statuses that keep a state's seat on the Council (a suspended or frozen member keeps
#: it; an observer or partner has none).
COUNCIL_STATUSES: tuple[str, ...] = ("signatory", "member", "suspended", "frozen")
#: Columns every row of one session shares.
SESSION_COLUMNS: tuple[str, ...] = ("date", "date_precision", "city", "chair_state")


def _session_problems(attendance: RawTable) -> list[Problem]:
    """Every row of a session repeats the session's date, precision, city and chair."""
    frame, shown = attendance.frame, f"data/{attendance.path.name}"
    problems = []
    for column in SESSION_COLUMNS:
        first = frame.groupby("session_id", sort=False)[column].transform(lambda s: s.iloc[0])
        same = (frame[column] == first) | (frame[column].isna() & first.isna())
        for i in frame.index[~same.to_numpy(dtype=bool)]:
            shown_value = "empty" if pd.isna(frame.at[i, column]) else repr(frame.at[i, column])
            expected = "empty" if pd.isna(first[i]) else repr(first[i])
            problems.append(Problem(shown, attendance.line_of(i), column,
                                    f"{shown_value} differs from the first row of session "
                                    f"{frame.at[i, 'session_id']!r} ({expected})"))
    return problems


def _council_spells(memberships: RawTable) -> pd.DataFrame:
    """The intervals that seat a state on the Council: ``state``, ``start`` and ``end`` (NaT
    while the status holds)."""
    spells = memberships.frame
    spells = spells[spells["organization"].isin(COUNCIL_ORGANIZATIONS)
                    & spells["status"].isin(COUNCIL_STATUSES)]
    return pd.DataFrame({
        "state": spells["state"],
        "start": pd.to_datetime(spells["start"], format=DATE_FORMAT, errors="coerce"),
        "end": pd.to_datetime(spells["end"], format=DATE_FORMAT, errors="coerce"),
    })


def _session_days(attendance: RawTable) -> pd.DataFrame:
    """Per row of ``attendance``: ``row`` (its index), ``session_id``, ``state`` and the first and
    last day its date may stand for; rows with a bad date are left out (their own checks name
    them)."""
    frame = attendance.frame
    first = pd.to_datetime(frame["date"], format=DATE_FORMAT, errors="coerce")
    days = pd.DataFrame({"row": frame.index, "session_id": frame["session_id"].to_numpy(),
                         "state": frame["state"].to_numpy(), "first": first.to_numpy(),
                         "last": latest_possible(first, frame["date_precision"]).to_numpy()})
    return days[days["first"].notna()]


def _council_membership_problems(attendance: RawTable, memberships: RawTable) -> list[Problem]:
    """Each state listed for a session was a member or signatory (CST or CSTO) on its date.

    An interval counts up to and including the day it ended, since the session that ends a
    status (Uzbekistan's suspension, 19 December 2012) is held on that day; a session dated only
    to the month or year needs membership on some day of it.
    """
    frame = attendance.frame
    rows = _session_days(attendance)
    rows = rows[rows["state"].notna()]
    pairs = rows.merge(_council_spells(memberships), on="state", how="left")
    inside = (pairs["start"] <= pairs["last"]) & (pairs["end"].isna() | (pairs["end"] >= pairs["first"]))
    seated = inside.groupby(pairs["row"]).any()
    shown = f"data/{attendance.path.name}"
    return [
        Problem(shown, attendance.line_of(i), "state",
                f"{frame.at[i, 'state']} was not a member or signatory of the CST or the CSTO on "
                f"{frame.at[i, 'date']} (memberships)")
        for i in seated.index[~seated.to_numpy(dtype=bool)]
    ]


def _missing_member_problems(attendance: RawTable, memberships: RawTable) -> list[Problem]:
    """Each session has a row for every state seated on the Council throughout its date (an
    absent or unknown state still has its row), named at the session's first row."""
    sessions = _session_days(attendance).drop_duplicates("session_id")
    spells = _council_spells(memberships)
    listed = attendance.frame.groupby("session_id")["state"].agg(set)
    shown = f"data/{attendance.path.name}"
    problems = []
    for s in sessions.itertuples():
        seated = spells[(spells["start"] <= s.first)
                        & (spells["end"].isna() | (spells["end"] >= s.last))]["state"]
        for state in sorted(set(seated) - listed[s.session_id]):
            problems.append(Problem(shown, attendance.line_of(s.row), "state",
                                    f"session {s.session_id!r} has no row for {state}, a member "
                                    f"or signatory on {attendance.frame.at[s.row, 'date']}"))
    return problems


def _request_problems(raws: dict[str, RawTable]) -> list[Problem]:
    """The rules that tie a request to its crisis and its answers: ``addressed_to`` is ``none``
    exactly when no request was made; every request is named by a crisis candidate; every request
    has a response row of the alliance and, unless the crisis is the patron's own, of the patron,
    while a crisis of the patron has none."""
    req = raws["requests"]
    shown = f"data/{req.path.name}"
    frame = req.frame
    problems: list[Problem] = []
    if "addressed_to" in frame:
        for i, made, to in zip(frame.index, frame["request_made"].tolist(),
                               frame["addressed_to"].tolist()):
            if made in ("yes", "no") and isinstance(to, str) and (made == "no") != (to == "none"):
                problems.append(Problem(shown, req.line_of(i), "addressed_to",
                                        f"{to!r} does not fit request_made {made!r} (`none` "
                                        "exactly when no request was made)"))
    if "crisis_candidates" in raws:
        named = {part for cell in raws["crisis_candidates"].frame["request_id"].dropna()
                 for part in split_list(cell)}
        for i, rid in frame["request_id"].items():
            if isinstance(rid, str) and rid not in named:
                problems.append(Problem(shown, req.line_of(i), "request_id",
                                        f"request {rid!r} is named by no row of "
                                        "crisis_candidates"))
    if "responses" in raws and "responder" in raws["responses"].frame:
        resp = raws["responses"]
        by: dict[str, set[str]] = {}
        rows_of: dict[tuple[str, str], list[int]] = {}
        for i, rid, who in zip(resp.frame.index, resp.frame["request_id"].tolist(),
                               resp.frame["responder"].tolist()):
            if isinstance(rid, str) and isinstance(who, str):
                by.setdefault(rid, set()).add(who)
                rows_of.setdefault((rid, who), []).append(i)
        for i, rid, org, requester in zip(frame.index, frame["request_id"].tolist(),
                                          frame["organization"].tolist(),
                                          frame["requester"].tolist()):
            if not isinstance(rid, str):
                continue
            who = by.get(rid, set())
            if "alliance" not in who:
                problems.append(Problem(shown, req.line_of(i), "request_id",
                                        f"request {rid!r} has no response row of the alliance "
                                        "(write `none` if nothing was done)"))
            own = isinstance(org, str) and set(split_list(requester)) == {PATRONS.get(org)}
            if own:
                for j in rows_of.get((rid, "patron"), []):
                    problems.append(Problem(f"data/{resp.path.name}", resp.line_of(j),
                                            "responder", f"a patron row on {rid!r}, a crisis "
                                            f"of the patron ({PATRONS[org]}) itself"))
            elif "patron" not in who:
                problems.append(Problem(shown, req.line_of(i), "request_id",
                                        f"request {rid!r} has no response row of the patron "
                                        "(write `none` if nothing was done)"))
    return problems
