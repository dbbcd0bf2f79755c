"""Outlets: from the URL, else from what the text says about itself."""

from __future__ import annotations

import pytest

from quotetrail.clean.outlets import (
    known_outlet,
    outlet_for_domain,
    outlet_from_text,
    outlet_from_url,
    outlet_table,
    strip_signature,
)


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.rt.com/news/532900-russia/", "RT"),
        ("https://russian.rt.com/world", "RT"),
        ("https://edition.cnn.com/2021/08/23/x", "CNN"),
        ("https://news.example.org/a", "news.example.org"),
        (None, None),
    ],
)
def test_outlets_from_url(url: str | None, outlet: str | None) -> None:
    assert outlet_from_url(url) == outlet


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Body.\nThe post Big News appeared first on Zenger News.", "Zenger News"),
        ("Body.\nPress TV’s website can also be accessed at the following addresses:", "Press TV"),
        ("Body.\nAlso on rt.com Something happened", "RT"),
        ("Body ends here.”Brinkwire Summary News”.", "Brinkwire"),
        ("A text that names no outlet at all.", None),
        ("Apple’s website crashed on Monday.\n" + "The outage lasted hours.\n" * 10, None),
        # a wire's dateline names who filed the story, by name or by the name it goes by
        ("Talks fail\nBRUSSELS, Oct 14 (Reuters) - Ministers failed to agree.", "Reuters"),
        ("Storm nears\nMIAMI (AP) — The storm strengthened overnight.", "Associated Press"),
        ("Storm nears\nMIAMI (Staff) — The storm strengthened overnight.", None),
        ("Drug control\nMOSCOW, March 14. /TASS/. Moscow expects results.", "TASS"),
        ("Storm nears\nThe storm (AP) strengthened overnight.", None),  # no dateline
    ],
)
def test_outlets_from_text_signatures(text: str, outlet: str | None) -> None:
    assert outlet_from_text(text) == outlet


def test_outlets_table_domains_are_unique_and_resolve() -> None:
    domains = [domain for outlet in outlet_table() for domain in outlet.domains]
    assert len(domains) == len(set(domains))
    assert all(outlet_for_domain(domain) for domain in domains)


def test_outlets_strip_glued_signature() -> None:
    assert strip_signature("would inspire some actions in.”Brinkwire Summary News”.") == (
        "would inspire some actions in.”",
        "Brinkwire Summary News”.",
    )
    assert strip_signature("An ordinary last line.") == ("An ordinary last line.", "")


@pytest.mark.parametrize(
    ("name", "outlet"),
    [
        *(("AFP", "AFP"), ("global times", "Global Times"), ("cctv", "CCTV"), ("Lin Wei", None)),
        *(("AP", "Associated Press"), ("Agence France-Presse", "AFP")),  # aliases
    ],
)
def test_outlets_known_outlet_by_name(name: str, outlet: str | None) -> None:
    assert known_outlet(name) == outlet
