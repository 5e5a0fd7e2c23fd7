"""The explanation of a verdict, assembled from its evidence (no generated prose).

It names the sources that agree and those that disagree, the counts that conflict or
match, the copies merged into one story, and the evidence dropped because it predates
the claimed event. Arabic by default, English with ``lang="en"``.
"""

from __future__ import annotations

from burhan.domain import Evidence, NumberCheck

MAX_NAMED = 4

_TEXT = {
    "ar": {
        "true": "صحيح", "false": "غير صحيح", "not_enough_evidence": "لا تتوفر أدلة كافية",
        "verdict": "الحكم: {verdict} (الثقة {confidence:.0%}).",
        "nothing": "لم يُعثر على مقالات ذات صلة بالادعاء في المدونة.",
        "weak": "الأدلة المتوفرة ضعيفة أو متعارضة فلا تسمح بالحكم.",
        "agree": "المصادر المستقلة المؤيدة ({n}): {names}.",
        "disagree": "المصادر المستقلة المعارضة ({n}): {names}.",
        "discuss": "مصادر تتناوله دون حسم ({n}): {names}.",
        "conflict": "تعارض في الأرقام: الادعاء يذكر «{claim}» بينما يذكر {source} «{evidence}».",
        "match": "تطابق في الأرقام: «{claim}» يرد أيضًا في {source} («{evidence}»).",
        "copies": "نسخ مكررة من قصة واحدة دُمجت فعُدّت مصدرًا واحدًا ({n}): {names}.",
        "predates": "مقالات نُشرت قبل تاريخ الحدث فلا تؤكده ({n}): {names}.",
        "places": "الأماكن المذكورة في الادعاء: {places}.",
        "sep": "، ",
    },
    "en": {
        "true": "true", "false": "false", "not_enough_evidence": "not enough evidence",
        "verdict": "Verdict: {verdict} (confidence {confidence:.0%}).",
        "nothing": "No article related to the claim was found in the corpus.",
        "weak": "The evidence found is weak or split, too little to decide.",
        "agree": "{n} independent source(s) agree: {names}.",
        "disagree": "{n} independent source(s) disagree: {names}.",
        "discuss": "{n} source(s) discuss it without taking a side: {names}.",
        "conflict": "Conflicting count: the claim says “{claim}”, {source} says “{evidence}”.",
        "match": "Matching count: “{claim}” is also in {source} (“{evidence}”).",
        "copies": "{n} copy/copies of the same story merged and counted once ({names}).",
        "predates": "{n} article(s) cannot confirm the claim: published before the event ({names}).",
        "places": "Places in the claim: {places}.",
        "sep": ", ",
    },
}


def verdict_label(verdict: str, lang: str = "ar") -> str:
    """The verdict's name for people: «صحيح», «غير صحيح», «لا تتوفر أدلة كافية»."""
    return _TEXT[lang][verdict]


def source_name(e: Evidence) -> str:
    return e.source or e.title or e.origin


def explain(verdict: str, confidence: float, evidence: list[Evidence], numbers: list[NumberCheck],
            places: list[str], lang: str = "ar") -> str:
    if lang not in _TEXT:
        raise ValueError(f"unknown language {lang!r}; choose from {', '.join(_TEXT)}")
    t = _TEXT[lang]
    lines = [t["verdict"].format(verdict=t[verdict], confidence=confidence)]
    leads = [e for e in evidence if e.duplicate_of is None and e.stance != "unrelated"]
    if not leads:
        lines.append(t["nothing"])
    elif verdict == "not_enough_evidence":
        lines.append(t["weak"])

    def names(items: list[Evidence]) -> str:
        shown = list(dict.fromkeys(source_name(e) for e in items))
        extra = len(shown) - MAX_NAMED
        return t["sep"].join(shown[:MAX_NAMED]) + (f" (+{extra})" if extra > 0 else "")

    for stance in ("agree", "disagree", "discuss"):
        group = [e for e in leads if e.stance == stance and not (stance == "agree" and e.predates_claim)]
        if group:
            lines.append(t[stance].format(n=len(group), names=names(group)))
    by_id = {e.article_id: e for e in evidence}
    for relation in ("conflict", "match"):
        seen = set()
        for n in numbers:
            key = (n.claim_text, n.evidence_text)
            if n.relation == relation and key not in seen and n.article_id in by_id:
                seen.add(key)
                lines.append(t[relation].format(claim=n.claim_text, evidence=n.evidence_text,
                                                source=source_name(by_id[n.article_id])))
    copies = [e for e in evidence if e.duplicate_of is not None]
    if copies:
        lines.append(t["copies"].format(n=len(copies), names=names(copies)))
    early = [e for e in leads if e.predates_claim and e.stance == "agree"]
    if early:
        lines.append(t["predates"].format(n=len(early), names=names(early)))
    if places:
        lines.append(t["places"].format(places=t["sep"].join(places)))
    return "\n".join(lines)
