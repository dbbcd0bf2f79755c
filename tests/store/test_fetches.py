"""The fetch log in the store: records by URL, replaced whole; done URLs asked in bulk."""

from __future__ import annotations

from quotetrail.records import FetchRecord
from quotetrail.store import Store, fetches
from quotetrail.store.fetches import FetchLog


def test_fetches_keeps_a_record_whole(db_path):
    record = FetchRecord(
        "https://a.example/feed.xml",
        200,
        "2024-01-01T00:00:00+00:00",
        etag='"v1"',
        last_modified="Mon, 01 Jan 2024 00:00:00 GMT",
        body=b"<rss>\xff\x00</rss>",  # bytes as they came, whatever their encoding
    )
    with Store(db_path) as store:
        log = FetchLog(store)
        assert log.get(record.url) is None
        log.put(record)
        assert log.get(record.url) == record
    with Store(db_path, read_only=True) as store:  # it outlives the run
        assert FetchLog(store).get(record.url) == record


def test_fetches_done_and_mark_done(db_path, monkeypatch):
    monkeypatch.setattr(fetches, "CHUNK", 10)
    with Store(db_path) as store:
        log = FetchLog(store)
        urls = [f"https://a.example/{n}.html" for n in range(25)]  # more than one query's worth
        for url in urls:
            log.put(FetchRecord(url, 200, "2024-01-01T00:00:00+00:00", content_id="c"))
        log.put(FetchRecord("https://a.example/gone", 404, "t", reason="HTTP 404", done=True))
        assert log.done([*urls, "https://a.example/gone"]) == {"https://a.example/gone"}
        log.mark_done(urls[8:22])
        log.mark_done([])
        assert log.done(urls) == set(urls[8:22])
        log.put(FetchRecord(urls[0], 200, "t2"))  # a record is replaced whole
        assert log.get(urls[0]).content_id is None
