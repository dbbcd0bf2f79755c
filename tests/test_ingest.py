from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quotetrail.ingest import ingest
from quotetrail.scale import make_driver
from quotetrail.store import Store

ARTICLE = (
    "Minister says talks will resume\n\n"
    "The foreign minister said on Monday that talks would resume next week.\n\n"
    "\u201cWe are ready to meet,\u201d she told reporters.\n"
)


def _write_bad_inputs(folder: Path) -> dict[str, str]:
    """Bad files beside good ones; returns file name -> a word the rejection reason must hold."""
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken-utf8.txt").write_bytes(
        "Caf\u00e9 talks \u201cresume\u201d".encode("utf-8") + b" \xff\xfe bytes"
    )
    (folder / "nothing-here").mkdir()
    (folder / "nothing-here" / "notes.bin").write_bytes(b"\x00\x01")
    return {
        "binary.txt": "binary",
        "empty.txt": "empty",
        "broken-utf8.txt": "UTF-8",
        "nothing-here": "no readable file",
    }


def test_ingest_names_each_bad_input_and_stores_the_good(tmp_path, db_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(ARTICLE, encoding="utf-8")
    expected = _write_bad_inputs(corpus)
    with Store(db_path) as store:
        summary = ingest([corpus, corpus / "nothing-here"], store)
        assert store.count("articles") == 1
    reasons = {Path(rejection.source).name: rejection.reason for rejection in summary.rejected}
    for name, word in expected.items():
        assert word.lower() in reasons[name].lower(), (name, reasons)
    assert summary.stored == 1
    assert summary.exit_code == 1


def test_ingest_is_idempotent_and_incremental(tmp_path, db_path, seeds_dir):
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir, corpus)
    extra = corpus.parent / "later.txt"
    extra.write_text(ARTICLE, encoding="utf-8")
    with Store(db_path) as store:
        first = ingest([corpus], store)
        statements = store.count("statements")
        second = ingest([corpus], store)
        third = ingest([corpus, extra], store)
        assert store.count("articles") == 6
        assert store.count("statements") >= statements
    assert (first.stored, first.already_stored) == (5, 0)
    assert (second.stored, second.already_stored, second.statements) == (0, 5, 0)
    assert (third.stored, third.already_stored) == (1, 5)
    assert first.exit_code == second.exit_code == third.exit_code == 0


def test_ingest_same_content_in_two_files_is_stored_once(tmp_path, db_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE.replace("\n", "\r\n") + "\n\n", encoding="utf-8")
    with Store(db_path) as store:
        summary = ingest([tmp_path], store)
        assert store.count("articles") == 1
    assert (summary.documents, summary.stored, summary.repeated) == (2, 1, 1)


def test_ingest_with_worker_processes_matches_one_process(tmp_path, seeds_dir):
    results = {}
    for workers in (1, 2):
        with Store(tmp_path / f"w{workers}.duckdb") as store:
            ingest([seeds_dir], store, driver=make_driver("local", workers=workers), batch_size=2)
            results[workers] = [(row.id, row.quote) for row in store.statements()]
    assert results[1] == results[2]


def test_ingest_interrupted_run_keeps_what_was_stored(db_path, seeds_dir):
    def interrupted_driver(batches):
        for number, results in enumerate(make_driver("local")(batches)):
            if number == 1:
                raise KeyboardInterrupt
            yield results

    with Store(db_path) as store, pytest.raises(KeyboardInterrupt):
        ingest([seeds_dir], store, driver=interrupted_driver, batch_size=2)
    with Store(db_path) as store:
        assert store.count("articles") == 2
        summary = ingest([seeds_dir], store, batch_size=2)
        assert (summary.stored, summary.already_stored) == (3, 2)
        assert store.count("articles") == 5


def test_ingest_on_ray_matches_local(tmp_path, seeds_dir):
    pytest.importorskip("ray", reason="the Ray engine is an optional extra")
    results = {}
    for engine in ("local", "ray"):
        with Store(tmp_path / f"{engine}.duckdb") as store:
            ingest([seeds_dir], store, driver=make_driver(engine, workers=1), batch_size=2)
            results[engine] = [(row.id, row.speaker) for row in store.statements()]
            assert store.count("articles") == 5
    assert results["ray"] == results["local"]
