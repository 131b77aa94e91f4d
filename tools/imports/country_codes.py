"""Build data/country_codes.csv: ISO3 -> COW and Gleditsch-Ward state codes.

One row per state in data/states.csv with columns
``iso3, cow_code, cow_letter, gw_code, note``.

Codes are re-derived from the code table shipped in the PyPI ``countrycode``
package (Arel-Bundock, Enevoldsen & Yetman, "countrycode: An R package to
convert country names and country codes", JOSS 2018; GPL-3). Only the four
fields needed here are read at build time; none of the package's files are
copied into the repository. The COW and GW codes themselves are the work of
the Correlates of War Project (State System Membership, v2016) and of
Gleditsch & Ward (1999, updated list). With ``--mirror`` the result is
cross-checked against the COW and GW state lists carried by the
peacesciencer R package (``data/cow_states.rda``, ``data/gw_states.rda``).

``countrycode`` maps present-day ISO3 codes only; one state needs a manual
code (SRB, whose COW code 345 is filed under "Yugoslavia"), recorded in
``OVERRIDES`` with its reason. ``tidy`` raises ``ValueError`` naming any ISO3
that maps to nothing (and is not in ``NO_CODE``), any duplicated ISO3, and any
code outside the COW/GW numeric range.

Run from the repo root::

    python -m tools.imports.country_codes                # uses installed countrycode
    python -m tools.imports.country_codes --mirror GITDIR --commit SHA   # + cross-check
"""
from __future__ import annotations

import argparse
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from tools.imports.common import git_show, read_rda, write_csv

COLUMNS = ["iso3", "cow_code", "cow_letter", "gw_code", "note"]
#: Columns of :func:`extra_states`.
EXTRA_COLUMNS = ["iso3", "name", "iso_numeric", "region", "cow_code", "cow_letter", "gw_code"]

# ISO3 -> (cow_code, cow_letter, gw_code) used instead of countrycode's value.
OVERRIDES: dict[str, tuple[int, str, int]] = {
    # countrycode maps no ISO3 to COW 345 (it files 345 under the historical
    # "Yugoslavia"); COW's state list continues 345 through FRY (1992-2003),
    # Serbia and Montenegro (2003-06) and Serbia (2006-).
    "SRB": (345, "YUG", 340),
    # Withdrawn ISO 3166 codes (ISO 3166-3) of states that ATOP's alliances name; countrycode
    # keys neither on an ISO3 code. Codes from the COW and GW state lists.
    "CSK": (315, "CZE", 315),
    "DDR": (265, "GDR", 265),
    # countrycode gives GW 817 (the Republic of Vietnam, to 1975) for VNM; the GW list continues
    # the Democratic Republic of Vietnam as 816, as COW does.
    "VNM": (816, "DRV", 816),
}

#: States that no longer exist: checked against the whole COW and GW lists, not the current ones.
HISTORICAL = {"CSK", "DDR"}

# States that legitimately have no COW/GW code (iso3 -> reason). None of the
# 57 states in data/states.csv needs it today.
NO_CODE: dict[str, str] = {
    iso: "Microstate: in the COW state list, not in the Gleditsch-Ward list (no GW code)."
    for iso in ("AND", "ATG", "DMA", "GRD", "KIR", "KNA", "LCA", "LIE", "MCO", "SMR", "TUV", "VCT")
}

NOTES: dict[str, str] = {
    "RUS": "COW 365 and GW 365 cover the Russian Empire, the USSR (to 1991-12-25) and the Russian "
           "Federation as one state.",
    "SRB": "COW 345 'Yugoslavia' continues as FRY 1992-2003, Serbia and Montenegro 2003-06, "
           "Serbia 2006-; "
           "GW uses 345 Yugoslavia to 2006-06-04 and 340 Serbia from 2006-06-05. "
           "countrycode gives no COW code for SRB: 345/YUG taken from the COW state list.",
    "DEU": "COW: 255 GMY for Germany to 1945 and again from 1990-10-03 (260 GFR 1955-90, 265 GDR "
           "1954-90); "
           "GW: 260 GFR continues as unified Germany from 1949 (255 only to 1945). Datasets coded "
           "in GW (UCDP) use 260.",
    "CZE": "316 CZR from 1993-01-01 in COW and GW; Czechoslovakia (to 1992-12-31) is 315 CZE, a "
           "different state.",
    "SVK": "317 SLO from 1993-01-01 (Czechoslovakia 315 before).",
    "MKD": "343 MAC ('Macedonia'): COW from 1993-04-08, GW from 1991-11-20.",
    "MNE": "341 MNG from 2006 (COW 2006-06-12, GW 2006-06-03); part of Yugoslavia 345 before.",
    "HRV": "344 CRO from 1992 (COW 1992-01-15, GW 1992-04-27); part of Yugoslavia 345 before.",
    "SVN": "349 SLV from 1992 (COW 1992-01-15, GW 1992-04-27); part of Yugoslavia 345 before.",
    "ROU": "COW letter ROM; GW letter is RUM.",
    "AUT": "COW letter AUS is Austria (Australia is AUL).",
    "EST": "366: 1918-40 and again from 1991-09-06; inside USSR (365) in between.",
    "LVA": "367: 1918-40 and again from 1991-09-06; inside USSR (365) in between.",
    "LTU": "368: 1918-40 and again from 1991-09-06; inside USSR (365) in between.",
}
_POST_SOVIET_1991 = ["ARM", "AZE", "BLR", "GEO", "KAZ", "KGZ", "MDA", "TJK", "TKM", "UKR", "UZB"]
for _iso in _POST_SOVIET_1991:
    NOTES.setdefault(_iso,
                     "Independent state from 1991 (COW start 1991-12-26; GW start date varies by "
                     "state); part of USSR (365) before.")


def read_raw(path: str | Path | None = None) -> pd.DataFrame:
    """Read the countrycode package's code table (iso3c, cown, cowc, gwn).

    ``path``: a codelist.pickle; default the one in the installed package.
    """
    import pickle

    if path is None:
        import countrycode  # GPL-3; read, never vendored

        path = Path(countrycode.__file__).parent / "data" / "codelist.pickle"
    with open(path, "rb") as f:
        d = pickle.load(f)
    return pd.DataFrame({"iso3c": d["iso3c"], "cown": d["cown"], "cowc": d["cowc"],
                         "gwn": d["gwn"]})


def _code(v: float | None, iso: str, field: str) -> int | None:
    if v is None or pd.isna(v):
        return None
    f = float(v)
    if f != int(f) or not (2 <= f <= 999):
        raise ValueError(f"{iso}: {field} out of range: {v!r}")
    return int(f)


def tidy(codelist: pd.DataFrame, states: pd.DataFrame) -> pd.DataFrame:
    """Map every ISO3 in ``states`` (column iso3) to COW/GW codes. Pure."""
    isos = list(states["iso3"])
    dup = sorted({i for i in isos if isos.count(i) > 1})
    if dup:
        raise ValueError(f"duplicated iso3 in states: {', '.join(dup)}")
    cl = codelist[codelist["iso3c"].notna()]
    rows, unmapped = [], []
    for iso in isos:
        hit = cl[cl["iso3c"] == iso]
        if len(hit) > 1:
            raise ValueError(f"iso3 {iso} appears {len(hit)} times in the code table")
        if iso in OVERRIDES:
            cow, letter, gw = OVERRIDES[iso]
        elif len(hit) == 1:
            r = hit.iloc[0]
            cow = _code(r["cown"], iso, "cown")
            gw = _code(r["gwn"], iso, "gwn")
            letter = None if pd.isna(r["cowc"]) else str(r["cowc"])
        else:
            cow = letter = gw = None
        for field, v in (("cow_code", cow), ("gw_code", gw)):
            if v is not None:
                _code(v, iso, field)
        if letter is not None and not (len(letter) == 3 and letter.isalpha() and letter.isupper()):
            raise ValueError(f"{iso}: cow_letter out of range: {letter!r}")
        if (cow is None or gw is None or letter is None) and iso not in NO_CODE:
            unmapped.append(iso)
            continue
        note = NOTES.get(iso, NO_CODE.get(iso, ""))
        rows.append({"iso3": iso, "cow_code": cow, "cow_letter": letter, "gw_code": gw,
                     "note": note})
    if unmapped:
        raise ValueError(f"iso3 mapping to no COW/GW code: {', '.join(unmapped)}")
    out = pd.DataFrame(rows, columns=COLUMNS)
    for c in ("cow_code", "gw_code"):
        out[c] = out[c].astype("Int64")
    return out.sort_values("iso3").reset_index(drop=True)


def cross_check(codes: pd.DataFrame, cow_states: pd.DataFrame,
                gw_states: pd.DataFrame) -> list[str]:
    """Return problems: a code/letter absent from, or not current in, the COW/GW lists."""
    problems = []
    cow_cur = cow_states[cow_states["endyear"] >= 2016]
    gw_cur = gw_states[gw_states["enddate"].astype(str) >= "2017-12-31"]
    for r in codes.itertuples():
        cow_in = cow_states if r.iso3 in HISTORICAL else cow_cur
        gw_in = gw_states if r.iso3 in HISTORICAL else gw_cur
        if pd.notna(r.cow_code):
            m = cow_in[cow_in["ccode"] == r.cow_code]
            if m.empty:
                problems.append(f"{r.iso3}: COW {r.cow_code} not a current state in COW list")
            elif r.cow_letter not in set(m["stateabb"]):
                problems.append(f"{r.iso3}: COW letter {r.cow_letter} != "
                                f"{sorted(set(m['stateabb']))}")
        if pd.notna(r.gw_code) and gw_in[gw_in["gwcode"] == r.gw_code].empty:
            problems.append(f"{r.iso3}: GW {r.gw_code} not a current state in GW list")
    return problems


def extra_states(cow_codes: Iterable[int], known: Iterable[int]) -> pd.DataFrame:
    """The states of ``cow_codes`` not among the ``known`` COW codes, in the layout of
    ``data/states.csv`` plus their codes, via countrycode (GPL-3; the codes are re-derived facts).
    The ATOP import uses it for the members of alliances outside data/states.csv
    (``tools/imports/atop.extra_states.csv``)."""
    from countrycode import countrycode as cc  # optional dependency

    codes = sorted(int(c) for c in set(cow_codes) - set(known))
    manual = {  # withdrawn ISO 3166-3 codes for COW states that no longer exist
        265: ("DDR", "German Democratic Republic", 278, "GDR", 265),
        315: ("CSK", "Czechoslovakia", 200, "CZE", 315),
    }
    names = {"&": "and", "St. ": "Saint ", "Congo - Brazzaville": "Congo",
             "Myanmar (Burma)": "Myanmar",
             "Saint Vincent and Grenadines": "Saint Vincent and the Grenadines"}
    rows = []
    for c in codes:
        if c in manual:
            iso3, name, num, letter, gw = manual[c]
        else:
            iso3 = cc([c], "cown", "iso3c")[0]
            name = cc([c], "cown", "country.name.en")[0]
            num = cc([c], "cown", "iso3n")[0]
            letter = cc([c], "cown", "cowc")[0]
            gw = cc([c], "cown", "gwn")[0]
            if not isinstance(iso3, str):
                raise ValueError(f"countrycode has no ISO3 for COW code {c}")
            for k, v in names.items():
                name = name.replace(k, v)
        # region from the COW numbering blocks
        region = ("north_america" if c < 100 else "other" if c < 200 else "europe" if c < 400
                  else "other" if c < 600 else "middle_east" if c < 700 else "asia" if c < 900
                  else "other")
        rows.append({"iso3": iso3, "name": name, "iso_numeric": int(num), "region": region,
                     "cow_code": c, "cow_letter": letter,
                     "gw_code": "" if gw is None or pd.isna(gw) else int(gw)})
    return pd.DataFrame(rows, columns=EXTRA_COLUMNS).sort_values("iso3").reset_index(drop=True)


def main(argv: list[str] | None = None) -> None:
    """Map the states to COW/GW codes, cross-check them if a mirror is named, write the table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--raw", help="countrycode codelist.pickle (default: installed package)")
    ap.add_argument("--mirror", help="peacesciencer git dir, for the COW/GW cross-check")
    ap.add_argument("--commit", default="fe150a2648056fbd4fbbbd833f0c9e437b2ed04b")
    ap.add_argument("--states", default="data/states.csv")
    ap.add_argument("--out", default="data/")
    a = ap.parse_args(argv)
    codes = tidy(read_raw(a.raw), pd.read_csv(a.states))
    if a.mirror:
        cow = read_rda(git_show(a.mirror, a.commit, "data/cow_states.rda"))
        gw = read_rda(git_show(a.mirror, a.commit, "data/gw_states.rda"))
        problems = cross_check(codes, cow, gw)
        if problems:
            raise ValueError("cross-check failed: " + "; ".join(problems))
    out = Path(a.out) / "country_codes.csv"
    write_csv(codes, out)
    print(f"wrote {out}: {len(codes)} rows")


if __name__ == "__main__":
    main()
