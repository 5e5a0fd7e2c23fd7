"""Checkable facts of a claim against evidence sentences: counts and quantities, dates.

Numbers are compared only when both sides count or measure the same thing
(``burhan.text.quantities``): the same head noun, or the same unit — durations («8 ساعات»
against «30 ساعة»), percentages, sums in one currency, distances — **in the same slot**: the
words around the two share a root besides the noun's (``TextAnalysis.quantity_contexts``). «تم أسر
اثنين من الجنود الروس» is not contradicted by «مقتل 80 من جنود قوات النظام» (another event), nor
«معركة دامت أربعة أشهر» by «منذ استيلائه على المدينة قبل أكثر من 4 سنوات»; «مقتل 3000 مدني في
سوريا» is by «بمقتل 1300 مدني في سوريا». A count of the same noun or unit outside the slot is
listed as *context*: shown, never weighed. So is one in a sentence that names another period,
source or place — a year, a month, an actor or a place of its own and none of the claim's
(``burhan.stance.alignment.circumstance_clashes``): «المرصد السوري: مقتل 1300 مدني خلال نوفمبر» neither
confirms «مقتل 1300 مدني خلال أكتوبر» nor «الأمم المتحدة: مقتل 1300 مدني», «… 900 مدني خلال
أكتوبر» does not contradict «… 1300 مدني خلال نوفمبر», nor «قتل 409 مدنيين … على شرق حلب» (a part,
where the gazetteer does not nest Aleppo in Syria) «مقتل 1300 مدني في سوريا».

A quantity of the same key is *context*, not a conflict, when it is a part of a total
(«بينهم 40 مدنيا», «منهم 12») or when the same article also states the claimed value: then
its other values are sub-totals or other periods («1300 مدني خلال نوفمبر … 675 مدنيا قتلوا
في غارات»), not another figure for the same thing.
"""

from __future__ import annotations

import re
from datetime import date

from burhan.domain import NumberCheck
from burhan.stance.alignment import circumstance_clashes
from burhan.text.dates import extract_dates
from burhan.text.normalize import normalize
from burhan.text.numbers import NumberMention
from burhan.text.analysis import analyse
from burhan.text.quantities import compatible, quantity_relation

# «بينهم 40 طفلا», «من بينهم 12», «منهم 5»: the number is a part of a total just given
_PARTITIVE = {normalize(w) for w in "بينهم بينها بينهن منهم منها منهن".split()}
_WORDS_BEFORE = re.compile(r"([^\W\d_]+)\W*$")


def _is_part(mention: NumberMention, text: str) -> bool:
    """Whether the number follows a partitive word («بينهم», «منهم»)."""
    before = _WORDS_BEFORE.search(text[: mention.start])
    return bool(before) and normalize(before.group(1)) in _PARTITIVE


def compare_counts(claim: str, article_id: int, sentences: list[tuple[int, str]]) -> list[NumberCheck]:
    """Every quantity in ``sentences`` of a key the claim has: in the same slot a match, a
    conflict, or context (a part of a total, or another value in an article that states the
    claimed one); outside it, or in a sentence of another period, source or place, context
    (another event: listed, not weighed)."""
    claim_analysis = analyse(claim)
    if not claim_analysis.quantities:
        return []
    claimed_keys = {q.key for q in claim_analysis.quantities}
    # the sentences with a quantity of a claimed key, each with whether it speaks of another
    # period, source or place (then none of its quantities is in the claimed one's slot)
    candidates = []
    for index, text in sentences:
        analysed = analyse(text)
        if any(q.key in claimed_keys for q in analysed.quantities):
            candidates.append((index, text, analysed, any(circumstance_clashes(claim_analysis, analysed))))
    checks = []
    for claimed, claimed_context in zip(claim_analysis.quantities, claim_analysis.quantity_contexts):
        same_key = []  # (sentence index, text, reported quantity, whether in the claimed one's slot)
        for index, text, analysed, elsewhere in candidates:
            found = [reported for reported in analysed.quantities if reported.key == claimed.key]
            # the roots around a sentence's counts are read only where one is of the claimed key
            in_slot = [] if elsewhere or not found else analysed.quantities_in_slot(claimed_context)
            same_key += [(index, text, reported, reported in in_slot) for reported in found]
        states_claim = quantity_relation(claimed, [reported for _, _, reported, slot in same_key if slot]) == "match"
        for index, text, reported, same_slot in same_key:
            if not same_slot:
                relation = "context"  # the same noun or unit in another event, period, source or place
            elif compatible(claimed, reported):
                relation = "match"
            elif states_claim or (_is_part(reported.mention, text) and not _is_part(claimed.mention, claim)):
                relation = "context"  # a part of a total is context, unless the claim gives that part too
            else:
                relation = "conflict"
            checks.append(NumberCheck(
                relation=relation, noun=claimed.noun,
                claim_value=claimed.mention.value, claim_text=f"{claimed.mention.text} {claimed.noun}",
                evidence_value=reported.mention.value, evidence_text=f"{reported.mention.text} {reported.noun}",
                article_id=article_id, sentence_index=index, sentence=text, kind=claimed.key.split(":")[0],
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
