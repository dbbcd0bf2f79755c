"""Stance of the speaker toward each target: seed-style cases and fresh ones."""

from __future__ import annotations

import pytest

from quotetrail.analyze.stance import stance_for, stances_for
from quotetrail.extract import extract_statements
from quotetrail.extract.segment import with_line_breaks
from quotetrail.nlp import load_pipeline
from quotetrail.records import Article, Statement


def judge(
    text: str, about: list[str], quote: str | None = None, with_doc: bool = True
) -> dict[str, dict]:
    quote = quote or text
    start = text.index(quote)
    statement = Statement(
        article_id="t",
        kind="direct",
        quote=quote,
        sentence=text,
        span=(start, start + len(quote)),
        about=about,
    )
    return stance_for(statement, load_pipeline()(text) if with_doc else None)


@pytest.mark.parametrize(
    "text, target, label",
    [
        # seed-style statements
        (
            "Russia would not remove the group from its list of terrorist organizations.",
            "Taliban",
            "oppose",
        ),
        ("Moscow has no intention of supporting the Taliban terrorist group.", "Taliban", "oppose"),
        (
            "And in this sense, the Taliban are certainly our allies in the fight against "
            "terrorism.",
            "Taliban",
            "support",
        ),
        # the target is nowhere in it: no stance toward the target can be read
        ("We are keeping a close eye on this situation.", "Taliban", "unrated"),
        (
            "Putin said that the Taliban is one of Moscow's allies in the fight against terrorism.",
            "Taliban",
            "support",
        ),
        # predication decides over the sentence's tone: a series of appositives names the target
        (
            "Putin has called the Taliban, the armed group in power in Afghanistan, an ally of "
            "Moscow in the fight against terrorism.",
            "Taliban",
            "support",
        ),
        (
            "The rebels, the armed group in the hills, a threat to everyone, marched on.",
            "rebels",
            "oppose",
        ),
        (
            "Moscow was in no hurry to recognize the Taliban as a legitimate force.",
            "Taliban",
            "oppose",
        ),
        # fresh: negation flips the cue
        (
            "The government will recognise the Northern Front next week.",
            "Northern Front",
            "support",
        ),
        ("The government will never recognise the Northern Front.", "Northern Front", "oppose"),
        ("We refuse to cooperate with the Northern Front.", "Northern Front", "oppose"),
        (
            "We will remove the movement from the list of banned organisations.",
            "movement",
            "support",
        ),
        # fresh: the target as object of a stance verb vs as its subject
        ("The council condemned the Harbour League for the attack.", "Harbour League", "oppose"),
        ("Our ministry strongly supports the Harbour League.", "Harbour League", "support"),
        ("The Harbour League was finally recognised by the ministry.", "Harbour League", "support"),
    ],
)
def test_stance_labels(text, target, label):
    assert judge(text, [target])[target]["label"] == label


def test_stance_subject_of_stance_verb_is_not_its_object():
    """'X condemned Y' is no cue about X: the cue must not make X opposed with full confidence."""
    as_object = judge("The minister condemned the Harbour League.", ["Harbour League"])[
        "Harbour League"
    ]
    as_subject = judge("The Harbour League condemned the minister.", ["Harbour League"])[
        "Harbour League"
    ]
    assert as_object["source"] == "cue" and as_subject["source"] == "model"


@pytest.mark.parametrize(
    "text, stances",
    [
        (
            "Russia supports the Taliban but condemns ISIS.",
            {"Taliban": "support", "ISIS": "oppose"},
        ),
        ("The minister praised Kyiv and denounced Minsk.", {"Kyiv": "support", "Minsk": "oppose"}),
        (
            "We reject Alpha Corp and welcome Beta Corp.",
            {"Alpha Corp": "oppose", "Beta Corp": "support"},
        ),
    ],
)
def test_stance_two_targets_opposite_in_one_sentence(text, stances):
    result = judge(text, list(stances))
    assert {target: entry["label"] for target, entry in result.items()} == stances


@pytest.mark.parametrize(
    "text, target, words",
    [
        ("The Taliban are certainly our allies.", "Taliban", "allies"),
        (
            "We have no intention of supporting the Northern Front.",
            "Northern Front",
            "not supporting",
        ),
    ],
)
def test_stance_evidence_names_the_cue(text, target, words):
    entry = judge(text, [target])[target]
    assert words in entry["evidence"] and 0.5 < entry["score"] <= 1.0


def test_stance_framing_outside_the_quote_is_not_the_speakers():
    text = (
        "Although the group is banned in Russia, Putin said that the Taliban is one of Moscow's "
        "allies."
    )
    quote = "the Taliban is one of Moscow's allies"
    assert judge(text, ["Taliban"], quote=quote)["Taliban"]["label"] == "support"


def test_stance_target_outside_quote_found_in_sentence():
    text = "About the Northern Front, the minister said: we will never recognise them."
    entry = judge(text, ["Northern Front"], quote="we will never recognise them.")["Northern Front"]
    assert entry["label"] == "oppose"


def test_stance_without_doc_parses_the_sentence():
    assert (
        judge(
            "Our ministry strongly supports the Harbour League.", ["Harbour League"], with_doc=False
        )["Harbour League"]["label"]
        == "support"
    )


@pytest.mark.parametrize("hostile", ["\x1b[31m" * 50, "(" * 300, "Taliban " * 400, ""])
def test_stance_hostile_text_gives_a_valid_label(hostile):
    entry = judge(hostile + " end.", ["Taliban"])["Taliban"]
    assert entry["label"] in ("support", "oppose", "neutral", "unrated")
    assert 0.0 <= entry["score"] <= 1.0


def test_stance_acronym_target_is_not_a_pronoun():
    """'us' in the quote is not the target 'US': the US, named outside the quote, is what is
    judged."""
    text = "The US was condemned again; the minister said: they will never support us."
    entry = judge(text, ["US"], quote="they will never support us.")["US"]
    assert entry["mention"] != "us"


def judge_kind(text: str, quote: str, kind: str, about: list[str]) -> dict[str, dict]:
    start = text.index(quote)
    statement = Statement("t", kind, quote, text, (start, start + len(quote)), about=about)
    return stance_for(statement, load_pipeline()(text))


def test_stance_description_stands_for_the_group_and_names_the_tie():
    text = (
        "Hezbollah took over the ministries in Lebanon. Hezbollah guards the airport. "
        "The envoy said: the new Lebanese authorities are reliable partners of our country."
    )
    quote = "the new Lebanese authorities are reliable partners of our country."
    result = judge_kind(text, quote, "direct", ["Lebanon"])
    assert list(result) == ["Hezbollah"]
    assert result["Hezbollah"]["label"] == "support"
    assert "the new Lebanese authorities" in result["Hezbollah"]["via"]


@pytest.mark.parametrize(
    "quote",
    [
        "The Harbour League is so 'democratic' these days.",
        "The Harbour League are our so-called friends.",
    ],
)
def test_stance_irony_is_marked_not_read_as_support(quote):
    entry = judge(quote, ["Harbour League"])["Harbour League"]
    assert entry["label"] != "support" and entry["irony"] and entry["score"] <= 0.4


def test_stance_plain_praise_is_no_irony():
    entry = judge("The Harbour League is a democratic partner.", ["Harbour League"])
    assert entry["Harbour League"]["label"] == "support" and "irony" not in entry["Harbour League"]


@pytest.mark.parametrize(("kind", "rated"), [("indirect", False), ("direct", True)])
def test_stance_reporters_scene_setting_does_not_vote(kind, rated):
    """In reported speech, "after X brutally seized the war-torn capital" is the reporter's
    framing; in the speaker's own words it is theirs, and the model reads it."""
    text = (
        "The minister said his country would keep its embassy open after the Harbour League "
        "brutally seized the war-torn capital."
    )
    quote = text[len("The minister said ") :]
    entry = judge_kind(text, quote, kind, ["Harbour League"])["Harbour League"]
    assert (entry["label"] != "unrated") is rated
    assert rated or "after the Harbour League" in entry["evidence"]


def test_stance_scare_quotes_closing_after_the_quote_span():
    """The statement's quote stops inside the scare quotes ("the Taliban are ‘democratic"):
    the marks are read on the sentence around it."""
    text = "Russia wants to stay in Kabul, claiming the Taliban are ‘democratic.’"
    quote = "the Taliban are ‘democratic"
    entry = judge_kind(text, quote, "indirect", ["Taliban"])["Taliban"]
    assert entry["label"] != "support" and "democratic" in entry["irony"]


def test_stance_reporters_aside_about_a_place_does_not_vote():
    text = (
        "Putin criticised the policy of imposing values on Afghanistan, which has fallen to the "
        "Harbour League amid a messy withdrawal."
    )
    quote = text[len("Putin criticised ") :]
    entry = judge_kind(text, quote, "indirect", ["Harbour League"])["Harbour League"]
    assert entry["label"] == "unrated" and "which has fallen" in entry["evidence"]


@pytest.mark.parametrize(("kind", "read"), [("indirect", False), ("direct", True)])
def test_stance_learned_model_reads_reported_speech_without_the_reporters_label(
    monkeypatch, kind, read
):
    """In reported speech "the Harbour League extremist group" is the reporter's label: the
    learned model reads the speaker's content without it; in the speaker's own words it stays."""
    from quotetrail.analyze import minilm

    if not minilm.enabled():
        pytest.skip("the learned model is not installed")
    read_texts: list[str] = []
    logits = minilm.logits
    monkeypatch.setattr(minilm, "logits", lambda texts: read_texts.extend(texts) or logits(texts))
    text = "The minister said the Harbour League extremist group now holds the northern ports."
    quote = text[len("The minister said ") :]
    judge_kind(text, quote, kind, ["Harbour League"])
    (marked,) = read_texts
    assert ("extremist" in marked) is read
    assert "« Harbour League »" in marked and "group now holds the northern ports" in marked


@pytest.mark.parametrize(
    ("verb", "label"), [("welcomed", "support"), ("condemned", "oppose"), ("described", None)]
)
def test_stance_act_is_judged_with_its_verb(verb, label):
    """A statement of kind `act` holds only what the act bears on; the act itself ("condemned")
    is the speaker's stance, so it is judged on its sentence."""
    text = f"The minister {verb} the Harbour League's decision to close the northern ports."
    quote = text[len(f"The minister {verb} ") : -1]
    entry = judge_kind(text, quote, "act", ["Harbour League"])["Harbour League"]
    if label is None:
        assert entry["source"] != "cue"
    else:
        assert (entry["label"], entry["source"], entry["evidence"]) == (label, "cue", verb)


def stances_of(text: str) -> list[tuple[str, dict[str, dict]]]:
    """Each statement's speaker and stance, extracted from `text` as ingest does."""
    nlp = with_line_breaks(load_pipeline())
    doc = nlp(text)
    statements = extract_statements(Article(id="t", text=text), doc)
    stances = stances_for(statements, doc)
    return [(s.speaker.name, stance) for s, stance in zip(statements, stances, strict=True)]


def test_stance_target_found_as_the_article_writes_it():
    """ "Moscow" in the quote is Russia: judged there, not on an anaphor, nor left unrated."""
    ((speaker, stance),) = stances_of(
        "President Anne Dupre spoke in Lyon on Monday.\n\nDupre said that Moscow had become a "
        "dangerous enemy of Europe."
    )
    assert speaker == "Anne Dupre"
    assert (stance["Russia"]["label"], stance["Russia"]["mention"]) == ("oppose", "Moscow")


def test_stance_who_asks_in_a_transcript_takes_no_position():
    """A questioner's turn asks about the target ("Will you recognise the Northern Front?"): no
    stance of theirs; the answer has one."""
    found = stances_of(
        "Press conference of Foreign Minister Ana Duarte\n\n"
        "Ana Duarte: We will never recognise the Northern Front.\n\n"
        "Question: Will you recognise the Northern Front if it wins the vote?\n\n"
        "Ana Duarte: No. The Northern Front is a terrorist group."
    )
    labels = [(speaker, stance["Northern Front"]["label"]) for speaker, stance in found]
    assert labels == [("Ana Duarte", "oppose"), ("Question", "unrated"), ("Ana Duarte", "oppose")]
    assert found[1][1]["Northern Front"]["evidence"] == "who asks takes no position"


def test_stance_speakers_own_side_is_unrated():
    """A Russian minister's "Moscow will …" is no stance toward Russia."""
    ((_, stance),) = stances_of(
        "Russian Foreign Minister Ivan Sokolov spoke on Monday.\n\nSokolov said that Moscow would "
        "always be a reliable partner of Europe."
    )
    assert stance["Russia"]["label"] == "unrated"
    assert stance["Russia"]["evidence"] == "the speaker's own side"


@pytest.mark.parametrize(("kind", "label"), [("indirect", "neutral"), ("direct", "oppose")])
def test_stance_reporters_gloss_in_brackets_does_not_vote(kind, label):
    """A wire's standing note after a name ("the Harbour League (banned as a terrorist group in
    Ruritania)") is the reporter's in reported speech: the speaker only spoke of talks. In the
    speaker's own words the brackets are theirs and vote."""
    from quotetrail.analyze import minilm

    if not minilm.enabled():
        pytest.skip("the learned model is not installed")
    text = (
        "The spokeswoman said the ministry would continue talks with the Harbour League "
        "(banned as a terrorist group in Ruritania) next month."
    )
    quote = text[len("The spokeswoman said ") :]
    entry = judge_kind(text, quote, kind, ["Harbour League"])["Harbour League"]
    assert entry["label"] == label
