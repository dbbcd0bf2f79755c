"""Transcripts and interviews: every turn one statement, its speaker, its exact span, its date.

Every transcript here is written for these tests."""

from __future__ import annotations

import pytest

from quotetrail.pipeline import process_batch
from quotetrail.records import Batch, RawDocument, StatementKind

KREMLIN = """Press statements following talks with the President of Finland

Vladimir Putin and President of Finland Aino Korhonen made press statements after their talks.

March 14, 2019, 15:40, The Kremlin, Moscow

Vladimir Putin: Good afternoon, colleagues. Madam President, ladies and gentlemen.

Our trade grew by a fifth last year, and we agreed to open a new rail link next spring.

We also discussed the situation in the Arctic in detail.

Aino Korhonen: Thank you, Mr President. I am glad to be in Moscow again.

Question: Mr President, Minister Anna Volkova said that “the border will stay open.” Will it?

PUTIN: I believe it will. The engineers told me the work is ahead of schedule."""

BRIEFING = """Briefing by Kremlin spokesman Dmitry Peskov and ministry spokeswoman Maria Zakharova

MR. PESKOV: Good morning. The President will travel to Sochi on Friday.

Q: Will he meet the Turkish leader there?

MR. PESKOV: Yes, the meeting is planned for Saturday.

MS. ZAKHAROVA: I would add that the foreign ministers will meet as well."""

WHITE_HOUSE = """Remarks by President Maria Costa and Chancellor Jonas Weber in Rome

THE PRESIDENT: Good afternoon. The Chancellor and I had a very productive meeting.

Q: Madam President, will you send more aid?

THE PRESIDENT: We will decide that next week.

CHANCELLOR WEBER: Thank you, Madam President."""

INTERVIEW = """Interview with Finnish Foreign Minister Liisa Virtanen

Liisa Virtanen answered questions from our correspondent in Helsinki on June 3, 2020.

Q: How do you see the talks with Moscow?

A: They were difficult but useful.

We will meet again in the autumn.

Q: Will the sanctions be lifted?

A: Not this year."""

NO_INTERVIEWEE = """Readers ask, the ministry answers

Question: When will the new passports be issued?

Answer: The first ones will be issued in May.

Question: Can I apply online?

Answer: Yes, from the ministry's website."""

OUTLET = """Vladimir Putin gave an interview to RT on the eve of the summit

RT: Mr President, what do you expect from the summit in Geneva?

Vladimir Putin: I expect a frank conversation. We have many questions to discuss.

RT: Will you raise the question of the embassies?

Vladimir Putin: Certainly. It is one of the first items on the agenda."""

SPEAKER_LIST = """Commuters on the new bridge

We asked commuters in Helsinki what they think of the bridge that opened on Monday.

Anna Berg, a nurse: “It saves me twenty minutes every morning.”

Tomas Lindqvist, a student: “The tolls are far too high for students.”"""

PRESS_QUESTIONS = """Press conference of Prime Minister Kaja Saar

Prime Minister Kaja Saar held a press conference in Tallinn.

Kaja Saar: We will raise pensions by four percent next year.

Mark Evans, Reuters: Prime Minister, how will you pay for the rise?

Kaja Saar: From the savings we made on energy subsidies."""

UNLABELLED = """Interview with Canadian Trade Minister Paul Girard

Paul Girard spoke to the Courier before his trip to Brussels.

How do you judge the new trade deal?

It is the best deal we could get. Our farmers will sell more cheese in Europe.

Nobody expected it to pass so quickly.

What comes next?

We will start talks with the Asian countries in the spring."""

LABEL_LINES = """Press briefing on the grain corridor

Ministry of Foreign Affairs, Ankara, April 4, 2024

Selin Aydin (00:00:04):
Good afternoon. The corridor carried two million tonnes of grain last month, a record.

Reporter 1 (00:00:31):
Will the corridor stay open after the summer?

Selin Aydin (00:00:38):
It will stay open as long as the ships are safe.

We are talking to the insurers every week.

Reporter 2 (00:01:15):
And the insurance costs?

Selin Aydin (00:01:19):
They have fallen by half since January."""

STAMPED = """Interview with Health Minister Tomas Varga

[00:00:12] HOST: Minister, the waiting lists are longer than ever. Why?
[00:00:19] TOMAS VARGA: Because we lost a thousand nurses in two years. We are hiring them back.
[00:01:02] HOST: When will patients notice?
[00:01:07] TOMAS VARGA: By the end of the year."""

NAME_AND_TIME = """Town hall meeting with Mayor Ines Roth

Ines Roth  0:03
Thank you all for coming tonight. The new library opens in June.

Speaker 2  0:41
What happens to the old building?

Ines Roth  0:47
It becomes a youth centre, and the city keeps the garden.

Speaker 3  1:30
The garden should stay open to everyone, day and night.

Ines Roth  1:52
It will."""

PRESS_ROOM = """Press Briefing by Press Secretary Dana Whitfield

James S. Brady Press Briefing Room

2:14 P.M. EDT

MS. WHITFIELD:  Good afternoon, everyone. The President will travel to Ohio on Thursday.

Q    Thank you, Dana. Will the President meet the union leaders while he is there?

MS. WHITFIELD:  He will meet them on Thursday afternoon.

Q    And on the tariffs — is a decision coming this week?

MS. WHITFIELD:  I am not going to get ahead of the President on that.

END                 2:41 P.M. EDT"""

SURNAMES = """Campaign declines a third debate

Video Transcript:

The campaign said on Sunday that it would not debate again before the primary.

MARK DALTON, NEWS ANCHOR: Why not debate?

(BEGIN VIDEOTAPE)

RUTH OKAFOR, CAMPAIGN STRATEGIST: Our opponent promised a clean race and is running attack ads.

(END VIDEOTAPE)

DALTON: Your side agreed to more debates in January. Why not one more?

OKAFOR: We will talk about debates when the tone of the race changes."""

OUTLETS_ASK = """Foreign Ministry Spokesperson's Regular Press Conference on June 3, 2024

Lin Wei: Good afternoon. The Foreign Minister will visit Kazakhstan next week.

CCTV: Could you share more about the goals of the visit?

Lin Wei: The two sides will sign agreements on trade and transport.

AFP: Will the minister meet the Afghan interim government's envoy there?

Lin Wei: I have no information on that at the moment."""

HEARING = """HEARING ON ARCTIC SECURITY

U.S. Senate, Committee on Foreign Relations, Washington, DC.

The CHAIRMAN. The committee will come to order. Today we hear from the Under Secretary.

Senator HOLLIS. Thank you, Mr. Chairman. Madam Under Secretary, is the icebreaker on schedule?

Ms. VARGA. It is, Senator. The first hull will be delivered next spring.

Senator HOLLIS. And the second?

Ms. VARGA. The second follows a year later, if the funding holds.

The CHAIRMAN. Thank you. The record stays open for a week."""

Q_AND_A_STOPS = """Interview with the novelist Clara Moss

Clara Moss answered our questions about her new book.

Q. Why a novel about the war now?

A. Because the last witnesses are leaving us. I wanted to listen to them while I could.

Q. Did you travel to the front?

A. Twice, in the spring."""

NOON_BRIEFING = """Daily press briefing by the Office of the Spokesperson

The following is a transcript of today's noon briefing by Tomas Lind, spokesman for the Agency.

Spokesperson: Good afternoon. The Agency is deeply concerned by the fighting in the north.

Question: Has the Director spoken to either side today?

Spokesperson: He has not, but his envoy is in contact with both delegations."""

NEWS = """Flood waters recede in the north

Residents of Lakeview began returning home on Tuesday, the mayor said.

Note: This article was updated with the latest figures from the fire service.

Photo: Volunteers fill sandbags near the river.

“We are grateful to every volunteer,” Mayor Helen Park said.

READ MORE: Storm season starts early

Note: Figures are from the fire service.

Sources: fire service, city hall."""


def turns(statements) -> list[tuple[str | None, str | None, str]]:
    """(speaker name, speaker kind, words) of each transcript statement."""
    return [
        (s.speaker.name if s.speaker else None, s.speaker.kind if s.speaker else None, s.quote)
        for s in statements
        if s.kind == StatementKind.transcript
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            KREMLIN,
            [
                (
                    "Vladimir Putin",
                    "person",
                    "Good afternoon, colleagues. Madam President, ladies and gentlemen.\n\n"
                    "Our trade grew by a fifth last year, and we agreed to open a new rail link "
                    "next spring.\n\nWe also discussed the situation in the Arctic in detail.",
                ),
                (
                    "Aino Korhonen",
                    "person",
                    "Thank you, Mr President. I am glad to be in Moscow again.",
                ),
                (
                    "Question",
                    "questioner",
                    "Mr President, Minister Anna Volkova said that “the border will stay open.” "
                    "Will it?",
                ),
                (
                    "Vladimir Putin",
                    "person",
                    "I believe it will. The engineers told me the work is ahead of schedule.",
                ),
            ],
        ),
        (
            BRIEFING,
            [
                (
                    "Dmitry Peskov",
                    "person",
                    "Good morning. The President will travel to Sochi on Friday.",
                ),
                ("Question", "questioner", "Will he meet the Turkish leader there?"),
                ("Dmitry Peskov", "person", "Yes, the meeting is planned for Saturday."),
                (
                    "Maria Zakharova",
                    "person",
                    "I would add that the foreign ministers will meet as well.",
                ),
            ],
        ),
        (  # labels by office: the people the header names in that office
            WHITE_HOUSE,
            [
                (
                    "Maria Costa",
                    "person",
                    "Good afternoon. The Chancellor and I had a very productive meeting.",
                ),
                ("Question", "questioner", "Madam President, will you send more aid?"),
                ("Maria Costa", "person", "We will decide that next week."),
                ("Jonas Weber", "person", "Thank you, Madam President."),
            ],
        ),
        (
            INTERVIEW,
            [
                ("Question", "questioner", "How do you see the talks with Moscow?"),
                (
                    "Liisa Virtanen",
                    "person",
                    "They were difficult but useful.\n\nWe will meet again in the autumn.",
                ),
                ("Question", "questioner", "Will the sanctions be lifted?"),
                ("Liisa Virtanen", "person", "Not this year."),
            ],
        ),
        (  # the header names no interviewee: the answers' speaker stays unknown
            NO_INTERVIEWEE,
            [
                ("Question", "questioner", "When will the new passports be issued?"),
                (None, None, "The first ones will be issued in May."),
                ("Question", "questioner", "Can I apply online?"),
                (None, None, "Yes, from the ministry's website."),
            ],
        ),
        (
            OUTLET,
            [
                ("RT", "questioner", "Mr President, what do you expect from the summit in Geneva?"),
                (
                    "Vladimir Putin",
                    "person",
                    "I expect a frank conversation. We have many questions to discuss.",
                ),
                ("RT", "questioner", "Will you raise the question of the embassies?"),
                (
                    "Vladimir Putin",
                    "person",
                    "Certainly. It is one of the first items on the agenda.",
                ),
            ],
        ),
        (
            SPEAKER_LIST,
            [
                ("Anna Berg", "person", "It saves me twenty minutes every morning."),
                ("Tomas Lindqvist", "person", "The tolls are far too high for students."),
            ],
        ),
        (
            PRESS_QUESTIONS,
            [
                ("Kaja Saar", "person", "We will raise pensions by four percent next year."),
                ("Mark Evans", "questioner", "Prime Minister, how will you pay for the rise?"),
                ("Kaja Saar", "person", "From the savings we made on energy subsidies."),
            ],
        ),
        (  # questions that were bold: a question paragraph, then its answer
            UNLABELLED,
            [
                ("Interviewer", "questioner", "How do you judge the new trade deal?"),
                (
                    "Paul Girard",
                    "person",
                    "It is the best deal we could get. Our farmers will sell more cheese in "
                    "Europe.\n\nNobody expected it to pass so quickly.",
                ),
                ("Interviewer", "questioner", "What comes next?"),
                (
                    "Paul Girard",
                    "person",
                    "We will start talks with the Asian countries in the spring.",
                ),
            ],
        ),
        (  # each label on a line of its own, with the time of the turn
            LABEL_LINES,
            [
                (
                    "Selin Aydin",
                    "person",
                    "Good afternoon. The corridor carried two million tonnes of grain last "
                    "month, a record.",
                ),
                ("Reporter 1", "questioner", "Will the corridor stay open after the summer?"),
                (
                    "Selin Aydin",
                    "person",
                    "It will stay open as long as the ships are safe.\n\n"
                    "We are talking to the insurers every week.",
                ),
                ("Reporter 2", "questioner", "And the insurance costs?"),
                ("Selin Aydin", "person", "They have fallen by half since January."),
            ],
        ),
        (  # each turn opens with its time
            STAMPED,
            [
                ("Host", "questioner", "Minister, the waiting lists are longer than ever. Why?"),
                (
                    "Tomas Varga",
                    "person",
                    "Because we lost a thousand nurses in two years. We are hiring them back.",
                ),
                ("Host", "questioner", "When will patients notice?"),
                ("Tomas Varga", "person", "By the end of the year."),
            ],
        ),
        (  # questions marked "Q" and a gap, no colon
            PRESS_ROOM,
            [
                (
                    "Dana Whitfield",
                    "person",
                    "Good afternoon, everyone. The President will travel to Ohio on Thursday.",
                ),
                (
                    "Question",
                    "questioner",
                    "Thank you, Dana. Will the President meet the union leaders while he is there?",
                ),
                ("Dana Whitfield", "person", "He will meet them on Thursday afternoon."),
                ("Question", "questioner", "And on the tariffs — is a decision coming this week?"),
                (
                    "Dana Whitfield",
                    "person",
                    "I am not going to get ahead of the President on that.",
                ),
            ],
        ),
        (  # a TV transcript: the full name once, then the surname; a heading line is no turn
            SURNAMES,
            [
                ("Mark Dalton", "questioner", "Why not debate?"),
                (
                    "Ruth Okafor",
                    "person",
                    "Our opponent promised a clean race and is running attack ads.",
                ),
                (
                    "Mark Dalton",
                    "questioner",
                    "Your side agreed to more debates in January. Why not one more?",
                ),
                (
                    "Ruth Okafor",
                    "person",
                    "We will talk about debates when the tone of the race changes.",
                ),
            ],
        ),
        (  # news outlets ask at a ministry's briefing, each once
            OUTLETS_ASK,
            [
                (
                    "Lin Wei",
                    "person",
                    "Good afternoon. The Foreign Minister will visit Kazakhstan next week.",
                ),
                ("CCTV", "questioner", "Could you share more about the goals of the visit?"),
                ("Lin Wei", "person", "The two sides will sign agreements on trade and transport."),
                (
                    "AFP",
                    "questioner",
                    "Will the minister meet the Afghan interim government's envoy there?",
                ),
                ("Lin Wei", "person", "I have no information on that at the moment."),
            ],
        ),
        (  # a congressional hearing's record: a title, the surname in capitals, a full stop
            HEARING,
            [
                (  # an office the record names no one in
                    "Chairman",
                    "person",
                    "The committee will come to order. Today we hear from the Under Secretary.",
                ),
                (
                    "Hollis",
                    "questioner",
                    "Thank you, Mr. Chairman. Madam Under Secretary, is the icebreaker on "
                    "schedule?",
                ),
                (
                    "Varga",
                    "person",
                    "It is, Senator. The first hull will be delivered next spring.",
                ),
                ("Hollis", "questioner", "And the second?"),
                ("Varga", "person", "The second follows a year later, if the funding holds."),
                ("Chairman", "person", "Thank you. The record stays open for a week."),
            ],
        ),
        (  # "Q." and "A." with full stops, no colon
            Q_AND_A_STOPS,
            [
                ("Question", "questioner", "Why a novel about the war now?"),
                (
                    "Clara Moss",
                    "person",
                    "Because the last witnesses are leaving us. I wanted to listen to them while I "
                    "could.",
                ),
                ("Question", "questioner", "Did you travel to the front?"),
                ("Clara Moss", "person", "Twice, in the spring."),
            ],
        ),
        (  # an office as the label, its holder named in the header under another word for it
            NOON_BRIEFING,
            [
                (
                    "Tomas Lind",
                    "person",
                    "Good afternoon. The Agency is deeply concerned by the fighting in the north.",
                ),
                ("Question", "questioner", "Has the Director spoken to either side today?"),
                (
                    "Tomas Lind",
                    "person",
                    "He has not, but his envoy is in contact with both delegations.",
                ),
            ],
        ),
        (  # a name and a time, no colon; participants the record does not name
            NAME_AND_TIME,
            [
                (
                    "Ines Roth",
                    "person",
                    "Thank you all for coming tonight. The new library opens in June.",
                ),
                ("Speaker 2", "questioner", "What happens to the old building?"),
                (
                    "Ines Roth",
                    "person",
                    "It becomes a youth centre, and the city keeps the garden.",
                ),
                (None, None, "The garden should stay open to everyone, day and night."),
                ("Ines Roth", "person", "It will."),
            ],
        ),
    ],
    ids=[
        "kremlin",
        "briefing",
        "white-house",
        "q-a-interview",
        "no-interviewee",
        "outlet",
        "speaker-list",
        "press-questions",
        "unlabelled",
        "label-lines",
        "stamped",
        "press-room",
        "surnames",
        "outlets-ask",
        "hearing",
        "q-a-stops",
        "noon-briefing",
        "name-and-time",
    ],
)
def test_transcript_turns_and_speakers(statements_of, text, expected):
    assert turns(statements_of(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        *(KREMLIN, BRIEFING, INTERVIEW, OUTLET, SPEAKER_LIST, UNLABELLED),
        *(LABEL_LINES, STAMPED, NAME_AND_TIME, PRESS_ROOM),
    ],
)
def test_transcript_spans_index_the_turn_words(statements_of, text):
    statements = [s for s in statements_of(text) if s.kind == StatementKind.transcript]
    assert statements
    for statement in statements:
        assert text[statement.span[0] : statement.span[1]] == statement.quote == statement.sentence


def test_transcript_turns_win_over_quotes_inside_them(statements_of):
    """The question quotes a minister and addresses the President: it is the questioner's turn,
    neither a statement by the minister nor by the President."""
    statements = statements_of(KREMLIN)
    question = next(s for s in statements if s.speaker and s.speaker.kind == "questioner")
    assert not [
        s
        for s in statements
        if s is not question and s.span[0] < question.span[1] and question.span[0] < s.span[1]
    ]


@pytest.mark.parametrize(
    ("text", "published", "said_on", "assumed"),
    [
        (KREMLIN, "2019-03-15", "2019-03-14", False),  # the header's date: the event's
        (INTERVIEW, "2020-06-05", "2020-06-03", False),
        (BRIEFING, "2021-02-01", "2021-02-01", True),  # no date in the header
        (LABEL_LINES, "2024-04-05", "2024-04-04", False),
    ],
)
def test_transcript_dated_by_the_header(statements_of, text, published, said_on, assumed):
    statements = [s for s in statements_of(text, published) if s.kind == StatementKind.transcript]
    assert {(s.said_on, s.said_on_assumed) for s in statements} == {(said_on, assumed)}


HEADED = """Markets steady before the central bank meets

BOND WATCH: Yields on ten-year bonds fell for a third day as traders waited for the bank.

EURO TALK: Finance Minister Ruth Klein said the currency had “found its floor.”

OIL PRICES: Brent crude rose 30 cents a barrel in morning trading."""


def test_transcript_news_lines_with_labels_are_no_turns(statements_of):
    statements = statements_of(NEWS)
    assert not turns(statements)
    assert ("direct", "We are grateful to every volunteer,", "Helen Park") in [
        (s.kind, s.quote, s.speaker.name) for s in statements
    ]


def test_transcript_end_to_end_from_a_text_file(tmp_path):
    document = RawDocument(source_path=str(tmp_path / "kremlin.txt"), content=KREMLIN)
    [result] = process_batch(Batch([document]))
    found = [
        (s.speaker.name if s.speaker else None, result.article.text[s.span[0] : s.span[1]])
        for s in result.statements
        if s.kind == StatementKind.transcript
    ]
    assert result.article.title == "Press statements following talks with the President of Finland"
    assert [name for name, _ in found] == [
        "Vladimir Putin",
        "Aino Korhonen",
        "Question",
        "Vladimir Putin",
    ]
    assert found[-1][1] == "I believe it will. The engineers told me the work is ahead of schedule."
    assert {s.said_on for s in result.statements} == {"2019-03-14"}


@pytest.mark.parametrize(
    ("text", "speakers", "last"),
    [
        (
            LABEL_LINES,
            ["Selin Aydin", "Reporter 1", "Selin Aydin", "Reporter 2", "Selin Aydin"],
            "They have fallen by half since January.",
        ),
        (STAMPED, ["Host", "Tomas Varga", "Host", "Tomas Varga"], "By the end of the year."),
        (
            NAME_AND_TIME,
            ["Ines Roth", "Speaker 2", "Ines Roth", None, "Ines Roth"],
            "It will.",
        ),
        (  # questions marked "Q" and a gap, no colon; venue and time under the headline
            PRESS_ROOM,
            ["Dana Whitfield", "Question", "Dana Whitfield", "Question", "Dana Whitfield"],
            "I am not going to get ahead of the President on that.",
        ),
    ],
    ids=["label-lines", "stamped", "name-and-time", "press-room"],
)
def test_transcript_timed_forms_from_a_text_file(tmp_path, text, speakers, last):
    """Through cleaning too: the first label above the first turn stays, every short turn
    stays, and the headline is the title."""
    document = RawDocument(source_path=str(tmp_path / "transcript.txt"), content=text)
    [result] = process_batch(Batch([document]))
    found = [s for s in result.statements if s.kind == StatementKind.transcript]
    assert [s.speaker.name if s.speaker else None for s in found] == speakers
    assert found[-1].quote == last
    assert result.article.title == text.split("\n", 1)[0]


def test_transcript_an_initial_is_no_answer(statements_of):
    """ "A." opens an answer only on a page whose questions are marked "Q": elsewhere it is an
    initial."""
    text = (
        "Council approves the new budget\n\n"
        "A. J. Moreno, the council's treasurer, said the budget was balanced.\n\n"
        "A. Moreno, his deputy, said the reserve would grow.\n\n"
        "A. Lindqvist: The deficit is gone, and we will keep it that way.\n\n"
        "A. Lindqvist: We will publish the accounts every quarter."
    )
    assert [name for name, _, _ in turns(statements_of(text))] == ["A. Lindqvist"] * 2


def test_transcript_dated_by_a_date_line_cleaning_took_out(tmp_path):
    """The header's date line is the event's date, though cleaning keeps it as the article's
    publication date and out of the text."""
    document = RawDocument(source_path=str(tmp_path / "briefing.txt"), content=LABEL_LINES)
    [result] = process_batch(Batch([document]))
    found = [s for s in result.statements if s.kind == StatementKind.transcript]
    assert found
    assert {(s.said_on, s.said_on_assumed) for s in found} == {("2024-04-04", False)}


def test_transcript_headed_sections_are_no_turns(statements_of):
    """All-caps section headings are no speakers (the tagger reads one as a name now and then)."""
    statements = statements_of(HEADED)
    assert not turns(statements)
    assert "Ruth Klein" in [s.speaker.name for s in statements]


HEADLINE_LABELS = """Senate passes the farm bill after a long night

WASHINGTON — The Senate passed the farm bill early on Friday, 61 to 38.

“This bill keeps family farms alive,” Senator Ellen Marsh said after the vote.

Ellen Marsh: Farm Families Deserve A Bill That Lasts A Decade.

Related:

Ellen Marsh: Why I Will Not Vote For The Dairy Cuts This Year."""

SECTION_HEADINGS = """Three ideas from the primary worth another look

The candidates who left the race took some good ideas with them.

Ellen Marsh: Child care. Senator Ellen Marsh wanted every county to run a day-care centre.

Her plan would cost less than the tax cut that passed last year.

Tom Ruiz: Rail. Governor Tom Ruiz proposed a fast train between the three largest cities.

Paul Okafor: Broadband. Okafor's plan put a fibre line in every school."""


@pytest.mark.parametrize(
    "text",
    [HEADLINE_LABELS, SECTION_HEADINGS],
    ids=["headlines-in-title-case", "headings-over-reporting"],
)
def test_transcript_names_over_headlines_and_reports_are_no_turns(statements_of, text):
    """ "Name: Words In Title Case" is a headline; "Name: topic. Senator Name proposed …" is a
    section heading over reporting about that person: neither is what the name said."""
    assert not turns(statements_of(text))


EXCHANGE = """Governor defends the water plan on Sunday television

Governor Rosa Delgado defended her water plan on Sunday in a television interview.

BRENNAN: Governor, will farmers pay more for water?

DELGADO: No. Farmers will pay what they pay today.

BRENNAN: And the cities?

DELGADO: The cities will pay a little more, and they agreed to it.

{after}

The legislature votes on the plan next month."""


@pytest.mark.parametrize(
    "after",
    [
        "Delgado has pushed the plan since her election in 2014.",  # the speaker in third person
        "SACRAMENTO — Farm groups said they would wait for the vote.",  # a dateline
        "Follow Nina Brennan on Twitter @ninabrennan.",  # a sign-off
    ],
    ids=["third-person", "dateline", "sign-off"],
)
def test_transcript_last_turn_ends_where_reporting_resumes(statements_of, after):
    found = turns(statements_of(EXCHANGE.format(after=after)))
    assert [(name, words) for name, _, words in found] == [
        ("Brennan", "Governor, will farmers pay more for water?"),
        ("Rosa Delgado", "No. Farmers will pay what they pay today."),
        ("Brennan", "And the cities?"),
        ("Rosa Delgado", "The cities will pay a little more, and they agreed to it."),
    ]


REPORTS_IN_TURNS = """Interview with Health Minister Rosa Lind

The interview took place in Oslo on March 6, 2025.

Q: Will the clinics reopen? The mayor said on Friday that they would not.

ROSA LIND: Yes. The chief medical officer, Dr. Amir Haddad, told me on Monday that the last \
inspections are done. I told the mayors that we would pay for the repairs.

Q: Your critics say the delay cost lives.

LIND: Our opponents said last year that the clinics would close, and they were wrong."""


def test_transcript_words_a_turn_reports_are_their_speakers(statements_of):
    """An answer that reports what someone else said gives that person a statement, dated from
    the interview (a Monday before March 6, not before publication); the speaker's own report
    ("I told the mayors"), a question's framing and a description seen from the speaker ("our
    opponents") stay the turn's."""
    statements = statements_of(REPORTS_IN_TURNS, "2025-03-12")
    assert [s.speaker.name for s in statements if s.kind == StatementKind.transcript] == [
        "Question",
        "Rosa Lind",
        "Question",
        "Rosa Lind",
    ]
    reported = [s for s in statements if s.kind != StatementKind.transcript]
    assert [(s.speaker.name, s.quote, s.said_on, s.said_on_assumed) for s in reported] == [
        ("Amir Haddad", "that the last inspections are done", "2025-03-03", False)
    ]


OFFICE_FIRST = """Meeting with permanent members of the Security Council

Vladimir Putin held a meeting with permanent members of the Security Council.

October 6, 2023, Novo-Ogaryovo, Moscow Region

President of Russia Vladimir Putin: Good afternoon, colleagues. Today we will discuss the \
harvest. Mr Volkov, please.

Minister of Agriculture Pavel Volkov: Mr President, colleagues, the harvest was larger than \
forecast.

Vladimir Putin: Thank you. We will come back to this next week.

Pavel Volkov: Certainly."""


OFFICE_THEN_SURNAME = """Meeting on the harvest

Vladimir Putin met members of the government on Friday.

President of Russia Vladimir Putin: Good afternoon, colleagues. Mr Volkov, please.

Minister of Agriculture Pavel Volkov: Mr President, the harvest was larger than forecast.

PUTIN: Thank you. One more question, then.

VOLKOV: Certainly."""


@pytest.mark.parametrize("text", [OFFICE_FIRST, OFFICE_THEN_SURNAME])
def test_transcript_label_with_the_office_before_the_name(statements_of, text):
    """The Kremlin writes a speaker's first label with the office ("President of Russia Vladimir
    Putin:"), later ones with the name or the surname: one person, the office their role in
    every turn."""
    statements = [s for s in statements_of(text) if s.kind == StatementKind.transcript]
    assert [s.speaker.name for s in statements] == [
        "Vladimir Putin",
        "Pavel Volkov",
        "Vladimir Putin",
        "Pavel Volkov",
    ]
    assert statements[1].quote.startswith("Mr President, ")
    assert {(s.speaker.role, s.speaker.affiliation) for s in statements[::2]} == {
        ("President", "Russia")
    }
