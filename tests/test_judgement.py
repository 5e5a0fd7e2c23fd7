"""The judgement end to end on the demo corpus and the five seeds, with the shipped models:
the probe set, counts that weigh, and a verdict that unrelated articles do not move."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from burhan.cli import app
from burhan.demo import DEMO_CORPUS
from burhan.engine import Engine
from burhan.evaluation.probes import evaluate_probes, load_probes
from burhan.ingest import ingest
from burhan.search import Searcher
from burhan.store import Store

from conftest import SEEDS

PROBES = __import__("pathlib").Path(__file__).parent / "data" / "probes.jsonl"


@pytest.fixture(scope="module")
def probe_db(tmp_path_factory):
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent")
    path = tmp_path_factory.mktemp("probes") / "probes.db"
    with Store(path) as store:
        ingest([DEMO_CORPUS, SEEDS], store)
        Searcher(store).sync(embed=True)
    return path


@pytest.fixture(scope="module")
def engine(probe_db):
    with Engine.open(probe_db) as engine:
        yield engine


def test_probe_file_is_complete():
    probes = load_probes(PROBES)
    kinds = {p.kind for p in probes}
    assert len(probes) >= 80 and {"verbatim", "paraphrase", "reporting_verb", "negation", "antonym", "count",
                                  "measure", "actor", "place", "date", "partly_true", "absent", "denial"} <= kinds
    assert {p.basis for p in probes} >= {"supported", "refuted", "no_evidence"}


def test_a_changed_count_lowers_p_true_below_half(engine):
    stated = engine.check("المرصد السوري: مقتل 1300 مدني في سوريا خلال شهر نوفمبر")
    changed = engine.check("المرصد السوري: مقتل 3000 مدني في سوريا خلال شهر نوفمبر")
    assert stated.p_true > 0.5 and stated.verdict == "true" and stated.basis == "supported"
    assert changed.p_true < 0.5 and changed.verdict == "false" and changed.basis == "refuted"
    assert any(n.relation == "conflict" and n.evidence_value == 1300 for n in changed.numbers)


CLAIMS = ["لافروف: روسيا ستواصل عملياتها في شرق حلب", "مقتل 1300 مدني في سوريا خلال نوفمبر",
          "المرصد السوري: مقتل 3000 مدني في سوريا خلال شهر نوفمبر", "البنتاغون ينفي إرسال ألفي جندي أمريكي إلى سوريا",
          "افتتاح ملعب جديد لكرة القدم في القامشلي بسعة 40 ألف متفرج"]


@pytest.fixture(scope="module")
def unrelated_pool(engine):
    """Per claim: the articles retrieved at k = 5, and those of k = 50 judged unrelated to it."""
    pools = {}
    for claim in CLAIMS:
        top5, _ = engine.retrieve(claim, 5)
        wide = engine.check(claim, k=50)
        pools[claim] = (top5, sorted(e.article_id for e in wide.evidence
                                     if e.stance == "unrelated" and e.article_id not in top5))
    return pools


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(claim=st.sampled_from(CLAIMS), data=st.data())
def test_unrelated_articles_move_neither_verdict_nor_p_true(engine, unrelated_pool, claim, data):
    top5, pool = unrelated_pool[claim]
    extra = data.draw(st.lists(st.sampled_from(pool), unique=True, max_size=45)) if pool else []
    base = engine.check_articles(claim, top5)
    more = engine.check_articles(claim, top5 + extra)
    assert more.verdict == base.verdict and more.basis == base.basis
    assert abs(more.p_true - base.p_true) <= 0.02


def test_k_from_5_to_50_keeps_the_verdict(engine):
    """Ranks 6–50 also bring *related* stories (P(true) of the Lavrov claim moves 0.78 → 0.83 with
    them); the verdict and its basis stay."""
    for claim in CLAIMS:
        narrow, wide = engine.check(claim, k=5), engine.check(claim, k=50)
        assert (narrow.verdict, narrow.basis) == (wide.verdict, wide.basis), claim


def test_eval_probes_command(probe_db, tmp_path):
    result = CliRunner().invoke(app, ["eval", "probes", str(PROBES), "--db", str(probe_db), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["probes"] == len(load_probes(PROBES)) and set(data["per_kind"]) >= {"negation", "count", "absent"}
    # floors measured with the shipped models (README); the targets are 0.90 overall, 0.80 per kind
    assert data["verdict_accuracy"] >= PROBE_FLOOR
    majority = data["baselines"]["majority"]  # the probe file's most common answers: false, refuted
    assert majority["answers"]["verdict"] == "false" and majority["answers"]["basis"] == "refuted"
    probes = load_probes(PROBES)
    assert majority["verdict_accuracy"] == round(sum(p.verdict == "false" for p in probes) / len(probes), 4)
    assert majority["per_kind"]["absent"]["verdict_accuracy"] == 0.0  # absent topics expect not_enough_evidence
    assert data["verdict_accuracy"] > majority["verdict_accuracy"]
    few = tmp_path / "few.jsonl"
    few.write_text("".join(PROBES.read_text(encoding="utf-8").splitlines(keepends=True)[:3]), encoding="utf-8")
    table = CliRunner().invoke(app, ["eval", "probes", str(few), "--db", str(probe_db)])
    assert table.exit_code == 0 and "majority" in table.output
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "kind": "k", "claim": "ادعاء", "verdict": "maybe", "basis": "supported"}\n',
                   encoding="utf-8")
    refused = CliRunner().invoke(app, ["eval", "probes", str(bad), "--db", str(probe_db)])
    assert refused.exit_code == 2 and "unknown verdict" in refused.output


def test_true_claims_shaped_like_contradictions_are_mostly_left_true(probe_db):
    """The held-out true-shapes probes (README, "Probes"): 17 of 24 right with the shipped models
    when first scored (2026-12-07); a regression floor, not a target."""
    path = PROBES.with_name("probes_true_shapes.jsonl")
    probes = load_probes(path)
    assert len(probes) == 24 and {p.verdict for p in probes} == {"true"} and {p.basis for p in probes} == {"supported"}
    assert {p.kind for p in probes} == {"actor", "antonym", "count", "date", "measure", "negation", "partly_true", "place"}
    result = CliRunner().invoke(app, ["eval", "probes", str(path), "--db", str(probe_db), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["verdict_accuracy"] >= 16 / 24


PROBE_FLOOR = 0.82  # measured 0.935 with the shipped models (2026-12-07, README); a regression floor, not the target
