"""Numbers in Arabic text: digits in any script and number words, with their values.

``extract_numbers("فرار أكثر من ألفي مدني")`` → one mention, value 2000, qualifier
``"more_than"``, noun ``"مدني"``. Handles ASCII, Arabic-Indic and Persian digits,
thousands separators and decimals (``1,300``, ``١٣٠٠``, ``3.5``), multipliers
after digits (``1.5 مليون``, ``20 ألف``), and number words with clitics and
compounds (``ثلاثمائة``, ``مائتي``, ``واحد وأربعين``, ``ثلاثة آلاف وخمسمائة``).
Spans refer to the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from burhan.text.normalize import needs_nfkc, normalize, normalize_with_offsets

UNITS = {
    "واحد": 1, "واحده": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "اثنا": 2, "اثني": 2,
    "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6,
    "سبع": 7, "سبعه": 7, "ثمان": 8, "ثماني": 8, "ثمانيه": 8, "تسع": 9, "تسعه": 9,
    "عشر": 10, "عشره": 10,
}
TENS = {
    "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "اربعون": 40, "اربعين": 40,
    "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70,
    "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
}
HUNDREDS = {"مئه": 100, "مائه": 100, "مئتان": 200, "مئتين": 200, "مئتي": 200, "مئتا": 200,
            "مائتان": 200, "مائتين": 200, "مائتي": 200, "مائتا": 200}
for _word, _value in {"ثلاث": 3, "اربع": 4, "خمس": 5, "ست": 6, "سبع": 7, "ثمان": 8, "تسع": 9}.items():
    HUNDREDS[_word + "مئه"] = HUNDREDS[_word + "مائه"] = _value * 100
# multiplier words; a value of (m, d) means "m, or d when it stands alone" (ألفي = 2000); the
# accusative of a count's tamyiz («عشرون ألفًا») reads with its alef, and alone it is the dual
# construct «ألفا مدني» (2000), as normalised text cannot tell «ألفًا» from «ألفا»
MULTIPLIERS = {
    "الف": (1000, 1000), "الفا": (1000, 2000), "الاف": (1000, None), "الوف": (1000, None),
    "الفان": (1000, 2000), "الفين": (1000, 2000), "الفي": (1000, 2000),
    "مليون": (10**6, 10**6), "مليونا": (10**6, 2 * 10**6), "ملايين": (10**6, None), "مليونان": (10**6, 2 * 10**6),
    "مليونين": (10**6, 2 * 10**6), "مليوني": (10**6, 2 * 10**6),
    "مليار": (10**9, 10**9), "مليارا": (10**9, 2 * 10**9), "مليارات": (10**9, None), "بليون": (10**9, 10**9),
    "ملياري": (10**9, 2 * 10**9), "مليارين": (10**9, 2 * 10**9),
}
UNITS, TENS, HUNDREDS, MULTIPLIERS = (
    {normalize(k): v for k, v in table.items()} for table in (UNITS, TENS, HUNDREDS, MULTIPLIERS)
)
TEEN_ONE = ("احد", "احدي")  # "one" only in 11: أحد عشر / إحدى عشرة (else "someone", "Sunday")
QUALIFIERS = {
    "more_than": ("اكثر من", "ما يزيد عن", "ما يزيد على", "ما لا يقل عن", "لا يقل عن", "يزيد عن", "يزيد على"),
    "less_than": ("اقل من", "ما يقل عن", "لا يزيد عن", "لا يزيد على", "ما لا يزيد عن", "دون"),
    "about": ("نحو", "حوالي", "قرابه", "زهاء", "ما يقارب", "يقارب", "تقريبا", "حوالى"),
}
# after the number or its head noun: «تسعة أشخاص على الأقل» is «ما لا يقل عن تسعة أشخاص»
TRAILING_QUALIFIERS = {"more_than": (("علي", "الاقل"), ("في", "الاقل"), ("كحد", "ادني"))}
_CLITICS = ("وب", "ول", "و", "ب", "ل", "ف")
_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True)
class NumberMention:
    """A number found in text. ``noun`` is the word that follows it (its head noun, if any)."""

    value: float
    text: str
    start: int
    end: int
    qualifier: str | None = None
    noun: str | None = None


@lru_cache(maxsize=1 << 16)  # a pure function of the word, asked for every word of every sentence
def _word_value(word: str) -> tuple[str, int | tuple[int, int | None]] | None:
    """Classify one normalised word (clitics stripped): ('unit'|'tens'|'hundreds'|'mult', value)."""
    candidates = [word] + [word[len(c):] for c in _CLITICS if word.startswith(c) and len(word) > len(c) + 1]
    candidates += [c[2:] for c in list(candidates) if c.startswith("ال") and len(c) > 4]
    for w in candidates:
        if w in UNITS:
            return "unit", UNITS[w]
        if w in TENS:
            return "tens", TENS[w]
        if w in HUNDREDS:
            return "hundreds", HUNDREDS[w]
        if w in MULTIPLIERS:
            return "mult", MULTIPLIERS[w]
    return None


@lru_cache(maxsize=1 << 16)
def _may_start_number(word: str) -> bool:
    """Whether a number can start at ``word`` (the test ``extract_numbers`` makes at each word)."""
    return word[0].isdecimal() or word in TEEN_ONE or _word_value(word) is not None


_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+|\d{1,3}(?:\.\d{3}){2,}")  # «1,300», «2.000.000» (one dot: a decimal)
_DECIMAL = re.compile(r"\d+(?:[.,]\d+)?")


def _digit_value(token: str) -> float | None:
    """The value of a token of digits: thousands groups, a decimal («3.5», «1,5»); None for other
    dotted forms, which are no count (a date «07.12.2016», a version «1.2.3»)."""
    if _GROUPED.fullmatch(token):
        return float(token.replace(",", "").replace(".", ""))
    if _DECIMAL.fullmatch(token):
        return float(token.replace(",", "."))
    return None


def extract_numbers(text: str, normal: str | None = None) -> list[NumberMention]:
    """All numbers in ``text``, in order of appearance. ``normal``: ``normalize(text)`` when
    already made (``TextAnalysis``): a text without a number is then told from it, without the
    offsets back to ``text`` (most sentences have none)."""
    # without NFKC, ``normalize`` and ``normalize_with_offsets`` give the same form
    norm, offsets = (normal, None) if normal is not None and not needs_nfkc(text) else normalize_with_offsets(text)
    tokens = _WORD.findall(norm)
    may_start = list(map(_may_start_number, tokens))  # map runs in C: no Python frame per word
    if True not in may_start:
        return []  # most sentences: no word where a number could start
    if offsets is None:
        norm, offsets = normalize_with_offsets(text)
    found = list(_WORD.finditer(norm))
    words = list(zip(tokens, map(re.Match.start, found), map(re.Match.end, found)))
    mentions: list[NumberMention] = []
    i = 0
    while True:
        try:
            i = may_start.index(True, i)  # the next word where a number can start
        except ValueError:
            break
        parsed = _parse_number(words, i)
        if parsed is None:
            i += 1
            continue
        value, j = parsed  # words[i:j] form the number
        start, end = offsets[words[i][1]], offsets[words[j - 1][2] - 1] + 1
        noun = None
        if j < len(words) and _word_value(words[j][0]) is None and not words[j][0][0].isdecimal():
            noun = text[offsets[words[j][1]] : offsets[words[j][2] - 1] + 1]
        mentions.append(
            NumberMention(
                value=value,
                text=text[start:end],
                start=start,
                end=end,
                qualifier=_qualifier(norm[: words[i][1]]) or _trailing_qualifier(words, j, after_noun=noun is not None),
                noun=noun,
            )
        )
        i = j
    return mentions


def _parse_number(words: list[tuple[str, int, int]], i: int) -> tuple[float, int] | None:
    total = 0.0
    current = 0.0
    j = i
    seen = False
    while j < len(words):
        word = words[j][0]
        if word[0].isdecimal():  # not "¹": a superscript is a digit but no number
            value = _digit_value(word)
            if value is None or seen and current:
                break
            current = value
            seen = True
            j += 1
            continue
        if word == "و" and seen and j + 1 < len(words) and _word_value(words[j + 1][0]) or \
                word == "و" and seen and _teen_one(words, j + 1):
            j += 1
            continue
        kind = _word_value(word)
        if kind is None and _teen_one(words, j):
            kind = ("unit", 1)
        if kind is None:
            break
        tag, value = kind
        if tag == "unit" and value != 10 and current and current < 10:
            break  # two units in a row ("ثلاثة أربعة") are two numbers
        if tag in ("unit", "tens"):
            current += value
        elif tag == "hundreds":
            current = current * 100 if 0 < current < 10 and value == 100 else current + value
        else:
            multiplier, alone = value
            if current:
                total += current * multiplier
            elif alone is not None:
                total += alone
            elif not seen:
                return None  # "آلاف" alone is vague, not a value
            else:
                total = (total or 1) * multiplier
            current = 0
        seen = True
        j += 1
    if not seen:
        return None
    return total + current, j


def _teen_one(words: list[tuple[str, int, int]], j: int) -> bool:
    """Whether ``words[j]`` is the «أحد» / «إحدى» of eleven (followed by «عشر»)."""
    return j + 1 < len(words) and words[j][0] in TEEN_ONE and words[j + 1][0] in ("عشر", "عشره")


def _trailing_qualifier(words: list[tuple[str, int, int]], j: int, after_noun: bool) -> str | None:
    """A qualifier written after the number, at ``words[j]`` («قتل 50 على الأقل»), or after its
    noun when ``words[j]`` is the noun («تسعة أشخاص على الأقل»)."""
    for start in (j, j + 1) if after_noun else (j,):
        following = tuple(w for w, _, _ in words[start:start + 2])
        for name, phrases in TRAILING_QUALIFIERS.items():
            if following in phrases:
                return name
    return None


def _qualifier(before: str) -> str | None:
    tail = before[-20:].strip()
    for name, phrases in QUALIFIERS.items():
        if tail.endswith(phrases):
            return name
    return None
