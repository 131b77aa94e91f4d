"""Offering an interactive figure next to its static one.

A chapter draws its figure statically (``book.glue_chart``) and, where exploring beats reading,
offers an interactive version too::

    from analysis.publish import interactive
    interactive.offer("fig-maps", membership_map_spec(...), "Explore the map through time")

:func:`offer` writes the Vega-Lite specification to ``book/_generated/interactive/<name>.json``
and returns a hidden marker for the page. The Sphinx extension
(``bookbuild.reader``) copies the specifications and the vendored Vega scripts into
the site and adds ``_static/interactive.js`` to the pages that have a marker, and to no other
page. That script puts a button under the static figure; only when a reader presses it does the
browser load the Vega scripts (about 250 KB compressed) and the specification, and draw the
interactive figure in place of the static one. Without JavaScript, and in the PDF, the static
figure is all there is.
"""

from __future__ import annotations

import html
import json
import re

from ..data.paths import ROOT

#: Where chapters write interactive figures' specifications (the extension reads them here).
SPEC_DIR = ROOT / "book" / "_generated" / "interactive"
#: The class of the marker a page carries for each interactive figure.
MARKER_CLASS = "interactive-figure"


def spec_json(spec: dict) -> str:
    """A specification as compact, stable JSON (sorted keys), so two builds give the same
    bytes."""
    return json.dumps(spec, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def marker(name: str, label: str, keep_static: bool = False) -> str:
    """The hidden element that tells the page's script which figure (the ``{glue:figure}``'s
    ``:name:``) has an interactive version, its specification's file and the button's label.
    With ``keep_static`` the interactive figure is drawn under the static one, which stays
    (for a view that adds to the figure rather than repeats it); otherwise it replaces it."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", name):
        raise ValueError(f"figure name {name!r}: use lowercase letters, digits and hyphens")
    keep = ' data-keep-static="true"' if keep_static else ""
    return (f'<div class="{MARKER_CLASS}" hidden data-figure="{name}" '
            f'data-spec="{name}.json" data-label="{html.escape(label, quote=True)}"{keep}></div>')


def offer(name: str, spec: dict, label: str, keep_static: bool = False):  # noqa: ANN201
    """Write ``spec`` for figure ``name`` and return the page's marker (display it as the
    cell's output, in a cell tagged ``remove-input``); ``keep_static`` as in :func:`marker`.
    Rewrites the file only when it changed."""
    from IPython.display import HTML

    SPEC_DIR.mkdir(parents=True, exist_ok=True)
    path = SPEC_DIR / f"{name}.json"
    text = spec_json(spec)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return HTML(marker(name, label, keep_static))
