"""Document → Article: boilerplate removal, title/date/source recovery, sentences with their
search stems, content hash and near-duplicate signature (the text's matching form made once
for both).

Scraped Arabic news carries page furniture: share buttons («مشاركة :»), comment forms
(«إضافة تعليق جديد», «لا يسمح بوسوم HTML», «التعليقات مغلقة»), «مقالات ذات صلة» lists,
image notices («سيتم حجب هذه الصورة…»), copyright lines, and the title repeated above
the body. Lines that are furniture are dropped; a *section* marker (related articles,
comments) also drops the short lines after it (the list it introduces), but never a long
line: a line of body prose is kept even when furniture sits beside it, and furniture
glued to it is cut out inline.
"""

from __future__ import annotations

import hashlib
import re

import trafilatura

from burhan.domain import Article, Document, Sentence
from burhan.ingest.dedup import signature_of_tokens
from burhan.ingest.errors import IngestError
from burhan.ingest.readers import domain_of
from burhan.text.dates import extract_dates
from burhan.text.normalize import normalize, normalize_many
from burhan.text.sentences import split_sentences
from burhan.text.tokens import tokens_and_stems_many, tokens_join_across_sentences, tokens_of_normal


def _one_of(patterns: tuple[str, ...]) -> re.Pattern:
    """One compiled alternation of line patterns (each anchored with ``^``): one ``match`` per
    line instead of one ``search`` per pattern."""
    if not all(p.startswith("^") for p in patterns):
        raise ValueError("line patterns must be anchored at the start of the line")
    return re.compile("|".join(f"(?:{p})" for p in patterns))


# Patterns are matched against the *normalised* line (see burhan.text.normalize).
FURNITURE_LINE = _one_of((
    r"^مشاركه\s*:?$",
    r"^(شارك|شاركها|شارك الخبر|شارك المقال|انشر|اطبع|طباعه|ارسل لصديق|حفظ)(\s*(علي|عبر)?\s*(فيسبوك|فيس بوك|تويتر|واتساب|تلغرام|الفيسبوك|التويتر))*\s*:?$",
    r"^(فيسبوك|فيس بوك|تويتر|واتساب|تلغرام|لينكد ان|جوجل بلس|بريد الكتروني|\s|[|,.-])+$",
    r"^سيتم حجب هذه الصوره",
    r"^(الصوره|صوره)\s*:\s*\S*(\s\S+){0,4}$",
    r"^اضافه تعليق( جديد)?$",
    r"^(التعليقات|باب التعليقات) مغلقه",
    r"^لا يسمح باستخدام الاحرف",
    r"^محتويات هذا الحقل سريه",
    r"^نص عادي$",
    r"^(•\s*)?لا يسمح بوسوم html",
    r"^(•\s*)?تفصل السطور و ?الفقرات تلقائيا",
    r"^(•\s*)?يتم تحويل عناوين الانترنت الي روابط",
    r"^تخضع التعليقات لاشراف المحرر",
    r"^(جميع|كل) الحقوق محفوظه",
    r"^(©|\(c\)|حقوق النشر|حقوق الطبع)",
    r"^(اقرا|اقرأ) (ايضا|المزيد)\s*:?$",
    r"^(تابعونا|تابعنا) (علي|عبر)",
    r"^(الاسم|البريد الالكتروني|التعليق|الاسم \*|ارسال|ارسل)\s*\*?:?$",
    r"^(اشترك|اشتركوا) في (النشره|القائمه)",
    r"^(اعلان|advertisement)$",
))
SECTION_MARKER = _one_of((
    r"^(مقالات|مواضيع|اخبار|تقارير|مواد) (ذات صله|متعلقه|مرتبطه|مشابهه)\s*:?$",
    r"^(الاكثر قراءه|الاكثر مشاهده|الاكثر تعليقا|اخترنا لك|قد يعجبك ايضا)\s*:?$",
    r"^اضافه تعليق( جديد)?$",
    r"^(التعليقات|باب التعليقات) مغلقه",
    r"^(التعليقات|تعليقات القراء|اترك تعليقا|اكتب تعليقك)\s*:?(\s*\(\d+\))?$",
))
INLINE_FURNITURE = re.compile(r"\s*مشاركة\s*:\s*$|^\s*مشاركة\s*:\s*")
# the digits normalize maps to ASCII: a date with a year (19xx, 20xx) has some
_DIGIT = re.compile("[0-9\u0660-\u0669\u06f0-\u06f9]")
SHORT_LINE_WORDS = 15
TITLE_MAX_WORDS = 30


def clean(document: Document) -> Article:
    """Build the stored ``Article`` of ``document``; ``IngestError`` if no text is left."""
    title, date, source, url = document.title, document.date, document.source, document.url
    body = document.raw_text
    if document.is_html:
        extracted = trafilatura.bare_extraction(body, include_comments=False, with_metadata=True, url=url)
        if extracted is None or not (extracted.text or "").strip():
            raise IngestError("no article text found in the HTML (only scripts, navigation or markup)")
        body = extracted.text
        title = title or extracted.title
        date = date or extracted.date
        url = url or extracted.url
        sitename = extracted.sitename
    else:
        sitename = None
    lines = _drop_furniture([line.strip() for line in body.replace("\r\n", "\n").replace("\r", "\n").split("\n")])
    lines, header_title = _take_title(lines, title)
    lines, header_date = _take_date_lines(lines)
    text = "\n".join(lines).strip()
    if not any(ch.isalpha() for ch in text):
        raise IngestError("no article text left after removing page furniture")
    texts = split_sentences(text)
    tokens, stems_per_sentence = tokens_and_stems_many(texts)
    sentences = [Sentence(index=k, text=s, stems=tuple(stems)) for k, (s, stems) in enumerate(zip(texts, stems_per_sentence))]
    normal = normalize(text)
    if tokens_join_across_sentences(text):
        tokens = tokens_of_normal(normal)
    return Article(
        origin=document.origin,
        raw_text=document.raw_text,
        text=text,
        sentences=sentences,
        content_hash=_hash_of_normal(normal),
        signature=signature_of_tokens(tokens),
        title=title or header_title or _title_from(sentences),
        url=url,
        # a publisher the record, the API or --source names; else the URL's domain; else the page's own name
        source=source or domain_of(url) or sitename,
        date=_iso_date(date) or header_date or _date_in_lead(text) or document.fetched,
    )


def content_hash(text: str) -> str:
    """Hash of the matching form: the same story with other spelling or spacing hashes alike."""
    return _hash_of_normal(normalize(text))


def _hash_of_normal(normal: str) -> str:
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def _drop_furniture(lines: list[str]) -> list[str]:
    kept: list[str] = []
    in_section = False
    for line, norm in zip(lines, normalize_many(lines)):
        if not line:
            if kept and kept[-1]:
                kept.append("")
            continue
        norm = norm.lower()
        words = len(norm.split())
        if SECTION_MARKER.match(norm):
            in_section = True
            continue
        if in_section and words < SHORT_LINE_WORDS:
            continue
        in_section = False
        if words < SHORT_LINE_WORDS and FURNITURE_LINE.match(norm):
            continue
        if "مشاركة" in line:  # the word both of INLINE_FURNITURE's forms hold
            line = INLINE_FURNITURE.sub("", line).strip()
        if line:
            kept.append(line)
    while kept and not kept[-1]:
        kept.pop()
    return kept


def _take_title(lines: list[str], known_title: str | None) -> tuple[list[str], str | None]:
    """Remove the title from the body (and its repeats); return it when found there."""
    content = [k for k, line in enumerate(lines) if line]
    if not content:
        return lines, None
    if known_title:
        key = normalize(known_title)
        return [line for line in lines if not line or normalize(line) != key], None
    first = lines[content[0]]
    key = normalize(first)
    repeats = [k for k in content[1:6] if normalize(lines[k]) == key]
    looks_like_headline = len(first.split()) <= TITLE_MAX_WORDS and not first.rstrip().endswith((".", "؟", "!"))
    if repeats or (looks_like_headline and len(content) > 1):
        drop = {content[0], *repeats}
        return [line for k, line in enumerate(lines) if k not in drop], first
    return lines, None


def _take_date_lines(lines: list[str]) -> tuple[list[str], str | None]:
    """A line in the header that holds only a date is metadata: keep the date, drop the line."""
    for k, line in enumerate(lines[:6]):
        if not _DIGIT.search(line):
            continue  # no year without a digit (and the extractor is the dearer test)
        dates = extract_dates(line)
        if len(dates) == 1 and dates[0].year and dates[0].month and len(line) - len(dates[0].text) <= 12:
            return lines[:k] + lines[k + 1:], dates[0].iso
    return lines, None


def _date_in_lead(text: str) -> str | None:
    """A full date (day, month, year) in the first 600 characters: usually the dateline."""
    lead = text[:600]
    if not _DIGIT.search(lead):
        return None
    for mention in extract_dates(lead):
        if mention.year and mention.month and mention.day:
            return mention.iso
    return None


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    match = re.match(r"^(\d{4})-(\d{2})(?:-(\d{2}))?", value.strip())
    if match:
        return match.group(0)
    mentions = extract_dates(value)
    return mentions[0].iso if mentions and mentions[0].year else value.strip()


def _title_from(sentences: list[Sentence]) -> str | None:
    if not sentences:
        return None
    words = sentences[0].text.split()
    return " ".join(words) if len(words) <= 20 else " ".join(words[:14]) + " …"
