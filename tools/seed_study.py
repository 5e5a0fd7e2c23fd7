"""Summarise the seed study (docs/studies/seeds/PROTOCOL.md): each figure per training seed, and
its spread (max − min), beside the thirtieth run's moves.

    python tools/seed_study.py [--seeds 14 15]

Seed 13 is the shipped run, read from the files it was recorded in; the other seeds from
``docs/studies/seeds/``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STUDIES = ROOT / "docs" / "studies"
SEEDS = STUDIES / "seeds"
SHIPPED = {"evidence": STUDIES / "evidence_eval_negated.json", "stance": STUDIES / "stance_cv_counts_decide_stated.json",
           "verdict": STUDIES / "verdict_prior_twentyninth.json", "probes": STUDIES / "probes_count_places.json",
           "true_shapes": STUDIES / "probes_true_shapes_count_places.json", "noise": None}
# the thirtieth run (seed 13, the definite-unit fix, models retrained): its moves are printed beside
THIRTIETH = {"evidence": STUDIES / "evidence_eval_definite_units.json", "stance": STUDIES / "stance_cv_definite_units.json",
             "verdict": STUDIES / "verdict_prior_thirtieth.json", "probes": STUDIES / "probes_definite_units.json",
             "true_shapes": STUDIES / "probes_true_shapes_definite_units.json", "noise": None}


def files(seed: int | str) -> dict[str, Path | None]:
    if seed == 13:
        return SHIPPED
    if seed == "30th":
        return THIRTIETH
    return {"evidence": SEEDS / f"evidence_eval_seed{seed}.json", "stance": SEEDS / f"stance_cv_seed{seed}.json",
            "verdict": SEEDS / f"verdict_prior_seed{seed}.json", "probes": SEEDS / f"probes_seed{seed}.json",
            "true_shapes": SEEDS / f"probes_true_shapes_seed{seed}.json", "noise": SEEDS / f"verdict_noise_seed{seed}.txt"}


def figures(seed: int | str) -> dict[str, object]:
    found = files(seed)
    read = {name: json.loads(path.read_text(encoding="utf-8")) for name, path in found.items()
            if path is not None and path.suffix == ".json"}
    stance = read["stance"]["burhan"]
    verdict = read["verdict"]
    probes, shapes = read["probes"], read["true_shapes"]
    out = {
        "ANS dev macro-F1": round(read["evidence"]["ans_dev"]["macro_f1"], 4),
        "stance CV macro-F1": stance["macro_f1"]["mean"],
        "stance disagree F1 per fold": " / ".join(f"{v:.2f}" for v in stance["disagree_f1_per_fold"]),
        "edited claims read disagree": stance["contradiction"]["disagree"],
        "verdict CV accuracy": round(verdict["accuracy"], 4),
        "verdict ECE": round(verdict["ece"], 4),
        "verdict NEE": verdict["not_enough_evidence"],
        "original probes right (of 92)": round(probes["verdict_accuracy"] * probes["probes"]),
        "true shapes right (of 24)": round(shapes["verdict_accuracy"] * shapes["probes"]),
        "probe kinds under 80%": ", ".join(k for k, v in probes["per_kind"].items() if v["verdict_accuracy"] < 0.8) or "none",
    }
    if found["noise"] is not None and found["noise"].exists():
        lines = found["noise"].read_text(encoding="utf-8").splitlines()
        out["paired accuracy vs seed 13"] = lines[1].split(": ", 1)[1] if len(lines) > 1 else None
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, nargs="*", default=[14, 15])
    args = parser.parse_args()
    seeds = [13, *args.seeds]
    table = {seed: figures(seed) for seed in seeds}
    thirtieth = figures("30th")
    names = list(table[13])
    print(f"{'':34}" + "".join(f"{'seed ' + str(s):>28}" for s in seeds) + f"{'spread':>10}{'30th run':>10}")
    for name in names:
        values = [table[s].get(name) for s in seeds]
        numeric = [v for v in values if isinstance(v, (int, float))]
        spread = f"{max(numeric) - min(numeric):.4g}" if len(numeric) == len(values) else ""
        moved = f"{thirtieth[name] - table[13][name]:+.4g}" if isinstance(thirtieth.get(name), (int, float)) else ""
        print(f"{name:34}" + "".join(f"{str(v):>28}" for v in values) + f"{spread:>10}{moved:>10}")
    for seed in args.seeds:
        print(f"seed {seed}, paired against seed 13: {table[seed].get('paired accuracy vs seed 13')}")
    for name in ("probes", "true_shapes"):  # the probes whose verdict is right under some seeds only
        right = {seed: {r["id"]: r["verdict_right"] for r in json.loads(files(seed)[name].read_text(encoding="utf-8"))["results"]}
                 for seed in seeds}
        unstable = [i for i in right[13] if len({right[s][i] for s in seeds}) > 1]
        print(f"{name}: {len(unstable)} of {len(right[13])} right under some seeds only: " +
              ", ".join(f"{i} ({''.join('+' if right[s][i] else '-' for s in seeds)})" for i in unstable))


if __name__ == "__main__":
    main()
