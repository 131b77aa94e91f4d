"""Facts of the appendix on sources and licences (``book/sources_and_licences.md``): the sources
by kind, the hosts the sourcing policy excludes, the facts that rest on state media alone, and
each external dataset's terms and credit line."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from ...data.codebook.policy import EXCLUSION_MEANING
from ...data.codebook.vocabulary import SOURCE_KIND_MEANING
from ...measures import sourcing
from .. import book
from .checks import Guard, check_all

#: Kinds that record a text or act at first hand.
PRIMARY = ("primary_document", "official_statement")
#: Kinds of reporting by outlets no state owns.
INDEPENDENT = ("independent_media", "news_agency")


def values(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> SimpleNamespace:
    """What the appendix rests on: the sources by kind (``kinds``, indexed by kind), the
    excluded hosts by category (``categories``), the sources on an excluded host
    (``on_listed``), the rows resting on state media alone and how each is flagged (``alone``),
    the rows marked unverified (``unverified``) and each external dataset's terms (``terms``,
    with ``origin_id``)."""
    terms = sourcing.dataset_terms(tables["origins"])
    terms.insert(0, "origin_id", tables["origins"]["origin_id"].to_numpy())
    return SimpleNamespace(
        n_sources=len(tables["sources"]),
        kinds=sourcing.kind_counts(tables["sources"]).set_index("kind"),
        categories=sourcing.category_counts(tables["excluded_hosts"]).set_index("category"),
        n_hosts=len(tables["excluded_hosts"]),
        on_listed=sourcing.on_excluded_hosts(tables["sources"], tables["excluded_hosts"]),
        alone=sourcing.state_media_alone(tables),
        unverified=sourcing.unverified_rows(tables),
        terms=terms,
    )


def _licence_of(v: SimpleNamespace, prefix: str) -> set[str]:
    return set(v.terms.loc[v.terms["origin_id"].str.startswith(prefix), "licence"])


GUARDS = (
    Guard("no_source_on_an_excluded_host",
          "None of the sources the book cites is on a listed host",
          lambda v: v.on_listed.empty),
    Guard("every_state_media_fact_flagged",
          "every row that rests on state media alone says which it is: the state's own word, "
          "or unverified",
          lambda v: len(v.alone) > 0 and bool((v.alone["how"] != "none").all())),
    Guard("independent_reporting_outnumbers_state_media",
          "Reporting by outlets and agencies no state owns outnumbers state media several times "
          "over",
          lambda v: v.kinds.loc[list(INDEPENDENT), "sources"].sum()
          >= 3 * v.kinds.at["state_media", "sources"]),
    Guard("sipri_non_commercial",
          "SIPRI's terms allow only non-commercial use of its two databases",
          lambda v: _licence_of(v, "sipri-") == {"SIPRI-terms"}
          and len(v.terms[v.terms["origin_id"].str.startswith("sipri-")]) == 2),
    Guard("only_ucdp_under_cc_by",
          "Of the external datasets only the UCDP/PRIO extract comes under the book's own "
          "licence, CC BY 4.0",
          lambda v: set(v.terms.loc[v.terms["licence"] == "CC-BY-4.0", "origin_id"].str[:4])
          == {"ucdp"}),
)


def facts(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str | int]:
    """Every value the appendix glues, after checking every guard."""
    v = values(tables, cutoff)
    check_all(GUARDS, v)
    kinds, cats = v.kinds["sources"], v.categories["hosts"]
    how = v.alone["how"].value_counts()
    datasets = v.terms["url"].nunique()
    return {
        "sl_sources": f"{v.n_sources:,}",
        "sl_primary": f"{int(kinds[list(PRIMARY)].sum()):,}",
        "sl_independent": f"{int(kinds[list(INDEPENDENT)].sum()):,}",
        "sl_state_media": f"{int(kinds['state_media']):,}",
        "sl_state_share": book.percent(kinds["state_media"] / v.n_sources),
        "sl_scholarship": f"{int(kinds['scholarship']):,}",
        "sl_hosts": f"{v.n_hosts:,}",
        "sl_hosts_wiki": f"{int(cats['wikipedia_mirror']):,}",
        "sl_hosts_pravda": f"{int(cats['pravda_network']):,}",
        "sl_hosts_farms": f"{int(cats['content_farm_or_copy']):,}",
        "sl_alone": f"{len(v.alone):,}",
        "sl_alone_voice": f"{int(how.get('voice_source', 0)):,}",
        "sl_unverified": f"{len(v.unverified):,}",
        "sl_datasets": book.count_of(datasets, "external dataset"),
    }


def _link(text: str, url: str) -> str:
    return f"[{text}]({url})" if isinstance(url, str) and url else text


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def displays(tables: dict[str, pd.DataFrame], cutoff: pd.Timestamp) -> dict[str, str]:
    """The tables the appendix shows, as Markdown, numbered and captioned: the sources by kind
    (``kinds``), the excluded hosts by category (``hosts``) and each external dataset's terms
    and credit (``terms``)."""
    v = values(tables, cutoff)
    kinds = ["| Kind | What it is | Sources | Share |", "| --- | --- | ---: | ---: |"]
    for kind, row in v.kinds.iterrows():
        kinds.append(f"| {kind.replace('_', ' ')} | {_cell(SOURCE_KIND_MEANING[kind])} | "
                     f"{int(row['sources']):,} | {book.percent(row['share'])} |")
    kinds.append(f"| all | | {v.n_sources:,} | 100% |")
    hosts = ["| Category | Why its pages are not sources | Hosts listed |", "| --- | --- | ---: |"]
    for category, row in v.categories.iterrows():
        hosts.append(f"| {category.replace('_', ' ')} | {_cell(EXCLUSION_MEANING[category])} | "
                     f"{int(row['hosts']):,} |")
    terms = ["| Dataset | Tables | Terms | Credit line |", "| --- | --- | --- | --- |"]
    shown = v.terms.drop_duplicates(["dataset", "tables", "licence", "credit"])
    for _, row in shown.iterrows():
        tables_cell = ", ".join(f"`{t}`" for t in row["tables"].split(", "))
        terms.append(f"| {_cell(row['dataset'])} | {tables_cell} | "
                     f"{_link(_cell(row['licence_title']), row['licence_url'])} | "
                     f"{_cell(row['credit'])} |")
    return {
        "kinds": book.captioned("\n".join(kinds), "The book's sources by kind.", "tab-kinds"),
        "hosts": book.captioned("\n".join(hosts), "The hosts whose pages are not sources, by "
                                "category.", "tab-hosts"),
        "terms": book.captioned("\n".join(terms), "The external datasets: the tables made from "
                                "each, its terms and the credit line its figures print.",
                                "tab-terms"),
    }
