"""Time to score one article against a claim (once any sentence vectors it needs exist).

Loads a stance model (default: the shipped one, whose evidence model embeds the claim and
the best sentences with e5-small), runs it once over 100 Unified-FC pairs (embedding what
is missing), then times ``predict`` one pair at a time and prints p50/p95.
Run: python bench/stance.py ../shared/datasets/unifiedfc [MODEL.json]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

from burhan.evaluation.stance import unifiedfc_pairs
from burhan.ingest.benchmarks import load_unifiedfc
from burhan.stance import StanceModel
from burhan.stance.training import SHIPPED_MODEL


def per_pair_ms(model: StanceModel, pairs) -> tuple[float, float]:
    samples = []
    for pair in pairs:
        start = time.perf_counter()
        model.predict([pair])
        samples.append((time.perf_counter() - start) * 1000)
    return float(np.percentile(samples, 50)), float(np.percentile(samples, 95))


def main() -> None:
    directory = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/datasets/unifiedfc")
    model = StanceModel.load(sys.argv[2] if len(sys.argv) > 2 else SHIPPED_MODEL)
    pairs = unifiedfc_pairs(load_unifiedfc(directory))[0][::24][:100]
    print(f"{len(pairs)} pairs, {np.mean([len(p.sentences) for p in pairs]):.0f} sentences on average")
    start = time.perf_counter()
    model.predict(pairs)
    print(f"first pass (embedding what is missing): {time.perf_counter() - start:.1f} s")
    full = per_pair_ms(model, pairs)
    print(f"{'model':28} {'p50 ms':>8} {'p95 ms':>8}")
    label = ("article classifier + evidence model" if model.evidence is not None
             else "with embedding features" if model.use_embeddings else "lexical article classifier")
    print(f"{label:28} {full[0]:8.1f} {full[1]:8.1f}")


if __name__ == "__main__":
    main()
