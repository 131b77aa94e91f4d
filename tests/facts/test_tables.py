"""The tables a reader meets in the chapters show words, not codebook values: no code with an
underscore, no value that :data:`analysis.publish.book.READABLE` words for readers, and no date
that can wrap. The appendices that document the codes themselves (the data dictionary, the
methods' coding rules, the changelog's row ids) are left out.

Every table of the book, in every chapter and appendix, is numbered and captioned: each pipe
table, whether a chapter's facts module shows it (``displays``) or the page holds it, sits in a
MyST ``table`` directive with a caption and a ``tab-`` label, the labels are unique, and every
``{numref}`` to a table names one of them."""

from __future__ import annotations

import importlib
import re

import pytest

from analysis.data.paths import ROOT
from analysis.publish.book import READABLE

from .test_chapters import CHAPTERS

BOOK = ROOT / "book"

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


#: A numbered, captioned table: a MyST ``table`` directive (colon or backtick fence) with its
#: caption, its ``tab-`` label and its body, up to the closing fence.
_TABLE_DIRECTIVE = re.compile(
    r"^(?P<fence>:::|```)\{table\}[ \t]*(?P<caption>[^\n]*)\n"
    r"(?P<options>(?:[ \t]*:[a-z-]+:[^\n]*\n)*)(?P<body>.*?)^(?P=fence)[ \t]*$", re.S | re.M)
_NAME = re.compile(r"^[ \t]*:name:[ \t]*(tab-[a-z0-9-]+)[ \t]*$", re.M)
_CODE_CELL = re.compile(r"^```\{code-cell\}[^\n]*\n.*?^```[ \t]*$", re.S | re.M)
_NUMREF_TABLE = re.compile(r"\{numref\}`(?:[^`<]*<)?(tab-[a-z0-9-]+)>?`")


def numbered_tables(markdown: str) -> tuple[list[str], list[str]]:
    """The labels of ``markdown``'s numbered tables, and the first line of every pipe table left
    outside one (a table a reader would see without a number or a caption). A directive without
    a caption or a ``tab-`` label counts as a table left outside."""
    names: list[str] = []
    bare: list[str] = []

    def keep(match: re.Match) -> str:
        name = _NAME.search(match.group("options"))
        if not match.group("caption").strip() or name is None:
            bare.append(match.group(0).splitlines()[0])
        else:
            names.append(name.group(1))
        return ""

    rest = _TABLE_DIRECTIVE.sub(keep, markdown)
    lines = rest.splitlines()
    bare += [line for i, line in enumerate(lines)
             if line.lstrip().startswith("|") and (i == 0 or not lines[i - 1].lstrip()
                                                     .startswith("|"))]
    return names, bare


def test_the_check_finds_a_table_left_without_a_number():
    table = "| a | b |\n| --- | --- |\n| 1 | 2 |\n"
    assert numbered_tables(f":::{{table}} A caption.\n:name: tab-a\n\n{table}:::\n") == (
        ["tab-a"], [])
    assert numbered_tables(f"Text.\n\n{table}") == ([], ["| a | b |"])
    assert numbered_tables(f":::{{table}}\n:name: tab-a\n\n{table}:::\n")[1]  # no caption
    assert numbered_tables(f":::{{table}} A caption.\n\n{table}:::\n")[1]  # no label


@pytest.fixture(scope="module")
def every_table(tables, cutoff) -> dict[str, tuple[list[str], list[str]]]:
    """Each page's numbered tables and bare ones: those of its source (code cells left out) and
    those its facts module shows."""
    found = {}
    for page in sorted(BOOK.glob("*.md")):
        names, bare = numbered_tables(_CODE_CELL.sub("", page.read_text(encoding="utf-8")))
        if page.stem in CHAPTERS:
            module = importlib.import_module(f"analysis.publish.facts.{page.stem}")
            for key, markdown in getattr(module, "displays", lambda *_: {})(
                    tables, cutoff).items():
                more, left = numbered_tables(markdown)
                names += more
                bare += [f"{key}: {line}" for line in left]
        found[page.stem] = (names, bare)
    return found


def test_every_table_is_numbered_and_captioned(every_table):
    bare = {page: left for page, (_, left) in every_table.items() if left}
    assert bare == {}
    assert sum(len(names) for names, _ in every_table.values()) >= 20


def test_table_labels_are_unique_and_every_reference_finds_one(every_table):
    names = [name for found, _ in every_table.values() for name in found]
    assert sorted({n for n in names if names.count(n) > 1}) == []
    cited = {ref for page in BOOK.glob("*.md")
             for ref in _NUMREF_TABLE.findall(page.read_text(encoding="utf-8"))}
    assert sorted(cited - set(names)) == []
