"""tools/imports/undl_votes.py: the tidy function on hand-made raw frames and its refusals, and
the vendored undl_roll_calls / undl_roll_call_votes against second copies (the hand-coded
un_votes and un_resolutions, and UN News / RFE/RL reports of single votes)."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

from tools.imports import undl_votes as u

DATA = Path(__file__).resolve().parents[1] / "data"


# ---------------------------------------------------------------- hand-made raw
def raw(**change):
    """Three records (two General Assembly, one Security Council) and three member columns, in a
    UN of four members (one member has no column)."""
    frame = pd.DataFrame({
        "Link": ["https://digitallibrary.un.org/record/11", "https://digitallibrary.un.org/record/12",
                 "https://digitallibrary.un.org/record/13"],
        "token": ["11", "12", "13"],
        "Scrape_Year": ["2025"] * 3,
        "Title": ["Peace in X : resolution / adopted by the General Assembly",
                  "Budget  of  Y", "Security Council resolution 1"],
        "Council": ["General Assembly", "General Assembly", "Security Council"],
        "Resolution": ["A/RES/ES-11/7", "A/RES/80/84 A", "S/RES/1(2025)"],
        "country": [""] * 3, "subregion": [""] * 3, "continent": [""] * 3,
        "Date": ["2025-02-24", "2025-12-05", "2025-01-15"],
        "YES COUNT": ["1", "2", "1"], "NO COUNT": ["1", "0", "0"],
        "ABSTAIN COUNT": ["0", "1", "0"], "NO-VOTE COUNT": ["2", "1", "3"],
        "TOTAL VOTES": ["4", "4", "4"], "tags": [""] * 3,
        "ARM": ["YES", "YES", ""], "RUS": ["NO", "ABSTAIN", ""], "USA": ["", "YES", "YES"],
    })
    for column, values in change.items():
        frame[column] = values
    return frame


def test_tidy_keeps_the_assembly_records_and_the_listed_states():
    out = u.tidy(raw(), ["ARM", "RUS", "CSK"], members=4)
    calls, votes = out["undl_roll_calls"], out["undl_roll_call_votes"]
    assert list(calls.columns) == u.ROLL_CALL_COLUMNS
    assert calls["undl_id"].tolist() == [11, 12]                 # the Security Council row is gone
    assert calls["session"].tolist() == [79, 80]                 # from the date, from the symbol
    assert calls["title"].tolist() == ["Peace in X", "Budget of Y"]
    assert calls["non_voting"].tolist() == [2, 1]
    assert list(votes.columns) == u.VOTE_COLUMNS
    assert votes.values.tolist() == [[11, "ARM", "yes"], [11, "RUS", "no"],
                                     [12, "ARM", "yes"], [12, "RUS", "abstain"]]
    assert out["missing_states"] == ["CSK"]                      # named, not dropped silently


def test_tidy_refuses_columns_that_do_not_add_up_to_the_record():
    with pytest.raises(ValueError, match="yes 1 in the columns, 2 in the record"):
        u.tidy(raw(**{"YES COUNT": ["1", "2", "1"], "USA": ["", "", "YES"]}), ["ARM"], members=4)
    with pytest.raises(ValueError, match="non_voting"):
        u.tidy(raw(), ["ARM"], members=5)                        # one more member, unaccounted


def test_tidy_refuses_odd_codes_symbols_and_links():
    with pytest.raises(ValueError, match="vote value out of range"):
        u.tidy(raw(RUS=["NO", "X", ""]), ["ARM"], members=4)
    with pytest.raises(ValueError, match="unexpected symbol"):
        u.tidy(raw(Resolution=["ES-11/7", "A/RES/80/84 A", "S/RES/1"]), ["ARM"], members=4)
    with pytest.raises(ValueError, match="duplicate Resolution"):
        u.tidy(raw(Resolution=["A/RES/80/1", "A/RES/80/1", "S/RES/1"],
                   Date=["2025-12-05"] * 3), ["ARM"], members=4)
    with pytest.raises(ValueError, match="link and record number"):
        u.tidy(raw(token=["11", "99", "13"]), ["ARM"], members=4)


def test_session_of_reads_the_symbol_and_checks_it_against_the_date():
    assert u.session_of("A/RES/79/331", "2025-09-05") == 79     # September: either session
    assert u.session_of("A/RES/80/1", "2025-09-19") == 80
    assert u.session_of("A/RES/ES-11/9", "2025-12-03") == 80
    with pytest.raises(ValueError, match="session 78"):
        u.session_of("A/RES/78/1", "2025-12-03")
    with pytest.raises(ValueError, match="not known from the date"):
        u.session_of("A/RES/ES-11/10", "2025-09-10")


# ---------------------------------------------------------------- the vendored extract
@pytest.fixture(scope="module")
def extract():
    def read(name):
        return pd.read_csv(DATA / f"{name}.csv", dtype=str, keep_default_na=False)

    return {name: read(name) for name in ("undl_roll_calls", "undl_roll_call_votes", "un_votes",
                                          "un_resolutions", "states", "origins")}


def test_the_extract_is_no_larger_than_the_records_allow(extract):
    calls, votes = extract["undl_roll_calls"], extract["undl_roll_call_votes"]
    assert calls["date"].str.startswith("2025-").all()
    cast = votes.groupby(["undl_id", "vote"]).size().unstack(fill_value=0)
    totals = calls.set_index("undl_id")[["yes", "no", "abstain"]].astype(int)
    cast = cast.reindex(totals.index, fill_value=0)[["yes", "no", "abstain"]]
    assert (cast <= totals).all().all()
    assert set(votes["state"]) <= set(extract["states"]["iso3"])


def test_es11_totals_equal_the_hand_coded_resolutions(extract):
    calls = extract["undl_roll_calls"].set_index("resolution")
    res = extract["un_resolutions"].set_index("resolution")
    es11 = [r for r in calls.index if r.startswith("A/RES/ES-11/")]
    assert es11, "no ES-11 record in the extract"
    for symbol in es11:
        for col in ("yes", "no", "abstain", "non_voting"):
            assert calls.at[symbol, col] == res.at[symbol, col], (symbol, col)


def test_every_hand_coded_vote_agrees_with_the_un_record(extract):
    calls = extract["undl_roll_calls"].set_index("undl_id")["resolution"]
    votes = extract["undl_roll_call_votes"].assign(
        resolution=lambda d: d["undl_id"].map(calls))
    record = votes.set_index(["resolution", "state"])["vote"]
    hand = extract["un_votes"]
    hand = hand[hand["resolution"].isin(set(calls))]
    assert len(hand) > 0
    for r, s, v in zip(hand["resolution"], hand["state"], hand["vote"]):
        expected = record.get((r, s), "absent")                    # no row: did not vote
        assert v == expected, f"un_votes {r} {s}: {v}, the UN record {expected}"


def test_single_votes_reported_by_the_un_and_rferl(extract):
    calls = extract["undl_roll_calls"].set_index("resolution")
    votes = extract["undl_roll_call_votes"]
    kept = set(extract["states"]["iso3"])                         # microstates are left out

    def cast(symbol, vote):
        rid = calls.at[symbol, "undl_id"]
        return set(votes.loc[(votes["undl_id"] == rid) & (votes["vote"] == vote), "state"])

    # UN News, 19 Sept 2025 (ver-unnews-80-1): 145-5-6 with both lists named
    assert calls.loc["A/RES/80/1", ["yes", "no", "abstain"]].tolist() == ["145", "5", "6"]
    assert cast("A/RES/80/1", "no") == {"ISR", "NRU", "PLW", "PRY", "USA"} & kept
    assert cast("A/RES/80/1", "abstain") == {"ALB", "FJI", "HUN", "MKD", "PAN", "PNG"} & kept
    # RFE/RL Armenian Service, April 2025 (ver-azatutyun-79-284): 105-9-33, Russia and the
    # United States against, Armenia in favour
    assert calls.loc["A/RES/79/284", ["yes", "no", "abstain"]].tolist() == ["105", "9", "33"]
    assert {"RUS", "USA"} <= cast("A/RES/79/284", "no")
    assert "ARM" in cast("A/RES/79/284", "yes")
    # ARY News, June 2025 (ver-arynews-es10-27): 149-12-19, five of the no votes and five
    # abstentions named
    assert calls.loc["A/RES/ES-10/27", ["yes", "no", "abstain"]].tolist() == ["149", "12", "19"]
    assert {"USA", "ISR", "ARG", "HUN", "PRY"} <= cast("A/RES/ES-10/27", "no")
    assert {"IND", "GEO", "ECU", "ROU", "ETH"} <= cast("A/RES/ES-10/27", "abstain")


def test_the_origin_names_the_raw_file_and_its_hash(extract):
    origin = extract["origins"].set_index("origin_id").loc["undl-ga-votes-2025"]
    assert origin["copy_commit"] == u.COMMIT and origin["copy_path"] == u.PATH_IN_REPO
    assert origin["tables"] == "undl_roll_calls;undl_roll_call_votes"
    assert "non-commercial use with attribution" in origin["terms"]


#: A git copy of HZloto/unga-2025, if one has been brought onto this machine (``UNDL_MIRROR``).
MIRROR = os.environ.get("UNDL_MIRROR", "")


@pytest.mark.skipif(not (MIRROR and Path(MIRROR).exists()),
                    reason="no copy of HZloto/unga-2025 (set UNDL_MIRROR to its git dir)")
def test_the_import_reproduces_the_vendored_files(tmp_path, extract):
    got = u.read_raw(mirror=MIRROR)
    origin = extract["origins"].set_index("origin_id").loc["undl-ga-votes-2025"]
    assert got["sha256"] == origin["raw_sha256"]
    u.main(["--mirror", MIRROR, "--out", str(tmp_path), "--states", str(DATA / "states.csv")])
    for name in ("undl_roll_calls", "undl_roll_call_votes"):
        assert (tmp_path / f"{name}.csv").read_bytes() == (DATA / f"{name}.csv").read_bytes()
