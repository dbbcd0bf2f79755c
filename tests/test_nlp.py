"""The shared spaCy pipeline: loaded once per process, with the project's two components."""

from __future__ import annotations

from quotetrail.extract.entity_spans import COMPONENT as ENTITY_REPAIR
from quotetrail.extract.segment import COMPONENT as LINE_BREAKS
from quotetrail.nlp import MAX_CHARS, load_pipeline


def test_nlp_pipeline_is_loaded_once():
    assert load_pipeline() is load_pipeline()


def test_nlp_pipeline_has_line_breaks_before_the_parser_and_entity_repair_after_the_ner():
    names = load_pipeline().pipe_names
    assert names.index(LINE_BREAKS) < names.index("parser")
    assert names.index(ENTITY_REPAIR) > names.index("ner")


def test_nlp_pipeline_takes_the_longest_article():
    assert load_pipeline().max_length > MAX_CHARS
