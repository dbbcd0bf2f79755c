"""How much time stance adds to the parse: stance seconds / parse seconds, for each model.

    .venv/bin/python benchmarks/stance_speed.py [FOLDER_OF_TXT ...]

Parses every article once (as the pipeline does), extracts its statements, then times
`stances_for` over every article's statements, best of three rounds, with the learned model
(one onnxruntime thread, as in an ingest worker) and with the light one. The models are loaded
before timing. Defaults to the seed corpus plus the ggt-dev raw texts when ../shared/data is
present. Prints one JSON object; issue 18's budget is a ratio of at most 0.15.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from extract_speed import ROUNDS, best_of, parsed

from quotetrail.analyze import minilm
from quotetrail.analyze.stance import stances_for
from quotetrail.extract import extract_statements
from quotetrail.records import Article


def main() -> None:
    texts, docs, parse = parsed([Path(arg) for arg in sys.argv[1:]])
    articles = [Article(id=str(i), text=text) for i, text in enumerate(texts)]
    statements = [extract_statements(a, d) for a, d in zip(articles, docs, strict=True)]
    pairs = list(zip(statements, docs, strict=True))
    result = {
        "articles": len(texts),
        "statements": sum(len(found) for found in statements),
        "targets": sum(len(s.about) for found in statements for s in found),
        "parse_s": round(parse, 3),
    }
    for name, choice in (("minilm-int8", ""), ("light", "light")):
        os.environ[minilm.CHOICE] = choice
        stances_for(*pairs[0])  # load the model
        seconds = best_of(ROUNDS, lambda: [stances_for(found, doc) for found, doc in pairs])
        result[f"{name}_s"] = round(seconds, 3)
        result[f"{name}_over_parse"] = round(seconds / parse, 3)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
