"""Unified-FC replicated to a larger corpus, one definition for the benchmark scripts."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

# Arabic harakat: dropped by normalisation, so a marked copy searches and reads as its original
# while every sentence of it is a text of its own (analysed, scored and embedded afresh)
_HARAKAT = "\u064e\u064f\u0650\u0652\u0651\u064b\u064c\u064d"
_ARABIC_WORD = re.compile("[\u0621-\u064a]+")


def mark_words(text: str, copy: int) -> str:
    """``text`` with one haraka after the first letter of every Arabic word, chosen by the copy
    number's base-8 digits (the last digit on even words, the one before on odd words): any two
    words in a row tell the 64 copies apart."""
    position = itertools.count()  # of the word in the text

    def mark(word: re.Match) -> str:
        digit = copy // (8 if next(position) % 2 else 1) % 8
        return word.group()[0] + _HARAKAT[digit] + word.group()[1:]
    return _ARABIC_WORD.sub(mark, text)


def replicate(unifiedfc: Path, folder: Path, copies: int, distinct: bool = False) -> int:
    """Write every Unified-FC claim file ``copies`` times into ``folder``, each copy's article texts
    prefixed by a line naming the copy (so every copy is a new article, linked as a near-duplicate
    of the original's story) and its URLs marked with the copy; return the number of article texts.
    ``distinct``: every word of a copy marked too (``mark_words``), so that no two copies share a
    sentence."""
    articles = 0
    for path in sorted((Path(unifiedfc) / "dataset").glob("*.json")):
        claim = json.loads(path.read_text(encoding="utf-8"))
        texts = claim.get("article") or []
        for copy in range(copies):
            replica = dict(claim)
            replica["article"] = [f"نسخة {copy}\n{mark_words(text, copy) if distinct else text}" for text in texts]
            replica["url"] = [f"{u}#copy{copy}" for u in claim.get("url") or []]
            (folder / f"{path.stem}-{copy}.json").write_text(json.dumps(replica, ensure_ascii=False), encoding="utf-8")
            articles += len(texts)
    return articles
