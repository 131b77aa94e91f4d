"""Import ATOP (Alliance Treaty Obligations and Provisions) alliances of Russia and the US.

What it does
------------
Reads the ATOP v4.01 member-level and alliance-level CSV files (copies kept in the public
repository joshuaalley/arms-allies) and keeps, by an explicit filter, every ATOP alliance
(``atopid``) of which Russia (COW 365) or the United States (COW 2) is a member with membership
running in 1992 or later, or which is still in force in 1992 (``ANCHORS``, ``FROM_YEAR``).
It writes

* ``data/atop_alliances.csv``: one row per kept alliance (dates, obligations, version);
* ``data/atop_members.csv``: one row per member spell of those alliances (ISO3 + COW code).

ATOP v4.01 ends in 2016: an empty end date means "in force at the end of 2016". The ATOP v5.1
directed dyad-year file (as shipped in the R package peacesciencer, ``data/atop_alliance.rda``)
runs to 2018; it is used to flag, per alliance, whether every Russia/US dyad of an alliance in
force in 2016 is still there, with the same obligations, in 2018 (``v51_consistent_2018``). The
audits of the import (v5.1 against v4.01 dyad by dyad, ATOP against the curated memberships) are
in ``tools/imports/atop_audit.py``.

COW codes are mapped to ISO3 with ``data/country_codes.csv``; states outside data/states.csv
come from ``tools/imports/atop.extra_states.csv`` (built once with the countrycode package by
``--make-extra-states``; countrycode is GPL-3, the codes are re-derived facts, with credit) and
one documented alias (COW 260, West Germany -> DEU, the project's convention in
memberships.csv). A code that maps to nothing raises ValueError.

Credit: ATOP data by Brett Ashley Leeds et al. (Leeds, Ritter, Mitchell & Long 2002,
International Interactions 28: 237-260), http://www.atopdata.org/ . The v5.1 dyad-year copy was
re-exported from peacesciencer (Steven V. Miller, GPL-2) as ATOP data, not as package files.
The copies used (repositories, commits, file hashes) are recorded in ``data/origins.csv``.

Usage (from the repository root; GITDIR is a fetched bare mirror of the repository named)::

    python -m tools.imports.atop --mirror GITDIR --commit SHA \
        --v51-mirror GITDIR --v51-commit SHA --out data/

``--raw-members/--raw-alliances/--raw-v51`` read local files instead of a mirror.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import sys
from pathlib import Path

import pandas as pd

from analysis.data.paths import ROOT
from tools.imports.common import git_show, read_rda, write_csv
from tools.imports.country_codes import extra_states

#: Where this script's companion files are (the extra-states list, the audit's findings).
HERE = Path(__file__).resolve().parent

ANCHORS = {2: "USA", 365: "RUS"}  # COW codes of the states whose alliances are kept
FROM_YEAR = 1992  # keep alliances with an anchor membership running in or after this year
V401_END = 2016  # last year covered by ATOP v4.01
V51_END = 2018  # last year covered by ATOP v5.1
ATOP_VERSION = "4.01"
OBLIGATIONS = ("defense", "offense", "neutral", "nonagg", "consul")
# COW codes that are not in country_codes.csv but map onto a project state by convention.
COW_ALIASES = {260: "DEU"}  # German Federal Republic 1955-90; memberships.csv files it as DEU
# Project organizations (data/organizations.csv) identified with ATOP alliances by matching
# dates (see tools/imports/README.md): organization -> (atopid, phase or None for all phases).
ORG_LINKS = {
    "CST": (4220, 1),
    "CSTO": (4220, 2),
    "NATO": (3180, None),
    "CIS": (4400, 0),
    "SCO": (4810, 2),
    "UNION_STATE": (4865, 2),
}

ALLIANCE_COLUMNS = [
    "atopid", "name", "organization", "begin_date", "begin_year", "end_date", "end_year",
    "bilateral", "phases", *OBLIGATIONS, "anchor_members", "n_members",
    "v51_consistent_2018", "atop_version",
]
MEMBER_COLUMNS = [
    "atopid", "phase", "state", "cow_code", "member_begin", "member_end", *OBLIGATIONS,
]
#: What read_raw returns: members, alliances, v5.1 dyads (None if not read), bytes by file name.
RawATOP = tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame | None, dict[str, bytes]]


# --------------------------------------------------------------------------- reading
def read_raw(members: str | os.PathLike | None = None, alliances: str | os.PathLike | None = None,
             v51: str | os.PathLike | None = None, mirror: str | None = None,
             commit: str | None = None, v51_mirror: str | None = None,
             v51_commit: str | None = None) -> RawATOP:
    """Read the raw files; returns (members, alliances, v51 dyads or None, {name: bytes})."""
    blobs = {}
    if mirror:
        blobs["atop-member-level.csv"] = git_show(mirror, commit, "data/atop-member-level.csv")
        blobs["atop-alliance-level.csv"] = git_show(mirror, commit, "data/atop-alliance-level.csv")
    else:
        blobs["atop-member-level.csv"] = Path(members).read_bytes()
        blobs["atop-alliance-level.csv"] = Path(alliances).read_bytes()
    if v51_mirror:
        blobs["atop_alliance.rda"] = git_show(v51_mirror, v51_commit, "data/atop_alliance.rda")
    elif v51:
        blobs["atop_alliance.rda"] = Path(v51).read_bytes()
    m = pd.read_csv(io.BytesIO(blobs["atop-member-level.csv"]))
    a = pd.read_csv(io.BytesIO(blobs["atop-alliance-level.csv"]))
    d = None
    if "atop_alliance.rda" in blobs:  # pyreadr, only needed for the v5.1 cross-check
        d = read_rda(blobs["atop_alliance.rda"], name="atop_alliance")
        d = d.rename(columns=lambda c: c.replace("atop_", ""))
        d = d.astype("int64")
    return m, a, d, blobs


def read_codes(root: Path = ROOT) -> pd.DataFrame:
    """COW code -> ISO3 from data/country_codes.csv, the extra-states list and COW_ALIASES."""
    cc = pd.read_csv(root / "data" / "country_codes.csv", usecols=["iso3", "cow_code"])
    parts = [cc]
    extra = HERE / "atop.extra_states.csv"
    if extra.exists():
        parts.append(pd.read_csv(extra, usecols=["iso3", "cow_code"]))
    parts.append(pd.DataFrame({"iso3": list(COW_ALIASES.values()),
                               "cow_code": list(COW_ALIASES.keys())}))
    return pd.concat(parts, ignore_index=True)


# --------------------------------------------------------------------------- helpers
def _fmt_date(y: float, m: float, d: float) -> str:
    """ATOP year/month/day -> 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; year 0 means none (empty)."""
    if pd.isna(y) or int(y) == 0:
        return ""
    out = f"{int(y):04d}"
    if pd.isna(m) or int(m) == 0:
        return out
    out += f"-{int(m):02d}"
    if pd.isna(d) or int(d) == 0:
        return out
    return out + f"-{int(d):02d}"


def code_map(codes: pd.DataFrame) -> dict:
    """COW code -> ISO3; raises ValueError for a code mapped to two ISO3 codes."""
    codes = codes.dropna(subset=["cow_code"]).drop_duplicates()
    dup = codes[codes.duplicated("cow_code", keep=False)]
    if len(dup):
        raise ValueError(f"COW code mapped to more than one ISO3: {sorted(set(dup.cow_code))}")
    return dict(zip(codes.cow_code.astype(int), codes.iso3))


def _check_range(df: pd.DataFrame, col: str, lo: int, hi: int, allow_zero: bool = False,
                 allow_na: bool = False) -> None:
    """Raise ValueError unless every ``df[col]`` is in [lo, hi] (or 0, or NaN, where allowed)."""
    s = df[col]
    bad = s.isna() if not allow_na else pd.Series(False, index=s.index)
    v = s.fillna(lo)
    ok = v.between(lo, hi) | ((v == 0) if allow_zero else False)
    bad = bad | ~ok
    if bad.any():
        raise ValueError(f"{col} out of range [{lo}, {hi}]: {s[bad].tolist()[:5]}")


def select_alliances(members_raw: pd.DataFrame, alliances_raw: pd.DataFrame) -> list:
    """Explicit filter: atopids with an anchor member whose spell runs in/after FROM_YEAR,
    or in force in FROM_YEAR with an anchor member at any time."""
    m = members_raw
    anchor = m[m.member.isin(list(ANCHORS))]
    by_member = set(anchor[(anchor.yrexit == 0) | (anchor.yrexit >= FROM_YEAR)].atopid)
    a = alliances_raw[alliances_raw.atopid.isin(set(anchor.atopid))]
    in_force = set(a[(a.begyr <= FROM_YEAR) & ((a.endyr == 0) | (a.endyr >= FROM_YEAR))].atopid)
    return sorted(int(x) for x in by_member | in_force)


# --------------------------------------------------------------------------- tidy
def tidy(members_raw: pd.DataFrame, alliances_raw: pd.DataFrame, codes: pd.DataFrame,
         data_end: int = V401_END) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Pure: raw ATOP member- and alliance-level frames -> (alliances, members) tables."""
    ids = select_alliances(members_raw, alliances_raw)
    m = members_raw[members_raw.atopid.isin(ids)].copy()
    a = alliances_raw[alliances_raw.atopid.isin(ids)].copy()
    missing = sorted(set(ids) - set(a.atopid))
    if missing:
        raise ValueError(f"atopid in member-level file but not in alliance-level file: {missing}")
    if a.atopid.duplicated().any():
        raise ValueError(f"duplicate atopid: {sorted(set(a.atopid[a.atopid.duplicated()]))}")
    # ranges
    for df in (m, a):
        for col in OBLIGATIONS:
            bad = ~df[col].isin([0, 1])
            if bad.any():
                raise ValueError(f"{col} not 0/1: {df.loc[bad, col].tolist()[:5]}")
    _check_range(m, "yrent", 1815, data_end)
    _check_range(m, "yrexit", 1815, data_end, allow_zero=True)
    _check_range(m, "moent", 1, 12, allow_zero=True, allow_na=True)
    _check_range(m, "moexit", 1, 12, allow_zero=True, allow_na=True)
    _check_range(m, "dayent", 1, 31, allow_zero=True, allow_na=True)
    _check_range(m, "dayexit", 1, 31, allow_zero=True, allow_na=True)
    _check_range(a, "begyr", 1815, data_end)
    _check_range(a, "endyr", 1815, data_end, allow_zero=True)
    bad = (m.yrexit != 0) & (m.yrexit < m.yrent)
    if bad.any():
        early = m.loc[bad, ["atopid", "member"]].values.tolist()
        raise ValueError(f"member exit before entry: {early}")
    # codes
    cmap = code_map(codes)
    unmapped = sorted(set(int(c) for c in m.member) - set(cmap))
    if unmapped:
        raise ValueError(f"COW code maps to no ISO3: {unmapped}")
    members = pd.DataFrame({
        "atopid": m.atopid.astype(int),
        "phase": m.phase.astype(int),
        "state": [cmap[int(c)] for c in m.member],
        "cow_code": m.member.astype(int),
        "member_begin": [_fmt_date(*r) for r in m[["yrent", "moent", "dayent"]].values],
        "member_end": [_fmt_date(*r) for r in m[["yrexit", "moexit", "dayexit"]].values],
        **{o: m[o].astype(int) for o in OBLIGATIONS},
    })
    key = ["atopid", "phase", "cow_code", "member_begin"]
    dup = members[members.duplicated(key, keep=False)]
    if len(dup):
        raise ValueError(f"duplicate member key {key}: {dup[key].values.tolist()}")
    members = members.sort_values(["atopid", "phase", "member_begin", "state", "cow_code"])
    members = members[MEMBER_COLUMNS].reset_index(drop=True)

    orgs = {}
    for org, (aid, _phase) in ORG_LINKS.items():
        orgs.setdefault(aid, []).append(org)
    anchors = m[m.member.isin(list(ANCHORS))].groupby("atopid").member.agg(
        lambda s: ";".join(sorted({ANCHORS[int(x)] for x in s})))
    n_members = m.groupby("atopid").member.nunique()
    alliances = pd.DataFrame({
        "atopid": a.atopid.astype(int),
        "name": "",  # ATOP's numeric files carry no alliance names; none invented
        "organization": [";".join(orgs.get(int(x), [])) for x in a.atopid],
        "begin_date": [_fmt_date(*r) for r in a[["begyr", "begmo", "begday"]].values],
        "begin_year": a.begyr.astype(int),
        "end_date": [_fmt_date(*r) for r in a[["endyr", "endmo", "endday"]].values],
        "end_year": a.endyr.astype(int).where(a.endyr != 0).astype("Int64"),
        "bilateral": a.bilat.astype(int),
        "phases": a.maxphase.astype(int),
        **{o: a[o].astype(int) for o in OBLIGATIONS},
        "anchor_members": [anchors[int(x)] for x in a.atopid],
        "n_members": [int(n_members[int(x)]) for x in a.atopid],
        "v51_consistent_2018": pd.array([pd.NA] * len(a), dtype="Int64"),
        "atop_version": ATOP_VERSION,
    })
    alliances = alliances.sort_values("atopid")[ALLIANCE_COLUMNS].reset_index(drop=True)
    return alliances, members


# --------------------------------------------------------------------------- v5.1 flag
def v51_anchor_dyads(dyads: pd.DataFrame) -> pd.DataFrame:
    """Non-directed obligations of every anchor dyad-year in the v5.1 directed file."""
    d = dyads.rename(columns={"ccode1": "a", "ccode2": "b"})
    d1 = d[d.a.isin(list(ANCHORS))].rename(columns={"a": "anchor", "b": "partner_cow"})
    d2 = d[d.b.isin(list(ANCHORS))].rename(columns={"b": "anchor", "a": "partner_cow"})
    both = pd.concat([d1, d2], ignore_index=True)
    return both.groupby(["anchor", "partner_cow", "year"], as_index=False)[list(OBLIGATIONS)].max()


def flag_v51_2018(alliances: pd.DataFrame, members: pd.DataFrame,
                  dyads: pd.DataFrame) -> pd.DataFrame:
    """1 if every anchor dyad of an alliance in force at the end of 2016 is in v5.1 in 2018
    with at least that alliance's obligations; 0 if not; empty for alliances ended earlier."""
    v5 = v51_anchor_dyads(dyads)
    v5 = v5[v5.year == V51_END].set_index(["anchor", "partner_cow"])
    out = alliances.copy()
    flags = []
    for r in out.itertuples():
        if not pd.isna(r.end_year):
            flags.append(pd.NA)
            continue
        g = members[(members.atopid == r.atopid) & (members.member_end == "")]
        ok = True
        for x in g[g.cow_code.isin(list(ANCHORS))].itertuples():
            for y in g[g.cow_code != x.cow_code].itertuples():
                key = (x.cow_code, y.cow_code)
                if key not in v5.index:
                    ok = False
                    continue
                have = v5.loc[key]
                for o in OBLIGATIONS:
                    if max(getattr(x, o), getattr(y, o)) == 1 and have[o] != 1:
                        ok = False
        flags.append(int(ok))
    out["v51_consistent_2018"] = pd.array(flags, dtype="Int64")
    return out


# --------------------------------------------------------------------------- main
def source_parser(doc: str) -> argparse.ArgumentParser:
    """The command line of the import and of its audit: where the raw files are."""
    p = argparse.ArgumentParser(description=doc.split("\n")[0])
    p.add_argument("--raw-members")
    p.add_argument("--raw-alliances")
    p.add_argument("--raw-v51")
    p.add_argument("--mirror")
    p.add_argument("--commit")
    p.add_argument("--v51-mirror")
    p.add_argument("--v51-commit")
    return p


def read_sources(parser: argparse.ArgumentParser, args: argparse.Namespace) -> RawATOP:
    """:func:`read_raw` on the files the parsed arguments name (a mirror or local files); prints
    each raw file's SHA-256 (to compare with ``data/origins.csv``)."""
    if not args.mirror and not (args.raw_members and args.raw_alliances):
        parser.error("give --mirror GITDIR --commit SHA or --raw-members/--raw-alliances")
    m, a, d, blobs = read_raw(args.raw_members, args.raw_alliances, args.raw_v51,
                              args.mirror, args.commit, args.v51_mirror, args.v51_commit)
    for name, b in blobs.items():
        print(f"{name}: sha256 {hashlib.sha256(b).hexdigest()}", file=sys.stderr)
    return m, a, d, blobs


def main(argv: list[str] | None = None) -> int:
    """Import ATOP from the raw files the arguments name, write the two tables; returns 0."""
    p = source_parser(__doc__)
    p.add_argument("--out", default="data/", help="folder to write the tables to")
    p.add_argument("--make-extra-states", action="store_true",
                   help="(re)build tools/imports/atop.extra_states.csv with countrycode")
    args = p.parse_args(argv)
    m, a, d, _ = read_sources(p, args)
    if args.make_extra_states:
        ids = select_alliances(m, a)
        need = set(m[m.atopid.isin(ids)].member)
        known = set(pd.read_csv(ROOT / "data" / "country_codes.csv").cow_code) | set(COW_ALIASES)
        write_csv(extra_states(need, known), HERE / "atop.extra_states.csv")
    alliances, members = tidy(m, a, read_codes())
    if d is not None:
        alliances = flag_v51_2018(alliances, members, d)
    out = Path(args.out)
    write_csv(alliances, out / "atop_alliances.csv")
    write_csv(members, out / "atop_members.csv")
    print(f"alliances {len(alliances)}, members {len(members)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
