"""Verdict evaluation and training on Unified-FC (true/false claims about the Syrian war).

All article texts of the folder go into one fresh store (normal cleaning and duplicate
linking). Evidence for a claim is either its own articles (``gold``) or what the engine
retrieves from the whole corpus (``retrieved``, hybrid search, top ``k``).

Nothing a model sees was fitted on the claim it is scored on. In fold-``f`` CV the stance
model and the reliability table that describe the *test* claims are trained on the other
folds; those that describe the *training* claims of the verdict model are trained on the
folds left after also removing the training claim's own fold (nested CV), so the verdict
model learns from stance scores as noisy as the ones it will meet. The shipped verdict
model is fitted the same way: each claim's evidence scored by models trained without
its fold.

Baselines run by the same command: majority class; the gold-stance rule (≥1 agree and no
disagree among the claim's own articles → true; gold stances, so an upper-bound style
reference); and "claim surface only" (a logistic regression on the claim's length and
shape — the dataset artefact a verdict model must not lean on).
"""

from __future__ import annotations

import json

import re
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from burhan.domain import BASES, VERDICTS, Article, Claim
from burhan.engine import Engine
from burhan.evaluation.retrieval import build_corpus
from burhan.evaluation.stance import classification_report, unifiedfc_pairs
from burhan.ingest.benchmarks import LabelledClaim, load_splits, load_unifiedfc
from burhan.ingest.readers import domain_of
from burhan.search import Searcher
from burhan.search.dense import DEFAULT_ENCODER
from burhan.stance import StanceModel
from burhan.store import Store
from burhan.stance.training import EvidenceTrainer
from burhan.verdict.model import FEATURES, VerdictModel, evidence_basis, evidence_features
from burhan.verdict.reliability import SourceReliability

EVIDENCE_MODES = ("gold", "retrieved")
Progress = Callable[[str, int, int], None]


def learn_reliability(claims: list[LabelledClaim]) -> SourceReliability:
    """Per-domain share of right calls among the agree/disagree articles of ``claims``."""
    return SourceReliability().fit(
        (domain_of(a.url), (a.stance == "agree") == (c.fact == "true"))
        for c in claims for a in c.articles if a.stance in ("agree", "disagree")
    )


def train_stance_model(claims: list[LabelledClaim], evidence=None, seed: int = 13, **params) -> StanceModel:
    pairs, labels, _, _ = unifiedfc_pairs(claims)
    return StanceModel(seed=seed, evidence=evidence, **params).fit(pairs, labels)


def _check_mode(evidence: str) -> None:
    if evidence not in EVIDENCE_MODES:
        raise ValueError(f"unknown evidence mode {evidence!r}; choose from {', '.join(EVIDENCE_MODES)}")


class VerdictBench:
    """One corpus, the claims' candidate evidence, and fold-aware feature rows."""

    def __init__(self, claims: list[LabelledClaim], store: Store, evidence: str = "retrieved", k: int = 20,
                 encoder: str = DEFAULT_ENCODER, workers: int = 2, on_progress: Progress | None = None,
                 evidence_trainer: EvidenceTrainer | None = None, stance_params: dict | None = None):
        _check_mode(evidence)
        self.claims = claims
        self.stance_params = stance_params or {}
        self.on_progress = on_progress
        ids = build_corpus(claims, store, workers)
        self.searcher = Searcher(store, encoder=encoder)
        if evidence == "gold":
            self.candidates = [list(dict.fromkeys(i for i in claim_ids if i is not None)) for claim_ids in ids]
            self.searcher.sync(embed=False)
        else:
            self.searcher.sync(embed=True, on_embed=(lambda d, t: on_progress("embed", d, t)) if on_progress else None)
            self.candidates = []
            for n, claim in enumerate(claims, start=1):
                self.candidates.append([a for a, _ in self.searcher.rank_articles(claim.claim, k, "hybrid")])
                if on_progress:
                    on_progress("retrieve", n, len(claims))
        self.store = store
        self.evidence_trainer = evidence_trainer
        self._models: dict[frozenset, tuple[StanceModel, SourceReliability]] = {}
        self._articles: dict[int, Article] = {}  # read once, scored by every fold's models

    def articles(self, i: int) -> list[Article]:
        """The candidate articles of claim ``i``."""
        missing = [a for a in self.candidates[i] if a not in self._articles]
        self._articles.update((a.id, a) for a in self.store.articles(missing))
        return [self._articles[a] for a in self.candidates[i]]

    def models_without(self, excluded: frozenset[int], folds: list[set[str]]) -> tuple[StanceModel, SourceReliability]:
        """Stance model and reliability table trained on the claims outside the ``excluded`` folds."""
        if excluded not in self._models:
            held_out = set().union(*(folds[f] for f in excluded))
            training = [c for c in self.claims if c.id not in held_out]
            evidence = self.evidence_trainer.fit(frozenset(held_out)) if self.evidence_trainer else None
            self._models[excluded] = (train_stance_model(training, evidence, **self.stance_params),
                                      learn_reliability(training))
        return self._models[excluded]

    def features(self, indices: list[int], stance: StanceModel, reliability: SourceReliability,
                 label: str = "score") -> tuple[np.ndarray, list[str]]:
        """Per claim: its ``evidence_features`` row, and its ``evidence_basis``."""
        engine = Engine(self.store, self.searcher, stance, VerdictModel(), reliability)
        X, bases = np.zeros((len(indices), len(FEATURES))), []
        for n, i in enumerate(indices):
            evidence, numbers, places, _ = engine.assess(Claim(self.claims[i].claim), self.articles(i))
            X[n] = evidence_features(evidence, numbers, places)
            bases.append(evidence_basis(evidence, numbers, engine.verdict_model.min_coverage))
            if self.on_progress:
                self.on_progress(label, n + 1, len(indices))
        return X, bases

    def out_of_fold_features(self, indices: list[int], fold_of: list[int], folds: list[set[str]],
                             also_excluded: frozenset[int] = frozenset()) -> tuple[np.ndarray, list[str]]:
        """``features`` for ``indices``, each claim described by models trained without its own
        fold (and without ``also_excluded``)."""
        X, bases = np.zeros((len(indices), len(FEATURES))), [""] * len(indices)
        for g in sorted({fold_of[i] for i in indices}):
            members = [n for n, i in enumerate(indices) if fold_of[i] == g]
            stance, reliability = self.models_without(also_excluded | {g}, folds)
            X[members], found = self.features([indices[n] for n in members], stance, reliability, f"fold {g + 1}")
            for n, basis in zip(members, found):
                bases[n] = basis
        return X, bases


# -- metrics -----------------------------------------------------------------------------

def expected_calibration_error(p_true: np.ndarray, truth: np.ndarray, bins: int = 10) -> float:
    """ECE of the binary prediction: |accuracy − confidence| per confidence bin, weighted."""
    p_true, truth = np.asarray(p_true, dtype=float), np.asarray(truth, dtype=bool)
    if not len(p_true):
        return 0.0
    confidence = np.maximum(p_true, 1 - p_true)
    correct = (p_true > 0.5) == truth
    edges = np.linspace(0.5, 1.0, bins + 1)
    ece = 0.0
    for lo, hi in zip(edges[:-1], edges[1:]):
        members = (confidence >= lo) & ((confidence < hi) | (hi == 1.0))
        if members.any():
            ece += members.mean() * abs(correct[members].mean() - confidence[members].mean())
    return round(float(ece), 4)


def basis_report(gold: list[str], predicted: list[str], bases: list[str]) -> dict:
    """The share of each basis, and the accuracy of the decided (true/false) claims."""
    decided = [(g, q) for g, q in zip(gold, predicted) if q != "not_enough_evidence"]
    return {
        "basis_share": {b: round(sum(x == b for x in bases) / max(1, len(bases)), 4) for b in BASES},
        "decided": len(decided),
        "decided_accuracy": round(float(np.mean([g == q for g, q in decided])), 4) if decided else None,
    }


def verdict_report(gold: list[str], predicted: list[str], p_true: list[float] | None = None) -> dict:
    """Accuracy and macro-F1 over true/false (``not_enough_evidence`` counts as wrong)."""
    report = classification_report(gold, predicted, labels=("true", "false"), confusion_labels=VERDICTS)
    report["claims"] = report.pop("pairs")
    report["not_enough_evidence"] = sum(q == "not_enough_evidence" for q in predicted)
    if p_true is not None:
        report["ece"] = expected_calibration_error(np.array(p_true), np.array([g == "true" for g in gold]))
    return report


# -- baselines -----------------------------------------------------------------------------

def decide_kept_fold(params: dict, fold: dict) -> list[tuple[str, float | None, float]]:
    """``VerdictModel(**params)`` fitted on one outer fold's kept training rows (the features file
    ``cross_validate_verdict(features_out=…)`` writes), deciding that fold's test rows."""
    model = VerdictModel(**params).fit(np.array(fold["X_train"]), [g == "true" for g in fold["train_gold"]],
                                       fold.get("train_bases"))
    return [model.decide(np.array(x), b) for x, b in zip(fold["X_test"], fold["test_bases"])]


def score_kept_folds(params: dict, folds: list[dict], per_fold: bool = False) -> dict:
    """``decide_kept_fold`` over every kept outer fold, pooled into ``verdict_report`` and
    ``basis_report`` (with ``per_fold``: each fold's accuracy and ECE too), as the verdict
    studies read them."""
    gold, predicted, p_true, bases, reports = [], [], [], [], []
    for fold in folds:
        decisions = decide_kept_fold(params, fold)
        if per_fold:
            reports.append(verdict_report(fold["test_gold"], [d[0] for d in decisions], [d[2] for d in decisions]))
        gold += fold["test_gold"]
        predicted += [d[0] for d in decisions]
        p_true += [d[2] for d in decisions]
        bases += fold["test_bases"]
    report = verdict_report(gold, predicted, p_true)
    report.update(basis_report(gold, predicted, bases))
    if per_fold:
        report["accuracy_per_fold"] = [r["accuracy"] for r in reports]
        report["ece_per_fold"] = [r["ece"] for r in reports]
    return report


def score_variants(variants: dict[str, dict], folds: list[dict], show: Callable[[str], None] | None = None) -> dict:
    """``score_kept_folds`` (per fold) of each named set of ``VerdictModel`` params on the same
    kept rows; ``show`` gets one summary line per variant."""
    result = {}
    for name, params in variants.items():
        report = result[name] = score_kept_folds(params, folds, per_fold=True)
        if show:
            show(f"{name:24} accuracy {report['accuracy']:.4f}  ECE {report['ece']:.4f}  "
                 f"NEE {report.get('not_enough_evidence')}  per fold {report['accuracy_per_fold']}")
    return result


def gold_stance_rule(claim: LabelledClaim) -> str:
    stances = [a.stance for a in claim.articles if a.text.strip()]
    return "true" if "agree" in stances and "disagree" not in stances else "false"


def surface_features(text: str) -> list[float]:
    words = text.split()
    return [len(words), len(text), sum(ch.isdigit() for ch in text), len(re.findall(r"[^\w\s]", text)),
            float(np.mean([len(w) for w in words])) if words else 0.0]


# -- protocols -------------------------------------------------------------------------------

@contextmanager
def corpus_store(db: str | Path | None) -> Iterator[Store]:
    """The evaluation corpus: a temporary store, or ``db`` kept between runs so that its
    vectors are computed once (the articles are the same on every run)."""
    if db is not None:
        with Store(db, create=True) as store:
            yield store
        return
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "verdict.db") as store:
        yield store


def _fold_index(claims: list[LabelledClaim], splits: str | Path) -> tuple[list[int], list[set[str]]]:
    folds = [set(f) for f in load_splits(splits)]
    fold_of = []
    for claim in claims:
        where = [f for f, members in enumerate(folds) if claim.id in members]
        fold_of.append(where[0] if where else -1)
    return fold_of, folds


def cross_validate_verdict(directory: str | Path, splits: str | Path, evidence: str = "retrieved", k: int = 20,
                           encoder: str = DEFAULT_ENCODER, workers: int = 2, baselines: bool = True,
                           model_params: dict | None = None, db: str | Path | None = None,
                           on_progress: Progress | None = None, datasets: str | Path | None = None,
                           evidence_trainer: EvidenceTrainer | None = None, variants: dict[str, dict] | None = None,
                           features_out: str | Path | None = None, stance_params: dict | None = None) -> dict:
    """Claim-level CV of the whole judgement. Each fold's evidence model is trained without that
    fold's labelled lines, by ``evidence_trainer`` (default: one over ``datasets``, the folder
    the evidence model trains from, by default the one above ``directory``). ``variants``:
    other verdict-model settings (name → params over ``model_params``) scored on the same
    out-of-fold features, reported under ``"variants"``. ``features_out``: a JSON file to keep
    those features in (per fold: the claims, their rows, bases and gold labels), so that a
    later study of the verdict model alone needs no stance or evidence model."""
    _check_mode(evidence)
    claims = load_unifiedfc(directory)
    fold_of, folds = _fold_index(claims, splits)
    scored = [i for i, f in enumerate(fold_of) if f >= 0]
    gold = ["true" if c.fact == "true" else "false" for c in claims]
    predicted, p_true, order, bases = [], [], [], []
    per_fold = []
    variant_runs: dict[str, dict[str, list]] = {name: {"predicted": [], "p_true": []} for name in variants or {}}
    kept_features = []
    trainer = evidence_trainer or EvidenceTrainer(datasets or Path(directory).resolve().parent)
    with corpus_store(db) as store:
        bench = VerdictBench(claims, store, evidence, k, encoder, workers, on_progress, trainer, stance_params)
        for f in sorted({fold_of[i] for i in scored}):
            train = [i for i in scored if fold_of[i] != f]
            test = [i for i in scored if fold_of[i] == f]
            X_train, train_bases = bench.out_of_fold_features(train, fold_of, folds, also_excluded=frozenset({f}))
            model = VerdictModel(**(model_params or {})).fit(X_train, [gold[i] == "true" for i in train], train_bases)
            X_test, test_bases = bench.out_of_fold_features(test, fold_of, folds)
            kept_features.append({"fold": f + 1, "train": [claims[i].id for i in train], "X_train": X_train.tolist(),
                                  "train_gold": [gold[i] for i in train], "test": [claims[i].id for i in test],
                                  "train_bases": train_bases, "X_test": X_test.tolist(), "test_bases": test_bases,
                                  "test_gold": [gold[i] for i in test]})
            decisions = [model.decide(x, b) for x, b in zip(X_test, test_bases)]
            per_fold.append(verdict_report([gold[i] for i in test], [d[0] for d in decisions], [d[2] for d in decisions]))
            predicted += [d[0] for d in decisions]
            p_true += [d[2] for d in decisions]
            for name, params in (variants or {}).items():
                other = VerdictModel(**{**(model_params or {}), **params}).fit(
                    X_train, [gold[i] == "true" for i in train], train_bases)
                found = [other.decide(x, b) for x, b in zip(X_test, test_bases)]
                variant_runs[name]["predicted"] += [d[0] for d in found]
                variant_runs[name]["p_true"] += [d[2] for d in found]
            bases += test_bases
            order += test
        articles = store.stats()["articles"]
    result = verdict_report([gold[i] for i in order], predicted, p_true)
    result.update(basis_report([gold[i] for i in order], predicted, bases))
    result["accuracy_per_fold"] = [r["accuracy"] for r in per_fold]
    result["ece_per_fold"] = [r["ece"] for r in per_fold]
    result.update({"evidence": evidence, "k": k if evidence == "retrieved" else None, "folds": len(per_fold),
                   "articles": len({a for c in bench.candidates for a in c}) if evidence == "gold" else articles})
    if features_out:
        Path(features_out).write_text(json.dumps({"features": list(FEATURES), "folds": kept_features}), encoding="utf-8")
    if variants:
        result["variants"] = {}
        for name, run in variant_runs.items():
            report = verdict_report([gold[i] for i in order], run["predicted"], run["p_true"])
            report.update(basis_report([gold[i] for i in order], run["predicted"], bases))
            result["variants"][name] = {"params": variants[name], **report}
    if baselines:
        result["baselines"] = _baselines(claims, scored, fold_of, gold)
    return result


def _baselines(claims, scored, fold_of, gold) -> dict:
    majority, surface, surface_p = [], [], []
    order = []
    for f in sorted({fold_of[i] for i in scored}):
        train = [i for i in scored if fold_of[i] != f]
        test = [i for i in scored if fold_of[i] == f]
        values, counts = np.unique([gold[i] for i in train], return_counts=True)
        majority += [str(values[np.argmax(counts)])] * len(test)
        lr = LogisticRegression(max_iter=2000).fit([surface_features(claims[i].claim) for i in train],
                                                  [gold[i] for i in train])
        probs = lr.predict_proba([surface_features(claims[i].claim) for i in test])[:, list(lr.classes_).index("true")]
        surface += ["true" if p > 0.5 else "false" for p in probs]
        surface_p += list(probs)
        order += test
    ordered_gold = [gold[i] for i in order]
    return {
        "majority": verdict_report(ordered_gold, majority),
        "gold_stance_rule": verdict_report(ordered_gold, [gold_stance_rule(claims[i]) for i in order]),
        "claim_surface_only": verdict_report(ordered_gold, surface, surface_p),
    }


def evaluate_verdict_model(directory: str | Path, model: VerdictModel, reliability: SourceReliability,
                           stance: StanceModel, evidence: str = "retrieved", k: int = 20,
                           encoder: str = DEFAULT_ENCODER, workers: int = 2, db: str | Path | None = None,
                           on_progress: Progress | None = None) -> dict:
    """Score given models on every claim of ``directory`` (in-sample if they were trained on it)."""
    claims = load_unifiedfc(directory)
    with corpus_store(db) as store:
        bench = VerdictBench(claims, store, evidence, k, encoder, workers, on_progress)
        X, bases = bench.features(list(range(len(claims))), stance, reliability)
    decisions = [model.decide(x, b) for x, b in zip(X, bases)]
    gold = ["true" if c.fact == "true" else "false" for c in claims]
    report = verdict_report(gold, [d[0] for d in decisions], [d[2] for d in decisions])
    report.update(basis_report(gold, [d[0] for d in decisions], bases))
    report.update({"evidence": evidence, "k": k if evidence == "retrieved" else None})
    return report


def train_verdict(directory: str | Path, splits: str | Path, out: str | Path, evidence: str = "retrieved",
                  k: int = 20, encoder: str = DEFAULT_ENCODER, workers: int = 2, db: str | Path | None = None,
                  on_progress: Progress | None = None, datasets: str | Path | None = None) -> VerdictModel:
    """Fit the verdict model on out-of-fold evidence features of every claim; save it with the
    reliability table learned from all claims."""
    _check_mode(evidence)
    claims = load_unifiedfc(directory)
    fold_of, folds = _fold_index(claims, splits)
    scored = [i for i, f in enumerate(fold_of) if f >= 0]
    trainer = EvidenceTrainer(datasets or Path(directory).resolve().parent)
    with corpus_store(db) as store:
        bench = VerdictBench(claims, store, evidence, k, encoder, workers, on_progress, trainer)
        X, bases = bench.out_of_fold_features(scored, fold_of, folds)
    model = VerdictModel().fit(X, [claims[i].fact == "true" for i in scored], bases)
    model.save(out, reliability=learn_reliability(claims).to_dict(), card={
        "command": f"burhan train verdict --data {directory} --splits {splits} --evidence {evidence} --k {k} --out {out}",
        "data": f"Unified-FC: {len(scored)} claims in {len(folds)} folds",
        "evidence": evidence, "k": k, "encoder": encoder,
    })
    return model
