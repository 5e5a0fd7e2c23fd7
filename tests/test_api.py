"""The REST API through FastAPI's TestClient: reads, the token on writes, limits, errors,
and an ingest that fails leaving the store as it was."""

import os
import sqlite3

import pytest
from fastapi.testclient import TestClient

from burhan.api.app import create_app
from burhan.demo import build_demo_store

TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    return build_demo_store(tmp_path_factory.mktemp("api") / "demo.db")


@pytest.fixture(scope="module")
def client(demo_db):
    with TestClient(create_app(demo_db, token=TOKEN, max_request_bytes=200_000), raise_server_exceptions=False) as c:
        yield c


def snapshot(db):
    with sqlite3.connect(db) as con:
        return [con.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in ("articles", "sentences")]


def test_health_stats_and_openapi(client):
    assert client.get("/health").json() == {"status": "ok", "articles": 26, "worker": os.getpid()}
    assert client.get("/api/stats").json()["stories"] == 22
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/check", "/api/search", "/api/articles/{article_id}", "/api/ingest", "/api/stats", "/health"} <= set(paths)


def test_api_docs_work_offline(client):
    """/docs must not need a CDN: every script and stylesheet it names is served by the app."""
    import re

    page = client.get("/docs").text
    assets = re.findall(r"(?:src|href)=['\"]([^'\"]+\.(?:js|css))['\"]", page)
    assert len(assets) >= 2 and all(a.startswith("/") for a in assets), assets
    for asset in assets:
        assert client.get(asset).status_code == 200, asset


def test_check_returns_verdict_evidence_and_highlightable_excerpts(client):
    response = client.post("/api/check", json={"claim": "مقتل 1300 مدني في سوريا خلال نوفمبر"})
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["verdict"] in ("true", "false", "not_enough_evidence")
    assert data["basis"] in ("supported", "refuted", "unconfirmed", "no_evidence")
    assert (data["confidence"] is None) == (data["verdict"] == "not_enough_evidence")
    assert data["confidence"] is None or 0.5 <= data["confidence"] <= 1
    top = data["evidence"][0]
    marked = [s for s in top["excerpt"] if s["rationale"]]
    assert marked and {s["index"] for s in marked} == {r["index"] for r in top["rationale"]}


@pytest.mark.parametrize("body, status, message", [
    ({"claim": "   "}, 422, "empty"),
    ({"claim": "حلب " * 400}, 422, "limit"),
    ({"claim": "مقتل مدنيين", "k": 0}, 422, "k"),
    ({"claim": "مقتل مدنيين", "date": "yesterday"}, 422, "date"),
    ({}, 422, "claim"),
])
def test_check_errors_are_clear_4xx(client, body, status, message):
    response = client.post("/api/check", json=body)
    assert response.status_code == status and message in response.json()["error"]["message"]
    assert "Traceback" not in response.text


def test_search_and_articles(client):
    hits = client.get("/api/search", params={"q": "لافروف حلب", "k": 3}).json()
    assert hits and "لافروف" in hits[0]["title"]
    article = client.get(f"/api/articles/{hits[0]['article_id']}").json()
    assert article["sentences"] and article["id"] == hits[0]["article_id"]
    assert client.get("/api/articles/99999").status_code == 404
    assert client.get("/api/search", params={"q": "؟؟"}).status_code == 422


def test_writes_need_the_token(client, demo_db):
    before = snapshot(demo_db)
    body = {"articles": [{"text": "خبر جديد عن افتتاح جسر في مدينة حمص بعد إعادة بنائه بالكامل."}]}
    assert client.post("/api/ingest", json=body).status_code == 401
    wrong = client.post("/api/ingest", json=body, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    assert snapshot(demo_db) == before


def test_server_without_token_refuses_all_writes(demo_db):
    with TestClient(create_app(demo_db)) as c:
        response = c.post("/api/ingest", json={"articles": [{"text": "نص"}]}, headers={"Authorization": "Bearer x"})
        assert response.status_code == 403 and "token" in response.json()["error"]["message"]


def test_failed_ingest_stores_nothing(client, demo_db):
    before = snapshot(demo_db)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    body = {"articles": [{"text": "افتتاح جسر جديد في مدينة حمص بعد إعادة بنائه بالكامل خلال عامين من العمل المتواصل."},
                         {"text": "<script>alert(1)</script>", "html": True}]}
    response = client.post("/api/ingest", json=body, headers=auth)
    assert response.status_code == 422 and "nothing was stored" in response.text
    assert "articles[1]" in response.text
    broken = client.post("/api/ingest", content=b'{"articles": [', headers={**auth, "Content-Type": "application/json"})
    assert broken.status_code == 422 and "not valid JSON" in broken.json()["error"]["message"]
    too_big = client.post("/api/ingest", content=b"x" * 300_000, headers={**auth, "Content-Type": "application/json"})
    assert too_big.status_code == 413
    assert snapshot(demo_db) == before


def test_ingest_json_and_files_with_the_token(client):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    text = "افتتحت محافظة طرطوس اليوم جسرا جديدا فوق النهر بعد عامين من العمل، وقال المحافظ إن الجسر يخدم عشرة آلاف نسمة."
    response = client.post("/api/ingest", json={"articles": [{"text": text, "title": "جسر جديد في طرطوس",
                                                              "url": "https://local.example/bridge"}]}, headers=auth)
    assert response.status_code == 200, response.text
    assert response.json()["added"] == 1
    again = client.post("/api/ingest", json={"articles": [{"text": text, "title": "جسر جديد في طرطوس",
                                                           "url": "https://local.example/bridge"}]}, headers=auth)
    assert again.json()["unchanged"] == 1
    files = {"files": ("news.txt", "افتتاح مكتبة عامة في مدينة اللاذقية تضم عشرين ألف كتاب باللغتين العربية والإنجليزية.".encode("cp1256"))}
    uploaded = client.post("/api/ingest", files=files, headers=auth)
    assert uploaded.status_code == 200, uploaded.text
    assert uploaded.json()["added"] == 1
    hits = client.get("/api/search", params={"q": "مكتبة اللاذقية"}).json()
    assert hits[0]["origin"] == "upload:news.txt"
    assert client.post("/api/ingest", content=b"text", headers={**auth, "Content-Type": "text/plain"}).status_code == 415


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_with_two_workers_sees_every_write(tmp_path):
    """`burhan serve --workers 2`: an article ingested through one worker, and one ingested by
    the command line while the server runs, are found by every request (whichever worker
    answers, with its dense index built before the write), and counted once."""
    import shutil
    import subprocess
    import time

    import httpx

    db = build_demo_store(tmp_path / "demo.db")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([shutil.which("burhan"), "serve", "--db", str(db), "--port", str(port),
                               "--workers", "2", "--token", TOKEN], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.time() + 120
        while True:
            try:
                if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.time() < deadline and server.poll() is None, "the server did not start"
            time.sleep(0.3)
        for _ in range(8):  # each worker builds its in-memory dense index before the write
            assert httpx.get(f"{base}/api/search", params={"q": "مهرجان طرطوس", "mode": "dense"}, timeout=60).status_code == 200
        article = {"text": "افتتح في مدينة طرطوس مهرجان الإسفنج البحري السنوي بمشاركة ثلاثين صيادا.",
                   "title": "مهرجان الإسفنج في طرطوس", "source": "test"}
        response = httpx.post(f"{base}/api/ingest", json={"articles": [article]}, timeout=60,
                              headers={"Authorization": f"Bearer {TOKEN}"})
        assert response.status_code == 200 and response.json()["added"] == 1, response.text
        (tmp_path / "late.txt").write_text("سجلت محطة رصد في اللاذقية أعلى درجة حرارة منذ عقدين بلغت 46 درجة.",
                                           encoding="utf-8")
        subprocess.run([shutil.which("burhan"), "ingest", str(tmp_path / "late.txt"), "--db", str(db)], check=True,
                       capture_output=True)
        workers = set()
        for _ in range(12):  # a new connection each time: either worker may answer
            health = httpx.get(f"{base}/health", timeout=10).json()
            assert health["articles"] == 28
            workers.add(health["worker"])
            for mode in ("bm25", "dense"):
                hits = httpx.get(f"{base}/api/search", params={"q": "مهرجان الإسفنج البحري في طرطوس", "mode": mode},
                                 timeout=30).json()
                assert hits and hits[0]["title"] == "مهرجان الإسفنج في طرطوس", mode
            hits = httpx.get(f"{base}/api/search", params={"q": "درجة حرارة اللاذقية", "mode": "bm25"}, timeout=30).json()
            assert hits and hits[0]["origin"].endswith("late.txt")
        assert len(workers) == 2, "every answer came from one worker: the test proves nothing"
    finally:
        server.terminate()
        server.wait(30)
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 28


def test_hybrid_search_without_vectors_answers_with_bm25_and_says_so(tmp_path):
    """An ingest made on the command line with --no-embed (or not yet embedded) must not turn a
    hybrid search into an error; a dense search still says what is missing."""
    from burhan.ingest import ingest
    from burhan.store import Store

    text = tmp_path / "power.txt"
    text.write_text("انقطاع الكهرباء عن مدينة حماة لساعات طويلة بسبب عطل في محطة التوليد الرئيسية.", encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        ingest([text], store)
    with TestClient(create_app(tmp_path / "s.db"), raise_server_exceptions=False) as c:
        hybrid = c.get("/api/search", params={"q": "انقطاع الكهرباء في حماة"})
        assert hybrid.status_code == 200 and hybrid.json()[0]["origin"].endswith("power.txt")
        assert "BM25 only" in hybrid.headers["x-burhan-warning"]
        dense = c.get("/api/search", params={"q": "انقطاع الكهرباء في حماة", "mode": "dense"})
        assert dense.status_code == 422 and "burhan embed" in dense.json()["error"]["message"]
