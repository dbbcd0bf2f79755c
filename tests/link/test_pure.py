"""The pure linking algorithms: names, entity resolution, statement matching, near-duplicates, stories."""

from __future__ import annotations

import pytest

from quotetrail.eval.clusters import burst_order, document_features, pairwise_scores, rule_threshold
from quotetrail.link import headline, neardup
from quotetrail.link.entities import (
    Observation,
    Resolver,
    is_description,
    mention_observation,
    people_by_surname,
    surname_variant,
)
from quotetrail.link.names import actor_of, clean_name, surname
from quotetrail.link.statements import Claim, match, overlap
from quotetrail.link.stories import (
    JOIN_THRESHOLD,
    LEAD_WEIGHT,
    PRIOR_DOCS,
    SIBLING_PATIENCE,
    SURE_THRESHOLD,
    StoryIndex,
    prior_df,
    story_entity,
    story_features,
)


@pytest.mark.parametrize(
    ("name", "actor"),
    [
        ("Moscow", "Russia"),
        ("the Kremlin", "Russia"),
        ("The White House", "United States"),
        ("Kabul", "Afghanistan"),
        ("Russian", "Russia"),
        ("Vladimir Putin", None),
        ("", None),
    ],
)
def test_names_actor_of_folds_metonymy(name, actor):
    assert actor_of(name) == actor


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Vladimir Putin", "putin"),
        ("Mr. Putin", "putin"),
        ("President Putin", "putin"),
        ("Sergéi Lavrov", "lavrov"),
    ],
)
def test_names_surname_drops_titles_and_accents(name, expected):
    assert surname(name) == expected


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("kabul", "kabulov", True),
        ("lavrov", "lavrow", True),
        ("putin", "putin", False),
        ("li", "lin", False),
        ("merkel", "macron", False),
    ],
)
def test_entities_surname_variant(a, b, same):
    assert surname_variant(a, b) is same


@pytest.mark.parametrize(
    ("name", "described"),
    [("the Russian President", True), ("Zamir Kabul", False), ("Putin", False)],
)
def test_entities_is_description(name, described):
    assert is_description(name) is described


def _resolve(observations):
    resolver = Resolver()
    return resolver, [resolver.resolve(obs) for obs in observations]


@pytest.mark.parametrize(
    "later",
    [
        Observation("Putin", "a2", role="President", affiliation="Russia"),
        Observation("Mr. Putin", "a2"),
        Observation("the Russian President", "a2"),
        Observation("Vladimir Putin", "a3"),
    ],
)
def test_entities_resolver_merges_forms_of_one_person(later):
    resolver, (first, second) = _resolve(
        [Observation("Vladimir Putin", "a1", role="President", affiliation="Russia"), later]
    )
    assert first.id == second.id
    assert any(m.alias == later.name for m in resolver.merges) or later.name == "Vladimir Putin"


@pytest.mark.parametrize(
    ("later", "merged"),
    [
        (
            Observation("Zamir Kabul", "a2", role="Special Representative", affiliation="Russia"),
            True,
        ),
        (Observation("Zamir Kabul", "a2", affiliation="Moscow"), True),  # Moscow speaks for Russia
        (Observation("Zamir Kabul", "a2", affiliation="Afghanistan"), False),  # context disagrees
        (Observation("Zamir Kabul", "a2"), False),  # no context: a misspelling is not assumed
        (Observation("Zamir Kabul", "a2", story_id="s1"), True),  # same given name, same story
        (
            Observation("Z. Kabul", "a2", story_id="s1"),
            False,
        ),  # an initial is not the same given name
        (Observation("Zamir Kabul", "a2", story_id="s2"), False),  # another story
    ],
)
def test_entities_resolver_merges_misspelling_only_when_context_agrees(later, merged):
    first = Observation(
        "Zamir Kabulov", "a1", role="Special Representative", affiliation="Russia", story_id="s1"
    )
    resolver, (a, b) = _resolve([first, later])
    assert (a.id == b.id) is merged
    if merged:
        assert "variant spelling" in resolver.merges[-1].reason


@pytest.mark.parametrize("name", ["Moscow", "the Kremlin", "Russia"])
def test_entities_resolver_metonymy_joins_the_country(name):
    resolver, (country, other) = _resolve(
        [Observation("Russia", "a1", kind="place"), Observation(name, "a2", kind="organization")]
    )
    assert country.id == other.id and country.name == "Russia"


def test_entities_resolver_keeps_two_people_with_one_surname_apart():
    _, (a, b) = _resolve([Observation("George Bush", "a1"), Observation("Jeb Bush", "a2")])
    assert a.id != b.id


@pytest.mark.parametrize(
    ("a", "b", "linked"),
    [
        (
            "You cannot impose standards of political life on other people from the outside",
            "you cannot impose standards of political life and behavior on other people",
            True,
        ),
        (
            "You cannot impose standards of political life on other people from the outside",
            "The Taliban must keep its promises on women's rights",
            False,
        ),
    ],
)
def test_statements_match_by_wording(a, b, linked):
    links = match(
        [Claim("s2", "art2", "putin", "2021-08-21", b)],
        [Claim("s1", "art1", "putin", "2021-08-20", a)],
    )
    assert bool(links) is linked


@pytest.mark.parametrize(
    ("other", "linked"),
    [
        (
            Claim(
                "s1",
                "art1",
                "putin",
                "2021-08-20",
                "the world must now accept the realities",
                "story",
            ),
            True,
        ),
        (
            Claim(
                "s1",
                "art1",
                "putin",
                "2021-08-20",
                "the world must now accept the realities",
                "other",
            ),
            False,
        ),
        (
            Claim(
                "s1",
                "art1",
                "merkel",
                "2021-08-20",
                "the world must now accept the realities",
                "story",
            ),
            False,
        ),
        (
            Claim(
                "s1",
                "art1",
                "putin",
                "2021-08-10",
                "the world must now accept the realities",
                "story",
            ),
            False,
        ),
        (
            Claim(
                "s1",
                "art2",
                "putin",
                "2021-08-20",
                "the world must now accept the realities",
                "story",
            ),
            False,
        ),
    ],
)
def test_statements_match_paraphrase_needs_story_speaker_and_day(other, linked):
    new = Claim(
        "s2",
        "art2",
        "putin",
        "2021-08-20",
        "Putin said the international community must recognise the realities",
        "story",
    )
    assert bool(match([new], [other])) is linked


def test_statements_overlap_is_containment():
    assert overlap("impose standards", "you cannot impose standards on people") == 1.0


def test_statements_one_shared_word_is_no_match():
    """Two different remarks of one speaker on one day share the target's name, nothing more."""
    assert (
        overlap(
            "The Taliban must keep its promises",
            "We are not going to rush to recognise the Taliban",
        )
        == 0.0
    )
    rush = Claim(
        "s1", "art1", "putin", "2021-08-20", "We are not going to rush to recognise the Taliban"
    )
    promises = Claim(
        "s2",
        "art2",
        "putin",
        "2021-08-20",
        "The Taliban must keep its promises before anything else",
    )
    assert match([promises], [rush]) == []


@pytest.mark.parametrize(("day", "linked"), [("2021-08-20", True), ("2021-08-21", False)])
def test_statements_same_occasion_needs_the_same_day(day, linked):
    """Two outlets' accounts of one press conference share no words but are one occasion."""
    impose = Claim(
        "s1",
        "art1",
        "putin",
        "2021-08-20",
        "You cannot impose standards of political life from the outside",
        "story",
    )
    realities = Claim(
        "s2",
        "art2",
        "putin",
        day,
        "the world must now accept the realities of the situation",
        "story",
    )
    links = match([realities], [impose])
    assert bool(links) is linked
    if linked:
        assert links[0].reason.startswith("same occasion")


def test_neardup_finds_copy_and_points_at_first_text():
    text = " ".join(
        f"word{i} sentence about the talks in the capital number {i}" for i in range(60)
    )
    copy = text.replace("word3 ", "word3x ", 1)
    other = " ".join(f"other{i} report on football results today {i}" for i in range(60))
    sigs = {
        "a": neardup.signature(text),
        "b": neardup.signature(copy),
        "c": neardup.signature(other),
    }
    found = neardup.find_duplicates(
        {"b": sigs["b"], "c": sigs["c"]}, {"a": sigs["a"]}, {}, ["b", "c"]
    )
    assert [(d.article_id, d.duplicate_of) for d in found] == [("b", "a")]
    assert found[0].similarity >= neardup.THRESHOLD


def test_neardup_band_keys_shared_by_identical_text():
    sig = neardup.signature("one two three four five six seven eight")
    assert neardup.band_keys(sig) == neardup.band_keys(list(sig))
    assert len(neardup.band_keys(sig)) == neardup.BANDS


def test_stories_index_separates_two_events_of_one_type():
    rehab_a = "Tara Reid checked into Promises rehab center in Malibu, her publicist said in 2008."
    rehab_b = (
        "Actress Tara Reid entered Promises treatment center in Malibu, People reported in 2008."
    )
    rehab_c = "Lindsay Lohan checked into the Betty Ford rehab center in 2013 after a court order."
    rehab_d = "Lohan entered Betty Ford Center rehab on Thursday in 2013, as the court ordered."
    index = StoryIndex(threshold=0.2)
    features = {
        i: story_features(t, []) for i, t in enumerate([rehab_a, rehab_b, rehab_c, rehab_d])
    }
    placed = [index.add(str(i), features[i]).story_id for i in range(4)]
    assert placed[0] == placed[1] and placed[2] == placed[3] and placed[0] != placed[2]


@pytest.mark.parametrize(("sure", "separated"), [(SURE_THRESHOLD, True), (JOIN_THRESHOLD, False)])
def test_stories_unsure_join_waits_for_a_second_article(fights, sure, separated):
    index = StoryIndex(sure=sure)
    placed = {doc_id: index.add(doc_id, story_features(text)) for doc_id, text in fights}
    assert JOIN_THRESHOLD <= placed["b0"].score < SURE_THRESHOLD
    assert (
        placed["b0"].story_id == "s-a0" and not placed["b0"].opened
    )  # listed where it looks like it belongs
    assert (placed["b1"].story_id, placed["b1"].moved) == (
        ("s-b0", "b0") if separated else ("s-a0", None)
    )


def test_stories_sibling_survives_restore(fights):
    index = StoryIndex()
    for doc_id, text in fights[:3]:
        index.add(doc_id, story_features(text))
    assert (
        index.stories["s-b0"].sibling_of == "s-a0" and index.stories["s-a0"].size == 2
    )  # b0 counts in its sibling
    restored = StoryIndex.restore(index.df, index.n_docs, index.stories.values())
    placed = restored.add("b1", story_features(fights[3][1]))
    assert (placed.story_id, placed.moved) == ("s-b0", "b0") and restored.stories[
        "s-b0"
    ].sibling_of is None
    assert restored.changed == {"s-b0"}


def test_stories_sibling_nobody_joins_merges_into_its_parent(fights, bern):
    index = StoryIndex()
    for doc_id, text in fights[:3]:
        index.add(doc_id, story_features(text))
    for i, text in enumerate(bern[:SIBLING_PATIENCE]):
        assert "s-b0" in index.stories
        assert index.add(f"bern{i}", story_features(text)).story_id == "s-a0"
    assert "s-b0" not in index.stories and index.removed == {"s-b0"}
    assert index.stories["s-a0"].size == 2 + SIBLING_PATIENCE + 1
    assert not any(index.postings.get(term, set()) & {"s-b0"} for term in index.postings)


@pytest.mark.parametrize("copies", [1, 2, 5])
def test_stories_norm_is_length_of_the_members_sum(fights, copies):
    """Identical members: the sum of their unit vectors is as long as there are members."""
    index = StoryIndex()
    for i in range(copies):
        index.add(str(i), story_features(fights[0][1]))
    story = index.stories["s-0"]
    assert story.size == copies and story.norm == pytest.approx(copies)


@pytest.mark.parametrize(
    ("text", "label", "name"),
    [
        ("Wladimir Klitschko", "PERSON", "Klitschko"),
        ("Klitschko’s", "PERSON", "Klitschko"),
        ("Klitschko", "PERSON", "Klitschko"),
        ("Betty Ford Center", "ORG", "Betty Ford Center"),
        ("San Diego", "GPE", "San Diego"),
        ("90", "CARDINAL", None),
        ("  ", "PERSON", None),
    ],
)
def test_stories_entity_person_by_surname(text, label, name):
    assert story_entity(text, label) == name


def test_stories_features_one_person_one_feature():
    names = [story_entity(t, "PERSON") for t in ("Wladimir Klitschko", "Klitschko", "Klitschko's")]
    entities = [
        key for key in story_features("", [(name, 0) for name in names]) if key.startswith("e:")
    ]
    assert entities == ["e:klitschko"]


@pytest.mark.parametrize(
    ("text", "feature", "counted"),
    [
        ("Klitschko won in round 6.", "n:6", False),
        ("He had 51 knockouts.", "n:51", True),
        ("A 1,500-strong crowd.", "n:1500", True),
        ("It was 2013.", "y:2013", True),
        ("It was 2013.", "n:2013", False),
    ],
)
def test_stories_features_numbers_of_two_digits_or_more(text, feature, counted):
    assert (feature in story_features(text)) is counted


def test_stories_features_lead_counts_more_than_background():
    text = (
        "Lohan enters rehab. " + "Filler words follow here. " * 20 + "Reid once entered rehab too."
    )
    counts = story_features(text, [("Lohan", 0), ("Reid", text.index("Reid"))])
    assert counts["lohan"] == pytest.approx(LEAD_WEIGHT)  # the first word of the text
    assert 1.0 <= counts["reid"] < 1.1  # the last sentence
    assert (
        counts["e:lohan"] == pytest.approx(2 * counts["lohan"])
        and counts["e:reid"] < counts["e:lohan"]
    )
    assert counts["rehab"] == pytest.approx(counts["lohan"] + counts["reid"], rel=0.05)


@pytest.mark.parametrize(
    ("term", "low", "high"),
    [
        ("government", 500, PRIOR_DOCS),
        ("earthquake", 10, 500),
        ("specie", 10, 1000),
        ("bireun", 0, 0.5),
        ("e:the white house", 100, 5000),
        ("e:bireun district", 0, 0.5),
        ("e:3 days", 0, 0),
        ("y:2009", 0, 0),
        ("n:90", 0, 0),
    ],
)
def test_stories_prior_df_general_english_is_common_names_and_numbers_rare(term, low, high):
    assert low <= prior_df(term) <= high


def test_stories_prior_idf_is_mature_from_the_first_article():
    index = StoryIndex()
    assert index.idf("hit") < index.idf("earthquake") < index.idf("sumatra") < index.idf("bireun")
    assert (
        len({StoryIndex(prior_docs=0).idf(t) for t in ("hit", "earthquake", "sumatra", "bireun")})
        == 1
    )


# Two earthquakes: the same event-type words, different places. Without the prior every word
# of a young stream is equally rare and the second quake joins the first (score 0.39 > 0.35).
QUAKES = [
    "Earthquake kills dozens in Aceh: Bireun and Takengon hit, Sumatra shaken.",
    "Earthquake kills dozens in Manokwari: Sorong and Biak hit, Papua shaken.",
    "Rescuers in Bireun and Takengon, Aceh, dig after the Sumatra earthquake.",
    "Rescuers in Sorong and Biak dig after the Manokwari earthquake in Papua.",
]


@pytest.mark.parametrize(("prior_docs", "separated"), [(PRIOR_DOCS, True), (0, False)])
def test_stories_prior_separates_two_events_of_one_type_in_a_young_stream(prior_docs, separated):
    index = StoryIndex(threshold=0.35, prior_docs=prior_docs)
    placed = [index.add(str(i), story_features(text)).story_id for i, text in enumerate(QUAKES)]
    assert (placed == ["s-0", "s-1", "s-0", "s-1"]) is separated


def test_clusters_rule_threshold_is_midpoint_of_medians():
    docs = [
        {"doc_id": str(i), "topic": 1, "cluster": "a" if i % 2 == 0 else "b", "text": text}
        for i, text in enumerate(QUAKES)
    ]
    rule = rule_threshold(docs, document_features(docs, {}))
    assert rule["different_event_median"] < rule["rule_threshold"] < rule["same_event_median"]
    assert rule["rule_threshold"] == pytest.approx(
        (rule["same_event_median"] + rule["different_event_median"]) / 2
    )
    assert rule["different_event_median"] < rule["sure_rule_threshold"]
    with pytest.raises(ValueError):
        same = [dict(doc, cluster="a") for doc in docs]
        rule_threshold(same, document_features(same, {}))


BURST_DOCS = [
    {"doc_id": f"{t}{e}{i}", "topic": t, "cluster": f"{t}{e}"}
    for t in "xyz"
    for e in "ab"
    for i in range(3)
]


@pytest.mark.parametrize("seed", range(5))
def test_clusters_burst_order_keeps_each_event_and_each_topic_together(seed):
    order = burst_order(BURST_DOCS, seed)
    assert sorted(order) == list(range(len(BURST_DOCS)))
    for topic in "xyz":
        clusters = [BURST_DOCS[i]["cluster"] for i in order if BURST_DOCS[i]["topic"] == topic]
        assert clusters in (
            [f"{topic}a"] * 3 + [f"{topic}b"] * 3,
            [f"{topic}b"] * 3 + [f"{topic}a"] * 3,
        )


def test_clusters_burst_order_interleaves_topics_and_varies_with_the_seed():
    orders = [burst_order(BURST_DOCS, seed) for seed in range(5)]
    topic_runs = [
        sum(1 for a, b in zip(order, order[1:]) if BURST_DOCS[a]["topic"] != BURST_DOCS[b]["topic"])
        for order in orders
    ]
    assert max(topic_runs) > 2  # more topic changes than three topics one after another
    assert len({tuple(order) for order in orders}) > 1


def test_stories_restore_finds_stored_story_by_its_terms():
    index = StoryIndex(threshold=0.1)
    index.add(
        "x",
        story_features("Earthquake hits Indonesia island of Sumatra, killing dozens"),
        "2009-09-30",
        "Quake",
    )
    restored = StoryIndex.restore(index.df, index.n_docs, index.stories.values())
    again = restored.add(
        "y", story_features("Sumatra earthquake in Indonesia: death toll rises"), "2009-10-01"
    )
    assert not again.opened and restored.stories[again.story_id].last == "2009-10-01"


@pytest.mark.parametrize(
    ("gold", "predicted", "f1", "ari"),
    [
        (["a", "a", "b", "b"], ["x", "x", "y", "y"], 1.0, 1.0),
        (["a", "a", "b", "b"], ["x", "y", "z", "w"], 0.0, 0.0),
    ],
)
def test_clusters_pairwise_scores(gold, predicted, f1, ari):
    scores = pairwise_scores(gold, predicted)
    assert scores["pairwise_f1"] == pytest.approx(f1) and scores["ari"] == pytest.approx(ari)


@pytest.mark.parametrize(
    ("published", "joins"),
    [
        ("2009-10-05", True),
        ("2009-09-20", True),
        ("2010-06-01", False),
        ("2008-06-01", False),
        (None, True),
    ],
)
def test_stories_join_only_live_stories(published, joins):
    index = StoryIndex(threshold=0.1)
    index.add(
        "x",
        story_features("Earthquake hits Indonesia island of Sumatra, killing dozens"),
        "2009-09-30",
    )
    placed = index.add(
        "y", story_features("Sumatra earthquake in Indonesia: death toll rises"), published
    )
    assert placed.opened is not joins


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Anthony Blinken’s", "Anthony Blinken"),
        ("& Taliban", "Taliban"),
        ("Afghanistan &", "Afghanistan"),
        ("“Kremlin”", "Kremlin"),
        ("Mr.  Putin", "Mr. Putin"),
        ("&", ""),
        ("Putin Says", "Putin"),
        ("Lavrov said", "Lavrov"),
        ("Hays", "Hays"),
        ("Tom Rhodes", "Tom Rhodes"),
    ],
)
def test_names_clean_name(raw, clean):
    assert clean_name(raw) == clean


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("\n  Putin slams policy\nbody", "Putin slams policy"),
        ("word " * 40, ("word " * 19).strip() + "…"),
        ("", ""),
    ],
)
def test_link_headline_stands_in_for_missing_title(text, title):
    assert headline(text) == title


@pytest.mark.parametrize(
    ("text", "label", "kind"),
    [
        ("Kabul", "PERSON", "place"),
        ("Zamir Kabul", "PERSON", "person"),
        ("Putin", "PERSON", "person"),
        ("Moscow", "GPE", "place"),
    ],
)
def test_entities_mention_observation_fixes_place_tagged_as_person(text, label, kind):
    assert mention_observation(text, label, "a1").kind == kind


@pytest.mark.parametrize(
    ("mention", "article", "kind"),
    [
        (
            Observation("Syromolotov", "a1", kind="organization"),
            "a1",
            "person",
        ),  # tagged ORG beside the person
        (
            Observation("Syromolotov", "a2", kind="organization"),
            "a1",
            "organization",
        ),  # another article
        (Observation("Washington", "a1", kind="place"), "a1", "place"),  # a known place stays one
        (Observation("Syromolotov Group", "a1", kind="organization"), "a1", "organization"),
    ],
)
def test_entities_surname_tagged_as_organisation_is_the_person(mention, article, kind):
    people = [Observation("Oleg Syromolotov", article), Observation("George Washington", article)]
    people_by_surname([*people, mention])
    assert mention.kind == kind


def test_entities_resolver_one_organisation_with_or_without_the():
    resolver, (a, b) = _resolve(
        [
            Observation("the Soviet Union", "a1", kind="place"),
            Observation("Soviet Union", "a2", kind="place"),
        ]
    )
    assert a.id == b.id and a.name == "Soviet Union"
