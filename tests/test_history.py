"""The history of checks (issue 15, items 1–2): every check kept with its corpus and model
versions and who asked; an editor's note and verdict beside the machine's, never replacing it;
export as JSON, CSV and a printable page; the history survives a restart; old stores migrate."""

import csv
import io
import json
import sqlite3

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from burhan.api.app import create_app
from burhan.cli import app
from burhan.store import SCHEMA_VERSION, Store
from burhan.store.history import CheckHistory, CheckNotFound

TOKEN = "history-token"
CLAIM = "مقتل 1300 مدني في سوريا خلال نوفمبر"
runner = CliRunner()


def cli(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_cli_check_is_kept_with_corpus_and_model_versions_and_the_note_never_replaces_the_verdict(demo_copy):
    checked = cli("check", CLAIM, "--db", demo_copy, "--json")
    assert checked.exit_code == 0, checked.output
    answer = json.loads(checked.stdout)
    with Store(demo_copy) as store:
        history = CheckHistory(store)
        record = history.get(answer["check_id"])
        articles = store.stats()["articles"]
    assert (record.claim, record.verdict, record.basis, record.p_true) == (CLAIM, answer["verdict"], answer["basis"], answer["p_true"])
    assert (record.asked_by, record.channel, record.corpus_articles) == ("cli", "cli", articles)
    assert record.corpus_last_ingest and record.checked_at.endswith("+00:00")
    assert set(record.models) == {"stance", "verdict"} and all("@" in v for v in record.models.values())
    related = [e["article_id"] for e in answer["evidence"] if e["stance"] != "unrelated" and e["duplicate_of"] is None]
    assert record.evidence_ids == related and related
    assert record.result["explanation"] == answer["explanation"]

    machine = record.verdict
    other = "false" if machine != "false" else "true"
    noted = cli("history", "note", record.id, "--note", "راجعه المحرر مع المرصد", "--verdict", other, "--by", "مها", "--db", demo_copy, "--json")
    assert noted.exit_code == 0, noted.output
    edited = json.loads(noted.stdout)
    assert (edited["verdict"], edited["verdict_override"], edited["note"], edited["edited_by"]) == \
        (machine, other, "راجعه المحرر مع المرصد", "مها")
    # a note alone keeps the editor's verdict; clearing the verdict keeps the note
    cli("history", "note", record.id, "--note", "ملاحظة ثانية", "--db", demo_copy)
    cli("history", "note", record.id, "--clear-verdict", "--db", demo_copy)
    shown = json.loads(cli("history", "show", record.id, "--db", demo_copy, "--json").stdout)
    assert (shown["verdict"], shown["verdict_override"], shown["note"]) == (machine, None, "ملاحظة ثانية")

    bad = cli("history", "note", record.id, "--verdict", "ربما", "--db", demo_copy)
    assert bad.exit_code == 2 and "unknown verdict" in bad.output
    missing = cli("history", "show", 999, "--db", demo_copy)
    assert missing.exit_code == 2 and "no check with id 999" in missing.output

    listing = cli("history", "--db", demo_copy)
    assert listing.exit_code == 0 and "الادعاء" in listing.stdout and "مقتل 1300" in listing.stdout


def test_batch_checks_are_kept_and_listed_newest_first(demo_copy, tmp_path):
    claims = tmp_path / "claims.jsonl"
    claims.write_text("\n".join(json.dumps({"id": f"c{i}", "claim": c}, ensure_ascii=False) for i, c in
                                enumerate([CLAIM, "قافلة مساعدات تدخل مضايا المحاصرة", "!!!"])) + "\n", encoding="utf-8")
    done = cli("check", "--batch", claims, "--out", tmp_path / "out.jsonl", "--db", demo_copy)
    assert done.exit_code == 0, done.output
    lines = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [("check_id" in line) for line in lines] == [True, True, False]  # the failed claim is not a check
    listed = json.loads(cli("history", "--db", demo_copy, "--json", "--limit", 1).stdout)
    assert listed["total"] == 2 and [r["id"] for r in listed["items"]] == [lines[1]["check_id"]]
    assert listed["items"][0]["channel"] == "batch" and listed["items"][0]["result"] is None
    assert cli("check", CLAIM, "--db", demo_copy, "--no-history").exit_code == 0
    assert json.loads(cli("history", "--db", demo_copy, "--json").stdout)["total"] == 2


def test_export_json_csv_and_printable_html(demo_copy):
    check_id = json.loads(cli("check", CLAIM, "--db", demo_copy, "--json").stdout)["check_id"]
    cli("history", "note", check_id, "--note", "=HYPERLINK(\"x\") لا يُنفَّذ", "--db", demo_copy)
    as_json = json.loads(cli("history", "export", check_id, "--format", "json", "--db", demo_copy).stdout)
    assert as_json["id"] == check_id and as_json["result"]["claim"] == CLAIM

    text = cli("history", "export", check_id, "--format", "csv", "--db", demo_copy).stdout
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    related = [e for e in as_json["result"]["evidence"] if e["stance"] != "unrelated"]
    assert len(rows) == len(related) and {r["claim"] for r in rows} == {CLAIM}
    assert [int(r["article_id"]) for r in rows] == [e["article_id"] for e in related]
    assert all(r["note"].startswith("'=") for r in rows)  # a formula is never run by a spreadsheet

    page = cli("history", "export", check_id, "--format", "html", "--db", demo_copy).stdout
    assert 'dir="rtl"' in page and "@media print" in page and "<script" not in page
    assert "المجموعة" in page and as_json["checked_at"] in page and "لا يُنفَّذ" in page
    bad = cli("history", "export", check_id, "--format", "pdf", "--db", demo_copy)
    assert bad.exit_code == 2 and "unknown format" in bad.output


def test_api_history_survives_a_restart_and_edits_need_the_token(demo_copy):
    with TestClient(create_app(demo_copy, token=TOKEN), raise_server_exceptions=False) as client:
        first = client.post("/api/check", json={"claim": CLAIM}, headers={"X-Burhan-Client": "page"}).json()
        second = client.post("/api/check", json={"claim": "قافلة مساعدات تدخل مضايا المحاصرة"},
                             headers={"Authorization": f"Bearer {TOKEN}"}).json()
        assert client.post("/api/check", json={"claim": CLAIM}, headers={"Authorization": "Bearer wrong"}).status_code == 401
    with TestClient(create_app(demo_copy, token=TOKEN), raise_server_exceptions=False) as client:  # a restart
        listed = client.get("/api/checks", params={"limit": 10}).json()
        assert listed["total"] == 2 and [r["id"] for r in listed["items"]] == [second["check_id"], first["check_id"]]
        assert [(r["asked_by"], r["channel"]) for r in listed["items"]] == [("admin", "api"), ("anonymous", "page")]
        one = client.get(f"/api/checks/{first['check_id']}").json()
        assert one["result"]["verdict"] == first["verdict"] and one["result"]["evidence"]

        edit = {"note": "أكدها مراسلنا", "verdict_override": "true"}
        assert client.patch(f"/api/checks/{first['check_id']}", json=edit).status_code == 401
        edited = client.patch(f"/api/checks/{first['check_id']}", json=edit, headers={"Authorization": f"Bearer {TOKEN}"})
        assert edited.status_code == 200, edited.text
        body = edited.json()
        assert (body["verdict"], body["verdict_override"], body["note"], body["edited_by"]) == \
            (first["verdict"], "true", "أكدها مراسلنا", "admin")
        cleared = client.patch(f"/api/checks/{first['check_id']}", json={"verdict_override": None},
                               headers={"Authorization": f"Bearer {TOKEN}"}).json()
        assert (cleared["verdict_override"], cleared["note"]) == (None, "أكدها مراسلنا")
        assert client.patch(f"/api/checks/{first['check_id']}", json={"verdict_override": "maybe"},
                            headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 422

        exported = client.get(f"/api/checks/{first['check_id']}/export", params={"format": "csv"})
        assert exported.status_code == 200 and exported.headers["content-type"].startswith("text/csv")
        assert f'burhan-check-{first["check_id"]}.csv' in exported.headers["content-disposition"]
        assert client.get(f"/api/checks/{first['check_id']}/export", params={"format": "html"}).text.count("أكدها مراسلنا") == 1
        assert client.get("/api/checks/999").status_code == 404
        assert client.get("/api/checks/999/export").status_code == 404
        assert client.get(f"/api/checks/{first['check_id']}/export", params={"format": "pdf"}).status_code == 422
        paths = client.get("/openapi.json").json()["paths"]
        assert {"/api/checks", "/api/checks/{check_id}", "/api/checks/{check_id}/export"} <= set(paths)
        assert "patch" in paths["/api/checks/{check_id}"]


def test_a_store_of_schema_5_migrates_with_its_articles_and_an_empty_history(demo_copy):
    with sqlite3.connect(demo_copy) as con:  # back to version 5, as a wave-2 store was
        con.execute("DROP TABLE checks")
        con.execute("DROP TABLE tokens")
        con.execute("DELETE FROM meta WHERE key = 'content_version'")
        con.execute("PRAGMA user_version = 5")
        articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    with Store(demo_copy) as store:
        assert store.schema_version == SCHEMA_VERSION and store.stats()["articles"] == articles
        assert store.stats()["checks"] == 0 and store.content_version() == 0
        with pytest.raises(CheckNotFound):
            CheckHistory(store).get(1)
