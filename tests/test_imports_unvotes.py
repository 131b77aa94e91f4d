"""tools/imports/unvotes.py: the tidy functions on hand-made raw frames, their
refusals, and the vendored un_roll_calls / un_roll_call_votes / un_agreement CSVs."""

from __future__ import annotations

import csv
import math

import pandas as pd
import pytest

from analysis.data.paths import ROOT
from tools.imports import bsv, un_states
from tools.imports import unvotes as u

DATA = ROOT / "data"


# ---------------------------------------------------------------- hand-made raw
def raw_roll_calls():
    return pd.DataFrame({
        "rcid": [10, 11, 12, 13],
        "session": [46.0, 46.0, 68.0, 68.0],
        "importantvote": ["0", "1", None, "0"],
        "date": ["1991-12-20", "1992-08-03", "2014-03-27", "2014-03-28"],
        "unres": ["R/46/1", "R/46/242", "R/68/262", ""],
        "amend": [None] * 4, "para": [None] * 4,
        "short": ["OLD", "BOSNIA AND HERZEGOVINA", "", None],
        "descr": ["x", "y",
                  "Territorial integrity of Ukraine : resolution / adopted by the General "
                  "Assembly",
                  "The President: " + "word " * 60],
    })


def raw_issues():
    return pd.DataFrame({"rcid": [12, 12, 11],
                         "short_name": ["hr", "me", "co"],
                         "issue": ["Human rights", "Palestinian conflict", "Colonialism"]})


def raw_votes():
    return pd.DataFrame({
        "rcid": [10.0, 11.0, 11.0, 12.0, 12.0, 12.0, 12.0],
        "country": ["Russia", "Russia", "Cuba", "Russia", "Kazakhstan", "United States", "Fiji"],
        "country_code": ["RU", "RU", "CU", "RU", "KZ", "US", "FJ"],
        "vote": ["yes", "abstain", "yes", "no", "abstain", "yes", "yes"],
    })


def raw_ideal_points():
    return pd.DataFrame({
        "ccode": [365, 365, 2, 705, 678, 678],
        "session": [46, 47, 47, 48, 47, 47],
        "IdealPointAll": [-0.5, 0.25, 2.0, -0.1234567, 1.0, 1.1],
        "iso3c": ["RUS", "RUS", "USA", "KAZ", "YAR", "YAR"],
        "Countryname": ["Russia", "Russia", "United States", "Kazakhstan", "Yemen A", "Yemen P"],
        "USAgree": [0.1, 0.5, 1.0, None, 0.2, 0.3],
        "RUSSAgree": [1.0, 1.0, 0.5, 0.75, 0.9, 0.8],
    })


# ---------------------------------------------------------------- tidy: hand-worked
def test_roll_calls_hand_worked():
    rc = u.tidy_roll_calls(raw_roll_calls(), raw_issues())
    assert list(rc.columns) == u.ROLL_CALL_COLUMNS
    assert rc["rcid"].tolist() == [11, 12, 13]            # 1991-12-20 dropped by the date filter
    r11, r12, r13 = (rc.iloc[i] for i in range(3))
    assert (r11["resolution"], r11["short_title"], r11["important_vote"], r11["issues"]) == \
        ("A/RES/46/242", "BOSNIA AND HERZEGOVINA", "yes", "colonialism")
    assert r12["resolution"] == "A/RES/68/262"
    assert r12["short_title"] == "Territorial integrity of Ukraine"   # descr without the tail
    assert r12["important_vote"] == ""
    assert r12["issues"] == "palestinian_conflict;human_rights"       # package order me..ec
    assert r13["resolution"] == ""
    assert len(r13["short_title"]) <= u.TITLE_MAX and r13["short_title"].endswith("\u2026")
    assert r13["short_title"].startswith("The President: word word")


def test_votes_hand_worked():
    rc = u.tidy_roll_calls(raw_roll_calls(), raw_issues())
    v = u.tidy_votes(raw_votes(), rc)
    assert v.to_dict("records") == [
        {"rcid": 11, "state": "RUS", "vote": "abstain"},
        {"rcid": 12, "state": "KAZ", "vote": "abstain"},
        {"rcid": 12, "state": "RUS", "vote": "no"},
        {"rcid": 12, "state": "USA", "vote": "yes"},
    ]


def test_agreement_hand_worked():
    a = bsv.tidy_agreement(raw_ideal_points())
    assert list(a.columns) == bsv.AGREEMENT_COLUMNS
    assert a[["state", "session", "year"]].values.tolist() == \
        [["KAZ", 48, 1993], ["RUS", 47, 1992], ["USA", 47, 1992]]
    kaz = a.iloc[0]
    assert math.isnan(kaz["agree_usa"]) and kaz["agree_russia"] == 0.75
    assert bsv.sig7(-0.1234567) == "-0.1234567" and bsv.sig7(1.0) == "1" and bsv.sig7(None) == ""


def test_agreement_uses_country_codes_table():
    cc = pd.DataFrame({"iso3": list(un_states.KEEP),
                       "cow_code": [v[2] for v in un_states.KEEP.values()]})
    cc.loc[cc["iso3"] == "KAZ", "cow_code"] = 999
    with pytest.raises(ValueError, match="KAZ has COW code 705"):
        bsv.tidy_agreement(raw_ideal_points(), cc)


# ---------------------------------------------------------------- tidy: refusals
def test_unmapped_code_raises():
    rc = u.tidy_roll_calls(raw_roll_calls(), raw_issues())
    bad = raw_votes()
    bad.loc[4, "country_code"] = None                 # Kazakhstan with no code
    with pytest.raises(ValueError, match="Kazakhstan"):
        u.tidy_votes(bad, rc)
    bad = raw_votes()
    bad.loc[4, "country_code"] = "KX"                 # a kept name under an unknown code
    with pytest.raises(ValueError, match="KX"):
        u.tidy_votes(bad, rc)
    ip = raw_ideal_points()
    ip.loc[1, "iso3c"] = None
    with pytest.raises(ValueError, match="Russia"):
        bsv.tidy_agreement(ip)
    iss = raw_issues()
    iss.loc[0, "short_name"] = "zz"
    with pytest.raises(ValueError, match="zz"):
        u.tidy_roll_calls(raw_roll_calls(), iss)


def test_duplicate_key_raises():
    rc = u.tidy_roll_calls(raw_roll_calls(), raw_issues())
    dup = pd.concat([raw_votes(), raw_votes().iloc[[3]]])
    with pytest.raises(ValueError, match="duplicate \\(rcid, state\\) 12, RUS"):
        u.tidy_votes(dup, rc)
    ip = pd.concat([raw_ideal_points(), raw_ideal_points().iloc[[2]]])
    with pytest.raises(ValueError, match="duplicate \\(state, session\\) USA, 47"):
        bsv.tidy_agreement(ip)
    rcs = pd.concat([raw_roll_calls(), raw_roll_calls().iloc[[2]]])
    with pytest.raises(ValueError, match="duplicate rcid 12"):
        u.tidy_roll_calls(rcs, raw_issues())


def test_out_of_range_raises():
    ip = raw_ideal_points()
    ip.loc[2, "RUSSAgree"] = 1.5
    with pytest.raises(ValueError, match="agree_russia out of range.*1.5"):
        bsv.tidy_agreement(ip)
    rc = u.tidy_roll_calls(raw_roll_calls(), raw_issues())
    v = raw_votes()
    v.loc[3, "vote"] = "absent"
    with pytest.raises(ValueError, match="'absent'"):
        u.tidy_votes(v, rc)
    r = raw_roll_calls()
    r.loc[2, "importantvote"] = "7"
    with pytest.raises(ValueError, match="'7'"):
        u.tidy_roll_calls(r, raw_issues())


# ---------------------------------------------------------------- vendored CSVs
def _read(name):
    return pd.read_csv(DATA / name, keep_default_na=False, dtype=str)


def test_vendored_headers_and_format():
    for name, cols in (("un_roll_calls.csv", u.ROLL_CALL_COLUMNS),
                       ("un_roll_call_votes.csv", u.VOTE_COLUMNS),
                       ("un_agreement.csv", bsv.AGREEMENT_COLUMNS)):
        raw = (DATA / name).read_bytes()
        assert b"\r\n" not in raw
        with open(DATA / name, newline="", encoding="utf-8") as f:
            assert next(csv.reader(f)) == cols


def test_vendored_roll_calls():
    rc = _read("un_roll_calls.csv")
    assert rc["rcid"].is_unique
    # rows = every package roll call dated 1992-01-01 .. 2020-01-14 (the package's last)
    assert len(rc) == 2491
    assert rc["date"].min() >= "1992-01-01" and rc["date"].max() == "2020-01-14"
    assert set(rc["important_vote"]) <= {"yes", "no", ""}
    slugs = {s for (_, s) in u.ISSUES.values()}
    assert all(set(x.split(";")) <= slugs for x in rc["issues"] if x)
    r = rc[rc["rcid"] == "5309"].iloc[0]       # verified: UN press / data/un_resolutions.csv
    assert (r["date"], r["resolution"], r["session"]) == ("2014-03-27", "A/RES/68/262", "68")
    assert rc["resolution"].str.match(r"^(A/RES/.+)?$").all()


def test_vendored_votes():
    v = _read("un_roll_call_votes.csv")
    rc = _read("un_roll_calls.csv")
    assert not v.duplicated(["rcid", "state"]).any()
    assert set(v["vote"]) == {"yes", "no", "abstain"}
    assert set(v["state"]) == set(un_states.KEEP)
    assert set(v["rcid"]) <= set(rc["rcid"])
    assert len(v) == 104141
    def got(rcid):
        return dict(v[v["rcid"] == rcid][["state", "vote"]].values)
    # A/RES/68/262 (rcid 5309): checked against data/un_votes.csv and Tengrinews/Turan
    r = got("5309")
    assert {s: r[s] for s in ["ARM", "BLR", "RUS", "KAZ", "UZB", "AZE", "GEO", "USA", "CHN",
                              "IND"]} == {
        "ARM": "no", "BLR": "no", "RUS": "no", "KAZ": "abstain", "UZB": "abstain",
        "AZE": "yes", "GEO": "yes", "USA": "yes", "CHN": "abstain", "IND": "abstain"}
    assert "KGZ" not in r and "TJK" not in r        # absent: not recorded in the package
    # A/RES/72/190 (rcid 5558): the 26 'no' votes listed by Asia-Plus include these nine
    r = got("5558")
    assert all(r[s] == "no" for s in ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK", "UZB", "CHN",
                                      "IND"])
    # A/RES/73/194 (rcid 6125): Ukrainian News / PanARMENIAN
    r = got("6125")
    assert (r["ARM"], r["BLR"], r["RUS"], r["GEO"], r["UKR"], r["USA"]) == \
        ("no", "no", "no", "yes", "yes", "yes")


def test_vendored_votes_agree_with_curated_un_votes():
    v = _read("un_roll_call_votes.csv")
    rc = _read("un_roll_calls.csv")
    cur = _read("un_votes.csv")
    cur = cur[cur["resolution"].isin(rc["resolution"])]
    rcid = dict(rc[rc["resolution"] == "A/RES/68/262"][["resolution", "rcid"]].values)
    mine = {(r, s): x for r, s, x in v[["rcid", "state", "vote"]].values}
    assert len(cur) > 0
    for res, state, vote in cur[["resolution", "state", "vote"]].values:
        got = mine.get((rcid[res], state), "absent")
        assert got == vote, (res, state, vote, got)


def test_vendored_agreement():
    a = _read("un_agreement.csv")
    assert not a.duplicated(["state", "session"]).any()
    assert len(a) == 1384
    n = a.groupby("state").size()
    # 44 states x 32 sessions (47..78) less the sessions a state was not in the file
    assert n.sum() == len(a) and n.max() == 32 and n["MNE"] == 18
    assert (a["year"].astype(int) - a["session"].astype(int) == 1945).all()
    x = a.set_index(["state", "session"])
    for col in ("agree_russia", "agree_usa"):
        vals = x[col].astype(float)
        assert vals.between(0, 1).all()
    # recomputed from the unvotes votes (share of identical yes/no/abstain votes):
    assert abs(float(x.loc[("KAZ", "68"), "agree_russia"]) - 41 / 62) < 1e-6
    assert abs(float(x.loc[("KAZ", "68"), "agree_usa"]) - 10 / 62) < 1e-6
    assert abs(float(x.loc[("USA", "68"), "agree_russia"]) - 13 / 64) < 1e-6
    assert abs(float(x.loc[("GBR", "70"), "agree_russia"]) - 39 / 73) < 1e-6
    assert float(x.loc[("RUS", "78"), "agree_russia"]) == 1.0


def test_es11_additions_sources_resolve():
    add = ROOT / "tools/imports/unvotes.es11_additions.csv"
    a = pd.read_csv(add, keep_default_na=False, dtype=str)
    base = pd.read_csv(DATA / "sources.csv", keep_default_na=False, dtype=str)
    assert list(a.columns) == ["resolution", "state", "vote", "source"]
    known = set(base["source_id"])
    for ids in a["source"]:
        assert set(ids.split(";")) <= known
