"""Sphinx extension: sphinxcontrib-bibtex, formatting the bibliography only when it changed.

sphinxcontrib-bibtex formats every entry of the bibliography on every build, even one in which
no page changed. :class:`FingerprintedBibtexDomain` keeps the formatted entries in the pickled
environment with a fingerprint of what they were formatted from (:func:`bibtex_fingerprint`)
and reuses them while it holds. This fingerprint is not the execution inputs' one
(:mod:`bookbuild.inputs`): the entries depend on the pages' citations too, which those do not
cover. Measured on a rebuild in which nothing changed (2 cores, three runs each, twice): 3.0 to
3.6 s of CPU with it, 3.8 to 4.3 s without, about 0.6 s saved of a rebuild of about 3 s.

A build from an empty ``_build/html`` and doctrees, with the execution cache kept (the render
without execution), has no environment to reuse: the entries and their fingerprint are also
kept in a file beside the execution cache's record (:data:`STORE`, in the same folder, emptied
with it), which such a build reads; formatting the 1,262 entries took about 2.5 s of it.

pybtex finds each plugin (a style, a backend) by scanning the installed packages' entry points,
about 8 ms a time here, and sphinxcontrib-bibtex asks for the plain-text backend once per
citation it resolves: some 500 scans, 4 s of a clean build. The plugins it uses are found once
and registered with pybtex's own :func:`pybtex.plugin.register_plugin` (its runtime plugins are
looked up before the entry points), the first time the domain needs them.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import pickle
from importlib.metadata import version
from pathlib import Path

import pybtex.plugin
from sphinx.util import logging
from sphinxcontrib.bibtex.domain import BibtexDomain, get_docnames

logger = logging.getLogger(__name__)


def _sha256(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


def bibtex_fingerprint(domain) -> str:  # noqa: ANN001 - a sphinxcontrib-bibtex domain
    """A SHA-256 over everything sphinxcontrib-bibtex formats the bibliography from: the bytes
    of each BibTeX file, every ``bibliography`` directive (with its filter, style and
    citation nodes), every citation in the pages, the pages' order and the tooltip settings."""
    env = domain.env
    bibfiles = sorted({path for bibliography in domain.bibliographies.values()
                       for path in bibliography.bibfiles})
    bibliographies = [
        (tuple(key), value.line, [str(path) for path in value.bibfiles], value.style,
         value.list_, value.enumtype, value.start, value.labelprefix, value.keyprefix,
         ast.dump(value.filter_), sorted((name, list(node["ids"]))
                                         for name, node in value.citation_nodes.items()),
         list(value.keys))
        for key, value in domain.bibliographies.items()]
    citations = [(ref.citation_ref_id, ref.docname, ref.line,
                  [tuple(target) for target in ref.targets]) for ref in domain.citation_refs]
    state = ([(str(path), _sha256(Path(path))) for path in bibfiles], bibliographies, citations,
             list(get_docnames(env)), env.config.bibtex_tooltips,
             env.config.bibtex_tooltips_style)
    return hashlib.sha256(json.dumps(state, default=str).encode()).hexdigest()


#: The pybtex plugins sphinxcontrib-bibtex looks up while it formats and resolves citations
#: (with the configured formatting style): found once, then registered at runtime.
PLUGINS = (("pybtex.backends", "plaintext"), ("pybtex.backends", "docutils"))
_registered: set[tuple[str, str]] = set()


def register_plugins(style: str) -> None:
    """Register :data:`PLUGINS` and the formatting ``style`` as pybtex runtime plugins (once
    per process), so that looking them up does not scan the entry points again."""
    for group, name in (*PLUGINS, ("pybtex.style.formatting", style)):
        if (group, name) not in _registered:
            pybtex.plugin.register_plugin(group, name, pybtex.plugin.find_plugin(group, name),
                                          force=True)
            _registered.add((group, name))


#: The file, in the execution cache folder, that keeps the formatted entries between builds
#: that do not share an environment.
STORE = "bibliography.pickle"
#: What formats the entries besides their fingerprint's inputs: kept entries made with other
#: versions are formatted again.
FORMATTERS = {name: version(name) for name in ("pybtex", "sphinxcontrib-bibtex")}


def store_path(env) -> Path | None:  # noqa: ANN001 - a Sphinx environment
    """Where :data:`STORE` is for this build: in myst-nb's execution cache folder, or None for
    a build without myst-nb's cache."""
    if "nb_execution_cache_path" not in env.config:
        return None
    folder = env.config.nb_execution_cache_path or "_build/.jupyter_cache"
    return Path(env.srcdir, folder) / STORE


def read_store(path: Path | None, fingerprint: str) -> list | None:
    """The formatted entries kept in ``path`` if they were made with ``fingerprint``."""
    try:
        with open(path, "rb") as stored:  # type: ignore[arg-type]
            kept = pickle.load(stored)
    except (OSError, TypeError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None
    if kept.get("fingerprint") != fingerprint or kept.get("formatters") != FORMATTERS:
        return None
    return kept["citations"]


def write_store(path: Path | None, fingerprint: str, citations: list) -> None:
    """Keep ``citations`` with their ``fingerprint`` in ``path`` (written whole, then renamed:
    a build reading it at the same time sees the old file or the new one)."""
    if path is None or not path.parent.is_dir():
        return
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    kept = {"fingerprint": fingerprint, "formatters": FORMATTERS, "citations": citations}
    temporary.write_bytes(pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL))
    os.replace(temporary, path)


class FingerprintedBibtexDomain(BibtexDomain):
    """sphinxcontrib-bibtex's ``cite`` domain, formatting the bibliography only when its
    :func:`bibtex_fingerprint` changed.

    The formatted entries of the last build are kept in the pickled environment, and in
    :data:`STORE`, with the fingerprint they were made from; a build whose fingerprint is the
    same reuses them. A build in which formatting warned records no fingerprint, so the next one
    formats and warns again.
    """

    def env_updated(self):  # noqa: ANN201 - Sphinx domain API
        """Reuse the entries formatted last time if the fingerprint holds, else format them."""
        current = bibtex_fingerprint(self)
        if self.data.get("csto_fingerprint") == current and "csto_citations" in self.data:
            self.data["citations"] = list(self.data["csto_citations"])
            logger.info("bibliography unchanged: its formatted entries kept")
            return []
        store = store_path(self.env)
        stored = read_store(store, current)
        if stored is not None:
            self.data["citations"] = list(stored)
            self.data["csto_fingerprint"], self.data["csto_citations"] = current, list(stored)
            logger.info("bibliography unchanged since the last build: its formatted entries read")
            return []
        register_plugins(self.env.config.bibtex_default_style)
        app = self.env.app
        warnings = getattr(app, "_warncount", 0)
        updated = super().env_updated()
        clean = getattr(app, "_warncount", 0) == warnings
        self.data["csto_fingerprint"] = current if clean else None
        self.data["csto_citations"] = list(self.citations)
        if clean:
            write_store(store, current, self.data["csto_citations"])
        return updated

    def resolve_xref(self, env, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN201
        """sphinxcontrib-bibtex's, with its pybtex plugins registered first."""
        register_plugins(env.config.bibtex_default_style)
        return super().resolve_xref(env, *args, **kwargs)


def setup(app):  # noqa: ANN001, ANN201 - Sphinx signature
    """Load sphinxcontrib-bibtex with :class:`FingerprintedBibtexDomain` as its domain."""
    app.setup_extension("sphinxcontrib.bibtex")
    app.add_domain(FingerprintedBibtexDomain, override=True)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
