"""Import UN General Assembly roll-call votes (Voeten et al., via the R package
``unvotes``) and the Bailey-Strezhnev-Voeten ideal points / agreement scores
(June 2024 release) for the CSTO and NATO members (current and former) plus
Ukraine, China and India, 1992 onward.

Raw inputs (read straight from fetched git mirrors or from a directory):

* ``data/un_votes.rda``, ``data/un_roll_calls.rda``,
  ``data/un_roll_call_issues.rda`` from github.com/dgrtwo/unvotes at commit
  7eb7034314ff79c49c9e0785fcd9d216fa04cf14 (package data: Voeten's UNGA
  voting data, sessions 1-74, up to 2020-01-14).
* ``data/IdealpointestimatesAll_Jun2024.csv`` (BSV ideal points, sessions
  1-78) as copied in github.com/tongyu03/DSE3101-Predictive-Modelling-of-
  Global-Trade-Flows at commit 98ab7b673cf2c6415f6e86ba2e63eee0b51f07ae.

Outputs (LF, UTF-8, fixed column order, sorted rows):

* ``un_roll_calls.csv``: rcid, session, date, resolution, short_title,
  important_vote, issues -- every roll call dated 1992-01-01 or later.
* ``un_roll_call_votes.csv``: rcid, state, vote -- kept states only. The
  package records only yes / no / abstain; absences and non-membership are
  not rows (a missing (rcid, state) pair means absent, not voting, or not a
  member).
* ``un_agreement.csv``: state, session, year, ideal_point, agree_russia,
  agree_usa -- kept states, sessions 47 (1992) to the last in the file.

Harmonisation: the package's ISO 3166-1 alpha-2 codes are mapped to ISO3 with
the explicit table ``KEEP`` below (``data/country_codes.csv`` has no ISO2
column); the BSV file already carries ISO3 (``iso3c``), which is cross-checked
against its Correlates of War code (``ccode``) using ``data/country_codes.csv``
(iso3 -> cow_code; the ``KEEP`` table when that file is absent). Keeping only the listed
states is an explicit filter on that table; every code in the kept range is checked to be
well formed, and a kept state's name / COW code is cross-checked, so a state
can not drop out silently because of a changed code.

Run from the repository root::

    python -m tools.imports.unvotes --mirror GITDIR --bsv-mirror GITDIR --out data/
    python -m tools.imports.unvotes --raw /path/with/the/four/files --out data/

(GITDIR: a fetched bare mirror of the repository named above.) The BSV part is in
``tools/imports/bsv.py``, the kept states in ``tools/imports/un_states.py``; the copies used are
recorded in ``data/origins.csv``.
"""
from __future__ import annotations

import argparse
import hashlib
import math
import os
from pathlib import Path

import pandas as pd

from tools.imports.bsv import BSV_COMMIT, BSV_FILE, formatted, tidy_agreement
from tools.imports.common import as_int, git_show, read_rda, write_csv
from tools.imports.un_states import ISO2_TO_ISO3, KEEP

UNVOTES_COMMIT = "7eb7034314ff79c49c9e0785fcd9d216fa04cf14"
RDA_FILES = ("un_votes", "un_roll_calls", "un_roll_call_issues")

FIRST_DATE = "1992-01-01"   # roll calls kept: dated on or after this day


# unvotes issue codes -> (label in the package, slug written here)
ISSUES = {
    "me": ("Palestinian conflict", "palestinian_conflict"),
    "nu": ("Nuclear weapons and nuclear material", "nuclear_weapons"),
    "di": ("Arms control and disarmament", "arms_control"),
    "hr": ("Human rights", "human_rights"),
    "co": ("Colonialism", "colonialism"),
    "ec": ("Economic development", "economic_development"),
}
VOTES = ("yes", "no", "abstain")
TITLE_MAX = 150
_DESCR_TAIL = r"\s*:\s*resolution\s*/\s*adopted by the General Assembly\.?\s*$"

ROLL_CALL_COLUMNS = ["rcid", "session", "date", "resolution", "short_title",
                     "important_vote", "issues"]
VOTE_COLUMNS = ["rcid", "state", "vote"]


# --------------------------------------------------------------------------
# reading
# --------------------------------------------------------------------------
def read_raw(raw_dir: str | None = None, mirror: str | None = None,
             commit: str = UNVOTES_COMMIT, bsv_mirror: str | None = None,
             bsv_commit: str = BSV_COMMIT) -> dict:
    """Return {'votes', 'roll_calls', 'issues', 'ideal_points'} raw DataFrames
    plus 'sha256': {file name: hex digest of the raw bytes}.

    Either from ``raw_dir`` (holding the three .rda files and the BSV csv) or
    straight from the two git mirrors at the given commits."""
    import io

    blobs = {}
    for name in RDA_FILES:
        fname = f"{name}.rda"
        blobs[fname] = (Path(raw_dir, fname).read_bytes() if raw_dir
                        else git_show(mirror, commit, f"data/{fname}"))
    blobs[BSV_FILE] = (Path(raw_dir, BSV_FILE).read_bytes() if raw_dir
                       else git_show(bsv_mirror, bsv_commit, f"data/{BSV_FILE}"))
    out = {"sha256": {k: hashlib.sha256(v).hexdigest() for k, v in blobs.items()}}
    for name, key in zip(RDA_FILES, ("votes", "roll_calls", "issues")):
        # read_rda imports pyreadr, so the module itself imports with plain pandas
        out[key] = read_rda(blobs[f"{name}.rda"], name=name)
    # keep_default_na=False + explicit "NA": the file writes R's NA as NA
    out["ideal_points"] = pd.read_csv(io.BytesIO(blobs[BSV_FILE]),
                                      keep_default_na=False, na_values=["NA"])
    return out


# --------------------------------------------------------------------------
# tidying (pure)
# --------------------------------------------------------------------------


def _resolution(unres: str | float | None) -> str:
    """'R/68/262' -> 'A/RES/68/262'; 'A/RES/...' kept; empty stays empty."""
    if unres is None or (isinstance(unres, float) and math.isnan(unres)):
        return ""
    s = str(unres).strip()
    if s == "":
        return ""
    if s.startswith("A/RES/"):
        return s
    if s.startswith("R/"):
        return "A/RES/" + s[2:]
    raise ValueError(f"unres: unexpected resolution code {s!r}")


def _title(short: str | float | None, descr: str | float | None) -> str:
    """The package's short description; when empty, descr without the
    catalogue tail ' : resolution / adopted by the General Assembly', cut at a
    word boundary to at most TITLE_MAX characters (with an ellipsis)."""
    def clean(x: str | float | None) -> str:
        if x is None or (isinstance(x, float) and math.isnan(x)):
            return ""
        return " ".join(str(x).split())
    s = clean(short)
    if s:
        return s
    d = pd.Series([clean(descr)]).str.replace(_DESCR_TAIL, "", regex=True).iloc[0]
    if len(d) > TITLE_MAX:
        cut = d[:TITLE_MAX - 1]
        if " " in cut:
            cut = cut[:cut.rindex(" ")]
        d = cut.rstrip(" ,;:") + "\u2026"
    return d


def tidy_roll_calls(roll_calls: pd.DataFrame, issues: pd.DataFrame) -> pd.DataFrame:
    """Return the roll calls from FIRST_DATE on, checked, with resolution, title and issues."""
    rc = roll_calls.copy()
    rc["rcid"] = as_int(rc["rcid"], "rcid")
    dup = rc[rc["rcid"].duplicated()]
    if len(dup):
        raise ValueError(f"roll_calls: duplicate rcid {dup['rcid'].iloc[0]}")
    dates = pd.to_datetime(rc["date"].astype(str), format="%Y-%m-%d", errors="coerce")
    if dates.isna().any():
        raise ValueError(f"roll_calls: unreadable date {rc.loc[dates.isna(), 'date'].iloc[0]!r}")
    rc["date"] = dates.dt.strftime("%Y-%m-%d")
    rc = rc[rc["date"] >= FIRST_DATE].copy()          # explicit period filter
    rc["session"] = as_int(rc["session"], "session")
    bad = rc[(rc["session"] < 1) | (rc["session"] > 200)]
    if len(bad):
        raise ValueError(f"roll_calls: session out of range: {bad['session'].iloc[0]}")
    imp = pd.to_numeric(rc["importantvote"], errors="coerce")
    bad = rc.loc[imp.notna() & ~imp.isin([0, 1]), "importantvote"]
    if len(bad):
        raise ValueError(f"roll_calls: importantvote out of range: {bad.iloc[0]!r}")
    rc["important_vote"] = imp.map({1: "yes", 0: "no"}).fillna("")
    rc["resolution"] = rc["unres"].map(_resolution)
    rc["short_title"] = [_title(s, d) for s, d in zip(rc["short"], rc["descr"])]

    iss = issues.copy()
    iss["rcid"] = as_int(iss["rcid"], "issues rcid")
    iss["short_name"] = iss["short_name"].astype(str)
    unknown = iss[~iss["short_name"].isin(ISSUES)]
    if len(unknown):
        raise ValueError(f"issues: unknown issue code {unknown['short_name'].iloc[0]!r}")
    wrong = iss[[ISSUES[c][0] != str(lab) for c, lab in zip(iss["short_name"], iss["issue"])]]
    if len(wrong):
        raise ValueError(f"issues: code {wrong['short_name'].iloc[0]!r} has label "
                         f"{wrong['issue'].iloc[0]!r}")
    d = iss[iss.duplicated(["rcid", "short_name"])]
    if len(d):
        raise ValueError(f"issues: duplicate (rcid, issue) {d['rcid'].iloc[0]}, "
                         f"{d['short_name'].iloc[0]}")
    orphan = set(iss["rcid"]) - set(roll_calls["rcid"].astype("int64"))
    if orphan:
        raise ValueError(f"issues: rcid not among the roll calls: {min(orphan)}")
    order = list(ISSUES)
    iss["o"] = iss["short_name"].map(order.index)
    iss = iss.sort_values(["rcid", "o"])
    joined = (iss.groupby("rcid")["short_name"]
              .agg(lambda s: ";".join(ISSUES[c][1] for c in s)))
    rc["issues"] = rc["rcid"].map(joined).fillna("")
    return rc[ROLL_CALL_COLUMNS].sort_values("rcid").reset_index(drop=True)


def tidy_votes(votes: pd.DataFrame, roll_calls_tidy: pd.DataFrame) -> pd.DataFrame:
    """Return the kept states' checked votes on the kept roll calls, one row per (rcid, state)."""
    v = votes.copy()
    v["rcid"] = as_int(v["rcid"], "votes rcid")
    v = v[v["rcid"].isin(roll_calls_tidy["rcid"])].copy()   # the kept roll calls
    code = v["country_code"]
    bad = v[code.isna() | ~code.astype(str).str.fullmatch(r"[A-Z]{2}")]
    if len(bad):
        raise ValueError(f"votes: country {bad['country'].iloc[0]!r} has no usable code "
                         f"({bad['country_code'].iloc[0]!r})")
    v["country_code"] = code.astype(str)
    kept_names = {n for (_, n, _) in KEEP.values()}
    name_of = {c: n for (c, n, _) in KEEP.values()}
    expected = v["country_code"].map(name_of)
    # a kept state's name under another code, or a kept code under another name
    mism = v[(v["country"].isin(kept_names) & expected.isna())
             | (expected.notna() & (v["country"] != expected))]
    if len(mism):
        raise ValueError(f"votes: code/name mismatch for kept state: "
                         f"{mism['country'].iloc[0]!r} / {mism['country_code'].iloc[0]!r}")
    v = v[v["country_code"].isin(ISO2_TO_ISO3)].copy()      # explicit state filter
    v["state"] = v["country_code"].map(ISO2_TO_ISO3)
    v["vote"] = v["vote"].astype(str)
    bad = v[~v["vote"].isin(VOTES)]
    if len(bad):
        raise ValueError(f"votes: vote value out of range: {bad['vote'].iloc[0]!r}")
    d = v[v.duplicated(["rcid", "state"])]
    if len(d):
        raise ValueError(f"votes: duplicate (rcid, state) {d['rcid'].iloc[0]}, "
                         f"{d['state'].iloc[0]}")
    return v[VOTE_COLUMNS].sort_values(["rcid", "state"]).reset_index(drop=True)


def tidy(raw: dict, country_codes: pd.DataFrame | None = None) -> dict:
    """Raw frames (from read_raw) -> {'un_roll_calls', 'un_roll_call_votes',
    'un_agreement'} tidy frames."""
    rc = tidy_roll_calls(raw["roll_calls"], raw["issues"])
    return {
        "un_roll_calls": rc,
        "un_roll_call_votes": tidy_votes(raw["votes"], rc),
        "un_agreement": tidy_agreement(raw["ideal_points"], country_codes),
    }


# --------------------------------------------------------------------------
# writing
# --------------------------------------------------------------------------


def write(tables: dict, out_dir: str) -> None:
    """Write each table as ``<name>.csv`` in ``out_dir`` (the BSV scores as the file gives them,
    seven significant digits)."""
    os.makedirs(out_dir, exist_ok=True)
    for name, df in tables.items():
        shown = formatted(df) if name == "un_agreement" else df
        write_csv(shown, os.path.join(out_dir, f"{name}.csv"))


def main(argv: list[str] | None = None) -> None:
    """Import unvotes and the BSV scores from the copies the arguments name, write the tables."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    source = ap.add_mutually_exclusive_group(required=True)
    source.add_argument("--raw", help="directory holding the three .rda files and the BSV csv")
    source.add_argument("--mirror", help="git dir of a fetched mirror of dgrtwo/unvotes")
    ap.add_argument("--commit", default=UNVOTES_COMMIT)
    ap.add_argument("--bsv-mirror", help="git dir of a fetched mirror holding the BSV csv "
                    "(required with --mirror)")
    ap.add_argument("--bsv-commit", default=BSV_COMMIT)
    ap.add_argument("--out", default="data/")
    ap.add_argument("--country-codes", default="data/country_codes.csv",
                    help="iso3,cow_code table used to cross-check the BSV COW codes")
    a = ap.parse_args(argv)
    if a.mirror and not a.bsv_mirror:
        ap.error("--mirror needs --bsv-mirror")
    raw = read_raw(a.raw, a.mirror, a.commit, a.bsv_mirror, a.bsv_commit)
    for k, h in raw["sha256"].items():
        print(f"sha256 {h}  {k}")
    cc_path = Path(a.country_codes)
    cc = pd.read_csv(cc_path, keep_default_na=False) if cc_path.exists() else None
    print(f"country codes: {cc_path if cc is not None else 'not found, using KEEP table'}")
    tables = tidy(raw, cc)
    write(tables, a.out)
    for k, df in tables.items():
        print(f"{k}: {len(df)} rows")


if __name__ == "__main__":
    main()
