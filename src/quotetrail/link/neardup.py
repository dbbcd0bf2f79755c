"""Near-duplicate articles (wire copies, republished stories) by MinHash LSH.

Each article gets a MinHash signature of its word 5-shingles and LSH band keys (datasketch's
banding for the threshold). The store keeps both, so a new article is compared only with the
articles that share a band key — O(1) per article, whatever the store holds. A duplicate is
kept and marked with the article it copies, so counts can leave it out.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

THRESHOLD = 0.8  # estimated Jaccard of 5-shingle sets above which two articles are one text
NUM_PERM = 128
SCHEME = "affine32"  # datasketch's hashing scheme, pinned so stored signatures stay comparable
SHINGLE = 5
_WORD = re.compile(r"\w+", re.UNICODE)
# 16 bands of 8 rows: a pair at Jaccard 0.8 shares a band with probability 0.95, at 0.87 with
# 0.998, at 0.5 with 0.06 (datasketch's own choice for 0.8, 9 x 13, misses a 0.87 pair 1 time in 5).
BANDS, ROWS = 16, 8


@dataclass
class Duplicate:
    article_id: str
    duplicate_of: str
    similarity: float


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {
        " ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)
    }


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The scheme's permutation parameters (the same for every MinHash of one seed): drawn once,
    not for every article (a third of a signature's cost)."""
    return MinHash(num_perm=NUM_PERM, scheme=SCHEME).permutations


def signature(text: str) -> list[int]:
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME, permutations=_permutations())
    minhash.update_batch(list(shingles(text)))
    return [int(v) for v in minhash.hashvalues]


def band_keys(sig: Sequence[int]) -> list[str]:
    """One key per LSH band: articles sharing a key are candidates."""
    keys = []
    for band in range(BANDS):
        rows = np.asarray(sig[band * ROWS : (band + 1) * ROWS], dtype=np.uint64).tobytes()
        keys.append(f"{band}:{hashlib.blake2b(rows, digest_size=8).hexdigest()}")
    return keys


def _minhash(sig: Sequence[int]) -> MinHash:
    return MinHash(
        hashvalues=np.asarray(sig, dtype=np.uint64), permutations=_permutations(), scheme=SCHEME
    )


def find_duplicates(
    new: Mapping[str, Sequence[int]],
    known: Mapping[str, Sequence[int]],
    originals: Mapping[str, str],
    order: Sequence[str],
) -> list[Duplicate]:
    """Duplicates among `new` articles (signatures by id), in arrival `order`.

    `known` are stored candidates sharing a band key; `originals` maps a stored duplicate to
    the article it copies, so a copy of a copy points at the first text.
    """
    lsh = MinHashLSH(num_perm=NUM_PERM, params=(BANDS, ROWS))
    hashes = {article_id: _minhash(sig) for article_id, sig in {**known, **new}.items()}
    for article_id in known:
        lsh.insert(article_id, hashes[article_id])
    found: list[Duplicate] = []
    first_of = dict(originals)
    for article_id in order:
        matches = [m for m in lsh.query(hashes[article_id]) if m != article_id]
        scored = sorted(((hashes[article_id].jaccard(hashes[m]), m) for m in matches), reverse=True)
        scored = [(s, m) for s, m in scored if s >= THRESHOLD]
        if scored:
            similarity, match = scored[0]
            original = first_of.get(match, match)
            first_of[article_id] = original
            found.append(Duplicate(article_id, original, similarity))
        if article_id not in lsh:
            lsh.insert(article_id, hashes[article_id])
    return found
