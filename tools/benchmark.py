"""Benchmark: how fast the book builds and the analysis runs, and how heavy the pages are.

Run with ``make benchmark`` (not part of the tests). It builds the book into a temporary folder,
so the working tree's own _build is untouched, and prints, in one run on this machine:

- clean build time (empty caches), no-change rebuild time, render time without execution, and
  rebuild time after editing one chapter, with the notebooks executed in each;
- each chapter's single execution time (one after another, one kernel each), and their sum;
- time to load and validate all data, and to run all analysis functions on the full data;
- per chapter page, the bytes of HTML plus its images (the theme's shared assets excluded);
- each target of the performance issue, met or not.

The figures are also written to ``_build/benchmark.json``. The edit is made to a real chapter
(one hidden comment cell appended) and undone before the script ends.
"""

from __future__ import annotations

import json
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.publish.build import build_html, notebook_files, toc_files  # noqa: E402

EDITED = ROOT / "book" / "conclusions.md"
EDIT = "\n```{code-cell} ipython3\n:tags: [remove-cell]\n\n# benchmark edit\n```\n"


def timed(func, *args, **kwargs):
    start = time.perf_counter()
    result = func(*args, **kwargs)
    return result, time.perf_counter() - start


def build(out: Path) -> tuple[dict, float]:
    result, seconds = timed(build_html, out, out / "cache",
                            env={"SOURCE_DATE_EPOCH": "1700000000"})
    if result.returncode != 0:
        raise SystemExit(f"build failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    info = {"seconds": round(seconds, 2), "executed": sorted(result.execution.executed),
            "executed_during_render": result.executed_during_render}
    return info, seconds


def single_execution_times() -> dict[str, float]:
    import jupytext
    from nbclient import NotebookClient

    times = {}
    for path in notebook_files():
        notebook = jupytext.read(path)
        with tempfile.TemporaryDirectory() as cwd:
            client = NotebookClient(notebook, timeout=300, kernel_name="python3",
                                    resources={"metadata": {"path": cwd}})
            _, seconds = timed(client.execute)
        times[str(path.relative_to(ROOT))] = round(seconds, 2)
    return times


def data_and_analysis_times(repeats: int = 5) -> dict[str, float]:
    from analysis.data.edition import data_cutoff
    from analysis.measures import (burden, compare, divisions, growth, installations,
                                   interventions, network, rates, requests, snapshots, votes)
    from analysis.data.load import load_all

    load_all()  # warm: imports and file cache
    loads = [timed(load_all)[1] for _ in range(repeats)]
    tables = load_all()

    cutoff = data_cutoff()

    def run_all():
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
        growth.membership_growth(t["memberships"])
        compare.side_by_side(t["memberships"], t["organizations"], t["requests"],
                             t["responses"], t["capabilities"])
        burden.largest_member_shares(t["memberships"], t["capabilities"])
        points = snapshots.turning_points(cutoff)
        snapshots.snapshots(t["memberships"], points, exclude=("CIS",))
        snapshots.changes_between(t["memberships"], list(points))
        installations.bases_per_host(t["bases"], [f"{y}-06-30" for y in range(1992, cutoff.year + 1)])
        graph = network.state_projection(network.affiliation_graph(t["memberships"], cutoff))
        network.network_measures(graph)

    run_all()
    runs = [timed(run_all)[1] for _ in range(3)]
    return {"load_and_validate_seconds": round(statistics.median(loads), 3),
            "all_analysis_seconds": round(statistics.median(runs), 3)}


def page_weights(html: Path) -> dict[str, dict[str, int]]:
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


def main() -> int:
    import os

    out = Path(tempfile.mkdtemp(prefix="csto-bench-"))
    figures: dict = {"cores": os.cpu_count()}
    try:
        figures["clean_build"], clean = build(out)
        figures["no_change_rebuild"], nochange = build(out)
        html_dir = out / "_build" / "html"
        figures["page_weights"] = page_weights(html_dir)
        shutil.rmtree(out / "_build")  # keep the execution cache: render only
        figures["render_without_execution"], render = build(out)
        original = EDITED.read_text(encoding="utf-8")
        try:
            EDITED.write_text(original + EDIT, encoding="utf-8")
            figures["edit_one_chapter_rebuild"], _ = build(out)
        finally:
            EDITED.write_text(original, encoding="utf-8")
        singles = single_execution_times()
        figures["single_execution_seconds"] = singles
        figures.update(data_and_analysis_times())
    finally:
        shutil.rmtree(out, ignore_errors=True)

    total_single = sum(singles.values())
    cores = figures["cores"]
    bound = 1.25 * (total_single / cores + render)
    targets = {
        "no-change rebuild executes nothing": not figures["no_change_rebuild"]["executed"],
        "no-change rebuild <= 15% of clean": nochange <= 0.15 * clean,
        "edit re-executes exactly that chapter":
            figures["edit_one_chapter_rebuild"]["executed"] == [str(EDITED.relative_to(ROOT))],
        f"clean build <= 1.25 x (sum single / cores + render) = {bound:.1f} s": clean <= bound,
        "load and validate < 0.5 s": figures["load_and_validate_seconds"] < 0.5,
        "all analysis < 0.5 s": figures["all_analysis_seconds"] < 0.5,
        "every chapter page < 400 KB": all(
            w["total_kb"] < 400 for w in figures["page_weights"].values()),
    }
    figures["sum_single_execution_seconds"] = round(total_single, 2)
    figures["clean_build_bound_seconds"] = round(bound, 2)
    figures["targets"] = targets

    print(f"cores: {cores}")
    for key in ("clean_build", "no_change_rebuild", "render_without_execution",
                "edit_one_chapter_rebuild"):
        info = figures[key]
        print(f"{key:28s} {info['seconds']:7.1f} s  executed {len(info['executed'])} "
              f"(+{info['executed_during_render']} during render)")
    print(f"{'sum of single executions':28s} {total_single:7.1f} s over {len(singles)} notebooks")
    print(f"{'load and validate all data':28s} {figures['load_and_validate_seconds']:7.3f} s")
    print(f"{'all analysis functions':28s} {figures['all_analysis_seconds']:7.3f} s")
    print("page weights (HTML + images, KB):")
    for name, w in figures["page_weights"].items():
        print(f"  {name:28s} {w['total_kb']:7.1f}  ({w['images']} images)")
    print("targets:")
    for label, ok in targets.items():
        print(f"  [{'met' if ok else 'MISSED'}] {label}")
    target = ROOT / "_build" / "benchmark.json"
    target.parent.mkdir(exist_ok=True)
    target.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(f"written to {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
