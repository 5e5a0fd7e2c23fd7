"""Checkable facts of a claim against evidence sentences: counts, places, dates.

Counts are compared only when both sides count the same thing (the same head noun, after
clitics, plural forms and a few irregular plurals are folded: «مدنيين» = «مدني»,
«أطفال» = «طفل», «قتلى» = «قتيل»). Qualifiers are honoured: «أكثر من 1000» is met by 1300,
«نحو 300» by 310. Durations and percentages are not counts of events and are left alone.

A count of the same noun is *context*, not a conflict, when it is a part of a total
(«بينهم 40 مدنيا», «منهم 12») or when the same article also states the claimed count: then
its other counts of that noun are sub-totals or other periods («1300 مدني خلال نوفمبر … 675
مدنيا قتلوا في غارات»), not another figure for the same thing.
"""

from __future__ import annotations

import re
from datetime import date

from burhan.domain import NumberCheck
from burhan.text.dates import extract_dates
from burhan.text.normalize import normalize
from burhan.text.numbers import NumberMention, extract_numbers

# irregular plurals and variants of the nouns that casualty and event counts use
_LEMMAS = {
    "اطفال": "طفل", "قتلي": "قتيل", "مقتل": "قتيل", "جرحي": "جريح", "اشخاص": "شخص", "جنود": "جندي",
    "عناصر": "عنصر", "صواريخ": "صاروخ", "براميل": "برميل", "منازل": "منزل", "مدن": "مدينه", "قري": "قريه",
    "نساء": "امراه", "رجال": "رجل", "معتقلين": "معتقل", "اسري": "اسير", "شهداء": "شهيد", "ضحايا": "ضحيه",
    "غارات": "غاره", "لاجئين": "لاجئ", "نازحين": "نازح", "مسلحين": "مسلح", "مقاتلين": "مقاتل",
    "عائلات": "عائله", "اسر": "اسره", "مستشفيات": "مستشفي", "مدارس": "مدرسه", "طائرات": "طائره",
}
# nouns of numbers that are not counts of people or events
_NOT_COUNTS = {normalize(w) for w in (
    "ساعة ساعات يوم يوما أيام أسبوع أسابيع شهر شهرا أشهر شهور عام عاما أعوام سنة سنوات دقيقة دقائق ثانية "
    "بالمئة بالمائة في المئة المئة المائة % مرة مرات كيلومتر كم متر ميل دولار دولارا ليرة يورو"
).split()}
_CLITICS = ("وال", "بال", "فال", "لل", "ال", "وب", "ول", "و", "ب", "ل", "ف")
_NEXT_WORD = re.compile(r"\s*([^\W\d_]+)")
# «بينهم 40 طفلا», «من بينهم 12», «منهم 5»: the number is a part of a total just given
_PARTITIVE = {normalize(w) for w in "بينهم بينها بينهن منهم منها منهن".split()}
_WORDS_BEFORE = re.compile(r"([^\W\d_]+)\W*$")


def _fold(word: str) -> str:
    """Case ending, plural and relative-adjective suffixes off: مدنيا، مدنيين، مدني → مدن."""
    if len(word) > 3 and word.endswith("ا"):
        word = word[:-1]
    for suffix in ("ين", "ون", "ات"):
        if len(word) > 4 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word[-1] in "يه":
        word = word[:-1]
    return word


def noun_key(noun: str | None) -> str | None:
    """The comparable form of a count's head noun, or None when it is not a countable noun."""
    if not noun:
        return None
    word = normalize(noun)
    if not word or word in _NOT_COUNTS or not ("\u0621" <= word[0] <= "\u064a"):
        return None
    candidates = [word] + [word[len(c):] for c in _CLITICS if word.startswith(c) and len(word) - len(c) >= 3]
    for candidate in candidates:
        if candidate in _LEMMAS:
            return _fold(_LEMMAS[candidate])
    bare = min(candidates, key=len)
    return None if bare in _NOT_COUNTS else _fold(bare)


def head_noun(mention: NumberMention, text: str) -> str | None:
    """The counted noun: the word after the number, or after «من» («ثلاثة آلاف من المدنيين»)."""
    if mention.noun and normalize(mention.noun) == "من":
        following = _NEXT_WORD.match(text, mention.end)
        following = _NEXT_WORD.match(text, following.end()) if following else None
        return following.group(1) if following else None
    return mention.noun


def compatible(claimed: NumberMention, reported: NumberMention) -> bool:
    """Whether a reported count agrees with a claimed one, given both qualifiers."""
    c, v = claimed.value, reported.value
    if claimed.qualifier == "more_than":
        return v >= c * 0.95 or reported.qualifier == "more_than"
    if claimed.qualifier == "less_than":
        return v <= c * 1.05 or reported.qualifier == "less_than"
    if reported.qualifier == "more_than":
        return c >= v * 0.95
    if reported.qualifier == "less_than":
        return c <= v * 1.05
    tolerance = 0.15 if "about" in (claimed.qualifier, reported.qualifier) else 0.05
    return abs(c - v) <= tolerance * max(c, v)


def claim_counts(claim: str) -> list[tuple[NumberMention, str]]:
    """The claim's counts with their noun keys (numbers without a countable noun are skipped)."""
    return [(m, key) for m in extract_numbers(claim) if (key := noun_key(head_noun(m, claim)))]


def _is_part(mention: NumberMention, text: str) -> bool:
    """Whether the number follows a partitive word («بينهم», «منهم»)."""
    before = _WORDS_BEFORE.search(text[: mention.start])
    return bool(before) and normalize(before.group(1)) in _PARTITIVE


def compare_counts(claim: str, article_id: int, sentences: list[tuple[int, str]]) -> list[NumberCheck]:
    """Every count in ``sentences`` about a noun the claim counts: a match, a conflict, or
    context (a part of a total, or another count in an article that states the claimed one)."""
    counts = claim_counts(claim)
    if not counts:
        return []
    found = [(index, text, reported, noun_key(head_noun(reported, text)))
             for index, text in sentences for reported in extract_numbers(text)]
    checks = []
    for claimed, claim_key in counts:
        same_noun = [(index, text, reported) for index, text, reported, key in found if key == claim_key]
        states_claim = any(compatible(claimed, reported) for _, _, reported in same_noun)
        for index, text, reported in same_noun:
            if compatible(claimed, reported):
                relation = "match"
            elif states_claim or _is_part(reported, text):
                relation = "context"
            else:
                relation = "conflict"
            checks.append(NumberCheck(
                relation=relation, noun=head_noun(claimed, claim),
                claim_value=claimed.value, claim_text=f"{claimed.text} {head_noun(claimed, claim)}",
                evidence_value=reported.value, evidence_text=f"{reported.text} {head_noun(reported, text)}",
                article_id=article_id, sentence_index=index, sentence=text,
            ))
    return sorted(checks, key=lambda c: (c.sentence_index, c.claim_value))


def parse_iso(value: str | None) -> date | None:
    """``YYYY-MM-DD``, ``YYYY-MM`` (first day) or a datetime string's date part; else None."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        if len(parts) == 3:
            return date(int(parts[0]), int(parts[1]), int(parts[2]))
        if len(parts) == 2:
            return date(int(parts[0]), int(parts[1]), 1)
    except ValueError:
        return None
    return None


def claim_event_date(claim: str, given: str | None = None) -> date | None:
    """When the claimed event happened: ``given`` if set, else the claim's first date with a
    year and a month. Evidence published before it cannot confirm the claim."""
    if given:
        return parse_iso(given)
    for mention in extract_dates(claim):
        if mention.year and mention.month:
            return date(mention.year, mention.month, mention.day or 1)
    return None
