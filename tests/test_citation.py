"""Citable chapters: the book's metadata from CITATION.cff, as text and as BibTeX."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from analysis.data.paths import ROOT
from analysis.publish.citation import (
    BookMetadata,
    Citation,
    bibtex,
    bibtex_key,
    book_metadata,
    citation_text,
    short_title,
)

CFF = """\
cff-version: 1.2.0
title: "Alliances & Co: a test book"
authors:
  - name: "The Test Group"
  - given-names: Ada
    family-names: Lovelace
version: "1.2.3"
date-released: "2025-03-04"
url: "https://example.org/book/"
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "CITATION.cff"
    path.write_text(text, encoding="utf-8")
    return path


def test_book_metadata_reads_people_and_groups(tmp_path: Path):
    book = book_metadata(_write(tmp_path, CFF))
    assert book.title == "Alliances & Co: a test book"
    assert book.authors == ("The Test Group", "Ada Lovelace")
    assert book.bibtex_authors == ("{The Test Group}", "Lovelace, Ada")
    assert (book.version, book.date, book.year) == ("1.2.3", "2025-03-04", "2025")
    assert book.url == "https://example.org/book/"
    assert short_title(book) == "Alliances & Co"


@pytest.mark.parametrize("change, message", [
    (("version: \"1.2.3\"\n", ""), "version"),
    (("date-released: \"2025-03-04\"", "date-released: \"4 March 2025\""), "YYYY-MM-DD"),
    (("  - name: \"The Test Group\"\n  - given-names: Ada\n    family-names: Lovelace\n",
      "  - given-names: Ada\n"), "family-names"),
])
def test_book_metadata_names_the_file_and_the_key(tmp_path: Path, change, message: str):
    path = _write(tmp_path, CFF.replace(*change))
    with pytest.raises(ValueError, match=message) as error:
        book_metadata(path)
    assert str(path) in str(error.value)


def test_citation_text_has_authors_title_number_edition_date_and_url(tmp_path: Path):
    book = book_metadata(_write(tmp_path, CFF))
    citation = Citation(book, "Who was in", "book/membership", number="1")
    assert citation.url == "https://example.org/book/book/membership.html"
    assert citation_text(citation) == (
        'The Test Group and Ada Lovelace (2025). "Who was in", chapter 1 of Alliances & Co: '
        "a test book, version 1.2.3, released 2025-03-04. "
        "https://example.org/book/book/membership.html")


def test_a_book_without_url_is_cited_without_an_invented_address():
    book = BookMetadata("A book", ("Someone",), "0.1", "2024-01-02")
    citation = Citation(book, "Methods", "book/methods")
    assert citation.url is None
    assert citation_text(citation) == ('Someone (2024). "Methods", in A book, version 0.1, '
                                       "released 2024-01-02.")
    assert "url" not in bibtex(citation)


def test_bibtex_entry_escapes_and_keeps_group_names_whole(tmp_path: Path):
    book = book_metadata(_write(tmp_path, CFF))
    citation = Citation(book, "Costs_and 100% of burdens", "book/nato", number="5")
    assert bibtex_key(citation) == "alliancesco2025nato"
    assert bibtex(citation) == (
        "@incollection{alliancesco2025nato,\n"
        "  author = {{The Test Group} and Lovelace, Ada},\n"
        "  title = {Costs\\_and 100\\% of burdens},\n"
        "  booktitle = {Alliances \\& Co: a test book},\n"
        "  chapter = {5},\n"
        "  edition = {version 1.2.3},\n"
        "  year = {2025},\n"
        "  date = {2025-03-04},\n"
        "  url = {https://example.org/book/book/nato.html}\n"
        "}\n")


def test_the_projects_citation_file_is_complete_and_matches_the_package_version():
    book = book_metadata()
    assert book.authors and re.fullmatch(r"\d+\.\d+\.\d+", book.version)
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'version = "{book.version}"' in pyproject, "CITATION.cff and pyproject.toml differ"
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
