"""textacy's `direct_quotations` scored by `quotetrail eval quotes`' own code, as a peer.

textacy is not a project dependency; run this from a throwaway virtual environment:

    python3 -m venv /tmp/textacy-venv
    /tmp/textacy-venv/bin/pip install textacy .
    PYTHONPATH=src /tmp/textacy-venv/bin/python benchmarks/textacy_quotes.py \
        ../shared/data/quotes/ggt-dev
    PYTHONPATH=src /tmp/textacy-venv/bin/python benchmarks/textacy_quotes.py \
        ../shared/data/quotes/polnear-dev                    # dev.jsonl; or a .jsonl file:
    PYTHONPATH=src /tmp/textacy-venv/bin/python benchmarks/textacy_quotes.py \
        ../shared/data/quotes/polnear-dev/train.jsonl --sample 200

It parses with the same small English model quotetrail uses (textacy's extractor needs a parse)
and prints one JSON object with the same metric names as `quotetrail eval quotes` (a PolNeAR
sample is drawn with the harness's seed, so both score the same articles). An article in
which textacy finds an odd number of quotation marks raises in textacy; it counts as no quotes.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

from textacy.extract.triples import direct_quotations

from quotetrail.eval.quotes import Predicted, score
from quotetrail.nlp import load_pipeline


def textacy_extractor(texts: Sequence[str]) -> list[list[Predicted]]:
    nlp = load_pipeline()
    results = []
    for doc in nlp.pipe(texts, batch_size=16):
        predictions = []
        try:
            triples = list(direct_quotations(doc))
        except ValueError:  # textacy refuses articles with an odd number of quotation marks
            triples = []
        for triple in triples:
            content = triple.content
            speaker = " ".join(token.text for token in triple.speaker)
            predictions.append(Predicted(content.start_char, content.end_char, speaker, speaker))
        results.append(predictions)
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data", type=Path, nargs="?", default=Path("../shared/data/quotes/ggt-dev"))
    parser.add_argument("--sample", type=int, help="score N articles of a PolNeAR file")
    args = parser.parse_args()
    print(json.dumps(score(args.data, textacy_extractor, args.sample), sort_keys=True))


if __name__ == "__main__":
    main()
