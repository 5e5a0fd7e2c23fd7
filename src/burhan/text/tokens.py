"""Tokenisation and light stemming for Arabic search.

``tokenize`` returns matching-form tokens (see ``normalize``). ``stem`` is Larkey's
Light10, chosen over Snowball (PyStemmer), ISRI, ARLSTem2 and Tashaphyne by BM25
retrieval on Unified-FC folds 1–4 (``bench/stemmers.py``; table in the README): best
recall@10, and it treats clitics consistently (و/ف + ال/بال/لل), where Snowball keeps
«والمدني» apart from «المدني».
"""

from __future__ import annotations

import re
import threading
from functools import cache, lru_cache
from itertools import filterfalse

from burhan.text.normalize import needs_nfkc, normalize, normalize_many

TOKEN = re.compile(r"[\w]+", re.UNICODE)
_TOKEN_OR_NEWLINE = re.compile(r"[\w]+|\n")

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

# Light10 (Larkey, Ballesteros & Connell, 2002), on the matching form (ة→ه, ى→ي, أ→ا).
LIGHT10_PREFIXES = ("وال", "فال", "بال", "كال", "ال", "لل")
LIGHT10_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")


def light10(token: str) -> str:
    """Larkey's Light10 stemmer: strips و, the article with its clitics, then suffixes."""
    if len(token) >= 4 and token[0] == "و":
        token = token[1:]
    for prefix in LIGHT10_PREFIXES:
        if token.startswith(prefix) and len(token) - len(prefix) >= 2:
            token = token[len(prefix):]
            break
    for suffix in LIGHT10_SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= 2:
            token = token[: -len(suffix)]
    return token


def tokenize(text: str) -> list[str]:
    """Matching-form word tokens (letters and digits; punctuation dropped)."""
    return tokens_of_normal(normalize(text))


def tokens_of_normal(normal: str, pattern: re.Pattern = TOKEN) -> list[str]:
    """``tokenize`` of a text already in its matching form (``normalize``)."""
    tokens = pattern.findall(normal)
    return [t for t in tokens if t != "_"] if "_" in normal else tokens


@lru_cache(maxsize=200_000)
def stem(token: str) -> str:
    """Stem of one matching-form token. Digits and Latin words pass unchanged."""
    if not token or not ("\u0621" <= token[0] <= "\u064a"):
        return token.lower()
    return light10(token)


def analyze(text: str, drop_stopwords: bool = True) -> list[str]:
    """The search analyser: normalise → tokenise → drop stop words → stem."""
    return _stems(tokenize(text), drop_stopwords)


def tokens_and_stems_many(texts: list[str]) -> tuple[list[str], list[list[str]]]:
    """All the texts' ``tokenize`` tokens in order (stop words kept), and ``[analyze(t) for t in
    texts]``, from one tokenisation: the texts are normalised, tokenised and stemmed together, a newline
    (no normal form holds one, and ``stem`` keeps it) marking where each ends, instead of three
    calls per text."""
    if not texts:
        return [], []
    joined = "\n".join(normalize_many(texts))
    marked = tokens_of_normal(joined, _TOKEN_OR_NEWLINE)
    stems = _stems(marked, True)
    return list(filter("\n".__ne__, marked)), [part.split() for part in " ".join(stems).split("\n")]


def tokens_join_across_sentences(text: str) -> bool:
    """Whether ``tokenize(text)`` may differ from its sentences' tokens put end to end. The
    splitter cuts only at white space and punctuation and drops no letter or digit
    (``tests/test_properties.py``), so they are the same unless NFKC folds presentation forms
    (across characters) or a «_» (a word character that ``tokens_of_normal`` drops alone)
    joins words across a cut."""
    return needs_nfkc(text) or "_" in text


def _stems(tokens: list[str], drop_stopwords: bool) -> list[str]:
    # map and filterfalse iterate in C, and a stem already made is a C-level cache hit: no
    # Python frame per token (a comprehension here was a sixth of ingest time)
    return list(map(stem, filterfalse(STOPWORDS.__contains__, tokens) if drop_stopwords else tokens))


_ROOT_LOCK = threading.Lock()  # Tashaphyne's stemmer keeps the last word's analysis on itself


@cache
def _tashaphyne():
    from tashaphyne import arabicstopwords  # ~60 ms: imported on first use only
    from tashaphyne.stemming import ArabicLightStemmer

    return ArabicLightStemmer(), arabicstopwords


@lru_cache(maxsize=1 << 16)
def root_candidates(token: str) -> frozenset[str]:
    """The roots Tashaphyne (Zerrouki) finds most likely for a matching-form token, all of them
    when several tie: «مقتل»، «قتلوا» → {قتل}; «حصار»، «محاصرين» → {حصر}; «اصيب» → {صيب، وصب} and
    «اصابه» → {صوب، وصب}. Tashaphyne's own ``get_root`` picks one of the tied roots by a set's
    order, so it changes from one process to the next (hash seeds); the whole tie does not. Too
    coarse for search (the stemmer table in the README) but what tells that a verb and its
    verbal noun speak of the same event: two words share a root when their candidates meet."""
    stemmer, stopwords = _tashaphyne()
    with _ROOT_LOCK:
        stemmer.light_stem(token)
        if stopwords.is_stop(token):
            return frozenset({stopwords.stop_root(token)})
        found = [affix["root"] for affix in stemmer.get_affix_list()]
    # the filters of Tashaphyne's _choose_root, in its order
    found = [r for r in found if stemmer.is_root_length_valid(r)] or found
    found = [r for r in found if stemmer.is_root(r)] or found
    found = [r for r in found if len(r) == 3] or found
    most = max(map(found.count, found))
    return frozenset(r for r in found if found.count(r) == most)


def word_roots(text: str) -> list[frozenset[str]]:
    """``root_candidates`` of each word of ``text``, stop words and numbers left out."""
    return [root_candidates(t) for t in tokenize(text) if t not in STOPWORDS and not t.isdecimal()]
