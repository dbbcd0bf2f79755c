"""Story clustering: features, the prior document frequencies, joins, siblings and restore."""

from __future__ import annotations

from collections import Counter

import pytest

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


def test_stories_idf_follows_every_document_counted():
    index = StoryIndex(prior_docs=0)
    index.count(["quake", "aid"])
    index.count(["aid"])
    rare = index.idf("quake")
    index.count(["quake"])
    fresh = StoryIndex(prior_docs=0, df=Counter({"quake": 2, "aid": 2}), n_docs=3)
    assert index.idf("quake") < rare
    assert index.idf("quake") == pytest.approx(fresh.idf("quake"))
    assert index.weigh({"quake": 1.0, "aid": 1.0}) == pytest.approx(
        fresh.weigh({"quake": 1.0, "aid": 1.0})
    )


@pytest.mark.parametrize(("prior_docs", "separated"), [(PRIOR_DOCS, True), (0, False)])
def test_stories_prior_separates_two_events_of_one_type_in_a_young_stream(
    quakes, prior_docs, separated
):
    index = StoryIndex(threshold=0.35, prior_docs=prior_docs)
    placed = [index.add(str(i), story_features(text)).story_id for i, text in enumerate(quakes)]
    assert (placed == ["s-0", "s-1", "s-0", "s-1"]) is separated


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
