"""Ingest on Spark (local[2]) gives the same corpus as `burhan ingest` on one machine: the same
articles (cleaned text, sentences, stems), the same story links, counted the same way — spread
over shards that are each an ordinary store."""

from __future__ import annotations

import json
from pathlib import Path

from test_warc import PAGES, write_warc

from burhan.ingest import ingest
from burhan.spark import read_manifest, spark_ingest
from burhan.store import Store

DEMO = Path(__file__).resolve().parents[1] / "src" / "burhan" / "demo" / "demo_corpus.jsonl"


def corpus_view(stores: list[Path]) -> tuple[dict, set]:
    """Articles by origin (title, date, text, sentences with stems) and the stories as sets of origins."""
    articles, stories = {}, {}
    for db in stores:
        with Store(db) as store:
            for listed in store.list_articles():
                a = store.get(listed.id)
                articles[a.origin] = (a.title, a.date, a.source, a.text, [(s.text, s.stems) for s in a.sentences])
                stories.setdefault((db, a.story_id), set()).add(a.origin)
    return articles, {frozenset(s) for s in stories.values()}


def same_ranking(hits: list[dict], expected: list[dict]) -> None:
    """The same hits (by origin, and sentence) with the same scores in the same order, but for the
    order among hits whose scores tie (and, among those tied at the last place, which are kept)."""
    assert len(hits) == len(expected) and expected
    assert all(abs(h["score"] - e["score"]) <= 1e-5 * e["score"] for h, e in zip(hits, expected)), (hits, expected)
    groups: dict[float, list] = {}
    for position, e in enumerate(expected):  # tie groups of the expected scores
        key = next((g for g in groups if abs(g - e["score"]) <= 1e-5 * g), e["score"])
        groups.setdefault(key, []).append(position)
    last = groups[next(reversed(groups))]
    for positions in groups.values():
        if positions is last and len(positions) > 1:
            continue  # tied at the cut: either of the ties may be kept
        key = lambda h: (h["origin"], h.get("sentence_index"))  # noqa: E731
        assert sorted(key(hits[p]) for p in positions) == sorted(key(expected[p]) for p in positions), (hits, expected)


def test_spark_ingest_equals_single_machine_ingest(spark, seeds, tmp_path):
    warc = write_warc(tmp_path / "crawl.warc.gz", PAGES)
    copies = tmp_path / "wire"
    copies.mkdir()  # syndicated copies of one seed in other files, so that stories span inputs
    seed = sorted(seeds.iterdir())[1]
    for k in range(3):
        text = seed.read_text(encoding="utf-8", errors="replace")
        (copies / f"copy-{k}.txt").write_text(f"وكالة {k}\n" + text, encoding="utf-8")
    inputs = [str(seeds), str(DEMO), str(warc), str(copies)]

    with Store(tmp_path / "one.db") as store:
        single = ingest(inputs, store)
    report = spark_ingest(spark, inputs, tmp_path / "corpus", shards=3)

    assert (report.added, report.unchanged, report.duplicates, report.skipped) == \
        (single.added, single.unchanged, single.duplicates, single.skipped)
    assert [(e.path, e.error) for e in report.errors] == [(e.path, e.error) for e in single.errors]
    assert report.duplicates >= 3 and report.skipped == 1

    manifest = read_manifest(tmp_path / "corpus")
    shards = [tmp_path / "corpus" / name for name in manifest["shards"]]
    assert len(shards) == 3 and manifest["articles"] == single.added + single.duplicates
    one_articles, one_stories = corpus_view([tmp_path / "one.db"])
    sharded_articles, sharded_stories = corpus_view(shards)
    assert sharded_articles == one_articles
    assert sharded_stories == one_stories
    assert any(len(s) >= 4 for s in sharded_stories)  # the seed and its three copies: one story
    sizes = []
    for db in shards:  # each shard is an ordinary store, with its BM25 index
        with Store(db) as store:
            sizes.append(store.stats()["articles"])
            assert store.schema_version >= 5
    assert sum(sizes) == manifest["articles"] and sum(1 for n in sizes if n) >= 2


def test_spark_cli_and_a_clear_error_for_a_used_folder(spark, seeds, tmp_path):
    from typer.testing import CliRunner

    from burhan.cli import app

    out = tmp_path / "corpus"
    result = CliRunner().invoke(app, ["spark", "ingest", str(seeds), "--out", str(out), "--shards", "2", "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["shards"] == 2 and summary["added"] + summary["duplicates"] == len(list(seeds.glob("*.txt")))
    again = CliRunner().invoke(app, ["spark", "ingest", str(seeds), "--out", str(out)])
    assert again.exit_code == 2 and "is not empty" in again.output


def test_a_sharded_corpus_is_read_like_one_store(spark, seeds, tmp_path):
    """Every command that opens a store opens the corpus folder: the same counts and articles,
    global ids that `show` opens, dense search identical to one store (one encoder's cosines),
    BM25 merged across shards with the corpus's document frequencies, a check."""
    from typer.testing import CliRunner

    from burhan.cli import app

    inputs = [str(seeds), str(DEMO)]
    with Store(tmp_path / "one.db") as store:
        ingest(inputs, store)
    runner = CliRunner()
    assert runner.invoke(app, ["embed", "--db", str(tmp_path / "one.db")]).exit_code == 0
    spark_ingest(spark, inputs, tmp_path / "corpus", shards=3, embed=True)
    one, corpus = str(tmp_path / "one.db"), str(tmp_path / "corpus")

    def run(*args):
        result = runner.invoke(app, [*args, "--json"])
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    stats = run("stats", "--db", corpus)
    assert {k: stats[k] for k in ("articles", "sentences", "stories", "sources")} == \
        {k: v for k, v in run("stats", "--db", one).items() if k in ("articles", "sentences", "stories", "sources")}
    assert stats["shards"] == 3
    listed = run("list", "--db", corpus)
    assert sorted(a["origin"] for a in listed) == sorted(a["origin"] for a in run("list", "--db", one))
    shown = run("show", str(listed[-1]["id"]), "--db", corpus)
    assert shown["origin"] == listed[-1]["origin"] and shown["sentences"]

    query = "قافلة مساعدات تدخل مضايا المحاصرة"
    dense = [h["origin"] for h in run("search", query, "--db", corpus, "--mode", "dense")]
    assert dense == [h["origin"] for h in run("search", query, "--db", one, "--mode", "dense")]
    queries = (query, "مقتل 1300 مدني في سوريا خلال نوفمبر", "لافروف: روسيا ستواصل عملياتها في شرق حلب")
    for query_text in queries:
        for sentences in ([], ["--sentences"]):
            for k in ("1", "3", "10"):
                search = ("search", query_text, "--mode", "bm25", "--k", k, *sentences)
                same_ranking(run(*search, "--db", corpus), run(*search, "--db", one))
    # what shows that the shards score with the corpus's IDF and average length is the
    # statistics they are handed
    from burhan.search import Searcher
    from burhan.search.sharded import ShardedSearcher
    from burhan.store.corpus import ShardedStore
    from burhan.text.tokens import analyze

    # the shards' first answers do not always settle the top k: some query above was asked deeper
    from burhan.search.lexical import LexicalIndex

    asked = []
    original = LexicalIndex.candidates_in_collection
    LexicalIndex.candidates_in_collection = lambda self, *a, **kw: asked.append(a[1]) or original(self, *a, **kw)
    try:
        sharded = ShardedSearcher(ShardedStore(corpus))
        for query_text in queries:
            sharded.bm25(analyze(query_text), 1)
    finally:
        LexicalIndex.candidates_in_collection = original
    assert max(asked) > 1, asked

    terms = analyze(query)
    with Store(one) as store:
        whole = Searcher(store).lexical.statistics(terms)
    merged = ShardedSearcher(ShardedStore(corpus)).statistics(terms)
    assert merged is not None and (merged.documents, merged.tokens, merged.frequencies) == \
        (whole.documents, whole.tokens, whole.frequencies)
    verdict = run("check", "مقتل 1300 مدني في سوريا خلال نوفمبر", "--db", corpus)
    assert verdict["verdict"] in ("true", "false", "not_enough_evidence") and verdict["evidence"]
    top = verdict["evidence"][0]
    assert run("show", str(top["article_id"]), "--db", corpus)["origin"] == top["origin"]
    refused = runner.invoke(app, ["ingest", str(seeds), "--db", corpus])
    assert refused.exit_code == 2 and "read only" in refused.output


def test_spark_check_gives_the_lines_of_check_batch(spark, seeds, tmp_path):
    from typer.testing import CliRunner

    from burhan.cli import app

    spark_ingest(spark, [str(seeds), str(DEMO)], tmp_path / "corpus", shards=2)
    claims = tmp_path / "claims.jsonl"
    claims.write_text("\n".join(json.dumps(c, ensure_ascii=False) for c in [
        {"id": "a", "claim": "مقتل 1300 مدني في سوريا خلال نوفمبر"},
        {"id": "b", "claim": "لافروف: روسيا ستواصل عملياتها في شرق حلب"},
        {"id": "c", "claim": "!!!"},
        {"id": "d", "claim": "قافلة مساعدات تدخل مضايا المحاصرة"}]) + "\n", encoding="utf-8")
    runner = CliRunner()
    batch = tmp_path / "batch.jsonl"
    assert runner.invoke(app, ["check", "--batch", str(claims), "--out", str(batch), "--db",
                               str(tmp_path / "corpus")]).exit_code == 0
    result = runner.invoke(app, ["spark", "check", str(claims), "--db", str(tmp_path / "corpus"),
                                 "--out", str(tmp_path / "checks")])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for part in sorted((tmp_path / "checks").glob("part-*.jsonl"))
             for line in part.read_text(encoding="utf-8").splitlines()]
    expected = [json.loads(line) for line in batch.read_text(encoding="utf-8").splitlines()]
    assert sorted(lines, key=lambda r: r["id"]) == sorted(expected, key=lambda r: r["id"])
    assert [r["id"] for r in lines if "error" in r] == ["c"]
    assert "checked 3, failed 1" in result.output
