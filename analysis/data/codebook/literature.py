"""What the field says, in the codebook: the rules a work of scholarship in ``sources`` must
meet, and the table of the base rates of alliance reliability that published works report
(``reliability_benchmarks``), which the book sets beside its own measures.

A work of scholarship is cited as the field cites it: with its authors, the journal or book it
appeared in (or its publisher, for a book), its DOI or ISBN, and the address where the book
checked that the work exists and says what the book attributes to it (``verified``). Where a
look-up could not settle one of these, the row's note says so in a sentence that begins
``Incomplete:``, and the check lets it pass.
"""

from __future__ import annotations

import pandas as pd

from .fields import NOTE, SOURCE, Field, RowCheck, Table
from .vocabulary import BENCHMARK_MEASURES

#: The word that opens a note explaining why a work of scholarship lacks a required detail.
INCOMPLETE = "Incomplete:"


def valid_isbn13(value: object) -> bool:
    """Whether ``value`` is a 13-digit ISBN whose check digit is right."""
    digits = str(value)
    if len(digits) != 13 or not digits.isdigit():
        return False
    total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(digits[:12]))
    return (10 - total % 10) % 10 == int(digits[12])


def _scholarship(df: pd.DataFrame) -> pd.Series:
    return df["kind"] == "scholarship"


def _explained(df: pd.DataFrame) -> pd.Series:
    return df["note"].fillna("").str.contains(INCOMPLETE, regex=False)


def _unexplained_gap(df: pd.DataFrame, missing: pd.Series) -> pd.Series:
    """True where the row is fine: not scholarship, nothing missing, or the note says why."""
    return ~(_scholarship(df) & missing & ~_explained(df))


#: The rules over several cells of a ``sources`` row that concern works of scholarship.
SCHOLARSHIP_CHECKS: tuple[RowCheck, ...] = (
    RowCheck("authors", f"is required for a work of scholarship, unless `note` says why "
             f"(\"{INCOMPLETE} ...\")",
             lambda df: _unexplained_gap(df, df["authors"].isna())),
    RowCheck("container", f"(the journal or the book) is required for an article or a chapter of "
             f"scholarship, unless `note` says why (\"{INCOMPLETE} ...\")",
             lambda df: _unexplained_gap(df, df["form"].isin(["article", "chapter"])
                                         & df["container"].isna())),
    RowCheck("doi", f"or `isbn` is required for a work of scholarship, unless `note` says why "
             f"(\"{INCOMPLETE} ...\")",
             lambda df: _unexplained_gap(df, df["doi"].isna() & df["isbn"].isna())),
    RowCheck("isbn", "must end in the right check digit",
             lambda df: df["isbn"].isna() | df["isbn"].map(valid_isbn13).astype(bool)),
)

#: The columns of ``sources`` that describe a work of scholarship (all optional for other kinds).
SCHOLARLY_FIELDS: tuple[Field, ...] = (
    Field("authors", "string", "Authors, `Last, First; Last, First` (a family name alone where "
          "the page read gives no given name). Set for works of scholarship and for signed "
          "reports.", pattern=r"^[^;,]+(, [^;,]+)?(; [^;,]+(, [^;,]+)?)*$"),
    Field("container", "string", "The journal an article appeared in, or the book a chapter "
          "appeared in."),
    Field("volume", "string", "Volume of the journal."),
    Field("issue", "string", "Issue (number) of the journal."),
    Field("pages", "string", "Pages, `first-last` (or the first page alone).",
          pattern=r"^[A-Za-z]?\d+(-[A-Za-z]?\d+)?$"),
    Field("doi", "string", "Digital Object Identifier, without `https://doi.org/`.",
          pattern=r"^10\.\d{4,9}/\S+$"),
    Field("isbn", "string", "ISBN-13 of the book (for a chapter, of the book it is in), digits "
          "only.", pattern=r"^97[89]\d{10}$"),
    Field("verified", "url", "For a work of scholarship, the address where the book checked that "
          "the work exists and that it says what the book attributes to it (the supporting "
          "excerpt is quoted in `note`)."),
)

#: The tables this part of the codebook defines, in load order (after ``sources``).
TABLES: tuple[Table, ...] = (
    Table(
        "reliability_benchmarks",
        "Published base rates of alliance reliability",
        "How often allies honoured their alliance commitments in war, as published works report "
        "it, with the counts behind each rate where a citable source gives them. These are the "
        "field's yardsticks; they count wars and treaty obligations, not requests, so the book "
        "sets its own measures beside them rather than equating the two.",
        (
            Field("benchmark_id", "id", "Short key of the rate.", required=True,
                  pattern=r"^[a-z0-9][a-z0-9-]*$"),
            Field("work", "id", "The work that reports the rate: a `source_id` of kind "
                  "`scholarship`.", required=True, ref="sources.source_id"),
            Field("measure", "category", "Which commitments the rate covers: every alliance "
                  "commitment that a war made relevant, or those of defence pacts only.",
                  required=True, enum=BENCHMARK_MEASURES),
            Field("period", "string", "First and last year the rate covers (`YYYY-YYYY`); "
                  "empty where the page read does not say.", pattern=r"^\d{4}-\d{4}$"),
            Field("honoured", "integer", "Commitments honoured, where a citable source gives the "
                  "count.", minimum=0, unit="commitments"),
            Field("opportunities", "integer", "Commitments that a war made relevant (the "
                  "denominator), where a citable source gives the count.", minimum=1,
                  unit="commitments"),
            Field("rate", "number", "The rate as the work publishes it.", required=True,
                  minimum=0, maximum=100, unit="percent"),
            Field("honoured_means", "string", "What counts as honouring a commitment in the "
                  "work's coding.", required=True),
            NOTE,
            SOURCE,
        ),
        primary_key=("benchmark_id",),
        required_if=(("opportunities", "honoured", None),),
        row_checks=(
            RowCheck("opportunities", "must not be smaller than `honoured`",
                     lambda df: ~(pd.to_numeric(df["honoured"], errors="coerce")
                                  > pd.to_numeric(df["opportunities"], errors="coerce"))),
            RowCheck("rate", "must agree with `honoured` / `opportunities`, in percent, to "
                     "within half a point",
                     lambda df: ~((100 * pd.to_numeric(df["honoured"], errors="coerce")
                                   / pd.to_numeric(df["opportunities"], errors="coerce")
                                   - pd.to_numeric(df["rate"], errors="coerce")).abs() > 0.5)),
        ),
        extra_rules=("`work` names a source of kind `scholarship`.",),
    ),
)
