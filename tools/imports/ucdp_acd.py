"""Import UCDP/PRIO Armed Conflict Dataset v25.1: conflict-years involving CSTO or NATO states.

Writes data/ucdp_conflicts.csv: one row per conflict-year from 1992 on in which a
current or former CSTO member (``CSTO``: ARM AZE BLR GEO KAZ KGZ RUS TJK UZB) or a NATO
member at the data cut-off (``NATO``, 32 states) is a primary party (``gwno_a``/``gwno_b``)
or in the ``location`` (``gwno_loc``), whether or not it was a member in that year (the
crisis universe applies the membership dates). The two alliances are selected by one rule,
so that both crisis universes draw on the same frame.
States that only supported a side with troops (``gwno_a_2nd``/``gwno_b_2nd``) do
not select a row; that is a deliberate, documented filter.

Columns: conflict_id, year, location, side_a, side_b, states (``;``-separated ISO3
of the CSTO and NATO members that are primary parties or location), states_secondary (such
members that only supported a side with troops in that row), type_of_conflict
(extrasystemic / interstate / intrastate / internationalized_intrastate),
intensity_level (minor = 25-999 battle deaths in the year, war = 1,000+),
incompatibility (territory / government / both), start_date (first battle death
of the conflict), ep_end (1 if the episode ended that year), ep_end_date.

Two inputs:
* the numeric/coded fields from ``data/ucdp_acd.rda`` in the peacesciencer R package
  (S. V. Miller; v25.1 per its NEWS/R docs). That copy splits multi-state sides
  into one row per state and omits names, so ``tidy`` collapses it back to
  conflict-years;
* the actor and location names (``location``, ``side_a``, ``side_b``, ``gwno_loc``)
  from a copy of UCDP's own ``UcdpPrioConflict_v25_1.csv`` (semicolon-separated,
  re-saved with d-m-yyyy dates). For every selected row ``tidy`` checks that this
  copy agrees with peacesciencer on gwno_a, gwno_b, type, intensity,
  incompatibility, start date and episode end, and raises ``ValueError`` if not.

GW state codes are mapped to ISO3 through data/country_codes.csv (gw_code).
Data: UCDP/PRIO, CC BY 4.0 (see data/origins.csv). Run from the repo root::

    python -m tools.imports.ucdp_acd --mirror PS_GITDIR --names UcdpPrioConflict_v25_1.csv
    python -m tools.imports.ucdp_acd --raw ucdp_acd.rda --names-mirror GITDIR [--names-commit SHA]
"""
from __future__ import annotations

import io
import os
from datetime import date
from pathlib import Path

import pandas as pd

from tools.imports.common import git_show, read_rda, source_parser, write_csv

COLUMNS = ["conflict_id", "year", "location", "side_a", "side_b", "states", "states_secondary",
           "type_of_conflict",
           "intensity_level", "incompatibility", "start_date", "ep_end", "ep_end_date"]
CSTO = ["ARM", "AZE", "BLR", "GEO", "KAZ", "KGZ", "RUS", "TJK", "UZB"]
#: NATO's 32 members at the data cut-off (data/memberships.csv).
NATO = ["ALB", "BEL", "BGR", "CAN", "CZE", "DEU", "DNK", "ESP", "EST", "FIN", "FRA", "GBR", "GRC",
        "HRV", "HUN", "ISL", "ITA", "LTU", "LUX", "LVA", "MKD", "MNE", "NLD", "NOR", "POL", "PRT",
        "ROU", "SVK", "SVN", "SWE", "TUR", "USA"]
#: The states the extract keeps, both alliances.
MEMBERS = CSTO + NATO
FIRST_YEAR = 1992
RDA_PATH = "data/ucdp_acd.rda"
DEFAULT_COMMIT = "fe150a2648056fbd4fbbbd833f0c9e437b2ed04b"
NAMES_PATH = "UcdpPrioConflict_v25_1.csv"
NAMES_COMMIT = "151731d0bddc8db7a655dd214669bc8451a37c6c"
TYPES = {"extrasystemic": "extrasystemic", "interstate": "interstate", "intrastate": "intrastate",
         "II": "internationalized_intrastate"}
TYPE_CODES = {1: "extrasystemic", 2: "interstate", 3: "intrastate",
              4: "internationalized_intrastate"}
INCOMPAT = {"territory", "government", "both"}
INCOMPAT_CODES = {1: "territory", 2: "government", 3: "both"}
INTENSITY = {1: "minor", 2: "war"}


# ---------------------------------------------------------------- reading
def read_raw(path: str | Path) -> pd.DataFrame:
    """Read peacesciencer's ucdp_acd.rda."""
    return read_rda(Path(path).read_bytes())


def read_names(path: str | os.PathLike | io.BytesIO) -> tuple[pd.DataFrame, list[str]]:
    """Read the UCDP v25.1 CSV copy (path or file-like) as strings; return
    (well-formed rows, skipped).

    A row is well-formed when it has a conflict_id, a 4-digit year and version
    25.1. Malformed rows (the copy has one record broken across two lines) are
    returned in ``skipped`` so the caller can report them; ``tidy`` raises if a
    selected conflict-year lacks names.
    """
    df = pd.read_csv(path, sep=";", dtype=str, keep_default_na=False)
    ok = (df["conflict_id"].str.fullmatch(r"\d+") & df["year"].str.fullmatch(r"\d{4}")
          & (df["version"] == "25.1"))
    skipped = [f"line {i + 2}: conflict_id={r.conflict_id!r} year={r.year!r}" for i,
               r in df[~ok].iterrows()]
    return df[ok].reset_index(drop=True), skipped


# ---------------------------------------------------------------- tidying
def _codes(s: str) -> set[int]:
    return {int(x) for x in str(s).replace(" ", "").split(",") if x}


def _dmy(s: str) -> str:
    if not s:
        return ""
    d, m, y = (int(x) for x in s.split("-"))
    return date(y, m, d).isoformat()


def _iso(v: object) -> str:
    if v is None or (not isinstance(v, str) and pd.isna(v)):
        return ""
    return pd.Timestamp(v).date().isoformat()


def collapse(acd: pd.DataFrame) -> pd.DataFrame:
    """peacesciencer rows (one per state combination) -> one row per conflict-year."""
    rows = []
    for (cid, yr), g in acd.groupby(["conflict_id", "year"], sort=True):
        rec = {"conflict_id": int(cid), "year": int(yr)}
        for c in ("gwno_a", "gwno_b", "gwno_a_2nd", "gwno_b_2nd"):
            rec[c] = frozenset(int(x) for x in g[c].dropna())
        for c in ("incompatibility", "intensity_level", "type_of_conflict", "start_date",
                  "ep_end", "ep_end_date"):
            if c.endswith("date"):
                vals = {_iso(v) for v in g[c]}  # missing -> ""
            else:
                vals = set(g[c].dropna())
            if len(vals) != 1:
                raise ValueError(f"conflict {int(cid)} {int(yr)}: {c} not unique: "
                                 f"{sorted(map(str, vals))}")
            rec[c] = vals.pop()
        rows.append(rec)
    return pd.DataFrame(rows)


def tidy(acd: pd.DataFrame, names: pd.DataFrame, codes: pd.DataFrame,
         members: list[str] = MEMBERS, first_year: int = FIRST_YEAR) -> pd.DataFrame:
    """Collapse, select the conflict-years of ``members``, attach names, check, map to ISO3.
    Pure."""
    codes = codes.set_index("iso3")
    missing = [s for s in members if s not in codes.index or pd.isna(codes.loc[s, "gw_code"])]
    if missing:
        raise ValueError(f"state with no GW code in country_codes: {', '.join(missing)}")
    gw_to_iso = {int(codes.loc[s, "gw_code"]): s for s in members}
    dup = names[names.duplicated(["conflict_id", "year"], keep=False)]
    if not dup.empty:
        raise ValueError(f"duplicated conflict-year in names: {dup.iloc[0]['conflict_id']} "
                         f"{dup.iloc[0]['year']}")
    nm = {(int(r.conflict_id), int(r.year)): r for r in names.itertuples(index=False)}
    cy = collapse(acd)
    cy = cy[cy["year"] >= first_year]
    out = []
    for r in cy.itertuples(index=False):
        key = (r.conflict_id, r.year)
        n = nm.get(key)
        loc = _codes(n.gwno_loc) if n is not None else set()
        involved = (set(r.gwno_a) | set(r.gwno_b) | loc) & set(gw_to_iso)
        if not involved:
            continue
        if n is None:
            raise ValueError(f"conflict-year {r.conflict_id} {r.year} has no names row")
        checks = {
            "gwno_a": (_codes(n.gwno_a), set(r.gwno_a)),
            "gwno_b": (_codes(n.gwno_b), set(r.gwno_b)),
            "gwno_a_2nd": (_codes(n.gwno_a_2nd), set(r.gwno_a_2nd)),
            "gwno_b_2nd": (_codes(n.gwno_b_2nd), set(r.gwno_b_2nd)),
            "intensity_level": (int(n.intensity_level), int(r.intensity_level)),
            "type_of_conflict": (TYPE_CODES.get(int(n.type_of_conflict)),
                                 TYPES.get(r.type_of_conflict)),
            "incompatibility": (INCOMPAT_CODES.get(int(n.incompatibility)), r.incompatibility),
            "start_date": (_dmy(n.start_date), r.start_date),
            "ep_end": (int(n.ep_end), int(r.ep_end)),
            "ep_end_date": (_dmy(n.ep_end_date), r.ep_end_date),
        }
        for field, (a, b) in checks.items():
            if a != b:
                raise ValueError(f"conflict-year {r.conflict_id} {r.year}: {field} differs: names "
                                 f"copy {a!r} vs peacesciencer {b!r}")
        if r.type_of_conflict not in TYPES:
            raise ValueError(f"conflict-year {r.conflict_id} {r.year}: type_of_conflict out of "
                             f"range: {r.type_of_conflict!r}")
        if r.incompatibility not in INCOMPAT:
            raise ValueError(f"conflict-year {r.conflict_id} {r.year}: incompatibility out of "
                             f"range: {r.incompatibility!r}")
        level = r.intensity_level
        if int(level) not in INTENSITY or float(level) != int(level):
            raise ValueError(f"conflict-year {r.conflict_id} {r.year}: intensity_level out of "
                             f"range: {r.intensity_level!r}")
        if int(r.ep_end) not in (0, 1):
            raise ValueError(f"conflict-year {r.conflict_id} {r.year}: ep_end out of range: "
                             f"{r.ep_end!r}")
        out.append({
            "conflict_id": r.conflict_id, "year": r.year, "location": n.location,
            "side_a": n.side_a, "side_b": n.side_b,
            "states": ";".join(sorted(gw_to_iso[g] for g in involved)),
            "states_secondary": ";".join(sorted(
                gw_to_iso[g] for g in (set(r.gwno_a_2nd) | set(r.gwno_b_2nd)) & set(gw_to_iso)
                - involved)),
            "type_of_conflict": TYPES[r.type_of_conflict],
            "intensity_level": INTENSITY[int(r.intensity_level)],
            "incompatibility": r.incompatibility, "start_date": r.start_date,
            "ep_end": int(r.ep_end), "ep_end_date": r.ep_end_date,
        })
    df = pd.DataFrame(out, columns=COLUMNS)
    if df.duplicated(["conflict_id", "year"]).any():
        raise ValueError("duplicated conflict-year in output")
    return df.sort_values(["conflict_id", "year"]).reset_index(drop=True)


def secondary_only(acd: pd.DataFrame, codes: pd.DataFrame, selected: pd.DataFrame,
                   members: list[str] = MEMBERS, first_year: int = FIRST_YEAR) -> pd.DataFrame:
    """Conflict-years (>= first_year) where a member is only a secondary (troop-supporting)
    party."""
    gw = {int(codes.set_index("iso3").loc[s, "gw_code"]) for s in members}
    secondary = acd["gwno_a_2nd"].isin(gw) | acd["gwno_b_2nd"].isin(gw)
    a = acd[(acd["year"] >= first_year) & secondary]
    keys = set(zip(selected["conflict_id"], selected["year"]))
    a = a[[(int(c), int(y)) not in keys for c, y in zip(a["conflict_id"], a["year"])]]
    return a[["conflict_id", "year"]].astype(int).drop_duplicates().sort_values(["conflict_id",
                                                                                 "year"])


def main(argv: list[str] | None = None) -> None:
    """Read the two copies (``--raw``/``--mirror`` and ``--names``/``--names-mirror``), select
    the conflict-years of both alliances' members and write ``ucdp_conflicts.csv``."""
    ap = source_parser(__doc__, raw_help="peacesciencer ucdp_acd.rda",
                       mirror_help="peacesciencer git dir", commit=DEFAULT_COMMIT)
    h = ap.add_mutually_exclusive_group(required=True)
    h.add_argument("--names", help="UcdpPrioConflict_v25_1.csv (UCDP's full conflict-year file)")
    h.add_argument("--names-mirror", help="git dir holding UcdpPrioConflict_v25_1.csv")
    ap.add_argument("--names-commit", default=NAMES_COMMIT)
    ap.add_argument("--codes", default="data/country_codes.csv")
    ap.add_argument("--out", default="data/")
    a = ap.parse_args(argv)
    acd = read_raw(a.raw) if a.raw else read_rda(git_show(a.mirror, a.commit, RDA_PATH))
    if a.names:
        names, skipped = read_names(a.names)
    else:
        names, skipped = read_names(io.BytesIO(git_show(a.names_mirror, a.names_commit,
                                                        NAMES_PATH)))
    if skipped:
        print(f"names copy: {len(skipped)} malformed line(s) not used: {'; '.join(skipped)}")
    codes = pd.read_csv(a.codes)
    df = tidy(acd, names, codes)
    out = Path(a.out) / "ucdp_conflicts.csv"
    write_csv(df, out)
    sec = secondary_only(acd, codes, df)
    print(f"wrote {out}: {len(df)} conflict-years, {df['conflict_id'].nunique()} conflicts; "
          f"{len(sec)} further conflict-years with a member only as secondary party (not kept)")


if __name__ == "__main__":
    main()
