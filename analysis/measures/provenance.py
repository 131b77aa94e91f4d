"""Provenance: where sources disagree (the competing values recorded in ``discrepancies``),
and the credit line each external dataset asks for under a chart (``origins``).
"""

from __future__ import annotations

import pandas as pd

#: How a credit line in ``origins`` may begin; a chart's source line adds its own "Source: ".
CREDIT_PREFIX = "Source: "


def credit_lines(origins: pd.DataFrame) -> dict[str, str]:
    """The credit line of each external dataset, as ``origins`` gives it, by ``origin_id``,
    without a leading "Source: " (a chart's source line adds its own). An origin without a
    credit line is left out."""
    return {origin: str(credit).removeprefix(CREDIT_PREFIX)
            for origin, credit in zip(origins["origin_id"].tolist(),
                                      origins["credit_line"].tolist())
            if not pd.isna(credit) and str(credit).strip()}


def competing_values(discrepancies: pd.DataFrame, table: str, record_id: str,
                     field: str) -> pd.DataFrame:
    """Every value the sources give for one fact, one row per value and source.

    Returns ``value`` (as recorded, text), ``source``, ``note`` and ``used`` (True for the value
    the tables hold), sorted with the used value first. Raises :class:`KeyError` if no disagreement
    is recorded for that fact, so a chapter never claims a disagreement the data does not hold.
    """
    rows = discrepancies[(discrepancies["table"] == table)
                         & (discrepancies["record_id"] == record_id)
                         & (discrepancies["field"] == field)]
    if rows.empty:
        raise KeyError(f"no competing values recorded for {table}.{field} of {record_id!r}")
    out = rows[["value", "source", "note", "used"]].copy()
    out["used"] = out["used"] == "yes"
    return out.sort_values(["used", "value"], ascending=[False, True], kind="stable").reset_index(
        drop=True)


def numeric_range(values: pd.DataFrame) -> tuple[float, float]:
    """The lowest and highest of the competing values that are plain numbers."""
    numbers = pd.to_numeric(values["value"], errors="coerce").dropna()
    if numbers.empty:
        raise ValueError("none of the competing values is a plain number")
    return float(numbers.min()), float(numbers.max())


__all__ = ["CREDIT_PREFIX", "competing_values", "credit_lines", "numeric_range"]
