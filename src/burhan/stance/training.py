"""Training the shipped stance model from ../shared/datasets (``burhan train stance``)."""

from __future__ import annotations

from pathlib import Path

from burhan.ingest.benchmarks import load_unifiedfc
from burhan.stance.model import PairTraining, StanceModel

SHIPPED_MODEL = Path(__file__).parent / "stance_model.json"


def train_stance(data: str | Path, out: str | Path = SHIPPED_MODEL, seed: int = 13,
                 use_embeddings: bool = False, pair_scorer: bool = True, encoders: dict | None = None) -> StanceModel:
    """Fit the article classifier on all Unified-FC pairs under ``data/unifiedfc`` and (unless
    ``pair_scorer=False``) the sentence-pair scorer on ``data/ans/stance/train.csv``; save to
    ``out`` with a model card."""
    from burhan.evaluation.stance import load_ans, unifiedfc_pairs

    data = Path(data)
    claims = load_unifiedfc(data / "unifiedfc")
    pairs, labels, _, _ = unifiedfc_pairs(claims)
    wants_pairs = pair_scorer or use_embeddings
    pair_training: PairTraining | None = load_ans(data / "ans" / "stance" / "train.csv") if wants_pairs else None
    model = StanceModel(use_embeddings=use_embeddings, seed=seed)
    if encoders:
        model.set_encoders(encoders)
    model.fit(pairs, labels, pair_training)
    model.save(out, card={
        "command": f"burhan train stance --data {data} --out {out} --seed {seed}",
        "data": {"unifiedfc": f"{len(claims)} claims, {len(pairs)} pairs (all folds present)",
                 "ans_stance_train": len(pair_training.labels) if pair_training else 0},
        "params": model.params(),
    })
    return model
