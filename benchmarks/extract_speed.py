"""How much time extraction adds to the parse it reads: extract seconds / parse seconds.

    .venv/bin/python benchmarks/extract_speed.py [FOLDER_OF_TXT ...]

Parses every article once with the pipeline's model (line breaks as sentence starts, as the
extractor expects), then times `extract_statements` over the parsed docs, best of three rounds
each. Defaults to the seed corpus plus the ggt-dev raw texts when ../shared/data is present.
Prints one JSON object; the issue's budget is a ratio of at most 0.30.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from quotetrail.extract import extract_statements
from quotetrail.extract.segment import with_line_breaks
from quotetrail.nlp import load_pipeline
from quotetrail.records import Article

REPO = Path(__file__).resolve().parents[1]
DEFAULT_FOLDERS = (
    REPO / "data" / "corpus" / "seeds",
    REPO.parent / "shared" / "data" / "quotes" / "ggt-dev" / "rawtext",
)
ROUNDS = 3


def load_texts(folders: list[Path]) -> list[str]:
    return [
        path.read_text(encoding="utf-8")
        for folder in folders
        if folder.is_dir()
        for path in sorted(folder.glob("*.txt"))
    ]


def best_of(rounds: int, work) -> float:
    timings = []
    for _ in range(rounds):
        started = time.perf_counter()
        work()
        timings.append(time.perf_counter() - started)
    return min(timings)


def parsed(folders: list[Path]) -> tuple[list[str], list, float]:
    """The articles of `folders` (the defaults when none is given), their parses as the
    pipeline makes them, and the best parse time of ROUNDS rounds."""
    texts = load_texts(folders or list(DEFAULT_FOLDERS))
    nlp = with_line_breaks(load_pipeline())
    list(nlp.pipe(texts[:2]))  # warm up
    docs: list = []
    parse = best_of(
        ROUNDS, lambda: docs.__setitem__(slice(None), list(nlp.pipe(texts, batch_size=16)))
    )
    return texts, docs, parse


def main() -> None:
    texts, docs, parse = parsed([Path(arg) for arg in sys.argv[1:]])
    articles = [Article(id=str(i), text=text) for i, text in enumerate(texts)]
    extract = best_of(
        ROUNDS, lambda: [extract_statements(a, d) for a, d in zip(articles, docs, strict=True)]
    )
    words = sum(len(doc) for doc in docs)
    print(
        json.dumps(
            {
                "articles": len(texts),
                "tokens": words,
                "parse_s": round(parse, 3),
                "extract_s": round(extract, 3),
                "extract_over_parse": round(extract / parse, 3),
                "parse_tokens_per_s": round(words / parse),
            }
        )
    )


if __name__ == "__main__":
    main()
