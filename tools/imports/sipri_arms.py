"""Import SIPRI arms-transfer deliveries to the CSTO states, 2000-2023.

Source: SIPRI Arms Transfers Database, trade register of "Transfers of major
conventional arms from All countries to All countries", deals with deliveries
or orders in 2000-2030, generated 3 Jan 2025 (the edition with data up to
2023), as copied in the public GitHub repository lucacasu/Global-Arms-Trade
(commit e1b012d3a36856e9d17faa0b7c770a04c5ffaaf9), path
russia_trade_decline/trade_2023.csv.

Structure of the raw file: 11 lines of SIPRI notes, then a CSV with ONE ROW
PER DEAL AND DELIVERY YEAR (a deal delivered over three years has three rows
with the same "SIPRI AT Database ID"): supplier, recipient, designation,
armament category, order date, "Numbers delivered" and "TIV delivery values"
(SIPRI trend-indicator value, millions, of the weapons delivered in that
"Delivery year"), each with SIPRI's "is estimate" marks.

What it does
------------
* ``read_raw`` reads the CSV (skipping the 11 note lines) as strings.
* ``tidy`` (pure) maps supplier and recipient names to ISO3 with
  ``sipri_milex.SIPRI_NAMES`` (ValueError for any name that maps to nothing),
  writes a non-state supplier as a slug in ``supplier`` (e.g. ``unknown`` for
  "unknown supplier(s)"; the codebook lists the slugs, exempt from the states key),
  keeps the explicit recipient list ``CSTO`` (the 9 current and former CSTO
  members) and delivery years 2000-2023, and SUMS the per-deal delivered TIV
  into one row per (recipient, supplier, year).  The sums and the deal counts
  are this project's calculation, not SIPRI's.
* ``main`` writes ``data/arms_transfers.csv``.

Columns: recipient, supplier, year, tiv_million (sum of
SIPRI TIV of deliveries that year, 2 decimals as in the source), n_deals
(deals with deliveries that year), n_deals_estimated (of those, deals whose
number delivered or delivery year SIPRI marks as an estimate).

Run from the repo root:
    python -m tools.imports.sipri_arms --mirror GITDIR --commit SHA --out data/
    python -m tools.imports.sipri_arms --raw path/to/trade_2023.csv
"""
from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from tools.imports.common import source_file, source_parser, write_csv
from tools.imports.sipri_milex import CSTO, SIPRI_NAMES

RAW_PATH_IN_REPO = "russia_trade_decline/trade_2023.csv"
SKIP_LINES = 11
YEARS = range(2000, 2024)
RAW_COLUMNS = ["SIPRI AT Database ID", "Supplier", "Recipient", "Designation",
               "Description", "Armament category", "Order date",
               "Order date is estimate", "Numbers delivered",
               "Numbers delivered is estimate", "Delivery year",
               "Delivery year is estimate", "Status", "SIPRI estimate",
               "TIV deal unit", "TIV delivery values", "Local production"]

# Non-state parties named in the register.  SIPRI marks non-state armed groups
# with "*" and international organisations with "**"; such recipients are out
# of scope (only CSTO states are kept as recipients).  Non-state SUPPLIERS are
# kept, with this slug as the supplier.
NONSTATE = {
    "unknown supplier(s)": "unknown", "unknown recipient(s)": "unknown",
    "NATO**": "nato", "European Union**": "european_union",
    "United Nations**": "united_nations", "African Union**": "african_union",
    "OSCE**": "osce", "Libya HoR*": "libya_hor", "Libya GNC": "libya_gnc",
}

COLUMNS = ["recipient", "supplier", "year", "tiv_million", "n_deals", "n_deals_estimated"]


def read_raw(path: str | os.PathLike | io.BytesIO) -> pd.DataFrame:
    """Read the trade register (path or file-like), all columns as strings."""
    df = pd.read_csv(path, skiprows=SKIP_LINES, dtype=str, keep_default_na=False)
    if list(df.columns) != RAW_COLUMNS:
        raise ValueError(f"unexpected columns: {list(df.columns)}")
    return df


def _party(name: str, role: str) -> tuple[str, str]:
    """Name -> (iso3, nonstate slug); exactly one is non-empty."""
    if name in SIPRI_NAMES:
        return SIPRI_NAMES[name], ""
    if name in NONSTATE:
        return "", NONSTATE[name]
    if role == "recipient" and name.endswith("*"):
        return "", "armed_group_or_organisation"
    raise ValueError(f"{role} name with no ISO3 code or non-state slug: {name!r}")


def tidy(raw: pd.DataFrame, recipients: Iterable[str] = CSTO,
         years: Iterable[int] = YEARS) -> pd.DataFrame:
    """Deal x delivery-year rows -> yearly delivered TIV per recipient/supplier."""
    df = raw.copy()
    key = ["SIPRI AT Database ID", "Delivery year"]
    dup = df[df.duplicated(key, keep=False)]
    if not dup.empty:
        r = dup.iloc[0]
        raise ValueError(f"duplicate deal/delivery year: {r[key[0]]}/{r[key[1]]}")
    rec = [_party(n, "recipient") for n in df["Recipient"]]
    df["recipient"] = [r[0] for r in rec]
    df = df[df["recipient"].isin(list(recipients))].copy()  # explicit subset
    sup = [_party(n, "supplier") for n in df["Supplier"]]
    df["supplier"] = [s[0] or s[1] for s in sup]
    for col in ["Delivery year", "TIV delivery values"]:
        bad = df.loc[pd.to_numeric(df[col], errors="coerce").isna(), col]
        if not bad.empty:
            raise ValueError(f"non-numeric {col!r}: {bad.iloc[0]!r}")
    df["year"] = df["Delivery year"].astype(int)
    df["tiv"] = df["TIV delivery values"].astype(float)
    out_of_range = df[(df["tiv"] < 0) | (df["tiv"] > 10_000)]
    if not out_of_range.empty:
        r = out_of_range.iloc[0]
        raise ValueError(f"out-of-range TIV {r['TIV delivery values']!r} "
                         f"(deal {r['SIPRI AT Database ID']})")
    bad_year = df[(df["year"] < 1950) | (df["year"] > 2030)]
    if not bad_year.empty:
        raise ValueError(f"out-of-range delivery year {bad_year['year'].iloc[0]!r}")
    df = df[df["year"].isin(list(years))]
    df["estimated"] = ((df["Numbers delivered is estimate"] == "Yes")
                       | (df["Delivery year is estimate"] == "Yes"))
    out = (df.groupby(["recipient", "supplier", "year"], as_index=False)
             .agg(tiv_million=("tiv", "sum"),
                  n_deals=("SIPRI AT Database ID", "nunique"),
                  n_deals_estimated=("estimated", "sum")))
    out["tiv_million"] = out["tiv_million"].round(2)
    out["n_deals_estimated"] = out["n_deals_estimated"].astype(int)
    return out[COLUMNS].sort_values(
        ["recipient", "year", "supplier"]).reset_index(drop=True)


def main(argv: list[str] | None = None) -> int:
    """Import the trade register the arguments name, write arms_transfers.csv; returns 0."""
    ap = source_parser(__doc__, raw_help="path to trade_2023.csv",
                       mirror_help="git dir of the fetched mirror",
                       commit="e1b012d3a36856e9d17faa0b7c770a04c5ffaaf9")
    ap.add_argument("--out", default="data/")
    args = ap.parse_args(argv)
    df = tidy(read_raw(source_file(args, RAW_PATH_IN_REPO)))
    out = Path(args.out) / "arms_transfers.csv"
    write_csv(df, out, float_format="%.2f")
    print(f"wrote {out}: {len(df)} rows", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
