"""The story-clustering harness: the rule threshold, burst order and pairwise scores."""

from __future__ import annotations

import itertools

import pytest

from quotetrail.eval.clusters import burst_order, document_features, pairwise_scores, rule_threshold


def test_clusters_rule_threshold_is_midpoint_of_medians(quakes):
    docs = [
        {"doc_id": str(i), "topic": 1, "cluster": "a" if i % 2 == 0 else "b", "text": text}
        for i, text in enumerate(quakes)
    ]
    rule = rule_threshold(docs, document_features(docs, {}))
    assert rule["different_event_median"] < rule["rule_threshold"] < rule["same_event_median"]
    assert rule["rule_threshold"] == pytest.approx(
        (rule["same_event_median"] + rule["different_event_median"]) / 2
    )
    assert rule["different_event_median"] < rule["sure_rule_threshold"]
    with pytest.raises(ValueError):
        same = [dict(doc, cluster="a") for doc in docs]
        rule_threshold(same, document_features(same, {}))


BURST_DOCS = [
    {"doc_id": f"{t}{e}{i}", "topic": t, "cluster": f"{t}{e}"}
    for t in "xyz"
    for e in "ab"
    for i in range(3)
]


@pytest.mark.parametrize("seed", range(5))
def test_clusters_burst_order_keeps_each_event_and_each_topic_together(seed):
    order = burst_order(BURST_DOCS, seed)
    assert sorted(order) == list(range(len(BURST_DOCS)))
    for topic in "xyz":
        clusters = [BURST_DOCS[i]["cluster"] for i in order if BURST_DOCS[i]["topic"] == topic]
        assert clusters in (
            [f"{topic}a"] * 3 + [f"{topic}b"] * 3,
            [f"{topic}b"] * 3 + [f"{topic}a"] * 3,
        )


def test_clusters_burst_order_interleaves_topics_and_varies_with_the_seed():
    orders = [burst_order(BURST_DOCS, seed) for seed in range(5)]
    topic_runs = [
        sum(
            1
            for a, b in itertools.pairwise(order)
            if BURST_DOCS[a]["topic"] != BURST_DOCS[b]["topic"]
        )
        for order in orders
    ]
    assert max(topic_runs) > 2  # more topic changes than three topics one after another
    assert len({tuple(order) for order in orders}) > 1


@pytest.mark.parametrize(
    ("gold", "predicted", "f1", "ari"),
    [
        (["a", "a", "b", "b"], ["x", "x", "y", "y"], 1.0, 1.0),
        (["a", "a", "b", "b"], ["x", "y", "z", "w"], 0.0, 0.0),
    ],
)
def test_clusters_pairwise_scores(gold, predicted, f1, ari):
    scores = pairwise_scores(gold, predicted)
    assert scores["pairwise_f1"] == pytest.approx(f1) and scores["ari"] == pytest.approx(ari)


def test_clusters_pairwise_scores_on_a_four_document_toy():
    """One story split 2+2 by gold, 3+1 by the prediction: one of three predicted pairs is right,
    one of two gold pairs is found, and agreement is what chance gives."""
    scores = pairwise_scores(["a", "a", "b", "b"], ["x", "x", "x", "y"])
    assert scores == pytest.approx(
        {"pairwise_precision": 1 / 3, "pairwise_recall": 1 / 2, "pairwise_f1": 0.4, "ari": 0.0}
    )
