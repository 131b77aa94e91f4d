"""The appendix on sources and licences: its guards hold on the data and fail when a sentence
would be false; its counts agree with counts made by hand from the tables; its tables show
every kind, every category and every external dataset."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from analysis.data.codebook.policy import EXCLUSION_CATEGORIES
from analysis.data.codebook.vocabulary import SOURCE_KINDS
from analysis.publish.facts import sources_and_licences as sl

from .helpers import altered, assert_breaks, breaks_every_guard, guard_ids, raises_guard, with_cell

BREAKS = {
    "no_source_on_an_excluded_host": lambda v: altered(v, on_listed=pd.DataFrame(
        {"source_id": ["x"], "host": ["en.wikipedia.org"], "listed": ["wikipedia.org"]})),
    "every_state_media_fact_flagged": lambda v: altered(v, alone=with_cell(
        v.alone, v.alone.index[0], "how", "none")),
    "independent_reporting_outnumbers_state_media": lambda v: altered(v, kinds=with_cell(
        v.kinds, "state_media", "sources",
        int(v.kinds.loc[list(sl.INDEPENDENT), "sources"].sum()) // 3 + 1)),
    "sipri_non_commercial": lambda v: altered(v, terms=with_cell(
        v.terms, v.terms.index[v.terms["origin_id"] == "sipri-milex-2025"][0], "licence",
        "CC-BY-4.0")),
    "only_ucdp_under_cc_by": lambda v: altered(v, terms=with_cell(
        v.terms, v.terms.index[v.terms["origin_id"] == "cow-nmc-7.0"][0], "licence",
        "CC-BY-4.0")),
}


def test_every_guard_has_a_breaking_case():
    assert breaks_every_guard(sl, BREAKS) == []


@pytest.mark.parametrize("guard", sl.GUARDS, ids=guard_ids)
def test_guard_holds_on_the_data(guard, values_of):
    guard.check(values_of(sl))


@pytest.mark.parametrize("guard", sl.GUARDS, ids=guard_ids)
def test_guard_fails_when_its_sentence_would_be_false(guard, values_of):
    assert_breaks(guard, BREAKS[guard.name](values_of(sl)))


def test_the_counts_are_the_tables_counted_by_hand(tables, cutoff):
    glued = sl.facts(tables, cutoff)
    kinds = tables["sources"]["kind"]
    hosts = tables["excluded_hosts"]["category"]
    assert glued["sl_sources"] == f"{len(tables['sources']):,}"
    assert glued["sl_state_media"] == f"{(kinds == 'state_media').sum():,}"
    primary = kinds.isin(["primary_document", "official_statement"]).sum()
    assert glued["sl_primary"] == f"{primary:,}"
    assert glued["sl_independent"] == f"{kinds.isin(['independent_media', 'news_agency']).sum():,}"
    assert glued["sl_scholarship"] == f"{(kinds == 'scholarship').sum():,}"
    assert glued["sl_hosts"] == f"{len(hosts):,}"
    assert glued["sl_hosts_pravda"] == f"{(hosts == 'pravda_network').sum():,}"
    # ATOP 4.01 and 5.1, and UCDP's two copies, are one dataset each: one producer's page
    n = tables["origins"]["url_main"].nunique()
    assert n < len(tables["origins"])
    assert glued["sl_datasets"] == f"{n} external datasets"


def test_state_media_alone_counts_a_row_only_when_every_source_is_state_media(tables, cutoff):
    sources = tables["sources"].set_index("source_id")
    state = set(sources.index[sources["kind"] == "state_media"])
    independent = sources.index[sources["kind"] == "news_agency"][0]
    one_state = next(iter(sorted(state)))
    stances = tables["stances"].copy()
    stances.loc[stances.index[0], ["source", "note"]] = [one_state, pd.NA]
    stances.loc[stances.index[1], ["source", "note"]] = [f"{one_state};{independent}", pd.NA]
    v = sl.values({**tables, "stances": stances}, cutoff)
    counted = set(v.alone.loc[v.alone["table"] == "stances", "record"])
    assert stances.at[stances.index[0], "stance_id"] in counted
    assert stances.at[stances.index[1], "stance_id"] not in counted


def test_an_unflagged_row_of_state_media_stops_the_appendix(tables, cutoff):
    sources = tables["sources"].set_index("source_id")
    plain = sources.index[(sources["kind"] == "state_media")
                          & ~sources["note"].fillna("").str.startswith("Voice of the state")][0]
    stances = tables["stances"].copy()
    stances.loc[stances.index[0], ["source", "note"]] = [plain, pd.NA]
    with raises_guard("every_state_media_fact_flagged"):
        sl.facts({**tables, "stances": stances}, cutoff)


def test_the_tables_show_every_kind_category_and_dataset(tables, cutoff):
    shown = sl.displays(tables, cutoff)
    for kind in SOURCE_KINDS:
        assert f"| {kind.replace('_', ' ')} |" in shown["kinds"]
    for category in EXCLUSION_CATEGORIES:
        assert f"| {category.replace('_', ' ')} |" in shown["hosts"]
    for table in ("milex", "arms_transfers", "ucdp_conflicts", "un_agreement", "nmc_milper"):
        assert f"`{table}`" in shown["terms"]
    assert "Information from the SIPRI Military Expenditure Database" in shown["terms"]
    links = re.findall(r"\]\((https?://[^)]+)\)", shown["terms"])
    assert len(links) >= len(tables["origins"]["licence"].unique())


def test_the_page_cites_every_dataset_paper():
    from analysis.data.paths import ROOT
    text = (ROOT / "book" / "sources_and_licences.md").read_text(encoding="utf-8")
    cited = {k.strip() for keys in re.findall(r"\{cite:[a-z]+\}`([^`]+)`", text)
             for k in keys.split(",")}
    assert {"leeds2002atop", "gleditsch2002armed", "davies2025organized",
            "singer1972capability", "voeten2013data", "bailey2017estimating"} <= cited
