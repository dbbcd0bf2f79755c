"""Throughput and memory of reading and cleaning; prints one JSON object. Not run by the tests.

    .venv/bin/python benchmarks/read_clean.py [--pages 5000]

Writes a WARC.gz of synthetic article pages (the test fixture page with varied paragraphs) to a
temporary folder, then measures: WARC records read per second and the process's peak memory
while streaming it (flat in the archive size: records are read one at a time), HTML pages
cleaned per second (trafilatura + htmldate + line rules), and text dumps cleaned per second
(the seed corpus, repeated).
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from quotetrail.clean import clean_document
from quotetrail.read import iter_documents
from quotetrail.records import RawDocument

REPO = Path(__file__).resolve().parents[1]
PAGE = (REPO / "tests" / "data" / "clean" / "page.html").read_text(encoding="utf-8")
SEEDS = REPO / "data" / "corpus" / "seeds"
SAMPLE = 200  # pages kept for the cleaning measurement


def write_warc(path: Path, pages: int) -> int:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for number in range(pages):
            extra = "".join(
                f"<p>Paragraph {i} of page {number}: officials said the talks went on.</p>"
                for i in range(20)
            )
            html = PAGE.replace("</article>", extra + "</article>").encode("utf-8")
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                f"https://example.org/{number}",
                "response",
                payload=BytesIO(html),
                http_headers=headers,
            )
            writer.write_record(record)
    return path.stat().st_size


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rate(count: int, seconds: float) -> float:
    return round(count / seconds, 1) if seconds else 0.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        warc = Path(folder) / "crawl.warc.gz"
        size = write_warc(warc, args.pages)
        rss_before = peak_rss_mb()
        start = time.perf_counter()
        documents: list[RawDocument] = []
        read = 0
        for document in iter_documents([warc]):
            read += 1
            if isinstance(document, RawDocument) and len(documents) < SAMPLE:
                documents.append(document)
        read_seconds = time.perf_counter() - start
        rss_after = peak_rss_mb()
    count = len(documents)
    start = time.perf_counter()
    for document in documents:
        clean_document(document)
    html_seconds = time.perf_counter() - start
    dumps = [d for d in iter_documents([SEEDS]) if isinstance(d, RawDocument)] * 40
    start = time.perf_counter()
    for document in dumps:
        clean_document(document)
    text_seconds = time.perf_counter() - start
    print(
        json.dumps(
            {
                "warc_pages": args.pages,
                "warc_mb": round(size / 1e6, 1),
                "warc_records_per_s": rate(read, read_seconds),
                "peak_rss_mb_before_read": round(rss_before, 1),
                "peak_rss_mb_after_read": round(rss_after, 1),
                "html_pages_cleaned_per_s": rate(count, html_seconds),
                "text_dumps_cleaned_per_s": rate(len(dumps), text_seconds),
            }
        )
    )


if __name__ == "__main__":
    main()
