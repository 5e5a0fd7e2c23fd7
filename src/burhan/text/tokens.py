"""Tokenisation and light stemming for Arabic search.

``tokenize`` returns matching-form tokens (see ``normalize``). ``stem`` removes
clitics and inflection with the Snowball Arabic stemmer (PyStemmer), chosen over
ISRI, ARLSTem2, Tashaphyne and a prefix-only light stemmer by a retrieval
comparison on Unified-FC (``bench/stemmers.py``; numbers in the README).
"""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer

from burhan.text.normalize import normalize

TOKEN = re.compile(r"[\w]+", re.UNICODE)

# Function words that carry no topical signal. Kept short on purpose: negations
# (لا، لم، لن، ليس، غير) are *not* here, later stages need them.
STOPWORDS = frozenset(
    normalize(w)
    for w in """
    في من على الى إلى عن مع ان إن أن كان كانت التي الذي الذين هذا هذه ذلك تلك هو هي هم
    و ف ثم او أو بين حتى قد لقد كما بعد قبل عند منذ خلال حيث اي أي كل بعض ما ماذا
    يكون تكون انه إنه أنه انها إنها أنها به بها له لها فيه فيها منه منها عليه عليها اليه إليه
    هناك هنا وقد وكان وفي ومن وعلى وأن وإن التى الى ايضا أيضا
    """.split()
)

_snowball = Stemmer.Stemmer("arabic")


def tokenize(text: str) -> list[str]:
    """Matching-form word tokens (letters and digits; punctuation dropped)."""
    return [t for t in TOKEN.findall(normalize(text)) if t != "_"]


@lru_cache(maxsize=200_000)
def stem(token: str) -> str:
    """Stem of one matching-form token. Digits and Latin words pass unchanged."""
    if not token or not ("\u0621" <= token[0] <= "\u064a"):
        return token.lower()
    return _snowball.stemWord(token)


def analyze(text: str, drop_stopwords: bool = True) -> list[str]:
    """The search analyser: normalise → tokenise → drop stop words → stem."""
    return [stem(t) for t in tokenize(text) if not (drop_stopwords and t in STOPWORDS)]
