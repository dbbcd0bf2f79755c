"""Full-text search in SQL: tokens, BM25 ranking, a hit's score in its JSON, snippets."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from quotetrail.records import Article, ArticleResult, Speaker, Statement
from quotetrail.store import StatementQuery, Store, sql
from quotetrail.store.search import search_articles, search_statements, snippet, tokens


@pytest.mark.parametrize(
    ("query", "expected"),
    [("Taliban's allies", ["taliban", "s", "allies"]), ("the THE the", ["the"]), ("%_", [])],
)
def test_search_tokens_split_like_the_sql(query, expected):
    assert tokens(query) == expected


def _said(article_id: str, outlet: str, quotes: list[str]) -> ArticleResult:
    """An article of `outlet` whose text is `quotes`, each a statement of one speaker."""
    text = " ".join(f"{quote}." for quote in quotes)
    speaker = Speaker(name="Ana Ortiz", mention="Ortiz", role="mayor")
    return ArticleResult(
        Article(id=article_id, text=text, title=f"News {article_id}", outlet=outlet),
        [
            Statement(
                article_id=article_id,
                kind="direct",
                quote=quote,
                sentence=quote,
                span=(text.index(quote), text.index(quote) + len(quote)),
                speaker=speaker,
            )
            for quote in quotes
        ],
    )


def test_search_ranks_by_bm25(db_path) -> None:
    """The word more frequent in a shorter statement ranks first; a rare word outweighs a common
    one."""
    quotes = [
        "Sanctions sanctions",
        "Sanctions and many other long words about trade and talks and more",
        "Talks",
    ]
    with Store(db_path) as store:
        store.write([_said("a", "X", quotes)])
        ranked = [row.quote for row in search_statements(store, "sanctions")]
        assert ranked == quotes[:2]
        (hit,) = search_statements(store, "sanctions talks")
        assert hit.score > 0 and hit.to_dict()["score"] == hit.score
        assert hit.to_dict() == {**Statement.to_dict(hit), "score": hit.score}


def _postings(store: Store) -> list[tuple[str, str, int]]:
    """Every statement's words and times, worked out again from the statements themselves."""
    found = []
    for record in store.statements():
        speaker = record.speaker
        text = " ".join(filter(None, [record.quote, record.sentence, speaker.name, speaker.role]))
        counted = Counter(re.findall(r"[^\W_]+", text.lower()))
        found += [(word, record.id, times) for word, times in counted.items()]
    return sorted(found)


def test_search_postings_follow_writes_and_replacements(db_path) -> None:
    with Store(db_path) as store:
        store.write([_said("a", "X", ["Grain exports resume"]), _said("b", "X", ["Ports shut"])])
        store.write([_said("a", "X", ["Fishing quotas rise", "Quotas quotas"])], replace=True)
        assert search_statements(store, "grain") == [] and search_articles(store, "grain") == []
        assert [hit.quote for hit in search_statements(store, "quotas")] == [
            "Quotas quotas",
            "Fishing quotas rise",
        ]
        stored = store.db.execute("SELECT term, id, tf FROM statement_terms ORDER BY ALL")
        assert stored.fetchall() == _postings(store)


def _in_storage_order(store: Store) -> list[str]:
    stored = store.db.execute("SELECT term FROM statement_terms ORDER BY rowid").fetchall()
    return [row[0] for row in stored]


def _unsorted(store: Store) -> int:
    return store.load_state("unsorted:statement_terms")


def test_search_postings_are_rewritten_in_word_order(db_path, monkeypatch) -> None:
    """What batches append stays after the postings in word order until it passes
    UNSORTED_SHARE of them when asked (ingest asks as a run ends); then the whole table is
    rewritten in order. Every posting and every hit stay as they were."""
    monkeypatch.setattr(sql, "UNSORTED_MIN", 1)
    words = "hotel delta alpha golf bravo echo foxtrot charlie".split()
    many = [f"Zebra {word} grain {word}x {word}y" for word in words]
    with Store(db_path) as store:
        store.write([_said("a", "X", many)])  # a first batch: everything it wrote is unsorted
        assert store.keep_search_in_order() and _unsorted(store) == 0
        assert _in_storage_order(store) == sorted(_in_storage_order(store))
        store.write([_said("b", "X", ["Aardvark"])])  # under an eighth: left as it came
        commits = store.commits.count
        assert not store.keep_search_in_order() and store.commits.count == commits
        stored = _in_storage_order(store)
        assert _unsorted(store) == 4 and set(stored[-4:]) == {"aardvark", "ana", "ortiz", "mayor"}
        assert stored != sorted(stored)
        assert [hit.quote for hit in search_statements(store, "aardvark")] == ["Aardvark"]
        store.write([_said("c", "X", ["Yak yak", "Moth"])])  # past an eighth: all rewritten
        assert store.keep_search_in_order() and _unsorted(store) == 0
        assert _in_storage_order(store) == sorted(_in_storage_order(store))
        stored = store.db.execute("SELECT term, id, tf FROM statement_terms ORDER BY ALL")
        assert stored.fetchall() == _postings(store)
        assert len(search_statements(store, "grain zebra")) == len(words)


def test_search_postings_rewrite_rolls_back_with_its_transaction(db_path, monkeypatch) -> None:
    monkeypatch.setattr(sql, "UNSORTED_MIN", 1)
    with Store(db_path) as store:
        store.write([_said("a", "X", ["Grain exports resume"])])
        before = _in_storage_order(store), store.db.execute("SELECT * FROM meta").fetchall()
        with pytest.raises(RuntimeError), store.transaction():
            assert store.keep_search_in_order()
            raise RuntimeError("the run fails")
        after = _in_storage_order(store), store.db.execute("SELECT * FROM meta").fetchall()
        assert after == before
        assert [hit.quote for hit in search_statements(store, "grain")] == ["Grain exports resume"]


def test_search_filter_chooses_hits_but_does_not_weigh_them(db_path) -> None:
    with Store(db_path) as store:
        store.write(
            [
                _said("a", "X", ["The harvest failed", "Harvest prices doubled", "Rain came"]),
                _said("b", "Y", ["The harvest was saved by rain"]),
            ]
        )
        everywhere = {hit.id: hit.score for hit in search_statements(store, "harvest")}
        (only,) = search_statements(store, "harvest", StatementQuery(outlet="Y"))
        assert only.outlet == "Y" and only.score == everywhere[only.id]


@pytest.mark.parametrize(
    ("text", "terms", "expected"),
    [
        ("Short text about trade.", ["trade"], "Short text about trade."),
        ("word " * 100 + "taliban end", ["taliban"], "…"),
    ],
)
def test_search_snippet_starts_near_the_first_match(text, terms, expected):
    assert snippet(text, terms, width=60).startswith(expected)
