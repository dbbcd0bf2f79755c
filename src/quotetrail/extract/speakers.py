"""Speaker attribution: our own light coreference over one article's cast.

A speaker mention at a cue is resolved by what it is: a name (to the fullest form the article
gives), a pronoun (to the nearest compatible earlier subject or named speaker, within a few
paragraphs, gender permitting), a role ("The top Russian diplomat": the person whose role and
country fit), a definite description of one person ("the 26-year-old right wing": the person
last named as a subject), a document ("the report", "a study by X": its author), or a body or
place that stands for a government ("Moscow", "the Kremlin"), kinded as an organisation.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from quotetrail import lexicon
from quotetrail.extract.cast import (
    FEMALE,
    GROUP_LABELS,
    MALE,
    Cast,
    Person,
    affiliation_in,
    group_name,
    nominal_name,
    person_name,
)
from quotetrail.extract.reported import (
    mention_span,
    part_of,
    question_put,
    share_of,
    those_described,
)
from quotetrail.extract.segment import entities, entity_of
from quotetrail.records import DOCUMENT, Speaker

INDEFINITE = {"a", "an", "another"}
PLURAL_PRONOUNS = {"they", "them", "their"}
GROUP_PRONOUNS = PLURAL_PRONOUNS | {"it", "its"}
PARAGRAPH_WINDOW = 6  # a pronoun looks back this many paragraphs for its antecedent


@dataclass(frozen=True)
class Said:
    """A resolved statement, as later pronouns see it: where its cue was, who spoke, and what."""

    at: int
    speaker: Speaker
    content: tuple[int, int] = (0, 0)
    plural: bool = False  # spoken of as several ("Local officials said"): "they" may follow


def _reported(history: list[Said], offset: int) -> bool:
    """Whether `offset` lies in what someone was reported to say: a name there is talked about."""
    return any(s.content[0] <= offset < s.content[1] for s in history)


def _near(cast: Cast, at: int, start: int, window: int = PARAGRAPH_WINDOW) -> bool:
    return 0 <= cast.paragraph_of(at) - cast.paragraph_of(start) <= window


def _gender_fits(cast: Cast, name: str, pronoun: str) -> bool:
    wanted = "m" if pronoun in MALE else "f"
    return cast.gender.get(cast.canonical(name), wanted) == wanted


def resolve_person_pronoun(
    cast: Cast, mention: Span, at: int, history: list[Said]
) -> Speaker | None:
    """ "he"/"she": the nearest earlier subject or speaker of fitting gender, else the nearest
    name."""
    pronoun = mention.text.lower()
    asked = question_put(mention.root.head) or (0, 0)  # ("Asked about Tory, he said …")
    events: list[tuple[int, str, bool, Speaker | None]] = [
        (p.start, p.name, p.subject, None)
        for p in cast.people
        if p.start < at
        and not cast.in_quote(p.start)
        and not _reported(history, p.start)
        and not asked[0] <= p.start < asked[1]
    ]
    events += [
        (s.at, s.speaker.name, True, s.speaker)
        for s in history
        if s.at < at and s.speaker.kind == "person" and cast.knows(s.speaker.name)
    ]
    events = [e for e in events if _near(cast, at, e[0]) and _gender_fits(cast, e[1], pronoun)]
    events.sort(key=lambda e: e[0], reverse=True)
    wanted = "m" if pronoun in MALE else "f"
    subjects = [e for e in events if e[2]]
    here = [e for e in events if _near(cast, at, e[0], 0)]
    chosen = (
        _sole_in_last_sentence(cast, events, at, pronoun)
        or next((e for e in here if e[2]), None)
        or (here[0] if here else None)
        or next(
            (
                e
                for e in subjects
                if cast.gender.get(cast.canonical(e[1])) == wanted and _near(cast, at, e[0], 2)
            ),
            None,
        )
        or (subjects[0] if subjects else None)
        or (events[0] if events else None)
    )
    if chosen is None:
        described = _described_speaker_nearby(cast, at, history)
        return _as_written(described, mention.text) if described is not None else None
    speaker = chosen[3] or cast.person_speaker(chosen[1], mention.text)
    cast.gender.setdefault(speaker.name, "m" if pronoun in MALE else "f")
    return _as_written(speaker, mention.text)


def _described_speaker_nearby(cast: Cast, at: int, history: list[Said]) -> Speaker | None:
    """ "A resident said …" then "“…,” she said": with no named person to stand for, "he" or
    "she" is the person last described as speaking in this or the previous paragraph."""
    described = [
        s
        for s in history
        if s.at < at
        and s.speaker.kind == "person"
        and not s.plural
        and not cast.knows(s.speaker.name)
        and _near(cast, at, s.at, 1)
    ]
    return described[-1].speaker if described else None


def _sole_in_last_sentence(
    cast: Cast, events: list[tuple[int, str, bool, Speaker | None]], at: int, pronoun: str
) -> tuple[int, str, bool, Speaker | None] | None:
    """The one person the last sentence before the pronoun's own introduces with a role ("… for
    accountant Ben Ade, 50. “…,” he says."): the reader's antecedent, subject or not, over a
    subject further back. Not when the pronoun's own sentence names someone fitting before it,
    nor when that last sentence names two or itself says "he" (the chain runs on past it)."""
    own = cast.sentence_at(at).start_char
    if not events or events[0][0] >= own:
        return None
    last = cast.sentence_at(events[0][0])
    named = [e for e in events if last.start_char <= e[0] < last.end_char]
    people = {cast.canonical(e[1]) for e in named}
    same_gender = MALE if pronoun in MALE else FEMALE
    if len(people) != 1 or any(t.lower_ in same_gender and not cast.in_quote(t.idx) for t in last):
        return None
    return named[0] if cast.profile(people.pop())[0] is not None else None


def resolve_group_pronoun(
    cast: Cast, mention: Span, at: int, history: list[Said]
) -> Speaker | None:
    """ "they"/"it": the nearest earlier organisation, place or group that spoke or was named;
    "they" also the people last spoken of as several ("Local officials said … They said …")."""
    several = mention.text.lower() in PLURAL_PRONOUNS
    events = [
        (g.start, _organization(cast, g.name, mention.text))
        for g in cast.groups
        if g.start < at
        and not cast.in_quote(g.start)
        and not _reported(history, g.start)
        and g.label != "GPE"
    ]
    events += [
        (s.at, _as_written(s.speaker, mention.text))
        for s in history
        if s.at < at and (s.speaker.kind == "organization" or (several and s.plural))
    ]
    events = [e for e in events if _near(cast, at, e[0])]
    return max(events, key=lambda e: e[0])[1] if events else None


def several(mention: Span | None) -> bool:
    """A mention of several people ("officials", "they", "two of them"): "they" may go on."""
    if mention is None:
        return False
    root = mention.root
    return (
        root.tag_ in {"NNS", "NNPS"}
        or root.lower_ in PLURAL_PRONOUNS
        or (root.like_num and root.lower_ not in {"one", "1"})
    )


def _as_written(speaker: Speaker, mention: str) -> Speaker:
    """`speaker`, as a later mention writes it."""
    return Speaker(speaker.name, mention, speaker.kind, speaker.role, speaker.affiliation)


def _organization(cast: Cast, name: str, mention: str) -> Speaker:
    """A named body speaks for the country it stands for ("the Kremlin": Russia), else for
    itself; under the name the article writes out when it gives an acronym."""
    name = cast.written_out(name)
    return Speaker(
        name=name,
        mention=mention,
        kind="organization",
        affiliation=lexicon.country_of(name) or name,
    )


def resolve_name(cast: Cast, mention: Span, at: int, history: list[Said]) -> Speaker | None:
    return cast.person_speaker(person_name(mention.text), mention.text)


def resolve_group(cast: Cast, mention: Span, at: int, history: list[Said]) -> Speaker | None:
    return _organization(cast, group_name(mention.text), mention.text)


def _role_matches(role: str, head: str, qualifiers: tuple[str, ...] = ()) -> bool:
    """Whether `role` is one the noun `head` describes; not a portfolio the word names ("the
    judge" is no "Justice Minister"), nor another office of the same noun: each qualifier the
    description writes must be the role's too ("the prime minister" is no "Health Minister")."""
    wanted = lexicon.words().role_synonyms.get(head, (head,))
    role = role.lower()
    return all(word in role.split() for word in qualifiers) and any(
        word in role and f"{word} minister" not in role for word in wanted
    )


def _qualifiers(mention: Span) -> tuple[str, ...]:
    """The words of an office the description writes before its noun ("prime", "deputy")."""
    titles = lexicon.titles()
    return tuple(
        token.lower_
        for token in mention
        if token.i < mention.root.i
        and token.lower_ in titles
        and titles[token.lower_].kind == "qualifier"
    )


def resolve_role(cast: Cast, mention: Span, at: int, history: list[Said]) -> Speaker | None:
    """ "The top Russian diplomat": the latest person before `at` whose role and country fit."""
    head = mention.root.lemma_.lower()
    if head in lexicon.words().nominal_cues:
        return _statement_owner(cast, mention, at, history)
    if (
        head in lexicon.words().anaphoric_bodies
        and mention[0].lower_ == "the"
        and not any(t.ent_type_ for t in mention)
    ):
        body = _nearest_body(cast, at, history)
        return _organization(cast, body or nominal_name(mention.text), mention.text)
    if head in lexicon.words().organization_nouns:
        affiliation = affiliation_in(list(mention))
        return Speaker(
            name=nominal_name(mention.text),
            mention=mention.text,
            kind="organization",
            affiliation=affiliation,
        )
    affiliation = affiliation_in(list(mention))
    described = Speaker(
        name=nominal_name(mention.text),
        mention=mention.text,
        kind="person",
        affiliation=affiliation,
    )
    if _new_or_many(mention):
        return (
            _named_in(cast, mention)
            or _introduced_later(cast, mention, at, affiliation)
            or described
        )
    return (
        _role_holder(cast, mention, at, history, affiliation)
        or _definite_person(cast, mention, at)
        or _introduced_later(cast, mention, at, affiliation)
        or described
    )


def _role_holder(
    cast: Cast, mention: Span, at: int, history: list[Said], affiliation: str | None
) -> Speaker | None:
    """The latest person before `at` whose role fits the description — unless the article
    described a speaker by the same noun since that person last spoke ("a trade official
    said …" … "the official added")."""
    fitting = next(
        (
            person
            for person in sorted(cast.people, key=lambda p: p.start, reverse=True)
            if person.start < at and _fits(cast, person, mention, affiliation)
        ),
        None,
    )
    again = _described_before(cast, mention, at, history)
    if again is not None and (fitting is None or not _spoke_since(cast, fitting, again, history)):
        return _as_written(again.speaker, mention.text)
    return cast.person_speaker(fitting.name, mention.text) if fitting is not None else None


def _fits(cast: Cast, person: Person, mention: Span, affiliation: str | None) -> bool:
    """The role the article gives `person` is the description's (and so is the side, if any)."""
    role, person_affiliation = cast.profile(cast.canonical(person.name))
    return bool(
        role
        and _role_matches(role, mention.root.lemma_.lower(), _qualifiers(mention))
        and (affiliation is None or affiliation == person_affiliation)
    )


def _introduced_later(
    cast: Cast, mention: Span, at: int, affiliation: str | None
) -> Speaker | None:
    """ "A provincial judge said …" and then "Judge Mara Quill, who …": news leads describe a
    person first and name them after; the one person the article gives that role, first named
    in the next paragraphs after the description, is the speaker."""
    if mention.root.tag_ != "NN":
        return None
    fitting = [p for p in cast.people if _fits(cast, p, mention, affiliation)]
    if len({cast.canonical(p.name) for p in fitting}) != 1:
        return None
    first = min(fitting, key=lambda p: p.start)
    if first.start < at or cast.paragraph_of(first.start) - cast.paragraph_of(at) > 2:
        return None
    return cast.person_speaker(first.name, mention.text)


def _named_in(cast: Cast, mention: Span) -> Speaker | None:
    """ "An agency official named Budi told reporters": a description that gives its person's
    name ("named", "called") is that person."""
    for token in mention.root.subtree:
        if token.dep_ != "acl" or token.lower_ not in {"named", "called"}:
            continue
        for child in token.children:
            name = entity_of(child)
            if (
                child.dep_ in {"oprd", "dobj", "attr"}
                and name is not None
                and name.label_ == "PERSON"
            ):
                return cast.person_speaker(person_name(name.text), mention.text)
    return None


def _new_or_many(mention: Span) -> bool:
    """ "A justice official", "Finance officials": someone new, or several people, not one named
    earlier."""
    return mention[0].lower_ in INDEFINITE or mention.root.tag_ in {"NNS", "NNPS"}


def resolve_described(cast: Cast, mention: Span, at: int, history: list[Said]) -> Speaker | None:
    """ "Protesters said", "the memo says": a speaker the article only describes, named as
    written."""
    body = mention.root.lemma_.lower() in lexicon.words().anaphoric_bodies
    people = mention.root.pos_ == "NOUN" or mention.root.lower_ in lexicon.words().partitives
    kind = (
        "person"
        if mention.root.ent_type_ in {"", "PERSON"} and people and not body
        else "organization"
    )
    if kind == "person" and mention.root.tag_ == "NN":
        found = _described_before(cast, mention, at, history)
        if found is not None:
            return _as_written(found.speaker, mention.text)
        found = _definite_person(cast, mention, at)
        if found is not None:
            return found
    return Speaker(
        name=nominal_name(mention.text),
        mention=mention.text,
        kind=kind,
        affiliation=affiliation_in(list(mention)),
    )


def _described_before(cast: Cast, mention: Span, at: int, history: list[Said]) -> Said | None:
    """ "A trade official said …", then "the official added …": a definite description
    whose noun is that of the last speaker the article only described, nearby, takes that
    speaker up again (not a named person whose role the noun also fits, unless that person
    spoke since)."""
    if mention[0].lower_ != "the" or mention.root.tag_ != "NN":
        return None
    head = mention.root.lower_
    for said in reversed(history):
        speaker = said.speaker
        if said.at >= at or not _near(cast, at, said.at, 2):
            continue
        if (
            speaker.kind == "person"
            and speaker.name == nominal_name(speaker.mention)
            and head in speaker.name.lower().split()
            and not cast.knows(speaker.name)
        ):
            return said
    return None


def _spoke_since(cast: Cast, person: Person, said: Said, history: list[Said]) -> bool:
    """Whether `person` spoke after `said` (then "the official" may be them again)."""
    name = cast.canonical(person.name)
    return any(s.at > said.at and s.speaker.name == name for s in history)


def _definite_person(cast: Cast, mention: Span, at: int) -> Speaker | None:
    """ "The 26-year-old right wing said": a definite description of one person picks up the person
    last named as a subject in this or the previous paragraph. Not one that names its owner ("the
    United Nations' climate panel"): that is the owner's, someone new."""
    if (
        mention[0].lower_ != "the"
        or mention.root.tag_ != "NN"
        or any(t.dep_ == "poss" and t.ent_type_ for t in mention.root.children)
    ):
        return None
    found = _last_subject(cast, mention, at)
    return None if found and found.role and _another_office(found.role, mention) else found


def _another_office(role: str, mention: Span) -> bool:
    """`role` is an office of the description's noun, but not the one it qualifies ("Health
    Minister" against "the prime minister", "Foreign Minister" against "the deputy minister")."""
    head = mention.root.lemma_.lower()
    qualifiers = _qualifiers(mention)
    return (
        bool(qualifiers) and _role_matches(role, head) and not _role_matches(role, head, qualifiers)
    )


def _last_subject(cast: Cast, mention: Span, at: int) -> Speaker | None:
    """The person last named as a subject in this or the previous paragraph."""
    subjects = [p for p in cast.people if p.subject and p.start < at and not cast.in_quote(p.start)]
    subjects = [p for p in subjects if _near(cast, at, p.start, 1)]
    return cast.person_speaker(subjects[-1].name, mention.text) if subjects else None


def _nearest_body(cast: Cast, at: int, history: list[Said]) -> str | None:
    """ "The company said": the organisation that spoke last, else the one named last, nearby."""
    spoke = [s for s in history if s.speaker.kind == "organization" and _near(cast, at, s.at, 2)]
    if spoke:
        return spoke[-1].speaker.name
    bodies = [
        g for g in cast.groups if g.label == "ORG" and g.start < at and not cast.in_quote(g.start)
    ]
    bodies = [g for g in bodies if _near(cast, at, g.start, 2)]
    return bodies[-1].name if bodies else None


def _statement_owner(cast: Cast, mention: Span, at: int, history: list[Said]) -> Speaker | None:
    """ "A statement from the EU" is the EU's; a bare "the statement" is the last speaker's, or
    its own when no one spoke before it."""
    for child in mention.root.children:
        if child.dep_ == "prep" and child.lower_ in {"from", "by", "of"}:
            owner = next((c for c in child.children if c.dep_ == "pobj"), None)
            if owner is not None:
                return resolve(cast, mention_span(owner), at, history)
    author = _author(cast, mention)
    if author is not None:
        return author
    if history:
        return _as_written(history[-1].speaker, mention.text)
    return _unsigned(mention)  # "A statement posted on the website said": no one before it


def _publisher(document: Token) -> Token | None:
    """The verb whose subject wrote `document`: "Ann Lee wrote a report", "the institute
    published a study", "Lee wrote in a recent report", "Lee stated in the blog post"."""
    verb, lemmas = document.head, lexicon.words().publishing_verbs
    if document.dep_ == "pobj" and verb.lower_ == "in" and verb.dep_ == "prep":
        verb, lemmas = verb.head, lemmas | lexicon.speech_lemmas()
    elif document.dep_ != "dobj":
        return None
    return verb if verb.pos_ in {"VERB", "AUX"} and verb.lemma_.lower() in lemmas else None


def _author(cast: Cast, mention: Span) -> Speaker | None:
    """Who a document or statement names as its author: a person anywhere in the phrase ("a
    statement e-mailed by Reagan Ruslim"), an organisation before the noun ("the Civic Action
    study", "Canada's database"), after it as "from"/"by"/"of" ("a statement from the EU") or as
    the agent or the subject of its publishing ("a study released by the Fraser Institute",
    "Ann Lee wrote a report", `_publisher`)."""
    root = mention.root
    people = [t for t in mention if t.ent_type_ == "PERSON" and t.i != root.i]
    bodies = [t for t in mention if t.ent_type_ == "ORG" and t.i < root.i]
    bodies += [
        t
        for c in root.children
        if c.dep_ == "prep" and c.lower_ in {"from", "by", "of"}
        for t in c.subtree
        if t.ent_type_ in {"ORG", "PERSON"}
    ]
    published = [
        c
        for c in root.children
        if c.dep_ == "acl" and c.lemma_.lower() in lexicon.words().publishing_verbs
    ]
    bodies += [
        t
        for v in published
        for c in v.children
        if c.dep_ == "agent"
        for t in c.subtree
        if t.ent_type_ == "ORG"
    ]
    publisher = _publisher(root)
    if publisher is not None:
        bodies += [
            t
            for c in publisher.children
            if c.dep_ == "nsubj"
            for t in c.subtree
            if t.ent_type_ in {"ORG", "PERSON"}
        ]
    ent = entity_of((people + bodies)[0]) if people + bodies else None
    if ent is None:
        return None
    words = mention.doc[ent.start : min(ent.end, root.i) if ent.start < root.i else ent.end]
    if ent.label_ == "PERSON":
        return cast.person_speaker(person_name(words.text), mention.text)
    return _organization(cast, group_name(words.text), mention.text)


def resolve_document(cast: Cast, mention: Span, at: int, history: list[Said]) -> Speaker | None:
    """ "Foster's book", "a study by Civic Action", "the Civic Action study": a document speaks for
    the author it names; a document named again ("the study") for whoever it spoke for before;
    one whose author the article does not give is a speaker of kind "document"."""
    author = _author(cast, mention)
    if author is not None:
        return author
    head = mention.root.lower_
    earlier = [
        s
        for s in history
        if s.speaker.mention.lower().split()[-1:] == [head]
        and s.speaker.name.lower().split()[-1:] != [head]
    ]
    if earlier:
        found = earlier[-1].speaker
        return _as_written(found, mention.text)
    if mention[0].lower_ == "the":
        found = _earlier_document_author(cast, mention, at)
        if found is not None:
            return _as_written(found, mention.text)
    return _unsigned(mention)


def _unsigned(mention: Span) -> Speaker:
    """ "the report said", no author named: the document itself speaks, not a person."""
    return Speaker(
        name=nominal_name(mention.text),
        mention=mention.text,
        kind=DOCUMENT,
        affiliation=affiliation_in(list(mention)),
    )


def _earlier_document_author(cast: Cast, mention: Span, at: int) -> Speaker | None:
    """ "The report said", after "a study by the Fraser Institute": the author of the latest
    document the article attributed nearby."""
    nouns = lexicon.words().document_nouns
    for token in reversed(cast.doc[: mention.start]):
        if not _near(cast, at, token.idx, 3):
            return None
        if token.lemma_.lower() in nouns and token.pos_ == "NOUN" and not cast.in_quote(token.idx):
            author = _author(cast, mention_span(token))
            if author is not None:
                return author
    return None


def _role_word(mention: Span) -> bool:
    speaker_nouns = lexicon.words().speaker_nouns
    return mention.root.lower_ in speaker_nouns or mention.root.lemma_.lower() in speaker_nouns


def _document(mention: Span) -> bool:
    """ "The report", "a new study"; not a name the tagger reads as one ("The Washington Post")."""
    document_nouns = lexicon.words().document_nouns
    root = mention.root
    return not root.ent_type_ and (
        root.lower_ in document_nouns or root.lemma_.lower() in document_nouns
    )


def _labels(mention: Span) -> set[str]:
    return {t.ent_type_ for t in mention}


def _one_member(mention: Span) -> bool:
    """ "The Kentucky Republican", "the Ohio Democrat": "the" and one member of a party or
    people (singular, where "the Republicans" is the party) describes a person."""
    root = mention.root
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in root.children)
    return definite and root.ent_type_ == "NORP" and root.tag_ == "NNP"


def resolve_member(cast: Cast, mention: Span, at: int, history: list[Said]) -> Speaker | None:
    """One member of a party, described: the person last named as a subject nearby, else the
    party."""
    return _last_subject(cast, mention, at) or resolve_group(cast, mention, at, history)


def _body_tagged_elsewhere(cast: Cast, mention: Span) -> bool:
    """ "Acme said": a proper noun left untagged here is the organisation the article tags it as
    elsewhere, when it tags it so more often than as a person and it is no named person's
    surname ("Green said", after "Damon Green")."""
    if (
        mention.root.ent_type_
        or mention.root.pos_ != "PROPN"
        or cast.canonical(mention.text) != mention.text
    ):
        return False
    labels = Counter(e.label_ for e in entities(cast.doc) if e.text == mention.text)
    return labels["ORG"] > labels["PERSON"]


# The kinds of speaker mention, in the order they are tried: the first whose test passes names
# the resolver (None: no speaker, e.g. mojibake or markup where a name should be).
MENTION_KINDS: tuple[tuple[str | None, Callable[[Cast, Span], bool]], ...] = (
    ("person_pronoun", lambda cast, m: m.text.lower() in MALE | FEMALE),
    ("group_pronoun", lambda cast, m: m.text.lower() in GROUP_PRONOUNS),
    (None, lambda cast, m: any(unicodedata.category(c).startswith("S") for c in m.root.text)),
    ("part", lambda cast, m: part_of(m.root) is not None),
    ("group", lambda cast, m: lexicon.country_of(m.text) is not None),
    ("document", lambda cast, m: _document(m)),
    ("group", _body_tagged_elsewhere),
    ("name", lambda cast, m: _names_person(cast, m, _role_word(m))),
    ("member", lambda cast, m: _one_member(m)),
    ("group", lambda cast, m: bool(m.root.ent_type_ and _labels(m) & GROUP_LABELS)),
    ("role", lambda cast, m: _role_word(m)),
    (
        "described",
        lambda cast, m: (
            m.root.pos_ in {"NOUN", "PROPN"}
            or share_of(m.root) is not None
            or those_described(m.root)  # "those surveyed"
            or m.root.lower_ in lexicon.words().partitives  # "many in the crowd", "some"
        ),
    ),
)


def mention_kind(cast: Cast, mention: Span) -> str | None:
    """Which resolver a speaker mention needs: the first kind whose test the mention passes."""
    return next((kind for kind, passes in MENTION_KINDS if passes(cast, mention)), None)


def _names_person(cast: Cast, mention: Span, role_word: bool) -> bool:
    """A person's name: tagged so, a proper noun that is no role, an honorific and a name, or
    (part of) a name the article gives."""
    root = mention.root
    proper = root.pos_ == "PROPN" and not root.ent_type_ and not role_word
    first = mention[0].lower_.rstrip(".")
    return (
        root.ent_type_ == "PERSON"
        or proper
        or (first in lexicon.honorifics() and len(mention) > 1)
        or cast.knows(person_name(mention.text))
    )


def resolve_part(cast: Cast, mention: Span, at: int, history: list[Said]) -> Speaker | None:
    """ "One of the officials", "many of the delegates": the group they are part of, resolved
    as that group would be, and written as the article writes it."""
    group = part_of(mention.root)
    found = resolve(cast, mention_span(group), at, history) if group is not None else None
    if found is None:
        return None
    return _as_written(found, mention.text)


RESOLVERS: dict[str, Callable[[Cast, Span, int, list[Said]], Speaker | None]] = {
    "part": resolve_part,
    "person_pronoun": resolve_person_pronoun,
    "group_pronoun": resolve_group_pronoun,
    "name": resolve_name,
    "group": resolve_group,
    "member": resolve_member,
    "role": resolve_role,
    "described": resolve_described,
    "document": resolve_document,
}


def _embedding_subject(mention: Span) -> Span | None:
    """ "nurses object to what they said …", "Reed wants a fence, which he said …": a
    pronoun subject of a speech verb in a relative clause or after a preposition refers to the
    subject of the clause it is embedded in, when that subject is neither a pronoun nor the noun
    the relative clause describes."""
    verb = mention.root.head
    if mention.root.dep_ != "nsubj" or verb.dep_ not in {"relcl", "pcomp"}:
        return None
    governor = verb.head
    while governor.pos_ not in {"VERB", "AUX"} and governor.head is not governor:
        governor = governor.head
    subject = next((c for c in governor.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ == "PRON" or subject == verb.head:
        return None  # "Roads that it said may close include …": the clause's own noun
    return mention_span(subject)


def _agrees(pronoun: str, subject: Span, speaker: Speaker) -> bool:
    """A person pronoun stands for a person, "they" for a body or a plural."""
    if pronoun in MALE | FEMALE:
        return speaker.kind == "person"
    return speaker.kind != "person" or subject.root.tag_ in {"NNS", "NNPS"}


def resolve(cast: Cast, mention: Span | None, at: int, history: list[Said]) -> Speaker | None:
    """The speaker a cue's subject refers to, or None when it names no one we can resolve."""
    if mention is None:
        return None
    kind = mention_kind(cast, mention)
    if kind in {"person_pronoun", "group_pronoun"}:
        subject = _embedding_subject(mention)
        embedding = resolve(cast, subject, at, history) if subject is not None else None
        if (
            subject is not None
            and embedding is not None
            and _agrees(mention.text.lower(), subject, embedding)
        ):
            return _as_written(embedding, mention.text)
    return RESOLVERS[kind](cast, mention, at, history) if kind else None
