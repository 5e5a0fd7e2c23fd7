"""Sentence-pair scorer: does this sentence say the claim (agree), contradict it (disagree),
or neither (other)? Trained on ANS (Khouja 2020: headline vs sentence).

Features: for each offline encoder, ``|u − v|``, ``u ⊙ v`` and ``u·v`` of the claim (query
side) and the sentence (passage side), plus lexical overlap and negation counts.
"""

from __future__ import annotations

import numpy as np

from burhan.search.dense import Encoder, clip
from burhan.linear import StandardisedLogistic
from burhan.text.normalize import normalize
from burhan.text.tokens import analyze

PAIR_LABELS = ("agree", "disagree", "other")
MAX_WORDS = 64  # scraped "sentences" can be hundreds of words of page furniture
NEGATIONS = frozenset(normalize(w) for w in "لا لم لن ليس ليست غير عدم دون نفى نفت ينفي تنفي".split())


class SentencePairScorer:
    def __init__(self, encoder_names: tuple[str, ...] = ("e5-small", "use-m3"), C: float = 0.03):
        self.encoder_names = tuple(encoder_names)
        self.C = C
        self.classifier: StandardisedLogistic | None = None

    def features(self, claims: list[str], sentences: list[str], encoders: dict[str, Encoder]) -> np.ndarray:
        parts = []
        for name in self.encoder_names:
            u = encoders[name].encode([clip(c, MAX_WORDS) for c in claims], "query")
            v = encoders[name].encode([clip(s, MAX_WORDS) for s in sentences], "passage")
            parts += [np.abs(u - v), u * v, (u * v).sum(axis=1, keepdims=True)]
        lexical = []
        for claim, sentence in zip(claims, sentences):
            a, b = set(analyze(claim, drop_stopwords=False)), set(analyze(sentence, drop_stopwords=False))
            na, nb = len(a & NEGATIONS), len(b & NEGATIONS)
            lexical.append([len(a & b) / max(1, len(a | b)), len(a & b) / max(1, len(a)), na, nb, abs(na - nb),
                            float((na > 0) != (nb > 0))])
        return np.hstack(parts + [np.asarray(lexical, dtype=np.float32)])

    def fit(self, claims: list[str], sentences: list[str], labels: list[str], encoders: dict[str, Encoder]):
        self.classifier = StandardisedLogistic(C=self.C).fit(self.features(claims, sentences, encoders), labels)
        return self

    def predict_proba(self, claims: list[str], sentences: list[str], encoders: dict[str, Encoder]) -> np.ndarray:
        """Columns in ``PAIR_LABELS`` order."""
        if not claims:
            return np.zeros((0, len(PAIR_LABELS)))
        probs = self.classifier.predict_proba(self.features(claims, sentences, encoders))
        order = [self.classifier.classes.index(label) for label in PAIR_LABELS]
        return probs[:, order]

    def to_dict(self) -> dict:
        return {"encoder_names": list(self.encoder_names), "C": self.C, "classifier": self.classifier.to_dict()}

    @classmethod
    def from_dict(cls, data: dict) -> SentencePairScorer:
        scorer = cls(tuple(data["encoder_names"]), data["C"])
        scorer.classifier = StandardisedLogistic.from_dict(data["classifier"])
        return scorer
