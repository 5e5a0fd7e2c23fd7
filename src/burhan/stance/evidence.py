"""The sentence-level evidence model: does this sentence support the claim, refute it, or
neither? ``EvidenceModel().fit(claims, sentences, labels)`` → ``predict_proba`` with columns
``supports, refutes, neutral``.

Features of one (claim, sentence) pair:
1. for each offline encoder in ``encoders``, the vectors ``u`` (claim, as a query) and
   ``v`` (sentence, as a passage) as ``[u, v, |u − v|, u ⊙ v]`` (``use_embedding``);
2. the explicit alignment of ``burhan.stance.alignment``: overlap, antonym predicates,
   negation, denial, quantities of the same noun or unit, places, years, months
   (``use_alignment``) — the clashes an encoder does not see.
A class-weighted logistic regression (``hidden=0``) or an ensemble of ``members`` one-hidden-layer
perceptrons of ``hidden`` units with L2 penalty ``alpha`` (``burhan.mlp``), whose hidden units can
combine a clash with how alike the encoder finds the pair; the embedding block is standardised
(values clipped to ±``clip_z``), the alignment block (values in [0, 1] or small counts) is
multiplied by ``alignment_weight`` instead: under one L2 penalty, 30 alignment columns beside
1,536 embedding columns would otherwise be shrunk to nothing — a changed count or an antonym
would weigh less than the encoder's "these look alike". Saved as JSON: no pickle.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from burhan.search.dense import Encoder, EncoderPool, clip
from burhan.stance.alignment import FEATURE_NAMES as ALIGNMENT_FEATURES
from burhan.stance.alignment import alignment_matrix
from burhan.stance.corpora import EVIDENCE_LABELS, MAX_WORDS
from burhan.linear import StandardisedLogistic
from burhan.mlp import MLPEnsemble, classifier_from_dict

FORMAT_VERSION = 1


class EvidenceModel:
    """fit / predict_proba / predict / save / load, like a scikit-learn estimator."""

    def __init__(self, encoders: tuple[str, ...] = ("e5-small",), use_embedding: bool = True,
                 use_alignment: bool = True, C: float = 0.1, clip_z: float | None = 5.0,
                 alignment_weight: float = 1.0, hidden: int = 0, alpha: float = 1.0, members: int = 5,
                 seed: int = 13):
        if not (use_embedding or use_alignment):
            raise ValueError("the evidence model needs the embedding, the alignment features, or both")
        self.encoders = tuple(encoders)
        self.use_embedding = use_embedding
        self.use_alignment = use_alignment
        self.C = C
        self.clip_z = clip_z
        self.alignment_weight = alignment_weight
        self.hidden = hidden  # 0: logistic regression (C); else an MLPEnsemble (alpha, members)
        self.alpha = alpha
        self.members = members
        self.seed = seed
        self.classifier: StandardisedLogistic | None = None
        self._encoders = EncoderPool()

    def params(self) -> dict:
        return {"encoders": list(self.encoders), "use_embedding": self.use_embedding,
                "use_alignment": self.use_alignment, "C": self.C, "clip_z": self.clip_z,
                "alignment_weight": self.alignment_weight, "hidden": self.hidden, "alpha": self.alpha,
                "members": self.members, "seed": self.seed}

    def set_encoders(self, encoders: dict[str, Encoder]) -> EvidenceModel:
        """Use these encoders (for instance ``CachedEncoder``s over a store) instead of the shared ones."""
        self._encoders.set(encoders)
        return self

    def encoder(self, name: str) -> Encoder:
        return self._encoders.get(name)

    def features(self, claims: list[str], sentences: list[str]) -> np.ndarray:
        claims = [clip(c, MAX_WORDS) for c in claims]
        sentences = [clip(s, MAX_WORDS) for s in sentences]
        parts = []
        if self.use_embedding:
            for name in self.encoders:
                u = self.encoder(name).encode(claims, "query")
                v = self.encoder(name).encode(sentences, "passage")
                parts += [u, v, np.abs(u - v), u * v]
        if self.use_alignment:
            parts.append(self.alignment_weight * alignment_matrix(claims, sentences))
        return np.hstack(parts).astype(np.float64)

    def n_embedding_columns(self, n_columns: int) -> int:
        return n_columns - len(ALIGNMENT_FEATURES) if self.use_alignment else n_columns

    def fit(self, claims: list[str], sentences: list[str], labels: list[str]) -> EvidenceModel:
        unknown = set(labels) - set(EVIDENCE_LABELS)
        if unknown:
            raise ValueError(f"unknown evidence labels: {sorted(unknown)}")
        return self.fit_features(self.features(claims, sentences), labels)

    def fit_features(self, X: np.ndarray, labels: list[str], sample_weight: np.ndarray | None = None) -> EvidenceModel:
        """Fit on features already computed by ``features`` (model selection reuses them)."""
        n_standardised = self.n_embedding_columns(X.shape[1])
        if self.hidden:
            self.classifier = MLPEnsemble(hidden=self.hidden, alpha=self.alpha, members=self.members, seed=self.seed,
                                          n_standardised=n_standardised, clip=self.clip_z)
        else:
            self.classifier = StandardisedLogistic(C=self.C, clip=self.clip_z, max_iter=3000,
                                                   n_standardised=n_standardised)
        self.classifier.fit(X, list(labels), sample_weight)
        return self

    def predict_proba(self, claims: list[str], sentences: list[str]) -> np.ndarray:
        """Columns in ``EVIDENCE_LABELS`` order (supports, refutes, neutral)."""
        if not claims:
            return np.zeros((0, len(EVIDENCE_LABELS)))
        return self.proba_from_features(self.features(claims, sentences))

    def proba_from_features(self, X: np.ndarray) -> np.ndarray:
        if self.classifier is None:
            raise RuntimeError("the evidence model is not fitted")
        probs = self.classifier.predict_proba(X)
        out = np.zeros((len(X), len(EVIDENCE_LABELS)))
        for column, label in enumerate(EVIDENCE_LABELS):
            if label in self.classifier.classes:
                out[:, column] = probs[:, self.classifier.classes.index(label)]
        return out

    def predict(self, claims: list[str], sentences: list[str]) -> list[str]:
        return [EVIDENCE_LABELS[i] for i in self.predict_proba(claims, sentences).argmax(axis=1)]

    def to_dict(self, card: dict | None = None) -> dict:
        if self.classifier is None:
            raise RuntimeError("the evidence model is not fitted")
        return {"format": FORMAT_VERSION, "labels": list(EVIDENCE_LABELS), "params": self.params(),
                "alignment_features": list(ALIGNMENT_FEATURES) if self.use_alignment else [],
                "classifier": self.classifier.to_dict(), "card": card or {}}

    @classmethod
    def from_dict(cls, payload: dict, origin: str = "evidence model") -> EvidenceModel:
        if payload.get("format") != FORMAT_VERSION:
            raise ValueError(f"{origin}: unsupported evidence model format {payload.get('format')}")
        if payload["alignment_features"] and payload["alignment_features"] != list(ALIGNMENT_FEATURES):
            raise ValueError(f"{origin}: trained with other alignment features; retrain it ('burhan train evidence')")
        model = cls(**payload["params"])
        model.classifier = classifier_from_dict(payload["classifier"])
        return model

    def save(self, path: str | Path, card: dict | None = None) -> None:
        Path(path).write_text(json.dumps(self.to_dict(card), ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> EvidenceModel:
        try:
            payload = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as err:
            raise ValueError(f"cannot read evidence model {path}: {err}") from None
        return cls.from_dict(payload, str(path))
