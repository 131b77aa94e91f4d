"""Every public chart, imported from its submodule: what ``from analysis.charts import x``
reaches on first use (:mod:`analysis.charts` imports this module only then, and its ``__all__``
lists these names; a test checks that the two agree)."""

# ruff: noqa: F401 - every import here is a re-export of analysis.charts

from __future__ import annotations

from .alliances import defence_pacts_chart, portfolio_chart, tie_matrix_chart
from .arms import arms_supplier_chart, rival_deliveries_chart
from .asks import asked_versus_got_chart
from .base import Chart
from .cases import annotated_timeline_chart, case_timeline_chart
from .compare import clause_use_chart, concentration_panels, growth_chart
from .comparison import channels_chart, conditional_panels, universe_chart
from .divisions import alignment_grid, attendance_chart, defiance_scale_chart
from .exercises import exercise_grid_chart, exercise_series_chart
from .institutions import budget_shares_chart, institutions_timeline
from .interactive import membership_map_spec, spending_series_spec, vote_strip_spec
from .interventions import intervention_timeline_chart
from .maps import map_grid, membership_map
from .membership import membership_timeline
from .network import bases_chart, installations_chart, shared_ties_chart
from .personnel import personnel_chart
from .provenance import competing_values_chart
from .requests import lag_chart, rates_by_threat, response_ladder
from .roll_calls import agreement_strip, bsv_difference_chart
from .spending import burden_shares_chart, gdp_share_heatmap
from .ukraine import ukraine_vote_bars
from .votes import agreement_with_russia_lines, vote_heatmap
