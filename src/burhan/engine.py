"""The claim check, end to end: ``Engine(store).check("...")`` → ``Verdict``.

published fact-checks first (``burhan.search.factchecks``: a confident match with a clear
rating decides the verdict, ``burhan.verdict.factchecks``) → retrieve (hybrid search) → stance of each article with its rationale sentences (the
shipped ``StanceModel``) → source reliability, story independence, dates, counts and
places (``burhan.verdict``) → verdict with confidence and an explanation.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict
from functools import cache
from pathlib import Path

from burhan.domain import Article, Claim, Evidence, FactCheckMatch, Verdict
from burhan.ingest.readers import domain_of
from burhan.search import DEFAULT_ENCODER, Searcher, SearchError
from burhan.search.dense import shared_encoder
from burhan.search.factchecks import FactCheckMatcher, FactCheckRanker, MatchError
from burhan.search.sharded import searcher_for
from burhan.stance import StanceModel, StancePair
from burhan.stance.training import SHIPPED_MODEL as SHIPPED_STANCE
from burhan.store import Store
from burhan.store.corpus import open_store
from burhan.store.history import history_of
from burhan.text.analysis import analyse, analyse_all
from burhan.text.normalize import arabic_ratio
from burhan.verdict.explain import explain
from burhan.verdict.factchecks import factcheck_decision
from burhan.verdict.facts import claim_event_date, compare_counts, parse_iso
from burhan.verdict.model import VerdictModel, evidence_basis, evidence_features, merge_copies
from burhan.verdict.reliability import SourceReliability

SHIPPED_VERDICT = Path(__file__).parent / "verdict" / "verdict_model.json"
MAX_CLAIM_CHARS = 1000
MIN_ARABIC = 0.5
# a sentence is searched for counts when it shares this many stems with the claim
COUNT_CONTEXT_STEMS = 2
MAX_FACTCHECKS = 5  # published fact-checks listed with a check (those over the show threshold)


class ClaimError(ValueError):
    """A claim that cannot be checked (empty, only punctuation, too long)."""


WARM_CLAIM = "مقتل مدنيين في قصف على مدينة حلب"


class Engine:
    """Checks claims against the articles of ``store``. Every part can be replaced."""

    def __init__(self, store: Store, searcher: Searcher | None = None, stance_model: StanceModel | None = None,
                 verdict_model: VerdictModel | None = None, reliability: SourceReliability | None = None,
                 k: int = 20, mode: str = "hybrid", max_claim_chars: int = MAX_CLAIM_CHARS,
                 matcher: FactCheckMatcher | None = None, model_files: dict[str, Path | None] | None = None):
        self.store = store
        self._matcher = matcher  # made on first use: a store without fact-checks never loads it
        self.searcher = searcher or Searcher(store)
        self.stance_model = stance_model or StanceModel.load(SHIPPED_STANCE)
        if verdict_model is None:
            verdict_model, table = load_verdict_model(SHIPPED_VERDICT)
            reliability = reliability or table
        self.verdict_model = verdict_model
        self.reliability = reliability or SourceReliability()
        self.k = k
        self.mode = mode
        self.max_claim_chars = max_claim_chars
        # the files the models came from, named in the history (None: given in memory)
        self.model_files: dict[str, Path | None] = model_files or {
            "stance": SHIPPED_STANCE if stance_model is None else None,
            "verdict": SHIPPED_VERDICT if verdict_model is None else None}

    @classmethod
    def open(cls, db: str | Path, encoder: str = DEFAULT_ENCODER, stance_model: str | Path | None = None,
             verdict_model: str | Path | None = None, reliability_file: str | Path | None = None, **options) -> Engine:
        """An engine over the store file ``db`` (which must exist), with models from files or the shipped ones."""
        if not Path(db).exists():
            raise FileNotFoundError(f"no store at {db}: ingest articles first ('burhan ingest PATH --db {db}')")
        store = open_store(db)  # a store file, or a folder of shards made by 'burhan spark ingest'
        searcher = searcher_for(store, encoder)
        model, table = load_verdict_model(verdict_model or SHIPPED_VERDICT)
        if reliability_file:
            table.load_overrides(reliability_file)
        files = {"stance": Path(stance_model or SHIPPED_STANCE), "verdict": Path(verdict_model or SHIPPED_VERDICT)}
        return cls(store, searcher, StanceModel.load(files["stance"]), model, table, model_files=files, **options)

    def close(self) -> None:
        self.store.close()

    def check_record(self, claim_id: str, claim: str, lang: str = "ar", save_as: tuple[str, str] | None = None) -> dict:
        """One line of a batch's results: ``{"id", **Verdict}``, or ``{"id", "claim", "error"}``
        when the claim cannot be checked (``burhan check --batch`` and ``burhan spark check``).
        ``save_as``: (who asked, channel) to keep the check in the history (its id as ``check_id``)."""
        try:
            result = asdict(self.check(claim, lang=lang))
        except (ClaimError, SearchError) as err:
            return {"id": claim_id, "claim": claim, "error": str(err)}
        if save_as is not None:
            result["check_id"] = self.save(result, *save_as)
        return {"id": claim_id, **result}

    def model_versions(self) -> dict[str, str]:
        """Each model's file name and the first 12 hex digits of its SHA-256 ("in memory" when
        the model was not loaded from a file)."""
        return {name: (f"{path.name}@{_file_hash(path)}" if path else "in memory") for name, path in self.model_files.items()}

    @property
    def keeps_history(self) -> bool:
        """Whether checks can be saved: a store file yes, a sharded corpus (read only) no."""
        return isinstance(self.store, Store)

    def save(self, result: dict, asked_by: str, channel: str) -> int:
        """Keep a check (``asdict(verdict)``) in the store's history; returns its id. A sharded
        corpus keeps none (``StoreError``)."""
        return history_of(self.store).add(result, asked_by, channel, self.model_versions())

    def warm(self) -> None:
        """Load everything a first check loads (encoders, models, indexes): a server calls this
        at start, so that its first requests do not wait for them."""
        self.check(WARM_CLAIM)

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- checking ----------------------------------------------------------------------

    def validate(self, claim: str | Claim) -> tuple[Claim, list[str]]:
        claim = claim if isinstance(claim, Claim) else Claim(text=claim)
        text = (claim.text or "").strip()
        if not any(ch.isalnum() for ch in text):
            raise ClaimError("the claim is empty or only punctuation: give the claim's words")
        if len(text) > self.max_claim_chars:
            raise ClaimError(f"the claim is {len(text)} characters long; the limit is {self.max_claim_chars} "
                             f"(check one claim at a time)")
        warnings = []
        ratio = arabic_ratio(text)
        if ratio < MIN_ARABIC:
            warnings.append(f"the claim is not Arabic ({ratio:.0%} Arabic letters): Burhan's models are trained on "
                            f"Arabic, this result is a best effort")
        return Claim(text=text, id=claim.id, date=claim.date), warnings

    def retrieve(self, claim: str, k: int) -> tuple[list[int], list[str]]:
        """Candidate article ids (hybrid search; BM25 alone while vectors are missing)."""
        try:
            return [a for a, _ in self.searcher.rank_articles(claim, k, self.mode)], []
        except SearchError as err:
            if self.mode == "bm25" or "vectors" not in str(err):
                raise
            ranked = [a for a, _ in self.searcher.rank_articles(claim, k, "bm25")]
            return ranked, [f"searched with BM25 only: {err}"]

    def check(self, claim: str | Claim, k: int | None = None, lang: str = "ar") -> Verdict:
        claim, warnings = self.validate(claim)
        ids, search_warnings = self.retrieve(claim.text, k or self.k)
        return self._decide(claim, ids, lang, warnings + search_warnings)

    def check_articles(self, claim: str | Claim, article_ids: list[int], lang: str = "ar",
                       warnings: list[str] | None = None) -> Verdict:
        """The verdict from the given articles only (no retrieval)."""
        claim, own_warnings = self.validate(claim)
        return self._decide(claim, article_ids, lang, own_warnings if warnings is None else list(warnings))

    @property
    def matcher(self) -> FactCheckMatcher:
        if self._matcher is None:
            # the process's shared encoders (the stance model's too): one e5-small in memory
            ranker = FactCheckRanker.load()
            self._matcher = FactCheckMatcher(self.store, ranker, {name: shared_encoder(name) for name in ranker.encoders})
        return self._matcher

    def match_factchecks(self, claim: str) -> list[FactCheckMatch]:
        """Published fact-checks of the claim over the ranker's show threshold, best first."""
        if not self.store.factcheck_count():
            return []
        try:
            return self.matcher.match(claim, MAX_FACTCHECKS, min_score=self.matcher.ranker.show_threshold)
        except MatchError:
            return []

    def _decide(self, claim: Claim, article_ids: list[int], lang: str, warnings: list[str]) -> Verdict:
        factchecks = self.match_factchecks(claim.text)
        evidence, numbers, places, event_date = self.assess(claim, self.store.articles(article_ids))
        x = evidence_features(evidence, numbers, places)
        basis = evidence_basis(evidence, numbers, self.verdict_model.min_coverage)
        verdict, confidence, p_true = self.verdict_model.decide(x, basis)
        decision, factcheck_warnings = (factcheck_decision(claim.text, factchecks, self.matcher.ranker.decisive_threshold)
                                        if factchecks else (None, []))
        warnings = warnings + factcheck_warnings
        if decision is not None:
            if (verdict, basis) != (decision.verdict, decision.basis):
                warnings.append(f"the news evidence alone reads {verdict} (basis {basis}, P(true) {p_true:.2f}); "
                                f"the published fact-check decides")
            verdict, basis, confidence, p_true = decision.verdict, decision.basis, decision.confidence, decision.p_true
        return Verdict(
            claim=claim.text, verdict=verdict, basis=basis, confidence=confidence, evidence=evidence, numbers=numbers,
            explanation=explain(verdict, basis, confidence, evidence, numbers, places, lang, factchecks,
                                decision.factcheck if decision else None),
            p_true=round(p_true, 4), places=places, dates=[event_date.isoformat()] if event_date else [],
            warnings=warnings, factchecks=factchecks,
        )

    def assess(self, claim: Claim, articles: list[Article]):
        """Score each article against the claim: stance, rationale, reliability, date, counts.
        Returns (evidence ordered by weight, count checks, claim places, claimed event date)."""
        for a in articles:  # the stems stored at ingest: every stage below reads these analyses
            analyse_all([s.text for s in a.sentences], [s.stems for s in a.sentences])
        predictions = self.stance_model.predict([StancePair(claim.text, [s.text for s in a.sentences])
                                                 for a in articles])
        event_date = claim_event_date(claim.text, claim.date)
        places = list(analyse(claim.text).places)
        claim_stems = set(analyse(claim.text).stems)
        evidence, numbers = [], []
        for article, prediction in zip(articles, predictions):
            published = parse_iso(article.date)
            item = Evidence(
                article_id=article.id, title=article.title, origin=article.origin, source=article.source,
                url=article.url, date=article.date, stance=prediction.label, stance_probs=prediction.probs,
                rationale=prediction.rationale, weight=0.0, story_id=article.story_id, coverage=prediction.coverage,
                reliability=round(self.reliability.score(domain_of(article.url) or article.source), 4),
                reliability_is_prior=not self.reliability.knows(domain_of(article.url) or article.source),
                predates_claim=bool(event_date and published and published < event_date),
                sentence_evidence=prediction.sentence_evidence,
            )
            if prediction.label != "unrelated" or prediction.probs["unrelated"] <= 0.5:
                # from the sentences' analyses (made once per process, shared with stance and counts)
                item.places = list(dict.fromkeys(p for text in [article.title or "", *(x.text for x in article.sentences)]
                                                 for p in analyse(text).places))
                numbers += compare_counts(claim.text, article.id, self._count_context(article, prediction, claim_stems))
            evidence.append(item)
        return merge_copies(evidence), numbers, places, event_date

    @staticmethod
    def _count_context(article: Article, prediction, claim_stems: set[str]) -> list[tuple[int, str]]:
        """The rationale sentences and those that share enough stems with the claim."""
        chosen = {r.index for r in prediction.rationale}
        for s in article.sentences:
            if s.index not in chosen and len(claim_stems & set(analyse(s.text).stems)) >= COUNT_CONTEXT_STEMS:
                chosen.add(s.index)
        return [(s.index, s.text) for s in article.sentences if s.index in chosen]


@cache
def _file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def load_verdict_model(path: str | Path) -> tuple[VerdictModel, SourceReliability]:
    if not Path(path).exists():
        raise FileNotFoundError(f"no verdict model at {path}: train one with 'burhan train verdict'")
    model, table = VerdictModel.load(path)
    return model, SourceReliability.from_dict(table) if table else SourceReliability()
