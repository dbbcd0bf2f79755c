"""From quotes and cues to statements: which quote belongs to which cue, what is floating.

Order of decisions, each one cheap:
1. A cue whose content is mostly quoted attributes those quotes (direct); a cue whose content is
   mostly unquoted is one statement (indirect, or mixed when it holds a quoted fragment; a
   quotation it opens runs to its closing mark, though the parse ends the sentence before).
2. A quote no cue content covers takes the nearest cue in its own sentence outside any quote
   (after it first: "“…,” he said"; then before it: "He said: “…”"), or the cue of a paragraph
   that ends with a colon just before it.
3. A paragraph that opens a quote and never closes it takes the cue of the next paragraph's
   quote, which continues it.
4. A quote still without a cue that opens its paragraph, or follows another quote in the same
   paragraph, is floating: it continues the previous statement's speaker.
5. A quote interrupted by its attribution and continued in the same sentence ("“A,” she said,
   “b.”") is one statement, spanning both pieces; after a sentence end ("“A,” she said. “B.”")
   the pieces stay two statements, as the Gender Gap Tracker annotates them.
6. Short quoted fragments outside any cue's content are scare quotes or titles, not statements;
   nor are quotes in link lines ("READ MORE: …") or single-quoted subheadings.
7. A draft inside another is part of it, unless it is another speaker's, reported by a speech
   verb joined by "and" ("X says Y promised … and said …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from spacy.lang.en.tokenizer_exceptions import TOKENIZER_EXCEPTIONS
from spacy.tokens import Span

from quotetrail import lexicon
from quotetrail.extract.cast import FEMALE, MALE
from quotetrail.extract.quotes import Quote
from quotetrail.extract.reported import Cue, link_line

QUOTED_SHARE = 0.5  # a cue's content at least this much inside quotes is direct speech
MIN_DIRECT_WORDS = 4  # shorter quotes are statements only inside a cue's content
MIXED_WORDS = 3  # this many words of paraphrase around a quote make the statement mixed
MIN_REPORTED_WORDS = 3  # "TransLink says they are" reports no claim of its own
MIN_NAMED_WORDS = 2  # a thing called for may be short ("the ban"); an act may be one word


@dataclass(frozen=True)
class Draft:
    """A statement before its speaker is resolved."""

    kind: str
    start: int
    end: int
    cue: Cue | None
    floating: bool = False


_FULL_STOP = re.compile(r"([^\W\d_][\w.]*)?\.")


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    """Words written with a full stop that ends no sentence: spaCy's English abbreviations
    ("Mr.", "Gov.", "Calif.") and the lexicon's forms of address and ranks ("Lt.", "Sgt.")."""
    spacy_forms = {form.lower() for form in TOKENIZER_EXCEPTIONS if form.endswith(".")}
    return frozenset(spacy_forms | {f"{word}." for word in lexicon.honorifics()})


def ends_sentence(gap: str) -> bool:
    """Whether a stretch of text holds a sentence end: "!" or "?", or a full stop that is not
    an abbreviation's or an initial's ("Mr. Obama said", "John F. Kennedy said")."""
    if "!" in gap or "?" in gap:
        return True
    for stop in _FULL_STOP.finditer(gap):
        word = stop.group(0)
        if (len(word) == 2 and word[0].isupper()) or word.lower() in _abbreviations():
            continue
        return True
    return False


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _substantial(quote: Quote, text: str) -> bool:
    return len(text[quote.start : quote.end].split()) >= MIN_DIRECT_WORDS


def _heading(quote: Quote, text: str) -> bool:
    """A whole paragraph in single marks with no closing punctuation is a subheading."""
    marked = quote.mark
    return (
        marked in lexicon.quote_marks().single
        and quote.opens_paragraph
        and text[quote.end - 1] not in ".!?,"
    )


def _unquoted_words(text: str, span: tuple[int, int], inside: list[Quote]) -> int:
    """Words of a content span that stand outside its quotes ("the news came as a" …)."""
    kept, position = [], span[0]
    for quote in sorted(inside, key=lambda q: q.start):
        kept.append(text[position : max(position, quote.start - len(quote.mark))])
        position = max(position, quote.end + len(quote.mark))
    kept.append(text[position : span[1]])
    return len(" ".join(kept).split())


def _content_drafts(
    text: str, cues: list[Cue], quotes: list[Quote]
) -> tuple[list[Draft], dict[Quote, Cue], set[Quote]]:
    """Step 1: statements carried by cue contents; quotes they attribute or absorb."""
    drafts: list[Draft] = []
    attributed: dict[Quote, Cue] = {}
    absorbed: set[Quote] = set()
    for cue in cues:
        if cue.content is None:
            continue
        inside = [q for q in quotes if _overlap((q.start, q.end), cue.content) > 0]
        quoted = sum(_overlap((q.start, q.end), cue.content) for q in inside)
        length = cue.content[1] - cue.content[0]
        if (
            inside
            and quoted >= QUOTED_SHARE * length
            and _unquoted_words(text, cue.content, inside) < MIXED_WORDS
        ):
            for quote in inside:
                attributed.setdefault(quote, cue)
            continue
        floor = 1 if cue.act else MIN_NAMED_WORDS if cue.named else MIN_REPORTED_WORDS
        if len(text[cue.content[0] : cue.content[1]].split()) < floor:
            continue
        kind = (
            "direct"
            if cue.unquoted_direct
            else "mixed"
            if inside
            else "act"
            if cue.act
            else "indirect"
        )
        drafts.append(Draft(kind, cue.content[0], _through_open_quote(cue.content, inside), cue))
        absorbed.update(inside)
    return drafts, attributed, absorbed


def _through_open_quote(content: tuple[int, int], inside: list[Quote]) -> int:
    """Where a content ends: a quotation it opens runs to its closing mark ("added that she
    was the only one “fighting for them. I’ll tell you this, … .”" — the parser ends the
    sentence inside the quotation, yet all of it is what was said)."""
    end = content[1]
    for quote in inside:
        if content[0] <= quote.start - len(quote.mark) and quote.end > content[1]:
            end = max(end, quote.end + (len(quote.mark) if quote.closed else 0))
    return end


def _between_is_clear(text: str, start: int, end: int, quotes: list[Quote]) -> bool:
    """No sentence end and no other quote between two offsets."""
    gap = text[start:end]
    if any(start <= q.start < end for q in quotes):
        return False
    stripped = gap.strip(" ,\"”’'»")
    return not ends_sentence(stripped)


def _frame_cue(quote: Quote, text: str, cues: list[Cue], quotes: list[Quote]) -> Cue | None:
    """Step 2: the nearest cue in the quote's own sentence, outside every quote, that says
    nothing of its own (or only what an act bears on: "May acknowledged the defeat and urged
    MPs to say “what the House does support”")."""
    p_start, p_end = quote.paragraph
    free = [
        c
        for c in cues
        if p_start <= c.at < p_end and not any(q.start <= c.at < q.end for q in quotes)
    ]
    after = [
        c
        for c in free
        if c.at >= quote.end
        and (c.content is None or c.act or _overlap(c.content, (quote.start, quote.end)))
    ]
    for cue in after:
        if _between_is_clear(text, quote.end + 1, cue.at, quotes):
            return cue
    before = [c for c in free if c.at < quote.start and (c.content is None or c.act)]
    for cue in reversed(before):
        if _between_is_clear(text, cue.at, quote.start - 1, quotes):
            return cue
    return None


def _colon_cue(quote: Quote, text: str, cues: list[Cue]) -> Cue | None:
    """A quote opening its paragraph after a paragraph that ends "… said:"."""
    if not quote.opens_paragraph:
        return None
    before = text[: quote.paragraph[0]].rstrip()
    if not before.endswith(":"):
        return None
    previous_start = before.rfind("\n") + 1
    candidates = [c for c in cues if previous_start <= c.at < len(before)]
    return candidates[-1] if candidates else None


def _outside_quotes(cues: list[Cue], quotes: list[Quote]) -> list[Cue]:
    """Cues that are not themselves quoted: a speech verb inside a quote is the speaker's own
    words."""
    return [c for c in cues if not any(q.start <= c.at < q.end for q in quotes)]


def assemble(text: str, quotes: list[Quote], cues: list[Cue]) -> list[Draft]:
    """Every statement draft in text order, none nested inside another."""
    cues = _outside_quotes(cues, quotes)
    drafts, attributed, absorbed = _content_drafts(text, cues, quotes)
    previous_quote_end: dict[tuple[int, int], int] = {}
    found = {
        q: attributed.get(q) or _frame_cue(q, text, cues, quotes) or _colon_cue(q, text, cues)
        for q in quotes
    }
    _resume_broken_quotes(quotes, found)
    _continue_open_quotes(text, quotes, found)
    for quote in quotes:
        if quote in absorbed or link_line(text, quote.start) or _heading(quote, text):
            continue
        cue = found[quote]
        if cue is not None and (quote in attributed or _substantial(quote, text)):
            drafts.append(Draft("direct", quote.start, quote.end, cue))
        elif _substantial(quote, text) and (
            quote.opens_paragraph or quote.paragraph in previous_quote_end
        ):
            drafts.append(Draft("direct", quote.start, quote.end, None, floating=True))
        if _substantial(quote, text):
            previous_quote_end[quote.paragraph] = quote.end
    return _join_interrupted(text, _outermost(sorted(drafts, key=lambda d: (d.start, -d.end))))


def _join_interrupted(text: str, drafts: list[Draft]) -> list[Draft]:
    """Step 5: a direct draft continued, within its sentence, by the next direct draft of the same
    cue, with the cue between them, becomes one draft over both pieces."""
    joined: list[Draft] = []
    for draft in drafts:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.kind == draft.kind == "direct"
            and draft.cue is not None
            and previous.cue is draft.cue
            and previous.end <= draft.cue.at < draft.start
            and not ends_sentence(text[previous.end : draft.start])
        ):
            joined[-1] = Draft("direct", previous.start, draft.end, draft.cue)
            continue
        joined.append(draft)
    return joined


def _resume_broken_quotes(quotes: list[Quote], found: dict[Quote, Cue | None]) -> None:
    """“X,” he said. “Y.” — a quote that resumes after the attribution of the quote before it,
    in the same paragraph, is the same speaker's."""
    for previous, quote in pairwise(quotes):
        cue = found[previous]
        if (
            found[quote] is None
            and cue is not None
            and previous.paragraph == quote.paragraph
            and previous.end <= cue.at < quote.start
        ):
            found[quote] = cue


def _continue_open_quotes(text: str, quotes: list[Quote], found: dict[Quote, Cue | None]) -> None:
    """A paragraph that opens a quote and never closes it is continued by the next paragraph's
    quote: both are the words of whoever the continuation's cue names."""
    for quote, following in reversed(list(pairwise(quotes))):
        next_paragraph = not text[quote.paragraph[1] : following.paragraph[0]].strip()
        if (
            not quote.closed
            and found[quote] is None
            and following.opens_paragraph
            and next_paragraph
        ):
            found[quote] = found[following]


def _outermost(drafts: list[Draft]) -> list[Draft]:
    """Drop drafts whose span lies inside an earlier, longer one (a statement within a
    statement), unless someone else said it (step 7) or the longer one is an act, whose object
    can hold another's statement ("welcomed the Taliban's statement that they were ready")."""
    kept: list[Draft] = []
    outer: Draft | None = None
    for draft in drafts:
        if outer is not None and draft.start >= outer.start and draft.end <= outer.end:
            if outer.kind != "act" and not _someone_else_reported(outer, draft):
                continue
        else:
            outer = draft
        kept.append(draft)
    return kept


def _someone_else_reported(outer: Draft, inner: Draft) -> bool:
    """ "Lee says Baxter promised … and said she would stand up to the critics": a speech
    verb joined by "and" inside what another speaker said, with a person of its own for subject,
    is a statement of its own (a clause under the outer one, "X said Y had said …", stays X's).
    Not for a group or a place: "Putin said the militant group controlled the territory and
    urged the world to …" is the parser hanging Putin's "urged" on the group's verb."""
    return (
        outer.cue is not None
        and inner.cue is not None
        and inner.cue.coordinated
        and inner.kind == "indirect"
        and outer.cue.at < inner.cue.at
        and inner.cue.subject is not None
        and outer.cue.subject is not None
        and inner.cue.subject.text != outer.cue.subject.text
        and _names_a_person(inner.cue.subject)
    )


def _names_a_person(mention: Span) -> bool:
    return mention.root.ent_type_ == "PERSON" or mention.root.lower_ in MALE | FEMALE
