"""Helpers of the facts tests (imported by them; no tests here)."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from types import ModuleType, SimpleNamespace

import pandas as pd
import pytest

from analysis.publish.facts.checks import Guard, SentenceNotSupported


def altered(values: SimpleNamespace, **changes: object) -> SimpleNamespace:
    """A copy of a chapter's ``values`` with some replaced; the originals are not touched."""
    copied = copy.copy(values)
    for name, value in changes.items():
        if not hasattr(values, name):
            raise AttributeError(f"no value named {name!r} to alter")
        setattr(copied, name, value)
    return copied


def with_cell(frame: pd.DataFrame, row: object, column: str, value: object) -> pd.DataFrame:
    """A copy of ``frame`` with one cell (by label) set to ``value``."""
    changed = frame.copy()
    changed.loc[row, column] = value
    return changed


def with_item(series: pd.Series, key: object, value: object) -> pd.Series:
    """A copy of ``series`` with one item (by label) set to ``value``."""
    changed = series.copy()
    changed.loc[key] = value
    return changed


def raises_guard(guard: Guard | str) -> pytest.RaisesContext:
    """``pytest.raises`` for the guard (or guard name) failing, by its name in the message."""
    name = guard if isinstance(guard, str) else guard.name
    return pytest.raises(SentenceNotSupported, match=re.escape(f"guard {name!r}"))


def guard_ids(guard: Guard) -> str:
    """A guard's test id: its name."""
    return guard.name


def breaks_every_guard(module: ModuleType, breaks: dict[str, Callable]) -> list[str]:
    """Guards of ``module`` that ``breaks`` (guard name -> alteration) has no case for, and
    cases for guards it does not have; empty when the two match."""
    names = {g.name for g in module.GUARDS}
    return sorted(names ^ set(breaks))


def assert_breaks(guard: Guard, values: SimpleNamespace) -> None:
    """The guard finds its sentence false on ``values`` (it returns False: it does not crash on
    values it cannot read, which would also stop the build but prove less)."""
    with raises_guard(guard) as error:
        guard.check(values)
    assert error.value.__cause__ is None, f"{guard.name} crashed: {error.value}"
