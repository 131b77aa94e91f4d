"""A newcomer's first hour: `make book` needs no npm (the Vega scripts are vendored), the
README documents every target, `make lab` runs as root, and the extending guide's example
runs."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from analysis.data.paths import ROOT
from bookbuild.reader import SERVED, VENDORED

VENDOR_README = ROOT / "bookbuild" / "vendor" / "README.md"


def test_the_interactive_files_are_copied_with_npm_absent_from_path(tmp_path: Path):
    specs = tmp_path / "specs"
    specs.mkdir()
    (specs / "fig-x.json").write_text('{"mark": "bar"}', encoding="utf-8")
    empty = tmp_path / "bin"  # a PATH with no npm (nor node) on it
    empty.mkdir()
    assert shutil.which("npm", path=str(empty)) is None
    out = tmp_path / "html"
    code = ("import sys; from pathlib import Path; from bookbuild.reader import copy_interactive; "
            "print(copy_interactive(Path(sys.argv[1]), Path(sys.argv[2])))")
    done = subprocess.run([sys.executable, "-c", code, str(out), str(specs)],
                          env={**os.environ, "PATH": str(empty)}, cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    served = out / SERVED
    assert sorted(p.name for p in served.iterdir()) == sorted([*VENDORED, "fig-x.json"])
    for name, source in VENDORED.items():
        assert (served / name).read_bytes() == source.read_bytes()


def test_the_vendored_scripts_are_the_versions_their_readme_names():
    table = dict(re.findall(r"^\| `([\w.-]+\.min\.js)` \| [\w-]+ (\d+\.\d+\.\d+),",
                            VENDOR_README.read_text(encoding="utf-8"), re.M))
    assert sorted(table) == sorted(VENDORED)
    for name, version in table.items():
        script = VENDORED[name].read_text(encoding="utf-8")
        assert re.search(rf'[\w$]\s*[=:]\s*"{re.escape(version)}"', script), name  # its own
        licence = VENDORED[name].with_name(name.replace(".min.js", ".LICENSE"))
        assert "Redistribution and use" in licence.read_text(encoding="utf-8")


def test_npm_is_left_to_the_test_tools():
    import json

    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    assert "dependencies" not in package  # only devDependencies: axe-core, lighthouse, vnu-jar
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    assert not [name for name in lock["packages"] if name.startswith("node_modules/vega")]


def _targets() -> list[str]:
    """The targets the Makefile documents (its ``## target:`` comments)."""
    return re.findall(r"^## ([\w-]+):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)


def test_the_readme_names_every_documented_target():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    targets = _targets()
    assert {"book", "test", "pdf", "lab", "lint"} <= set(targets)
    assert not [t for t in targets if f"make {t}`" not in readme and f"make {t} " not in readme]


def test_make_lab_adds_allow_root_only_for_root():
    done = subprocess.run(["make", "-n", "lab"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    line = next(line for line in done.stdout.splitlines() if "jupyter lab" in line)
    assert ("--allow-root" in line) == (os.getuid() == 0)


def test_the_extending_guides_example_runs(tmp_path: Path):
    guide = (ROOT / "book" / "extending.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```python\n(.*?)^```", guide, re.M | re.S)
    assert blocks, "the guide has no Python example"
    from analysis.publish.book import FIGURE_DATA

    figure_data = FIGURE_DATA / "fig-ext-example.csv"
    try:
        done = subprocess.run([sys.executable, "-c", "\n".join(blocks)], cwd=tmp_path,
                              capture_output=True, text=True, timeout=300,
                              env={**os.environ, "MPLBACKEND": "Agg"})
        assert done.returncode == 0, done.stderr[-3000:]
        assert figure_data.exists()  # glue_chart wrote the chart's data
    finally:
        figure_data.unlink(missing_ok=True)
