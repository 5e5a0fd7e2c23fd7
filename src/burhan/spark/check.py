"""Check many claims on Spark: the claims are spread over the executors; each partition opens
the store or sharded corpus read only (``Engine.open``) and writes its result lines, the same
records as ``burhan check --batch`` (``Engine.check_record``), to ``part-NNNNN.jsonl``.

On a cluster, the store or corpus and ``--out`` must be on a file system every executor sees.
"""

from __future__ import annotations

import json
from pathlib import Path


def spark_check(spark, items: list[tuple[str, str]], db: str | Path, out: str | Path, lang: str = "ar",
                partitions: int | None = None) -> dict:
    """``{"checked", "failed", "parts"}`` after checking ``items`` (``(id, claim)`` pairs)."""
    db, out = Path(db).resolve(), Path(out)
    if not db.exists():
        raise ValueError(f"no store or corpus at {db}")
    if out.exists() and any(out.iterdir()):
        raise ValueError(f"{out} is not empty: give a new folder for the results")
    out.mkdir(parents=True, exist_ok=True)
    sc = spark.sparkContext
    parts = partitions or max(1, min(len(items), sc.defaultParallelism))
    counts = (sc.parallelize(items, parts)
              .mapPartitionsWithIndex(lambda k, rows: [_check_partition(db, out.resolve(), k, rows, lang)])
              .collect())
    return {"checked": sum(c for c, _ in counts), "failed": sum(f for _, f in counts), "parts": parts}


def _check_partition(db: Path, out: Path, k: int, rows, lang: str) -> tuple[int, int]:
    from burhan.engine import Engine

    checked = failed = 0
    with Engine.open(db) as engine, open(out / f"part-{k:05d}.jsonl", "w", encoding="utf-8") as f:
        for claim_id, claim in rows:
            record = engine.check_record(claim_id, claim, lang)
            failed += "error" in record
            checked += "error" not in record
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return checked, failed
