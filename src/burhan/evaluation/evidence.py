"""Evaluation of the sentence-level evidence model: ANS dev (agree → supports, disagree →
refutes, other → neutral), the held-out part of ANS train, and synthetic pairs per edit."""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from burhan.evaluation.stance import classification_report
from burhan.stance.corpora import EVIDENCE_LABELS, SentencePairs
from burhan.stance.evidence import EvidenceModel


def evidence_report(model: EvidenceModel, pairs: SentencePairs, X: np.ndarray | None = None) -> dict:
    """Accuracy, macro-F1 and per-class scores over supports / refutes / neutral; with
    synthetic pairs, the accuracy of each edit kind too. ``X``: features already computed."""
    probs = model.proba_from_features(X) if X is not None else model.predict_proba(pairs.claims, pairs.sentences)
    predicted = [EVIDENCE_LABELS[i] for i in probs.argmax(axis=1)]
    labels = [label for label in EVIDENCE_LABELS if label in set(pairs.labels)]
    report = classification_report(pairs.labels, predicted, labels=labels)
    by_origin: dict[str, list[bool]] = defaultdict(list)
    for origin, gold, guess in zip(pairs.origins, pairs.labels, predicted):
        by_origin[origin].append(gold == guess)
    if len(by_origin) > 1:
        report["accuracy_by_origin"] = {o: round(float(np.mean(v)), 4) for o, v in sorted(by_origin.items())}
    return report
