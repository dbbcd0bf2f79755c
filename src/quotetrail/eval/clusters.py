"""Story clustering on an ECB+-style set (`docs.jsonl`: doc_id, cluster, text).

Runs the production online clusterer (`quotetrail.link.stories.StoryIndex`) over the documents
in file order, then over `ORDERS` seeded arrival orders of two kinds, to show how much the
single pass depends on arrival order: shuffles (documents in any order), and bursts (each
event's reports arrive together, as an undated news stream delivers them; `burst_order`).
Metrics (README of the set): pairwise precision / recall / F1 over document pairs, and the
adjusted Rand index.

`rule_threshold` recomputes the stated rules behind `JOIN_THRESHOLD` and `SURE_THRESHOLD` from
the set, with the idf of the whole set: half-way between the median similarity of two documents
about one event and that of two documents about the two different events of one topic (same
event type); and the 95th percentile of the latter.
"""

from __future__ import annotations

import json
import random
import statistics
from collections import Counter
from collections.abc import Sequence
from math import comb
from pathlib import Path
from typing import Any

from quotetrail.link.stories import (
    JOIN_THRESHOLD,
    SURE_THRESHOLD,
    StoryIndex,
    cosine,
    story_entity,
    story_features,
    term_frequencies,
)

ORDERS = 30  # seeded arrival orders of each kind
Entities = dict[str, list[tuple[str, int]]]  # doc id -> (story entity name, character offset)
Features = dict[str, Counter[str]]  # doc id -> story feature counts (`story_features`)


def pairwise_scores(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    """Pair-counting precision, recall, F1 and adjusted Rand index of two labelings."""
    n = len(gold)
    both = Counter(zip(gold, predicted, strict=True))
    same_both = sum(comb(c, 2) for c in both.values())
    same_gold = sum(comb(c, 2) for c in Counter(gold).values())
    same_pred = sum(comb(c, 2) for c in Counter(predicted).values())
    precision = same_both / same_pred if same_pred else 0.0
    recall = same_both / same_gold if same_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    expected = same_gold * same_pred / comb(n, 2) if n > 1 else 0.0
    maximum = (same_gold + same_pred) / 2
    ari = (same_both - expected) / (maximum - expected) if maximum != expected else 1.0
    return {
        "pairwise_precision": precision,
        "pairwise_recall": recall,
        "pairwise_f1": f1,
        "ari": ari,
    }


def document_features(docs: Sequence[dict[str, Any]], entities: Entities) -> Features:
    """Each document's story features, computed once for every run over the set."""
    return {
        doc["doc_id"]: story_features(doc["text"], entities.get(doc["doc_id"], ())) for doc in docs
    }


def cluster_online(
    docs: Sequence[dict[str, Any]], features: Features, threshold: float = JOIN_THRESHOLD
) -> list[str]:
    """The story each document is listed in once all have arrived, fed one at a time in the
    given order (a document may move when its provisional story is confirmed)."""
    index = StoryIndex(threshold=threshold)
    story_of = {}
    for doc in docs:
        placed = index.add(doc["doc_id"], features[doc["doc_id"]])
        story_of[doc["doc_id"]] = placed.story_id
        if placed.moved:
            story_of[placed.moved] = placed.story_id
    return [story_of[doc["doc_id"]] for doc in docs]


def rule_threshold(docs: Sequence[dict[str, Any]], features: Features) -> dict[str, float]:
    """The thresholds by their stated rules, over the pairs of documents within a topic (ECB+:
    two events of one type per topic): the join threshold is the midpoint of the median cosine
    of same-event pairs and that of different-event pairs; a join is sure from the 95th
    percentile of the different-event pairs on."""
    index = StoryIndex()
    for counts in features.values():
        index.count(counts.keys())
    vectors = {doc_id: index.weigh(term_frequencies(counts)) for doc_id, counts in features.items()}
    by_topic: dict[Any, list[dict[str, Any]]] = {}
    for doc in docs:
        by_topic.setdefault(doc.get("topic", doc["cluster"]), []).append(doc)
    same, different = [], []
    for members in by_topic.values():
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                similarity = cosine(vectors[a["doc_id"]], vectors[b["doc_id"]])
                (same if a["cluster"] == b["cluster"] else different).append(similarity)
    if not same or not different:
        raise ValueError("the rule needs topics holding both same-event and different-event pairs")
    same_median, different_median = statistics.median(same), statistics.median(different)
    return {
        "same_event_median": same_median,
        "different_event_median": different_median,
        "rule_threshold": (same_median + different_median) / 2,
        "sure_rule_threshold": statistics.quantiles(different, n=20, method="inclusive")[-1],
    }


def named_entities(docs: Sequence[dict[str, Any]]) -> Entities:
    """The entity mentions ingest stores for each document (`extract_mentions` on the same
    pipeline), as `link_articles` feeds them to the story features: (name, offset) pairs."""
    from quotetrail.extract import extract_mentions
    from quotetrail.nlp import load_pipeline

    nlp = load_pipeline()
    found: Entities = {}
    with nlp.select_pipes(enable=["tok2vec", "ner"]):
        parses = nlp.pipe((d["text"] for d in docs), batch_size=32)
        for doc, parsed in zip(docs, parses, strict=True):
            found[doc["doc_id"]] = [
                (name, m.start)
                for m in extract_mentions(parsed)
                if (name := story_entity(m.text, m.label))
            ]
    return found


def burst_order(docs: Sequence[dict[str, Any]], seed: int) -> list[int]:
    """Indices of `docs` in an order where each event's documents arrive together (shuffled
    among themselves), the events of one topic one after the other, and the topics interleaved
    at random: a stream in which an event's reports come in a burst and a later event of the
    same type finds the story of the earlier one complete."""
    rng = random.Random(seed)
    events: dict[Any, list[int]] = {}
    for i, doc in enumerate(docs):
        events.setdefault(doc["cluster"], []).append(i)
    topics: dict[Any, list[Any]] = {}
    for event, members in events.items():
        rng.shuffle(members)
        topics.setdefault(docs[members[0]].get("topic", event), []).append(event)
    queues = []
    for topic_events in topics.values():
        rng.shuffle(topic_events)
        queues.append([i for event in topic_events for i in events[event]])
    order = []
    while queues:
        queue = rng.choice(queues)
        order.append(queue.pop(0))
        if not queue:
            queues.remove(queue)
    return order


def shuffled_order(docs: Sequence[dict[str, Any]], seed: int) -> list[int]:
    order = list(range(len(docs)))
    random.Random(seed).shuffle(order)
    return order


def score(
    docs: Sequence[dict[str, Any]], entities: Entities, threshold: float = JOIN_THRESHOLD
) -> dict[str, Any]:
    gold = [doc["cluster"] for doc in docs]
    features = document_features(docs, entities)
    in_order = cluster_online(docs, features, threshold)
    result = pairwise_scores(gold, in_order)
    for kind, arrange in (("shuffled", shuffled_order), ("burst", burst_order)):
        runs = []
        for seed in range(ORDERS):
            order = arrange(docs, seed)
            predicted = cluster_online([docs[i] for i in order], features, threshold)
            runs.append(pairwise_scores([gold[i] for i in order], predicted))
        for metric in ("pairwise_f1", "ari"):
            values = [run[metric] for run in runs]
            result[f"{kind}_{metric}_mean"] = statistics.mean(values)
            result[f"{kind}_{metric}_sd"] = statistics.pstdev(values)
            result[f"{kind}_{metric}_min"] = min(values)
    result.update(rule_threshold(docs, features))
    result["threshold"] = threshold
    result["sure_threshold"] = SURE_THRESHOLD
    result["documents"] = len(docs)
    result["gold_clusters"] = len(set(gold))
    result["predicted_clusters"] = len(set(in_order))
    return result


def evaluate(data: Path) -> dict[str, Any]:
    path = data / "docs.jsonl" if data.is_dir() else data
    docs = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    return score(docs, named_entities(docs))
