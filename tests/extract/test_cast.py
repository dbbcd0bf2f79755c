"""The cast of an article: names, roles, countries, and gender from its pronouns and honorifics."""

from __future__ import annotations

import pytest

from quotetrail.extract.cast import (
    build_cast,
    group_name,
    nominal_name,
    person_name,
    without_epithets,
)
from quotetrail.extract.quotes import find_quotes, paragraphs


@pytest.fixture(scope="module")
def cast_of(nlp):
    def build(text: str):
        return build_cast(
            nlp(text),
            [(q.start, q.end) for q in find_quotes(text)],
            [start for start, _ in paragraphs(text)],
        )

    return build


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("Mr. Blinken", "Blinken"),
        ("Foreign Minister Sergei Lavrov", "Sergei Lavrov"),
        ("city councillor Josh Matlow", "Josh Matlow"),
        ("Vancouver's Bo Horvat", "Bo Horvat"),
        ("Robert “Bob” Smith", "Robert Smith"),
        ("Putin’s", "Putin"),
        ("the Kremlin", "Kremlin"),
    ],
)
def test_cast_person_name_drops_titles_roles_nicknames_possessives(raw, name):
    assert person_name(raw) == name


@pytest.mark.parametrize(
    ("raw", "name"),
    [("the Kremlin", "Kremlin"), ("Moscow's", "Moscow"), ("& Taliban", "Taliban")],
)
def test_cast_group_name_is_the_short_form(raw, name):
    assert group_name(raw) == name


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("the paramedics union", "paramedics union"),
        ("A spokesman", "spokesman"),
        ("Hamas", "Hamas"),
    ],
)
def test_cast_nominal_name_drops_the_article(raw, name):
    assert nominal_name(raw) == name


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "Angela Merkel met Vladimir Putin in the Kremlin.",
            [("Angela Merkel", True), ("Vladimir Putin", False)],  # the object is no subject
        ),
        (
            "Erin Kim spoke to reporters.\nKim said the bus was late.",
            [("Erin Kim", True), ("Kim", True)],
        ),
        (  # a name the tagger leaves untagged, described as someone beside it
            "Wulan, a teacher from Bogor, was at the market when the wave struck.",
            [("Wulan", True)],
        ),
        ("Zentrix, a company in the valley, lost its crops.", []),  # a body, not a person
    ],
)
def test_cast_people_in_text_order_with_subjecthood(cast_of, text, people):
    assert [(p.name, p.subject) for p in cast_of(text).people] == people


@pytest.mark.parametrize(
    ("text", "name", "role", "affiliation"),
    [
        (
            "Russian Foreign Minister Sergei Lavrov met the press.",
            "Sergei Lavrov",
            "Foreign Minister",
            "Russia",
        ),
        (
            "Zamir Kabulov, the special representative, spoke on Friday.",
            "Zamir Kabulov",
            "special representative",
            None,
        ),
        (  # a demonym the tagger misses is the country, not a word of the role
            "Lithuanian Foreign Minister Gabrielius Landsbergis met the press.",
            "Gabrielius Landsbergis",
            "Foreign Minister",
            "Lithuania",
        ),
        (  # a title the tagger took into the name is the role's, not lost
            "Finnish Foreign Ministry Spokeswoman Liisa Koski met the press.",
            "Liisa Koski",
            "Foreign Ministry Spokeswoman",
            "Finland",
        ),
        (  # an office with its portfolio: the portfolio is no part of the name, and a first
            # name the tagger left out of the name is no part of the role
            "The harvest was larger than forecast, Minister of Agriculture Pavel Volkov said.",
            "Pavel Volkov",
            "Minister of Agriculture",
            None,
        ),
        (  # a seat of government speaks for its state
            "White House Press Secretary Dana Whitfield met the press.",
            "Dana Whitfield",
            "White House Press Secretary",
            "United States",
        ),
        (  # an honorific that abbreviates an office gives the office
            "Sen. Maya Ortiz voted against the bill.",
            "Maya Ortiz",
            "senator",
            None,
        ),
    ],
)
def test_cast_role_and_country_from_title_or_apposition(cast_of, text, name, role, affiliation):
    cast = cast_of(text)
    assert cast.profile(name) == (role, affiliation)
    speaker = cast.person_speaker(name, name)
    assert (speaker.name, speaker.role, speaker.affiliation) == (name, role, affiliation)


def test_cast_groups_are_organisations_and_places(cast_of):
    groups = cast_of("The Kremlin said Moscow would wait.").groups
    assert [(g.name, g.label) for g in groups] == [("Kremlin", "ORG"), ("Moscow", "GPE")]


def test_cast_canonical_is_the_fullest_form(cast_of):
    cast = cast_of(
        "Russian Foreign Minister Sergei Lavrov met the press. Lavrov said he was ready."
    )
    assert cast.canonical("Lavrov") == "Sergei Lavrov"
    assert cast.knows("Lavrov") and not cast.knows("Putin")


@pytest.mark.parametrize(
    ("names", "plain"),
    [
        (["Sleepy Gordon Baxter", "Gordon Baxter"], {"Sleepy Gordon Baxter": "Gordon Baxter"}),
        (["Champion Alicia Mendes", "Alicia Mendes"], {"Champion Alicia Mendes": "Alicia Mendes"}),
        (["Marine Le Pen", "Le Pen"], {}),  # the rest starts with no first name
        (["Samira Al Haddad", "Al Haddad"], {}),  # … but with a particle
        (["Abu Mohammed al-Rashid"], {}),  # the shorter part is never written alone
        (["Crazy Gordon Baxter"], {}),
    ],
)
def test_cast_without_epithets_only_before_a_name_written_alone(names, plain):
    assert without_epithets(names) == plain


def test_cast_canonical_is_not_an_epithet(cast_of):
    cast = cast_of(  # the tagger reads "Crooked Gordon Baxter" as one name
        "Gordon Baxter spoke in Leeds on Monday. Crooked Gordon Baxter is a disaster, her rival "
        "wrote. Baxter said she was not listening."
    )
    assert cast.canonical("Baxter") == "Gordon Baxter"
    assert "Sleepy Gordon Baxter" not in {p.name for p in cast.people} | set(cast.full_names)


def test_cast_canonical_one_word_family_name_written_first(cast_of):
    cast = cast_of("Kim Jong Un met the envoy.")
    assert cast.canonical("Kim") == "Kim Jong Un"


@pytest.mark.parametrize(
    ("text", "name", "gender"),
    [
        ("Doug Purdy lost his belt. He said it hurt.", "Doug Purdy", "m"),  # pronouns and name
        ("Zamir Kabulov spoke on Friday. She said little.", "Zamir Kabulov", "f"),  # pronoun only
        (
            "Mr. Blinken arrived in Kabul. She said the talks went well.",
            "Blinken",
            "m",
        ),  # honorific
        ("Ms. May spoke. He said nothing.", "May", "f"),  # outweighs a stray pronoun
        (  # a sentence that names the person only as a possessive votes for no one
            "Lena Park won the vote on Monday. Park's campaign fired an aide after he mocked "
            "the voters. Park's office said he had left the state. Park's team hired a lawyer "
            "after he was sued. Park's staff met the mayor before he spoke. Park's donors "
            "backed the treasurer after he resigned. Park's rival conceded after he lost.",
            "Lena Park",
            "f",
        ),
    ],
)
def test_cast_gender_from_pronouns_and_honorifics(cast_of, text, name, gender):
    assert cast_of(text).gender[name] == gender


def test_cast_gender_ignores_pronouns_inside_quotes(cast_of):
    text = "Zamir Kabulov spoke on Friday: “She is wrong and her plan fails.”"
    cast = cast_of(text)
    assert cast.knows("Zamir Kabulov") and "Zamir Kabulov" not in cast.gender


def test_cast_gender_ignores_pronouns_before_the_name(cast_of):
    """ "He could not say why it was raised by Zorana Ilic." — the "he" is someone named before."""
    text = (
        "Mark Hollis spoke first. He could not say why it was raised by Zorana Ilic in an "
        "interview with the magazine.\n\nZorana Ilic spoke on the rule last week. She said the "
        "plan would change."
    )
    assert cast_of(text).gender["Zorana Ilic"] == "f"


def test_cast_paragraphs_and_quotes(cast_of):
    text = "Putin spoke.\nHe said: “We wait.”"
    cast = cast_of(text)
    assert [cast.paragraph_of(offset) for offset in (0, text.index("He"))] == [1, 2]
    assert cast.in_quote(text.index("We")) and not cast.in_quote(text.index("He"))


def test_cast_a_credit_is_no_group(cast_of):
    cast = cast_of(
        "Mayor Ann Kolby cut the ribbon at the new bridge on Monday. The Associated Press.\n\n"
        "The Harbour Council said it would pay for repairs."
    )
    assert [g.name for g in cast.groups] == ["Harbour Council"]
