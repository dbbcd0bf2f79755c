"""Near-duplicate detection: MinHash signatures and their bands."""

from __future__ import annotations

from quotetrail.link import neardup


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
