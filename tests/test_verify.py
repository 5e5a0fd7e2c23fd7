"""`burhan verify` finds what is wrong with a store and names it; `burhan backup` copies a
store consistently, even while another process ingests into it."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

from typer.testing import CliRunner

from burhan.cli import app
from burhan.demo import build_demo_store


def verify(db):
    result = CliRunner().invoke(app, ["verify", "--db", str(db), "--json"])
    return result.exit_code, json.loads(result.stdout)


def test_a_sound_store_verifies_and_each_damage_is_named(tmp_path):
    db = build_demo_store(tmp_path / "demo.db")
    assert verify(db) == (0, {"ok": True, "problems": []})
    with sqlite3.connect(db) as con:
        con.execute("DELETE FROM sentences WHERE article_id = 3")
        con.execute("UPDATE sentences SET stems = NULL WHERE article_id = 5 AND idx = 0")
        con.execute("DELETE FROM lsh_bands WHERE article_id = 7 AND band = 4")
        con.execute("UPDATE articles SET story_id = 999 WHERE id = 9")
    code, report = verify(db)
    assert code == 1 and not report["ok"]
    text = "\n".join(report["problems"])
    assert "1 articles without sentences: 3" in text
    assert "1 articles with sentences lacking stems: 5" in text
    assert "without their 32 LSH bands: 7" in text
    assert "linked to a missing story: 9" in text


def test_an_index_out_of_step_is_named(tmp_path):
    db = build_demo_store(tmp_path / "demo.db")
    with sqlite3.connect(db) as con:  # an article the index never saw (written around Burhan)
        con.execute("INSERT INTO articles (origin, raw_text, text, content_hash, story_id, signature, ingested_at)"
                    " SELECT origin || '#x', raw_text, text, content_hash || 'x', 0, signature, ingested_at"
                    " FROM articles WHERE id = 1")
        con.execute("UPDATE articles SET story_id = id WHERE story_id = 0")
    code, report = verify(db)
    assert code == 1 and any("BM25 index" in p and "reindex" in p for p in report["problems"])
    assert CliRunner().invoke(app, ["reindex", "--db", str(db)]).exit_code == 0
    assert not any("BM25" in p for p in verify(db)[1]["problems"])


def test_backup_during_an_ingest_is_a_consistent_store(tmp_path, seeds):
    db = build_demo_store(tmp_path / "demo.db")
    writer = subprocess.Popen([sys.executable, "-m", "burhan.cli", "ingest", str(seeds), "--db", str(db), "--no-embed"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    copy = tmp_path / "copy.db"
    result = CliRunner().invoke(app, ["backup", "--db", str(db), "--out", str(copy)])
    writer.wait(120)
    assert result.exit_code == 0, result.output
    with sqlite3.connect(copy) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert n in (26, 31)  # before or after the seeds' batch: never half of it
        assert con.execute("SELECT count(*) FROM articles a WHERE NOT EXISTS"
                           " (SELECT 1 FROM sentences s WHERE s.article_id = a.id)").fetchone()[0] == 0
    again = CliRunner().invoke(app, ["backup", "--db", str(db), "--out", str(copy)])
    assert again.exit_code == 2 and "exists" in again.output
