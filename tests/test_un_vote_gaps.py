"""Every ES-11 vote of a current or former CSTO member is in un_votes or a named gap in
un_vote_gaps: the check fails on a vote missing without a reason, and `make check` reports the
coverage."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.data.coverage import es11_line, es11_pairs, roll_call_years_line
from analysis.data.validate import check_directory

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


def _read(name: str, directory: Path = DATA) -> pd.DataFrame:
    return pd.read_csv(directory / f"{name}.csv", dtype=str, keep_default_na=False)


def _drop_line(path: Path, startswith: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith(startswith)]
    assert len(kept) == len(lines) - 1, f"no single line {startswith!r} in {path.name}"
    path.write_text("".join(kept), encoding="utf-8")


def test_every_es11_vote_of_a_csto_member_is_recorded_or_a_named_gap():
    pairs = es11_pairs(_read("un_resolutions"), _read("un_votes"), _read("un_vote_gaps"),
                       _read("memberships"))
    # the nine current and former members, on every ES-11 resolution the table holds
    assert set(pairs["state"]) == {"ARM", "AZE", "BLR", "GEO", "KAZ", "KGZ", "RUS", "TJK", "UZB"}
    es11 = {r for r in _read("un_resolutions")["resolution"] if r.startswith("A/RES/ES-11/")}
    assert set(pairs["resolution"]) == es11 and len(es11) >= 9
    bad = pairs[pairs["status"].isin(["missing", "both"])]
    assert bad.empty, bad.to_string()


def test_every_named_gap_has_a_reason_and_a_source():
    gaps = _read("un_vote_gaps")
    assert (gaps["reason"].str.len() > 40).all()
    assert (gaps["source"] != "").all()


def test_the_check_fails_on_a_missing_es11_vote_without_a_reason(scratch_data):
    _drop_line(scratch_data / "un_votes.csv", "A/RES/ES-11/7,TJK,")
    _, problems = check_directory(scratch_data)
    texts = [str(p) for p in problems]
    assert any("no vote of TJK on A/RES/ES-11/7" in t for t in texts), texts


def test_a_named_gap_makes_the_missing_vote_pass(scratch_data):
    _drop_line(scratch_data / "un_votes.csv", "A/RES/ES-11/7,TJK,")
    with open(scratch_data / "un_vote_gaps.csv", "a", encoding="utf-8") as f:
        f.write("A/RES/ES-11/7,TJK,Test: a reason long enough to name what was searched and "
                "found,,undl-rec-4076672\n")
    _, problems = check_directory(scratch_data)
    assert problems == []


def test_a_gap_named_for_a_recorded_vote_is_a_problem(scratch_data):
    with open(scratch_data / "un_vote_gaps.csv", "a", encoding="utf-8") as f:
        f.write("A/RES/ES-11/7,RUS,Test: this vote is on record already,,undl-rec-4076672\n")
    _, problems = check_directory(scratch_data)
    assert any("RUS on A/RES/ES-11/7 is a recorded vote" in str(p) for p in problems)


def test_es11_line_counts_and_names_the_gaps():
    resolutions = pd.DataFrame({"resolution": ["A/RES/ES-11/1", "A/RES/ES-11/2", "A/RES/68/262"]})
    memberships = pd.DataFrame({"state": ["ARM", "RUS", "FRA", "UZB"],
                                "organization": ["CSTO", "CST", "NATO", "CSTO"],
                                "status": ["member", "signatory", "member", "observer"]})
    votes = pd.DataFrame({"resolution": ["A/RES/ES-11/1", "A/RES/ES-11/1", "A/RES/ES-11/2"],
                          "state": ["ARM", "RUS", "RUS"]})
    gaps = pd.DataFrame({"resolution": ["A/RES/ES-11/2"], "state": ["ARM"],
                         "reason": ["not found anywhere"]})
    pairs = es11_pairs(resolutions, votes, gaps, memberships)
    assert pairs.values.tolist() == [["A/RES/ES-11/1", "ARM", "recorded"],
                                     ["A/RES/ES-11/1", "RUS", "recorded"],
                                     ["A/RES/ES-11/2", "ARM", "gap"],
                                     ["A/RES/ES-11/2", "RUS", "recorded"]]
    line = es11_line(pairs, gaps)
    assert "2 resolutions x 2 current and former CSTO members = 4 votes: 3 recorded" in line
    assert "1 named gap(s), 0 missing; gaps: A/RES/ES-11/2 ARM (not found anywhere...)" in line


def test_roll_call_years_line_names_the_years_between_the_series():
    voeten = pd.DataFrame({"date": ["2019-12-18", "2020-01-14"]})
    undl = pd.DataFrame({"date": ["2025-02-24"]})
    line = roll_call_years_line(voeten, undl)
    assert "Voeten 2019-12-18 to 2020-01-14 (2)" in line
    assert line.endswith("years without a roll call in the tables: 2021, 2022, 2023, 2024")


def test_make_check_reports_es11_and_the_roll_call_years(check_report):
    out = check_report.stdout
    assert "coverage: un_votes ES-11: " in out and " 0 missing" in out
    assert "coverage: roll calls by series: Voeten " in out
    assert "UN Digital Library 2025-" in out
