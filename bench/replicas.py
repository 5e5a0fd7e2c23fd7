"""Unified-FC replicated to a larger corpus, one definition for the benchmark scripts."""

from __future__ import annotations

import json
from pathlib import Path


def replicate(unifiedfc: Path, folder: Path, copies: int) -> int:
    """Write every Unified-FC claim file ``copies`` times into ``folder``, each copy's article texts
    prefixed by a line naming the copy (so every copy is a new article, linked as a near-duplicate
    of the original's story) and its URLs marked with the copy; return the number of article texts."""
    articles = 0
    for path in sorted((Path(unifiedfc) / "dataset").glob("*.json")):
        claim = json.loads(path.read_text(encoding="utf-8"))
        texts = claim.get("article") or []
        for copy in range(copies):
            replica = dict(claim)
            replica["article"] = [f"نسخة {copy}\n{text}" for text in texts]
            replica["url"] = [f"{u}#copy{copy}" for u in claim.get("url") or []]
            (folder / f"{path.stem}-{copy}.json").write_text(json.dumps(replica, ensure_ascii=False), encoding="utf-8")
            articles += len(texts)
    return articles
