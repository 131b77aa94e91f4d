"""Charts in the house style (:mod:`analysis.charts.style`), one submodule per chapter topic.

Every function takes tables (DataFrames) and returns a :class:`Chart`: the matplotlib figure and
the table of exactly what it plots. Colours come from the colour-blind-safe palette, and no chart
relies on colour alone (labels, markers or hatching carry the same information).

Charts import from :mod:`analysis.measures` and :mod:`analysis.data`, never from
:mod:`analysis.publish`.

The package imports its charts on first use (from its module ``catalogue``): a chapter
without a figure, or a module that needs only :mod:`~analysis.charts.style`, does not import
networkx, the maps' shapes or every chart module.
"""

from __future__ import annotations

__all__ = [
    "Chart",
    "annotated_timeline_chart",
    "asked_versus_got_chart",
    "bases_chart",
    "case_timeline_chart",
    "competing_values_chart",
    "map_grid",
    "membership_map",
    "agreement_with_russia_lines",
    "arms_supplier_chart",
    "burden_shares_chart",
    "exercise_grid_chart",
    "gdp_share_heatmap",
    "personnel_chart",
    "alignment_grid",
    "clause_use_chart",
    "concentration_panels",
    "attendance_chart",
    "defiance_scale_chart",
    "growth_chart",
    "institutions_timeline",
    "intervention_timeline_chart",
    "lag_chart",
    "membership_timeline",
    "membership_map_spec",
    "spending_series_spec",
    "vote_strip_spec",
    "rates_by_threat",
    "response_ladder",
    "vote_heatmap",
    "agreement_strip", "bsv_difference_chart", "ukraine_vote_bars",
    "defence_pacts_chart", "portfolio_chart", "tie_matrix_chart",
    "budget_shares_chart", "installations_chart", "shared_ties_chart", "rival_deliveries_chart",
    "exercise_series_chart",
    "channels_chart", "conditional_panels", "universe_chart",
]


def __getattr__(name: str):  # noqa: ANN202 - module-level lazy import (PEP 562)
    if name in __all__:
        from . import catalogue

        value = getattr(catalogue, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:  # the charts are listed before they are imported (autodoc, help)
    return sorted(set(globals()) | set(__all__))
