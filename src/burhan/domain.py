"""Plain dataclasses shared by every stage of the pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article, as displayed (original spelling kept)."""

    index: int
    text: str


@dataclass
class Document:
    """A news item as read from a file, before cleaning.

    ``origin`` says where it came from: a file path, ``path#record`` inside a
    collection (JSONL line, CSV row), or the article's URL when the source gives one.
    """

    origin: str
    raw_text: str
    title: str | None = None
    url: str | None = None
    date: str | None = None
    source: str | None = None
    is_html: bool = False


@dataclass
class Article:
    """A cleaned article, ready to be stored and searched."""

    origin: str
    raw_text: str
    text: str
    sentences: list[Sentence]
    content_hash: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    date: str | None = None
    id: int | None = None
    story_id: int | None = None
    signature: list[int] = field(default_factory=list, repr=False)


@dataclass
class SearchHit:
    """One search result: an article, or (in sentence mode) one sentence of it."""

    article_id: int
    title: str | None
    origin: str
    source: str | None
    date: str | None
    url: str | None
    score: float
    story_id: int | None = None
    sentence_index: int | None = None
    sentence: str | None = None
