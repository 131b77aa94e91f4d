"""Command line of the toolchain: ``python -m bookbuild execute`` runs the chapters that are not
in the execution cache yet, in parallel, before the book build (``make book``); ``python -m
bookbuild pdf`` prints the PDF edition (``make pdf``)."""

from __future__ import annotations

import argparse
import sys
import time


def _execute(args: argparse.Namespace) -> int:
    from .execute import execute

    started = time.perf_counter()
    report = execute()
    seconds = time.perf_counter() - started
    print(f"executed {len(report.executed)}, cached {len(report.cached)}, failed "
          f"{len(report.failed)} notebook(s) in {seconds:.1f} s")
    for name in report.failed:
        print(f"FAILED: {name} (the book build will show the error)", file=sys.stderr)
    return 1 if report.failed else 0


def _pdf(args: argparse.Namespace) -> int:
    from .pdf import main as print_pdf

    return print_pdf()


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the command."""
    parser = argparse.ArgumentParser(prog="python -m bookbuild", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("execute", help="execute uncached chapters in parallel into the cache")
    ex.set_defaults(func=_execute)
    pdf = sub.add_parser("pdf", help="print the PDF edition (after the execution step)")
    pdf.set_defaults(func=_pdf)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
