"""process_batch: results in input order; a document that breaks a stage is a Rejection naming
the stage, and the rest of the batch goes on."""

from __future__ import annotations

import pytest

from quotetrail import pipeline
from quotetrail.records import ArticleResult, Batch, RawDocument, Rejection

SPEECH = "The minister said the talks with the Taliban would go on for another week.\n"
BROKEN = "This document breaks the stage under test.\n"


def documents(*texts: str) -> list[RawDocument]:
    return [RawDocument(f"doc{i}.txt", text) for i, text in enumerate(texts)]


def test_pipeline_results_in_input_order():
    texts = [f"Minister {name} said the talks would go on for another week.\n" for name in "ABC"]
    results = pipeline.process_batch(Batch(documents(*texts)))
    assert [r.article.source_path for r in results] == ["doc0.txt", "doc1.txt", "doc2.txt"]
    assert all(r.statements for r in results)


def test_pipeline_empty_document_is_rejected_and_the_rest_go_on():
    results = pipeline.process_batch(Batch(documents(SPEECH, "   \n", SPEECH)))
    assert isinstance(results[1], Rejection) and results[1].source == "doc1.txt"
    assert "no article text" in results[1].reason
    assert all(isinstance(r, ArticleResult) for r in (results[0], results[2]))


def _breaking(stage):
    def run(first, *rest):
        content = first.content if hasattr(first, "content") else first.text
        if content.strip() == BROKEN.strip():
            raise ValueError("boom")
        return stage(first, *rest)

    return run


@pytest.mark.parametrize(
    ("stage", "reason"),
    [("clean_document", "cleaning failed"), ("extract_statements", "extraction failed")],
)
def test_pipeline_broken_stage_is_a_rejection_naming_it(monkeypatch, stage, reason):
    monkeypatch.setattr(pipeline, stage, _breaking(getattr(pipeline, stage)))
    results = pipeline.process_batch(Batch(documents(SPEECH, BROKEN, SPEECH)))
    assert isinstance(results[1], Rejection)
    assert results[1].reason == f"{reason}: ValueError: boom"
    assert [isinstance(r, ArticleResult) and bool(r.statements) for r in results] == [
        True,
        False,
        True,
    ]


def test_pipeline_stance_and_tone_are_set():
    (result,) = pipeline.process_batch(Batch(documents(SPEECH)))
    assert result.article.tone is not None
    assert "Taliban" in result.statements[0].stance


def test_pipeline_non_english_is_kept_but_not_parsed():
    text = (
        "Der Minister sagte am Freitag, die Gespräche mit den Taliban würden noch eine Woche "
        "weitergehen, und die Regierung werde in der nächsten Woche darüber beraten, ob sie "
        "die Botschaft in der Hauptstadt wieder öffnen will.\n"
    )
    (result,) = pipeline.process_batch(Batch(documents(text)))
    assert result.article.language != "en" and result.statements == []


def test_pipeline_about_names_the_group_a_description_stands_for():
    """In the minister's words "the new Lebanese authorities" is Hezbollah, which the article
    named before: `about` and the stance name Hezbollah, not Lebanon."""
    text = (
        "Hezbollah took over the ministries in Lebanon last month.\n\n"
        "Hezbollah fighters now guard the airport.\n\n"
        '"The new Lebanese authorities have restored order," the minister said on Monday.\n'
    )
    (result,) = pipeline.process_batch(Batch(documents(text)))
    (statement,) = [s for s in result.statements if "restored order" in s.quote]
    assert statement.about == ["Hezbollah"] and list(statement.stance) == ["Hezbollah"]
    assert "The new Lebanese authorities" in statement.stance["Hezbollah"]["via"]
