"""What a number in Arabic text counts or measures, so that two numbers can be compared.

``quantities("مقتل 1300 مدني خلال 8 ساعات")`` → a count of «مدني» (key ``count:مدن``) and a
duration (key ``duration``, value 8 in hours). Two quantities are comparable only when their
keys are equal: the same counted noun (after clitics, plural and relative-adjective suffixes
and a few irregular plurals are folded: «مدنيين» = «مدني», «أطفال» = «طفل», «قتلى» = «قتيل»),
or the same unit — durations (in hours), percentages, a currency. Qualifiers are honoured by
``compatible``: «أكثر من 1000» is met by 1300, «نحو 300» by 310.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from burhan.text.normalize import needs_nfkc, normalize, normalize_with_offsets
from burhan.text.numbers import NumberMention, extract_numbers

# irregular plurals and variants of the nouns that casualty and event counts use
_LEMMAS = {
    "اطفال": "طفل", "قتلي": "قتيل", "مقتل": "قتيل", "جرحي": "جريح", "اشخاص": "شخص", "جنود": "جندي",
    "عناصر": "عنصر", "صواريخ": "صاروخ", "براميل": "برميل", "منازل": "منزل", "مدن": "مدينه", "قري": "قريه",
    "نساء": "امراه", "رجال": "رجل", "معتقلين": "معتقل", "اسري": "اسير", "شهداء": "شهيد", "ضحايا": "ضحيه",
    "غارات": "غاره", "لاجئين": "لاجئ", "نازحين": "نازح", "مسلحين": "مسلح", "مقاتلين": "مقاتل",
    "عائلات": "عائله", "اسر": "اسره", "مستشفيات": "مستشفي", "مدارس": "مدرسه", "طائرات": "طائره",
}
# units, in the base unit of their kind (hours for durations)
_UNITS = {
    "duration": {"دقيقه": 1 / 60, "دقائق": 1 / 60, "ساعه": 1, "ساعات": 1, "يوم": 24, "يوما": 24, "ايام": 24,
                 "اسبوع": 168, "اسبوعا": 168, "اسابيع": 168, "شهر": 720, "شهرا": 720, "اشهر": 720,
                 "شهور": 720, "عام": 8760, "عاما": 8760, "اعوام": 8760, "سنه": 8760, "سنوات": 8760,
                 "سنين": 8760},
    "percent": {"بالمئه": 1, "بالمائه": 1, "المئه": 1, "المائه": 1, "%": 1},
    "money:dollar": {"دولار": 1, "دولارا": 1, "دولارات": 1},
    "money:lira": {"ليره": 1, "ليرات": 1},
    "money:euro": {"يورو": 1},
    "distance": {"كيلومتر": 1, "كيلومترا": 1, "كيلومترات": 1, "كم": 1, "متر": 0.001, "مترا": 0.001,
                 "امتار": 0.001, "ميل": 1.609, "اميال": 1.609},
}
_UNIT_OF = {normalize(word): (kind, factor) for kind, table in _UNITS.items() for word, factor in table.items()}
# other number nouns that are neither counts of things nor units worth comparing
_NOT_COUNTS = {normalize(w) for w in "مره مرات المرتبه الدرجه".split()}
_CLITICS = ("وال", "بال", "فال", "لل", "ال", "وب", "ول", "و", "ب", "ل", "ف")
_NEXT_WORD = re.compile(r"\s*([^\W\d_]+)")
_PERCENT_SIGN = re.compile(r"\s*[%٪]")
# a unit with no number: the dual («عامين» = 2 years), or one unit after «لمدة» / «منذ» («لمدة شهر»)
_DUALS = {normalize(w): (normalize(u), 2) for w, u in (
    ("ساعتين", "ساعة"), ("ساعتان", "ساعة"), ("يومين", "يوم"), ("يومان", "يوم"), ("أسبوعين", "أسبوع"),
    ("أسبوعان", "أسبوع"), ("شهرين", "شهر"), ("شهران", "شهر"), ("عامين", "عام"), ("عامان", "عام"),
    ("سنتين", "سنة"), ("سنتان", "سنة"))}
_BARE_UNIT = re.compile(r"(?<!\w)(?:لمده|منذ|طيله|طوال)\s+(?:ال)?([^\W\d_]+)")
_WORD = re.compile(r"[^\W\d_]+")
_DUAL_FORMS = frozenset(_DUALS) | {clitic + dual for clitic in "وبل" for dual in _DUALS}  # as written


@dataclass(frozen=True)
class Quantity:
    """A number with what it counts or measures. ``key`` is ``count:<noun>``, ``duration``,
    ``percent``, ``distance`` or ``money:<currency>``; ``value`` is in the key's base unit."""

    key: str
    value: float
    mention: NumberMention
    noun: str  # the head noun or unit as written


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


def _without_clitics(word: str) -> list[str]:
    return [word] + [word[len(c):] for c in _CLITICS if word.startswith(c) and len(word) - len(c) >= 2]


def unit_of(noun: str | None) -> tuple[str, float] | None:
    """(kind, factor to the base unit) when ``noun`` is a unit: «ساعات» → ("duration", 1)."""
    if not noun:
        return None
    for candidate in _without_clitics(normalize(noun)):
        if candidate in _UNIT_OF:
            return _UNIT_OF[candidate]
    return None


def noun_key(noun: str | None) -> str | None:
    """The comparable form of a count's head noun, or None when it is not a countable noun."""
    if not noun:
        return None
    word = normalize(noun)
    if not word or word in _NOT_COUNTS or unit_of(word) or not ("\u0621" <= word[0] <= "\u064a"):
        return None
    candidates = [c for c in _without_clitics(word) if len(c) >= 3]
    if not candidates:
        return None
    for candidate in candidates:
        if candidate in _LEMMAS:
            return _fold(_LEMMAS[candidate])
    bare = min(candidates, key=len)
    return None if bare in _NOT_COUNTS or unit_of(bare) else _fold(bare)


def head_noun(mention: NumberMention, text: str) -> str | None:
    """The counted noun: the word after the number, or after «من» («ثلاثة آلاف من المدنيين»);
    «%» and «في المئة» name a percentage."""
    if _PERCENT_SIGN.match(text, mention.end):
        return "%"
    if mention.noun and normalize(mention.noun) in ("من", "في"):
        following = _NEXT_WORD.match(text, mention.end)
        following = _NEXT_WORD.match(text, following.end()) if following else None
        if following and (normalize(mention.noun) == "من" or unit_of(following.group(1))):
            return following.group(1)
        return None
    return mention.noun


def quantities(text: str, numbers: list[NumberMention] | tuple[NumberMention, ...] | None = None,
               normal: str | None = None) -> list[Quantity]:
    """The numbers of ``text`` that count a noun or measure in a known unit (years, bare
    numbers and ordinals are left out). ``numbers``: ``extract_numbers(text)`` and ``normal``:
    ``normalize(text)``, if already known."""
    out = []
    for mention in extract_numbers(text) if numbers is None else numbers:
        if unit_of(mention.text) == ("percent", 1):
            continue  # «المئة» of «40 في المئة» is the unit, not a hundred of something
        noun = head_noun(mention, text)
        unit = unit_of(noun)
        if unit:
            out.append(Quantity(unit[0], mention.value * unit[1], mention, noun))
        elif key := noun_key(noun):
            out.append(Quantity(f"count:{key}", mention.value, mention, noun))
    if normal is not None and not needs_nfkc(text) and not _may_hold_duration(normal):
        return out  # without NFKC, ``normalize`` and ``normalize_with_offsets`` give the same form
    return out + _implicit_durations(text, out)


def _may_hold_duration(norm: str) -> bool:
    """Whether the matching form ``norm`` holds a word ``_implicit_durations`` reads: a dual
    (bare or after «و»، «ب»، «ل») or «لمدة …»-like phrase."""
    return not _DUAL_FORMS.isdisjoint(_WORD.findall(norm)) or _BARE_UNIT.search(norm) is not None


def _implicit_durations(text: str, found: list[Quantity]) -> list[Quantity]:
    """Durations written without a number: duals and «لمدة شهر»; spans in the original text."""
    norm, offsets = normalize_with_offsets(text)
    taken = {(q.mention.start, q.mention.end) for q in found}
    out = []
    for m in _WORD.finditer(norm):
        word = m.group()
        if word in _DUAL_FORMS:
            unit, count = _DUALS[word if word in _DUALS else word[1:]]
            kind, factor = _UNIT_OF[unit]
            start, end = offsets[m.start()], offsets[m.end() - 1] + 1
            out.append(Quantity(kind, count * factor, NumberMention(count, text[start:end], start, end,
                                                                   noun=text[start:end]), text[start:end]))
    for m in _BARE_UNIT.finditer(norm):
        unit = unit_of(m.group(1))
        if unit and unit[0] == "duration":
            start, end = offsets[m.start(1)], offsets[m.end(1) - 1] + 1
            if not any(s <= start < e for s, e in taken):
                out.append(Quantity("duration", unit[1], NumberMention(1, text[start:end], start, end,
                                                                      noun=text[start:end]), text[start:end]))
    return out


def quantity_relation(claimed: Quantity, reported: Iterable[Quantity]) -> str | None:
    """How ``reported`` quantities stand to a claimed one: ``"match"`` when one of the same key
    agrees with it, ``"conflict"`` when that key is given only with other values, None when the
    key is not there."""
    same = [r for r in reported if r.key == claimed.key]
    if any(compatible(claimed, r) for r in same):
        return "match"
    return "conflict" if same else None


def compatible(claimed: Quantity, reported: Quantity) -> bool:
    """Whether a reported quantity agrees with a claimed one, given both qualifiers."""
    c, v = claimed.value, reported.value
    cq, rq = claimed.mention.qualifier, reported.mention.qualifier
    if cq == "more_than":
        return v >= c * 0.95 or rq == "more_than"
    if cq == "less_than":
        return v <= c * 1.05 or rq == "less_than"
    if rq == "more_than":
        return c >= v * 0.95
    if rq == "less_than":
        return c <= v * 1.05
    tolerance = 0.15 if "about" in (cq, rq) else 0.05
    return abs(c - v) <= tolerance * max(c, v)
