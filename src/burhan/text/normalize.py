"""Arabic normalisation for *matching*.

The display text is never changed: these functions return a new string used for
search keys, hashing and comparisons. Choices (the usual ones for Arabic IR):

- diacritics (harakat, tanwin, shadda, sukun, superscript alef) and tatweel are removed;
- alef variants أ إ آ ٱ → ا; hamza on carriers ؤ → و, ئ → ي; ى → ي; ة → ه;
- Arabic-Indic (٠-٩) and Persian (۰-۹) digits → ASCII digits;
- Arabic punctuation and quote/dash variants → one ASCII form (، → , ؛ → ; ؟ → ? « » “ ” → ");
- runs of white space → one space.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache, wraps

import numpy as np

# harakat, tanwin, shadda, sukun, superscript alef, Quranic marks: code-point ranges, one
# definition for the regex and the lookup table below
_DIACRITIC_RANGES = ((0x0610, 0x061A), (0x064B, 0x065F), (0x0670, 0x0670), (0x06D6, 0x06ED))
DIACRITICS = re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in _DIACRITIC_RANGES) + "]")
TATWEEL = "\u0640"

_CHAR_MAP = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
        "ؤ": "و", "ئ": "ي", "ى": "ي", "ة": "ه",
        "ک": "ك", "ی": "ي", "ھ": "ه",
        **{chr(0x0660 + d): str(d) for d in range(10)},
        **{chr(0x06F0 + d): str(d) for d in range(10)},
        "٫": ".", "٬": ",",
        "،": ",", "؛": ";", "؟": "?",
        "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "″": '"',
        "‘": "'", "’": "'", "‹": '"', "›": '"',
        "–": "-", "—": "-", "ـ": "", "\u200c": "", "\u200d": "", "\u200f": "", "\u200e": "",
        "\xa0": " ",
    }
)


def strip_diacritics(text: str) -> str:
    """Remove harakat, tanwin, shadda, sukun, Quranic marks and tatweel."""
    return DIACRITICS.sub("", text).replace(TATWEEL, "")


def normalize_digits(text: str) -> str:
    """Arabic-Indic and Persian digits → ASCII digits; everything else unchanged."""
    return text.translate(_DIGITS_ONLY)


_DIGITS_ONLY = str.maketrans(
    {**{chr(0x0660 + d): str(d) for d in range(10)}, **{chr(0x06F0 + d): str(d) for d in range(10)}}
)


# a character normalize keeps as it is and never joins to its neighbours (not white space for
# str.split, not a letter, not mapped, NFKC-stable): it separates the texts of normalize_many
_SEPARATOR = "\x00"


def normalize_many(texts: list[str]) -> list[str]:
    """``[normalize(t) for t in texts]`` in one pass over their characters (the lines or the
    sentences of an article: one long text through the lookup table instead of thousands of
    short calls). Not kept in ``normalize``'s cache."""
    if not texts:
        return []
    joined = _SEPARATOR.join(texts)
    if joined.count(_SEPARATOR) != len(texts) - 1:  # a text holds the separator itself
        return [normalize(text) for text in texts]
    if needs_nfkc(joined):  # one search over all of them; the texts asked one by one only then
        joined = _SEPARATOR.join(unicodedata.normalize("NFKC", t) if needs_nfkc(t) else t for t in texts)
    # the separator is no white space: each part is its text's mapped characters with runs of
    # white space made one space — normalize's form but for one space left at either end
    return [part.strip(" ") for part in " ".join(_map_characters(joined).split()).split(_SEPARATOR)]


# The extractors of one sentence (words, places, actors, numbers, dates, quantities) each
# normalise it: the forms of the last short texts are kept, so a sentence is normalised once
# however many look. Whole articles (ingest) are not kept: thousands of them would hold
# hundreds of MB, and each is normalised about once anyway.
CACHED_LENGTH = 1000


def _kept_when_short(maxsize: int):
    """Keep ``function(text)`` for the last ``maxsize`` texts of ≤ ``CACHED_LENGTH`` characters."""
    def wrap(function):
        cached = lru_cache(maxsize=maxsize)(function)

        def call(text: str):
            return cached(text) if len(text) <= CACHED_LENGTH else function(text)
        call.cache_info = cached.cache_info
        return wraps(function)(call)
    return wrap


@_kept_when_short(1 << 14)
def normalize(text: str) -> str:
    """Matching form of ``text`` (see module docstring). Idempotent."""
    text = unicodedata.normalize("NFKC", text) if needs_nfkc(text) else text
    # str.split() splits at exactly the characters of \s and drops the ends: _SPACES.sub(" ", …).strip()
    return " ".join(_map_characters(text).split())


# Every character maps to at most one, so diacritic removal and ``_CHAR_MAP`` are one lookup
# table over code points. ``str.translate`` with a dict looks each character up in Python's
# dict machinery (a third of ingest time on long articles); the table does it in numpy.
_DELETE = np.uint32(0xFFFFFFFF)
_SHORT = 64  # below this, str.translate is faster than the round trip through numpy


def _match_table() -> np.ndarray:
    table = np.arange(0x110000, dtype=np.uint32)
    for code, value in _CHAR_MAP.items():
        if len(value) > 1:
            raise ValueError("_CHAR_MAP must map each character to at most one")
        table[code] = ord(value) if value else _DELETE
    for low, high in _DIACRITIC_RANGES:
        table[low : high + 1] = _DELETE
    table[ord(TATWEEL)] = _DELETE
    return table


def _codes(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def _text(codes: np.ndarray) -> str:
    return codes.tobytes().decode("utf-32-le", "surrogatepass")


def _map_characters(text: str) -> str:
    """``strip_diacritics(text).translate(_CHAR_MAP)``, through the lookup table."""
    if text.isascii():
        return text  # no ASCII character is mapped or removed
    if len(text) < _SHORT:
        return strip_diacritics(text).translate(_CHAR_MAP)
    mapped = _MATCH_TABLE[_codes(text)]
    return _text(mapped[mapped != _DELETE])


# Arabic presentation forms (ﻻ, ﺍ…) appear in text copied from PDFs; NFKC folds them
_PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")


def needs_nfkc(text: str) -> bool:
    """Whether ``normalize`` folds ``text`` with NFKC first (it holds Arabic presentation forms)."""
    # one compiled search, not a Python loop per character (was 40% of normalize's time)
    return _PRESENTATION_FORMS.search(text) is not None


ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3]")


def arabic_ratio(text: str) -> float:
    """Share of letters in ``text`` that are Arabic (0.0 when there are no letters)."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for ch in letters if ARABIC_LETTER.match(ch)) / len(letters)


@_kept_when_short(1 << 12)
def normalize_with_offsets(text: str) -> tuple[str, tuple[int, ...]]:
    """``normalize`` without NFKC, plus for each output character its index in ``text``.

    Used by extractors that must report spans of the original (display) text. Every character
    maps to at most one (``_CHAR_MAP``), so the kept characters' indices are the offsets; runs of
    white space then become one space at the run's first index, none at either end. Done on
    arrays of code points (no Python loop per character). Short texts' results are kept, as
    ``normalize``'s (an offset costs ~36 bytes: fewer of them). Most sentences lose no character
    and hold no white space but single spaces: their offsets are 0, 1, 2 … and no array is made.
    """
    mapped = _map_characters(text)
    if len(mapped) == len(text) and " ".join(mapped.split()) == mapped:
        return mapped, tuple(range(len(mapped)))
    return _offsets_through_arrays(text)


def _offsets_through_arrays(text: str) -> tuple[str, tuple[int, ...]]:
    """``normalize_with_offsets`` for any text (the general path)."""
    mapped = _MATCH_TABLE[_codes(text)]
    kept = np.flatnonzero(mapped != _DELETE)
    if not len(kept):
        return "", ()
    out = mapped[kept]
    space = _IS_SPACE[out]
    after_space = np.r_[True, space[:-1]]  # a space at the very start counts as after one
    keep = ~space | ~after_space
    if space[-1] and keep.any():
        keep[np.flatnonzero(keep)[-1]] = False  # the run at the end leaves no space
    out[space] = 32
    return _text(out[keep]), tuple(kept[keep].tolist())


_MATCH_TABLE = _match_table()
_IS_SPACE = np.zeros(0x110000, dtype=bool)
_IS_SPACE[[c for c in range(0x3000 + 1) if chr(c).isspace()]] = True
