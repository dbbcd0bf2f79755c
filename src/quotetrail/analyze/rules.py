"""Stance cues on the parse: which stance words bear on the target, and with what polarity.

A cue bears on the target when it is said of it (an `attribute` within a short dependency path:
"the X are our allies", "X terrorist group") or done to it (an `act` whose object the target is:
"recognise X", "condemn X"; the target as the act's subject says nothing of the speaker's view).
A `reverse` verb flips the cue under it ("remove X from the terrorist list" supports X); it says
what the target is not, so it counts as a predication.
An attribute that *names* the target — joined to it by a copula ("X are our allies", "X is one
of our allies"), an object predicate, or apposition ("X, the group in power, an ally of Moscow")
— is a predication: the speaker says what the target is, the plainest stance there is.
Negation — a negator on the cue or the predicate above it, or a refusal verb — flips polarity.
Among cues bearing on the target, the nearest on the tree decide.
In reported speech the words that label the target inside its own noun phrase ("the Taliban
militant group") are the reporter's, not the speaker's: with `reported`, they are no cue.
A headline's title case ("Taliban Are Our Allies") hides the lemma: the lower-cased word, or
its singular, is looked up too.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from spacy.tokens import Span, Token

from quotetrail.analyze.features import is_negated, tree_path
from quotetrail.lexicon import stance_cues, words

ATTRIBUTE_REACH = 3
AGENT_ROLES = frozenset(
    {"^nsubj", "^csubj", "^agent"}
)  # the target does the act; passive subjects undergo it


@dataclass(frozen=True)
class Cue:
    polarity: int  # +1 support, −1 oppose
    distance: int  # dependency path length from the target
    phrase: str  # the words that decided it, as written
    at: int = -1  # index of the cue word in the doc
    predicated: bool = (
        False  # the cue names what the target is (copula, object predicate, apposition)
    )


def _negated(token: Token) -> bool:
    refused = any(
        node.lemma_.lower() in words().refusal_verbs for node in list(token.ancestors)[:3]
    )
    return is_negated(token) or refused


def _in_subtree(token: Token, root: Token) -> bool:
    return root.i == token.i or any(node.i == root.i for node in token.ancestors)


def _phrase(*tokens: Token, negated: bool) -> str:
    words = [token.text for token in sorted(tokens, key=lambda t: t.i)]
    return ("not " if negated else "") + " … ".join(words)


def _partitive_hops(token: Token) -> int:
    """The two steps of "one of" above a noun, which say nothing about how near it is."""
    head = token.head
    return (
        2
        if head.lower_ == "of" and head.head.lower_ in words().partitives and head.head.i != token.i
        else 0
    )


def _predication(path: list[str], token: Token) -> bool:
    """Whether the path from target to cue only says "the target is the cue": a copula
    (^nsubj → attr) or object predicate, an appositive, the partitive "one of", or an indefinite
    appositive further down a series of appositives ("X, the group in Afghanistan, an ally of
    Moscow", where the parser hangs the last one on the previous appositive's noun)."""
    steps = path[: len(path) - _partitive_hops(token)]
    if steps in (
        ["^nsubj", "vattr"],
        ["^nsubjpass", "voprd"],
        ["^dobj", "voprd"],
        ["vappos"],
        ["^appos"],
    ):
        return True
    indefinite = any(d.dep_ == "det" and d.lower_ in {"a", "an"} for d in token.children)
    return (
        indefinite
        and steps[:1] == ["vappos"]
        and steps[-1:] == ["vappos"]
        and all(step in {"vappos", "vprep", "vpobj"} for step in steps)
    )


def _object_hops(path: list[str]) -> int:
    """The step the parser adds when it hangs the target's preposition on the verb whose
    object the cue is ("build relations with X", "voiced support for X": the relations are
    with X, the support is for X), read as if it hung on the cue."""
    return 1 if path[-3:] == ["^pobj", "^prep", "vdobj"] else 0


def _attribute(token: Token, target: Span, polarity: int) -> Cue | None:
    path = tree_path(target.root, token)
    if path is None:
        return None
    predicated = _predication(path, token)
    distance = 1 if predicated else len(path) - _partitive_hops(token) - _object_hops(path)
    if distance > ATTRIBUTE_REACH:
        return None
    negated = _negated(token)
    return Cue(
        -polarity if negated else polarity,
        distance,
        _phrase(token, negated=negated),
        token.i,
        predicated,
    )


def _act(token: Token, target: Span, polarity: int) -> Cue | None:
    """The act done to the target: the target is an argument in the act's own clause, with no
    other verb between them ("rejected the request, saying X was elected" does nothing to X)."""
    if not _in_subtree(target.root, token) or token.i in range(target.start, target.end):
        return None
    between = itertools.takewhile(lambda node: node.i != token.i, target.root.ancestors)
    if any(node.pos_ in ("VERB", "AUX") for node in between):
        return None
    path = tree_path(target.root, token)
    if path is None or any(step in AGENT_ROLES for step in path):
        return None
    negated = _negated(token)
    return Cue(
        -polarity if negated else polarity, len(path), _phrase(token, negated=negated), token.i
    )


def _reverse(token: Token, target: Span, _: int) -> Cue | None:
    """A removal verb with the target as object and a negative cue under it supports the target."""
    if not _in_subtree(target.root, token):
        return None
    inside = range(target.start, target.end)
    listed = [
        t
        for t in token.subtree
        if (_entry(t) or (0, ""))[0] < 0 and t.i not in inside and t.i != token.i
    ]
    if not listed:
        return None
    negated = _negated(token)
    path = tree_path(target.root, token) or []
    return Cue(
        -1 if negated else 1,
        max(len(path), 1),
        _phrase(token, listed[0], negated=negated),
        token.i,
        True,  # "remove X from the terrorist list" says what X is not: a predication
    )


def _relation(token: Token, target: Span, polarity: int) -> Cue | None:
    """A relation ("ally", "enemy") is said of whoever holds it, not of the one it is held to:
    "X is one of Moscow's allies" says what X is and nothing of Moscow, and "would not threaten
    Russia's allies" nothing of Russia."""
    path = tree_path(target.root, token)
    if path == ["^poss"] or (path == ["^pobj", "^prep"] and target.root.head.lower_ == "of"):
        return None
    return _attribute(token, target, polarity)


KINDS = {"attribute": _attribute, "relation": _relation, "act": _act, "reverse": _reverse}


def _entry(token: Token) -> tuple[int, str] | None:
    """The stance cue `token` is, if any: by lemma, else (title case) by its lower-cased form
    or that form's singular."""
    lexicon = stance_cues()
    entry = lexicon.get(token.lemma_.lower())
    if entry is not None or not token.is_title:
        return entry
    word = token.lower_
    singulars = (word, word[:-3] + "y" if word.endswith("ies") else word.removesuffix("s"))
    return next((lexicon[form] for form in singulars if form in lexicon), None)


def _label_of(token: Token, target: Span) -> bool:
    """`token` labels the target inside its own noun phrase ("the Taliban militant group"):
    a modifier of the target's head, or of the noun the target is a compound of."""
    heads = {target.root.i}
    if target.root.dep_ in ("compound", "nmod", "amod"):
        heads.add(target.root.head.i)
    return token.dep_ in ("amod", "compound") and token.head.i in heads


def label_tokens(target: Span) -> set[int]:
    """The stance words that label the target inside its own noun phrase ("militant" in "the
    Taliban militant group") and the gloss in brackets after it ("the Taliban (outlawed in
    Russia)", a wire's standing note): in reported speech, the reporter's."""
    heads = [target.root] + (
        [target.root.head] if target.root.dep_ in ("compound", "nmod", "amod") else []
    )
    return {
        child.i
        for head in heads
        for child in head.children
        if child.i not in range(target.start, target.end)
        and _label_of(child, target)
        and (_entry(child) or (0, ""))[1] in ("attribute", "relation")
    } | set(gloss(target))


GLOSS_TOKENS = 12  # "(a terrorist organisation banned in Russia)"


def gloss(target: Span) -> range:
    """The bracketed note right after the target's noun phrase, brackets included; empty when
    there is none."""
    doc = target.doc
    after = max(target.end, target.root.head.i + 1 if target.root.dep_ == "compound" else 0)
    if after >= len(doc) or doc[after].text != "(":
        return range(0)
    for i in range(after + 1, min(len(doc), after + GLOSS_TOKENS + 2)):
        if doc[i].text == ")":
            return range(after, i + 1)
    return range(0)


def cues_for(sentence: Span, target: Span, reported: bool = False) -> list[Cue]:
    """Every stance cue in `sentence` that bears on `target`; in reported speech (`reported`),
    not the labels the reporter gives the target."""
    found = []
    reversed_under: set[int] = set()
    noted = gloss(target) if reported else range(0)
    for token in sentence:
        entry = _entry(token)
        if entry is None or token.i in range(target.start, target.end):
            continue
        if reported and (
            (entry[1] in ("attribute", "relation") and _label_of(token, target)) or token.i in noted
        ):
            continue
        cue = KINDS[entry[1]](token, target, entry[0])
        if cue is not None:
            found.append(cue)
            if entry[1] == "reverse":
                reversed_under.update(t.i for t in token.subtree if t.i != token.i)
    # a cue under a reverse verb is already counted, flipped, by the reverse cue
    return [cue for cue in found if cue.at not in reversed_under]


def decide(cues: list[Cue]) -> Cue | None:
    """The nearest cues decide; ties are summed, and a tie of opposite polarities decides
    nothing."""
    if not cues:
        return None
    nearest = min(cue.distance for cue in cues)
    closest = [cue for cue in cues if cue.distance == nearest]
    total = sum(cue.polarity for cue in closest)
    if total == 0:
        return None
    winners = [cue for cue in closest if (cue.polarity > 0) == (total > 0)]
    return Cue(
        1 if total > 0 else -1,
        nearest,
        "; ".join(dict.fromkeys(cue.phrase for cue in winners)),
        predicated=any(cue.predicated for cue in winners),
    )
