"""Summarise the seed study (docs/studies/seeds/PROTOCOL.md): each figure per training seed, and
its spread (max − min), beside the thirtieth run's moves.

    python tools/seed_study.py [--seeds 14 15]
    python tools/seed_study.py --run docs/studies/negation_scope/seed{seed}
    python tools/seed_study.py --run docs/studies/RUN/seed{seed} --base docs/studies/statement_numbers/seed{seed}

Seed 13 is the shipped run, read from the files it was recorded in; the other seeds from
``docs/studies/seeds/``. With ``--run``: a retraining run made by ``tools/seed_chain.sh`` once per
seed (``{seed}`` in the folder name), each figure per seed and its mean over the seeds beside the
shipped code's base over the same seeds (the seed study's addendum: the denial rule on).
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


# the shipped code (the thirty-second run) per seed: what a retraining run is judged against
BASE = {13: {"evidence": STUDIES / "evidence_eval_negated.json", "stance": STUDIES / "stance_cv_denial_not_agree.json",
             "verdict": STUDIES / "verdict_prior_thirtysecond.json", "probes": STUDIES / "probes_denial_not_agree.json",
             "true_shapes": STUDIES / "probes_true_shapes_denial_not_agree.json", "noise": None},
        **{seed: {"evidence": SEEDS / f"evidence_eval_seed{seed}.json",
                  "stance": SEEDS / f"stance_cv_seed{seed}.json",  # measured before the denial rule (−0.0004 on seed 13)
                  "verdict": SEEDS / f"verdict_prior_seed{seed}_denial.json",
                  "probes": SEEDS / f"probes_seed{seed}_denial.json",
                  "true_shapes": SEEDS / f"probes_true_shapes_seed{seed}_denial.json", "noise": None}
           for seed in (14, 15)}}


def chain_files(folder: Path) -> dict[str, Path | None]:
    """The files ``tools/seed_chain.sh`` writes into its folder."""
    return {"evidence": folder / "evidence_eval.json", "stance": folder / "stance_cv.json",
            "verdict": folder / "verdict_prior.json", "probes": folder / "probes.json",
            "true_shapes": folder / "probes_true_shapes.json", "noise": folder / "verdict_noise.txt"}


def files(seed: int | str) -> dict[str, Path | None]:
    if seed == 13:
        return SHIPPED
    if seed == "30th":
        return THIRTIETH
    return {"evidence": SEEDS / f"evidence_eval_seed{seed}.json", "stance": SEEDS / f"stance_cv_seed{seed}.json",
            "verdict": SEEDS / f"verdict_prior_seed{seed}.json", "probes": SEEDS / f"probes_seed{seed}.json",
            "true_shapes": SEEDS / f"probes_true_shapes_seed{seed}.json", "noise": SEEDS / f"verdict_noise_seed{seed}.txt"}


def figures(seed: int | str, found: dict[str, Path | None] | None = None) -> dict[str, object]:
    found = found or files(seed)
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


def compare_run(pattern: str, seeds: list[int], base_pattern: str | None = None) -> None:
    """A retraining run per seed beside its base (``base_pattern``'s folders, else ``BASE``), and
    the means over the seeds."""
    base = {seed: figures(seed, chain_files(ROOT / base_pattern.format(seed=seed)) if base_pattern else BASE[seed])
            for seed in seeds}
    run = {seed: figures(seed, chain_files(ROOT / pattern.format(seed=seed))) for seed in seeds}
    print(f"{'':34}" + "".join(f"{'base ' + str(s):>12}{'run ' + str(s):>12}" for s in seeds)
          + f"{'base mean':>12}{'run mean':>12}")
    for name in base[seeds[0]]:
        pairs = [(base[s].get(name), run[s].get(name)) for s in seeds]
        row = "".join(f"{str(b)[:11]:>12}{str(r)[:11]:>12}" for b, r in pairs)
        if all(isinstance(v, (int, float)) for pair in pairs for v in pair):
            row += f"{sum(b for b, _ in pairs) / len(pairs):12.4f}{sum(r for _, r in pairs) / len(pairs):12.4f}"
        print(f"{name:34}{row}")
    for seed in seeds:
        print(f"seed {seed}, paired against its base: {run[seed].get('paired accuracy vs seed 13')}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, nargs="*", default=[14, 15])
    parser.add_argument("--run", help="a retraining run's seed_chain.sh folders, '{seed}' in the path")
    parser.add_argument("--base", help="the base run's seed_chain.sh folders (default: the thirty-second run's files)")
    args = parser.parse_args()
    if args.run:
        compare_run(args.run, [13, *args.seeds], args.base)
        return
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
