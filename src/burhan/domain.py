"""Plain dataclasses shared by every stage of the pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, get_args

StanceLabel = Literal["agree", "disagree", "discuss", "unrelated"]
VerdictLabel = Literal["true", "false", "not_enough_evidence"]
# "context": a part of a total, or a count of another event, period, source or place, shown but not weighed
CountRelation = Literal["match", "conflict", "context"]
# why the verdict is what it is: independent agreeing stories (supported); a disagreeing story,
# a conflicting count of the same thing or a denial (refuted); related coverage that confirms
# nothing (unconfirmed); nothing related (no_evidence)
BasisLabel = Literal["supported", "refuted", "unconfirmed", "no_evidence"]
STANCES: tuple[str, ...] = get_args(StanceLabel)
VERDICTS: tuple[str, ...] = get_args(VerdictLabel)
BASES: tuple[str, ...] = get_args(BasisLabel)
# a published fact-check's rating mapped onto one scale (``burhan.ingest.ratings``);
# "unrated": no rating given, or one the mapping does not know (kept as published, never guessed)
RatingLabel = Literal["false", "misleading", "mixed", "true", "unproven", "satire", "unrated"]
RATINGS: tuple[str, ...] = get_args(RatingLabel)


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article, as displayed (original spelling kept), with its search
    stems (``burhan.text.tokens.analyze``), analysed once at ingest and stored."""

    index: int
    text: str
    stems: tuple[str, ...] | None = field(default=None, repr=False, compare=False)


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
    fetched: str | None = None  # when a crawler fetched the page (WARC-Date): the date if the page gives none
    arabic_only: bool = False  # keep it only if its main text is Arabic (pages of a web archive)


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

    # Pickled compactly: ingest's worker processes send every article to the writing process,
    # and one ``Sentence`` and one tuple of stems per sentence made pickling ten times slower
    # than two strings per article (texts and stems, a line each).
    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        sentences = state["sentences"]
        if all(s.index == k and s.stems is not None and "\n" not in s.text for k, s in enumerate(sentences)):
            state["sentences"] = (len(sentences), "\n".join(s.text for s in sentences),
                                  "\n".join(" ".join(s.stems) for s in sentences))
        return state

    def __setstate__(self, state: dict) -> None:
        if isinstance(state["sentences"], tuple):
            count, texts, stems = state["sentences"]
            state["sentences"] = [Sentence(k, text, tuple(words.split())) for k, (text, words)
                                  in enumerate(zip(texts.split("\n"), stems.split("\n")))] if count else []
        self.__dict__.update(state)


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


@dataclass(frozen=True)
class RationaleSentence:
    """A sentence of an article that carries its stance toward a claim."""

    index: int
    text: str
    score: float


@dataclass
class Claim:
    """A claim to check. ``date`` (ISO, optional) is when the reported event happened;
    when absent it is read from the claim text if the text gives a full date."""

    text: str
    id: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class NumberCheck:
    """A count or measure in the claim compared with one in an evidence sentence about the same thing."""

    relation: CountRelation
    noun: str
    claim_value: float
    claim_text: str
    evidence_value: float
    evidence_text: str
    article_id: int
    sentence_index: int
    sentence: str
    kind: str = "count"  # count, duration, percent, distance or money


@dataclass
class Evidence:
    """One article's part in a verdict: its stance, why, and how much it weighed."""

    article_id: int
    title: str | None
    origin: str
    source: str | None
    url: str | None
    date: str | None
    stance: StanceLabel
    stance_probs: dict[str, float]
    rationale: list[RationaleSentence]
    weight: float  # its weight in the decision (copies of one story weigh 0 but their lead)
    story_id: int | None = None
    reliability: float = 0.5
    # True when the source is unknown to the reliability table: ``reliability`` is then its prior
    reliability_is_prior: bool = False
    coverage: float = 0.0  # share of the claim's content found in the article (IDF-weighted)
    copies: list[int] = field(default_factory=list)  # other articles of the same story, merged into this one
    duplicate_of: int | None = None  # set on a copy: the article that speaks for its story
    predates_claim: bool = False
    places: list[str] = field(default_factory=list)
    # per rationale sentence: P(supports), P(refutes), P(neutral) from the evidence model
    sentence_evidence: list[dict[str, float]] = field(default_factory=list)


@dataclass
class FactCheck:
    """A fact-check already published (schema.org ClaimReview): the claim as the fact-checker
    states it, who reviewed it, when, and the rating as published and normalised.

    ``origin`` says where it was read from (``path#record``); ``external_id`` is the
    publisher's or the dataset's own id when there is no URL (CheckThat! ``vclaim-0001``)."""

    claim: str
    url: str | None = None
    title: str | None = None
    claimant: str | None = None
    claim_date: str | None = None
    publisher: str | None = None
    publisher_site: str | None = None
    review_date: str | None = None
    rating: str | None = None
    rating_normalised: RatingLabel = "unrated"
    language: str | None = None
    external_id: str | None = None
    origin: str = ""
    id: int | None = None


@dataclass
class FactCheckMatch:
    """A published fact-check that matches a claim; ``score`` is P(same claim), calibrated."""

    factcheck_id: int
    claim: str
    title: str | None
    publisher: str | None
    url: str | None
    rating: str | None
    rating_normalised: RatingLabel
    review_date: str | None
    score: float


@dataclass
class Verdict:
    """The answer to a claim check."""

    claim: str
    verdict: VerdictLabel
    basis: BasisLabel
    confidence: float | None  # P of the verdict given; None for not_enough_evidence (no fake certainty)
    evidence: list[Evidence]
    numbers: list[NumberCheck]
    explanation: str
    p_true: float | None = None
    places: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # published fact-checks of this claim (score at or above the matcher's threshold), best first
    factchecks: list[FactCheckMatch] = field(default_factory=list)


# who made a check: the command line, a batch file, the REST API or the web page
CheckChannel = Literal["cli", "batch", "api", "page"]
CHANNELS: tuple[str, ...] = get_args(CheckChannel)


@dataclass
class CheckRecord:
    """One check as the history keeps it: what was asked, what the machine answered, over which
    corpus and models, and what an editor later added. The machine's verdict is never replaced:
    an editor's ``verdict_override`` and ``note`` are kept beside it."""

    id: int
    claim: str
    checked_at: str  # ISO 8601, UTC
    verdict: VerdictLabel
    basis: BasisLabel
    confidence: float | None
    p_true: float | None
    evidence_ids: list[int]  # the related articles, most weighty first
    corpus_articles: int  # the corpus version: how many articles it held …
    corpus_last_ingest: str | None  # … and when the last of them was stored
    models: dict[str, str]  # model file → the first 12 hex digits of its SHA-256
    asked_by: str  # the token's name, "cli", or "anonymous"
    channel: CheckChannel
    note: str | None = None
    verdict_override: VerdictLabel | None = None
    edited_at: str | None = None
    edited_by: str | None = None
    result: dict | None = None  # the whole answer as it was given (the Verdict as JSON); not in listings
