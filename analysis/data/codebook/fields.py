"""The codebook's building blocks: :class:`Field`, :class:`RowCheck` and :class:`Table`, the
pattern each kind of field must match, the columns every curated table shares (``source``,
``note``) and :func:`split_list`, which reads the ``;``-separated list cells the ``states``,
``sources`` and ``ids`` kinds hold.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from .vocabulary import PRECISIONS

#: How dates are written in every table (an interval's ``end`` is exclusive: the day the status
#: changed).
DATE_FORMAT = "%Y-%m-%d"

#: The pattern each kind of field must match (anchored), where its kind sets one; a field's own
#: ``pattern`` takes precedence.
KIND_PATTERNS: dict[str, str] = {
    "date": r"^\d{4}-\d{2}-\d{2}$",
    "partial_date": r"^\d{4}(-\d{2}(-\d{2})?)?$",
    "integer": r"^-?\d+$",
    "number": r"^-?\d+(\.\d+)?$",
    "url": r"^https?://\S+$",
    "state": r"^[A-Z]{3}$",
    "states": r"^[A-Z]{3}(;[A-Z]{3})*$",
    "sources": r"^[a-z0-9][a-z0-9-]*(;[a-z0-9][a-z0-9-]*)*$",
    "ids": r"^[A-Za-z0-9][A-Za-z0-9-]*(;[A-Za-z0-9][A-Za-z0-9-]*)*$",
}

#: Kinds whose cells hold a ``;``-separated list (each item is checked against ``ref``).
LIST_KINDS: tuple[str, ...] = ("states", "sources", "ids")


def split_list(value: object) -> list[str]:
    """The items of a ``;``-separated cell (``[]`` for an empty one)."""
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return []
    return [part for part in str(value).split(";") if part]


@dataclass(frozen=True)
class Field:
    """One column of a table.

    ``kind`` is one of: ``string``, ``id`` (lowercase slug or code), ``date`` (YYYY-MM-DD),
    ``partial_date`` (YYYY, YYYY-MM or YYYY-MM-DD), ``integer``, ``number``, ``category``
    (one of ``enum``), ``state`` (an ISO3 code in ``states``), ``states`` (``;``-separated ISO3
    codes), ``sources`` (``;``-separated ``source_id``s), ``ids`` (``;``-separated keys of the
    table ``ref`` names), ``url``.
    ``ref`` names a foreign key as ``"table.field"``.
    """

    name: str
    kind: str
    description: str
    required: bool = False
    enum: tuple[str, ...] | None = None
    pattern: str | None = None
    ref: str | None = None
    unit: str | None = None
    #: no two rows share a (non-empty) value; primary keys are unique in any case
    unique: bool = False
    #: the smallest and largest value a number may take (``None``: no bound)
    minimum: float | None = None
    maximum: float | None = None
    #: values of a ``ref`` column that stand outside the referenced table (non-state codes)
    ref_exempt: tuple[str, ...] = ()


@dataclass(frozen=True)
class RowCheck:
    """A rule over several cells of one row, reported at one column.

    ``rule`` completes the sentence "`<column>` ..." (the check names the column itself), and is
    both the message of a failing row and the rule the data dictionary prints; ``holds`` takes
    the table's text cells (empty ones are NA) and returns, row by row, whether the rule holds.
    """

    column: str
    rule: str
    holds: Callable[[pd.DataFrame], pd.Series]

    @property
    def message(self) -> str:
        return f"`{self.column}` {self.rule}"


@dataclass(frozen=True)
class Table:
    """One CSV file in ``data/`` and its rules."""

    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    #: pairs (start, end) where end must not come before start
    intervals: tuple[tuple[str, str], ...] = ()
    #: columns that identify one timeline whose intervals must not overlap
    no_overlap: tuple[str, ...] = ()
    #: (column, other column, value): column is required when other column equals value
    #: (or, with value None, whenever the other column is set)
    required_if: tuple[tuple[str, str, str | None], ...] = ()
    #: rules over several cells of a row that the single-column rules cannot state
    row_checks: tuple[RowCheck, ...] = ()
    extra_rules: tuple[str, ...] = field(default_factory=tuple)

    @property
    def filename(self) -> str:
        return f"{self.name}.csv"

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"{self.name} has no field {name!r}")

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]


def precision(col: str) -> Field:
    """The ``<col>_precision`` column that says how precise the date in ``col`` is."""
    return Field(
        f"{col}_precision",
        "category",
        f"How precise `{col}` is: a day, or only a month or a year (then `{col}` holds the first "
        "day of that month or year).",
        enum=PRECISIONS,
    )


SOURCE = Field(
    "source",
    "sources",
    "One or more `source_id`s from `sources`, separated by `;`. Every row has at least one.",
    required=True,
    ref="sources.source_id",
)
NOTE = Field("note", "string", "Our remark on the row: caveats, context, disagreements.")
