"""Published fact-checks from files → ``FactCheck`` records, one error line per bad record.

Read formats (by content, whatever the file is called, except HTML and TSV by suffix):

- schema.org **ClaimReview** JSON: one object, a list of them, or a JSON-LD ``@graph``;
- a **Google Fact Check Tools API** response (``{"claims": [{"text", "claimant",
  "claimDate", "claimReview": [...]}]}``), or one of its claim objects: each review of a
  claim is one fact-check;
- the **DataCommons ClaimReview feed** (``{"dataFeedElement": [{"item": [...]}]}``);
- **JSON Lines** of any of the above (``.jsonl``, ``.ndjson``), numbered by line;
- **HTML** fact-check pages: their embedded ClaimReview (JSON-LD and microdata, read with
  extruct);
- the **CheckThat! 2021** verified-claims TSV (``vclaim_id, vclaim, title``). Its titles
  from Fatabyyano end «… - زائف - فتبينوا»: the publisher and the rating it printed are
  read from there; other rows have no rating (``unrated``).

A record is numbered from 1 in its file (the ClaimReview's place in a list or feed, the
line of a JSON Lines or TSV file). A bad record gives ``RecordError`` and the others of the
file are still read; a file that cannot be parsed at all gives one error with ``record``
None.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from burhan.domain import FactCheck
from burhan.ingest.errors import IngestError, json_problem
from burhan.ingest.ratings import classify_rating
from burhan.ingest.readers import HTML_SUFFIXES, domain_of, expand_paths, json_lines, read_text, require_file
from burhan.text.tokens import analyze

FACTCHECK_SUFFIXES = {".json", ".jsonl", ".ndjson", ".tsv"} | HTML_SUFFIXES
MAX_FILE_BYTES = 500_000_000
MAX_CLAIM_CHARS = 5_000

# publishers whose titles end with their name after " - " (CheckThat! TSV): name → site
TITLE_PUBLISHERS = {"فتبينوا": "fatabyyano.net"}
MAX_TITLE_RATING_WORDS = 5


@dataclass(frozen=True)
class RecordError:
    path: str
    record: int | None
    error: str


@dataclass
class FactCheckFile:
    """What one file gave: its fact-checks, its bad records, and the ratings the mapping did
    not know (kept as published on the records, counted here)."""

    path: str
    factchecks: list[FactCheck] = field(default_factory=list)
    errors: list[RecordError] = field(default_factory=list)
    unknown_ratings: Counter = field(default_factory=Counter)


def read_factchecks(path: str | Path) -> FactCheckFile:
    """Every fact-check of one file, and an error line for each record that is not one."""
    path = Path(path)
    result = FactCheckFile(str(path))
    try:
        require_file(path)
        text = read_text(path, MAX_FILE_BYTES, "a fact-check file")
        suffix = path.suffix.lower()
        if suffix in HTML_SUFFIXES:
            records = _html_records(text, str(path))
        elif suffix == ".tsv":
            records = _checkthat_records(text)
        elif suffix in (".jsonl", ".ndjson"):
            records = _jsonl_records(text)
        elif suffix == ".json":
            records = _json_records(text)
        else:
            raise IngestError(f"unsupported file type {suffix or '(none)'}: use .json, .jsonl, .html or .tsv")
        for number, item in records:
            if isinstance(item, str):
                result.errors.append(RecordError(str(path), number, item))
                continue
            item.origin = f"{path}#{number}"
            problem = _invalid(item)
            if problem:
                result.errors.append(RecordError(str(path), number, problem))
                continue
            label, known = classify_rating(item.rating)
            item.rating_normalised = label
            if not known:
                result.unknown_ratings[item.rating] += 1
            result.factchecks.append(item)
    except IngestError as err:
        result.errors.append(RecordError(str(path), None, str(err)))
    if not result.factchecks and not result.errors:
        result.errors.append(RecordError(str(path), None, "no fact-checks (no ClaimReview records) in this file"))
    return result


def _invalid(item: FactCheck) -> str | None:
    if not item.claim:
        return "no claim text (claimReviewed / text is missing or empty)"
    if len(item.claim) > MAX_CLAIM_CHARS:
        return f"the claim is {len(item.claim)} characters long; the limit is {MAX_CLAIM_CHARS}"
    if item.url and not re.match(r"^https?://", item.url):
        return f"url {item.url[:80]!r} is not an http(s) address"
    return None


# -- JSON -------------------------------------------------------------------------------

Records = Iterator[tuple[int, "FactCheck | str"]]


def _json_records(text: str) -> Records:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise IngestError(f"invalid JSON: {json_problem(err)}") from None
    items = list(_unpack(data))
    if not items:
        raise IngestError("no ClaimReview, Fact Check Tools claim or DataCommons feed item in this JSON")
    yield from enumerate(items, start=1)


def _jsonl_records(text: str) -> Records:
    for number, record, problem in json_lines(text):
        if problem:
            yield number, problem
            continue
        items = list(_unpack(record))
        if not items:
            yield number, "not a ClaimReview, a Fact Check Tools claim or a DataCommons feed"
        for item in items:
            yield number, item


def _unpack(data: Any) -> Iterator[FactCheck | str]:
    """The fact-checks in a parsed JSON value (or, for a value that should be one and is
    not, the problem in words)."""
    if isinstance(data, list):
        for element in data:
            yield from _unpack(element) if isinstance(element, (dict, list)) else \
                iter([f"a {type(element).__name__} where a ClaimReview object was expected"])
        return
    if not isinstance(data, dict):
        return
    if isinstance(data.get("claims"), list):  # Fact Check Tools API response
        for claim in data["claims"]:
            yield from _api_claim(claim)
    elif "claimReview" in data:  # one Fact Check Tools claim
        yield from _api_claim(data)
    elif isinstance(data.get("dataFeedElement"), list):  # DataCommons feed
        for element in data["dataFeedElement"]:
            items = element.get("item") if isinstance(element, dict) else None
            if items is None:
                yield "a dataFeedElement without an item"
                continue
            yield from _unpack(items if isinstance(items, list) else [items])
    elif isinstance(data.get("@graph"), list):
        yield from _unpack(data["@graph"])
    elif _is_claim_review(data):
        yield _from_claim_review(data)
    elif "@type" in data or "claimReviewed" in data:
        yield f"a {_types(data) or 'object'} where a ClaimReview was expected"


def _types(node: dict) -> str:
    kind = node.get("@type") or node.get("type") or ""
    return ", ".join(kind) if isinstance(kind, list) else str(kind)


def _is_claim_review(node: dict) -> bool:
    return "ClaimReview" in _types(node) or ("claimReviewed" in node and "reviewRating" in node)


def _api_claim(claim: Any) -> Iterator[FactCheck | str]:
    if not isinstance(claim, dict):
        yield "a claim that is not an object"
        return
    reviews = claim.get("claimReview")
    if not isinstance(reviews, list) or not reviews:
        yield "a claim without a claimReview list"
        return
    for review in reviews:
        if not isinstance(review, dict):
            yield "a claimReview entry that is not an object"
            continue
        publisher = review.get("publisher") if isinstance(review.get("publisher"), dict) else {}
        yield FactCheck(
            claim=_text(claim.get("text")) or "", claimant=_text(claim.get("claimant")),
            claim_date=_date(claim.get("claimDate")), url=_text(review.get("url")), title=_text(review.get("title")),
            publisher=_text(publisher.get("name")),
            publisher_site=_text(publisher.get("site")) or domain_of(_text(review.get("url"))),
            review_date=_date(review.get("reviewDate")), rating=_text(review.get("textualRating")),
            language=_text(review.get("languageCode")),
        )


def _from_claim_review(node: dict) -> FactCheck:
    item = node.get("itemReviewed") if isinstance(node.get("itemReviewed"), dict) else {}
    rating = node.get("reviewRating") if isinstance(node.get("reviewRating"), dict) else {}
    author = _first(node.get("author")) or _first(node.get("publisher")) or {}
    url = _text(node.get("url")) or _text(node.get("@id") if str(node.get("@id", "")).startswith("http") else None)
    return FactCheck(
        claim=_text(node.get("claimReviewed")) or _text(item.get("text")) or _text(item.get("name")) or "",
        claimant=_name(_first(item.get("author"))), claim_date=_date(item.get("datePublished")),
        url=url, title=_text(node.get("name")) or _text(node.get("headline")),
        publisher=_name(author), publisher_site=domain_of(_text(author.get("url")) if isinstance(author, dict) else None)
        or domain_of(url),
        review_date=_date(node.get("datePublished")),
        rating=_text(rating.get("alternateName")) or _text(rating.get("name")),
        language=_text(node.get("inLanguage")) if isinstance(node.get("inLanguage"), str) else None,
    )


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _name(value: Any) -> str | None:
    if isinstance(value, dict):
        return _text(value.get("name"))
    return _text(value) if isinstance(value, str) else None


def _text(value: Any) -> str | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%Y/%m/%d", "%d-%m-%Y", "%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y")


def _date(value: Any) -> str | None:
    """An ISO date (``YYYY-MM-DD``) when the value reads as one; otherwise the value as given."""
    text = _text(value)
    if text is None:
        return None
    if re.match(r"^\d{4}-\d{2}-\d{2}", text):
        return text[:10]
    for form in DATE_FORMATS:
        try:
            return datetime.strptime(text, form).date().isoformat()
        except ValueError:
            continue
    return text


# -- HTML -------------------------------------------------------------------------------

def _html_records(text: str, url: str) -> Records:
    import extruct

    try:
        data = extruct.extract(text, syntaxes=["json-ld", "microdata"], uniform=True, errors="ignore")
    except Exception as err:  # extruct surfaces lxml's and json's errors as they are
        raise IngestError(f"unreadable HTML: {err}") from None
    items = [i for i in _unpack(data.get("json-ld", []) + data.get("microdata", [])) if not isinstance(i, str)]
    if not items:
        raise IngestError("no ClaimReview in the page's JSON-LD or microdata")
    yield from enumerate(items, start=1)


# -- CheckThat! verified claims ---------------------------------------------------------

def _checkthat_records(text: str) -> Records:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader, None)
    if header is None or [h.strip() for h in header[:2]] != ["vclaim_id", "vclaim"]:
        raise IngestError(f"not a CheckThat! verified-claims TSV: the header is {header!r}, "
                          f"expected vclaim_id, vclaim, title")
    for number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < 2:
            yield number, f"{len(row)} column(s), expected vclaim_id, vclaim, title"
            continue
        title = _text(row[2].strip().strip('"')) if len(row) > 2 else None
        publisher, rating = _title_publisher_rating(title)
        yield number, FactCheck(
            claim=_text(row[1].strip().strip('"')) or "", title=title, external_id=_text(row[0]),
            publisher=publisher, publisher_site=TITLE_PUBLISHERS.get(publisher or ""), rating=rating,
        )


def _title_publisher_rating(title: str | None) -> tuple[str | None, str | None]:
    """«… - زائف - فتبينوا» → ("فتبينوا", "زائف"); the rating only when the mapping knows it."""
    if not title:
        return None, None
    parts = [p.strip() for p in re.split(r"\s[-–]\s", title)]
    if len(parts) < 2 or parts[-1] not in TITLE_PUBLISHERS:
        return None, None
    candidate = parts[-2] if len(parts) > 2 else ""
    phrase = re.search(r"خبر\s+([^-]+)$", candidate)
    for text in (candidate, phrase.group(0) if phrase else ""):
        if text and len(text.split()) <= MAX_TITLE_RATING_WORDS and classify_rating(text)[0] != "unrated":
            return parts[-1], text.rstrip(" .!")
    return parts[-1], None


# -- import -----------------------------------------------------------------------------

class FactCheckSink(Protocol):
    def add_factchecks(self, factchecks: list[FactCheck], tokens: list[list[str]]) -> list[str]:
        """Store fact-checks; per item ``added`` or ``unchanged``."""
        ...


@dataclass
class ImportReport:
    added: int = 0
    unchanged: int = 0
    errors: list[RecordError] = field(default_factory=list)
    unknown_ratings: Counter = field(default_factory=Counter)

    def to_dict(self) -> dict:
        return {"added": self.added, "unchanged": self.unchanged,
                "errors": [{"path": e.path, "record": e.record, "error": e.error} for e in self.errors],
                "unknown_ratings": dict(self.unknown_ratings.most_common())}


def factcheck_tokens(item: FactCheck) -> list[str]:
    """What BM25 sees of a fact-check: its claim and its title, analysed."""
    return analyze(f"{item.claim}\n{item.title or ''}")


def import_factchecks(paths: list[str | Path], sink: FactCheckSink,
                      on_file: Callable[[int, int], None] | None = None) -> ImportReport:
    """Read every file and store its good records (one transaction per file): a bad record
    is reported and skipped, the rest of its file still lands."""
    report = ImportReport()
    files = expand_paths(paths, FACTCHECK_SUFFIXES)
    for done, path in enumerate(files, start=1):
        result = read_factchecks(path)
        report.errors += result.errors
        report.unknown_ratings.update(result.unknown_ratings)
        if result.factchecks:
            statuses = sink.add_factchecks(result.factchecks, [factcheck_tokens(f) for f in result.factchecks])
            report.added += statuses.count("added")
            report.unchanged += statuses.count("unchanged")
        if on_file:
            on_file(done, len(files))
    return report
