"""The lexicon: one line adds a speech verb to every stage; one place table; each accessor."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from quotetrail import lexicon
from quotetrail.clean.boilerplate import clean_lines
from quotetrail.clean.rules import carries_statement, is_source_credit
from quotetrail.extract import extract_statements
from quotetrail.records import Article

NEW_VERB = "retort\tretorts retorted retorting\tprotects_line"  # a verb of saying the list lacks
BODY = [
    "A long first paragraph that reads like prose and has more than twelve words in it, clearly.",
    "A long second paragraph that reads like prose and has more than twelve words in it, too.",
]


def _clear_caches() -> None:
    for value in vars(lexicon).values():
        if hasattr(value, "cache_clear"):
            value.cache_clear()


@pytest.fixture
def with_verb(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The lexicon as it reads with one more line in speech_verbs.tsv."""
    read = lexicon._text

    def text(name: str) -> str:
        data = read(name)
        return f"{data}{NEW_VERB}\n" if name == "speech_verbs.tsv" else data

    monkeypatch.setattr(lexicon, "_text", text)
    _clear_caches()
    yield
    monkeypatch.undo()
    _clear_caches()


def _cues(nlp, text: str) -> list[str | None]:
    article = Article(id="test", text=text, published="2021-08-23")
    return [s.cue for s in extract_statements(article, nlp(text))]


def _kept(line: str) -> bool:
    return line in clean_lines([BODY[0], line, BODY[1]]).lines


QUOTED = '"We will not accept any such deal with them," Zakharova retorted.'
CREDIT = 'Sources: "We will not accept it," Zakharova retorted.'


def test_lexicon_retort_is_not_a_speech_verb_yet() -> None:
    assert "retort" not in lexicon.speech_verbs()


def test_lexicon_without_the_verb_no_stage_knows_it(nlp) -> None:
    assert "retorted" not in _cues(nlp, QUOTED)
    assert not _kept(CREDIT)
    assert lexicon.clean_name("Putin Retorts") == "Putin Retorts"


def test_lexicon_one_line_adds_a_verb_to_extraction_cleaning_and_names(nlp, with_verb) -> None:
    assert "retorted" in _cues(nlp, QUOTED)
    assert _kept(CREDIT)
    assert lexicon.clean_name("Putin Retorts") == "Putin"


@pytest.mark.parametrize("verb", ["reiterated", "insisted"])
def test_lexicon_source_credit_keeps_a_quoted_statement(verb) -> None:
    line = f'Sources: "We will not accept it," Zakharova {verb}.'
    assert is_source_credit(line)  # the rule matches the line …
    assert carries_statement(line)  # … and protection keeps it
    assert _kept(line)


@pytest.mark.parametrize("name", ["Cairo", "Moscow", "the Kremlin", "Russia's", "Egyptian"])
def test_lexicon_country_of_and_actor_of_agree(name) -> None:
    assert lexicon.country_of(name) == lexicon.actor_of(name) is not None


def test_lexicon_country_of_and_actor_of_agree_on_every_alias() -> None:
    for alias, place in lexicon.places().items():
        expected = place.actor if place.stands_for_actor else None
        assert lexicon.country_of(alias) == lexicon.actor_of(alias) == expected, alias


@pytest.mark.parametrize(
    ("name", "country"),
    [
        *(("Cairo", "Egypt"), ("MOSCOW", "Russia"), ("the White House", "United States")),
        *(("Estonian", "Estonia"), ("Vilnius", "Lithuania"), ("Budapest", "Hungary")),
        *(("Bogota", "Colombia"), ("Sri Lankan", "Sri Lanka"), ("us", None)),
        ("Sofia", None),  # a first name: no capital read in it
    ],
)
def test_lexicon_country_of_reads_names_as_written(name, country) -> None:
    assert lexicon.country_of(name) == country


@pytest.mark.parametrize(
    ("name", "canonical"),
    [("America", "United States"), ("UN", "United Nations"), ("EU", None), ("Moscow", None)],
)
def test_lexicon_canonical_name_only_for_other_names(name, canonical) -> None:
    assert lexicon.canonical_name(name) == canonical


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Putin Says", "Putin"),
        ("Lavrov said", "Lavrov"),
        ("United States", "United States"),
        ("Robert “Bob” Smith", "Robert Smith"),
        ("“Kremlin”", "Kremlin"),
        ("Joe Post", "Joe Post"),
    ],
)
def test_lexicon_clean_name(raw, clean) -> None:
    assert lexicon.clean_name(raw) == clean


@pytest.mark.parametrize(
    ("lemma", "forms", "kinds"),
    [
        ("say", ("says", "said", "saying"), {"protects_line"}),
        ("write", ("writes", "wrote", "written", "writing"), {"need_content", "protects_line"}),
        ("urge", ("urges", "urged", "urging"), {"object_content", "proposal", "protects_line"}),
    ],
)
def test_lexicon_speech_verbs_carry_forms_and_kinds(lemma, forms, kinds) -> None:
    verb = lexicon.speech_verbs()[lemma]
    assert (verb.forms, verb.kinds) == (forms, kinds)
    assert all(lexicon.speech_forms()[form] == lemma for form in forms)


def test_lexicon_line_protecting_forms_are_finite() -> None:
    forms = lexicon.line_protecting_forms()
    assert {"said", "says", "reiterated"} <= forms
    assert not {"saying", "say", "reported", "welcomed"} & forms


@pytest.mark.parametrize(
    ("word", "kind", "gender", "office"),
    [
        ("mr", "courtesy", "m", None),
        ("sen", "honorific", None, "senator"),
        ("dame", "honorific", "f", None),
        ("president", "role", None, None),
    ],
)
def test_lexicon_titles(word, kind, gender, office) -> None:
    assert lexicon.titles()[word] == lexicon.Title(kind, gender, office)
    assert (word in lexicon.honorifics()) == (kind in {"courtesy", "honorific"})
    assert (word in lexicon.courtesy_titles()) == (kind == "courtesy")
    assert lexicon.title_gender().get(word) == gender


def test_lexicon_quote_marks_pair_and_direct() -> None:
    marks = lexicon.quote_marks()
    assert marks.closers["“"][0] == "”" and marks.closers["«"] == ("»",)
    assert {"‘", "'"} <= marks.single
    assert {"“", "«"} <= marks.double_opening and {"”", "»"} <= marks.double_closing
    assert '"' not in marks.double_opening | marks.double_closing


def test_lexicon_quote_marks_two_characters() -> None:
    marks = lexicon.quote_marks()
    assert marks.closers["''"] == ("''",) and marks.closers["``"] == ("''",)
    assert {"''", "``"} <= marks.double - marks.single
    assert "``" in marks.double_opening and "''" not in marks.double_opening | marks.double_closing


def test_lexicon_quote_marks_close_with_marks_as_long() -> None:
    """A quote's marks are as long at both ends: the scanner steps over either by one length."""
    for opening, closings in lexicon.quote_marks().closers.items():
        assert {len(closing) for closing in closings} == {len(opening)}


def test_lexicon_word_lists_are_separate() -> None:
    words = lexicon.words()
    assert "diocese" in words.anaphoric_bodies - words.organization_nouns
    assert {"decline", "refuse"} <= words.refusal_verbs
    assert "not" in words.negators and "read more" in words.link_labels


@pytest.mark.parametrize(
    ("lemma", "entry"),
    [
        ("ally", (1, "relation")),
        ("terrorist", (-1, "attribute")),
        ("recognise", (1, "act")),
        ("remove", (-1, "reverse")),
    ],
)
def test_lexicon_stance_cues(lemma, entry) -> None:
    assert lexicon.stance_cues()[lemma] == entry


def test_lexicon_valence() -> None:
    assert lexicon.valence("good") > 0 > lexicon.valence("terrible")
    assert lexicon.valence("qwzx") == 0.0


@pytest.mark.parametrize(("form", "number"), [("jan", 1), ("may", 5), ("sept", 9), ("sep", 9)])
def test_lexicon_months_every_written_form(form, number) -> None:
    assert lexicon.words().months[form] == number


def test_lexicon_weekdays_count_from_monday_as_dates_do() -> None:
    assert lexicon.words().weekdays[date(2021, 8, 20).weekday()] == "friday"
