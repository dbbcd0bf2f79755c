"""The line-break component: a sentence starts at every line break, and the per-doc lookups."""

from __future__ import annotations

import pytest

from quotetrail.extract.segment import (
    COMPONENT,
    entity_of,
    sentence_of,
    sentence_starts,
    sentences,
    text_of,
    with_line_breaks,
)


@pytest.mark.parametrize(
    "text",
    [
        "Putin slams policy\nMOSCOW said the talks would go on",  # a headline without a stop
        "Photo by Reuters staff\nThe minister said the talks went on.",  # a caption
        "First line\n\nSecond line after a blank\n  third line, indented",
    ],
)
def test_segment_sentence_starts_at_every_line_break(nlp, text):
    doc = nlp(text)
    starts = {doc[i].idx for i in sentence_starts(doc)}
    line_starts = {
        offset + len(line) - len(line.lstrip()) for offset, line in _lines(text) if line.strip()
    }
    assert line_starts <= starts


@pytest.mark.parametrize(
    ("text", "word", "starts"),
    [
        ("Roads and bridges\n\nOrtega said he is ready.", "said", False),
        ("Roads and bridges\n\nOrtega said he is ready.", "Ortega", True),
        ("Moscow has no plans. Nor does Kyiv.", "has", False),  # the first line too
        ("Yes. Tomorrow we go.", "Tomorrow", None),  # after a stop: the parser decides
    ],
)
def test_segment_line_first_word_ends_no_sentence(nlp, text, word, starts):
    """A line's first word followed by another word on the line is no sentence of its own (the
    parser once cut after a surname under a heading, and lost the speaker)."""
    doc = nlp.get_pipe(COMPONENT)(nlp.make_doc(text))
    (token,) = [t for t in doc if t.text == word]
    assert token.is_sent_start is starts


def _lines(text):
    offset = 0
    for line in text.split("\n"):
        yield offset, line
        offset += len(line) + 1


def test_segment_with_line_breaks_adds_the_component_once(nlp):
    assert with_line_breaks(nlp) is nlp
    assert nlp.pipe_names.count(COMPONENT) == 1
    assert nlp.pipe_names.index(COMPONENT) < nlp.pipe_names.index("parser")


def test_segment_sentence_of_matches_the_parse(nlp):
    doc = nlp("Putin spoke first. Merkel answered him.\nThe talks went on.")
    for token in doc:
        assert sentence_of(token) == token.sent


def test_segment_sentences_match_the_parse(nlp):
    doc = nlp("Putin spoke first. Merkel answered him.\nThe talks went on.")
    assert [s.text for s in sentences(doc)] == [s.text for s in doc.sents]
    assert len(sentences(doc)) == 3


def test_segment_entity_of_and_text_of(nlp):
    doc = nlp("Angela Merkel met the press in Berlin.")
    merkel = next(t for t in doc if t.text == "Merkel")
    assert entity_of(merkel).text == "Angela Merkel"
    assert entity_of(next(t for t in doc if t.text == "met")) is None
    assert text_of(doc) == doc.text
