"""Speech cues on the parse: each cue finder, the refusals, and the edges of the content span."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from quotetrail.extract.reported import (
    according_cues,
    find_cues,
    headline_cues,
    inverted_cues,
    link_line,
    nominal_cues,
    signed_cues,
    verb_cues,
)


def described(text, cues):
    """(cue as written, speaker as the parse names it, content) of each cue."""
    return [
        (
            c.text,
            c.subject.text if c.subject is not None else None,
            text[c.content[0] : c.content[1]] if c.content else None,
        )
        for c in cues
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The minister said the talks would continue next week.",
            ("said", "The minister", "the talks would continue next week"),
        ),
        (
            "Moscow has no intention of interfering, the minister revealed.",
            ("revealed", "the minister", "Moscow has no intention of interfering"),
        ),
        (
            "She urged the world to act now.",
            ("urged", "She", "the world to act now"),
        ),
        (  # an order is said: what it asks is what was said
            "The governor ordered the police to reopen the bridge by noon.",
            ("ordered", "The governor", "the police to reopen the bridge by noon"),
        ),
        (
            "The ministry called for an end to the fighting.",
            ("called for", "The ministry", "an end to the fighting"),
        ),
        (  # "what" opens the thing judged, not a question, when its words are quoted
            "The mayor condemned what she called a “reckless gamble” by the council.",
            ("condemned", "The mayor", "what she called a “reckless gamble” by the council"),
        ),
        (  # an object named in the speaker's quoted words, with "as"
            "Former Governor Ann Lee criticized the Clean Water Act as a “crazy system” on Monday.",
            ("criticized", "Ann Lee", "the Clean Water Act as a “crazy system” on Monday"),
        ),
        (  # someone and an act of theirs the speaker names: a charge, or praise
            "The governor accused the council of hiding the cost of the new bridge.",
            ("accused", "The governor", "the council of hiding the cost of the new bridge"),
        ),
        (
            "Coach Ray Dunn praised his players for fighting back after the break.",
            ("praised", "Ray Dunn", "his players for fighting back after the break"),
        ),
        (  # … or what the speaker says it is
            "The minister described the new tax as unfair to farmers.",
            ("described", "The minister", "the new tax as unfair to farmers"),
        ),
        (
            "The senator called on the president to retaliate against the hackers.",
            ("called on", "The senator", "the president to retaliate against the hackers"),
        ),
        (
            "The coach called for older players to wear lighter boots.",
            ("called for", "The coach", "older players to wear lighter boots"),
        ),
        (
            "MOSCOW — The President of Russia, Vladimir Putin, said the talks would go on.",
            ("said", "Vladimir Putin", "the talks would go on"),
        ),
        (
            "Zamir Kabulov, who met “the new leaders”, said the talks would go on.",
            ("said", "Zamir Kabulov", "the talks would go on"),
        ),
        (  # a relative pronoun before the cue: the clause after it is what was said
            "The new rules, which Ann Lee said will apply next spring, were approved.",
            ("said", "Ann Lee", "will apply next spring"),
        ),
        (
            "The town is building pools for what Ann Lee said is a growing demand.",
            ("said", "Ann Lee", "is a growing demand"),
        ),
        (  # a proposal: what is proposed is the content, as with "urged … to"
            "The mayor proposes closing the old bridge to trucks.",
            ("proposes", "The mayor", "closing the old bridge to trucks"),
        ),
        (  # "how" with an adjective states a degree; it is not a question
            "The coach told reporters how proud she is of the young players.",
            ("told", "The coach", "how proud she is of the young players"),
        ),
        (  # the parser hangs the "that" clause on the listener, as a relative clause
            "Kolby told an audience of teachers that many parents supported the plan.",
            ("told", "Kolby", "that many parents supported the plan"),
        ),
        (  # … or on the noun naming where it was said
            "The campaign's chief strategist Dale Orr says in a statement that the race will now "
            "be a three-way contest.",
            ("says", "Dale Orr", "that the race will now be a three-way contest"),
        ),
        (  # … and a clause after a time phrase as an adverbial one: the time is the saying's
            "Baxter said after the hearing she would appeal the ruling.",
            ("said", "Baxter", "she would appeal the ruling"),
        ),
        (  # what is agreed to is what was undertaken
            "The ferry company agreed to pay a fee to the harbour board.",
            ("agreed", "The ferry company", "to pay a fee to the harbour board"),
        ),
        (  # a bare "if" the parser hangs on the subject opens a condition, not a question
            "Halvorsen said if elected mayor she could work with the unions.",
            ("said", "Halvorsen", "if elected mayor she could work with the unions"),
        ),
        (  # a "that" clause hung on the time of the saying
            "The spokesman also said for the first time that two ferries had been sold.",
            ("said", "The spokesman", "that two ferries had been sold"),
        ),
        (  # … whose own condition is no question word opening it
            "Ortega said after the vote he would not accept the seat if it were offered.",
            ("said", "Ortega", "he would not accept the seat if it were offered"),
        ),
        # an aside between commas before the "that" clause, whichever word the parser hangs
        # the clause on: the participle, the verb (as a conjunct), the clause itself
        (
            "The mayor told reporters, smiling broadly, that the budget would pass next week.",
            ("told", "The mayor", "that the budget would pass next week"),
        ),
        (
            "Ms. Okafor said, laughing, that she had never met him.",
            ("said", "Ms. Okafor", "that she had never met him"),
        ),
        (
            "The coach said, shaking his head, that the team had let the fans down.",
            ("said", "The coach", "that the team had let the fans down"),
        ),
        # a participle on a statement or a document speaks for its giver
        (
            "The ministry issued a statement saying that the border would reopen on Monday.",
            ("saying", "The ministry", "that the border would reopen on Monday"),
        ),
        (
            "The agency sent a letter saying that the permits would be withdrawn.",
            ("saying", "The agency", "that the permits would be withdrawn"),
        ),
        (  # what is reported: an act of reporting, as "announced the result" is
            "The state reported a 2.8 percent unemployment rate in June.",
            ("reported", "The state", "a 2.8 percent unemployment rate"),
        ),
        (  # what is tweeted, recalled or joked about
            "The minister tweeted a photo of the flooded bridge.",
            ("tweeted", "The minister", "a photo of the flooded bridge"),
        ),
        (
            "The mayor recalled her first campaign in Leeds.",
            ("recalled", "The mayor", "her first campaign in Leeds"),
        ),
        (
            "The senator joked about the weather in Ohio.",
            ("joked", "The senator", "the weather in Ohio"),
        ),
        (  # what is repeated or conceded, as what is reiterated
            "The candidate repeated his promise to repeal the tax.",
            ("repeated", "The candidate", "his promise to repeal the tax"),
        ),
        ("The senator conceded the race.", ("conceded", "The senator", "the race")),
        (  # a participle on a noun that can speak is that noun's saying
            "The report quotes council staff suggesting that the vote be delayed.",
            ("suggesting", "council staff", "that the vote be delayed"),
        ),
        (  # not on one that cannot
            "The evidence suggesting that the vote was rigged was thin.",
            ("suggesting", None, "that the vote was rigged"),
        ),
        (  # a subject and its relative clause that the parser reads as a clause before the verb
            "Ann Roy, meanwhile, who chairs the county board, said that the plan was sound.",
            ("said", "Ann Roy", "that the plan was sound"),
        ),
        (  # nor on the people a verb of saying or sending addresses: its subject says it
            "The principal wrote to residents saying the school would close early.",
            ("saying", "The principal", "the school would close early"),
        ),
        (  # a word that stands for what was said: an answer, or the same said again
            "Asked about the vote, the chair said no to a recount.",
            ("said", "the chair", "no to a recount"),
        ),
        (
            "Four in ten members said the same of the new chair.",
            ("said", "Four in ten members", "the same of the new chair"),
        ),
        ("The chair said so many things.", ("said", "The chair", None)),  # "so" of "so many"
    ],
)
def test_reported_verb_cue_with_its_content(nlp, text, expected):
    assert described(text, verb_cues(nlp(text))) == [expected]


def test_reported_passive_as_clause_on_a_cue_reports_no_content(nlp):
    text = "“The depot will close in May,” she said, as confirmed by her aide on Tuesday."
    assert described(text, verb_cues(nlp(text))) == [
        ("said", "she", "The depot will close in May"),
        ("confirmed", "her aide", None),  # it tells who confirmed the saying, nothing more
    ]


def test_reported_verb_cue_without_content_keeps_its_subject(nlp):
    text = "Putin said why the talks stopped."  # a question is no claim
    assert described(text, verb_cues(nlp(text))) == [("said", "Putin", None)]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a speech verb in an "as" clause set off by a comma attributes the clause it hangs on
        (
            "As the Daily Ledger noted, the council raised more than a million dollars from"
            " developers last year.",
            "the council raised more than a million dollars from developers last year",
        ),
        (
            "But as Reed noted, those voters will give the mayor a second look if he wins.",
            "those voters will give the mayor a second look if he wins",
        ),
        (
            "The council raised a million dollars from developers, as the Ledger reported on"
            " Monday.",
            "The council raised a million dollars from developers",
        ),
        (  # in the middle: one span with the cue inside, as for a cue set off by commas
            "The council, as the Ledger noted, raised a million dollars from developers.",
            "The council, as the Ledger noted, raised a million dollars from developers",
        ),
        (  # or passive, by its agent
            "As first reported by the Daily Ledger, the council raised a million dollars.",
            "the council raised a million dollars",
        ),
        # no subject: no one is named as saying it
        ("As predicted, the council approved the plan.", None),
        # "if" and "when" that open a clause inside what was said make a condition, not a
        # question: the whole clause is the claim
        (
            "Tom Hale said if the council approved the plan it would be a costly mistake.",
            "if the council approved the plan it would be a costly mistake",
        ),
        (
            "Ann Reed says if she spent the day in Ohio she would be doing nothing but"
            " shaking hands.",
            "if she spent the day in Ohio she would be doing nothing but shaking hands",
        ),
        # "if" that opens the clause the verb takes asks it
        ("The spokesman told reporters if the deal would go ahead.", None),
    ],
)
def test_reported_content_of_a_sentences_one_cue(nlp, text, content):
    ((_, _, found),) = described(text, verb_cues(nlp(text)))
    assert found == content


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Some said the tax was fair, while others said it was too high.",
            [("said", "Some", "the tax was fair"), ("said", "others", "it was too high")],
        ),
        (
            "Most of the voters said the plan was fair; a third said it was too costly.",
            [
                ("said", "Most of the voters", "the plan was fair"),
                ("said", "third", "it was too costly"),
            ],
        ),
        (  # a second that-clause goes on with what was said, whatever verb it has
            "The mayor said that the bridge was unsafe but that if the council paid for it, she"
            " would have insisted on a new one.",
            [
                (
                    "said",
                    "The mayor",
                    "that the bridge was unsafe but that if the council paid for it, she would"
                    " have insisted on a new one",
                ),
                ("insisted", "she", None),
            ],
        ),
        (  # a report inside what was said stays in it
            "The mayor said that the council said the plan was fair.",
            [
                ("said", "The mayor", "that the council said the plan was fair"),
                ("said", "the council", "the plan was fair"),
            ],
        ),
        (  # a statement before the cue, set beside its content by a comma
            "So far, 40 senators have said they back the bill, ten have said they oppose it.",
            [("said", "40 senators", "they back the bill"), ("said", "ten", "they oppose it")],
        ),
        (  # the writer's clause set apart by a dash before the cue is not what was said
            "The plan looks costly - the mayor said the council should wait until May.",
            [("said", "the mayor", "the council should wait until May")],
        ),
        (  # … nor one set apart by a colon, whatever follows the cue
            "The union published a list of demands: its president Ann Cole promised a long strike"
            " over pay.",
            [("promised", "Ann Cole", "a long strike over pay")],
        ),
        (  # a semicolon sets it apart only when what was said follows the cue
            "The talks have failed; the minister said so on Monday.",
            [("said", "the minister", "The talks have failed")],
        ),
        (  # "said … and said …": the second verb, joined to the first content, says its own
            "She said the board quickly moved to cut costs and said the school would stay open.",
            [
                ("said", "She", "the board quickly moved to cut costs"),
                ("said", "She", "the school would stay open"),
            ],
        ),
    ],
)
def test_reported_statement_beside_the_content_is_its_own(nlp, text, expected):
    assert described(text, verb_cues(nlp(text))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "has said", contracted: the parser reads a passive's "is"
            "While she's said she believes the tax is fair, she's also voted against it.",
            [("said", "she", "she believes the tax is fair")],
        ),
        ("She's said to be furious about the vote.", []),  # a passive: nobody said it
        (  # with a curly apostrophe the parser takes the contraction for the subject
            "While he’s said he believes the tax is fair, he has voted against it.",
            [("said", "he", "he believes the tax is fair")],
        ),
        (
            "Voters who’ve said they support the mayor could change their minds.",
            [("said", "Voters", "they support the mayor")],
        ),
    ],
)
def test_reported_contracted_has_before_a_speech_verb_keeps_its_subject(nlp, text, expected):
    assert described(text, verb_cues(nlp(text))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # an act done by the agent, on the passive's subject
            "The plan was criticized by the mayor on Monday.",
            [("criticized", "the mayor", "The plan")],
        ),
        (
            "He was told by the minister that the talks would resume.",
            [("told", "the minister", "that the talks would resume")],
        ),
        ("The new budget was criticized on Monday.", []),  # by no one named
        ("He was criticized by the mayor.", [("criticized", "the mayor", None)]),  # on no one named
        (  # what follows a passive was not said: "a charlatan" is what they called him
            "The doctor has been called a charlatan by fellow physicians for promoting “quack”"
            " cures.",
            [],
        ),
    ],
)
def test_reported_passive_speech_verb_speaks_for_its_agent(nlp, text, expected):
    assert described(text, verb_cues(nlp(text))) == expected


def test_reported_as_without_a_comma_tells_the_time(nlp):
    text = "Buyers see the slides that the aides carry with them as they speak to investors."
    assert [found for _, _, found in described(text, verb_cues(nlp(text)))] in ([], [None])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The mayor announced on Monday that she will retire at the end of the year, saying "
            "the city needs new ideas.",
            [
                ("announced", "The mayor", "that she will retire at the end of the year"),
                ("saying", "The mayor", "the city needs new ideas"),
            ],
        ),
        (
            "The minister said the province will keep its promise to fund the arena, insisting "
            "the budget can absorb the cost.",
            [
                ("said", "The minister", "the province will keep its promise to fund the arena"),
                ("insisting", "The minister", "the budget can absorb the cost"),
            ],
        ),
        (  # the comma inside a closing quotation mark
            "Okafor insisted that he has “widened the party,” claiming that he is responsible "
            "for the higher turnout.",
            [
                ("insisted", "Okafor", "that he has “widened the party,”"),
                ("claiming", "Okafor", "that he is responsible for the higher turnout"),
            ],
        ),
        (  # joined to another participle by "and"
            "The governor fired back a response saying he would not support the agenda and "
            "suggesting that lawmakers should listen to voters.",
            [
                ("saying", "The governor", "he would not support the agenda"),
                ("suggesting", "The governor", "that lawmakers should listen to voters"),
            ],
        ),
    ],
)
def test_reported_participle_with_a_clause_of_its_own_is_a_statement(nlp, text, expected):
    assert described(text, verb_cues(nlp(text))) == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Ruth Gale went on air and began by saying she would not guess.", "Ruth Gale"),
        ("The mayor was criticized for saying the bridge would open soon.", "The mayor"),
        ("Voters praised Ann Cole for saying the tax would be cut in half.", "Ann Cole"),
    ],
)
def test_reported_gerund_after_a_preposition_speaks_for_its_doer(nlp, text, speaker):
    saying = next(c for c in verb_cues(nlp(text)) if c.text == "saying")
    assert saying.subject is not None
    assert saying.subject.text == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The governor is a doctor who said the vaccine was safe.", "The governor"),
        ("It was the minister who said the talks had failed.", "the minister"),
        (  # the parser reads "was … Tom Reed" as a copula: a name there describes no one
            "Lee was out-spending Tom Reed, who said he would only run ads sparingly.",
            "Tom Reed",
        ),
    ],
)
def test_reported_relative_pronoun_after_a_description_speaks_for_the_described(nlp, text, speaker):
    (cue,) = verb_cues(nlp(text))
    assert cue.subject is not None
    assert cue.subject.text == speaker


def test_reported_unquoted_direct_speech_is_marked(nlp):
    text = "He said, I am sure that the talks will go on."
    (cue,) = verb_cues(nlp(text))
    assert cue.unquoted_direct and text[cue.content[0] : cue.content[1]].startswith("I am sure")


@pytest.mark.parametrize(
    "text",
    [
        "Putin did not say whether the talks would go on.",  # negated
        "Putin declined to say when the talks would go on.",  # refused
        "None of the ministers said the talks would go on.",  # nobody said it
        "No official said when the talks would go on.",
        "Neither candidate said the tax would rise.",
        "The report was said to be false.",  # passive: nobody named said it
        "He called on Thursday.",  # a date is not what was called for
        "The minister called on the village last week.",  # a visit: nothing asked of it
        "She spoke slowly so that everyone understood.",  # a purpose, not what was said
        "The minister criticized what the report left out.",  # no quoted words: no content
    ],
)
def test_reported_refusals_report_no_statement(nlp, text):
    assert [c.content for c in verb_cues(nlp(text))] in ([], [None])
    assert not [c for c in find_cues(nlp(text)) if c.content]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The talks will go on, according to the foreign ministry.",
            ("according to", "the foreign ministry", "The talks will go on"),
        ),
        (
            "According to officials, the border stays closed.",
            ("according to", "officials", "the border stays closed"),
        ),
        (  # the parser hangs the whole sentence on "According": the phrase ends at its comma
            "According to conservative radio host Ann Lee, the move reeks of “fear” and "
            "desperation.",
            (
                "according to",
                "Ann Lee",
                "the move reeks of “fear” and desperation",
            ),
        ),
        (  # inside the clause it attributes: one span with the phrase inside, subject kept
            "The new bridge, according to the city council, will open in May.",
            (
                "according to",
                "the city council",
                "The new bridge, according to the city council, will open in May",
            ),
        ),
        (  # … the closing comma hung on the source's apposition
            "The rebels, according to Omar Haddad, a professor at the city's university, would "
            "struggle to hold the north.",
            (
                "according to",
                "Omar Haddad",
                "The rebels, according to Omar Haddad, a professor at the city's university, "
                "would struggle to hold the north",
            ),
        ),
    ],
)
def test_reported_according_to_attributes_the_rest_of_the_sentence(nlp, text, expected):
    assert described(text, according_cues(nlp(text))) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The ministry's claim that the talks had failed was denied.",
            [("claim", "The ministry", "that the talks had failed")],
        ),
        (  # owned after "by"
            "The council dismissed claims by the union that the depot would close.",
            [("claims", "the union", "that the depot would close")],
        ),
        (  # the clause after "was"
            "The mayor's argument was that the bridge was unsafe.",
            [("argument", "The mayor", "that the bridge was unsafe")],
        ),
        ("The claim that the talks had failed was denied.", []),  # nobody owns it
        ("The ministry's claim was denied.", []),  # no that-clause
        (  # a call asks for what its "to" clause says
            "The governor's latest call to close the mines drew protests.",
            [("call", "The governor", "to close the mines")],
        ),
        (  # the clause hung on the verb that takes the noun
            "The envoy repeated her demand to free the hostages within a week.",
            [("demand", "her", "to free the hostages within a week")],
        ),
        (  # owned by whoever delivers it
            "The mayor made a promise to cut the bus fares.",
            [("promise", "The mayor", "to cut the bus fares")],
        ),
        ("The mayor rejected a promise to cut the bus fares.", []),  # rejecting delivers nothing
        ("The ministry's claim to the land was denied.", []),  # not asked, not said
        ("His attempt to close the mines failed.", []),  # no noun of saying
    ],
)
def test_reported_nominal_statement_needs_owner_and_clause(nlp, text, expected):
    assert described(text, nominal_cues(nlp(text))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russia will not interfere in Afghanistan: Vladimir Putin",
            [(":", "Vladimir Putin", "Russia will not interfere in Afghanistan")],
        ),
        ("Russia will not interfere in Afghanistan", []),
    ],
)
def test_reported_headline_colon_and_name(nlp, text, expected):
    assert described(text, headline_cues(nlp(text))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Maria Okafor runs the tenants' group.\n\n"
            "The council's failure to act on the shortage amounts to a crisis for every family "
            "here. Maria Okafor\n\nOkafor said more later.",
            [
                (
                    "Maria Okafor",
                    "Maria Okafor",
                    "The council's failure to act on the shortage amounts to a crisis for every "
                    "family here",
                )
            ],
        ),
        (
            "Cities will have to build far more homes or rents will keep climbing every single "
            "year. Dan Whitfield, Homes.ca\n\nWhitfield said so.",
            [
                (
                    "Dan Whitfield",
                    "Dan Whitfield",
                    "Cities will have to build far more homes or rents will keep climbing every "
                    "single year",
                )
            ],
        ),
        (
            "A firefighter sprays water on a burning house in the north end on Saturday. "
            "Richard Lautens\n\nThe fire began at noon.",
            [],
        ),
    ],
)
def test_reported_pull_quote_signed_by_a_name_the_article_mentions(nlp, text, expected):
    assert described(text, signed_cues(nlp(text))) == expected


def test_reported_headline_speech_verb_stops_the_name_before_the_cue(nlp):
    text = "Putin Says Russia Will Not Interfere"
    assert described(text, verb_cues(nlp(text))) == [("Says", "Putin", "Russia Will Not Interfere")]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # edge punctuation trimmed, the full stop stays out
        ("Putin said: “We will not rush.”", "We will not rush"),
        # a span that opened a quotation keeps the closing mark the parse left outside
        ("Putin said he “will keep the promises.”", "he “will keep the promises.”"),
        # … a single mark too, and a straight mark that a curly one opened
        ("Putin said the envoys were ‘very helpful.’", "the envoys were ‘very helpful.’"),
        ('Putin said the talks were “very useful."', 'the talks were “very useful."'),
    ],
)
def test_reported_content_span_edges(nlp, text, content):
    (cue,) = verb_cues(nlp(text))
    assert text[cue.content[0] : cue.content[1]] == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The difference now, she told reporters on Friday, is that the budget is balanced.",
            "The difference now, she told reporters on Friday, is that the budget is balanced",
        ),
        (  # the clause the cue interrupts, not the one before "but"
            "The city resisted the plan, but the smog had become so bad, she noted, that the "
            "schools closed.",
            "the smog had become so bad, she noted, that the schools closed",
        ),
        (  # "and" after the cue goes on with what was said when its clause has a subject
            "Small farms lost 4 percent of their income, the ministry said in its spring report, "
            "and large farms gained 2 percent.",
            "Small farms lost 4 percent of their income, the ministry said in its spring report, "
            "and large farms gained 2 percent",
        ),
    ],
)
def test_reported_cue_set_off_by_commas_reports_the_clause_around_it(nlp, text, content):
    (cue,) = verb_cues(nlp(text))
    assert text[cue.content[0] : cue.content[1]] == content


def test_reported_cue_set_off_by_commas_with_a_second_predicate_is_no_interruption(nlp):
    """ "In May, X reported …, and said …": the commas set off a time and an object; the
    speaker goes on to say something else."""
    text = (
        "In May, Borlund Mining reported weak copper sales and higher costs, and said it would "
        "close two pits."
    )
    assert described(text, verb_cues(nlp(text))) == [
        ("reported", "Borlund Mining", "weak copper sales and higher costs"),
        ("said", "Borlund Mining", "it would close two pits"),
    ]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Police, Sinclair says, have no policies for it.",
            "Police, Sinclair says, have no policies for it",
        ),
        (  # a participle that names, hung on the sentence as a cue would be
            "His nonprofit group, called the Virginia Conservation Legacy Fund, will still own "
            "the property.",
            None,
        ),
    ],
)
def test_reported_parenthetical_cue_has_its_subject_set_off(nlp, text, content):
    found = [text[c.content[0] : c.content[1]] for c in verb_cues(nlp(text)) if c.content]
    assert found == ([content] if content else [])


def test_reported_that_clause_hung_as_an_adverbial_clause_is_what_was_said(nlp):
    """The parser's reading of some "tweeted in the early hours that …": "that" an adverb and
    the clause an adverbial one, given here as the parse (names change whether it occurs)."""
    words = "Lee tweeted in the early hours that Smith was “ corrupt ” .".split()
    doc = Doc(
        nlp.vocab,
        words=words,
        spaces=[True] * 9 + [False] * 4,
        heads=[1, 1, 1, 5, 5, 2, 8, 8, 1, 10, 8, 10, 1],
        deps="nsubj ROOT prep det amod pobj advmod nsubj advcl punct acomp punct punct".split(),
        tags="NNP VBD IN DT JJ NNS RB NNP VBD `` JJ '' .".split(),
        pos="PROPN VERB ADP DET ADJ NOUN ADV PROPN AUX PUNCT ADJ PUNCT PUNCT".split(),
        lemmas="Lee tweet in the early hour that Smith be “ corrupt ” .".split(),
        sent_starts=[True] + [False] * 12,
    )
    assert described(doc.text, verb_cues(doc)) == [("tweeted", "Lee", "that Smith was “corrupt”")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The vote was close. Said Ellis: “We will try again next year.”", ["Ellis"]),
        ("The vote was close. Said Ellen Park: “We will try again next year.”", ["Ellen Park"]),
        ("The vote was close. Added the mayor, “We will try again next year.”", ["the mayor"]),
    ],
)
def test_reported_speech_verb_before_its_speaker_opens_a_quotation(nlp, text, expected):
    """One cue for the speaker, whether the parser reads the verb as a verb (`verb_cues`) or
    as part of a name ("Said Ellis", `inverted_cues`)."""
    assert [c.subject.text for c in find_cues(nlp(text)) if c.subject] == expected


def test_reported_speech_verb_opening_a_sentence_without_a_quotation_is_no_inverted_cue(nlp):
    assert inverted_cues(nlp("Says who? Nobody knows what the mayor wants.")) == []


def test_reported_content_stops_at_the_line_of_the_cue(nlp):
    text = "Putin said the talks would go on\nPhoto by Reuters staff"
    (cue,) = verb_cues(nlp(text))
    assert text[cue.content[0] : cue.content[1]] == "the talks would go on"


@pytest.mark.parametrize(
    ("text", "linked"),
    [
        ("READ MORE: Putin said the talks would go on.", True),
        ("Related | Putin said the talks would go on.", True),
        ("Also on example.com Putin said the talks would go on.", True),
        ("Readers said the talks would go on.", False),
        ("More than twenty ministers said the talks would go on.", False),
        ("Also on Monday, Putin said the talks would go on.", False),
        ("Watch officials: the minister said the talks would go on.", False),
    ],
)
def test_reported_link_lines_carry_no_cues(nlp, text, linked):
    assert link_line(text, text.index("said")) is linked
    assert (find_cues(nlp(text)) == []) is linked


def test_reported_find_cues_in_text_order(nlp):
    text = (
        "The talks will go on, according to the ministry. "
        "The minister said the border would stay closed."
    )
    assert [c.text for c in find_cues(nlp(text))] == ["according to", "said"]


def _parsed(nlp, parse: str, person: tuple[int, int] | None = None) -> Doc:
    """A one-sentence doc with the parse given, one token a line: word dep head tag pos lemma
    (the head by its index): how the parser reads some sentences, whatever their names;
    `person`, the tokens the tagger took for a person's name."""
    rows = [line.split() for line in parse.strip().splitlines()]
    words, deps, heads, tags, pos, lemmas = (list(column) for column in zip(*rows, strict=True))
    doc = Doc(
        nlp.vocab,
        words=words,
        spaces=[following not in {",", "."} for following in [*words[1:], "."]],
        heads=[int(head) for head in heads],
        deps=deps,
        tags=tags,
        pos=pos,
        lemmas=lemmas,
        sent_starts=[True] + [False] * (len(words) - 1),
    )
    if person is not None:
        doc.ents = [Span(doc, *person, label="PERSON")]
    return doc


TRAILING_CUE = """
The det 1 DT DET the
web nsubj 2 NN NOUN web
made ROOT 2 VBD VERB make
it nsubj 4 PRP PRON it
easy ccomp 2 JJ ADJ easy
for mark 11 IN SCONJ for
people nsubj 11 NNS NOUN people
to aux 8 TO PART to
meet xcomp 4 VB VERB meet
, punct 11 , PUNCT ,
she nsubj 11 PRP PRON she
said advcl 2 VBD VERB say
. punct 2 . PUNCT .
"""
TRAILING_CUE_CLEAN = TRAILING_CUE.replace("for mark 11", "for mark 8").replace(
    "people nsubj 11", "people nsubj 8"
)  # the clause before the cue keeps its words
RELATIVE_WHEN = """
It nsubj 1 PRP PRON it
began ROOT 1 VBD VERB begin
in prep 1 IN ADP in
1933 pobj 2 CD NUM 1933
when advmod 10 WRB SCONJ when
, punct 10 , PUNCT ,
amid prep 10 IN ADP amid
pressure pobj 6 NN NOUN pressure
, punct 10 , PUNCT ,
Roosevelt nsubj 10 NNP PROPN Roosevelt
announced advcl 3 VBD VERB announce
relief compound 12 NN NOUN relief
measures dobj 10 NNS NOUN measure
. punct 1 . PUNCT .
"""


@pytest.mark.parametrize(
    ("parse", "expected"),
    [
        (TRAILING_CUE, [("said", "she", "The web made it easy for people to meet")]),
        (  # hung as a second verb of the clause before, or as its clause
            TRAILING_CUE_CLEAN.replace("said advcl 2", "said conj 2"),
            [("said", "she", "The web made it easy for people to meet")],
        ),
        (
            TRAILING_CUE_CLEAN.replace("said advcl 2", "said ccomp 2"),
            [("said", "she", "The web made it easy for people to meet")],
        ),
        (  # the writer's aside after a dash is no word of the cue's
            TRAILING_CUE.replace(
                ". punct 2 . PUNCT .",
                "— punct 2 : PUNCT —\nan det 14 DT DET an\nirony ccomp 2 NN NOUN irony\n"
                ". punct 2 . PUNCT .",
            ),
            [("said", "she", "The web made it easy for people to meet")],
        ),
        (  # a relative "when" clause: the verb's object is what it did, not the clause before
            RELATIVE_WHEN,
            [("announced", "Roosevelt", "relief measures")],
        ),
        (  # … and without an object, still a clause of its own
            RELATIVE_WHEN.replace(
                "announced advcl 3 VBD VERB announce", "said advcl 3 VBD VERB say"
            )
            .replace("relief compound 12 NN NOUN relief\n", "")
            .replace("measures dobj 10 NNS NOUN measure\n", ""),
            [],
        ),
    ],
)
def test_reported_cue_ending_its_sentence_hung_on_the_clause_before_reports_it(
    nlp, parse, expected
):
    """ "…, she said." that the parser hangs on the clause before it as an adverbial clause
    (taking words of that clause for the cue's own)."""
    doc = _parsed(nlp, parse)
    assert [d for d in described(doc.text, verb_cues(doc)) if d[2]] == expected


IN_ONE_OF_A_SERIES = """
The det 1 DT DET the
mayor nsubj 2 NN NOUN mayor
said ROOT 2 VBD VERB say
in prep 2 IN ADP in
one pobj 3 CD NUM one
of prep 4 IN ADP of
a det 7 DT DET a
series pobj 5 NN NOUN series
of prep 7 IN ADP of
posts pobj 8 NNS NOUN post
that mark 14 IN SCONJ that
the det 12 DT DET the
bridge nsubj 14 NN NOUN bridge
would aux 14 MD AUX would
close relcl 7 VB VERB close
. punct 2 . PUNCT .
"""


def test_reported_that_clause_on_a_noun_of_where_it_was_said_is_what_was_said(nlp):
    """ "said in one of a series of posts that …": the parser hangs the clause on "series"."""
    doc = _parsed(nlp, IN_ONE_OF_A_SERIES)
    assert described(doc.text, verb_cues(doc)) == [
        ("said", "The mayor", "that the bridge would close")
    ]
    nowhere = _parsed(
        nlp, IN_ONE_OF_A_SERIES.replace("posts pobj 8 NNS NOUN post", "years pobj 8 NNS NOUN year")
    )
    assert described(nowhere.text, verb_cues(nowhere)) == [("said", "The mayor", None)]


AFTER_A_QUOTATION = """
“ punct 7 `` PUNCT “
We nsubj 2 PRP PRON we
load ccomp 7 VBP VERB load
at prep 2 IN ADP at
dawn pobj 3 NN NOUN dawn
, punct 7 , PUNCT ,
” punct 7 '' PUNCT ”
said ROOT 7 VBD VERB say
Threlkeld advmod 7 RB ADV Threlkeld
. punct 7 . PUNCT .
"""


@pytest.mark.parametrize(
    ("parse", "speaker"),
    [
        (AFTER_A_QUOTATION, "Threlkeld"),  # a name the tagger took for an adverb
        (AFTER_A_QUOTATION.replace("said ROOT 7 VBD VERB say", "told ROOT 7 VBD VERB tell"), None),
        (AFTER_A_QUOTATION.replace("said ROOT 7 VBD VERB say", "saying ROOT 7 VBG VERB say"), None),
        (AFTER_A_QUOTATION.replace("Threlkeld advmod", "Tuesday npadvmod"), None),  # a day
    ],
)
def test_reported_capitalised_word_after_a_quotation_and_its_verb_is_the_speaker(
    nlp, parse, speaker
):
    """ "“…,” said Threlkeld": the speaker however the parser tagged the name; not the listener
    of "told", nor after a participle, nor a date."""
    doc = _parsed(nlp, parse)
    doc.ents = [Span(doc, t.i, t.i + 1, "DATE") for t in doc if t.text == "Tuesday"]
    (cue,) = verb_cues(doc)
    assert (cue.subject.text if cue.subject is not None else None) == speaker


def test_reported_conjunction_of_a_clause_inside_a_fronted_content_asks_nothing(nlp):
    text = (
        "Whether they like it or not, the bypass will be built, Mayor Tom Reed insisted on "
        "Monday during a visit to the site."
    )
    assert described(text, verb_cues(nlp(text))) == [
        ("insisted", "Tom Reed", "Whether they like it or not, the bypass will be built")
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "In Kabul, Ahmad Wali, 35, a shopkeeper, told reporters that prices had doubled.",
            "Ahmad Wali",
        ),
        (
            "In Herat, Nadia Karimi, 42, a teacher, told reporters that the schools had reopened.",
            "Nadia Karimi",
        ),
        (
            "The pastor endorsed Senator Ann Lee of Ohio, urging his flock to vote for her.",
            "The pastor",
        ),
    ],
)
def test_reported_name_set_off_before_a_cue_without_subject_is_the_speaker(nlp, text, speaker):
    """The parser hangs "Ahmad Wali, 35, a shopkeeper," on the phrase before it and leaves
    "told" without a subject; a participle's subject stays its clause's."""
    assert [c.subject.text for c in verb_cues(nlp(text)) if c.content] == [speaker]


OBJECT_MARKED_THAT = """
NBC nsubj 1 NNP PROPN NBC
reported ROOT 1 VBD VERB report
that mark 4 IN SCONJ that
the det 4 DT DET the
decision dobj 1 NN NOUN decision
to aux 6 TO PART to
close acl 4 VB VERB close
the det 8 DT DET the
plant dobj 6 NN NOUN plant
was auxpass 10 VBD AUX be
made advcl 4 VBN VERB make
. punct 1 . PUNCT .
"""


def test_reported_that_hung_on_an_object_opens_what_was_said(nlp):
    """The parser's reading of some "reported that the decision to … was made": the clause's
    subject an object of the verb, "that" hung on it."""
    doc = _parsed(nlp, OBJECT_MARKED_THAT)
    assert described(doc.text, verb_cues(doc)) == [
        ("reported", "NBC", "that the decision to close the plant was made")
    ]


GERUND_SUBJECT = """
Imre nsubj 1 NNP PROPN Imre
said ROOT 1 VBD VERB say
seeing xcomp 1 VBG VERB see
so advmod 4 RB ADV so
many amod 5 JJ ADJ many
volunteers nsubj 7 NNS NOUN volunteer
there advmod 5 RB ADV there
was ccomp 2 VBD AUX be
a det 9 DT DET a
relief attr 7 NN NOUN relief
. punct 1 . PUNCT .
"""


def test_reported_gerund_subject_opens_what_was_said(nlp):
    """The parser's reading of some "said seeing … was …": the gerund the verb's complement,
    the rest of its clause hung on it."""
    doc = _parsed(nlp, GERUND_SUBJECT)
    assert described(doc.text, verb_cues(doc)) == [
        ("said", "Imre", "seeing so many volunteers there was a relief")
    ]


def test_reported_clause_of_what_the_verb_answers_is_not_what_was_said(nlp):
    """ "responded to the revelation that …": the clause is the revelation's, not the
    minister's words (a clause on the time of the saying is: "said for the first time that")."""
    text = "The minister responded to the revelation that the fund had lost millions."
    assert all(
        text[c.content[0] : c.content[1]] != "that the fund had lost millions"
        for c in verb_cues(nlp(text))
        if c.content
    )


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The engineer explained how the old bridge was rebuilt in six weeks.",
            "how the old bridge was rebuilt in six weeks",
        ),
        (
            "The coach told reporters why she had dropped the captain.",
            "why she had dropped the captain",
        ),
        ("Officials asked how the money had been spent.", None),  # a question
    ],
)
def test_reported_wh_clause_after_a_verb_that_tells_is_what_was_told(nlp, text, content):
    cues = verb_cues(nlp(text))
    assert [text[c.content[0] : c.content[1]] for c in cues if c.content] == (
        [content] if content else []
    )


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Glenn Okafor Says Mayor, 'Old Guard' Pose A Threat To The Harbour\nThe council met.",
            "Mayor, 'Old Guard' Pose A Threat To The Harbour",
        ),
        (
            "Councillor Reyes Says No To Toll Plan As Budget Talks Stall\nThe council met.",
            "No To Toll Plan As Budget Talks Stall",
        ),
    ],
)
def test_reported_title_case_headline_says_the_rest_of_its_line(nlp, text, content):
    """A headline in title case, which the parser reads as names: the rest of the line after a
    capitalised speech verb is what was said."""
    cues = [c for c in verb_cues(nlp(text)) if c.text == "Says"]
    assert [text[c.content[0] : c.content[1]] for c in cues] == [content]


TITLE_NOUN_READ_AS_VERB = """
Tenants nsubj 1 NNS NOUN tenant
advocate ccomp 4 VBP VERB advocate
Rhea compound 3 NNP PROPN Rhea
Olsen dobj 1 NNP PROPN Olsen
told ROOT 4 VBD VERB tell
the det 6 DT DET the
Citizen dative 4 NNP PROPN Citizen
the det 8 DT DET the
rules nsubj 9 NNS NOUN rule
favour ccomp 4 VBP VERB favour
landlords dobj 9 NNS NOUN landlord
. punct 4 . PUNCT .
"""


def test_reported_name_ending_a_clause_before_the_cue_is_the_speaker(nlp):
    """ "Tenants advocate Rhea Olsen told …" where the parser read "advocate" as a verb whose
    clause ends in the name: the name spoke, and that clause is no part of what was said."""
    doc = _parsed(nlp, TITLE_NOUN_READ_AS_VERB, person=(2, 4))
    (cue,) = verb_cues(doc)
    assert cue.subject.text == "Rhea Olsen"
    assert doc.text[slice(*cue.content)] == "the rules favour landlords"


WHICH_AFTER_A_PERSON = """
Officials nsubj 1 NNS NOUN official
studied ROOT 1 VBD VERB study
an det 3 DT DET an
idea dobj 1 NN NOUN idea
from prep 3 IN ADP from
Nora compound 6 NNP PROPN Nora
Vance pobj 4 NNP PROPN Vance
, punct 6 , PUNCT ,
a det 9 DT DET a
planner appos 6 NN NOUN planner
, punct 9 , PUNCT ,
which nsubj 12 WDT PRON which
suggests relcl 9 VBZ VERB suggest
closing xcomp 12 VBG VERB close
schools dobj 13 NNS NOUN school
. punct 1 . PUNCT .
"""


def test_reported_which_never_stands_for_a_person(nlp):
    """ "an idea from Nora Vance, a planner, which suggests …": the parser hangs "which" on the
    person's description; what suggests is the idea."""
    doc = _parsed(nlp, WHICH_AFTER_A_PERSON, person=(5, 7))
    cue = next(c for c in verb_cues(doc) if c.text == "suggests")
    assert cue.subject.root.text == "idea"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "BRUSSELS, Oct 14 (Reuters) - Ministers failed on Monday to agree new sanctions on"
            " the regime, diplomats said.",
            "Ministers failed on Monday to agree new sanctions on the regime",
        ),
        (
            "KYIV — The power grid will hold through the winter, the energy minister said.",
            "The power grid will hold through the winter",
        ),
        (  # no dateline: the content keeps its first words
            "NATO allies will meet in May, the alliance said.",
            "NATO allies will meet in May",
        ),
    ],
)
def test_reported_content_starts_after_the_dateline(nlp, text, content):
    (cue,) = find_cues(nlp(text))
    assert text[cue.content[0] : cue.content[1]] == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (  # the parser hangs the clause on a verb inside it and its subject on the cue
            "The bloc's plan to use frozen state assets to fund Lviv is theft, Minsk has said.",
            "The bloc's plan to use frozen state assets to fund Lviv is theft",
        ),
        (
            "The bloc's plan to use frozen state assets to fund Lviv is “theft,” Minsk has said.",
            "The bloc's plan to use frozen state assets to fund Lviv is “theft,”",
        ),
        ("After the talks ended in the capital, the union said.", None),  # an adverbial
    ],
)
def test_reported_clause_before_the_comma_of_a_closing_cue(nlp, text, content):
    (cue,) = [c for c in find_cues(nlp(text)) if c.text.endswith("said")]
    assert (text[cue.content[0] : cue.content[1]] if cue.content else None) == content
