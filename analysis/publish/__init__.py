"""Publishing: what chapters call: the glue helpers (:mod:`~analysis.publish.book`), interactive
figures (:mod:`~analysis.publish.interactive`), citations (:mod:`~analysis.publish.citation`),
the bibliography (:mod:`~analysis.publish.bibliography`), the changelog
(:mod:`~analysis.publish.changelog`) and the values one chapter's kernel keeps for the next
(:mod:`~analysis.publish.kept`).

The top layer: it may import from charts, measures and data; nothing below imports from it. The
toolchain that builds the book (the execution step, the Sphinx extensions, the PDF printer) is
the separate package ``bookbuild``, which sits above this one.
"""
