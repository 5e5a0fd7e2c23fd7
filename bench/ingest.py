"""Ingest throughput over the Unified-FC article texts (a benchmark, not a test).

    python bench/ingest.py [../shared/datasets/unifiedfc] [--baseline REV] [--repeat 1]

Prints articles/s and MB/s for: the analyser alone (decode, clean, split, MinHash; no store)
with 1 and 2 worker processes, the whole ingest into a fresh store with 1 and 2 workers, and
ingest plus the BM25 index (what ``burhan ingest --no-embed`` does) with 2 workers.
Each stage runs in a fresh process, as ``burhan ingest`` does. With ``--baseline REV`` (e.g.
``ec7e2c0``, wave 1's last commit) the same measurements run on that commit too — checked out
in a temporary ``git worktree`` — each stage right after this tree's, so that both see the same
machine; printed as ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STAGES = ("analyser, 1 worker", "analyser, 2 workers", "whole ingest, 1 worker", "whole ingest, 2 workers",
          "ingest + BM25 index, 2 workers")


def measure(directory: Path, stage: str) -> list[float]:
    """articles and seconds of one stage, with the ``burhan`` found on ``sys.path``."""
    from burhan.ingest import ReadOptions, expand_paths, ingest
    from burhan.ingest.pipeline import analyze_files
    from burhan.search import Searcher
    from burhan.store import Store

    files = expand_paths([directory / "dataset"])
    workers = 1 if "1 worker" in stage else 2
    start = time.perf_counter()
    if stage.startswith("analyser"):
        articles = sum(len(r.articles) for r in analyze_files(files, ReadOptions(), workers=workers))
        return [articles, time.perf_counter() - start]
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
        start = time.perf_counter()
        report = ingest(files, store, workers=workers)
        if stage.startswith("ingest + BM25"):
            Searcher(store).sync(embed=False)  # what `burhan ingest --no-embed` does
        return [report.added + report.duplicates + report.unchanged, time.perf_counter() - start]


def run_tree(source: Path, directory: Path, stage: str) -> list[float]:
    """``measure`` of one stage in a fresh process importing ``burhan`` from ``source/src``, as
    ``burhan ingest`` runs: stages run one after another in one process were up to a fifth slower
    (the workers fork a parent holding the earlier stages' caches)."""
    env = {**os.environ, "PYTHONPATH": str(source / "src")}
    code = (f"import json, sys; sys.path.insert(0, {str(ROOT / 'bench')!r}); from ingest import measure; "
            f"from pathlib import Path; print(json.dumps(measure(Path({str(directory)!r}), {stage!r})))")
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"measuring {source} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("directory", nargs="?", type=Path, default=ROOT.parent / "shared" / "datasets" / "unifiedfc")
    parser.add_argument("--baseline", help="a git revision to measure beside this tree")
    parser.add_argument("--repeat", type=int, default=1, help="rounds (each: baseline, then this tree); best kept")
    args = parser.parse_args()
    directory = args.directory.resolve()
    files = [p for p in (directory / "dataset").rglob("*") if p.is_file()]
    megabytes = sum(f.stat().st_size for f in files) / 1e6
    print(f"{len(files)} files, {megabytes:.1f} MB")
    results: dict[str, dict[str, list[float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        trees = {"this tree": ROOT}
        if args.baseline:
            worktree = Path(tmp) / "baseline"
            subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(worktree), args.baseline],
                           check=True, capture_output=True)
            trees = {f"baseline {args.baseline}": worktree, **trees}
        try:
            for _ in range(args.repeat):
                for stage in STAGES:
                    for name, source in trees.items():  # interleaved: both trees see the same machine
                        n, seconds = run_tree(source, directory, stage)
                        best = results.setdefault(name, {}).setdefault(stage, [n, seconds])
                        if seconds < best[1]:
                            best[:] = [n, seconds]
        finally:
            if args.baseline:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(worktree)], check=False)
    base = results.get(f"baseline {args.baseline}") if args.baseline else None
    print(f"{'tree':22} {'stage':24} {'articles':>8} {'seconds':>8} {'articles/s':>10} {'MB/s':>6} {'× baseline':>10}")
    for name, stages in results.items():
        for stage, (n, seconds) in stages.items():
            ratio = f"{base[stage][1] / seconds:10.2f}" if base else ""
            print(f"{name:22} {stage:24} {int(n):8d} {seconds:8.1f} {n / seconds:10.1f} {megabytes / seconds:6.2f} {ratio}")


if __name__ == "__main__":
    main()
