"""How much of each external dataset the extracts hold (cells present against cells expected),
how much of the Council's attendance is known, and how large a sample of the exercises the
exercises table is.

``python -m analysis check`` prints :func:`coverage_lines` after a clean check, so a reader (or a
reviewer of a data refresh) sees at once where the series have holes. The functions take the
tables as read (text cells, empty as missing) or as loaded.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from .codebook.vocabulary import ATTENDANCE

#: The word a cancelled exercise's name carries (the exercises table has no status column; the
#: codebook says a cancelled exercise says so in its name).
CANCELLED_WORD = "cancel"


def present_expected(frame: pd.DataFrame, column: str, keys: tuple[str, str] = ("state", "year")
                     ) -> tuple[int, int]:
    """Cells of ``column`` that hold a value, and the cells a full panel of ``keys`` would hold
    (every state that appears, in every year that appears)."""
    expected = frame[keys[0]].nunique() * frame[keys[1]].nunique()
    return int(frame[column].notna().sum()), int(expected)


def roll_calls_by_year(roll_calls: pd.DataFrame, votes: pd.DataFrame) -> pd.DataFrame:
    """Per calendar year: ``roll_calls`` (count) and ``states`` (states with at least one
    recorded vote that year), sorted by year."""
    year = roll_calls.set_index("rcid")["date"].astype(str).str[:4]
    calls = year.value_counts().rename("roll_calls")
    voting = votes.assign(year=votes["rcid"].map(year)).groupby("year")["state"].nunique()
    out = pd.concat([calls, voting.rename("states")], axis=1).fillna(0).astype(int)
    out.index.name = "year"
    return out.sort_index().reset_index()


#: Organizations whose current and former members' emergency-session votes must all be on record.
ES11_ORGANIZATIONS: tuple[str, ...] = ("CST", "CSTO")
ES11_PREFIX = "A/RES/ES-11/"


def es11_pairs(resolutions: pd.DataFrame, votes: pd.DataFrame, gaps: pd.DataFrame,
               memberships: pd.DataFrame) -> pd.DataFrame:
    """Every pair of an ES-11 resolution in ``resolutions`` and a state that was ever a
    signatory or member of an organization in :data:`ES11_ORGANIZATIONS`, with its ``status``:
    ``recorded`` (a row of ``votes``, i.e. ``un_votes``), ``gap`` (a row of ``gaps``, i.e.
    ``un_vote_gaps``), ``missing`` (neither) or ``both`` (a gap named for a recorded vote).
    Sorted by resolution and state."""
    symbols = sorted(r for r in resolutions["resolution"].dropna().astype(str).unique()
                     if r.startswith(ES11_PREFIX))
    member = memberships["organization"].isin(ES11_ORGANIZATIONS) & \
        memberships["status"].isin(("signatory", "member"))
    states = sorted(memberships.loc[member, "state"].dropna().astype(str).unique())
    recorded = set(zip(votes["resolution"].astype(str), votes["state"].astype(str)))
    named = set(zip(gaps["resolution"].astype(str), gaps["state"].astype(str)))
    rows = []
    for r in symbols:
        for s in states:
            have, gap = (r, s) in recorded, (r, s) in named
            status = "both" if have and gap else "recorded" if have else "gap" if gap \
                else "missing"
            rows.append((r, s, status))
    return pd.DataFrame(rows, columns=["resolution", "state", "status"])


def es11_line(pairs: pd.DataFrame, gaps: pd.DataFrame) -> str:
    """One line: how many ES-11 votes of the current and former CSTO members are on record, and
    each named gap with the start of its reason."""
    n_res, n_states = pairs["resolution"].nunique(), pairs["state"].nunique()
    count = pairs["status"].value_counts()
    reasons = gaps.set_index(["resolution", "state"])["reason"]
    named = [f"{r} {s} ({str(reasons.get((r, s), ''))[:60].rstrip()}...)"
             for r, s in pairs.loc[pairs["status"] == "gap", ["resolution", "state"]]
             .itertuples(index=False)]
    line = (f"un_votes ES-11: {n_res} resolutions x {n_states} current and former CSTO members "
            f"= {len(pairs)} votes: {count.get('recorded', 0)} recorded, "
            f"{count.get('gap', 0)} named gap(s), {count.get('missing', 0)} missing")
    return line + ("; gaps: " + "; ".join(named) if named else "")


def roll_call_years_line(voeten: pd.DataFrame | None, undl: pd.DataFrame | None) -> str:
    """One line: the calendar years the two roll-call series cover, and the years between them
    that neither holds."""
    spans, years = [], set()
    for label, frame in (("Voeten", voeten), ("UN Digital Library", undl)):
        if frame is None or frame.empty:
            continue
        dates = frame["date"].astype(str)
        spans.append(f"{label} {dates.min()} to {dates.max()} ({len(frame)})")
        years |= set(dates.str[:4].astype(int))
    missing = [y for y in range(min(years), max(years) + 1) if y not in years] if years else []
    return ("roll calls by series: " + ", ".join(spans)
            + (f"; years without a roll call in the tables: {', '.join(map(str, missing))}"
               if missing else ""))


def summit_coverage(attendance: pd.DataFrame) -> dict[str, object]:
    """What ``summit_attendance`` holds: ``sessions``, ``rows``, ``known`` (rows not
    ``unknown``), ``share_known``, ``by_value`` (rows per attendance value present, in the order
    of the scale), ``first`` and ``last`` year, ``years`` (years with a session) and
    ``span`` (years from the first to the last)."""
    years = sorted({int(str(d)[:4]) for d in attendance["date"].dropna()})
    known = int((attendance["attended"] != "unknown").sum())
    return {
        "sessions": int(attendance["session_id"].nunique()),
        "rows": len(attendance),
        "known": known,
        "share_known": known / len(attendance) if len(attendance) else 0.0,
        "by_value": {value: int(n) for value, n in
                     attendance["attended"].value_counts().reindex(ATTENDANCE).dropna().items()},
        "first": years[0] if years else None,
        "last": years[-1] if years else None,
        "years": len(years),
        "span": years[-1] - years[0] + 1 if years else 0,
    }


def named_exercises(name: str) -> int:
    """How many named exercises one row of ``exercises`` stands for: a row that joins exercises
    held together lists them with ``/`` in its name or in its bracketed alias
    ("Interaction/Search/Echelon-2024", "Combat Brotherhood-2021 (Interaction/Search/Echelon-2021)")."""
    inner = re.search(r"\(([^)]*)\)", name)
    part = inner.group(1) if inner and "/" in inner.group(1) else re.sub(r"\(.*?\)", "", name)
    return part.count("/") + 1


def exercise_sample(exercises: pd.DataFrame, counts: pd.DataFrame) -> dict[str, object]:
    """How large a sample of the alliance's named exercises ``exercises`` is.

    The officials' figures for all of a year's named exercises (``counted`` exercises, ``scope``
    all) give the range ``low``-``high`` a year; over the ``years`` from the first such figure to
    the table's last year (``first``-``last``) that makes roughly ``expected_low``-
    ``expected_high``. ``held_rows`` and ``held_named`` are the table's rows and named exercises
    held in those years (a cancelled one is left out); ``share`` is ``held_named`` over the
    middle of the range. ``stated_years`` are the years with a figure."""
    stated = counts[(counts["counted"] == "exercises") & (counts["scope"] == "all")]
    figures = pd.to_numeric(stated["count"])
    stated_years = sorted(int(y) for y in pd.to_numeric(stated["year"]).unique())
    year = pd.to_datetime(exercises["start"]).dt.year
    held = ~exercises["name"].str.lower().str.contains(CANCELLED_WORD)
    first, last = stated_years[0], int(year[held].max())
    inside = held & year.between(first, last)
    years = last - first + 1
    low, high = int(figures.min()), int(figures.max())
    named = int(exercises.loc[inside, "name"].map(named_exercises).sum())
    return {
        "first": first, "last": last, "years": years, "low": low, "high": high,
        "stated_years": stated_years,
        "expected_low": low * years, "expected_high": high * years,
        "held_rows": int(inside.sum()), "held_named": named,
        "share": named / ((low + high) / 2 * years),
    }


def coverage_lines(tables: Mapping[str, pd.DataFrame]) -> list[str]:
    """Lines of text that state the coverage of every external table present in ``tables``, of
    the Council's attendance and of the exercises."""
    lines = []
    if "summit_attendance" in tables:
        c = summit_coverage(tables["summit_attendance"])
        lines.append(
            f"summit_attendance: {c['sessions']} sessions of the Collective Security Council in "
            f"{c['years']} of the {c['span']} years {c['first']}-{c['last']}; {c['rows']} "
            f"state-rows, {c['known']} known ({c['share_known']:.0%}): "
            + ", ".join(f"{value} {n}" for value, n in c["by_value"].items()))
    if {"exercises", "exercise_counts"} <= set(tables):
        x = exercise_sample(tables["exercises"], tables["exercise_counts"])
        lines.append(
            f"exercises: a sample. For {x['first']}-{x['last']} it holds {x['held_named']} named "
            f"exercises held (in {x['held_rows']} rows); officials state {x['low']}-{x['high']} "
            f"a year (exercise_counts: {', '.join(map(str, x['stated_years']))}), so roughly "
            f"{x['expected_low']}-{x['expected_high']} over {x['years']} years: about "
            f"{x['share']:.0%} of them")
    if {"un_roll_calls", "un_roll_call_votes"} <= set(tables):
        by_year = roll_calls_by_year(tables["un_roll_calls"], tables["un_roll_call_votes"])
        lines.append(f"un_roll_calls: {len(tables['un_roll_calls'])} roll calls, "
                     f"{by_year['year'].iloc[0]}-{by_year['year'].iloc[-1]}; per year "
                     "(roll calls/states voting): "
                     + ", ".join(f"{r.year} {r.roll_calls}/{r.states}"
                                 for r in by_year.itertuples()))
    if {"undl_roll_calls", "undl_roll_call_votes"} <= set(tables):
        calls = tables["undl_roll_calls"].rename(columns={"undl_id": "rcid"})
        cast = tables["undl_roll_call_votes"].rename(columns={"undl_id": "rcid"})
        by_year = roll_calls_by_year(calls, cast)
        lines.append(f"undl_roll_calls: {len(calls)} roll calls; per year (roll calls/states "
                     "voting): " + ", ".join(f"{r.year} {r.roll_calls}/{r.states}"
                                              for r in by_year.itertuples()))
    if "un_roll_calls" in tables or "undl_roll_calls" in tables:
        lines.append(roll_call_years_line(tables.get("un_roll_calls"),
                                          tables.get("undl_roll_calls")))
    if {"un_resolutions", "un_votes", "un_vote_gaps", "memberships"} <= set(tables):
        pairs = es11_pairs(tables["un_resolutions"], tables["un_votes"], tables["un_vote_gaps"],
                           tables["memberships"])
        lines.append(es11_line(pairs, tables["un_vote_gaps"]))
    for table, columns in (("milex", ("milex_constant_2023_usd_million",
                                      "milex_share_of_gdp_percent")),
                           ("nmc_milper", ("milper_thousands", "milex_thousands_usd")),
                           ("un_agreement", ("agree_russia",))):
        if table in tables:
            frame = tables[table]
            for column in columns:
                have, want = present_expected(frame, column)
                lines.append(f"{table}.{column}: {have} of {want} state-years present "
                             f"({frame['state'].nunique()} states x {frame['year'].nunique()} "
                             "years)")
    if {"atop_alliances", "atop_members"} <= set(tables):
        lines.append(f"atop: {len(tables['atop_alliances'])} alliances, "
                     f"{len(tables['atop_members'])} member spells, "
                     f"{tables['atop_members']['state'].nunique()} states")
    if "arms_transfers" in tables:
        arms = tables["arms_transfers"]
        lines.append(f"arms_transfers: {len(arms)} recipient-supplier-years, "
                     f"{arms['recipient'].nunique()} recipients, "
                     f"{arms['supplier'].nunique()} suppliers")
    if "ucdp_conflicts" in tables:
        acd = tables["ucdp_conflicts"]
        lines.append(f"ucdp_conflicts: {len(acd)} conflict-years in "
                     f"{acd['conflict_id'].nunique()} conflicts")
    return lines
