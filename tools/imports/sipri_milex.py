"""Import SIPRI military expenditure for the CSTO and NATO states, 1992-2024.

Source: SIPRI Military Expenditure Database, release of April 2025 (data for
1949-2024), workbook ``SIPRI-Milex-data-1949-2024_2.xlsx`` as copied in the
public GitHub repository shruti-01-narwat/Global_Military_Expenditure_Dashboard
(commit ce37e1454c8d4e14990dc9cafd9aea0a83f5c4f6).  The workbook's metadata
(modified 2025-04-30 by SIPRI staff) identify it as SIPRI's own file.

What it does
------------
* ``read_raw`` reads two sheets, "Constant (2023) US$" and "Share of GDP",
  cell by cell with openpyxl, because SIPRI marks estimates by FONT COLOUR
  (blue = SIPRI estimate, red = highly uncertain), which pandas cannot see.
  It returns one long, raw-like DataFrame: series, country, notes, year,
  value (number, or the sheet's marker string "..." / "xxx"), font_color.
* ``tidy`` (pure) maps SIPRI's country names to ISO3 through ``SIPRI_NAMES``
  (every name in the sheets must map, or ValueError), keeps the explicit list
  ``STATES`` (41 current/former CSTO and NATO members) and years 1992-2024,
  converts the share of GDP from SIPRI's stored FRACTION to PERCENT (x100),
  and returns one row per state-year (41 x 33 = 1353), values left empty
  where SIPRI has none.
* ``main`` writes ``data/milex.csv``.

Flag columns (``milex_flag``, ``share_flag``), derived from the sheet:
  ``estimate``        value present, printed in blue (SIPRI estimate)
  ``uncertain``       value present, printed in red (highly uncertain data)
  ``unavailable``     no value: SIPRI ". ." / "..." (data unavailable)
  ``not_independent`` no value: SIPRI "xxx" (country did not exist or was not
                      independent during all or part of the year)
  empty               value present, no mark.
``sipri_notes`` repeats SIPRI's country-level footnote marks from the
constant-dollar sheet (e.g. "†6": † = excludes military pensions; numbers
refer to the workbook's Footnotes sheet).

Precision: constant US$ m. rounded to 0.1 (SIPRI prints one decimal); share of
GDP in percent rounded to 4 decimals (keeps SIPRI's tiny early-1990s values
for Tajikistan non-zero).  Iceland's constant-dollar 0.0 is SIPRI's own value
(footnote 86: no military, thus no military expenditure), kept as 0.

Run from the repo root:
    python -m tools.imports.sipri_milex --mirror GITDIR --commit SHA --out data/
    python -m tools.imports.sipri_milex --raw path/to/SIPRI-Milex-data-1949-2024_2.xlsx
"""
from __future__ import annotations

import io
import os
import sys
from collections.abc import Collection, Iterable
from pathlib import Path

import pandas as pd

from tools.imports.common import source_file, source_parser, write_csv

RAW_PATH_IN_REPO = "SIPRI-Milex-data-1949-2024_2.xlsx"
SHEETS = {
    "constant_2023_usd": "Constant (2023) US$",
    "share_of_gdp": "Share of GDP",
}
HEADER_ROW = 6  # 1-based row holding "Country", ..., 1949.0 ... 2024.0
YEARS = range(1992, 2025)
BLUE, RED = "FF0000FF", "FFFF0000"
MISSING_MARKERS = {"...": "unavailable", ". .": "unavailable", "xxx": "not_independent"}

# Explicit subset: every current and former member of the CSTO and of NATO.
CSTO = ["ARM", "AZE", "BLR", "GEO", "KAZ", "KGZ", "RUS", "TJK", "UZB"]
NATO = ["ALB", "BEL", "BGR", "CAN", "HRV", "CZE", "DNK", "EST", "FIN", "FRA",
        "DEU", "GRC", "HUN", "ISL", "ITA", "LVA", "LTU", "LUX", "MNE", "NLD",
        "MKD", "NOR", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE", "TUR",
        "GBR", "USA"]
STATES = sorted(CSTO + NATO)

# Every country name used by the SIPRI milex workbook (2025 release) and the
# SIPRI arms-transfers trade register, mapped to ISO 3166-1 alpha-3.  Former
# states use ISO 3166-3 codes (SUN, CSK, DDR, YUG) or a documented project code
# (YAR = North Yemen, XKX = Kosovo, EUU = European Union); none is kept.
SIPRI_NAMES = {
    "Afghanistan": "AFG", "Albania": "ALB", "Algeria": "DZA", "Angola": "AGO",
    "Antigua and Barbuda": "ATG", "Argentina": "ARG", "Armenia": "ARM",
    "Australia": "AUS", "Austria": "AUT", "Azerbaijan": "AZE", "Bahamas": "BHS",
    "Bahrain": "BHR", "Bangladesh": "BGD", "Barbados": "BRB", "Belarus": "BLR",
    "Belgium": "BEL", "Belize": "BLZ", "Benin": "BEN", "Bhutan": "BTN",
    "Bolivia": "BOL", "Bosnia and Herzegovina": "BIH", "Bosnia-Herzegovina": "BIH",
    "Botswana": "BWA", "Brazil": "BRA", "Brunei": "BRN", "Bulgaria": "BGR",
    "Burkina Faso": "BFA", "Burundi": "BDI", "Cabo Verde": "CPV", "Cape Verde": "CPV",
    "Cambodia": "KHM", "Cameroon": "CMR", "Canada": "CAN",
    "Central African Republic": "CAF", "Chad": "TCD", "Chile": "CHL", "China": "CHN",
    "Colombia": "COL", "Comoros": "COM", "Congo": "COG", "Congo, Republic": "COG",
    "Congo, DR": "COD", "DR Congo": "COD", "Costa Rica": "CRI",
    "Cote d'Ivoire": "CIV", "Croatia": "HRV", "Cuba": "CUB", "Cyprus": "CYP",
    "Czechia": "CZE", "Czechoslovakia": "CSK", "Denmark": "DNK", "Djibouti": "DJI",
    "Dominican Republic": "DOM", "Ecuador": "ECU", "Egypt": "EGY",
    "El Salvador": "SLV", "Equatorial Guinea": "GNQ", "Eritrea": "ERI",
    "Estonia": "EST", "Eswatini": "SWZ", "eSwatini": "SWZ", "Ethiopia": "ETH",
    "European Union": "EUU", "Fiji": "FJI", "Finland": "FIN", "France": "FRA",
    "Gabon": "GAB", "Gambia": "GMB", "Gambia, The": "GMB", "Georgia": "GEO",
    "German Democratic Republic": "DDR", "Germany": "DEU", "Ghana": "GHA",
    "Greece": "GRC", "Guatemala": "GTM", "Guinea": "GIN", "Guinea-Bissau": "GNB",
    "Guyana": "GUY", "Haiti": "HTI", "Honduras": "HND", "Hungary": "HUN",
    "Iceland": "ISL", "India": "IND", "Indonesia": "IDN", "Iran": "IRN",
    "Iraq": "IRQ", "Ireland": "IRL", "Israel": "ISR", "Italy": "ITA",
    "Jamaica": "JAM", "Japan": "JPN", "Jordan": "JOR", "Kazakhstan": "KAZ",
    "Kenya": "KEN", "Kiribati": "KIR", "Korea, North": "PRK", "North Korea": "PRK",
    "Korea, South": "KOR", "South Korea": "KOR", "Kosovo": "XKX", "Kuwait": "KWT",
    "Kyrgyz Republic": "KGZ", "Kyrgyzstan": "KGZ", "Laos": "LAO", "Latvia": "LVA",
    "Lebanon": "LBN", "Lesotho": "LSO", "Liberia": "LBR", "Libya": "LBY",
    "Lithuania": "LTU", "Luxembourg": "LUX", "Madagascar": "MDG", "Malawi": "MWI",
    "Malaysia": "MYS", "Maldives": "MDV", "Mali": "MLI", "Malta": "MLT",
    "Mauritania": "MRT", "Mauritius": "MUS", "Mexico": "MEX", "Micronesia": "FSM",
    "Moldova": "MDA", "Mongolia": "MNG", "Montenegro": "MNE", "Morocco": "MAR",
    "Mozambique": "MOZ", "Myanmar": "MMR", "Namibia": "NAM", "Nepal": "NPL",
    "Netherlands": "NLD", "New Zealand": "NZL", "Nicaragua": "NIC", "Niger": "NER",
    "Nigeria": "NGA", "North Macedonia": "MKD", "Norway": "NOR", "Oman": "OMN",
    "Pakistan": "PAK", "Palau": "PLW", "Palestine": "PSE", "Panama": "PAN",
    "Papua New Guinea": "PNG", "Paraguay": "PRY", "Peru": "PER",
    "Philippines": "PHL", "Poland": "POL", "Portugal": "PRT", "Qatar": "QAT",
    "Romania": "ROU", "Russia": "RUS", "Rwanda": "RWA", "Samoa": "WSM",
    "Saudi Arabia": "SAU", "Senegal": "SEN", "Serbia": "SRB", "Seychelles": "SYC",
    "Sierra Leone": "SLE", "Singapore": "SGP", "Slovakia": "SVK", "Slovenia": "SVN",
    "Solomon Islands": "SLB", "Somalia": "SOM", "South Africa": "ZAF",
    "South Sudan": "SSD", "Spain": "ESP", "Sri Lanka": "LKA", "Sudan": "SDN",
    "Suriname": "SUR", "Sweden": "SWE", "Switzerland": "CHE", "Syria": "SYR",
    "Taiwan": "TWN", "Tajikistan": "TJK", "Tanzania": "TZA", "Thailand": "THA",
    "Timor Leste": "TLS", "Timor-Leste": "TLS", "Togo": "TGO", "Tonga": "TON",
    "Trinidad and Tobago": "TTO", "Tunisia": "TUN", "Türkiye": "TUR",
    "Turkiye": "TUR", "Turkmenistan": "TKM", "Tuvalu": "TUV", "UAE": "ARE",
    "United Arab Emirates": "ARE", "Uganda": "UGA", "Ukraine": "UKR",
    "United Kingdom": "GBR", "United States": "USA",
    "United States of America": "USA", "Uruguay": "URY", "USSR": "SUN",
    "Uzbekistan": "UZB", "Vanuatu": "VUT", "Venezuela": "VEN", "Viet Nam": "VNM",
    "Western Sahara": "ESH", "Yemen": "YEM", "Yemen, North": "YAR",
    "Yugoslavia": "YUG", "Zambia": "ZMB", "Zimbabwe": "ZWE",
}

COLUMNS = ["state", "year", "milex_constant_2023_usd_million", "milex_flag",
           "milex_share_of_gdp_percent", "share_flag", "sipri_notes"]


def read_raw(path: str | os.PathLike | io.BytesIO) -> pd.DataFrame:
    """Read the two sheets cell by cell (values and font colours).

    ``path`` is a filesystem path or a binary file-like object.  Region and
    sub-region heading rows (no cell filled in any year column) are skipped;
    every other row is returned, one row per (series, country, year).
    """
    import openpyxl  # imported here so the module imports with pandas alone

    wb = openpyxl.load_workbook(path, read_only=False, data_only=True)
    records = []
    for series, sheet in SHEETS.items():
        ws = wb[sheet]
        header = [c.value for c in ws[HEADER_ROW]]
        if header[0] != "Country" or "Notes" not in header:
            raise ValueError(f"unexpected header in sheet {sheet!r}: {header[:4]}")
        notes_col = header.index("Notes")
        year_cols = {i: int(h) for i, h in enumerate(header) if isinstance(h, (int, float))}
        for row in ws.iter_rows(min_row=HEADER_ROW + 1):
            name = row[0].value
            if name is None or all(row[i].value is None for i in year_cols):
                continue
            notes = row[notes_col].value
            for i, year in year_cols.items():
                cell = row[i]
                color = cell.font.color
                rgb = color.rgb if color is not None and color.type == "rgb" else ""
                records.append({
                    "series": series, "country": str(name).strip(),
                    "notes": "" if notes is None else str(notes).strip(),
                    "year": year, "value": cell.value, "font_color": rgb,
                })
    return pd.DataFrame.from_records(
        records, columns=["series", "country", "notes", "year", "value", "font_color"])


def _cell(value: float | str | None, color: str, series: str, country: str,
          year: int) -> tuple[float | None, str]:
    """Return (number or None, flag) for one raw cell; raise on anything odd."""
    if value is None:
        return None, "unavailable"
    if isinstance(value, str):
        v = value.strip()
        if v in MISSING_MARKERS:
            return None, MISSING_MARKERS[v]
        raise ValueError(f"unknown cell value {value!r} for {country} {year} ({series})")
    number = float(value)
    if series == "constant_2023_usd" and not 0 <= number <= 2_000_000:
        raise ValueError(f"out-of-range milex {number!r} for {country} {year}")
    if series == "share_of_gdp" and not 0 <= number <= 1:
        raise ValueError(f"out-of-range share of GDP {number!r} for {country} {year}")
    flag = {BLUE: "estimate", RED: "uncertain"}.get(color, "")
    return number, flag


def tidy(raw: pd.DataFrame, states: Collection[str] = STATES,
         years: Iterable[int] = YEARS) -> pd.DataFrame:
    """Raw long cells -> one row per (state, year), fixed columns, sorted."""
    raw = raw.copy()
    unknown = sorted(set(raw["country"]) - set(SIPRI_NAMES))
    if unknown:
        raise ValueError(f"SIPRI country name(s) with no ISO3 code: {unknown}")
    raw["state"] = raw["country"].map(SIPRI_NAMES)
    dup = raw[raw.duplicated(["series", "state", "year"], keep=False)]
    if not dup.empty:
        first = dup.iloc[0]
        raise ValueError(f"duplicate key {first['series']}/{first['state']}/{first['year']} "
                         f"(names: {sorted(set(dup['country']))})")
    years = list(years)
    raw = raw[raw["state"].isin(states) & raw["year"].isin(years)]  # explicit subset
    out = pd.DataFrame([(s, y) for s in sorted(states) for y in years],
                       columns=["state", "year"])
    for series, vcol, fcol, scale, ndig in [
        ("constant_2023_usd", "milex_constant_2023_usd_million", "milex_flag", 1.0, 1),
        ("share_of_gdp", "milex_share_of_gdp_percent", "share_flag", 100.0, 4),
    ]:
        part = raw[raw["series"] == series]
        cells = {}
        for r in part.itertuples(index=False):
            num, flag = _cell(r.value, r.font_color, series, r.country, r.year)
            cells[(r.state, r.year)] = (None if num is None else round(num * scale, ndig), flag)
        # a state-year absent from the sheet is missing too, and said so
        out[vcol] = [cells.get((s, y), (None, "absent"))[0] for s, y in zip(out.state, out.year)]
        out[fcol] = [cells.get((s, y), (None, "absent"))[1] for s, y in zip(out.state, out.year)]
    notes = (raw[raw["series"] == "constant_2023_usd"].drop_duplicates("state")
             .set_index("state")["notes"])
    out["sipri_notes"] = out["state"].map(notes).fillna("")
    out["year"] = out["year"].astype(int)
    for col in ["milex_constant_2023_usd_million", "milex_share_of_gdp_percent"]:
        out[col] = pd.to_numeric(out[col]).astype("Float64")
    return out[COLUMNS].sort_values(["state", "year"]).reset_index(drop=True)


def main(argv: list[str] | None = None) -> int:
    """Import the SIPRI workbook the arguments name, write milex.csv; returns 0."""
    ap = source_parser(__doc__, raw_help="path to SIPRI-Milex-data-1949-2024_2.xlsx",
                       mirror_help="git dir of the fetched mirror",
                       commit="ce37e1454c8d4e14990dc9cafd9aea0a83f5c4f6")
    ap.add_argument("--out", default="data/")
    args = ap.parse_args(argv)
    df = tidy(read_raw(source_file(args, RAW_PATH_IN_REPO)))
    out = Path(args.out) / "milex.csv"
    write_csv(df, out)
    print(f"wrote {out}: {len(df)} rows", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
