"""Typed request and response bodies of the REST API (they make its OpenAPI schema).

Items that are plain domain dataclasses on the wire (``Evidence``, ``NumberCheck``,
``SearchHit``) are used as they are; the models here add what only the API returns (the
evidence excerpt) or validates (requests)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, Field

from burhan.domain import BasisLabel, CheckRecord, Evidence, FactCheckMatch, NumberCheck, VerdictLabel

MAX_INGEST_ARTICLES = 500


class ErrorItem(BaseModel):
    """One bad record of an upload or a request body."""

    path: str = Field(description="The file, 'body', or the record's place in the body (articles[3]).")
    record: int | None = Field(None, description="The record's number in its file (from 1), where it has one.")
    error: str


class ErrorBody(BaseModel):
    code: Literal["bad_request", "unauthorized", "forbidden", "not_found", "method_not_allowed", "conflict",
                  "too_large", "unsupported_media_type", "invalid_request", "too_many_requests", "internal", "insufficient_storage"] = Field(
        description="What kind of error, stable for programs; ``message`` says it for people.")
    message: str
    field: str | None = Field(None, description="The request field at fault, where there is one (``claim``, ``k``).")
    errors: list[ErrorItem] | None = Field(None, description="Each bad record, when an upload was refused.")


class ErrorResponse(BaseModel):
    """The one shape of every error answer of the API."""

    error: ErrorBody


class CheckRequest(BaseModel):
    claim: str = Field(description="The claim to check, in Arabic.", examples=["مقتل 1300 مدني في سوريا خلال نوفمبر"])
    k: int = Field(20, ge=1, le=100, description="How many articles to retrieve as evidence.")
    lang: Literal["ar", "en"] = Field("ar", description="Language of the explanation.")
    date: str | None = Field(None, pattern=r"^\d{4}-\d{2}(-\d{2})?$",
                             description="When the claimed event happened (ISO); evidence published earlier cannot confirm it.")


class ExcerptSentence(BaseModel):
    index: int
    text: str
    rationale: bool = Field(description="Whether this sentence carries the article's stance.")


@dataclass
class EvidenceItem(Evidence):
    """The domain's ``Evidence`` and an excerpt: its rationale sentences with their neighbours, in order."""

    excerpt: list[ExcerptSentence] = field(default_factory=list)


class CheckResponse(BaseModel):
    claim: str
    verdict: VerdictLabel
    basis: BasisLabel = Field(description="Why: supported (independent agreeing stories), refuted (a disagreeing "
                              "story or a conflicting count), unconfirmed (related coverage that confirms nothing; "
                              "not a refutation), no_evidence (nothing related).")
    confidence: float | None = Field(description="P of the verdict given; null for not_enough_evidence.")
    p_true: float | None
    evidence: list[EvidenceItem]
    numbers: list[NumberCheck]
    explanation: str
    places: list[str]
    dates: list[str]
    warnings: list[str]
    factchecks: list[FactCheckMatch] = Field(description="Published fact-checks of this claim (P(same claim) over "
                                             "the matcher's show threshold), best first; a confident one with a "
                                             "false or true rating decides the verdict and its basis.")
    check_id: int | None = Field(None, description="The check's id in the history (GET /api/checks/{id}); null "
                                 "when the server reads a sharded corpus, which keeps no history.")


class CheckList(BaseModel):
    total: int = Field(description="How many checks the history holds.")
    offset: int
    items: list[CheckRecord] = Field(description="Newest first, without the stored answer (``result`` is null: "
                                     "GET /api/checks/{id} has it).")


class CheckEdit(BaseModel):
    """An editor's note and verdict, kept beside the machine's answer. A field left out keeps
    its value; ``verdict_override: null`` removes the editor's verdict, ``note: ""`` the note."""

    note: str | None = Field(None, max_length=5000, description="The editor's note.")
    verdict_override: VerdictLabel | None = Field(None, description="The editor's verdict.")


class ArticleResponse(BaseModel):
    id: int
    title: str | None
    origin: str
    url: str | None
    source: str | None
    date: str | None
    story_id: int | None
    copies: list[int]
    text: str
    sentences: list[str]


class ArticleSummary(BaseModel):
    id: int
    title: str | None
    origin: str = Field(description="Where it was read from: its URL, or the file (and record) it came from.")
    url: str | None
    source: str | None = Field(description="The publisher (domain or name); null when unknown.")
    date: str | None
    story_id: int | None


class ArticleList(BaseModel):
    total: int = Field(description="How many articles the corpus holds.")
    offset: int
    items: list[ArticleSummary] = Field(description="In the order they were stored.")


class IngestArticle(BaseModel):
    text: str = Field(min_length=1, description="The article's text (plain text or HTML).")
    title: str | None = None
    url: str | None = None
    date: str | None = None
    source: str | None = None
    html: bool = Field(False, description="Whether ``text`` is an HTML page.")


class IngestRequest(BaseModel):
    articles: list[IngestArticle] = Field(min_length=1, max_length=MAX_INGEST_ARTICLES)


class IngestError(BaseModel):
    path: str
    error: str


class IngestResponse(BaseModel):
    added: int
    unchanged: int
    duplicates: int
    errors: list[IngestError]


class Health(BaseModel):
    status: Literal["ok"]
    articles: int
    worker: int = Field(description="Process id of the server worker that answered (burhan serve --workers N)")


class FactCheckImportError(BaseModel):
    path: str = Field(description="The file (or 'body' for a JSON request body).")
    record: int | None = Field(description="The record's number in its file (from 1); null when the whole file failed.")
    error: str


class FactCheckImportResponse(BaseModel):
    added: int
    unchanged: int
    errors: list[FactCheckImportError]
    unknown_ratings: dict[str, int] = Field(description="Ratings the mapping does not know, as published, with how "
                                            "many records carry them (stored, normalised to unrated).")
