"""Shards: a batch cut for the workers, in order, with its furniture."""

from __future__ import annotations

import pytest

from quotetrail.records import Article, ArticleResult, Batch, RawDocument
from quotetrail.scale.shards import joined, shards


@pytest.mark.parametrize(
    ("documents", "parts", "sizes"),
    [(32, 2, [16, 16]), (5, 2, [3, 2]), (1, 4, [1]), (7, 3, [3, 3, 1])],
)
def test_shards_cut_a_batch_in_order_with_its_furniture(documents, parts, sizes):
    furniture = {"Outlet": frozenset({"Share this"})}
    batch = Batch([RawDocument(f"d{d}.txt", "text") for d in range(documents)], furniture)
    cut = shards(batch, parts)
    assert [len(part.documents) for part in cut] == sizes
    assert [d for part in cut for d in part.documents] == batch.documents
    assert all(part.furniture == furniture for part in cut)


def test_shards_joined_keeps_the_order_of_the_shards():
    results = [[ArticleResult(Article(id=f"a{i}", text="x"))] for i in range(3)]
    assert [r.article.id for r in joined(results)] == ["a0", "a1", "a2"]
