"""BM25 over articles and sentences with tantivy, fed Burhan's own analyser output.

Documents are indexed as space-joined analysed tokens (normalised, stop words out,
Light10 stems) with tantivy's whitespace tokenizer, so index and query share one
analyser. Queries are built as term queries, never parsed: quotes, ``*``, ``:``,
parentheses or ``AND``/``OR`` in a query are plain text. The index lives in a folder
beside the store and can always be rebuilt from it; ``state.json`` records the last
article id it holds, so an interrupted update is redone, not doubled.
"""

from __future__ import annotations

import json
import math
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import tantivy

from burhan.domain import Article
from burhan.text.normalize import needs_nfkc
from burhan.text.tokens import analyze

WRITER_HEAP = 64_000_000


@dataclass(frozen=True)
class AnalysedArticle:
    """An article as the index sees it: analysed tokens of the whole, and of each sentence."""

    article_id: int
    tokens: list[str]
    sentence_tokens: list[list[str]]


def analyse_article(article: Article) -> AnalysedArticle:
    sentences = [list(s.stems) if s.stems is not None else analyze(s.text) for s in article.sentences]
    whole = (article.title or "") + "\n" + article.text
    if needs_nfkc(whole) or "_" in whole:
        tokens = analyze(whole)
    else:
        # the article's tokens are its title's and its sentences' in order: the splitter cuts only
        # at white space and punctuation and drops no letter or digit (tests/test_properties.py),
        # and without presentation forms each character normalises alone; without «_» no token
        # joins across a cut. The stems stored at ingest are reused instead of analysing it again.
        tokens = analyze(article.title or "") + [t for stems in sentences for t in stems]
    return AnalysedArticle(article.id, tokens, sentences)


@dataclass(frozen=True)
class LexicalHit:
    article_id: int
    score: float
    sentence_index: int | None = None


@dataclass(frozen=True)
class TermStatistics:
    """What BM25's IDF reads: how many documents a collection holds, and how many hold each term.
    Statistics of several indexes add up to those of their union
    (``sum(shard_statistics, TermStatistics())``)."""

    documents: int = 0
    frequencies: dict[str, int] = field(default_factory=dict)

    def __add__(self, other: "TermStatistics") -> "TermStatistics":
        mine, theirs = self.frequencies, other.frequencies
        return TermStatistics(self.documents + other.documents,
                              {t: mine.get(t, 0) + theirs.get(t, 0) for t in mine.keys() | theirs.keys()})

    def idf(self, term: str) -> float:
        """Tantivy's (Lucene's) BM25 IDF, ``ln(1 + (N - n + 0.5) / (n + 0.5))``."""
        n = self.frequencies.get(term, 0)
        return math.log(1 + (self.documents - n + 0.5) / (n + 0.5))


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


def _statistics(searcher: tantivy.Searcher, terms: list[str]) -> TermStatistics:
    # live documents: tantivy's own IDF also counts deleted ones not yet merged away, which
    # exist here only after an interrupted update was redone
    return TermStatistics(searcher.num_docs, {t: searcher.doc_freq("body", t) for t in dict.fromkeys(terms)})


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
                    for k, tokens in enumerate(article.sentence_tokens):
                        writer.add_document(tantivy.Document(
                            article_id=article.article_id, sentence_index=k, body=" ".join(tokens)))
            writer.commit()
            writer.wait_merging_threads()
        state = {**self._state(), "last_article_id": max(a.article_id for a in articles)}
        (self.folder / "state.json").write_text(json.dumps(state))

    def search(self, query: str, k: int = 10, sentences: bool = False) -> list[LexicalHit]:
        """BM25 top ``k`` for ``query`` (analysed like the documents)."""
        return self.search_terms(analyze(query), k, sentences)

    def statistics(self, terms: list[str], sentences: bool = False) -> TermStatistics:
        """This index's document count and the document frequency of each of ``terms``."""
        return _statistics(self._searcher(sentences), terms)

    def search_terms(self, terms: list[str], k: int = 10, sentences: bool = False,
                     statistics: TermStatistics | None = None) -> list[LexicalHit]:
        """BM25 top ``k`` for already analysed ``terms``. With ``statistics`` (a whole sharded
        collection's), each term's IDF is the collection's instead of this index's: its term
        query is boosted by global IDF / local IDF, so scores of several shards compare. The
        length normalisation stays this index's (its own average document length)."""
        if not terms:
            return []
        name = "sentences" if sentences else "articles"
        searcher = self._searcher(sentences)
        boosts = None
        if statistics is not None:
            local = _statistics(searcher, terms)
            # a term no document here holds scores nothing here, boosted or not
            boosts = {t: statistics.idf(t) / local.idf(t) for t in dict.fromkeys(terms) if local.frequencies[t]}
        query_obj = any_term_query(self._schemas[name], "body", terms, boosts)
        hits = []
        for score, address in searcher.search(query_obj, k).hits:
            doc = searcher.doc(address)
            hits.append(LexicalHit(doc["article_id"][0], float(score), doc["sentence_index"][0] if sentences else None))
        return hits

    def _searcher(self, sentences: bool) -> tantivy.Searcher:
        index = self._indexes["sentences" if sentences else "articles"]
        index.reload()
        return index.searcher()

    def count(self) -> int:
        return self._searcher(sentences=False).num_docs

    @staticmethod
    def remove(folder: str | Path) -> None:
        shutil.rmtree(folder, ignore_errors=True)
