"""Tests for tools/imports/sipri_milex.py and tools/imports/sipri_arms.py.

Uses pandas and the standard library only.  Spot values of the vendored CSVs
were checked against SIPRI figures reported in the press (the pages are the
``verified_by`` sources of the SIPRI rows of data/origins.csv), not copied from the output.
"""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.data.paths import ROOT
from tools.imports import sipri_arms, sipri_milex

MILEX = ROOT / "data" / "milex.csv"
ARMS = ROOT / "data" / "arms_transfers.csv"

# written out independently of the import script
EXPECTED_STATES = sorted(
    "ARM AZE BLR GEO KAZ KGZ RUS TJK UZB "
    "ALB BEL BGR CAN HRV CZE DNK EST FIN FRA DEU GRC HUN ISL ITA LVA LTU LUX MNE "
    "NLD MKD NOR POL PRT ROU SVK SVN ESP SWE TUR GBR USA".split())
CSTO = {"ARM", "AZE", "BLR", "GEO", "KAZ", "KGZ", "RUS", "TJK", "UZB"}
BLUE, RED = "FF0000FF", "FFFF0000"


# ---------------------------------------------------------------- milex tidy
def _milex_raw(rows):
    return pd.DataFrame(rows,
                        columns=["series", "country", "notes", "year", "value", "font_color"])


def _good_milex_rows():
    c, s = "constant_2023_usd", "share_of_gdp"
    return [
        (c, "Russia", "83", 2022, 88877.36819714293, BLUE),
        (c, "Russia", "83", 2023, 109203.62473837858, BLUE),
        (s, "Russia", "83", 2022, 0.04607288840102347, BLUE),
        # Russia 2023 share deliberately absent from the sheet
        (c, "Armenia", "†6", 2022, "...", "FF000000"),
        (c, "Armenia", "†6", 2023, 1326.2456793866893, ""),
        (s, "Armenia", "†6", 2022, "xxx", "FF000000"),
        (s, "Armenia", "†6", 2023, 0.05506, RED),
        (c, "Germany", "", 2023, 67285.2, ""),       # not in the kept list
        (c, "Russia", "83", 1991, "...", ""),        # outside the kept years
    ]


def test_milex_tidy_hand_worked():
    out = sipri_milex.tidy(_milex_raw(_good_milex_rows()), states=["RUS", "ARM"],
                           years=[2022, 2023])
    assert list(out.columns) == sipri_milex.COLUMNS
    assert list(zip(out.state, out.year)) == [("ARM", 2022), ("ARM", 2023), ("RUS", 2022),
                                              ("RUS", 2023)]
    arm22, arm23, rus22, rus23 = (out.iloc[i] for i in range(4))
    assert pd.isna(arm22.milex_constant_2023_usd_million) and arm22.milex_flag == "unavailable"
    assert pd.isna(arm22.milex_share_of_gdp_percent) and arm22.share_flag == "not_independent"
    assert arm23.milex_constant_2023_usd_million == 1326.2 and arm23.milex_flag == ""
    assert arm23.milex_share_of_gdp_percent == 5.506 and arm23.share_flag == "uncertain"
    assert rus22.milex_constant_2023_usd_million == 88877.4 and rus22.milex_flag == "estimate"
    assert rus22.milex_share_of_gdp_percent == 4.6073 and rus22.share_flag == "estimate"
    assert rus23.milex_constant_2023_usd_million == 109203.6
    assert pd.isna(rus23.milex_share_of_gdp_percent) and rus23.share_flag == "absent"
    assert arm23.sipri_notes == "†6" and rus23.sipri_notes == "83"


def test_milex_unmapped_name_raises():
    rows = _good_milex_rows() + [("constant_2023_usd", "Ruritania", "", 2023, 1.0, "")]
    with pytest.raises(ValueError, match="Ruritania"):
        sipri_milex.tidy(_milex_raw(rows), states=["RUS"], years=[2023])


def test_milex_duplicate_key_raises():
    rows = [("constant_2023_usd", "Kyrgyz Republic", "", 2023, 1.0, ""),
            ("constant_2023_usd", "Kyrgyzstan", "", 2023, 2.0, "")]
    with pytest.raises(ValueError, match="KGZ/2023"):
        sipri_milex.tidy(_milex_raw(rows), states=["KGZ"], years=[2023])


def test_milex_out_of_range_raises():
    rows = [("share_of_gdp", "Russia", "", 2023, 1.5, "")]  # a fraction above 1
    with pytest.raises(ValueError, match="1.5"):
        sipri_milex.tidy(_milex_raw(rows), states=["RUS"], years=[2023])
    rows = [("constant_2023_usd", "Russia", "", 2023, -3.0, "")]
    with pytest.raises(ValueError, match="-3.0"):
        sipri_milex.tidy(_milex_raw(rows), states=["RUS"], years=[2023])


def test_milex_unknown_marker_raises():
    rows = [("constant_2023_usd", "Russia", "", 2023, "n/a", "")]
    with pytest.raises(ValueError, match="n/a"):
        sipri_milex.tidy(_milex_raw(rows), states=["RUS"], years=[2023])


# ---------------------------------------------------------------- arms tidy
def _deal(i, sup, rec, year, tiv, n_est="No", y_est="No"):
    row = dict.fromkeys(sipri_arms.RAW_COLUMNS, "")
    row.update({"SIPRI AT Database ID": str(i), "Supplier": sup, "Recipient": rec,
                "Delivery year": str(year), "TIV delivery values": str(tiv),
                "Numbers delivered is estimate": n_est, "Delivery year is estimate": y_est})
    return row


def _good_deals():
    return [
        _deal(1, "Russia", "Armenia", 2010, "45.8", n_est="Yes"),
        _deal(2, "Russia", "Armenia", 2010, "1.25"),
        _deal(2, "Russia", "Armenia", 2011, "1.25", y_est="Yes"),
        _deal(3, "unknown supplier(s)", "Azerbaijan", 2005, "3"),
        _deal(4, "Russia", "India", 2010, "500"),                 # recipient out of scope
        _deal(5, "Russia", "Armenia", 1999, "7"),                  # year out of scope
        _deal(6, "Iran", "Hezbollah (Lebanon)*", 2010, "1"),       # non-state recipient
        _deal(7, "NATO**", "Georgia", 2023, "0"),
    ]


def test_arms_tidy_hand_worked():
    out = sipri_arms.tidy(pd.DataFrame(_good_deals()))
    assert list(out.columns) == sipri_arms.COLUMNS
    got = [tuple(r) for r in out.itertuples(index=False)]
    assert got == [
        ("ARM", "RUS", 2010, 47.05, 2, 1),
        ("ARM", "RUS", 2011, 1.25, 1, 1),
        ("AZE", "unknown", 2005, 3.0, 1, 0),
        ("GEO", "nato", 2023, 0.0, 1, 0),
    ]


def test_arms_unmapped_supplier_raises():
    deals = _good_deals() + [_deal(8, "Ruritania", "Armenia", 2010, "1")]
    with pytest.raises(ValueError, match="Ruritania"):
        sipri_arms.tidy(pd.DataFrame(deals))


def test_arms_unmapped_recipient_raises():
    deals = _good_deals() + [_deal(8, "Russia", "Freedonia", 2010, "1")]
    with pytest.raises(ValueError, match="Freedonia"):
        sipri_arms.tidy(pd.DataFrame(deals))


def test_arms_duplicate_key_raises():
    deals = _good_deals() + [_deal(1, "Russia", "Armenia", 2010, "2")]
    with pytest.raises(ValueError, match="1/2010"):
        sipri_arms.tidy(pd.DataFrame(deals))


def test_arms_out_of_range_raises():
    with pytest.raises(ValueError, match="-4"):
        sipri_arms.tidy(pd.DataFrame(_good_deals() + [_deal(9, "Russia", "Belarus", 2010, "-4")]))
    with pytest.raises(ValueError, match="abc"):
        sipri_arms.tidy(pd.DataFrame(_good_deals() + [_deal(9, "Russia", "Belarus", 2010, "abc")]))


# ---------------------------------------------------------- vendored milex.csv
@pytest.fixture(scope="module")
def milex():
    return pd.read_csv(MILEX, keep_default_na=False, na_values=[""], dtype={"sipri_notes": str})


def test_milex_csv_shape(milex):
    assert list(milex.columns) == ["state", "year", "milex_constant_2023_usd_million",
                                   "milex_flag",
                                   "milex_share_of_gdp_percent", "share_flag", "sipri_notes"]
    assert not milex.duplicated(["state", "year"]).any()
    assert sorted(milex.state.unique()) == EXPECTED_STATES
    assert sorted(milex.year.unique()) == list(range(1992, 2025))
    assert len(milex) == milex.state.nunique() * milex.year.nunique() == 41 * 33
    assert MILEX.read_bytes().count(b"\r") == 0


def test_milex_csv_flags_consistent(milex):
    for v, f in [("milex_constant_2023_usd_million", "milex_flag"),
                 ("milex_share_of_gdp_percent", "share_flag")]:
        present = milex[v].notna()
        assert set(milex.loc[present, f].fillna("")) <= {"", "estimate", "uncertain"}
        assert set(milex.loc[~present, f]) <= {"unavailable", "not_independent", "absent"}
    assert milex.milex_share_of_gdp_percent.dropna().between(0, 100).all()


def _row(milex, state, year):
    r = milex[(milex.state == state) & (milex.year == year)]
    assert len(r) == 1
    return r.iloc[0]


def test_milex_csv_spot_values_against_press(milex):
    # In 2023 constant (2023) US$ equal current US$ by definition, so the
    # April-2024 press figures for 2023 (current US$) apply directly.
    assert round(_row(milex, "RUS",
                      2023).milex_constant_2023_usd_million / 1000) == 109   # $109 bn
    assert round(_row(milex, "USA",
                      2023).milex_constant_2023_usd_million / 1000) == 916   # $916 bn
    assert abs(_row(milex, "AZE",
                    2023).milex_constant_2023_usd_million - 3561) < 5        # $3,561 m
    assert abs(_row(milex, "ARM",
                    2023).milex_constant_2023_usd_million - 1330) < 10       # $1.33 bn
    # shares of GDP (percent), April 2025 / 2024 / 2023 releases
    assert round(_row(milex, "RUS", 2024).milex_share_of_gdp_percent, 1) == 7.1
    assert round(_row(milex, "POL", 2024).milex_share_of_gdp_percent, 1) == 4.2
    assert round(_row(milex, "CAN", 2024).milex_share_of_gdp_percent, 1) == 1.3
    assert round(_row(milex, "AZE", 2022).milex_share_of_gdp_percent, 1) == 3.8
    assert round(_row(milex, "KAZ", 2022).milex_share_of_gdp_percent, 1) == 0.5
    # SIPRI calls Russia's 2024 figure an estimate; Iceland has no military
    assert _row(milex, "RUS", 2024).milex_flag == "estimate"
    isl = _row(milex, "ISL", 2024)
    assert isl.milex_constant_2023_usd_million == 0 and pd.isna(isl.milex_share_of_gdp_percent)
    # press (2023, 2024 releases): no data for Uzbekistan
    assert pd.isna(_row(milex, "UZB", 2022).milex_constant_2023_usd_million)
    assert pd.isna(_row(milex, "UZB", 2023).milex_constant_2023_usd_million)


# ------------------------------------------------------ vendored arms_transfers.csv
@pytest.fixture(scope="module")
def arms():
    return pd.read_csv(ARMS, keep_default_na=False, na_values=[], dtype={"tiv_million": float})


def test_arms_csv_shape(arms):
    assert list(arms.columns) == ["recipient", "supplier", "year",
                                  "tiv_million", "n_deals", "n_deals_estimated"]
    key = ["recipient", "supplier", "year"]
    assert not arms.duplicated(key).any()
    assert set(arms.recipient) <= CSTO
    assert arms.year.between(2000, 2023).all()
    assert (arms.supplier != "").all()
    assert (arms.tiv_million >= 0).all()
    assert (arms.n_deals_estimated <= arms.n_deals).all()
    assert len(arms) == len(arms.drop_duplicates(key)) == 342
    assert ARMS.read_bytes().count(b"\r") == 0


def _share(arms, recipient, supplier, y0, y1):
    x = arms[(arms.recipient == recipient) & arms.year.between(y0, y1)]
    return 100 * x[x.supplier == supplier].tiv_million.sum() / x.tiv_million.sum()


def test_arms_csv_supplier_shares_against_sipri_press(arms):
    # SIPRI, March 2020: 94% of Armenia's 2015-19 imports from Russia,
    # 60% of Azerbaijan's from Israel; March 2021: 94% of Armenia's 2016-20 from Russia.
    assert round(_share(arms, "ARM", "RUS", 2015, 2019)) == 94
    assert round(_share(arms, "AZE", "ISR", 2015, 2019)) == 60
    assert round(_share(arms, "ARM", "RUS", 2016, 2020)) == 94
