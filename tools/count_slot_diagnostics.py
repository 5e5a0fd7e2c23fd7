"""The counts behind the twenty-third to twenty-fifth judgement runs (issue 11), reproducible.

    python tools/count_slot_diagnostics.py [--data ../shared/datasets]

``burhan.verdict.facts.compare_counts`` compares two counts of one noun only in the same slot:
the roots of the ``CONTEXT_WORDS`` content words each side of them meet
(``TextAnalysis.quantity_contexts``). For no slot at all and for 1, 2 (shipped) and 3 words:

1. the sixteen cases the window was chosen on (the count cases of tests/test_verdict.py, the
   probes' casualty and siege counts, three false alarms read on Unified-FC rationale lines and
   two of claim R-651's): a case is right when the expected relation is among those found, or,
   where none is expected (another event), when no count is weighed (match or conflict);
2. the share of synthetic fold-4 count and measure edits (``synthetic_from``, per_kind 60, seed
   14, as tools/evidence_selection.py makes them) where a conflict is found;
3. the share of the first 15 lines of Unified-FC's *unrelated* articles, each against its claim,
   where a conflict is found (false alarms).

And 4. how many distinct words of the first 200 Unified-FC articles get another root from
Tashaphyne's own ``get_root`` under two hash seeds (its tie-breaking follows a set's order; why
``burhan.text.tokens.root_candidates`` keeps the whole tie).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np

import burhan.text.analysis as analysis
from burhan.ingest.benchmarks import load_splits, load_unifiedfc
from burhan.stance.corpora import synthetic_from
from burhan.text.sentences import split_sentences
from burhan.text.tokens import tokenize
from burhan.verdict.facts import compare_counts

ROOT = Path(__file__).resolve().parents[1]
CASES = [  # (claim, sentence, the relation expected, or None: another event, nothing weighed)
    ("مقتل 3000 مدني في حلب", "قتل 1300 مدنيا في المدينة خلال الشهر", "conflict"),
    ("مقتل 1300 مدني في سوريا", "أفاد المرصد بمقتل 1300 مدني في سوريا", "match"),
    ("فرار أكثر من ألفي مدني من حلب", "فر نحو 2400 من المدنيين من الأحياء الشرقية", "match"),
    ("مقتل نحو 300 طفل", "قتل 310 أطفال", "match"),
    ("مقتل 3000 مدني", "أكثر من ثلاثة آلاف من المدنيين قتلوا", "match"),
    ("مقتل تسعة أشخاص على الأقل في تفجير القنيطرة", "ارتفعت حصيلة تفجير القنيطرة إلى 12 شخصا", "match"),
    ("مقتل 20 شخصا في الغارة", "أودت الغارة بحياة 14 شخصا على الأقل", "match"),
    ("مقتل 1300 مدني في سوريا خلال نوفمبر", "وقال المرصد إن 675 مدنيا قتلوا في غارات جوية.", "conflict"),
    ("استمر القصف 8 ساعات", "وقال إن القصف استمر نحو 30 ساعة متواصلة", "conflict"),
    ("ارتفاع الأسعار 40 في المئة", "ارتفعت الأسعار 25% هذا الشهر", "conflict"),
    ("600 ألف شخص محاصرون في حلب", "يعيش نحو 400 ألف شخص محاصرين في الأحياء الشرقية", "conflict"),
    ("المرصد السوري: مقتل 3000 مدني في سوريا خلال شهر نوفمبر",
     "أفاد المرصد السوري لحقوق الإنسان اليوم بمقتل 1300 مدني في سوريا خلال شهر تشرين الثاني / نوفمبر الماضي",
     "conflict"),
    ("تم أسر اثنين من الجنود الروس في سوريا من قبل تنظيم الدولة الإسلامية",
     "إنفجارات شديدة تقارير تشير الى مقتل 80 من جنود قوات النظام و", None),
    ("تم أسر اثنين من الجنود الروس في سوريا من قبل تنظيم الدولة الإسلامية",
     "وأفاد تنظيم الدولة الإسلامية أن مقاتليه قد قاموا بشن هجوم على قرية مظلوم , حيث أسفر الهجوم عن مقتل سبعة "
     "جنود سوريين", None),
    ("أعلن تحالف قوات سوريا الديمقراطية انتصاره على تنظيم الدولة الإسلامية في معقله السابق الرقة ورفع أعلامه "
     "داخل آخر معاقل التنظيم بالمدينة بعد معركة دامت أربعة أشهر",
     "ويعد خروج داعش من الرقة , الهزيمة الأكبر للتنظيم المتطرف منذ استيلائه على المدينة قبل أكثر من 4 سنوات , "
     "لكن هذا لا يعنى أن الحرب على التنظيم قد انتهت", None),
    ("مقتل القيادي أبو عزرائيل وذلك بعد أقل من 24 ساعة من تداول خبر وصوله إلى محافظة حلب",
     "وخرجت تصريحات من أحد قادة الميليشيات الملقب بأبو عزرائيل يمهل فيها قائد شرطة ديالى 48 ساعة ليتقدم "
     "بالاستقالة خلالها .", None),
]
_IN_SLOT = analysis.TextAnalysis.quantities_in_slot
SHIPPED_WINDOW = analysis.CONTEXT_WORDS


def relations(claim: str, sentence: str) -> set[str]:
    return {check.relation for check in compare_counts(claim, 0, [(0, sentence)])}


def use_window(words: int | None) -> None:
    """Compare counts in slots of ``words`` content words each side; None: any two counts of one noun."""
    analysis.forget()
    if words is None:
        analysis.TextAnalysis.quantities_in_slot = lambda self, context: list(self.quantities)
    else:
        analysis.TextAnalysis.quantities_in_slot = _IN_SLOT
        analysis.CONTEXT_WORDS = words


def seed_dependence(claims) -> tuple[int, int]:
    words = sorted({t for c in claims[:200] for a in c.articles for s in split_sentences(a.text) for t in tokenize(s)})
    script = ("import json, sys\nfrom tashaphyne.stemming import ArabicLightStemmer\ns = ArabicLightStemmer()\n"
              "out = []\nfor w in json.load(sys.stdin):\n    s.light_stem(w)\n    out.append(s.get_root())\n"
              "print(json.dumps(out))")
    roots = [json.loads(subprocess.run([sys.executable, "-c", script], input=json.dumps(words), text=True,
                                       capture_output=True, check=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout)
             for seed in ("1", "2")]
    return sum(a != b for a, b in zip(*roots)), len(words)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "datasets")
    args = parser.parse_args()
    claims = load_unifiedfc(args.data / "unifiedfc")
    fold4 = set(load_splits(args.data / "unifiedfc" / "train_test_splits.txt")[3])
    pairs = synthetic_from([c for c in claims if c.id in fold4], [], per_kind=60, seed=14)
    edits = [(c, s) for origin, c, s in zip(pairs.origins, pairs.claims, pairs.sentences)
             if origin in ("synthetic:count", "synthetic:measure")]
    unrelated = [(c.claim, line) for c in claims for a in c.articles if a.stance == "unrelated"
                 for line in a.text.split("\n")[:15] if line.strip()]
    for words in (None, 1, 2, 3):
        use_window(words)
        right = sum(expected in found if expected else not found & {"match", "conflict"}
                    for found, expected in ((relations(c, s), e) for c, s, e in CASES))
        synthetic = np.mean(["conflict" in relations(c, s) for c, s in edits])
        alarms = np.mean(["conflict" in relations(c, s) for c, s in unrelated])
        name = "no slot" if words is None else f"{words} word{'s' * (words > 1)}"
        print(f"{name:8}  cases {right}/{len(CASES)}  synthetic count/measure edits in conflict {synthetic:.3f} "
              f"({len(edits)})  unrelated lines in conflict {alarms:.4f} ({len(unrelated)})")
    use_window(SHIPPED_WINDOW)
    changed, total = seed_dependence(claims)
    print(f"Tashaphyne get_root, hash seeds 1 and 2: {changed} of {total} distinct words get another root")


if __name__ == "__main__":
    main()
