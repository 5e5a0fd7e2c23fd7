"""The explanation of a verdict, assembled from its evidence (no generated prose).

It states the verdict and its basis first — supported, refuted, unconfirmed (which is
never worded as a refutation), no evidence — then names the sources that agree and those
that disagree, the counts that conflict or match, the copies merged into one story, and the
evidence dropped because it predates the claimed event. A not_enough_evidence verdict
carries no confidence figure. Arabic by default, English with ``lang="en"``.
"""

from __future__ import annotations

from burhan.domain import Evidence, FactCheckMatch, NumberCheck

MAX_NAMED = 4

_TEXT = {
    "ar": {
        "true": "صحيح", "false": "غير صحيح", "not_enough_evidence": "لا تتوفر أدلة كافية",
        "verdict": "الحكم: {verdict} (الثقة {confidence}).",
        "verdict_bare": "الحكم: {verdict}.",
        "supported": "الأساس: تؤكده مصادر مستقلة ({n}).",
        "refuted": "الأساس: تنقضه الأدلة ({what}).",
        "refuted_sources": "مصادر تعارضه: {n}",
        "refuted_counts": "أرقام تخالف ما يذكره",
        "unconfirmed": "الأساس: لم يؤكده أيٌّ من المصادر ذات الصلة ({n})، وهذا ليس نفيًا له.",
        "nothing": "الأساس: لم يُعثر على مقالات ذات صلة بالادعاء في الأرشيف.",
        "weak": "الأدلة المتوفرة أضعف من أن تسمح بالحكم.",
        "agree": "المصادر المستقلة المؤيدة ({n}): {names}.",
        "disagree": "المصادر المستقلة المعارضة ({n}): {names}.",
        "discuss": "مصادر تتناوله دون حسم ({n}): {names}.",
        "conflict": "تعارض في الأرقام: الادعاء يذكر «{claim}» بينما يذكر {source} «{evidence}».",
        "match": "تطابق في الأرقام: «{claim}» يرد أيضًا في {source} («{evidence}»).",
        "copies": "نسخ مكررة من قصة واحدة دُمجت فعُدّت مصدرًا واحدًا ({n}): {names}.",
        "predates": "مقالات نُشرت قبل تاريخ الحدث فلا تؤكده ({n}): {names}.",
        "places": "الأماكن المذكورة في الادعاء: {places}.",
        "factcheck_basis": "الأساس: سبق التحقق منه — تحقق منه {publisher} في {date}: «{rating}» ({link}).",
        "factcheck_seen": "سبق التحقق من ادعاء قريب منه: {publisher}، {date}: «{rating}» ({link})، احتمال أنه الادعاء نفسه {score:.0%}.",
        "news_after_factcheck": "وفي الأخبار:",
        "unknown_publisher": "جهة غير معروفة", "unknown_date": "تاريخ غير معروف", "no_link": "بلا رابط",
        "sep": "، ",
    },
    "en": {
        "true": "true", "false": "false", "not_enough_evidence": "not enough evidence",
        "verdict": "Verdict: {verdict} (confidence {confidence}).",
        "verdict_bare": "Verdict: {verdict}.",
        "supported": "Basis: supported by independent sources ({n}).",
        "refuted": "Basis: refuted ({what}).",
        "refuted_sources": "sources that contradict it: {n}",
        "refuted_counts": "counts that differ from the claim's",
        "unconfirmed": "Basis: unconfirmed — none of the related sources ({n}) confirms it; this is not a refutation.",
        "nothing": "Basis: no article related to the claim was found in the corpus.",
        "weak": "The evidence found is too weak to decide.",
        "agree": "{n} independent source(s) agree: {names}.",
        "disagree": "{n} independent source(s) disagree: {names}.",
        "discuss": "{n} source(s) discuss it without taking a side: {names}.",
        "conflict": "Conflicting count: the claim says “{claim}”, {source} says “{evidence}”.",
        "match": "Matching count: “{claim}” is also in {source} (“{evidence}”).",
        "copies": "{n} copy/copies of the same story merged and counted once ({names}).",
        "predates": "{n} article(s) cannot confirm the claim: published before the event ({names}).",
        "places": "Places in the claim: {places}.",
        "factcheck_basis": "Basis: already fact-checked — {publisher}, {date}: “{rating}” ({link}).",
        "factcheck_seen": "A close claim was fact-checked: {publisher}, {date}: “{rating}” ({link}); P(same claim) {score:.0%}.",
        "news_after_factcheck": "In the news:",
        "unknown_publisher": "publisher unknown", "unknown_date": "date unknown", "no_link": "no link",
        "sep": ", ",
    },
}


_BASIS_NAMES = {
    "ar": {"supported": "تؤكده المصادر", "refuted": "تنقضه الأدلة", "unconfirmed": "لم يؤكده أي مصدر",
           "no_evidence": "لا أدلة ذات صلة"},
    "en": {"supported": "supported", "refuted": "refuted", "unconfirmed": "unconfirmed", "no_evidence": "no evidence"},
}


def percent(confidence: float, lang: str = "ar") -> str:
    """A confidence for people, in whole percent; never «100%»: a model's 0.9995 is not
    certainty, so from 99.5% it reads «أكثر من 99%» ("over 99%")."""
    if confidence >= 0.995:
        return "أكثر من 99%" if lang == "ar" else "over 99%"
    return f"{confidence:.0%}"


def basis_label(basis: str, lang: str = "ar") -> str:
    """The basis's name for people: «تؤكده المصادر», «تنقضه الأدلة», …"""
    return _BASIS_NAMES[lang][basis]


def verdict_label(verdict: str, lang: str = "ar") -> str:
    """The verdict's name for people: «صحيح», «غير صحيح», «لا تتوفر أدلة كافية»."""
    return _TEXT[lang][verdict]


def source_name(e: Evidence) -> str:
    return e.source or e.title or e.origin


def _factcheck_fields(m: FactCheckMatch, t: dict) -> dict:
    return {"publisher": m.publisher or t["unknown_publisher"], "date": m.review_date or t["unknown_date"],
            "rating": m.rating or m.rating_normalised, "link": m.url or t["no_link"], "score": m.score}


def explain(verdict: str, basis: str, confidence: float | None, evidence: list[Evidence], numbers: list[NumberCheck],
            places: list[str], lang: str = "ar", factchecks: list[FactCheckMatch] | None = None,
            decided_by: FactCheckMatch | None = None) -> str:
    """``decided_by``: the published fact-check the verdict rests on (its basis line comes
    first, the news evidence follows); other ``factchecks`` are named as close claims."""
    if lang not in _TEXT:
        raise ValueError(f"unknown language {lang!r}; choose from {', '.join(_TEXT)}")
    t = _TEXT[lang]
    lines = [t["verdict"].format(verdict=t[verdict], confidence=percent(confidence, lang)) if confidence is not None
             else t["verdict_bare"].format(verdict=t[verdict])]
    leads = [e for e in evidence if e.duplicate_of is None and e.stance != "unrelated"]
    for m in factchecks or []:
        if m is not decided_by:
            lines.append(t["factcheck_seen"].format(**_factcheck_fields(m, t)))
    if decided_by is not None:
        lines.insert(1, t["factcheck_basis"].format(**_factcheck_fields(decided_by, t)))
        if leads:
            lines.append(t["news_after_factcheck"])
    elif basis == "no_evidence" or not leads:
        lines.append(t["nothing"])
    elif basis == "supported":
        lines.append(t["supported"].format(n=sum(e.stance == "agree" and not e.predates_claim for e in leads)))
    elif basis == "refuted":
        against = [e for e in leads if e.stance == "disagree"]
        what = [t["refuted_sources"].format(n=len(against))] if against else []
        if any(n.relation == "conflict" for n in numbers):
            what.append(t["refuted_counts"])
        lines.append(t["refuted"].format(what=t["sep"].join(what)))
    else:
        lines.append(t["unconfirmed"].format(n=len(leads)))
    if verdict == "not_enough_evidence" and basis != "no_evidence" and decided_by is None:
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
    # copies of the stories that speak to the claim: those of unrelated candidates merged nothing it rests on
    lead_ids = {e.article_id for e in leads}
    copies = [e for e in evidence if e.duplicate_of in lead_ids]
    if copies:
        lines.append(t["copies"].format(n=len(copies), names=names(copies)))
    early = [e for e in leads if e.predates_claim and e.stance == "agree"]
    if early:
        lines.append(t["predates"].format(n=len(early), names=names(early)))
    if places:
        lines.append(t["places"].format(places=t["sep"].join(places)))
    return "\n".join(lines)
