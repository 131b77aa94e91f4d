"""Helpers shared by the import scripts in tools/imports.

* ``as_int``: a column as whole numbers, or ValueError naming the first that is not.
* ``git_show``: the bytes of one file at one commit of a fetched bare git mirror
  (``git --git-dir=GITDIR show COMMIT:PATH``), so an import reads its raw copy
  straight from the mirror without a work tree.
* ``read_rda``: an R data file (.rda) given as bytes -> DataFrame, through a
  temporary file (pyreadr reads paths only). pyreadr is imported inside the
  function, so the scripts still import with plain pandas.
* ``write_csv``: a table as CSV, UTF-8, LF line endings, no index, whatever the
  platform.
* ``source_parser``: the command line the mirror-or-file imports share, a
  required choice ``--raw PATH`` | ``--mirror GITDIR`` plus ``--commit SHA``;
  ``source_file`` opens what such a command line names.
"""
from __future__ import annotations

import argparse
import io
import subprocess
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd


def as_int(series: pd.Series, what: str) -> pd.Series:
    """``series`` as int64; raises ValueError naming ``what`` and the first value that is not a
    whole number."""
    num = pd.to_numeric(series, errors="coerce")
    bad = series[num.isna() | (num != np.floor(num))]
    if len(bad):
        raise ValueError(f"{what}: not an integer: {bad.iloc[0]!r}")
    return num.astype("int64")


def git_show(gitdir: str, commit: str, path: str) -> bytes:
    """Bytes of ``path`` at ``commit`` in the bare git directory ``gitdir``.

    Raises ``subprocess.CalledProcessError`` if git cannot show it."""
    return subprocess.run(["git", f"--git-dir={gitdir}", "show", f"{commit}:{path}"],
                          check=True, capture_output=True).stdout


def read_rda(raw: bytes, name: str | None = None) -> pd.DataFrame:
    """Read an .rda file's bytes with pyreadr: the object ``name`` (KeyError if the
    file has none of that name), or without ``name`` the file's first object."""
    import pyreadr  # optional dependency, only needed where an .rda is read

    with tempfile.NamedTemporaryFile(suffix=".rda") as tmp:
        tmp.write(raw)
        tmp.flush()
        objects = pyreadr.read_r(tmp.name)
    return objects[name] if name is not None else next(iter(objects.values()))


def write_csv(df: pd.DataFrame, path: str | Path, float_format: str | None = None) -> None:
    """Write ``df`` to ``path`` without its index: UTF-8, LF line endings,
    floats as ``float_format`` (e.g. ``"%.2f"``) when given."""
    text = df.to_csv(index=False, lineterminator="\n", float_format=float_format)
    Path(path).write_text(text, encoding="utf-8", newline="")


def source_parser(doc: str, *, raw_help: str, mirror_help: str,
                  commit: str) -> argparse.ArgumentParser:
    """Argument parser described by the first line of ``doc``, with the required
    choice ``--raw`` (help ``raw_help``) | ``--mirror`` (help ``mirror_help``) and
    ``--commit`` (default ``commit``); the script adds its own options after these."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--raw", help=raw_help)
    src.add_argument("--mirror", help=mirror_help)
    ap.add_argument("--commit", default=commit)
    return ap


def source_file(args: argparse.Namespace, path_in_repo: str) -> str | io.BytesIO:
    """For arguments parsed by ``source_parser``: the ``--raw`` path as given, or
    ``path_in_repo`` at ``--commit`` of the ``--mirror``, in memory."""
    if args.raw:
        return args.raw
    return io.BytesIO(git_show(args.mirror, args.commit, path_in_repo))
