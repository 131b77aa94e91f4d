"""Benchmark: how fast the book builds and the analysis runs, and how heavy the pages are.

Run with ``make benchmark`` (not part of the tests). It builds the book into a temporary folder,
so the working tree's own _build is untouched, and prints, in one run on this machine:

- clean build time (empty caches), no-change rebuild time, render time without execution, and
  rebuild time after editing one chapter, with the notebooks executed in each, wall and CPU;
- the no-change rebuild of a bare Jupyter Book skeleton (``jupyter-book create``, with
  ``execute_notebooks: cache`` as this book has, so a rebuild executes nothing) built in a
  temporary folder in the same run: the floor a no-change rebuild can come near;
- the test suite as `make test` runs it (``pytest -n auto``): wall time against CPU time
  divided by the cores, and the quick loop as `make test-fast` runs it (wall time, target under a
  minute); ``--no-tests`` leaves both out. The CPU time is the machine's (``/proc/stat``: every
  core's busy time during the run), not only that of the processes the run waited for
  (``getrusage``, also reported): the browsers that Playwright and Lighthouse start are not
  reaped by the test processes, so ``getrusage`` misses their CPU time, about a third of the
  suite's. Run the benchmark on an otherwise idle machine;
- each chapter's single execution time (one after another, one kernel each), and their sum;
- time to load and validate all data, and to run all analysis functions on the full data;
- per chapter page, the bytes of HTML plus its images (the theme's shared assets excluded);
- each target of the performance issue, met or not.

The figures are also written to ``_build/benchmark.json``; when that file holds an earlier run,
its figures are printed beside the new ones (before -> after). The edit is made to a real chapter
(one hidden comment cell appended) and undone before the script ends. Each no-change rebuild, and
the edit (three different comments, each executing the chapter again), is timed three times and
the median kept: the machine may be shared.
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bookbuild.build import build_html  # noqa: E402
from bookbuild.pages import notebook_files, toc_files  # noqa: E402

EDITED = ROOT / "book" / "conclusions.md"
#: `make test-fast`'s selection (the Makefile's FAST).
FAST = "not book and not browser"
#: How `make test` hands out the tests (the Makefile's GROUPED).
GROUPED = "--dist loadgroup --no-loadscope-reorder"
EDIT = "\n```{code-cell} ipython3\n:tags: [remove-cell]\n\n# benchmark edit\n```\n"


def timed(func: Callable, *args: object, **kwargs: object) -> tuple[object, float]:
    """``func(*args, **kwargs)`` and the wall seconds it took."""
    start = time.perf_counter()
    result = func(*args, **kwargs)
    return result, time.perf_counter() - start


def _cpu() -> float:
    """CPU seconds (user + system) of this process and of every child it has waited for."""
    own, children = (resource.getrusage(who) for who in
                     (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _machine_cpu() -> float | None:
    """Busy CPU seconds of the whole machine since boot, summed over its cores (``/proc/stat``:
    user, nice, system, irq, softirq and steal time), or None where there is no /proc/stat."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()
    except OSError:
        return None
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(v) for v in fields[1:9])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def build(out: Path, repeats: int = 1) -> tuple[dict, float]:
    """Build into ``out`` ``repeats`` times (the later ones are no-change rebuilds); the median."""
    runs = []
    for _ in range(repeats):
        cpu = _cpu()
        result, seconds = timed(build_html, out, out / "cache",
                                env={"SOURCE_DATE_EPOCH": "1700000000"})
        if result.returncode != 0:
            raise SystemExit(f"build failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
        runs.append((seconds, _cpu() - cpu, result))
    seconds, cpu, result = sorted(runs, key=lambda run: run[0])[len(runs) // 2]
    info = {"seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2),
            "executed": sorted(result.execution.executed),
            "executed_during_render": result.executed_during_render}
    if repeats > 1:
        info["all_seconds"] = [round(run[0], 2) for run in runs]
    return info, seconds


def bare_skeleton_rebuild(folder: Path, repeats: int = 3) -> dict:
    """The no-change rebuild of ``jupyter-book create``'s skeleton (execution cached)."""
    jupyter_book = str(Path(sys.executable).parent / "jupyter-book")
    book = folder / "bare"
    subprocess.run([jupyter_book, "create", str(book)], check=True, capture_output=True)
    config = book / "_config.yml"
    config.write_text(config.read_text().replace("execute_notebooks: force",
                                                 "execute_notebooks: cache"))
    runs = []
    for _ in range(repeats + 1):  # the first build fills the cache
        cpu = _cpu()
        done, seconds = timed(subprocess.run, [jupyter_book, "build", str(book)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"bare skeleton build failed:\n{done.stdout[-3000:]}")
        runs.append((seconds, _cpu() - cpu))
    seconds, cpu = sorted(runs[1:])[len(runs[1:]) // 2]
    return {"seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2),
            "all_seconds": [round(run[0], 2) for run in runs[1:]]}


def test_suite(*marks: str) -> dict:
    """`make test`'s command (with ``-m`` and ``marks``, `make test-fast`'s), timed: wall
    seconds, the machine's busy CPU seconds during the run, and the CPU seconds of the
    processes the run waited for."""
    cpu, machine = _cpu(), _machine_cpu()
    grouped = [] if marks else GROUPED.split()
    done, seconds = timed(subprocess.run, [sys.executable, "-m", "pytest", "-n", "auto", "-q",
                                           "-p", "no:cacheprovider", *grouped, *marks],
                          cwd=ROOT, capture_output=True, text=True)
    cpu, machine_after = _cpu() - cpu, _machine_cpu()
    summary = (done.stdout.strip().splitlines() or [""])[-1]
    return {"seconds": round(seconds, 1),
            "cpu_seconds": round(machine_after - machine, 1) if machine is not None else None,
            "waited_for_cpu_seconds": round(cpu, 1),
            "returncode": done.returncode, "summary": summary}


def single_execution_times() -> dict[str, float]:
    """Each chapter executed alone, one after another, one kernel each: wall seconds."""
    import jupytext
    from nbclient import NotebookClient

    from bookbuild.execute import kernel_config

    times = {}
    for path in notebook_files():
        notebook = jupytext.read(path)
        with tempfile.TemporaryDirectory() as cwd:
            client = NotebookClient(notebook, timeout=300, kernel_name="python3",
                                    resources={"metadata": {"path": cwd}},
                                    config=kernel_config(cwd))  # as the execution step
            _, seconds = timed(client.execute)
        times[str(path.relative_to(ROOT))] = round(seconds, 2)
    return times


def data_and_analysis_times(repeats: int = 5) -> dict[str, float]:
    """Loading and validating every table cold, and running the analysis functions: seconds."""
    from analysis.data.edition import data_cutoff
    from analysis.data.load import load_all
    from analysis.data.validate import forget_checked
    from analysis.measures import (
        burden,
        compare,
        divisions,
        growth,
        installations,
        interventions,
        network,
        rates,
        requests,
        snapshots,
        votes,
    )

    load_all()  # warm: imports and file cache

    def cold_load() -> dict:
        forget_checked()  # every file read and checked again, as in a fresh process
        return load_all(checked=None)  # and not taken from the tables of an earlier check

    loads = [timed(cold_load)[1] for _ in range(repeats)]
    load_all()  # leaves the checked tables for the next load, as a chapter's first load does
    kept = [timed(load_all)[1] for _ in range(repeats)]
    tables = load_all()

    cutoff = data_cutoff()

    def run_all() -> None:
        t = tables
        outcomes = requests.request_outcomes(t["requests"], t["responses"])
        rates.yardstick(outcomes)
        for by in ("threat", "requester", "period", "organization"):
            rates.response_rates(outcomes, by=by, success="deployed")
        interventions.intervention_timeline(t["requests"], t["responses"], t["events"])
        members = ["RUS", "BLR", "ARM", "KAZ", "KGZ", "TJK", "UZB", "AZE", "GEO"]
        votes.vote_matrix(t["un_votes"], states=members, resolutions=t["un_resolutions"])
        votes.pairwise_agreement(t["un_votes"], members)
        votes.agreement_with_over_time(t["un_votes"], t["un_resolutions"], states=members)
        votes.cohesion_index(t["un_votes"], members, t["un_resolutions"])
        divisions.alignment_matrix(t["stances"], states=members)
        divisions.defiance_events(t["events"], t["memberships"])
        for state in members:
            divisions.trajectory(t["stances"], t["un_votes"], t["un_resolutions"], t["events"],
                                 t["memberships"], state)
        growth.membership_growth(t["memberships"], cutoff)
        compare.side_by_side(t["memberships"], t["organizations"], t["requests"],
                             t["responses"], t["capabilities"], cutoff)
        burden.largest_member_shares(t["memberships"], t["capabilities"], cutoff)
        points = snapshots.turning_points(cutoff)
        snapshots.snapshots(t["memberships"], points, exclude=("CIS",))
        snapshots.changes_between(t["memberships"], list(points))
        installations.bases_per_host(t["bases"],
                                     [f"{y}-06-30" for y in range(1992, cutoff.year + 1)])
        graph = network.state_projection(network.affiliation_graph(t["memberships"], cutoff))
        network.network_measures(graph)

    run_all()
    runs = [timed(run_all)[1] for _ in range(3)]
    return {"tables": len(tables),
            "load_and_validate_seconds": round(statistics.median(loads), 3),
            "load_checked_seconds": round(statistics.median(kept), 3),
            "all_analysis_seconds": round(statistics.median(runs), 3)}


def page_weights(html: Path) -> dict[str, dict[str, int]]:
    """Per chapter page: bytes of HTML and of its images, and their number."""
    weights = {}
    for name in toc_files():
        page = html / f"{name}.html"
        text = page.read_text(encoding="utf-8")
        images = sorted(set(re.findall(r'<img[^>]+src="([^"]+)"', text)))
        image_bytes = sum((page.parent / src).resolve().stat().st_size for src in images)
        weights[name] = {"html_bytes": page.stat().st_size, "image_bytes": image_bytes,
                         "images": len(images), "total_kb": round(
                             (page.stat().st_size + image_bytes) / 1024, 1)}
    return weights


def main(argv: list[str] | None = None) -> int:
    """Run every measurement, print it beside the previous run's and write it to JSON."""
    run_tests = "--no-tests" not in (sys.argv[1:] if argv is None else argv)
    target = ROOT / "_build" / "benchmark.json"
    try:
        previous = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        previous = {}
    out = Path(tempfile.mkdtemp(prefix="csto-bench-"))
    figures: dict = {"cores": os.cpu_count()}
    try:
        figures["bare_skeleton_no_change_rebuild"] = bare_skeleton_rebuild(out)
        bare = figures["bare_skeleton_no_change_rebuild"]["seconds"]
        from analysis.data.load import CHECKED_TABLES
        from analysis.publish.book import KEPT

        for kept in (CHECKED_TABLES, KEPT):  # clean: the data checked, every value computed
            shutil.rmtree(kept, ignore_errors=True)
        figures["clean_build"], clean = build(out)
        figures["no_change_rebuild"], nochange = build(out, repeats=3)
        html_dir = out / "_build" / "html"
        figures["page_weights"] = page_weights(html_dir)
        shutil.rmtree(out / "_build")  # keep the execution cache: render only
        figures["render_without_execution"], render = build(out)
        original = EDITED.read_text(encoding="utf-8")
        edits = []
        try:
            for n in range(3):  # three different edits, each re-executing the chapter
                EDITED.write_text(original + EDIT.replace("edit", f"edit {n}"), encoding="utf-8")
                edits.append(build(out)[0])
        finally:
            EDITED.write_text(original, encoding="utf-8")
        figures["edit_one_chapter_rebuild"] = {
            **sorted(edits, key=lambda e: e["seconds"])[1],
            "all_seconds": [e["seconds"] for e in edits],
            "executed": sorted({name for e in edits for name in e["executed"]})}
        singles = single_execution_times()
        figures["single_execution_seconds"] = singles
        figures.update(data_and_analysis_times())
        if run_tests:
            figures["make_test_fast"] = test_suite("-m", FAST)
            figures["make_test"] = test_suite()
    finally:
        shutil.rmtree(out, ignore_errors=True)

    total_single = sum(singles.values())
    cores = figures["cores"]
    bound = 1.25 * (total_single / cores + render)
    targets = {
        "no-change rebuild executes nothing": not figures["no_change_rebuild"]["executed"],
        "no-change rebuild <= 10% of clean": nochange <= 0.10 * clean,
        f"no-change rebuild <= 3 x the bare skeleton's ({bare:.1f} s)": nochange <= 3 * bare,
        "edit re-executes exactly that chapter":
            figures["edit_one_chapter_rebuild"]["executed"] == [str(EDITED.relative_to(ROOT))],
        f"clean build <= 1.25 x (sum single / cores + render) = {bound:.1f} s": clean <= bound,
        # Issue 13's target, set when the external datasets joined the hand-coded tables.
        f"load and validate all {figures['tables']} tables < 1 s":
            figures["load_and_validate_seconds"] < 1.0,
        "all analysis < 0.5 s": figures["all_analysis_seconds"] < 0.5,
        "every chapter page < 400 KB": all(
            w["total_kb"] < 400 for w in figures["page_weights"].values()),
    }
    figures["no_change_over_clean"] = round(nochange / clean, 3)
    figures["no_change_over_bare_skeleton"] = round(nochange / bare, 2)
    if run_tests:
        tests, fast = figures["make_test"], figures["make_test_fast"]
        for run in (tests, fast):
            busy = run["cpu_seconds"] or run["waited_for_cpu_seconds"]
            run["wall_over_cpu_per_core"] = round(run["seconds"] / (busy / cores), 2)
        targets["make test passes"] = tests["returncode"] == 0
        targets["make test wall <= 1.3 x CPU / cores"] = tests["wall_over_cpu_per_core"] <= 1.3
        targets["make test-fast passes"] = fast["returncode"] == 0
        targets["make test-fast < 60 s"] = fast["seconds"] < 60
    figures["sum_single_execution_seconds"] = round(total_single, 2)
    figures["clean_build_bound_seconds"] = round(bound, 2)
    figures["targets"] = targets

    def before(*keys: str) -> str:
        value = previous
        for key in keys:
            value = value.get(key) if isinstance(value, dict) else None
        return "" if value is None else f"  (before: {value})"

    print(f"cores: {cores}")
    for key in ("clean_build", "no_change_rebuild", "render_without_execution",
                "edit_one_chapter_rebuild", "bare_skeleton_no_change_rebuild"):
        info = figures[key]
        executed = (f"  executed {len(info['executed'])} (+{info['executed_during_render']} "
                    "during render)" if "executed" in info else "")
        print(f"{key:32s} {info['seconds']:7.1f} s wall {info['cpu_seconds']:7.1f} s CPU"
              f"{executed}{before(key, 'seconds')}")
    print(f"{'no-change / clean':32s} {figures['no_change_over_clean']:7.3f}"
          f"{before('no_change_over_clean')}")
    print(f"{'no-change / bare skeleton':32s} {figures['no_change_over_bare_skeleton']:7.2f}"
          f"{before('no_change_over_bare_skeleton')}")
    if run_tests:
        for key, run in (("make_test", tests), ("make_test_fast", fast)):
            print(f"{key.replace('_', ' ').replace('test fast', 'test-fast'):32s} "
                  f"{run['seconds']:7.1f} s wall{before(key, 'seconds')}, "
                  f"{run['cpu_seconds']} s CPU of the machine "
                  f"({run['waited_for_cpu_seconds']} s in processes waited for): "
                  f"wall / (CPU / cores) = {run['wall_over_cpu_per_core']:.2f}"
                  f"{before(key, 'wall_over_cpu_per_core')}  [{run['summary']}]")
    print(f"{'sum of single executions':28s} {total_single:7.1f} s over {len(singles)} notebooks")
    print(f"{'load and validate all data':28s} {figures['load_and_validate_seconds']:7.3f} s")
    print(f"{'load the checked tables':28s} {figures['load_checked_seconds']:7.3f} s")
    print(f"{'all analysis functions':28s} {figures['all_analysis_seconds']:7.3f} s")
    print("page weights (HTML + images, KB):")
    for name, w in figures["page_weights"].items():
        print(f"  {name:28s} {w['total_kb']:7.1f}  ({w['images']} images)")
    print("targets:")
    for label, ok in targets.items():
        print(f"  [{'met' if ok else 'MISSED'}] {label}")
    target.parent.mkdir(exist_ok=True)
    target.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(f"written to {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
