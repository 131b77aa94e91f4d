"""The book's toolchain: everything that turns ``book/`` into the web edition and the PDF.

Chapters never import it; it sits above :mod:`analysis` (import-linter's contracts in
``pyproject.toml`` check both rules). Its modules:

- ``pages``: the pages ``_toc.yml`` lists and which are notebooks;
- ``inputs`` (with ``imports``, the import graph): the one fingerprint of what the chapters'
  outputs depend on, and the record in the execution cache of what each step did with it;
- ``execute``: the execution step, every uncached chapter in parallel (``python -m bookbuild
  execute``); ``build``: the whole HTML build into any folder (tests, benchmark);
- Sphinx extensions: ``data_gate`` (bad or stale data stop the build), ``bibtex_cache``,
  ``html_fixes``, ``downloads`` (notebooks and tables), ``reader`` (PDF link, citations,
  interactive figures' files, from ``vendor/``);
- the PDF (``python -m bookbuild pdf``): ``pdf`` (build and print), ``print_edition`` (what is
  printed), ``print_layout`` (title page, contents, style), ``edition`` (where the PDF is,
  which pages it prints, whether it is current).
"""
