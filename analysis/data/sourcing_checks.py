"""Pass 3 of the checks, the sourcing policy (:mod:`analysis.data.codebook.policy`): no source on
a host the policy excludes, and no row resting on state media alone unless it says whether it
records the state's own word or is unverified. :mod:`analysis.data.crosscheck` runs them with the
other rules across tables.
"""

from __future__ import annotations

from .codebook.fields import split_list
from .codebook.policy import UNVERIFIED, VOICE_OF_THE_STATE, host_of, listed_host
from .read import Problem, RawTable

__all__ = ["excluded_host_problems", "state_media_problems"]


def excluded_host_problems(sources: RawTable, excluded: RawTable) -> list[Problem]:
    """No address in ``sources`` (``url``, and ``verified`` for scholarship) is on a host the
    sourcing policy excludes, or on a sub-domain of one."""
    hosts = excluded.frame.dropna(subset=["host"]).drop_duplicates("host")
    category = dict(zip(hosts["host"], hosts["category"], strict=True))
    line = {h: excluded.line_of(i) for i, h in hosts["host"].items()}
    listed = frozenset(category)
    problems = []
    for column in ("url", "verified"):
        if column not in sources.frame:
            continue
        for i, url in sources.frame[column].dropna().items():
            host = host_of(url)
            entry = listed_host(host, listed) if host else None
            if entry is not None:
                problems.append(Problem(
                    f"data/{sources.path.name}", sources.line_of(i), column,
                    f"{url!r} is on {host!r}, a host the sourcing policy excludes "
                    f"({category[entry]}; data/{excluded.path.name}, line {line[entry]}): cite "
                    "the original publisher's page, or leave the fact out"))
    return problems


def _flagged(note: object) -> bool:
    """Whether a note says the row records the state's own word, or is unverified."""
    text = note.casefold() if isinstance(note, str) else ""
    return VOICE_OF_THE_STATE.casefold() in text or UNVERIFIED.casefold() in text


def state_media_problems(raws: dict[str, RawTable]) -> list[Problem]:
    """A row whose every source is state media says whether it records the state's own word
    (``Voice of the state: ...``) or is unverified (``Unverified: ...``): in its ``note``, in
    a ``discrepancies`` row on the record's ``source`` (for a table without a note), or in the
    note of every such source (``Voice of the state: ...`` at its start). Discrepancies the book
    does not use are exempt."""
    sources = raws["sources"].frame.drop_duplicates("source_id").set_index("source_id")
    state_media = set(sources.index[sources["kind"] == "state_media"])
    voice = set(sources.index[sources["note"].fillna("").str.startswith(VOICE_OF_THE_STATE)])
    flagged_elsewhere: set[tuple[str, str]] = set()
    if "discrepancies" in raws:
        disc = raws["discrepancies"].frame
        marked = disc[(disc["field"] == "source") & disc["note"].map(_flagged)]
        flagged_elsewhere = set(zip(marked["table"], marked["record_id"], strict=True))
    problems = []
    for name, raw in raws.items():
        if "source" not in raw.table.field_names or raw.table.field("source").kind != "sources":
            continue
        frame = raw.frame
        # Plain Python over the cells: a pandas map per table cost more than the rule.
        alone = []
        for i, cell in zip(frame.index, frame["source"].tolist()):
            ids = split_list(cell)
            if ids and all(s in state_media for s in ids) and not all(s in voice for s in ids):
                alone.append(i)
        if alone and name == "discrepancies":
            alone = [i for i in alone if frame.at[i, "used"] != "no"]
        if alone and "note" in frame:
            alone = [i for i in alone if not _flagged(frame.at[i, "note"])]
        for i in alone:
            key = "|".join(str(frame.at[i, k]) for k in raw.table.primary_key)
            if (name, key) in flagged_elsewhere:
                continue
            where = ("its `note`" if "note" in frame else
                     "a discrepancies row on its `source`")
            problems.append(Problem(
                f"data/{raw.path.name}", raw.line_of(i), "source",
                f"every source of this row is state media ({frame.at[i, 'source']}): say in "
                f"{where} '{VOICE_OF_THE_STATE} ...' (the row records that state's own word) or "
                f"'{UNVERIFIED} ...', or add an independent source"))
    return problems
