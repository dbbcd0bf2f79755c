from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from quotetrail.ingest import PAUSE_VARIABLE, OtherSource, ingest, pause_hook
from quotetrail.pipeline import process_batch
from quotetrail.read import iter_documents
from quotetrail.records import Batch
from quotetrail.scale import make_driver
from quotetrail.store import Store, links, sql

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


def test_ingest_run_ends_with_search_postings_in_word_order(tmp_path, db_path, monkeypatch):
    """A run's batches append postings as they come; the run ends by putting them in word order
    once they are too many (here: any), so search reads few row groups."""
    monkeypatch.setattr(sql, "UNSORTED_MIN", 1)
    (tmp_path / "talks.txt").write_text(ARTICLE, encoding="utf-8")
    with Store(db_path) as store:
        ingest([tmp_path / "talks.txt"], store)
        for postings in ("statement_terms", "article_terms"):
            terms = store.db.execute(f"SELECT term FROM {postings} ORDER BY rowid").fetchall()
            assert terms and terms == sorted(terms)
            assert store.load_state(f"unsorted:{postings}") == 0


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


def test_ingest_on_ray_stores_exactly_what_the_local_driver_stores(tmp_path, seeds_dir):
    """`quotetrail ingest --engine ray` on a local Ray instance: the same articles, statements
    (speakers, dates, stances, links), speakers and stories as the local driver, field by
    field."""
    pytest.importorskip("ray", reason="the Ray engine is an optional extra")
    states = {}
    for engine in ("local", "ray"):
        db = tmp_path / f"{engine}.duckdb"
        options = ["--engine", engine, "--workers", "2", "--batch-size", "2"]
        subprocess.run(
            [
                sys.executable,
                "-m",
                "quotetrail",
                "ingest",
                str(seeds_dir),
                "--db",
                str(db),
                *options,
            ],
            check=True,
            capture_output=True,
        )
        states[engine] = _store_state(db)
    assert len(states["local"]["statements"]) > 10
    assert states["ray"] == states["local"]


SEEDS = Path(__file__).resolve().parents[1] / "data" / "corpus" / "seeds"
# Small articles beside the seeds, so a run has several batches; two name the same minister.
SPEAKERS = ["Amina Diallo", "Jonas Berg", "Amina Diallo", "Carlos Ruiz", "Mei Tanaka"]


def _crash_corpus(folder: Path, seeds_dir: Path) -> Path:
    shutil.copytree(seeds_dir, folder)
    for number, name in enumerate(SPEAKERS):
        (folder / f"z{number}.txt").write_text(
            f"Minister {name} says dam talks will resume\n\n"
            f"The water minister {name} said on Monday, March {number + 3}, 2024, that talks"
            f" on the dam would resume next week.\n\n"
            f"\u201cWe are ready to meet on day {number},\u201d {name.split()[-1]} told"
            " reporters in Addis Ababa.\n",
            encoding="utf-8",
        )
    return folder


def _store_state(db: Path) -> dict[str, Any]:
    """What a user sees of a store: articles, statements (speakers resolved, links, stories),
    entities and stories."""
    with Store(db, read_only=True) as store:
        statements = store.statements()
        articles = store.articles()
        stories = links.stories_of(store, [article["id"] for article in articles])
        assert len(stories) == len(articles), "an article in no story"
        assert all(s.speaker.entity for s in statements if s.speaker), "a speaker not resolved"
        return {
            "articles": articles,
            "statements": [statement.to_dict() for statement in statements],
            "speakers": links.entity_rows(store),
            "stories": links.story_rows(store),
        }


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """The crash corpus, and the store an uninterrupted run makes of it in batches of two."""
    folder = tmp_path_factory.mktemp("crash")
    corpus = _crash_corpus(folder / "corpus", SEEDS)
    with Store(folder / "whole.duckdb") as store:
        ingest([corpus], store, batch_size=2)
    return corpus, _store_state(folder / "whole.duckdb")


@pytest.mark.parametrize("moment", ["processed", "written", "linked", "committed"])
def test_ingest_killed_at_any_moment_resumes_to_the_same_store(
    tmp_path: Path, uninterrupted: tuple[Path, dict[str, Any]], moment: str
) -> None:
    """SIGKILL during the second of five batches (or right after it commits); the next run
    leaves the store equal to an uninterrupted run's, every article linked."""
    corpus, whole = uninterrupted
    killed = tmp_path / "killed.duckdb"
    command = [sys.executable, "-m", "quotetrail", "ingest", str(corpus), "--db", str(killed)]
    run = subprocess.Popen(
        [*command, "--workers", "1", "--batch-size", "2"],
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, PAUSE_VARIABLE: f"{moment}:2"},
    )
    assert run.stderr is not None
    paused = next((line for line in run.stderr if "paused at" in line), None)
    run.send_signal(signal.SIGKILL)
    run.wait()
    assert paused, "the run never reached the moment"
    with Store(killed) as store:
        assert store.count("articles") == (4 if moment == "committed" else 2)
        summary = ingest([corpus], store, batch_size=2)
    assert (summary.stored, summary.relinked) == (6 if moment == "committed" else 8, 0)
    assert _store_state(killed) == whole


def test_ingest_links_what_an_older_interrupted_run_left_unlinked(tmp_path, seeds_dir):
    """An older quotetrail killed between a batch's write and its linking left the batch unlinked
    for good (issue 19: "already stored"); the next run links it, even one storing nothing."""
    paths = sorted(seeds_dir.iterdir())
    damaged = tmp_path / "damaged.duckdb"
    with Store(damaged) as store:
        ingest(paths[:2], store)
        store.write(process_batch(Batch(list(iter_documents(paths[2:])))))
        summary = ingest([seeds_dir], store)
    assert (summary.stored, summary.already_stored, summary.relinked) == (0, 5, 3)
    assert len(_store_state(damaged)["articles"]) == 5


@pytest.mark.parametrize("setting", ["later", "written:x", "written:0:1"])
def test_ingest_pause_setting_is_checked(setting: str) -> None:
    with pytest.raises(ValueError, match=PAUSE_VARIABLE):
        pause_hook(setting)


FIRST = {
    "title": "Talks to resume",
    "url": "https://a.example/1",
    "outlet": "RT",
    "date": "2024-03-01",
}


def _jsonl(path: Path, *records: dict[str, str]) -> Path:
    path.write_text(
        "".join(json.dumps({"text": ARTICLE, **record}) + "\n" for record in records),
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    "again, differs",
    [
        ({"title": "Minister: talks to resume next week"}, ("title",)),
        ({"url": "https://b.example/2"}, ("url",)),
        ({"outlet": "TASS"}, ("outlet",)),
        ({"date": "2024-03-04"}, ("published",)),
        ({"url": "https://b.example/2", "date": "4 March 2024"}, ("url", "published")),
        ({}, None),  # states nothing beside the text
        ({"title": FIRST["title"]}, None),  # states what is stored
    ],
)
def test_ingest_same_text_with_other_metadata_is_named_and_recorded(
    tmp_path, db_path, again: dict[str, str], differs: tuple[str, ...] | None
) -> None:
    """Issue 19: the same text with a new title, URL, outlet or date was "already stored" and
    its metadata dropped without a word. The article keeps its first metadata."""
    first = _jsonl(tmp_path / "first.jsonl", FIRST)
    second = _jsonl(tmp_path / "second.jsonl", again)
    with Store(db_path) as store:
        ingest([first], store)
        summary = ingest([second], store)
        rerun = ingest([first, second], store)
        (article,) = store.articles()
        sources = store.article(article["id"])["sources"]
    assert (summary.already_stored, rerun.already_stored, rerun.repeated) == (1, 1, 1)
    assert rerun.other_sources == []  # told once: recorded
    assert (article["title"], article["url"]) == (FIRST["title"], FIRST["url"])
    if differs is None:
        assert (summary.other_sources, sources) == ([], [])
        return
    assert summary.other_sources == [OtherSource(f"{second}:line 1", article["id"], differs)]
    assert "metadata differs: " + ", ".join(differs) in summary.other_sources[0].message
    assert [source["source_path"] for source in sources] == [f"{second}:line 1"]


@pytest.mark.parametrize("batch_size", [1, 32])
def test_ingest_same_text_with_other_metadata_in_one_run(tmp_path, db_path, batch_size: int):
    """In one run: the repeat in the first's batch, or in a later one."""
    both = _jsonl(tmp_path / "both.jsonl", FIRST, {**FIRST, "title": "Another title"})
    with Store(db_path) as store:
        summary = ingest([both], store, batch_size=batch_size)
        assert store.count("articles") == 1
    assert [(other.source, other.differs) for other in summary.other_sources] == [
        (f"{both}:line 2", ("title",))
    ]
