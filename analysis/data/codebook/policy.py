"""The sourcing policy, in the codebook: the hosts the book never cites (``excluded_hosts``) and
the rule for state media.

* **Excluded hosts.** Wikipedia and its mirrors, the Pravda network and content farms or copy
  sites are not sources: a fact read there is read again at its origin, or it stays out. Each
  excluded host is a row of ``data/excluded_hosts.csv`` with its category and the evidence for
  it; the checks (:mod:`analysis.data.crosscheck`) stop on any source whose address is on a
  listed host or on a sub-domain of one.
* **State media as the voice of the state.** A news outlet a state owns or controls (kind
  ``state_media`` in ``sources``) may record what that state says and does: its position, an
  announcement of its own act. It is not the record of a disputed fact. So a row whose every
  source is state media must say which of the two it is: the row's ``note`` (or, for a table
  without one, a row of ``discrepancies`` on the record's ``source``) says ``Voice of the
  state: ...`` or ``Unverified: ...``, or every such source's own note in ``sources`` begins
  ``Voice of the state:`` (it is cited only for the state's own word). Otherwise the row needs a
  second, independent source. A discrepancy the book does not use (``used`` is ``no``) is exempt:
  it only records what another source says.
* **Each publisher's terms.** The terms an external dataset comes under (:data:`LICENCES`, the
  vocabulary of ``origins.licence``): the book's own licence does not cover the extracts.
"""

from __future__ import annotations

import functools
from urllib.parse import urlsplit

from .fields import Field, Table

#: Why a host is excluded.
EXCLUSION_CATEGORIES: tuple[str, ...] = ("wikipedia_mirror", "pravda_network",
                                         "content_farm_or_copy")

#: What each category covers (the appendix on sources prints it).
EXCLUSION_MEANING: dict[str, str] = {
    "wikipedia_mirror": "Wikipedia, and sites that copy, proxy, fork or machine-translate its "
                        "articles: an encyclopedia anyone may edit is a guide to sources, not one.",
    "pravda_network": "The Pravda network (also called Portal Kombat): sites that re-publish "
                      "Russian state media and pro-Kremlin channels under local-looking names, "
                      "documented by France's VIGINUM, DFRLab and CheckFirst.",
    "content_farm_or_copy": "Content farms, search-engine aggregators, machine-written pages and "
                            "sites that re-post other publishers' articles (forums, blogs, "
                            "document-sharing sites, syndication feeds): the original is cited "
                            "instead, or the fact stays out.",
}

#: The terms an external dataset comes under (``origins.licence``), each with the title
#: ``data/datapackage.json`` gives it. The book's own licence (CC BY 4.0) does not cover these
#: extracts: each keeps its publisher's terms.
LICENCES: dict[str, str] = {
    "CC-BY-4.0": "Creative Commons Attribution 4.0 International",
    "MIT": "MIT License (the notice of the package the data came in)",
    "SIPRI-terms": "SIPRI's terms of use: non-commercial use of less than 10 per cent of a "
                   "published data set, with due reference; commercial use needs SIPRI's written "
                   "permission",
    "free-with-citation": "Free to use, with the citation the producer asks for (no formal "
                          "licence published)",
    "UN-DL-terms": "UN Digital Library terms: copyright United Nations; non-commercial use with "
                   "attribution",
    "Dataverse-terms": "The terms of the Harvard Dataverse dataset (not verified here); cite the "
                       "article the producers name",
}

#: The words that open a note saying a row records a state's own word.
VOICE_OF_THE_STATE = "Voice of the state:"
#: The words that open a note saying a fact rests on a source the book could not check.
UNVERIFIED = "Unverified:"


def host_of(url: object) -> str:
    """The host of an address, lower case, without ``www.``, a port or a trailing dot
    (``""`` for an empty or unreadable one)."""
    if not isinstance(url, str) or not url:
        return ""
    return _host_of(url)


@functools.lru_cache(maxsize=1 << 14)
def _host_of(url: str) -> str:
    """:func:`host_of` for a non-empty string, remembered: every check reads each source's
    address again."""
    try:
        host = (urlsplit(url).hostname or "").rstrip(".").lower()
    except ValueError:
        return ""
    return host.removeprefix("www.")


def listed_host(host: str, excluded: set[str] | frozenset[str]) -> str | None:
    """The entry of ``excluded`` that covers ``host``: the host itself or a parent domain
    (``en.m.wikipedia.org`` is covered by ``wikipedia.org``); ``None`` if none does."""
    parts = host.split(".")
    for i in range(len(parts)):
        candidate = ".".join(parts[i:])
        if candidate in excluded:
            return candidate
    return None


#: The tables this part of the codebook defines.
TABLES: tuple[Table, ...] = (
    Table(
        "excluded_hosts",
        "Hosts the book does not cite",
        "The sourcing policy as data: every web host whose pages are not sources, with why "
        "(its category) and the page that shows it. A source whose address is on a listed host, "
        "or on a sub-domain of one, stops the checks. Hosts are listed as seen; the list is not "
        "a census of such sites.",
        (
            Field("host", "id", "The host, lower case and without `www.`; it covers its "
                  "sub-domains.", required=True,
                  pattern=r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*"
                          r"(:\d+)?$"),
            Field("category", "category", "Why it is excluded: " + "; ".join(
                f"`{c}`, {m.rstrip('.')}" for c, m in EXCLUSION_MEANING.items()) + ".",
                  required=True, enum=EXCLUSION_CATEGORIES),
            Field("evidence", "url", "A page that shows what the host is (often the page once "
                  "cited, showing the copied text, or a watchdog's list).", required=True),
            Field("note", "string", "What the evidence shows, and whether it was read."),
        ),
        primary_key=("host",),
        extra_rules=("No address in `sources` (`url`, `verified`) is on a listed host or a "
                     "sub-domain of one.",),
    ),
)
