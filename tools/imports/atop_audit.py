"""Audit the ATOP import: ATOP v5.1 against v4.01, and ATOP against the curated memberships.

Neither step changes the vendored tables (``tools/imports/atop.py`` writes those); both write
their findings beside this script for a person to read:

* ``crosscheck_v51`` compares the defence dyad-years of Russia and the United States in 2016-18
  in the ATOP v5.1 directed dyad-year file with the v4.01 member spells (open spells carried past
  2016) and writes ``tools/imports/atop.v51_crosscheck.csv``;
* ``compare_memberships`` compares the ATOP spells of the organizations the project follows
  (``atop.ORG_LINKS``) with the curated ``data/memberships.csv`` and writes candidate rows:
  ``tools/imports/atop.curated_additions.csv`` (curated changes after ATOP's end) and
  ``tools/imports/atop.discrepancies.csv`` (where the two disagree, as rows in the layout of
  ``data/discrepancies.csv``, ``used`` = no).

Usage (from the repository root), with the same sources as the import::

    python -m tools.imports.atop_audit --mirror GITDIR --commit SHA \
        --v51-mirror GITDIR --v51-commit SHA
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import pandas as pd

from analysis.data.paths import ROOT
from tools.imports.atop import (
    ANCHORS,
    HERE,
    OBLIGATIONS,
    ORG_LINKS,
    V51_END,
    V401_END,
    code_map,
    read_codes,
    read_sources,
    source_parser,
    tidy,
    v51_anchor_dyads,
)
from tools.imports.common import write_csv

CROSSCHECK_COLUMNS = [
    "anchor", "partner", "partner_cow", "year", "v401_defense", "v51_defense", "status",
]


DISCREPANCY_COLUMNS = ["table", "record_id", "field", "value", "source", "note", "used"]


ADDITION_COLUMNS = ["atopid", "state", "member_begin", "member_end", "basis"]


SOURCE_V401 = "ds-atop-4-01"


MEMBER_STATUSES = ("signatory", "member", "frozen", "withdrawing")


# --------------------------------------------------------------------------- v5.1 cross-check
def _year(s: str) -> int:
    return int(s[:4])


def v401_dyads(members: pd.DataFrame, last_year: int = V51_END,
               data_end: int = V401_END) -> pd.DataFrame:
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


def crosscheck_v51(members: pd.DataFrame, dyads: pd.DataFrame, codes: pd.DataFrame,
                   years: Sequence[int] = range(V401_END, V51_END + 1)) -> pd.DataFrame:
    """Defence dyad-years of RUS/USA, 2016-18: v5.1 against the v4.01 spells (open spells
    carried past 2016); status both / v51_only / v401_only."""
    cmap = code_map(codes)
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


def _atop_spells(members: pd.DataFrame, aid: int, phase: int | None) -> pd.DataFrame:
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
                        data_end: int = V401_END) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Candidate additions (curated changes after ATOP's end) and discrepancy rows."""
    cur = _curated_spells(memberships)
    adds, disc = [], []
    end_date = f"{data_end}-12-31"

    def d(rec: dict[str, str], field: str, value: str, note: str) -> None:
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
                starts_in_time = not rec["end"] or s["begin"] <= rec["end"]
                ends_in_time = not s["end"] or s["end"] >= rec["start"][:len(s["end"])]
                if starts_in_time and ends_in_time:
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


def main(argv: list[str] | None = None) -> int:
    """Run both audits on the raw ATOP files the arguments name; write their findings."""
    parser = source_parser(__doc__)
    args = parser.parse_args(argv)
    members_raw, alliances_raw, dyads, _ = read_sources(parser, args)
    codes = read_codes()
    _, members = tidy(members_raw, alliances_raw, codes)
    if dyads is not None:
        write_csv(crosscheck_v51(members, dyads, codes), HERE / "atop.v51_crosscheck.csv")
    curated = pd.read_csv(ROOT / "data" / "memberships.csv", dtype=str, keep_default_na=False)
    adds, disc = compare_memberships(members, curated)
    write_csv(adds, HERE / "atop.curated_additions.csv")
    write_csv(disc, HERE / "atop.discrepancies.csv")
    print(f"additions {len(adds)}, discrepancies {len(disc)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
