"""Features of a (claim, article) pair for stance, computed per sentence then per article.

Each article sentence gets a relevance score toward the claim: the IDF-weighted share of
the claim's stems it contains, plus (when vectors are given) its cosine with the claim.
The best sentences by that score are the candidate rationale; the article's features
describe them and the article as a whole: lexical coverage and overlap of rare terms,
semantic similarity, refutation and negation cues near the claim's content, hedging
cues, and whether the numbers of the claim are matched or contradicted.

Never features: the claim id, file name, URL or domain (the Unified-FC ids leak the
verdict), nor the claim's length or style. Long scrapes are handled by working on the
best sentences: hundreds of lines of page furniture do not move these features.
"""

from __future__ import annotations

import math
import re
from collections import Counter, OrderedDict
from dataclasses import dataclass

import numpy as np

from burhan.text.analysis import analyse
from burhan.text.normalize import normalize
from burhan.text.tokens import analyze, stem

TOP_SENTENCES = 3
REFUTE = [normalize(w) for w in (
    "نفى", "نفت", "ينفي", "تنفي", "نفي", "ننفي", "نفوا", "كذب", "كذبت", "يكذب", "تكذيب", "كذّب",
    "غير صحيح", "غير صحيحة", "لا صحة", "عار عن الصحة", "عارية عن الصحة", "لا أساس", "شائعة", "شائعات",
    "مفبرك", "مفبركة", "ملفق", "ملفقة", "مزاعم", "زائف", "زائفة", "مضلل", "مضللة", "خاطئ", "خاطئة",
    "دحض", "فند", "تفنيد", "أكاذيب", "كاذب", "كاذبة", "ادعاءات", "إشاعة", "اشاعات", "مغلوط", "حقيقة",
)]
NEGATION = {normalize(w) for w in ("لا", "لم", "لن", "ليس", "ليست", "غير", "لسنا", "ما", "دون", "بدون", "عدم")}
HEDGE = [normalize(w) for w in (
    "زعم", "زعمت", "يزعم", "ادعى", "ادعت", "تدعي", "أنباء", "تقارير", "مصادر", "يعتقد", "ربما", "قد يكون",
    "لم يتسن", "لم يتم التحقق", "بحسب", "وفقا", "نقلا عن", "أفادت", "تداولت", "متداول", "هل",
)]
_WORD = re.compile(r"\w+")


@dataclass
class SentenceScore:
    index: int
    score: float
    coverage: float
    cosine: float


def idf_table(documents: list[list[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency of analysed tokens."""
    df = Counter(t for doc in documents for t in set(doc))
    n = len(documents)
    return {t: math.log((n + 1) / (c + 1)) + 1.0 for t, c in df.items()}


def _has_phrase(norm_text: str, phrases: list[str]) -> int:
    return sum(1 for p in phrases if p in norm_text)


def claim_denies(claim_norm: str) -> bool:
    """Whether the claim itself reports a denial or calls something false («البنتاغون ينفي …»):
    then an article's denial words are what it confirms, not a refutation of it."""
    return any(p in claim_norm for p in REFUTE)


# the stems of the refutation cues: dropped from a denial claim's bag of words
REFUTE_STEMS = frozenset(t for p in REFUTE for t in analyze(p))


FEATURE_NAMES = [
    "max_coverage", "top_coverage", "article_coverage", "max_bigram", "top_jaccard", "tfidf_cosine",
    "n_covering_half", "best_position", "log_sentences",
    "max_cosine", "top_cosine", "cosine_at_best",
    "refute_top", "refute_article", "refute_title", "negation_top_not_claim", "negation_claim_not_top",
    "hedge_top", "question_top",
    "numbers_claim", "numbers_matched", "numbers_conflicting", "number_noun_conflict",
    "rare_in_article", "rare_in_best", "second_coverage", "n_covering_30", "n_covering_70", "lead_coverage",
]
RARE_TERMS = 5


class PairFeaturizer:
    """Turns (claim, sentences[, vectors]) into a feature vector and a sentence ranking."""

    def __init__(self, idf: dict[str, float], default_idf: float | None = None, top: int = TOP_SENTENCES):
        self.idf = idf
        self.top = top
        self.default_idf = default_idf if default_idf is not None else (max(idf.values()) if idf else 1.0)
        # what depends on the article alone, by its matching form: an article that comes back
        # (the candidates of the next claim on the same story) is not counted again
        self._articles: OrderedDict[str, _ArticleTerms] = OrderedDict()

    def _article_terms(self, article_norm: str, sentence_stems: list[list[str]]) -> _ArticleTerms:
        found = self._articles.get(article_norm)
        if found is not None:
            self._articles.move_to_end(article_norm)
            return found
        counts = Counter(t for stems in sentence_stems for t in stems)
        get, default = self.idf.get, self.default_idf
        found = self._articles[article_norm] = _ArticleTerms(
            terms=set(counts), counts=counts,
            norm=math.sqrt(sum([(c * get(t, default)) ** 2 for t, c in counts.items()])),
            refute=_has_phrase(article_norm, REFUTE), words=max(1, len(article_norm.split())))
        if len(self._articles) > ARTICLES_KEPT:
            self._articles.popitem(last=False)
        return found

    def _w(self, token: str) -> float:
        return self.idf.get(token, self.default_idf)

    def _weight(self, tokens: set[str]) -> float:
        # summed in sorted order: set order changes between runs (hash seeds), float sums would too
        get, default = self.idf.get, self.default_idf
        return sum([get(t, default) for t in sorted(tokens)])

    def rank_sentences(self, claim_stems: list[str], sentence_stems: list[list[str]],
                       cosines: np.ndarray | None) -> list[SentenceScore]:
        claim_set = set(claim_stems)
        total = self._weight(claim_set) or 1.0
        scores = []
        for i, stems in enumerate(sentence_stems):
            shared = claim_set.intersection(stems)
            coverage = self._weight(shared) / total if shared else 0.0
            cosine = float(cosines[i]) if cosines is not None else 0.0
            scores.append(SentenceScore(i, coverage + cosine, coverage, cosine))
        return sorted(scores, key=lambda s: -s.score)

    def features(self, claim: str, sentences: list[str], title: str | None = None,
                 cosines: np.ndarray | None = None) -> tuple[np.ndarray, list[SentenceScore]]:
        claim_doc = analyse(claim)
        docs = [analyse(s) for s in sentences]
        claim_stems = list(claim_doc.stems)
        sentence_stems = [list(d.stems) for d in docs]
        ranking = self.rank_sentences(claim_stems, sentence_stems, cosines)
        top = ranking[: self.top]
        claim_set = set(claim_stems)
        total = self._weight(claim_set) or 1.0
        article_norm = " ".join(d.normal for d in docs)  # = normalize(" ".join(sentences)), from the cached analyses
        article = self._article_terms(article_norm, sentence_stems)
        article_set = article.terms
        claim_bigrams = set(zip(claim_stems, claim_stems[1:]))
        # only a sentence with two of the claim's stems can share one of its bigrams
        max_bigram = max((len(claim_bigrams.intersection(zip(s, s[1:]))) / max(1, len(claim_bigrams))
                          for s in sentence_stems if len(claim_set.intersection(s)) > 1), default=0.0)
        top_jaccard = np.mean([len(claim_set & set(sentence_stems[s.index])) / max(1, len(claim_set | set(sentence_stems[s.index])))
                               for s in top]) if top else 0.0
        tfidf = self._tfidf_cosine(claim_stems, article)

        top_norm = " ".join(docs[s.index].normal for s in top)
        top_words = set(_WORD.findall(top_norm))
        claim_words = set(_WORD.findall(claim_doc.normal))
        n_words = article.words

        denial = claim_denies(claim_doc.normal)
        claim_numbers = claim_doc.numbers
        top_numbers = [m for s in top for m in docs[s.index].numbers]
        top_values = {m.value for m in top_numbers}
        matched = sum(1 for m in claim_numbers if m.value in top_values)
        noun_conflict = 0
        for m in claim_numbers:
            if m.noun is None:
                continue
            same_noun = [t for t in top_numbers if t.noun and stem(normalize(t.noun)) == stem(normalize(m.noun))]
            if same_noun and all(t.value != m.value for t in same_noun):
                noun_conflict += 1
        conflicting = sum(1 for m in claim_numbers if m.value not in top_values) if top_numbers else 0

        values = [
            top[0].coverage if top else 0.0,
            float(np.mean([s.coverage for s in top])) if top else 0.0,
            self._weight(claim_set & article_set) / total,
            max_bigram,
            float(top_jaccard),
            tfidf,
            sum(1 for s in ranking if s.coverage >= 0.5),
            top[0].index / max(1, len(sentences)) if top else 1.0,
            math.log1p(len(sentences)),
            max((s.cosine for s in ranking), default=0.0),
            float(np.mean([s.cosine for s in top])) if top else 0.0,
            max(ranking, key=lambda s: s.coverage).cosine if ranking else 0.0,
            0 if denial else _has_phrase(top_norm, REFUTE),
            0.0 if denial else article.refute * 1000.0 / n_words,
            0 if denial else _has_phrase(normalize(title or ""), REFUTE),
            len((top_words & NEGATION) - claim_words),
            len((claim_words & NEGATION) - top_words),
            _has_phrase(top_norm, HEDGE),
            top_norm.count("?"),
            len(claim_numbers),
            matched,
            conflicting,
            noun_conflict,
            *self._rare_and_spread(claim_set, article_set, sentence_stems, ranking, total),
        ]
        return np.asarray(values, dtype=np.float32), ranking

    def _rare_and_spread(self, claim_set: set[str], article_set: set[str], sentence_stems: list[list[str]],
                         ranking: list[SentenceScore], total: float) -> list[float]:
        """The claim's rarest terms (names, places) found in the article / its best sentence;
        how coverage spreads over sentences; coverage of the article's lead (first 3 lines)."""
        rare = sorted(claim_set, key=lambda t: (-self._w(t), t))[:RARE_TERMS]
        best = set(sentence_stems[ranking[0].index]) if ranking else set()
        lead = {t for stems in sentence_stems[:3] for t in stems}
        coverages = [s.coverage for s in ranking]
        return [
            len([t for t in rare if t in article_set]) / max(1, len(rare)),
            len([t for t in rare if t in best]) / max(1, len(rare)),
            sorted(coverages, reverse=True)[1] if len(coverages) > 1 else 0.0,
            sum(1 for c in coverages if c >= 0.3),
            sum(1 for c in coverages if c >= 0.7),
            self._weight(claim_set & lead) / total,
        ]

    def _tfidf_cosine(self, a: list[str], article: _ArticleTerms) -> float:
        va, vb = Counter(a), article.counts
        get, default = self.idf.get, self.default_idf
        dot = sum([va[t] * vb[t] * get(t, default) ** 2 for t in sorted(va.keys() & vb.keys())])
        na = math.sqrt(sum([(c * get(t, default)) ** 2 for t, c in va.items()]))
        nb = article.norm
        return dot / (na * nb) if na and nb else 0.0


ARTICLES_KEPT = 512  # an entry holds an article's term counts: ~50 KB


@dataclass
class _ArticleTerms:
    """An article's stems (set and counts), their TF-IDF norm, refutation cues and word count."""

    terms: set[str]
    counts: Counter
    norm: float
    refute: int
    words: int
