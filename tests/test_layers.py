"""The package's layers: imports run one way only, publish -> charts -> measures -> data."""

from __future__ import annotations

from pathlib import Path

import pytest

from bookbuild.imports import PACKAGE, imported_modules, module_name

#: Each layer, lowest first; a module may import from its own layer and the ones before it.
LAYERS = ("data", "measures", "charts", "publish")


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else None


def violations(name: str, imports: set[str]) -> list[str]:
    """The imports of module ``name`` that reach a higher layer than its own."""
    own = layer_of(name)
    if own is None:  # the package itself and its command line sit above every layer
        return []
    return sorted(m for m in imports
                  if layer_of(m) is not None and LAYERS.index(layer_of(m)) > LAYERS.index(own))


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_every_module_sits_in_a_layer():
    loose = [module_name(p) for p in _modules()
             if layer_of(module_name(p)) is None and p.parent != PACKAGE]
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert not loose
    assert top == ["__init__.py", "__main__.py"], "modules belong in a layer's folder"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: module_name(p))
def test_no_module_imports_from_a_higher_layer(path: Path):
    name = module_name(path)
    imports = imported_modules(path.read_text(encoding="utf-8"), name, path.name == "__init__.py")
    assert not violations(name, imports), f"{name} imports from a higher layer"


def test_the_check_finds_an_upward_import():
    source = "from ..charts import Chart\nfrom .schema import TABLES\n"
    imports = imported_modules(source, "analysis.data.load")
    assert imports == {"analysis.charts", "analysis.charts.Chart", "analysis.data.schema",
                       "analysis.data.schema.TABLES"}
    assert violations("analysis.data.load", imports) == ["analysis.charts", "analysis.charts.Chart"]


def test_the_check_finds_an_upward_import_inside_a_function():
    source = "def f():\n    from analysis.publish import book\n"
    imports = imported_modules(source, "analysis.measures.network")
    assert violations("analysis.measures.network", imports) == ["analysis.publish",
                                                                "analysis.publish.book"]


def test_downward_and_sideways_imports_are_allowed():
    source = "from ..data.load import load_all\nfrom . import membership\n"
    imports = imported_modules(source, "analysis.measures.maps")
    assert violations("analysis.measures.maps", imports) == []
