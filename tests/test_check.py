"""The claim check end to end, on the bundled demo corpus (synthetic Arabic news) with the
shipped stance and verdict models."""

import json
import os
import shutil
import subprocess

import pytest
from typer.testing import CliRunner

from burhan.cli import app
from burhan.demo import build_demo_store
from burhan.domain import Claim
from burhan.engine import ClaimError, Engine

runner = CliRunner()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    return build_demo_store(tmp_path_factory.mktemp("check") / "demo.db")


@pytest.fixture(scope="module")
def engine(demo_db):
    with Engine.open(demo_db) as engine:
        yield engine


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_reported_count_is_confirmed_by_independent_sources(engine):
    verdict = engine.check("مقتل 1300 مدني في سوريا خلال نوفمبر")
    assert verdict.verdict == "true" and verdict.confidence > 0.5
    top = verdict.evidence[0]
    assert top.stance == "agree" and any("1300" in r.text for r in top.rationale)
    assert top.weight == max(e.weight for e in verdict.evidence)
    assert any(n.relation == "match" and n.claim_value == 1300 for n in verdict.numbers)
    # the wire story was syndicated three times: one voice, the copies listed under it
    wire = [e for e in verdict.evidence if e.copies]
    assert wire and all(c.weight == 0.0 for c in verdict.evidence if c.duplicate_of is not None)
    assert "نسخ مكررة" in verdict.explanation


def test_conflicting_count_is_reported_and_the_claim_scores_below_the_reported_one(engine):
    # (the conflict itself weighs 0 in the shipped model: see the sign constraints in its card)
    verdict = engine.check("مقتل 3000 مدني في سوريا خلال نوفمبر")
    conflicts = [n for n in verdict.numbers if n.relation == "conflict"]
    assert (3000, 1300) in {(n.claim_value, n.evidence_value) for n in conflicts}
    assert "«3000 مدني»" in verdict.explanation
    true_claim = engine.check("مقتل 1300 مدني في سوريا خلال نوفمبر")
    assert verdict.p_true < true_claim.p_true


def test_claim_about_something_absent_has_not_enough_evidence(engine):
    verdict = engine.check("افتتاح ملعب جديد لكرة القدم في القامشلي بسعة 40 ألف متفرج")
    assert verdict.verdict == "not_enough_evidence"
    assert "لم يُعثر" in verdict.explanation or "ضعيفة" in verdict.explanation
    # the unrelated candidates' syndicated copies are nothing the verdict rests on: not listed
    assert any(e.duplicate_of is not None for e in verdict.evidence) and "نسخ مكررة" not in verdict.explanation


def test_evidence_published_before_the_event_cannot_confirm_it(engine):
    verdict = engine.check(Claim("مقتل 1300 مدني في سوريا", date="2017-03-01"))
    agreeing = [e for e in verdict.evidence if e.stance == "agree"]
    assert agreeing and all(e.predates_claim and e.weight < 0.2 for e in agreeing)
    assert verdict.dates == ["2017-03-01"] and "قبل تاريخ الحدث" in verdict.explanation


@pytest.mark.parametrize("claim, message", [("", "empty"), ("  ؟!… ", "punctuation"), ("حلب " * 400, "limit")])
def test_claims_that_cannot_be_checked_get_a_clear_error(engine, claim, message):
    with pytest.raises(ClaimError, match=message):
        engine.check(claim)


def test_claim_in_another_language_is_a_best_effort_with_a_warning(engine):
    verdict = engine.check("Lavrov says Russia will continue operations in eastern Aleppo")
    assert verdict.warnings and "not Arabic" in verdict.warnings[0]


def test_reliability_overrides_change_the_weight_of_a_source(demo_db, tmp_path):
    user = tmp_path / "trust.json"
    user.write_text(json.dumps({"wire-news.example": 0.05}), encoding="utf-8")
    with Engine.open(demo_db, reliability_file=user) as engine:
        evidence = engine.check("لافروف: روسيا ستواصل عملياتها في شرق حلب").evidence
    assert {e.reliability for e in evidence if e.source == "wire-news.example"} == {0.05}


def test_check_json_shape_and_english_explanation(demo_db):
    result = run("check", "لافروف: روسيا ستواصل عملياتها في شرق حلب", "--db", demo_db, "--json", "--lang", "en")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"claim", "verdict", "basis", "confidence", "evidence", "numbers", "explanation"} <= set(data)
    assert data["explanation"].startswith("Verdict:") and "Basis:" in data["explanation"]
    item = data["evidence"][0]
    assert {"article_id", "title", "origin", "source", "url", "date", "stance", "stance_probs", "rationale",
            "weight", "story_id"} <= set(item)
    assert set(item["stance_probs"]) == {"agree", "disagree", "discuss", "unrelated"}
    assert all(set(r) == {"index", "text", "score"} for r in item["rationale"])


def test_a_candidate_with_a_dotted_date_is_read_not_a_crash(tmp_path):
    # «07.12.2016» raised ValueError in the number parser until 2026-12-07: the check stopped
    record = {"title": "بيان المرصد", "source": "obs.example", "text": (
        "قال المرصد السوري لحقوق الإنسان في بيان صدر بتاريخ 07.12.2016 إن 5 أشخاص قتلوا في قصف على مدينة حلب. "
        "وأضاف المرصد أن القصف استهدف حيا سكنيا في شرق حلب.")}
    (tmp_path / "dotted.jsonl").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "dotted.db"
    assert run("ingest", tmp_path / "dotted.jsonl", "--db", db, "--no-embed").exit_code == 0
    result = run("check", "مقتل 5 أشخاص في قصف على حلب", "--db", db, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["verdict"] == "true" and data["evidence"][0]["stance"] == "agree"
    assert [(n["claim_value"], n["evidence_value"], n["relation"]) for n in data["numbers"]] == [(5, 5, "match")]


def test_check_errors_exit_2(demo_db, tmp_path):
    assert run("check", "!!!", "--db", demo_db).exit_code == 2
    missing = run("check", "مقتل مدنيين", "--db", tmp_path / "none.db")
    assert missing.exit_code == 2 and "ingest" in missing.output


def test_batch_streams_results_and_resumes_after_an_interruption(demo_db, tmp_path):
    claims = tmp_path / "claims.jsonl"
    claims.write_text("\n".join(json.dumps(c, ensure_ascii=False) for c in [
        {"id": "a", "claim": "مقتل 1300 مدني في سوريا خلال نوفمبر"},
        {"id": "b", "claim": "..."},
        {"id": "c", "claim": "البنتاغون يرسل ألفي جندي إلى سوريا"},
    ]) + "\n", encoding="utf-8")
    results = tmp_path / "results.jsonl"
    first = run("check", "--batch", claims, "--out", results, "--db", demo_db)
    assert first.exit_code == 0, first.output
    lines = [json.loads(line) for line in results.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in lines] == ["a", "b", "c"]
    assert "error" in lines[1] and lines[0]["verdict"] in ("true", "false", "not_enough_evidence")
    # an interruption: the first result kept, the second cut in the middle of its line
    complete, cut = results.read_text(encoding="utf-8").splitlines()[:2]
    results.write_text(complete + "\n" + cut[: len(cut) // 2], encoding="utf-8")
    second = run("check", "--batch", claims, "--out", results, "--db", demo_db)
    assert second.exit_code == 0, second.output
    assert "already done 1" in second.stdout
    resumed = [json.loads(line) for line in results.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in resumed] == ["a", "b", "c"] and resumed[0] == lines[0]
    report = tmp_path / "report.html"
    made = run("report", results, "--out", report)
    assert made.exit_code == 0 and "3 results" in made.stdout
    html = report.read_text(encoding="utf-8")
    assert 'dir="rtl"' in html and "مقتل 1300 مدني" in html and "<mark>" in html and "only punctuation" in html
    assert run("report", claims, "--out", tmp_path / "bad.html").exit_code == 2  # claims are not results


def test_bad_batch_file_is_refused_before_any_work(demo_db, tmp_path):
    claims = tmp_path / "claims.jsonl"
    claims.write_text('{"id": "a", "claim": "مقتل مدنيين"}\n{"id": "b", "claim": \n{"id": "a", "claim": "x"}\n',
                      encoding="utf-8")
    results = tmp_path / "results.jsonl"
    result = run("check", "--batch", claims, "--out", results, "--db", demo_db)
    assert result.exit_code == 2 and "line 2" in result.output and "appears twice" in result.output
    assert not results.exists()


def test_a_check_says_the_same_in_every_process(demo_copy):
    # nothing in the judgement may hang on a set's order: a library that broke ties that way
    # (Tashaphyne's roots) once made a count's comparison change with the hash seed
    def check(seed: str) -> dict:
        done = subprocess.run([shutil.which("burhan"), "check", "مقتل 3000 مدني في سوريا خلال نوفمبر", "--db",
                               str(demo_copy), "--json"], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed})
        found = json.loads(done.stdout)
        found.pop("check_id")
        return found
    first = check("1")
    assert first["verdict"] == "false" and any(n["relation"] == "conflict" for n in first["numbers"])
    assert check("2") == first
