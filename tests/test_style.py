"""One visual language: every colour and letter that carries a meaning comes from
analysis.charts.style, and the charts (static and interactive) draw what it says."""

from __future__ import annotations

import ast

import pandas as pd
from matplotlib.colors import to_hex
from matplotlib.patches import Rectangle

from analysis.charts import compare as compare_charts
from analysis.charts import requests as request_charts
from analysis.charts.interactive import vote_strip_spec
from analysis.charts.style import (
    ALLIANCE_STYLE,
    LEVEL_STYLE,
    MAP_STYLE,
    NOT_RECORDED_STYLE,
    RUSSIA_SIDE,
    STATUS_STYLE,
    VOTE_STYLE,
)
from analysis.charts.votes import vote_heatmap
from analysis.data.codebook.vocabulary import (
    MEMBERSHIP_STATUSES,
    RESPONSE_LEVELS,
    VOTES,
)
from analysis.data.paths import ROOT
from analysis.measures.maps import MAP_CATEGORIES
from analysis.measures.ukraine import NOT_RECORDED
from tests.helpers.charts import house_style  # noqa: F401 - autouse fixture

CHARTS = ROOT / "analysis" / "charts"

#: Keys whose colour means the same in every chart: the alliances, the votes, the sides of a
#: vote against Russia's, the response levels and the membership statuses.
MEANINGFUL = {"CSTO", "NATO", "same", "opposite", "aligned", "opposed", NOT_RECORDED,
              *VOTES, *RESPONSE_LEVELS, *MEMBERSHIP_STATUSES}


def _names_a_colour(node: ast.AST) -> bool:
    """Whether an expression holds a colour of its own: a hex literal or a palette entry."""
    for sub in ast.walk(node):
        if isinstance(sub, ast.Constant) and isinstance(sub.value, str) \
                and sub.value.startswith("#") and len(sub.value) in (4, 7, 9):
            return True
        if isinstance(sub, ast.Subscript) and isinstance(sub.value, ast.Name) \
                and sub.value.id == "PALETTE":
            return True
    return False


def own_colours(source: str) -> list[tuple[int, str]]:
    """(line, key) of every dict entry keyed by a meaningful category whose value names a
    colour itself instead of reading it from the style module."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Dict):
            continue
        for key, value in zip(node.keys, node.values):
            if isinstance(key,
                          ast.Constant) and key.value in MEANINGFUL and _names_a_colour(value):
                found.append((key.lineno, key.value))
    return found


def test_the_check_finds_a_chart_that_colours_an_alliance_itself():
    assert own_colours('STYLE = {"CSTO": {"color": PALETTE["blue"]}, "x": "#123456"}') == [
        (1, "CSTO")]
    assert own_colours('VOTES = {"yes": "#0072B2"}') == [(1, "yes")]
    assert own_colours('STYLE = {"CSTO": ALLIANCE_STYLE["CSTO"]}') == []


def test_no_chart_module_defines_its_own_alliance_vote_level_or_status_colours():
    offenders = {path.name: own_colours(path.read_text(encoding="utf-8"))
                 for path in sorted(CHARTS.glob("*.py")) if path.name != "style.py"}
    assert {name: found for name, found in offenders.items() if found} == {}


def test_the_style_covers_every_category_it_encodes():
    assert set(ALLIANCE_STYLE) == {"CSTO", "NATO"}
    assert set(VOTE_STYLE) == set(VOTES)
    assert set(LEVEL_STYLE) == set(RESPONSE_LEVELS)
    assert set(STATUS_STYLE) == set(MEMBERSHIP_STATUSES)
    assert set(MAP_STYLE) == set(MAP_CATEGORIES)
    # The CSTO and "as Russia" share one colour, NATO and "against Russia" the other; the map
    # draws each alliance's members in its colour.
    assert ALLIANCE_STYLE["CSTO"]["color"] == RUSSIA_SIDE["with"] == MAP_STYLE["member"]["color"]
    assert ALLIANCE_STYLE["NATO"]["color"] == RUSSIA_SIDE["against"] == MAP_STYLE["nato"]["color"]
    letters = [s["letter"] for s in VOTE_STYLE.values()] + [NOT_RECORDED_STYLE["letter"]]
    assert len(set(letters)) == len(letters)
    colours = [s["color"] for s in VOTE_STYLE.values()] + [NOT_RECORDED_STYLE["color"]]
    assert len(set(colours)) == len(colours)


def _rates(organizations: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"organization": organizations, "threat": ["armed_attack"] * 2,
                         "n": [4, 5], "k": [1, 4], "rate": [0.25, 0.8], "low": [0.05, 0.4],
                         "high": [0.7, 0.96], "success": ["any_action"] * 2})


def test_the_inaction_and_nato_charts_draw_each_alliance_in_its_colour():
    chart = request_charts.rates_by_threat(_rates(["CSTO", "NATO"]))
    ax = chart.figure.axes[0]
    bars = [p for p in ax.patches if isinstance(p, Rectangle) and p.get_width() > 0]
    by_y = {round(p.get_y() + p.get_height() / 2, 6): to_hex(p.get_facecolor()) for p in bars}
    drawn = {org: by_y[round(float(y), 6)] for org, y in zip(chart.data["organization"],
                                                             chart.data["y"])}
    assert drawn == {org: ALLIANCE_STYLE[org]["color"].lower() for org in ("CSTO", "NATO")}

    growth = pd.DataFrame({
        "date": pd.to_datetime(["2000-12-31", "2001-12-31"] * 2),
        "organization": ["CSTO", "CSTO", "NATO", "NATO"], "body": ["CSTO", "CSTO", "NATO", "NATO"],
        "members": [6, 6, 19, 19], "suspended_or_frozen": [0, 0, 0, 0], "inside": [6, 6, 19, 19]})
    lines = compare_charts.growth_chart(growth, events=[]).figure.axes[0].get_lines()
    by_members = {int(line.get_ydata()[0]): to_hex(line.get_color()) for line in lines
                  if len(line.get_ydata()) and line.get_linewidth() == 2}
    assert by_members == {6: ALLIANCE_STYLE["CSTO"]["color"].lower(),
                          19: ALLIANCE_STYLE["NATO"]["color"].lower()}


def test_the_static_and_interactive_vote_charts_share_colours_and_letters():
    votes = pd.DataFrame({"resolution": ["A/1"] * 5, "state": ["AAA", "BBB", "CCC", "DDD", "EEE"],
                          "vote": ["yes", "no", "abstain", "absent", NOT_RECORDED]})
    resolutions = pd.DataFrame({"resolution": ["A/1"], "date": pd.to_datetime(["2022-03-02"]),
                                "title": ["First"]})
    states = pd.DataFrame({"iso3": list(votes["state"]), "name": list(votes["state"])})
    spec = vote_strip_spec(votes, resolutions, states)
    scale = spec["layer"][0]["encoding"]["color"]["scale"]
    interactive = dict(zip(scale["domain"], (c.lower() for c in scale["range"])))
    letters = {r["vote"]: r["letter"] for r in spec["data"]["values"]}

    matrix = pd.DataFrame([["yes", "no", "abstain", "absent", pd.NA]],
                          columns=list(votes["state"]), index=["A/1"], dtype="string")
    chart = vote_heatmap(matrix, states)
    cells = [p for p in chart.figure.axes[0].patches if isinstance(p, Rectangle)]
    static = {}
    for cell, row in zip(cells, chart.data.itertuples()):
        vote = NOT_RECORDED if pd.isna(row.vote) else row.vote
        static[vote] = (to_hex(cell.get_facecolor()), row.letter)
    assert {v: (interactive[v], letters[v]) for v in static} == static
