"""Speech cues in a parse: speech-act verbs, "according to X", nominal statements, headlines.

A `Cue` names where a statement is attributed (the cue word), who the parse says made it (the
subject span, unresolved) and, when the parse gives it, the content the cue introduces (a
that-clause, an object: "urged the world to act", the rest of the sentence around "according
to X"). Which of these become statements is decided in `assemble`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from quotetrail import lexicon
from quotetrail.clean.dateline import DATELINE
from quotetrail.clean.rules import is_cross_link
from quotetrail.extract.quotes import CLOSERS, find_quotes, left_open, paragraphs
from quotetrail.extract.segment import entities, entity_of, sentence_of, text_of

SUBJECT_DEPS = {"nsubj"}
CLEFT_SUBJECTS = {"it", "this", "that", "there"}  # "It was the minister who said …"
INHERIT_SUBJECT_DEPS = {"conj", "xcomp", "advcl"}
RELATIVE = {"who", "that", "which"}
EDGE_PUNCT = set(",.;:!?—–-()[] \n\t") | lexicon.quote_marks().marks
CLAUSE_DEPS = {"ccomp"}
OBJECT_DEPS = {"dobj", "xcomp"}
NOUN_PREPS = {"of", "with", "from", "at", "for"}
ADJUNCT_PREPS = {"for", "at", "during", "after", "before", "since", "in"}  # when, where
FINITE_TAGS = {"VBZ", "VBD", "VBP", "MD"}
CONTRACTED_AUXILIARIES = {"'s", "'ve", "'re", "'d", "'ll"}
SPEAKER_ENTITIES = {"PERSON", "ORG", "NORP", "GPE"}  # entity labels that name someone who speaks
CLOSING_MARKS = lexicon.quote_marks().double_closing
SENTENCE_END_MARKS = set(".!?)") | CLOSING_MARKS
MAX_AFFILIATION_WORDS = 4  # ", Rentals.ca", ", a tenant in the building"


@dataclass(frozen=True)
class Cue:
    """One attribution found in the parse."""

    at: int  # character offset of the cue word
    text: str  # the cue as written: "said", "according to", "statement", ":"
    token: int  # index of the cue's head token (for dates and sentences)
    subject: Span | None  # the speaker as the parse names it, unresolved
    content: tuple[int, int] | None  # character span of what was said, when the parse gives it
    unquoted_direct: bool = False  # "He said, I am sure that …": direct speech without marks
    coordinated: bool = False  # a verb joined to another by "and" ("promised … and said …")
    act: bool = False  # the content is what a speech act bears on ("rejected the proposal")
    named: bool = False  # the content is the verb's object ("called for the ban"), no clause


def line_bounds(text: str, at: int) -> tuple[int, int]:
    """Start and end offsets of the line of `text` that holds offset `at`."""
    end = text.find("\n", at)
    return text.rfind("\n", 0, at) + 1, len(text) if end < 0 else end


def _span_chars(tokens: list[Token], anchor: Token) -> tuple[int, int] | None:
    """Character span of a token run, kept to the anchor's line, edge punctuation trimmed.

    The parser sometimes runs a sentence across a line break (a headline into a caption); what
    was said never crosses a paragraph, so the span stops at the line that holds the cue.
    """
    if not tokens:
        return None
    text = text_of(anchor.doc)
    line_start, line_end = line_bounds(text, anchor.idx)
    start = max(line_start, min(t.idx for t in tokens))
    end = min(line_end, max(t.idx + len(t.text) for t in tokens))
    while start < end and text[start] in EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in EDGE_PUNCT and not _closes_open_quote(text, start, end):
        end -= 1
    return (start, _closing_mark_after(text, start, end, line_end)) if end > start else None


def _closing_mark_after(text: str, start: int, end: int, limit: int) -> int:
    """Extend a span that opened a quotation over the closing mark the parse left outside
    ("…promises.”", "the Taliban are ‘democratic.’")."""
    opener = left_open(text[start:end])
    if not opener:
        return end
    position = end
    while position < limit and position - end < 3 and text[position] in ".,!?;":
        position += 1
    closer = next((mark for mark in CLOSERS[opener] if text.startswith(mark, position, limit)), "")
    return position + len(closer) if closer else end


def _closes_open_quote(text: str, start: int, end: int) -> bool:
    """Whether the span's last character closes a quotation the span opened (keep it)."""
    return bool(left_open(text[start : end - 1])) and not left_open(text[start:end])


def apposed_person(token: Token) -> Token:
    """The named person a subject stands beside: "MOSCOW — The President of Russia, Vladimir Putin,
    said", "Jim Eglinski, Yellowhead MP, said" (parsed with the title as the subject)."""
    if token.ent_type_ == "PERSON":
        return token
    if token.dep_ == "appos" and token.head.ent_type_ == "PERSON":
        return token.head
    frontier = [token]
    for _ in range(3):
        frontier = [
            c for t in frontier for c in t.children if c.dep_ in {"appos", "compound", "nmod"}
        ]
        named = next((t for t in frontier if t.ent_type_ == "PERSON"), None)
        if named is not None:
            return named
    return token


def _inside_quote(token: Token) -> bool:
    """Whether a token stands inside a quotation of its own line, as the quote scanner pairs the
    marks (a straight mark closing a curly one, “like this," is one quotation, not two opened)."""
    text = text_of(token.doc)
    start, end = line_bounds(text, token.idx)
    at = token.idx - start
    return any(lo <= at < hi for lo, hi in _quoted_spans(text[start:end]))


@lru_cache(maxsize=256)
def _quoted_spans(line: str) -> tuple[tuple[int, int], ...]:
    """The quotations of one line (asked for each subject on it)."""
    return tuple((quote.start, quote.end) for quote in find_quotes(line))


DASHES = frozenset({"—", "–", "-", "--"})


def _is_dateline(token: Token) -> bool:
    """ "KABUL — …": a place opening its sentence, followed by a dash."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.is_sent_start and following is not None and following.text in DASHES


def _person_apposed_to_cue(verb: Token) -> Token | None:
    """The name set off by a comma right before the cue, with what describes it: "…, Anna
    Petrova, said", "In Kabul, Ahmad Wali, 35, a shopkeeper, told …" (the parser hangs such a
    name on the phrase before it and leaves the verb without a subject)."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].text != "," or verb.tag_ == "VBG":
        return None  # (", urging …": a participle's subject is its clause's)
    sentence = sentence_of(verb)
    for token in reversed(doc[sentence.start : verb.i - 1]):
        if token.ent_type_ in {"PERSON", "ORG"} and token.pos_ == "PROPN":
            name = token
            described = {t.i for t in name.subtree}
            between = doc[name.i + 1 : verb.i]
            return name if all(t.is_punct or t.i in described for t in between) else None
    return None


def _name_ending_clause_before(verb: Token) -> Token | None:
    """ "… and tenants advocate Rhea Olsen told the Citizen …": a name right before the cue
    that ends a clause the parser hung on the cue (it read the title's noun as a verb) is who
    spoke."""
    name = verb.doc[verb.i - 1] if verb.i > 0 else None
    if name is None or name.ent_type_ != "PERSON" or name.pos_ != "PROPN" or _inside_quote(name):
        return None
    before = [c for c in verb.children if c.i < verb.i and c.right_edge.i == name.i]
    return name if any(c.dep_ in CLAUSE_DEPS for c in before) else None


def _subject_read_as_clause(verb: Token) -> Token | None:
    """ "Ann Roy, meanwhile, who chairs the board, said …", "Tom Hale, whose firm …, said …":
    the parser may read the subject and its relative clause as a clause before the verb; the
    name it opens with is the speaker (and that clause no part of what was said)."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text != ",":
        return None
    for clause in verb.children:
        if clause.dep_ not in {"ccomp", "advcl"} or clause.i > verb.i:
            continue
        subjects = [c for c in clause.children if c.dep_ == "nsubj"]
        named = [c for c in subjects if c.pos_ in {"PROPN", "NOUN"}]
        relative = any(c.lower_ == "who" for c in subjects) or any(
            t.lower_ == "whose" for c in named for t in c.subtree
        )
        if named and relative:
            return named[0]
    return None


def _subject_above(verb: Token) -> Token | None:
    """ "has been able to accuse the council of …", "is likely to remind voters … by
    mentioning …": a speech verb whose clause has no subject of its own
    says what the subject of the nearest clause above it says, through verbs and the words
    that join them (not through a noun: "a man saying …" is the man's; not from a passive,
    "we're told", nor an aside, whose subject is what was said)."""
    if _passive(verb):
        return None
    token = verb
    for above in verb.ancestors:
        if token.dep_ == "parataxis" or above.pos_ in {"NOUN", "PROPN", "PRON"}:
            return None
        if above.pos_ in {"VERB", "AUX"} and any(c.dep_ in SUBJECT_DEPS for c in above.children):
            return subject_of(above, 1)
        token = above
    return None


def speaker_token(verb: Token) -> Token | None:
    """The subject naming who spoke; a subject the parser found inside a quotation is replaced by
    the last name before the cue outside it ("Doug Purdy, who lost “two belt loops”, says")."""
    subject = subject_of(verb)
    if subject is None or _is_dateline(subject):
        subject = (
            _person_apposed_to_cue(verb)
            or subject
            or _subject_read_as_clause(verb)
            or _subject_above(verb)
            or _name_ending_clause_before(verb)
        )
    if subject is None or not _inside_quote(subject):
        return apposed_person(subject) if subject is not None else None
    outside = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and not _inside_quote(c)]
    if outside:  # "“… it will …,” said James Acton": the parser took a quoted word as well
        return apposed_person(outside[0])
    sentence = sentence_of(verb)
    names = [
        t for t in sentence if t.i < verb.i and t.ent_type_ == "PERSON" and not _inside_quote(t)
    ]
    return names[-1] if names else None


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The grammatical subject of a speech verb, inherited through conjunctions and participles.

    Of two subjects the parser hangs on one verb ("MOSCOW — The President … said": a dateline
    taken for a subject), the one nearest the verb is the speaker."""
    passive = _passive(verb)
    agent = _agent(verb)
    if (passive and not _contracted_has(verb)) or (verb.tag_ == "VBN" and agent is not None):
        return agent  # "was criticized by the mayor", "as reported by the Ledger"
    subjects = [
        c for c in verb.children if c.dep_ in SUBJECT_DEPS or (passive and c.dep_ == "nsubjpass")
    ] or _name_after_quotation(verb)
    if subjects:
        before = [child for child in subjects if child.i < verb.i]
        child = _before_clitic(before[-1] if before else subjects[0])
        if child.lower_ in RELATIVE and verb.dep_ == "relcl":
            head = _thing_held_by_person(verb.head) if child.lower_ == "which" else verb.head
            return _antecedent(head, depth)
        return child
    inherited_from = _speech_verb_above(verb) if _participle_statement(verb) else None
    if inherited_from is None and verb.dep_ in INHERIT_SUBJECT_DEPS and verb.head is not verb:
        inherited_from = verb.head
    inherited_from = inherited_from or _addresser_of_audience(verb)
    if depth < 3 and inherited_from is not None:
        return subject_of(inherited_from, depth + 1)
    if depth < 2 and (_gerund_after_preposition(verb) or _saying_of_medium(verb)):
        return _doer_of_gerund(verb.head.head)
    finite = verb.tag_ == "VBD" or (
        verb.tag_ in {"VBZ", "VBN"} and any(c.dep_ == "ccomp" for c in verb.children)
    )
    # "Russia, which …, announced that …": a finite verb hung on its subject
    hung_on_subject = verb.dep_ == "acl" and finite and verb.head.pos_ in {"PROPN", "NOUN"}
    return verb.head if hung_on_subject or _participle_of_speaker(verb) else None


def _addresser(noun: Token) -> Token | None:
    """The verb of saying or sending that `noun` is the audience of ("wrote to residents
    saying …", "texted volunteers saying …": the writer says it, not the residents)."""
    if noun.dep_ in {"dobj", "dative"}:
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ == "to":
        verb = noun.head.head
    else:
        return None
    words, lemma = lexicon.words(), noun.lemma_.lower()
    if lemma in words.document_nouns or lemma in words.nominal_cues:
        return None  # ("signed a letter urging …": the letter urges)
    says = verb.lemma_.lower() in lexicon.speech_lemmas() or verb.lemma_.lower() in (
        words.publishing_verbs
    )
    return verb if verb.pos_ == "VERB" and says else None


def _addresser_of_audience(verb: Token) -> Token | None:
    """ "wrote to residents saying …": a participle on the people a verb of saying or sending
    addresses is that verb's subject's."""
    audience = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or not _people(audience):
        return None
    return _addresser(audience)


def _people(noun: Token) -> bool:
    """A noun that names a person or people: a name, a nationality, a speaker noun no body's."""
    words = lexicon.words()
    return noun.ent_type_ in {"PERSON", "NORP"} or (
        noun.lemma_.lower() in words.speaker_nouns - words.organization_nouns
    )


def _participle_of_speaker(verb: Token) -> bool:
    """ "council staff suggesting the vote be delayed", "a union urging a strike": a
    participle hung on a noun that can speak (a name, a speaker, a body or a document) is what
    that noun says."""
    noun = verb.head
    words, lemma = lexicon.words(), noun.lemma_.lower()
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and noun.pos_ in {"NOUN", "PROPN"}
        and (
            noun.ent_type_ in SPEAKER_ENTITIES
            or lemma in words.speaker_nouns
            or lemma in words.organization_nouns
            or lemma in words.document_nouns
        )
        and _addresser(noun) is None
    )


def _contraction(token: Token) -> str:
    """A token as written with a straight apostrophe ("’s" → "'s")."""
    return token.lower_.replace("’", "'")


def _before_clitic(subject: Token) -> Token:
    """ "he’s said", "who’ve said": with a curly apostrophe the parser can take the contracted
    "has" for the subject; the subject is the word it is written onto."""
    if _contraction(subject) not in CONTRACTED_AUXILIARIES or subject.i == 0:
        return subject
    return subject.doc[subject.i - 1]


def _passive(verb: Token) -> bool:
    return any(c.dep_ == "nsubjpass" for c in verb.children)


def _has_subject(clause: Token) -> bool:
    """Whether a clause has a subject of its own, active or passive."""
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children)


def _says_on_its_own(verb: Token) -> bool:
    """A speech verb with its own subject: a statement of its own, whatever clause it sits
    beside ("…, and a third said …")."""
    return verb.lemma_.lower() in lexicon.speech_lemmas() and any(
        c.dep_ in SUBJECT_DEPS for c in verb.children
    )


def _agent(verb: Token) -> Token | None:
    """Who does what a passive verb says: "the mayor" of "by the mayor"."""
    return next(
        (o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"),
        None,
    )


def _contracted_has(verb: Token) -> bool:
    """ "he's said he believes …": the parser reads the contracted "has" as the passive's "is";
    with a clause of what was said it is active ("he's said to be …" stays passive)."""
    return any(c.dep_ == "auxpass" and _contraction(c) == "'s" for c in verb.children) and any(
        c.dep_ in CLAUSE_DEPS for c in verb.children
    )


def _name_after_quotation(verb: Token) -> list[Token]:
    """ "“…,” said Skelly": a capitalised word right after a speech verb that follows a
    quotation is who spoke, however the parser tagged it and hung it on the verb (an adverb,
    an object); a list of it or of nothing, to stand in for the subjects the parser found. Not
    after a participle or a verb whose object is the listener: "…,” telling Fox 35 that …"."""
    doc = verb.doc
    finite = verb.tag_ in {"VBD", "VBZ", "VBP"}
    inverted = finite and verb.lemma_.lower() not in lexicon.speech_lemmas("addressee")
    closing = (
        inverted
        and verb.i >= 2
        and (
            doc[verb.i - 1].text in CLOSING_MARKS
            or (doc[verb.i - 1].text in lexicon.quote_marks().double and doc[verb.i - 2].is_punct)
        )
    )
    return [
        c
        for c in verb.rights
        if closing
        and c.left_edge.i == verb.i + 1
        and c.is_title
        and c.pos_ in {"PROPN", "NOUN", "ADV"}  # a name the tagger did not know
        and c.ent_type_ not in {"DATE", "TIME"}  # "“…,” said Thursday"
        and c.dep_ in {"advmod", "npadvmod", "dobj", "attr", "oprd"}
    ]


def _thing_held_by_person(noun: Token) -> Token:
    """ "an idea from Nora Vance, a planner at …, which suggests …": "which" never stands
    for a person, so a person the parser hung it on (or a description set beside them) gives
    way to the thing they are named with."""
    token = noun
    while token.ent_type_ == "PERSON" or (
        token.dep_ == "appos" and token.head.ent_type_ == "PERSON"
    ):
        if token.head is token:
            return noun
        token = token.head
        if token.pos_ == "ADP":
            token = token.head
    return token


def _antecedent(noun: Token, depth: int) -> Token:
    """Who a relative pronoun stands for: the noun it follows, or, when that noun is what a
    copula says someone is ("Lee … is a veteran and a critic who has pledged …", "the mayor is
    a critic who said …"), that someone; a name there is no description ("Lee was out-spending
    Tom Reed, who said …", as the parser reads it, is Reed's)."""
    first = noun
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    if first.dep_ == "attr" and first.tag_ in {"NN", "NNS"} and depth < 3:
        subject = subject_of(first.head, depth + 1)
        if subject is not None and subject.lower_ not in CLEFT_SUBJECTS:
            return subject
    return noun


def _gerund_after_preposition(verb: Token) -> bool:
    """ "began by saying …", "was criticized for saying …": the speech verb itself is a gerund
    that a preposition hangs on another verb (not a clause under one: "cited X for refusing to
    discuss it while indicating …" stays the cue's own)."""
    return (
        verb.dep_ == "pcomp"
        and verb.tag_ == "VBG"
        and verb.head.dep_ == "prep"
        and verb.head.head.pos_ in {"VERB", "AUX"}
    )


def _saying_of_medium(verb: Token) -> bool:
    """ "the campaign issued a statement saying that …", "sent a letter saying …": a
    participle on the object that names where it was said (the lexicon's nominal cues and
    document nouns) says what the object's giver said."""
    medium = verb.head
    words = lexicon.words()
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and medium.dep_ == "dobj"
        and medium.lemma_.lower() in words.nominal_cues | words.document_nouns
        and medium.head.pos_ in {"VERB", "AUX"}
    )


def _doer_of_gerund(governor: Token) -> Token | None:
    """Who does what a gerund or participle after `governor` says: the one it is done to when
    that is someone ("criticized the mayor for saying", "the mayor was criticized for saying";
    not "cited privacy for refusing"), else its subject ("she began by saying", "the campaign
    issued a statement saying")."""
    done_to = [
        c
        for c in governor.children
        if c.dep_ == "nsubjpass"
        or (c.dep_ == "dobj" and (c.ent_type_ in SPEAKER_ENTITIES or c.tag_ == "PRP"))
    ]
    return done_to[0] if done_to else subject_of(governor, 1)


def mention_span(token: Token, cue: Token | None = None) -> Span:
    """The noun phrase a subject token heads, without relative clauses and appositions.

    A name the tagger ran into the cue ("Putin Says" in a headline) stops before the cue, and
    one it ran over a cue before it ("Said Ellen Park: …") starts after it.
    """
    whole = part_of(token)  # "one of the officials", "many of his aides"
    whole = share_of(token) if whole is None else whole  # "two in three"
    ent = entity_of(token) if whole is None else None  # not "One" of "One of them"
    if ent is not None:
        end = cue.i if cue is not None and ent.start < cue.i < ent.end else ent.end
        start = cue.i + 1 if cue is not None and ent.start == cue.i < token.i else ent.start
        return _extend_title(token.doc[start:end])
    left = _modifiers_start(token)
    start = _hyphenated_start(token.doc, left)
    if start < left:
        left = _modifiers_start(token.doc[start])
    right = token.i
    if whole is not None:
        right = whole.i
    elif token.pos_ == "NOUN" or those_described(token):  # "a member of the public",
        # "sources familiar with the talks", "those surveyed"
        for child in token.rights:
            if (child.dep_ == "prep" and child.lower_ in NOUN_PREPS) or child.dep_ in {
                "amod",
                "acl",
            }:
                right = max(right, child.right_edge.i)
        stop = next(
            (
                t.i
                for t in token.doc[token.i + 1 : right + 1]
                if t.text in {",", "(", "—"} or t.dep_ in {"cc", "relcl"} or t.lower_ in RELATIVE
            ),
            None,
        )
        right = stop - 1 if stop is not None else right
        said_by = [
            c for c in token.rights if c.dep_ == "acl" and cue is not None and cue in c.subtree
        ]
        if said_by:  # "members suggesting …": the participle the noun speaks by is no part of it
            right = min(right, said_by[0].left_edge.i - 1)
    return token.doc[left : right + 1]


NOUN_MODIFIER_DEPS = {
    "det",
    "amod",
    "compound",
    "nmod",
    "poss",
    "nummod",
    "advmod",
    "case",
    "quantmod",
}


def _modifiers_start(token: Token) -> int:
    """Where the words that modify a noun from the left start ("the former", "his top")."""
    return min([token.i] + [c.left_edge.i for c in token.lefts if c.dep_ in NOUN_MODIFIER_DEPS])


def _hyphenated_start(doc: Doc, left: int) -> int:
    """Where the written word that holds token `left` starts: "vice-president", which the
    tokenizer cuts in three and the parser may hang as three subjects."""
    while (
        left >= 2
        and doc[left - 1].text == "-"
        and not doc[left - 2].whitespace_
        and not doc[left - 1].whitespace_
    ):
        left -= 2
    return left


def part_of(token: Token) -> Token | None:
    """The group a partitive subject is part of: "officials" in "one of the officials", "two
    of the senators", "many of the local leaders" ("none of them" says nothing)."""
    partitive = token.like_num or token.lower_ in lexicon.words().partitives
    if not partitive or token.lower_ in lexicon.words().negators:
        return None
    heads = [token, *(c for c in token.rights if c.dep_ == "quantmod")]  # "two-thirds of"
    of = next((c for h in heads for c in h.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    group = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return group if group is not None and group.pos_ in {"NOUN", "PROPN", "PRON"} else None


def those_described(token: Token) -> bool:
    """ "those surveyed", "those polled": a group named by what was done to them."""
    return token.lower_ == "those" and any(c.dep_ == "acl" for c in token.rights)


def share_of(token: Token) -> Token | None:
    """The whole of a share that speaks, as polls report it: "three" in "two in three said",
    "one in four", "three out of five", "voters" in "one in four voters"."""
    if not token.like_num:
        return None
    if any(c.dep_ == "quantmod" and c.lower_ in {"in", "out"} for c in token.lefts):
        return token  # "six in 10": the parser hangs the share on its whole
    for prep in token.rights:
        if prep.dep_ == "prep" and prep.lower_ in {"in", "of", "out"}:
            whole = next((c for c in prep.subtree if c.dep_ == "pobj"), None)
            if whole is not None and (
                whole.like_num or any(c.dep_ == "nummod" and c.like_num for c in whole.children)
            ):
                return whole
    return None


def _extend_title(ent: Span) -> Span:
    """Include a form of address written before a name ("Mr. Blinken"; not "Sen.", a title)."""
    doc = ent.doc
    if ent.start > 0 and doc[ent.start - 1].lower_.rstrip(".") in lexicon.courtesy_titles():
        return doc[ent.start - 1 : ent.end]
    return ent


def _quoted(text: str) -> bool:
    """Whether a stretch of text holds a quotation (the scanner tells marks from apostrophes)."""
    return bool(find_quotes(text))


def _clause_content(verb: Token, clauses: list[Token]) -> tuple[tuple[int, int] | None, bool]:
    """A that-clause (or bare clause) is what was said, unless it is a question ("say why …").

    A wh-word before the cue is a relative pronoun the clause begins with ("rules, which she
    said will apply", "what he said is demand"): what was said is the clause after the cue."""
    tokens = _without_participle_statements([t for c in clauses for t in _from_that(c)])
    tokens = _without_statements_beside(verb, tokens)
    tokens = _subject_taken_by_the_day(verb, tokens) + tokens
    first = min(tokens, key=lambda t: t.i)
    question = first.lower_ in lexicon.words().question_words and not _tells(verb, first)
    if question and not _exclamative(first) and not _opens_condition(verb, first, clauses):
        if first.i > verb.i and not _named_in_quotes(verb, first, tokens):
            return None, False
        tokens = [t for t in tokens if t.i > verb.i]
        if not tokens:
            return None, False
        first = min(tokens, key=lambda t: t.i)
    comma_after = verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].text == ","
    unquoted = comma_after and first.i > verb.i and first.lower_ in {"i", "we"}
    return _span_chars(tokens, verb), unquoted


def _subject_taken_by_the_day(verb: Token, tokens: list[Token]) -> list[Token]:
    """ "The mayor said Monday two of the bridges, both built in 1950, would close": the parser
    hangs the clause's subject on the day written right after the verb (as the day's number);
    those words, between the day and the clause, are the clause's."""
    first = min(t.i for t in tokens)
    for day in verb.children:
        if day.dep_ != "npadvmod" or day.ent_type_ != "DATE" or day.i != verb.i + 1:
            continue
        taken = [t for t in day.subtree if t.i > day.i and t.ent_type_ != "DATE"]
        if taken and max(t.i for t in day.subtree) < first:
            return taken
    return []


def _that_mark(clause: Token) -> Token | None:
    """The conjunction "that" the clause hangs on itself, if any (not the relative pronoun)."""
    return next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"), None)


def _from_that(clause: Token) -> list[Token]:
    """A clause opened by the conjunction "that" starts there: what the parser hangs on it
    before (an aside between commas: "said, shaking his head, that …") is no part of it; nor
    is the time phrase of the saying that an adverbial clause takes in ("said after the
    convention he would …": the clause starts at its subject)."""
    start = _that_mark(clause)
    if start is None and clause.dep_ == "advcl":
        subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        before = [c for c in clause.children if subject is not None and c.i < subject.i]
        if before and all(c.dep_ in {"prep", "npadvmod"} for c in before):
            start = subject.left_edge
    return [t for t in clause.subtree if start is None or t.i >= start.i]


def _named_in_quotes(verb: Token, first: Token, tokens: list[Token]) -> bool:
    """ "condemned what he called a “reckless breach”": after a verb that takes what it judges as
    its object, "what" opens no question but the thing judged, content when it carries the
    speaker's quoted words (as any object does, `_object_content`)."""
    if first.lower_ != "what" or verb.lemma_.lower() not in lexicon.speech_lemmas("object_content"):
        return False
    return _carries_quote(verb, _span_chars(tokens, verb))


def _without_participle_statements(tokens: list[Token]) -> list[Token]:
    """ "said that he will step down, noting that …": a speech verb's participle set off by a
    comma, with a clause of its own, is a second statement (its cue is found on its own); the
    first one's content ends before it."""
    inside = {t.i for t in tokens}
    cut = {
        i
        for participle in tokens
        if participle.left_edge.i - 1 in inside and _participle_statement(participle)
        for i in [participle.left_edge.i - 1, *(t.i for t in participle.subtree)]
    }  # (with the comma or "and" before it)
    return [t for t in tokens if t.i not in cut]


def _without_statements_beside(verb: Token, tokens: list[Token]) -> list[Token]:
    """ "Six in ten said the plan is fair, and a third said the same of the tax", "some said
    it could work, while others said …", "most said …; a third said …": a clause whose own
    subject says something, set beside the content by a comma, a semicolon or a conjunction, is
    a statement of its own (its cue is found on its own); this one's content ends before it."""
    inside = {t.i for t in tokens}
    cut = {
        t.i
        for other in tokens
        if other.i != verb.i and _said_beside(verb, other, inside)
        for t in [*other.subtree, other.doc[other.left_edge.i - 1]]
    }
    return [t for t in tokens if t.i not in cut] or tokens


def _said_beside(verb: Token, other: Token, inside: set[int]) -> bool:
    if (
        other.pos_ != "VERB"
        or other.dep_ not in {"conj", "advcl", "ccomp"}  # not "…, which he described as …"
        or _that_mark(other) is not None  # "said that …, but that he should have insisted …"
        or not _says_on_its_own(other)
    ):
        return False
    doc = other.doc
    before = doc[other.left_edge.i - 1] if other.left_edge.i > 0 else None
    after = doc[other.right_edge.i + 1] if other.right_edge.i + 1 < len(doc) else None
    if other.i < verb.i:  # "most said …; a third said …"
        return after is not None and after.text == ";"
    return (
        before is not None
        and before.i in inside
        and (before.text in {",", ";"} or before.lower_ in {"and", "but", "while", "whereas"})
    )


def _participle_statement(verb: Token) -> bool:
    """A subjectless speech participle after a comma with a clause of its own ("…, noting that
    …", also after a quotation closed behind the comma: "…,” claiming that …"), or joined to
    another by "and" ("saying he would not … and suggesting that …"); or a finite speech verb
    the parser joined by "and" to the content of the one before ("said the base “went into
    …” and said the rescue was …")."""
    i = verb.left_edge.i - 1
    while i > 0 and verb.doc[i].text in lexicon.quote_marks().closing:
        i -= 1
    before = verb.doc[i].lower_ if i >= 0 else ""
    joined = verb.dep_ == "conj" and before == "and"
    speech = lexicon.speech_lemmas()
    return (
        (
            (verb.tag_ == "VBG" and (joined or (verb.dep_ == "advcl" and before == ",")))
            or (
                joined
                and verb.tag_ in {"VBD", "VBZ"}
                and verb.head.lemma_.lower() not in speech
                and _speech_verb_above(verb) is not None
            )
        )
        and verb.lemma_.lower() in speech
        and any(c.dep_ in CLAUSE_DEPS for c in verb.children)
        and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
    )


def _speech_verb_above(verb: Token) -> Token | None:
    """The nearest speech verb whose content holds a participle statement: its speaker is the
    participle's ("the minister said the province will …, insisting …": the minister insists)."""
    return next(
        (
            a
            for a in verb.ancestors
            if a.pos_ in {"VERB", "AUX"} and a.lemma_.lower() in lexicon.speech_lemmas()
        ),
        None,
    )


def _opens_condition(verb: Token, wh_word: Token, clauses: list[Token]) -> bool:
    """ "said if the council approved the plan it would be a mistake", "Whether they like it or
    not, the plan stands, she said": a conjunction that marks an adverbial clause inside what
    was said, after the verb or in a content wholly before it, opens a condition, not a question
    ("told them if it would …" asks, its clause being what the verb takes; "When told of …, he
    said, “…”" tells when he spoke)."""
    fronted = all(t.i < verb.i for c in clauses for t in c.subtree)
    marked = wh_word.head
    return (
        (wh_word.i > verb.i or fronted)
        and wh_word.dep_ in {"mark", "advmod"}
        and (marked.dep_ == "advcl" or wh_word.dep_ == "mark")
        and marked not in clauses
    )  # ("said if elected president he could …": a conjunction of a part, not of the clause)


def _tells(verb: Token, wh_word: Token) -> bool:
    """ "explained how he built the firm", "told the crowd why she was running": after a verb
    that tells (the lexicon's `wh_content`), a wh-clause is what was told, not a question;
    "whether" and "if" still ask ("could not tell whether …")."""
    return (
        wh_word.i > verb.i
        and wh_word.lower_ not in {"whether", "if"}
        and verb.lemma_.lower() in lexicon.speech_lemmas("wh_content")
    )


def _exclamative(wh_word: Token) -> bool:
    """ "told them how proud she is", "explained how hard it was": "how" with an adjective or
    adverb states a degree, it does not ask a question."""
    following = wh_word.doc[wh_word.i + 1] if wh_word.i + 1 < len(wh_word.doc) else None
    return wh_word.lower_ == "how" and following is not None and following.pos_ in {"ADJ", "ADV"}


def _is_date(phrase: Token) -> bool:
    """ "called on Thursday": a time adjunct, not what was called for (not "criticized the
    2011 intervention", an object with a date in it)."""
    if phrase.dep_ != "prep":
        return phrase.ent_type_ in {"DATE", "TIME"}  # ("announced Monday" read as an object)
    return any(t.ent_type_ in {"DATE", "TIME"} for t in phrase.children)


def _object_content(verb: Token) -> tuple[int, int] | None:
    """ "decried the "irresponsible policy"", "urged the world to act": an object as content.

    An object names what was said only when it carries the speaker's quoted words, or when the
    verb asks for something ("urged … to", "called for …"); otherwise "rejected a deal" is an act.
    """
    if _passive(verb):
        return None  # "was called a charlatan by …": what follows a passive was not said
    lemma = verb.lemma_.lower()
    parts = _object_parts(verb)
    if lemma == "call":  # "called for …", "called on X to …", "called the Taliban an ally"
        naming = _naming_object(verb)
        if naming is not None:
            return _span_chars(naming, verb)
        asked = [
            c for c in parts if c.dep_ == "prep" and c.lower_ in {"for", "on"} and not _is_date(c)
        ]
        to_do = [c for c in verb.children if c.i > verb.i and _infinitive(c)]
        # what is called for, and whom a call goes to with what they are to do ("called for X
        # to …", "called on X to …"; "called on the village" asks nothing)
        parts = [t for c in asked if c.lower_ == "for" or to_do for t in c.children]
        parts += to_do if parts else []
        tokens = [t for c in parts for t in c.subtree] + _asked_for_clause(verb)
        return _span_chars(tokens, verb) if tokens else None
    span = _span_chars([t for c in parts for t in c.subtree], verb) if parts else None
    if span is None:
        return None
    asks = lemma in lexicon.speech_lemmas("proposal") and any(
        c.dep_ in {"xcomp", "prep"} for c in parts
    )
    return span if asks or _says_of_object(parts) or _carries_quote(verb, span) else None


def _asked_for_clause(verb: Token) -> list[Token]:
    """ "called for the files to be made public": the parser reads "for … to …" as a clause
    hung on the verb, "for" its mark; what is called for is that clause, without the "for"."""
    return [
        t
        for c in verb.children
        if c.dep_ == "advcl" and c.i > verb.i and _infinitive(c)
        for mark in c.children
        if mark.dep_ == "mark" and mark.lower_ == "for"
        for t in c.subtree
        if t.i != mark.i
    ]


def _object_parts(verb: Token) -> list[Token]:
    """The verb's objects after it, and the prepositions that take what it bears on ("to" for
    the verbs of kind `object_to`: "pointed to the figures"; no object for those of kind
    `about_only`: "speaks French")."""
    lemma = verb.lemma_.lower()
    prepositions = lexicon.words().object_prepositions
    if lemma in lexicon.speech_lemmas("object_to"):
        prepositions = prepositions | {"to"}
    objects = set() if lemma in lexicon.speech_lemmas("about_only") else OBJECT_DEPS
    return [
        c
        for c in verb.children
        if c.i > verb.i and (c.dep_ in objects or (c.dep_ == "prep" and c.lower_ in prepositions))
    ]


def _acted_on(verb: Token) -> tuple[int, int] | None:
    """ "rejected the proposal", "expressed concern about the cuts", "announced a series of
    measures", "spoke about the cuts": what a speech act bears on when it says nothing in words
    of its own — no clause, no quotation (`_object_content` takes those). A statement of its
    own kind, `act`: the speaker's position on a thing, reported without what they said of it
    ("called the plan …" names; `_object_content` reads "call")."""
    if verb.lemma_.lower() == "call":
        return None
    if _agent(verb) is not None:  # "the plan was criticized by the mayor": the plan
        words = [t for c in verb.children if c.dep_ == "nsubjpass" for t in c.subtree]
    else:
        parts = [c for c in _object_parts(verb) if not _is_date(c)]  # not "… on Monday"
        if not any(c.dep_ == "dobj" or c.lower_ in {"about", "to", "of"} for c in parts):
            return None  # ("spoke about the cuts": what was spoken about, without "about")
        objects = [g for c in parts for g in (c.children if c.dep_ == "prep" else [c])]
        words = [t for c in objects for t in c.subtree]
    if not any(t.pos_ in {"NOUN", "PROPN"} for t in words):
        return None  # ("rejected it", "said more": nothing named to bear on)
    return _span_chars(words, verb)


def _says_of_object(parts: list[Token]) -> bool:
    """ "accused Republicans of placing …", "praised the mayor for speaking out", "described the
    plan as unfair": someone or something, and an act of theirs the speaker names ("of" or
    "for" and a gerund) or what the speaker says it is ("as …"), is a claim about them said
    aloud; "criticized the plan" or "blamed the weather for the delay" says nothing of it."""
    return any(c.dep_ == "dobj" for c in parts) and any(
        c.dep_ == "prep"
        and (
            c.lower_ == "as"
            or (
                c.lower_ in {"of", "for"}
                and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children)
            )
        )
        for c in parts
    )


def _carries_quote(verb: Token, span: tuple[int, int] | None) -> bool:
    """Whether a content span holds the speaker's quoted words (its edge marks included)."""
    return span is not None and _quoted(text_of(verb.doc)[span[0] - 1 : span[1] + 1])


def _infinitive(clause: Token) -> bool:
    """A "to …" clause under a verb (the parser hangs it as xcomp or as advcl)."""
    return clause.dep_ == "xcomp" or (
        clause.dep_ == "advcl" and any(c.tag_ == "TO" for c in clause.children)
    )


def _naming_object(verb: Token) -> list[Token] | None:
    """ "has called the Taliban, the armed group in power, an ally of Moscow": calling someone
    something is a judgement said aloud. The object and what it is called: an object predicate
    ("called the report a hoax"), or a noun phrase set after the object by apposition (the
    parser's reading when an appositive comes between, and of a quoted name: "called the senator
    “the next great reformer”") that is indefinite or quoted, or one that follows the object
    with no comma and names its owner ("called the senator his friend": an apposition is set
    off), or a quoted adjective the parser hung on the object ("called the proposals “illegal
    and counterproductive”"). "called it off" has neither."""
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    if not objects:
        return None
    obj = objects[0]
    named = [c for c in verb.children if c.dep_ == "oprd" and c.i > obj.i]
    named += [
        t
        for t in obj.subtree
        if t.dep_ == "appos"
        and t.i > obj.i
        and (
            any(d.dep_ == "det" and d.lower_ in {"a", "an"} for d in t.children)
            or _carries_quote(verb, _span_chars(list(t.subtree), verb))
            or (
                t.left_edge.i == obj.i + 1
                and t.left_edge.dep_ == "poss"
                and t.left_edge.pos_ == "PRON"
            )
        )
    ]
    named += [  # a quoted predicate the parser hung on the object: called the plan "illegal"
        t
        for t in obj.children
        if t.dep_ == "amod"
        and t.i > obj.i
        and _carries_quote(verb, _span_chars(list(t.subtree), verb))
    ]
    if not named:
        return None
    return list(obj.subtree) + [t for n in named if n.head.i == verb.i for t in n.subtree]


def _that_clause(clause: Token) -> bool:
    """What was said, hung on the verb as an adverbial clause after it (after a time phrase
    the parser often does): "tweeted late on Sunday that the mayor was …" (but not
    "so that …", "now that …"), and "said after the hearing she would appeal …", a finite
    clause with its own subject and no conjunction or wh-word to make it adverbial."""
    first = clause.left_edge
    if clause.dep_ != "advcl" or clause.i < clause.head.i or first.i == 0:
        return False
    if first.lower_ == "that":
        return clause.doc[first.i - 1].lower_ not in {"so", "such", "now", "given"}
    return (
        _has_subject(clause)
        and (clause.tag_ in FINITE_TAGS or any(c.tag_ in FINITE_TAGS for c in clause.children))
        and not any(c.dep_ == "mark" for c in clause.children)
        and not any(
            c.i < clause.i and c.lower_ in lexicon.words().question_words for c in clause.children
        )  # "said how he would …"; an "if" deeper down is the content's own condition
    )


def _absolute_participle(verb: Token, clause: Token) -> bool:
    """ "said it twice, his voice breaking": a participle without a subject of its own, after
    a comma, beside the verb's own object, describes the saying; what was said is the object."""
    return (
        clause.tag_ in {"VBG", "VBN"}
        and clause.i > verb.i
        and clause.left_edge.i > 0
        and clause.doc[clause.left_edge.i - 1].text == ","
        and not _has_subject(clause)
        and not any(c.dep_ == "mark" for c in clause.children)
        and any(c.dep_ == "dobj" for c in verb.children)
    )


def _clause_after_aside(verb: Token) -> list[Token]:
    """ "said, laughing, that …", "told reporters, smiling broadly, that …": a participle set
    off by commas between the speech verb and its that-clause, which the parser hangs on the
    participle or coordinates with the verb: the clause is what was said (`_from_that`)."""
    pairs = [
        (child, clause)
        for child in verb.children
        if child.dep_ == "advcl"
        for clause in child.children
        if clause.dep_ == "ccomp"
    ] + [
        (participle, child)
        for child in verb.children
        if child.dep_ == "conj" and not any(c.dep_ == "cc" for c in child.children)
        for participle in child.children
        if participle.dep_ == "advcl" and participle.i < child.i
    ]
    doc = verb.doc
    for participle, clause in pairs:
        that = _that_mark(clause)
        if (
            that is not None
            and verb.i < participle.i < that.i
            and participle.tag_ in {"VBG", "VBN"}
            and participle.lemma_.lower() not in lexicon.speech_lemmas()
            and not _has_subject(participle)
            and doc[participle.left_edge.i - 1].text == ","
            and doc[that.i - 1].text == ","
        ):
            return [clause]
    return []


def _gerund_object_clause(verb: Token) -> list[Token]:
    """ "denied taking money from the lobby", "suggested closing the old airport": a gerund
    clause with words of its own after a speech verb is what was said (denied, admitted,
    proposed)."""
    return [
        c
        for c in verb.children
        if c.dep_ == "xcomp"
        and c.tag_ == "VBG"
        and c.i > verb.i
        and c.text[:1].islower()  # ("wrote Running With Wolves": a title)
        and any(c.children)
    ]


def _gerund_subject_clause(verb: Token) -> list[Token]:
    """ "said seeing so many officers there was a welcome sight": a clause whose subject is a
    gerund, which the parser takes for the verb's complement with the rest of the clause hung
    on it; the gerund and its clause are what was said."""
    return [
        c
        for c in verb.children
        if c.dep_ == "xcomp"
        and c.tag_ == "VBG"
        and c.i == verb.i + 1
        and any(g.dep_ == "ccomp" and g.i > c.i for g in c.children)
    ]


def _addressed_clause(verb: Token) -> list[Token]:
    """ "told an audience of teachers that many parents supported …": after a verb whose
    object is the listener, a clause opened by the conjunction "that" that the parser hung on the
    object is what was said."""
    if verb.lemma_.lower() not in lexicon.speech_lemmas("addressee"):
        return []
    return [
        clause
        for listener in verb.children
        if listener.dep_ == "dobj"
        for clause in _that_clauses_under(listener)
    ]


def _medium_clause(verb: Token) -> list[Token]:
    """ "says in a statement that the race will …": a clause opened by the conjunction "that"
    that the parser hung on the noun naming where it was said (the lexicon's nominal cues:
    "statement", "interview", "tweet"), or on a noun of it ("in one of a series of messages
    that …"), is what the verb's subject said there; so is one it hung as a relative clause on
    a phrase of when or where it was said ("said for the first time that …"; not "responded to
    the revelation that …", whose clause is the revelation's)."""
    found = []
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i < verb.i:
            continue
        nouns = _nouns_of(prep)
        medium = any(n.lemma_.lower() in lexicon.words().nominal_cues for n in nouns)
        found += [
            clause
            for noun in nouns
            for clause in _that_clauses_under(noun)
            if medium
            or (noun == nouns[0] and clause.dep_ == "relcl" and prep.lower_ in ADJUNCT_PREPS)
        ]
    return found


def _nouns_of(prep: Token) -> list[Token]:
    """The object of a preposition and the nouns it is "of" in turn: "one", "series",
    "messages" in "in one of a series of messages"."""
    nouns = [c for c in prep.children if c.dep_ == "pobj"]
    for noun in nouns:  # the list grows as it is read: each noun's own "of" nouns follow it
        nouns += [
            o
            for of in noun.children
            if of.dep_ == "prep" and of.lower_ == "of"
            for o in of.children
            if o.dep_ == "pobj"
        ]
    return nouns


def _that_clauses_under(noun: Token) -> list[Token]:
    """Clauses the parser hung on a noun as relative ones that open with the conjunction "that"
    (not the relative pronoun: "the listener that …" has no "that" mark at its edge)."""
    return [
        clause
        for clause in noun.children
        if clause.dep_ in {"relcl", "acl"}
        and (that := _that_mark(clause)) is not None
        and that.i == clause.left_edge.i
    ]


def _object_marked_that(verb: Token) -> list[Token]:
    """ "reported that the decision to name Ortiz was made …": the subject of what was said,
    taken by the parser for the verb's object with the conjunction "that" hung on it; the
    object's words are the clause."""
    return [
        c
        for c in verb.children
        if c.dep_ == "dobj"
        and any(g.dep_ == "mark" and g.lower_ == "that" and g.i == verb.i + 1 for g in c.children)
    ]


def _fronted_clauses(verb: Token) -> list[Token]:
    """ "Moscow has no intention …, the minister revealed": a clause with its own subject (or a
    finite one) before the cue, not a participle that frames the question put to the speaker."""
    return [
        c
        for c in verb.children
        if c.dep_ in {"advcl", "parataxis"}
        and c.i < verb.i
        and not any(g.dep_ == "mark" for g in c.children)
        and (_has_subject(c) or (c.tag_ in FINITE_TAGS and not _framing_participle(c)))
    ]


def _framing_participle(clause: Token) -> bool:
    """ "Asked what he would tell the mayor, Ward says: …", "Pressed on the cuts, …": a
    participle without a subject of its own (the tagger may read it as a past tense)."""
    return clause.tag_ in {"VBN", "VBD"} and not _has_subject(clause)


def question_put(verb: Token) -> tuple[int, int] | None:
    """The character span of a participle fronted before the cue that frames the question put
    to the speaker ("Asked what he would tell Mayor Tory, he says …"): whoever it names was
    asked about, not the one who answers."""
    framing = next(
        (c for c in verb.children if c.dep_ == "advcl" and c.i < verb.i and _framing_participle(c)),
        None,
    )
    if framing is None:
        return None
    last = framing.doc[framing.right_edge.i]
    return framing.doc[framing.left_edge.i].idx, last.idx + len(last)


def _parenthetical_content(verb: Token) -> tuple[int, int] | None:
    """ "Police, Sinclair says, have no policies": the sentence the cue interrupts is the
    content. Not when the cue's subject opens the sentence: "His group, called the Legacy
    Fund, will own …" names the group (the parser can hang that participle the same way)."""
    if verb.dep_ != "parataxis":
        return None
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None)
    if subject is not None:
        left = min(t.i for t in subject.subtree)
        if left == sentence_of(verb).start or not verb.doc[left - 1].is_punct:
            return None
    inside = {t.i for t in verb.subtree}
    return _span_chars([t for t in verb.head.subtree if t.i not in inside], verb)


def _trailing_cue_content(verb: Token) -> tuple[int, int] | None:
    """ "The web has made it easy for them to find each other, she said.": a cue set off by a
    comma at the end of its sentence that the parser hung on the clause before it (as an
    adverbial clause without a conjunction, a clause of its verb, or a second verb: "…, his
    aide told reporters.") reports that clause. An aside of the writer's after a dash may follow
    ("…, Clinton said this week — an apparent reversal …"); a closing mark may stand after the
    comma ('"… from the county," a reader wrote.'), and the line break ending the paragraph
    is no word of the cue's."""
    if verb.dep_ not in {"advcl", "ccomp", "conj"}:
        return None
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i]
    subject = subjects[-1] if subjects else None  # the nearest: the parser may hang two
    if subject is None or verb.head.i > subject.i:
        return None
    doc, sentence = verb.doc, sentence_of(verb)
    left = subject.left_edge.i
    if any(
        (c.dep_ == "mark" and c.i >= left - 1) or c.lower_ in lexicon.words().question_words
        for c in verb.children
    ):
        return None  # "…, as she said", "… the 1930s when, amid …, Roosevelt announced …"
    if verb.dep_ != "advcl" and any(
        c.i < left and not (c.is_punct or c.dep_ == "cc") for c in verb.children
    ):
        return None  # "… but that if Obama opted to …, he should have insisted on …"
    # what follows the cue is its own: when, where, to whom ("she told Reuters"), never what
    # it says ("…, Roosevelt announced a series of measures")
    listener = lexicon.speech_lemmas("addressee")
    own = {
        t.i
        for c in verb.children
        if c.i > verb.i
        and c.dep_ in CUE_OWN_DEPS
        and (c.dep_ != "dobj" or verb.lemma_.lower() in listener)
        for t in c.subtree
    }
    end = next((t.i for t in doc[verb.i + 1 : sentence.end] if t.text in DASHES), sentence.end)
    rest = [t for t in doc[verb.i + 1 : end] if t.i not in own and not (t.is_punct or t.is_space)]
    comma = left - 1
    if comma > sentence.start and doc[comma].text in lexicon.quote_marks().closing:
        comma -= 1  # '"…," a resident wrote': the quotation closes after its comma
    if rest or comma <= sentence.start or doc[comma].text != ",":
        return None
    return _span_chars(list(doc[sentence.start : comma]), verb)


def _as_clause_content(verb: Token) -> tuple[int, int] | None:
    """ "As the Ledger noted, the council raised …", "…, as Reed put it": a speech verb with a
    subject, in a clause opened by "as" and set off by a comma, saying nothing of its own (no
    object, no clause), attributes the clause it hangs on — one span with the cue inside when
    it stands in the middle ("The council, as the Ledger noted, raised …"), as a cue set off by
    commas does; a conjunction before it ("But as Reed noted, …") is no part of what was said.
    Without the comma "as" tells the time ("carry it with them as they speak to buyers")."""
    if verb.dep_ != "advcl" or not any(
        c.dep_ == "mark" and c.lower_ == "as" for c in verb.children
    ):
        return None
    agent = _agent(verb)
    if agent is not None and verb.head.lemma_.lower() in lexicon.speech_lemmas():
        return None  # ("…,” she said, as reported by her aide": a report of the saying)
    if not (agent or any(c.dep_ == "nsubj" for c in verb.children)) or any(
        c.dep_ in {"dobj", "ccomp", "xcomp"} for c in verb.children
    ):
        return None
    doc = verb.doc
    clause = [t.i for t in verb.subtree]
    edge = (clause[-1], clause[-1] + 1) if verb.i < verb.head.i else (clause[0], clause[0] - 1)
    if not any(0 <= i < len(doc) and doc[i].text == "," for i in edge):
        return None
    kept = [
        t
        for t in verb.head.subtree
        if not clause[0] <= t.i <= clause[-1] and not t.is_punct and t.dep_ != "cc"
    ]
    return _span_chars(kept, verb)


CUE_OWN_DEPS = {"dobj", "dative", "iobj", "prep", "npadvmod", "advmod", "prt", "neg"}


def _interrupted_sentence(verb: Token) -> tuple[int, int] | None:
    """ "The difference now, she told reporters on Friday, is that …", "the pollution had
    become so bad, he noted, that …": a cue set off by commas inside the clause it reports
    (whatever the parser hangs where); what was said is that clause around it, one span with the
    cue inside, as a quotation interrupted by its attribution is one statement. Quotations are
    left to `assemble`."""
    doc = verb.doc
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None)
    if subject is None:
        return None
    left = min(t.i for t in subject.subtree)
    own = {t.i for c in verb.children if c.i > verb.i and c.dep_ in CUE_OWN_DEPS for t in c.subtree}
    right = verb.i + 1
    while right in own:
        right += 1
    if left == 0 or doc[left - 1].text != "," or right >= len(doc) or doc[right].text != ",":
        return None
    sentence = sentence_of(verb)
    start = next(
        (
            t.i + 1
            for t in reversed(doc[sentence.start : left - 1])
            if t.dep_ == "cc" and t.i > sentence.start and doc[t.i - 1].text == ","
        ),
        sentence.start,
    )
    before = [t for t in doc[start : left - 1] if not t.is_punct]
    after = [t for t in doc[right + 1 : sentence.end] if not (t.is_punct or t.is_space)]
    if len(before) < 2 or len(after) < 3 or _quoted(doc[start : sentence.end].text):
        return None
    if after[0].tag_ == "VBG" and after[0].lemma_.lower() in lexicon.speech_lemmas():
        return None  # ", noting that …": the speaker's next statement, not the clause's rest
    if after[0].dep_ == "cc" and after[0].head.i == verb.i and _second_predicate(verb):
        return None  # "In April, Acme reported …, and said …": the cue's sentence goes on
    return _span_chars(list(doc[start : sentence.end]), verb)


def _second_predicate(verb: Token) -> bool:
    """Whether the verb is joined to a verb of its subject's ("reported …, and said …"), not to
    a clause with a subject of its own ("…, he said, and the wrangling could …")."""
    return any(
        c.dep_ == "conj"
        and c.pos_ in {"VERB", "AUX"}
        and not any(g.dep_ in SUBJECT_DEPS | {"nsubjpass", "expl"} for g in c.children)
        for c in verb.children
    )


def _without_clause_set_apart(verb: Token, clauses: list[Token]) -> list[Token]:
    """ "A is seen as more capable than B - 60 percent of voters said A would do better", "520
    have said they back A, 39 have said they back B": when the verb has a clause after it, a
    clause before it is not what it says if a dash, a colon or a semicolon sets it apart (the
    writer's words) or if it is a statement of its own (a speech verb with its own subject) —
    the parser may hang both on the verb. A colon sets a clause apart whatever follows ("…
    announced a policy that …: party leader X promised a rise in …"); a dash or a semicolon
    only where a clause follows ("Moscow will not interfere — the minister said", "The talks
    have failed; the minister said so" report the clause before)."""
    after = any(c.i > verb.i for c in clauses)
    return [c for c in clauses if c.i > verb.i or not _set_apart(verb, c, after)]


def _set_apart(verb: Token, clause: Token, content_after: bool) -> bool:
    marks = DASHES | {";", ":"} if content_after else {":"}
    between = verb.doc[_last_word_of(clause) + 1 : verb.i]
    return any(t.text in marks for t in between) or (content_after and _says_on_its_own(clause))


def _last_word_of(clause: Token) -> int:
    """Index of a clause's last token that is not punctuation (the parser may hang a dash or a
    closing mark after the clause on it)."""
    return max(t.i for t in clause.subtree if not t.is_punct or t.i == clause.i)


def _content_of_verb(verb: Token) -> tuple[tuple[int, int] | None, bool, bool]:
    """(content span, unquoted direct, the verb's object) for a speech verb."""
    interrupted = _interrupted_sentence(verb)
    if interrupted is not None:
        return interrupted, False, False
    speaker_in_clause = _name_ending_clause_before(verb) is not None
    subject_clause = _subject_read_as_clause(verb)
    clauses = _without_clause_set_apart(
        verb,
        [
            c
            for c in verb.children
            if (c.dep_ in CLAUSE_DEPS or _that_clause(c))
            and not _absolute_participle(verb, c)
            and not (speaker_in_clause and c.right_edge.i == verb.i - 1)
            and not (subject_clause is not None and subject_clause.head.i == c.i)
        ],
    )
    clauses = (
        clauses
        or _gerund_object_clause(verb)
        or _gerund_subject_clause(verb)
        or _addressed_clause(verb)
        or _medium_clause(verb)
        or _object_marked_that(verb)
        or _fronted_clauses(verb)
    )
    if clauses:
        return *_clause_content(verb, clauses), False
    aside = _clause_after_aside(verb)
    if aside:
        return *_clause_content(verb, aside), False
    if verb.lemma_.lower() in lexicon.speech_lemmas("object_content"):
        found = _object_content(verb)
        if found:
            return found, False, True
    rest = (
        _parenthetical_content(verb)
        or _as_clause_content(verb)
        or _trailing_cue_content(verb)
        or _headline_rest(verb)
        or _pro_form_content(verb)
    )
    return rest, False, False


def _pro_form_content(verb: Token) -> tuple[int, int] | None:
    """ "the board said so", "most members said yes", "the council said the same of the plan":
    a word right after the verb that stands for what was said (an answer, or the claim before
    it) is the content, with what it is said of."""
    after = [t for t in verb.doc[verb.i + 1 : verb.i + 3] if not t.is_space]
    word = next(
        (
            t
            for t in after
            if t.head.i == verb.i
            and t.dep_ in {"dobj", "advmod", "intj"}  # not "said that …" as a conjunction
            and t.lower_ in lexicon.words().pro_forms
            and (t.i == after[0].i or after[0].lower_ == "the")
        ),
        None,
    )
    if word is None:
        return None
    following = verb.doc[word.i + 1] if word.i + 1 < len(verb.doc) else None
    if word.lower_ == "that" and not (  # alone, or said of something ("said that of the plan")
        following is None or following.is_punct or following.lower_ in {"of", "about"}
    ):
        return None
    tokens = list(word.subtree) + [
        t
        for c in verb.children
        if c.dep_ == "prep" and c.i == word.right_edge.i + 1
        for t in c.subtree
    ]  # ("said no to the war")
    return _span_chars(tokens, verb)


def _headline_rest(verb: Token) -> tuple[int, int] | None:
    """ "Glenn Beck Says Trump, 'Alt Right' Pose A Threat": in a headline written in title
    case, which the parser reads as names and nouns, the rest of the line after a capitalised
    speech verb is what was said."""
    text = text_of(verb.doc)
    start, end = line_bounds(text, verb.idx)
    words = [w for w in text[start:end].split() if w[0].isalpha()]
    capitalised = sum(w[0].isupper() for w in words)
    if not verb.text[0].isupper() or verb.idx == start or capitalised < 0.7 * len(words):
        return None
    return _span_chars([t for t in verb.doc[verb.i + 1 :] if t.idx < end], verb)


def _denied_speech(verb: Token) -> bool:
    """ "did not say", "declined to say", "none of them said", "no official said": a cue that
    reports no statement."""
    if any(c.dep_ == "neg" and not _inside_quote(c) for c in verb.children):
        return True  # ("“Probably not,” she said": a negation in the quote is its words')
    negators = lexicon.words().negators
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is not None and (
        subject.lower_ in negators
        or any(c.dep_ == "det" and c.lower_ in negators for c in subject.children)
    ):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lexicon.words().refusal_verbs


def verb_cues(doc: Doc) -> list[Cue]:
    found = []
    for token in doc:
        if (
            token.pos_ not in {"VERB", "AUX"}
            or token.lemma_.lower() not in lexicon.speech_lemmas()
            or _denied_speech(token)
        ):
            continue
        content, unquoted, named = _content_of_verb(token)
        lemma = token.lemma_.lower()
        acted_on = (
            _acted_on(token)
            if content is None and lemma in lexicon.speech_lemmas("object_content")
            else None
        )
        content = content or acted_on or _clause_before_comma(token)
        announced = _announced_paragraph(token) if content is None else None
        if announced is not None and not _quoted(announced[2]):
            content, unquoted = announced[:2], True  # a block quotation without marks
        if lemma in lexicon.speech_lemmas("need_content") and content is None and not announced:
            continue
        subject = speaker_token(token)
        if subject is None and content is None:
            continue
        found.append(
            Cue(
                at=token.idx,
                text=_verb_phrase(token),
                token=token.i,
                subject=mention_span(subject, token) if subject is not None else None,
                content=content,
                unquoted_direct=unquoted,
                coordinated=token.dep_ == "conj",
                act=acted_on is not None,
                named=named or acted_on is not None,
            )
        )
    return found


def _clause_before_comma(verb: Token) -> tuple[int, int] | None:
    """ "The plan to use the assets is theft, Moscow has said.": what was said opens the
    sentence and the cue closes it, its subject right after the comma — read so when the parser
    hung the clause elsewhere (on a verb inside it, or its subject on the cue). The clause has a
    finite verb and does not open as an adverbial ("After the talks ended, Moscow said.")."""
    sentence = sentence_of(verb)  # the cue closes it, not a clause in it ("… when, …, X said")
    if verb.dep_ != "ROOT" or any(not t.is_punct for t in sentence if t.i > verb.i):
        return None
    subject = subject_of(verb)
    if subject is None or subject.i > verb.i:
        return None
    doc, end = verb.doc, subject.left_edge.i
    while end > sentence.start and doc[end - 1].is_quote:
        end -= 1  # "… is “theft,” Moscow said": the comma before the closing mark
    if end - 1 <= sentence.start or doc[end - 1].text != ",":
        return None
    clause = doc[sentence.start : end - 1]
    opener = clause[0]
    if opener.pos_ in {"SCONJ", "ADP"} or opener.dep_ == "mark" or opener.lower_ in {"as", "so"}:
        return None
    if not any(t.tag_ in FINITE_TAGS for t in clause) or any(
        t.lemma_.lower() in lexicon.speech_lemmas() and t.pos_ == "VERB" for t in clause
    ):
        return None
    return _span_chars(list(clause), verb)


def _announced_paragraph(verb: Token) -> tuple[int, int, str] | None:
    """ "The Times reports:", "The governor added:" — the verb ends its paragraph with a colon:
    what was said is the next paragraph (its span and text). A quotation there takes this cue
    in `assemble`; a paragraph without marks is the words themselves, quoted as a block."""
    doc = verb.doc
    if verb.i + 1 >= len(doc) or doc[verb.i + 1].text != ":":
        return None
    text = text_of(doc)
    end_of_line = text.find("\n", doc[verb.i + 1].idx)
    if end_of_line < 0 or text[doc[verb.i + 1].idx + 1 : end_of_line].strip():
        return None
    following = next(paragraphs(text[end_of_line:]), None)
    if following is None:
        return None
    start, end = (end_of_line + offset for offset in following)
    return start, end, text[start:end]


def _verb_phrase(verb: Token) -> str:
    """The cue as written, with a particle or preposition that makes it ("called for")."""
    for child in verb.children:
        if child.i == verb.i + 1 and (
            child.dep_ == "prt" or (verb.lemma_ == "call" and child.dep_ == "prep")
        ):
            return f"{verb.text} {child.text}"
    return verb.text


def according_cues(doc: Doc) -> list[Cue]:
    """ "…, according to X": X said the rest of the sentence (the lexicon's attribution
    phrases: a word and the preposition under it that introduces the source). Set off by
    commas inside the clause it attributes ("The rebels, according to X, would struggle …"),
    the phrase is inside what was said, one span, as a cue set off by commas is."""
    phrases = dict(phrase.split(" ", 1) for phrase in lexicon.words().attribution_phrases)
    found = []
    for token in doc:
        if token.lower_ not in phrases:
            continue
        to = next((c for c in token.children if c.lower_ == phrases[token.lower_]), None)
        source = (
            next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        )
        if source is None:
            continue
        sentence = sentence_of(token)
        phrase = {t.i for t in token.subtree}
        before = [t for t in sentence if t.i < token.i and t.i not in phrase]
        after = [t for t in sentence if t.i > max(phrase) and t.i not in phrase]
        if not before and not after:  # the parser hung the sentence on the phrase: it ends
            comma = next((t for t in sentence if t.i > source.i and t.text == ","), None)
            after = [t for t in sentence if comma is not None and t.i > comma.i]
        if _splits_clause(before, after, phrase):
            content = _span_chars(before + after, token)
        else:
            content = _span_chars(before if len(before) >= len(after) else after, token)
        cue = f"{token.lower_} {to.lower_}"
        found.append(Cue(token.idx, cue, token.i, mention_span(source), content))
    return found


def _splits_clause(before: list[Token], after: list[Token], phrase: set[int]) -> bool:
    """Whether an attribution phrase, with a comma on each side, stands inside one clause: a
    word before it hangs on a word after it (the subject before, its verb after). Between two
    clauses ("The talks ended, according to X, and the envoys left") nothing before hangs on
    what follows."""
    if not before or not after:
        return False
    doc = before[0].doc
    first, last = min(phrase), max(phrase)
    closed = doc[last].text == "," or (last + 1 < len(doc) and doc[last + 1].text == ",")
    if first == 0 or doc[first - 1].text != "," or not closed:  # the parser may keep the
        return False  # closing comma inside the phrase, hung on the source's apposition
    later = {t.i for t in after}
    return any(t.head.i in later for t in before if not t.is_punct)


def _asked_of_noun(noun: Token) -> Token | None:
    """ "his call to ban …", "her pledge to remove …": what a noun of asking or promising asks
    for, a "to …" clause on it, or beside it where the parser hung the clause on the verb that
    takes the noun ("renewed his call to ban …")."""
    if noun.lemma_.lower() not in lexicon.speech_lemmas("proposal"):
        return None
    beside = noun.head.children if noun.dep_ == "dobj" else ()
    return next(
        (
            c
            for c in [*noun.children, *beside]
            if c.dep_ in {"acl", "advcl", "xcomp"}
            and any(t.tag_ == "TO" for t in c.children)
            and (c.head.i == noun.i or c.left_edge.i == noun.right_edge.i + 1)
        ),
        None,
    )


def _deliverer(noun: Token) -> Token | None:
    """ "The mayor issued a warning that …", "made a promise to …": the subject of a verb that
    delivers the statement the noun names owns it."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in lexicon.words().delivering_verbs:
        return None
    return speaker_token(verb)


def nominal_cues(doc: Doc) -> list[Cue]:
    """ "X's statement that …", "X's argument was that …", "X's call to …": a noun that names a
    statement, its owner and its that-clause (or, for a call or a pledge, what it asks)."""
    found = []
    for token in doc:
        if token.pos_ != "NOUN" or token.lemma_.lower() not in lexicon.words().nominal_cues:
            continue
        copula = token.head if token.dep_ == "nsubj" and token.head.lemma_ == "be" else None
        clause = next(
            (
                c
                for c in [*token.children, *(copula.children if copula is not None else ())]
                if c.dep_ in {"acl", "ccomp"} and _that_mark(c) is not None
            ),
            None,
        ) or _asked_of_noun(token)
        owner = next(
            (
                o
                for c in token.children
                for o in ([c] if c.dep_ == "poss" else c.children if c.lower_ == "by" else [])
                if o.dep_ in {"poss", "pobj"}
            ),
            None,
        ) or _deliverer(token)  # "X's claim", "claims by X", "X issued a warning"
        if clause is None or owner is None:
            continue
        tokens = list(clause.subtree)
        tokens += [
            t
            for c in token.head.children
            if c.dep_ == "conj" and c.i > clause.i
            for t in c.subtree
            if _that_mark(c) is not None
        ]
        found.append(
            Cue(token.idx, token.text, token.i, mention_span(owner), _span_chars(tokens, token))
        )
    return found


def headline_cues(doc: Doc) -> list[Cue]:
    """ "Russia will not interfere: Vladimir Putin": a title line ending in a colon and a name."""
    found = []
    for sentence in doc.sents:
        last = _last_word(sentence)
        ents = [
            e
            for e in entities(doc)
            if sentence.start <= e.start and e.label_ == "PERSON" and e.end == last
        ]
        if not ents:
            continue
        name = ents[0]
        colon = doc[name.start - 1] if name.start > sentence.start else None
        if colon is None or colon.text != ":":
            continue
        content = _span_chars(list(doc[sentence.start : colon.i]), colon)
        if content:
            found.append(Cue(colon.idx, ":", colon.i, name, content))
    return found


def signed_cues(doc: Doc) -> list[Cue]:
    """ "… constitute an emergency. Jane Doe": a pull quote, a paragraph signed at its end with
    the bare name of someone the article names elsewhere (", Outlet" may follow the name). A
    photographer's credit under a caption names no one the story mentions, so it signs nothing."""
    text = text_of(doc)
    found = []
    for entity in entities(doc):
        if entity.label_ != "PERSON" or entity.start == 0 or not doc[entity.start].is_sent_start:
            continue
        name = _without_trailing_space(entity)
        line_start, line_end = line_bounds(text, name.start_char)
        tail = text[name.end_char : line_end].strip()
        signed = doc[name.start - 1].text[-1] in SENTENCE_END_MARKS and (
            not tail or (tail.startswith(",") and len(tail.split()) <= MAX_AFFILIATION_WORDS)
        )
        if not signed or not _named_elsewhere(doc, name, line_start, line_end):
            continue
        before = [t for t in doc[: name.start] if t.idx >= line_start]
        content = _span_chars(before, before[0]) if before else None
        if content:
            found.append(Cue(name.start_char, name.text, name.start, name, content))
    return found


def _without_trailing_space(span: Span) -> Span:
    """An entity the tagger ran over the line breaks after it, without them."""
    end = span.end
    while end > span.start + 1 and span.doc[end - 1].is_space:
        end -= 1
    return span.doc[span.start : end]


def _named_elsewhere(doc: Doc, name: Span, line_start: int, line_end: int) -> bool:
    """Whether the name's last word stands in the text outside the line it signs."""
    surname = name.text.split()[-1]
    return any(
        t.text == surname and not line_start <= t.idx < line_end
        for t in doc
        if t.ent_type_ == "PERSON"
    )


def _last_word(sentence: Span) -> int:
    end = sentence.end
    while end > sentence.start and (
        sentence.doc[end - 1].is_punct or sentence.doc[end - 1].is_space
    ):
        end -= 1
    return end


INVERTED_SPEAKER_WORDS = 8  # "Said the former deputy minister of finance:" at most


def inverted_cues(doc: Doc) -> list[Cue]:
    """ "Said Ellis: “…”", "Added the mayor, “…”": a speech verb opening its sentence before its
    speaker and a quotation (the parser reads such a verb as part of a name). The quotation is
    `assemble`'s to find after the cue, as after "X said:"."""
    forms, openers = lexicon.speech_forms(), lexicon.quote_marks().closers
    found = []
    for sentence in doc.sents:
        verb = sentence[0]
        if verb.lower_ not in forms or not verb.text[:1].isupper() or verb.tag_ == "VBG":
            continue
        if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            continue  # read as the verb it is: `verb_cues` has it
        stop = next(
            (
                t.i
                for t in doc[verb.i + 1 : verb.i + 2 + INVERTED_SPEAKER_WORDS]
                if t.text in {":", ","}
            ),
            None,
        )
        if stop is None or stop + 1 >= len(doc) or doc[stop + 1].text not in openers:
            continue
        speaker = doc[verb.i + 1 : stop]
        if any(t.pos_ in {"PROPN", "NOUN"} for t in speaker):
            found.append(Cue(verb.idx, verb.text, verb.i, speaker, None))
    return found


CUE_FINDERS = (
    verb_cues,
    according_cues,
    nominal_cues,
    headline_cues,
    signed_cues,
    inverted_cues,
)


def link_line(text: str, at: int) -> bool:
    """Whether the line holding `at` is a link to another story ("READ MORE: …", "Also on
    rt.com …"): the cleaner's rule, so "More than 20 officials said" and "Also on Monday, …"
    open statements, not links."""
    start, end = line_bounds(text, at)
    return is_cross_link(text[start:end])


def find_cues(doc: Doc) -> list[Cue]:
    """Every cue in the parse outside link lines, in text order."""
    text = text_of(doc)
    cues = (
        _after_dateline(text, cue)
        for finder in CUE_FINDERS
        for cue in finder(doc)
        if not link_line(text, cue.at)
    )
    return sorted(cues, key=lambda c: c.at)


def _after_dateline(text: str, cue: Cue) -> Cue:
    """A content that opens its paragraph with the dateline ("BRUSSELS, Oct 14 (Reuters) - EU
    ministers failed …, diplomats said") starts after it: where the story was filed from is the
    reporter's, not what was said."""
    if cue.content is None or cue.content[0] != line_bounds(text, cue.content[0])[0]:
        return cue
    start, end = cue.content
    found = DATELINE.match(text[start:end])
    return (
        replace(cue, content=(start + found.end(), end))
        if found and found.end() < end - start
        else cue
    )
