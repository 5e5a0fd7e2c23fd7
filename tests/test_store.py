"""The SQLite store: schema, atomic batches, concurrent readers, crash consistency."""

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from burhan.domain import Article
from burhan.ingest import ingest
from burhan.ingest.clean import clean
from burhan.domain import Document
from burhan.store import SCHEMA_VERSION, Store, StoreError
from burhan.text.tokens import analyze

TEXT = "أفاد المرصد السوري لحقوق الإنسان بمقتل {n} مدني في سوريا خلال شهر نوفمبر الماضي. وقال المرصد إن الغارات استهدفت {place}."
PLACES = ["حلب", "إدلب", "حمص", "درعا", "دير الزور", "الرقة", "حماة", "اللاذقية", "دمشق", "القنيطرة"]


def article(k: int) -> Article:
    return clean(Document(origin=f"test://{k}", raw_text=TEXT.format(n=k * 7 + 1, place=PLACES[k % 10]) + f" رقم التقرير {k}."))


def test_schema_version_and_reopen(tmp_path):
    with Store(tmp_path / "s.db") as store:
        assert store.schema_version == SCHEMA_VERSION
        store.add_articles([article(1)])
    with Store(tmp_path / "s.db", create=False) as store:
        assert store.stats()["articles"] == 1


def test_refuses_foreign_and_newer_files(tmp_path):
    (tmp_path / "notes.txt").write_text("ليس قاعدة بيانات", encoding="utf-8")
    with pytest.raises(StoreError, match="not a Burhan store"):
        Store(tmp_path / "notes.txt")
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as con:
        con.execute("CREATE TABLE t (x)")
    with pytest.raises(StoreError, match="not a Burhan store"):
        Store(other)
    with Store(tmp_path / "new.db"):
        pass
    with sqlite3.connect(tmp_path / "new.db") as con:
        con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="schema version"):
        Store(tmp_path / "new.db")
    with pytest.raises(StoreError, match="no store"):
        Store(tmp_path / "absent.db", create=False)


def test_batch_is_atomic(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.add_articles([article(1)])
        broken = article(3)
        broken.raw_text = None  # violates NOT NULL in the middle of the batch
        with pytest.raises(sqlite3.IntegrityError):
            store.add_articles([article(2), broken, article(4)])
        assert store.stats()["articles"] == 1
        assert store.stats()["sentences"] == len(article(1).sentences)


def test_readers_work_during_a_write(tmp_path):
    with Store(tmp_path / "s.db") as writer, Store(tmp_path / "s.db") as reader:
        writer.add_articles([article(1)])
        with writer.transaction() as db:
            db.execute("INSERT INTO sentences (article_id, idx, text) VALUES (1, 99, 'جملة')")
            assert reader.stats()["articles"] == 1  # not blocked by the open write
            assert reader.stats()["sentences"] == len(article(1).sentences)


def test_kill_during_ingest_leaves_consistent_store(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for k in range(3000):
        (corpus / f"{k:05d}.txt").write_text(TEXT.format(n=k, place=PLACES[k % 10]) + f" تقرير {k}.", encoding="utf-8")
    db = tmp_path / "s.db"
    code = (f"from burhan.store import Store\nfrom burhan.ingest import ingest\n"
            f"ingest([{str(corpus)!r}], Store({str(db)!r}), workers=1, batch_size=50)")
    proc = subprocess.Popen([sys.executable, "-c", code])
    deadline = time.time() + 60
    while time.time() < deadline:
        time.sleep(0.2)
        if db.exists():
            try:
                with sqlite3.connect(db) as con:
                    if con.execute("SELECT count(*) FROM articles").fetchone()[0] >= 100:
                        break
            except sqlite3.OperationalError:
                pass
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with Store(db) as store:
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        n = store.stats()["articles"]
        assert 100 <= n < 3000 and n % 50 == 0  # whole batches only
        orphans = store.db.execute(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.article_id = a.id)"
        ).fetchone()[0]
        assert orphans == 0
        report = ingest([corpus], store)  # resuming completes the rest
        assert report.unchanged == n and report.added + report.duplicates == 3000 - n


def test_old_store_is_migrated_keeping_its_data(tmp_path):
    from burhan.store.sqlite import MIGRATIONS, _statements

    db = tmp_path / "v1.db"
    with sqlite3.connect(db) as con:
        for statement in _statements(MIGRATIONS[0]):
            con.execute(statement)
        con.execute("INSERT INTO articles (id, origin, raw_text, text, content_hash, story_id, signature, ingested_at)"
                    " VALUES (1, 'old://1', 'نص', 'نص قديم', 'h', 1, x'00', '2016-01-01')")
        con.execute("INSERT INTO sentences (article_id, idx, text) VALUES (1, 0, 'استعادت القوات السيطرة على المدينة.')")
        con.execute("PRAGMA user_version = 1")
    with Store(db) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.get(1).text == "نص قديم"
        # v5: the stems an old store lacked were analysed during the migration
        (sentence,) = store.get(1).sentences
        assert sentence.stems == tuple(analyze(sentence.text)) and len(sentence.stems) >= 3
        assert len(store.store_id) == 32
