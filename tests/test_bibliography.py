"""The bibliography generator: works of scholarship become @article, @book or @incollection
entries with their authors; every other source stays @misc; every entry carries its kind, and the
bibliography has a page for each kind of the codebook, scholarship first, each reading its kind's
BibTeX file."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
import yaml
from pybtex.database import parse_string

from analysis.data.codebook.vocabulary import SOURCE_KINDS
from analysis.data.paths import ROOT
from analysis.publish.bibliography import bibtex_authors, bibtex_entry, write_bibtex
from bookbuild.pages import toc_files

BASE = {"source_id": "x", "title": "T", "publisher": "P", "url": "https://example.org/x",
        "published": "2000", "accessed": "2026-12-05", "kind": "scholarship", "form": "article",
        "authors": "Doe, Jane; Roe, Richard", "container": "Journal of Tests", "volume": "4",
        "issue": "2", "pages": "10-20", "doi": "10.1234/x", "isbn": None,
        "verified": "https://example.org/x/record", "note": "a quoted excerpt"}


def entry(**changes) -> tuple[str, object]:
    """One row's BibTeX text and the entry pybtex reads back from it."""
    text = bibtex_entry(pd.Series({**BASE, **changes}))
    return text, parse_string(text, "bibtex").entries["x"]


def test_an_article_carries_its_authors_journal_and_doi():
    text, parsed = entry()
    assert text.startswith("@article{x,")
    assert [str(p) for p in parsed.persons["author"]] == ["Doe, Jane", "Roe, Richard"]
    assert parsed.fields["journal"] == "Journal of Tests"
    assert (parsed.fields["volume"], parsed.fields["number"]) == ("4", "2")
    assert parsed.fields["pages"] == "10--20"
    assert parsed.fields["doi"] == "10.1234/x"
    assert parsed.fields["kind"] == "scholarship"
    assert "note" not in parsed.fields  # the excerpt stays in the data, not in the entry


def test_a_book_has_its_publisher_and_isbn_and_no_journal():
    text, parsed = entry(form="book", container=None, volume=None, issue=None, pages=None,
                         doi=None, isbn="9780306406157", publisher="Test Press")
    assert text.startswith("@book{x,")
    assert parsed.fields["publisher"] == "Test Press"
    assert parsed.fields["isbn"] == "9780306406157"
    assert "journal" not in parsed.fields


def test_a_chapter_names_its_book():
    text, parsed = entry(form="chapter", container="Handbook of Tests", isbn="9780306406157")
    assert text.startswith("@incollection{x,")
    assert parsed.fields["booktitle"] == "{Handbook of Tests}"
    assert parsed.fields["publisher"] == "P"


def test_other_sources_stay_misc_under_their_publisher_with_their_kind():
    text, parsed = entry(kind="independent_media", form=None, authors=None, container=None,
                         doi=None, verified=None, publisher="Eurasianet")
    assert text.startswith("@misc{x,")
    assert [str(p) for p in parsed.persons["author"]] == ["{Eurasianet}"]
    assert parsed.fields["kind"] == "independent_media"
    assert parsed.fields["note"] == "{a quoted excerpt}"


def test_a_signed_report_names_its_author():
    _, parsed = entry(kind="think_tank", form=None, authors="Weitz, Richard")
    assert [str(p) for p in parsed.persons["author"]] == ["Weitz, Richard"]


@pytest.mark.parametrize(("authors", "expected"), [
    ("Doe, Jane", "Doe, Jane"), ("Doe, Jane; de Haas, Marcel", "Doe, Jane and de Haas, Marcel"),
    ("Kropatcheva", "Kropatcheva")])
def test_authors_are_joined_as_bibtex_wants(authors, expected):
    assert bibtex_authors(authors) == expected


def test_every_real_source_becomes_one_readable_entry_with_its_kind(tables, tmp_path: Path):
    sources = tables["sources"]
    parsed = parse_string(write_bibtex(sources, tmp_path / "refs.bib").read_text(encoding="utf-8"),
                          "bibtex").entries
    assert set(parsed) == set(sources["source_id"])
    kinds = sources.set_index("source_id")["kind"]
    assert all(parsed[key].fields["kind"] == kinds[key] for key in parsed)
    scholarly = kinds[kinds == "scholarship"].index
    assert len(scholarly) >= 20
    assert all(parsed[key].type in ("article", "book", "incollection") for key in scholarly)
    assert all(parsed[key].persons.get("author") for key in scholarly)
    assert all(parsed[key].type == "misc" for key in kinds.index.difference(scholarly))


def _bibliography_pages() -> list[str]:
    """The bibliography's pages (its sections in ``_toc.yml``), in order."""
    return [page for page in toc_files() if page.startswith("book/bibliography/")]


def test_the_bibliography_has_a_page_for_every_kind_with_scholarship_first():
    pages = _bibliography_pages()
    texts = [(ROOT / f"{page}.md").read_text(encoding="utf-8") for page in pages]
    filtered = [kind for text in texts for kind in
                re.findall(r'^:filter: kind == "([a-z_]+)"$', text, flags=re.MULTILINE)]
    assert len(filtered) == len(pages)  # one bibliography per page
    assert sorted(filtered) == sorted(SOURCE_KINDS)  # each kind once, none unknown
    assert filtered[0] == "scholarship"
    prefixes = [p for text in texts for p in re.findall(r"^:labelprefix: (\w+)$", text,
                                                         flags=re.MULTILINE)]
    assert len(prefixes) == len(filtered) == len(set(prefixes))
    # Each page reads only its kind's file, and the configuration lists every such file.
    files = [f"book/_generated/sources/{kind}.bib" for kind in filtered]
    for text, file in zip(texts, files, strict=True):
        assert re.search(rf"^```{{bibliography}} /{re.escape(file)}$", text, flags=re.MULTILINE)
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert sorted(config["bibtex_bibfiles"]) == sorted(files)
    # The index page links every page of the bibliography.
    index = (ROOT / "book" / "bibliography.md").read_text(encoding="utf-8")
    assert re.findall(r"\]\(bibliography/(\w+)\.md\)", index) == [
        page.rsplit("/", 1)[1] for page in pages]


def test_the_bibliography_is_written_one_file_per_kind(tables, tmp_path: Path):
    from bookbuild.data_gate import BIB_DIR, bib_files, write_bibliography

    sources = tables["sources"]
    (tmp_path / BIB_DIR).mkdir(parents=True)
    (tmp_path / BIB_DIR / "references.bib").write_text("an old file")
    written = write_bibliography(sources, tmp_path)
    assert bib_files(tmp_path) == sorted(written)  # the old file is gone
    assert sorted(path.stem for path in written) == sorted(SOURCE_KINDS)
    seen = []
    for path in written:
        entries = parse_string(path.read_text(encoding="utf-8"), "bibtex").entries
        assert all(entry.fields["kind"] == path.stem for entry in entries.values())
        seen += list(entries)
    assert sorted(seen) == sorted(sources["source_id"])  # every source once
    unknown = pd.concat([sources.head(1).assign(kind="pamphlet"), sources])
    with pytest.raises(ValueError, match="pamphlet"):
        write_bibliography(unknown, tmp_path)
