"""Shared fixtures of the facts tests: the real tables and the cut-off, loaded once per session,
and each chapter's values, computed once per session."""

from __future__ import annotations

from types import ModuleType, SimpleNamespace

import pandas as pd
import pytest

from analysis.charts.style import use_house_style
from analysis.data.edition import data_cutoff
from analysis.data.load import load_all


@pytest.fixture(scope="session", autouse=True)
def house_style() -> None:
    """Charts are drawn in the house style, as in the book (its layout engine included)."""
    use_house_style()


@pytest.fixture(scope="session")
def tables() -> dict[str, pd.DataFrame]:
    """Every real table, validated (read-only: a test that alters one alters a copy)."""
    return load_all()


@pytest.fixture(scope="session")
def cutoff() -> pd.Timestamp:
    """The data's cut-off date, the book's "today"."""
    return data_cutoff()


@pytest.fixture(scope="session")
def values_of(tables, cutoff):
    """``values_of(module)``: a facts module's ``values(tables, cutoff)`` on the real data,
    computed once per session (tests alter copies, never these)."""
    cache: dict[str, SimpleNamespace] = {}

    def get(module: ModuleType) -> SimpleNamespace:
        if module.__name__ not in cache:
            cache[module.__name__] = module.values(tables, cutoff)
        return cache[module.__name__]

    return get


@pytest.fixture(scope="session")
def figures_of(tables, cutoff):
    """``figures_of(module)``: a facts module's ``figures(tables, cutoff)`` on the real data,
    drawn once per session; each figure is closed once drawn (its axes and data stay readable)."""
    import matplotlib.pyplot as plt

    cache: dict[str, dict] = {}

    def get(module: ModuleType) -> dict:
        if module.__name__ not in cache:
            charts = module.figures(tables, cutoff)
            for chart in charts.values():
                plt.close(chart.figure)
            cache[module.__name__] = charts
        return cache[module.__name__]

    return get


@pytest.fixture(scope="session")
def facts_of(values_of, tables, cutoff):
    """``facts_of(module)``: a facts module's ``facts(tables, cutoff)`` on the real data, from
    the session's :func:`values_of` (``facts`` starts from ``values(tables, cutoff)``; here
    that call returns the values already computed), once per session."""
    cache: dict[str, dict] = {}

    def get(module: ModuleType) -> dict:
        if module.__name__ not in cache:
            with pytest.MonkeyPatch.context() as patch:
                if hasattr(module, "values"):  # a module without values has nothing to reuse
                    computed = values_of(module)
                    patch.setattr(module, "values", lambda tables, cutoff: computed)
                cache[module.__name__] = module.facts(tables, cutoff)
        return cache[module.__name__]

    return get
