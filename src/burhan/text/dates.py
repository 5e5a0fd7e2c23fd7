"""Dates in Arabic news text.

Month names: Gregorian transliterations (يناير … ديسمبر, with Maghrebi variants such
as جانفي، أفريل، جوان), Levantine/Iraqi names (كانون الثاني، شباط، آذار، نيسان … تشرين
الأول، كانون الأول, also the short «تشرين ثان»), and the paired forms newspapers print:
«نيسان/أبريل», «تشرين الثاني (نوفمبر)», or glued by scraping, «أبريلنيسان».
Numeric forms: ``14-10-2015``, ``14/10/2015``, ``2015-10-14``. A month name alone is
accepted only with a day, a year, a second month name or the word «شهر» beside it,
because several names are also words (مارس "practised", آب "August"/"father").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from burhan.text.normalize import normalize, normalize_with_offsets

_MONTH_NAMES = {
    1: "يناير, كانون الثاني, كانون ثاني, كانون ثان, جانفي",
    2: "فبراير, شباط, فيفري, فبرير",
    3: "مارس, آذار",
    4: "أبريل, إبريل, نيسان, أفريل",
    5: "مايو, أيار, ماي",
    6: "يونيو, يونيه, حزيران, جوان",
    7: "يوليو, يوليه, تموز, جويلية",
    8: "أغسطس, آب, أوت, غشت",
    9: "سبتمبر, أيلول, شتنبر",
    10: "أكتوبر, تشرين الأول, تشرين أول",
    11: "نوفمبر, تشرين الثاني, تشرين ثاني, تشرين ثان, نونبر",
    12: "ديسمبر, كانون الأول, كانون أول, دجنبر",
}

MONTHS: dict[str, int] = {}
for _month, _spec in _MONTH_NAMES.items():
    for _name in _spec.split(", "):
        MONTHS[normalize(_name)] = _month

_MONTH_ALT = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_PAIR = rf"(?P<m1>{_MONTH_ALT})(?:\s*[/\-(]?\s*(?P<m2>{_MONTH_ALT})\s*\)?)?"
_NAMED = re.compile(
    rf"(?<!\w)(?:(?P<day>[0-3]?\d)\s+)?(?:(?P<shahr>شهر)\s+)?{_PAIR}(?!\w)(?:\s*[,،]?\s*(?P<year>(?:19|20)\d\d)(?!\d))?"
)
_NUMERIC = re.compile(
    r"(?<!\d)(?:(?P<d>[0-3]?\d)[-/.](?P<m>[01]?\d)[-/.](?P<y>(?:19|20)\d\d)"
    r"|(?P<y2>(?:19|20)\d\d)[-/.](?P<m2>[01]?\d)[-/.](?P<d2>[0-3]?\d))(?!\d)"
)
_YEAR = re.compile(r"(?<!\w)(?:عام|العام|سنه|السنه|في)\s+(?P<year>(?:19|20)\d\d)(?!\d)")


@dataclass(frozen=True)
class DateMention:
    """A (possibly partial) date. ``iso`` is ``YYYY-MM-DD``, ``YYYY-MM``, ``--MM-DD`` or ``YYYY``."""

    text: str
    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None

    @property
    def iso(self) -> str:
        year = f"{self.year:04d}" if self.year else "-"
        if self.month is None:
            return year
        if self.day is None:
            return f"{year}-{self.month:02d}"
        return f"{year}-{self.month:02d}-{self.day:02d}"


def extract_dates(text: str) -> list[DateMention]:
    """All dates in ``text``, in order of appearance, spans in the original text."""
    norm, offsets = normalize_with_offsets(text)
    found: list[tuple[int, int, int | None, int | None, int | None]] = []
    taken = [False] * (len(norm) + 1)

    def add(start: int, end: int, year: int | None, month: int | None, day: int | None) -> None:
        if any(taken[start:end]):
            return
        if month is not None and not 1 <= month <= 12:
            return
        if day is not None and not 1 <= day <= 31:
            return
        for k in range(start, end):
            taken[k] = True
        found.append((start, end, year, month, day))

    for m in _NUMERIC.finditer(norm):
        if m.group("y"):
            add(m.start(), m.end(), int(m.group("y")), int(m.group("m")), int(m.group("d")))
        else:
            add(m.start(), m.end(), int(m.group("y2")), int(m.group("m2")), int(m.group("d2")))
    for m in _NAMED.finditer(norm):
        anchored = m.group("day") or m.group("year") or m.group("m2") or m.group("shahr")
        if not anchored:
            continue
        year = int(m.group("year")) if m.group("year") else None
        day = int(m.group("day")) if m.group("day") else None
        add(m.start(), m.end(), year, MONTHS[m.group("m1")], day)
    for m in _YEAR.finditer(norm):
        add(m.start("year"), m.end("year"), int(m.group("year")), None, None)

    mentions = []
    for start, end, year, month, day in sorted(found):
        o_start, o_end = offsets[start], offsets[end - 1] + 1
        mentions.append(DateMention(text[o_start:o_end], o_start, o_end, year, month, day))
    return mentions
