"""Explicit alignment of a claim with one evidence sentence: what an encoder misses.

Sentence encoders place «روسيا ستواصل عملياتها في حلب» and «روسيا أوقفت عملياتها في حلب»
side by side; a fact-checker reads a contradiction. These features say where the two
sentences line up and where they clash, each as a plain number:

- overlap: the share of the claim's stems the sentence holds, Jaccard, shared bigrams;
- predicates: antonym groups taken on opposite sides (ستواصل / أوقفت، فشلت / نجحت …, a
  negation right before a predicate flips it), a failure or denial on one side only,
  negations on one side only, and a word one side negates that the other asserts («لم تخرج» /
  «خرجت»: ``burhan.text.predicates.predicate_cores``);
- quantities: counts of the same noun and measures in the same unit (``burhan.text.quantities``)
  that match or conflict — one claimed count the sentence gives otherwise is a conflict even
  when another count matches (a claim half right is not supported);
- places, years and months named on both sides and disjoint; an actor of the claim (a person
  or organisation of ``burhan.text.actors``) absent from a sentence that names another;

Each clash is also given multiplied by the overlap: a clash only means a contradiction when
the sentence is about the claim.
"""

from __future__ import annotations

import numpy as np

from burhan.text.analysis import TextAnalysis, analyse
from burhan.text.normalize import normalize
from burhan.text.places import same_place
from burhan.text.predicates import DENIALS, NEGATIONS
from burhan.text.quantities import quantity_relation
from burhan.text.tokens import analyze

REFUTE_PHRASES = tuple(normalize(w) for w in (
    "غير صحيح", "غير صحيحة", "لا صحة", "عار عن الصحة", "عارية عن الصحة", "لا أساس", "شائعة", "شائعات",
    "مفبرك", "مفبركة", "ملفق", "ملفقة", "زائف", "زائفة", "مضلل", "مضللة", "كاذب", "كاذبة", "إشاعة",
))

CLASHES = ("antonym_conflict", "failure_one_side", "negation_mismatch", "negated_predicate", "denial_in_sentence",
           "quantity_conflict", "place_conflict", "year_conflict", "month_conflict", "actor_conflict")
FEATURE_NAMES = ("coverage", "jaccard", "bigram", "sentence_extra", "antonym_same", "quantity_match",
                 "claim_has_quantity", "place_match", "refute_phrase", "question") + CLASHES + \
    tuple(f"{name}_x_coverage" for name in CLASHES)


def _quantity_relation(claim: TextAnalysis, sentence: TextAnalysis) -> tuple[float, float, float]:
    """(matched, conflicting, the claim has quantities): a conflict is a claimed quantity
    whose key the sentence gives only with other values."""
    relations = [quantity_relation(c, sentence.quantities) for c in claim.quantities]
    return float(relations.count("match")), float(relations.count("conflict")), float(bool(claim.quantities))


def unmatched_places(claim: TextAnalysis, sentence: TextAnalysis) -> tuple[list[str], list[str]]:
    """The claim's places the sentence does not name, and the sentence's the claim does not
    (one inside the other counts as named: «شرق حلب», «حلب»)."""
    return ([p for p in claim.places if not any(same_place(p, q) for q in sentence.places)],
            [q for q in sentence.places if not any(same_place(p, q) for p in claim.places)])


def circumstance_clashes(claim: TextAnalysis, sentence: TextAnalysis,
                         unmatched: tuple[list[str], list[str]] | None = None) -> tuple[bool, bool, bool, bool]:
    """(year, month, actor, place): whether the sentence names a year, a month, an actor (a person
    or organisation), a place of its own and none of the claim's — it speaks of another period,
    source or place (a place inside the claim's, when the gazetteer does not nest them: a part).
    ``unmatched``: ``unmatched_places(claim, sentence)`` when already made."""
    unmatched_claim, unmatched_sentence = unmatched or unmatched_places(claim, sentence)
    return (bool(claim.years and sentence.years and not claim.years & sentence.years),
            bool(claim.months and sentence.months and not claim.months & sentence.months),
            bool(claim.actors - sentence.actors and sentence.actors - claim.actors),
            bool(unmatched_claim and unmatched_sentence))


def event_stems(claim: TextAnalysis) -> frozenset[str]:
    """The claim's stems outside the names of its places and actors: what it says happened, to
    what, how many and when («لافروف: روسيا ستواصل عملياتها في شرق حلب» → {ستواصل، عمل})."""
    names = analyze(" ".join((*claim.places, *claim.actors)))
    return frozenset(claim.stems) - frozenset(names)


def holds_event(claim_text: str, sentence_text: str) -> bool:
    """Whether ``sentence_text`` holds one of the claim's ``event_stems`` at least (or the claim
    names nothing else): a sentence with the claim's actor and place and none of its event speaks
    of another fact («أكد لافروف أن الولايات المتحدة رفضت إرسال وفد عسكري …» against «لافروف: روسيا
    ستواصل عملياتها في شرق حلب»)."""
    event = event_stems(analyse(claim_text))
    return not event or not event.isdisjoint(analyse(sentence_text).stems)


def holds_numbers(claim_text: str, sentence_text: str) -> bool:
    """Whether ``sentence_text`` gives every number ``claim_text`` gives (the same values, whatever
    their nouns): a sentence that holds all of a claim's words but its number («لليوم العشرين»
    against «لليوم الثلاثين») does not state it."""
    given = {n.value for n in analyse(sentence_text).numbers}
    return all(n.value in given for n in analyse(claim_text).numbers)


def alignment_features(claim_text: str, sentence_text: str) -> np.ndarray:
    claim, sentence = analyse(claim_text), analyse(sentence_text)
    claim_stems, sentence_stems = claim.stems, sentence.stems
    a, b = set(claim_stems), set(sentence_stems)
    coverage = len(a & b) / max(1, len(a))
    jaccard = len(a & b) / max(1, len(a | b))
    claim_bigrams = set(zip(claim_stems, claim_stems[1:]))
    bigram = len(claim_bigrams & set(zip(sentence_stems, sentence_stems[1:]))) / max(1, len(claim_bigrams))
    extra = len(b - a) / max(1, len(b))

    claim_sides, sentence_sides = claim.predicate_sides, sentence.predicate_sides
    shared = claim_sides.keys() & sentence_sides.keys()
    antonym_conflict = sum(1 for g in shared if not claim_sides[g] & sentence_sides[g])
    antonym_same = sum(1 for g in shared if claim_sides[g] & sentence_sides[g])
    fails = [("-" in sides.get("succeed_fail", ())) or ("-" in sides.get("confirm_deny", ()))
             for sides in (claim_sides, sentence_sides)]
    negated = [sum(1 for w in side.words if w in NEGATIONS) for side in (claim, sentence)]
    (claim_negated, claim_asserted), (sentence_negated, sentence_asserted) = claim.predicate_cores, \
        sentence.predicate_cores
    negated_predicate = float(bool(claim_negated & (sentence_asserted - sentence_negated)
                                   or sentence_negated & (claim_asserted - claim_negated)))
    denial = float(any(w in DENIALS for w in sentence.words) and not any(w in DENIALS for w in claim.words))
    refute_phrase = float(any(p in sentence.normal for p in REFUTE_PHRASES))

    matched, conflicting, has_quantity = _quantity_relation(claim, sentence)
    unmatched = unmatched_places(claim, sentence)
    place_match = float(len(unmatched[0]) < len(claim.places))
    # a year, month, actor or place of the sentence's own, where it names none of the claim's
    year_conflict, month_conflict, actor_conflict, place_conflict = map(
        float, circumstance_clashes(claim, sentence, unmatched))

    clashes = [float(antonym_conflict), float(fails[0] != fails[1]), float((negated[0] > 0) != (negated[1] > 0)),
               negated_predicate, denial, float(conflicting > 0), place_conflict, year_conflict, month_conflict,
               actor_conflict]
    values = [coverage, jaccard, bigram, extra, float(antonym_same), matched, has_quantity, place_match,
              refute_phrase, float("?" in sentence_text or "؟" in sentence_text)] + clashes + [c * coverage for c in clashes]
    return np.asarray(values, dtype=np.float32)


def alignment_matrix(claims: list[str], sentences: list[str]) -> np.ndarray:
    if not claims:
        return np.zeros((0, len(FEATURE_NAMES)), dtype=np.float32)
    return np.vstack([alignment_features(c, s) for c, s in zip(claims, sentences)])
