"""Interactive figures: the Vega-Lite specifications and the page markers. The figures in
Chromium (the slider changes the map, hovering shows values, Vega loads only on request and from
the book itself) are tested in tests/test_browser.py, which owns the browser session."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from analysis.charts import membership_map_spec, spending_series_spec, vote_strip_spec
from analysis.charts.vega import geojson_features, series_finding
from analysis.publish import interactive

STATES = pd.DataFrame({"iso3": ["ARM", "RUS", "GEO"], "name": ["Armenia", "Russia", "Georgia"]})
SQUARE_CCW = np.array([[40.0, 40.0], [45.0, 40.0], [45.0, 45.0], [40.0, 45.0]])


def _values(spec: dict) -> list[list[dict]]:
    """Every inline data set of a (layered) specification."""
    found = []

    def walk(node):
        if isinstance(node, dict):
            if "values" in node and isinstance(node["values"], list):
                found.append(node["values"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec)
    return found


def test_geojson_features_close_rings_and_wind_them_clockwise():
    [feature] = geojson_features({51: [SQUARE_CCW]})
    assert feature["properties"] == {"iso_numeric": 51}
    ring = feature["geometry"]["coordinates"][0][0]
    assert ring[0] == ring[-1] and len(ring) == 5
    # Reversed: (40,45) follows (40,40), so the shoelace area is negative (clockwise).
    assert ring[:3] == [[40.0, 45.0], [45.0, 45.0], [45.0, 40.0]]


def test_membership_map_spec_steps_through_the_dates_with_a_slider():
    data = pd.DataFrame({
        "date": ["1992-05-15", "1992-05-15", "2026-11-23", "2026-11-23"],
        "iso_numeric": [51, 268, 51, 268], "iso3": ["ARM", "GEO", "ARM", "GEO"],
        "name": ["Armenia", "Georgia", "Armenia", "Georgia"],
        "category": ["signatory", "other", "frozen", "former"]})
    shapes = {51: [SQUARE_CCW], 268: [SQUARE_CCW + 5.0]}
    spec = membership_map_spec(data, shapes, {"1992-05-15": "Treaty signed"})
    [param] = spec["params"]
    assert param["name"] == "step" and param["value"] == 2
    assert (param["bind"]["min"], param["bind"]["max"], param["bind"]["step"]) == (1, 2, 1)
    rows = next(v for v in _values(spec) if v and "category" in v[0])
    assert {(r["step"], r["iso3"], r["status"]) for r in rows} == {
        (1, "ARM", "Signatory (not yet in force)"), (1, "GEO", "Other"),
        (2, "ARM", "Frozen participation"), (2, "GEO", "Former member")}
    titles = next(v for v in _values(spec) if v and "title" in v[0])
    assert [t["title"] for t in titles] == ["15 May 1992: Treaty signed", "23 November 2026"]
    assert [t["lines"] for t in titles] == [["15 May 1992", "Treaty signed"],
                                            ["23 November 2026"]]
    # The slider shows the date it stands on, not its number; the tooltip names the day.
    assert param["bind"]["name"].strip() == "Date"
    assert spec["usermeta"]["bind_labels"] == {"step": ["15 May 1992", "23 November 2026"]}
    assert {r["day"] for r in rows} == {"15 May 1992", "23 November 2026"}
    json.dumps(spec)  # JSON-ready
    with pytest.raises(ValueError, match="unknown-status"):
        membership_map_spec(data.assign(category="unknown-status"), shapes)


def _projections(spec: dict) -> list[dict]:
    return [layer["projection"] for layer in spec["layer"] if "projection" in layer]


def test_the_map_is_fitted_to_its_window_and_narrows_with_its_aspect_kept():
    data = pd.DataFrame({"date": ["1992-05-15"], "iso_numeric": [51], "iso3": ["ARM"],
                         "name": ["Armenia"], "category": ["member"]})
    spec = membership_map_spec(data, {51: [SQUARE_CCW]}, window=(10.0, 100.0, 30.0, 65.0),
                               width=630)
    assert (spec["width"], spec["height"]) == (630, 245)  # 90 by 35 degrees
    corners = {tuple(c) for p in _projections(spec)
               for c in p["fit"]["geometry"]["coordinates"]}
    assert corners == {(10.0, 30.0), (100.0, 30.0), (100.0, 65.0), (10.0, 65.0)}
    assert all("scale" not in p and "translate" not in p for p in _projections(spec))
    assert spec["usermeta"]["fit_width"]["keep_aspect"] is True
    # The legend wraps into two columns and no text is under 11 px.
    legend = spec["layer"][1]["encoding"]["color"]["legend"]
    assert legend["columns"] == 2 and legend["orient"] == "bottom"
    assert min(spec["config"]["legend"]["labelFontSize"],
               spec["config"]["axis"]["labelFontSize"]) >= 11


def test_vote_strip_spec_tooltips_give_resolution_date_and_every_vote():
    votes = pd.DataFrame({"resolution": ["A/1", "A/1", "A/2"], "state": ["RUS", "ARM", "ARM"],
                          "vote": ["no", "abstain", "yes"]})
    resolutions = pd.DataFrame({"resolution": ["A/2", "A/1"],
                                "date": pd.to_datetime(["2022-03-02", "2014-03-27"]),
                                "title": ["Second", "First"]})
    spec = vote_strip_spec(votes, resolutions, STATES)
    rows = next(v for v in _values(spec) if v and "all_votes" in v[0])
    assert [(r["resolution"], r["state_name"]) for r in rows] == [
        ("A/1", "Armenia"), ("A/1", "Russia"), ("A/2", "Armenia")]  # date order, then name
    assert rows[0]["all_votes"] == "Armenia: abstain; Russia: no"
    assert rows[2]["all_votes"] == "Armenia: yes" and rows[2]["date"] == "2022-03-02"
    assert rows[1]["letter"] == "N"
    tooltips = [t["field"] for t in spec["layer"][0]["encoding"]["tooltip"]]
    assert tooltips[:2] == ["resolution", "date"] and "all_votes" in tooltips
    with pytest.raises(ValueError, match="A/3"):
        vote_strip_spec(pd.concat([votes, votes.assign(resolution="A/3")]), resolutions, STATES)


def test_vote_strip_spec_orders_rows_as_asked_and_names_a_state_left_out():
    votes = pd.DataFrame({"resolution": ["A/1", "A/1"], "state": ["ARM", "RUS"],
                          "vote": ["abstain", "no"]})
    resolutions = pd.DataFrame({"resolution": ["A/1"], "date": pd.to_datetime(["2014-03-27"]),
                                "title": ["First"]})
    rows = lambda spec: [layer["encoding"]["y"]["sort"] for layer in spec["layer"]]  # noqa: E731
    assert rows(vote_strip_spec(votes, resolutions, STATES)) == [
        ["Armenia", "Russia"]] * 2  # by name unless told
    spec = vote_strip_spec(votes, resolutions, STATES, order=["RUS", "GEO", "ARM"])
    assert rows(spec) == [["Russia", "Armenia"]] * 2  # Georgia cast no vote here
    with pytest.raises(ValueError, match="ARM"):
        vote_strip_spec(votes, resolutions, STATES, order=["RUS"])


def test_vote_strip_spec_gives_absent_and_unrecorded_votes_their_own_letters():
    votes = pd.DataFrame({"resolution": ["A/1"] * 3, "state": ["ARM", "RUS", "GEO"],
                          "vote": ["absent", "abstain", "not recorded"]})
    resolutions = pd.DataFrame({"resolution": ["A/1"], "date": pd.to_datetime(["2022-03-02"]),
                                "title": ["First"]})
    rows = next(v for v in _values(vote_strip_spec(votes, resolutions, STATES))
                if v and "letter" in v[0])
    assert {r["state"]: r["letter"] for r in rows} == {"ARM": "\u2013", "RUS": "A", "GEO": "n/r"}
    with pytest.raises(ValueError, match="maybe"):
        vote_strip_spec(votes.assign(vote="maybe"), resolutions, STATES)


def test_spending_series_spec_tooltips_give_value_and_source_and_skip_gaps():
    series = pd.DataFrame({"state": ["RUS", "RUS", "ARM"], "year": [2020, 2021, 2020],
                           "value": [100.0, np.nan, 5.5], "source": ["S1", "S1", "S2"]})
    spec = spending_series_spec(series, STATES, "Spending (USD m)",
                                "Source: SIPRI Military Expenditure Database")
    rows = next(v for v in _values(spec) if v and "value" in v[0])
    assert [(r["state_name"], r["year"], r["value"], r["source"]) for r in rows] == [
        ("Armenia", 2020, 5.5, "S2"), ("Russia", 2020, 100.0, "S1"), ("Russia", 2021, None, "S1")]
    json.dumps(spec, allow_nan=False)  # the gap is null, not NaN (which is not JSON)
    lines, points = spec["layer"]
    assert lines["mark"]["invalid"] == "break-paths-filter-domains"  # the line breaks there
    assert points["transform"] == [{"filter": "isValid(datum.value)"}]  # and has no point
    fields = [t["field"] for t in spec["layer"][1]["encoding"]["tooltip"]]
    assert fields == ["state_name", "year", "value", "source"]
    assert "Source: SIPRI Military Expenditure Database" in spec["title"]["subtitle"]
    assert all("scale" not in layer["encoding"]["y"] for layer in spec["layer"])  # linear
    # The title states the finding, computed: Russia's 100 against Armenia's 5.5 in 2020.
    assert " ".join(spec["title"]["text"]) == "Russia outspent Armenia 18 to 1 in 2020"
    assert spec["usermeta"]["fit_width"]["keep_aspect"] is False
    assert spec["layer"][0]["encoding"]["color"]["legend"]["orient"] == "bottom"


def test_the_series_finding_compares_the_largest_with_all_the_others_together():
    names = {"RUS": "Russia", "ARM": "Armenia", "KAZ": "Kazakhstan"}
    series = pd.DataFrame({"state": ["RUS", "ARM", "KAZ", "RUS", "ARM", "KAZ", "RUS"],
                           "year": [2022, 2022, 2022, 2023, 2023, 2023, 2024],
                           "value": [300.0, 10.0, 20.0, 400.0, 15.0, 25.0, 500.0]})
    # 2024 has Russia alone: the last year to compare is 2023, 400 / (15 + 25).
    assert series_finding(series, names) == (
        "Russia outspent the two others combined 10 to 1 in 2023")
    gappy = series.assign(value=[300.0, 10.0, 20.0, 400.0, np.nan, 25.0, np.nan])
    assert series_finding(gappy, names) == (
        "Russia outspent Kazakhstan, the only other state with data, 16 to 1 in 2023")
    three = pd.concat([gappy, pd.DataFrame({"state": ["KGZ"], "year": [2023], "value": [15.0]})])
    assert series_finding(three, {**names, "KGZ": "Kyrgyzstan"}) == (
        "Russia outspent the two others with data combined 10 to 1 in 2023")
    with pytest.raises(ValueError):
        series_finding(series.assign(value=np.nan), names)


def test_spending_series_spec_colours_states_in_the_order_asked():
    series = pd.DataFrame({"state": ["ARM", "RUS"], "year": [2020, 2020], "value": [1.0, 2.0],
                           "source": ["S", "S"]})
    spec = spending_series_spec(series, STATES, "Spending", "Source: S", order=["RUS", "ARM"])
    colour = spec["layer"][0]["encoding"]["color"]
    assert colour["scale"]["domain"] == ["Russia", "Armenia"]
    with pytest.raises(ValueError, match="ARM"):
        spending_series_spec(series, STATES, "Spending", "Source: S", order=["RUS"])


def test_spending_series_spec_on_a_log_axis_refuses_zero():
    series = pd.DataFrame({"state": ["RUS", "ARM"], "year": [2020, 2020],
                           "value": [100.0, 5.5], "source": ["S1", "S2"]})
    spec = spending_series_spec(series, STATES, "Spending", "Source: S", log_scale=True)
    assert [layer["encoding"]["y"]["scale"] for layer in spec["layer"]] == [{"type": "log"}] * 2
    with pytest.raises(ValueError, match="ARM 2020 is 0.0"):
        spending_series_spec(series.assign(value=[100.0, 0.0]), STATES, "Spending", "Source: S",
                             log_scale=True)


def test_offer_writes_the_spec_and_returns_a_marker(tmp_path, monkeypatch):
    monkeypatch.setattr(interactive, "SPEC_DIR", tmp_path)
    shown = interactive.offer("fig-x", {"b": 1, "a": [2]}, 'Explore "this"')
    assert (tmp_path / "fig-x.json").read_text() == '{"a":[2],"b":1}'
    assert shown.data == ('<div class="interactive-figure" hidden data-figure="fig-x" '
                          'data-spec="fig-x.json" data-label="Explore &quot;this&quot;"></div>')
    with pytest.raises(ValueError, match="Fig X"):
        interactive.marker("Fig X", "label")


def test_a_marker_can_keep_the_static_figure():
    assert 'data-keep-static="true"' in interactive.marker("fig-x", "label", keep_static=True)
    assert "keep-static" not in interactive.marker("fig-x", "label")
