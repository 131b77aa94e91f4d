"""Pass 3 of the checks: rules across tables — foreign keys (states, sources, organizations,
requests, resolutions, roll calls), a response never before its request, every external table
named by an origin, every discrepancy naming a real row, every published base rate credited to a
work of scholarship.
"""

from __future__ import annotations

import pandas as pd

from .codebook import TABLES
from .codebook.fields import DATE_FORMAT, split_list
from .dates import latest_possible
from .read import Problem, RawTable


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
            if f.kind in ("states", "sources"):
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
        for i in resp.frame.index[early.to_numpy(dtype=bool, na_value=False)]:
            problems.append(Problem(f"data/{resp.path.name}", resp.line_of(i), "date",
                                    f"response dated {resp.frame.at[i, 'date']}, before its "
                                    f"request ({asked[i]})"))

    if "origins" in raws:
        problems.extend(_origin_problems(raws))

    if "reliability_benchmarks" in raws and "sources" in raws:
        bench, sources = raws["reliability_benchmarks"], raws["sources"].frame
        kinds = sources.drop_duplicates("source_id").set_index("source_id")["kind"]
        for i, work in bench.frame["work"].dropna().items():
            if work in kinds.index and kinds[work] != "scholarship":
                problems.append(Problem(f"data/{bench.path.name}", bench.line_of(i), "work",
                                        f"{work!r} is a source of kind {kinds[work]!r}, not "
                                        "scholarship"))

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
        if ("source" not in raw.table.field_names and name not in ("sources", "origins")
                and name not in named):
            problems.append(Problem(f"data/{raw.path.name}", None, None,
                                    "no row of origins.csv names this table, and its rows "
                                    "carry no source"))
    return problems
