"""Search on real Arabic: BM25, dense, hybrid, sentences, query safety, index upkeep."""

import json
import re

import numpy as np
import pytest
from typer.testing import CliRunner

from burhan.cli import DEMO_CORPUS, app
from burhan.ingest import ingest
from burhan.search import SearchError, Searcher
from burhan.store import Store


@pytest.fixture
def seeded(seeds, tmp_path):
    store = Store(tmp_path / "s.db")
    ingest([seeds], store)
    searcher = Searcher(store)
    searcher.sync(embed=False)
    yield searcher
    store.close()


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("demo") / "d.db")
    ingest([DEMO_CORPUS], store)
    searcher = Searcher(store)
    searcher.sync(embed=True)
    yield searcher
    store.close()


def test_bm25_article_and_sentence(seeded):
    (top, *_) = seeded.search("المتحدثة باسم الخارجية الصينية هوا تشون ينغ", k=3, mode="bm25")
    assert top.origin.endswith("003_a2074cfada7c04b3.txt")
    (sentence,) = seeded.search("هوا تشون ينغ", k=1, mode="bm25", sentences=True)
    assert "هوا تشون ينغ" in sentence.sentence
    stored = seeded.store.get(sentence.article_id).sentences[sentence.sentence_index].text
    assert sentence.sentence == stored  # original spelling, not the normalised form


def test_the_article_index_reads_the_stored_stems_as_the_whole_text_would_analyse(seeded, tmp_path):
    from burhan.search.lexical import analyse_article
    from burhan.text.tokens import analyze

    with Store(tmp_path / "demo.db") as demo:
        ingest([DEMO_CORPUS], demo)
        articles = seeded.store.articles(seeded.store.article_ids()) + demo.articles(demo.article_ids())
    assert len(articles) > 25
    for article in articles:
        assert analyse_article(article).tokens == analyze((article.title or "") + "\n" + article.text)


def test_normalised_matching_finds_variant_spellings(seeded):
    # query with alef/hamza and taa-marbuta variants, article spelled «الإرهابيين» and «سورية»
    hits = seeded.search("الارهابيين", k=5, mode="bm25", sentences=True)
    assert any("الإرهابيين" in h.sentence for h in hits)


@pytest.mark.parametrize("query", ['لافروف: "روسيا" (حلب) AND *', "لافروف OR روسيا NOT حلب", 'roots:"*" لافروف)'])
def test_query_syntax_is_plain_text(seeded, query):
    hits = seeded.search(query, k=3, mode="bm25")
    assert hits, query
    words = " ".join(re.findall(r"[\u0600-\u06ff]+", query))
    assert [h.article_id for h in hits][:1] == [h.article_id for h in seeded.search(words, k=3, mode="bm25")][:1]


@pytest.mark.parametrize("query", ["", "   ", "؟!،.", '"*:()"', "..."])
def test_empty_or_punctuation_query_is_an_error(seeded, query):
    with pytest.raises(SearchError, match="empty or only punctuation"):
        seeded.search(query)


def test_bad_mode_and_k(seeded):
    with pytest.raises(SearchError, match="unknown mode"):
        seeded.search("حلب", mode="fuzzy")
    with pytest.raises(SearchError, match="k must be"):
        seeded.search("حلب", k=0)


def test_dense_and_hybrid_find_the_story(demo):
    claim = "لافروف: روسيا ستواصل عملياتها في شرق حلب"
    for mode in ("dense", "hybrid"):
        hits = demo.search(claim, k=3, mode=mode)
        assert any("لافروف" in (h.title or "") for h in hits[:2]), mode
    paraphrase = "كم عدد المدنيين الذين قتلوا في سوريا في نوفمبر"
    assert "1300" in (demo.search(paraphrase, k=1, mode="dense")[0].title or "")
    sentence_hits = demo.search(claim, k=5, mode="hybrid", sentences=True)
    assert "ستواصل عملياتها العسكرية في شرق حلب" in sentence_hits[0].sentence


def test_dense_needs_vectors(seeded):
    with pytest.raises(SearchError, match="no use-m3 vectors"):
        seeded.search("حلب", mode="dense")


def test_incremental_sync_and_rebuild(seeded, tmp_path):
    assert seeded.lexical.count() == 5
    (tmp_path / "new.txt").write_text("أعلنت منظمة الصحة العالمية وصول شحنة لقاحات إلى مدينة القامشلي.", encoding="utf-8")
    ingest([tmp_path / "new.txt"], seeded.store)
    seeded.sync(embed=False)
    assert seeded.lexical.count() == 6
    assert seeded.search("لقاحات القامشلي", k=1, mode="bm25")[0].article_id == 6
    # an update interrupted before its state was saved is redone, not doubled
    (seeded.lexical.folder / "state.json").write_text(json.dumps({"last_article_id": 4}))
    seeded.sync(embed=False)
    assert seeded.lexical.count() == 6
    seeded.rebuild()
    assert seeded.lexical.count() == 6


def test_token_counts_are_kept_and_counted_again_for_an_older_index(seeded, tmp_path):
    """The token counts a sharded corpus adds up: kept as articles are indexed, the same after a
    rebuild, and counted from the store for an index made before they were kept."""
    kept = seeded.lexical.token_totals()
    assert kept["articles"] > kept["sentences"] > 500  # a title's tokens count in the article index only
    (tmp_path / "new.txt").write_text("أعلنت منظمة الصحة العالمية وصول شحنة لقاحات إلى مدينة القامشلي.", encoding="utf-8")
    ingest([tmp_path / "new.txt"], seeded.store)
    seeded.sync(embed=False)
    grown = seeded.lexical.token_totals()
    assert grown["sentences"] - kept["sentences"] == 9  # اعلنت منظم صح عالم صول شحن لقاح مدين قامشل
    state = json.loads((seeded.lexical.folder / "state.json").read_text())
    del state["tokens"]
    (seeded.lexical.folder / "state.json").write_text(json.dumps(state))
    assert seeded.lexical.token_totals() is None
    seeded.count_tokens()
    assert seeded.lexical.token_totals() == grown
    seeded.rebuild()
    assert seeded.lexical.token_totals() == grown


def test_cli_search_json(seeds, tmp_path):
    runner = CliRunner()
    db = str(tmp_path / "c.db")
    assert runner.invoke(app, ["ingest", str(seeds), "--db", db, "--no-embed"]).exit_code == 0
    result = runner.invoke(app, ["search", "هوا تشون ينغ", "--db", db, "--mode", "bm25", "--sentences", "--json", "--k", "2"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert set(rows[0]) >= {"article_id", "title", "origin", "source", "date", "url", "score", "sentence_index", "sentence"}
    bad = runner.invoke(app, ["search", "؟؟", "--db", db])
    assert bad.exit_code == 2 and "empty or only punctuation" in bad.output


def test_index_left_by_an_earlier_store_is_rebuilt(seeds, tmp_path):
    db = tmp_path / "s.db"
    with Store(db) as store:
        ingest([seeds], store)
        Searcher(store).sync(embed=False)
    db.unlink()
    (tmp_path / "new.txt").write_text("أعلنت منظمة الصحة العالمية وصول شحنة لقاحات إلى مدينة القامشلي.", encoding="utf-8")
    with Store(db) as store:  # same file name, a different store
        ingest([tmp_path / "new.txt"], store)
        searcher = Searcher(store)
        searcher.sync(embed=False)
        assert searcher.lexical.count() == 1
        assert searcher.search("لقاحات القامشلي", k=5, mode="bm25")[0].article_id == 1
        assert searcher.search("هوا تشون ينغ", k=5, mode="bm25") == []


def test_ann_index_agrees_with_exact_search_and_is_extended_not_rebuilt(tmp_path):
    import numpy as np

    from burhan.search.dense import DenseIndex

    rng = np.random.default_rng(0)
    ids = np.repeat(np.arange(1, 401), 3)  # 400 articles, 3 passages each
    matrix = rng.normal(size=(len(ids), 64)).astype(np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    queries = matrix[rng.choice(len(ids), 20)] + rng.normal(scale=0.05, size=(20, 64)).astype(np.float32)
    exact = DenseIndex(ids, matrix, ann_threshold=10**9)
    path = tmp_path / "dense.faiss"
    half = DenseIndex(ids[:600], matrix[:600], ann_threshold=100, ann_path=path)
    assert half.ann is not None and half.ann.ntotal == 600
    ann = DenseIndex(ids, matrix, ann_threshold=100, ann_path=path)  # 600 saved rows + 600 new
    assert ann.ann.ntotal == len(ids)
    overlap = [len({a for a, _ in exact.search(q, 10)} & {a for a, _ in ann.search(q, 10)}) / 10 for q in queries]
    assert np.mean(overlap) >= 0.9
    assert all(exact.search(q, 1)[0][0] == ann.search(q, 1)[0][0] for q in queries)
    shuffled = DenseIndex(ids[::-1].copy(), matrix[::-1].copy(), ann_threshold=100, ann_path=path)
    assert shuffled.ann.ntotal == len(ids)  # rows no longer match the saved graph: rebuilt, not extended


def test_shards_scored_with_the_corpus_statistics_score_like_one_index(tmp_path):
    """BM25 over shards with the whole corpus's statistics (document frequencies, document and
    token counts) gives one index's scores, though the shards' own average lengths differ; with
    each shard's own statistics the same documents score otherwise. The bound each shard gives
    holds for every document it did not return."""
    from burhan.search.lexical import AnalysedArticle, LexicalIndex, TermStatistics
    from burhan.text.tokens import analyze

    lines = [json.loads(line) for line in DEMO_CORPUS.read_text(encoding="utf-8").splitlines()]
    sentences = [tokens for record in lines for part in re.split(r"[.\n،]", record["text"])
                 if len(tokens := analyze(part)) >= 3]
    documents = [AnalysedArticle(i + 1, tokens, [tokens]) for i, tokens in enumerate(sentences)]
    documents.sort(key=lambda d: len(d.tokens))  # short documents in one shard, long ones in the other
    assert len(documents) >= 40
    one, shards = LexicalIndex(tmp_path / "one"), [LexicalIndex(tmp_path / f"s{n}") for n in range(2)]
    one.add_analysed(documents)
    shards[0].add_analysed(documents[: len(documents) // 3])
    shards[1].add_analysed(documents[len(documents) // 3:])
    terms = analyze("مقتل 1300 مدني في سوريا خلال نوفمبر والمرصد السوري")
    statistics = sum((s.statistics(terms) for s in shards), TermStatistics())
    whole = one.statistics(terms)
    assert (statistics.documents, statistics.tokens, statistics.frequencies) == \
        (len(documents), sum(len(d.tokens) for d in documents), whole.frequencies) == \
        (whole.documents, whole.tokens, whole.frequencies)
    assert abs(shards[0].statistics(terms).average_length - whole.average_length) > 1  # lengths differ

    expected = {h.article_id: h.score for h in one.search_terms(terms, len(documents))}
    assert len(expected) >= 5
    for sentences in (False, True):
        merged = {h.article_id: h.score for s in shards
                  for h in s.candidates_in_collection(terms, len(documents), statistics, sentences).rescored()}
        assert merged.keys() == expected.keys()
        assert all(abs(merged[a] - expected[a]) < 1e-5 * expected[a] for a in expected), (merged, expected)
    own = {h.article_id: h.score for s in shards for h in s.search_terms(terms, len(documents))}
    assert max(abs(own[a] - expected[a]) / expected[a] for a in expected) > 0.01
    for s in shards:
        for depth in (1, 2, 3):
            answer = s.candidates_in_collection(terms, depth, statistics)
            returned = {h.article_id: h.score for h in answer.rescored()}
            here = {h.article_id for h in s.search_terms(terms, 999)}
            assert all(expected[a] <= answer.bound for a in here - returned.keys())
            assert all(low <= returned[a] for a, low in zip(returned, answer.lowest()))


def test_the_encoder_cache_in_memory_is_bounded():
    """A long-running server must not keep every vector it ever computed: the oldest leave
    memory first (they are encoded again, or read from the store, when asked for)."""
    from burhan.search.dense import CachedEncoder

    class Counting:
        name = "counting"
        calls: list[str] = []

        def encode(self, texts, kind):
            self.calls.extend(texts)
            return np.ones((len(texts), 4), dtype=np.float32)

    inner = Counting()
    cached = CachedEncoder(inner, memory_size=2)
    sentences = ["قافلة مساعدات تدخل مضايا", "مقتل 1300 مدني في سوريا", "روسيا ستواصل عملياتها في شرق حلب"]
    for s in sentences:
        cached.encode([s], "passage")
    assert len(cached._memory) == 2
    cached.encode([sentences[2]], "passage")  # the newest: still in memory
    cached.encode([sentences[0]], "passage")  # the oldest: encoded again
    assert inner.calls == sentences + [sentences[0]]
    assert cached.encoded == {"passage": 4}  # the misses, which a benchmark reads


def test_tied_scores_come_in_article_order_whatever_the_index_segments(tmp_path):
    """Copies of one story score exactly alike; tantivy returns ties in the order of its segments
    (three syncs make three here, and its top 3 were articles 5, 7, 1). The top k holds the tied
    articles of the lowest ids, in id order, so that a rebuilt index gives the same candidates."""
    copy = "قالت وزارة الدفاع الروسية إن قواتها ستواصل عملياتها في شرق حلب خلال الأيام المقبلة. وأضافت أن الهدنة انتهت."
    other = "أعلنت الأمم المتحدة عن إرسال قافلة مساعدات إلى مضايا المحاصرة في ريف دمشق. وقالت إن الوضع الإنساني صعب."
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with Store(tmp_path / "s.db") as store:
        searcher = Searcher(store)
        for batch in range(3):
            for n in range(4):
                (corpus / f"{batch}_{n}.txt").write_text(copy if n % 2 == 0 else other, encoding="utf-8")
            ingest([corpus], store)
            searcher.sync(embed=False)
        query = "روسيا ستواصل عملياتها في شرق حلب"
        copies = [a.id for a in store.articles(store.article_ids()) if "ستواصل" in a.text]
        assert len(copies) == 6
        top = searcher.lexical.search(query, 3)
        assert [h.article_id for h in top] == sorted(copies)[:3] and len({h.score for h in top}) == 1
        assert [h.article_id for h in searcher.lexical.search(query, 10)] == sorted(copies)
        assert [a for a, _ in searcher.rank_articles(query, 3, "bm25")] == sorted(copies)[:3]
        sentences = searcher.lexical.search(query, 4, sentences=True)
        assert [(h.article_id, h.sentence_index) for h in sentences] == [(a, 0) for a in sorted(copies)[:4]]
