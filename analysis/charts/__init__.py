"""Charts in the house style (:mod:`analysis.style`), one submodule per chapter topic.

Every function takes tables (DataFrames) and returns a :class:`Chart`: the matplotlib figure and
the table of exactly what it plots. Colours come from the colour-blind-safe palette, and no chart
relies on colour alone (labels, markers or hatching carry the same information).
"""

from .base import Chart
from .membership import membership_timeline

__all__ = ["Chart", "membership_timeline"]
