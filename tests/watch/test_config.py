"""watch.toml: what a good file gives, and every mistake named with the file, entry and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotetrail.analyze.alerts import Rule
from quotetrail.fetch import Policy
from quotetrail.watch.config import ConfigError, Output, Source, duration, load

GOOD = """
every = "15m"

[[source]]
url = "https://example.org/rss.xml"
every = "10m"

[[source]]
folder = "incoming"

[[alert]]
kind = "statement"
actor = "Russia"
target = "Taliban"

[[alert]]
kind = "coverage"
outlets = 4

[output]
file = "alerts.jsonl"
webhook = "https://hooks.example.org/q"
base_url = "http://127.0.0.1:8000/"

[fetch]
interval = "2s"
timeout = 5
retries = 1
contact = "mailto:desk@example.org"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "watch.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_config_reads_a_good_file(tmp_path):
    (tmp_path / "incoming").mkdir()
    config = load(write(tmp_path, GOOD))
    assert config.sources == [
        Source("https://example.org/rss.xml", 600.0),
        Source(str((tmp_path / "incoming").resolve()), 900.0),
    ]
    assert config.rules == [Rule("statement", "Russia", "Taliban"), Rule("coverage", outlets=4)]
    assert config.output == Output(
        tmp_path / "alerts.jsonl", "https://hooks.example.org/q", "http://127.0.0.1:8000"
    )
    assert config.policy == Policy(
        interval=2.0, timeout=5.0, retries=1, contact="mailto:desk@example.org"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("every = 5", "no [[source]] to follow"),
        ("[[source]]\nurl = 'ftp://x.example/f'", "source 1: url 'ftp://x.example/f' is not an"),
        ("[[source]]\nfolder = 'missing'", "source 1: folder"),
        ("[[source]]\nurl = 'https://x.example/f'\nfolder = 'f'", "give 'url' or 'folder'"),
        ("[[source]]\nurll = 'https://x.example/f'", "source 1: unknown key 'urll'"),
        ("[[source]]\nurl = 'https://x.example/f'\nevery = 'soon'", "'soon' is no duration"),
        ("[[source]]\nurl = 'https://x.example/f'\nevery = 0", "must be more than nothing"),
        ("[[source]]\nurl = 'https://x.example/f'\n[[alert]]\nkind = 'mood'", "alert 1: kind"),
        (
            "[[source]]\nurl = 'https://x.example/f'\n[[alert]]\nkind = 'shift'\nactor = 'X'",
            "alert 1: a shift alert names an actor and a target",
        ),
        (
            "[[source]]\nurl = 'https://x.example/f'\n[[alert]]\nkind = 'coverage'\noutlets = 1",
            "outlets must be a whole number of 2 or more",
        ),
        ("[[source]]\nurl = 'https://x.example/f'\n[output]\nwebhook = 'x'", "webhook 'x'"),
        ("[[source]]\nurl = 'https://x.example/f'\n[fetch]\nretries = -1", "retries must be"),
        ("source = 3", "'source' must be [[source]] tables"),
        ("[[source]\n", "watch.toml: "),  # not TOML: the parser's words, with line and column
    ],
)
def test_config_names_each_mistake(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load(path)
    assert str(caught.value).startswith(str(path))
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        (90, 90.0),
        (1.5, 1.5),
        ("90s", 90.0),
        ("15m", 900.0),
        ("1h", 3600.0),
        ("2 d", 172800.0),
        ("45", 45.0),
    ],
)
def test_config_duration(value, seconds):
    assert duration(value, "x") == seconds


@pytest.mark.parametrize("value", [True, "1w", "-5", "", "m"])
def test_config_duration_rejects(value):
    with pytest.raises(ConfigError):
        duration(value, "x")
