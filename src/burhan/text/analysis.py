"""One text, analysed once: the object every later stage reads (spaCy's ``Doc`` is the model).

``analyse(text)`` gives the ``TextAnalysis`` of a text — the same object for the same text in
one process (a bounded cache), so that a claim and the sentences of its candidate articles are
analysed once per check however many stages (search, stance features, sentence alignment,
count comparison) look at them. Each part is computed on first use and kept:

- ``normal``: the matching form (``burhan.text.normalize``);
- ``stems``: the search terms (``burhan.text.tokens.analyze``) — stored with every sentence at
  ingest and handed in by the store (``analyse(text, stems=…)``), so they are never recomputed;
- ``words``: normalised words; ``predicate_sides``: antonym predicates and the side taken;
  ``predicate_cores``: the cores of negated and of asserted words;
- ``numbers`` (with head nouns) and ``quantities`` (counts, durations, percentages, sums), with
  ``quantity_contexts``: the roots around each quantity, what the text says of what it counts;
- ``places``, ``actors``, ``years``, ``months``, ``dates``.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from functools import cache, cached_property

from burhan.text.actors import actor_names
from burhan.text.dates import MONTHS, DateMention, extract_dates
from burhan.text.numbers import QUALIFIERS, TRAILING_QUALIFIERS, NumberMention, extract_numbers
from burhan.text.normalize import normalize, normalize_many
from burhan.text.places import places_of_normal
from burhan.text.predicates import cores_of_words, sides_of_words, words_of_normal
from burhan.text.quantities import Quantity, quantities
from burhan.text.tokens import analyze, word_roots

CACHE_SIZE = 200_000
CONTEXT_WORDS = 2  # content words each side of a quantity that say what happened to what it counts
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


class TextAnalysis:
    """The analysis of one text; parts computed on first use (see the module docstring)."""

    def __init__(self, text: str, stems: tuple[str, ...] | list[str] | None = None):
        self.text = text
        if stems is not None:
            self.__dict__["stems"] = tuple(stems)

    def __repr__(self) -> str:
        return f"TextAnalysis({self.text[:40]!r})"

    @cached_property
    def normal(self) -> str:
        return normalize(self.text)

    @cached_property
    def stems(self) -> tuple[str, ...]:
        return tuple(analyze(self.text))

    @cached_property
    def words(self) -> tuple[str, ...]:
        return tuple(words_of_normal(self.normal))

    @cached_property
    def predicate_sides(self) -> dict[str, set[str]]:
        return sides_of_words(self.words)

    @cached_property
    def predicate_cores(self) -> tuple[frozenset[str], frozenset[str]]:
        return cores_of_words(self.words)

    @cached_property
    def numbers(self) -> tuple[NumberMention, ...]:
        return tuple(extract_numbers(self.text, self.normal))

    @cached_property
    def quantities(self) -> tuple[Quantity, ...]:
        return tuple(quantities(self.text, self.numbers, self.normal))

    @cached_property
    def quantity_contexts(self) -> tuple[frozenset[str], ...]:
        """Per quantity, in ``quantities``' order: the roots (``burhan.text.tokens.root_candidates``)
        of the ``CONTEXT_WORDS`` content words before it and after its noun, stop words, numbers,
        the counted noun or unit and the qualifiers («نحو», «أكثر من») left out — «تم أسر اثنين
        من الجنود الروس في سوريا» → {تمم، سرر، روس، سرو}; «مقتل 80 من جنود قوات النظام» → {قتل،
        قوت، نظم}. Two counts of one noun are of the same thing only where these meet
        (``quantities_in_slot``, read by ``burhan.verdict.facts``)."""
        return tuple(_around(self.text, q.mention.start, q.mention.end, q.noun) for q in self.quantities)

    def quantities_in_slot(self, context: frozenset[str]) -> list[Quantity]:
        """This text's quantities whose ``quantity_contexts`` meet ``context`` (another text's
        quantity's): those that speak of the same event."""
        return [q for q, around in zip(self.quantities, self.quantity_contexts) if around & context]

    @cached_property
    def places(self) -> tuple[str, ...]:
        return tuple(places_of_normal(self.normal))

    @cached_property
    def actors(self) -> frozenset[str]:
        return frozenset(actor_names(self.text))

    @cached_property
    def years(self) -> frozenset[str]:
        return frozenset(_YEAR.findall(self.text))

    @cached_property
    def months(self) -> frozenset[int]:
        """Months named by a month word (one or two words: «تشرين الثاني»)."""
        tokens = self.words
        found = {MONTHS[t] for t in tokens if t in MONTHS}
        found |= {MONTHS[f"{a} {b}"] for a, b in zip(tokens, tokens[1:]) if f"{a} {b}" in MONTHS}
        return frozenset(found)

    @cached_property
    def dates(self) -> tuple[DateMention, ...]:
        return tuple(extract_dates(self.text))


# «نحو»، «أكثر من»، «على الأقل»: how exact a number is, not what happened to what it counts
_QUALIFIER_WORDS = " ".join([*(p for ps in QUALIFIERS.values() for p in ps),
                             *(w for ts in TRAILING_QUALIFIERS.values() for t in ts for w in t)])


def _around(text: str, start: int, end: int, noun: str | None) -> frozenset[str]:
    """The candidate roots of the ``CONTEXT_WORDS`` content words each side of
    ``text[start:end]`` (stop words, numbers, qualifiers and the counted noun do not count)."""
    left_out = _qualifier_roots().union(*word_roots(noun or ""))
    # 200 characters hold far more than CONTEXT_WORDS content words: no need to read the whole text
    before = [r for r in word_roots(text[max(0, start - 200):start]) if not r & left_out]
    after = [r for r in word_roots(text[end:end + 200]) if not r & left_out]
    return frozenset().union(*before[-CONTEXT_WORDS:], *after[:CONTEXT_WORDS])


@cache
def _qualifier_roots() -> frozenset[str]:
    return frozenset().union(*word_roots(_QUALIFIER_WORDS))


_cache: OrderedDict[str, TextAnalysis] = OrderedDict()


def forget() -> None:
    """Drop every analysis kept (a benchmark's cold start)."""
    _cache.clear()


def analyse_all(texts: list[str], stems: list[tuple[str, ...] | None] | None = None) -> list[TextAnalysis]:
    """``[analyse(t, s) for t, s in zip(texts, stems)]``, the normal forms of the texts not yet
    analysed made in one pass (``normalize_many``): an article's sentences, met by a check."""
    found = [analyse(text, s) for text, s in zip(texts, stems or [None] * len(texts))]
    fresh = [a for a in found if "normal" not in a.__dict__]
    for analysis, normal in zip(fresh, normalize_many([a.text for a in fresh])):
        analysis.__dict__["normal"] = normal
    return found


def analyse(text: str, stems: tuple[str, ...] | list[str] | None = None) -> TextAnalysis:
    """The ``TextAnalysis`` of ``text``, made once per process (the last ``CACHE_SIZE`` texts
    kept). ``stems``: the text's stems when already known (stored at ingest)."""
    found = _cache.get(text)
    if found is not None:
        _cache.move_to_end(text)
        if stems is not None and "stems" not in found.__dict__:
            found.__dict__["stems"] = tuple(stems)
        return found
    found = _cache[text] = TextAnalysis(text, stems)
    if len(_cache) > CACHE_SIZE:
        _cache.popitem(last=False)
    return found
