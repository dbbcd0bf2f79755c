"""Alerts in the store: kept by event key once, the told ones listed newest first."""

from __future__ import annotations

from quotetrail.records import Alert
from quotetrail.store import Store, alerts


def test_alerts_kept_once_by_key_and_listed_newest_first(db_path):
    first = Alert("k1", "statement", "one", ["s1"], actor="Russia", detail={"quote": "“x”"})
    second = Alert("k2", "shift", "two", ["s2", "s3"])
    with Store(db_path) as store:
        assert alerts.seen(store, []) == set()
        kept = alerts.save(store, [first], "2024-01-01T00:00:00+00:00", told=True)
        assert kept[0].raised == "2024-01-01T00:00:00+00:00"
        alerts.save(store, [second], "2024-01-02T00:00:00+00:00", told=True)
        alerts.save(store, [Alert("k0", "statement", "old", [])], "2024-01-03", told=False)
        alerts.save(store, [first], "2024-02-01T00:00:00+00:00", told=True)  # seen: kept once
        assert alerts.seen(store, ["k0", "k1", "k9"]) == {"k0", "k1"}
        assert [a.key for a in alerts.told(store)] == ["k2", "k1"]  # the baseline is not told
        assert alerts.told(store, limit=1, offset=1) == kept
