"""The cast of one article: who it names, with what role and affiliation, and where.

Read once per article from the parse: every named person (with the role and country the article
gives them: "Russian Foreign Minister Sergei Lavrov", "Zamir Kabulov, the special
representative", "the country's Deputy Foreign Minister"), the fullest form of every name, each
person's gender as the article's own pronouns and honorifics show it, every organisation and
place named, and the paragraph boundaries. `speakers.py` resolves speaker mentions against it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from importlib import resources

import numpy
from spacy.attrs import DEP
from spacy.tokens import Doc, Span, Token

from quotetrail import lexicon
from quotetrail.extract.reported import link_line
from quotetrail.extract.segment import entities, entity_of, sentence_of, text_of
from quotetrail.records import Speaker

ARTICLES = ("the ", "a ", "an ")
NAME_STOPS = lexicon.quote_marks().marks | {"/", "(", "|"}  # a name never runs past these
MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
GROUP_LABELS = {"ORG", "GPE", "NORP"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}  # a token tagged so is no one's surname ("Atlantic Canada")
ROLE_MAX_TOKENS = 10
FIRST_NAME_WEIGHT = 5  # a sex-typed first name outweighs a few stray pronouns, not an honorific
POSSESSIVE = ("'s", "’s", "'", "’")


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """First name -> "m"/"f" where nearly everyone so named is one sex: `first_names.tsv`, a table
    generated from name counts by scripts/build_first_names.py (data, not a hand-kept list)."""
    text = resources.files(__package__).joinpath("first_names.tsv").read_text(encoding="utf-8")
    return dict(line.split("\t") for line in text.splitlines() if "\t" in line)


def person_name(text: str) -> str:
    """A person's name as `clean_name` leaves it, without honorifics, role words or a leading
    article: "Foreign Minister Sergei Lavrov" → "Sergei Lavrov", "Vancouver's Bo Horvat" → "Bo
    Horvat"."""
    parts = lexicon.clean_name(text).split()
    droppable = lexicon.honorifics() | lexicon.words().speaker_nouns | {"the"}
    last_title = max(
        (i for i, w in enumerate(parts[:-1]) if w.lower().rstrip(".") in droppable), default=-1
    )
    parts = parts[last_title + 1 :]
    while len(parts) > 1 and (parts[0][:1].islower() or parts[0].endswith(POSSESSIVE[:2])):
        parts = parts[1:]  # "city councillor Josh Matlow", "Vancouver's Bo Horvat"
    return " ".join(parts)


def group_name(text: str) -> str:
    """Canonical short form of an organisation or place: "the Kremlin" -> "Kremlin", "the US"
    -> "United States"."""
    bare = nominal_name(text.lstrip("&-–—,;:.·•|/ "))
    for ending in POSSESSIVE[:2]:
        bare = bare.removesuffix(ending)
    return lexicon.canonical_name(bare) or bare


@dataclass
class Person:
    """One mention of a named person."""

    start: int
    name: str
    subject: bool
    role: str | None = None
    affiliation: str | None = None


ACRONYM = re.compile(r"[A-Z]{2,6}")


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
    _canonical_names: dict[str, str] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _written_out: dict[str, str] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def paragraph_of(self, offset: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, offset)

    @cached_property
    def sentences(self) -> list[Span]:
        return list(self.doc.sents)

    @cached_property
    def sentence_starts(self) -> list[int]:
        return [sentence.start_char for sentence in self.sentences]

    def sentence_at(self, offset: int) -> Span:
        """The sentence holding `offset`."""
        return self.sentences[max(bisect.bisect_right(self.sentence_starts, offset) - 1, 0)]

    def in_quote(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self.quoted)

    def canonical(self, name: str) -> str:
        """The fullest form the article gives of `name`: same surname, containing its words.

        A one-word name that is no one's surname may be a family name written first
        ("Kim" for Kim Jong-un) and is matched on the first word instead. Asked for every
        mention and every speaker, so each name is worked out once per article.
        """
        if name not in self._canonical_names:
            self._canonical_names[name] = self._fullest_form(name)
        return self._canonical_names[name]

    def _fullest_form(self, name: str) -> str:
        words = name.casefold().split()
        if not words:
            return name
        best = name
        for position, candidates in (
            (-1, [p.name for p in self.people] + self.full_names),
            (0, [p.name for p in self.people]),
        ):
            for candidate in candidates:
                parts = candidate.casefold().split()
                if (
                    parts[position] == words[position]
                    and set(words) <= set(parts)
                    and len(parts) > len(best.split())
                ):
                    best = candidate
            if best != name or len(words) > 1:
                break
        return best

    def written_out(self, name: str) -> str:
        """An acronym ("NRA") as the article writes it out ("National Rail Authority"),
        else the name as given. Asked for every body a pronoun might stand for, so each
        acronym is looked for once per article."""
        if not ACRONYM.fullmatch(name):
            return name
        if name not in self._written_out:
            words = r"\s+(?:(?:of|for|and|the|on)\s+)*".join(rf"{c}[a-z]+" for c in name)
            found = re.search(rf"\b{words}\b", text_of(self.doc))
            self._written_out[name] = found.group(0) if found else name
        return self._written_out[name]

    def knows(self, name: str) -> bool:
        """Whether `name` is (part of) a person the article names."""
        words = set(name.casefold().split())
        names = [p.name for p in self.people] + self.full_names
        return bool(words) and any(words <= set(known.casefold().split()) for known in names)

    def profile(self, canonical: str) -> tuple[str | None, str | None]:
        """The first role and affiliation the article gives anyone resolving to `canonical`."""
        return self._profiles.get(canonical, (None, None))

    @cached_property
    def _profiles(self) -> dict[str, tuple[str | None, str | None]]:
        profiles: dict[str, tuple[str | None, str | None]] = {}
        for person in self.people:
            role, affiliation = profiles.get(self.canonical(person.name), (None, None))
            profiles[self.canonical(person.name)] = (
                role or person.role,
                affiliation or person.affiliation,
            )
        return profiles

    def person_speaker(self, name: str, mention: str) -> Speaker:
        canonical = self.canonical(name)
        role, affiliation = self.profile(canonical)
        return Speaker(
            name=canonical, mention=mention, kind="person", role=role, affiliation=affiliation
        )


def _country_near(doc: Doc, before: int) -> str | None:
    """The country of "the country's": the first place its paragraph names, else the last one
    before."""
    line_start = text_of(doc).rfind("\n", 0, doc[before].idx) + 1
    places_before = [e for e in entities(doc) if e.end <= before and e.label_ == "GPE"]
    in_sentence = [e for e in places_before if e.start_char >= line_start]
    chosen = in_sentence[0] if in_sentence else (places_before[-1] if places_before else None)
    return (
        (lexicon.country_of(chosen.text) or group_name(chosen.text)) if chosen is not None else None
    )


def affiliation_in(tokens: list[Token]) -> str | None:
    """A country named in a role: "Russian", "of Russia", "Afghanistan's", "the country's",
    "White House"."""
    for token in tokens:
        if token.dep_ == "pobj" and token.head.lower_ == "for":  # "representative for Afghanistan"
            continue
        country = lexicon.country_of(token.text)
        ent = entity_of(token)
        if country is None and ent is not None:  # "White House" (ORG) speaks for its state too
            country = lexicon.country_of(ent.text) or (
                group_name(ent.text) if ent.label_ == "GPE" else None
            )
        if country is None and token.lower_ == "country" and token.dep_ == "poss":
            country = _country_near(token.doc, token.i)
        if country:
            return country
    return None


def _role_words(tokens: list[Token]) -> str | None:
    """The role in a run of title tokens, without articles, countries (the tagger's, and a
    demonym it missed: "Lithuanian Foreign Minister") and possessives."""
    words = [
        t.text
        for t in tokens
        if t.dep_ not in {"det", "poss", "case", "punct"}
        and not (
            (t.ent_type_ in {"GPE", "NORP"} or (not t.ent_type_ and lexicon.country_of(t.text)))
            and t.dep_ != "pobj"
        )
        and t.lower_ not in lexicon.honorifics()
        and (t.is_alpha or t.text == "-")
    ]
    text = " ".join(words).strip()
    for suffix in (" of", " for"):
        text = text.removesuffix(suffix)
    return text or None


def _office(tokens: list[Token]) -> str | None:
    """The role an honorific before a name abbreviates: "Sen." Ann Lowe is a senator, "Justice"
    Lena Park a justice."""
    titles = lexicon.titles()
    return next(
        (
            office
            for t in tokens
            if (office := getattr(titles.get(t.lower_.rstrip(".")), "office", None))
        ),
        None,
    )


def _title_before(ent: Span) -> list[Token]:
    """Tokens before a name that modify it: "Russian Foreign Minister" Sergei Lavrov, and the
    title words the tagger took into the name ("Foreign Ministry Spokeswoman Maria Zakharova",
    tagged from "Spokeswoman" on)."""
    doc = ent.doc
    edge = ent.root.left_edge.i
    i = ent.start - 1
    while i >= edge and doc[i].dep_ != "det" and doc[i].text not in {",", "(", ";", "—", "-"}:
        i -= 1
    name = person_name(ent.text).split()
    inside = next((t.i for t in ent if name and t.text == name[0]), ent.start)
    if len(name) == 1 and inside - 1 > i and _first_name_left_out(doc[inside - 1]):
        inside -= 1
    return list(doc[i + 1 : inside])[-ROLE_MAX_TOKENS:]


def _first_name_left_out(token: Token) -> bool:
    """The word before a tagged surname is its first name, untagged ("Minister of Agriculture
    Pavel" Volkov): a capitalised proper noun that is no title, office or entity of its own."""
    return (
        token.pos_ == "PROPN"
        and token.text[:1].isupper()
        and not token.ent_type_
        and token.lower_.rstrip(".") not in lexicon.titles()
        and token.lower_ not in lexicon.words().speaker_nouns
    )


def _apposition(ent: Span) -> list[Token]:
    """ "Zamir Kabulov, the special representative …" or "The President of Russia, Vladimir
    Putin"."""
    root = ent.root
    for child in root.children:
        if child.dep_ == "appos":
            return [t for t in child.subtree if t.dep_ not in {"relcl", "appos"} or t is child][
                :ROLE_MAX_TOKENS
            ]
    if root.dep_ == "appos" and root.head.i < ent.start:
        head = root.head
        return [t for t in head.subtree if t.i < root.left_edge.i and t.i >= head.left_edge.i][
            :ROLE_MAX_TOKENS
        ]
    return []


def role_and_affiliation(ent: Span) -> tuple[str | None, str | None]:
    """The role and country the words around a person's name give ("Russian Foreign Minister"
    Sergei Lavrov, "Zamir Kabulov, the special representative")."""
    title = _title_before(ent)
    appos = _apposition(ent)
    tokens = title + appos
    role = (
        _role_words(title)
        or _role_words([t for t in appos if t.i < _first_prep(appos)])
        or _office(title)
    )
    affiliation = affiliation_in(tokens)
    if role and affiliation is None:
        role_tokens = {t.i for t in tokens}
        affiliation = affiliation_in(
            [t for t in sentence_of(ent.root) if t.i not in role_tokens and t.i < ent.start]
        )
    return role, affiliation


def _first_prep(tokens: list[Token]) -> int:
    return next((t.i for t in tokens if t.dep_ == "prep"), 10**9)


def _name_part(ent: Span) -> Span:
    """A person entity up to the first verb or quotation mark the tagger ran into ("Putin Says
    '")."""
    end = next((t.i for t in ent if t.pos_ in {"VERB", "AUX"} or t.text in NAME_STOPS), ent.end)
    return ent.doc[ent.start : max(end, ent.start + 1)]


def _is_subject(ent: Span) -> bool:
    """Whether a name is (part of) the subject of its clause: by the parse, or by being followed
    by a verb."""
    token, hops = ent.root, 0
    while (
        hops < 3 and token.dep_ in {"compound", "appos", "conj", "nmod"} and token.head is not token
    ):
        token, hops = token.head, hops + 1
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    governed = token.dep_ == "pobj"  # "porters like Grizzle recognized": not the subject
    return token.dep_ in {"nsubj", "nsubjpass"} or (
        not governed and after is not None and after.pos_ in {"VERB", "AUX"}
    )


def build_cast(doc: Doc, quoted: list[tuple[int, int]], paragraph_starts: list[int]) -> Cast:
    """Read the article's people, groups and paragraphs once."""
    people, groups = [], []
    for ent in entities(doc):
        if link_line(text_of(doc), ent.start_char):
            continue
        if ent.label_ == "PERSON" or (
            ent.start > 0 and doc[ent.start - 1].lower_.rstrip(".") in lexicon.honorifics()
        ):
            name = person_name(_name_part(ent).text)
            if not name or lexicon.country_of(name):
                continue
            role, affiliation = role_and_affiliation(ent)
            people.append(Person(ent.start_char, name, _is_subject(ent), role, affiliation))
        elif ent.label_ in GROUP_LABELS and not _credit(ent):
            groups.append(Group(ent.start_char, group_name(ent.text), ent.label_))
    people += _described_people(doc)
    full_names = _full_names(doc) + _mislabelled_names(doc)
    plain = without_epithets([p.name for p in people] + full_names)
    people = [replace(p, name=plain.get(p.name, p.name)) for p in people]
    full_names = [plain.get(name, name) for name in full_names]
    people = sorted(people + _surname_mentions(doc, people, full_names), key=lambda p: p.start)
    cast = Cast(doc, people, groups, paragraph_starts, quoted, full_names=full_names)
    cast.gender.update(_gender_votes(cast))
    return cast


def _described_people(doc: Doc) -> list[Person]:
    """ "Wulan, a teacher from Bogor, was at the market …": a name the tagger left untagged, the
    subject of its clause, described beside it as someone ("a resident", "a teacher"; not a
    body: "Acme, a company …") — a person, so "she said" can find her."""
    words = lexicon.words()
    found = []
    appositions = numpy.flatnonzero(doc.to_array(DEP) == doc.vocab.strings.add("appos"))
    for described in (doc[int(i)] for i in appositions):  # few: read the tree from them
        token = described.head
        if (
            token.pos_ != "PROPN"
            or token.ent_type_
            or token.dep_ not in {"nsubj", "nsubjpass"}
            or described.i < token.i
            or next(c for c in token.children if c.dep_ == "appos") != described
            or described.pos_ != "NOUN"
            or described.lower_ not in words.speaker_nouns
            or described.lower_ in words.organization_nouns
        ):
            continue
        parts = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        name = person_name(" ".join(t.text for t in [*parts, token]))
        if name and name[:1].isupper() and not lexicon.country_of(name):
            start = min(t.idx for t in [*parts, token])
            found.append(Person(start, name, True, described.lower_, None))
    return found


def _credit(ent: Span) -> bool:
    """A name that is a sentence of its own ("… on Monday. The Associated Press."): a photo or
    wire credit, no one the article's "they" or "the agency" can refer to."""
    sentence = sentence_of(ent[0])
    rest = [t for t in sentence if not (ent.start <= t.i < ent.end or t.is_punct or t.is_space)]
    return all(t.lower_ == "the" for t in rest)


def without_epithets(names: Iterable[str]) -> dict[str, str]:
    """Each of `names` that is another of them behind a word that is no first name, mapped to
    that other: "Crooked Gordon Baxter" → "Gordon Baxter" and "Champion Alicia Mendes" →
    "Alicia Mendes" when the article also names "Gordon Baxter" and "Alicia Mendes" alone.

    The fullest form a name is written in names the person, in the article and across the
    corpus, so one nickname or a title run into the name would rename them everywhere. The
    plain form must be written on its own and start with a first name that is no particle:
    "Marine Le Pen" beside "Le Pen" and "Samira Al Haddad" beside "Al Haddad" stay whole,
    and so does a name whose shorter part the article never writes alone ("Abu Mohammed
    al-Julani")."""
    known = set(names)
    plain = {}
    for name in known:
        first, _, rest = name.partition(" ")
        if (
            rest in known
            and len(rest.split()) >= 2
            and first[:1].isupper()
            and first.casefold() not in first_names()
            and rest.split()[0].casefold() in first_names()
            and rest.split()[0].casefold() not in lexicon.words().name_particles
        ):
            plain[name] = rest
    return plain


def _surname_mentions(doc: Doc, people: list[Person], full_names: list[str]) -> list[Person]:
    """Bare surnames the tagger missed or mislabelled ("Matlow said" tagged ORG or nothing); a
    surname that ends a full name the tagger missed stands for that name ("Ann Reed, the
    senator's daughter, noted …" is not Senator Tom Reed)."""
    surnames = {name.split()[-1] for name in [p.name for p in people] + full_names}
    known = [p.name for p in people]
    taken = {p.start for p in people}  # (a name read as a person without the tagger)
    found = []
    for token in doc:
        if (
            token.pos_ != "PROPN"
            or token.text not in surnames
            or token.idx in taken
            or token.ent_type_ in PLACE_LABELS | {"PERSON"}
            or (token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN")
        ):
            continue
        span = _full_name_ending(doc, token, full_names, known) or doc[token.i : token.i + 1]
        found.append(Person(span.start_char, person_name(span.text), _is_subject(span)))
    return found


def _full_name_ending(
    doc: Doc, token: Token, full_names: list[str], known: list[str]
) -> Span | None:
    """The longest of `full_names` written just before and up to `token`, if it names someone
    other than the people tagged (a second "Reed"); not the end of a tagged name ("Al Haddad"
    after "Samira Al Haddad"), nor a name in capitals ("MARKET WATCH:" is a wire story's
    section label)."""
    for words in (4, 3, 2):
        if token.i - words + 1 >= 0:
            span = doc[token.i - words + 1 : token.i + 1]
            name = person_name(span.text)
            if name in full_names and not span.text.isupper():
                return None if any(k.endswith(f" {name}") for k in known) else span
    return None


def _full_names(doc: Doc) -> list[str]:
    """Runs of two to four proper nouns that may be a person's full name ("Darian Lonechild")."""
    names: list[str] = []
    run: list[Token] = []
    for token in [*doc, None]:
        proper = token is not None and (
            (token.pos_ == "PROPN" and token.text[:1].isupper())
            or (bool(run) and token.text in lexicon.words().name_particles)
        )
        previous = token.doc[token.i - 1] if token is not None and token.i > 0 else None
        glued = (
            previous is not None and not previous.is_space and not previous.whitespace_ and not run
        )
        if (
            proper
            and not glued
            and token.ent_type_ not in PLACE_LABELS | {"NORP", "DATE", "ORG"}
            and not (run and token.ent_iob_ == "B" and token.doc[token.i - 1].ent_iob_ != "O")
        ):
            run.append(token)
            continue
        if run and _after_an_office(run[0]):
            run = run[1:]  # "Minister of Agriculture Pavel Volkov": the portfolio is no name
        if len(run) >= 2:  # a one-word run is never a full name, with or without a title
            name = person_name(" ".join(t.text for t in run))
            if 2 <= len(name.split()) <= 4:
                names.append(name)
        run = []
    return names


def _after_an_office(first: Token) -> bool:
    """`first` follows an office and "of" ("Minister of Agriculture …", "President of …")."""
    doc = first.doc
    if first.i < 2 or doc[first.i - 1].lower_ not in lexicon.words().title_connectors:
        return False
    office = doc[first.i - 2].lower_
    return office in lexicon.words().speaker_nouns or office in lexicon.titles()


def _mislabelled_names(doc: Doc) -> list[str]:
    """Full names the tagger took for places ("Megan Bortis" as GPE): two to four capitalised
    words, no place the lexicon knows, led by a common first name or ending in a surname tagged
    PERSON elsewhere."""
    surnames = {ent[-1].text for ent in entities(doc) if ent.label_ == "PERSON"}
    names = []
    for ent in entities(doc):
        parts = ent.text.split()
        if (
            ent.label_ not in PLACE_LABELS | {"NORP"}
            or not 2 <= len(parts) <= 4
            or lexicon.country_of(ent.text)
        ):
            continue
        if all(w[:1].isupper() and w.isalpha() for w in parts) and (
            parts[0].casefold() in first_names() or parts[-1] in surnames
        ):
            names.append(ent.text)
    return names


def _gender_votes(cast: Cast) -> dict[str, str]:
    """He or she for each person, from the pronouns of sentences that name only that person."""
    votes: dict[str, int] = {}
    sentences = cast.sentences
    starts = [p.start for p in cast.people]  # the people are in the order of the text
    pronouns = [  # (offset, +1 he / -1 she) outside quotes, in the order of the text
        (token.idx, 1 if token.lower_ in MALE else -1)
        for token in cast.doc
        if token.lower_ in MALE | FEMALE and not cast.in_quote(token.idx)
    ]
    offsets = [offset for offset, _ in pronouns]

    def people_in(sentence: Span) -> list[Person]:
        lo = bisect.bisect_left(starts, sentence.start_char)
        return cast.people[lo : bisect.bisect_left(starts, sentence.end_char)]

    def pronouns_in(lo: int, hi: int) -> list[tuple[int, int]]:
        return pronouns[bisect.bisect_left(offsets, lo) : bisect.bisect_left(offsets, hi)]

    for index, sentence in enumerate(sentences):
        mentions = people_in(sentence)
        named = {cast.canonical(p.name) for p in mentions}
        if len(named) != 1 or not any(p.subject for p in mentions):
            continue  # ("Reed's office hired an aide after he …": the "he" is another's)
        first = min(p.start for p in mentions)  # a pronoun before the name is someone else's
        scope = pronouns_in(first + 1, sentence.end_char)
        if index + 1 < len(sentences) and not people_in(sentences[index + 1]):
            following = sentences[index + 1]
            scope += pronouns_in(following.start_char, following.end_char)
        person = named.pop()
        votes[person] = votes.get(person, 0) + sum(sign for _, sign in scope)
    for person in {cast.canonical(p.name) for p in cast.people}:  # "Erin Kim", "Doug Purdy"
        parts = person.split()
        sex = first_names().get(parts[0].casefold()) if len(parts) > 1 else None
        if sex:
            votes[person] = votes.get(person, 0) + (
                FIRST_NAME_WEIGHT if sex == "m" else -FIRST_NAME_WEIGHT
            )
    for token in cast.doc:  # "Mr. Blinken", "Ms. May": an honorific outweighs pronoun votes
        title = token.lower_.rstrip(".")
        if (
            title in lexicon.title_gender()
            and token.i + 1 < len(cast.doc)
            and cast.doc[token.i + 1].pos_ == "PROPN"
        ):
            person = cast.canonical(cast.doc[token.i + 1].text)
            votes[person] = votes.get(person, 0) + (
                10 if lexicon.title_gender()[title] == "m" else -10
            )
    return {person: "m" if score > 0 else "f" for person, score in votes.items() if score}


def nominal_name(text: str) -> str:
    """A descriptive speaker ("the paramedics union") named as written, without its article."""
    lowered = text.lower()
    for article in ARTICLES:
        if lowered.startswith(article):
            return text[len(article) :]
    return text
