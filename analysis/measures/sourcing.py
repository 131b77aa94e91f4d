"""The sources themselves: how many of each kind, which hosts the sourcing policy excludes, which
rows rest on state media alone and how they are flagged, and the terms of each external
dataset (for the appendix on sources and licences)."""

from __future__ import annotations

import pandas as pd

from ..data.codebook import TABLES
from ..data.codebook.fields import split_list
from ..data.codebook.policy import (
    EXCLUSION_CATEGORIES,
    LICENCES,
    UNVERIFIED,
    VOICE_OF_THE_STATE,
    host_of,
    listed_host,
)
from ..data.codebook.vocabulary import SOURCE_KINDS


def kind_counts(sources: pd.DataFrame) -> pd.DataFrame:
    """Sources by kind, in the codebook's order: ``kind``, ``sources`` and ``share`` (of all
    sources, 0-1). A kind with no source has a row with 0."""
    counts = sources["kind"].value_counts().reindex(list(SOURCE_KINDS), fill_value=0)
    out = counts.rename_axis("kind").rename("sources").reset_index()
    out["share"] = out["sources"] / max(len(sources), 1)
    return out


def category_counts(excluded_hosts: pd.DataFrame) -> pd.DataFrame:
    """Excluded hosts by category, in the codebook's order: ``category`` and ``hosts``."""
    counts = excluded_hosts["category"].value_counts().reindex(list(EXCLUSION_CATEGORIES),
                                                              fill_value=0)
    return counts.rename_axis("category").rename("hosts").reset_index()


def on_excluded_hosts(sources: pd.DataFrame, excluded_hosts: pd.DataFrame) -> pd.DataFrame:
    """The sources whose address (``url``) is on an excluded host or a sub-domain of one:
    ``source_id``, ``host`` and the list entry that covers it (``listed``)."""
    listed = frozenset(excluded_hosts["host"])
    hosts = sources["url"].map(host_of)
    entry = hosts.map(lambda h: listed_host(h, listed) if h else None)
    hit = entry.notna()
    return pd.DataFrame({"source_id": sources.loc[hit, "source_id"], "host": hosts[hit],
                         "listed": entry[hit]}).reset_index(drop=True)


def _flagged(note: object) -> bool:
    text = note.casefold() if isinstance(note, str) else ""
    return VOICE_OF_THE_STATE.casefold() in text or UNVERIFIED.casefold() in text


def state_media_alone(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Every row of a table with a ``source`` column whose every source is state media (a
    discrepancy the book does not use left out), with how it is flagged: ``table``, ``record``
    (its key), ``how`` — ``voice_source`` (every such source is cited only for the state's own
    word), ``row_note`` (the row's note says "Voice of the state" or "Unverified"),
    ``discrepancy`` (a discrepancies row on its source says so) or ``none``."""
    sources = tables["sources"].drop_duplicates("source_id").set_index("source_id")
    state = set(sources.index[sources["kind"] == "state_media"])
    voice = set(sources.index[sources["note"].fillna("").astype(str)
                              .str.startswith(VOICE_OF_THE_STATE)])
    disc = tables.get("discrepancies")
    marked: set[tuple[str, str]] = set()
    if disc is not None:
        hits = disc[(disc["field"] == "source") & disc["note"].map(_flagged)]
        marked = set(zip(hits["table"], hits["record_id"], strict=True))
    rows = []
    for name, frame in tables.items():
        table = TABLES.get(name)
        if table is None or "source" not in table.field_names \
                or table.field("source").kind != "sources":
            continue
        keys = frame[list(table.primary_key)].astype(str).agg("|".join, axis=1)
        for i, cell in frame["source"].items():
            cited = split_list(cell)
            if not cited or not all(c in state for c in cited):
                continue
            if name == "discrepancies" and frame.at[i, "used"] == "no":
                continue
            if all(c in voice for c in cited):
                how = "voice_source"
            elif "note" in frame and _flagged(frame.at[i, "note"]):
                how = "row_note"
            elif (name, keys[i]) in marked:
                how = "discrepancy"
            else:
                how = "none"
            rows.append({"table": name, "record": keys[i], "how": how})
    return pd.DataFrame(rows, columns=["table", "record", "how"])


def unverified_rows(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The rows marked unverified: ``table`` and ``record`` of every row whose note says
    "Unverified:", and of every row a discrepancies row on its source marks so."""
    rows = []
    for name, frame in tables.items():
        table = TABLES.get(name)
        if table is None or "note" not in frame or "source" not in table.field_names:
            continue
        keys = frame[list(table.primary_key)].astype(str).agg("|".join, axis=1)
        hit = frame["note"].fillna("").astype(str).str.contains(UNVERIFIED, regex=False)
        if name == "discrepancies":
            hit &= frame["field"] != "source"
            rows += [{"table": name, "record": k} for k in keys[hit]]
            on_source = frame[(frame["field"] == "source") & frame["note"].fillna("")
                              .astype(str).str.contains(UNVERIFIED, regex=False)]
            rows += [{"table": t, "record": r}
                     for t, r in zip(on_source["table"], on_source["record_id"], strict=True)]
        else:
            rows += [{"table": name, "record": k} for k in keys[hit]]
    return pd.DataFrame(rows, columns=["table", "record"]).drop_duplicates().reset_index(
        drop=True)


def dataset_terms(origins: pd.DataFrame) -> pd.DataFrame:
    """One row per origin of an external dataset: ``dataset`` (its title), ``producer``,
    ``tables``, ``licence`` (its id), ``licence_title``, ``licence_url``, ``credit`` (the credit
    line, without "Source: "), ``citation`` and ``url`` (the producer's page for the dataset:
    two origins with one page are one dataset in two copies or versions)."""
    out = pd.DataFrame({
        "dataset": origins["title"],
        "producer": origins["producer"],
        "tables": origins["tables"].map(lambda t: ", ".join(split_list(t))),
        "licence": origins["licence"],
        "licence_title": origins["licence"].map(lambda k: LICENCES.get(k, k)),
        "licence_url": origins["licence_url"],
        "credit": origins["credit_line"].fillna("").astype(str).str.removeprefix("Source: "),
        "citation": origins["citation"],
        "url": origins["url_main"],
    })
    return out.reset_index(drop=True)


__all__ = ["category_counts", "dataset_terms", "kind_counts", "on_excluded_hosts",
           "state_media_alone", "unverified_rows"]
