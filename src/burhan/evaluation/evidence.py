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


class MajorityEvidence:
    """Always the most frequent training label."""

    def fit(self, pairs: SentencePairs) -> "MajorityEvidence":
        values, counts = np.unique(pairs.labels, return_counts=True)
        self.label = str(values[np.argmax(counts)])
        return self

    def predict(self, pairs: SentencePairs) -> list[str]:
        return [self.label] * len(pairs)


class TfidfEvidence:
    """TF-IDF of the analysed claim and sentence (two blocks) and a logistic regression."""

    def fit(self, pairs: SentencePairs) -> "TfidfEvidence":
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        from burhan.text.tokens import analyze

        self.claims = TfidfVectorizer(analyzer=analyze, min_df=2, sublinear_tf=True).fit(pairs.claims)
        self.sentences = TfidfVectorizer(analyzer=analyze, min_df=2, sublinear_tf=True).fit(pairs.sentences)
        self.model = LogisticRegression(max_iter=3000, class_weight="balanced").fit(self._x(pairs), pairs.labels)
        return self

    def _x(self, pairs: SentencePairs):
        from scipy.sparse import hstack

        return hstack([self.claims.transform(pairs.claims), self.sentences.transform(pairs.sentences)]).tocsr()

    def predict(self, pairs: SentencePairs) -> list[str]:
        return list(self.model.predict(self._x(pairs)))


def baseline_reports(train: SentencePairs, test: SentencePairs, wave1=None) -> dict:
    """Baselines trained on ``train`` (the kept part of ANS train), scored on ``test``: majority,
    TF-IDF + LR, plain e5 LR on ``[u, v, |u − v|, u ⊙ v]``, and the wave-1 sentence-pair scorer
    (``wave1``: a wave-1 ``StanceModel`` file's scorer, trained on all of ANS train)."""
    labels = [label for label in EVIDENCE_LABELS if label in set(test.labels)]
    out = {name: classification_report(test.labels, model.fit(train).predict(test), labels=labels)
           for name, model in (("majority", MajorityEvidence()), ("tfidf_logreg", TfidfEvidence()))}
    plain = EvidenceModel(use_alignment=False, C=0.03).fit(train.claims, train.sentences, train.labels)
    out["plain_e5_logreg"] = evidence_report(plain, test)
    if wave1 is not None:
        probs = wave1.score_sentence_pairs(test.claims, test.sentences)  # agree, disagree, other
        names = {"agree": "supports", "disagree": "refutes", "other": "neutral"}
        from burhan.stance.pairs import PAIR_LABELS

        predicted = [names[PAIR_LABELS[i]] for i in probs.argmax(axis=1)]
        out["wave1_pair_scorer"] = classification_report(test.labels, predicted, labels=labels)
    return out
