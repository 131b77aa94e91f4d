"""The CSTO Record's analysis package: load the sourced tables in ``data/`` and compute what the
book shows.

Four layers, each a subpackage, imports running one way only (a test enforces it):

* :mod:`analysis.data`: where the files are, the codebook, the checks, the loader, dates;
* :mod:`analysis.measures`: membership intervals, networks, requests and responses, divisions,
  the CSTO-NATO comparison, maps;
* :mod:`analysis.charts`: figures in the house style, drawn from the measures;
* :mod:`analysis.publish`: what chapters call.

The toolchain that builds the book is the separate package ``bookbuild``, above this one.

The loader's names are importable from the package itself (``from analysis import load_all``);
they are imported on first use, so that a command that needs no data (the book's execution
step, ``python -m bookbuild execute``) does not pay for importing pandas and pandera.
"""

from __future__ import annotations

__all__ = ["DataError", "load_all", "load_table"]


def __getattr__(name: str):  # noqa: ANN202 - module-level lazy import (PEP 562)
    if name in __all__:
        from .data import load

        return getattr(load, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
