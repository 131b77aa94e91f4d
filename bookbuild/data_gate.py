"""Sphinx extension: no page is built from bad or stale data.

- When the configuration is read: empties the execution cache if the execution inputs changed
  since it was filled (as the execution step does, for a build started without it), then
  validates the data, writes the bibliography from ``data/sources.csv`` (the bibliography and
  the data share one set of records), one BibTeX file per kind of source in
  ``book/_generated/sources/`` (:func:`write_bibliography`), and reads the data's cut-off date. Bad
  data stop the build with the file, line and column named. The check is skipped when the
  fingerprint (:mod:`bookbuild.inputs`) is the one the last passing check recorded and the
  bibliography is the files it wrote.
- Every page template gets the cut-off date (``data_cutoff``: "Data to 23 November 2026").
- When Sphinx decides what to read again: every notebook page, if the fingerprint changed since
  the pages were read (a page keeps outputs the cache gave it, which the cache alone would not
  know to be stale).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from sphinx.util import logging

from .inputs import fingerprint, fingerprint_files, read_record, refresh_cache, update_record
from .pages import data_dir, is_notebook

# pandas, pandera and the data modules are imported only when the data are checked: a build in
# which nothing changed does not need them.

#: Where the bibliography is written, one file per kind of source (``<kind>.bib``), relative to
#: the book's source folder. ``_config.yml`` lists the files under ``bibtex_bibfiles`` and each
#: page of the bibliography (``book/bibliography/<kind>.md``) names its own: sphinxcontrib-bibtex
#: makes a node for every entry of the files a ``bibliography`` directive reads, whatever its
#: filter, so ten directives over one file of 1,262 sources made 12,620 (in the pickled
#: environment and in every build's work), where one file per kind makes one per source.
BIB_DIR = Path("book") / "_generated" / "sources"

logger = logging.getLogger(__name__)


@dataclass
class DataPreparation:
    """What :func:`prepare_data` did: whether it checked the data and wrote the bibliography
    (False: skipped, nothing changed), and the cut-off date as the pages show it."""

    checked: bool
    data_cutoff: str


def bib_files(srcdir: Path) -> list[Path]:
    """The bibliography's files under ``srcdir``/:data:`BIB_DIR`, by name."""
    return sorted((Path(srcdir) / BIB_DIR).glob("*.bib"))


def _bibliography_sha256(srcdir: Path) -> str | None:
    files = bib_files(srcdir)
    if not files:
        return None
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def write_bibliography(sources, srcdir: Path) -> list[Path]:  # noqa: ANN001 - a DataFrame
    """Write the ``sources`` table as BibTeX, one file per kind of source (every kind of the
    codebook, an empty file for a kind without sources), to ``srcdir``/:data:`BIB_DIR`; remove
    any other file there. Returns the files."""
    from analysis.data.codebook.vocabulary import SOURCE_KINDS
    from analysis.publish.bibliography import write_bibtex

    unknown = set(sources["kind"]) - set(SOURCE_KINDS)
    if unknown:
        raise ValueError(f"sources of a kind the codebook does not list: {sorted(unknown)}")
    folder = Path(srcdir) / BIB_DIR
    written = [write_bibtex(sources[sources["kind"] == kind], folder / f"{kind}.bib")
               for kind in SOURCE_KINDS]
    for stale in set(bib_files(srcdir)) - set(written):
        stale.unlink()
    return written


def prepare_data(srcdir: Path, cache_dir: Path, current: str,
                 data: Path | None = None) -> DataPreparation:
    """Validate the data in ``data`` (default :func:`analysis.data.paths.data_dir`), write the
    bibliography to ``srcdir``/:data:`BIB_DIR` (:func:`write_bibliography`) and read the cut-off
    date, unless the record in the execution cache ``cache_dir`` says that the last passing
    check was made with the fingerprint ``current`` and wrote the bibliography files that are
    there.

    Bad data raise :class:`analysis.data.validate.DataError` (file, line, column) and record
    nothing, so the next build checks again and stops again.
    """
    record = read_record(cache_dir)
    done = record.get("data_check") or {}
    if (record.get("inputs") == current and done.get("bibliography") is not None
            and done.get("bibliography") == _bibliography_sha256(srcdir)
            and isinstance(done.get("data_cutoff"), str)):
        return DataPreparation(False, done["data_cutoff"])

    from analysis.data.edition import data_cutoff, day_text
    from analysis.data.load import load_all

    data = Path(data or data_dir())
    tables = load_all(data)  # raises DataError: the build stops on bad data
    write_bibliography(tables["sources"], srcdir)
    cutoff = day_text(data_cutoff(data))
    if record.get("inputs") == current:
        update_record(cache_dir, data_check={"bibliography": _bibliography_sha256(srcdir),
                                             "data_cutoff": cutoff})
    return DataPreparation(True, cutoff)


def app_fingerprint(app) -> str:  # noqa: ANN001 - a Sphinx application
    """The fingerprint for this build, computed once (its inputs do not change during it)."""
    if getattr(app, "_bookbuild_fingerprint", None) is None:
        configured = app.config.bookbuild_execution_inputs
        inputs = None if configured is None else [Path(app.srcdir, p) for p in configured]
        app._bookbuild_fingerprint = (fingerprint(Path(app.srcdir)) if inputs is None
                                      else fingerprint_files(inputs))
    return app._bookbuild_fingerprint


def _cache_dir(app, config) -> Path:  # noqa: ANN001 - Sphinx objects
    return Path(app.srcdir, config.nb_execution_cache_path or "_build/.jupyter_cache")


def _gate(app, config) -> None:  # noqa: ANN001 - Sphinx signature
    current, cache_dir = app_fingerprint(app), _cache_dir(app, config)
    if config.nb_execution_mode == "cache":
        refresh_cache(cache_dir, current)
    done = prepare_data(Path(app.srcdir), cache_dir, current)
    logger.info("data %s; cut-off %s", "checked, bibliography written" if done.checked
                else "unchanged since the last check: check and bibliography skipped",
                done.data_cutoff)
    # Every page template shows "Data to <day>" (book/_templates/page.html).
    config.html_context["data_cutoff"] = done.data_cutoff


def _outdated_notebooks(app, env, added, changed, removed) -> list[str]:  # noqa: ANN001
    current = app_fingerprint(app)
    if getattr(env, "bookbuild_inputs", None) == current:
        return []
    env.bookbuild_inputs = current
    return sorted(d for d in env.found_docs if is_notebook(Path(env.doc2path(d))))


def setup(app):  # noqa: ANN001, ANN201 - Sphinx signature
    """Register the extension with Sphinx."""
    app.add_config_value("bookbuild_execution_inputs", None, "env")
    app.connect("config-inited", _gate, priority=100)
    app.connect("env-get-outdated", _outdated_notebooks)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
