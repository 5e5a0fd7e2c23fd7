"""Write the expected analyser outputs (the long derived ones as SHA-1 digests) on a fixed sample of Unified-FC texts (issue 14).

    python tools/analysis_golden.py [--datasets ../shared/datasets] [--out tests/data/analysis_golden.json.gz]

Run on the code *before* a speed change; ``tests/test_analysis_golden.py`` then checks that the
analyser still gives exactly these outputs: cleaned text, title, date, sentences, stems, numbers
(value, text, span, qualifier, head noun), dates, the matching form, MinHash signatures and the
near-duplicate links among the sample (pairs at or above the duplicate threshold; identical
signatures give identical story links in a store). The sample: every 40th file of the sorted
dataset folder (a fixed rule, no randomness).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
from pathlib import Path

import numpy as np

from burhan.ingest import ReadOptions, expand_paths
from burhan.ingest.dedup import DUPLICATE_THRESHOLD, similarity
from burhan.ingest.pipeline import analyze_file
from burhan.text.dates import extract_dates
from burhan.text.normalize import normalize
from burhan.text.numbers import extract_numbers
from burhan.text.sentences import split_sentences
from burhan.text.tokens import analyze

ROOT = Path(__file__).resolve().parents[1]
EVERY = 40


def sample_files(datasets: Path) -> list[Path]:
    return expand_paths([datasets / "unifiedfc" / "dataset"])[::EVERY]


def digest(value) -> str:
    """SHA-1 of a value's JSON: the long derived forms are compared, not stored (test data size)."""
    return hashlib.sha1(json.dumps(value, ensure_ascii=False).encode("utf-8")).hexdigest()


def expected(path: Path, datasets: Path) -> list[dict]:
    result = analyze_file(path, ReadOptions())
    out = []
    for article in result.articles:
        out.append({
            "file": str(path.relative_to(datasets)),
            "origin_name": Path(article.origin).name,
            "title": article.title, "date": article.date, "source": article.source,
            "text_sha1": digest(article.text),
            "normal_sha1": digest(normalize(article.text)),
            "sentences": [s.text for s in article.sentences],
            "split_sha1": digest(split_sentences(article.text)),
            "stems_sha1": digest([analyze(s.text) for s in article.sentences]),
            "stored_stems_sha1": digest([list(s.stems) for s in article.sentences]),
            "numbers": [[n.value, n.text, n.start, n.end, n.qualifier, n.noun] for n in extract_numbers(article.text)],
            "dates": [[d.text, d.start, d.end, d.year, d.month, d.day] for d in extract_dates(article.text)],
            "signature_sha1": hashlib.sha1(np.asarray(article.signature, dtype=np.uint32).tobytes()).hexdigest(),
            "signature": [int(v) for v in article.signature],
        })
    return out


def links(rows: list[dict]) -> list[list[int]]:
    sigs = [np.asarray(r["signature"], dtype=np.uint32) for r in rows]
    return [[i, j] for i in range(len(rows)) for j in range(i + 1, len(rows))
            if similarity(sigs[i], sigs[j]) >= DUPLICATE_THRESHOLD]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--datasets", type=Path, default=ROOT.parent / "shared" / "datasets")
    parser.add_argument("--out", type=Path, default=ROOT / "tests" / "data" / "analysis_golden.json.gz")
    args = parser.parse_args()
    rows = [row for path in sample_files(args.datasets) for row in expected(path, args.datasets)]
    payload = {"every": EVERY, "articles": rows, "links": links(rows)}
    for row in rows:
        row.pop("signature")
    with gzip.open(args.out, "wt", encoding="utf-8") as f:
        json.dump(payload, f, ensure_ascii=False)
    print(f"{len(rows)} articles, {len(payload['links'])} links → {args.out} ({args.out.stat().st_size / 1e3:.0f} KB)")


if __name__ == "__main__":
    main()
