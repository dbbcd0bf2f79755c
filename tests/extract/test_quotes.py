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
