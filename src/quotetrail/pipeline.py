"""The per-document pipeline: clean → parse → extract → stance (and the per-article keys linking
compares), as one pure function of a batch.

`process_batch` takes plain records and returns plain records, so a driver in `scale/` can run
it in this process, in a pool of local processes, or on a cluster, unchanged. A document that
breaks a stage comes back as a `Rejection` naming it and the stage; the rest of the batch goes on.
"""

from __future__ import annotations

from quotetrail.analyze.stance import stances_for
from quotetrail.analyze.tone import article_tone
from quotetrail.clean import clean_document
from quotetrail.clean.furniture import candidate_lines
from quotetrail.extract import extract_mentions, extract_statements
from quotetrail.link import link_keys
from quotetrail.nlp import MAX_CHARS, load_pipeline
from quotetrail.records import Article, ArticleResult, Batch, Rejection

PARSE_BATCH = 16


def process_batch(batch: Batch) -> list[ArticleResult | Rejection]:
    """Clean, parse and extract a batch of documents; results in input order."""
    results: list[ArticleResult | Rejection] = []
    to_parse: list[tuple[int, Article]] = []
    for document in batch.documents:
        try:
            article = clean_document(document, batch.furniture)
            candidates = (
                sorted(candidate_lines(document.content)) if document.format == "text" else []
            )
        except Exception as error:  # one bad document must not stop the batch
            results.append(
                Rejection(document.origin, f"cleaning failed: {type(error).__name__}: {error}")
            )
            continue
        if not article.text.strip():
            results.append(Rejection(document.origin, "no article text left after cleaning"))
            continue
        results.append(ArticleResult(article=article, furniture_candidates=candidates))
        if article.language == "en":
            to_parse.append((len(results) - 1, article))
    if to_parse:
        nlp = load_pipeline()
        texts = (article.text[:MAX_CHARS] for _, article in to_parse)
        for (index, article), doc in zip(
            to_parse, nlp.pipe(texts, batch_size=PARSE_BATCH), strict=True
        ):
            try:
                statements = extract_statements(article, doc)
                for statement, stance in zip(statements, stances_for(statements, doc), strict=True):
                    statement.about, statement.stance = list(stance), stance  # targets as entities
                mentions = extract_mentions(doc)
                article.tone = article_tone(article.text)
            except Exception as error:
                results[index] = Rejection(
                    article.source_path, f"extraction failed: {type(error).__name__}: {error}"
                )
                continue
            results[index] = ArticleResult(
                article=article,
                statements=statements,
                mentions=mentions,
                furniture_candidates=results[index].furniture_candidates,
            )
    for result in results:  # the writer is one process; the per-article part of linking is not
        if isinstance(result, ArticleResult):
            result.link_keys = link_keys(result.article, result.mentions)
    return results
