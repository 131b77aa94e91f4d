"""The sourcing policy as a check (issue 23): no source on a host the policy excludes (Wikipedia
and its mirrors, the Pravda network, content farms and copies), and no row resting on state
media alone unless it says it records the state's own word or is unverified. Each rule is shown
to hold on the real data and to fail, at the file, line and column, on a row that breaks it."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.data.codebook import TABLES
from analysis.data.codebook.fields import split_list
from analysis.data.codebook.policy import (
    EXCLUSION_CATEGORIES,
    EXCLUSION_MEANING,
    VOICE_OF_THE_STATE,
    host_of,
    listed_host,
)
from analysis.data.load import DataError, load_all
from tests.helpers.data_files import expect_problem, read_rows, set_cell, write_rows

#: A state-media source the data cite as a record (its note does not say "Voice of the state").
STATE_MEDIA = "un-tass-es11-3"
#: A source that is not state media.
INDEPENDENT = "ds-sipri-milex-2025"


def problems_at(directory: Path, file: str, line: int) -> list[str]:
    """The problems the checks report on one line of one file (none if the data pass)."""
    try:
        load_all(directory)
    except DataError as error:
        return [str(p) for p in error.problems if p.file == f"data/{file}" and p.line == line]
    return []


def line_of(directory: Path, table: str, column: str, value: str) -> int:
    """The line (header = 1) of the first row whose ``column`` is ``value``."""
    rows = read_rows(directory / f"{table}.csv")
    at = rows[0].index(column)
    return next(i + 1 for i, row in enumerate(rows) if i and row[at] == value)


def append_row(directory: Path, file: str, **cells: str) -> int:
    """Append a row to ``<file>.csv``; returns its line number."""
    path = directory / f"{file}.csv"
    rows = read_rows(path)
    rows.append([cells.get(column, "") for column in rows[0]])
    write_rows(path, rows)
    return len(rows)


# --- the list of excluded hosts -----------------------------------------------------------------

def test_the_codebook_defines_the_list_and_its_categories():
    table = TABLES["excluded_hosts"]
    assert table.field("category").enum == EXCLUSION_CATEGORIES
    assert set(EXCLUSION_MEANING) == set(EXCLUSION_CATEGORIES)
    assert table.field("evidence").required


def test_every_category_is_used_and_the_named_hosts_are_listed(tables):
    hosts = tables["excluded_hosts"]
    assert set(hosts["category"]) == set(EXCLUSION_CATEGORIES)
    listed = frozenset(hosts["host"])
    for host in ("en.wikipedia.org", "armenia.news-pravda.com", "pravda-fr.com", "urdupoint.com",
                 "devdiscourse.com", "factually.co", "pledgetimes.com"):
        assert listed_host(host, listed), host


def test_no_source_of_the_data_is_on_an_excluded_host(tables):
    listed = frozenset(tables["excluded_hosts"]["host"])
    sources = tables["sources"]
    on_listed = [sid for sid, url in zip(sources["source_id"], sources["url"], strict=True)
                 if listed_host(host_of(url), listed)]
    assert on_listed == []


@pytest.mark.parametrize(("url", "host"), [
    ("https://www.Example.org/page", "example.org"),
    ("https://en.m.wikipedia.org./wiki/X", "en.m.wikipedia.org"),
    ("http://158.69.42.207:8011/x", "158.69.42.207"),
    ("", ""),
    (None, ""),
])
def test_host_of(url, host):
    assert host_of(url) == host


@pytest.mark.parametrize(("host", "entry"), [
    ("en.m.wikipedia.org", "wikipedia.org"),
    ("wikipedia.org", "wikipedia.org"),
    ("armenia.news-pravda.com", "news-pravda.com"),
    ("pravda.com.ua", None),            # Ukrainska Pravda is not the Pravda network
    ("english.pravda.ru", None),        # nor is Pravda.ru
    ("notwikipedia.org", None),         # a name that only ends like a listed one
    ("wikipedia.org.example.com", None),
])
def test_a_listed_host_covers_its_sub_domains_and_nothing_else(host, entry):
    listed = frozenset({"wikipedia.org", "news-pravda.com"})
    assert listed_host(host, listed) == entry


@pytest.mark.parametrize(("url", "category"), [
    ("https://en.wikipedia.org/wiki/Collective_Security_Treaty_Organization", "wikipedia_mirror"),
    ("https://armenia.news-pravda.com/world/2024/01/01/1.html", "pravda_network"),
    ("https://www.urdupoint.com/en/world/csto-1.html", "content_farm_or_copy"),
])
def test_a_source_on_an_excluded_host_fails_at_its_address(scratch_data, url, category):
    set_cell(scratch_data, "sources", 7, "url", url)
    expect_problem(scratch_data, "sources.csv", 7, "url", f"sourcing policy excludes ({category}")


def test_the_address_where_scholarship_was_checked_is_held_to_the_rule_too(scratch_data):
    line = line_of(scratch_data, "sources", "kind", "scholarship")
    set_cell(scratch_data, "sources", line, "verified", "https://wikimili.com/en/CSTO")
    expect_problem(scratch_data, "sources.csv", line, "verified", "sourcing policy excludes")


def test_listing_a_host_stops_the_sources_already_on_it(scratch_data):
    url = read_rows(scratch_data / "sources.csv")[4][3]
    assert problems_at(scratch_data, "sources.csv", 5) == []
    at = append_row(scratch_data, "excluded_hosts", host=host_of(url),
                    category="content_farm_or_copy", evidence=url, note="test")
    expect_problem(scratch_data, "sources.csv", 5, "url", f"excluded_hosts.csv, line {at}")


def test_a_listed_host_needs_a_known_category_and_its_evidence(scratch_data):
    set_cell(scratch_data, "excluded_hosts", 2, "category", "propaganda")
    set_cell(scratch_data, "excluded_hosts", 3, "evidence", "")
    expect_problem(scratch_data, "excluded_hosts.csv", 2, "category", "is not one of")
    expect_problem(scratch_data, "excluded_hosts.csv", 3, "evidence", "a value is required")


# --- state media as the voice of the state -----------------------------------------------------

def test_the_fixtures_are_what_the_tests_assume(tables):
    sources = tables["sources"].set_index("source_id")
    assert sources.at[STATE_MEDIA, "kind"] == "state_media"
    assert not str(sources.at[STATE_MEDIA, "note"]).startswith(VOICE_OF_THE_STATE)
    assert sources.at[INDEPENDENT, "kind"] != "state_media"


def test_every_row_resting_on_state_media_alone_says_why(tables):
    """The rule holds on the real data (the checks would stop otherwise; this counts it)."""
    kind = tables["sources"].set_index("source_id")["kind"]
    alone = 0
    for name, frame in tables.items():
        if "source" in frame and TABLES[name].field("source").kind == "sources":
            alone += sum(all(kind.get(i) == "state_media" for i in split_list(cell))
                         for cell in frame["source"])
    assert alone > 0  # there are such rows, and the checks passed on every one of them


def test_a_row_with_only_state_media_and_no_word_on_it_fails(scratch_data):
    set_cell(scratch_data, "stances", 2, "source", STATE_MEDIA)
    set_cell(scratch_data, "stances", 2, "note", "")
    expect_problem(scratch_data, "stances.csv", 2, "source", "every source of this row is state "
                   "media")


@pytest.mark.parametrize("note", [f"{VOICE_OF_THE_STATE} the government's own position.",
                                  "Unverified: no independent report was found.",
                                  "A remark. voice of the state: its own announcement."])
def test_a_note_that_says_voice_of_the_state_or_unverified_lets_it_pass(scratch_data, note):
    set_cell(scratch_data, "stances", 2, "source", STATE_MEDIA)
    set_cell(scratch_data, "stances", 2, "note", note)
    assert problems_at(scratch_data, "stances.csv", 2) == []


def test_a_second_independent_source_lets_it_pass(scratch_data):
    set_cell(scratch_data, "stances", 2, "source", f"{STATE_MEDIA};{INDEPENDENT}")
    set_cell(scratch_data, "stances", 2, "note", "")
    assert problems_at(scratch_data, "stances.csv", 2) == []


def test_a_source_cited_only_for_the_states_word_lets_its_rows_pass(scratch_data):
    set_cell(scratch_data, "stances", 2, "source", STATE_MEDIA)
    set_cell(scratch_data, "stances", 2, "note", "")
    line = line_of(scratch_data, "sources", "source_id", STATE_MEDIA)
    set_cell(scratch_data, "sources", line, "note", f"{VOICE_OF_THE_STATE} the vote list.")
    assert problems_at(scratch_data, "stances.csv", 2) == []


def test_a_row_of_a_table_without_a_note_is_flagged_in_discrepancies(scratch_data):
    set_cell(scratch_data, "events", 2, "source", STATE_MEDIA)
    expect_problem(scratch_data, "events.csv", 2, "source", "a discrepancies row on its `source`")
    event = read_rows(scratch_data / "events.csv")[1][0]
    append_row(scratch_data, "discrepancies", table="events", record_id=event, field="source",
               value=STATE_MEDIA, source=STATE_MEDIA, used="yes",
               note="Unverified: only the state agency reports it.")
    assert problems_at(scratch_data, "events.csv", 2) == []


def test_a_discrepancy_the_book_does_not_use_is_exempt(scratch_data):
    line = append_row(scratch_data, "discrepancies", table="events",
                      record_id=read_rows(scratch_data / "events.csv")[1][0], field="date",
                      value="2000-01-01", source=STATE_MEDIA, note="", used="no")
    assert problems_at(scratch_data, "discrepancies.csv", line) == []
    set_cell(scratch_data, "discrepancies", line, "used", "yes")
    expect_problem(scratch_data, "discrepancies.csv", line, "source", "state media")
