"""Words that decide whether two sentences say the same thing: negations, denials,
reporting verbs, and predicates with their antonyms (ستواصل / أوقفت، فشلت / نجحت …).

Every entry is in the matching form (``normalize``). ``predicate_sides(text)`` finds the
antonym groups a text uses: ``{"continue_stop": {"+"}}`` for «روسيا ستواصل عملياتها»,
``{"continue_stop": {"-"}}`` for «روسيا أوقفت عملياتها». A word is looked up as written and
without a leading conjunction, preposition or future prefix (و، ف، ب، ل، س).

``predicate_cores(text)`` says which words a text negates: the cores of the words right after
a negation («لم تخرج» → «خرج») and of the other words («خرجت» → «خرج»), so that a claim
negating what a sentence asserts can be seen for any verb, not only the antonym groups.
"""

from __future__ import annotations

import re
from functools import lru_cache

from burhan.text.normalize import normalize

# ليس in every person, number and gender (the duals «ليسا»، «ليستا»: «موسكو ودمشق ليستا مسؤولتين»)
NEGATIONS = frozenset(normalize(w) for w in
                      "لا لم لن ليس ليست ليسا ليستا ليسوا لسن لست لستما لستم لستن لسنا غير عدم".split())
DENIALS = frozenset(normalize(w) for w in "نفى نفت ينفي تنفي نفوا ننفي نفي كذب كذبت يكذب تكذب".split())
REPORTING = tuple(normalize(w) for w in ("قال", "أعلن", "أكد", "أوضح", "ذكر", "صرح", "أفاد"))
REPORTING_FEMININE = tuple(normalize(w) for w in ("قالت", "أعلنت", "أكدت", "أوضحت", "ذكرت", "صرحت", "أفادت"))

# group: (forms that say it, forms that say the opposite)
ANTONYMS: dict[str, tuple[str, str]] = {
    "continue_stop": ("واصل واصلت يواصل تواصل نواصل مواصله استمر استمرت يستمر تستمر استمرار",
                      "اوقف اوقفت يوقف توقف توقفت يتوقف تتوقف ايقاف وقف اوقفوا انهى انهت ينهي تنهي"),
    "succeed_fail": ("نجح نجحت ينجح تنجح نجاح تمكن تمكنت يتمكن تتمكن",
                     "فشل فشلت يفشل تفشل فشلوا اخفق اخفقت يخفق تخفق اخفاق"),
    "rise_fall": ("ارتفع ارتفعت يرتفع ترتفع ارتفاع زاد زادت يزيد تزيد ازداد ازدادت زياده",
                  "انخفض انخفضت ينخفض تنخفض انخفاض تراجع تراجعت يتراجع تتراجع هبط هبطت تهبط نقص"),
    "win_lose": ("فاز فازت يفوز تفوز فوز انتصر انتصرت",
                 "خسر خسرت يخسر تخسر خساره هزم هزمت انهزم"),
    "take_leave": ("سيطر سيطرت يسيطر تسيطر سيطره استعاد استعادت يستعيد تستعيد استعاده تقدم تقدمت",
                   "انسحب انسحبت ينسحب تنسحب انسحاب"),
    "accept_refuse": ("وافق وافقت يوافق توافق موافقه قبل قبلت يقبل تقبل",
                      "رفض رفضت يرفض ترفض رفضوا"),
    "welcome_condemn": ("رحب رحبت يرحب ترحب ترحيب",
                        "ندد نددت يندد تندد تنديد ادان ادانت يدين تدين ادانه استنكر استنكرت"),
    "confirm_deny": ("اكد اكدت يؤكد تؤكد تاكيد",
                     "نفى نفت ينفي تنفي نفي نفوا كذب كذبت"),
    "open_close": ("فتح فتحت يفتح تفتح افتتح افتتحت افتتاح",
                   "اغلق اغلقت يغلق تغلق اغلاق"),
    "release_arrest": ("افرج افرجت يفرج تفرج الافراج",
                       "اعتقل اعتقلت يعتقل تعتقل اعتقال"),
    "attend_boycott": ("شارك شاركت يشارك تشارك مشاركه حضر حضرت",
                       "قاطع قاطعت يقاطع تقاطع مقاطعه"),
}
_SIDES: dict[str, tuple[str, str]] = {}
for _group, (_plus, _minus) in ANTONYMS.items():
    for _word in _plus.split():
        _SIDES[normalize(_word)] = (_group, "+")
    for _word in _minus.split():
        _SIDES[normalize(_word)] = (_group, "-")
_PREFIXES = ("وس", "فس", "و", "ف", "ب", "ل", "س")
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1 << 16)  # pure functions of a word, asked for every word of every sentence aligned
def _lookup(word: str) -> tuple[str, str] | None:
    if word in _SIDES:
        return _SIDES[word]
    for prefix in _PREFIXES:
        if word.startswith(prefix) and word[len(prefix):] in _SIDES:
            return _SIDES[word[len(prefix):]]
    return None


def words(text: str) -> list[str]:
    return words_of_normal(normalize(text))


def words_of_normal(normal: str) -> list[str]:
    """``words`` of a text already in its matching form."""
    return _WORD.findall(normal)


def predicate_sides(text: str) -> dict[str, set[str]]:
    """The antonym groups ``text`` uses, each with the side(s) it takes (``+``, ``-``). A
    predicate right after a negation («لم ينجح», «لن تواصل») takes the other side."""
    return sides_of_words(words(text))


def sides_of_words(tokens: list[str] | tuple[str, ...]) -> dict[str, set[str]]:
    """``predicate_sides`` of a text's ``words``."""
    found: dict[str, set[str]] = {}
    for i, word in enumerate(tokens):
        hit = _lookup(word)
        if hit:
            group, side = hit
            if i and tokens[i - 1] in NEGATIONS:
                side = "-" if side == "+" else "+"
            found.setdefault(group, set()).add(side)
    return found


def negation_count(text: str) -> int:
    """Negations and denial verbs in ``text``."""
    return sum(1 for w in words(text) if w in NEGATIONS or w in DENIALS)


_CORE_PREFIXES = ("وس", "فس", "و", "ف", "س")
_CORE_SUFFIXES = ("وا", "ون", "ين", "ان", "ها", "ت", "ه")
MIN_CORE = 3


@lru_cache(maxsize=1 << 16)
def predicate_core(word: str) -> str:
    """A matching-form word without its conjunction, future prefix, imperfect prefix and one
    inflection suffix: «ستكون» and «تكون» → «كون», «خرجت» and «تخرج» → «خرج». Crude on purpose:
    it is compared only between a negated word and an asserted one."""
    for prefix in _CORE_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= MIN_CORE:
            word = word[len(prefix):]
            break
    if len(word) > MIN_CORE and word[0] in "يتن":
        word = word[1:]
    for suffix in _CORE_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_CORE:
            return word[: -len(suffix)]
    return word


def predicate_cores(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """(cores of the words right after a negation, cores of the words not after one); words of
    under ``MIN_CORE`` letters and the negations themselves are left out."""
    return cores_of_words(words(text))


def cores_of_words(tokens: list[str] | tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """``predicate_cores`` of a text's ``words``."""
    negated, asserted = set(), set()
    for i, word in enumerate(tokens):
        if word in NEGATIONS or len(word) < MIN_CORE:
            continue
        (negated if i and tokens[i - 1] in NEGATIONS else asserted).add(predicate_core(word))
    return frozenset(negated), frozenset(asserted)
