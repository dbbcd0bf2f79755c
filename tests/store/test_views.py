"""What the pages read beyond the listings: one statement, who else carries it, the corpus."""

from __future__ import annotations

from quotetrail.store import views


def test_views_statement_is_the_listing_record(small_store):
    for record in small_store.statements():
        assert views.statement(small_store, record.id) == record
    assert views.statement(small_store, "no-such-id") is None


def test_views_carried_by_names_the_other_outlet_and_its_version(small_store):
    record = next(r for r in small_store.statements() if r.outlet == "RT" and r.also_in)
    (other,) = views.carried_by(small_store, record)
    assert (other["id"], other["outlet"], other["reason"]) == ("tass", "TASS", "shared wording")
    assert other["statement_id"] != record.id


def test_views_corpus_summary_counts(small_store):
    summary = views.corpus_summary(small_store)
    assert (summary["articles"], summary["statements"], summary["outlets"]) == (2, 3, 2)
    assert summary["first"] == summary["last"] == "2021-08-20"
