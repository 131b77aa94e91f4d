"""Pass 3 of the checks: rules across tables — foreign keys (states, sources, organizations,
requests, resolutions, roll calls), a response never before its request, every request answered
by a row of the alliance (and of the patron, except in the patron's own crises) and named by a
crisis candidate, every external table named by an origin, every discrepancy and reported number
naming a real row, every ES-11 vote of a current or former CSTO member recorded or its gap named,
every state at a session of the Collective Security Council a member or signatory on its date
(:mod:`analysis.data.session_checks`), every published base rate credited to a work of
scholarship, and the sourcing policy (:mod:`analysis.data.codebook.policy`): no source on an
excluded host, and no row resting on state media alone unless it says it records the state's own
word or is unverified.
"""

from __future__ import annotations

import pandas as pd

from .codebook import TABLES
from .codebook.fields import DATE_FORMAT, LIST_KINDS, split_list
from .codebook.vocabulary import PATRONS
from .coverage import es11_pairs
from .dates import latest_possible
from .read import Problem, RawTable
from .session_checks import session_problems
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
            target, key = f.ref.split(".")
            listed = f.kind in LIST_KINDS
            # Every distinct cell is checked, in plain Python (a pandas operation per column
            # cost more than the comparisons); the rows are read only when one is unknown.
            cells = raw.frame[f.name].tolist()
            distinct = {c for c in set(cells) if isinstance(c, str)}
            parts = {p for c in distinct for p in split_list(c)} if listed else distinct
            if parts <= known:
                continue
            for i, cell in zip(raw.frame.index, cells):
                if not isinstance(cell, str):
                    continue  # empty (NA): the table's own rules say whether it may be
                for part in (split_list(cell) if listed else (cell,)):
                    if part not in known:
                        problems.append(Problem(shown, raw.line_of(i), f.name,
                                                f"unknown {key} {part!r} (not in {target})"))

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
        problems.extend(session_problems(raws["summit_attendance"], raws.get("memberships")))
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
        frame = disc.frame
        for i, table_name, record_id, field_name in zip(
                frame.index, frame["table"].tolist(), frame["record_id"].tolist(),
                frame["field"].tolist()):
            table = TABLES.get(table_name) if isinstance(table_name, str) else None
            if table is None or table.name not in raws:
                if table_name not in TABLES:
                    problems.append(Problem(f"data/{disc.path.name}", disc.line_of(i), "table",
                                            f"unknown table {table_name!r}"))
                continue
            if table.name not in row_ids:
                row_ids[table.name] = _row_ids(raws[table.name], table.primary_key)
            if record_id not in row_ids[table.name]:
                problems.append(Problem(f"data/{disc.path.name}", disc.line_of(i), "record_id",
                                        f"no row {record_id!r} in {table.name}"))
            if field_name not in table.field_names:
                problems.append(Problem(f"data/{disc.path.name}", disc.line_of(i), "field",
                                        f"{table.name} has no column {field_name!r}"))
    if "quantities" in raws:
        problems += _record_problems(raws, "quantities")
    return problems


def _row_ids(raw: RawTable, primary_key: tuple[str, ...]) -> set[str]:
    """The ids of the rows of ``raw``: their primary key's cells joined by ``|``. A row with an
    empty key cell has no id (its table's own check names the cell)."""
    columns = [raw.frame[k].tolist() for k in primary_key]
    return {"|".join(values) for values in zip(*columns)
            if all(isinstance(value, str) for value in values)}


def _record_problems(raws: dict[str, RawTable], name: str) -> list[Problem]:
    """Rows of ``name`` whose ``record_table`` and ``record_id`` name no existing row."""
    raw = raws[name]
    problems: list[Problem] = []
    row_ids: dict[str, set[str]] = {}
    for i, table_name, record_id in zip(raw.frame.index, raw.frame["record_table"].tolist(),
                                        raw.frame["record_id"].tolist()):
        if not isinstance(table_name, str) or not table_name:
            continue
        table = TABLES.get(table_name)
        if table is None:
            problems.append(Problem(f"data/{raw.path.name}", raw.line_of(i), "record_table",
                                    f"unknown table {table_name!r}"))
            continue
        if table.name not in raws:
            continue
        if table.name not in row_ids:
            row_ids[table.name] = _row_ids(raws[table.name], table.primary_key)
        if record_id not in row_ids[table.name]:
            problems.append(Problem(f"data/{raw.path.name}", raw.line_of(i), "record_id",
                                    f"no row {record_id!r} in {table.name}"))
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
