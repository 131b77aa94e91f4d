"""Facts of the chapter on what the field says (``book/readings.md``): the published base rates
of alliance reliability its prose quotes, read from ``data/reliability_benchmarks.csv``, and the
guards that the table still supports each sentence built on them."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from .checks import Guard, check_all

#: The rates the chapter quotes: the role each plays in its sentences, and its ``benchmark_id``.
QUOTED = {
    "llm": "llm2000-all",
    "leeds": "leeds2003-all",
    "bf_all": "bf2018-all",
    "bf_pre": "bf2018-all-1816-1944",
    "bf_post": "bf2018-all-1945-2003",
    "bf_defence": "bf2018-defence",
    "bf_defence_post": "bf2018-defence-1945-2003",
}


def values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """What the chapter's sentences rest on: each quoted benchmark's row (``rates``, a frame
    indexed by role with ``rate``, ``honoured``, ``opportunities``, ``period``, ``work``)."""
    bench = tables["reliability_benchmarks"].set_index("benchmark_id")
    rates = pd.DataFrame({role: bench.loc[key] for role, key in QUOTED.items()}).T
    return SimpleNamespace(rates=rates)


def _rate(v: SimpleNamespace, role: str) -> float:
    return float(v.rates.loc[role, "rate"])


# The sentences of the chapter that the benchmark table must keep true.
GUARDS = (
    Guard("early_estimates_about_three_in_four",
          "the first systematic estimates put reliability at about three in four",
          lambda v: all(70 <= _rate(v, role) <= 80 for role in ("llm", "leeds"))),
    Guard("update_is_lower",
          "Berkemeier and Fuhrmann's update found a lower rate than the earlier work",
          lambda v: _rate(v, "bf_all") < min(_rate(v, "llm"), _rate(v, "leeds"))),
    Guard("post_1945_fell",
          "from 1945 to 2003 it fell ... the drop comes after the Second World War",
          lambda v: _rate(v, "bf_post") < _rate(v, "bf_pre")),
    Guard("post_1945_below_one_in_four",
          "after 1945 fewer than one commitment in four was honoured",
          lambda v: _rate(v, "bf_post") < 25),
    Guard("defence_pacts_lower",
          "defence pacts, the kind of promise the CSTO's Article 4 makes, did worse than the "
          "average",
          lambda v: _rate(v, "bf_defence") < _rate(v, "bf_all")),
    Guard("defence_after_1945_below_one_in_five",
          "defence pacts after 1945: fewer than one in five honoured",
          lambda v: _rate(v, "bf_defence_post") < 20
          and _rate(v, "bf_defence_post") < _rate(v, "bf_post")),
    Guard("llm_without_count",
          "the abstract gives no count of cases, and the book gives none",
          lambda v: pd.isna(v.rates.loc["llm", "honoured"])
          and pd.isna(v.rates.loc["llm", "opportunities"])),
    Guard("counts_for_the_update",
          "the counts behind Berkemeier and Fuhrmann's rates are given",
          lambda v: all(pd.notna(v.rates.loc[role, field])
                        for role in ("bf_all", "bf_pre", "bf_post", "bf_defence",
                                     "bf_defence_post")
                        for field in ("honoured", "opportunities"))),
)


def percent_text(rate: float) -> str:
    """A published rate as the work states it: ``74.5`` -> ``"74.5%"``, ``75.0`` -> ``"75%"``."""
    return f"{rate:g}%"


def period_text(period: str) -> str:
    """``"1816-1944"`` -> ``"1816 to 1944"``."""
    first, last = str(period).split("-")
    return f"{first} to {last}"


def count_text(v: SimpleNamespace, role: str) -> str:
    """``"73 of 146"``: commitments honoured of those a war made relevant."""
    row = v.rates.loc[role]
    return f"{int(row['honoured'])} of {int(row['opportunities'])}"


def facts(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str]:
    """Every value the chapter glues, by glue name, once every guard holds."""
    v = values(tables, cutoff)
    check_all(GUARDS, v)
    out = {f"rd_{role}_rate": percent_text(_rate(v, role)) for role in QUOTED}
    # The defence pacts' whole-period rate is quoted as "over the whole period", without dates.
    out.update({f"rd_{role}_period": period_text(v.rates.loc[role, "period"])
                for role in QUOTED
                if role != "bf_defence" and pd.notna(v.rates.loc[role, "period"])})
    out.update({f"rd_{role}_count": count_text(v, role)
                for role in QUOTED if pd.notna(v.rates.loc[role, "honoured"])})
    out["rd_leeds_n"] = f"{int(v.rates.loc['leeds', 'opportunities']):,}"
    return out
