"""Every heading and label of the command line's human output, in Arabic and English.

``--lang ar`` (the default) prints Arabic; JSON keys never change. One table per language,
so that a missing translation is a KeyError in the tests, not an English word in Arabic output.
"""

from __future__ import annotations

LANGS = ("ar", "en")

LABELS = {
    "ar": {
        # stats
        "articles": "المقالات", "sentences": "الجمل", "stories": "القصص", "sources": "المصادر",
        "factchecks": "التحققات المنشورة", "schema_version": "إصدار المخطط", "shards": "الأجزاء",
        # tables
        "id": "الرقم", "date": "التاريخ", "source": "المصدر", "title": "العنوان", "story": "القصة",
        "rank": "#", "score": "الدرجة", "sentence": "الجملة",
        "weight": "الوزن", "stance": "الموقف", "rationale": "الجمل الدالة",
        "p_same": "احتمال التطابق", "rating": "التقييم", "publisher": "الناشر", "claim": "الادعاء", "url": "الرابط",
        "already_checked": "سبق التحقق منه",
        # values
        "agree": "يؤيد", "disagree": "يعارض", "discuss": "يناقش", "unrelated": "لا صلة",
        "true": "صحيح", "false": "غير صحيح", "not_enough_evidence": "لا تتوفر أدلة كافية",
        "confidence": "الثقة", "basis": "الأساس", "copies": "نسخ", "copy_of": "نسخة من المقال",
        "undated": "بلا تاريخ", "unknown_source": "مصدر غير معروف",
        "same_story": "القصة {story}؛ من القصة نفسها المقالات: {copies}",
        "sep": "، ",
        # history
        "checks": "عمليات التحقق المحفوظة", "saved": "حُفظ في السجل برقم {id}", "checked_at": "وقت التحقق",
        "verdict": "الحكم", "override": "حكم المحرر", "note": "ملاحظة المحرر", "asked_by": "بطلب من",
        "channel": "الواجهة", "corpus": "المجموعة", "models": "النماذج", "evidence_ids": "مقالات الأدلة",
        "no_checks": "لا عمليات تحقق محفوظة بعد", "corpus_version": "{articles} مقالة، آخر إضافة {last}",
        "edited": "عدّله {by} في {at}", "page_of": "{shown} من {total}",
        "no_factcheck_match": "لا يطابقه أي تحقق منشور في هذا الأرشيف",
        "rating_false": "زائف", "rating_misleading": "مضلل", "rating_mixed": "صحيح جزئيًا", "rating_true": "صحيح",
        "rating_unproven": "غير مثبت", "rating_satire": "ساخر", "rating_unrated": "بلا تقييم موحّد",
    },
    "en": {
        "articles": "articles", "sentences": "sentences", "stories": "stories", "sources": "sources",
        "factchecks": "fact-checks", "schema_version": "schema version", "shards": "shards",
        "id": "id", "date": "date", "source": "source", "title": "title", "story": "story",
        "rank": "#", "score": "score", "sentence": "sentence",
        "weight": "weight", "stance": "stance", "rationale": "rationale",
        "p_same": "P(same)", "rating": "rating", "publisher": "publisher", "claim": "claim", "url": "url",
        "already_checked": "already fact-checked",
        "agree": "agree", "disagree": "disagree", "discuss": "discuss", "unrelated": "unrelated",
        "true": "true", "false": "false", "not_enough_evidence": "not enough evidence",
        "confidence": "confidence", "basis": "basis", "copies": "copies", "copy_of": "copy of",
        "undated": "undated", "unknown_source": "source unknown",
        "same_story": "story {story}; same story as articles {copies}",
        "sep": ", ",
        "checks": "checks saved", "saved": "saved in the history as check {id}", "checked_at": "checked at",
        "verdict": "verdict", "override": "editor's verdict", "note": "editor's note", "asked_by": "asked by",
        "channel": "channel", "corpus": "corpus", "models": "models", "evidence_ids": "evidence articles",
        "no_checks": "no checks saved yet", "corpus_version": "{articles} articles, last added {last}",
        "edited": "edited by {by} at {at}", "page_of": "{shown} of {total}",
        "no_factcheck_match": "no published fact-check in this store matches",
        "rating_false": "false", "rating_misleading": "misleading", "rating_mixed": "mixed", "rating_true": "true",
        "rating_unproven": "unproven", "rating_satire": "satire", "rating_unrated": "unrated",
    },
}


def label(key: str, lang: str) -> str:
    return LABELS[lang][key]
