"""Speaker attribution and our own light coreference over one article.

The article is read once into a `Cast`: every named person with the role and affiliation the
article gives them ("Russian Foreign Minister Sergei Lavrov", "Zamir Kabulov, the special
representative"), every group or place named, and every paragraph boundary. A speaker mention
at a cue is then resolved by what it is: a name (to the fullest form the article gives), a
pronoun (to the nearest compatible earlier subject or speaker, within a few paragraphs), a
role ("The top Russian diplomat", to the person whose role and affiliation fit), or a body or
place that stands for a government ("Moscow", "the Kremlin"), kinded as an organisation.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from quotetrail.extract.cues import country_of, lexicon, places
from quotetrail.extract.reported import link_line, mention_span
from quotetrail.extract.segment import entities, entity_of, sentence_of, text_of
from quotetrail.records import Speaker

HONORIFICS = {
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "prof", "rev", "hon", "sen", "rep", "gov",
    "gen", "col", "capt", "lt", "sgt", "cpl", "insp", "supt", "const", "det", "cllr", "coun", "justice",
}
ARTICLES = ("the ", "a ", "an ")
NAME_STOPS = {'"', "'", "“", "”", "‘", "’", "«", "»", "/", "(", "|"}  # a name never runs past these
NAME_PARTICLES = {"van", "der", "den", "de", "da", "di", "von", "le", "la", "du", "bin", "al", "el"}
ANAPHORIC_BODIES = {
    "company", "firm", "agency", "group", "organization", "organisation", "union", "department",
    "ministry", "bank", "party", "network", "commission", "council", "committee", "association",
    "board", "team", "club", "service", "government", "movement",
}
MALE = {"he", "him", "his", "himself"}
TITLE_GENDER = {"mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "dame": "f", "lady": "f"}
FEMALE = {"she", "her", "hers", "herself"}
GROUP_PRONOUNS = {"they", "them", "their", "it", "its"}
GROUP_LABELS = {"ORG", "GPE", "NORP"}
PARAGRAPH_WINDOW = 6  # a pronoun looks back this many paragraphs for its antecedent
ROLE_MAX_TOKENS = 10
POSSESSIVE = ("'s", "’s", "'", "’")


def clean_name(text: str) -> str:
    """A name without honorifics, role words, possessive ending or leading article."""
    words = text.lstrip("&-–—,;:.·•|/ ").split()
    droppable = HONORIFICS | lexicon().speaker_nouns | {"the"}
    last_title = max((i for i, w in enumerate(words[:-1]) if w.lower().rstrip(".") in droppable), default=-1)
    words = words[last_title + 1 :]
    while len(words) > 1 and (words[0][:1].islower() or words[0].endswith(POSSESSIVE[:2])):
        words = words[1:]  # "city councillor Josh Matlow", "Vancouver's Bo Horvat"
    name = " ".join(words)
    for ending in POSSESSIVE:
        if name.endswith(ending) and len(name) > len(ending):
            name = name[: -len(ending)]
            break
    return name.strip(" ,.")


def group_name(text: str) -> str:
    """Canonical short form of an organisation or place: "the Kremlin" -> "Kremlin"."""
    aliases = places().aliases
    bare = nominal_name(text.lstrip("&-–—,;:.·•|/ "))
    for ending in POSSESSIVE[:2]:
        bare = bare.removesuffix(ending)
    name = aliases.get(text) or aliases.get(bare) or bare
    return aliases.get(name, name)


@dataclass
class Person:
    """One mention of a named person."""

    start: int
    name: str
    subject: bool
    role: str | None = None
    affiliation: str | None = None


@dataclass
class Group:
    start: int
    name: str
    label: str


@dataclass
class Cast:
    """Who an article names, and where."""

    doc: Doc
    people: list[Person]
    groups: list[Group]
    paragraph_starts: list[int]
    quoted: list[tuple[int, int]]
    full_names: list[str] = field(default_factory=list)
    gender: dict[str, str] = field(default_factory=dict)

    def paragraph_of(self, offset: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, offset)

    def in_quote(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self.quoted)

    def canonical(self, name: str) -> str:
        """The fullest form the article gives of `name`: same surname, containing its words.

        A one-word name that is no one's surname may be a family name written first
        ("Kim" for Kim Jong-un) and is matched on the first word instead.
        """
        words = name.casefold().split()
        if not words:
            return name
        best = name
        for position, candidates in ((-1, [p.name for p in self.people] + self.full_names), (0, [p.name for p in self.people])):
            for candidate in candidates:
                parts = candidate.casefold().split()
                if parts[position] == words[position] and set(words) <= set(parts) and len(parts) > len(best.split()):
                    best = candidate
            if best != name or len(words) > 1:
                break
        return best

    def knows(self, name: str) -> bool:
        """Whether `name` is (part of) a person the article names."""
        words = set(name.casefold().split())
        names = [p.name for p in self.people] + self.full_names
        return bool(words) and any(words <= set(known.casefold().split()) for known in names)

    def profile(self, canonical: str) -> tuple[str | None, str | None]:
        """The first role and affiliation the article gives anyone resolving to `canonical`."""
        role = affiliation = None
        for person in self.people:
            if self.canonical(person.name) == canonical:
                role = role or person.role
                affiliation = affiliation or person.affiliation
        return role, affiliation

    def person_speaker(self, name: str, mention: str) -> Speaker:
        canonical = self.canonical(name)
        role, affiliation = self.profile(canonical)
        return Speaker(name=canonical, mention=mention, kind="person", role=role, affiliation=affiliation)


def _country_near(doc: Doc, before: int) -> str | None:
    """The country of "the country's": the first place its paragraph names, else the last one before."""
    line_start = text_of(doc).rfind("\n", 0, doc[before].idx) + 1
    places_before = [e for e in entities(doc) if e.end <= before and e.label_ == "GPE"]
    in_sentence = [e for e in places_before if e.start_char >= line_start]
    chosen = in_sentence[0] if in_sentence else (places_before[-1] if places_before else None)
    return (country_of(chosen.text) or group_name(chosen.text)) if chosen is not None else None


def _affiliation_in(tokens: list[Token]) -> str | None:
    """A country named in a role: "Russian", "of Russia", "Afghanistan's", "the country's"."""
    for token in tokens:
        if token.dep_ == "pobj" and token.head.lower_ == "for":  # "representative for Afghanistan"
            continue
        country = country_of(token.text)
        ent = entity_of(token)
        if country is None and ent is not None and ent.label_ in {"GPE", "NORP"}:
            country = country_of(ent.text) or (group_name(ent.text) if ent.label_ == "GPE" else None)
        if country is None and token.lower_ == "country" and token.dep_ == "poss":
            country = _country_near(token.doc, token.i)
        if country:
            return country
    return None


def _role_words(tokens: list[Token]) -> str | None:
    """The role in a run of title tokens, without articles, countries and possessives."""
    words = [
        t.text
        for t in tokens
        if t.dep_ not in {"det", "poss", "case", "punct"}
        and not (t.ent_type_ in {"GPE", "NORP"} and t.dep_ != "pobj")
        and t.lower_ not in HONORIFICS
        and (t.is_alpha or t.text == "-")
    ]
    text = " ".join(words).strip()
    for suffix in (" of", " for"):
        text = text.removesuffix(suffix)
    return text or None


def _title_before(ent: Span) -> list[Token]:
    """Tokens before a name that modify it: "Russian Foreign Minister" Sergei Lavrov."""
    doc = ent.doc
    edge = ent.root.left_edge.i
    i = ent.start - 1
    while i >= edge and doc[i].dep_ != "det" and doc[i].text not in {",", "(", ";", "—", "-"}:
        i -= 1
    return list(doc[i + 1 : ent.start])[-ROLE_MAX_TOKENS:]


def _apposition(ent: Span) -> list[Token]:
    """"Zamir Kabulov, the special representative …" or "The President of Russia, Vladimir Putin"."""
    root = ent.root
    for child in root.children:
        if child.dep_ == "appos":
            return [t for t in child.subtree if t.dep_ not in {"relcl", "appos"} or t is child][:ROLE_MAX_TOKENS]
    if root.dep_ == "appos" and root.head.i < ent.start:
        head = root.head
        return [t for t in head.subtree if t.i < root.left_edge.i and t.i >= head.left_edge.i][:ROLE_MAX_TOKENS]
    return []


def _role_and_affiliation(ent: Span) -> tuple[str | None, str | None]:
    title = _title_before(ent)
    appos = _apposition(ent)
    tokens = title + appos
    role = _role_words(title) or _role_words([t for t in appos if t.i < _first_prep(appos)])
    affiliation = _affiliation_in(tokens)
    if role and affiliation is None:
        role_tokens = {t.i for t in tokens}
        affiliation = _affiliation_in([t for t in sentence_of(ent.root) if t.i not in role_tokens and t.i < ent.start])
    return role, affiliation


def _first_prep(tokens: list[Token]) -> int:
    return next((t.i for t in tokens if t.dep_ == "prep"), 10**9)


def _name_part(ent: Span) -> Span:
    """A person entity up to the first verb or quotation mark the tagger ran into ("Putin Says '")."""
    end = next((t.i for t in ent if t.pos_ in {"VERB", "AUX"} or t.text in NAME_STOPS), ent.end)
    return ent.doc[ent.start : max(end, ent.start + 1)]


def _is_subject(ent: Span) -> bool:
    """Whether a name is (part of) the subject of its clause: by the parse, or by being followed by a verb."""
    token, hops = ent.root, 0
    while hops < 3 and token.dep_ in {"compound", "appos", "conj", "nmod"} and token.head is not token:
        token, hops = token.head, hops + 1
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return token.dep_ in {"nsubj", "nsubjpass"} or (after is not None and after.pos_ in {"VERB", "AUX"})


def build_cast(doc: Doc, quoted: list[tuple[int, int]], paragraph_starts: list[int]) -> Cast:
    """Read the article's people, groups and paragraphs once."""
    people, groups = [], []
    for ent in entities(doc):
        if link_line(text_of(doc), ent.start_char):
            continue
        if ent.label_ == "PERSON" or (ent.start > 0 and doc[ent.start - 1].lower_.rstrip(".") in HONORIFICS):
            name = clean_name(_name_part(ent).text)
            if not name or country_of(name):
                continue
            role, affiliation = _role_and_affiliation(ent)
            people.append(Person(ent.start_char, name, _is_subject(ent), role, affiliation))
        elif ent.label_ in GROUP_LABELS:
            groups.append(Group(ent.start_char, group_name(ent.text), ent.label_))
    cast = Cast(doc, people, groups, paragraph_starts, quoted, full_names=_full_names(doc))
    cast.people = sorted(people + _surname_mentions(doc, cast), key=lambda p: p.start)
    cast.gender.update(_gender_votes(cast))
    return cast


def _surname_mentions(doc: Doc, cast: Cast) -> list[Person]:
    """Bare surnames the tagger missed or mislabelled ("Matlow said" tagged ORG or nothing)."""
    surnames = {name.split()[-1] for name in [p.name for p in cast.people] + cast.full_names}
    return [
        Person(token.idx, token.text, _is_subject(doc[token.i : token.i + 1]))
        for token in doc
        if token.pos_ == "PROPN" and token.text in surnames and token.ent_type_ != "PERSON"
        and not (token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN")
    ]


def _full_names(doc: Doc) -> list[str]:
    """Runs of two to four proper nouns that may be a person's full name ("Darian Lonechild")."""
    names, run = [], []
    for token in list(doc) + [None]:
        proper = token is not None and (
            (token.pos_ == "PROPN" and token.text[:1].isupper()) or (bool(run) and token.text in NAME_PARTICLES)
        )
        previous = token.doc[token.i - 1] if token is not None and token.i > 0 else None
        glued = previous is not None and not previous.is_space and not previous.whitespace_ and not run
        if proper and not glued and token.ent_type_ not in {"GPE", "NORP", "DATE", "ORG"} and not (run and token.ent_iob_ == "B" and token.doc[token.i - 1].ent_iob_ != "O"):
            run.append(token.text)
            continue
        name = clean_name(" ".join(run))
        if 2 <= len(name.split()) <= 4:
            names.append(name)
        run = []
    return names


def _gender_votes(cast: Cast) -> dict[str, str]:
    """He or she for each person, from the pronouns of sentences that name only that person."""
    votes: dict[str, int] = {}
    sentences = list(cast.doc.sents)
    for index, sentence in enumerate(sentences):
        named = {cast.canonical(p.name) for p in cast.people if sentence.start_char <= p.start < sentence.end_char}
        if len(named) != 1:
            continue
        scope = list(sentence)
        if index + 1 < len(sentences) and not any(
            sentences[index + 1].start_char <= p.start < sentences[index + 1].end_char for p in cast.people
        ):
            scope += list(sentences[index + 1])
        person = named.pop()
        for token in scope:
            if not cast.in_quote(token.idx):
                votes[person] = votes.get(person, 0) + (token.lower_ in MALE) - (token.lower_ in FEMALE)
    for token in cast.doc:  # "Mr. Blinken", "Ms. May": an honorific outweighs pronoun votes
        title = token.lower_.rstrip(".")
        if title in TITLE_GENDER and token.i + 1 < len(cast.doc) and cast.doc[token.i + 1].pos_ == "PROPN":
            person = cast.canonical(cast.doc[token.i + 1].text)
            votes[person] = votes.get(person, 0) + (10 if TITLE_GENDER[title] == "m" else -10)
    return {person: "m" if score > 0 else "f" for person, score in votes.items() if score}


@dataclass(frozen=True)
class Said:
    """A resolved statement, as later pronouns see it: where its cue was and who spoke."""

    at: int
    speaker: Speaker


def _near(cast: Cast, at: int, start: int, window: int = PARAGRAPH_WINDOW) -> bool:
    return 0 <= cast.paragraph_of(at) - cast.paragraph_of(start) <= window


def _gender_fits(cast: Cast, name: str, pronoun: str) -> bool:
    wanted = "m" if pronoun in MALE else "f"
    return cast.gender.get(cast.canonical(name), wanted) == wanted


def resolve_person_pronoun(cast: Cast, mention: Span, at: int, history: list[Said]) -> Speaker | None:
    """"he"/"she": the nearest earlier subject or speaker of fitting gender, else the nearest name."""
    pronoun = mention.text.lower()
    events: list[tuple[int, str, bool, Speaker | None]] = [
        (p.start, p.name, p.subject, None) for p in cast.people if p.start < at and not cast.in_quote(p.start)
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
        next((e for e in here if e[2]), None)
        or (here[0] if here else None)
        or next((e for e in subjects if cast.gender.get(cast.canonical(e[1])) == wanted and _near(cast, at, e[0], 2)), None)
        or (subjects[0] if subjects else None)
        or (events[0] if events else None)
    )
    if chosen is None:
        return None
    speaker = chosen[3] or cast.person_speaker(chosen[1], mention.text)
    cast.gender.setdefault(speaker.name, "m" if pronoun in MALE else "f")
    return Speaker(speaker.name, mention.text, speaker.kind, speaker.role, speaker.affiliation)


def resolve_group_pronoun(cast: Cast, mention: Span, at: int, history: list[Said]) -> Speaker | None:
    """"they"/"it": the nearest earlier organisation, place or group that spoke or was named."""
    events = [(g.start, g.name) for g in cast.groups if g.start < at and not cast.in_quote(g.start) and g.label != "GPE"]
    events += [(s.at, s.speaker.name) for s in history if s.at < at and s.speaker.kind == "organization"]
    events = [e for e in events if _near(cast, at, e[0])]
    if not events:
        return None
    name = max(events)[1]
    return _organization(name, mention.text)


def _organization(name: str, mention: str) -> Speaker:
    """A named body speaks for the country it stands for ("the Kremlin": Russia), else for itself."""
    return Speaker(name=name, mention=mention, kind="organization", affiliation=country_of(name) or name)


def resolve_name(cast: Cast, mention: Span, at: int, history: list[Said]) -> Speaker | None:
    return cast.person_speaker(clean_name(mention.text), mention.text)


def resolve_group(cast: Cast, mention: Span, at: int, history: list[Said]) -> Speaker | None:
    return _organization(group_name(mention.text), mention.text)


def _role_matches(role: str, head: str) -> bool:
    wanted = lexicon().role_synonyms.get(head, (head,))
    return any(word in role.lower() for word in wanted)


def resolve_role(cast: Cast, mention: Span, at: int, history: list[Said]) -> Speaker | None:
    """"The top Russian diplomat": the latest person before `at` whose role and country fit."""
    head = mention.root.lemma_.lower()
    if head in lexicon().nominal:
        return _statement_owner(cast, mention, at, history)
    if head in ANAPHORIC_BODIES and mention[0].lower_ == "the" and not any(t.ent_type_ for t in mention):
        body = _nearest_body(cast, at, history)
        if body is not None:
            return _organization(body, mention.text)
    if head in lexicon().organization_nouns:
        affiliation = _affiliation_in(list(mention))
        return Speaker(name=nominal_name(mention.text), mention=mention.text, kind="organization", affiliation=affiliation)
    affiliation = _affiliation_in(list(mention))
    for person in sorted(cast.people, key=lambda p: p.start, reverse=True):
        if person.start >= at:
            continue
        role, person_affiliation = cast.profile(cast.canonical(person.name))
        if role and _role_matches(role, head) and (affiliation is None or affiliation == person_affiliation):
            return cast.person_speaker(person.name, mention.text)
    return _definite_person(cast, mention, at) or Speaker(
        name=nominal_name(mention.text), mention=mention.text, kind="person", affiliation=affiliation
    )


def resolve_described(cast: Cast, mention: Span, at: int, history: list[Said]) -> Speaker | None:
    """"Protesters said", "the memo says": a speaker the article only describes, named as written."""
    kind = "person" if mention.root.ent_type_ in {"", "PERSON"} and mention.root.pos_ == "NOUN" else "organization"
    if kind == "person" and mention.root.tag_ == "NN":
        found = _definite_person(cast, mention, at)
        if found is not None:
            return found
    return Speaker(name=nominal_name(mention.text), mention=mention.text, kind=kind, affiliation=_affiliation_in(list(mention)))


def _definite_person(cast: Cast, mention: Span, at: int) -> Speaker | None:
    """"The 26-year-old right wing said": a definite description of one person picks up the person
    last named as a subject in this or the previous paragraph."""
    if mention[0].lower_ != "the" or mention.root.tag_ != "NN":
        return None
    subjects = [p for p in cast.people if p.subject and p.start < at and not cast.in_quote(p.start)]
    subjects = [p for p in subjects if _near(cast, at, p.start, 1)]
    return cast.person_speaker(subjects[-1].name, mention.text) if subjects else None


def nominal_name(text: str) -> str:
    """A descriptive speaker ("the paramedics union") named as written, without its article."""
    lowered = text.lower()
    for article in ARTICLES:
        if lowered.startswith(article):
            return text[len(article) :]
    return text


def _nearest_body(cast: Cast, at: int, history: list[Said]) -> str | None:
    """"The company said": the organisation that spoke last, else the one named last, nearby."""
    spoke = [s for s in history if s.speaker.kind == "organization" and _near(cast, at, s.at, 2)]
    if spoke:
        return spoke[-1].speaker.name
    bodies = [g for g in cast.groups if g.label == "ORG" and g.start < at and not cast.in_quote(g.start)]
    bodies = [g for g in bodies if _near(cast, at, g.start, 2)]
    return bodies[-1].name if bodies else None


def _statement_owner(cast: Cast, mention: Span, at: int, history: list[Said]) -> Speaker | None:
    """"A statement from the EU" is the EU's; a bare "the statement" is the last speaker's."""
    for child in mention.root.children:
        if child.dep_ == "prep" and child.lower_ in {"from", "by", "of"}:
            owner = next((c for c in child.children if c.dep_ == "pobj"), None)
            if owner is not None:
                return resolve(cast, mention_span(owner), at, history)
    author = _author(cast, mention)
    if author is not None:
        return author
    previous = history[-1].speaker if history else None
    return Speaker(previous.name, mention.text, previous.kind, previous.role, previous.affiliation) if previous else None


def _author(cast: Cast, mention: Span) -> Speaker | None:
    """Who a document or statement names as its author: a person anywhere in the phrase ("a
    statement e-mailed by Reagan Ruslim"), an organisation before the noun ("the Civic Action
    study", "Canada's database"), after it as "from"/"by"/"of" ("a statement from the EU") or as
    the agent of its publishing ("a study released by the Fraser Institute")."""
    root = mention.root
    people = [t for t in mention if t.ent_type_ == "PERSON" and t.i != root.i]
    bodies = [t for t in mention if t.ent_type_ == "ORG" and t.i < root.i]
    bodies += [t for c in root.children if c.dep_ == "prep" and c.lower_ in {"from", "by", "of"} for t in c.subtree if t.ent_type_ in {"ORG", "PERSON"}]
    published = [c for c in root.children if c.dep_ == "acl" and c.lemma_.lower() in lexicon().publishing_verbs]
    bodies += [t for v in published for c in v.children if c.dep_ == "agent" for t in c.subtree if t.ent_type_ == "ORG"]
    ent = entity_of((people + bodies)[0]) if people + bodies else None
    if ent is None:
        return None
    words = mention.doc[ent.start : min(ent.end, root.i) if ent.start < root.i else ent.end]
    if ent.label_ == "PERSON":
        return cast.person_speaker(clean_name(words.text), mention.text)
    return _organization(group_name(words.text), mention.text)


def resolve_document(cast: Cast, mention: Span, at: int, history: list[Said]) -> Speaker | None:
    """"Foster's book", "a study by Civic Action", "the Civic Action study": a document speaks for
    the author it names; a document named again ("the study") for whoever it spoke for before."""
    author = _author(cast, mention)
    if author is not None:
        return author
    head = mention.root.lower_
    earlier = [s for s in history if s.speaker.mention.lower().split()[-1:] == [head] and s.speaker.name.lower().split()[-1:] != [head]]
    if earlier:
        found = earlier[-1].speaker
        return Speaker(found.name, mention.text, found.kind, found.role, found.affiliation)
    return resolve_described(cast, mention, at, history)


def mention_kind(cast: Cast, mention: Span) -> str | None:
    """Which resolver a speaker mention needs."""
    words = mention.text.lower()
    if words in MALE | FEMALE:
        return "person_pronoun"
    if words in GROUP_PRONOUNS:
        return "group_pronoun"
    if any(unicodedata.category(char).startswith("S") for char in mention.root.text):
        return None  # mojibake or markup, not a name
    if country_of(mention.text):
        return "group"
    if mention.root.lemma_.lower() in lexicon().document_nouns or mention.root.lower_ in lexicon().document_nouns:
        return "document"
    labels = {t.ent_type_ for t in mention}
    first = mention[0].lower_.rstrip(".")
    role_word = mention.root.lower_ in lexicon().speaker_nouns or mention.root.lemma_.lower() in lexicon().speaker_nouns
    proper = mention.root.pos_ == "PROPN" and not mention.root.ent_type_ and not role_word
    if mention.root.ent_type_ == "PERSON" or proper or (first in HONORIFICS and len(mention) > 1) or cast.knows(clean_name(mention.text)):
        return "name"
    if labels & GROUP_LABELS and mention.root.ent_type_:
        return "group"
    if mention.root.lemma_.lower() in lexicon().speaker_nouns or mention.root.lower_ in lexicon().speaker_nouns:
        return "role"
    if mention.root.pos_ in {"NOUN", "PROPN"}:
        return "described"
    return None


RESOLVERS: dict[str, Callable[[Cast, Span, int, list[Said]], Speaker | None]] = {
    "person_pronoun": resolve_person_pronoun,
    "group_pronoun": resolve_group_pronoun,
    "name": resolve_name,
    "group": resolve_group,
    "role": resolve_role,
    "described": resolve_described,
    "document": resolve_document,
}


def resolve(cast: Cast, mention: Span | None, at: int, history: list[Said]) -> Speaker | None:
    """The speaker a cue's subject refers to, or None when it names no one we can resolve."""
    if mention is None:
        return None
    kind = mention_kind(cast, mention)
    return RESOLVERS[kind](cast, mention, at, history) if kind else None
