"""Stance evaluation: Unified-FC (4 stances, rationale lines) and ANS (agree/disagree/other).

Protocols: ``evaluate_model`` scores a trained model on every pair of a folder;
``cross_validate`` trains and tests per claim-level fold (a splits file: the paper's folds),
for our model and the baselines, each run by the same code. The article's lines are
``article.split("\\n")`` so that predicted rationale indices compare with the gold ones.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import confusion_matrix, f1_score, precision_recall_fscore_support

from burhan.ingest.benchmarks import LabelledClaim, load_splits, load_unifiedfc
from burhan.stance.model import LABELS, PairTraining, StanceModel, StancePair, StancePrediction
from burhan.stance.pairs import PAIR_LABELS
from burhan.text.tokens import analyze

ANS_LABELS = ("agree", "disagree", "other")


def unifiedfc_pairs(claims: list[LabelledClaim]):
    """``(pairs, labels, gold_rationales, claim_ids)`` for every non-empty article."""
    pairs, labels, rationales, owners = [], [], [], []
    for claim in claims:
        for article in claim.articles:
            if not article.text.strip():
                continue
            pairs.append(StancePair(claim.claim, article.text.split("\n")))
            labels.append(article.stance)
            rationales.append(article.rationale)
            owners.append(claim.id)
    return pairs, labels, rationales, owners


def classification_report(gold: list[str], predicted: list[str], labels=LABELS, confusion_labels=None) -> dict:
    """Accuracy, macro-F1 and per-class scores over ``labels``; the confusion matrix over
    ``confusion_labels`` (default: the same), which may add predicted-only labels."""
    confusion_labels = list(confusion_labels or labels)
    p, r, f, support = precision_recall_fscore_support(gold, predicted, labels=list(labels), zero_division=0)
    return {
        "accuracy": round(float(np.mean([g == q for g, q in zip(gold, predicted)])), 4),
        "macro_f1": round(float(f1_score(gold, predicted, labels=list(labels), average="macro", zero_division=0)), 4),
        "per_class": {label: {"precision": round(float(p[i]), 4), "recall": round(float(r[i]), 4),
                              "f1": round(float(f[i]), 4), "support": int(support[i])} for i, label in enumerate(labels)},
        "confusion": {"labels": confusion_labels,
                      "matrix": confusion_matrix(gold, predicted, labels=confusion_labels).tolist()},
        "pairs": len(gold),
    }


def rationale_report(gold_labels, gold_lines, predictions) -> dict:
    """Micro precision/recall/F1 of predicted rationale line indices on gold agree/disagree pairs."""
    hit = predicted_n = gold_n = 0
    for label, gold, prediction in zip(gold_labels, gold_lines, predictions):
        if label not in ("agree", "disagree"):
            continue
        chosen = {s.index for s in prediction.rationale}
        hit += len(chosen & set(gold))
        predicted_n += len(chosen)
        gold_n += len(gold)
    precision = hit / predicted_n if predicted_n else 0.0
    recall = hit / gold_n if gold_n else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def evaluate_model(model: StanceModel, directory: str | Path) -> dict:
    pairs, labels, rationales, _ = unifiedfc_pairs(load_unifiedfc(directory))
    predictions = model.predict(pairs)
    report = classification_report(labels, [p.label for p in predictions])
    report["rationale"] = rationale_report(labels, rationales, predictions)
    return report


# -- baselines, run by the same CV code ---------------------------------------------------

class MajorityBaseline:
    def fit(self, pairs, labels):
        values, counts = np.unique(labels, return_counts=True)
        self.label = values[np.argmax(counts)]
        return self

    def predict_labels(self, pairs):
        return [self.label] * len(pairs)


class TfidfLogisticBaseline:
    """TF-IDF of claim and article (analysed tokens), their cosine, and a logistic regression."""

    def fit(self, pairs, labels):
        self.vectorizer = TfidfVectorizer(analyzer=analyze, min_df=2, sublinear_tf=True, max_features=50_000)
        self.vectorizer.fit([p.claim for p in pairs] + [" ".join(p.sentences) for p in pairs])
        self.model = LogisticRegression(max_iter=2000, class_weight="balanced", C=1.0)
        self.model.fit(self._features(pairs), labels)
        return self

    def _features(self, pairs):
        from scipy.sparse import hstack, csr_matrix

        claims = self.vectorizer.transform([p.claim for p in pairs])
        articles = self.vectorizer.transform([" ".join(p.sentences) for p in pairs])
        cosine = np.asarray(claims.multiply(articles).sum(axis=1))
        return hstack([claims.multiply(articles), csr_matrix(cosine * 10)]).tocsr()

    def predict_labels(self, pairs):
        return list(self.model.predict(self._features(pairs)))


def fold_splits(owners: list[str], folds: list[list[str]]):
    """Per Unified-FC fold with claims among ``owners`` (each pair's claim id): the fold's claim ids,
    the indices of the pairs to train on (the other folds') and of those to test on. Yields
    ``(k, held_out, train, test)``, ``k`` the fold's place in ``folds``."""
    known = set(owners)
    for k, fold in enumerate(folds):
        held_out = frozenset(set(fold) & known)
        test = [i for i, o in enumerate(owners) if o in held_out]
        if test:
            yield k, held_out, [i for i, o in enumerate(owners) if o not in held_out], test


def cross_validate(directory: str | Path, splits: str | Path, make_model: Callable[[frozenset[str]], object],
                   pair_training: PairTraining | None = None,
                   on_fold: Callable[[int, int], None] | None = None, kept: list[dict] | None = None) -> dict:
    """Train on all folds but one, test on it, for each fold; mean ± sd of the fold scores.
    ``make_model(test_claim_ids)`` gives a fresh model that has seen nothing of those claims
    (an evidence model inside it is trained without their labelled lines).
    ``pair_training`` (ANS train) feeds the wave-1 sentence-pair scorer of a ``StanceModel``.
    ``kept``: a ``StanceModel``'s out-of-fold probabilities are appended to it, one dict per fold
    (``gold``, ``probs`` and ``edited_probs`` of ``contradicted_pairs``, columns in ``LABELS`` order)."""
    claims = load_unifiedfc(directory)
    pairs, labels, rationales, owners = unifiedfc_pairs(claims)
    folds = load_splits(splits)
    per_fold = []
    for k, held_out, train, test in fold_splits(owners, folds):
        model = make_model(held_out)
        train_pairs, train_labels = [pairs[i] for i in train], [labels[i] for i in train]
        gold = [labels[i] for i in test]
        if isinstance(model, StanceModel):
            model.fit(train_pairs, train_labels, pair_training if model.use_embeddings else None)
            predictions = model.predict([pairs[i] for i in test])
            report = classification_report(gold, [p.label for p in predictions])
            report["rationale"] = rationale_report(gold, [rationales[i] for i in test], predictions)
            edited = contradicted_pairs([pairs[i] for i, g in zip(test, gold) if g == "agree"])
            edited_predictions = model.predict(edited) if edited else []
            report["contradiction"] = contradiction_report(edited_predictions)
            if kept is not None:
                kept.append({"gold": gold, "probs": [[p.probs[label] for label in LABELS] for p in predictions],
                             "edited_probs": [[p.probs[label] for label in LABELS] for p in edited_predictions]})
        else:
            model.fit(train_pairs, train_labels)
            report = classification_report(gold, model.predict_labels([pairs[i] for i in test]))
        per_fold.append(report)
        if on_fold:
            on_fold(k + 1, len(folds))
    return summarise_folds(per_fold)


def out_of_fold_models(data: str | Path, seed: int = 13, **params):
    """For each Unified-FC fold (``train_test_splits.txt``, as ``cross_validate``): a
    ``StanceModel(**params)`` fitted on the other folds, its evidence model trained without the
    fold's claims, with the fold's test pairs and gold labels — for the studies that read the
    model's out-of-fold decisions (``tools/false_contradictions.py``, ``tools/refutation_grounds.py``,
    ``tools/clashing_agreements.py``).
    Yields ``(model, test_pairs, gold_labels)``."""
    from burhan.stance.training import EvidenceTrainer

    unifiedfc = Path(data) / "unifiedfc"
    pairs, labels, _, owners = unifiedfc_pairs(load_unifiedfc(unifiedfc))
    trainer = EvidenceTrainer(Path(data), seed=seed)
    for _, held_out, train, test in fold_splits(owners, load_splits(unifiedfc / "train_test_splits.txt")):
        model = StanceModel(evidence=trainer.fit(held_out), seed=seed, **params)
        model.fit([pairs[i] for i in train], [labels[i] for i in train])
        yield model, [pairs[i] for i in test], [labels[i] for i in test]


def relabelled(predictions: list[StancePrediction], where, label: str, to: str | None = None) -> list[str]:
    """The predictions' labels once ``label``'s probability is taken away where ``where`` holds —
    given to ``to``, or (``to`` None) shared among the other labels in proportion, which keeps
    their argmax: how the studies of a side rule apply it to out-of-fold probabilities."""
    out = []
    for prediction, moved in zip(predictions, where):
        probs = np.array([prediction.probs[name] for name in LABELS])
        if moved:
            if to is not None:
                probs[LABELS.index(to)] += probs[LABELS.index(label)]
            probs[LABELS.index(label)] = 0.0
        out.append(LABELS[int(np.argmax(probs))])
    return out


def summarise_folds(per_fold: list[dict]) -> dict:
    def stat(values):
        return {"mean": round(float(np.mean(values)), 4), "sd": round(float(np.std(values)), 4)}

    summary = {
        "folds": len(per_fold),
        "accuracy": stat([f["accuracy"] for f in per_fold]),
        "macro_f1": stat([f["macro_f1"] for f in per_fold]),
        "per_class_f1": {label: stat([f["per_class"][label]["f1"] for f in per_fold]) for label in LABELS},
        "disagree_f1_per_fold": [f["per_class"]["disagree"]["f1"] for f in per_fold],
        "pairs": sum(f["pairs"] for f in per_fold),
        "per_fold": per_fold,
    }
    if "rationale" in per_fold[0]:
        summary["rationale_f1"] = stat([f["rationale"]["f1"] for f in per_fold])
    if "contradiction" in per_fold[0]:
        edited = sum(f["contradiction"]["pairs"] for f in per_fold)
        summary["contradiction"] = {
            "pairs": edited,
            "disagree": round(sum(f["contradiction"]["disagree"] for f in per_fold) / max(1, edited), 4),
            "agree": round(sum(f["contradiction"]["agree"] for f in per_fold) / max(1, edited), 4)}
    return summary


def contradiction_report(edited_predictions: list[StancePrediction]) -> dict:
    """Article-level contradiction check on Unified-FC: the predictions for ``contradicted_pairs``
    of the gold *agree* pairs; a model that reads contradictions should no longer say agree
    (counts of predicted disagree and agree among the edited pairs)."""
    labels = [p.label for p in edited_predictions]
    return {"pairs": len(labels), "disagree": labels.count("disagree"), "agree": labels.count("agree")}


def contradicted_pairs(agree_pairs: list[StancePair], seed: int = 13) -> list[StancePair]:
    """Each pair's claim edited by one refuting edit of ``burhan.stance.synthetic`` (a count,
    duration, date, place or actor changed, negation toggled, an antonym predicate; kinds tried
    in a seeded random order; pairs no edit applies to are left out), against the same article."""
    import random

    from burhan.stance.synthetic import REFUTING

    rng = random.Random(seed)
    edited = []
    for pair in agree_pairs:
        for kind in rng.sample(sorted(REFUTING), len(REFUTING)):
            claim = REFUTING[kind](pair.claim, rng)
            if claim and claim != pair.claim:
                edited.append(StancePair(claim, pair.sentences, pair.title))
                break
    return edited


def load_ans(path: str | Path) -> PairTraining:
    """ANS stance CSV (``s1,s2,stance``): headline, sentence, agree/disagree/other."""
    claims, sentences, labels = [], [], []
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        missing = {"s1", "s2", "stance"} - set(reader.fieldnames or [])
        if missing:
            raise ValueError(f"{path}: not an ANS stance file (missing columns {', '.join(sorted(missing))})")
        for row in reader:
            claims.append(row["s1"])
            sentences.append(row["s2"])
            labels.append(row["stance"])
    return PairTraining(claims, sentences, labels)


def evaluate_ans(model: StanceModel, path: str | Path) -> dict:
    """ANS pairs are single sentences against a headline: scored by the model's sentence-level
    component (its evidence model; a wave-1 model's sentence-pair scorer), not the article classifier."""
    data = load_ans(path)
    probs = model.score_sentence_pairs(data.claims, data.sentences)
    predicted = [PAIR_LABELS[i] for i in probs.argmax(axis=1)]
    return classification_report(data.labels, predicted, labels=ANS_LABELS)
