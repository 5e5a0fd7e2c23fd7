"""Study: a stated prior weight for disagreeing stories in the verdict (issue 11).

    python tools/verdict_prior_study.py --db /tmp/ufc.db [--out docs/studies/verdict_prior.json]

Unified-FC holds few disagreeing articles, so the fitted verdict model gives a contradiction
almost no weight (disagree_max −0.12) and a claim whose basis is *refuted* often ends as
not_enough_evidence. ``VerdictModel.disagree_weight`` adds w × (strongest disagreeing story's
P(disagree) × reliability) to the log-odds, like the counts' prior weights.

Protocol, written before the measurement: the claim-level 4-fold CV with retrieved evidence
(`burhan eval verdict … --evidence retrieved --cv`, nested: every model trained without the
scored fold) is run once; the variants w ∈ {0 (shipped), −1.5, −3} are fitted on the same
out-of-fold features. Ship the strongest weight whose CV accuracy is within 0.01 of w = 0's and
whose ECE is ≤ 0.06; otherwise keep 0. The probes are reported after, not used to choose.

Second run (after the first gave CV accuracy 0.399 with 144 of 338 claims not_enough_evidence):
the same, plus the existing abstention settings unconfirmed_margin ∈ {0.1, 0.0} (an unconfirmed
claim read *false* from P(true) ≤ 0.4 / ≤ 0.5 instead of ≤ 0.3), reported only — nothing of the
second run is shipped this session. The out-of-fold features are kept (``--features``) so that
later studies of the verdict model need no 35-minute rerun.

Third run (``--polarity classifier``, after the decision settings of tools/verdict_rule_study.py
were shipped): the stance models decide an article's side by their classifier (wave 1's way)
instead of by its decisive sentence. Protocol, written before the run: score the shipped decision
settings on the new out-of-fold features fold by fold, as on the kept evidence-polarity features
(accuracy 0.521, ECE 0.140, 79 NEE); ship ``polarity="classifier"`` if accuracy is higher by ≥ 0.02
and ECE not higher; else keep the evidence polarity. Probes reported after, not used to choose.

Fourth run (``--polarity explicit``, 2026-12-02, after the third was not shipped because the
classifier polarity reads contradicted claims as agreement): the classifier decides an article's
side unless its decisive sentence refutes *with an explicit clash* (alignment: antonym, negation,
denial, another count, place, year, month or actor), where the sentence decides. Protocol,
written before the run: score the shipped decision settings on the new out-of-fold features fold
by fold, as in the third run. Ship ``polarity="explicit"`` if its accuracy ≥ 0.541 (the evidence
polarity's 0.521 + 0.02) and its ECE ≤ 0.140, *and* ``burhan eval stance --cv … --polarity
explicit`` reads ≥ 50% of the edited (contradicted) Unified-FC claims as disagree (evidence
polarity 72.5%, classifier 8.8%). The probes were run once before, to check that the code works
(verdicts 67.4%), and are reported after, not used to choose.

Fifth run (2026-12-02, claim-relative cues; **made after reading the probes' denial misses**,
so the probe score is not a clean held-out figure): the stance classifier's bag of words holds the
best sentences' stems *not in the claim* (``StanceModel(bow_without_claim=True)``), and when the
claim itself reports a denial or calls something false («البنتاغون ينفي …») its refutation-cue
features are 0 and the cue stems leave its bag of words (an article reporting that denial
confirms the claim). Protocol, written before the runs: ``burhan eval stance --cv … --polarity
explicit`` and this study with ``--polarity explicit``, each once. Ship if stance CV macro-F1 ≥
0.449 (the shipped 0.459 − 0.01), the contradiction check reads ≥ 50% of edited claims as
disagree, and the verdict CV accuracy ≥ 0.604 (0.624 − 0.02) with ECE ≤ 0.093 (0.073 + 0.02);
else revert to the fourth run's models. Probes reported after, not used to choose.

Sixth run (2026-12-02, counts that contradict; **made after reading the probes' misses** — the
partly-true and measure claims whose basis was *refuted* by a conflicting count while P(true)
stayed near 0.9 — so the probe score is not a clean held-out figure): an article read as agreeing
that gives another value for a quantity the claim states is read as disagreeing (its agree and
disagree probabilities swap; ``burhan.verdict.model.contradict_by_counts``), and a matching count
counts only in stories that neither disagree nor conflict. Stance models unchanged. Protocol,
written before the run: this study with ``--polarity explicit`` once, features kept in
``docs/studies/verdict_cv_features_count_contradicts.json``. Ship (and refit ``verdict_model.json``
on those rows with ``tools/verdict_from_features.py``) if the verdict CV accuracy ≥ 0.616 (the
fifth run's 0.636 − 0.02) and ECE ≤ 0.092 (0.072 + 0.02); else revert the change. Probes reported
after, not used to choose.
Result (docs/studies/verdict_prior_sixth.json): accuracy 0.624 (≥ 0.616: held), ECE 0.108
(> 0.092: failed), 64 NEE → **not shipped**; the change was reverted (it lives in commit 13826fd).
With it the probes read 82.6% of verdicts right (73.9% without), run once to check the code,
before the study.

Ninth run (2026-12-04, alignment features that see half-right counts and negated words; **made
after reading synthetic fold-4 misses and the probes' partly-true misses**, so the probe score is
not a clean held-out figure): ``quantity_conflict`` no longer cancelled by another matching count,
a new clash ``negated_predicate``, synthetic date edits over years and months alike; the evidence
model re-chosen by ``tools/evidence_selection.py --round 4`` (round 3's grid and criterion), the
shipped evidence and stance models retrained. Protocol, written before the runs:
``burhan eval stance --cv … --polarity explicit`` and this study with ``--polarity explicit``,
each once, features kept in ``docs/studies/verdict_cv_features_negated.json``. Ship (and refit
``verdict_model.json`` on those rows with ``tools/verdict_from_features.py``) if stance CV
macro-F1 ≥ 0.459 (the fifth run's 0.469 − 0.01), ≥ 50% of edited claims read as disagree, verdict
CV accuracy ≥ 0.616 (0.636 − 0.02) and ECE ≤ 0.092 (0.072 + 0.02); else revert the change and
the models. Probes reported after, not used to choose.
Result (docs/studies/verdict_prior_ninth.json, docs/studies/stance_cv_negated.json): stance CV
macro-F1 0.465, edited claims read as disagree 69.8%, verdict CV accuracy 0.621, ECE 0.077, 67 NEE
→ **shipped** (the verdict model refitted on its rows).

Tenth run (2026-12-04, after the ninth): with the ninth's models the test suite's invariance
check failed — on the seeds and demo corpus the verbatim Lavrov claim is *true* with k = 5 and
not_enough_evidence with k = 50, because an article about another fact (the Syrian ministry
denying WHO's hospital figures; it holds 0.25 of the claim's content: «شرق حلب») is read as
*disagree* 0.72. The stance model's gate (an article holding under ``min_coverage`` of the
claim's content cannot take a side) sat at 0.2, while its comment said no agree / disagree pair
of Unified-FC is under 0.34 — wrong: counted now (a one-off script over all 2,429 pairs), side
pairs' article coverage has minimum 0.249, 6 of 426 are under 0.34, the 1st percentile is 0.328.
Change: the gate is learnt at fit time as the ``min_coverage_quantile`` = 1% quantile of the
training pairs that take a side (``StanceModel(min_coverage_quantile=0.01)``), not a fixed 0.2.
Protocol, written before the runs: the stance CV and this study once each, features kept in
``docs/studies/verdict_cv_features_side_gate.json``. Ship (and refit the verdict model) if stance
CV macro-F1 ≥ 0.455 (the ninth's 0.465 − 0.01), ≥ 50% of edited claims read as disagree, verdict
CV accuracy ≥ 0.611 (0.621 − 0.01) and ECE ≤ 0.087 (0.077 + 0.01); else keep the ninth run's
models. Probes reported after, not used to choose.
Result (docs/studies/verdict_prior_tenth.json, docs/studies/stance_cv_side_gate.json): stance CV
0.467, edited claims read as disagree 69.0%, verdict CV accuracy 0.615, ECE 0.059, 68 NEE →
**shipped** (the verdict model refitted on its rows).

Eleventh run (2026-12-04, after the tenth; **made after reading the probes' partly-true misses**:
an article confirming one half of the claim in one sentence and giving another figure for the
other half in another reads as *agree*, because only the most decisive sentence, holding ≥ half
of the claim's stems, may decide the side): with ``StanceModel(counts_decide=True)`` a scored
sentence that gives another value for a count or measure the claim states (``quantity_conflict``:
the same noun or unit is itself the alignment) and refutes it (P(refutes) > P(supports)) decides
the side whatever its coverage, when the decisive sentence does not. Protocol, written before the
runs: the stance CV and this study once each, features kept in
``docs/studies/verdict_cv_features_counts_decide.json``. Ship (and refit the verdict model) if
stance CV macro-F1 ≥ 0.457 (the tenth's 0.467 − 0.01), ≥ 50% of edited claims read as disagree,
verdict CV accuracy ≥ 0.605 (0.615 − 0.01) and ECE ≤ 0.069 (0.059 + 0.01); else keep the tenth
run's models (the parameter stays, off). Probes reported after, not used to choose.
Result (docs/studies/verdict_prior_eleventh.json, docs/studies/stance_cv_counts_decide.json):
stance CV 0.4575, edited claims read as disagree 70.1%, verdict CV accuracy 0.607, ECE 0.058, 69
NEE — the rule held, by 0.0005 and 0.002 — but **not shipped**: the test suite then failed
(tests/test_check.py, tests/test_judgement.py): «مقتل 1300 مدني في سوريا خلال نوفمبر» against
the article that states it read *false*, because the same article's «675 مدنيا قتلوا في غارات»
(a sub-total) is a sentence-level quantity conflict. ``burhan.verdict.facts`` already treats
another value in an article that states the claimed one as context; the rule did not. Probes
(after): verdicts 79.3% (82.6% with the tenth's models), bases 85.9%, article stances 82.8%.

Twelfth run (2026-12-04, after the eleventh): ``counts_decide`` as in the eleventh, except that a
sentence's conflicting count decides only when no sentence of the article gives a value
compatible with that claimed quantity (an article that states the claimed value gives its other
values as parts or other periods, as in ``burhan.verdict.facts``). Protocol, written before the
runs: the same as the eleventh's (stance CV macro-F1 ≥ 0.457, ≥ 50% of edited claims read as
disagree, verdict CV accuracy ≥ 0.605, ECE ≤ 0.069), features kept in
``docs/studies/verdict_cv_features_counts_decide_stated.json``, and the full test suite must
pass; else keep the tenth run's models with ``counts_decide`` off.
Result (docs/studies/verdict_prior_twelfth.json, docs/studies/stance_cv_counts_decide_stated.json):
stance CV 0.467, edited claims read as disagree 69.5%, verdict CV accuracy 0.612, ECE 0.056, 69 NEE;
the full suite passed → **shipped** (the verdict model refitted on its rows). Probes (after):
verdicts 87.0%, bases 89.1%, article stances 85.1%.

Fourteenth run (2026-12-04, after the twelfth and the thirteenth study; **made after reading the
probes' denial misses and a demo output** — «نفى مصدر … الأرقام … عن مقتل 1300 مدني» read as
*supporting* «مقتل 1300 مدني…», P(supports) 0.83): ``predicate_cores`` treats the words after a
denial verb (نفى / ينفي / كذب …) as negated, like those right after لا / لم / لن, so a sentence
denying what the claim asserts (or asserting what a denial claim denies) is a
``negated_predicate`` clash. Evidence model re-chosen by ``tools/evidence_selection.py --round 5``
(round 3's grid and criterion), evidence and stance models retrained. Protocol, written before the
runs: the stance CV and this study once each, features kept in
``docs/studies/verdict_cv_features_denied.json``. Ship if stance CV macro-F1 ≥ 0.457 (the twelfth's
0.467 − 0.01), ≥ 50% of edited claims read as disagree, verdict CV accuracy ≥ 0.602 (0.612 − 0.01),
ECE ≤ 0.066 (0.056 + 0.01), and the full suite passes; else keep the twelfth run's models and
revert the change. Probes reported after, not used to choose.
Result: **abandoned before any measurement** (no model trained, nothing run): checked by hand on
two pairs, the scope "every word after the denial verb" takes in the subject of a verb-first
sentence — «نفى البنتاغون إرسال قوات» against the claim «البنتاغون ينفي إرسال قوات» made
«البنتاغون» negated on one side and asserted on the other, a clash between two texts that say the
same thing. The denied object would have to be found, not the rest of the sentence; and in the
demo's case the existing clashes already fire (``denial_in_sentence``, ``failure_one_side``) —
the evidence model gives them too little weight there, which is a training question. Reverted.

Fifteenth run (2026-12-04; **made after reading the probes' measure-05 miss**: «خلال الساعات
الأربع والعشرين» was read as a count of «الماضية», so «8 ساعات» met no duration at all): a
number right after a definite plural unit («الساعات الأربع والعشرين», «الأيام الثلاثة الماضية»,
«السنوات الـ10») measures that unit (``burhan.text.quantities.head_noun``). The count comparison
and the alignment both read it; evidence model re-chosen by ``tools/evidence_selection.py --round 6``
(round 3's grid and criterion), evidence and stance models retrained. Protocol, written before the
runs: the stance CV and this study once each, features kept in
``docs/studies/verdict_cv_features_unit_before.json``. Ship if stance CV macro-F1 ≥ 0.457, ≥ 50% of
edited claims read as disagree, verdict CV accuracy ≥ 0.602, ECE ≤ 0.066 (the twelfth's − 0.01 /
+ 0.01), and the full suite passes; else keep the twelfth run's models and revert. Probes
reported after, not used to choose.
Result (docs/studies/verdict_prior_fifteenth.json, docs/studies/stance_cv_unit_before.json,
docs/studies/evidence_selection_round6.json): evidence selection chose the same settings (ANS dev
0.759 → 0.776, synthetic fold-4 0.9445 → 0.9448); stance CV 0.4655 ± 0.016, edited claims read as
disagree 70.3%; verdict CV accuracy **0.630** (0.612 before; per fold 0.659 / 0.577 / 0.643 /
0.643), **ECE 0.082** (> 0.066: failed), 68 NEE, decided accuracy 0.789 → **not shipped**; the
change and the models reverted (probes not run with them). The accuracy gain is the largest of
these runs and the calibration loss with it: a calibrated confidence on the same decisions
(the seventh and eighth studies' scalings) is what would have to come with it.

Sixteenth run (2026-12-07; the evidence model an ensemble of perceptrons, chosen by
``tools/evidence_selection.py --round 7`` — whose prototype looked at ANS dev and the synthetic
fold-4 pairs first, said there — no change to the alignment, the stance or the verdict code):
``EVIDENCE_SETTINGS`` get ``hidden`` 32 and ``alpha`` 3, the evidence and stance models are
retrained (``burhan train evidence``, ``burhan train stance``). Protocol, written before the runs:
the stance CV and this study once each (on a store this study builds at ``/tmp/jobs/ufc16.db``),
features kept in ``docs/studies/verdict_cv_features_mlp.json``. The non-inferiority steps of the
ninth to fifteenth runs cost 0.024 of verdict accuracy together, so this rule allows no loss: ship
if stance CV macro-F1 ≥ 0.467 and ≥ 50% of edited claims read as disagree, verdict CV accuracy ≥
0.612 and ECE ≤ 0.061 (the twelfth's + 0.005, one claim's worth of noise), the shipped-model ANS
dev macro-F1 ≥ 0.790, and the full suite passes; else keep the twelfth run's models (the option
stays, off). The held-out part of ANS train is scored after the decision (its fourth look); the
probes are reported after, not used to choose.
Result (docs/studies/verdict_prior_sixteenth.json, docs/studies/stance_cv_mlp.json,
docs/studies/evidence_selection_round7.json, docs/studies/probes_mlp.json): shipped-model ANS dev
macro-F1 0.813 (accuracy 0.770; 0.790 / 0.746 before); stance CV macro-F1 0.4666 ± 0.016 (the
twelfth's exact figure is 0.4666 too: the "0.467" above is its rounding), disagree F1 per fold
0.18 / 0.23 / 0.13 / 0.20 (0.24 / 0.21 / 0.07 / 0.22 before), edited claims read as disagree 69.8%;
verdict CV accuracy 0.621 (0.612 before), macro-F1 0.683, **ECE 0.0613** (> 0.061: failed, by
0.0003), 66 NEE → **not shipped**; the twelfth run's models kept (``EvidenceModel(hidden=…)``
stays, off). The held-out part of ANS train was not scored (no fourth look). Probes with the
sixteenth's models (reported, not used): verdicts 87.0% (the same), bases 85.9% (89.1%), article
stances 81.6% (85.1%); negation 57% (86%), actor and date 86% (71%), denial 62%.

Eighteenth run (2026-12-07, after the seventeenth — label offsets, tools/stance_offsets_study.py —
failed its stage 1): what the article is about, in meaning. The shipped stance classifier's cosine
features (max_cosine, top_cosine, cosine_at_best) are 0: they were filled only with the wave-1
sentence-pair scorer (``use_embeddings``). With ``StanceModel(dense_cosines=True)`` the e5-small
cosine of the claim (query) with each of the article's 3 best sentences by stem coverage fills
them, no pair scorer (issue 11 item 2: "from what the article is about"); the evidence model, the
polarity and every other setting unchanged. Not made after reading probe misses: chosen from the
stance CV's confusion (discuss and unrelated confused both ways: discuss F1 0.21). Protocol,
written before the runs: the stance CV (``burhan eval stance --format unifiedfc … --cv … --json``)
and this study with ``--polarity explicit``, each once, features kept in
``docs/studies/verdict_cv_features_dense_cosines.json``. Ship (default ``dense_cosines=True``, the
stance model retrained by ``burhan train stance``, the verdict model refitted on the kept rows) if
stance CV macro-F1 ≥ 0.4766 (the twelfth's 0.4666 + 0.01: a gain worth a change), ≥ 50% of edited
claims read as disagree, verdict CV accuracy ≥ 0.612 and ECE ≤ 0.061 (no loss, as the sixteenth),
and the full suite passes; else revert the default (the option stays, off). Probes reported after,
not used to choose. The verdict stage runs only if the stance stage passes.
Result (docs/studies/stance_cv_dense_cosines.json, 3 min 34 s): stance CV macro-F1 **0.4624** ±
0.020 (per fold 0.465 / 0.492 / 0.458 / 0.436; per class agree 0.661, disagree 0.174, discuss
0.200, unrelated 0.814 against 0.652 / 0.186 / 0.209 / 0.820), disagree F1 per fold 0.21 / 0.25 /
0.07 / 0.17, edited claims read as disagree 70.1% → **failed** (< 0.4766): the default reverted,
the option stays, off; the verdict stage not run.

Nineteenth run (2026-12-07; **made after reading the held-out true-shapes probes' misses**,
tests/data/probes_true_shapes.jsonl, scored once before: verdicts 70.8% — so that set is no longer
a clean held-out figure after this run): a claim that negates an event and a sentence that denies
it take the same side. «وزير الصحة السوري لم يستقل» against «نفت وزارة الصحة … صحة الأنباء … عن
استقالة وزير الصحة» fired three clashes (failure or denial on one side, negation on one side,
denial in the sentence) and was read as refuting (P(true) 0.02). Change (``burhan.stance.alignment``):
when the claim holds a negation word and no failure/denial predicate, and the sentence holds a
denial word and no negation word, those three clashes are 0 (the two negations agree). The
evidence model is retrained with its shipped settings (``burhan train evidence --data
../shared/datasets --seed 13``), then the stance model (``burhan train stance …``). Protocol,
written before the runs: the stance CV and this study with ``--polarity explicit``, each once,
features kept in ``docs/studies/verdict_cv_features_double_negation.json``. The change touches
few Unified-FC pairs, so the bounds allow one claim's worth of noise: ship if the shipped-model
ANS dev macro-F1 ≥ 0.785, stance CV macro-F1 ≥ 0.4616 (0.4666 − 0.005), ≥ 50% of edited claims
read as disagree, verdict CV accuracy ≥ 0.609 (0.612 less one claim of 338) and ECE ≤ 0.061, and
the full suite passes; else revert the change and the models. Both probe sets reported after, not
used to choose.
Result (docs/studies/verdict_prior_nineteenth.json, docs/studies/stance_cv_double_negation.json;
1 min 19 s and 3 min 23 s with warm caches): shipped-model ANS dev macro-F1 0.802; stance CV 0.4634
(disagree F1 per fold 0.24 / 0.20 / 0.07 / 0.18), edited claims read as disagree 69.5%; verdict CV
accuracy 0.6095, **ECE 0.0623** (> 0.061: failed), 71 NEE, decided accuracy 0.772 → **not
shipped**, change and models reverted. It would not have been shipped anyway: the claim it was made
for stayed *false* at P(true) 0.02 (the article classifier's refutation cues, not the sentence's
clashes, decide that denial article), and the original probes fell 87.0% → 85.9% («الولايات
المتحدة لن ترسل جنودا إضافيين» now agrees with the Pentagon's denial of *two thousand* soldiers:
the sentence cannot tell what the denial covers). Probes: docs/studies/probes_double_negation.json,
probes_true_shapes_double_negation.json (true shapes 70.8%, unchanged).

Twentieth run (2026-12-07; **made after reading the held-out true-shapes misses**, declared): the
sentence decides when it is explicit, either way. With ``polarity="explicit"`` the classifier
decides an article's side unless its decisive sentence refutes with an explicit clash. Two true
claims («افتتاح مدرسة في حي الوعر بحمص بعد ترميمها», «الولايات المتحدة ترفض اقتراح روسيا …») were
read as *disagree* although their decisive sentence supports them (P(supports) 0.71, 0.82) with no
clash at all: the classifier's cue and bag-of-words features, learnt from Unified-FC's few
disagreeing articles, outweighed it. Change: ``StanceModel(explicit_support=True)``: a decisive
sentence holding ``polarity_coverage`` of the claim's stems that supports it (P(supports) >
P(refutes)) with no clash decides the side too (its P(supports) : P(refutes) splits the side mass,
as a refuting one's does). Not fitted (the side rule never is): the shipped stance model is the
same classifier with the option on. Protocol, written before the runs: the stance CV and this
study with ``--polarity explicit``, each once, features kept in
``docs/studies/verdict_cv_features_explicit_support.json``. Ship (``explicit_support=True`` by
default, ``burhan train stance`` rerun, the verdict model refitted on the kept rows) if stance CV
macro-F1 ≥ 0.4666, ≥ 50% of edited claims read as disagree, verdict CV accuracy ≥ 0.612 and ECE ≤
0.061 (no loss, as the sixteenth), and the full suite passes; else the option stays, off. Both
probe sets reported after, not used to choose.
Result (docs/studies/stance_cv_explicit_support.json, verdict_prior_twentieth.json; 1 min 20 s and
3 min 20 s): stance CV macro-F1 0.4687 (disagree F1 per fold 0.26 / 0.24 / 0.07 / 0.19), edited
claims read as disagree 69.2%; verdict CV accuracy **0.6065** (< 0.612), **ECE 0.0621** (> 0.061),
70 NEE, decided accuracy 0.765 → **failed**, not shipped. Probes with it (a stance model trained
with the option, reported only): original 82.6% (87.0%: paraphrase, reporting verb, measure and
partly true fell — a weakly supporting decisive sentence, P(supports) just above P(refutes), now
splits the side mass of an article the classifier read as a clear *agree*, so P(true) falls), true
shapes 79.2% (70.8%: both antonym misses fixed). The option was removed again (a design that lets
a weak sentence overrule a strong classifier needs another form, e.g. deciding only when the
sentence is surer than the classifier).

Twenty-first run (2026-12-07; after the twentieth, and after reading the true-shapes misses and
``tools/verdict_noise.py``): the twentieth's design in the form its result asked for — a decisive
sentence that supports the claim with no clash decides the side **only where the classifier leans
to disagree** (P(disagree) > P(agree)); a clear agreement is left alone. (``StanceModel(
explicit_support=True)``, not fitted.) Protocol, written before the runs, on the bootstrap's
scale (the shipped run's ECE is 0.056 ± 0.018 on 338 claims, so a +0.005 bound is chance): the
stance CV and this study once each, features kept in
``docs/studies/verdict_cv_features_support_against.json``, then ``python tools/verdict_noise.py
docs/studies/verdict_cv_features_counts_decide_stated.json
docs/studies/verdict_cv_features_support_against.json --rounds 2000``. Ship (the option on by
default, ``burhan train stance``, the verdict model refitted on the kept rows) if stance CV
macro-F1 ≥ 0.4616 (0.4666 − 0.005), ≥ 50% of edited claims read as disagree, the paired 95%
interval of the verdict accuracy difference lies above −0.01 at its lower end, the verdict ECE is
≤ 0.066 (0.056 + 0.01), the original probes' verdicts do not fall below 87.0% (a guard: both probe
sets have been read, declared), and the full suite passes; else remove it.
Result (docs/studies/stance_cv_support_against.json, verdict_prior_twentyfirst.json,
verdict_noise_twentyfirst.txt): stance CV macro-F1 **0.4705** (the best since the fifth run;
disagree F1 per fold 0.26 / 0.24 / 0.07 / 0.19), edited claims read as disagree 69.2%; verdict CV
accuracy **0.6006** — paired difference −0.012 [−0.027, +0.000] — ECE **0.0688**, 72 NEE, decided
accuracy 0.763; original probes 85.9%, true shapes 79.2% → **failed** (accuracy interval, ECE and
the probe guard), removed. Counted after (one-off, on the two kept row files): 6 verdicts changed
(net −4 right); of the 9 claims whose strongest agreeing story rose by > 0.05, 7 are false — the
classifier's denial and debunk cues, which it overrules, carry the falsehood of those claims even
where the decisive sentence agrees with the claim's words.

Twenty-second run (2026-12-07, new session; **made after reading the shipped run's out-of-fold
errors**, declared: of 100 claims it called *refuted*, 30 are true and only 22 have a gold
disagreeing article; one of them, R-86, is refuted by a sentence that restates it word for word,
through an actor clash — the claim's «بعد أن أعلن الرئيس الروسي فلاديمير بوتين سحب …» against the
sentence's speaker «قال الكرملين»). Change: a place or actor clash only in the same slot — the
sentence names none of the claim's missing place (actor) but another, *and* holds a stem from the
three words each side of the claim's mention (``TextAnalysis.name_contexts``,
``burhan.stance.alignment._slot_clash``); before, any claim name missing while the sentence named
another was a clash. Measured before the runs (``python tools/alignment_diagnostics.py``, on
folds 1–4's rationale lines, the CV's own data, declared): place clashes on agree lines 0.120 →
0.075, on disagree lines 0.212 → 0.141; actor clashes 0.044 → 0.031 and 0.051 → 0.020; synthetic
fold-4 place and actor edits still 0.92 and 0.93; same-topic neutral pairs' place clash 0.15 →
0.08. Protocol, written before the runs: retrain the evidence and stance models (``burhan train
evidence --data ../shared/datasets --seed 13``, ``burhan train stance …``), ``burhan eval evidence
--data ../shared/datasets --json``, the stance CV and this study once each (features kept in
``docs/studies/verdict_cv_features_aligned_slots.json``), then ``python tools/verdict_noise.py
docs/studies/verdict_cv_features_counts_decide_stated.json
docs/studies/verdict_cv_features_aligned_slots.json --rounds 2000``. Ship (the new models, the
verdict model refitted on the kept rows) if ANS dev macro-F1 ≥ 0.780 (0.790 − 0.01), stance CV
macro-F1 ≥ 0.4616 with ≥ 50% of edited claims read as disagree, the paired 95% interval of the
verdict accuracy difference lies above −0.01 at its lower end, ECE ≤ 0.066, the original probes'
verdicts do not fall below 87.0%, and the full suite passes; else revert.
Result (docs/studies/evidence_eval_aligned_slots.json, stance_cv_aligned_slots.json,
verdict_prior_twentysecond.json, verdict_noise_twentysecond.txt, probes_aligned_slots.json,
probes_true_shapes_aligned_slots.json; the whole chain 6 min with warm caches): ANS dev macro-F1
**0.801** (0.790); stance CV **0.4667** (disagree F1 per fold 0.23 / 0.20 / 0.07 / 0.22), edited
claims read as disagree 67.9%; verdict CV accuracy **0.6154** — paired difference +0.003 [−0.018,
+0.024], 19 verdicts changed (7 now right, 6 now wrong) — ECE **0.0527**, 71 NEE, decided
accuracy 0.779; original probes **84.8%** (two flips: measure-01 now not_enough_evidence, place-04
P(true) 0.498 → 0.508), true shapes 70.8% → **failed** (the accuracy interval's lower end and the
probe guard), reverted: code and models. What the failure says about the rule more than about
the change: with ~20 verdicts moving, the paired interval is ±0.02 wide, so a −0.01 bound on its
lower end cannot be met by any change of that size whatever its effect, and a guard at the
baseline's exact probe score fails a neutral retraining about half the time (every probe's P(true)
moves when the evidence model is retrained). The next rule should size its margins to that noise.

Twenty-third run (2026-12-07; **made after reading the shipped run's errors**, declared: R-651,
«تم أسر اثنين من الجنود الروس في سوريا», true, is refuted at P(true) 0.01 by eight count
conflicts — «مقتل 80 من جنود قوات النظام», «أصيب ثلاثة جنود» … — counts of soldiers in other
events; the three count conflicts on Unified-FC agree and disagree rationale lines are all such
false alarms: «ألفي عسكري في سوريا» / «15 ألفا و 298 عسكريا في أفغانستان», «معركة دامت أربعة
أشهر» / «منذ استيلائه على المدينة قبل أكثر من 4 سنوات», «بعد أقل من 24 ساعة» / «يمهل … 48
ساعة»). Change, at the verdict only (``burhan.verdict.facts.compare_counts``): two quantities of
one key are compared only when they are in the same slot — the roots (Tashaphyne) of the two
content words each side of them (``TextAnalysis.quantity_contexts``; stop words, digits,
qualifiers and the counted noun left out) meet. The evidence and stance models compare
quantities in ``burhan.stance.alignment``, untouched: no model is retrained and the stance CV
is not rerun. The window was chosen on a harness of 16 cases written before (the count cases of
tests/test_verdict.py and test_check, the three false alarms above and two of R-651's): one word
each side 13/16, **two 15/16**, three 13/16, light stems instead of roots fail the verb / verbal
noun pairs («مقتل» / «قتل»); with two: synthetic fold-4 count and measure edits still conflict as
often (0.842), conflicts on the first 15 lines of Unified-FC's unrelated articles 0.89% → 0.16%.
Protocol, written before the run and sized to the noise (the twenty-second's lesson): this study
once (features kept in ``docs/studies/verdict_cv_features_count_slots.json``), ``python
tools/verdict_noise.py docs/studies/verdict_cv_features_counts_decide_stated.json
docs/studies/verdict_cv_features_count_slots.json --rounds 2000``, both probe sets. Ship if the
paired 95% interval of the accuracy difference lies above −0.03 at its lower end and its point
estimate is ≥ −0.01, ECE ≤ 0.066, the original probes lose at most one verdict net (≥ 85.9%)
and none in the kinds that read counts (count 100%, measure 85.7%, partly_true 100%), and the
full suite passes; else revert. (The harness's 16 cases: the count cases of tests/test_verdict.py,
the probes' casualty and siege counts, the three false alarms above and two of R-651's.)
Result (docs/studies/verdict_prior_twentythird.json, verdict_cv_features_count_slots.json,
verdict_noise_twentythird.txt, probes_count_slots.json, probes_true_shapes_count_slots.json;
4 min): verdict CV accuracy **0.6213** — paired difference +0.009 [−0.003, +0.024], 9 verdicts
changed (4 now right, 1 now wrong) — ECE **0.0550**, 68 NEE, decided accuracy 0.778, refuted basis
29.6% → 26.6% of claims; original probes **89.1%** (87.0%: place-05 and denial-07 now right, none
lost; count, measure, partly_true unchanged), true shapes 70.8%. The accuracy, ECE and probe
conditions held; **the full suite failed** (tests/test_web.py): on the demo corpus the check of
«مقتل 1300 مدني في سوريا خلال نوفمبر» no longer lists the Syrian ministry source's «لم يتجاوز 300
مدني خلال الشهر، معظمهم قتلوا» — the same thing, its event verb three content words after the
count, outside the window — which had been shown as context (not weighed: the same article states
the claimed figure). A fact-checker loses a counter-figure from the table → **failed**, not shipped.

Twenty-fourth run (2026-12-07, made after the twenty-third failed its suite condition, declared,
as the twelfth followed the eleventh): a count of the claim's key outside the slot is shown as
*context* — listed, never weighed — instead of dropped; inside the slot, as the twenty-third. The
verdict's features read only matches and conflicts, so its kept rows must come out identical to
the twenty-third's (checked, not assumed). Protocol, written before the run: this study once
(features in ``docs/studies/verdict_cv_features_count_slots_context.json``), the noise tool
against the shipped rows, both probe sets, the full suite; ship on the twenty-third's conditions
(accuracy interval's lower end above −0.03 and point estimate ≥ −0.01, ECE ≤ 0.066, original
probes ≥ 85.9% with count, measure and partly_true not lower, the suite passes); else revert.
Result: **void**. The identity check failed — 14 kept rows differ from the twenty-third's, in
number_conflict / number_match only (verdict accuracy +0.009 [−0.003, +0.024], ECE −0.005,
docs/studies/verdict_noise_twentyfourth.txt, kept for the record) — and the cause is not this
change: Tashaphyne's ``get_root`` breaks ties between equally likely roots by iterating a set of
strings, so a word's root changes with the process's hash seed (1,913 of 18,355 words of
Unified-FC sentences differed between two seeds). The twenty-third and twenty-fourth runs each
scored one random draw of those ties.

Twenty-fifth run (2026-12-07): the twenty-fourth with deterministic roots — a word's roots are
*all* the candidates Tashaphyne ties on (``burhan.text.tokens.root_candidates``, its own filters
in its order; «اصيب» {صيب، وصب} and «اصابه» {صوب، وصب} share one), two words' contexts meet
when their candidates do; a test runs three hash seeds. The sixteen-case harness with it: 14/16
(the 48-hour false alarm now aligns through a shared candidate), synthetic count and measure
edits 0.842, unrelated-line conflicts 0.18%. Protocol, written before the run: as the
twenty-fourth's conditions (features in ``docs/studies/verdict_cv_features_count_slots_roots.json``).
(Added after the session, a correction to the figures above: the harness and the seed count were
one-off scripts, and the window's 13/15/13 of 16 were measured with the seed-dependent roots.
``python tools/count_slot_diagnostics.py`` now reproduces them with the deterministic roots: no
slot 12/16, one word 12/16, two 14/16, three 12/16; unrelated-line conflicts 0.89% → 0.11% / 0.18% /
0.24%; synthetic edits 0.842 throughout; 11,325 of 112,367 words change root between two seeds.)
Result: accuracy **0.6213** (paired +0.009 [−0.003, +0.024], 8 verdicts changed: 4 now right, 1
now wrong), ECE **0.0509**, 67 NEE, original probes 89.1%, suite passed → **shipped** (README).

Twenty-sixth run (2026-12-07; **made after reading the twenty-fifth's true-shapes result**,
declared: «بين ضحايا الغارات على مدينة إدلب 11 طفلا», true, lost its matching «وأضاف أن بين الضحايا
11 طفلا» — the words around the two counts share no root within two words — and went from
not_enough_evidence to *false*). Change: a count of the claim's noun or unit that gives the
claimed value is a match wherever its words are (the same noun *and* the same value is itself
evidence of the same thing); the slot decides only whether another value is a conflict or
context. Protocol, written before the run, on the twenty-fifth's conditions with the shipped
twenty-fifth as the base: this study once (features in
``docs/studies/verdict_cv_features_count_slots_match.json``), ``python tools/verdict_noise.py
docs/studies/verdict_cv_features_count_slots_roots.json
docs/studies/verdict_cv_features_count_slots_match.json --rounds 2000``, both probe sets, the full
suite. Ship if the paired accuracy interval's lower end is above −0.03 and its point ≥ −0.01, ECE
≤ 0.061 (0.051 + 0.01), the original probes' verdicts ≥ 87.0% (the shipped 88.0% less one probe)
with count, measure and partly_true not lower, and the suite passes; else revert. True shapes
reported.
Result (docs/studies/verdict_prior_twentysixth.json, verdict_cv_features_count_slots_match.json,
verdict_noise_twentysixth.txt, probes_count_slots_match.json, probes_true_shapes_count_slots_match.json;
3.5 min): verdict CV accuracy 0.6183 — paired −0.003 [−0.015, +0.006], 6 verdicts changed (1 now
right, 2 now wrong) — ECE **0.0439**, 69 NEE, decided accuracy 0.777; original probes **86.96%**
(80 of 92: place-05 «اجتماع في جنيف لعشر دول …», whose ten countries now match wherever they are,
fell to not_enough_evidence at P(true) 0.69); true shapes 70.8%, the Idlib children claim back to
not_enough_evidence (P(true) 0.68). The probe condition was written as "≥ 87.0% (the shipped 88.0%
less one probe)" and the two readings disagree: one probe less is 80/92 = 86.96%, under the
rounded 87.0%. Read strictly → **not shipped**, reverted (the suite was not run). Nothing else
separates it from the twenty-fifth beyond noise (ECE −0.007 [−0.035, +0.023]).

Twenty-seventh run (2026-12-07): one meaning of "the same thing" for counts in every stage. The
twenty-fifth compares counts in the same slot at the verdict only; the evidence model's
``quantity_conflict`` / ``quantity_match`` (``burhan.stance.alignment``) and the stance model's
count rule (``_unstated_conflict``) still compare any two counts of one noun. Change: both read
``TextAnalysis.quantities_in_slot`` too. Measured before the run (``python
tools/alignment_diagnostics.py``): quantity clashes on Unified-FC agree rationale lines 0.4% → 0.0%,
disagree lines 1.0% → 1.0%, synthetic count and measure edits 0.92 / 0.77 → 0.92 / 0.77. The
evidence and stance models are retrained (``burhan train evidence --data ../shared/datasets --seed
13``, ``burhan train stance …``), so every probe's P(true) moves (the twenty-second moved two
probes that way). Protocol, written before the runs, against the shipped twenty-fifth: ``burhan eval
evidence --data ../shared/datasets --json``, the stance CV and this study once each (features in
``docs/studies/verdict_cv_features_count_slots_everywhere.json``), ``python tools/verdict_noise.py
docs/studies/verdict_cv_features_count_slots_roots.json
docs/studies/verdict_cv_features_count_slots_everywhere.json --rounds 2000``, both probe sets, the
full suite. Ship (the retrained models, the verdict model refitted on the kept rows) if ANS dev
macro-F1 ≥ 0.780, stance CV macro-F1 ≥ 0.4566 with ≥ 50% of edited claims read as disagree, the
paired accuracy interval's lower end is above −0.03 and its point ≥ −0.01, ECE ≤ 0.061, the
original probes' verdicts are at least 78 of 92 (the shipped 81 less three: retraining noise) with
the count, measure and partly_true kinds together at most one probe lower (21 of 21 now), and the
suite passes; else revert.
Result (docs/studies/evidence_eval_count_slots_everywhere.json, stance_cv_count_slots_everywhere.json,
verdict_prior_twentyseventh.json, verdict_noise_twentyseventh.txt, probes{,_true_shapes}_count_slots_everywhere.json;
6 min): ANS dev 0.798; stance CV 0.4651 (disagree F1 per fold 0.24 / 0.22 / 0.07 / 0.18), edited
claims read as disagree 69.2%; verdict CV accuracy 0.6243 — paired +0.003 [−0.015, +0.021], 15
verdicts changed (5 now right, 4 now wrong) — ECE 0.054, 65 NEE; original probes 79 of 92 (85.9%),
but **partly_true 7 → 5 of 7**: «قافلة مساعدات من 40 شاحنة تدخل مضايا وهي الأولى منذ عامين» and
«الخوذ البيضاء تنتشل 35 شخصا في إدلب بينهم 30 طفلا» now read *true* (P(true) 0.98, 0.95) — the
half they get wrong is a count whose words, in the article, sit outside the two-word window, so
the stance model no longer sees the clash → **failed**, code and models reverted. At the verdict
the slot removes false alarms from other events; inside one article about the claimed event the
same window hides real partial contradictions.

Twenty-eighth run (2026-12-07, third session; **designed after reading the shipped model's probe
failures**, declared: five probes whose article is read *disagree* and whose basis is *refuted*
still end not_enough_evidence at P(true) 0.50–0.83 — actor-02 «الأمم المتحدة: مقتل 1300 مدني …»,
date-01 «… خلال أكتوبر» against the Observatory's 1300 of November — because the claimed figure
matches (number_match: +1.77 fitted, +1.0 prior in log-odds); so the probes are no clean test of
this change, and the Unified-FC CV decides). Change (``burhan.verdict.facts.compare_counts``): a
count in a sentence that names another period or source — a year, a month or an actor of its own
and none of the claim's, the alignment's own year / month / actor clashes, now one function
(``burhan.stance.alignment.circumstance_clashes``) — is *context*, whether its value matches or
not: the same figure of another month or source confirms nothing, another figure of another month
contradicts nothing. Places are left out (their clash fires on 12% of agree rationale lines:
sub-places the gazetteer does not nest). Evidence and stance models untouched; only
number_match / number_conflict of the verdict features can move, the verdict model is refitted on
the run's kept rows (``tools/verdict_from_features.py``). Protocol, written before the run, against
the shipped twenty-fifth: this study once (features in
``docs/studies/verdict_cv_features_count_circumstances.json``), ``python tools/verdict_noise.py
docs/studies/verdict_cv_features_count_slots_roots.json
docs/studies/verdict_cv_features_count_circumstances.json --rounds 2000``, both probe sets, the
full suite. Ship if the paired accuracy interval's lower end is above −0.03 and its point ≥ −0.01,
ECE ≤ 0.061 (0.051 + 0.01), the original probes' verdicts at least 80 of 92 (the shipped 81 less
one; counts, not percentages) with the count, measure and partly_true kinds together at least 20
of 21, true shapes not fewer right than the shipped 17 of 24 less one, and the suite passes; else
revert.
Result (docs/studies/verdict_prior_twentyeighth.json, verdict_cv_features_count_circumstances.json,
verdict_noise_twentyeighth.txt, probes{,_true_shapes}_count_circumstances.json; 3 min 20 s): verdict
CV accuracy 0.6243 — paired +0.003 [0.000, +0.009], one verdict changed (now right) — macro-F1
0.689, ECE 0.0602 (paired +0.009 [−0.013, +0.021]), 66 NEE, decided accuracy 0.776 on 272; original
probes 85 of 92 with the refitted model (actor-02/05, date-01/06 now *false*, nothing lost; count,
measure and partly_true 20 of 21 as before), true shapes 17 of 24 (no verdict changed); the suite
passed → **shipped**, the verdict model refitted on the kept rows.

Twenty-ninth run (2026-12-07, third session; **designed after reading one check's output**,
declared: with the twenty-eighth's models, «الأمم المتحدة: مقتل 1300 مدني في سوريا خلال نوفمبر»
over the probes' store lists a count *conflict* with «قتل 409 مدنيين … جراء القصف والغارت على شرق
حلب» — Aleppo's share of the month, a part of the claimed total, which the basis line then names
as «أرقام تخالف ما يذكره»). Change: ``circumstance_clashes`` gains the place — a place of the
sentence's own where it names none of the claim's, the alignment's own ``place_conflict`` (now read
from the same function; the features do not change) — so such a count is context at the verdict
too, matched or not: a count of another place is another event, and a count of a place inside the
claim's is a part (the gazetteer does not nest Aleppo in Syria). The twenty-eighth left places out
because their clash fires on 12% of agree rationale lines; on count sentences that is what this run
measures. Evidence and stance models untouched; the verdict model refitted on the run's kept rows.
Protocol, written before the run, against the shipped twenty-eighth: this study once (features in
``docs/studies/verdict_cv_features_count_places.json``), ``python tools/verdict_noise.py
docs/studies/verdict_cv_features_count_circumstances.json
docs/studies/verdict_cv_features_count_places.json --rounds 2000``, both probe sets, the full
suite. Ship if the paired accuracy interval's lower end is above −0.03 and its point ≥ −0.01, ECE
≤ 0.070 (0.060 + 0.01), the original probes' verdicts at least 84 of 92 (the shipped 85 less one)
with the count, measure and partly_true kinds together at least 20 of 21, true shapes at least 16
of 24, and the suite passes; else revert.
Result (docs/studies/verdict_prior_twentyninth.json, verdict_cv_features_count_places.json,
verdict_noise_twentyninth.txt, probes{,_true_shapes}_count_places.json; 3 min 20 s): verdict CV
accuracy 0.6243 — paired +0.000 [−0.009, +0.009], 6 verdicts changed (1 now right, 1 now wrong) —
macro-F1 0.689, ECE 0.0587 (paired −0.002 [−0.026, +0.021]), 66 NEE, decided accuracy 0.776 on 272,
refuted basis 26.9% → 26.3%; original probes 86 of 92 with the refitted model (place-04 «افتتاح معرض
الكتاب السنوي في حلب بمشاركة 150 دار نشر» now *false*: its matching 150 was another city's; count,
measure and partly_true 20 of 21), true shapes 17 of 24 (no verdict changed); the suite passed →
**shipped**, the verdict model refitted on the kept rows.

Thirtieth run (2026-12-07, third session; **found by reading a probe miss**, declared: measure-05
«فرار أكثر من ألفي مدني من شرق حلب خلال 8 ساعات» reads *true* 0.99 because its article's «خلال
الساعات الأربع والعشرين الماضية» is no duration to the extractor — it reads «الأربع والعشرين» as a
count of «الماضية»). A bug in ``burhan.text.quantities``: a definite number after its noun is an
adjective of it. Change: a definite number right after a definite unit («الساعات الأربع
والعشرين», «الأيام الـ3») measures in that unit, and «الماضية», «المقبلة», «الأخيرة», «التالية»,
«المنصرمة» are no counted nouns. On the stored Unified-FC sentences 481 of 93,457 change (bogus
keys such as ``count:اخير`` 3 become durations: «خلال السنوات الثلاث الأخيرة»), 48,874 → 48,858
quantities. Quantities feed the alignment features, so the evidence and stance models are
retrained (``burhan train evidence --data ../shared/datasets --seed 13``, ``burhan train stance
--data ../shared/datasets --seed 13``) and every probe's P(true) moves. Protocol, written before the
runs, against the shipped twenty-ninth: ``burhan eval evidence --data ../shared/datasets --json``,
the stance CV (``burhan eval stance --format unifiedfc … --cv …``), this study once (features in
``docs/studies/verdict_cv_features_definite_units.json``), ``python tools/verdict_noise.py
docs/studies/verdict_cv_features_count_places.json
docs/studies/verdict_cv_features_definite_units.json --rounds 2000``, both probe sets, the full
suite. Ship (the retrained models, the verdict model refitted on the kept rows) if ANS dev
macro-F1 ≥ 0.780, stance CV macro-F1 ≥ 0.4566 with ≥ 50% of edited claims read as disagree, the
paired accuracy interval's lower end is above −0.03 and its point ≥ −0.01, ECE ≤ 0.069 (0.059 +
0.01), the original probes' verdicts at least 84 of 92 (the shipped 86 less two: retraining noise)
with the count, measure and partly_true kinds together at least 20 of 21, true shapes at least 16
of 24, and the suite passes; else revert code and models.
Result (docs/studies/evidence_eval_definite_units.json, stance_cv_definite_units.json,
verdict_prior_thirtieth.json, verdict_cv_features_definite_units.json, verdict_noise_thirtieth.txt,
probes{,_true_shapes}_definite_units.json; the chain 6.5 min): ANS dev macro-F1 0.802; stance CV
0.4674 (disagree F1 per fold 0.18 / 0.21 / 0.10 / 0.24), edited claims read as disagree 70.3%;
verdict CV accuracy **0.6509** — paired **+0.027 [+0.003, +0.050]**, 27 verdicts changed (14 now
right, 5 now wrong) — macro-F1 0.710, **ECE 0.0854** (paired +0.027 [−0.015, +0.057]), 58 NEE,
decided accuracy 0.786 on 280; but original probes **77 of 92** (negation 4/7, measure 5/7,
partly_true 6/7; measure-05 itself still *true*), true shapes 16 of 24 → **failed** (ECE, the
probe count and the count kinds), code and models reverted, the suite not run. Control, after:
``burhan train evidence --data ../shared/datasets --seed 13 --out EV.json`` and ``burhan train
stance --data ../shared/datasets --seed 13 --evidence EV.json --out ST.json`` on today's code
without the change reproduce the shipped classifiers exactly (the files differ only by parameter
keys added since, at their defaults: ``hidden``, ``alpha``, ``members``, ``dense_cosines``) — so
the shipped models are reproducible, and every move above is the change's own: through the
alignment features and the synthetic training pairs, whose duration edits read ``quantities``.
Thirty-first run (2026-12-07, fourth session; **found by a speed-equivalence check**, declared, not
by reading probes or study outputs): retrieval that does not depend on how the index was built.
Two builds of one store's BM25 index returned the five candidates of Unified-FC claim 38 that tie
at exactly 37.1858 (four copies of one story and an article of the same quantised length) in
different orders — tantivy returns equal scores in segment order — so a check's candidate order,
and where ties straddle k = 20 its candidates, changed with a rebuild. Change: BM25 hits with
equal scores in article (and sentence) order, every hit tied with the k-th fetched before the cut
(``LexicalIndex.search_terms``), and the hybrid fusion's equal scores in key order
(``zscore_fusion``; the sharded merge already did so). No model is retrained. Protocol, written
before the run, against the shipped twenty-ninth: this study once (features in
``docs/studies/verdict_cv_features_ties.json``), ``python tools/verdict_noise.py
docs/studies/verdict_cv_features_count_places.json docs/studies/verdict_cv_features_ties.json
--rounds 2000``, both probe sets (with the verdict model refitted on the run's rows when they
differ), the full suite. Ship if the paired accuracy interval's lower end is above −0.03 and its
point ≥ −0.01, ECE ≤ 0.069 (0.059 + 0.01), the original probes at least 85 of 92 (the shipped 86
less one) with count, measure and partly_true together at least 20 of 21, true shapes at least 16
of 24, and the suite passes; else revert.
Result (docs/studies/verdict_prior_thirtyfirst.json, verdict_cv_features_ties.json,
verdict_noise_thirtyfirst.txt, probes{,_true_shapes}_ties.json; 3 min 20 s): the kept rows and bases
identical to the twenty-ninth's (every verdict feature reads the related stories whatever their
order, and the copies that tie are merged as one story), so accuracy 0.6243 — paired +0.000
[0.000, 0.000], no verdict changed — ECE 0.0587, 66 NEE; the verdict model not refitted (same rows);
original probes 86 of 92 and true shapes 17 of 24, their JSON byte-identical to the twenty-ninth's;
the suite passed → **shipped**.

Thirty-second run (2026-12-07, fourth session; **designed after reading one output of ``burhan
demo``**, declared): the Syrian ministry's «نفى مصدر في وزارة الإعلام السورية الأرقام التي نشرها
المرصد … عن مقتل 1300 مدني خلال نوفمبر، ووصفها بأنها مبالغ فيها» is read as *agree* (0.53; the
evidence model gives that sentence P(supports) 0.83) and the explanation lists the ministry among
«المصادر المستقلة المؤيدة (2)»: a denial counted as confirmation. Change (``StanceModel(
denial_not_agree=True)``, not fitted, like every side rule): an article whose decisive sentence
reports a denial the claim does not make (the alignment's ``denial_in_sentence``: a denial word
in the sentence and none in the claim) cannot agree — its agree mass goes to *discuss* (never to
disagree: the denial may be wrong, and a denied claim is not thereby false). No model retrained;
the seed is the shipped 13, so the comparisons are paired as in the verdict-only runs. Protocol,
written before the runs, against the shipped thirty-first: ``burhan eval stance --format unifiedfc
… --cv … --json`` once (→ ``docs/studies/stance_cv_denial_not_agree.json``), this study once
(features in ``docs/studies/verdict_cv_features_denial_not_agree.json``), ``python
tools/verdict_noise.py docs/studies/verdict_cv_features_ties.json
docs/studies/verdict_cv_features_denial_not_agree.json --rounds 2000``, the verdict model refitted
on the run's rows (to a scratch file) for both probe sets, the full suite. Ship (the option on by
default, the verdict model refitted) if stance CV macro-F1 ≥ 0.4616 (0.4666 − 0.005) with ≥ 50%
of edited claims read as disagree, the paired accuracy interval's lower end above −0.03 and its
point ≥ −0.01, ECE ≤ 0.069, the original probes at least 85 of 92 with count, measure and
partly_true together at least 20 of 21, true shapes at least 16 of 24, and the suite passes; else
remove the option.Result (docs/studies/stance_cv_denial_not_agree.json, verdict_prior_thirtysecond.json,
verdict_cv_features_denial_not_agree.json, verdict_noise_thirtysecond.txt,
probes{,_true_shapes}_denial_not_agree.json; 5 min): stance CV macro-F1 0.4662, disagree F1 per fold
0.24 / 0.21 / 0.07 / 0.22 and edited claims read disagree 69.5% unchanged; verdict CV: no verdict
changed (accuracy 0.6243, 66 NEE), 42 kept rows and one basis moved, ECE 0.0587 → 0.0471 (paired
−0.012 [−0.018, +0.014]; within noise, and under a reseeding's spread: docs/studies/seeds); original
probes 86 of 92 (count, measure, partly_true 20 of 21), true shapes 17 of 24, no probe verdict
changed; the suite passed (297) → **shipped**: the verdict model refitted on the run's rows, the
stance model file rewritten by ``burhan train stance --data ../shared/datasets --seed 13``
(classifier unchanged; it gains the parameter).

Thirty-third run (2026-12-07, fifth session; **designed after reading one output of ``burhan
demo``**, declared): for «لافروف: روسيا ستواصل عملياتها في شرق حلب» the Kremlin article reads
*disagree* (0.33; listed among «المصادر المستقلة المعارضة») on «وأضاف أن تصريحات وزير الخارجية
سيرغي لافروف عن مواصلة العمليات في حلب لا تعني رفض المفاوضات», which presupposes the claim: the
evidence model gives it P(refutes) 0.67, and its only clash is ``negation_mismatch`` — a negation
anywhere on one side, here of «تعني», not of the claim's predicate. Counted before the run
(``python tools/alignment_diagnostics.py`` and a variant of it over the same sets, the development
data): that feature fires on 13.5% of Unified-FC agree rationale lines, 22.2% of disagree lines,
17% / 15% of the synthetic supports made by a dropped clause / the opening words, 28% of the
synthetic same-topic neutrals and 70% of the synthetic negation refutations. Change
(``burhan.text.predicates.negation_bears_on``): it fires only for a negation that bears on a word
the other side holds — one of the two words after it has its predicate core on the other side
(«لم تتمكن القوات …» bears on «القوات»). With a scope of 2 words: agree lines 1.6%, disagree 4.0%,
the synthetic supports 0%, same-topic neutrals 3%, negation refutations 70% (scope 1: 0.2% /
2.0% / 0% / 2% / 70%; scope 3: 3.6% / 5.1% / 0% / 5% / 70% — 2 chosen on these development counts,
a negated verb and the subject after it). The feature feeds the evidence model, so both models are
retrained; judged, as the seed study asks of a retraining run, over seeds 13, 14 and 15 against
the shipped code's three-seed base (docs/studies/seeds/PROTOCOL.md, addendum: ANS dev 0.790 /
0.770 / 0.776, stance CV 0.4662 / 0.4740 / 0.4661, verdict accuracy 0.6243 / 0.6391 / 0.6272, ECE
0.0471 / 0.0768 / 0.1018, probes 86 / 83 / 82, true shapes 17 / 17 / 16). Protocol, written
before the runs: per seed S, ``bash tools/seed_chain.sh S /tmp/jobs/run33_sS /tmp/jobs/ufc.db
/tmp/jobs/probes.db BASE`` (BASE: ``docs/studies/verdict_cv_features_denial_not_agree.json`` for
13, ``docs/studies/seeds/verdict_cv_features_seedS_denial.json`` for 14 and 15), its files kept
under ``docs/studies/negation_scope/``. Ship the seed-13 models (whatever the other seeds score)
if: the three seeds' mean ANS dev macro-F1 ≥ 0.769 (base mean 0.779 − 0.01); mean stance CV
macro-F1 ≥ 0.4638 (0.4688 − 0.005) with ≥ 50% of edited claims read disagree on every seed; mean
verdict accuracy ≥ 0.6252 (0.6302 − 0.005) and no seed's paired point below −0.01; mean ECE ≤
0.0852 (0.0752 + 0.01); probes 248 of 276 or more over the three seeds (base 251 less 3) with seed
13 at least 84 of 92, true shapes at least 48 of 72; with the seed-13 models the demo's Kremlin
article no longer reads *disagree* for the Lavrov claim (what the run is for); the suite passes.
Else revert code and models.
Result (docs/studies/negation_scope/seed{13,14,15}/; ``python tools/seed_study.py --run
"docs/studies/negation_scope/seed{seed}"``; 9–10 min a seed): ANS dev macro-F1 0.804 / 0.773 /
0.782 (mean 0.786, base 0.779: up on every seed); stance CV 0.4671 / 0.4735 / 0.4678 (mean 0.4695,
base 0.4688), edited claims read disagree 69–71%; verdict CV accuracy 0.6154 / 0.6361 / 0.6213 —
**mean 0.6243, under the bound 0.6252**, down on every seed (paired −0.009 [−0.027, +0.009], −0.003
[−0.012, +0.006], −0.006 [−0.021, +0.009]; 12 / 4 / 8 verdicts changed, 3 / 1 / 2 now right, 6 / 2 /
4 now wrong) — ECE 0.0586 / 0.0737 / 0.0775 (mean 0.0699, base 0.0752); probes 85 / 83 / 82 (250 of
276), true shapes 17 / 17 / 15 (49 of 72); and **the demo's Kremlin article still reads
*disagree*** with the seed-13 models (agree 0.24, disagree 0.32, discuss 0.30): that sentence's
P(refutes) fell 0.67 → 0.55, still above P(supports), and the article classifier, not the
explicit-clash rule, makes the side (the rule never fired there: no clash is left) → **failed**
(the accuracy mean and the demo case), code reverted, the suite not run. What it says: a cleaner
negation feature helps the sentence model on ANS (all three seeds) and not the verdict; the false
contradiction in the demo is the article classifier's reading of a sentence the evidence model
gives P(refutes) 0.55 with no explicit clash, which no alignment feature reaches.

Thirty-fourth run (2026-12-07, fifth session; **found by an out-of-fold analysis of the stance
CV's false contradictions**, declared — after the thirty-third, on the development folds, not on
probes): of the 181 articles the shipped stance model reads *disagree* out of fold (Unified-FC
folds 1–4, seed 13), 23 are gold disagree; the decisive rationale sentence of the 158 others names
a place of its own (``place_conflict``) in 54 cases against 3 of the 23, and carries a negation of
some other word (``negation_mismatch``) in 35 against 6 (one-off scripts). With
``polarity="explicit"`` either clash lets that sentence decide the side. Explored on the same
folds before this rule (one fit per fold, five clash sets at predict time; all reported): every
clash (shipped) macro-F1 0.4662, disagree F1 per fold 0.24 / 0.21 / 0.07 / 0.22; without
``negation_mismatch`` 0.4712; without ``place_conflict`` 0.4704; **without both 0.4777 (0.26 /
0.26 / 0.08 / 0.26)**; no clash (the classifier decides, counts aside) 0.4771 — so the CV figure
below is the one the set was chosen on. Change: ``StanceModel(polarity_clashes=...)``, default
every clash but those two (the evidence model still reads all; models saved before load with
every clash). Not fitted, no model retrained; seed 13 paired, then seeds 14 and 15 as the seed
study asks. Protocol, written before the runs: ``burhan eval stance --format unifiedfc …
--cv … --json`` (→ ``docs/studies/stance_cv_polarity_clashes.json``); this study once (features
in ``docs/studies/verdict_cv_features_polarity_clashes.json``), ``python tools/verdict_noise.py
docs/studies/verdict_cv_features_denial_not_agree.json
docs/studies/verdict_cv_features_polarity_clashes.json --rounds 2000``; per seed S in 14, 15 this
study with ``--seed S`` (→ ``docs/studies/seeds/verdict_prior_seedS_clashes.json``, features
``…_seedS_clashes.json``) and its bootstrap against ``verdict_cv_features_seedS_denial.json``;
probes with each seed's stance model given the new clash set (seed 13: the shipped file; 14, 15:
the addendum's) and its verdict model refitted on the run's rows. Ship (default on, the shipped
stance file rewritten by ``burhan train stance --data ../shared/datasets --seed 13``, the verdict
model refitted) if: stance CV macro-F1 ≥ 0.4612 with ≥ 50% of edited claims read disagree;
seed 13's paired accuracy interval's lower end above −0.03 and point ≥ −0.01, ECE ≤ 0.057 (0.047
+ 0.01); over seeds 13–15 the mean paired accuracy point ≥ −0.005 and the mean ECE move ≤ +0.01;
seed 13's original probes ≥ 85 of 92 with count, measure and partly_true together ≥ 20 of 21,
true shapes ≥ 16 of 24, and the three seeds' probes together ≥ 248 of 276; the suite passes. Else
the default goes back to every clash.
Result (docs/studies/stance_cv_polarity_clashes.json, verdict_prior_thirtyfourth.json,
verdict_cv_features_polarity_clashes.json, verdict_noise_thirtyfourth.txt,
probes{,_true_shapes}_polarity_clashes.json; 5 min): stance CV macro-F1 0.4777, disagree F1 per fold
0.26 / 0.26 / 0.08 / 0.26 — but **edited claims read disagree 38.7%** (69.5% shipped; the bound 50%);
verdict CV accuracy 0.6420 (paired +0.018 [0.000, +0.036], 13 verdicts changed: 8 now right, 2 now
wrong), **ECE 0.0623** (bound 0.057), 62 NEE, decided accuracy 0.786; original probes **76 of 92**
with **place 0 of 7** (every changed-place probe now reads true), true shapes 17 of 24 → **failed**
(edited claims, ECE, probes), stopped before seeds 14 and 15 (they could not change the outcome),
the default back to every clash (the parameter stays, off). What it says: on Unified-FC a place of
the sentence's own mostly marks another event (54 false contradictions out of fold against 3 true
ones), on the synthetic edits and the probes it marks a wrong place — the alignment cannot tell
the two, and the stance CV's gain and the verdict's +0.018 come with contradictions no longer seen.
The counts behind the rule, and those after it (the rule took a side on a place clash alone for 24
Unified-FC articles out of fold, 3 of them right, and for 115 edited claims), are reproduced by
``python tools/false_contradictions.py`` (→ ``docs/studies/false_contradictions.txt``).

Thirty-fifth run (2026-12-07, fifth session; **found by reading why the demo's Kremlin article
reads *disagree*** with ``python tools/stance_contributions.py "لافروف: روسيا ستواصل عملياتها في
شرق حلب" --db burhan-demo.db --article 7``, declared): the largest push from discuss towards
disagree is ``log_sentences`` (+1.15 of the log-odds; the demo's articles have 3 sentences). In
Unified-FC folds 1–4 the articles that take a side are shorter — agree and disagree median 10
sentences, discuss 15 (V) to 20 (R), unrelated 23 — a trait of how the corpus was scraped, like
the claim lengths the datasets README warns of for the verdict, not of what an article says.
Change: ``StanceModel(article_length=False)`` — the classifier no longer sees the article's
length (the column is left out of its design; models saved before keep it). The stance classifier
is retrained (the evidence model is not), so judged over seeds 13, 14 and 15 against the shipped
code's base (stance CV 0.4662 / 0.4740 / 0.4661, mean 0.4688; verdict accuracy 0.6243 / 0.6391 /
0.6272, mean 0.6302; ECE 0.0471 / 0.0768 / 0.1018, mean 0.0752; probes 86 / 83 / 82; true shapes
17 / 17 / 16). Protocol, written before the runs, per seed S: ``burhan eval stance --format
unifiedfc … --cv … --seed S --json`` (→ ``docs/studies/article_length/stance_cv_seedS.json``);
this study with ``--seed S`` (→ ``…/verdict_prior_seedS.json``, features
``…/verdict_cv_features_seedS.json``) and ``python tools/verdict_noise.py BASE_S …features…
--rounds 2000`` (BASE_13 ``docs/studies/verdict_cv_features_denial_not_agree.json``, BASE_14/15
``docs/studies/seeds/verdict_cv_features_seedS_denial.json``); the stance model retrained
(``burhan train stance --data ../shared/datasets --seed S`` with the seed's evidence model:
shipped for 13, ``/tmp/jobs/seedS/evidence.json`` for 14 and 15), the verdict model refitted on
the seed's rows, both probe sets. Ship (the seed-13 stance model, the verdict model refitted) if:
mean stance CV macro-F1 ≥ 0.4638 with ≥ 50% of edited claims read disagree on every seed; mean
verdict accuracy ≥ 0.6252 and no seed's paired point below −0.01; mean ECE ≤ 0.0852; probes ≥ 248
of 276 over the seeds with seed 13 ≥ 84 of 92 and count, measure and partly_true ≥ 20 of 21 on seed
13, true shapes ≥ 48 of 72; the suite passes. Reported only: the Kremlin article's stance. Else
the option goes back to on.
Result (``docs/studies/article_length/seed{13,14,15}/``, the files moved there after the runs and
the unchanged evidence model's ANS scores copied beside them; ``python tools/seed_study.py --run
"docs/studies/article_length/seed{seed}"`` → ``docs/studies/article_length/summary.txt``; 5.4 min a
seed): stance CV 0.4599 / 0.4612 / 0.4598, **mean 0.4603 under the bound 0.4638** (down on every
seed; disagree F1 on fold 3 up, 0.07 → 0.15 on seed 13, on fold 2 down, 0.21 → 0.13), edited claims
read disagree 69–71%; verdict accuracy 0.6509 / 0.6568 / 0.6243, **mean 0.6440 against 0.6302**
(paired +0.027 [0.000, +0.053], +0.018 [−0.012, +0.047], −0.003 [−0.027, +0.021]; 29 / 34 / 23
verdicts changed), NEE 55 / 52 / 63, ECE 0.0583 / 0.0754 / 0.0763 (mean 0.0700 against 0.0752);
probes **83** / 82 / 81 (**246 of 276**, seed 13 under 84; count, measure and partly_true 19 of 21 on
seed 13), true shapes 17 / 16 / 16 → **failed** (stance CV, probes), the option back to on (kept,
with a test). The Kremlin article was not re-read (the run failed first). What it says: the
verdict reads the evidence better without the article length on two seeds of three (+0.014 on
the mean, the largest verdict move of any run judged over seeds), while the article-level stance
and the probes lose: the length carried real signal about *whether* an article takes a side in
Unified-FC, and the probes' 3-sentence demo articles were read by a classifier that had learnt it.

Thirty-sixth run (2026-12-07, sixth session; **found in a new user's trial on the five seeds alone**
(``burhan ingest ../shared/seeds``), then by ``python tools/stance_contributions.py``; declared): the
brief's own example «لافروف: روسيا ستواصل عملياتها في شرق حلب», stated word for word in seed 001,
is judged *false* (basis refuted, 72%) on that store, for k 3, 5 and 20. The opposing story is seed
003, whose decisive sentence «أكد وزير الخارجية الروسي سيرغي لافروف، أن الولايات المتحدة رفضت إرسال
وفد عسكري …» holds the claim's actor and place and none of what the claim says happened; the
evidence model reads it P(refutes) 0.62 and the classifier takes it (disagree 0.54). The same
pattern: the probe store's article 21 for denial-02 (another denial by the same ministry; probe
output read, declared). Change: ``StanceModel(event_gate=True)`` — the sentences the evidence model
reads are the ``evidence_sentences`` best-covering ones that hold at least one stem of the claim's
event (``burhan.stance.alignment.holds_event``: the claim's stems outside the names of its places and
actors; a claim with nothing else passes). Development count before the run (one-off, not kept):
the gold rationale lines of Unified-FC that pass, agree 96.4% of 549, disagree 92.9% of 99 (a
0.5 share of the event stems was also counted and dropped: disagree lines 16%). Models saved before
load with it off. The stance classifier is retrained (not the evidence model: its sentences are
scored as before), judged over seeds 13, 14 and 15 against the shipped code's base (as the
thirty-fifth: stance CV mean 0.4688, verdict accuracy mean 0.6302, ECE mean 0.0752, probes 86 / 83 /
82, true shapes 17 / 17 / 16). Protocol, written before the runs, per seed S as the thirty-fifth
(files under ``docs/studies/event_gate/``). Ship (the seed-13 stance model, the verdict model
refitted) if: mean stance CV macro-F1 ≥ 0.4638 with ≥ 50% of edited claims read disagree on every
seed; mean verdict accuracy ≥ 0.6252 and no seed's paired point below −0.01; mean ECE ≤ 0.0852;
probes ≥ 248 of 276 over the seeds with seed 13 ≥ 84 of 92 and count, measure and partly_true ≥ 20
of 21 on seed 13, true shapes ≥ 48 of 72; with the seed-13 models on a store of the five seeds
alone, the Lavrov claim is not judged *false* and seed 003 does not read *disagree*; the suite
passes. Reported only: «مقتل 1300 مدني في سوريا خلال نوفمبر» on the same store, the demo. Else the
option goes back to off.
Result (``docs/studies/event_gate/seed{13,14,15}/``, the unchanged evidence models' ANS scores copied
beside them; ``python tools/seed_study.py --run "docs/studies/event_gate/seed{seed}"`` →
``docs/studies/event_gate/summary.txt``; 5.5 min a seed): stance CV 0.4673 / 0.4707 / 0.4658 (mean
0.4679 ≥ 0.4638), edited claims read disagree 69.5 / 70.3 / 70.6%; verdict accuracy 0.6331 / 0.6391 /
0.6243 (mean 0.6322; paired +0.009 [0.000, +0.021], 0.000, −0.003; 3 / 2 / 2 verdicts changed), ECE
0.0588 / 0.0795 / 0.0986 (mean 0.0790), NEE 63 / 59 / 65; probes 85 / 81 / 79 = **245 of 276 (< 248)**,
seed 13's count, measure and partly_true 20 of 21, true shapes 17 / 17 / 16. With the seed-13 models
on the five seeds alone (``python tools/seeds_trial.py --stance-model … --verdict-model …``): seed 003 now reads *discuss* (the refutation is
gone), but the Lavrov claim is **still false** — basis *unconfirmed*, P(true) 0.39 — because seed
001, which states it word for word, reads *discuss* (0.53): a digest page, which Unified-FC's
annotators would call *discuss* or *unrelated*. «مقتل 1300 مدني …»: false, unconfirmed, 0.28, as
with the shipped models: seed 001, which states it too, reads *unrelated*; the only related story is
seed 000 (Clinton). → **failed** (probes over the seeds, and its
own purpose), the option back to off, kept with a test.

Thirty-seventh run (2026-12-07, sixth session; **designed after the thirty-sixth's result on the five
seeds** (``python tools/seeds_trial.py``), declared): the brief's example claims stay false on the
seeds alone because seed 001, which states both word for word, reads *discuss* or *unrelated*: a
digest page, judged as a whole the way Unified-FC's annotators judged pages. Count before the run
(``python tools/statement_truth.py`` → ``docs/studies/statement_truth.txt``): 61 Unified-FC claims are
stated in one of their own articles (a sentence with ≥ 80% of the claim's stems that the shipped
evidence model reads as supporting with P ≥ 0.8), **56 of them true**; of the stating articles of the
true ones, 44 are gold *agree*, 19 *discuss*, 26 *unrelated*. Change: ``StanceModel(statement_agrees=True)``
— an article whose decisive sentence holds ≥ 0.8 of the claim's stems (``STATEMENT_COVERAGE``), reads
P(supports) ≥ 0.8 (``STATEMENT_SUPPORT``; both set to the count's values, not tuned) and shows none of
``polarity_clashes`` agrees: its discuss and unrelated mass goes to agree (its disagree mass is left).
Not fitted (a side rule): the classifiers are those of the base; the chain of the thirty-fifth run
retrains them identically and refits the verdict model on the run's rows. Judged over seeds 13, 14, 15
against the same base as the thirty-fifth and thirty-sixth (files under ``docs/studies/statement/``).
Ship (the option on, the shipped stance file rewritten by ``burhan train stance --data
../shared/datasets --seed 13``, the verdict model refitted on seed 13's rows) if: mean stance CV
macro-F1 ≥ 0.4638 with ≥ 50% of edited claims read disagree on every seed; mean verdict accuracy ≥
0.6252 and no seed's paired point below −0.01; mean ECE ≤ 0.0852; probes ≥ 248 of 276 over the seeds
with seed 13 ≥ 84 of 92 and count, measure and partly_true ≥ 20 of 21 on seed 13, true shapes ≥ 48 of
72; with the seed-13 models on the five seeds alone (``tools/seeds_trial.py``), neither
«لافروف: روسيا ستواصل عملياتها في شرق حلب» nor «مقتل 1300 مدني في سوريا خلال نوفمبر» is judged *false*
and «لافروف يعلن أن روسيا أوقفت عملياتها العسكرية في حلب» is not judged *true*; the suite passes.
Else the option goes back to off (kept, with a test).
Result (``docs/studies/statement/seed{13,14,15}/``, the unchanged evidence models' ANS scores copied
beside them; ``python tools/seed_study.py --run "docs/studies/statement/seed{seed}"`` →
``docs/studies/statement/summary.txt``; 5.4 min a seed): stance CV 0.4682 / 0.4736 / 0.4679 (mean
0.4699, the best of any run judged over seeds), edited claims read disagree 69.5 / 70.3 / 70.6%;
verdict accuracy 0.6302 / 0.6331 / 0.6183 (mean 0.6272 ≥ 0.6252; paired +0.006, −0.006, −0.009; 13 /
13 / 15 verdicts changed), ECE 0.0663 / 0.0679 / 0.1062 (mean 0.0801 ≤ 0.0852), NEE 63 / 64 / 69; true
shapes **19 / 19 / 19** (17 / 17 / 16); on the five seeds alone, with each seed's models, the Lavrov
and the 1300 claims **true** (supported, 0.75–0.99: seed 001 reads *agree*) and the contradicted one
false — but probes 84 / 83 / 80 = **247 of 276 (< 248)** and count, measure and partly_true **19 of
21** on seed 13 (< 20) → **failed by one probe on both**, the option back to off (kept, with a test).
The probes that turned wrong: measure-01 on seeds 13 and 15 («انقطاع المياه عن دمشق لليوم الثلاثين»
against a story of «اليوم العشرين»: the ordinal after its noun is no quantity the alignment compares —
«العشرين على» even reads as a count of «على» — so the sentence clashes nowhere and reads as a
statement), reporting_verb-04 (P(true) 0.54 → 0.49, not enough evidence), paraphrase-02 (seed 14),
antonym-06 (seed 15); denial-02 turned right on seed 14. negation-07 («لافروف: موسكو ودمشق مسؤولتان
…» against seed 001's «… ليستا مسؤولتين …») was wrong before and is wrong after, now *true*: the dual
«ليستا» is missing from ``burhan.text.predicates.NEGATIONS``, so no clash is seen. What it says: a
statement rule is as safe as the clash detection under it; both gaps are the alignment's.

Thirty-eighth run (2026-12-07, sixth session; **found by reading the thirty-seventh run's probe
outputs** (negation-07), declared): ``burhan.text.predicates.NEGATIONS`` lacked most persons of ليس —
the duals «ليسا»، «ليستا», «لسن», «لستما»، «لستم»، «لستن» — so «أكد لافروف أن موسكو ودمشق ليستا
مسؤولتين …» showed no negation against «… مسؤولتان …». Change: the list holds every form of ليس (13
occurrences of the missing forms in the Unified-FC texts, by grep). The alignment features change, so
the evidence model and the stance classifier are retrained: the whole chain per seed (``bash
tools/seed_chain.sh S docs/studies/negation_forms/seedS /tmp/jobs/ufc.db /tmp/jobs/probes.db BASE_S``,
BASE as the thirty-fifth), judged over seeds 13, 14, 15 against the shipped code's base. Ship (the
shipped evidence and stance files retrained with seed 13 by ``burhan train evidence/stance``, the
verdict model refitted on seed 13's rows) if: mean ANS dev macro-F1 ≥ 0.7736 (base mean 0.7786 −
0.005); mean stance CV macro-F1 ≥ 0.4638 with ≥ 50% of edited claims read disagree on every seed;
mean verdict accuracy ≥ 0.6252 and no seed's paired point below −0.01; mean ECE ≤ 0.0852; probes ≥
248 of 276 over the seeds with seed 13 ≥ 84 of 92 and count, measure and partly_true ≥ 20 of 21 on
seed 13, true shapes ≥ 48 of 72; the suite passes. negation-07 is reported, and the probe figures
are not clean for it. Else the list goes back.
Result (``docs/studies/negation_forms/seed{13,14,15}/``; ``python tools/seed_study.py --run
"docs/studies/negation_forms/seed{seed}"`` → ``docs/studies/negation_forms/summary.txt``; 5.5 min a
seed, the model files removed after): ANS dev 0.7898 / 0.7702 / 0.7759 (identical to the base), stance
CV 0.4662 / 0.4701 / 0.4658 (mean 0.4674), edited claims read disagree as the base, verdict accuracy
0.6243 / 0.6420 / 0.6272 (mean 0.6312; 0 / 3 / 0 verdicts changed, paired +0.000 / +0.003 / +0.000),
ECE mean 0.0768, probes 86 / 83 / 82 = 251 of 276, seed 13's count, measure and partly_true 20 of 21,
true shapes 17 / 17 / 16; negation-07 still not enough evidence (its article reads *discuss*) →
**held**, shipped. With seed 13 the retrained evidence model, stance classifier (with its IDF table
and vocabulary) and refitted verdict model are identical to the shipped files, coefficient for
coefficient; those files are therefore kept as they are (only their cards' commands would differ).
The change shows in the alignment of texts that use those forms and in the fact-check guard ``opposite_claims``
(``negation_count``).

Thirty-ninth run (2026-12-08, sixth session; **designed after reading the thirty-seventh run's probe
misses** (measure-01), declared — the probe figures are not clean for it): the thirty-seventh's
statement rule, with what "states the claim" left out: the claim's numbers. «انقطاع المياه عن دمشق
لليوم الثلاثين» against «… لليوم العشرين …» held ≥ 80% of the claim's stems — all but the number —
and read as a statement. Change: ``StanceModel(statement_agrees=True)`` as in the thirty-seventh, and
the decisive sentence states the claim only if it gives every number the claim gives (the values of
``burhan.text.analysis.TextAnalysis.numbers``, ``burhan.stance.alignment.holds_numbers``). Nothing else
changes; nothing is fitted; the other probe flips of the thirty-seventh (reporting_verb-04,
paraphrase-02, antonym-06) were not looked into. Judged exactly as the thirty-seventh, by the same
rule, over seeds 13, 14, 15 (files under ``docs/studies/statement_numbers/``): ship (the option on,
the shipped stance file rewritten by ``burhan train stance --data ../shared/datasets --seed 13``, the
verdict model refitted on seed 13's rows) if mean stance CV macro-F1 ≥ 0.4638 with ≥ 50% of edited
claims read disagree on every seed; mean verdict accuracy ≥ 0.6252 and no seed's paired point below
−0.01; mean ECE ≤ 0.0852; probes ≥ 248 of 276 over the seeds with seed 13 ≥ 84 of 92 and count,
measure and partly_true ≥ 20 of 21 on seed 13, true shapes ≥ 48 of 72; on the five seeds alone
(``tools/seeds_trial.py``, seed-13 models) neither of the brief's two claims judged *false* and the
contradicted one not *true*; the suite passes. Else the option goes back to off.
Result (``docs/studies/statement_numbers/seed{13,14,15}/``; ``python tools/seed_study.py --run
"docs/studies/statement_numbers/seed{seed}"`` → ``docs/studies/statement_numbers/summary.txt``; 5.3 min
a seed): stance CV 0.4682 / 0.4715 / 0.4679 (mean 0.4692), edited claims read disagree 69.5 / 70.3 /
70.6%; verdict accuracy 0.6302 / 0.6391 / 0.6183 (mean 0.6292 ≥ 0.6252; paired +0.006 / +0.000 /
−0.009; 13 / 15 / 15 verdicts changed), ECE 0.0650 / 0.0708 / 0.1038 (mean 0.0799 ≤ 0.0852), NEE 63 /
62 / 69, decided accuracy 0.775 (seed 13); probes 85 / 83 / 81 = **249 of 276** (≥ 248), seed 13's
count, measure and partly_true 20 of 21; true shapes **18 / 18 / 18** (17 / 17 / 16); on the five
seeds alone, with each seed's models, both of the brief's claims **true** (supported, 0.75–0.99) and
the contradicted one false; the suite passed (``bash scripts/test.sh``: 306 passed) once one test
was adapted — ``test_short_headline_claim_is_not_extrapolated_into_discuss`` compares the classifier
clipped and unclipped on seed 001, and with the rule on both read *agree* > 0.99; it now switches the
rule off for that comparison and asserts the page agrees with it on → **held, shipped**: the
stance file rewritten by ``burhan train stance --data ../shared/datasets --seed 13`` (classifier
identical, the option on), the verdict model refitted by ``python tools/verdict_from_features.py
docs/studies/statement_numbers/seed13/verdict_cv_features.json``. Shipped-model probes (``burhan eval
probes tests/data/probes.jsonl --db PROBES.db``): verdicts 92.4% (85 of 92), bases 91.3%, article
stances 86.2%. Cost, on seed 13: verdict ECE 0.047 → 0.065 (within the seed spread, 0.047–0.102);
the probes that turned wrong are reporting_verb-04 (P(true) 0.54 → 0.49: not enough evidence) and
the kinds under 80% are unchanged (denial).

Fortieth run (2026-12-08, seventh session; **designed from the thirty-seventh run's probe miss and
the thirtieth's**, declared — the probe figures are not clean for it): what a number counts, read
right for definite numbers and particles (``burhan.text.quantities.head_noun``). A definite number
(«الثلاثين»، «الأربع والعشرين»، «الـ3») not followed by an indefinite unit or noun is an adjective
of the definite word before it, its noun: «لليوم الثلاثين» is 30 days (before: a count of «على»),
«الساعات الأربع والعشرين الماضية» 24 hours (before: a count of «الماضية»), «الأطفال الثلاثة» 3
children; without such a word it counts nothing («في العشرين من الشهر» was 20 months). Particles
(«على»، «إلى»، «بعد»، «حتى»، «قبل» …) and the adjectives of a period («الماضية»، «الأخيرة» …) are
never counted nouns («قتل 20 على الأقل» was a count of «على»). The thirtieth run's change was a
narrower form of this (a definite unit only, «لل» not read) and failed on one seed; it is not
re-run under a looser rule — this is a different change, judged by the thirty-ninth's rule. Count
before the run (``/tmp`` script over the stored Unified-FC sentences, the ``quantities`` of each
before and after): 2,574 of 93,457 sentences change, 48,874 → 47,391 quantities; lost most: counts
of «على» 454, «إلى» 418, «بعد» 251, «حتى» 124, «قبل» 120, «الماضية» 92; gained: durations 328, counts
of «الدول» 83 («الدول السبع»). Quantities feed the alignment features and the synthetic duration
and count edits, so the whole chain is retrained per seed (``bash tools/seed_chain.sh S
docs/studies/definite_numbers/seedS UFC.db PROBES.db docs/studies/statement_numbers/seedS/verdict_cv_features.json``),
judged against the thirty-ninth run's files over seeds 13, 14, 15 (``python tools/seed_study.py
--run "docs/studies/definite_numbers/seed{seed}" --base "docs/studies/statement_numbers/seed{seed}"``).
Ship (the retrained seed-13 evidence and stance models, the verdict model refitted on seed 13's rows)
if: mean ANS dev macro-F1 ≥ 0.7736 (base mean 0.7786 − 0.005); mean stance CV macro-F1 ≥ 0.4642
(0.4692 − 0.005) with ≥ 50% of edited claims read disagree on every seed; mean verdict accuracy ≥
0.6242 (0.6292 − 0.005) and no seed's paired point below −0.01; mean ECE ≤ 0.0899 (0.0799 + 0.01);
probes ≥ 246 of 276 over the seeds (249 − 3) with seed 13 ≥ 83 of 92 and count, measure and
partly_true ≥ 20 of 21 on seed 13; true shapes ≥ 51 of 72 (54 − 3); on the five seeds alone
(``tools/seeds_trial.py``, seed-13 models) neither of the brief's two claims *false* and the
contradicted one not *true*; the suite passes. Else the change is reverted (code and test).
Result (``docs/studies/definite_numbers/seed{13,14,15}/``, ``summary.txt``; the chain run from a
``git worktree`` of commit 31f1d52, 7–8 min a seed): ANS dev 0.7985 / 0.7512 / 0.7804 (mean 0.7767 ≥
0.7736); stance CV 0.4684 / 0.4690 / 0.4614 (mean 0.4663 ≥ 0.4642), edited claims read disagree 70.1
/ 70.1 / 72.3%; verdict accuracy 0.6450 / 0.6243 / 0.6065 (mean 0.6253 ≥ 0.6242) but paired
**+0.015 / −0.015 / −0.012** (two seeds below −0.01); ECE 0.0754 / 0.0745 / 0.1080 (mean 0.0860 ≤
0.0899); probes 82 / 82 / 82 = 246 of 276 (= the bound) but **seed 13 82 of 92** (bound 83; now
wrong: paraphrase-02, negation-04, actor-05, place-01; now right: reporting_verb-04; measure-05 —
the probe behind the change — stays wrong: its article now reads *disagree* 0.56 on the 24-hour
conflict, but two stories match «ألفي مدني» and P(true) is 0.64, not enough evidence); true shapes 18
/ 17 / 18 → **failed** (seed 13's probes, seeds 14 and 15's paired points); code and test reverted
(commit c8a30d3). What it says: seed 13's +0.015 was the seed's, not the change's — retraining the
evidence model on the changed quantities moves ANS dev by −0.019 to +0.009 and the verdict both ways.

Forty-first run (2026-12-08, seventh session; **found by reading the shipped model's probe misses**,
declared — the probe figures are not clean for it): the alignment calls a denial and a negation of
the same thing a clash. denial-05 «لافروف ينفي مسؤولية موسكو ودمشق عن الهجوم …» against seed 001's
«أكد لافروف أن موسكو ودمشق ليستا مسؤولتين عن الهجوم …» shows three clashes — ``antonym_conflict``
(«ينفي» / «أكد»), ``failure_one_side`` (a denial on one side) and ``negation_mismatch`` (a negation
on the other) — and the evidence model reads it P(supports) 0.53; ANS's own «تونس تقول إنه ليس
لديها خطط …» / «تونس تنفي وجود خطط …» (gold *supports*) shows ``denial_in_sentence``. Change
(``burhan.stance.alignment``, ``burhan.text.predicates.free_negations``): a text's polarity is
negative when it holds a denial or failure predicate (the sides ``sides_of_words`` gives, a
negation right before an antonym predicate already read into its side: «لن يتمكن» is a failure)
or a negation that negates no antonym predicate — one or the other, not both; when one side has
the denial or failure and the other not, and both polarities are the same, the texts say one thing
in two wordings, and none of ``antonym_conflict`` on the confirm/deny group, ``failure_one_side``,
``negation_mismatch``, ``denial_in_sentence`` fires. Count before the run (one-off scripts in
/tmp): 7 of the evidence model's 6,147 training pairs change their alignment (2 ANS *supports* —
the two above-like pairs —, 1 ANS neutral, 3 synthetic same-topic neutrals, 1 synthetic antonym
refutation whose clipped claim lost the sentence's «لا تزال»); 546 of 78,323 Unified-FC
(claim, sentence) alignments. With the shipped models, unretrained, denial-05's sentence reads
P(supports) 0.98 and the article still *discuss* (agree 0.41, discuss 0.43). The whole chain is
retrained per seed (``bash tools/seed_chain.sh S docs/studies/reworded_polarity/seedS UFC.db
PROBES.db docs/studies/statement_numbers/seedS/verdict_cv_features.json``), judged against the
thirty-ninth run's files over seeds 13, 14, 15 (``python tools/seed_study.py --run
"docs/studies/reworded_polarity/seed{seed}" --base "docs/studies/statement_numbers/seed{seed}"``) by
the fortieth run's rule, unchanged: ship (the retrained seed-13 evidence and stance models, the
verdict model refitted on seed 13's rows) if mean ANS dev macro-F1 ≥ 0.7736; mean stance CV
macro-F1 ≥ 0.4642 with ≥ 50% of edited claims read disagree on every seed; mean verdict accuracy ≥
0.6242 and no seed's paired point below −0.01; mean ECE ≤ 0.0899; probes ≥ 246 of 276 over the seeds
with seed 13 ≥ 83 of 92 and count, measure and partly_true ≥ 20 of 21 on seed 13; true shapes ≥ 51
of 72; on the five seeds alone (``tools/seeds_trial.py``, seed-13 models) neither of the brief's two
claims *false* and the contradicted one not *true*; the suite passes. Else the change is reverted.
Result (``docs/studies/reworded_polarity/seed{13,14,15}/``, ``summary.txt``; from a worktree of commit
edf8997, ~5.5 min a seed): ANS dev 0.8029 / 0.7691 / 0.7787 (mean **0.7836**, base 0.7786 — the ANS
dev pairs that deny in one wording and negate in the other now align as one statement); stance CV
0.4663 / 0.4740 / 0.4659 (mean 0.4687), edited claims read disagree 69.8 / 70.3 / 70.6%; verdict
accuracy 0.6331 / 0.6272 / 0.6095 (mean **0.6233**, bound 0.6242), paired +0.003 / **−0.012** / −0.009;
ECE 0.0656 / 0.0922 / 0.0970 (mean 0.0849); probes 84 / 83 / 82 = 249 of 276, but seed 13's count,
measure and partly_true **19 of 21** (measure-01, «لليوم الثلاثين» against «العشرين», turned wrong:
the ordinal the alignment does not compare); true shapes 18 / 18 / 18; denial-05, the probe behind
the change, stays wrong on every seed (seed 001 reads *discuss*: the statement rule needs 0.8 of
the claim's stems, the sentence holds 0.7) → **failed** (mean verdict accuracy, seed 14's paired
point, seed 13's count kinds); code and test reverted (commit 1f32931).

Forty-second run (2026-12-08, seventh session; **found by reading the fortieth run's measure-05
output**, declared): a story that gives another value for one of the claim's quantities still
counted as matching its others. With the fortieth's extraction, «فرار أكثر من ألفي مدني من شرق حلب
خلال 8 ساعات» against «… ألفي مدني … خلال الساعات الأربع والعشرين الماضية» had basis *refuted*
and P(true) 0.64: the story's matching «ألفي مدني» (and another story's) pushed P(true) up while its
24 hours against 8 refuted the claim. The basis already treats such a story as no support
(``evidence_basis``: a story with a conflict is in ``against``, never in ``support``). Change
(``burhan.verdict.model.count_stories``): a story with a conflicting count counts for the
``number_conflict`` feature only, not for ``number_match`` — a claim is as true as its least
supported number. Count before the run (``engine.check`` of the 338 Unified-FC claims with the
shipped models, a /tmp script): no related story of any claim has both a match and a conflict, so
nothing is expected to move there; on the shipped probes measure-05 shows no conflict (the
fortieth's extraction was reverted). No model retrained but the verdict model's refit. Protocol,
seed 13 paired against the thirty-ninth run: this study once (features in
``docs/studies/least_supported_number/verdict_cv_features.json``), ``python tools/verdict_noise.py
docs/studies/statement_numbers/seed13/verdict_cv_features.json
docs/studies/least_supported_number/verdict_cv_features.json --rounds 2000``, both probe sets with
the shipped stance model and the verdict model refitted on the run's rows, the full suite, and a
test of the rule. Ship if the paired accuracy point ≥ −0.005, ECE ≤ 0.075 (0.065 + 0.01), the
original probes ≥ 84 of 92 with count, measure and partly_true ≥ 20 of 21, true shapes ≥ 17 of 24,
and the suite passes; else revert.
Result (``docs/studies/least_supported_number/``): the verdict CV features are byte-identical to the
thirty-ninth run's (accuracy 0.6302, paired +0.000 [0.000, 0.000], no verdict changed; ECE 0.065; 63
NEE), so the refitted verdict model is the shipped one and was not rewritten; original probes 85 of
92 and true shapes 18 of 24, as before — four refuted probes whose story matches one count and
conflicts on another are now more confidently false (P(true) measure-06 0.079 → 0.019,
partly_true-01 0.094 → 0.023, partly_true-04 0.135 → 0.034, partly_true-06 0.043 → 0.010); the suite
passed (``bash scripts/test.sh``: 307 passed) → **held, shipped**. The shipped-model probe record is
now ``docs/studies/least_supported_number/probes.json``.

Forty-third run (2026-12-08, seventh session; **found by reading probe paraphrase-01's output**,
declared — the probe figures are not clean for it): on the five seeds alone, «روسيا ماضية في عملياتها
العسكرية شرقي حلب بحسب وزير خارجيتها», a paraphrase of the brief's own example, is judged *false*
(refuted, «الثقة 90%»), and seed 001, which states «روسيا ستواصل عملياتها في شرق حلب», is one of the
two «sources against it»: its decisive sentence covers 0.56 of the claim, reads P(supports) 0.77,
clashes nowhere, and the page holds no refutation cue, yet the classifier reads *disagree* 0.68.
Change: ``StanceModel(support_not_disagree=True)`` — such an article (decisive sentence ≥
``polarity_coverage`` of the claim's stems, P(supports) > P(refutes), none of ``polarity_clashes``,
no refutation cue on the page or in its title) cannot disagree; its disagree mass is shared among
the other labels as the classifier gave them. Not fitted. Dev count before the run (``python
tools/refutation_grounds.py`` → ``docs/studies/refutation_grounds.txt``, variant
``not_leaning_support``, added for this run): of 180 out-of-fold disagree readings it removes 9 (2
right, 7 wrong: 4 gold agree, 2 discuss, 1 unrelated); stance CV 0.4682 → 0.4654; edited claims read
disagree unchanged (69.2%). Judged over seeds 13, 14, 15 with each seed's base evidence model
(``EVIDENCE=PATH bash tools/seed_chain.sh S docs/studies/support_not_disagree/seedS UFC.db PROBES.db
docs/studies/statement_numbers/seedS/verdict_cv_features.json``; seed 13: the shipped evidence model,
14 and 15: ``burhan train evidence --data ../shared/datasets --seed S``), against the thirty-ninth
run's files (identical on Unified-FC to the forty-second's) by the fortieth run's rule but ANS dev
(no evidence model changes): ship (the option on, the stance file rewritten by ``burhan train stance
--data ../shared/datasets --seed 13``, the verdict model refitted on seed 13's rows) if mean stance
CV macro-F1 ≥ 0.4642 with ≥ 50% of edited claims read disagree on every seed; mean verdict accuracy
≥ 0.6242 and no seed's paired point below −0.01; mean ECE ≤ 0.0899; probes ≥ 246 of 276 over the
seeds with seed 13 ≥ 83 of 92 and count, measure and partly_true ≥ 20 of 21 on seed 13; true shapes
≥ 51 of 72; on the five seeds alone (``tools/seeds_trial.py``, seed-13 models) neither of the brief's
two claims *false* and the contradicted one not *true*; the suite passes. Else the option goes back
to off (kept, with its test).
Result (``docs/studies/support_not_disagree/seed{13,14,15}/``, ``summary.txt``; ~5 min a seed): stance
CV 0.4654 / 0.4740 / 0.4653 (mean 0.4682), edited claims read disagree unchanged (69.5 / 70.3 /
70.6%); verdict accuracy 0.6213 / 0.6154 / 0.6006 (mean **0.6124**, bound 0.6242), paired **−0.009 /
−0.024 / −0.018**, NEE 68 / 70 / 75 (base 63 / 62 / 69); ECE mean 0.0800; probes 85 / 82 / 81 = 248
of 276, seed 13 85 (paraphrase-01 now right) but its count, measure and partly_true **18 of 21**
(measure-01 «لليوم الثلاثين» against «العشرين» and partly_true-02 «… وترفض الحوار» against «مستعدة
للحوار» turned wrong: contradictions the alignment does not see, so "no clash" read as support);
true shapes 19 / 19 / 19; on the five seeds alone the brief's two claims true and the contradicted
one false → **failed** (mean verdict accuracy, two seeds' paired points, seed 13's count kinds); the
option back to off (commit c7742f3). What it says: on Unified-FC the disagree readings it removes
sat mostly on false claims (their verdicts turn from refuted-false to not enough evidence), and on
the probes a rule that trusts "no clash" is only as good as the clash detection — the thirty-seventh
run's lesson again.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from burhan.evaluation.verdict import cross_validate_verdict
from burhan.stance.training import EvidenceTrainer

ROOT = Path(__file__).resolve().parents[1]
UNIFIEDFC = ROOT.parent / "shared" / "datasets" / "unifiedfc"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True, help="Unified-FC corpus store (vectors kept between runs)")
    parser.add_argument("--out", default=str(ROOT / "docs" / "studies" / "verdict_prior.json"))
    parser.add_argument("--features", default=str(ROOT / "docs" / "studies" / "verdict_cv_features.json"))
    parser.add_argument("--polarity", default=None, help="the stance models' polarity (default: theirs)")
    parser.add_argument("--seed", type=int, default=13, help="the seed every fold's evidence and stance models train "
                                                             "with (that of 'burhan train')")
    args = parser.parse_args()
    last = {}

    def progress(stage: str, done: int, total: int) -> None:
        if last.get(stage) != done and (done == total or done % 50 == 0):
            print(f"{stage}: {done}/{total}", file=sys.stderr, flush=True)
            last[stage] = done

    result = cross_validate_verdict(UNIFIEDFC, UNIFIEDFC / "train_test_splits.txt", evidence="retrieved", db=args.db,
                                    on_progress=progress, baselines=False, features_out=args.features,
                                    evidence_trainer=EvidenceTrainer(UNIFIEDFC.parent, seed=args.seed),
                                    stance_params={"seed": args.seed, **({"polarity": args.polarity} if args.polarity else {})},
                                    variants={"disagree_weight=-1.5": {"disagree_weight": -1.5},
                                              "disagree_weight=-3": {"disagree_weight": -3.0},
                                              "unconfirmed_margin=0.1": {"unconfirmed_margin": 0.1},
                                              "unconfirmed_margin=0.0": {"unconfirmed_margin": 0.0}})
    Path(args.out).write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps({"VerdictModel defaults": {k: result[k] for k in ("accuracy", "macro_f1", "ece", "not_enough_evidence")},
                      **{name: {k: v[k] for k in ("accuracy", "macro_f1", "ece", "not_enough_evidence")}
                         for name, v in result["variants"].items()}}, indent=1))


if __name__ == "__main__":
    main()
