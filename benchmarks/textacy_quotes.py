"""textacy's `direct_quotations` scored by `quotetrail eval quotes`' own code, as a peer.

textacy is not a project dependency; run this from a throwaway virtual environment:

    python3 -m venv /tmp/textacy-venv
    /tmp/textacy-venv/bin/pip install textacy .
    PYTHONPATH=src /tmp/textacy-venv/bin/python benchmarks/textacy_quotes.py \
        ../shared/data/quotes/ggt-dev

It parses with the same small English model quotetrail uses (textacy's extractor needs a parse)
and prints one JSON object with the same metric names as `quotetrail eval quotes`. An article in
which textacy finds an odd number of quotation marks raises in textacy; it counts as no quotes.
"""

from __future__ import annotations

import json
import sys
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
    data = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/quotes/ggt-dev")
    print(json.dumps(score(data, textacy_extractor), sort_keys=True))


if __name__ == "__main__":
    main()
