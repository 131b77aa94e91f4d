"""Tests for tools/imports/common.py, the helpers the import scripts share (pandas + stdlib;
the .rda test runs only where pyreadr is installed, the git tests only where git is)."""
from __future__ import annotations

import shutil
import subprocess

import pandas as pd
import pytest

from tools.imports import common

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")


@pytest.fixture
def bare_mirror(tmp_path):
    """A bare git directory holding data/x.csv at one commit; (gitdir, commit)."""
    work = tmp_path / "work"
    (work / "data").mkdir(parents=True)
    (work / "data" / "x.csv").write_bytes(b"a,b\r\n1,\xc3\xa9\n")

    def git(*args, cwd=work):
        return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                              text=True).stdout.strip()

    git("init", "-q")
    git("add", "data/x.csv")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "x")
    commit = git("rev-parse", "HEAD")
    bare = tmp_path / "repo"
    git("clone", "-q", "--bare", str(work), str(bare), cwd=tmp_path)
    return str(bare), commit


def test_write_csv_is_utf8_lf_without_index(tmp_path):
    df = pd.DataFrame({"state": ["RUS", "TÜR"], "note": ["a\nb", ""], "v": [1.5, None]})
    p = tmp_path / "t.csv"
    common.write_csv(df, p)
    assert p.read_bytes() == 'state,note,v\nRUS,"a\nb",1.5\nTÜR,,\n'.encode("utf-8")


def test_write_csv_float_format_and_str_path(tmp_path):
    df = pd.DataFrame({"x": [0.1 + 0.2, 2.0]})
    common.write_csv(df, str(tmp_path / "t.csv"), float_format="%.2f")
    assert (tmp_path / "t.csv").read_bytes() == b"x\n0.30\n2.00\n"


@needs_git
def test_git_show_returns_the_bytes_unchanged(bare_mirror):
    gitdir, commit = bare_mirror
    assert common.git_show(gitdir, commit, "data/x.csv") == b"a,b\r\n1,\xc3\xa9\n"
    with pytest.raises(subprocess.CalledProcessError):
        common.git_show(gitdir, commit, "data/missing.csv")


@needs_git
def test_source_parser_and_source_file(bare_mirror, tmp_path):
    gitdir, commit = bare_mirror
    ap = common.source_parser("Title line.\n\nMore.", raw_help="r", mirror_help="m",
                              commit=commit)
    assert ap.description == "Title line."
    with pytest.raises(SystemExit):  # one of --raw / --mirror is required ...
        ap.parse_args([])
    with pytest.raises(SystemExit):  # ... and only one
        ap.parse_args(["--raw", "x", "--mirror", gitdir])
    args = ap.parse_args(["--raw", str(tmp_path / "x.csv")])
    assert common.source_file(args, "data/x.csv") == str(tmp_path / "x.csv")
    args = ap.parse_args(["--mirror", gitdir])
    assert args.commit == commit
    assert common.source_file(args, "data/x.csv").read() == b"a,b\r\n1,\xc3\xa9\n"


def test_read_rda_reads_bytes(tmp_path):
    pyreadr = pytest.importorskip("pyreadr")
    df = pd.DataFrame({"ccode": [2, 365], "stateabb": ["USA", "RUS"]})
    pyreadr.write_rdata(str(tmp_path / "t.rda"), df, df_name="states")
    raw = (tmp_path / "t.rda").read_bytes()
    got = common.read_rda(raw)
    assert got["ccode"].tolist() == [2, 365] and got["stateabb"].tolist() == ["USA", "RUS"]
    assert common.read_rda(raw, name="states").equals(got)
    with pytest.raises(KeyError):
        common.read_rda(raw, name="nope")
