"""The environment `make venv` creates is the one requirements.lock describes."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import re

import pytest

from analysis.data.paths import ROOT

LOCK = ROOT / "requirements.lock"
MAKEFILE = ROOT / "Makefile"


def _pins() -> dict[str, str]:
    pins = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, version = line.split("==")
            pins[name] = version
    return pins


def _excluded() -> list[str]:
    match = re.search(r"^LOCK_EXCLUDE := (.+)$", MAKEFILE.read_text(encoding="utf-8"), re.M)
    assert match, "Makefile: no LOCK_EXCLUDE line"
    return match.group(1).split()


def _installed(name: str) -> str | None:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def test_every_pinned_package_is_installed_at_its_version():
    pins = _pins()
    assert len(pins) > 100, "requirements.lock looks truncated"
    wrong = {name: (version, _installed(name)) for name, version in pins.items()
             if _installed(name) != version}
    assert not wrong, f"pinned vs installed: {wrong}"


def test_lock_is_installed_without_dependency_resolution():
    # --no-deps: nothing outside the lock is installed; the lock is a complete freeze.
    assert "pip install --quiet --no-deps -r requirements.lock" in MAKEFILE.read_text()


@pytest.mark.parametrize("name", _excluded())
def test_packages_left_out_of_the_lock_are_absent(name: str):
    assert name.lower() not in {n.lower() for n in _pins()}, f"{name} is in requirements.lock"
    # rfc3987-syntax, when importable, makes every `import nbformat` build 39 grammars (~1.7 s).
    module = name.replace("-", "_")
    assert importlib.util.find_spec(module) is None, f"{name} is installed in this environment"


@pytest.mark.parametrize("name", ["FAST", "GROUPED"])
def test_the_benchmark_runs_the_tests_as_the_makefile_does(name):
    import runpy

    match = re.search(rf"^{name}\s+:= (.+)$", MAKEFILE.read_text(encoding="utf-8"), re.M)
    assert match, f"Makefile: no {name} line"
    benchmark = runpy.run_path(str(ROOT / "tools" / "benchmark.py"), run_name="not_main")
    assert benchmark[name] == match.group(1).strip()
