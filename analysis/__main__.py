"""Command line: ``python -m analysis check`` validates every table in ``data/``.

Other commands: ``bibtex PATH`` writes the bibliography from ``data/sources.csv``;
``datapackage`` regenerates ``data/datapackage.json`` from the codebook. (The book's execution
step is the toolchain's: ``python -m bookbuild execute``.)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .data.paths import data_dir


def _check(args: argparse.Namespace) -> int:
    from .data.codebook import TABLES
    from .data.validate import check_directory

    directory = Path(args.data_dir) if args.data_dir else data_dir()
    raws, problems = check_directory(directory)
    for problem in sorted(problems, key=lambda p: (p.file, p.line or 0, p.column or "")):
        print(problem, file=sys.stderr)
    if problems:
        print(f"FAILED: {len(problems)} problem(s) in {directory}", file=sys.stderr)
        return 1
    counts = ", ".join(f"{name} {len(raws[name].frame)}" for name in TABLES)
    print(f"ok: {len(raws)} tables valid in {directory} ({counts} rows)")
    from .data.coverage import coverage_lines

    for line in coverage_lines({name: raw.frame for name, raw in raws.items()}):
        print(f"coverage: {line}")
    return 0


def _bibtex(args: argparse.Namespace) -> int:
    from .data.load import load_table
    from .publish.bibliography import write_bibtex

    write_bibtex(load_table("sources"), Path(args.path))
    return 0


def _datapackage(args: argparse.Namespace) -> int:
    from .data.datapackage import write_datapackage

    path = write_datapackage(data_dir())
    print(f"wrote {path}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the command; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate every table; non-zero exit on any problem")
    check.add_argument("--data-dir", help="folder of CSV tables (default: the project's data/)")
    check.set_defaults(func=_check)
    bib = sub.add_parser("bibtex", help="write the BibTeX bibliography built from sources.csv")
    bib.add_argument("path")
    bib.set_defaults(func=_bibtex)
    dp = sub.add_parser("datapackage", help="regenerate data/datapackage.json from the codebook")
    dp.set_defaults(func=_datapackage)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
