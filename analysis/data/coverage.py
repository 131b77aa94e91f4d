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
