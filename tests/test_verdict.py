"""Verdict building blocks on real Arabic text: counts, places, dates, reliability, copies,
the verdict model and its explanation."""

import json

import numpy as np
import pytest

from burhan.domain import Evidence, NumberCheck, RationaleSentence
from burhan.text.places import extract_places, place_names
from burhan.verdict.explain import explain
from burhan.text.quantities import noun_key
from burhan.verdict.facts import claim_event_date, compare_counts
from burhan.verdict.model import FEATURES, VerdictModel, evidence_features, merge_copies
from burhan.verdict.reliability import SourceReliability


def test_places_with_clitics_multiword_names_and_variants():
    found = extract_places("قصف على دير الزور وبالرقة وريف دمشق، ووصول قافلة إلى مضايا وحلب الشرقية")
    assert [p.place for p in found] == ["دير الزور", "الرقة", "ريف دمشق", "مضايا", "شرق حلب"]
    assert found[1].text == "وبالرقة"  # the span is the original spelling
    assert [p.place for p in extract_places("فتح الباب أمام المظاهرات السلمية")] == []  # common words, not places
    # the fast path: the same places, each once, in order of first mention
    text = "غارات على حلب وإدلب، ثم على مدينة حلب مجددا، وقصف في ديرالزور"
    assert place_names(text) == list(dict.fromkeys(p.place for p in extract_places(text))) == ["حلب", "إدلب", "دير الزور"]


def test_conflicting_count_of_the_same_noun():
    checks = compare_counts("مقتل 3000 مدني في حلب", 7, [(0, "قتل 1300 مدنيا في المدينة خلال الشهر")])
    assert len(checks) == 1
    c = checks[0]
    assert (c.relation, c.claim_value, c.evidence_value, c.article_id, c.sentence_index) == ("conflict", 3000, 1300, 7, 0)


@pytest.mark.parametrize("claim, sentence", [
    ("مقتل 1300 مدني في سوريا", "أفاد المرصد بمقتل 1300 مدني في سوريا"),
    ("فرار أكثر من ألفي مدني من حلب", "فر نحو 2400 من المدنيين من الأحياء الشرقية"),
    ("مقتل نحو 300 طفل", "قتل 310 أطفال"),
    ("مقتل 3000 مدني", "أكثر من ثلاثة آلاف من المدنيين قتلوا"),
    # a toll given as a minimum is met by a later, higher toll, and meets a claim above it
    ("مقتل تسعة أشخاص على الأقل في تفجير القنيطرة", "ارتفعت حصيلة تفجير القنيطرة إلى 12 شخصا"),
    ("مقتل 20 شخصا في الغارة", "أودت الغارة بحياة 14 شخصا على الأقل"),
])
def test_matching_counts_honour_qualifiers_plurals_and_number_words(claim, sentence):
    assert [c.relation for c in compare_counts(claim, 1, [(0, sentence)])] == ["match"]


def test_sub_counts_are_context_not_conflicts():
    # the demo article: the total matches; the airstrike share of it is not another total
    sentences = [(0, "أفاد المرصد بمقتل 1300 مدني في سوريا خلال نوفمبر، بينهم 284 طفلا."),
                 (1, "وقال المرصد إن 675 مدنيا قتلوا في غارات جوية.")]
    checks = compare_counts("مقتل 1300 مدني في سوريا خلال نوفمبر", 1, sentences)
    assert [(c.relation, c.evidence_value) for c in checks] == [("match", 1300), ("context", 675)]
    # a part of a total («بينهم 40 طفلا») is context even when the total is not the claimed one
    part = compare_counts("مقتل 300 طفل", 1, [(0, "قتل 90 شخصا بينهم 40 طفلا قتلوا بالرصاص")])
    assert [(c.relation, c.evidence_value) for c in part] == [("context", 40)]
    # without the claimed count in the article, another total still conflicts
    lone = compare_counts("مقتل 3000 مدني", 1, sentences[1:])
    assert [(c.relation, c.evidence_value) for c in lone] == [("conflict", 675)]


def test_counts_of_other_nouns_are_not_compared_and_units_are():
    assert compare_counts("مقتل 1300 مدني", 1, [(0, "سقط 40 جنديا خلال 24 ساعة")]) == []
    assert noun_key("ساعة") is None and noun_key("بالمئة") is None
    hours = compare_counts("استمر القصف 8 ساعات", 1, [(0, "وقال إن القصف استمر نحو 30 ساعة متواصلة")])
    assert [(c.relation, c.kind, c.evidence_value) for c in hours] == [("conflict", "duration", 30)]
    days = compare_counts("استمر القصف يومين و 48 ساعة", 1, [(0, "القصف استمر يومين أي 48 ساعة")])
    assert all(c.relation == "match" for c in days)
    percent = compare_counts("ارتفاع الأسعار 40 في المئة", 1, [(0, "ارتفعت الأسعار 25% هذا الشهر")])
    assert [(c.relation, c.kind) for c in percent] == [("conflict", "percent")]
    money = compare_counts("سعر الدولار 520 ليرة", 1, [(0, "بلغ المعدل 30 دولارا")])
    assert money == []  # lira against dollars: not the same unit
    assert noun_key("أطفال") == noun_key("طفلا") and noun_key("جنود") == noun_key("جنديا")


def test_counts_of_one_noun_are_compared_only_in_the_same_slot():
    # soldiers captured against soldiers killed, or against a count in another event: not compared
    captured = "تم أسر اثنين من الجنود الروس في سوريا من قبل تنظيم الدولة الإسلامية"
    killed = compare_counts(captured, 1, [(0, "تقارير تشير الى مقتل 80 من جنود قوات النظام")])
    assert [(c.relation, c.evidence_value) for c in killed] == [("context", 80)]  # listed, not weighed
    assert [c.relation for c in compare_counts(captured, 1, [(0, "أسر التنظيم ثلاثة من الجنود الروس")])] == ["conflict"]
    battle = "رفع أعلامه داخل آخر معاقل التنظيم بالمدينة بعد معركة دامت أربعة أشهر"
    assert [c.relation for c in compare_counts(battle, 1, [(0, "منذ استيلائه على المدينة قبل أكثر من 4 سنوات")])] \
        == ["context"]
    # the verb and its verbal noun speak of one event (roots: «مقتل» / «قتلوا»)
    assert [c.relation for c in compare_counts("مقتل 3000 مدني", 1, [(0, "أكثر من ثلاثة آلاف من المدنيين قتلوا")])] \
        == ["match"]


def test_counts_of_another_period_source_or_place_are_context():
    # the Observatory's figure for November neither confirms nor contradicts a claim about October,
    # nor one that puts the figure in the United Nations' mouth
    observatory = "المرصد السوري لحقوق الإنسان: مقتل 1300 مدني في سوريا خلال نوفمبر"
    for claim in ("مقتل 1300 مدني في سوريا خلال أكتوبر", "الأمم المتحدة: مقتل 1300 مدني في سوريا",
                  "مقتل 900 مدني في سوريا خلال أكتوبر"):
        assert [c.relation for c in compare_counts(claim, 1, [(0, observatory)])] == ["context"], claim
    # the same month and source: compared
    assert [c.relation for c in compare_counts("المرصد السوري: مقتل 900 مدني في سوريا خلال نوفمبر", 1,
                                               [(0, observatory)])] == ["conflict"]
    assert [c.relation for c in compare_counts("مقتل 1300 مدني في سوريا خلال نوفمبر", 1, [(0, observatory)])] \
        == ["match"]
    # nor does Aleppo's share of the month contradict the country's total (a part, another place)
    aleppo = "منذ بدء هجوم قوات النظام في منتصف نوفمبر، قتل 409 مدنيين بينهم 45 طفلا جراء القصف على شرق حلب"
    assert [c.relation for c in compare_counts("مقتل 1300 مدني في سوريا خلال نوفمبر", 1, [(0, aleppo)])] == ["context"]
    # … because of the place: the same sentence without it is compared
    nowhere = aleppo.replace(" على شرق حلب", "")
    assert [c.relation for c in compare_counts("مقتل 1300 مدني في سوريا خلال نوفمبر", 1, [(0, nowhere)])] == ["conflict"]


def test_claim_event_date_needs_year_and_month():
    assert claim_event_date("مقتل 20 مدنيا في 14 تشرين الثاني 2016").isoformat() == "2016-11-14"
    assert claim_event_date("مقتل 1300 مدني في سوريا خلال نوفمبر") is None  # no year: unknown
    assert claim_event_date("أي نص", given="2016-12-01").isoformat() == "2016-12-01"


def test_reliability_is_smoothed_toward_the_prior_and_overridable(tmp_path):
    calls = [("good.example", True)] * 20 + [("bad.example", False)] * 20 + [("rare.example", False)]
    table = SourceReliability(strength=4).fit(calls)
    assert table.prior == pytest.approx(20 / 41)
    assert table.score("good.example") > 0.9 and table.score("bad.example") < 0.1
    assert table.prior - 0.25 < table.score("rare.example") < table.prior  # one call moves it a little
    assert table.score("unknown.example") == table.prior
    assert table.score("news.good.example") == table.score("good.example")  # subdomain → domain
    user = tmp_path / "trust.csv"
    user.write_text("domain,reliability\nbad.example,0.8\n", encoding="utf-8")
    assert table.load_overrides(user).score("bad.example") == 0.8
    again = SourceReliability.from_dict(json.loads(json.dumps(table.to_dict())))
    assert again.score("good.example") == table.score("good.example")


@pytest.mark.parametrize("name, content, message", [
    ("r.json", "[1, 2]", "JSON object"),
    ("r.json", '{"a.example": 1.5}', r"outside \[0, 1\]"),
    ("r.json", '{"a.example": ', "not valid JSON"),
    ("r.csv", "a.example,high\n", "line 1"),
    ("r.csv", "a.example\n", "line 1"),
])
def test_bad_reliability_files_are_named(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    table = SourceReliability()
    with pytest.raises(ValueError, match=message):
        table.load_overrides(path)
    assert table.overrides == {}  # nothing half-loaded


def evidence(article_id, stance, probs, story_id=None, source="a.example", reliability=0.7, **kw):
    return Evidence(article_id=article_id, title=f"مقال {article_id}", origin=f"https://{source}/{article_id}",
                    source=source, url=f"https://{source}/{article_id}", date=None, stance=stance,
                    stance_probs=probs, rationale=[RationaleSentence(0, "جملة", 0.5)], weight=0.0,
                    story_id=story_id, reliability=reliability, **kw)


AGREE = {"agree": 0.8, "disagree": 0.05, "discuss": 0.1, "unrelated": 0.05}
DISAGREE = {"agree": 0.05, "disagree": 0.8, "discuss": 0.1, "unrelated": 0.05}
UNRELATED = {"agree": 0.02, "disagree": 0.01, "discuss": 0.02, "unrelated": 0.95}


def test_a_story_with_a_wrong_count_confirms_none_of_the_claims_counts():
    """«فرار ألفي مدني خلال 8 ساعات» against a story of «ألفي مدني» in 24 hours: the story
    conflicts, and its matching «ألفي مدني» is no confirmation (the forty-second run)."""
    def check(relation, kind, article_id=1):
        return NumberCheck(relation=relation, noun="مدني" if kind == "count" else "ساعات", claim_value=2000.0,
                           claim_text="ألفي مدني", evidence_value=2000.0, evidence_text="ألفي مدني",
                           article_id=article_id, sentence_index=0, sentence="جملة", kind=kind)
    items = merge_copies([evidence(1, "agree", AGREE), evidence(2, "agree", AGREE, story_id=9)])
    both = evidence_features(items, [check("match", "count"), check("conflict", "duration")], [])
    assert both[FEATURES.index("number_match")] == 0.0 and both[FEATURES.index("number_conflict")] == 0.5
    # another story's match still counts
    other = evidence_features(items, [check("match", "count"), check("conflict", "duration"),
                                      check("match", "count", article_id=2)], [])
    assert other[FEATURES.index("number_match")] == 0.5


def test_copies_of_one_story_count_once():
    items = merge_copies([evidence(1, "agree", AGREE, story_id=5), evidence(2, "agree", AGREE, story_id=5),
                          evidence(3, "agree", AGREE, story_id=5)])
    leads = [e for e in items if e.duplicate_of is None]
    assert [e.article_id for e in leads] == [1] and sorted(leads[0].copies) == [2, 3]
    assert [e.weight for e in items if e.duplicate_of] == [0.0, 0.0]
    one = evidence_features(merge_copies([evidence(1, "agree", AGREE, story_id=5)]), [], [])
    three = evidence_features(items, [], [])
    assert np.allclose(one, three)  # a syndicated copy adds nothing
    independent = evidence_features(merge_copies([evidence(1, "agree", AGREE, story_id=5),
                                                  evidence(2, "agree", AGREE, story_id=6)]), [], [])
    assert independent[FEATURES.index("agree_support")] > one[FEATURES.index("agree_support")]


def test_evidence_from_before_the_event_cannot_confirm():
    early = merge_copies([evidence(1, "agree", AGREE, predates_claim=True)])
    assert evidence_features(early, [], [])[FEATURES.index("agree_max")] == 0.0
    assert early[0].weight < 0.1


def fitted_model():
    rng = np.random.default_rng(0)
    rows, truth = [], []
    for _ in range(200):
        is_true = rng.random() < 0.5
        stance = AGREE if is_true else DISAGREE
        x = evidence_features(merge_copies([evidence(1, "x", {k: min(1.0, v + rng.normal(0, 0.05)) for k, v in stance.items()})]), [], [])
        rows.append(x)
        truth.append(is_true)
    return VerdictModel().fit(np.vstack(rows), truth)


def test_verdict_model_decides_from_the_evidence_and_round_trips(tmp_path):
    model = fitted_model()
    agree = evidence_features(merge_copies([evidence(1, "agree", AGREE)]), [], [])
    disagree = evidence_features(merge_copies([evidence(1, "disagree", DISAGREE)]), [], [])
    nothing = evidence_features(merge_copies([evidence(1, "unrelated", UNRELATED)]), [], [])
    assert model.decide(agree, "supported")[0] == "true" and model.decide(disagree, "refuted")[0] == "false"
    verdict, confidence, _ = model.decide(nothing, "no_evidence")
    assert verdict == "not_enough_evidence" and confidence is None  # no fake certainty
    assert model.decide(evidence_features([], [], []), "no_evidence")[0] == "not_enough_evidence"
    # the verdict follows its basis: support never reads as false, nor refutation as true
    assert model.decide(disagree, "supported")[0] == "not_enough_evidence"
    assert model.decide(agree, "refuted")[0] == "not_enough_evidence"
    model.save(tmp_path / "v.json", reliability=SourceReliability().to_dict())
    again, table = VerdictModel.load(tmp_path / "v.json")
    assert again.decide(agree, "supported") == model.decide(agree, "supported") and table["prior"] == 0.7
    assert model.contributions(agree)["agree_max"] > 0 > model.contributions(disagree)["disagree_max"]


def test_a_count_conflict_never_makes_a_claim_look_truer():
    # training data where conflicts come with true claims (as Unified-FC's number-rich true claims do)
    rng = np.random.default_rng(0)
    X = rng.random((300, len(FEATURES)))
    conflict = FEATURES.index("number_conflict")
    X[:, conflict] = rng.integers(0, 2, 300)
    truth = list(X[:, FEATURES.index("agree_max")] + 0.8 * X[:, conflict] + rng.normal(0, 0.2, 300) > 0.9)
    free = VerdictModel(constrain_signs=False).fit(X, truth)
    x = X[0].copy()
    x[conflict] = 0.0
    without = free.predict_proba(x)[0]
    x[conflict] = 1.0
    assert free.predict_proba(x)[0] > without  # learned backwards when unconstrained
    model = VerdictModel().fit(X, truth)
    assert model.contributions(x)["number_conflict"] == 0.0 and model.contributions(x)["agree_max"] > 0
    # the fitted part ignores the conflict; the stated prior weight then lowers P(true)
    without_conflict = np.r_[x[:conflict], 0.0, x[conflict + 1:]]
    assert model.fitted_proba(x)[0] == pytest.approx(model.fitted_proba(without_conflict)[0])
    assert model.predict_proba(x)[0] < model.predict_proba(without_conflict)[0]
    p = model.fitted_proba(x)[0]
    shift = model.count_conflict_weight + model.count_match_weight * x[FEATURES.index("number_match")] \
        + model.disagree_weight * x[FEATURES.index("disagree_max")]
    expected = 1 / (1 + np.exp(-(np.log(p / (1 - p)) + shift)))
    assert model.predict_proba(x)[0] == pytest.approx(expected)


def test_a_disagreeing_story_lowers_p_true_by_the_stated_prior():
    rng = np.random.default_rng(3)
    X = rng.random((200, len(FEATURES)))
    truth = list(X[:, FEATURES.index("agree_max")] > 0.5)
    model = VerdictModel().fit(X, truth)
    assert model.disagree_weight < 0
    x = X[0].copy()
    col = FEATURES.index("disagree_max")
    x[col] = 0.0
    calm = model.predict_proba(x)[0]
    x[col] = 0.8
    p = model.fitted_proba(x)[0]
    expected_logit = np.log(p / (1 - p)) + model.count_conflict_weight * x[FEATURES.index("number_conflict")] \
        + model.count_match_weight * x[FEATURES.index("number_match")] + model.disagree_weight * 0.8
    assert model.predict_proba(x)[0] == pytest.approx(1 / (1 + np.exp(-expected_logit)))
    assert model.predict_proba(x)[0] < calm


def test_explanation_names_sources_counts_and_copies():
    items = merge_copies([evidence(1, "agree", AGREE, story_id=1, source="wire.example"),
                          evidence(2, "agree", AGREE, story_id=1, source="copy.example"),
                          evidence(3, "disagree", DISAGREE, story_id=2, source="ministry.example")])
    conflict = NumberCheck("conflict", "مدني", 3000, "3000 مدني", 1300, "1300 مدني", 3, 0, "قتل 1300 مدني")
    text = explain("false", "refuted", 0.8, items, [conflict], ["سوريا"])
    assert "غير صحيح" in text and "ministry.example" in text and "wire.example" in text
    assert "«3000 مدني»" in text and "«1300 مدني»" in text and "نسخ مكررة" in text and "سوريا" in text
    assert "تنقضه الأدلة" in text and "أرقام تخالف" in text
    english = explain("false", "refuted", 0.8, items, [conflict], [], lang="en")
    assert "Conflicting count" in english and "merged" in english and "Basis: refuted" in english
    with pytest.raises(ValueError, match="language"):
        explain("false", "refuted", 0.8, items, [], [], lang="fr")


def test_each_basis_is_explained_in_both_languages_and_agrees_with_the_verdict():
    agreeing = merge_copies([evidence(1, "agree", AGREE, source="wire.example")])
    discussing = merge_copies([evidence(1, "discuss", {"agree": 0.1, "disagree": 0.05, "discuss": 0.8,
                                                       "unrelated": 0.05}, source="wire.example")])
    cases = [
        ("true", "supported", 0.9, agreeing, "تؤكده مصادر مستقلة (1)", "supported by independent sources (1)"),
        ("false", "refuted", 0.8, merge_copies([evidence(1, "disagree", DISAGREE)]),
         "تنقضه الأدلة (مصادر تعارضه: 1)", "refuted (sources that contradict it: 1)"),
        ("false", "unconfirmed", 0.75, discussing,
         "لم يؤكده أيٌّ من المصادر ذات الصلة (1)، وهذا ليس نفيًا له", "this is not a refutation"),
        ("not_enough_evidence", "no_evidence", None, [], "لم يُعثر على مقالات ذات صلة", "no article related"),
    ]
    for verdict, basis, confidence, items, arabic, english in cases:
        ar = explain(verdict, basis, confidence, items, [], [])
        en = explain(verdict, basis, confidence, items, [], [], lang="en")
        assert arabic in ar and english in en, (basis, ar, en)
        if confidence is None:
            assert "%" not in ar and "%" not in en  # not_enough_evidence carries no percentage
        if basis == "unconfirmed":
            assert "تنقضه" not in ar and "refuted" not in en
    weak = explain("not_enough_evidence", "supported", None, agreeing, [], [], lang="en")
    assert "too weak to decide" in weak and "%" not in weak


def small_unifiedfc(unifiedfc, tmp_path, per_fold=6, n_folds=3):
    """A few true and false claims from each of the first folds, with their own splits file."""
    import shutil

    from burhan.ingest.benchmarks import load_splits

    folder = tmp_path / "ufc"
    (folder / "dataset").mkdir(parents=True)
    lines = []
    for k, fold in enumerate(load_splits(unifiedfc / "train_test_splits.txt")[:n_folds]):
        chosen = [i for i in fold if i.startswith("R-")][: per_fold // 2] + [i for i in fold if i.startswith("V-")][: per_fold // 2]
        for claim_id in chosen:
            shutil.copy(unifiedfc / "dataset" / f"{claim_id}.json", folder / "dataset")
        lines.append(f"Fold_{k + 1}: " + " ".join(chosen))
    (folder / "splits.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def small_datasets(unifiedfc, tmp_path, rows=60):
    """A datasets folder for the evidence model: the first rows of ANS train and dev."""
    datasets = tmp_path / "datasets"
    (datasets / "ans" / "stance").mkdir(parents=True)
    for name in ("train.csv", "dev.csv"):
        lines = (unifiedfc.parent / "ans" / "stance" / name).read_text(encoding="utf-8").splitlines()[: rows + 1]
        (datasets / "ans" / "stance" / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return datasets


def test_eval_verdict_cv_json_shape_and_baselines(unifiedfc, tmp_path):
    from typer.testing import CliRunner

    from burhan.cli import app
    from burhan.evaluation.verdict import cross_validate_verdict
    from burhan.stance.training import EvidenceTrainer

    from test_stance import HashEncoder

    folder = small_unifiedfc(unifiedfc, tmp_path)
    trainer = EvidenceTrainer(small_datasets(unifiedfc, tmp_path), sources=("ans",),
                              settings={"encoders": ("hash-test",), "C": 0.1}, encoders={"hash-test": HashEncoder()})
    data = cross_validate_verdict(folder, folder / "splits.txt", evidence="gold", evidence_trainer=trainer)
    assert {"basis_share", "decided", "decided_accuracy"} <= set(data)
    assert abs(sum(data["basis_share"].values()) - 1.0) < 1e-3
    assert {"accuracy", "macro_f1", "ece", "claims", "per_class", "confusion"} <= set(data)
    assert data["claims"] == 18 and data["folds"] == 3 and 0.0 <= data["ece"] <= 1.0
    assert set(data["baselines"]) == {"majority", "gold_stance_rule", "claim_surface_only"}
    assert data["confusion"]["labels"] == ["true", "false", "not_enough_evidence"]
    assert sum(map(sum, data["confusion"]["matrix"])) == 18
    bad = CliRunner().invoke(app, ["eval", "verdict", str(folder), "--evidence", "psychic", "--cv", str(folder / "splits.txt")])
    assert bad.exit_code == 2 and "evidence" in bad.output


def test_calibration_error_and_report():
    from burhan.evaluation.verdict import expected_calibration_error, verdict_report

    assert expected_calibration_error(np.array([0.9, 0.1, 0.8, 0.3]), np.array([True, False, True, False])) == pytest.approx(0.175)
    report = verdict_report(["true", "false", "true"], ["true", "not_enough_evidence", "false"], [0.9, 0.5, 0.4])
    assert report["accuracy"] == pytest.approx(1 / 3, abs=1e-3) and report["not_enough_evidence"] == 1


def test_confidence_is_never_shown_as_certainty():
    from burhan.verdict.explain import explain, percent

    assert percent(0.81) == "81%" and percent(0.994) == "99%"
    assert percent(0.9995) == "أكثر من 99%" and percent(0.9995, "en") == "over 99%"
    assert "100%" not in explain("false", "refuted", 0.9995, [], [], [])
    assert "over 99%" in explain("false", "refuted", 0.9995, [], [], [], lang="en")


def test_calibration_rescales_the_log_odds_in_order_and_round_trips(tmp_path):
    """``calibrate=True`` (studied, not shipped): P(true) = σ(a · log-odds + b) with a > 0 fitted on
    the training rows — the order of claims by P(true) is kept, the saved model reads it back."""
    rng = np.random.default_rng(5)
    X = rng.random((300, len(FEATURES)))
    X[:, FEATURES.index("number_conflict")] = rng.integers(0, 2, 300) / 2
    truth = list(X[:, FEATURES.index("agree_max")] + rng.normal(0, 0.3, 300) > 0.5)
    plain, calibrated = VerdictModel().fit(X, truth), VerdictModel(calibrate=True).fit(X, truth)
    slope, intercept = calibrated.calibration
    assert slope > 0 and (slope, intercept) != (1.0, 0.0) and plain.calibration == (1.0, 0.0)
    p, q = plain.predict_proba(X), calibrated.predict_proba(X)
    assert np.array_equal(np.argsort(p, kind="stable"), np.argsort(q, kind="stable"))
    logit = np.log(p / (1 - p))
    assert np.allclose(q, 1 / (1 + np.exp(-(slope * logit + intercept))), atol=1e-6)
    calibrated.save(tmp_path / "v.json")
    again, _ = VerdictModel.load(tmp_path / "v.json")
    assert np.allclose(again.predict_proba(X), q)


def test_refuted_calibration_rescales_refuted_claims_only(tmp_path):
    """``refuted_calibration=True`` (studied, not shipped): P(true) of a claim whose basis is refuted
    is rescaled on the refuted training claims alone (here all false, so it falls below 0.5 and the
    verdict is false); other bases keep the plain P(true); the model needs the bases to fit."""
    rng = np.random.default_rng(7)
    X = rng.random((200, len(FEATURES)))
    truth = list(X[:, FEATURES.index("agree_max")] > 0.5)
    bases = ["refuted" if i % 4 == 0 else "supported" for i in range(200)]
    truth = [False if b == "refuted" else t for t, b in zip(truth, bases)]
    with pytest.raises(ValueError, match="basis"):
        VerdictModel(refuted_calibration=True).fit(X, truth)
    plain = VerdictModel().fit(X, truth)
    scaled = VerdictModel(refuted_calibration=True).fit(X, truth, bases)
    x = X[1]  # a supported training row: the same decision either way
    assert scaled.decide(x, "supported") == plain.decide(x, "supported")
    verdict, confidence, p_true = scaled.decide(x, "refuted")
    assert verdict == "false" and p_true < 0.05 and confidence == pytest.approx(1 - p_true, abs=1e-4)
    scaled.save(tmp_path / "v.json")
    again, _ = VerdictModel.load(tmp_path / "v.json")
    assert again.decide(x, "refuted") == scaled.decide(x, "refuted")


def test_uncontested_refutation_caps_p_true_at_the_training_rate(tmp_path):
    """``uncontested_refutation=True`` (studied, not shipped): a refuted claim whose strongest
    disagreeing story outweighs the strongest agreeing one has P(true) at most 1 − the share of
    false training claims like it; a refuted claim with more agreement keeps its P(true)."""
    rng = np.random.default_rng(11)
    X = rng.random((200, len(FEATURES)))
    agree, disagree = FEATURES.index("agree_max"), FEATURES.index("disagree_max")
    truth = list(X[:, agree] > 0.5)
    bases = ["refuted" if i % 4 == 0 else "supported" for i in range(200)]
    with pytest.raises(ValueError, match="basis"):
        VerdictModel(uncontested_refutation=True).fit(X, truth)
    plain = VerdictModel().fit(X, truth, bases)
    capped = VerdictModel(uncontested_refutation=True).fit(X, truth, bases)
    alike = [i for i in range(200) if bases[i] == "refuted" and X[i, disagree] > X[i, agree]]
    assert capped.uncontested_false_rate == pytest.approx(1 - np.mean([truth[i] for i in alike]), abs=1e-4)
    x = X[0].copy()
    x[agree], x[disagree] = 0.9, 0.95  # a strong agreeing story, outweighed: the fit alone says true
    assert plain.decide(x, "refuted")[2] > 1 - capped.uncontested_false_rate
    assert capped.decide(x, "refuted")[2] == pytest.approx(1 - capped.uncontested_false_rate)
    x[disagree] = 0.5  # agreement outweighs the disagreement: untouched
    assert capped.decide(x, "refuted") == plain.decide(x, "refuted")
    capped.save(tmp_path / "v.json")
    again, _ = VerdictModel.load(tmp_path / "v.json")
    assert again.uncontested_false_rate == capped.uncontested_false_rate
