"""Quote spans in every common typography, told apart from apostrophes."""

from __future__ import annotations

import pytest

from quotetrail.extract.quotes import find_quotes


def contents(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said “we will stay” today.", ["we will stay"]),
        ('He said "we will stay" today.', ["we will stay"]),
        ("He said ‘we will stay’ today.", ["we will stay"]),
        ("He said 'we will stay' today.", ["we will stay"]),
        ("Il a dit «nous restons» hier.", ["nous restons"]),
        ("The players' union said the league's offer wasn't enough.", []),
        ("Russia’s envoy didn’t say ‘never’ to the Taliban’s offer.", ["never"]),
        ("“Outer ‘inner’ words,” she said.", ["Outer ‘inner’ words,"]),
        ('A\u00a0"quote after a no-break space" here.', ["quote after a no-break space"]),
    ],
)
def test_quotes_typographies(text: str, expected: list[str]) -> None:
    assert contents(text) == expected


def test_quotes_unclosed_runs_to_paragraph_end() -> None:
    text = "“First paragraph never closes.\n\n“Second one does,” he said."
    quotes = find_quotes(text)
    assert [text[q.start : q.end] for q in quotes] == [
        "First paragraph never closes.",
        "Second one does,",
    ]
    assert [q.closed for q in quotes] == [False, True]
    assert quotes[1].opens_paragraph


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("''We will rebuild the pier,'' the mayor said.", ["We will rebuild the pier,"]),
        ("The mayor said ''the pier comes first'' on Monday.", ["the pier comes first"]),
        ("``The vote is on Tuesday,'' the clerk said.", ["The vote is on Tuesday,"]),
        ("''She told me 'not again,''' he said.", ["She told me 'not again,'"]),
        (
            "“Open the doors,” Lee said. ''Keep them open,'' Kim replied.",
            ["Open the doors,", "Keep them open,"],
        ),
        ("(''Fine,'' she wrote.)", ["Fine,"]),
    ],
)
def test_quotes_two_character_marks(text: str, expected: list[str]) -> None:
    quotes = find_quotes(text)
    assert contents(text) == expected
    for quote in quotes:
        assert text[quote.start - len(quote.mark) : quote.start] == quote.mark
        assert text[quote.end : quote.end + len(quote.mark)] in {"''", "”"}


@pytest.mark.parametrize(
    "text",
    [
        "The Hendersons' barn and Ms. Ruiz' notes survived the storm.",
        "They danced to rock 'n' roll and to rock ‘n’ blues all night.",
        "It wasn't the council's fault, we'd say, nor the players' union's.",
        "A lone '' mark stood on the sign, and Jones'' ledger too.",
    ],
)
def test_quotes_apostrophes_are_not_marks(text: str) -> None:
    assert find_quotes(text) == []


def test_quotes_two_apostrophes_unclosed_runs_to_paragraph_end() -> None:
    text = "''The first part runs on.\n\n''The second part ends,'' she said."
    quotes = find_quotes(text)
    assert [text[q.start : q.end] for q in quotes] == [
        "The first part runs on.",
        "The second part ends,",
    ]
    assert [q.closed for q in quotes] == [False, True]
    assert all(q.opens_paragraph for q in quotes)
