"""Name cleaning: surnames, metonymy, the words a tagger leaves on a name."""

from __future__ import annotations

import pytest

from quotetrail.lexicon import actor_of, clean_name
from quotetrail.link.names import surname


@pytest.mark.parametrize(
    ("name", "actor"),
    [
        ("Moscow", "Russia"),
        ("the Kremlin", "Russia"),
        ("The White House", "United States"),
        ("Kabul", "Afghanistan"),
        ("Russian", "Russia"),
        ("Vladimir Putin", None),
        ("", None),
    ],
)
def test_names_actor_of_folds_metonymy(name, actor):
    assert actor_of(name) == actor


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Vladimir Putin", "putin"),
        ("Mr. Putin", "putin"),
        ("President Putin", "putin"),
        ("Sergéi Lavrov", "lavrov"),
    ],
)
def test_names_surname_drops_titles_and_accents(name, expected):
    assert surname(name) == expected


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Anthony Blinken’s", "Anthony Blinken"),
        ("& Taliban", "Taliban"),
        ("Afghanistan &", "Afghanistan"),
        ("“Kremlin”", "Kremlin"),
        ("Mr.  Putin", "Mr. Putin"),
        ("&", ""),
        ("Putin Says", "Putin"),
        ("Lavrov said", "Lavrov"),
        ("Hays", "Hays"),
        ("Tom Rhodes", "Tom Rhodes"),
    ],
)
def test_names_clean_name(raw, clean):
    assert clean_name(raw) == clean
