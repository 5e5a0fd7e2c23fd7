"""The sentence-level evidence model and what feeds it, on real Arabic text: predicates and
their antonyms, alignment features, synthetic pairs, the training corpora, fit/predict/save/load."""

import random

import numpy as np
import pytest

from burhan.stance.alignment import FEATURE_NAMES, alignment_features
from burhan.stance.corpora import EVIDENCE_LABELS, SentencePairs, arnli_pairs, split_by_headline, ans_pairs, \
    without_claims
from burhan.stance.evidence import EvidenceModel
from burhan.stance.synthetic import (change_count, change_place, swap_antonym, swap_reporting_verb, synthetic_pairs,
                                     toggle_negation)
from burhan.text.places import place_names
from burhan.text.predicates import predicate_sides
from burhan.text.quantities import quantities

from test_stance import HashEncoder

LAVROV = "قال وزير الخارجية الروسي سيرجي لافروف أمس خلال زيارة إلى تركيا إن روسيا ستواصل عملياتها في شرق حلب"
KHAN_TOUMAN = "هذا وفشلت القوات الحكومية السورية والمسلحين الموالين لها في استعادة بلدة خان طومان جنوب حلب"
CASUALTIES = "أفاد المرصد السوري لحقوق الإنسان اليوم بمقتل 1300 مدني في سوريا خلال شهر تشرين الثاني / نوفمبر الماضي"


def aligned(claim, sentence):
    return dict(zip(FEATURE_NAMES, alignment_features(claim, sentence)))


def test_predicates_take_sides_and_negation_flips_them():
    assert predicate_sides("روسيا ستواصل عملياتها") == {"continue_stop": {"+"}}
    assert predicate_sides("روسيا أوقفت عملياتها") == {"continue_stop": {"-"}}
    assert predicate_sides("روسيا لن تواصل عملياتها") == {"continue_stop": {"-"}}
    assert predicate_sides("فشلت القوات في استعادة البلدة")["succeed_fail"] == {"-"}
    assert predicate_sides("ارتفع سعر صرف الدولار") == {"rise_fall": {"+"}}


@pytest.mark.parametrize("claim, sentence, clash", [
    ("لافروف يعلن أن روسيا أوقفت عملياتها العسكرية في حلب", LAVROV, "antonym_conflict"),
    ("القوات الحكومية السورية تستعيد السيطرة الكاملة على بلدة خان طومان", KHAN_TOUMAN, "failure_one_side"),
    ("المرصد السوري: مقتل 3000 مدني في سوريا خلال شهر نوفمبر", CASUALTIES, "quantity_conflict"),
    ("لافروف: روسيا ستواصل عملياتها في شرق دير الزور", LAVROV, "place_conflict"),
    ("مقتل 1300 مدني في سوريا خلال أكتوبر", CASUALTIES, "month_conflict"),
    ("لافروف: روسيا لن تواصل عملياتها في شرق حلب", LAVROV, "antonym_conflict"),
    ("القوات الحكومية السورية لم تفشل في استعادة بلدة خان طومان", KHAN_TOUMAN, "negated_predicate"),
])
def test_alignment_sees_the_clash_an_encoder_misses(claim, sentence, clash):
    found = aligned(claim, sentence)
    assert found[clash] == 1.0 and found[f"{clash}_x_coverage"] > 0.3
    restated = aligned("لافروف: روسيا ستواصل عملياتها في شرق حلب", LAVROV)
    assert restated[clash] == 0.0 and restated["coverage"] == 1.0 and restated["antonym_same"] == 1.0


def test_a_word_one_side_negates_and_the_other_asserts_is_a_clash():
    hospitals = "قالت منظمة الصحة العالمية إن جميع المستشفيات في الأحياء الشرقية من حلب خرجت عن الخدمة"
    assert aligned("مستشفيات شرق حلب لم تخرج عن الخدمة", hospitals)["negated_predicate"] == 1.0
    assert aligned("مستشفيات شرق حلب تخرج عن الخدمة", hospitals)["negated_predicate"] == 0.0
    # negated on both sides: no clash, whatever else the sentence asserts
    assert aligned("المكتبة لن تكون الأكبر", "أعلن الوزير أن المكتبة لن تكون الأكبر في إفريقيا")["negated_predicate"] == 0.0
    assert aligned("المكتبة لن تكون الأكبر في إفريقيا", "أعلن الوزير أن المكتبة ستكون الأكبر")["negated_predicate"] == 1.0


def test_every_form_of_laysa_negates():
    """«ليس» in the dual and plural (the thirty-eighth run): seed 001's «موسكو ودمشق ليستا مسؤولتين»
    negates «مسؤولتان»; before, only ليس، ليست، ليسوا، لسنا، لست were negations."""
    seed = ("وفي نفس السياق أكد لافروف أن موسكو ودمشق ليستا مسؤولتين عن الهجوم الذي أسفر عن مقتل أربعة جنود "
            "أتراك الأسبوع الماضي في شمال سوريا")
    assert aligned("لافروف: موسكو ودمشق مسؤولتان عن الهجوم الذي قتل أربعة جنود أتراك", seed)["negation_mismatch"] == 1.0
    assert aligned("لافروف: موسكو ودمشق ليستا مسؤولتين عن الهجوم", seed)["negation_mismatch"] == 0.0
    for form in ("ليسا", "ليستا", "لستم", "لستما", "لستن", "لسن"):
        assert aligned("الجنود مسؤولون عن الهجوم", f"قال المتحدث إن الجنود {form} مسؤولين عن الهجوم")["negation_mismatch"] == 1.0


def test_one_wrong_count_conflicts_even_beside_a_right_one():
    sentence = "أفاد المرصد بمقتل 1300 مدني في سوريا خلال شهر نوفمبر بينهم 284 طفلا"
    half_right = aligned("مقتل 1300 مدني في سوريا خلال نوفمبر بينهم 500 طفل", sentence)
    assert half_right["quantity_conflict"] == 1.0 and half_right["quantity_match"] == 1.0
    right = aligned("مقتل 1300 مدني في سوريا خلال نوفمبر بينهم 284 طفلا", sentence)
    assert right["quantity_conflict"] == 0.0 and right["quantity_match"] == 2.0


def test_quantities_of_durations_and_percentages_have_units():
    found = {q.key: q.value for q in quantities("استمر القصف 8 ساعات وارتفعت الأسعار 40 في المئة ومقتل 12 مدنيا")}
    assert found == {"duration": 8.0, "percent": 40.0, "count:مدن": 12.0}
    assert [q.value for q in quantities("استمر الحصار ثلاثة أشهر")] == [3 * 720.0]  # in hours


def test_each_edit_does_what_it_says():
    rng = random.Random(0)
    edited = change_count(CASUALTIES, rng)
    assert "1300" not in edited and "مدني" in edited
    assert "لن تواصل" in toggle_negation(LAVROV, rng)
    assert predicate_sides(swap_antonym(LAVROV, rng))["continue_stop"] == {"-"}
    moved = change_place(LAVROV, rng)
    assert moved != LAVROV and place_names(moved) != place_names(LAVROV)  # one place swapped for another
    assert swap_reporting_verb(LAVROV, rng).split()[0] in ("أكد", "أعلن", "أوضح", "ذكر")


def test_synthetic_pairs_are_seeded_and_labelled_by_their_edit():
    groups = [[LAVROV, KHAN_TOUMAN, CASUALTIES, "وأضاف لافروف أن روسيا مستعدة للحوار مع كل أطراف الصراع في سوريا"]]
    first, again = synthetic_pairs(groups, per_kind=5, seed=3), synthetic_pairs(groups, per_kind=5, seed=3)
    assert first == again and first
    kinds = {p.kind: p.label for p in first}
    assert kinds["count"] == kinds["negation"] == kinds["antonym"] == "refutes"
    assert kinds.get("reporting_verb", "supports") == "supports"
    assert all(p.evidence in groups[0] for p in first)  # the evidence is always the real sentence
    assert all(p.claim != p.evidence for p in first)


def test_ans_held_out_split_keeps_headlines_apart(tmp_path):
    csv = tmp_path / "ans.csv"
    rows = ["s1,s2,stance"] + [f"عنوان {i % 20},جملة {i},{'agree' if i % 2 else 'disagree'}" for i in range(100)]
    csv.write_text("\n".join(rows), encoding="utf-8")
    kept, held = split_by_headline(ans_pairs(csv), held_share=0.2, seed=1)
    assert len(kept) + len(held) == 100 and not set(kept.claims) & set(held.claims) and len(set(held.claims)) == 4
    assert set(kept.labels) == {"supports", "refutes"}


def test_labelled_unifiedfc_lines_of_a_held_out_claim_are_dropped():
    pairs = SentencePairs()
    pairs.add("ادعاء", "جملة", "supports", "unifiedfc:R-1")
    pairs.add("ادعاء", "جملة", "refutes", "unifiedfc:V-2")
    pairs.add("ادعاء", "جملة", "refutes", "synthetic:count")
    assert without_claims(pairs, {"R-1"}) == [False, True, True]


def test_arnli_label_mapping(tmp_path):
    csv = tmp_path / "nli.csv"
    csv.write_text("t,h,label,relatedness_score,sentence_h_en,sentence_t_en\n"
                   "رجل يعزف,رجل لا يعزف,2,3.5,a,b\nرجل يعزف,رجل يعزف الغيتار,1,4.5,a,b\nرجل يعزف,امرأة تطبخ,0,1.2,a,b\n",
                   encoding="utf-8")
    assert arnli_pairs(csv).labels == ["refutes", "supports", "neutral"]


def small_training():
    """Synthetic pairs from the sentences of the bundled demo corpus (and three seed sentences)."""
    import json

    from burhan.demo import DEMO_CORPUS
    from burhan.text.sentences import split_sentences

    groups = [[LAVROV, KHAN_TOUMAN, CASUALTIES]]
    for line in DEMO_CORPUS.read_text(encoding="utf-8").splitlines():
        groups.append(split_sentences(json.loads(line)["text"]))
    pairs = SentencePairs()
    for p in synthetic_pairs(groups, per_kind=40, seed=1):
        pairs.add(p.claim, p.evidence, p.label, f"synthetic:{p.kind}")
    return pairs


def test_evidence_model_fit_predict_save_load(tmp_path):
    pairs = small_training()
    model = EvidenceModel(encoders=("hash-test",), C=1.0).set_encoders({"hash-test": HashEncoder()})
    model.fit(pairs.claims, pairs.sentences, pairs.labels)
    probs = model.predict_proba(["المرصد السوري: مقتل 3000 مدني في سوريا خلال شهر نوفمبر"], [CASUALTIES])
    assert probs.shape == (1, 3) and np.allclose(probs.sum(axis=1), 1.0)
    assert EVIDENCE_LABELS[int(probs.argmax())] == "refutes"  # a changed count of the same noun
    model.save(tmp_path / "e.json")
    loaded = EvidenceModel.load(tmp_path / "e.json").set_encoders({"hash-test": HashEncoder()})
    assert np.allclose(loaded.predict_proba([pairs.claims[0]], [pairs.sentences[0]]),
                       model.predict_proba([pairs.claims[0]], [pairs.sentences[0]]))
    with pytest.raises(ValueError, match="unknown evidence labels"):
        model.fit(["ا"], ["ب"], ["agree"])
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    with pytest.raises(ValueError, match="cannot read evidence model"):
        EvidenceModel.load(tmp_path / "bad.json")


# a few dozen pairs do not converge in max_iter steps: this tests the plumbing, not the fit
@pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")
def test_perceptron_ensemble_evidence_model_fit_predict_save_load(tmp_path):
    """The perceptron option: the members' averaged probabilities are scikit-learn's own, a changed
    count still refutes, and the JSON it is saved as (32-bit weights) reads back to the same model."""
    from sklearn.neural_network import MLPClassifier

    from burhan.mlp import MLPEnsemble

    pairs = small_training()
    model = EvidenceModel(encoders=("hash-test",), hidden=8, alpha=1.0, members=3).set_encoders(
        {"hash-test": HashEncoder()})
    model.fit(pairs.claims, pairs.sentences, pairs.labels)
    assert isinstance(model.classifier, MLPEnsemble) and len(model.classifier.layers) == 3
    probs = model.predict_proba(["المرصد السوري: مقتل 3000 مدني في سوريا خلال شهر نوفمبر"], [CASUALTIES])
    assert probs.shape == (1, 3) and np.allclose(probs.sum(axis=1), 1.0)
    assert EVIDENCE_LABELS[int(probs.argmax())] == "refutes"

    X = model.features(pairs.claims, pairs.sentences)
    Z = model.classifier._standardise(X)
    by_hand = np.mean([MLPClassifier(hidden_layer_sizes=(8,), alpha=1.0, max_iter=400, random_state=13 + m)
                       .fit(Z, pairs.labels, sample_weight=balanced_weights(pairs.labels)).predict_proba(Z)
                       for m in range(3)], axis=0)
    assert np.allclose(model.classifier.predict_proba(X), by_hand, atol=1e-4)

    model.save(tmp_path / "e.json")
    loaded = EvidenceModel.load(tmp_path / "e.json").set_encoders({"hash-test": HashEncoder()})
    assert loaded.params() == model.params()
    assert np.allclose(loaded.predict_proba(pairs.claims, pairs.sentences),
                       model.predict_proba(pairs.claims, pairs.sentences), atol=1e-6)


def balanced_weights(labels: list[str]) -> np.ndarray:
    classes, counts = np.unique(labels, return_counts=True)
    share = dict(zip(classes, len(labels) / (len(classes) * counts)))
    return np.array([share[label] for label in labels])
