"""The tables a reader meets in the chapters show words, not codebook values: no code with an
underscore, no value that :data:`analysis.publish.book.READABLE` words for readers, and no date
that can wrap. The appendices that document the codes themselves (the data dictionary, the
methods' coding rules, the changelog's row ids) are left out."""

from __future__ import annotations

import importlib
import re

import pytest

from analysis.publish.book import READABLE

from .test_chapters import CHAPTERS

#: Appendices whose tables document the codebook: they show its values on purpose.
REFERENCE = {"data_dictionary", "methods", "changelog"}
READERS = [c for c in CHAPTERS if c not in REFERENCE
           and hasattr(importlib.import_module(f"analysis.publish.facts.{c}"), "displays")]


def _cells(markdown: str) -> list[str]:
    rows = [line for line in markdown.splitlines() if line.startswith("|")]
    return [cell.strip() for row in rows[2:] for cell in row.strip("|").split("|")]


def test_there_are_reader_tables_to_check():
    assert "institutions" in READERS


@pytest.mark.parametrize("chapter", READERS)
def test_reader_tables_show_words_not_codes(chapter, tables, cutoff):
    module = importlib.import_module(f"analysis.publish.facts.{chapter}")
    coded = {code.replace("_", " ") for code in READABLE} | set(READABLE)
    for name, markdown in module.displays(tables, cutoff).items():
        cells = _cells(markdown)
        assert cells, name
        assert [c for c in cells if re.fullmatch(r"[a-z0-9]+(_[a-z0-9]+)+", c)] == [], name
        assert [c for c in cells if c in coded] == [], name
        assert [c for c in cells if re.fullmatch(r"\d{1,2} [A-Z][a-z]{2} \d{4}", c)] == [], name
