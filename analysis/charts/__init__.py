"""Charts in the house style (:mod:`analysis.charts.style`), one submodule per chapter topic.

Every function takes tables (DataFrames) and returns a :class:`Chart`: the matplotlib figure and
the table of exactly what it plots. Colours come from the colour-blind-safe palette, and no chart
relies on colour alone (labels, markers or hatching carry the same information).

Charts import from :mod:`analysis.measures` and :mod:`analysis.data`, never from
:mod:`analysis.publish`.
"""

from __future__ import annotations

import importlib

#: Where each public chart lives: its submodule is imported when the name is first used, so
#: that a chapter pays only for the charts it draws (networkx, scipy and the maps' shapes are
#: not imported by a chapter without those figures).
_HOME: dict[str, str] = {
    "Chart": "base",
    "agreement_strip": "roll_calls",
    "agreement_with_russia_lines": "votes",
    "alignment_grid": "divisions",
    "annotated_timeline_chart": "cases",
    "arms_supplier_chart": "arms",
    "asked_versus_got_chart": "asks",
    "attendance_chart": "divisions",
    "bases_chart": "network",
    "bsv_difference_chart": "roll_calls",
    "budget_shares_chart": "institutions",
    "burden_shares_chart": "spending",
    "case_timeline_chart": "cases",
    "channels_chart": "comparison",
    "clause_use_chart": "compare",
    "competing_values_chart": "provenance",
    "concentration_panels": "compare",
    "conditional_panels": "comparison",
    "defence_pacts_chart": "alliances",
    "defiance_scale_chart": "divisions",
    "exercise_grid_chart": "exercises",
    "exercise_series_chart": "exercises",
    "gdp_share_heatmap": "spending",
    "growth_chart": "compare",
    "installations_chart": "network",
    "institutions_timeline": "institutions",
    "intervention_timeline_chart": "interventions",
    "lag_chart": "requests",
    "map_grid": "maps",
    "membership_map": "maps",
    "membership_map_spec": "interactive",
    "membership_timeline": "membership",
    "personnel_chart": "personnel",
    "portfolio_chart": "alliances",
    "rates_by_threat": "requests",
    "response_ladder": "requests",
    "rival_deliveries_chart": "arms",
    "shared_ties_chart": "network",
    "spending_series_spec": "interactive",
    "tie_matrix_chart": "alliances",
    "ukraine_vote_bars": "ukraine",
    "universe_chart": "comparison",
    "vote_heatmap": "votes",
    "vote_strip_spec": "interactive",
}

__all__ = sorted(_HOME)


def __getattr__(name: str):  # noqa: ANN202 - module-level lazy import (PEP 562)
    if name in _HOME:
        value = getattr(importlib.import_module(f".{_HOME[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOME))
