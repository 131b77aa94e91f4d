"""Every public function is documented, and every module appears in the API reference pages
(book/api/, one page per layer)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import analysis
from analysis.data.paths import ROOT

SKIP = {"analysis.__main__"}
#: Chart modules are documented through ``analysis.charts`` (``:imported-members:``); the house
#: style module has its own entry.
OWN_ENTRY = {"analysis.charts.style"}


def _modules() -> list[str]:
    names = [m.name for m in pkgutil.walk_packages(analysis.__path__, "analysis.")]
    return sorted(n for n in names if n not in SKIP
                  and (not n.startswith("analysis.charts.") or n in OWN_ENTRY))


@pytest.mark.parametrize("name", _modules())
def test_module_is_in_the_api_reference(name: str):
    pages = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "book" / "api").glob("*.md"))
    assert f".. automodule:: {name}\n" in pages


@pytest.mark.parametrize("name", sorted(n for n in (m.name for m in pkgutil.walk_packages(
    analysis.__path__, "analysis.")) if n not in SKIP))
def test_public_functions_have_docstrings(name: str):
    module = importlib.import_module(name)
    missing = [
        attr for attr, obj in vars(module).items()
        if not attr.startswith("_") and (inspect.isfunction(obj) or inspect.isclass(obj))
        and getattr(obj, "__module__", None) == name and not inspect.getdoc(obj)
    ]
    assert not missing, f"{name}: no docstring on {missing}"
