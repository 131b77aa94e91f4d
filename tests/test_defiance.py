"""The ordinal defiance scale (each level by its rule, one act counted once, a freeze while it
lasts) and the attendance matrix of the Collective Security Council."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.measures import defiance
from tests.helpers.votes import as_strings, make_events, make_memberships


def _attendance(rows: list[tuple[str, str, str, str]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["session_id", "date", "state", "attended"])
    frame["date"] = pd.to_datetime(frame["date"]).astype("datetime64[ns]")
    frame["city"] = "Moscow"
    return as_strings(frame, ["session_id", "state", "attended", "city"])


@pytest.fixture
def scale_members() -> pd.DataFrame:
    return make_memberships([
        ("ARM", "CSTO", "member", "2003-09-18", "2024-02-22", "status_changed"),
        ("ARM", "CSTO", "frozen", "2024-02-22", None, None),
        ("UZB", "CST", "member", "1994-04-20", "1999-04-20", "not_renewed"),
        ("UZB", "CSTO", "member", "2006-08-16", "2012-06-28", "status_changed"),
        ("UZB", "CSTO", "suspended", "2012-06-28", "2012-12-19", "withdrew"),
        ("KGZ", "CSTO", "member", "2003-09-18", None, None),
        ("BLR", "CSTO", "member", "2003-09-18", None, None),
    ])


def test_each_level_of_the_scale_by_its_rule(scale_members):
    events = make_events([
        ("E821", "2016-04-07", "statement", "CSTO", "ARM;RUS;AZE"),  # dissent, Armenia's alone
        ("E602", "2022-10-09", "exercise_withdrawal", "CSTO", "KGZ"),  # to host: refusing
        ("E601", "2022-09-27", "exercise_withdrawal", "CSTO", "ARM"),  # units kept away
        ("E029", "2022-11-23", "declaration_refused", "CSTO", "ARM"),
        ("E034", "2024-02-22", "freeze", "CSTO", "ARM"),
        ("E026", "2012-06-28", "suspension", "CSTO", "UZB"),  # a note announcing withdrawal
        ("E999", "2016-04-07", "statement", "CSTO", "KGZ"),  # a statement not coded as dissent
        ("E998", "2016-04-07", "summit_boycott", "EAEU", "BLR"),  # another organization
    ])
    attendance = _attendance([("CSC-2016-12-26", "2016-12-26", "BLR", "absent"),
                              ("CSC-2016-12-26", "2016-12-26", "ARM", "deputy")])
    acts = defiance.defiance_scale_acts(events, scale_members, attendance)
    levels = {(s, int(y)): int(level) for s, y, level in
              zip(acts["state"], acts["year"], acts["level"])}
    assert levels == {("ARM", 2016): 1, ("KGZ", 2022): 3, ("ARM", 2022): 3, ("ARM", 2024): 4,
                      ("UZB", 2012): 5, ("BLR", 2016): 2, ("UZB", 1999): 5}
    arm_2022 = acts[(acts["state"] == "ARM") & (acts["year"] == 2022)]
    assert sorted(arm_2022["level"].tolist()) == [2, 3]
    assert "RUS" not in set(acts["state"])  # E821 is Armenia's act, not Russia's
    # The freeze and Uzbekistan's note are recorded in both tables and counted once each.
    assert acts[acts["state"] == "ARM"]["record"].tolist().count("E034") == 1
    assert (acts["table"] == "memberships").sum() == 1  # only the 1999 non-renewal
    assert acts.loc[acts["record"] == "E602", "rule"].iloc[0].startswith("coded E602")


def test_an_absence_recorded_as_a_boycott_counts_once(scale_members):
    events = make_events([("E033", "2023-11-23", "summit_boycott", "CSTO", "ARM")])
    attendance = _attendance([("CSC-2023-11-23", "2023-11-23", "ARM", "absent")])
    acts = defiance.defiance_scale_acts(events, scale_members, attendance)
    assert acts.loc[acts["table"] != "memberships", "record"].tolist() == ["E033"]


def test_acts_outside_membership_do_not_count(scale_members):
    events = make_events([("E853", "2021-10-08", "summit_boycott", "CSTO", "UZB")])
    acts = defiance.defiance_scale_acts(events, scale_members, _attendance([]))
    assert "E853" not in set(acts["record"])  # Uzbekistan was not a member in 2021


def test_a_year_takes_its_highest_level_and_a_freeze_lasts(scale_members):
    events = make_events([
        ("E601", "2022-09-27", "exercise_withdrawal", "CSTO", "ARM"),
        ("E029", "2022-11-23", "declaration_refused", "CSTO", "ARM"),
        ("E034", "2024-02-22", "freeze", "CSTO", "ARM"),
    ])
    acts = defiance.defiance_scale_acts(events, scale_members, _attendance([]))
    levels = defiance.defiance_levels(acts, scale_members, 2026).set_index(["state", "year"])
    assert levels.at[("ARM", 2022), "level"] == 3 and levels.at[("ARM", 2022), "acts"] == 2
    assert levels.at[("ARM", 2022), "records"] == "E029"
    assert levels.at[("ARM", 2021), "level"] == 0
    assert [levels.at[("ARM", y), "level"] for y in (2024, 2025, 2026)] == [4, 4, 4]
    assert bool(levels.at[("ARM", 2025), "in_force"]) and not levels.at[("ARM", 2024),
                                                                          "in_force"]
    assert levels.at[("ARM", 2022), "name"] == "refusing"
    # Uzbekistan: a member 1994-1999 and 2006-2012, not in between.
    assert ("UZB", 2003) not in levels.index and ("UZB", 2006) in levels.index


def test_the_scale_names_six_levels():
    assert sorted(defiance.DEFIANCE_LEVELS) == [0, 1, 2, 3, 4, 5]
    coded = {**defiance.STATEMENTS_OF_DISSENT, **defiance.REFUSALS, **defiance.LEAVING}
    assert len(coded) == (len(defiance.STATEMENTS_OF_DISSENT) + len(defiance.REFUSALS)
                          + len(defiance.LEAVING))  # no event coded twice


def test_every_coded_event_exists_and_concerns_the_alliance(tables):
    events = tables["events"].set_index("event_id")
    coded = {**defiance.STATEMENTS_OF_DISSENT, **defiance.REFUSALS, **defiance.LEAVING}
    for event_id, (actors, _) in coded.items():
        assert events.at[event_id, "organization"] in ("CST", "CSTO"), event_id
        named = set(str(events.at[event_id, "states"]).split(";"))
        assert set(actors) <= named or event_id == "E019", event_id  # E019 names no state


def test_attendance_matrix_orders_sessions_and_leaves_non_members_empty():
    attendance = _attendance([("CSC-B", "2010-08-20", "ARM", "head_of_state"),
                              ("CSC-A", "2009-06-14", "BLR", "absent"),
                              ("CSC-A", "2009-06-14", "ARM", "unknown")])
    out = defiance.attendance_matrix(attendance, ["ARM", "BLR"])
    assert out.index.tolist() == ["CSC-A", "CSC-B"]
    assert out.at["CSC-A", "BLR"] == "absent" and pd.isna(out.at["CSC-B", "BLR"])
    assert out.at["CSC-A", "ARM"] == "unknown"
