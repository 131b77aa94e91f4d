"""The forces chapter's arms (``book/forces.md``, "Arms: who supplies the members"): SIPRI's
deliveries by supplier, and the CSTO's terms for buying Russian."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ....charts import Chart, arms_supplier_chart
from ....measures.arms import russia_share_of_deliveries, supplier_shares
from ....measures.membership import inside_by_year
from ... import book
from ..checks import Guard

#: The current and former CSTO members whose arms imports the chapter draws, in its order.
RECIPIENTS = ["ARM", "BLR", "KAZ", "KGZ", "TJK", "RUS", "UZB", "AZE", "GEO"]
#: The years of the arms panels, for each member's label.
ARMS_YEARS = range(2000, 2024)


def member_label(state: str, years: pd.DataFrame, names: dict[str, str],
                 span: range = ARMS_YEARS) -> str:
    """A state's label in the arms panels: ``"Belarus: member throughout"``, ``"Georgia:
    former member"`` or ``"Uzbekistan: member 2006-2011"``, from the years it was inside the
    CSTO (``years``: :func:`~analysis.measures.membership.inside_by_year` over ``span``)."""
    mine = years.loc[years["state"] == state, "year"]
    if len(mine) == len(span):
        return f"{names[state]}: member throughout"
    if len(mine) == 0:
        return f"{names[state]}: former member"
    return f"{names[state]}: member {mine.min()}-{mine.max()}"


def values(tables: dict[str, pd.DataFrame]) -> SimpleNamespace:
    """SIPRI's register (``arms``), each recipient's suppliers by period (``shares``, and
    ``sh`` by recipient, period and supplier), the panels' labels (``labels``) and Russia's share
    of what the members received, by period (``periods``)."""
    arms, memberships = tables["arms_transfers"], tables["memberships"]
    shares = supplier_shares(arms)
    years = inside_by_year(memberships, "CSTO", ARMS_YEARS)
    names = book.state_names(tables["states"])
    return SimpleNamespace(
        arms=arms, shares=shares,
        sh=shares.set_index(["recipient", "period", "supplier"])["share"],
        labels={r: member_label(r, years, names) for r in RECIPIENTS},
        periods=russia_share_of_deliveries(arms, memberships).set_index("period"),
    )


def _blr_from_russia(v: SimpleNamespace) -> pd.Series:
    blr = v.shares[(v.shares["recipient"] == "BLR") & (v.shares["period"] >= "2010-14")]
    return blr.loc[blr["supplier"] == "RUS", "share"]


def _geo_from_russia_negligible(v: SimpleNamespace) -> bool:
    geo = v.shares[v.shares["recipient"] == "GEO"]
    return geo.loc[geo["supplier"] == "RUS", "tiv_million"].sum() < 0.01 * geo["tiv_million"].sum()


GUARDS = (
    Guard("recipients_are_the_arms_table",
          "Major arms delivered to each current and former CSTO member",
          lambda v: set(RECIPIENTS) == set(v.arms["recipient"])),
    Guard("arms_labels",
          "Uzbekistan ... member 2006-2011; Georgia: former member",
          lambda v: v.labels["UZB"].endswith("2006-2011")
          and v.labels["GEO"].endswith("former member")),
    Guard("russia_supplies_most",
          "Its share never fell below ..., and was ... in 2020-23",
          lambda v: v.periods["share"].min() > 0.7 and v.periods["share"].iloc[-1] > 0.85),
    Guard("peak_in_2015_19",
          "peaked at ... in 2015-19",
          lambda v: v.periods.loc["2015-19", "share"] == v.periods["share"].max()),
    Guard("india_armenias_largest_supplier",
          "India became its largest supplier",
          lambda v: v.sh[("ARM", "2020-23", "IND")] > v.sh[("ARM", "2020-23", "RUS")]),
    Guard("belarus_buys_russian_only",
          "Belarus has bought from Russia alone since 2010",
          lambda v: _blr_from_russia(v).min() > 0.95),
    Guard("kyrgyzstan_more_from_turkey",
          "Kyrgyzstan took ... of its small volume from Turkey in the same years",
          lambda v: v.sh[("KGZ", "2020-23", "TUR")] > v.sh[("KGZ", "2020-23", "RUS")]),
    Guard("azerbaijan_from_russia_then_israel",
          "Azerbaijan, once a large customer, took ... of its arms from Israel in 2015-19",
          lambda v: v.sh[("AZE", "2010-14", "RUS")] > 0.5
          and v.sh[("AZE", "2015-19", "ISR")] > 0.5),
    Guard("georgia_almost_nothing_russian",
          "Georgia bought almost nothing Russian",
          _geo_from_russia_negligible),
    Guard("domestic_prices_event",
          "documents letting them buy Russian weapons ... at Russia's domestic prices",
          lambda v: "domestic prices" in v.events.loc["E600", "description"]),
    Guard("preferential_terms_event",
          "could buy arms on preferential terms",
          lambda v: "preferential" in v.events.loc["E603", "description"]),
)


def facts(v: SimpleNamespace) -> dict[str, str | int]:
    """The arms section's glued values (the guards checked)."""
    share, sh = v.periods["share"], v.sh
    return {
        "fo_arms_first": book.percent(share.iloc[0]), "fo_arms_first_p": share.index[0],
        "fo_arms_low": book.percent(share.min()), "fo_arms_low_p": share.idxmin(),
        "fo_arms_last": book.percent(share.iloc[-1]), "fo_arms_last_p": share.index[-1],
        "fo_arms_1519": book.percent(share.loc["2015-19"]),
        "fo_arm_rus_1519": book.percent(sh[("ARM", "2015-19", "RUS")]),
        "fo_arm_rus_2023": book.percent(sh[("ARM", "2020-23", "RUS")]),
        "fo_arm_ind_2023": book.percent(sh[("ARM", "2020-23", "IND")]),
        "fo_blr_min": book.percent(_blr_from_russia(v).min()),
        "fo_kaz_rus_2023": book.percent(sh[("KAZ", "2020-23", "RUS")]),
        "fo_kgz_tur_2023": book.percent(sh[("KGZ", "2020-23", "TUR")]),
        "fo_aze_isr_1519": book.percent(sh[("AZE", "2015-19", "ISR")]),
        "fo_arms_rows": len(v.arms),
        "fo_arms_est": int((v.arms["n_deals_estimated"] > 0).sum()),
        "fo_arms_end": str(int(v.arms["year"].max())),
        "fo_e600_date": book.day_text(v.events.loc["E600", "date"]),
        "fo_e603_year": str(v.events.loc["E603", "date"].year),
    }


def figures(v: SimpleNamespace, names: dict[str, str],
            credit: dict[str, str]) -> dict[str, Chart]:
    """Arms delivered to each current and former member, by supplier and period, credited to
    SIPRI (``credit``: the origins' credit lines by origin id)."""
    return {"fig-fo-arms": arms_supplier_chart(v.shares, RECIPIENTS, v.labels, names,
                                               credit=credit["sipri-arms-2024"])}
