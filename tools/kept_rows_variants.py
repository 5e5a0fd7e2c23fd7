"""Score ``VerdictModel`` settings on kept out-of-fold rows (exploration, not a protocol).

    python tools/kept_rows_variants.py docs/studies/verdict_cv_features_unit_before.json \
        '{"calibrate": true}' '{"refuted_calibration": true}'

Each JSON argument is a set of ``VerdictModel`` params; the defaults are always scored first.
Every verdict study reads kept rows this way (``burhan.evaluation.verdict.score_variants``); use
this for a look after a study, and say so where its numbers are quoted.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from burhan.evaluation.verdict import score_variants


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("features", type=Path, help="a features file kept by a verdict CV (--features)")
    parser.add_argument("variants", nargs="*", help='VerdictModel params as JSON, e.g. \'{"calibrate": true}\'')
    args = parser.parse_args()
    folds = json.loads(args.features.read_text(encoding="utf-8"))["folds"]
    variants = {"defaults": {}, **{text: json.loads(text) for text in args.variants}}
    score_variants(variants, folds, print)


if __name__ == "__main__":
    main()
