"""Fact-check ratings as published → one scale: false, misleading, mixed, true, unproven,
satire (and unrated).

Publishers word their ratings freely («مضلل»، «خبر كاذب»، «صحيح جزئياً»، "Missing context",
"Faux", "Trompeur" …). ``normalise_rating`` looks the rating up, in its matching form
(``normalize``, lower case, punctuation and the words «خبر» / "rating:" dropped), first as
a whole, then by the phrases of ``RULES`` in their order: the order matters, because
«غير صحيح جزئيا» contains «صحيح» and "partly false" contains "false". A rating nothing
matches is ``unrated``, and ``known_rating`` says so: the importer keeps the rating as
published and counts it, it never guesses.

Choices a reader may not share, stated here once: "mostly false" → false and "mostly true"
→ true (the usual reduction of five-step scales); "exaggerated" and "out of context" →
misleading; altered or fabricated media → false; "hoax" / «إشاعة» → false; a numeric
``ratingValue`` alone is not read (scales differ by publisher).
"""

from __future__ import annotations

import re

from burhan.domain import RatingLabel
from burhan.text.normalize import normalize

# (normalised label, phrases in matching form); the first rule with a phrase in the rating wins
RULES: list[tuple[RatingLabel, tuple[str, ...]]] = [
    ("mixed", (
        "partly false", "partially false", "partly true", "partially true", "half true", "half-true",
        "mixture", "mixed", "partiellement faux", "en partie faux", "partiellement vrai", "en partie vrai",
        "plutot vrai", "plutot faux",
        "صحيح جزئيا", "غير صحيح جزئيا", "خطا جزئيا", "زائف جزئيا", "صحيح نسبيا", "نصف صحيح", "نصف الحقيقه",
        "جزئيا", "مختلط", "بين الصحه والخطا",
    )),
    ("satire", ("satire", "satirical", "parody", "satirique", "parodie", "ساخر", "ساخره", "سخريه", "محتوي ساخر")),
    ("misleading", (
        "misleading", "missing context", "lacks context", "needs context", "out of context", "cherry picked",
        "exaggerated", "exaggeration", "distorted", "misrepresented", "spin", "not the whole story",
        "trompeur", "trompeuse", "manque de contexte", "sans contexte", "hors contexte", "sorti de son contexte",
        "exagere", "deforme", "enganoso",
        "مضلل", "مضلله", "تضليل", "مجتزا", "خارج السياق", "سياق مفقود", "ينقصه سياق", "يفتقر الي السياق",
        "مبالغ فيه", "مبالغه", "محرف", "محرفه",
    )),
    ("unproven", (
        "unproven", "unverified", "unsupported", "no evidence", "not proven", "unsubstantiated", "research in progress",
        "non prouve", "invérifiable", "inverifiable", "non verifie", "sans preuve",
        "غير مؤكد", "غير مثبت", "لا دليل", "بلا دليل", "دون دليل", "غير موثق", "لم يثبت", "لا يمكن التحقق", "غير محسوم",
    )),
    ("false", (
        # negated "true" first: «غير صحيح» contains «صحيح»
        "not true", "untrue", "not correct", "incorrect", "not accurate", "inaccurate", "not real",
        "غير صحيح", "غير صحيحه", "ليس صحيحا", "ليس صحيح", "غير حقيقي", "غير حقيقيه", "ليس حقيقيا", "مش حقيقي",
        "مش صحيح", "لا اساس له من الصحه", "لا صحه له", "لا صحه",
        "غير دقيق", "غير دقيقه", "ليس دقيقا", "مش دقيق",
        "mostly false", "false", "fake", "fabricated", "hoax", "pants on fire", "wrong", "altered", "doctored",
        "manipulated", "scam", "debunked", "baseless", "faux", "fausse", "infonde", "infondee", "montage", "canular",
        "intox", "falso", "bulo",
        "خطا", "خاطي", "خاطئه", "مكذوب", "مكذوبه", "زائف", "زائفه", "كاذب", "كاذبه", "كذب", "مفبرك", "مفبركه", "فبركه", "ملفق",
        "ملفقه", "مزيف", "مزيفه", "مزور", "مزوره", "شائعه", "اشاعه", "باطل", "مختلق", "مختلقه", "معدل", "معدله",
        "فيك",
    )),
    ("true", (
        "mostly true", "true", "correct", "accurate", "real", "verified", "vrai", "vraie", "exact", "verdadero",
        "صحيح", "صحيحه", "حقيقي", "حقيقيه", "صادق", "دقيق", "مؤكد", "ثابت",
    )),
]
UNRATED_PHRASES = ("no rating", "not rated", "unrated", "بدون تقييم", "غير مصنف")
MAX_RATING_WORDS = 8  # a longer "rating" is a sentence of the review, not a rating

_NOISE = re.compile(r"^(rating|verdict|note|التقييم|الحكم|النتيجه)\s*:?\s*|[\"'()\[\].,;:!?\-–—_/|]+")
_FILLER = frozenset(("خبر", "ادعاء", "معلومه", "صوره", "فيديو", "تصريح", "claim", "this", "is", "c'est", "est"))
_ACCENTS = str.maketrans("éèêàâîïôûùç", "eeeaaiiouuc")


def rating_key(rating: str) -> str:
    """The matching form of a published rating."""
    text = normalize(rating).lower().translate(_ACCENTS)
    text = _NOISE.sub(" ", text)
    return " ".join(w for w in text.split() if w not in _FILLER)


def _contains(text: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) is not None


def classify_rating(rating: str | None) -> tuple[RatingLabel, bool]:
    """``(normalised label, known)``: ``known`` is False when the rating was given but the
    mapping does not know it (the label is then ``unrated``)."""
    if rating is None or not rating.strip():
        return "unrated", True
    key = rating_key(rating)
    if not key or len(key.split()) > MAX_RATING_WORDS:
        return "unrated", False
    if any(_contains(key, p) for p in UNRATED_PHRASES):
        return "unrated", True
    for label, phrases in RULES:
        if any(_contains(key, normalize(p)) for p in phrases):
            return label, True
    return "unrated", False


def normalise_rating(rating: str | None) -> RatingLabel:
    """The normalised label of a published rating (``unrated`` when absent or unknown)."""
    return classify_rating(rating)[0]


def known_rating(rating: str | None) -> bool:
    return classify_rating(rating)[1]
