"""Tests for the country-code, COW NMC and UCDP/PRIO ACD imports (pandas + stdlib only).

Spot values in the vendored CSVs were checked against a second copy:
* country codes: the COW and GW state lists in peacesciencer (cow_states.rda, gw_states.rda),
  independent of the countrycode package the codes were derived from;
* NMC: COW's NMC-60-abridged.csv (v6.0, copy in github.com/jcook125/Slide-Deck-Rmd at
  71c64df1b9bf005b0a7d5a6d77e0560fe1bef0d0), identical to v7 for 1992-2016 for all 41 states;
* UCDP: UCDP's UcdpPrioConflict_v25_1.csv (copy in
  github.com/Jenssah86/bit_academy_analytics_project at
  151731d0bddc8db7a655dd214669bc8451a37c6c), which agrees with peacesciencer on all 2,750
  conflict-years both hold.
"""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from analysis.data.paths import ROOT
from tools.imports import country_codes, cow_nmc, ucdp_acd

DATA = ROOT / "data"


def _nan():
    return float("nan")


# ------------------------------------------------------------------ country codes
def _codelist():
    return pd.DataFrame({
        "iso3c": ["RUS", "DEU", "ROU", None, "SRB"],
        "cown": [365.0, 255.0, 360.0, 345.0, _nan()],
        "cowc": ["RUS", "GMY", "ROM", "YUG", None],
        "gwn": [365.0, 260.0, 360.0, 345.0, 340.0],
    })


def test_country_codes_tidy_hand_worked():
    out = country_codes.tidy(_codelist(), pd.DataFrame({"iso3": ["ROU", "DEU", "SRB", "RUS"]}))
    assert list(out.columns) == country_codes.COLUMNS
    assert list(out["iso3"]) == ["DEU", "ROU", "RUS", "SRB"]
    got = {r.iso3: (r.cow_code, r.cow_letter, r.gw_code) for r in out.itertuples()}
    assert got == {"DEU": (255, "GMY", 260), "ROU": (360, "ROM", 360), "RUS": (365, "RUS", 365),
                   "SRB": (345, "YUG", 340)}  # SRB from the documented override
    assert "USSR" in out.set_index("iso3").loc["RUS", "note"]


def test_country_codes_unmapped_raises_with_name():
    with pytest.raises(ValueError, match="XKX"):
        country_codes.tidy(_codelist(), pd.DataFrame({"iso3": ["RUS", "XKX"]}))


def test_country_codes_duplicate_raises():
    with pytest.raises(ValueError, match="RUS"):
        country_codes.tidy(_codelist(), pd.DataFrame({"iso3": ["RUS", "RUS"]}))


def test_country_codes_out_of_range_raises():
    cl = _codelist()
    cl.loc[0, "cown"] = 3650.0
    with pytest.raises(ValueError, match="3650"):
        country_codes.tidy(cl, pd.DataFrame({"iso3": ["RUS"]}))


def test_country_codes_vendored():
    cc = pd.read_csv(DATA / "country_codes.csv", keep_default_na=False, na_values=[""],
                     dtype={"gw_code": "Int64"})
    states = pd.read_csv(DATA / "states.csv")
    assert list(cc.columns) == ["iso3", "cow_code", "cow_letter", "gw_code", "note"]
    assert sorted(cc["iso3"]) == sorted(states["iso3"])
    assert len(cc) == len(states) and not cc["iso3"].duplicated().any()
    c = cc.set_index("iso3")
    # checked against the COW (v2016) and GW state lists shipped in peacesciencer
    assert tuple(c.loc["RUS", ["cow_code", "cow_letter", "gw_code"]]) == (365, "RUS", 365)
    assert tuple(c.loc["DEU", ["cow_code", "cow_letter", "gw_code"]]) == (255, "GMY", 260)
    assert tuple(c.loc["SRB", ["cow_code", "cow_letter", "gw_code"]]) == (345, "YUG", 340)
    assert tuple(c.loc["CZE", ["cow_code", "cow_letter", "gw_code"]]) == (316, "CZR", 316)
    assert tuple(c.loc["MKD", ["cow_code", "cow_letter", "gw_code"]]) == (343, "MAC", 343)
    assert tuple(c.loc["MNE", ["cow_code", "cow_letter", "gw_code"]]) == (341, "MNG", 341)
    assert tuple(c.loc["KAZ", ["cow_code", "cow_letter", "gw_code"]]) == (705, "KZK", 705)
    assert c.loc["AUT", "cow_letter"] == "AUS"


# ------------------------------------------------------------------ NMC
def _codes():
    return pd.DataFrame({"iso3": ["RUS", "ARM", "USA"], "cow_code": [365, 371, 2],
                         "gw_code": [365, 371, 2]})


def _nmc():
    return pd.DataFrame({
        "ccode": [365.0, 365.0, 371.0, 2.0, 2.0, 710.0],
        "year": [1991.0, 1992.0, 1992.0, 1992.0, 1993.0, 1992.0],
        "milex": [1.0, 42000000.0, _nan(), 305000000.0, -9.0, 5.0],
        "milper": [5.0, 2720.0, 32.0, 1919.0, 1815.0, 3160.0],
    })


def test_nmc_tidy_hand_worked():
    out = cow_nmc.tidy(_nmc(), _codes(), states=["ARM", "RUS", "USA"], years=(1992, 1993))
    assert list(out.columns) == cow_nmc.COLUMNS
    assert out[["state", "year"]].values.tolist() == [["ARM", 1992], ["RUS", 1992], ["USA", 1992],
                                                      ["USA", 1993]]
    assert out["milper_thousands"].tolist() == [32, 2720, 1919, 1815]
    milex = out["milex_thousands_usd"]
    assert pd.isna(milex[0]) and pd.isna(milex[3])  # NA and COW -9 both become missing
    assert milex[1] == 42000000 and milex[2] == 305000000


def test_nmc_unmapped_raises():
    with pytest.raises(ValueError, match="KAZ"):
        cow_nmc.tidy(_nmc(), _codes(), states=["RUS", "KAZ"])


def test_nmc_duplicate_raises():
    n = pd.concat([_nmc(), _nmc().iloc[[1]]])
    with pytest.raises(ValueError, match="RUS 1992"):
        cow_nmc.tidy(n, _codes(), states=["RUS"])


def test_nmc_out_of_range_raises():
    n = _nmc()
    n.loc[1, "milper"] = -5.0
    with pytest.raises(ValueError, match="-5"):
        cow_nmc.tidy(n, _codes(), states=["RUS"])


def test_nmc_vendored():
    df = pd.read_csv(DATA / "nmc_milper.csv")
    assert list(df.columns) == cow_nmc.COLUMNS
    assert not df.duplicated(["state", "year"]).any()
    assert set(df["state"]) == set(cow_nmc.STATES)
    assert df["year"].between(1992, 2022).all()
    # rows = state-years COW holds: 41 x 31 minus CZE/SVK/MKD 1992 and MNE 1992-2005
    assert len(df) == len(cow_nmc.STATES) * 31 - 3 - 14
    assert df.groupby("state").size().to_dict()["MNE"] == 2022 - 2006 + 1
    v = df.set_index(["state", "year"])
    # verified against COW NMC v6.0 (NMC-60-abridged.csv), same figures
    assert v.loc[("RUS", 2016), "milper_thousands"] == 798
    assert v.loc[("RUS", 2016), "milex_thousands_usd"] == 46626000
    assert v.loc[("USA", 2000), "milper_thousands"] == 1366
    assert v.loc[("USA", 2010), "milex_thousands_usd"] == 693600000
    assert pd.isna(v.loc[("BLR", 1997), "milper_thousands"])  # -9 in v6
    assert v.loc[("ISL", 1995), "milper_thousands"] == 0  # Iceland: no armed forces, COW codes 0


# ------------------------------------------------------------------ UCDP
def _acd():
    # peacesciencer style: one row per state combination, names absent
    base = dict(incompatibility="territory", intensity_level=1.0, type_of_conflict="interstate",
                start_date=date(2014, 7, 10), ep_end=0.0, ep_end_date=None, gwno_a_2nd=_nan(),
                gwno_b_2nd=_nan())
    rows = [
        dict(base, conflict_id=13324.0, year=2021.0, gwno_a=703.0, gwno_b=702.0),
        dict(base, conflict_id=13324.0, year=2022.0, gwno_a=703.0, gwno_b=702.0, ep_end=1.0,
             ep_end_date=date(2022, 9, 18)),
        dict(base, conflict_id=1.0, year=2022.0, gwno_a=710.0, gwno_b=_nan(),
             type_of_conflict="intrastate"),
        dict(base, conflict_id=2.0, year=1990.0, gwno_a=365.0, gwno_b=_nan(),
             type_of_conflict="intrastate"),
        dict(base, conflict_id=3.0, year=2000.0, gwno_a=704.0, gwno_b=_nan(), gwno_a_2nd=703.0,
             type_of_conflict="II", incompatibility="government"),
        dict(base, conflict_id=3.0, year=2000.0, gwno_a=704.0, gwno_b=_nan(), gwno_a_2nd=365.0,
             type_of_conflict="II", incompatibility="government"),
    ]
    return pd.DataFrame(rows)


def _names():
    cols = ["conflict_id", "year", "location", "side_a", "side_b", "gwno_a", "gwno_b",
            "gwno_a_2nd",
            "gwno_b_2nd", "gwno_loc", "intensity_level", "type_of_conflict", "incompatibility",
            "start_date", "ep_end", "ep_end_date"]
    rows = [
        ["13324", "2021", "Kyrgyzstan, Tajikistan", "Government of Kyrgyzstan",
         "Government of Tajikistan",
         "703", "702", "", "", "702, 703", "1", "2", "1", "10-7-2014", "0", ""],
        ["13324", "2022", "Kyrgyzstan, Tajikistan", "Government of Kyrgyzstan",
         "Government of Tajikistan",
         "703", "702", "", "", "702, 703", "1", "2", "1", "10-7-2014", "1", "18-9-2022"],
        ["1", "2022", "China", "Government of China", "X", "710", "", "", "", "710", "1", "3", "1",
         "10-7-2014", "0", ""],
        ["2", "1990", "Russia (Soviet Union)", "Government of Russia (Soviet Union)", "Y", "365",
         "", "", "",
         "365", "1", "3", "1", "10-7-2014", "0", ""],
        ["3", "2000", "Uzbekistan", "Government of Uzbekistan", "IMU", "704", "", "365, 703", "",
         "704",
         "1", "4", "2", "10-7-2014", "0", ""],
    ]
    return pd.DataFrame(rows, columns=cols)


def _ucodes():
    return pd.DataFrame({"iso3": ucdp_acd.CSTO,
                         "gw_code": [371, 373, 370, 372, 705, 703, 365, 702, 704]})


def test_ucdp_tidy_hand_worked():
    out = ucdp_acd.tidy(_acd(), _names(), _ucodes(), members=ucdp_acd.CSTO)
    assert list(out.columns) == ucdp_acd.COLUMNS
    # conflict 1 (China only) and conflict 2 (before 1992) are not selected
    assert out[["conflict_id", "year"]].values.tolist() == [[3, 2000], [13324, 2021],
                                                            [13324, 2022]]
    r = out.iloc[2]
    assert (r.states, r.type_of_conflict, r.intensity_level, r.incompatibility) == (
        "KGZ;TJK", "interstate", "minor", "territory")
    assert (r.start_date, r.ep_end, r.ep_end_date) == ("2014-07-10", 1, "2022-09-18")
    assert r.location == "Kyrgyzstan, Tajikistan"
    u = out.iloc[0]  # two peacesciencer rows collapsed into one conflict-year
    assert (u.states, u.states_secondary, u.type_of_conflict) == ("UZB", "KGZ;RUS",
                                                                  "internationalized_intrastate")


def test_ucdp_unmapped_raises():
    codes = _ucodes()
    codes.loc[codes["iso3"] == "KGZ", "gw_code"] = None
    with pytest.raises(ValueError, match="KGZ"):
        ucdp_acd.tidy(_acd(), _names(), codes, members=ucdp_acd.CSTO)


def test_ucdp_duplicate_raises():
    names = pd.concat([_names(), _names().iloc[[0]]])
    with pytest.raises(ValueError, match="13324 2021"):
        ucdp_acd.tidy(_acd(), names, _ucodes(), members=ucdp_acd.CSTO)


def test_ucdp_out_of_range_raises():
    acd = _acd()
    acd.loc[acd["conflict_id"] == 13324.0, "intensity_level"] = 3.0
    names = _names()
    names.loc[names["conflict_id"] == "13324", "intensity_level"] = "3"
    with pytest.raises(ValueError, match="intensity_level out of range: 3"):
        ucdp_acd.tidy(acd, names, _ucodes(), members=ucdp_acd.CSTO)


def test_ucdp_copies_disagree_raises():
    names = _names()
    names.loc[1, "gwno_b"] = "369"
    with pytest.raises(ValueError, match="13324 2022: gwno_b"):
        ucdp_acd.tidy(_acd(), names, _ucodes(), members=ucdp_acd.CSTO)


def test_ucdp_vendored():
    df = pd.read_csv(DATA / "ucdp_conflicts.csv", keep_default_na=False)
    assert list(df.columns) == ucdp_acd.COLUMNS
    assert not df.duplicated(["conflict_id", "year"]).any()
    assert (df["year"] >= 1992).all()
    assert len(df) == df.groupby("conflict_id").size().sum() == 144
    assert set(df["type_of_conflict"]) <= {"extrasystemic", "interstate", "intrastate",
                                           "internationalized_intrastate"}
    assert set(df["intensity_level"]) <= {"minor", "war"}
    for s in df["states"]:
        assert s and set(s.split(";")) <= set(ucdp_acd.MEMBERS)
    v = df.set_index(["conflict_id", "year"])
    # verified in both copies (peacesciencer and UCDP's v25.1 CSV)
    assert tuple(v.loc[(13324, 2022),
                       ["states", "type_of_conflict", "ep_end", "ep_end_date"]]) == (
        "KGZ;TJK", "interstate", 1, "2022-09-18")
    assert tuple(v.loc[(395, 1992),
                       ["location", "intensity_level", "states_secondary"]]) == ("Tajikistan",
                                                                                 "war", "UZB")
    assert v.loc[(401, 1995), "side_b"] == "Chechen Republic of Ichkeria"
    assert tuple(v.loc[(388, 2020), ["intensity_level", "states", "states_secondary"]]) == (
        "war", "AZE", "ARM;TUR")
    # NATO members are selected by the same rule (verified in both copies)
    assert tuple(v.loc[(354, 1992), ["location", "side_b", "states"]]) == ("Turkey", "PKK", "TUR")
    assert v.loc[(418, 2001), "states"] == "USA"
    assert v.loc[(315, 1998), "side_b"] == "RIRA"
    assert v.loc[(13243, 2022), "location"] == "Russia (Soviet Union), Ukraine"


def test_ucdp_selects_the_members_asked_for():
    """The same rule selects any state list: with China as the only member, the China row (and
    only it) is kept; the default list holds both alliances."""
    codes = pd.DataFrame({"iso3": ["CHN"], "gw_code": [710]})
    out = ucdp_acd.tidy(_acd(), _names(), codes, members=["CHN"])
    assert out[["conflict_id", "year", "states"]].values.tolist() == [[1, 2022, "CHN"]]
    assert set(ucdp_acd.CSTO) | set(ucdp_acd.NATO) == set(ucdp_acd.MEMBERS)
    assert len(ucdp_acd.NATO) == 32


def test_every_ucdp_candidate_is_in_the_vendored_frame():
    """Each crisis candidate framed by UCDP names a conflict of the vendored extract in which its
    member is a primary party or the location (NATO's as well as the CSTO's), except ETA (342),
    whose last conflict-year is 1991, before the extract's first year."""
    acd = pd.read_csv(DATA / "ucdp_conflicts.csv", keep_default_na=False)
    candidates = pd.read_csv(DATA / "crisis_candidates.csv", keep_default_na=False)
    framed = candidates[candidates["frame"] == "UCDP-ACD"]
    states = acd.groupby("conflict_id")["states"].agg(
        lambda s: set(";".join(s).split(";")) | set())
    secondary = acd.groupby("conflict_id")["states_secondary"].agg(
        lambda s: set(";".join(s).split(";")))
    missing, wrong_member = [], []
    for row in framed.itertuples():
        cid = int(row.frame_id)
        if cid not in states.index:
            missing.append((row.candidate_id, cid))
            continue
        member = set(row.member.split(";"))
        if not member & (states[cid] | secondary[cid]):
            wrong_member.append((row.candidate_id, cid))
    assert missing == [("NATO-C-001", 342)]
    assert wrong_member == []
    assert framed["organization"].value_counts()["NATO"] >= 15
