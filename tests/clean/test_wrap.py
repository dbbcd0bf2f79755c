"""Hard-wrapped paragraphs: joined again only where the text is wrapped at a width."""

from __future__ import annotations

import textwrap

import pytest

from quotetrail.clean import clean_document
from quotetrail.clean.wrap import unwrap_lines, wrap_width
from quotetrail.extract import extract_statements
from quotetrail.nlp import load_pipeline
from quotetrail.records import RawDocument

TURNS = [
    "QUESTION: The minister of the neighbouring republic said yesterday that your government "
    "will not meet his delegation and that relations are at their lowest in years. How do you "
    "describe the relationship between the two capitals today?",
    "MR. HARLOW: Well, I would say our relations with them right now are focused on making sure "
    "that every term of the agreement signed last spring is carried out in full. Beyond that, "
    "we have made our other concerns very clear, including the border crossings and the "
    "detention of aid workers in the northern provinces.",
    "QUESTION: Will the secretary travel to the region before the summit in the autumn?",
    "MR. HARLOW: No travel to announce today. We remain in close touch with our partners "
    "and will keep talking with everyone who has a stake in a peaceful settlement there.",
]


def _wrapped(paragraphs: list[str], width: int = 72) -> list[str]:
    return [line for paragraph in paragraphs for line in textwrap.wrap(paragraph, width)]


def test_wrap_width_is_learnt_from_the_text() -> None:
    assert wrap_width(_wrapped(TURNS, 72)) in range(60, 73)
    assert wrap_width(_wrapped(TURNS, 64)) in range(52, 65)


def test_wrap_unwrap_restores_each_paragraph() -> None:
    assert unwrap_lines(_wrapped(TURNS)) == TURNS


@pytest.mark.parametrize(
    "lines",
    [
        pytest.param(TURNS, id="one paragraph to a line"),
        pytest.param(
            [
                f"Posted by the editor at 0{n}:15 PM | Permalink | Comments (0) | TrackBack"
                for n in range(1, 9)
            ]
            + ["and a line going on in lower case after them all"],
            id="a template's lines of one length",
        ),
        pytest.param(
            [
                "Ministers meet in the capital to discuss the grain corridor deal",
                "Floods close the main highway north of the city for a third day",
                "http://example.org/a-link-that-is-not-a-sentence-going-on-here",
                "Central bank holds rates steady as inflation eases to four percent",
                "opinion: why the grain corridor matters more than the summit itself",
                "Football club appoints former captain as its new head coach today",
            ],
            id="headlines of similar lengths",
        ),
    ],
)
def test_wrap_leaves_unwrapped_text_alone(lines: list[str]) -> None:
    assert wrap_width(lines) is None
    assert unwrap_lines(lines) == lines


def test_wrap_keeps_a_sentence_end_as_a_break() -> None:
    """A paragraph that ends with its sentence at the column stays apart from the next one."""
    full_stop = "That is all I have on the matter, and I will take the next one, please."
    paragraphs = [*TURNS[:2], full_stop, "Anything else on the region before we move on?"]
    lines = _wrapped(paragraphs)
    assert full_stop in lines and wrap_width(lines) is not None
    assert unwrap_lines(lines) == paragraphs


def test_wrap_briefing_transcript_survives_cleaning_and_yields_turns() -> None:
    """A plain-text briefing wrapped at 72 columns: every turn is kept and read as a turn."""
    text = "\n".join(
        [
            "Daily Press Briefing",
            "Jon Harlow, Deputy Spokesperson",
            "Washington, DC",
            "March 3, 2005",
            *_wrapped(TURNS),
        ]
    )
    article = clean_document(RawDocument(source_path="briefing.txt", content=text))
    for turn in TURNS:
        assert turn in article.text
    statements = extract_statements(article, load_pipeline()(article.text))
    turns = [s for s in statements if s.kind == "transcript"]
    assert [s.quote for s in turns] == [turn.split(": ", 1)[1] for turn in TURNS]
    assert [s.speaker.kind for s in turns] == ["questioner", "person"] * 2
