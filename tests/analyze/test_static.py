"""Static word vectors distilled from MiniLM (`analyze/static.py`): the shipped artefact and the
features the light stance model reads from it."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources

import numpy as np
import pytest

from quotetrail.analyze.stance import locate_offsets
from quotetrail.analyze.static import ARTEFACT, load_vectors, regions, static_features
from quotetrail.nlp import load_pipeline


def _cos(a: str, b: str) -> float:
    vectors = load_vectors()
    u, v = vectors.row(a), vectors.row(b)
    assert u is not None and v is not None, (a, b)
    return float(u @ v / (np.linalg.norm(u) * np.linalg.norm(v)))


def _target(text: str, name: str):
    doc = load_pipeline()(text)
    start = text.index(name)
    return doc, locate_offsets(doc, start, start + len(name))


def test_artefact_ships_small_with_the_stated_shape():
    path = resources.files("quotetrail.analyze") / ARTEFACT
    assert path.is_file()
    with resources.as_file(path) as real:
        assert real.stat().st_size <= 6_000_000
    vectors = load_vectors()
    assert vectors.meta["dims"] == vectors.dims == 64
    assert vectors.vectors.shape == (vectors.meta["words"], 64) == (len(vectors.index), 64)
    assert vectors.vectors.shape[0] >= 20_000
    assert vectors.vectors.dtype == np.float32 and np.isfinite(vectors.vectors).all()
    assert np.abs(vectors.vectors).max() > 0


def test_news_words_and_lemma_fallback_are_in_vocabulary():
    vectors = load_vectors()
    for word in ("the", "minister", "terrorism", "praised", "condemned", "sanctions", "taliban"):
        assert vectors.row(word) is not None, word
    assert vectors.row("zzqxunseenword") is None
    assert vectors.row("zzqxunseenword", "minister") is not None


@pytest.mark.parametrize(
    "word, near, far",
    [
        ("war", "battle", "banana"),
        ("good", "great", "table"),
        ("support", "endorse", "potato"),
        ("condemn", "denounce", "bicycle"),
        ("president", "minister", "carrot"),
    ],
)
def test_similar_words_are_closer_than_unrelated_ones(word, near, far):
    assert _cos(word, near) > _cos(word, far) + 0.1


def test_mean_is_unit_length_and_zero_when_nothing_is_known():
    vectors = load_vectors()
    mean = vectors.mean([("praised", "praise"), ("reform", "reform")])
    assert abs(float(np.linalg.norm(mean)) - 1.0) < 1e-5
    assert not vectors.mean([("zzqx", "zzqx")]).any()
    assert not vectors.mean([]).any()


def test_features_name_two_regions_of_64_unit_vectors():
    doc, target = _target(
        "The minister praised the Harbour League for its reform.", "Harbour League"
    )
    feats = static_features(doc[:], target)
    assert {name.rstrip("0123456789") for name in feats} == {"sv_cl", "sv_sent"}
    for region in ("cl", "sent"):
        values = np.array([feats.get(f"sv_{region}{i}", 0.0) for i in range(64)])
        assert abs(float(np.linalg.norm(values)) - 1.0) < 1e-3


def test_target_is_masked_out_of_every_region():
    doc, target = _target(
        "The minister praised the Harbour League for its reform.", "Harbour League"
    )
    for words in regions(doc[:], target).values():
        lowered = {lower for lower, _ in words}
        assert "harbour" not in lowered and "league" not in lowered
        assert "praised" in lowered


def test_features_do_not_depend_on_who_the_target_is():
    """Swapping the target's own words changes nothing: the features describe what is said."""
    a = static_features(
        *_target("The minister praised the Harbour League for its reform.", "Harbour League")
    )
    b = static_features(*_target("The minister praised the Taliban for its reform.", "Taliban"))
    assert a == b
    c = static_features(*_target("The minister condemned the Taliban for its attack.", "Taliban"))
    assert c != b


def test_features_are_deterministic():
    text = "Moscow has no intention of supporting the Taliban terrorist group."
    first = static_features(*_target(text, "Taliban"))
    load_vectors.cache_clear()
    assert static_features(*_target(text, "Taliban")) == first


def test_clause_is_narrower_than_the_sentence_for_two_targets():
    doc = load_pipeline()("The minister praised Kyiv, while the general denounced Minsk.")
    kyiv = locate_offsets(doc, doc.text.index("Kyiv"), doc.text.index("Kyiv") + 4)
    minsk = locate_offsets(doc, doc.text.index("Minsk"), doc.text.index("Minsk") + 5)
    kyiv_regions, minsk_regions = regions(doc[:], kyiv), regions(doc[:], minsk)
    assert {lower for lower, _ in minsk_regions["cl"]} >= {"general", "denounced"}
    assert "praised" in {lower for lower, _ in kyiv_regions["cl"]}
    assert "praised" not in {lower for lower, _ in minsk_regions["cl"]}
    assert static_features(doc[:], kyiv) != static_features(doc[:], minsk)


def test_run_time_path_loads_no_torch():
    code = (
        "import sys\n"
        "from quotetrail.analyze.stance import stance_for\n"
        "from quotetrail.records import Statement\n"
        "s = Statement(article_id='t', kind='direct', quote='We praise the Taliban.', "
        "sentence='We praise the Taliban.', span=(0, 22), about=['Taliban'])\n"
        "stance_for(s, None)\n"
        "assert 'torch' not in sys.modules and 'sentence_transformers' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
