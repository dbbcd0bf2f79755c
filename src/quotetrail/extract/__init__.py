"""Extraction: from one cleaned article and its parse, the statements and entity mentions.

quotes.py finds quotation spans in the text, reported.py the speech cues in the parse,
assemble.py pairs them into statement drafts, speakers.py resolves who spoke, dates.py when,
entities.py about whom; transcript.py reads turn-taking text (transcripts, interviews), whose
turns are statements of their own that no other extractor reads inside; the word lists they ask
are the lexicon's (`quotetrail.lexicon`).
Everything works on the one parse the pipeline already made; segment.py holds the pipeline
component that makes line breaks sentence starts (the attribution rules are measured with it)
and per-doc caches.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from quotetrail.extract.assemble import Draft, assemble
from quotetrail.extract.cast import Cast, build_cast, without_epithets
from quotetrail.extract.dates import said_on
from quotetrail.extract.entities import about
from quotetrail.extract.quotes import find_quotes, paragraphs
from quotetrail.extract.reported import find_cues
from quotetrail.extract.segment import sentence_of, text_of
from quotetrail.extract.speakers import Said, resolve, several
from quotetrail.extract.transcript import Turn, find_turns, transcript_date, turn_statements
from quotetrail.records import QUESTIONER, Article, Mention, Speaker, Statement, StatementKind

MENTION_LABELS = {
    "PERSON",
    "ORG",
    "GPE",
    "NORP",
    "LOC",
    "FAC",
    "EVENT",
    "LAW",
    "DATE",
}  # DATE: for stories


def extract_mentions(doc: Doc) -> list[Mention]:
    """The named entities linking compares; a person's name behind an epithet the article
    also writes without ("Crooked Gordon Baxter") is the plain name, so no mention
    renames the person."""
    found = [ent for ent in doc.ents if ent.label_ in MENTION_LABELS]
    plain = without_epithets(ent.text for ent in found if ent.label_ == "PERSON")
    mentions = []
    for ent in found:
        text = plain.get(ent.text, ent.text) if ent.label_ == "PERSON" else ent.text
        start = ent.end_char - len(text)
        mentions.append(Mention(text=text, label=ent.label_, start=start, end=ent.end_char))
    return mentions


def _sentence(doc: Doc, draft: Draft) -> str:
    """The sentence(s) that carry the statement and its cue."""
    start, end = draft.start, draft.end
    if draft.cue is not None:
        start, end = min(start, draft.cue.at), max(end, draft.cue.at + len(draft.cue.text))
    first = doc.char_span(start, end, alignment_mode="expand")
    if first is None:
        return text_of(doc)[start:end]
    return text_of(doc)[sentence_of(first[0]).start_char : sentence_of(first[-1]).end_char].strip()


def _speaker(cast: Cast, draft: Draft, history: list[Said]) -> Speaker | None:
    if draft.cue is not None:
        return resolve(cast, draft.cue.subject, draft.cue.at, history)
    if draft.floating and history:
        return history[-1].speaker
    return None


def _turn_holding(turns: list[Turn], draft: Draft) -> Turn | None:
    """The turn (label included) that `draft` overlaps, if any."""
    return next((t for t in turns if t.extent[0] < draft.end and draft.start < t.extent[1]), None)


def _reports_another(turn: Turn, draft: Draft) -> bool:
    """Words inside a turn that its speaker reports someone named or described said ("the
    council's chair told me on Monday that …"): that person's statement. The speaker's own
    ("I told them …", "we said"), a question's framing and anything touching the label stay
    the turn's."""
    subject = draft.cue.subject if draft.cue is not None else None
    return (
        subject is not None
        and subject.root.pos_ != "PRON"
        and not _seen_from_the_speaker(subject)
        and turn.start <= draft.start
        and draft.end <= turn.end
        and not (turn.speaker is not None and turn.speaker.kind == QUESTIONER)
    )


def _seen_from_the_speaker(subject: Span) -> bool:
    """A description that names no one but through the turn's speaker or listener ("our
    opponent", "your colleagues"): who it is lies outside the text."""
    personal = any(set(token.morph.get("Person")) & {"1", "2"} for token in subject)
    return personal and not any(token.pos_ == "PROPN" for token in subject)


def extract_statements(article: Article, doc: Doc) -> list[Statement]:
    """Every statement in `article`; `doc` is the spaCy parse of `article.text`."""
    text = text_of(doc)
    quotes = find_quotes(text)
    cues = find_cues(doc)
    cast = build_cast(
        doc, [(q.start, q.end) for q in quotes], [start for start, _ in paragraphs(text)]
    )
    turns = find_turns(text, doc, cast, article.outlet)
    held = transcript_date(article, doc, turns) if turns else (None, True)
    history: list[Said] = []
    statements = []
    for draft in assemble(text, quotes, cues):
        turn = _turn_holding(turns, draft)
        if turn is not None and not _reports_another(turn, draft):
            continue  # a turn's words are the turn's statement
        speaker = _speaker(cast, draft, history)
        if speaker is None or (turn and turn.speaker and speaker.name == turn.speaker.name):
            continue
        cue_token = doc[draft.cue.token] if draft.cue is not None else None
        if draft.kind != StatementKind.act:  # words, not an act, are what a quote continues
            history.append(
                Said(
                    draft.cue.at if draft.cue else draft.start,
                    speaker,
                    (draft.start, draft.end),
                    several(draft.cue.subject) if draft.cue else history[-1].plural,
                )
            )
        # what a turn reports was said before the transcript's event, dated from it
        date, assumed = said_on(cue_token, held[0] if turn else article.published)
        statements.append(
            Statement(
                article_id=article.id,
                kind=draft.kind,
                quote=text[draft.start : draft.end],
                sentence=_sentence(doc, draft),
                span=(draft.start, draft.end),
                speaker=speaker,
                cue=draft.cue.text if draft.cue else None,
                said_on=date,
                said_on_assumed=assumed,
                about=about(doc, (draft.start, draft.end), speaker, cast),
            )
        )
    return statements + turn_statements(article, doc, cast, turns, held)
