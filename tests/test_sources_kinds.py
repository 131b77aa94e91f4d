"""Every source has a kind from the codebook's vocabulary, and a work of scholarship is cited as
the field cites it (authors, journal or book, DOI or ISBN, where it was checked): each missing
piece is named by file, line and column, unless the row's note says why."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from analysis.data.codebook import TABLES
from analysis.data.codebook.literature import INCOMPLETE, valid_isbn13
from analysis.data.codebook.vocabulary import SOURCE_KIND_MEANING, SOURCE_KINDS
from analysis.data.load import DataError, load_all
from tests.helpers.data_files import expect_problem, read_rows, set_cell, write_rows

#: A complete article of scholarship (the checks' own example, not a row of the data).
ARTICLE = {
    "source_id": "test-article", "title": "A Test Article", "publisher": "Test Press",
    "url": "https://example.org/test-article", "published": "2000", "accessed": "2026-12-05",
    "kind": "scholarship", "form": "article", "authors": "Doe, Jane; Roe, Richard",
    "container": "Journal of Tests", "volume": "1", "issue": "2", "pages": "3-4",
    "doi": "10.1234/test.5", "isbn": "", "verified": "https://example.org/test-article/record",
    "note": "",
}


def add_source(directory: Path, **changes: str) -> int:
    """Append :data:`ARTICLE` (with ``changes``) to ``sources.csv``; returns its line number."""
    path = directory / "sources.csv"
    rows = read_rows(path)
    row = {**ARTICLE, **changes}
    rows.append([row[column] for column in rows[0]])
    write_rows(path, rows)
    return len(rows)


def problems_at(directory: Path, line: int) -> list[str]:
    """The problems the checks report on one line of ``sources.csv`` (none if the data pass)."""
    try:
        load_all(directory)
    except DataError as error:
        return [str(p) for p in error.problems if p.line == line and p.file == "data/sources.csv"]
    return []


def test_the_vocabulary_has_a_meaning_for_every_kind_and_the_codebook_uses_it():
    assert set(SOURCE_KIND_MEANING) == set(SOURCE_KINDS)
    assert TABLES["sources"].field("kind").enum == SOURCE_KINDS
    assert TABLES["sources"].field("kind").required


def test_every_source_has_a_kind(tables):
    assert tables["sources"]["kind"].notna().all()
    assert set(tables["sources"]["kind"]) <= set(SOURCE_KINDS)


def test_a_source_without_a_kind_fails(scratch_data):
    set_cell(scratch_data, "sources", 7, "kind", "")
    expect_problem(scratch_data, "sources.csv", 7, "kind", "a value is required")


def test_a_source_of_an_unknown_kind_fails(scratch_data):
    set_cell(scratch_data, "sources", 9, "kind", "blog")
    expect_problem(scratch_data, "sources.csv", 9, "kind", "is not one of")


def test_a_complete_work_of_scholarship_passes(scratch_data):
    line = add_source(scratch_data)
    assert problems_at(scratch_data, line) == []


def test_a_book_needs_no_container_but_an_isbn_will_do(scratch_data):
    line = add_source(scratch_data, form="book", container="", volume="", issue="", pages="",
                      doi="", isbn="9780306406157")
    assert problems_at(scratch_data, line) == []


@pytest.mark.parametrize(("column", "changes", "words"), [
    ("authors", {"authors": ""}, "`authors` is required for a work of scholarship"),
    ("container", {"container": ""}, "`container` (the journal or the book) is required"),
    ("doi", {"doi": "", "isbn": ""}, "`doi` or `isbn` is required"),
    ("verified", {"verified": ""}, "`verified` is empty but `kind` is scholarship"),
    ("form", {"form": ""}, "`form` is empty but `kind` is scholarship"),
    ("isbn", {"isbn": "9780306406158"}, "`isbn` must end in the right check digit"),
    ("doi", {"doi": "doi:10.1234/x"}, "does not match"),
    ("authors", {"authors": "Jane Doe, Richard Roe, Anne Poe"}, "does not match"),
])
def test_a_work_of_scholarship_missing_a_detail_fails_at_that_column(scratch_data, column,
                                                                      changes, words):
    line = add_source(scratch_data, **changes)
    expect_problem(scratch_data, "sources.csv", line, column, words)


@pytest.mark.parametrize("changes", [{"authors": ""}, {"container": ""},
                                     {"doi": "", "isbn": ""}])
def test_a_note_that_says_why_lets_an_incomplete_work_pass(scratch_data, changes):
    line = add_source(scratch_data, note=f"{INCOMPLETE} the page read does not show it.",
                      **changes)
    assert problems_at(scratch_data, line) == []


def test_the_note_does_not_excuse_a_missing_address(scratch_data):
    line = add_source(scratch_data, verified="", note=f"{INCOMPLETE} not checked.")
    expect_problem(scratch_data, "sources.csv", line, "verified", "`verified` is empty")


def test_the_rules_for_scholarship_do_not_bind_other_kinds(scratch_data):
    line = add_source(scratch_data, kind="think_tank", form="", container="", doi="",
                      verified="")
    assert problems_at(scratch_data, line) == []


@pytest.mark.parametrize(("isbn", "valid"), [
    ("9780306406157", True), ("9780306406158", False), ("978030640615", False),
    ("97803064061X7", False)])
def test_isbn_check_digit(isbn, valid):
    assert valid_isbn13(isbn) is valid


def test_every_isbn_and_doi_in_the_data_is_well_formed(tables):
    sources = tables["sources"]
    assert all(valid_isbn13(isbn) for isbn in sources["isbn"].dropna())
    assert all(re.match(r"^10\.\d{4,9}/\S+$", doi) for doi in sources["doi"].dropna())
