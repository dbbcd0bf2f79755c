"""The lexicon: every word list the pipeline uses, kept as data beside this module.

Rules ask questions of these tables ("is this lemma a speech verb?", "which country does 'Moscow'
stand for?", "which mark closes this quotation?") so that growing a list never means touching a
rule, and each list is written once for every stage that uses it:

- `speech_verbs.tsv`: one line per speech verb: its lemma, its written forms, its kinds;
- `words.json`: named word lists (cue nouns, speaker, organisation and document nouns, link
  labels, refusal verbs, negators …), each documented on `Words`;
- `titles.tsv`: honorifics, ranks, roles and their qualifiers, with the gender a word tells;
- `quote_marks.tsv`: quotation marks, each opening mark with the marks that close it;
- `places.tsv`: every way an article writes a place or body, the actor it stands for and why;
- `stance_cues.tsv`: stance words with their polarity and kind;
- `transcript_labels.tsv`: the labels of turn-taking text and the header phrases of interviews.

VADER's valence lexicon ships in its own package (vaderSentiment, MIT) and is read from there.
Every table is read once per process.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources


def _text(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def _rows(name: str) -> list[list[str]]:
    """The tab-separated rows of a data file, comments and blank lines skipped."""
    return [
        line.split("\t")
        for line in _text(name).splitlines()
        if line.strip() and not line.startswith("#")
    ]


# Speech verbs


@dataclass(frozen=True)
class SpeechVerb:
    """A verb that reports speech ("say", "warn"), with the forms an article writes it in.

    Kinds: `need_content` — a speech cue only with a content clause or object ("pointed out
    that …", not "pointed"); `object_content` — its object, not only a that-clause, is what was
    said ("decried the policy"); `proposal` — what it asks for is the content ("urged X to …");
    `object_to` — what it bears on follows "to" ("pointed to the figures");
    `about_only` — only what follows a preposition is content ("spoke about the cuts"), its
    object never is ("speaks French", "speaks volumes");
    `addressee` — its object is the listener, so a "that" clause the parser hung on that object
    is what was said ("told a meeting of leaders that …"); `wh_content` — a clause it takes that
    opens with a wh-word tells, it does not ask ("explained how the plan works");
    `protects_line` — a line with a quotation mark and a finite form of it ("said", "insists")
    carries a statement, which cleaning never drops (verbs that are also common page words —
    "report", "post", "welcome" — lack it: they kept furniture in the cleaning evaluation).
    """

    lemma: str
    forms: tuple[str, ...]  # inflected forms as written: "says", "said", "saying"
    kinds: frozenset[str]


@lru_cache(maxsize=1)
def speech_verbs() -> dict[str, SpeechVerb]:
    """Lemma → speech verb, from `speech_verbs.tsv`."""
    verbs = {}
    for row in _rows("speech_verbs.tsv"):
        lemma, forms, kinds = [*row, ""][:3]
        verbs[lemma] = SpeechVerb(lemma, tuple(forms.split()), frozenset(kinds.split()))
    return verbs


@cache
def speech_lemmas(kind: str | None = None) -> frozenset[str]:
    """The lemmas of all speech verbs, or of those of one kind."""
    return frozenset(
        verb.lemma for verb in speech_verbs().values() if kind is None or kind in verb.kinds
    )


@lru_cache(maxsize=1)
def speech_forms() -> dict[str, str]:
    """Every inflected form of a speech verb ("said", "warns") → its lemma."""
    return {form: verb.lemma for verb in speech_verbs().values() for form in verb.forms}


@lru_cache(maxsize=1)
def line_protecting_forms() -> frozenset[str]:
    """The finite forms ("says", "said"; no "-ing" participle) of the speech verbs of kind
    `protects_line`: with a quotation mark, they mark a line that carries a statement."""
    return frozenset(
        form
        for lemma in speech_lemmas("protects_line")
        for form in speech_verbs()[lemma].forms
        if not form.endswith("ing")
    )


# Named word lists


@dataclass(frozen=True)
class Words:
    attribution_phrases: tuple[str, ...]  # "according to X": X said the rest of the sentence
    nominal_cues: frozenset[str]  # nouns that name a statement: "remarks", "statement"
    object_prepositions: frozenset[str]  # introduce said content: "called for", "warned of"
    question_words: frozenset[str]  # "did not say why …": content that is a question
    refusal_verbs: frozenset[str]  # "declined to say", "refused to recognise": the act not done
    speaker_nouns: frozenset[str]  # head nouns that can name a speaker: "minister", "police"
    organization_nouns: frozenset[str]  # speaker nouns that name a body: "ministry", "police"
    anaphoric_bodies: frozenset[str]  # "the company said": bodies "the X" refers back to
    document_nouns: frozenset[str]  # "the report says": a document speaks for its author
    publishing_verbs: frozenset[str]  # "a study released by X": X is its author
    delivering_verbs: frozenset[str]  # "X issued a warning that …": the statement is X's
    pro_forms: frozenset[str]  # "said so", "said yes", "said the same": stand for what is said
    role_synonyms: dict[str, tuple[str, ...]]  # "diplomat" → roles a diplomat may hold
    link_labels: tuple[str, ...]  # "READ MORE: …", "Also on rt.com …": a link to another story
    name_particles: frozenset[str]  # lower-case words inside a name: "van", "bin", "al"
    title_connectors: frozenset[str]  # lower-case words inside an office: "President of Russia"
    negators: frozenset[str]  # words that negate the predicate they attach to
    exceptives: frozenset[str]  # "nothing but praise": after a negator, what is left is said
    target_anaphors: frozenset[str]  # "they", "the group": how a quote refers to its target
    background_marks: frozenset[str]  # "after X took over": a reported clause setting the scene
    months: dict[str, int]  # every written form of a month name → its number: "sept" → 9
    weekdays: tuple[str, ...]  # Monday first, as `date.weekday()` counts
    partitives: frozenset[str]  # "one of our allies": the target stands after "of"


@lru_cache(maxsize=1)
def words() -> Words:
    """The named word lists of `words.json`."""
    data = json.loads(_text("words.json"))
    return Words(
        attribution_phrases=tuple(data["attribution_phrases"]),
        nominal_cues=frozenset(data["nominal_cues"]),
        object_prepositions=frozenset(data["object_prepositions"]),
        question_words=frozenset(data["question_words"]),
        refusal_verbs=frozenset(data["refusal_verbs"]),
        speaker_nouns=frozenset(data["speaker_nouns"]),
        organization_nouns=frozenset(data["organization_nouns"]),
        anaphoric_bodies=frozenset(data["anaphoric_bodies"]),
        document_nouns=frozenset(data["document_nouns"]),
        publishing_verbs=frozenset(data["publishing_verbs"]),
        delivering_verbs=frozenset(data["delivering_verbs"]),
        pro_forms=frozenset(data["pro_forms"]),
        role_synonyms={role: tuple(held) for role, held in data["role_synonyms"].items()},
        link_labels=tuple(data["link_labels"]),
        name_particles=frozenset(data["name_particles"]),
        title_connectors=frozenset(data["title_connectors"]),
        negators=frozenset(data["negators"]),
        exceptives=frozenset(data["exceptives"]),
        target_anaphors=frozenset(data["target_anaphors"]),
        background_marks=frozenset(data["background_marks"]),
        months={
            form: number for number, forms in enumerate(data["months"], start=1) for form in forms
        },
        weekdays=tuple(data["weekdays"]),
        partitives=frozenset(data["partitives"]),
    )


# Titles


@dataclass(frozen=True)
class Title:
    kind: str  # courtesy | honorific | rank | role | qualifier (see titles.tsv)
    gender: str | None  # "m" / "f" where the word tells it ("Mrs"), else None
    office: str | None = None  # the role an honorific abbreviates: "sen" → "senator"


@lru_cache(maxsize=1)
def titles() -> dict[str, Title]:
    """Lower-case title word (without a full stop) → its kind, gender and office, from
    `titles.tsv`."""
    return {
        row[0]: Title(
            row[1],
            row[2] if len(row) > 2 and row[2] else None,
            row[3] if len(row) > 3 and row[3] else None,
        )
        for row in _rows("titles.tsv")
    }


@lru_cache(maxsize=1)
def honorifics() -> frozenset[str]:
    """Forms of address and abbreviated ranks a name follows: "mr", "dr", "sen", "gen"."""
    return frozenset(
        word for word, title in titles().items() if title.kind in {"courtesy", "honorific"}
    )


@lru_cache(maxsize=1)
def courtesy_titles() -> frozenset[str]:
    """Forms of address written as part of a name ("Mr. Blinken"), unlike a rank or office
    ("Sen." in "Sen. Jon Tester"), which is the speaker's title, not their name as written."""
    return frozenset(word for word, title in titles().items() if title.kind == "courtesy")


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Every word that is a title or part of one, never part of a person's name."""
    return frozenset(titles())


@lru_cache(maxsize=1)
def title_gender() -> dict[str, str]:
    """Title → "m"/"f" for the titles that tell a gender ("mr", "mrs", "dame")."""
    return {word: title.gender for word, title in titles().items() if title.gender}


# Quotation marks


@dataclass(frozen=True)
class QuoteMarks:
    closers: dict[str, tuple[str, ...]]  # opening mark → marks that may close it, proper first
    single: frozenset[str]  # opening marks of single quotes ("‘", "'"): also apostrophes
    double: frozenset[str]  # every mark of double quotes, opening or closing
    closing: frozenset[str]  # every mark that may close a quotation
    double_opening: frozenset[str]  # double marks that only open: "“", "«"
    double_closing: frozenset[str]  # double marks that only close: "”", "»"
    marks: frozenset[str]  # every quotation mark


@lru_cache(maxsize=1)
def quote_marks() -> QuoteMarks:
    """The quotation marks of `quote_marks.tsv`. A mark's direction comes from the proper pairs
    (each opening mark's first row): "“" opens and "”" closes; a straight '"' does neither. A mark
    may be two characters ("''", "``"), so the sets hold strings, not characters."""
    rows = _rows("quote_marks.tsv")
    closers: dict[str, tuple[str, ...]] = {}
    for opening, closing, _ in rows:
        closers[opening] = (*closers.get(opening, ()), closing)
    proper = {opening: closing[0] for opening, closing in closers.items()}
    double = {opening for opening, _, kind in rows if kind == "double"}
    directed = {opening: closing for opening, closing in proper.items() if opening != closing}
    return QuoteMarks(
        closers=closers,
        single=frozenset(opening for opening, _, kind in rows if kind == "single"),
        double=frozenset(
            m for opening, closing, kind in rows if kind == "double" for m in (opening, closing)
        ),
        closing=frozenset(closing for _, closing, _ in rows),
        double_opening=frozenset(opening for opening in directed if opening in double),
        double_closing=frozenset(
            closing
            for opening, closing in directed.items()
            if opening in double and closing not in closers
        ),
        marks=frozenset(mark for opening, closing, _ in rows for mark in (opening, closing)),
    )


# Places


@dataclass(frozen=True)
class Place:
    """What a place or body name stands for: its actor (a state or union), and why.

    why: country (the actor's own name or another name of it), organization (a union of states),
    abbreviation ("US", "EU"), demonym, capital / seat of government / ministry (metonymy), or
    name (another spelling of a body that is no state: "UN" → United Nations; such a row names,
    it stands for no actor)."""

    actor: str
    why: str

    @property
    def stands_for_actor(self) -> bool:
        return self.why != "name"

    @property
    def names_actor(self) -> bool:
        """Whether the alias is another name of the actor itself ("America"), not a metonym or a
        demonym that speaks for it ("Washington", "American"), nor an abbreviation, which a
        speaker keeps as written ("EU said"; the gold quotes write it so)."""
        return self.why in {"country", "organization", "name"}


@lru_cache(maxsize=1)
def places() -> dict[str, Place]:
    """Alias as written (no leading "the", no possessive) → place, from `places.tsv`."""
    return {alias: Place(actor, why) for alias, actor, why in _rows("places.tsv")}


def _bare(name: str) -> str:
    """A place name without a leading article or possessive; shouted names in title case."""
    bare = name.removeprefix("the ").removeprefix("The ").removesuffix("'s").removesuffix("’s")
    if bare.isupper() and len(bare) > 3:  # "RUSSIA", "MOSCOW" in datelines and shouting leads
        bare = bare.title()
    return bare


def country_of(name: str) -> str | None:
    """The actor (country or union) a place, seat of government or demonym stands for, as
    written: case matters ("US" is the United States, "us" is not)."""
    place = places().get(_bare(name))
    return place.actor if place is not None and place.stands_for_actor else None


@lru_cache(maxsize=1)
def _folded_places() -> dict[str, str]:
    return {fold(alias): p.actor for alias, p in places().items() if p.stands_for_actor}


def actor_of(name: str | None) -> str | None:
    """`country_of` for names as `fold` writes them (any case, accents, spacing): "the kremlin"
    → Russia. The link stage compares folded names."""
    if not name:
        return None
    return _folded_places().get(fold(name).removeprefix("the ").removesuffix("'s"))


def canonical_name(name: str) -> str | None:
    """The canonical name when `name` is another name of the same actor or body ("America" →
    "United States", "UN" → "United Nations"); None for abbreviations, metonyms, demonyms and
    unknown names."""
    place = places().get(_bare(name))
    return place.actor if place is not None and place.names_actor else None


# Transcripts


@dataclass(frozen=True)
class TranscriptWords:
    """The words of turn-taking text, from `transcript_labels.tsv`."""

    questioners: dict[str, str]  # label of whoever asks → the speaker's name: "q" → Question
    answers: frozenset[str]  # labels of the interviewee's reply: "a", "answer"
    unnamed: frozenset[str]  # labels of a participant the record does not name: "speaker"
    not_speakers: frozenset[str]  # line labels that name no speaker: "note", "photo"
    interviewee_before: tuple[str, ...]  # "interview with X"
    interviewee_after: tuple[str, ...]  # "X answered questions"


@lru_cache(maxsize=1)
def transcript_words() -> TranscriptWords:
    """The labels and header phrases of transcripts and interviews."""
    rows = [[*row, ""][:3] for row in _rows("transcript_labels.tsv")]
    of_kind = {kind: [phrase for phrase, k, _ in rows if k == kind] for _, kind, _ in rows}
    return TranscriptWords(
        questioners={phrase: name for phrase, kind, name in rows if kind == "questioner"},
        answers=frozenset(of_kind["answer"]),
        unnamed=frozenset(of_kind["unnamed"]),
        not_speakers=frozenset(of_kind["not_speaker"]),
        interviewee_before=tuple(of_kind["interviewee_before"]),
        interviewee_after=tuple(of_kind["interviewee_after"]),
    )


_PARTICIPANT_NUMBER = re.compile(r" \d{1,2}$")


def participant_word(label: str) -> str:
    """A transcript label without a participant's number ("Reporter 2" → "Reporter"): what the
    transcript words know it by."""
    return _PARTICIPANT_NUMBER.sub("", label)


@lru_cache(maxsize=1)
def _generic_participants() -> frozenset[str]:
    words = transcript_words()
    names = map(str.casefold, words.questioners.values())
    return frozenset({*words.questioners, *names, *words.unnamed})


def generic_participant(name: str) -> bool:
    """A transcript's speaker named by a lexicon word, with or without a participant's number
    ("Question", "Moderator", "Reporter 2", "Speaker 3"): a role in one transcript, no one that
    another transcript's same word names."""
    return participant_word(" ".join(name.casefold().split())) in _generic_participants()


# Names


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Case-, accent- and spacing-insensitive form of a name."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().replace("’", "'").split())


_EDGE = re.compile(r"^[\W_]+|(?:['’]s)?[\W_]*$", re.UNICODE)


def clean_name(name: str) -> str:
    """A name without what the text around it left on it: spacing normalised, possessive and
    stray edge punctuation dropped ("Anthony Blinken’s" → "Anthony Blinken", "& Taliban" →
    "Taliban"), a quoted nickname dropped ("Robert “Bob” Smith" → "Robert Smith"), and a speech
    verb a title-case headline let the tagger join to it ("Putin Says" → "Putin"; a place keeps
    its name: "United States")."""
    words = [w for w in _EDGE.sub("", " ".join(name.split())).split(" ") if not _nickname(w)]
    if (
        len(words) > 1
        and words[-1].casefold() in speech_forms()
        and _bare(" ".join(words)) not in places()
    ):
        words = words[:-1]
    return _EDGE.sub("", " ".join(words))


def _nickname(word: str) -> bool:
    """A quoted word inside a name: Robert “Bob” Smith."""
    marks = quote_marks().marks
    return len(word) > 2 and word[0] in marks and word[-1] in marks


# Stance and tone


@lru_cache(maxsize=1)
def stance_cues() -> dict[str, tuple[int, str]]:
    """Lemma → (polarity +1/−1, kind), from `stance_cues.tsv`. Kind `act`: the target must be its
    object ("recognise X"); `attribute`: said of the target wherever it stands ("X are our
    allies", "X terrorist group"); `relation`: an attribute said of whoever holds the relation,
    never of the one it is held to ("X is Moscow's ally": of X, not of Moscow); `reverse`: flips
    the cue it governs ("remove X from the terrorist list")."""
    return {
        lemma.strip().lower(): (int(polarity), kind.strip())
        for lemma, polarity, kind, *_ in _rows("stance_cues.tsv")
    }


@lru_cache(maxsize=1)
def valences() -> dict[str, float]:
    """Word → mean valence (−4 … +4) from VADER's lexicon."""
    text = (resources.files("vaderSentiment") / "vader_lexicon.txt").read_text(
        encoding="utf-8", errors="replace"
    )
    table: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            try:
                table[parts[0]] = float(parts[1])
            except ValueError:
                continue
    return table


def valence(word: str, lemma: str = "") -> float:
    """Valence of a word (or, failing that, its lemma); 0.0 when the lexicon has neither."""
    table = valences()
    return table.get(word.lower(), table.get(lemma.lower(), 0.0))
