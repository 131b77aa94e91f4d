"""Publishing: what chapters call first (:mod:`~analysis.publish.book`), the parallel execution
step and build helpers (:mod:`~analysis.publish.build`), the Sphinx extension
(``analysis.publish.sphinx_ext``) and the bibliography (:mod:`~analysis.publish.bibliography`).

The top layer: it may import from charts, measures and data; nothing below imports from it.
"""
