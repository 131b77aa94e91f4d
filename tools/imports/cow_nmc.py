"""Import COW National Material Capabilities v7.0: military personnel and expenditure.

Writes data/nmc_milper.csv with columns
``state, year, milper_thousands, milex_thousands_usd`` for 1992-2022 and every
current or former CSTO and NATO member listed in ``STATES`` (an explicit filter;
other states are left out on purpose, not through failed mapping).

Source: Correlates of War Project, National Material Capabilities v7.0
(Singer, Bremer & Stuckey 1972; Greig & Enterline, NMC v7 codebook). Read from the
copy in the peacesciencer R package (S. V. Miller, GPL-2), ``data/cow_nmc.rda``,
which is COW's NMC-70-abridged.csv with ``stateabb``/``version`` dropped and COW's
missing-value code -9 already turned into NA. Raw -9 values (if a raw COW CSV is
fed instead) are treated the same way. Missing cells are written empty.

Units as published by COW: ``milper`` thousands of personnel, ``milex`` thousands
of current US dollars. COW codes are harmonised to ISO3 via data/country_codes.csv.

Run from the repo root::

    python -m tools.imports.cow_nmc --mirror GITDIR --commit SHA --out data/
    python -m tools.imports.cow_nmc --raw cow_nmc.rda --out data/
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from tools.imports.common import git_show, read_rda, source_parser, write_csv

COLUMNS = ["state", "year", "milper_thousands", "milex_thousands_usd"]
CSTO = ["ARM", "AZE", "BLR", "GEO", "KAZ", "KGZ", "RUS", "TJK", "UZB"]
NATO = ["ALB", "BEL", "BGR", "CAN", "HRV", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC",
        "HUN", "ISL", "ITA", "LVA", "LTU", "LUX", "MNE", "NLD", "MKD", "NOR", "POL", "PRT",
        "ROU", "SVK", "SVN", "ESP", "SWE", "TUR", "GBR", "USA"]
STATES = sorted(CSTO + NATO)
YEARS = (1992, 2022)
RDA_PATH = "data/cow_nmc.rda"
DEFAULT_COMMIT = "fe150a2648056fbd4fbbbd833f0c9e437b2ed04b"
# Plausibility bounds (inclusive): milper in thousands, milex in thousands of US$.
MILPER_MAX = 5_000
MILEX_MAX = 5_000_000_000


def read_raw(path: str | Path) -> pd.DataFrame:
    """Read cow_nmc.rda (pyreadr) or a COW NMC CSV."""
    path = Path(path)
    if path.suffix.lower() == ".csv":
        return pd.read_csv(path)
    return read_rda(path.read_bytes())


def read_raw_from_mirror(gitdir: str, commit: str, path: str = RDA_PATH) -> tuple[pd.DataFrame,
                                                                                  bytes]:
    """Read the .rda at ``path`` and ``commit`` of the peacesciencer mirror; (frame, raw bytes)."""
    raw = git_show(gitdir, commit, path)
    return read_rda(raw), raw


def tidy(nmc: pd.DataFrame, codes: pd.DataFrame, states: list[str] = STATES,
         years: tuple[int, int] = YEARS) -> pd.DataFrame:
    """Select ``states`` x ``years``, map COW ccode -> ISO3, rename. Pure."""
    codes = codes.set_index("iso3")
    missing = [s for s in states if s not in codes.index or pd.isna(codes.loc[s, "cow_code"])]
    if missing:
        raise ValueError(f"state with no COW code in country_codes: {', '.join(missing)}")
    cow_to_iso = {int(codes.loc[s, "cow_code"]): s for s in states}
    if len(cow_to_iso) != len(states):
        raise ValueError("two states share one COW code")
    df = nmc[["ccode", "year", "milper", "milex"]].copy()
    for c in ("ccode", "year"):
        if df[c].isna().any() or (df[c] % 1 != 0).any():
            first = df.loc[df[c].isna() | (df[c] % 1 != 0), c].iloc[0]
            raise ValueError(f"non-integer {c}: {first!r}")
    df["ccode"] = df["ccode"].astype(int)
    df["year"] = df["year"].astype(int)
    # explicit filter: the listed states and years only
    df = df[df["ccode"].isin(cow_to_iso) & df["year"].between(*years)].copy()
    df["state"] = df["ccode"].map(cow_to_iso)
    dup = df[df.duplicated(["state", "year"], keep=False)]
    if not dup.empty:
        r = dup.iloc[0]
        raise ValueError(f"duplicated state-year: {r['state']} {r['year']}")
    out = pd.DataFrame({"state": df["state"], "year": df["year"]})
    for src, dst, hi in (("milper", "milper_thousands", MILPER_MAX),
                         ("milex", "milex_thousands_usd", MILEX_MAX)):
        v = pd.to_numeric(df[src]).where(df[src] != -9)  # COW missing code
        bad = v[(v < 0) | (v > hi) | (v.notna() & (v % 1 != 0))]
        if not bad.empty:
            i = bad.index[0]
            raise ValueError(f"{src} out of range for {df.loc[i, 'state']} {df.loc[i, 'year']}: "
                             f"{bad.iloc[0]!r}")
        out[dst] = v.astype("Int64")  # integers checked above
    return out[COLUMNS].sort_values(["state", "year"]).reset_index(drop=True)


def coverage(df: pd.DataFrame, states: list[str] = STATES, years: tuple[int, int] = YEARS) -> dict:
    """Return the counts of expected state-years, rows, and present and missing values."""
    expected = len(states) * (years[1] - years[0] + 1)
    return {
        "expected_state_years": expected,
        "rows": len(df),
        "milper_present": int(df["milper_thousands"].notna().sum()),
        "milex_present": int(df["milex_thousands_usd"].notna().sum()),
        "milper_missing_in_rows": int(df["milper_thousands"].isna().sum()),
        "milex_missing_in_rows": int(df["milex_thousands_usd"].isna().sum()),
    }


def compare_capabilities(df: pd.DataFrame, capabilities: pd.DataFrame) -> pd.DataFrame:
    """Candidate discrepancy rows: COW milper (x1000) vs curated active_personnel.

    A pair counts as agreeing when the curated figure rounds to COW's thousands.
    """
    cap = capabilities[capabilities["measure"] == "active_personnel"]
    m = cap.merge(df, on=["state", "year"], how="inner")
    m = m[m["milper_thousands"].notna()]
    m = m[(m["value"] / 1000).round(0) != m["milper_thousands"].astype(float)]
    thousands = m["milper_thousands"].astype(float).astype(int).astype(str)
    return pd.DataFrame({
        "table": "capabilities",
        "record_id": m["state"] + "|" + m["year"].astype(str) + "|active_personnel",
        "field": "value",
        "value": (m["milper_thousands"].astype(float).astype(int) * 1000).astype(str),
        "source": "ds-cow-nmc-v7",
        "note": ("COW NMC v7 milper " + thousands + " thousand vs curated "
                 + m["value"].astype(int).astype(str) + " (" + m["edition"] + "); COW milper is "
                 "in thousands and counts differently from IISS active forces (COW's own series, "
                 "partly IISS-based, may include or exclude paramilitary/border forces)"),
        "used": "no",
    }).reset_index(drop=True)


def main(argv: list[str] | None = None) -> None:
    """Import COW NMC from the file or mirror the arguments name and write nmc_milper.csv."""
    ap = source_parser(__doc__, raw_help="cow_nmc.rda or NMC-70-abridged.csv",
                       mirror_help="peacesciencer git dir", commit=DEFAULT_COMMIT)
    ap.add_argument("--codes", default="data/country_codes.csv")
    ap.add_argument("--out", default="data/")
    a = ap.parse_args(argv)
    nmc = read_raw(a.raw) if a.raw else read_raw_from_mirror(a.mirror, a.commit)[0]
    df = tidy(nmc, pd.read_csv(a.codes))
    out = Path(a.out) / "nmc_milper.csv"
    write_csv(df, out)
    print(f"wrote {out}: {len(df)} rows; coverage {coverage(df)}")


if __name__ == "__main__":
    main()
