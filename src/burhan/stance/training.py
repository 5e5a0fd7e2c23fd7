"""Training the shipped models from ../shared/datasets: the sentence-level evidence model
(``burhan train evidence``) and the article stance model that reads it (``burhan train stance``)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from burhan.ingest.benchmarks import load_unifiedfc
from burhan.stance.corpora import training_data, without_claims
from burhan.stance.evidence import EvidenceModel
from burhan.stance.model import PairTraining, StanceModel

SHIPPED_MODEL = Path(__file__).parent / "stance_model.json"
SHIPPED_EVIDENCE = Path(__file__).parent / "evidence_model.json"
# chosen by tools/evidence_selection.py (round 3) on ANS dev and synthetic fold-4 pairs (see the stance
# model card); ans_weight: the weight of an ANS pair in the fit relative to a pair of the other sources
EVIDENCE_SETTINGS = {"encoders": ("e5-small",), "use_embedding": True, "use_alignment": True, "C": 0.01,
                     "alignment_weight": 3.0,
                     "ans_weight": 1.0}
EVIDENCE_SOURCES = ("ans", "synthetic")


class EvidenceTrainer:
    """The evidence model's training pairs and their features, computed once; ``fit`` gives a
    model trained without the labelled lines of some Unified-FC claims (a CV test fold)."""

    def __init__(self, data: str | Path, seed: int = 13, settings: dict | None = None,
                 sources: tuple[str, ...] = EVIDENCE_SOURCES, encoders: dict | None = None):
        self.settings = dict(EVIDENCE_SETTINGS if settings is None else settings)
        self.ans_weight = float(self.settings.pop("ans_weight", 1.0))
        self.seed = seed
        self.sources = tuple(sources)
        self.data = training_data(data, sources=self.sources, seed=seed)
        self.encoders = encoders or {}
        self.X = self._model().features(self.data.train.claims, self.data.train.sentences)
        self._fitted: dict[bytes, EvidenceModel] = {}

    def _model(self) -> EvidenceModel:
        return EvidenceModel(seed=self.seed, **self.settings).set_encoders(self.encoders)

    def fit(self, held_out_claims: frozenset[str] = frozenset()) -> EvidenceModel:
        keep = np.array(without_claims(self.data.train, set(held_out_claims)))
        key = np.packbits(keep).tobytes()  # the same training rows give the same model: fit it once
        if key not in self._fitted:
            labels = [l for l, k in zip(self.data.train.labels, keep) if k]
            weights = np.array([self.ans_weight if o == "ans" else 1.0 for o in self.data.train.origins])[keep]
            self._fitted[key] = self._model().fit_features(self.X[keep], labels, weights)
        return self._fitted[key]

    def card(self, command: str) -> dict:
        from collections import Counter

        return {"command": command, "params": self._model().params(), "ans_weight": self.ans_weight,
                "sources": list(self.sources),
                "training_pairs": len(self.data.train),
                "by_source": dict(Counter(o.split(":")[0] for o in self.data.train.origins)),
                "by_label": dict(Counter(self.data.train.labels)),
                "ans_held_out_pairs": len(self.data.ans_held_out)}


def train_evidence(data: str | Path, out: str | Path = SHIPPED_EVIDENCE, seed: int = 13) -> EvidenceModel:
    trainer = EvidenceTrainer(data, seed=seed)
    model = trainer.fit()
    model.save(out, card=trainer.card(f"burhan train evidence --data {data} --out {out} --seed {seed}"))
    return model


def train_stance(data: str | Path, out: str | Path = SHIPPED_MODEL, seed: int = 13, use_embeddings: bool = False,
                 pair_scorer: bool = False, evidence: EvidenceModel | None = None, encoders: dict | None = None) -> StanceModel:
    """Fit the article classifier on all Unified-FC pairs under ``data/unifiedfc`` over the
    evidence model's sentence scores (``evidence``; by default the shipped evidence model),
    optionally the wave-1 sentence-pair scorer on ANS train; save to ``out`` with a model card."""
    from burhan.evaluation.stance import load_ans, unifiedfc_pairs

    data = Path(data)
    claims = load_unifiedfc(data / "unifiedfc")
    pairs, labels, _, _ = unifiedfc_pairs(claims)
    wants_pairs = pair_scorer or use_embeddings
    pair_training: PairTraining | None = load_ans(data / "ans" / "stance" / "train.csv") if wants_pairs else None
    evidence = evidence or EvidenceModel.load(SHIPPED_EVIDENCE)
    model = StanceModel(use_embeddings=use_embeddings, seed=seed, evidence=evidence)
    if encoders:
        model.set_encoders(encoders)
    model.fit(pairs, labels, pair_training)
    model.save(out, card={
        "command": f"burhan train stance --data {data} --out {out} --seed {seed}",
        "data": {"unifiedfc": f"{len(claims)} claims, {len(pairs)} pairs (all folds present)",
                 "ans_stance_train": len(pair_training.labels) if pair_training else 0},
        "params": model.params(), "evidence": evidence.params(),
    })
    return model
