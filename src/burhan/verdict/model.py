"""From scored evidence to a verdict: true / false / not_enough_evidence, with confidence.

1. ``merge_copies``: copies of one story (the store's duplicate links) count once; the copy
   most related to the claim speaks for the story, the others are listed under it.
2. ``evidence_features``: a fixed-length description of the evidence a fact-checker would
   weigh — the strongest agreeing and disagreeing stories (stance probability × source
   reliability), their combined support (noisy-OR over independent stories), how related
   the evidence is, conflicting and matching counts, and whether the best story names the
   claim's places. Agreement from articles published before the claimed event is dropped.
   Nothing here sees the claim's wording or length, nor how many articles exist beyond
   the top few (the datasets README names both as artefacts of Unified-FC).
   Only *related* stories (stance other than unrelated) enter the features: adding
   unrelated articles to the candidates changes nothing.
3. ``evidence_basis``: why — ``supported`` (an agreeing story, no conflict), ``refuted`` (a
   disagreeing story or a conflicting count of the same thing, at least as strong as the
   support), ``unconfirmed`` (related coverage, none agreeing or disagreeing), ``no_evidence``
   (nothing related, or no article holds ``min_coverage`` of the claim's content).
4. ``VerdictModel``: a standardised logistic regression on those features gives P(true);
   conflicting and matching counts then move its log-odds by fixed prior weights
   (``count_conflict_weight``, ``count_match_weight``): Unified-FC's true claims carry more
   numbers and so more count conflicts, so the data would teach the sign backwards. The
   verdict follows the basis when P(true) is on its side by ``abstain_margin``: supported →
   true, refuted → false, unconfirmed → false only when P(true) ≤ 0.5 − ``unconfirmed_margin``;
   otherwise, and for no_evidence, ``not_enough_evidence`` with no confidence figure.
   Evidence *for* a claim may only raise P(true) and evidence *against* it only lower it
   (``SIGNS``): a feature the training data would push the other way — a dataset artefact,
   such as Unified-FC's true claims carrying more numbers and so more count conflicts — is
   left out of the fit (its weight is 0) rather than learned backwards.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from burhan.domain import Evidence, NumberCheck
from burhan.linear import StandardisedLogistic
from burhan.text.places import same_place

FEATURES = ("agree_max", "disagree_max", "agree_support", "disagree_support", "discuss_max", "related_max",
            "related_top", "number_conflict", "number_match", "place_coverage")
# the direction a feature may push P(true): +1 towards true, -1 towards false
SIGNS = {"agree_max": 1, "agree_support": 1, "number_match": 1,
         "disagree_max": -1, "disagree_support": -1, "number_conflict": -1}
TOP_STORIES = 3
FORMAT_VERSION = 2


def related(e: Evidence) -> float:
    return 1.0 - e.stance_probs.get("unrelated", 0.0)


def effective_agree(e: Evidence) -> float:
    return 0.0 if e.predates_claim else e.stance_probs.get("agree", 0.0)


def merge_copies(evidence: list[Evidence]) -> list[Evidence]:
    """Mark every copy of a story but one; set each item's weight in the decision."""
    by_story: dict[object, list[Evidence]] = {}
    for e in evidence:
        by_story.setdefault(e.story_id if e.story_id is not None else ("article", e.article_id), []).append(e)
    for members in by_story.values():
        members.sort(key=lambda e: (-related(e) * e.reliability, e.article_id))
        lead, copies = members[0], members[1:]
        lead.duplicate_of, lead.copies = None, [c.article_id for c in copies]
        lead.weight = 0.0 if lead.stance == "unrelated" else \
            round(lead.reliability * max(effective_agree(lead), lead.stance_probs.get("disagree", 0.0)), 4)
        for c in copies:
            c.duplicate_of, c.copies, c.weight = lead.article_id, [], 0.0
    return sorted(evidence, key=lambda e: (-e.weight, -related(e), e.article_id))


def related_leads(evidence: list[Evidence]) -> list[Evidence]:
    """The stories that speak to the claim (one article each), most related first."""
    return sorted((e for e in evidence if e.duplicate_of is None and e.stance != "unrelated"), key=lambda e: -related(e))


def conflicting_articles(evidence: list[Evidence], numbers: list[NumberCheck]) -> set[int]:
    """Related stories that give another value for a quantity the claim states."""
    return stories_with(numbers, "conflict", {e.article_id for e in related_leads(evidence)})


def stories_with(numbers: list[NumberCheck], relation: str, lead_ids: set[int]) -> set[int]:
    """The stories among ``lead_ids`` with a count of ``relation`` (match / conflict)."""
    return {n.article_id for n in numbers if n.relation == relation and n.article_id in lead_ids}


def evidence_features(evidence: list[Evidence], numbers: list[NumberCheck], claim_places: list[str]) -> np.ndarray:
    leads = related_leads(evidence)
    agree = [effective_agree(e) * e.reliability for e in leads]
    disagree = [e.stance_probs.get("disagree", 0.0) * e.reliability for e in leads]
    discuss = [e.stance_probs.get("discuss", 0.0) for e in leads]
    top = leads[:TOP_STORIES]
    lead_ids = {e.article_id for e in leads}
    conflicts = stories_with(numbers, "conflict", lead_ids)
    # a story that gives another value for one of the claim's quantities matches none of them: a
    # claim is as true as its least supported number («ألفي مدني» right, «8 ساعات» wrong)
    matches = stories_with(numbers, "match", lead_ids) - conflicts

    if claim_places and leads:
        best = leads[0]
        coverage = sum(any(same_place(p, q) for q in best.places) for p in claim_places) / len(claim_places)
    else:
        coverage = 1.0 if leads else 0.0
    return np.array([
        max(agree, default=0.0),
        max(disagree, default=0.0),
        1.0 - float(np.prod([1.0 - a for a in sorted(agree, reverse=True)[:TOP_STORIES]])),
        1.0 - float(np.prod([1.0 - d for d in sorted(disagree, reverse=True)[:TOP_STORIES]])),
        max(discuss, default=0.0),
        related(leads[0]) if leads else 0.0,
        float(np.mean([related(e) for e in top])) if top else 0.0,
        story_share(conflicts),
        story_share(matches),
        coverage,
    ], dtype=np.float64)


def story_share(ids: set[int]) -> float:
    """Stories as a feature: 0, ½ for one, 1 for two or more."""
    return min(len(ids), 2) / 2


def evidence_basis(evidence: list[Evidence], numbers: list[NumberCheck], min_coverage: float) -> str:
    """supported / refuted / unconfirmed / no_evidence (see the module's docstring)."""
    leads = related_leads(evidence)
    if not leads or best_coverage(evidence) < min_coverage:
        return "no_evidence"
    conflicts = conflicting_articles(evidence, numbers)
    against = [e for e in leads if e.stance == "disagree" or e.article_id in conflicts]
    support = [e for e in leads if e.stance == "agree" and not e.predates_claim and e.article_id not in conflicts]
    strength_against = max((max(e.stance_probs.get("disagree", 0.0), 0.5 if e.article_id in conflicts else 0.0)
                            * e.reliability for e in against), default=0.0)
    strength_for = max((effective_agree(e) * e.reliability for e in support), default=0.0)
    if against and strength_against >= strength_for:
        return "refuted"
    if support:
        return "supported"
    return "unconfirmed"


def best_coverage(evidence: list[Evidence]) -> float:
    """How much of the claim's content the best article holds (0 without evidence)."""
    return max((e.coverage for e in evidence), default=0.0)


class VerdictModel:
    """fit / predict_proba / decide / save / load."""

    # min_coverage: in Unified-FC folds 1–4 no disagree pair's article holds under 0.34 of its claim's
    # (IDF-weighted) content and 95% of agree pairs hold ≥ 0.53: less is not evidence for or against
    def __init__(self, C: float = 1.0, min_coverage: float = 0.34, min_related: float = 0.3,
                 abstain_margin: float = 0.0, unconfirmed_margin: float = 0.1, constrain_signs: bool = True,
                 count_conflict_weight: float = -3.0, count_match_weight: float = 1.0, disagree_weight: float = -1.5,
                 calibrate: bool = False, refuted_calibration: bool = False, uncontested_refutation: bool = False):
        self.C = C
        self.constrain_signs = constrain_signs
        self.min_coverage = min_coverage
        self.min_related = min_related
        self.abstain_margin = abstain_margin
        self.unconfirmed_margin = unconfirmed_margin
        # prior weights in log-odds per conflicting / matching story (0, ½ or 1 as in the features)
        self.count_conflict_weight = count_conflict_weight
        self.count_match_weight = count_match_weight
        # prior weight in log-odds per unit of the strongest disagreeing story (P(disagree) ×
        # source reliability): Unified-FC holds few disagreeing articles, so the fit gives a
        # contradiction almost no weight (disagree_max −0.12 in the shipped fit). The margins and
        # this weight were chosen by nested CV on kept out-of-fold features
        # (tools/verdict_rule_study.py; docs/studies/verdict_rule.json)
        self.disagree_weight = disagree_weight
        # Platt scaling of the final log-odds (fitted + priors) on the training rows: the priors
        # are added after the fit, so without it P(true) is not calibrated
        self.calibrate = calibrate
        self.calibration: tuple[float, float] = (1.0, 0.0)  # (slope, intercept) on the log-odds
        # Platt scaling fitted on the training claims whose basis is refuted only: what P(true)
        # means given a refutation (tools/refuted_calibration_study.py)
        self.refuted_calibration = refuted_calibration
        self.refuted_scaling: tuple[float, float] = (1.0, 0.0)
        # a refuted claim whose strongest disagreeing story outweighs the strongest agreeing one:
        # P(true) at most 1 − the share of false claims among the training claims like it
        # (tools/uncontested_refutation_study.py); None: not fitted, or no such training claim
        self.uncontested_refutation = uncontested_refutation
        self.uncontested_false_rate: float | None = None
        self.classifier: StandardisedLogistic | None = None

    def params(self) -> dict:
        return {"C": self.C, "min_coverage": self.min_coverage, "min_related": self.min_related,
                "abstain_margin": self.abstain_margin, "unconfirmed_margin": self.unconfirmed_margin,
                "constrain_signs": self.constrain_signs, "count_conflict_weight": self.count_conflict_weight,
                "count_match_weight": self.count_match_weight, "disagree_weight": self.disagree_weight,
                "calibrate": self.calibrate, "refuted_calibration": self.refuted_calibration,
                "uncontested_refutation": self.uncontested_refutation}

    def fit(self, X: np.ndarray, truth: list[bool], bases: list[str] | None = None) -> VerdictModel:
        """``X``: one ``evidence_features`` row per claim; ``truth``: whether each claim is true;
        ``bases``: each claim's ``evidence_basis`` (needed with ``refuted_calibration`` or
        ``uncontested_refutation``)."""
        labels = ["true" if t else "false" for t in truth]
        X = np.array(X, dtype=np.float64)
        left_out: set[int] = set()
        while True:
            kept = X.copy()
            kept[:, sorted(left_out)] = 0.0  # a constant column: standardised to 0, weight 0
            self.classifier = StandardisedLogistic(C=self.C, class_weight="balanced").fit(kept, labels)
            toward_true = self.classifier.coef[0] * (1.0 if self.classifier.classes[-1] == "true" else -1.0)
            wrong = {FEATURES.index(name) for name, sign in SIGNS.items()
                     if self.constrain_signs and toward_true[FEATURES.index(name)] * sign < 0}
            if not wrong - left_out:
                break
            left_out |= wrong
        for j in left_out:
            self.classifier.coef[0][j] = 0.0
            self.classifier.mean[j], self.classifier.scale[j] = 0.0, 1.0
        self.calibration = (1.0, 0.0)
        if self.calibrate:  # a slope ≤ 0 would turn the ordering round: leave it uncalibrated
            self.calibration = _platt(self._logit(X), np.asarray(truth)) or (1.0, 0.0)
        self.refuted_scaling, self.uncontested_false_rate = (1.0, 0.0), None
        if not (self.refuted_calibration or self.uncontested_refutation):
            return self
        if bases is None or len(bases) != len(X):
            raise ValueError("refuted_calibration and uncontested_refutation need the basis of every training claim")
        refuted, truth = np.array([b == "refuted" for b in bases]), np.asarray(truth)
        if self.refuted_calibration:
            # too few, or a slope ≤ 0: the refuted training claims' rate of true ones, for all
            self.refuted_scaling = _platt(self._logit(X[refuted]), truth[refuted]) or _base_rate(truth[refuted])
        alike = refuted & _uncontested(X)
        if self.uncontested_refutation and alike.any():
            self.uncontested_false_rate = round(float(1.0 - truth[alike].mean()), 4)
        return self

    def fitted_proba(self, X: np.ndarray) -> np.ndarray:
        """P(true) of the fitted model alone, before the counts' prior weights."""
        X = np.atleast_2d(np.asarray(X, dtype=np.float64))
        return self.classifier.predict_proba(X)[:, self.classifier.classes.index("true")]

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        """P(true) per row: the fitted model, then the prior weights (then Platt scaling if ``calibrate``)."""
        if self.classifier is None:
            raise RuntimeError("the verdict model is not fitted")
        return _scaled(self._logit(X), self.calibration)

    def _logit(self, X: np.ndarray) -> np.ndarray:
        """The fitted model's log-odds plus the prior weights."""
        X = np.atleast_2d(np.asarray(X, dtype=np.float64))
        p = np.clip(self.classifier.predict_proba(X)[:, self.classifier.classes.index("true")], 1e-6, 1 - 1e-6)
        return np.log(p / (1 - p)) + self.count_conflict_weight * X[:, FEATURES.index("number_conflict")] \
            + self.count_match_weight * X[:, FEATURES.index("number_match")] \
            + self.disagree_weight * X[:, FEATURES.index("disagree_max")]

    def decide(self, x: np.ndarray, basis: str) -> tuple[str, float | None, float]:
        """(verdict, confidence or None, P(true)) for one feature row and its ``evidence_basis``."""
        if self.classifier is None:
            raise RuntimeError("the verdict model is not fitted")
        refuted = basis == "refuted" and self.refuted_calibration
        p_true = float(_scaled(self._logit(x), self.refuted_scaling if refuted else self.calibration)[0])
        if basis == "refuted" and self.uncontested_false_rate is not None and _uncontested(x)[0]:
            p_true = min(p_true, 1.0 - self.uncontested_false_rate)
        best = float(x[FEATURES.index("related_max")])
        if basis == "no_evidence" or best < self.min_related:
            return "not_enough_evidence", None, p_true
        if basis == "supported" and p_true >= 0.5 + self.abstain_margin:
            return "true", round(p_true, 4), p_true
        if basis == "refuted" and p_true <= 0.5 - self.abstain_margin:
            return "false", round(1.0 - p_true, 4), p_true
        if basis == "unconfirmed" and p_true <= 0.5 - self.unconfirmed_margin:
            return "false", round(1.0 - p_true, 4), p_true
        return "not_enough_evidence", None, p_true

    def contributions(self, x: np.ndarray) -> dict[str, float]:
        """Each feature's push toward true (+) or false (−), in log-odds."""
        c = self.classifier
        z = (np.asarray(x, dtype=np.float64) - c.mean) / c.scale
        sign = 1.0 if c.classes[-1] == "true" else -1.0
        return {name: round(float(sign * c.coef[0][i] * z[i]), 4) for i, name in enumerate(FEATURES)}

    def save(self, path: str | Path, reliability: dict | None = None, card: dict | None = None) -> None:
        if self.classifier is None:
            raise RuntimeError("the verdict model is not fitted")
        payload = {"format": FORMAT_VERSION, "features": list(FEATURES), "params": self.params(),
                   "classifier": self.classifier.to_dict(), "calibration": list(self.calibration),
                   "refuted_scaling": list(self.refuted_scaling), "uncontested_false_rate": self.uncontested_false_rate,
                   "reliability": reliability, "card": card or {}}
        Path(path).write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> tuple[VerdictModel, dict | None]:
        """The model and the reliability table saved with it."""
        try:
            payload = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as err:
            raise ValueError(f"cannot read verdict model {path}: {err}") from None
        if payload.get("format") != FORMAT_VERSION or payload.get("features") != list(FEATURES):
            raise ValueError(f"{path}: not a verdict model of this version of Burhan")
        model = cls(**payload["params"])
        model.classifier = StandardisedLogistic.from_dict(payload["classifier"])
        model.calibration = tuple(payload.get("calibration", (1.0, 0.0)))
        model.refuted_scaling = tuple(payload.get("refuted_scaling", (1.0, 0.0)))
        model.uncontested_false_rate = payload.get("uncontested_false_rate")
        return model, payload.get("reliability")


def _uncontested(X: np.ndarray) -> np.ndarray:
    """Per row: does the strongest disagreeing story outweigh the strongest agreeing one?"""
    X = np.atleast_2d(np.asarray(X, dtype=np.float64))
    return X[:, FEATURES.index("disagree_max")] > X[:, FEATURES.index("agree_max")]


def _scaled(logits: np.ndarray, scaling: tuple[float, float]) -> np.ndarray:
    """σ(slope · log-odds + intercept): P(true) under a (slope, intercept) scaling."""
    slope, intercept = scaling
    return 1.0 / (1.0 + np.exp(-(slope * logits + intercept)))


def _platt(logits: np.ndarray, truth: np.ndarray) -> tuple[float, float] | None:
    """(slope, intercept) mapping these rows' log-odds to calibrated log-odds (Platt scaling), or
    None when it cannot keep their order (one class only, or a fitted slope ≤ 0)."""
    if len(truth) == 0 or truth.min() == truth.max():
        return None
    platt = LogisticRegression(C=1e4, max_iter=1000).fit(logits[:, None], truth)
    slope, intercept = float(platt.coef_[0][0]), float(platt.intercept_[0])
    return (slope, intercept) if slope > 0 else None


def _base_rate(truth: np.ndarray) -> tuple[float, float]:
    """A constant log-odds: the rows' share of true claims (kept within 1%–99%); with no rows,
    the log-odds as they are."""
    if not len(truth):
        return 1.0, 0.0
    rate = float(np.clip(truth.mean(), 0.01, 0.99))
    return 0.0, float(np.log(rate / (1 - rate)))
