"""Published fact-checks: the rating mapping, every import format, bad records, matching a
tweet to its verified claim, the CheckThat! measures, and a check that a fact-check decides."""

import csv
import json
import sqlite3

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from burhan.api.app import create_app
from burhan.cli import app
from burhan.demo import DEMO_FACTCHECKS, build_demo_store
from burhan.domain import FactCheckMatch
from burhan.engine import Engine
from burhan.evaluation.claim_matching import average_precision, score_rankings
from burhan.ingest.claimreview import import_factchecks, read_factchecks
from burhan.ingest.ratings import classify_rating, normalise_rating
from burhan.search.factchecks import FactCheckIndex, FactCheckMatcher, MatchError
from burhan.store import Store
from burhan.text.social import clean_social
from burhan.verdict.factchecks import factcheck_decision, opposite_claims
from tests.conftest import DATASETS

CHECKTHAT = DATASETS / "checkthat2021_ar"
TOKEN = "fc-token"
runner = CliRunner()


def claim_review(claim, rating, url, publisher="مسبار", date="2025-04-28", **extra):
    return {"@context": "https://schema.org", "@type": "ClaimReview", "claimReviewed": claim, "url": url,
            "datePublished": date, "author": {"@type": "Organization", "name": publisher, "url": "https://misbar.com"},
            "reviewRating": {"@type": "Rating", "alternateName": rating},
            "itemReviewed": {"@type": "Claim", "author": {"name": "حسابات على فيسبوك"}, "datePublished": "2025-04-26"},
            **extra}


# -- ratings ------------------------------------------------------------------------------

@pytest.mark.parametrize("published, expected", [
    ("مضلل", "misleading"), ("خطأ", "false"), ("زائف", "false"), ("خبر كاذب", "false"), ("مفبرك", "false"),
    ("صحيح", "true"), ("صحيح جزئياً", "mixed"), ("غير صحيح جزئيا", "mixed"), ("مش حقيقي", "false"),
    ("غير صحيح", "false"), ("لا أساس له من الصحة", "false"), ("ساخر", "satire"), ("غير مؤكد", "unproven"),
    ("Misleading", "misleading"), ("fake", "false"), ("False", "false"), ("Partly false", "mixed"),
    ("Missing context", "misleading"), ("Satire", "satire"), ("Faux", "false"), ("Trompeur", "misleading"),
    ("Pants on Fire!", "false"), ("Mostly True", "true"), ("Unproven", "unproven"), ("Vrai", "true"),
    ("Partiellement faux", "mixed"), ("عنوان مضلل", "misleading"), ("خبر ساخر وليس حقيقيًّا", "satire"),
])
def test_rating_mapping(published, expected):
    label, known = classify_rating(published)
    assert (label, known) == (expected, True)


def test_unknown_ratings_are_unrated_never_guessed():
    assert classify_rating("Four Pinocchios") == ("unrated", False)
    assert classify_rating("بحاجة إلى مراجعة دقيقة من المحرر قبل النشر على الموقع اليوم") == ("unrated", False)
    assert classify_rating(None) == ("unrated", True) and normalise_rating("") == "unrated"


# -- reading and importing ----------------------------------------------------------------

def test_every_import_format(tmp_path):
    one = claim_review("مقتل 3000 مدني في سوريا خلال نوفمبر", "مضلل", "https://misbar.com/a")
    (tmp_path / "one.json").write_text(json.dumps(one, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "list.json").write_text(json.dumps([
        claim_review("وفاة الفنان عادل إمام", "زائف", "https://fatabyyano.net/b"),
        claim_review("افتتاح مطار دمشق الدولي أمام الرحلات الدولية", "صحيح", "https://misbar.com/c")],
        ensure_ascii=False), encoding="utf-8")
    (tmp_path / "api.json").write_text(json.dumps({"claims": [{
        "text": "روسيا أوقفت عملياتها العسكرية في حلب", "claimant": "صفحات على تويتر", "claimDate": "2016-11-20T00:00:00Z",
        "claimReview": [
            {"publisher": {"name": "AFP عربي", "site": "factuel.afp.com"}, "url": "https://factuel.afp.com/ar/x",
             "title": "لا، روسيا لم توقف عملياتها", "reviewDate": "2016-11-22T10:00:00Z", "textualRating": "خطأ",
             "languageCode": "ar"},
            {"publisher": {"name": "Fatabyyano"}, "url": "https://fatabyyano.net/y", "textualRating": "Four Pinocchios"},
        ]}]}, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "feed.json").write_text(json.dumps({"@type": "DataFeed", "dataFeedElement": [
        {"@type": "DataFeedItem", "item": [claim_review("توزيع مساعدات غذائية على 40 ألف عائلة في إدلب", "Missing context",
                                                        "https://misbar.com/d", publisher="Misbar")]},
        {"@type": "DataFeedItem", "item": claim_review("سقوط 5 صواريخ على مطار حلب", "False", "https://misbar.com/e")}]},
        ensure_ascii=False), encoding="utf-8")
    page = ("<html><head><title>تحقق</title><script type=\"application/ld+json\">"
            + json.dumps(claim_review("صورة لطفل تحت الأنقاض في حلب", "مفبرك", "https://misbar.com/f"), ensure_ascii=False)
            + "</script></head><body><p>نص المقال</p></body></html>")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    with Store(tmp_path / "fc.db") as store:
        report = import_factchecks([tmp_path], store)
        assert report.errors == [] and report.added == 8 and report.unchanged == 0
        assert dict(report.unknown_ratings) == {"Four Pinocchios": 1}
        items = {f.url: f for f in store.factchecks()}
        assert store.stats()["factchecks"] == 8
    afp = items["https://factuel.afp.com/ar/x"]
    assert (afp.publisher, afp.publisher_site, afp.claimant, afp.claim_date, afp.review_date, afp.rating,
            afp.rating_normalised, afp.language) == ("AFP عربي", "factuel.afp.com", "صفحات على تويتر", "2016-11-20",
                                                     "2016-11-22", "خطأ", "false", "ar")
    assert items["https://fatabyyano.net/y"].rating == "Four Pinocchios"
    assert items["https://fatabyyano.net/y"].rating_normalised == "unrated"
    assert items["https://misbar.com/a"].rating_normalised == "misleading"
    assert items["https://misbar.com/a"].claimant == "حسابات على فيسبوك"
    assert items["https://misbar.com/d"].rating_normalised == "misleading"
    assert items["https://misbar.com/f"].claim == "صورة لطفل تحت الأنقاض في حلب"
    assert items["https://misbar.com/f"].rating_normalised == "false"


def test_import_is_idempotent(tmp_path):
    with Store(tmp_path / "fc.db") as store:
        assert import_factchecks([DEMO_FACTCHECKS], store).added == 5
        again = import_factchecks([DEMO_FACTCHECKS], store)
        assert (again.added, again.unchanged) == (0, 5) and store.factcheck_count() == 5


def test_bad_records_are_named_and_the_rest_land(tmp_path):
    lines = [json.dumps(claim_review("مقتل 3000 مدني في سوريا خلال نوفمبر", "مضلل", "https://misbar.com/1"), ensure_ascii=False),
             '{"@type": "ClaimReview", "claimReviewed": ',
             json.dumps({"@type": "ClaimReview", "url": "https://misbar.com/2", "reviewRating": {"alternateName": "زائف"}}),
             json.dumps(claim_review("سقوط صواريخ على مطار حلب", "زائف", "ftp://misbar.com/3"), ensure_ascii=False),
             json.dumps({"@type": "NewsArticle", "headline": "خبر"}),
             json.dumps(claim_review("افتتاح مدرسة جديدة في حمص", "صحيح", "https://misbar.com/4"), ensure_ascii=False)]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "broken.json").write_text('{"claims": [', encoding="utf-8")
    with Store(tmp_path / "fc.db") as store:
        report = import_factchecks([path, tmp_path / "broken.json"], store)
        assert report.added == 2 and store.factcheck_count() == 2
    errors = {(e.path.rsplit("/", 1)[-1], e.record): e.error for e in report.errors}
    assert set(errors) == {("mixed.jsonl", 2), ("mixed.jsonl", 3), ("mixed.jsonl", 4), ("mixed.jsonl", 5),
                           ("broken.json", None)}
    assert "invalid JSON" in errors[("mixed.jsonl", 2)] and "no claim text" in errors[("mixed.jsonl", 3)]
    assert "http" in errors[("mixed.jsonl", 4)] and "NewsArticle" in errors[("mixed.jsonl", 5)]
    assert "invalid JSON: Expecting value at line 1" in errors[("broken.json", None)]


def test_checkthat_tsv_with_publisher_and_rating_from_the_title():
    if not (CHECKTHAT / "vclaims.tsv").exists():
        pytest.skip("../shared/datasets/checkthat2021_ar is absent")
    result = read_factchecks(CHECKTHAT / "vclaims.tsv")
    assert result.errors == [] and len(result.factchecks) == 7508
    first = result.factchecks[0]
    assert (first.external_id, first.publisher, first.rating, first.rating_normalised) == \
        ("vclaim-0000", "فتبينوا", "خبر صحيح", "true")
    assert sum(f.rating_normalised == "false" for f in result.factchecks) > 50
    assert all(f.rating_normalised == "unrated" for f in result.factchecks if f.publisher is None)


def test_social_text_is_cleaned_for_matching():
    tweet = "RT @user: رسمياااا 🚨 #الا_رسول_الله اللاعب يعتزل https://t.co/3VgApG6C2C #PutItToThePeople"
    assert clean_social(tweet) == "رسميا الا رسول الله اللاعب يعتزل Put It To The People"


# -- matching -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def checkthat_subset(tmp_path_factory):
    """The verified claims of 12 train tweets and 60 others from the shared TSV, in a store."""
    if not (CHECKTHAT / "vclaims.tsv").exists():
        pytest.skip("../shared/datasets/checkthat2021_ar is absent")
    from burhan.ingest.benchmarks import load_checkthat_queries, load_qrels

    queries = load_checkthat_queries(CHECKTHAT / "train_queries.tsv")[:12]
    qrels = load_qrels(CHECKTHAT / "train_qrels.txt")
    wanted = {v for q, _ in queries for v in qrels.get(q, ())}
    with open(CHECKTHAT / "vclaims.tsv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    kept = [rows[0]] + [r for r in rows[1:] if r[0] in wanted] + [r for r in rows[1:61] if r[0] not in wanted]
    folder = tmp_path_factory.mktemp("checkthat")
    (folder / "vclaims.tsv").write_text("\n".join("\t".join(r) for r in kept) + "\n", encoding="utf-8")
    store = Store(folder / "fc.db")
    import_factchecks([folder / "vclaims.tsv"], store)
    yield store, queries, qrels
    store.close()


def test_a_tweet_is_matched_to_its_verified_claim(checkthat_subset):
    store, queries, qrels = checkthat_subset
    matcher = FactCheckMatcher(store)
    external = {f.id: f.external_id for f in store.factchecks()}
    hits = 0
    for qid, tweet in queries:
        matches = matcher.match(tweet, k=5)
        assert matches and all(isinstance(m, FactCheckMatch) and 0 <= m.score <= 1 for m in matches)
        assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)
        hits += external[matches[0].factcheck_id] in qrels[qid]
    assert hits >= 10  # of 12 tweets, the verified claim comes first
    turkey = next(t for q, t in queries if q == "tweet-ar-004")
    top = matcher.match(turkey, k=1)[0]
    assert external[top.factcheck_id] == "vclaim-2270" and "تركيا" in top.claim and top.score > 0.5
    # the Kante tweet also names Pogba: both players' fact-checks come first, each likely
    kante = next(t for q, t in queries if q == "tweet-ar-003")
    assert any("كانتي" in m.claim and m.score > 0.5 for m in matcher.match(kante, k=2))
    with pytest.raises(MatchError):
        matcher.match("https://t.co/abc @user 🚨")


def test_a_matcher_uses_the_index_it_is_given(checkthat_subset):
    store, _, _ = checkthat_subset
    index = FactCheckIndex(store)  # not refreshed yet: no rows, so len(index) == 0
    assert FactCheckMatcher(store, index=index).index is index


def test_a_query_can_be_ranked_as_if_its_factcheck_were_never_published(checkthat_subset):
    store, queries, qrels = checkthat_subset
    matcher = FactCheckMatcher(store)
    ids = {f.external_id: f.id for f in store.factchecks()}
    qid, tweet = next((q, t) for q, t in queries if q == "tweet-ar-004")
    own = frozenset(ids[v] for v in qrels[qid] if v in ids)
    full = matcher.rank(tweet)
    assert full[0].factcheck_id in own
    without = matcher.rank(tweet, exclude=own)
    assert without and not own & {c.factcheck_id for c in without}
    assert without[0].score < full[0].score


def test_cli_eval_claim_matching_reports_false_alarms_on_never_checked_queries(checkthat_subset, tmp_path):
    """``burhan eval claim-matching``: the official measures, and at the show and decisive
    thresholds the share of tweets shown their fact-check, its precision, and the share still shown
    one when their own are taken out of the collection (a claim nobody has checked)."""
    store, queries, qrels = checkthat_subset
    folder = tmp_path / "cm"
    folder.mkdir()
    vclaims = store.path.parent / "vclaims.tsv"
    (folder / "queries.tsv").write_text("tweet_id\ttweet_text\n" + "".join(
        f"{q}\t{t.replace(chr(9), ' ').replace(chr(10), ' ')}\n" for q, t in queries), encoding="utf-8")
    (folder / "qrels.txt").write_text("".join(f"{q}\t0\t{v}\t1\n" for q, _ in queries for v in sorted(qrels[q])),
                                      encoding="utf-8")
    args = ["eval", "claim-matching", "--vclaims", str(vclaims), "--queries", str(folder / "queries.tsv"),
            "--qrels", str(folder / "qrels.txt")]
    result = CliRunner().invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["queries"] == 12 and report["map@5"] >= 0.8
    for name, threshold in (("show", 0.5), ("decisive", 0.8)):
        at = report["thresholds"][name]
        assert at["threshold"] == threshold and 0 < at["share_with_a_top_match"] <= 1
        assert 0 <= at["unmatched_queries_with_a_top_match"] <= 1
    human = CliRunner().invoke(app, args)
    assert human.exit_code == 0 and "map@5" in human.output and "P ≥" in human.output


def test_official_measures():
    qrels = {"t1": {"a", "b"}, "t2": {"c"}, "t3": {"missing"}}
    rankings = {"t1": ["a", "x", "b"], "t2": ["x", "c"], "t3": ["x", "y"]}
    assert average_precision(["a", "x", "b"], {"a", "b"}, 5) == pytest.approx((1 + 2 / 3) / 2)
    assert average_precision(["a", "x", "b"], {"a", "b"}, 1) == pytest.approx(0.5)
    scores = score_rankings(rankings, qrels)
    assert scores["queries"] == 3
    assert scores["map@5"] == pytest.approx(((1 + 2 / 3) / 2 + 0.5 + 0) / 3, abs=1e-4)
    assert scores["mrr"] == pytest.approx((1 + 0.5 + 0) / 3, abs=1e-4)
    assert scores["p@1"] == pytest.approx(1 / 3, abs=1e-4)


# -- a fact-check in the check ------------------------------------------------------------

@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    return build_demo_store(tmp_path_factory.mktemp("fc-demo") / "demo.db")


def test_a_false_rated_factcheck_refutes_and_is_named(demo_db):
    with Engine.open(demo_db) as engine:
        verdict = engine.check("استقالة وزير الصحة السوري احتجاجا على نقص الأدوية")
        english = engine.check("استقالة وزير الصحة السوري احتجاجا على نقص الأدوية", lang="en")
    assert (verdict.verdict, verdict.basis) == ("false", "refuted")
    top = verdict.factchecks[0]
    assert top.rating == "خبر كاذب" and top.rating_normalised == "false" and top.score >= 0.8
    assert verdict.confidence == top.score and verdict.p_true == pytest.approx(1 - top.score, abs=1e-4)
    assert "سبق التحقق منه" in verdict.explanation and "مكتب التحقق (تجريبي)" in verdict.explanation
    assert "2016-11-29" in verdict.explanation and top.url in verdict.explanation
    assert "already fact-checked" in english.explanation and top.url in english.explanation
    assert verdict.evidence, "news evidence still shows beside the fact-check"


def test_a_true_rated_factcheck_supports(demo_db):
    with Engine.open(demo_db) as engine:
        verdict = engine.check("دخول قافلة مساعدات إلى بلدة مضايا المحاصرة")
    assert (verdict.verdict, verdict.basis) == ("true", "supported")
    assert verdict.factchecks[0].rating_normalised == "true"


def test_a_denial_of_the_factchecked_claim_is_not_refuted_by_it(demo_db):
    with Engine.open(demo_db) as engine:
        verdict = engine.check("وزارة الصحة السورية تنفي استقالة وزير الصحة")
    assert verdict.factchecks and verdict.factchecks[0].rating_normalised == "false"  # shown …
    assert any("opposite statement" in w for w in verdict.warnings)  # … not used, and the user is told
    assert "الأساس: سبق التحقق منه" not in verdict.explanation


def test_factcheck_decision_rules():
    def match(rating, score=0.95, claim="استقالة وزير الصحة السوري"):
        return FactCheckMatch(1, claim, None, "مسبار", None, rating, rating, None, score)

    assert factcheck_decision("استقالة وزير الصحة السوري", [match("false")], 0.8)[0].basis == "refuted"
    assert factcheck_decision("استقالة وزير الصحة السوري", [match("true")], 0.8)[0].basis == "supported"
    assert factcheck_decision("استقالة وزير الصحة السوري", [match("mixed")], 0.8)[0] is None
    assert factcheck_decision("استقالة وزير الصحة السوري", [match("false", 0.7)], 0.8)[0] is None
    decision, warnings = factcheck_decision("استقالة وزير الصحة السوري", [match("false"), match("true", 0.9)], 0.8)
    assert decision is None and "disagree" in warnings[0]
    assert opposite_claims("لم يمت الفنان عادل إمام", "وفاة الفنان عادل إمام")
    assert opposite_claims("مقتل 300 مدني في حلب", "مقتل 1300 مدني في حلب")
    assert not opposite_claims("وفاة الفنان عادل إمام", "وفاة الفنان المصري عادل إمام")


def test_no_factchecks_no_matcher(tmp_path):
    from burhan.demo import DEMO_CORPUS
    from burhan.ingest import ingest
    from burhan.search import Searcher

    with Store(tmp_path / "news.db") as store:
        ingest([DEMO_CORPUS], store)
        Searcher(store).sync(embed=False)
    with Engine.open(tmp_path / "news.db", mode="bm25") as engine:
        verdict = engine.check("مقتل 1300 مدني في سوريا خلال نوفمبر")
        assert verdict.factchecks == [] and engine._matcher is None


# -- CLI and API --------------------------------------------------------------------------

def test_cli_import_and_batch_match(tmp_path, demo_db):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(claim_review("سقوط صواريخ على مطار حلب", "زائف", "https://misbar.com/z"), ensure_ascii=False)
                   + "\n{not json}\n", encoding="utf-8")
    db = tmp_path / "cli.db"
    result = runner.invoke(app, ["factchecks", "import", str(bad), "--db", str(db), "--json"])
    assert result.exit_code == 1
    body = json.loads(result.stdout)
    assert body["added"] == 1 and body["errors"][0]["record"] == 2 and body["errors"][0]["path"].endswith("bad.jsonl")
    claims = tmp_path / "claims.jsonl"
    claims.write_text('{"id": "a", "claim": "استقالة وزير الصحة السوري"}\n{"id": "b", "claim": "🚨 https://t.co/x"}\n',
                      encoding="utf-8")
    out = tmp_path / "matches.jsonl"
    result = runner.invoke(app, ["factchecks", "match", "--batch", str(claims), "--out", str(out), "--db", str(demo_db)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines[0]["id"] == "a" and lines[0]["matches"][0]["rating"] == "خبر كاذب"
    assert set(lines[0]["matches"][0]) == {"factcheck_id", "claim", "title", "publisher", "url", "rating",
                                           "rating_normalised", "review_date", "score"}
    assert lines[1]["id"] == "b" and "error" in lines[1]
    again = runner.invoke(app, ["factchecks", "match", "--batch", str(claims), "--out", str(out), "--db", str(demo_db)])
    assert "already done 2" in again.output and len(out.read_text(encoding="utf-8").splitlines()) == 2


def test_api_lookup_and_all_or_nothing_import(demo_db):
    with TestClient(create_app(demo_db, token=TOKEN), raise_server_exceptions=False) as client:
        found = client.get("/api/factchecks", params={"q": "استقالة وزير الصحة السوري", "k": 3})
        assert found.status_code == 200 and found.json()[0]["publisher"] == "مكتب التحقق (تجريبي)"
        checked = client.post("/api/check", json={"claim": "استقالة وزير الصحة السوري احتجاجا على نقص الأدوية"}).json()
        assert checked["basis"] == "refuted" and checked["factchecks"][0]["rating_normalised"] == "false"
        good = claim_review("سقوط 5 صواريخ على مطار حلب الدولي", "زائف", "https://misbar.com/api-1")
        before = sqlite3.connect(demo_db).execute("SELECT count(*) FROM factchecks").fetchone()[0]
        refused = client.post("/api/factchecks", json=[good, {"@type": "ClaimReview", "url": "https://x.example/"}],
                              headers={"Authorization": f"Bearer {TOKEN}"})
        assert refused.status_code == 422 and refused.json()["error"]["errors"][0]["record"] == 2
        assert sqlite3.connect(demo_db).execute("SELECT count(*) FROM factchecks").fetchone()[0] == before
        assert client.post("/api/factchecks", json=[good]).status_code == 401
        added = client.post("/api/factchecks", json=[good], headers={"Authorization": f"Bearer {TOKEN}"})
        assert added.status_code == 200 and added.json()["added"] == 1
        assert client.get("/api/factchecks", params={"q": "صواريخ على مطار حلب"}).json()[0]["url"] == "https://misbar.com/api-1"
        paths = client.get("/openapi.json").json()["paths"]
        assert "get" in paths["/api/factchecks"] and "post" in paths["/api/factchecks"]
