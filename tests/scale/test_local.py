"""The local driver: each batch's results in input order, input read as it is processed."""

from __future__ import annotations

import pytest

from quotetrail.records import Batch, RawDocument
from quotetrail.scale.local import run_local


def batches(count: int) -> list[Batch]:
    return [
        Batch(
            [
                RawDocument(f"b{b}d{d}.txt", f"Minister {b}{d} said the talks went on.\n")
                for d in range(2)
            ]
        )
        for b in range(count)
    ]


@pytest.mark.parametrize("workers", [1, 2])
def test_local_yields_results_in_order(workers):
    results = list(run_local(batches(5), workers=workers))
    assert [[r.article.source_path for r in result] for result in results] == [
        [f"b{b}d{d}.txt" for d in range(2)] for b in range(5)
    ]


def test_local_reads_input_as_it_processes_it():
    read = []

    def source():
        for batch in batches(3):
            read.append(batch)
            yield batch

    results = run_local(source(), workers=1)
    next(results)
    assert len(read) == 1
