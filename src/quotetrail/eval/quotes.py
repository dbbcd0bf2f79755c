"""`eval quotes`: statement extraction and speaker attribution scored on two annotated sets.

Gender Gap Tracker (a folder with `annotations.jsonl`, one article a line: `text_raw`, `text`,
`quotes`): gold offsets index `text`, upstream's preprocessing of `text_raw`; we run the extractor
on `text_raw` (what a cleaner would give us) and carry gold spans back to it by replaying that
preprocessing with an offset map. Speaker accuracy is the stricter test there: the resolved
speaker *name* against gold `reference`, over matched quotes.

PolNeAR (a folder with `dev.jsonl`, or any of its `.jsonl` files such as `train.jsonl`: one
article a line, `text` and `attributions` of source, cue and content spans): scored on all
attributions and on speech alone (the cue is a speech verb, a statement noun or an attribution
phrase of the lexicon), with recall by kind and the speaker against the gold source as written.

A statement of kind `act` ("rejected the proposal": a speech act by what it bears on) is scored on
PolNeAR, which annotates such attributions, and left out on the Gender Gap Tracker's set, which
annotates quotes only; the count left out is reported.

Matching is the same on both: a gold content matches a predicted one when |gold ∩ predicted| /
|gold| exceeds the threshold, greedily one to one. `score` takes any extractor (texts in,
predictions out), so a peer such as textacy is measured with the same code (see
benchmarks/textacy_quotes.py).
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quotetrail.lexicon import quote_marks, speech_forms, words
from quotetrail.records import StatementKind

THRESHOLDS = (0.3, 0.8)
# upstream preprocessing of text_raw into text, in order (README of the data set)
PREPROCESSING: tuple[tuple[str, str], ...] = (
    ("\u00a0", " "),
    ("\u00e9", " "),
    ("\n", ".\n "),
    ("..\n ", ".\n "),
    (". .\n ", ".\n "),
    ("  ", " "),
    ("“", '"'),
    ("”", '"'),
)
HONORIFIC = re.compile(r"^(the|a|an|mr|mrs|ms|miss|dr|sir|prof)\.?\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Predicted:
    """One predicted statement: its span in the text it was given, and who said it."""

    start: int
    end: int
    speaker: str = ""
    mention: str = ""
    kind: str = ""  # the statement's kind, when the extractor gives one


Extractor = Callable[[Sequence[str]], list[list[Predicted]]]
# Kinds the Gender Gap Tracker's scheme has no quote for: a speech act reported by what it bears
# on ("rejected the proposal") says no words of the speaker's, and that set annotates quotes
# only (PolNeAR annotates such attributions, and scores them).
NOT_QUOTES = frozenset({StatementKind.act})


def _quotes_only(predicted: list[Predicted]) -> list[Predicted]:
    return [p for p in predicted if p.kind not in NOT_QUOTES]


def _replace(
    chars: list[str], offsets: list[int], old: str, new: str
) -> tuple[list[str], list[int]]:
    """str.replace over characters that remember where they came from."""
    text = "".join(chars)
    out_chars: list[str] = []
    out_offsets: list[int] = []
    position = 0
    while True:
        found = text.find(old, position)
        if found < 0:
            break
        out_chars.extend(chars[position:found])
        out_offsets.extend(offsets[position:found])
        for k, char in enumerate(new):
            out_chars.append(char)
            out_offsets.append(offsets[found + min(k, len(old) - 1)])
        position = found + len(old)
    out_chars.extend(chars[position:])
    out_offsets.extend(offsets[position:])
    return out_chars, out_offsets


def offset_map(raw: str) -> tuple[str, list[int]]:
    """Upstream's preprocessed text of `raw`, and for each of its characters the offset in `raw`."""
    chars, offsets = list(raw), list(range(len(raw)))
    for old, new in PREPROCESSING:
        chars, offsets = _replace(chars, offsets, old, new)
    return "".join(chars), offsets


def gold_span(quote: dict[str, Any], text: str) -> tuple[int, int] | None:
    """The gold span in upstream `text`; located by its string where the span is missing."""
    if quote.get("quote_span"):
        return int(quote["quote_span"][0]), int(quote["quote_span"][1])
    found = text.find(quote.get("quote") or "\0")
    return (found, found + len(quote["quote"])) if found >= 0 else None


def gold_span_in_raw(span: tuple[int, int] | None, offsets: list[int]) -> tuple[int, int] | None:
    if span is None:
        return None
    start, end = span
    if not 0 <= start < end <= len(offsets):
        return None
    return offsets[start], offsets[end - 1] + 1


def normalise_name(name: str) -> str:
    name = HONORIFIC.sub("", (name or "").strip())
    return " ".join(re.sub(r"[^\w\s-]", " ", name.casefold()).split())


def gold_kind(quote: dict[str, Any]) -> str:
    """Upstream kinds of gold quote, from its annotation."""
    marked, cued = bool(quote.get("has_quote_marks")), bool(quote.get("verb"))
    return {(True, True): "direct", (True, False): "floating", (False, True): "indirect"}.get(
        (marked, cued), "other"
    )


Gold = tuple[tuple[int, int], ...]  # a gold content's parts: one span, or a quote's pieces


def _overlap(gold: Gold, predicted: Predicted) -> float:
    shared = sum(
        max(0, min(end, predicted.end) - max(start, predicted.start)) for start, end in gold
    )
    return shared / max(1, sum(end - start for start, end in gold))


def match(golds: list[Gold], predicted: list[Predicted], threshold: float) -> dict[int, int]:
    """Greedy one-to-one: each gold, in order, takes the free prediction it overlaps most (of a
    content in pieces, "…," he said, "…", the share of all its pieces)."""
    taken: set[int] = set()
    pairs: dict[int, int] = {}
    for g, gold in enumerate(golds):
        best, best_ratio = None, threshold
        for p, prediction in enumerate(predicted):
            ratio = _overlap(gold, prediction)
            if p not in taken and ratio > best_ratio:
                best, best_ratio = p, ratio
        if best is not None:
            taken.add(best)
            pairs[g] = best
    return pairs


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load(data: Path) -> list[dict[str, Any]]:
    return _read_jsonl(data / "annotations.jsonl")


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _located(article: dict[str, Any]) -> list[tuple[dict[str, Any], tuple[int, int]]]:
    """The article's gold quotes that can be placed in `text_raw`, with their spans there."""
    _, offsets = offset_map(article["text_raw"])
    located = [
        (q, gold_span_in_raw(gold_span(q, article["text"]), offsets)) for q in article["quotes"]
    ]
    return [(q, span) for q, span in located if span]


def score_ggt(data: Path, extractor: Extractor) -> dict[str, Any]:
    """Quote P/R/F1 at each overlap threshold and speaker accuracy on a Gender Gap Tracker
    folder, for any extractor."""
    articles = load(data)
    predictions = extractor([article["text_raw"] for article in articles])
    counts: Counter[str] = Counter()
    for article, all_predicted in zip(articles, predictions, strict=True):
        predicted = _quotes_only(all_predicted)
        counts["not_quotes"] += len(all_predicted) - len(predicted)
        located = _located(article)
        quotes = [q for q, _ in located]
        golds: list[Gold] = [(span,) for _, span in located]
        counts["gold"] += len(golds)
        counts["predicted"] += len(predicted)
        for threshold in THRESHOLDS:
            pairs = match(golds, predicted, threshold)
            counts[f"matched_{threshold}"] += len(pairs)
            for g, p in pairs.items():
                quote, prediction = quotes[g], predicted[p]
                counts[f"speaker_right_{threshold}"] += normalise_name(
                    prediction.speaker
                ) == normalise_name(quote["reference"])
                if threshold == THRESHOLDS[0]:
                    counts[f"recalled_{gold_kind(quote)}"] += 1
                    if quote.get("speaker"):
                        counts["span_gold"] += 1
                        counts["span_right"] += normalise_name(
                            prediction.mention
                        ) == normalise_name(quote["speaker"])
        for quote in quotes:
            counts[f"gold_{gold_kind(quote)}"] += 1
    return _metrics(counts)


def _metrics(counts: Counter[str]) -> dict[str, Any]:
    metrics: dict[str, Any] = {}
    for threshold in THRESHOLDS:
        matched = counts[f"matched_{threshold}"]
        for name, value in _prf(matched, counts["predicted"], counts["gold"]).items():
            metrics[f"{name}_{threshold}"] = value
        metrics[f"speaker_accuracy_{threshold}"] = (
            round(counts[f"speaker_right_{threshold}"] / matched, 4) if matched else 0.0
        )
    metrics["speaker_accuracy"] = metrics[f"speaker_accuracy_{THRESHOLDS[0]}"]
    metrics["speaker_span_accuracy"] = (
        round(counts["span_right"] / counts["span_gold"], 4) if counts["span_gold"] else 0.0
    )
    for kind in ("direct", "floating", "indirect", "other"):
        if counts[f"gold_{kind}"]:
            metrics[f"recall_0.3_{kind}"] = round(
                counts[f"recalled_{kind}"] / counts[f"gold_{kind}"], 4
            )
    metrics["gold_quotes"] = counts["gold"]
    metrics["predicted_quotes"] = counts["predicted"]
    metrics["predicted_acts_not_scored"] = counts["not_quotes"]
    return metrics


# PolNeAR

SAMPLE_SEED = 17  # a sample of a PolNeAR file is drawn with this seed, so it is the same each run
POLNEAR_KINDS = ("direct", "indirect", "mixed")
GRAMMAR_WORDS = {"a", "an", "the", "of", "and", "s"}  # shared by two names without making one


@dataclass(frozen=True)
class Attribution:
    """One PolNeAR gold attribution, as the scorer needs it."""

    content: Gold
    source: str  # the source as written ("he", "the campaign"); "" when the gold names none
    speech: bool  # the cue is a verb or noun of saying, not a belief or an intention
    kind: str  # direct | indirect | mixed, by the quotation marks of the content


def speech_cue(cue: str) -> bool:
    """Whether a gold cue reports speech: a written form of a lexicon speech verb ("said",
    "also noted"), a statement noun, singular or plural ("in a statement", "remarks"), or an
    attribution phrase ("according to")."""
    lowered = cue.casefold()
    if any(phrase in lowered for phrase in words().attribution_phrases):
        return True
    forms, nouns = speech_forms(), words().nominal_cues
    return any(
        word in forms or word in nouns or word.removesuffix("s") in nouns
        for word in re.findall(r"[^\W\d_]+", lowered)
    )


def _quoted(piece: str) -> bool:
    """A piece wholly inside double quotation marks (closing punctuation aside); an open quote
    that runs to its paragraph's end has no closing mark."""
    marks = quote_marks().double  # a mark may be two characters: ''like this''
    piece = piece.strip().rstrip(".,;:!?")
    opening = next((mark for mark in marks if piece.startswith(mark)), "")
    closing = next((mark for mark in marks if piece[len(opening) :].endswith(mark)), "")
    inner = piece[len(opening) : len(piece) - len(closing)]
    return bool(opening) and not any(mark in inner for mark in marks)


def content_kind(pieces: Sequence[str]) -> str:
    """direct when every piece is a quotation, indirect when none has a double quotation mark,
    mixed otherwise ("that it would 'keep the details under wraps'")."""
    if all(_quoted(piece) for piece in pieces):
        return "direct"
    marks = quote_marks().double
    return "mixed" if any(mark in piece for piece in pieces for mark in marks) else "indirect"


def attribution(text: str, record: dict[str, Any]) -> Attribution | None:
    """A gold attribution of PolNeAR, or None when it has no content span."""
    spans = tuple(
        (int(start), int(end)) for part in record["content"] for start, end in part["spans"]
    )
    if not spans:
        return None
    return Attribution(
        content=spans,
        source=" ".join(part["text"] for part in record["source"]),
        speech=speech_cue(" ".join(part["text"] for part in record["cue"])),
        kind=content_kind([text[start:end] for start, end in spans]),
    )


def _name_words(name: str) -> set[str]:
    return set(normalise_name(name).split()) - GRAMMAR_WORDS


def speaker_overlaps(prediction: Predicted, source: str) -> bool:
    """The predicted speaker, as written at the cue or as resolved, shares a word with the gold
    source as written (PolNeAR does not resolve "he": either side of ours may meet it)."""
    return bool(
        _name_words(source) & (_name_words(prediction.mention) | _name_words(prediction.speaker))
    )


def polnear_file(data: Path) -> Path:
    """The PolNeAR articles `data` names: a `.jsonl` file itself, else the folder's `dev.jsonl`."""
    return data if data.suffix == ".jsonl" else data / "dev.jsonl"


def _prf(matched: int, predicted: int, gold: int) -> dict[str, float]:
    precision = matched / predicted if predicted else 0.0
    recall = matched / gold if gold else 0.0
    return {
        "f1": round(_f1(precision, recall), 4),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
    }


def sampled(articles: list[Any], sample: int | None, outside: bool = False) -> list[Any]:
    """The fixed-seed sample of `sample` articles or, `outside`, the articles not in it (a check
    set that the sample's readers never saw), in file order."""
    if sample is None or sample >= len(articles):
        return [] if outside else articles
    chosen = random.Random(SAMPLE_SEED).sample(range(len(articles)), sample)
    if not outside:
        return [articles[index] for index in chosen]
    drawn = set(chosen)
    return [article for index, article in enumerate(articles) if index not in drawn]


def score_polnear(
    path: Path, extractor: Extractor, sample: int | None = None, outside: bool = False
) -> dict[str, Any]:
    """P/R/F1 at each threshold on all attributions and on speech alone, recall by kind and
    speaker accuracy, on a PolNeAR file (or a fixed-seed sample of `sample` of its articles, or
    with `outside` the articles not in that sample).

    For speech alone, a prediction matched to an attributed belief ("X believes …") is neither
    right nor wrong: it leaves the precision's denominator."""
    articles = sampled(_read_jsonl(path), sample, outside)
    predictions = extractor([article["text"] for article in articles])
    counts = {"all": Counter[str](), "speech": Counter[str]()}
    for article, predicted in zip(articles, predictions, strict=True):
        found = [attribution(article["text"], record) for record in article["attributions"]]
        golds = [gold for gold in found if gold is not None]
        for threshold in THRESHOLDS:
            pairs = match([gold.content for gold in golds], predicted, threshold)
            beliefs = sum(not golds[g].speech for g in pairs)
            counts["all"][f"predicted_{threshold}"] += len(predicted)
            counts["speech"][f"predicted_{threshold}"] += len(predicted) - beliefs
            for g, p in pairs.items():
                gold = golds[g]
                for name in ("all", "speech") if gold.speech else ("all",):
                    counts[name][f"matched_{threshold}"] += 1
                    if threshold == THRESHOLDS[0]:
                        counts[name][f"recalled_{gold.kind}"] += 1
                        if gold.source:
                            counts[name]["sourced"] += 1
                            counts[name]["speaker_right"] += speaker_overlaps(
                                predicted[p], gold.source
                            )
        for gold in golds:
            for name in ("all", "speech") if gold.speech else ("all",):
                counts[name]["gold"] += 1
                counts[name][f"gold_{gold.kind}"] += 1
    return {"articles": len(articles)} | {
        name: _polnear_metrics(counted) for name, counted in counts.items()
    }


def _polnear_metrics(counts: Counter[str]) -> dict[str, Any]:
    metrics: dict[str, Any] = {"gold": counts["gold"], "predicted": counts["predicted_0.3"]}
    for threshold in THRESHOLDS:
        prf = _prf(counts[f"matched_{threshold}"], counts[f"predicted_{threshold}"], counts["gold"])
        metrics |= {f"{key}_{threshold}": value for key, value in prf.items()}
    for kind in POLNEAR_KINDS:
        if counts[f"gold_{kind}"]:
            metrics[f"recall_0.3_{kind}"] = round(
                counts[f"recalled_{kind}"] / counts[f"gold_{kind}"], 4
            )
    metrics["speaker_accuracy"] = (
        round(counts["speaker_right"] / counts["sourced"], 4) if counts["sourced"] else 0.0
    )
    return metrics


def score(
    data: Path, extractor: Extractor, sample: int | None = None, outside: bool = False
) -> dict[str, Any]:
    """Score any extractor on either layout: a Gender Gap Tracker folder (`annotations.jsonl`)
    or PolNeAR (a folder with `dev.jsonl`, or one of its `.jsonl` files)."""
    if (data / "annotations.jsonl").is_file():
        return score_ggt(data, extractor)
    return score_polnear(polnear_file(data), extractor, sample, outside)


PRONOUNS = {"he", "she", "him", "her", "they", "it"}
DOCUMENT_WORDS = (
    "report",
    "study",
    "statement",
    "release",
    "survey",
    "poll",
    "memo",
    "letter",
    "document",
    "tweet",
    "post",
)
# speaker-error classes, first fitting one wins:
# (class, test on the predicted mention, the predicted name and the gold name)
ERROR_CLASSES: tuple[tuple[str, Callable[[str, str, str], bool]], ...] = (
    ("pronoun", lambda mention, name, gold: mention.casefold() in PRONOUNS),
    (
        "name-length",
        lambda mention, name, gold: (
            bool(name and gold)
            and (set(name.split()) < set(gold.split()) or set(gold.split()) < set(name.split()))
        ),
    ),
    (
        "document",
        lambda mention, name, gold: any(word in mention.casefold() for word in DOCUMENT_WORDS),
    ),
    (
        "description",
        lambda mention, name, gold: (
            mention[:1].islower() or mention.casefold().startswith(("the ", "a "))
        ),
    ),
    ("other", lambda mention, name, gold: True),
)


def error_class(prediction: Predicted, gold: str) -> str:
    name, wanted = normalise_name(prediction.speaker), normalise_name(gold)
    return next(kind for kind, fits in ERROR_CLASSES if fits(prediction.mention, name, wanted))


def speaker_errors(data: Path, extractor: Extractor) -> list[dict[str, Any]]:
    """Every quote matched at 0.3 whose resolved speaker is wrong, with its error class (for
    diagnosis on a terminal; the rows quote the data set, so they are never written to the repo)."""
    articles = load(data)
    rows = []
    predictions = extractor([a["text_raw"] for a in articles])
    for article, all_predicted in zip(articles, predictions, strict=True):
        predicted = _quotes_only(all_predicted)
        located = _located(article)
        golds: list[Gold] = [(span,) for _, span in located]
        for g, p in match(golds, predicted, THRESHOLDS[0]).items():
            quote, prediction = located[g][0], predicted[p]
            if normalise_name(prediction.speaker) != normalise_name(quote["reference"]):
                rows.append(
                    {
                        "class": error_class(prediction, quote["reference"]),
                        "doc_id": article.get("doc_id"),
                        "at": prediction.start,
                        "mention": prediction.mention,
                        "predicted": prediction.speaker,
                        "gold_mention": quote.get("speaker"),
                        "gold": quote["reference"],
                    }
                )
    return sorted(rows, key=lambda row: (row["class"], str(row["doc_id"]), row["at"]))


def quotetrail_extractor(texts: Sequence[str]) -> list[list[Predicted]]:
    """Our extractor: the pipeline's parse (with line breaks as boundaries) and
    extract_statements."""
    from quotetrail.extract import extract_statements
    from quotetrail.extract.segment import with_line_breaks
    from quotetrail.nlp import load_pipeline
    from quotetrail.records import Article

    nlp = with_line_breaks(load_pipeline())
    results = []
    for index, doc in enumerate(nlp.pipe(texts, batch_size=16)):
        statements = extract_statements(Article(id=str(index), text=doc.text), doc)
        results.append(
            [
                Predicted(
                    s.span[0],
                    s.span[1],
                    s.speaker.name if s.speaker else "",
                    s.speaker.mention if s.speaker else "",
                    s.kind,
                )
                for s in statements
            ]
        )
    return results


def evaluate(data: Path, sample: int | None = None, outside: bool = False) -> dict[str, Any]:
    return score(Path(data), quotetrail_extractor, sample, outside)


def main(argv: Sequence[str] | None = None) -> None:
    """`python -m quotetrail.eval.quotes GGT_DATA`: speaker errors by class (to the terminal);
    `… --sample N POLNEAR_FILE`: the scores of a fixed-seed sample of N articles;
    `… --outside-sample N POLNEAR_FILE`: the scores of the file's other articles."""
    parser = argparse.ArgumentParser(prog="python -m quotetrail.eval.quotes")
    parser.add_argument("data", type=Path)
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--sample", type=int, help="score N articles of a PolNeAR file")
    group.add_argument(
        "--outside-sample", type=int, metavar="N", help="score the articles not in that sample"
    )
    args = parser.parse_args(argv)
    if args.sample is not None or args.outside_sample is not None:
        outside = args.outside_sample is not None
        sample = args.outside_sample if outside else args.sample
        print(json.dumps(evaluate(args.data, sample, outside), sort_keys=True))
        return
    errors = speaker_errors(args.data, quotetrail_extractor)
    for row in errors:
        print(json.dumps(row, ensure_ascii=False))
    print(json.dumps(Counter(row["class"] for row in errors)))


if __name__ == "__main__":
    main()
