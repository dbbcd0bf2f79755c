"""Drivers: run `pipeline.process_batch` over a stream of documents, on one core or many.

Every driver takes an iterable of `RawDocument` batches and yields results in input order,
consuming its input lazily so memory stays flat however large the corpus.
"""
