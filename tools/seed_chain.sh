#!/bin/bash
# One training seed of the whole judgement chain (the seed study: docs/studies/seeds/PROTOCOL.md).
#
#   bash tools/seed_chain.sh SEED OUT_DIR UFC_STORE PROBE_STORE [BASE_FEATURES]
#
# Trains the evidence and stance models with SEED into OUT_DIR (never over the shipped files),
# then writes into OUT_DIR: ANS dev (evidence_eval.json), the Unified-FC stance CV
# (stance_cv.json), the verdict CV (verdict_prior.json, verdict_cv_features.json), the paired
# bootstrap against BASE_FEATURES (verdict_noise.txt; default: the shipped run's kept rows), the
# verdict model refitted on its rows, and both probe sets (probes.json, probes_true_shapes.json).
# ~8 min a seed on 2 cores once its synthetic sentences are embedded. Run it for the base and for a
# candidate with the same seeds, and compare the spreads (python tools/seed_study.py reads the
# study's own files).
#
# With EVIDENCE=PATH the seed's evidence model is that file instead of a new training (runs that
# change only the stance side: the thirty-fifth to thirty-seventh and the thirty-ninth used each
# seed's base evidence model, `burhan train evidence --data ../shared/datasets --seed S`).
set -euo pipefail
seed=$1 out=$2 store=$3 probes=$4
base=${5:-docs/studies/verdict_cv_features_denial_not_agree.json}
data=../shared/datasets
mkdir -p "$out"
if [ -n "${EVIDENCE:-}" ]; then
    cp "$EVIDENCE" "$out/evidence_model.json"
else
    burhan train evidence --data $data --seed "$seed" --out "$out/evidence_model.json"
fi
burhan train stance --data $data --seed "$seed" --evidence "$out/evidence_model.json" --out "$out/stance_model.json"
burhan eval evidence --data $data --model "$out/evidence_model.json" --json > "$out/evidence_eval.json"
burhan eval stance --format unifiedfc $data/unifiedfc --cv $data/unifiedfc/train_test_splits.txt --seed "$seed" \
    --json > "$out/stance_cv.json"
python tools/verdict_prior_study.py --db "$store" --polarity explicit --seed "$seed" --out "$out/verdict_prior.json" \
    --features "$out/verdict_cv_features.json"
python tools/verdict_noise.py "$base" "$out/verdict_cv_features.json" --rounds 2000 > "$out/verdict_noise.txt"
python tools/verdict_from_features.py "$out/verdict_cv_features.json" --out "$out/verdict_model.json"
for set in probes probes_true_shapes; do
    burhan eval probes tests/data/$set.jsonl --db "$probes" --stance-model "$out/stance_model.json" \
        --verdict-model "$out/verdict_model.json" --json > "$out/$set.json"
done
