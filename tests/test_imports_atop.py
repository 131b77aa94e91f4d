"""Tests for tools/imports/atop.py and the vendored ATOP tables (pandas + stdlib only)."""


import pandas as pd
import pytest

from analysis.data.paths import ROOT
from tools.imports import atop, atop_audit

OBL = list(atop.OBLIGATIONS)


def _member(aid, cow, yrent, moent, dayent, yrexit=0, moexit=0, dayexit=0, phase=0,
            defense=1, offense=0, neutral=0, nonagg=0, consul=1):
    return dict(atopid=aid, member=cow, yrent=yrent, moent=moent, dayent=dayent,
                yrexit=yrexit, moexit=moexit, dayexit=dayexit, phase=phase,
                defense=defense, offense=offense, neutral=neutral, nonagg=nonagg, consul=consul)


def _alliance(aid, begyr, begmo, begday, endyr=0, endmo=0, endday=None, bilat=1, maxphase=0,
              defense=1, offense=0, neutral=0, nonagg=0, consul=1):
    return dict(atopid=aid, begyr=begyr, begmo=begmo, begday=begday, endyr=endyr, endmo=endmo,
                endday=endday, bilat=bilat, maxphase=maxphase, defense=defense,
                offense=offense, neutral=neutral, nonagg=nonagg, consul=consul)


CODES = pd.DataFrame({"iso3": ["USA", "RUS", "ARM", "DEU"], "cow_code": [2, 365, 371, 260]})


def _raw():
    members = pd.DataFrame([
        # Russia-Armenia style bilateral pact, in force at data end
        _member(9001, 365, 1997, 8, 29),
        _member(9001, 371, 1997, 8, 29),
        # an alliance that ended before 1992: not kept
        _member(9002, 365, 1970, 1, 1, 1990, 12, 31),
        _member(9002, 371, 1970, 1, 1, 1990, 12, 31),
        # US alliance with a member that left in 1990, day unknown
        _member(9003, 2, 1955, 5, None),
        _member(9003, 260, 1955, 5, None, 1990, 10, 3),
    ])
    alliances = pd.DataFrame([
        _alliance(9001, 1997, 8, 29),
        _alliance(9002, 1970, 1, 1, 1990, 12, 31),
        _alliance(9003, 1955, 5, None, bilat=0, nonagg=1),
    ])
    return members, alliances


def test_tidy_hand_worked():
    members, alliances = _raw()
    al, mem = atop.tidy(members, alliances, CODES)
    assert al.atopid.tolist() == [9001, 9003]  # 9002 ended in 1990: filtered out
    r = al.set_index("atopid").loc[9001]
    assert r.begin_date == "1997-08-29" and r.begin_year == 1997
    assert pd.isna(r.end_year) and r.end_date == ""
    assert r.anchor_members == "RUS" and r.n_members == 2 and r.bilateral == 1
    assert al.set_index("atopid").loc[9003, "begin_date"] == "1955-05"  # day unknown
    assert al.set_index("atopid").loc[9003, "nonagg"] == 1
    assert list(mem.columns) == atop.MEMBER_COLUMNS
    deu = mem[mem.cow_code == 260].iloc[0]
    assert deu.state == "DEU" and deu.member_begin == "1955-05" and deu.member_end == "1990-10-03"
    assert mem[(mem.atopid == 9001)].state.tolist() == ["ARM", "RUS"]
    assert (al.atop_version == "4.01").all() and (al.name == "").all()


def test_unmapped_code_raises():
    members, alliances = _raw()
    members.loc[1, "member"] = 999
    with pytest.raises(ValueError, match="999"):
        atop.tidy(members, alliances, CODES)


def test_duplicate_key_raises():
    members, alliances = _raw()
    members = pd.concat([members, members.iloc[[1]]], ignore_index=True)
    with pytest.raises(ValueError, match="duplicate member key.*9001"):
        atop.tidy(members, alliances, CODES)
    alliances = pd.concat([alliances, alliances.iloc[[0]]], ignore_index=True)
    with pytest.raises(ValueError, match="9001"):
        atop.tidy(_raw()[0], alliances, CODES)


def test_out_of_range_raises():
    members, alliances = _raw()
    members.loc[0, "defense"] = 2
    with pytest.raises(ValueError, match=r"defense not 0/1: \[2\]"):
        atop.tidy(members, alliances, CODES)
    members, alliances = _raw()
    members.loc[0, "yrent"] = 2017  # past v4.01's data end
    with pytest.raises(ValueError, match="2017"):
        atop.tidy(members, alliances, CODES)


# --------------------------------------------------------------- vendored tables
ALL = pd.read_csv(ROOT / "data" / "atop_alliances.csv", dtype={"name": str, "organization": str},
                  keep_default_na=False)
MEM = pd.read_csv(ROOT / "data" / "atop_members.csv", keep_default_na=False)


def test_headers():
    assert list(ALL.columns) == atop.ALLIANCE_COLUMNS
    assert list(MEM.columns) == atop.MEMBER_COLUMNS


def test_keys_and_counts():
    assert not ALL.atopid.duplicated().any()
    assert not MEM.duplicated(["atopid", "phase", "cow_code", "member_begin"]).any()
    # one alliance row per atopid that has members, and nothing else
    assert set(ALL.atopid) == set(MEM.atopid)
    assert len(ALL) == MEM.atopid.nunique()
    # every kept alliance has RUS or USA with a spell running in 1992 or later
    anchor = MEM[MEM.state.isin(["RUS", "USA"])]
    end_year = pd.to_numeric(anchor.member_end.str[:4], errors="coerce")
    running = anchor[(anchor.member_end == "") | (end_year >= 1992)]
    assert set(running.atopid) == set(ALL.atopid)
    for o in OBL:
        assert set(ALL[o]) <= {0, 1} and set(MEM[o]) <= {0, 1}


def test_every_state_has_known_iso3():
    states = set(pd.read_csv(ROOT / "data" / "states.csv").iso3)
    extra = set(pd.read_csv(ROOT / "tools" / "imports" / "atop.extra_states.csv").iso3)
    assert (MEM.state != "").all()
    assert set(MEM.state) <= states | extra


def test_spot_values_verified():
    a = ALL.set_index("atopid")
    # CST signed in Tashkent 15 May 1992 (odkb.gov.ru treaty text; wikimili CSTO page)
    assert a.loc[4220, "begin_date"] == "1992-05-15" and a.loc[4220, "defense"] == 1
    # North Atlantic Treaty signed 4 April 1949 (data/organizations.csv, NATO founded)
    assert a.loc[3180, "begin_date"] == "1949-04-04" and a.loc[3180, "defense"] == 1
    # Russia-Armenia Treaty of Friendship, Cooperation and Mutual Assistance, 29 Aug 1997,
    # with a mutual-defence clause (RFE/RL and Jamestown Monitor, 29 Aug 1997)
    assert a.loc[4890, "begin_date"] == "1997-08-29" and a.loc[4890, "defense"] == 1
    assert set(MEM[MEM.atopid == 4890].state) == {"RUS", "ARM"}
    # it replaced the 1991 Russia-Armenia treaty (Asbarez/Reuters, Aug 1997)
    assert a.loc[4130, "end_date"] == "1997-08-29"
    m = MEM[(MEM.atopid == 4220)].set_index(["phase", "state"])
    # Azerbaijan joined 24 Sep 1993, Georgia 9 Dec 1993; both left at the 1999 renewal
    # (armenia.news-pravda.com, 15 May 2025; data/memberships.csv)
    assert m.loc[(1, "AZE"), "member_begin"] == "1993-09-24"
    assert m.loc[(1, "GEO"), "member_begin"] == "1993-12-09"
    assert m.loc[(1, "GEO"), "member_end"] == "1999-04-20"
    # Uzbekistan's CSTO suspension note of 28 June 2012 (TASS, in data/memberships.csv)
    assert m.loc[(2, "UZB"), "member_end"] == "2012-06-28"
    # CSTO (phase 2) members at ATOP's end: the six of the 2002 charter
    cur = MEM[(MEM.atopid == 4220) & (MEM.phase == 2) & (MEM.member_end == "")]
    assert set(cur.state) == {"ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"}


def test_curated_additions_file():
    add = pd.read_csv(ROOT / "tools" / "imports" / "atop.curated_additions.csv",
                      keep_default_na=False)
    assert list(add.columns) == atop_audit.ADDITION_COLUMNS
    assert (add.basis == "curated memberships.csv (not ATOP)").all()
    nato = add[add.atopid == 3180].set_index("state").member_begin.to_dict()
    assert nato == {"MKD": "2020-03-27", "FIN": "2023-04-04", "SWE": "2024-03-07"}
    # all additions post-date ATOP v4.01's coverage
    assert (add.member_begin.str[:4].astype(int) > atop.V401_END).all()
