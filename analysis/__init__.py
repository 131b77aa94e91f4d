"""The CSTO Record's analysis package: load the sourced tables in ``data/`` and compute what the book shows.

Modules, one concern each: :mod:`analysis.schema` (the codebook), :mod:`analysis.load` (validated
tables), :mod:`analysis.membership`, :mod:`analysis.charts` (house style and figures), and the
command line ``python -m analysis check``.

The loader's names are importable from the package itself (``from analysis import load_all``);
they are imported on first use, so that a command that needs no data (``python -m analysis
execute``) does not pay for importing pandas and pandera.
"""

from __future__ import annotations

__all__ = ["DataError", "load_all", "load_table"]


def __getattr__(name: str):  # noqa: ANN202 - module-level lazy import (PEP 562)
    if name in __all__:
        from . import load

        return getattr(load, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
