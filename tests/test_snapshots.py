"""The alliance at its turning points: snapshots and the changes between them."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.data.codebook.fields import split_list
from analysis.measures import membership, snapshots
from analysis.measures.membership import members_on, status_on
from tests.helpers.network import (
    BASE_DAY,
    HISTORY,
    memberships,
    timelines,
)

HISTORY_DATES = ["1992-05-15", "1994-04-20", "1999-04-20", "2002-10-07", "2006-08-16",
                 "2012-07-01", "2012-12-19", "2024-02-22"]


def test_snapshot_lists_members_and_frozen_members():
    snap = snapshots.snapshots(HISTORY, ["2024-02-22"]).iloc[0]
    assert snap["members"] == "RUS"
    assert snap["frozen"] == "ARM"
    assert (snap["n_in_alliance"], snap["n_members"], snap["n_frozen"]) == (2, 1, 1)


def test_snapshot_names_both_instruments_while_they_overlap():
    snaps = snapshots.snapshots(HISTORY, ["1999-04-20", "2002-10-07", "2006-08-16"])
    assert snaps["instruments"].tolist() == ["CST", "CST;CSTO", "CSTO"]


def test_snapshot_labels_come_from_the_turning_points():
    snaps = snapshots.snapshots(HISTORY, ["1992-05-15", "1993-01-01"])
    assert snaps["label"].tolist() == [snapshots.TURNING_POINTS["1992-05-15"], ""]
    assert snaps.loc[0, "signatories"] == "ARM;RUS;UZB"


def test_changes_between_the_alliance_history():
    changes = snapshots.changes_between(HISTORY, HISTORY_DATES)
    got = list(zip(changes["date_to"].dt.strftime("%Y-%m-%d"), changes["state"],
                   changes["from_status"], changes["to_status"], changes["change"]))
    assert got == [
        ("1994-04-20", "ARM", "signatory", "member", "ratified"),
        ("1994-04-20", "RUS", "signatory", "member", "ratified"),
        ("1994-04-20", "UZB", "signatory", "member", "ratified"),
        ("1999-04-20", "UZB", "member", "none", "left"),
        # 2002: the CST members sign the CSTO Charter; in the alliance nothing changes.
        ("2006-08-16", "UZB", "none", "member", "rejoined"),
        ("2012-07-01", "UZB", "member", "suspended", "suspended"),
        ("2012-12-19", "UZB", "suspended", "none", "left"),
        ("2024-02-22", "ARM", "member", "frozen", "froze"),
    ]


def test_a_newcomer_joins_rather_than_rejoins():
    newcomer = memberships([("BLR", "CST", "member", "1994-04-20", None)])
    changes = snapshots.changes_between(newcomer, ["1993-01-01", "1995-01-01"])
    assert changes["change"].tolist() == ["joined"]


def test_changes_between_identical_dates_is_empty_with_columns():
    changes = snapshots.changes_between(HISTORY, ["2020-01-01", "2021-01-01"])
    assert changes.empty
    assert list(changes.columns) == ["date_from", "date_to", "state", "from_status", "to_status",
                                     "change"]


@settings(max_examples=40, deadline=None)
@given(table=timelines(organizations=("CSTO",), statuses=membership.AFFILIATED),
       day=st.integers(-5, 440))
def test_snapshot_status_of_each_state_is_its_interval_status(table, day):
    date = BASE_DAY + pd.Timedelta(days=day)
    snap = snapshots.snapshots(table, [date]).iloc[0]
    covering = status_on(table, date).set_index("state")["status"]
    for column, status in [("members", "member"), ("signatories", "signatory"),
                           ("suspended", "suspended"), ("frozen", "frozen"),
                           ("withdrawing", "withdrawing")]:
        assert split_list(snap[column]) == sorted(covering[covering == status].index)
    inside = covering[covering.isin(membership.AFFILIATED)]
    assert split_list(snap["in_alliance"]) == sorted(inside.index)


def test_real_snapshots_one_row_per_turning_point(tables):
    snaps = snapshots.snapshots(tables["memberships"])
    assert snaps["date"].dt.strftime("%Y-%m-%d").tolist() == list(snapshots.TURNING_POINTS)
    assert snaps["in_alliance"].map(lambda s: "RUS" in split_list(s)).all()


def test_real_snapshot_members_are_members_of_the_treaty_or_organization(tables):
    m = tables["memberships"]
    for _, snap in snapshots.snapshots(m).iterrows():
        official = {s for org in ("CST", "CSTO") for s in members_on(m, snap["date"], org)}
        assert set(split_list(snap["members"])) == official


def test_each_membership_turning_point_is_the_first_day_of_a_change(tables):
    m = tables["memberships"]
    alliance = m[m["organization"].isin(membership.ALLIANCE)]
    for date, label in snapshots.TURNING_POINTS.items():
        if date in ("2022-01-05", "2026-11-23"):
            continue  # a request for help, and today: no change of membership
        day = pd.Timestamp(date)
        before = status_on(alliance, day - pd.Timedelta(days=1))
        after = status_on(alliance, day)
        assert not before.equals(after), label


def test_kazakhstan_turning_point_is_its_request_date(tables):
    requests = tables["requests"]
    kaz = requests[(requests["organization"] == "CSTO") & (requests["requester"] == "KAZ")
                   & (requests["date"] == pd.Timestamp("2022-01-05"))]
    assert len(kaz) == 1


def test_real_changes_rebuild_each_snapshot_from_the_previous(tables):
    m = tables["memberships"]
    snaps = snapshots.snapshots(m)
    changes = snapshots.changes_between(m, snapshots.TURNING_POINTS)
    for i in range(1, len(snaps)):
        inside = set(split_list(snaps.loc[i - 1, "in_alliance"]))
        step = changes[changes["date_to"] == snaps.loc[i, "date"]]
        inside |= set(step.loc[step["to_status"] != "none", "state"])
        inside -= set(step.loc[step["to_status"] == "none", "state"])
        assert inside == set(split_list(snaps.loc[i, "in_alliance"]))


def test_points_that_change_keep_the_first_and_every_change(tables):
    points = snapshots.turning_points("2026-11-23")
    kept = snapshots.points_that_change(tables["memberships"], points)
    assert list(kept)[0] == list(points)[0]
    assert "2002-10-07" not in kept  # the Charter changed no state's place in the alliance
    assert "2024-02-22" in kept and "2026-11-23" not in kept
    assert all(kept[d] == points[d] for d in kept)
