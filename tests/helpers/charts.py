"""The house style for chart tests: a module that imports :func:`house_style` draws every chart
in it as the book does (``from tests.helpers.charts import house_style  # noqa: F401``), and its
figures are closed after each test."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest

from analysis.charts.style import use_house_style


@pytest.fixture(autouse=True)
def house_style():
    """Apply the house style before each test; close every figure after it."""
    use_house_style()
    yield
    plt.close("all")
