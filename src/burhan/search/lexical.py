"""BM25 over articles and sentences with tantivy, fed Burhan's own analyser output.

Documents are indexed as space-joined analysed tokens (normalised, stop words out,
Light10 stems) with tantivy's whitespace tokenizer, so index and query share one
analyser. Queries are built as term queries, never parsed: quotes, ``*``, ``:``,
parentheses or ``AND``/``OR`` in a query are plain text. The index lives in a folder
beside the store and can always be rebuilt from it; ``state.json`` records the last
article id it holds, so an interrupted update is redone, not doubled, and how many tokens
each index holds (BM25's average document length, which a sharded collection adds up).

One index of a sharded collection can score as one index of the whole collection would
(``candidates_in_collection``): tantivy reads the IDF and the average length from its own index
only, and its Python binding takes no outside statistics, so hits are retrieved with the
collection's IDF (term boosts) and rescored with the collection's statistics from what tantivy
saw of each query term in each hit (its term frequency and its quantised length, read from
tantivy's own score explanation).
"""

from __future__ import annotations

import json
import math
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import tantivy

from burhan.domain import Article
from burhan.text.tokens import analyze, tokens_join_across_sentences

WRITER_HEAP = 64_000_000
K1, B = 1.2, 0.75  # tantivy's BM25 parameters (fixed in tantivy)
INDEXES = ("articles", "sentences")


@dataclass(frozen=True)
class AnalysedArticle:
    """An article as the index sees it: analysed tokens of the whole, and of each sentence."""

    article_id: int
    tokens: list[str]
    sentence_tokens: list[list[str]]


def analyse_article(article: Article) -> AnalysedArticle:
    sentences = [list(s.stems) if s.stems is not None else analyze(s.text) for s in article.sentences]
    whole = (article.title or "") + "\n" + article.text
    if tokens_join_across_sentences(whole):
        tokens = analyze(whole)
    else:  # the stems stored at ingest are the whole text's, in order: not analysed again
        tokens = analyze(article.title or "") + [t for stems in sentences for t in stems]
    return AnalysedArticle(article.id, tokens, sentences)


@dataclass(frozen=True)
class LexicalHit:
    article_id: int
    score: float
    sentence_index: int | None = None


@dataclass(frozen=True)
class TermStatistics:
    """What BM25 reads of a collection: how many documents it holds, how many tokens they hold
    together (the average document length) and how many documents hold each term. Statistics of
    several indexes add up to those of their union (``sum(shard_statistics, TermStatistics())``)."""

    documents: int = 0
    frequencies: dict[str, int] = field(default_factory=dict)
    tokens: int = 0

    def __add__(self, other: "TermStatistics") -> "TermStatistics":
        mine, theirs = self.frequencies, other.frequencies
        return TermStatistics(self.documents + other.documents,
                              {t: mine.get(t, 0) + theirs.get(t, 0) for t in mine.keys() | theirs.keys()},
                              self.tokens + other.tokens)

    def idf(self, term: str) -> float:
        """Tantivy's (Lucene's) BM25 IDF, ``ln(1 + (N - n + 0.5) / (n + 0.5))``."""
        n = self.frequencies.get(term, 0)
        return math.log(1 + (self.documents - n + 0.5) / (n + 0.5))

    @property
    def average_length(self) -> float:
        """Tantivy's average document length: tokens / documents, both as 32-bit floats."""
        return float(np.float32(self.tokens) / np.float32(max(self.documents, 1)))

    def score(self, matches: dict[str, tuple[int, int]]) -> float:
        """BM25 of a document in this collection from ``{term: (term frequency, document length)}``
        (the length quantised as tantivy stores it), tantivy's formula."""
        average = self.average_length
        return sum(self.idf(term) * (1 + K1) * tf / (tf + K1 * (1 - B + B * length / average))
                   for term, (tf, length) in matches.items())


@dataclass
class CollectionCandidates:
    """One index's top hits for a query, retrieved with a collection's IDF and this index's average
    length (``LexicalIndex.candidates_in_collection``), to be rescored with the collection's.

    A document's collection score is its score here times a factor between ``low`` and ``high``:
    per term it is ``(tf + n_here) / (tf + n_collection)`` with ``n = k1 (1 - b + b dl / avgdl)``,
    which lies between 1 and collection average / this index's average (reached as dl grows)."""

    searcher: tantivy.Searcher
    query: tantivy.Query  # the terms without boosts, for the explanations
    terms: list[str]
    statistics: TermStatistics
    sentences: bool
    found: list[tuple[float, object]]  # (score here, tantivy address), best first
    complete: bool  # every document here holding a term is in ``found``
    low: float
    high: float
    explained: dict[int, dict[str, tuple[int, int]]] = field(default_factory=dict)  # by place in ``found``

    @property
    def bound(self) -> float:
        """No document of this index outside ``found`` scores above this in the collection."""
        return 0.0 if self.complete or not self.found else self.found[-1][0] * self.high * (1 + 1e-6)

    def lowest(self) -> list[float]:
        """The least collection score each hit can have."""
        return [score * self.low * (1 - 1e-6) for score, _ in self.found]

    def retrieved(self) -> list[LexicalHit]:
        """The hits with the scores they were retrieved with: the collection's IDF, this index's
        average length (close to the collection's scores, without the rescoring's cost)."""
        return [_hit(self.searcher, address, score, self.sentences) for score, address in self.found]

    def rescored(self, floor: float = 0.0) -> list[LexicalHit]:
        """The hits that can score ``floor`` or more in the collection, best first, with the scores
        one index of the collection would give them: from tantivy's explanation of each (its term
        frequencies and quantised length) and the collection's statistics."""
        hits = []
        for place, (score, address) in enumerate(self.found):
            if score * self.high * (1 + 1e-6) < floor:
                break  # best first: the rest score less still
            if place not in self.explained:
                self.explained[place], _ = term_matches(json.loads(self.query.explain(self.searcher, address).to_json()))
            hits.append(_hit(self.searcher, address, self.statistics.score(self.explained[place]), self.sentences))
        return sorted(hits, key=lambda h: -h.score)


_TERM = re.compile(r'Term=Term\(field=\d+, type=Str, "(.*)"\)$')
_ESCAPE = re.compile(r"\\u\{([0-9a-fA-F]+)\}|\\(.)")
_ESCAPED = {"n": "\n", "t": "\t", "r": "\r", "0": "\0"}


def _unescape(debug: str) -> str:
    """A string as Rust's ``{:?}`` wrote it, back to itself."""
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)) if m.group(1) else _ESCAPED.get(m.group(2), m.group(2)), debug)


def term_matches(explanation: dict) -> tuple[dict[str, tuple[int, int]], float]:
    """From tantivy's explanation of a document's BM25 score under ``any_term_query`` without
    boosts (``Query.explain``, as JSON): ``{term: (frequency, quantised length)}`` for each query
    term the document holds, and the average length its index scored with."""
    clauses = explanation["details"] if explanation["description"].startswith("BooleanClause") else [explanation]
    matches, average = {}, 0.0
    for clause in clauses:
        found = _TERM.match((clause.get("context") or [""])[0])
        part = next((d for d in clause["details"] if d["description"].startswith("freq /")), None)
        if found is None or part is None:
            raise RuntimeError(f"unexpected tantivy score explanation: {json.dumps(clause, ensure_ascii=False)[:300]}")
        values = {d["description"].split(",", 1)[0]: d["value"] for d in part["details"]}
        matches[_unescape(found.group(1))] = (int(values["freq"]), int(values["dl"]))
        average = values["avgdl"]
    return matches, average


def _hit(searcher: tantivy.Searcher, address, score: float, sentences: bool) -> LexicalHit:
    doc = searcher.doc(address)
    return LexicalHit(doc["article_id"][0], float(score), doc["sentence_index"][0] if sentences else None)


def any_term_query(schema: tantivy.Schema, field: str, terms: list[str],
                   boosts: dict[str, float] | None = None) -> tantivy.Query:
    """BM25 over analysed ``terms`` (each once), as term queries: never parsed, so quotes, ``*``,
    ``:`` or ``AND`` in a query are plain text. ``boosts`` multiply a term's score."""
    queries = []
    for term in dict.fromkeys(terms):
        query = tantivy.Query.term_query(schema, field, term)
        if boosts and boosts.get(term, 1.0) != 1.0:
            query = tantivy.Query.boost_query(query, boosts[term])
        queries.append((tantivy.Occur.Should, query))
    return tantivy.Query.boolean_query(queries)


def _statistics(searcher: tantivy.Searcher, terms: list[str], tokens: int = 0) -> TermStatistics:
    # live documents: tantivy's own IDF also counts deleted ones not yet merged away, which
    # exist here only after an interrupted update was redone
    return TermStatistics(searcher.num_docs, {t: searcher.doc_freq("body", t) for t in dict.fromkeys(terms)}, tokens)


def _schema(with_sentence: bool) -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("article_id", stored=True, indexed=True, fast=True)
    if with_sentence:
        builder.add_integer_field("sentence_index", stored=True, indexed=False, fast=True)
    builder.add_text_field("body", stored=False, tokenizer_name="whitespace", index_option="freq")
    return builder.build()


class LexicalIndex:
    """Two tantivy indexes in ``folder``: one document per article, one per sentence."""

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self._schemas = {"articles": _schema(False), "sentences": _schema(True)}
        self._indexes = {}
        for name, schema in self._schemas.items():
            (self.folder / name).mkdir(exist_ok=True)
            self._indexes[name] = tantivy.Index(schema, path=str(self.folder / name))

    def _state(self) -> dict:
        state = self.folder / "state.json"
        return json.loads(state.read_text()) if state.exists() else {}

    @property
    def last_article_id(self) -> int:
        return self._state().get("last_article_id", 0)

    @property
    def store_id(self) -> str | None:
        return self._state().get("store_id")

    def belongs_to(self, store_id: str) -> bool:
        """True when this index was built from the store with ``store_id`` (or is empty)."""
        return self.store_id == store_id or (self.store_id is None and self.last_article_id == 0)

    def claim(self, store_id: str) -> None:
        """Record that this index belongs to the store ``store_id``."""
        state = self._state()
        if state.get("store_id") != store_id:
            (self.folder / "state.json").write_text(json.dumps({**state, "store_id": store_id}))

    def add(self, articles: list[Article]) -> None:
        """Index ``articles`` (newer than ``last_article_id``), replacing any copy already there."""
        self.add_analysed([analyse_article(a) for a in articles])

    def add_analysed(self, articles: list[AnalysedArticle], sentences: bool = True) -> None:
        """Index already analysed articles (``sentences=False``: the article index only)."""
        if not articles:
            return
        state = self._state()
        tokens = self.token_totals()
        for name, index in self._indexes.items():
            if name == "sentences" and not sentences:
                continue
            writer = index.writer(heap_size=WRITER_HEAP, num_threads=1)
            # an update interrupted after its commit but before state.json was written left
            # these articles in the index already: remove them before adding them again
            for article in articles:
                writer.delete_documents_by_term("article_id", article.article_id)
            for article in articles:
                if name == "articles":
                    writer.add_document(tantivy.Document(article_id=article.article_id, body=" ".join(article.tokens)))
                else:
                    for k, sentence_tokens in enumerate(article.sentence_tokens):
                        writer.add_document(tantivy.Document(
                            article_id=article.article_id, sentence_index=k, body=" ".join(sentence_tokens)))
            writer.commit()
            writer.wait_merging_threads()
            if tokens is not None:
                tokens[name] += sum(len(a.tokens) for a in articles) if name == "articles" else \
                    sum(len(t) for a in articles for t in a.sentence_tokens)
        state["last_article_id"] = max(a.article_id for a in articles)
        if tokens is not None:
            state["tokens"] = tokens
        (self.folder / "state.json").write_text(json.dumps(state))

    def token_totals(self) -> dict[str, int] | None:
        """How many tokens each index holds (``{"articles", "sentences"}``); None for an index made
        before they were counted (``record_token_totals`` then)."""
        state = self._state()
        if "tokens" in state:
            return dict(state["tokens"])
        return {name: 0 for name in INDEXES} if state.get("last_article_id", 0) == 0 else None

    def record_token_totals(self, articles: Iterable[AnalysedArticle]) -> None:
        """Count the tokens of an index made before they were counted, from every article it holds."""
        tokens = {name: 0 for name in INDEXES}
        for article in articles:
            tokens["articles"] += len(article.tokens)
            tokens["sentences"] += sum(len(t) for t in article.sentence_tokens)
        (self.folder / "state.json").write_text(json.dumps({**self._state(), "tokens": tokens}))

    def search(self, query: str, k: int = 10, sentences: bool = False) -> list[LexicalHit]:
        """BM25 top ``k`` for ``query`` (analysed like the documents)."""
        return self.search_terms(analyze(query), k, sentences)

    def statistics(self, terms: list[str], sentences: bool = False) -> TermStatistics:
        """This index's document count, token count and the document frequency of each of ``terms``
        (tokens 0 where they were never counted: see ``token_totals``)."""
        tokens = (self.token_totals() or {}).get("sentences" if sentences else "articles", 0)
        return _statistics(self._searcher(sentences), terms, tokens)

    def search_terms(self, terms: list[str], k: int = 10, sentences: bool = False) -> list[LexicalHit]:
        """BM25 top ``k`` for already analysed ``terms``; equal scores in article (and sentence)
        order. Copies of one story score exactly alike, and tantivy returns ties in the order of
        its segments, which differs between two builds of one store's index: the hits tied with
        the ``k``-th are all fetched, so that which of them make the top ``k`` does not depend
        on the build either."""
        if not terms or k < 1:
            return []
        searcher = self._searcher(sentences)
        query = any_term_query(self._schema(sentences), "body", terms)
        depth = k + 1
        while True:
            found = searcher.search(query, depth).hits
            if len(found) < depth or found[-1][0] < found[k - 1][0]:
                break  # every hit that ties with the k-th is in ``found``
            depth *= 2
        hits = [_hit(searcher, address, score, sentences) for score, address in found]
        return sorted(hits, key=lambda h: (-h.score, h.article_id, h.sentence_index or 0))[:k]

    def candidates_in_collection(self, terms: list[str], k: int, statistics: TermStatistics,
                                 sentences: bool = False) -> CollectionCandidates:
        """This index's top ``k`` for ``terms`` in the collection whose ``statistics`` are given,
        retrieved with the collection's IDF (each term query boosted by its collection IDF / this
        index's IDF) and this index's average length (``CollectionCandidates``)."""
        searcher = self._searcher(sentences)
        local = _statistics(searcher, terms)
        # a term no document here holds scores nothing here, boosted or not
        boosts = {t: statistics.idf(t) / local.idf(t) for t in dict.fromkeys(terms) if local.frequencies[t]}
        schema = self._schema(sentences)
        found = [(float(score), address) for score, address in
                 searcher.search(any_term_query(schema, "body", terms, boosts), k).hits] if terms else []
        plain = any_term_query(schema, "body", terms)
        explained = {}
        ratio = 1.0
        if found:  # the average length tantivy scored with here, as its explanation of the best hit says
            explained[0], average = term_matches(json.loads(plain.explain(searcher, found[0][1]).to_json()))
            ratio = statistics.average_length / average
        return CollectionCandidates(searcher, plain, terms, statistics, sentences, found, len(found) < k,
                                    min(1.0, ratio), max(1.0, ratio), explained)

    def _schema(self, sentences: bool) -> tantivy.Schema:
        return self._schemas["sentences" if sentences else "articles"]

    def _searcher(self, sentences: bool) -> tantivy.Searcher:
        index = self._indexes["sentences" if sentences else "articles"]
        index.reload()
        return index.searcher()

    def count(self) -> int:
        return self._searcher(sentences=False).num_docs

    @staticmethod
    def remove(folder: str | Path) -> None:
        shutil.rmtree(folder, ignore_errors=True)
