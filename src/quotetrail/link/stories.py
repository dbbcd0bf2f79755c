"""Stories: articles about the same real-world event, clustered online as they arrive.

Single pass, no recomputation: each new article is compared only with the stories that share
one of its most distinctive terms (an inverted index over each story's top terms), joins the
most similar one when the cosine similarity clears `JOIN_THRESHOLD`, and otherwise opens a
story of its own. The same `StoryIndex.add` runs in production (state kept in the store) and in
the ECB+ harness (state in memory), so the number in docs/evaluation.md is the shipped rule.

One decision is deferred. The first report of a second event of one type (a boxer's next
fight, a company's next patch) resembles the story of the first event, and once it has joined,
the story draws in the rest of the second event. So a join that clears the threshold but not
`SURE_THRESHOLD`, to a story of two articles or more, opens a *provisional sibling*: the
article is listed in the story it resembles (`Assignment.story_id`), while its features stay
in the sibling. Articles that follow choose between a story and its siblings by their mean
similarity to the members (`_mean_similarity`; the centroid cosine favours the larger story).
A second article joining a sibling makes it a story of its own, and the first moves there
(`Assignment.moved`); a sibling nobody joins while its parent takes `SIBLING_PATIENCE` more
articles is merged into the parent. Every step touches only the stories at hand.

An article is a bag of three kinds of features, because articles of one *type* of event share
their vocabulary and only the particulars tell two events apart:
  - content words (lowercased, stop words dropped),
  - named entities, counted twice ("e:tara reid"; a person by surname, `story_entity`),
  - years and other numbers of two digits or more the text states ("y:2013", "n:90"; a single
    digit is a count, a score or a time, which news spells out or leaves unspecific, yet having
    no general-English frequency it would weigh like a name).
News is written as an inverted pyramid: the headline and lead name the event, later paragraphs
add background, often about the earlier events of the same kind. So an occurrence counts
LEAD_WEIGHT times at the start of the text (the headline, which leads an article's text), once
at its end, and linearly in between. Weights are sublinear tf x idf. The idf adds two counts
of documents: those of the articles seen so far, and those a general-English prior expects
(`prior_df`: word frequencies shipped in data/word_frequencies.tsv, read as PRIOR_DOCS articles
of PRIOR_WORDS words). Without the prior, a stream that meets a new kind of event for the first
time sees the words of the event type ("rehab", "heavyweight", "patch") as rare as the names
that tell two such events apart.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

from spacy.lang.en.stop_words import STOP_WORDS

# A document joins a story when cosine(document, story centroid) >= this. Stated rule, one
# value for every corpus: half-way between the median similarity of two articles about different
# events of one type and that of two reports of one event (`eval.clusters.rule_threshold`, see
# docs/evaluation.md, "Stories"), rounded to two decimals.
JOIN_THRESHOLD = 0.23
# Below this a join to a story of two or more articles is provisional (see the module doc).
# Stated rule: the 95th percentile of the similarity of two articles about different events of
# one type (`eval.clusters.rule_threshold`), rounded to two decimals: above it, a pair about
# different events is rare. A story of one article is compared pair for pair, the units both
# thresholds are stated in; from two on, the cosine to a centroid grows with the story.
SURE_THRESHOLD = 0.31
SIBLING_PATIENCE = (
    3  # a sibling nobody joined while its parent took this many articles is the parent's
)
QUERY_TERMS = 12  # a new document looks up stories by this many of its heaviest terms
STORY_TERMS = 40  # a story is findable by this many of its heaviest centroid terms
MAX_CANDIDATES = 10  # a document is compared with at most this many stories
ENTITY_WEIGHT = 2  # an entity mention counts as this many word occurrences
LEAD_WEIGHT = (
    2.0  # an occurrence at the very start of the text counts this many times one at its end
)
STORY_WINDOW_DAYS = 30  # a dated article joins only stories whose dates come this close to its own
CENTROID_TERMS = 100  # a story keeps this many centroid terms (bounded state per story)
PRIOR_DOCS = 10_000  # the general-English prior weighs as much as this many articles...
PRIOR_WORDS = 400  # ...of this many words each (a news article of typical length)
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "DATE"})

_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]", re.UNICODE)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\w])")


@lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    """A crude plural/possessive fold, enough to make "rehabs"/"rehab" one term."""
    word = word.replace("’", "'").removesuffix("'s")
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def story_entity(text: str, label: str) -> str | None:
    """The name an entity mention counts under in story features, None for labels not used.

    A person counts under the surname ("Wladimir Klitschko", "Klitschko" and "Klitschko's" are
    one feature): news names a person in full once and by surname after, and two features for
    one person would count the same evidence twice when shared and twice when not.
    """
    if label not in ENTITY_LABELS:
        return None
    if label == "PERSON":
        words = text.split()
        return words[-1].replace("’", "'").removesuffix("'s") if words else None
    return text


def story_features(
    text: str, entities: Iterable[tuple[str, int]] = (), title: str | None = None
) -> Counter[str]:
    """The feature counts of one article: its words, numbers and entity mentions, each
    occurrence weighed by where in the text it stands (`LEAD_WEIGHT`). `entities` are
    (`story_entity` name, character offset in `text`) pairs. A title the text does not already
    open with is read as its first line (a cleaned article's text leads with its headline)."""
    if title and not text.startswith(title):
        lead = f"{title}\n\n"
        text, entities = lead + text, [(name, offset + len(lead)) for name, offset in entities]
    counts: Counter[str] = Counter()
    span = max(len(text), 1)

    def at(offset: int) -> float:
        return LEAD_WEIGHT - (LEAD_WEIGHT - 1.0) * min(offset, span) / span

    for match in _WORD.finditer(text.lower()):
        word = match.group()
        if len(word) > 2 and word not in STOP_WORDS:
            counts[_stem(word)] += at(match.start())
    for match in _YEAR.finditer(text):
        counts[f"y:{match.group(1)}"] += at(match.start())
    for match in _NUMBER.finditer(text):
        if len(match.group(1)) > 1 and not _YEAR.fullmatch(match.group(1)):
            counts[f"n:{match.group(1).replace(',', '')}"] += at(match.start())
    for entity, offset in entities:
        key = " ".join(entity.lower().split())
        if key:
            counts[f"e:{key}"] += ENTITY_WEIGHT * at(offset)
    return counts


@lru_cache(maxsize=1)
def _word_frequencies() -> dict[str, float]:
    """Word → frequency per word of running English text (data/word_frequencies.tsv)."""
    text = (
        resources.files("quotetrail.link")
        .joinpath("data/word_frequencies.tsv")
        .read_text(encoding="utf-8")
    )
    table = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            word, zipf = line.split("\t")
            table[word] = 10.0 ** (float(zipf) - 9.0)
    return table


def _frequency(term: str) -> float:
    """How often a feature's words occur in general English (0 for numbers, years, unknowns).

    A word term may be a folded plural (`_stem`), so the commoner of "x" and "xs" counts. An
    entity's frequency is that of its words together, 1 / sum(1 / f(word)) (how wordfreq
    estimates a phrase): an entity made of common words ("the white house", "tuesday") is common,
    one with a rare name in it ("tony thompson") is rare.
    """
    if term.startswith(("y:", "n:")):
        return 0.0
    table = _word_frequencies()
    if not term.startswith("e:"):
        return max(table.get(term, 0.0), table.get(term + "s", 0.0))
    words = term[2:].split()
    if not words or any(not _WORD.fullmatch(word) for word in words):
        return 0.0  # a number or a symbol in it: a specific, not general English
    inverse = 0.0
    for word in words:
        f = table.get(word.replace("’", "'"), 0.0)
        if not f:
            return 0.0
        inverse += 1.0 / f
    return 1.0 / inverse


@lru_cache(maxsize=1 << 16)
def prior_share(term: str) -> float:
    """The share of general-English articles of PRIOR_WORDS words the term occurs in:
    P(at least one occurrence), the words drawn independently."""
    return -math.expm1(-_frequency(term) * PRIOR_WORDS)


def prior_df(term: str, docs: int = PRIOR_DOCS) -> float:
    """In how many of `docs` general-English articles the term would occur."""
    return docs * prior_share(term)


def _unit(weights: Mapping[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {term: w / norm for term, w in weights.items()} if norm else {}


def term_frequencies(counts: Mapping[str, float]) -> dict[str, float]:
    """Sublinear, unit-length term frequencies: what a story centroid accumulates."""
    return _unit(_sublinear(counts))


def _sublinear(counts: Mapping[str, float]) -> dict[str, float]:
    """1 + log(count) per term. Counts are weighed occurrences (at least 1 each,
    `LEAD_WEIGHT`), so the log stays positive."""
    return {term: 1.0 + math.log(n) for term, n in counts.items() if n > 0}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two sparse vectors (their dot product: `term_frequencies` are unit length)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(term, 0.0) for term, w in a.items())


def _heaviest(vector: Mapping[str, float]) -> list[str]:
    """The QUERY_TERMS heaviest terms of a weighed document, ties by term (a partial sort: a
    document has some 130 terms)."""
    top = heapq.nsmallest(QUERY_TERMS, vector.items(), key=lambda kv: (-kv[1], kv[0]))
    return [term for term, _ in top]


class _LogDocs(dict[str, float]):
    """term → log(1 + prior_df + df), the part of a term's idf that changes only when a
    document holding the term is counted (`StoryIndex.count` forgets those terms): placing a
    document weighs the centroids of its candidate stories, whose terms are mostly the same
    from one document to the next."""

    def __init__(self, priors: Mapping[str, float], df: Mapping[str, int]) -> None:
        super().__init__()
        self.priors, self.df = priors, df

    def __missing__(self, term: str) -> float:
        value = self[term] = math.log(1 + self.priors[term] + self.df.get(term, 0))
        return value


class _Priors(dict[str, float]):
    """term → `prior_df(term, docs)` (0 without a prior), worked out once per term: a story's
    idf is asked for every term of every candidate centroid, article after article."""

    def __init__(self, docs: int) -> None:
        super().__init__()
        self.docs = docs

    def __missing__(self, term: str) -> float:
        value = self[term] = prior_df(term, self.docs) if self.docs else 0.0
        return value


@dataclass
class Story:
    id: str
    centroid: dict[str, float] = field(default_factory=dict)  # summed unit tf vectors
    size: int = 0
    first: str | None = None  # earliest published date of a member
    last: str | None = None
    title: str | None = None  # the title of the member most central so far
    title_score: float = -1.0
    # Length of the sum of the members' weighed unit vectors, kept as they join: the mean
    # similarity of a document to the members is its centroid cosine x norm / size.
    norm: float = 0.0
    sibling_of: str | None = None  # set on a provisional sibling: the parent (see the module doc),
    seed: str | None = None  # the sibling's one article, listed in the parent meanwhile,
    parent_size: int = 0  # and the parent's size when the sibling opened

    def top_terms(self, n: int = STORY_TERMS) -> list[str]:
        return [
            term for term, _ in sorted(self.centroid.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
        ]


def window_start(published: str | None) -> str | None:
    """The earliest last-article date of a story a dated article may still join."""
    if not published:
        return None
    return (date.fromisoformat(published[:10]) - timedelta(days=STORY_WINDOW_DAYS)).isoformat()


def _window_end(published: str) -> str:
    """The latest first-article date of a story a dated article may still join."""
    return (date.fromisoformat(published[:10]) + timedelta(days=STORY_WINDOW_DAYS)).isoformat()


def _live(story: Story, published: str | None) -> bool:
    """Whether a story is close enough in time for an article to join it, on either side: an
    archive ingested out of date order must not let a 2021 article join a 2024 story."""
    if not published:
        return True
    ended_before = story.last is not None and story.last[:10] < window_start(published)
    began_after = story.first is not None and story.first[:10] > _window_end(published)
    return not (ended_before or began_after)


@dataclass
class Assignment:
    story_id: str  # the story the article is listed in
    score: float  # similarity to the story joined; 0 for a story opened
    opened: bool
    moved: str | None = None  # an earlier article now listed in this story (a sibling confirmed)


@dataclass
class StoryIndex:
    """The online clustering state: document frequencies, stories, term → story postings."""

    df: Counter[str] = field(default_factory=Counter)
    n_docs: int = 0
    stories: dict[str, Story] = field(default_factory=dict)
    postings: dict[str, set[str]] = field(default_factory=dict)
    threshold: float = JOIN_THRESHOLD
    sure: float = SURE_THRESHOLD
    prior_docs: int = PRIOR_DOCS  # 0: the idf of the articles seen only
    siblings: dict[str, set[str]] = field(default_factory=dict)  # story → its provisional siblings
    changed: set[str] = field(default_factory=set)  # stories to save...
    removed: set[str] = field(
        default_factory=set
    )  # ...and to delete (siblings merged into a parent)
    _priors: _Priors = field(init=False, repr=False, compare=False)
    _log_docs: _LogDocs = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._priors = _Priors(self.prior_docs)
        self._log_docs = _LogDocs(self._priors, self.df)

    @classmethod
    def restore(cls, df: Mapping[str, int], n_docs: int, stories: Iterable[Story]) -> StoryIndex:
        """An index holding only the part of the stored state one batch can touch (the stories
        a batch may join, with their siblings)."""
        index = cls(df=Counter(df), n_docs=n_docs)
        for story in stories:
            index._index(story)
        return index

    def _index(self, story: Story) -> None:
        self.stories[story.id] = story
        for term in story.top_terms():
            self.postings.setdefault(term, set()).add(story.id)
        if story.sibling_of:
            self.siblings.setdefault(story.sibling_of, set()).add(story.id)

    def probes(self, counts: Mapping[str, float]) -> list[str]:
        """The terms a document looks stories up by: its heaviest by sublinear tf x idf, as
        `candidates` ranks them (both unit scalings leave the order as it is, so neither is
        worked out)."""
        return _heaviest(self._times_idf(_sublinear(counts)))

    def count(self, terms: Iterable[str]) -> None:
        """One more document seen, holding `terms` (what the idf counts)."""
        terms = tuple(terms)
        self.n_docs += 1
        self.df.update(terms)
        for term in terms:
            self._log_docs.pop(term, None)

    def idf(self, term: str) -> float:
        """Smoothed idf over the articles seen plus the general-English prior (`prior_df`):
        log((1 + PRIOR_DOCS + seen) / (1 + prior_df + df)) + 1."""
        return self._log_seen() - self._log_docs[term]

    def _log_seen(self) -> float:
        """The idf's numerator, with its + 1."""
        return math.log(1 + self.prior_docs + self.n_docs) + 1.0

    def weigh(self, tf: Mapping[str, float]) -> dict[str, float]:
        return _unit(self._times_idf(tf))

    def _times_idf(self, tf: Mapping[str, float]) -> dict[str, float]:
        seen, docs = self._log_seen(), self._log_docs
        return {term: w * (seen - docs[term]) for term, w in tf.items()}

    def similarity(self, vector: Mapping[str, float], centroid: Mapping[str, float]) -> float:
        """cosine(vector, weigh(centroid)) for a weighed document `vector`, without building
        the weighed centroid."""
        seen, docs = self._log_seen(), self._log_docs
        dot = squares = 0.0
        for term, w in centroid.items():
            weighed = w * (seen - docs[term])
            squares += weighed * weighed
            dot += weighed * vector.get(term, 0.0)
        return dot / math.sqrt(squares) if squares else 0.0

    def candidates(self, vector: Mapping[str, float]) -> list[str]:
        """The stories sharing most of the document's heaviest terms, at most MAX_CANDIDATES:
        the cost of placing one document is bounded whatever the number of stories."""
        shared: Counter[str] = Counter()
        for term in _heaviest(vector):
            shared.update(self.postings.get(term, ()))
        return [
            sid
            for sid, _ in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_CANDIDATES]
        ]

    def best(self, tf: Mapping[str, float], published: str | None) -> tuple[str | None, float]:
        """The most similar live candidate story to a document of unit term frequencies `tf`,
        and its similarity (None when there is none). When a story and its siblings both clear
        the threshold, the one the document is closest to on average wins (`_mean_similarity`)."""
        vector = self.weigh(tf)
        scored = [
            (self.similarity(vector, self.stories[sid].centroid), sid)
            for sid in self.candidates(vector)
            if _live(self.stories[sid], published)
        ]
        if not scored:
            return None, 0.0
        score, story_id = max(scored, key=lambda pair: (pair[0], pair[1]))
        family = self._family(story_id)
        rivals = [(s, sid) for s, sid in scored if sid in family and s >= self.threshold]
        if len(rivals) > 1:
            score, story_id = max(rivals, key=lambda pair: (self._mean_similarity(*pair), pair[1]))
        return story_id, score

    def _family(self, story_id: str) -> set[str]:
        parent = self.stories[story_id].sibling_of or story_id
        return {parent, *self.siblings.get(parent, ())}

    def _mean_similarity(self, score: float, story_id: str) -> float:
        story = self.stories[story_id]
        return score * story.norm / story.size if story.size else score

    def add(
        self,
        doc_id: str,
        counts: Mapping[str, float],
        published: str | None = None,
        title: str | None = None,
    ) -> Assignment:
        """Place one document: join the best story over the threshold, or open a new one (a
        provisional sibling when the join is not sure, see the module doc)."""
        self.count(counts.keys())
        tf = term_frequencies(counts)
        story_id, score = self.best(tf, published)
        if story_id is None or score < self.threshold:
            return Assignment(
                story_id=self._open(doc_id, tf, published, title).id, score=0.0, opened=True
            )
        story = self.stories[story_id]
        if story.sibling_of:
            moved = self._confirm(story)
            self._join(story, tf, published, title, score)
            return Assignment(story_id=story.id, score=score, opened=False, moved=moved)
        if score < self.sure and story.size >= 2:
            sibling = self._open(doc_id, tf, published, title)
            sibling.sibling_of, sibling.seed, sibling.parent_size = story.id, doc_id, story.size
            self.siblings.setdefault(story.id, set()).add(sibling.id)
            return Assignment(story_id=story.id, score=score, opened=False)
        self._join(story, tf, published, title, score)
        for stale in sorted(self.siblings.get(story.id, ())):
            if story.size - self.stories[stale].parent_size >= SIBLING_PATIENCE:
                self._merge(self.stories[stale], story)
        return Assignment(story_id=story.id, score=score, opened=False)

    def _open(
        self, doc_id: str, tf: Mapping[str, float], published: str | None, title: str | None
    ) -> Story:
        story = Story(id=f"s-{doc_id}")
        self.stories[story.id] = story
        self._join(story, tf, published, title, 0.0)
        return story

    def _confirm(self, sibling: Story) -> str | None:
        """A second article joined a sibling: it is a story, and its first article moves in."""
        self.siblings.get(sibling.sibling_of or "", set()).discard(sibling.id)
        moved, sibling.sibling_of, sibling.seed, sibling.parent_size = sibling.seed, None, None, 0
        return moved

    def _merge(self, sibling: Story, parent: Story) -> None:
        """A sibling nobody joined is its parent's: its article, listed there already, counts
        there."""
        similarity = cosine(self.weigh(sibling.centroid), self.weigh(parent.centroid))
        self._update(parent, sibling.centroid, similarity)
        for day in (sibling.first, sibling.last):
            self._extend(parent, day)
        self.siblings[parent.id].discard(sibling.id)
        del self.stories[sibling.id]
        for term in sibling.top_terms():
            self.postings.get(term, set()).discard(sibling.id)
        self.changed.discard(sibling.id)
        self.removed.add(sibling.id)

    def _join(
        self,
        story: Story,
        tf: Mapping[str, float],
        published: str | None,
        title: str | None,
        score: float,
    ) -> None:
        self._update(story, tf, score)
        self._extend(story, published)
        if title and (story.title is None or score > story.title_score):
            story.title, story.title_score = title, score

    def _update(self, story: Story, tf: Mapping[str, float], score: float) -> None:
        """Add one member's unit tf vector, `score` its similarity to the story before."""
        old_terms = set(story.top_terms())
        for term, w in tf.items():
            story.centroid[term] = story.centroid.get(term, 0.0) + w
        ranked = sorted(story.centroid.items(), key=lambda kv: (-kv[1], kv[0]))[:CENTROID_TERMS]
        story.centroid = dict(ranked)
        story.norm = math.sqrt(
            story.norm * story.norm + 2.0 * score * story.norm + 1.0
        )  # |S + u|, u . S ~ score x |S|
        story.size += 1
        self.changed.add(story.id)
        new_terms = {term for term, _ in ranked[:STORY_TERMS]}  # top_terms(), sorted above
        for term in old_terms - new_terms:
            self.postings.get(term, set()).discard(story.id)
        for term in new_terms - old_terms:
            self.postings.setdefault(term, set()).add(story.id)

    @staticmethod
    def _extend(story: Story, published: str | None) -> None:
        if published:
            story.first = min(filter(None, (story.first, published)))
            story.last = max(filter(None, (story.last, published)))
