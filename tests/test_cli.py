"""The command line, through Typer's runner: JSON shapes, exit codes, human output."""

import json

from typer.testing import CliRunner

from burhan.cli import app

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_ingest_stats_list_show(seeds, tmp_path):
    db = tmp_path / "x.db"
    result = run("ingest", seeds, "--db", db, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"added": 5, "unchanged": 0, "duplicates": 0, "errors": [], "skipped": 0}
    assert json.loads(run("stats", "--db", db, "--json").stdout)["articles"] == 5
    rows = json.loads(run("list", "--db", db, "--json").stdout)
    assert len(rows) == 5 and set(rows[0]) >= {"id", "title", "origin", "source", "date"}
    shown = [json.loads(run("show", r["id"], "--db", db, "--json").stdout) for r in rows]
    assert set(shown[0]) >= {"id", "title", "origin", "url", "source", "date", "text", "sentences"}
    everything = json.dumps(shown, ensure_ascii=False)
    for marker in ("مشاركة :", "التعليقات مغلقة", "إضافة تعليق جديد", "سيتم حجب هذه الصورة", "لا يسمح بوسوم HTML"):
        assert marker not in everything
    for phrase in ("وقالت كلينتون إن الهدف الاستراتيجي", "هوا تشون ينغ", "الخوذ البيضاء"):
        assert phrase in everything
    human = run("show", rows[3]["id"], "--db", db)
    assert "  1 " in human.stdout and "لافروف" in human.stdout
    assert json.loads(run("ingest", seeds, "--db", db, "--json").stdout)["added"] == 0


def test_bad_file_reported_and_run_continues(tmp_path):
    (tmp_path / "good.txt").write_text("قال وزير الخارجية الروسي إن روسيا ستواصل عملياتها في شرق حلب.", encoding="utf-8")
    (tmp_path / "bad.json").write_text('{"text": ', encoding="utf-8")
    result = run("ingest", tmp_path / "good.txt", tmp_path / "bad.json", tmp_path / "missing.txt",
                 "--db", tmp_path / "x.db", "--json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["added"] == 1
    assert [e["path"].rsplit("/", 1)[-1] for e in report["errors"]] == ["bad.json", "missing.txt"]
    human = run("ingest", tmp_path / "bad.json", "--db", tmp_path / "x.db")
    assert human.exit_code == 1 and "bad.json: invalid JSON" in human.output


def test_missing_store_and_article(tmp_path):
    result = run("stats", "--db", tmp_path / "none.db")
    assert result.exit_code == 2 and "no store" in result.output
    run("ingest", "--db", tmp_path / "x.db", tmp_path)  # empty dir → empty store
    result = run("show", 42, "--db", tmp_path / "x.db")
    assert result.exit_code == 1 and "no article with id 42" in result.output


def test_demo_main_job(tmp_path):
    result = run("demo", "--db", tmp_path / "demo.db")
    assert result.exit_code == 0, result.output
    assert "duplicates linked 4" in result.stdout and "22 stories" in result.stdout


def test_human_output_is_arabic_by_default_and_english_on_request(tmp_path):
    """Every heading and label of check, search, list, show and stats is Arabic with the default
    --lang ar (JSON keys never change); --lang en gives the English ones."""
    import re

    from burhan.cli_labels import LABELS
    from burhan.demo import build_demo_store

    db = str(build_demo_store(tmp_path / "demo.db"))
    runner = CliRunner()
    commands = [["stats"], ["list", "--limit", "3"], ["show", "2"], ["search", "قافلة مساعدات مضايا", "--mode", "bm25"],
                ["check", "مقتل 3000 مدني في سوريا خلال نوفمبر"], ["factchecks", "match", "استقالة وزير الصحة السوري"],
                ["history"]]
    english_words = re.compile(r"\b(articles|sentences|stories|title|source|date|score|weight|stance|rationale|"
                               r"basis|confidence|copies|undated|story|rating|publisher|claim|verdict|false|misleading)\b")
    for command in commands:
        arabic = runner.invoke(app, [*command, "--db", db])
        assert arabic.exit_code == 0, arabic.output
        # URLs and domains are data, not labels: only the rest must be free of English labels
        labels_only = re.sub(r"\S+\.example\S*|https?://\S+", "", arabic.stdout)
        assert not english_words.search(labels_only), (command, english_words.search(labels_only))
        english = runner.invoke(app, [*command, "--db", db, "--lang", "en"])
        assert english.exit_code == 0, english.output
        assert english_words.search(english.stdout), command
    check = runner.invoke(app, ["check", "مقتل 3000 مدني في سوريا خلال نوفمبر", "--db", db]).stdout
    assert LABELS["ar"]["false"] in check and LABELS["ar"]["disagree"] in check and LABELS["ar"]["weight"] in check
    assert runner.invoke(app, ["stats", "--db", db, "--lang", "fr"]).exit_code == 2
    assert set(LABELS["ar"]) == set(LABELS["en"])
