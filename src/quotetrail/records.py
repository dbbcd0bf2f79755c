"""The data model: every record that flows between stages is defined here, once.

Records are plain dataclasses of plain values (str, int, bool, lists, dicts), so they pickle
across processes and machines unchanged and serialise to JSON with `to_dict`. No spaCy object
ever leaves the process that parsed it.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from enum import StrEnum
from functools import cached_property
from typing import Any


class StatementKind(StrEnum):
    """How a statement is reported: in its own words, in the reporter's, or both; a speech act
    reported by what it bears on ("rejected the proposal", "expressed concern about the cuts":
    a position, without the words that took it); or a turn of a transcript or interview, the
    speaker's words as the record gives them."""

    direct = "direct"
    indirect = "indirect"
    mixed = "mixed"
    act = "act"
    transcript = "transcript"


class StanceLabel(StrEnum):
    """A speaker's stance toward a target in one statement."""

    support = "support"
    oppose = "oppose"
    neutral = "neutral"


def stable_id(*parts: str, length: int = 16) -> str:
    """A short hex id that depends only on `parts` (same input, same id, on any machine)."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]


def content_id(text: str) -> str:
    """Id of an article from its content: NFC-normalised, whitespace-insensitive.

    Two files holding the same article (re-saved, different line endings or trailing blanks)
    get the same id, which is what makes ingest idempotent.
    """
    normalised = " ".join(unicodedata.normalize("NFC", text).split())
    return stable_id(normalised)


@dataclass(frozen=True)
class RawDocument:
    """One article as a reader found it, before any cleaning.

    `content` is decoded text; `format` says how to read it ("text" for a scraped text dump,
    "html" for a page). Metadata a container already carries (JSONL fields, WARC headers) rides
    along in the optional fields; cleaning fills in what is missing from the content itself.
    """

    source_path: str
    content: str
    format: str = "text"
    locator: str = ""  # where inside the source: "line 12", "record 3"; empty for a whole file
    url: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    encoding: str | None = None

    @cached_property
    def id(self) -> str:
        return content_id(self.content)

    @property
    def origin(self) -> str:
        """The file (and place inside it) this document came from, for messages."""
        return f"{self.source_path}:{self.locator}" if self.locator else self.source_path


@dataclass(frozen=True)
class Rejection:
    """An input that could not become an article, named with the reason."""

    source: str
    reason: str


@dataclass
class RemovedLine:
    """A line cleaning removed from an article, and the rule that removed it."""

    text: str
    rule: str


@dataclass
class Article:
    """A cleaned article. `text` is what every statement span indexes."""

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    published_time: str | None = None  # HH:MM when the source gives it
    published_inferred: bool = False  # True when taken from a date the text mentions
    url: str | None = None
    source_path: str = ""
    language: str = "en"
    dateline: str | None = None  # place of the dateline, "MOSCOW"
    tone: float | None = None  # GDELT-like document tone (analyze.tone); never a speaker's stance
    removed: list[RemovedLine] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Mention:
    """A named entity as written in one article."""

    text: str
    label: str  # spaCy label: PERSON, ORG, GPE, NORP, …
    start: int
    end: int


@dataclass
class SpeakerEntity:
    """Who the link stage resolved a speaker to across articles: one person or body under every
    spelling ("Zamir Kabul" and "Zamir Kabulov"), and the entity it speaks for."""

    id: str
    name: str
    affiliation: str | None = None  # None for a body speaking for itself, or nobody known


DOCUMENT = "document"  # a speaker kind: "the report said", a document whose author is not given
QUESTIONER = "questioner"  # a speaker kind: who asks in a transcript ("Q:", a moderator, AFP)


@dataclass
class Speaker:
    """Who made a statement, resolved as far as the article allows."""

    name: str  # canonical: the fullest form the article gives
    mention: str  # as written at the cue: "he", "The top Russian diplomat", "Putin"
    kind: str = "person"  # person | organization | place | document | questioner (who asks)
    role: str | None = None
    affiliation: str | None = None
    id: str = ""
    entity: SpeakerEntity | None = None  # filled when the store reads the statement back

    def __post_init__(self) -> None:
        if not self.id:
            self.id = stable_id(self.kind, self.name.casefold())

    @property
    def resolved_name(self) -> str:
        """The name as resolved across articles, else as the article gives it."""
        return self.entity.name if self.entity else self.name

    @property
    def resolved_affiliation(self) -> str | None:
        """The affiliation the article gives, else the one resolved across articles."""
        return self.affiliation or (self.entity.affiliation if self.entity else None)

    def to_dict(self) -> dict[str, Any]:
        record = asdict(self)
        return {key: record[key] for key in SPEAKER_KEYS}

    @classmethod
    def from_dict(cls, record: Mapping[str, Any]) -> Speaker:
        """A speaker from its JSON data (what `to_dict` writes)."""
        values = _known_fields(cls, record)
        if values.get("entity"):
            values["entity"] = SpeakerEntity(**values["entity"])
        return cls(**values)


SPEAKER_KEYS = ("name", "id", "kind", "role", "affiliation", "mention", "entity")
# The contract record's keys, in the order every output writes them.
STATEMENT_KEYS = (
    "id",
    "article_id",
    "outlet",
    "published",
    "said_on",
    "said_on_assumed",
    "kind",
    "speaker",
    "cue",
    "quote",
    "sentence",
    "span",
    "about",
    "stance",
    "also_in",
    "linked",
    "story_id",
    "story_first",
)


@dataclass
class Statement:
    """One thing someone is reported to have said, in one article.

    Extraction fills the fields up to `id`; the store fills the rest when it reads a statement
    back (its article's outlet and date, its links, its story), so a stored statement and a
    fresh one are the same record.
    """

    article_id: str
    kind: str  # direct | indirect | mixed | act | transcript
    quote: str  # the statement's content
    sentence: str  # the sentence(s) that carry it
    span: tuple[int, int]  # offsets of `quote` in the article's cleaned text
    speaker: Speaker | None = None
    cue: str | None = None  # the speech verb or phrase: "said", "according to"
    said_on: str | None = None  # ISO date
    said_on_assumed: bool = True  # True when no date is stated and the publication date stands in
    about: list[str] = field(default_factory=list)
    stance: dict[str, dict[str, Any]] = field(default_factory=dict)
    also_in: list[str] = field(default_factory=list)  # other articles carrying it (article ids)
    id: str = ""
    outlet: str | None = None  # the article's
    published: str | None = None  # the article's publication date
    linked: list[str] = field(default_factory=list)  # its reports in other articles (statement ids)
    story_id: str | None = None
    story_first: str | None = None  # the story's first date: when an undated article's news ran

    def __post_init__(self) -> None:
        self.span = (int(self.span[0]), int(self.span[1]))
        if not self.id:
            self.id = stable_id(self.article_id, str(self.span[0]), str(self.span[1]))

    @property
    def speaker_name(self) -> str | None:
        """The speaker as resolved across articles (None for a statement with no speaker)."""
        return self.speaker.resolved_name if self.speaker else None

    @property
    def said_date(self) -> str | None:
        """When the statement was made: said_on, else the publication date, else — for an
        article that states no date — the first date of the story it belongs to."""
        return self.said_on or self.published or self.story_first

    @property
    def date_source(self) -> str:
        """Where `said_date` came from: stated in the text, the publication date, or the story."""
        if self.said_on and not self.said_on_assumed:
            return "stated"
        if self.said_on or self.published:
            return "published"
        return "story" if self.story_first else "none"

    def stance_toward(self, target: str) -> dict[str, Any] | None:
        """The stance entry for `target` (case-insensitive; a name containing it, or contained
        in it, counts when no name is the target itself)."""
        wanted = target.casefold()
        for name, entry in self.stance.items():
            if name.casefold() == wanted:
                return entry
        for name, entry in self.stance.items():
            if wanted in name.casefold() or name.casefold() in wanted:
                return entry
        return None

    def to_dict(self) -> dict[str, Any]:
        """The statement as JSON data: the contract record, the one shape every output writes."""
        record = asdict(self)
        record["span"] = list(self.span)
        record["speaker"] = self.speaker.to_dict() if self.speaker else None
        return {key: record[key] for key in STATEMENT_KEYS}

    @classmethod
    def from_dict(cls, record: Mapping[str, Any]) -> Statement:
        """A statement from its JSON data (a contract record, as `to_dict` writes it)."""
        values = _known_fields(cls, record)
        if values.get("speaker"):
            values["speaker"] = Speaker.from_dict(values["speaker"])
        return cls(**values)


def _known_fields(cls: type, record: Mapping[str, Any]) -> dict[str, Any]:
    """The items of `record` that are fields of the dataclass `cls` (JSON data may carry more,
    such as a search score)."""
    names = {item.name for item in fields(cls)}
    return {key: value for key, value in record.items() if key in names}


# The reason on a link between two statements joined by circumstance, not by words: the same
# speaker on the same day within one story (the link stage makes such links; a listing of one
# story's statements keeps both sides, since their words differ).
SAME_OCCASION = "same occasion: same story, speaker and day"


@dataclass
class LinkKeys:
    """What linking needs of one article that depends on that article alone: its MinHash
    signature (near-duplicates) and its weighed story features (stories). The per-document
    stage works them out beside the parse, so the one writer that every worker's results pass
    through only compares them; an article linked from the store alone gets them from its
    stored text and mentions, the same values."""

    signature: list[int]
    story_features: dict[str, float]


@dataclass
class ArticleResult:
    """Everything the per-document stages produce for one article."""

    article: Article
    statements: list[Statement] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    furniture_candidates: list[str] = field(
        default_factory=list
    )  # short raw lines, for learning furniture
    link_keys: LinkKeys | None = None  # None: linking works them out from the stored article


@dataclass
class Batch:
    """The unit a driver ships to a worker: documents, plus the furniture lines learned so far
    per outlet (what the corpus has shown to be site furniture; see `clean.furniture`)."""

    documents: list[RawDocument]
    furniture: dict[str, frozenset[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class FetchRecord:
    """What the fetch log keeps of one URL (the store's `fetches`): the validators a conditional
    request sends, the body of a feed, sitemap or robots.txt (a 304 answers with it), the article
    a page gave, and whether the URL is done (never fetched again: its document was handled, or
    it failed for good)."""

    url: str
    status: int  # the HTTP status; 0 when no answer came
    fetched_at: str  # ISO time, UTC
    etag: str | None = None
    last_modified: str | None = None
    body: bytes | None = None
    content_id: str | None = None
    reason: str | None = None  # why it failed, when it did
    done: bool = False


@dataclass
class Alert:
    """A change in the record worth telling (`analyze.alerts`): its `key` names the event, so
    the same event is never told twice; `statements` are the statements it rests on."""

    key: str
    kind: str  # statement | shift | contradiction | coverage
    title: str
    statements: list[str]
    raised: str = ""  # ISO time, UTC, when first seen
    actor: str | None = None
    target: str | None = None
    detail: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
