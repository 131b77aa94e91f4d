"""Sphinx extension: each page's doctree is pickled without the build environment in it.

A page written in MyST that runs reStructuredText (the API reference's ``{eval-rst}`` blocks of
``automodule``) has it parsed by myst-parser into a document of its own; the nodes moved from
there into the page keep a reference to that document, whose settings hold the whole build
environment. Sphinx clears the environment from the page's own document before pickling it,
not from that one: each API page's doctree carried a copy of the environment (1.3 to 2.5 MB
per page, against about 0.1 MB for its nodes), and every build unpickles every doctree
(numbered figures are counted on all pages, even in a build where nothing changed). After a
page is read, every node of it is made to belong to the page's document.
"""

from __future__ import annotations


def adopt_nodes(doctree) -> int:  # noqa: ANN001 - a docutils document
    """Make every node of ``doctree`` belong to it (``node.document``); returns how many
    belonged to another document."""
    moved = 0
    for node in doctree.findall(include_self=False):
        if getattr(node, "_document", None) not in (None, doctree):
            node.document = doctree
            moved += 1
    return moved


def _doctree_read(app, doctree) -> None:  # noqa: ANN001 - Sphinx signature
    adopt_nodes(doctree)


def setup(app):  # noqa: ANN001, ANN201 - Sphinx signature
    """Register the extension with Sphinx."""
    # Last, after every other handler that may add nodes to the doctree.
    app.connect("doctree-read", _doctree_read, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
