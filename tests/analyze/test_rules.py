"""Stance cues on the parse: act, attribute and reverse cues, negation and refusal, the decision."""

from __future__ import annotations

import pytest

from quotetrail.analyze.rules import Cue, cues_for, decide


def decided(nlp, text: str, target: str) -> tuple[int, str, bool] | None:
    doc = nlp(text)
    start = text.index(target)
    span = doc.char_span(start, start + len(target))
    cue = decide(cues_for(span.sent, span))
    return (cue.polarity, cue.phrase, cue.predicated) if cue else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We will recognise the Taliban.", (1, "recognise", False)),  # act
        ("We condemn the Taliban.", (-1, "condemn", False)),
        ("The Taliban are our allies.", (1, "allies", True)),  # attribute by a copula
        ("The Taliban is one of our allies.", (1, "allies", True)),  # partitive "one of"
        ("The Taliban, the group in power, an ally of Moscow, met.", (1, "ally", True)),
        ("The Taliban is a terrorist group.", (-1, "terrorist", False)),  # a modifier near it
        ("We will remove the Taliban from the terrorist list.", (1, "remove … terrorist", True)),
        ("Moscow had nothing but praise for the Taliban.", (1, "praise", False)),  # exception
        # the parser hangs "with" on the verb whose object the cue is: relations with them
        (
            "The envoy was told to “build relations” with the Taliban government.",
            (1, "relations", False),
        ),
    ],
)
def test_rules_cue_bearing_on_the_target(nlp, text, expected):
    assert decided(nlp, text, "Taliban") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We will not recognise the Taliban.", (-1, "not recognise", False)),
        ("We refuse to recognise the Taliban.", (-1, "not recognise", False)),
        ("The Taliban are not our allies.", (-1, "not allies", True)),
    ],
)
def test_rules_negation_and_refusal_flip_the_cue(nlp, text, expected):
    assert decided(nlp, text, "Taliban") == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Taliban condemned the attack.",  # the target as the act's subject
        "The Taliban opened an office.",  # no stance word
        # the act is done to something else; the target is in a clause of its own
        "The council rejected the appeal, saying voters had chosen the Taliban.",
        "The minister condemned the vote, saying it had handed the Taliban a victory.",
    ],
)
def test_rules_no_cue_bears_on_the_target(nlp, text):
    assert decided(nlp, text, "Taliban") is None


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [  # a relation is said of whoever holds it, not of the one it is held to
        ("The Taliban is one of Moscow's allies.", "Moscow", None),
        ("The Taliban is one of Moscow's allies.", "Taliban", (1, "allies", True)),
        ("The rebels are an ally of Tehran.", "Tehran", None),
        ("The rebels are an enemy of Tehran.", "Tehran", None),
        ("They are no enemies of Tehran.", "Tehran", None),
        ("Moscow's partners gathered in Minsk on Friday.", "Moscow", None),
        ("We will work with our allies in NATO.", "NATO", (1, "allies", False)),
    ],
)
def test_rules_relation_is_said_of_who_holds_it(nlp, text, target, expected):
    assert decided(nlp, text, target) == expected


@pytest.mark.parametrize(
    ("cues", "expected"),
    [
        ([], None),
        ([Cue(1, 2, "ally"), Cue(-1, 1, "condemn")], (-1, 1, "condemn")),  # the nearest decides
        ([Cue(1, 1, "ally"), Cue(-1, 1, "condemn")], None),  # an opposite tie decides nothing
        ([Cue(1, 1, "ally"), Cue(1, 1, "ally"), Cue(-1, 1, "x")], (1, 1, "ally")),  # summed
    ],
)
def test_rules_decide_nearest_cues_summed(cues, expected):
    cue = decide(cues)
    assert ((cue.polarity, cue.distance, cue.phrase) if cue else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Putin Says 'Taliban Are Our Allies'", (1, "Allies", True)),
        ("Kremlin: Taliban Is A Terrorist Group", (-1, "Terrorist", False)),
    ],
)
def test_rules_title_case_headline_cue(nlp, text, expected):
    assert decided(nlp, text, "Taliban") == expected


@pytest.mark.parametrize(
    "text",
    [
        "He said the Taliban militant group controlled the city.",
        'He said the Taliban militant group controlled "almost all" of the roads and the city.',
    ],
)
@pytest.mark.parametrize(
    ("reported", "expected"),
    [(False, (-1, "militant", False)), (True, None)],
)
def test_rules_reporters_label_of_the_target_is_no_cue_in_reported_speech(
    nlp, text, reported, expected
):
    """ "the Taliban militant group" in reported speech is the reporter's label."""
    doc = nlp(text)
    start = text.index("Taliban")
    span = doc.char_span(start, start + len("Taliban"))
    cue = decide(cues_for(span.sent, span, reported))
    assert ((cue.polarity, cue.phrase, cue.predicated) if cue else None) == expected
