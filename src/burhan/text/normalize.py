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

import numpy as np

DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
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
_SPACES = re.compile(r"\s+")


def strip_diacritics(text: str) -> str:
    """Remove harakat, tanwin, shadda, sukun, Quranic marks and tatweel."""
    return DIACRITICS.sub("", text).replace(TATWEEL, "")


def normalize_digits(text: str) -> str:
    """Arabic-Indic and Persian digits → ASCII digits; everything else unchanged."""
    return text.translate(_DIGITS_ONLY)


_DIGITS_ONLY = str.maketrans(
    {**{chr(0x0660 + d): str(d) for d in range(10)}, **{chr(0x06F0 + d): str(d) for d in range(10)}}
)


def normalize(text: str) -> str:
    """Matching form of ``text`` (see module docstring). Idempotent."""
    text = unicodedata.normalize("NFKC", text) if _needs_nfkc(text) else text
    text = strip_diacritics(text).translate(_CHAR_MAP)
    return _SPACES.sub(" ", text).strip()


# Arabic presentation forms (ﻻ, ﺍ…) appear in text copied from PDFs; NFKC folds them
_PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")


def _needs_nfkc(text: str) -> bool:
    # one compiled search, not a Python loop per character (was 40% of normalize's time)
    return _PRESENTATION_FORMS.search(text) is not None


ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3]")


def arabic_ratio(text: str) -> float:
    """Share of letters in ``text`` that are Arabic (0.0 when there are no letters)."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for ch in letters if ARABIC_LETTER.match(ch)) / len(letters)


def normalize_with_offsets(text: str) -> tuple[str, list[int]]:
    """``normalize`` without NFKC, plus for each output character its index in ``text``.

    Used by extractors that must report spans of the original (display) text. Every character
    maps to at most one (``_CHAR_MAP``), so the kept characters' indices are the offsets; runs of
    white space then become one space at the run's first index, none at either end. Done on
    arrays of code points (no Python loop per character).
    """
    mapped = DIACRITICS.sub("", text).translate(_CHAR_MAP)
    if not mapped:
        return "", []
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    kept = np.flatnonzero(~(_diacritic_mask(codes) | np.isin(codes, _DROPPED_CODES)))
    out = np.frombuffer(mapped.encode("utf-32-le"), dtype=np.uint32).copy()
    space = np.isin(out, _SPACE_CODES)
    after_space = np.r_[True, space[:-1]]  # a space at the very start counts as after one
    keep = ~space | ~after_space
    if space[-1] and keep.any():
        keep[np.flatnonzero(keep)[-1]] = False  # the run at the end leaves no space
    out[space] = 32
    return out[keep].tobytes().decode("utf-32-le"), kept[keep].tolist()


_SPACE_CODES = np.array([c for c in range(0x3000 + 1) if chr(c).isspace()], dtype=np.uint32)


_DROPPED_CODES = np.array([code for code, value in _CHAR_MAP.items() if value == ""], dtype=np.uint32)
_DIACRITIC_RANGES = ((0x0610, 0x061A), (0x064B, 0x065F), (0x0670, 0x0670), (0x06D6, 0x06ED))


def _diacritic_mask(codes: np.ndarray) -> np.ndarray:
    """``DIACRITICS`` as code-point ranges, over an array of code points."""
    mask = np.zeros(len(codes), dtype=bool)
    for low, high in _DIACRITIC_RANGES:
        mask |= (codes >= low) & (codes <= high)
    return mask
