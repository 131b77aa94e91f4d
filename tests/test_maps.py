"""Maps as measures: shapes, positions, map categories on a date, Crimea."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.measures import maps
from analysis.measures.membership import ever_members

MEMBERSHIP_COLUMNS = ["state", "organization", "status", "start", "start_precision", "end",
                      "end_precision", "end_reason", "note", "source"]


def memberships(rows: list[tuple[str, str, str, str, str | None]]) -> pd.DataFrame:
    """A memberships table typed like the loaded one, from (state, org, status, start, end)."""
    frame = pd.DataFrame(
        [{"state": s, "organization": o, "status": status, "start": start,
          "start_precision": "day", "end": end, "end_precision": "day" if end else None,
          "end_reason": "status_changed" if end else None, "note": None, "source": "test"}
         for s, o, status, start, end in rows],
        columns=MEMBERSHIP_COLUMNS,
    )
    frame["start"] = pd.to_datetime(frame["start"]).astype("datetime64[ns]")
    frame["end"] = pd.to_datetime(frame["end"]).astype("datetime64[ns]")
    text = [c for c in MEMBERSHIP_COLUMNS if c not in ("start", "end")]
    return frame.astype(dict.fromkeys(text, "string"))


@pytest.fixture(scope="module")
def shapes():
    return maps.load_shapes()


def test_declutter_pushes_close_points_apart_and_leaves_others():
    moved = maps.declutter({"a": (0.0, 0.0), "b": (1.0, 0.0), "far": (50.0, 50.0)},
                           min_distance=4.0)
    assert moved["b"][0] - moved["a"][0] == pytest.approx(4.0)
    assert moved["far"] == (50.0, 50.0)


def test_crimea_ring_moves_from_russia_to_ukraine():
    crimea = np.array([(33.0, 45.0), (36.0, 45.0), (36.0, 46.0), (33.0, 45.0)])
    mainland = np.array([(40.0, 50.0), (100.0, 50.0), (100.0, 70.0), (40.0, 50.0)])
    ukraine = np.array([(23.0, 46.0), (40.0, 46.0), (40.0, 52.0), (23.0, 46.0)])
    out = maps.crimea_in_ukraine({643: [mainland, crimea], 804: [ukraine]})
    assert [len(out[643]), len(out[804])] == [1, 2]
    assert out[804][1] is crimea


def test_state_categories_on_a_date():
    table = memberships([
        ("RUS", "CSTO", "member", "2003-09-18", None),
        ("ARM", "CSTO", "member", "2003-09-18", "2024-02-22"),
        ("ARM", "CSTO", "frozen", "2024-02-22", None),
        ("UZB", "CSTO", "member", "2006-08-16", "2012-12-19"),
        ("POL", "NATO", "member", "1999-03-12", None),
    ])
    states = pd.DataFrame({"iso3": ["ARM", "CHN", "POL", "RUS", "UZB"],
                           "name": ["Armenia", "China", "Poland", "Russia", "Uzbekistan"],
                           "iso_numeric": [51, 156, 616, 643, 860]})
    states = states.astype({"iso3": "string", "name": "string", "iso_numeric": "Int64"})
    got = maps.state_categories(table, states, "2025-01-01")
    assert got.set_index("iso3")["category"].to_dict() == {
        "ARM": "frozen", "CHN": "other", "POL": "nato", "RUS": "member", "UZB": "former"}


def test_real_file_has_a_shape_for_every_alliance_member(tables, shapes):
    members = ever_members(tables["memberships"], ["CST", "CSTO"])
    codes = tables["states"].set_index("iso3").loc[members, "iso_numeric"]
    assert all(int(code) in shapes for code in codes)


def test_real_russia_sits_in_siberia_and_crimea_in_ukraine(tables, shapes):
    positions = maps.state_positions(shapes, tables["states"])
    assert 60 < positions["RUS"][0] < 180  # east of the Urals, not pulled off by Chukotka
    west, east, south, north = maps.CRIMEA_BOX
    in_box = [r for r in shapes[643] if r[:, 0].min() >= west and r[:, 0].max() <= east
              and r[:, 1].min() >= south and r[:, 1].max() <= north]
    assert in_box == []
