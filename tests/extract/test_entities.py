"""`about`: entities the statement names, canonical and without the speaker."""

from __future__ import annotations


def test_entities_about_excludes_speaker_and_uses_short_forms(statements_of) -> None:
    text = (
        "Russian President Vladimir Putin said that the Taliban controlled Afghanistan and that "
        "Afghan refugees fled."
    )
    statement = statements_of(text)[0]
    assert statement.about == ["Taliban", "Afghanistan"]


def test_entities_about_names_people_fully(statements_of) -> None:
    text = (
        "Senator Tom Reed met Governor Anna Berg.\n\nMr. Reed said that Berg had kept her promise."
    )
    statement = statements_of(text)[-1]
    assert statement.speaker.name == "Tom Reed"
    assert statement.about == ["Anna Berg"]


def test_entities_about_drops_names_inside_a_longer_one(statements_of) -> None:
    text = (
        "The North fired a missile on Friday, and Korea watchers were alarmed.\n\n"
        "The minister said that the world must punish North Korea for the launch."
    )
    assert statements_of(text)[-1].about == ["North Korea"]


def test_entities_about_finds_no_capitalised_name_in_lower_case(statements_of) -> None:
    text = (
        "Officials at State were told on Monday to prepare.\n\n"
        "The envoy said that the country would never be accepted as a nuclear state."
    )
    assert statements_of(text)[-1].about == []
