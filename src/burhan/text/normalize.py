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

    Used by extractors that must report spans of the original (display) text.
    """
    out: list[str] = []
    offsets: list[int] = []
    previous_space = True
    for i, ch in enumerate(text):
        if DIACRITICS.match(ch):
            continue
        mapped = ch.translate(_CHAR_MAP)
        for m in mapped:
            if m.isspace():
                if previous_space:
                    continue
                m = " "
                previous_space = True
            else:
                previous_space = False
            out.append(m)
            offsets.append(i)
    while out and out[-1] == " ":
        out.pop()
        offsets.pop()
    return "".join(out), offsets
