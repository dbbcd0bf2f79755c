"""Target-dependent features of one target in one parsed sentence, for the stance model.

What a sentence says about a target depends on where the target stands: the words around it,
the verb that governs it and its role there (the one who blames or the one blamed), the
modifiers attached to it, and whether negation scopes over them. Features are strings with
weights, so the model is a plain dictionary of coefficients.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from quotetrail.lexicon import valence, words

WINDOW = 4
MAX_PATH = 4
CONTENT = frozenset({"NOUN", "VERB", "ADJ", "ADV", "PROPN", "INTJ", "AUX"})


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def is_negated(token: Token) -> bool:
    """True when a negator attaches to the token or to the predicate it belongs to; a negator
    with an exception after it says the exception ("had nothing but praise for X")."""
    for node in (token, *list(token.ancestors)[:3]):
        if any(_negates(child) for child in node.children):
            return True
        if node.pos_ in ("VERB", "AUX") and node.i != token.i:
            break
    return False


def _negates(token: Token) -> bool:
    if token.dep_ == "neg":
        return True
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.lower_ in words().negators and not (
        following is not None and following.lower_ in words().exceptives
    )


def governor(token: Token) -> Token | None:
    """The nearest verb above the token (the predicate whose argument it is)."""
    for node in token.ancestors:
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def role(target: Span) -> str:
    """The target's grammatical role, seen from the noun phrase it heads or sits in."""
    node = target.root
    while (
        node.dep_ in ("compound", "amod", "poss", "det", "nmod", "appos", "conj")
        and node.head.i != node.i
    ):
        node = node.head
    if node.dep_ == "pobj" and node.head.head.i != node.head.i:
        return f"pobj_{node.head.lower_}"
    return node.dep_


def tree_path(source: Token, target: Token) -> list[str] | None:
    """Dependency labels from `source` up to the common ancestor and down to `target`."""
    up = [source, *source.ancestors]
    up_index = {token.i: n for n, token in enumerate(up)}
    down: list[Token] = []
    node = target
    while node.i not in up_index:
        down.append(node)
        if node.head.i == node.i:
            return None
        node = node.head
    top = up_index[node.i]
    if top + len(down) > MAX_PATH:
        return None
    return [f"^{t.dep_}" for t in up[:top]] + [f"v{t.dep_}" for t in reversed(down)]


def _sign(value: float) -> str:
    return "pos" if value > 0 else "neg"


def target_features(sentence: Span, target: Span) -> dict[str, float]:
    """Features of `target` (a span inside `sentence`): its role, the word that governs it, its
    modifiers, and the words and valences of the sentence around it."""
    feats: dict[str, float] = {}

    def add(name: str, value: float = 1.0) -> None:
        feats[name] = feats.get(name, 0.0) + value

    inside = set(range(target.start, target.end))
    head = target.root
    target_role = role(target)
    add(f"role:{target_role}")
    add(f"t:{head.lower_}")
    _governor_features(add, head, target_role, inside)
    for child in head.children:
        if child.i not in inside and child.pos_ in CONTENT:
            add(f"mod:{child.dep_}|{child.lemma_.lower()}")
    _context_features(add, sentence, target, inside)
    return feats


AddFeature = Callable[..., None]


def _governor_features(add: AddFeature, head: Token, target_role: str, inside: set[int]) -> None:
    """The word that governs the target: its lemma, valence (negation flips it) and the content
    words it governs beside the target."""
    gov = governor(head)
    if gov is None:
        return
    negated_gov = is_negated(gov)
    gov_lemma = gov.lemma_.lower()
    add(f"gov:{gov_lemma}")
    add(f"rolegov:{target_role}|{gov_lemma}")
    gov_val = valence(gov.text, gov_lemma) * (-1 if negated_gov else 1)
    if gov_val:
        add(f"rolegovval:{target_role}|{_sign(gov_val)}")
        add(f"govval:{target_role}", gov_val / 4)
    if negated_gov:
        add("gov_negated")
    for child in gov.children:
        if child.i in inside or child.dep_ in ("punct", "det", "aux", "auxpass"):
            continue
        if child.pos_ in CONTENT:
            add(f"sib:{target_role}|{child.dep_}|{child.lemma_.lower()}")


def _context_features(add: AddFeature, sentence: Span, target: Span, inside: set[int]) -> None:
    """The sentence's words (near ones by side) and its valence: in all, near the target, and
    along the tree path to it."""
    head = target.root
    val_sum = {"sent": 0.0, "near": 0.0, "path": 0.0}
    for token in sentence:
        if token.i in inside or token.is_punct or token.is_space:
            continue
        lemma = _lemma(token)
        add(f"w:{lemma}", 0.5)
        distance = token.i - target.end + 1 if token.i >= target.end else target.start - token.i
        if distance <= WINDOW:
            side = "r" if token.i >= target.end else "l"
            add(f"{side}:{lemma}")
            if distance == 1:
                add(f"{side}1:{lemma}")
        score = valence(token.text, token.lemma_)
        if not score:
            continue
        if is_negated(token):
            score = -score * 0.75
        val_sum["sent"] += score
        if distance <= WINDOW:
            val_sum["near"] += score
        path = tree_path(head, token)
        if path is not None:
            val_sum["path"] += score / len(path)
            add(f"p:{'/'.join(path)}|{_sign(score)}")
            add(f"pl:{len(path)}|{_sign(score)}")
    for name, value in val_sum.items():
        if value:
            add(f"val_{name}_{_sign(value)}", min(abs(value), 8.0) / 4)
