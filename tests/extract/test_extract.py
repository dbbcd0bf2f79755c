"""extract_statements: one small case for every statement pattern; texts written for these tests."""

from __future__ import annotations

import pytest

from quotetrail.extract import extract_mentions


def summary(statements) -> list[tuple[str, str, str]]:
    return [(s.kind, s.quote, s.speaker.name) for s in statements]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # quote broken by its attribution
            "“We will not interfere,” said Anna Petrova, the deputy minister. “Our troops stay "
            "home.”",
            [
                ("direct", "We will not interfere,", "Anna Petrova"),
                ("direct", "Our troops stay home.", "Anna Petrova"),
            ],
        ),
        (  # introduced by a colon
            "Premier Sarah Jones told the assembly: “We have balanced the budget for the third "
            "year in a row.”",
            [("direct", "We have balanced the budget for the third year in a row.", "Sarah Jones")],
        ),
        (  # a speech verb joined by "and" inside what another speaker said: two statements
            "Jane Moss says Carla Diaz promised to keep supporting the mayor and said she would "
            "stand up to the attacks.",
            [
                (
                    "indirect",
                    "Carla Diaz promised to keep supporting the mayor and said she would stand up "
                    "to the attacks",
                    "Jane Moss",
                ),
                ("indirect", "she would stand up to the attacks", "Carla Diaz"),
            ],
        ),
        (  # … a person's: the parser hangs the speaker's own "urged" on the group's verb
            "President Anna Berg said the rebel group controlled almost the entire province and "
            "urged the world to prevent the collapse of the state.",
            [
                (
                    "indirect",
                    "the rebel group controlled almost the entire province and urged the world to "
                    "prevent the collapse of the state",
                    "Anna Berg",
                )
            ],
        ),
        (  # … but a clause under the outer one stays the outer speaker's
            "Jane Moss said Carla Diaz had said that the vote would be delayed.",
            [("indirect", "Carla Diaz had said that the vote would be delayed", "Jane Moss")],
        ),
        (  # a cue set off by commas, then its own participle: two statements, not one clause
            "The budget is balanced for the third year, the mayor said on Monday, adding that "
            "taxes will not rise.",
            [
                ("indirect", "The budget is balanced for the third year", "mayor"),
                ("indirect", "that taxes will not rise", "mayor"),
            ],
        ),
        (  # a negation the parser hangs on the cue from inside the quote denies nothing
            "Mayor Ann Lee spoke on Monday. “Are the buses ready for winter? Probably not,” "
            "Ms. Lee said.",
            [("direct", "Are the buses ready for winter? Probably not,", "Ann Lee")],
        ),
        (  # the parser takes a quoted word for a second subject of the cue after the quote
            "“If the bridge does not get the money this year, it will at some point, probably "
            "sooner rather than later,” said Dana Whitfield, an engineer.",
            [
                (
                    "direct",
                    "If the bridge does not get the money this year, it will at some point, "
                    "probably sooner rather than later,",
                    "Dana Whitfield",
                )
            ],
        ),
        (  # a curly opening mark closed by a straight one: the speaker after it is outside
            '“Deals like these should never be a condition of cooperation," Committee Chairman '
            "Dana Whitfield said in a statement.",
            [
                (
                    "direct",
                    "Deals like these should never be a condition of cooperation,",
                    "Dana Whitfield",
                )
            ],
        ),
        (  # a verb that needs its content ends its paragraph with a colon: the next one
            "The Daily Ledger reports:\n\n“Only a quarter of the donors gave less than fifty "
            "dollars this year.”",
            [
                (
                    "direct",
                    "Only a quarter of the donors gave less than fifty dollars this year.",
                    "Daily Ledger",
                )
            ],
        ),
        (  # … and when that paragraph has no marks, it is the words themselves, as a block
            "Governor Ellen Price added:\n\nThe budget is balanced, and the schools will open "
            "on time.\n\nThe session ended at noon.",
            [
                (
                    "direct",
                    "The budget is balanced, and the schools will open on time.",
                    "Ellen Price",
                )
            ],
        ),
        (  # a paragraph that opens a quote and never closes it, continued by the next
            "Mayor John Brown spoke on Tuesday.\n\n“The bridge will be repaired before winter.\n\n"
            "“Nobody should worry about the schedule,” he said.",
            [
                ("direct", "The bridge will be repaired before winter.", "John Brown"),
                ("direct", "Nobody should worry about the schedule,", "John Brown"),
            ],
        ),
        (  # a floating quote continues the previous speaker
            "Senator Maria Lopez spoke after the vote.\n\n“This law protects families,” she "
            "said.\n\n"
            "“It is the right thing to do for the country and for every child in it.”",
            [
                ("direct", "This law protects families,", "Maria Lopez"),
                (
                    "direct",
                    "It is the right thing to do for the country and for every child in it.",
                    "Maria Lopez",
                ),
            ],
        ),
        (  # headline attribution with a trailing speech verb
            "Canada will not send troops to the region, says Ottawa",
            [("indirect", "Canada will not send troops to the region", "Ottawa")],
        ),
        (  # headline with a quoted claim in single marks
            "Putin Says 'Taliban Are Our Allies'",
            [("direct", "Taliban Are Our Allies", "Putin")],
        ),
        (  # headline ending in a colon and the speaker
            "Russia Will Not Interfere In Afghanistan's Affairs: Vladimir Putin",
            [("indirect", "Russia Will Not Interfere In Afghanistan's Affairs", "Vladimir Putin")],
        ),
        (  # that-clause
            "Foreign Minister Mark Olsen said that the talks had failed.",
            [("indirect", "that the talks had failed", "Mark Olsen")],
        ),
        (  # speech act without a that-clause
            "Health Minister Lena Ortiz urged residents to stay at home during the storm.",
            [("indirect", "residents to stay at home during the storm", "Lena Ortiz")],
        ),
        (  # according to
            "The embassy will stay open, according to Paul Martin, the ambassador.",
            [("indirect", "The embassy will stay open", "Paul Martin")],
        ),
        (  # nominal statement
            "Her remarks came after Prime Minister Tom Hall’s statement on Tuesday that the "
            "rebels “must keep their promises.”",
            [("mixed", "that the rebels “must keep their promises.”", "Tom Hall")],
        ),
        (  # mixed: a paraphrase holding a quoted fragment
            "Chancellor Hans Weber said the situation was “difficult and alarming” for the region.",
            [("mixed", "the situation was “difficult and alarming” for the region", "Hans Weber")],
        ),
        (  # unquoted direct speech
            "Chancellor Hans Weber spoke in Berlin.\n\nHe said, I am sure that the rebels want "
            "stability in the country.",
            [("direct", "I am sure that the rebels want stability in the country", "Hans Weber")],
        ),
        (  # calling someone something
            "Prime Minister Anna Berg has called the rebels, the armed group in the north, a "
            "partner for peace.",
            [
                (
                    "indirect",
                    "the rebels, the armed group in the north, a partner for peace",
                    "Anna Berg",
                )
            ],
        ),
        (  # … and a quoted name the parser sets after the object by apposition
            "Senator Ruth Vale has called the two candidates “Mister Bluster” at every rally.",
            [("mixed", "the two candidates “Mister Bluster”", "Ruth Vale")],
        ),
        (  # … and a name with its owner set right after the object, no comma between
            "Governor Lena Holt has often called the senator her closest ally.",
            [("indirect", "the senator her closest ally", "Lena Holt")],
        ),
        (  # … and a quoted adjective the parser hangs on the object
            "The Dutch foreign ministry called the new tariffs “unjust and self-defeating.”",
            [("mixed", "the new tariffs “unjust and self-defeating.”", "Dutch foreign ministry")],
        ),
        (  # "she": the one the last sentence describes, though the tagger missed her name
            "President Joko Anwar visited the coast on Monday.\n\nWulan, a teacher from Bogor, was "
            "at the market when the wave struck.\n\n“The water came in so fast,” she said.",
            [("direct", "The water came in so fast,", "Wulan")],
        ),
        (  # a participle framing the question put to the speaker is not what was said, and
            # whom it names is not who answers
            "Sam Otero opened a bakery in March.\n\nBut he said the first year was hard. He grew "
            "up in the north end.\n\nAsked what he would tell Mayor Paul Adler about small shops,"
            " he says: 'Come and see. Come and see us. We work hard.'",
            [
                ("indirect", "the first year was hard", "Sam Otero"),
                ("direct", "Come and see. Come and see us. We work hard.", "Sam Otero"),
            ],
        ),
        (  # a fronted reported clause
            "Moscow will not send troops to the region, the country’s Deputy Foreign Minister "
            "Oleg Ivanov said on Monday.",
            [("indirect", "Moscow will not send troops to the region", "Oleg Ivanov")],
        ),
        (  # a gerund clause after the speech verb is what was said
            "Senator Ana Diaz denied taking money from the lobby.",
            [("indirect", "taking money from the lobby", "Ana Diaz")],
        ),
        (
            "Candidate Tom Reyes suggested closing the old airport on weekends.",
            [("indirect", "closing the old airport on weekends", "Tom Reyes")],
        ),
        (  # what is called for, read by the parser as a "for … to …" clause
            "Senator Ana Diaz has repeatedly called for the files to be made public.",
            [("indirect", "the files to be made public", "Ana Diaz")],
        ),
        (  # the clause's subject, which the parser hangs on the day written after the verb
            "Mayor Ines Falk said Monday two of the bridges, both built in 1950, would close.",
            [
                (
                    "indirect",
                    "two of the bridges, both built in 1950, would close",
                    "Ines Falk",
                )
            ],
        ),
        (  # a cue after the closing mark, ending its paragraph, that the parser hangs on the
            # quotation's last verb
            'The mayor spoke.\n\n"We have waited long enough. The residents of Elm Street '
            'deserve an answer from [the utility]," a neighbour, whose name is withheld, wrote '
            "in June.\n\nNo answer came.",
            [
                (
                    "direct",
                    "We have waited long enough. The residents of Elm Street deserve an answer "
                    "from [the utility],",
                    "neighbour",
                )
            ],
        ),
    ],
)
def test_extract_statements_patterns(
    statements_of, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert summary(statements_of(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The minister did not say whether the talks had failed.",  # negated speech
        "READ MORE: Minister says the talks have failed",  # a link to another story
        "The mayor called the police after the break-in.",  # a phone call, not a judgement
        "The minister called off the talks on Friday.",
        "The senator rejected it outright.",  # an act on nothing named
        "The envoy speaks French and Russian.",  # a language spoken is nothing said
        "Ruth Sand also wrote Running With Wolves, a memoir of her years in Alaska.",  # a title
        # a scare quote with no speaker cue
        "He described the plan as 'outside values' at the meeting.",
        # a participle after the object describes the saying ("his voice breaking")
        "Gordon Baxter lost the vote. Baxter said it twice, his voice breaking.",
    ],
)
def test_extract_statements_not_statements(statements_of, text: str) -> None:
    assert statements_of(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The senator rejected a budget deal on Monday.",
            [("act", "The senator", "a budget deal")],
        ),
        (  # what was spoken about, without "about"
            "The president spoke to reporters about the storm damage in the south.",
            [("act", "The president", "the storm damage in the south")],
        ),
        (  # what is noted without a clause of its own
            "The editor noted the gap between the two budgets.",
            [("act", "The editor", "the gap between the two budgets")],
        ),
        (  # one word may be what an act bears on
            "The senator criticized Halvorsen in a radio interview.",
            [("act", "The senator", "Halvorsen")],
        ),
        (  # an object with a date in it is still what the act bears on
            "The governor criticized the 2011 intervention in the north.",
            [("act", "The governor", "the 2011 intervention in the north")],
        ),
        (  # what is spoken of, without "of"
            "The mayor spoke of the need to rebuild trust with the police.",
            [("act", "The mayor", "the need to rebuild trust with the police")],
        ),
        (  # what is pointed to, after "to"
            "The governor also points to the rise in rents across the region.",
            [("act", "The governor", "the rise in rents across the region")],
        ),
        (  # what is criticised: the council, and what for
            "The mayor criticized the council for its slow response.",
            [("act", "The mayor", "the council for its slow response")],
        ),
        (
            "The minister expressed concern about the cuts to rural schools.",
            [("act", "The minister", "concern about the cuts to rural schools")],
        ),
        (  # an act whose object holds another's statement: both are statements
            "Lee welcomed the Harbour League's statement that the border would reopen soon.",
            [
                ("act", "Lee", "the Harbour League's statement that the border would reopen soon"),
                ("indirect", "the Harbour League's", "that the border would reopen soon"),
            ],
        ),
        (  # words of the speaker's own in the object: what was said, as before
            "The mayor decried the council's “reckless and cruel” budget.",
            [("mixed", "The mayor", "the council's “reckless and cruel” budget")],
        ),
    ],
)
def test_extract_statements_speech_act_by_what_it_bears_on(statements_of, text, expected):
    """ "rejected a budget deal": a position taken aloud, reported without its words — a
    statement of kind `act` whose content is what the act bears on."""
    found = [(s.kind, s.speaker.mention, s.quote) for s in statements_of(text)]
    assert found == expected


def test_extract_statements_span_holds_the_quote(statements_of) -> None:
    text = (
        "Russian President Vladimir Putin said the Taliban controlled “almost the entire "
        "territory” of the country.\n\n"
        "“These are the realities,” he said. “We must proceed from them.”\n\n"
        "The Kremlin said that it was in no hurry, according to Dmitry Peskov, the spokesman."
    )
    statements = statements_of(text)
    assert len(statements) >= 4
    for statement in statements:
        assert text[statement.span[0] : statement.span[1]] == statement.quote


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        (  # resumed after its attribution, the second part left open at the paragraph's end
            "“We will not go,” Anna Petrova told the agency. “Besides, nobody has asked us.\n\n"
            "The talks began in May.\n\n“Nothing will change,” John Smith told reporters.",
            "nobody has asked us",
            "Anna Petrova",
        ),
        (  # an open quote is continued only by the very next paragraph
            "“We will not go,” Anna Petrova told the agency. “Besides, nobody has asked us.\n\n"
            "“It is settled,” she said.",
            "nobody has asked us",
            "Anna Petrova",
        ),
    ],
)
def test_extract_statements_quote_resumed_after_attribution(statements_of, text, fragment, speaker):
    statements = statements_of(text)
    matching = [s for s in statements if fragment in s.quote]
    assert matching and matching[0].speaker.name == speaker


def test_extract_statements_about_names_the_article_gives_elsewhere(statements_of):
    text = (
        "Minister Says 'Harbour League Are Our Partners'\n\n"
        "Foreign Minister Anna Petrova said on Monday that the Harbour League had kept its word."
    )
    headline = [s for s in statements_of(text) if "Partners" in s.quote]
    assert headline and "Harbour League" in headline[0].about


def test_extract_statements_dateline_is_not_the_speaker(statements_of):
    text = "KABUL — The Governor of Herat, Anna Petrova, said that the road would reopen on Monday."
    (statement,) = statements_of(text)
    assert statement.speaker.name == "Anna Petrova"


def test_extract_mentions_name_a_person_without_the_epithet(nlp):
    text = (
        "Gordon Baxter spoke in Leeds on Monday. Crooked Gordon Baxter is a disaster, her rival "
        "wrote."
    )
    people = [m for m in extract_mentions(nlp(text)) if m.label == "PERSON"]
    assert [(m.text, text[m.start : m.end]) for m in people] == [("Gordon Baxter",) * 2] * 2


def test_extract_statements_short_thing_called_for_is_what_was_said(statements_of):
    """ "called for the ban": a thing asked for may be two words (a clause of two words, "they
    are", says nothing)."""
    (statement,) = statements_of("The ministers called for the ban on Friday.")
    assert (statement.kind, statement.quote) == ("indirect", "the ban")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The mayor has been able to accuse the council of wasting money on the stadium.",
            [("The mayor", "the council of wasting money on the stadium")],
        ),
        (
            "Okafor is also likely to remind voters of his roots by mentioning the fact that he "
            "grew up in the valley.",
            [("Okafor", "the fact that he grew up in the valley")],
        ),
        ("Morgana, we are told, is the king's power-crazy half-sister.", []),  # an aside
    ],
)
def test_extract_statements_speaker_from_the_clause_above(statements_of, text, expected):
    """A speech verb whose clause has no subject says what the subject of the clause above it
    says ("able to accuse", "likely to remind … by mentioning"); not a passive aside."""
    assert [(s.speaker.mention, s.quote) for s in statements_of(text)] == expected
