"""The records: content-derived ids, and the one JSON shape a statement is written in."""

from __future__ import annotations

import pickle
import unicodedata

import pytest

from quotetrail.records import (
    STATEMENT_KEYS,
    Article,
    RawDocument,
    Speaker,
    Statement,
    content_id,
    stable_id,
)


def test_records_stable_id_depends_only_on_its_parts():
    assert stable_id("a", "b") == stable_id("a", "b")
    assert stable_id("a", "b") != stable_id("ab")  # parts are separated, not joined
    assert len(stable_id("a")) == 16 and len(stable_id("a", length=8)) == 8


@pytest.mark.parametrize(
    "variant",
    [
        "Putin  spoke.\r\nMerkel answered.\n",  # other whitespace and line endings
        "  Putin spoke. Merkel answered.  ",
        unicodedata.normalize("NFD", "Putin spoke. Merkel answered."),
    ],
)
def test_records_content_id_ignores_whitespace_and_normal_form(variant):
    assert content_id(variant) == content_id("Putin spoke. Merkel answered.")


def test_records_content_id_changes_with_the_words():
    assert content_id("Putin spoke.") != content_id("Putin spoke!")


def test_records_raw_document_id_and_origin():
    document = RawDocument("feed.jsonl", "Putin spoke.", locator="line 3")
    assert document.id == content_id("Putin spoke.")
    assert document.origin == "feed.jsonl:line 3"
    assert RawDocument("story.txt", "x").origin == "story.txt"


def test_records_statement_id_from_article_and_span():
    one = Statement("a1", "direct", "We wait.", "He said: We wait.", (9, 17))
    assert one.id == Statement("a1", "indirect", "other", "other", [9, 17]).id
    assert one.id != Statement("a1", "direct", "We wait.", "He said: We wait.", (9, 18)).id
    assert one.id != Statement("a2", "direct", "We wait.", "He said: We wait.", (9, 17)).id


def test_records_speaker_id_is_kind_and_name_casefolded():
    assert Speaker("Putin", "he").id == Speaker("PUTIN", "Putin").id
    assert Speaker("Russia", "Moscow", kind="place").id != Speaker("Russia", "Moscow").id


def test_records_statement_to_dict_is_the_contract_record():
    speaker = Speaker("Vladimir Putin", "Putin", role="President")
    record = Statement("a1", "direct", "We wait.", "He said: We wait.", (9, 17), speaker).to_dict()
    assert tuple(record) == STATEMENT_KEYS
    assert record["span"] == [9, 17]
    assert (
        record["speaker"]["name"] == "Vladimir Putin" and record["speaker"]["role"] == "President"
    )


@pytest.mark.parametrize(
    ("said_on", "assumed", "published", "story_first", "date", "source"),
    [
        ("2021-08-20", False, "2021-08-21", None, "2021-08-20", "stated"),
        ("2021-08-21", True, "2021-08-21", None, "2021-08-21", "published"),
        (None, True, None, "2021-08-19", "2021-08-19", "story"),
        (None, True, None, None, None, "none"),
    ],
)
def test_records_statement_said_date_and_its_source(
    said_on, assumed, published, story_first, date, source
):
    statement = Statement(
        "a1",
        "direct",
        "q",
        "s",
        (0, 1),
        said_on=said_on,
        said_on_assumed=assumed,
        published=published,
        story_first=story_first,
    )
    assert (statement.said_date, statement.date_source) == (date, source)


@pytest.mark.parametrize(
    ("target", "found"),
    [("Taliban", "exact"), ("taliban", "exact"), ("the Taliban movement", "part"), ("NATO", None)],
)
def test_records_statement_stance_toward_a_target(target, found):
    stance = {"the Taliban movement": {"label": "part"}, "Taliban": {"label": "exact"}}
    entry = Statement("a1", "direct", "q", "s", (0, 1), stance=stance).stance_toward(target)
    assert (entry["label"] if entry else None) == found


def test_records_pickle_and_dict_round_trip():
    article = Article(id="a1", text="Putin spoke.", outlet="TASS")
    assert pickle.loads(pickle.dumps(article)) == article
    assert Article(**article.to_dict()) == article
