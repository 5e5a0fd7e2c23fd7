"""Concurrency and crashes (issue 16, item 4), on loopback only: a bounded soak of concurrent
ingests, checks and searches across two server workers; a server killed (SIGKILL) during an
ingest; a store whose disk is full. Nothing lost, doubled or half-written, and the store verifies."""

import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import threading
import time

import httpx
import pytest

from burhan.demo import build_demo_store
from burhan.ingest import ingest
from burhan.store import Store, StoreError

TOKEN = "soak-token"
SOAK_SECONDS = 40
PLACES = ["حلب", "حمص", "إدلب", "درعا", "دير الزور", "اللاذقية", "طرطوس", "الرقة"]


def article(n: int, writer: int) -> dict:
    place = PLACES[n % len(PLACES)]
    return {"url": f"https://soak.example/{writer}/{n}", "title": f"خبر {n} من {place}",
            "text": f"أفاد مراسلنا في {place} اليوم بأن ورشة الإصلاح رقم {writer}{n} أنهت أعمالها في الحي "
                    f"الشرقي بعد {n + 3} أيام من العمل. وقال مسؤول محلي إن الورشة أعادت المياه إلى {n * 10 + 40} منزلا."}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db, workers: int = 2) -> tuple[subprocess.Popen, str]:
    port = free_port()
    server = subprocess.Popen([shutil.which("burhan"), "serve", "--db", str(db), "--port", str(port), "--workers",
                               str(workers), "--token", TOKEN], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 180
    while True:
        try:
            if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                return server, base
        except httpx.HTTPError:
            pass
        assert time.time() < deadline and server.poll() is None, "the server did not start"
        time.sleep(0.3)


def stop(server: subprocess.Popen, sig=signal.SIGTERM) -> None:
    os.killpg(server.pid, sig)
    server.wait(60)


def verify(db) -> list[str]:
    with Store(db) as store:
        return store.verify()


def test_soak_concurrent_ingests_checks_and_searches_across_two_workers(tmp_path):
    db = build_demo_store(tmp_path / "soak.db")
    with sqlite3.connect(db) as con:
        before = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    server, base = start_server(db)
    sent: dict[str, dict] = {}
    failures: list[str] = []
    stop_at = time.time() + SOAK_SECONDS

    def writer(k: int) -> None:
        n = 0
        with httpx.Client(timeout=120, headers={"Authorization": f"Bearer {TOKEN}"}) as client:
            while time.time() < stop_at:
                batch = [article(n + i, k) for i in range(3)]
                # every third batch repeats one text under a new URL: a syndicated copy to link
                if n % 9 == 0:
                    batch.append({**batch[0], "url": batch[0]["url"] + "?copy"})
                response = client.post(f"{base}/api/ingest", json={"articles": batch})
                if response.status_code != 200:
                    failures.append(f"ingest {response.status_code}: {response.text[:200]}")
                else:
                    sent.update({a["url"]: a for a in batch})
                n += 3

    def reader(kind: str) -> None:
        with httpx.Client(timeout=120) as client:
            while time.time() < stop_at:
                if kind == "check":
                    response = client.post(f"{base}/api/check", json={"claim": "ورشة الإصلاح أعادت المياه إلى المنازل في حلب"})
                else:
                    response = client.get(f"{base}/api/search", params={"q": "ورشة الإصلاح في حمص", "mode": "hybrid"})
                if response.status_code != 200:
                    failures.append(f"{kind} {response.status_code}: {response.text[:200]}")

    threads = [threading.Thread(target=writer, args=(k,)) for k in range(2)] + \
        [threading.Thread(target=reader, args=(kind,)) for kind in ("check", "search", "search")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        assert failures == []
        hits = httpx.get(f"{base}/api/search", params={"q": "ورشة الإصلاح رقم", "k": 100, "mode": "bm25"}, timeout=60).json()
        assert hits, "the articles ingested by one worker are searchable"
    finally:
        stop(server)
    assert len(sent) >= 6, "the soak wrote too little to prove anything"
    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT url, story_id, id, (SELECT count(*) FROM sentences s WHERE s.article_id = a.id) "
                           "FROM articles a WHERE url LIKE 'https://soak.example/%'").fetchall()
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == before + len(sent)
    urls = [r[0] for r in rows]
    assert sorted(urls) == sorted(sent) and len(set(urls)) == len(urls)  # none lost, none doubled
    assert all(r[3] >= 2 for r in rows)  # no half-written article: each has its two sentences
    story = {r[0]: r[1] for r in rows}
    for url in sent:
        if url.endswith("?copy"):
            assert story[url] == story[url.removesuffix("?copy")]  # the copy linked to its story
    assert verify(db) == []


def test_sigkill_during_an_api_ingest_leaves_all_or_nothing(tmp_path):
    db = build_demo_store(tmp_path / "kill.db")
    with sqlite3.connect(db) as con:
        before = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    batch = [article(n, 7) for n in range(300)]
    for delay in (0.5, 2.0):
        server, base = start_server(db, workers=1)
        outcome = {}

        def post() -> None:
            try:
                outcome["status"] = httpx.post(f"{base}/api/ingest", json={"articles": batch}, timeout=120,
                                               headers={"Authorization": f"Bearer {TOKEN}"}).status_code
            except httpx.HTTPError as err:
                outcome["error"] = type(err).__name__

        thread = threading.Thread(target=post)
        thread.start()
        time.sleep(delay)
        stop(server, signal.SIGKILL)
        thread.join()
        with sqlite3.connect(db) as con:
            count = con.execute("SELECT count(*) FROM articles").fetchone()[0]
            empty = con.execute("SELECT count(*) FROM articles a WHERE NOT EXISTS "
                                "(SELECT 1 FROM sentences s WHERE s.article_id = a.id)").fetchone()[0]
        assert count in (before, before + len(batch)), (delay, count)
        assert empty == 0
        # what may lag is work that resumes (the BM25 index, vectors not yet embedded), never the store
        assert [p for p in verify(db) if "index" not in p and "vector" not in p] == []
        if count == before + len(batch):
            break
    again = tmp_path / "again.jsonl"  # the same articles ingested after the crash: none twice
    again.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in batch), encoding="utf-8")
    with Store(db) as store:
        report = ingest([again], store)
        assert report.added + report.unchanged == len(batch) and store.stats()["articles"] == before + len(batch)
        assert report.unchanged == (len(batch) if count == before + len(batch) else 0)


def test_a_full_disk_fails_cleanly_and_the_store_stays_readable(tmp_path):
    db = build_demo_store(tmp_path / "full.db")
    big = tmp_path / "many.jsonl"
    big.write_text("\n".join(json.dumps(article(n, 9), ensure_ascii=False) for n in range(400)), encoding="utf-8")
    with Store(db) as store:
        before = store.stats()
        pages = store.db.execute("PRAGMA page_count").fetchone()[0]
        store.db.execute(f"PRAGMA max_page_count = {pages + 5}")  # SQLite's own size limit stands for the disk
        with pytest.raises(StoreError, match="disk is full"):
            ingest([big], store)
        assert store.stats() == before
    assert verify(db) == []
    with Store(db) as store:  # and with room again, the same file lands whole
        report = ingest([big], store)
        assert report.added + report.duplicates == 400 and not report.errors
