"""Synthetic claim ↔ evidence pairs made from real Arabic news sentences (seeded).

The evidence is always the real sentence, unchanged; the claim is an edit of it:

- **refutes**: a count changed with its head noun kept («1300 مدني» → «2600 مدني»), a
  duration, percentage or sum changed with its unit kept, a year or a month changed, a place
  swapped for another place of the gazetteer, a known actor swapped for another, negation
  toggled («ستواصل» → «لن تواصل», «لم يتمكن» → «يتمكن», «أكد» ↔ «نفى»), a predicate replaced by
  its antonym (``burhan.text.predicates.ANTONYMS``: ستواصل / أوقفت، فشلت / نجحت …);
- **supports**: a trailing clause dropped, a reporting verb swapped (قال / أكد / أعلن), a number
  written in digits instead of words or the reverse, the sentence's own opening words;
- **neutral**: another sentence of the same article (same topic, another fact) that holds
  under half of the claim's stems.

Half of the refuting claims also get a meaning-preserving edit (a clause dropped, the opening
words, a reporting verb swapped), so that a contradiction is learnt on claims that paraphrase
their evidence, not only on near-copies of it.

``synthetic_pairs(groups, per_kind, seed)`` takes sentences grouped by article and returns
``SyntheticPair``s; the same input and seed give the same pairs.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from burhan.text.actors import ACTOR_PATTERN, ACTORS, VARIANTS
from burhan.text.normalize import arabic_ratio, normalize, normalize_with_offsets
from burhan.text.numbers import extract_numbers
from burhan.text.places import _GAZETTEER, extract_places
from burhan.text.predicates import ANTONYMS, REPORTING
from burhan.text.quantities import quantities
from burhan.text.tokens import analyze

# an actor swap replaces a person or organisation of ``burhan.text.actors`` with another
_MONTH_WORDS = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
                "نوفمبر", "ديسمبر", "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب",
                "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول")
_NUMBER_WORDS = {2: "اثنين", 3: "ثلاثة", 4: "أربعة", 5: "خمسة", 6: "ستة", 7: "سبعة", 8: "ثمانية", 9: "تسعة",
                 10: "عشرة", 100: "مائة", 200: "مائتي", 1000: "ألف", 2000: "ألفي"}
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
# «ستواصل», «سيتم»; not nouns and names that start the same way (سيارة، سياسة، سيطرة، ستة، ستين، سيرجي)
_FUTURE = re.compile(r"(?<!\w)(س)((?!يا|يط|تة|تين|تا|يرج|يرغ)[تي]\w{3,})")
_NEGATED = re.compile(r"(?<!\w)(لم|لن|لا)\s+([يتأن]\w{2,})")
_CLAUSE = re.compile(r"[،,]\s+|\s+(?:حيث|بعد أن|فيما|بينما|في حين|والتي|الذي|التي)\s+")
_REPORTING_FORMS = ("قال", "أكد", "أعلن", "أوضح", "ذكر")
MIN_WORDS, MAX_WORDS = 7, 45


@dataclass(frozen=True)
class SyntheticPair:
    claim: str
    evidence: str
    label: str  # supports / refutes / neutral
    kind: str  # the edit that made it


def _swap(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def change_count(s: str, rng: random.Random, unit_kinds: bool = False) -> str | None:
    found = [q for q in quantities(s) if q.key.startswith("count:") != unit_kinds and q.mention.value >= 1]
    if not found:
        return None
    q = rng.choice(found)
    value = q.mention.value
    new = rng.choice([value * 2, value * 3, value + max(1, round(value * 0.5)), max(1, round(value / 2))])
    new = int(new) if new != value else int(value) + 7
    return _swap(s, q.mention.start, q.mention.end, str(new))


def change_measure(s: str, rng: random.Random) -> str | None:
    return change_count(s, rng, unit_kinds=True)


def change_date(s: str, rng: random.Random) -> str | None:
    """A year or a month of ``s`` changed (each named date as likely to be picked)."""
    found = [(m.start(), m.end(), str(int(m.group()) + rng.choice([-3, -2, -1, 1, 2, 3]))) for m in _YEAR.finditer(s)]
    for w in _MONTH_WORDS:
        for m in re.finditer(rf"(?<!\w){w}(?!\w)", s):
            found.append((m.start(), m.end(), rng.choice([x for x in _MONTH_WORDS[:12] if x != w])))
    if not found:
        return None
    start, end, new = rng.choice(sorted(found))
    return _swap(s, start, end, new)


def change_place(s: str, rng: random.Random) -> str | None:
    places = extract_places(s)
    if not places:
        return None
    p = rng.choice(places)
    others = [name for name in _GAZETTEER if name != p.place and normalize(name) not in normalize(s)]
    return _swap(s, p.start, p.end, rng.choice(others))


def change_actor(s: str, rng: random.Random) -> str | None:
    norm, offsets = normalize_with_offsets(s)
    present = [(m, VARIANTS[m.group("name")]) for m in ACTOR_PATTERN.finditer(norm)]
    if not present:
        return None
    m, actor = rng.choice(present)
    start, end = offsets[m.start("name")], offsets[m.end("name") - 1] + 1
    return _swap(s, start, end, rng.choice([a for a in ACTORS if a != actor]))


def toggle_negation(s: str, rng: random.Random) -> str | None:
    options = []
    for m in _NEGATED.finditer(s):  # «لن تستقبل» → «ستستقبل», «لم يتمكن» → «يتمكن»
        options.append(_swap(s, m.start(), m.end(), ("س" if m.group(1) == "لن" else "") + m.group(2)))
    for m in _FUTURE.finditer(s):  # «ستواصل» → «لن تواصل»
        options.append(_swap(s, m.start(), m.end(), "لن " + m.group(2)))
    for a, b in (("أكد", "نفى"), ("أكدت", "نفت"), ("نفى", "أكد"), ("نفت", "أكدت")):
        for m in re.finditer(rf"(?<!\w)(و?){a}(?!\w)", s):
            options.append(_swap(s, m.start(), m.end(), m.group(1) + b))
    return rng.choice(options) if options else None


_ANTONYM_FORMS = {}
for _plus, _minus in ANTONYMS.values():
    _p, _m = _plus.split(), _minus.split()
    for _i, _w in enumerate(_p):
        _ANTONYM_FORMS[_w] = [_m[min(_i, len(_m) - 1)]]
    for _i, _w in enumerate(_m):
        _ANTONYM_FORMS[_w] = [_p[min(_i, len(_p) - 1)]]


def swap_antonym(s: str, rng: random.Random) -> str | None:
    options = []
    for m in re.finditer(r"[^\W\d_]+", s):
        word = m.group()
        for prefix in ("", "و", "ف", "س", "وس"):
            bare = normalize(word[len(prefix):]) if word.startswith(prefix) else None
            if bare and bare in _ANTONYM_FORMS and len(word) - len(prefix) >= 3:
                options.append(_swap(s, m.start(), m.end(), prefix + _ANTONYM_FORMS[bare][0]))
                break
    return rng.choice(options) if options else None


def drop_clause(s: str, rng: random.Random) -> str | None:
    cuts = [m.start() for m in _CLAUSE.finditer(s) if len(s[: m.start()].split()) >= 6]
    if not cuts:
        return None
    return s[: rng.choice(cuts)].strip()


def swap_reporting_verb(s: str, rng: random.Random) -> str | None:
    hits = [(m, v) for v in _REPORTING_FORMS for m in re.finditer(rf"(?<!\w)(و?){v}(?!\w)", s)]
    if not hits:
        return None
    m, verb = rng.choice(hits)
    return _swap(s, m.start(), m.end(), m.group(1) + rng.choice([v for v in _REPORTING_FORMS if v != verb]))


def rewrite_number(s: str, rng: random.Random) -> str | None:
    options = []
    for m in extract_numbers(s):
        if not m.text[0].isdigit() and m.value == int(m.value):
            options.append(_swap(s, m.start, m.end, str(int(m.value))))
        elif m.text.isdigit() and int(m.text) in _NUMBER_WORDS:
            options.append(_swap(s, m.start, m.end, _NUMBER_WORDS[int(m.text)]))
    return rng.choice(options) if options else None


def opening_words(s: str, rng: random.Random) -> str | None:
    tokens = s.split()
    return " ".join(tokens[: rng.randint(8, 12)]) if len(tokens) >= 14 else None


def _paraphrased(claim: str, rng: random.Random) -> str:
    """``claim`` with one meaning-preserving edit, if one applies (else unchanged)."""
    for edit in rng.sample([drop_clause, opening_words, swap_reporting_verb], 3):
        edited = edit(claim, rng)
        if edited and len(edited.split()) >= 6:
            return edited
    return claim


REFUTING = {"count": change_count, "measure": change_measure, "date": change_date, "place": change_place,
            "actor": change_actor, "negation": toggle_negation, "antonym": swap_antonym}
SUPPORTING = {"drop_clause": drop_clause, "reporting_verb": swap_reporting_verb, "number_form": rewrite_number,
              "opening": opening_words}


def usable(sentence: str) -> bool:
    n = len(sentence.split())
    return MIN_WORDS <= n <= MAX_WORDS and arabic_ratio(sentence) >= 0.7


def synthetic_pairs(groups: list[list[str]], per_kind: int = 300, seed: int = 13) -> list[SyntheticPair]:
    """At most ``per_kind`` pairs of each edit (and ``per_kind`` × 2 neutral pairs) from the
    usable sentences of ``groups`` (one list of sentences per article)."""
    rng = random.Random(seed)
    groups = [[s.strip() for s in g if usable(s.strip())] for g in groups]
    groups = [g for g in groups if g]
    order = [(gi, si) for gi, g in enumerate(groups) for si in range(len(g))]
    rng.shuffle(order)
    pairs: list[SyntheticPair] = []
    edits = [(k, f, "refutes") for k, f in REFUTING.items()] + [(k, f, "supports") for k, f in SUPPORTING.items()]
    for kind, edit, label in edits:
        made, seen = 0, set()
        for gi, si in order:
            if made >= per_kind:
                break
            sentence = groups[gi][si]
            claim = edit(sentence, rng)
            if claim and label == "refutes" and rng.random() < 0.5:
                paraphrased = _paraphrased(claim, rng)
                if normalize(paraphrased) not in normalize(sentence):  # the paraphrase kept the change
                    claim = paraphrased
            if claim and claim != sentence and claim not in seen and len(claim.split()) >= 5:
                seen.add(claim)
                pairs.append(SyntheticPair(claim, sentence, label, kind))
                made += 1
    made = 0
    for gi, si in order:
        if made >= 2 * per_kind:
            break
        group = groups[gi]
        if len(group) < 3:
            continue
        claim = group[si]
        claim_stems = set(analyze(claim))
        others = [s for s in group if s != claim and 0 < len(claim_stems & set(analyze(s))) < 0.5 * len(claim_stems)]
        if others:
            pairs.append(SyntheticPair(claim, rng.choice(others), "neutral", "same_topic"))
            made += 1
    return pairs
