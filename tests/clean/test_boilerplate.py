"""The structural passes: title and its repeats, date lines, the body among page furniture."""

from __future__ import annotations

import pytest

from quotetrail.clean.boilerplate import (
    body_bounds,
    choose_title,
    clean_lines,
    is_prose,
    looks_like_content,
    split_lines,
)

PARA = (
    "The minister told reporters on {0} that the negotiations would resume in the capital next "
    "week."
)
MENU = ["Home", "World", "Business", "Sport", "Culture", "Opinion"]


def test_boilerplate_split_lines_collapses_spaces_and_drops_blanks() -> None:
    assert split_lines("  News   /  World \n\n\u00a0\nBody  text ") == ["News / World", "Body text"]


def test_boilerplate_is_prose() -> None:
    assert is_prose(PARA.format("Monday"))
    assert not is_prose("Harbour reopens after storm")
    assert not is_prose(" ".join(["tag"] * 40))  # a tag cloud has no punctuation


def test_boilerplate_title_repeat_removed_and_title_kept_apart() -> None:
    lines = [
        "Harbour reopens after storm",
        "July 6, 2024 3:25 am",
        "Harbour reopens after storm",
        PARA.format("Monday"),
        PARA.format("Tuesday"),
    ]
    cleaned = clean_lines(lines)
    assert cleaned.title == "Harbour reopens after storm"
    assert cleaned.lines == [PARA.format("Monday"), PARA.format("Tuesday")]
    assert [r.rule for r in cleaned.removed] == ["date_line", "title", "title_repeat"]
    assert cleaned.stated is not None and cleaned.stated.time == "03:25"


def test_boilerplate_title_is_nearest_headline_above_body() -> None:
    head = [*MENU, "Storm hits the coast again", "Harbour reopens after a week"]
    assert (
        choose_title([*head, PARA.format("Monday")], body_start=len(head))
        == "Harbour reopens after a week"
    )
    cleaned = clean_lines([*head, "By Jane Roe", PARA.format("Monday")])
    assert cleaned.title == "Harbour reopens after a week"
    assert ("By Jane Roe", "byline") in [(r.text, r.rule) for r in cleaned.removed]


def test_boilerplate_body_drops_menus_and_footer_lists() -> None:
    body = [PARA.format(day) for day in ("Monday", "Tuesday", "Wednesday")]
    footer = ["Most read", "Storm hits coast", "Election date set", "Contact", "Jobs", "Imprint"]
    cleaned = clean_lines([*MENU, "Harbour reopens after a week", *body, *footer])
    assert cleaned.lines == body
    assert {r.rule for r in cleaned.removed} >= {"outside_body", "title"}


def test_boilerplate_body_prefers_run_below_date_line() -> None:
    article = [PARA.format(day) for day in ("Monday", "Tuesday")]
    teasers = [
        PARA.format(day) + " More teaser text follows here." for day in ("Friday", "Saturday")
    ]
    lines = ["November 19, 2019 at 9:45 am", *article, *MENU, *MENU, *teasers]
    start, end = body_bounds(lines[1:], anchors=[0])
    assert lines[1:][start:end] == article


def test_boilerplate_comment_section_ends_body() -> None:
    article = [PARA.format(day) for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")]
    comments = [
        f"I think this is the best thing that happened to the city in years, honestly, number {n}."
        for n in range(8)
    ]
    cleaned = clean_lines([*article, "167 comments", *comments])
    assert cleaned.lines == article


def test_boilerplate_announced_list_extends_body() -> None:
    article = [PARA.format(day) for day in ("Monday", "Tuesday")]
    listing = [
        "The tour dates are as follows:",
        "June 9 -- Riverside Arena, Springfield",
        "June 10 -- Harbour Hall, Portsmouth",
    ]
    cleaned = clean_lines([*article, *listing, *MENU])
    assert cleaned.lines == article + listing


def test_boilerplate_statement_outside_body_is_kept() -> None:
    article = [PARA.format(day) for day in ("Monday", "Tuesday")]
    quote = "“We will be back,” she said."
    cleaned = clean_lines([*article, *MENU, quote])
    assert quote in cleaned.lines


def test_boilerplate_repeated_line_kept_once() -> None:
    caption = "The defence secretary shakes hands with his counterpart in Hanoi on Wednesday."
    body = [PARA.format("Monday"), caption, PARA.format("Tuesday"), caption, PARA.format("Friday")]
    cleaned = clean_lines(body)
    assert cleaned.lines.count(caption) == 1
    assert [r.rule for r in cleaned.removed] == ["duplicate_line"]


def test_boilerplate_repeated_teaser_block_dropped_everywhere() -> None:
    teasers = [
        f"Teaser number {n} tells of another story that happened elsewhere in the country today."
        for n in range(3)
    ]
    article = [
        PARA.format(day)
        for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    ]
    cleaned = clean_lines([*teasers, *MENU, *article, *MENU, *teasers])
    assert cleaned.lines == article
    assert [r.rule for r in cleaned.removed].count("repeated_block") == 6


def test_boilerplate_list_with_time_stamps_loses_to_article() -> None:
    article = [PARA.format(day) for day in ("Monday", "Tuesday", "Wednesday")]
    videos = []
    for n in range(8):
        videos += [
            f"Video {n} headline",
            f"A summary of video number {n} that is long enough to read like prose here.",
            f"{n + 1}H ago 08:5{n}",
        ]
    cleaned = clean_lines([*MENU, "Harbour reopens after a week", *article, *MENU, *videos])
    assert cleaned.lines == article


def test_boilerplate_article_shown_twice_kept_once() -> None:
    article = [PARA.format(day) for day in ("Monday", "Tuesday", "Wednesday")]
    cleaned = clean_lines([*article, *MENU, *article])
    assert cleaned.lines == article
    assert "repeated_block" not in {r.rule for r in cleaned.removed}


def test_boilerplate_short_quoted_paragraph_after_body_kept() -> None:
    article = [PARA.format(day) for day in ("Monday", "Tuesday")]
    cleaned = clean_lines([*article, "“We will see.”", *MENU])
    assert cleaned.lines == [*article, "“We will see.”"]


QA_PAGE = [
    "Q: Why did the council close the bridge?",
    "A: The inspectors found cracks in two of the supports, and the engineers advised us to "
    "close it until the repairs are done.",
    "Q: Cracks where",
    "A: In the north supports",
    "Q: Both of them",
    "A: Yes, both",
    "Q: And the cost",
    "A: Not known yet",
    "Q: How long will it stay closed?",
    "A: We expect the work to take about six weeks, weather permitting, and we will publish "
    "a weekly update on our site.",
    "Q: Where can drivers cross instead?",
    "A: The old ferry runs every twenty minutes from the north pier, and buses will use the "
    "ring road during the closure.",
]
LIST_PAGE = [
    "Our volunteers can help you with many things around the house, and the service is free "
    "for residents over seventy.",
    "What we offer:",
    "1. Small repairs",
    "2. Shopping trips",
    "3. Garden work",
    "4. Reading and letters",
    "5. Lifts to the clinic",
    "6. Company on long afternoons",
    "Call the office on weekdays to book a visit, and a volunteer will call you back within "
    "two days to arrange a time.",
]
HEADED_PAGE = [
    "Everything a new member needs to know about the town library is on this page, section "
    "by section.",
    "Opening hours",
    "The library opens at nine on weekdays and at ten on Saturdays, and it stays closed on "
    "public holidays.",
    "Borrowing",
    "Members may borrow up to twelve books at a time, and each loan lasts three weeks unless "
    "someone else has reserved the book.",
    "Events",
    "Reading groups meet on the first Tuesday of every month, and the children's story hour "
    "runs every Saturday morning.",
]


@pytest.mark.parametrize("page", [QA_PAGE, LIST_PAGE, HEADED_PAGE], ids=["qa", "list", "headed"])
def test_boilerplate_page_of_parts_survives_whole(page: list[str]) -> None:
    cleaned = clean_lines([*MENU, "Site name and a tagline", *page, *MENU], title="Page title")
    assert cleaned.lines == page


def test_boilerplate_headline_above_a_dateline_stays_the_title() -> None:
    turns = [
        "Vladimir Putin: Good afternoon, colleagues. Today we will talk about how the regions "
        "are ready for the flood season.",
        "Question: Mr President, will the budget pay for new pumps in the river towns this year?",
        "Vladimir Putin: The money is set aside, and the Government will report on it in a month.",
    ]
    cleaned = clean_lines(["Meeting on the flood season", "Moscow, 20 August 2021", *turns])
    assert cleaned.title == "Meeting on the flood season"
    assert cleaned.lines == turns
    assert cleaned.stated is not None and cleaned.stated.day.isoformat() == "2021-08-20"


TURNS_BELOW_LABELS = [
    "Selin Aydin (00:00:04):",
    "Good afternoon. The corridor carried two million tonnes of grain last month, a record "
    "for the route since it opened.",
    "Reporter 1 (00:00:31):",
    "Will the corridor stay open after the summer, when the insurers review the route?",
    "Selin Aydin (00:00:38):",
    "It will stay open as long as the ships are safe, and we are talking to the insurers "
    "every week.",
]
SHORT_TURNS = [
    "Ines Roth 0:03",
    "Thank you all for coming tonight. The new library opens in June.",
    "Speaker 2 0:41",
    "What happens to the old building?",
    "Ines Roth 0:47",
    "A youth centre.",
    "Ines Roth 1:52",
    "It will.",
]


@pytest.mark.parametrize(
    "turns", [TURNS_BELOW_LABELS, SHORT_TURNS], ids=["labels-above-turns", "short-turns"]
)
def test_boilerplate_transcript_turns_keep_their_labels(turns: list[str]) -> None:
    """A label on a line of its own (with the turn's time) belongs to the turn below it, the
    first one too, however short the turns."""
    cleaned = clean_lines(["Town hall meeting with the mayor", *turns, *MENU])
    assert cleaned.title == "Town hall meeting with the mayor"
    assert cleaned.lines == turns


def test_boilerplate_label_lines_after_a_news_body_stay_out() -> None:
    """A lead-in under an article that no other line repeats is no transcript's label."""
    article = [PARA.format(day) for day in ("Monday", "Tuesday", "Wednesday")]
    cleaned = clean_lines([*article, "Related coverage:", "Storm season starts early.", *MENU])
    assert cleaned.lines == article


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Question: Will the bridge reopen?", True),
        ("Ines Roth 0:47", True),
        ("Reporter 1 (00:00:31):", True),
        ("PUTIN: Yes", True),
        ("Rates: $15 a day", True),
        ("3. Garden work", True),
        ("• Shopping trips", True),
        ("We will see it soon.", True),
        ("stay closed until the spring and the ferry", True),
        ("The aims of the survey were to:", True),
        ("Garden work", False),
        ("Home", False),
        ("Sign in", False),
    ],
)
def test_boilerplate_looks_like_content(line: str, expected: bool) -> None:
    assert looks_like_content(line) is expected


POST = (
    "On {0} the allotment society met in the church hall to plan the spring planting, and the "
    "members agreed to share seed potatoes, to repair the water butts before April, and to "
    "invite the school to take over two of the empty plots for its garden club."
)


def test_boilerplate_list_of_whole_posts_is_kept() -> None:
    """Date lines between posts of several paragraphs each are a blog's front page, not a list
    of teasers: the posts stay, the sidebar prose after the menu goes."""
    days = ("Monday", "Tuesday", "Wednesday", "Thursday")
    posts: list[str] = []
    for week in ("13", "6", "1"):
        posts += [f"March {week}, 2006", *(POST.format(f"{day} the {week}th") for day in days)]
    sidebar = [PARA.format(day) for day in (*days, "Friday", "Saturday", "Sunday")]
    cleaned = clean_lines([*MENU, *posts, *MENU, *sidebar])
    assert cleaned.lines == [line for line in posts if line.startswith("On ")]


def test_boilerplate_wrapped_turns_join_the_body() -> None:
    """A transcript wrapped at a fixed width goes on in lower case: the lines are no prose, but
    they join the body rather than end it."""
    article = [PARA.format(day) for day in ("Monday", "Tuesday", "Wednesday", "Thursday")]
    wrapped = [
        "QUESTION: Can you say when the council will",
        "open the bridge again and whether the",
        "ferry will keep running in the meantime",
        "for the people who live on the north",
        "shore and drive to the town every day",
        "or take their children to the school",
        "on the other side of the river?",
        "MR. HOLT: The bridge reopens when the engineers have signed off the repairs, "
        "and not a day before that.",
    ]
    cleaned = clean_lines([*MENU, *article, *wrapped, *MENU])
    assert cleaned.lines == [*article, *wrapped]
