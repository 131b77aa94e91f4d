"""The book's toolchain: everything that turns ``book/`` into the web edition and the PDF.

Chapters never import it; it sits above :mod:`analysis` (import-linter checks both rules).
"""
