"""Every line rule: what it removes, what it must leave alone, and statement protection."""

from __future__ import annotations

import pytest

from quotetrail.clean.boilerplate import clean_lines
from quotetrail.clean.rules import OVERRIDE_PROTECTION, RULES, carries_statement

CASES: dict[str, tuple[list[str], list[str]]] = {
    "furniture_phrase": (
        ["Related Articles", "Back to top button", "Podcasts", "SHARE THIS ARTICLE"],
        ["Related articles show the risk of escalation in the region.", "Back to the talks"],
    ),
    "icon_dump": (
        ["icon bookmark-bicon bookmarkicon cameraicon checkicon chevron downicon chevron lefticon"],
        ["The icon of the revolution was honoured on Monday."],
    ),
    "breadcrumb": (
        ["News / Afghanistan / Russia", "Home > World > Asia", "World » Europe"],
        ["The ratio was 3 / 4 of all votes cast in the city on Sunday.", "Home"],
    ),
    "media_timer": (["0:00", "26:12", "1:02:33 / 1:05:00"], ["12:15 GMT talks begin", "Score 2:1"]),
    "timestamp": (
        ["2 days ago at 07:52 am", "7H ago 08:51", "Nov 7 23:05", "5 hours ago"],
        [
            "2 days ago the minister resigned after weeks of pressure from his own party.",
            "Nov 7 was a Monday",
        ],
    ),
    "cross_link": (
        [
            "Also on rt.com Russia’s talks with Taliban are latest proof",
            "READ MORE: Taliban name new cabinet",
            "Related: Kabul airport",
        ],
        [
            "Also on Monday, the envoy met the delegation.",
            "Read more about it in the report, she said.",
        ],
    ),
    "appeared_first_on": (
        ["The post Russia Will Not Interfere appeared first on Zenger News."],
        ["The post office appeared first on the list of buildings."],
    ),
    "editing_credit": (
        ["Edited by Saptak Datta and Ritaban Misra", "Additional reporting by Jane Roe in Kabul"],
        [
            "He was edited out of the film.",
            "The bill was written by the committee chairman last year and passed after a long "
            "debate.",
        ],
    ),
    "source_credit": (
        ["(With inputs from ANI)", "Source: Reuters", "(With agency inputs)"],
        ["Sources close to the talks said no deal was near, and the meeting ended early."],
    ),
    "photo_caption": (
        [
            "Putin speaks during a news conference in Moscow on August 20, 2021. (Photo by AFP)",
            "The Taliban took over the country. (Kim Kyung-Hoon - Pool/Getty Images)",
            "Photo: Reuters",
            "Soldiers at the airport | Getty Images",
        ],
        [
            "The patient file (ePA) is under discussion.",
            "He was pictured with the president in 2019.",
        ],
    ),
    "site_promotion": (
        [
            "If you like this story, share it with a friend!",
            "Press TV’s website can also be accessed at the following alternate addresses:",
            "Follow us on Telegram",
            "Copyright © 2021 Example",
        ],
        ["He did not like the story the minister told parliament."],
    ),
    "category_glue": (
        ["AfghanistanGeo-politicsHighlights news", "WorldEuropeAsia"],
        ["iPhone sales rose.", "McDonald said so."],
    ),
    "comments_heading": (
        [
            "Comments",
            "[ 167 comments ]",
            "Leave a Reply",
            "Comments are closed.",
            "Join the conversation",
        ],
        ["The comments he made were widely criticised by the opposition."],
    ),
    "byline": (
        ["By Joe Rossignol", "By JERUSALEM POST STAFF", "Written by Jane Roe"],
        ["By Monday, the troops had left.", "Bye"],
    ),
    "teaser": (
        [
            "Bridge Closed After Storm Damage ReportedA 40-year-old driver and a "
            "33-year-old passenger were rescued",
            "Are City Parks Getting Safer?Crime fell in most districts but one park saw a rise",
        ],
        [
            "Apple Announces New MacBook Pro with a faster chip and more memory today.",
            "The YouTube channel was removed on Monday.",
        ],
    ),
    "legal_notice": (
        [
            "Apple logo and iPhone are registered trademarks of Apple Inc.",
            "© 2019 Associated Press. All Rights Reserved.",
        ],
        ["The court ruled on the privacy of users in a landmark case."],
    ),
}


def test_rules_every_registered_rule_has_cases() -> None:
    assert set(RULES) == set(CASES)


@pytest.mark.parametrize(
    ("name", "line"), [(name, line) for name, (hits, _) in CASES.items() for line in hits]
)
def test_rules_rule_matches_furniture(name: str, line: str) -> None:
    assert RULES[name](line)


@pytest.mark.parametrize(
    ("name", "line"), [(name, line) for name, (_, misses) in CASES.items() for line in misses]
)
def test_rules_rule_leaves_content_alone(name: str, line: str) -> None:
    assert not RULES[name](line)


@pytest.mark.parametrize(
    ("line", "protected"),
    [
        ("“We will not interfere,” said Putin.", True),
        ('He said: "no comment" to reporters.', True),
        ('Trump says he\'ll "strongly consider" submitting testimony', False),
        ("Afghanistan’s president said he had stepped down.", False),
        ("“Breaking” news banner", False),
    ],
)
def test_rules_carries_statement(line: str, protected: bool) -> None:
    assert carries_statement(line) is protected


def test_rules_statement_line_survives_matching_rule() -> None:
    caption_with_quote = "“We are ready,” the minister said at the airport. (Photo by AFP)"
    assert RULES["photo_caption"](caption_with_quote) and "photo_caption" not in OVERRIDE_PROTECTION
    body = [
        "A long first paragraph that reads like prose and has more than twelve words in it, "
        "clearly."
    ]
    cleaned = clean_lines([*body, caption_with_quote])
    assert caption_with_quote in cleaned.lines


def test_rules_cross_link_overrides_protection() -> None:
    link = "Also on rt.com Putin warns fighters ‘disguised as refugees’ could flow out, he said"
    body = [
        "A long first paragraph that reads like prose and has more than twelve words in it, "
        "clearly."
    ]
    cleaned = clean_lines([*body, link, body[0].replace("first", "second")])
    assert link not in cleaned.lines
    assert [r.rule for r in cleaned.removed] == ["cross_link"]
