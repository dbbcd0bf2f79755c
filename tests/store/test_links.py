"""The linking tables: statement links stored both ways (each side's `also_in`), copies."""

from __future__ import annotations

from quotetrail.store import links as sql


def test_links_statement_link_is_stored_both_ways_with_also_in(small_store):
    records = small_store.statements()
    tass = next(r for r in records if r.article_id == "tass")
    rt = next(r for r in records if r.article_id == "rt" and r.quote == tass.quote)
    assert (tass.also_in, rt.also_in) == (["rt"], ["tass"])
    assert (tass.linked, rt.linked) == ([rt.id], [tass.id])
    (link,) = small_store.statement_links([tass.id])
    assert (link["other_id"], link["other_article_id"], link["reason"]) == (
        rt.id,
        "rt",
        "shared wording",
    )


def test_links_near_duplicates_are_read_back_for_the_articles_asked(small_store):
    sql.save_duplicates(small_store, [("rt", "tass", 0.95)])
    assert sql.copies_among(small_store, ["rt", "tass"]) == {"rt": "tass"}
    assert sql.copies_among(small_store, ["tass"]) == {}
