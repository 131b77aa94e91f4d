"""How much of each external dataset the extracts hold: cells present against cells expected.

``python -m analysis check`` prints :func:`coverage_lines` after a clean check, so a reader (or a
reviewer of a data refresh) sees at once where the series have holes. The functions take the
tables as read (text cells, empty as missing) or as loaded.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd


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


def coverage_lines(tables: Mapping[str, pd.DataFrame]) -> list[str]:
    """Lines of text that state the coverage of every external table present in ``tables``."""
    lines = []
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
