"""Telling an alert: a JSON line to standard output or a file, and a POST to a webhook that,
when it fails, is named and stops nothing."""

from __future__ import annotations

import io
import json
import logging

from quotetrail.fetch import Policy
from quotetrail.records import Alert
from quotetrail.watch.config import Output
from quotetrail.watch.tell import Teller, payload

ALERT = Alert(
    "statement|russia|taliban|s1",
    "statement",
    "New statement by Russia about Taliban (Zamir Kabulov)",
    ["s1"],
    "2024-05-17T09:00:00+00:00",
    "Russia",
    "Taliban",
    {"quote": "“ok” </script>"},
)


def test_tell_payload_links_statements_and_story():
    assert payload(ALERT)["links"] == {"statements": ["/statements/s1"]}
    story = Alert("coverage|3|s-1", "coverage", "t", ["a", "b"], detail={"story": "s-1"})
    assert payload(story, "http://q.example")["links"] == {
        "statements": ["http://q.example/statements/a", "http://q.example/statements/b"],
        "story": ["http://q.example/stories/s-1"],
    }


def test_tell_writes_one_json_line_to_a_stream_or_a_file(tmp_path):
    stream = io.StringIO()
    Teller(Output(), stream=stream)(ALERT)
    assert json.loads(stream.getvalue()) == payload(ALERT)
    assert stream.getvalue().count("\n") == 1
    file = tmp_path / "alerts.jsonl"
    teller = Teller(Output(file=file, base_url="http://q.example"))
    teller(ALERT)
    teller(ALERT)
    lines = file.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [payload(ALERT, "http://q.example")] * 2


def test_tell_posts_to_a_webhook(site, tmp_path):
    hook = site.add("/hook", "", "text/plain")
    Teller(Output(tmp_path / "a.jsonl", hook), Policy(contact="mailto:d@example.org"))(ALERT)
    [(path, body)] = site.posted
    assert (path, json.loads(body)) == ("/hook", payload(ALERT))
    headers = site.asked("/hook")[0]
    assert headers["Content-Type"] == "application/json"
    assert headers["User-Agent"].endswith("(+mailto:d@example.org)")


def test_tell_a_failing_webhook_is_named_and_the_alert_stays_told(site, tmp_path, caplog):
    caplog.set_level(logging.WARNING)
    hook = site.add("/hook", "", "text/plain", status=500)
    file = tmp_path / "a.jsonl"
    Teller(Output(file, hook))(ALERT)
    assert len(site.posted) == 3  # asked again twice
    assert f"webhook {hook}: HTTP 500" in caplog.text
    Teller(Output(file, "http://127.0.0.1:9/hook"))(ALERT)  # nobody listens there
    assert "webhook http://127.0.0.1:9/hook: connection refused" in caplog.text
    assert len(file.read_text(encoding="utf-8").splitlines()) == 2
