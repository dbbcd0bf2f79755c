"""Pairing quotes and cues into statement drafts, one rule per case, on cues written by hand.

A cue here is what `reported.find_cues` would return: the cue word's offset and, when the parse
gives one, the content span; no parse is needed to test the pairing.
"""

from __future__ import annotations

import pytest

from quotetrail.extract.assemble import (
    MIN_DIRECT_WORDS,
    MIN_REPORTED_WORDS,
    MIXED_WORDS,
    QUOTED_SHARE,
    assemble,
    ends_sentence,
)
from quotetrail.extract.quotes import find_quotes
from quotetrail.extract.reported import Cue


def cue(text: str, word: str, content: str | None = None, *, unquoted: bool = False) -> Cue:
    """A cue at the last `word` of `text`, its content the first occurrence of `content`."""
    at = text.rindex(word)
    span = None
    if content is not None:
        start = text.index(content)
        span = (start, start + len(content))
    return Cue(at, word, 0, None, span, unquoted_direct=unquoted)


def drafts(text: str, *cues: Cue) -> list[tuple[str, str, str | None, bool]]:
    """(kind, statement text, cue word, floating) of every draft."""
    return [
        (d.kind, text[d.start : d.end], d.cue.text if d.cue else None, d.floating)
        for d in assemble(text, find_quotes(text), list(cues))
    ]


def test_assemble_rule_constants():
    """The documented thresholds; a change here is a change of the rules below."""
    assert (QUOTED_SHARE, MIN_DIRECT_WORDS, MIXED_WORDS, MIN_REPORTED_WORDS) == (0.5, 4, 3, 3)


def test_assemble_content_mostly_quoted_is_direct():
    text = "Putin said that “we will not rush to recognise them”."
    found = drafts(text, cue(text, "said", "that “we will not rush to recognise them”"))
    assert found == [("direct", "we will not rush to recognise them", "said", False)]


def test_assemble_unquoted_content_is_indirect():
    text = "Putin said the talks would go on for another week."
    found = drafts(text, cue(text, "said", "the talks would go on for another week"))
    assert found == [("indirect", "the talks would go on for another week", "said", False)]


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        # two unquoted words, the quote most of the span: the quote is the statement
        ("so far “we will not rush to recognise the new rulers”", "direct"),
        # three unquoted words (MIXED_WORDS) make it paraphrase holding a quoted fragment
        ("so far today “we will not rush to recognise the new rulers”", "mixed"),
        # under QUOTED_SHARE of the span in quotes: mixed, though only two words stand outside
        ("extraordinarily unprecedentedly “not rush now”", "mixed"),
    ],
)
def test_assemble_quoted_share_and_mixed_words_decide_direct_or_mixed(content, kind):
    text = f"Putin said {content}."
    (found,) = drafts(text, cue(text, "said", content))
    assert found[0] == kind
    assert found[1] == (content if kind == "mixed" else content[content.index("“") + 1 : -1])


@pytest.mark.parametrize(
    ("content", "kept"),
    [("they are", False), ("they are ready", True)],
)
def test_assemble_reported_content_needs_min_reported_words(content, kept):
    text = f"TransLink says {content}."
    assert bool(drafts(text, cue(text, "says", content))) is kept


def test_assemble_quotation_opened_in_a_content_runs_to_its_closing_mark():
    """The parse ends the sentence inside the quotation; what was said goes on to the mark."""
    text = (
        "Reed added that she was the only one “fighting for the workers of this city. Mark my"
        " words, if the plan passes we will all pay for it.” The vote is on Monday."
    )
    found = drafts(
        text, cue(text, "added", "that she was the only one “fighting for the workers of this city")
    )
    assert found == [("mixed", text[text.index("that") : text.index(" The vote")], "added", False)]


def test_assemble_unquoted_direct_cue_is_direct():
    text = "He said, I am sure that the talks will go on."
    found = drafts(text, cue(text, "said", "I am sure that the talks will go on", unquoted=True))
    assert found == [("direct", "I am sure that the talks will go on", "said", False)]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("“We will not rush this at all,” he said.", "said"),  # cue after the quote
        ("He said: “We will not rush this at all.”", "said"),  # cue before it
        ("He told reporters:\n“We will not rush this at all.”", "told"),  # a colon paragraph
    ],
)
def test_assemble_quote_takes_the_cue_of_its_frame(text, word):
    assert drafts(text, cue(text, word)) == [
        ("direct", text[text.index("“") + 1 : text.index("”")], word, False)
    ]


@pytest.mark.parametrize(
    ("gap", "ends"),
    [
        (" Mr. Obama ", False),  # an abbreviation's full stop
        (" Lt. Gov. Ralph Northam ", False),  # the lexicon's ranks too
        (" John F. Kennedy ", False),  # an initial
        (" he said. Then the ", True),
        (" he asked? ", True),
    ],
)
def test_assemble_ends_sentence_tells_abbreviations_from_sentence_ends(gap, ends):
    assert ends_sentence(gap) is ends


def test_assemble_quote_takes_a_cue_after_an_honorific():
    text = "“We will not rush this at all,” Mr. Obama said."
    assert drafts(text, cue(text, "said")) == [
        ("direct", "We will not rush this at all,", "said", False)
    ]


@pytest.mark.parametrize(
    ("quote", "kept"),
    [("We will win", False), ("We will win this", True)],
)
def test_assemble_framed_quote_needs_min_direct_words(quote, kept):
    text = f"The rally went on. “{quote},” he said."
    assert bool(drafts(text, cue(text, "said"))) is kept


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The rally went on. “We will win this war”. The rain stopped, he said.", "said"),
        ("He spoke. The rain stopped. “We will win this war.”", "spoke"),
    ],
)
def test_assemble_cue_beyond_a_sentence_end_is_not_the_frame(text, word):
    assert drafts(text, cue(text, word)) == []


def test_assemble_quote_resumed_after_its_attribution_keeps_the_speaker():
    text = "“We will win this war,” he said. “And we will not stop now.”"
    assert drafts(text, cue(text, "said")) == [
        ("direct", "We will win this war,", "said", False),
        ("direct", "And we will not stop now.", "said", False),
    ]


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("“The ferry will run again,” the captain said, “once the ice has gone.”", True),
        ("“The ferry will run again soon,” the captain said. “The ice is going.”", False),
    ],
)
def test_assemble_quote_interrupted_by_its_cue_within_a_sentence_is_one(text, joined):
    found = drafts(text, cue(text, "said"))
    whole = text[1 : len(text) - 1]
    assert (found == [("direct", whole, "said", False)]) is joined
    assert len(found) == (1 if joined else 2)


def test_assemble_paragraph_opening_quote_without_cue_is_floating():
    text = "“We will win this war,” he said.\n“Nobody will stop us now.”"
    assert drafts(text, cue(text, "said"))[1] == (
        "direct",
        "Nobody will stop us now.",
        None,
        True,
    )


def test_assemble_unclosed_paragraph_takes_the_continuation_cue():
    text = "“We will win this war, and\n“nobody will stop us now,” he said."
    assert [(kind, word) for kind, _, word, _ in drafts(text, cue(text, "said"))] == [
        ("direct", "said"),
        ("direct", "said"),
    ]


def test_assemble_cue_inside_a_quote_is_the_speakers_own_words():
    text = "“They said we will lose this war,” Smith said."
    inner = Cue(text.index("said"), "said", 0, None, None)
    assert drafts(text, inner, cue(text, "said")) == [
        ("direct", "They said we will lose this war,", "said", False)
    ]
    assert assemble(text, find_quotes(text), [inner, cue(text, "said")])[0].cue.at == text.rindex(
        "said"
    )


@pytest.mark.parametrize(
    "text",
    [
        "READ MORE: “We will not rush to recognise them”",  # a link line
        "‘Nobody will stop us now’",  # a single-quoted subheading
        "The so-called “special operation” went on.",  # a scare-quoted fragment
    ],
)
def test_assemble_refuses_links_headings_and_scare_quotes(text):
    assert drafts(text) == []


def test_assemble_drops_a_statement_inside_a_longer_one():
    text = "Putin said the talks with “the new rulers in Kabul” would go on for a week."
    content = "the talks with “the new rulers in Kabul” would go on for a week"
    found = drafts(text, cue(text, "said", content), cue(text, "said"))
    assert found == [("mixed", content, "said", False)]
