"""The book argues in prose of a book's length, about the world rather than the dataset
(issue 26): word counts by chapter, and phrases a reader should never meet."""

from __future__ import annotations

import re

import pytest
import yaml

from analysis.data.paths import ROOT
from tests.helpers.prose import prose, word_count

TOC = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
#: The parts of the book that are its argument (the appendices are reference, not prose).
PARTS = {part["caption"]: [c["file"] for c in part["chapters"]] for part in TOC["parts"]}
ANALYTIC = PARTS["Chapters"]
CASES = PARTS["Cases"]
CONCLUSIONS = PARTS["Verdict"]
ARGUMENT = [TOC["root"], *ANALYTIC, *CASES, *CONCLUSIONS]

#: Minimum words of running prose (issue 26, item 4 and "Done when").
MIN_ANALYTIC, MIN_CASE, MIN_CONCLUSIONS, MIN_TOTAL = 1200, 1500, 2000, 30000


def _words(file: str) -> int:
    return word_count(ROOT / f"{file}.md")


def test_counting_skips_code_figures_tables_and_citations(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(
        "---\njupytext: {}\n---\n# Title\n\n```{code-cell} ipython3\nx = 1\n```\n\n"
        "One two {glue:text}`n` four {cite:p}`a,b`.\n\n| a | b |\n|---|---|\n\n"
        "```{glue:figure} fig\n:name: fig\n\nCaption words here.\n```\n\n"
        "(label)=\nFive [six](x.html).\n", encoding="utf-8")
    assert word_count(page) == 6


def test_the_conclusions_come_after_the_cases():
    order = [f for part in TOC["parts"] for f in (c["file"] for c in part["chapters"])]
    assert all(order.index(c) > order.index(case) for c in CONCLUSIONS for case in CASES)


@pytest.mark.parametrize("file", ANALYTIC)
def test_an_analytic_chapter_runs_to_at_least_1200_words(file):
    assert _words(file) >= MIN_ANALYTIC, f"{file}: {_words(file)} words"


@pytest.mark.parametrize("file", CASES)
def test_a_case_chapter_runs_to_at_least_1500_words(file):
    assert _words(file) >= MIN_CASE, f"{file}: {_words(file)} words"


def test_the_conclusions_run_to_at_least_2000_words():
    assert CONCLUSIONS and all(_words(f) >= MIN_CONCLUSIONS for f in CONCLUSIONS), \
        {f: _words(f) for f in CONCLUSIONS}


def test_the_book_runs_to_about_30000_words_of_chapter_prose():
    total = sum(_words(f) for f in ARGUMENT)
    assert total >= MIN_TOTAL, f"{total} words"


#: Phrases that describe the dataset or the build instead of the world (issue 26, item 4).
HOUSEKEEPING = [
    r"(?:\bN|\b\d[\d,]{2,}) days after\b",  # a computed count of days ("911 days after")
    r"\bthe (?:data|tables?) (?:records?|holds?|codes?)\b",
    r"\bthe book codes\b",
    r"\brule not verified\b",
    r"\b(\w+) \1\b",            # a doubled word ("points points")
    r"\b[a-z]+_[a-z_]+\b(?!\.\w)",  # a codebook value as stored (a file name is fine)
]


@pytest.mark.parametrize("file", ARGUMENT)
def test_no_housekeeping_or_database_labels_in_reader_prose(file):
    text = prose((ROOT / f"{file}.md").read_text(encoding="utf-8"))
    found = [m.group(0) for pattern in HOUSEKEEPING
             for m in re.finditer(pattern, text, flags=re.IGNORECASE)]
    assert not found, f"{file}: {found}"


def test_the_phrase_rules_catch_what_they_name():
    text = "It rose 11 points points on 911 days after the war; the data records 43 moves " \
           "and recognize_crimea_annexation; two days after it, see office_holders.csv."
    found = [m.group(0) for pattern in HOUSEKEEPING
             for m in re.finditer(pattern, text, flags=re.IGNORECASE)]
    assert len(found) == 4
