"""The forces chapter's arms (``book/forces.md``, "Arms: who supplies the members"): SIPRI's
deliveries by supplier, and the CSTO's terms for buying Russian."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ....charts import Chart, arms_supplier_chart, rival_deliveries_chart
from ....measures.arms import deliveries_by_year, russia_share_of_deliveries, supplier_shares
from ....measures.membership import inside_by_year
from ... import book
from ..checks import Guard

#: The current and former CSTO members whose arms imports the chapter draws, in its order.
RECIPIENTS = ["ARM", "BLR", "KAZ", "KGZ", "TJK", "RUS", "UZB", "AZE", "GEO"]
#: The years of the arms panels, for each member's label.
ARMS_YEARS = range(2000, 2024)
#: The two sides of the Armenian-Azerbaijani conflict, and the two CSTO members that armed them.
RIVALS, RIVAL_SUPPLIERS = ["ARM", "AZE"], ["RUS", "BLR"]
#: The events on Belarus's arms to Azerbaijan: the leaked documents, and Armenia's answer.
LEAK, RECALL = "E827", "E826"


def member_label(state: str, years: pd.DataFrame, names: dict[str, str],
                 span: range = ARMS_YEARS) -> str:
    """A state's label in the arms panels, its name on one line and its membership on the next
    ("member throughout", "former member" or "member 2006-2011"), from the years it was
    inside the CSTO (``years``: :func:`~analysis.measures.membership.inside_by_year` over
    ``span``)."""
    mine = years.loc[years["state"] == state, "year"]
    if len(mine) == len(span):
        return f"{names[state]}\nmember throughout"
    if len(mine) == 0:
        return f"{names[state]}\nformer member"
    return f"{names[state]}\nmember {mine.min()}-{mine.max()}"


def values(tables: dict[str, pd.DataFrame]) -> SimpleNamespace:
    """SIPRI's register (``arms``), each recipient's suppliers by period (``shares``, and
    ``sh`` by recipient, period and supplier), the panels' labels (``labels``), Russia's share
    of what the members received, by period (``periods``), and what Russia and Belarus delivered
    to Armenia and Azerbaijan year by year (``rivals``)."""
    arms, memberships = tables["arms_transfers"], tables["memberships"]
    shares = supplier_shares(arms)
    years = inside_by_year(memberships, "CSTO", ARMS_YEARS)
    names = book.state_names(tables["states"])
    return SimpleNamespace(
        arms=arms, shares=shares,
        sh=shares.set_index(["recipient", "period", "supplier"])["share"],
        labels={r: member_label(r, years, names) for r in RECIPIENTS},
        periods=russia_share_of_deliveries(arms, memberships).set_index("period"),
        rivals=deliveries_by_year(arms, RIVALS, RIVAL_SUPPLIERS, ARMS_YEARS),
    )


def _blr_from_russia(v: SimpleNamespace) -> pd.Series:
    blr = v.shares[(v.shares["recipient"] == "BLR") & (v.shares["period"] >= "2010-14")]
    return blr.loc[blr["supplier"] == "RUS", "share"]


def _geo_from_russia_negligible(v: SimpleNamespace) -> bool:
    geo = v.shares[v.shares["recipient"] == "GEO"]
    return geo.loc[geo["supplier"] == "RUS", "tiv_million"].sum() < 0.01 * geo["tiv_million"].sum()


def _to(v: SimpleNamespace, supplier: str, recipient: str) -> pd.Series:
    rows = v.rivals[(v.rivals["supplier"] == supplier) & (v.rivals["recipient"] == recipient)]
    return rows.set_index("year")["tiv_million"]


def _years_with(v: SimpleNamespace, supplier: str, recipient: str) -> list[int]:
    series = _to(v, supplier, recipient)
    return [int(y) for y in series.index[series > 0]]


GUARDS = (
    Guard("russia_armed_azerbaijan_more_than_armenia",
          "Russia delivered ... times as much to Azerbaijan as to Armenia",
          lambda v: _to(v, "RUS", "AZE").sum() > 2 * _to(v, "RUS", "ARM").sum()),
    Guard("russian_deliveries_to_azerbaijan_end_2018",
          "Russia's deliveries to Azerbaijan ran from ... to 2018 in the register, none after",
          lambda v: max(_years_with(v, "RUS", "AZE")) == 2018),
    Guard("belarus_armed_azerbaijan_not_armenia",
          "Belarus delivered arms to Azerbaijan in ... years and to Armenia in one",
          lambda v: len(_years_with(v, "BLR", "AZE")) > 5
          and len(_years_with(v, "BLR", "ARM")) == 1),
    Guard("belarus_leak_and_armenian_answer",
          "leaked documents ... showed Belarus supplying Azerbaijan ... Armenia's prime minister "
          "said no Armenian official would visit Belarus",
          lambda v: "Belarus supplied Azerbaijan" in v.events.loc[LEAK, "description"]
          and "no Armenian official will visit Belarus" in v.events.loc[RECALL, "description"]),
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
        "fo_rus_aze": f"{_to(v, 'RUS', 'AZE').sum():,.0f}",
        "fo_rus_arm": f"{_to(v, 'RUS', 'ARM').sum():,.0f}",
        "fo_rus_aze_times": f"{_to(v, 'RUS', 'AZE').sum() / _to(v, 'RUS', 'ARM').sum():.1f}",
        "fo_rus_aze_first": str(min(_years_with(v, "RUS", "AZE"))),
        "fo_rus_aze_last": str(max(_years_with(v, "RUS", "AZE"))),
        "fo_blr_aze_years": len(_years_with(v, "BLR", "AZE")),
        "fo_blr_aze": f"{_to(v, 'BLR', 'AZE').sum():,.0f}",
        "fo_leak_day": book.day_text(v.events.loc[LEAK, "date"]),
        "fo_rivals_span": f"{ARMS_YEARS[0]}-{ARMS_YEARS[-1]}",
    }


def figures(v: SimpleNamespace, names: dict[str, str],
            credit: dict[str, str]) -> dict[str, Chart]:
    """Arms delivered to each current and former member, by supplier and period, credited to
    SIPRI (``credit``: the origins' credit lines by origin id)."""
    line = credit["sipri-arms-2024"]
    last = v.periods["share"]
    times = _to(v, "RUS", "AZE").sum() / _to(v, "RUS", "ARM").sum()
    return {
        "fig-fo-arms": arms_supplier_chart(
            v.shares, RECIPIENTS, v.labels, names, credit=line,
            title=f"Russia supplied {book.percent(last.iloc[-1])} of the arms its allies received "
                  f"in {last.index[-1]};\nArmenia turned to India, Azerbaijan to Israel"),
        "fig-fo-rivals": rival_deliveries_chart(
            v.rivals, names, credit=line,
            title=f"Russia delivered {times:.1f} times as many arms to Azerbaijan as to its "
                  f"ally Armenia\nin {ARMS_YEARS[0]}-{ARMS_YEARS[-1]}; Belarus armed Azerbaijan "
                  "too"),
    }
