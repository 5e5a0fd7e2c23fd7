"""Stemmer comparison for Burhan's search analyser, on a measured task.

Task: Unified-FC retrieval. All articles of the given folds form one corpus; each claim
is a query; relevant = the claim's agree/disagree/discuss articles. BM25 (bm25s) with
the same tokenizer and stop words, only the stemmer changes. Also reported: the
vocabulary size (how much each stemmer conflates) and analyser speed.

Run: python bench/stemmers.py ../shared/datasets/unifiedfc
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import bm25s
import numpy as np
import Stemmer
from nltk.stem.arlstem2 import ARLSTem2
from nltk.stem.isri import ISRIStemmer
from tashaphyne.stemming import ArabicLightStemmer

from burhan.text.tokens import STOPWORDS, light10, tokenize


def load(directory: Path):
    articles, index, queries = [], {}, []
    for path in sorted((directory / "dataset").glob("*.json")):
        claim = json.loads(path.read_text(encoding="utf-8"))
        relevant = set()
        for text, stance in zip(claim["article"], claim["stance"]):
            if not text.strip():
                continue
            if text not in index:
                index[text] = len(articles)
                articles.append(text)
            if stance in ("agree", "disagree", "discuss"):
                relevant.add(index[text])
        if relevant:
            queries.append((claim["claim"], relevant))
    return articles, queries


def make_stemmers():
    snowball = Stemmer.Stemmer("arabic")
    isri, arlstem2, tasha = ISRIStemmer(), ARLSTem2(), ArabicLightStemmer()
    return {
        "none": lambda t: t,
        "light10": light10,
        "snowball": snowball.stemWord,
        "light10+snowball": lambda t: snowball.stemWord(light10(t)),
        "isri": isri.stem,
        "arlstem2": arlstem2.stem,
        "tashaphyne": lambda t: tasha.light_stem(t),
    }


def evaluate(name, stem, articles, queries):
    cache: dict[str, str] = {}

    def analyse(text):
        out = []
        for t in tokenize(text):
            if t in STOPWORDS:
                continue
            if t not in cache:
                cache[t] = stem(t) if "\u0621" <= t[0] <= "\u064a" else t
            out.append(cache[t])
        return out

    start = time.perf_counter()
    docs = [analyse(a) for a in articles]
    analyse_s = time.perf_counter() - start
    retriever = bm25s.BM25()
    retriever.index(docs, show_progress=False)
    recall10, mrr = [], []
    for claim, relevant in queries:
        q = analyse(claim)
        ids, _ = retriever.retrieve([q], k=20, show_progress=False)
        ranked = list(ids[0])
        recall10.append(len(relevant & set(ranked[:10])) / len(relevant))
        first = next((r for r, d in enumerate(ranked) if d in relevant), None)
        mrr.append(0 if first is None else 1 / (first + 1))
    vocab = len({t for d in docs for t in d})
    return {"stemmer": name, "recall@10": np.mean(recall10), "mrr": np.mean(mrr),
            "vocabulary": vocab, "analyse_s": analyse_s}


def main():
    directory = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/datasets/unifiedfc")
    articles, queries = load(directory)
    print(f"{len(articles)} articles, {len(queries)} claims")
    print(f"{'stemmer':18} {'recall@10':>9} {'MRR':>6} {'vocab':>8} {'analyse s':>9}")
    for name, stem in make_stemmers().items():
        r = evaluate(name, stem, articles, queries)
        print(f"{r['stemmer']:18} {r['recall@10']:9.3f} {r['mrr']:6.3f} {r['vocabulary']:8d} {r['analyse_s']:9.1f}")


if __name__ == "__main__":
    main()
