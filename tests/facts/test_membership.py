"""The membership chapter's facts: its guards hold on the data and fail when a sentence about
foreign bases would be false; the interactive map steps through the static maps' data."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.publish.facts import membership

from .helpers import (
    altered,
    assert_breaks,
    breaks_every_guard,
    guard_ids,
    raises_guard,
    with_cell,
)

BREAKS = {
    "china_the_one_other_operator": lambda v: altered(v, others=with_cell(
        v.others, v.others.index[0], "host", "KGZ")),
    "russian_bases_in_georgia_are_abkhazia_and_south_ossetia": lambda v: altered(
        v, russian=v.russian[v.russian["base_id"] != "B22"]),
    "western_bases_all_closed": lambda v: altered(v, western=with_cell(
        v.western, v.western.index[0], "end", pd.NaT)),
    "western_bases_in_central_asia": lambda v: altered(v, western=with_cell(
        v.western, v.western.index[0], "host", "GEO")),
}


def test_every_guard_has_a_breaking_case():
    assert breaks_every_guard(membership, BREAKS) == []


@pytest.mark.parametrize("guard", membership.GUARDS, ids=guard_ids)
def test_guard_holds_on_the_data(guard, values_of):
    guard.check(values_of(membership))


@pytest.mark.parametrize("guard", membership.GUARDS, ids=guard_ids)
def test_guard_fails_when_its_sentence_would_be_false(guard, values_of):
    assert_breaks(guard, BREAKS[guard.name](values_of(membership)))


def test_a_western_base_outside_central_asia_stops_the_chapter(tables, cutoff):
    bases = tables["bases"].copy()
    western = bases.index[bases["operator"] == "USA"][0]
    bases.loc[western, "host"] = "GEO"
    with raises_guard("western_bases_in_central_asia"):
        membership.facts({**tables, "bases": bases}, cutoff)


def test_the_interactive_map_has_one_step_per_turning_point(tables, cutoff, figures_of):
    charts = figures_of(membership)
    spec = membership.specs(tables, cutoff, charts)["fig-maps"]
    dates = charts["fig-maps"].data["date"].nunique()
    assert dates == int(membership.facts(tables, cutoff)["n_turning_points"])
    assert f'"max": {dates}' in str(spec).replace("'", '"')
