"""Folders of any mix of formats are read in a stable order, every format through its reader."""

from __future__ import annotations

from pathlib import Path

from quotetrail.read import iter_documents
from quotetrail.records import RawDocument

MIXED = Path(__file__).resolve().parents[1] / "data" / "read" / "mixed"


def test_folder_reads_every_format() -> None:
    documents = list(iter_documents([MIXED]))
    assert all(isinstance(d, RawDocument) for d in documents)
    by_name = {Path(d.source_path).name: d for d in documents}
    assert set(by_name) == {"export.csv", "export.jsonl", "page.html", "story.txt"}
    assert by_name["page.html"].format == "html"
    assert by_name["export.jsonl"].url == "https://www.reuters.com/world/curfew"
    assert by_name["export.csv"].title == "Bridge closed"
    assert documents == list(iter_documents([MIXED]))
