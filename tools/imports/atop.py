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
runs to 2018; it is used to cross-check the v4.01 dyads of Russia and the US and to flag, per
alliance, whether every Russia/US dyad of an alliance in force in 2016 is still there, with the
same obligations, in 2018 (``v51_consistent_2018``). ``crosscheck_v51`` writes the dyad-level
comparison to ``tools/imports/atop.v51_crosscheck.csv``. ``compare_memberships`` compares the
ATOP spells with the project's curated ``data/memberships.csv`` and writes candidate rows
(``tools/imports/atop.curated_additions.csv`` and ``tools/imports/atop.discrepancies.csv``).

COW codes are mapped to ISO3 with ``data/country_codes.csv``; states outside data/states.csv
come from ``tools/imports/atop.extra_states.csv`` (built once with the countrycode package by
``--make-extra-states``; countrycode is GPL-3, the codes are re-derived facts, with credit) and
one documented alias (COW 260, West Germany -> DEU, the project's convention in
memberships.csv). A code that maps to nothing raises ValueError.

Credit: ATOP data by Brett Ashley Leeds et al. (Leeds, Ritter, Mitchell & Long 2002,
International Interactions 28: 237-260), http://www.atopdata.org/ . The v5.1 dyad-year copy was
re-exported from peacesciencer (Steven V. Miller, GPL-2) as ATOP data, not as package files.

Usage (from the repository root)::

    python -m tools.imports.atop --mirror /work/.mirror/joshuaalley+arms-allies/repo \
        --commit 45cdfde68e8d04c2271dcef4dc41140db8a3583d \
        --v51-mirror /work/.mirror/svmiller+peacesciencer/repo \
        --v51-commit fe150a2648056fbd4fbbbd833f0c9e437b2ed04b --out data/

``--raw-members/--raw-alliances/--raw-v51`` read local files instead of a mirror.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import sys
from pathlib import Path

import pandas as pd

from tools.imports.common import git_show, read_rda, write_csv

ROOT = Path(__file__).resolve().parents[2]
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
# dates (see REPORT): organization -> (atopid, phase or None for all phases).
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
CROSSCHECK_COLUMNS = [
    "anchor", "partner", "partner_cow", "year", "v401_defense", "v51_defense", "status",
]
EXTRA_COLUMNS = ["iso3", "name", "iso_numeric", "region", "cow_code", "cow_letter", "gw_code"]
DISCREPANCY_COLUMNS = ["table", "record_id", "field", "value", "source", "note", "used"]
ADDITION_COLUMNS = ["atopid", "state", "member_begin", "member_end", "basis"]
SOURCE_V401 = "ds-atop-4-01"
MEMBER_STATUSES = ("signatory", "member", "frozen", "withdrawing")


# --------------------------------------------------------------------------- reading
def read_raw(members=None, alliances=None, v51=None, mirror=None, commit=None,
             v51_mirror=None, v51_commit=None):
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
def _fmt_date(y, m, d) -> str:
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


def _code_map(codes: pd.DataFrame) -> dict:
    codes = codes.dropna(subset=["cow_code"]).drop_duplicates()
    dup = codes[codes.duplicated("cow_code", keep=False)]
    if len(dup):
        raise ValueError(f"COW code mapped to more than one ISO3: {sorted(set(dup.cow_code))}")
    return dict(zip(codes.cow_code.astype(int), codes.iso3))


def _check_range(df: pd.DataFrame, col: str, lo: int, hi: int, allow_zero=False, allow_na=False):
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
         data_end: int = V401_END):
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
        raise ValueError(f"member exit before entry: {m.loc[bad, ['atopid', 'member']].values.tolist()}")
    # codes
    cmap = _code_map(codes)
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


# --------------------------------------------------------------------------- v5.1 cross-check
def _year(s: str) -> int:
    return int(s[:4])


def v401_dyads(members: pd.DataFrame, last_year: int = V51_END, data_end: int = V401_END):
    """Non-directed anchor-partner dyad-years implied by the v4.01 member spells.

    Spells still open at ``data_end`` are carried forward to ``last_year`` (a projection, so
    the v5.1 comparison can show what changed in 2017-18). Obligations per dyad-year are the
    maximum over the two members' obligations and over all kept alliances."""
    rows = []
    for aid, g in members.groupby("atopid"):
        recs = g.to_dict("records")
        for x in recs:
            if x["cow_code"] not in ANCHORS:
                continue
            for y in recs:
                if y["cow_code"] == x["cow_code"]:
                    continue
                b = max(_year(x["member_begin"]), _year(y["member_begin"]))
                ex = _year(x["member_end"]) if x["member_end"] else last_year
                ey = _year(y["member_end"]) if y["member_end"] else last_year
                for yr in range(b, min(ex, ey) + 1):
                    rows.append({"anchor": x["cow_code"], "partner_cow": y["cow_code"],
                                 "year": yr, "atopid": aid,
                                 **{o: max(x[o], y[o]) for o in OBLIGATIONS}})
    d = pd.DataFrame(rows)
    return d.groupby(["anchor", "partner_cow", "year"], as_index=False)[list(OBLIGATIONS)].max()


def v51_anchor_dyads(dyads: pd.DataFrame) -> pd.DataFrame:
    """Non-directed obligations of every anchor dyad-year in the v5.1 directed file."""
    d = dyads.rename(columns={"ccode1": "a", "ccode2": "b"})
    d1 = d[d.a.isin(list(ANCHORS))].rename(columns={"a": "anchor", "b": "partner_cow"})
    d2 = d[d.b.isin(list(ANCHORS))].rename(columns={"b": "anchor", "a": "partner_cow"})
    both = pd.concat([d1, d2], ignore_index=True)
    return both.groupby(["anchor", "partner_cow", "year"], as_index=False)[list(OBLIGATIONS)].max()


def crosscheck_v51(members: pd.DataFrame, dyads: pd.DataFrame, codes: pd.DataFrame,
                   years=range(V401_END, V51_END + 1)) -> pd.DataFrame:
    """Defence dyad-years of RUS/USA, 2016-18: v5.1 against the v4.01 spells (open spells
    carried past 2016); status both / v51_only / v401_only."""
    cmap = _code_map(codes)
    v4 = v401_dyads(members)
    v5 = v51_anchor_dyads(dyads)
    v4 = v4[v4.year.isin(list(years)) & (v4.defense == 1)]
    v5 = v5[v5.year.isin(list(years)) & (v5.defense == 1)]
    k = ["anchor", "partner_cow", "year"]
    x = v4[k].assign(v401_defense=1).merge(v5[k].assign(v51_defense=1), how="outer", on=k)
    x = x.fillna({"v401_defense": 0, "v51_defense": 0})
    x["status"] = x.apply(lambda r: "both" if r.v401_defense and r.v51_defense
                          else ("v51_only" if r.v51_defense else "v401_only"), axis=1)
    unmapped = sorted(set(x.partner_cow) - set(cmap))
    if unmapped:
        raise ValueError(f"COW code maps to no ISO3: {unmapped}")
    x["partner"] = x.partner_cow.map(cmap)
    x["anchor"] = x.anchor.map(ANCHORS)
    for c in ("v401_defense", "v51_defense", "partner_cow", "year"):
        x[c] = x[c].astype(int)
    return x.sort_values(["anchor", "partner", "year"])[CROSSCHECK_COLUMNS].reset_index(drop=True)


def flag_v51_2018(alliances: pd.DataFrame, members: pd.DataFrame, dyads: pd.DataFrame):
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


# --------------------------------------------------------------------------- curated comparison
def _curated_spells(memberships: pd.DataFrame) -> pd.DataFrame:
    """One spell per (state, organization, continuous run of member-like statuses)."""
    ms = memberships[memberships.status.isin(MEMBER_STATUSES)].copy()
    ms = ms.sort_values(["state", "organization", "start"])
    rows = []
    for (st, org), g in ms.groupby(["state", "organization"]):
        cur = None
        for r in g.itertuples():
            if cur and cur["end"] == r.start:  # status change, same spell
                cur["end"] = r.end if isinstance(r.end, str) else ""
                if r.status == "member" and not cur["member_start"]:
                    cur["member_start"] = r.start
                continue
            if cur:
                rows.append(cur)
            cur = {"state": st, "organization": org, "start": r.start,
                   "member_start": r.start if r.status == "member" else "",
                   "end": r.end if isinstance(r.end, str) else ""}
        rows.append(cur)
    return pd.DataFrame(rows)


def _atop_spells(members: pd.DataFrame, aid: int, phase) -> pd.DataFrame:
    g = members[members.atopid == aid]
    if phase is not None:
        g = g[g.phase == phase]
    rows = []
    for st, h in g.sort_values("member_begin").groupby("state"):
        cur = None
        for r in h.itertuples():
            if cur and cur["end"] == r.member_begin:  # phase change, same spell
                cur["end"] = r.member_end
                continue
            if cur:
                rows.append(cur)
            cur = {"state": st, "begin": r.member_begin, "end": r.member_end}
        rows.append(cur)
    return pd.DataFrame(rows, columns=["state", "begin", "end"])


def compare_memberships(members: pd.DataFrame, memberships: pd.DataFrame,
                        data_end: int = V401_END):
    """Candidate additions (curated changes after ATOP's end) and discrepancy rows."""
    cur = _curated_spells(memberships)
    adds, disc = [], []
    end_date = f"{data_end}-12-31"

    def d(rec, field, value, note):
        disc.append({"table": "memberships",
                     "record_id": f"{rec['state']}|{rec['organization']}|{rec['start']}",
                     "field": field, "value": value, "source": SOURCE_V401, "note": note,
                     "used": "no"})

    for org, (aid, phase) in ORG_LINKS.items():
        at = _atop_spells(members, aid, phase)
        cu = cur[cur.organization == org]
        label = f"ATOP {aid}" + (f" phase {phase}" if phase else "")
        for rec in cu.to_dict("records"):
            match = at[at.state == rec["state"]]
            # the ATOP spell overlapping the curated spell, if any
            hit = None
            for s in match.to_dict("records"):
                if (not rec["end"] or s["begin"] <= rec["end"]) and (not s["end"] or s["end"] >= rec["start"][:len(s["end"])]):
                    hit = s
                    break
            if hit is None:
                if rec["start"] > end_date:
                    adds.append({"atopid": aid, "state": rec["state"],
                                 "member_begin": rec["member_start"] or rec["start"],
                                 "member_end": rec["end"],
                                 "basis": "curated memberships.csv (not ATOP)"})
                else:
                    d(rec, "start", "", f"{label} does not list this state as a member "
                                         f"(ATOP data end {data_end})")
                continue
            if hit["begin"] not in (rec["start"], rec["member_start"]):
                d(rec, "start", hit["begin"],
                  f"{label} dates membership from {hit['begin']}; curated start "
                  f"{rec['start']}" + (f", in force {rec['member_start']}"
                                       if rec["member_start"] not in ("", rec["start"]) else ""))
            if rec["end"] and rec["end"] <= end_date and hit["end"] != rec["end"]:
                d(rec, "end", hit["end"] or f"(in force at end of {data_end})",
                  f"{label} gives membership end {hit['end'] or 'none'}; curated end {rec['end']}")
            elif rec["end"] and rec["end"] > end_date and hit["end"] == "":
                adds.append({"atopid": aid, "state": rec["state"], "member_begin": hit["begin"],
                             "member_end": rec["end"],
                             "basis": "curated memberships.csv (not ATOP)"})
            elif not rec["end"] and hit["end"]:
                d(rec, "end", hit["end"], f"{label} ends membership {hit['end']}; curated "
                                          "table has the membership ongoing")
        for s in at.to_dict("records"):
            if s["state"] not in set(cu.state):
                disc.append({"table": "memberships", "record_id": f"{s['state']}|{org}|",
                             "field": "start", "value": s["begin"], "source": SOURCE_V401,
                             "note": f"{label} lists {s['state']} as member {s['begin']}-"
                                     f"{s['end'] or ''}; curated table has no {org} membership",
                             "used": "no"})
    adds = pd.DataFrame(adds, columns=ADDITION_COLUMNS).sort_values(
        ["atopid", "member_begin", "state"]).reset_index(drop=True)
    disc = pd.DataFrame(disc, columns=DISCREPANCY_COLUMNS).sort_values(
        ["record_id", "field"]).reset_index(drop=True)
    return adds, disc


# --------------------------------------------------------------------------- extra states
def build_extra_states(cow_codes, root: Path = ROOT) -> pd.DataFrame:
    """States not in data/country_codes.csv, via countrycode (GPL-3; codes re-derived)."""
    from countrycode import countrycode as cc  # optional dependency

    known = set(pd.read_csv(root / "data" / "country_codes.csv").cow_code) | set(COW_ALIASES)
    codes = sorted(int(c) for c in set(cow_codes) - known)
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


# --------------------------------------------------------------------------- main
def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--raw-members")
    p.add_argument("--raw-alliances")
    p.add_argument("--raw-v51")
    p.add_argument("--mirror")
    p.add_argument("--commit")
    p.add_argument("--v51-mirror")
    p.add_argument("--v51-commit")
    p.add_argument("--out", default=str(ROOT / "data"))
    p.add_argument("--make-extra-states", action="store_true",
                   help="(re)build tools/imports/atop.extra_states.csv with countrycode")
    args = p.parse_args(argv)
    if not args.mirror and not (args.raw_members and args.raw_alliances):
        p.error("give --mirror GITDIR --commit SHA or --raw-members/--raw-alliances")
    m, a, d, blobs = read_raw(args.raw_members, args.raw_alliances, args.raw_v51,
                              args.mirror, args.commit, args.v51_mirror, args.v51_commit)
    for name, b in blobs.items():
        print(f"{name}: sha256 {hashlib.sha256(b).hexdigest()}", file=sys.stderr)
    if args.make_extra_states:
        ids = select_alliances(m, a)
        need = set(m[m.atopid.isin(ids)].member)
        write_csv(build_extra_states(need), HERE / "atop.extra_states.csv")
    codes = read_codes()
    alliances, members = tidy(m, a, codes)
    if d is not None:
        alliances = flag_v51_2018(alliances, members, d)
        write_csv(crosscheck_v51(members, d, codes), HERE / "atop.v51_crosscheck.csv")
    out = Path(args.out)
    write_csv(alliances, out / "atop_alliances.csv")
    write_csv(members, out / "atop_members.csv")
    adds, disc = compare_memberships(members, pd.read_csv(ROOT / "data" / "memberships.csv",
                                                          dtype=str, keep_default_na=False))
    write_csv(adds, HERE / "atop.curated_additions.csv")
    write_csv(disc, HERE / "atop.discrepancies.csv")
    print(f"alliances {len(alliances)}, members {len(members)}, additions {len(adds)}, "
          f"discrepancies {len(disc)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
