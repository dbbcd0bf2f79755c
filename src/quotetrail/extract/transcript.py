"""Transcripts and interviews: turn-taking text, each turn one statement by the speaker it names.

A turn opens a paragraph with a label and a colon ("Vladimir Putin: …", "PUTIN: …", "MR. PESKOV:
…", "Q: …", "Answer: …", "Anna Berg, Yle: …"), the time a transcription service writes beside it
("[00:01:12] HOST: …", "Reporter 1 (00:01:12): …"), or a label alone on its line above the
turn's words ("Selin Aydin (00:00:04):", or a name and a time with no colon, "Ines Roth  0:47");
the White House marks questions with "Q" and a gap ("Q    Will he …"). It runs, over as many
paragraphs as it takes, to the next label, or to a paragraph that reads as reporting (a
dateline, a byline, the speaker named in the third person), so an article that quotes a short
exchange and returns to prose keeps its prose. Labels count only when the page is turn-taking
text: at least two turns by labels that name speakers (a person the article names or the parse
tags, a label repeated — a surname alone, "DALTON:", repeats the full name it ends, "MARK DALTON,
NEWS ANCHOR:" — the outlet, a questioner, answer or participant word of the lexicon), so a news
article's "Note:", "Photo:" or "Video Transcript:" lines never become turns; nor do a headline's
"Name: Words In Title Case" or a section heading over reporting ("Jane Roe: Student loans.
Senator Roe proposed …"). An interview dumped as text without labels (its questions were bold)
is read as alternating question paragraphs and answers, but only when the header names the
interviewee.

Who asks is kept and kinded `questioner`: a questioner label ("Reporter 2" is the second), a
journalist's descriptor, the outlet, or a label all of whose turns are questions that is no one
the header presents. A participant the record does not name ("Speaker 3") has no speaker. Answers
("A:") are the interviewee's, whom the header names ("Interview with X", "X answered
questions"); when it names no one the answer's speaker stays unknown. Every turn is dated by the
first date of the header, when it states one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from quotetrail import lexicon
from quotetrail.clean.dateline import DATELINE
from quotetrail.clean.dates import TIME_OF_DAY, stated_date
from quotetrail.clean.outlets import known_outlet
from quotetrail.clean.rules import is_byline
from quotetrail.clean.turns import STAMP
from quotetrail.extract.cast import Cast, person_name, role_and_affiliation
from quotetrail.extract.dates import parse_published, resolve_date, said_on
from quotetrail.extract.entities import about
from quotetrail.extract.quotes import paragraphs
from quotetrail.extract.segment import entities, text_of
from quotetrail.extract.speakers import resolve, resolve_group
from quotetrail.records import QUESTIONER, Article, Speaker, Statement, StatementKind

NAME_WORD = r"[^\W\d_][\w'’\-]*\.?"
LABEL_WORDS = 7  # "President of Russia Vladimir Putin", "Minister of Foreign Affairs Sergei Lavrov"
LABEL = re.compile(
    rf"(?:{STAMP}\s+)?"  # the turn's time before its label: "[00:01:12] HOST: …"
    rf"(?P<name>{NAME_WORD}(?: {NAME_WORD}){{0,{LABEL_WORDS - 1}}}"
    r"(?: \d{1,2}(?![\d:]))?)"  # a participant's number: "Reporter 1"
    rf"(?:\s*(?P<stamp>{STAMP}))?"  # … or after the name: "Reporter 1 (00:01:12):"
    r"(?:\s*\((?P<paren>[^()\n]{1,60})\)|,\s*(?P<comma>[^,:;\n\"“”]{1,60}?))?"
    r"(?:\s*:[ \t]*(?=\S)|\s*(?P<alone>:?)\s*$)"  # words after the colon, or none on its line
)
# A congressional hearing's record: a title and the surname in capitals, then a full stop
# ("Senator HOLLIS. Thank you, …", "The CHAIRMAN. The committee will come to order.")
HEARING_LABEL = re.compile(
    r"(?P<name>(?:The|Mr\.|Ms\.|Mrs\.|Dr\.|[A-Z][a-z]+)\s+[A-Z][A-Z'’\-]+)"
    r"\.[ \t]+(?=[A-Z\"“‘'])"
)
# A question marked by "Q" and a gap, no colon: the White House's "Q    Will he …", "Q. Why …";
# its answer "A. Because …" (not an initial: "A. J. Moreno")
QUESTION_MARK = re.compile(r"(?P<name>Q)\.?[ \t]+(?=[^\W\d_]|[\"“‘'(—–-])")
ANSWER_MARK = re.compile(r"(?P<name>A)\.[ \t]+(?![A-Z]\.)(?=[^\W\d_]|[\"“‘'(—–-])")
MIN_TURNS = 2  # labelled turns that make a page (or the rest of it) a transcript
ACRONYM_LETTERS = 4  # an unknown all-caps label this short is a body ("RT", "BBC"), not a name
QUESTION_WORDS = 60  # an unlabelled question paragraph is at most this long
HEADER_PARAGRAPHS = 3  # the interviewee is named in the headline or the first paragraphs
HEADLINE_WORDS = 5  # a label's words this many or more, nearly all capitalised, are a headline
HEADLINE_CAPITALISED = 0.8
# The record's last line, no one's words: "END", "END  2:41 P.M. EDT", "###", "-30-"
END_OF_RECORD = re.compile(rf"^[-–—\s]*(?:END|###|-30-)[-–—\s]*(?i:{TIME_OF_DAY})?$")
# A stage direction on a line of its own, no one's words: "(BEGIN VIDEOTAPE)", "[Applause.]"
STAGE_DIRECTION = re.compile(r"^[(\[][A-Z][A-Za-z ,.'’-]{2,40}[)\]]\.?$")
SIGN_OFF = re.compile(r"^follow\s[^.?!\n]{1,60}\bon\s+(?:twitter|facebook|instagram)\b", re.I)
INTERVIEWER = "Interviewer"
MARKS = "".join(lexicon.quote_marks().marks)
CLOSING = MARKS + ")]"  # may follow the question mark


@dataclass(frozen=True)
class Label:
    """A turn's label: the name as written, what follows it in brackets or after a comma, and
    where the turn's words begin (the next paragraph's start for a label on a line of its own).
    `bare`: no colon, a name and a time alone on their line ("Ines Roth  0:47"), which only a
    person the document names or a participant word makes a turn."""

    start: int
    end: int
    name: str
    descriptor: str | None
    content: int
    bare: bool = False

    @property
    def key(self) -> str:
        return self.name.casefold()

    @property
    def word(self) -> str:
        """The label without a participant's number ("reporter 1" → "reporter"): what the
        lexicon knows it by."""
        return lexicon.participant_word(self.key)

    @property
    def number(self) -> str:
        """The participant's number as written after the word (" 1"), or ""."""
        return self.key[len(self.word) :]

    @property
    def affiliation(self) -> str | None:
        """A capitalised descriptor is who the speaker is with ("Anna Berg, Yle"); a lower-case
        one ("(retranslated)", "a nurse") is not."""
        return self.descriptor if self.descriptor and self.descriptor[0].isupper() else None


@dataclass(frozen=True)
class Turn:
    """One turn: its label (None for an unlabelled interview's paragraphs), its words' offsets,
    and who spoke them (None when the document does not say)."""

    label: Label | None
    start: int
    end: int
    speaker: Speaker | None

    @property
    def extent(self) -> tuple[int, int]:
        """The turn with its label: no other extractor reads inside it."""
        return (self.label.start if self.label else self.start), self.end


@dataclass(frozen=True)
class Header:
    """What the text before the first turn tells: who is interviewed, who is presented, when."""

    end: int
    interviewee: Speaker | None
    presented: frozenset[str]  # canonical names of the people the header names


def _label(text: str, start: int, end: int) -> Label | None:
    """The label that opens the paragraph text[start:end], if it reads as one; a label alone on
    its line (a colon or a time after it) has its words in the paragraphs below (`content` -1
    until `_labelled` knows where they start)."""
    match = LABEL.match(text, start, end)
    if match is None or (match["alone"] == "" and not match["stamp"]):
        return _unmarked_label(text, start, end)
    words = lexicon.participant_word(match["name"]).split()
    lower = lexicon.words().name_particles | lexicon.words().title_connectors
    if not words[0][0].isupper() or not words[-1][0].isupper():
        return None
    if any(not w[0].isupper() and w not in lower for w in words[1:]):
        return None
    if _is_headline(text[match.end() : end]):
        return None
    descriptor = match["paren"] or match["comma"]
    alone = match["alone"] is not None
    return Label(
        match.start("name"),
        match.end("name"),
        match["name"],
        descriptor and descriptor.strip(),
        -1 if alone else match.end(),
        bare=alone and not match["alone"],
    )


def _unmarked_label(text: str, start: int, end: int) -> Label | None:
    """A label with no colon: a hearing record's "Senator HOLLIS.", the White House's "Q", an
    interview's "Q." and "A."."""
    hearing = HEARING_LABEL.match(text, start, end)
    if hearing is not None:
        return Label(start, hearing.end("name"), hearing["name"], None, hearing.end())
    marked = QUESTION_MARK.match(text, start, end) or ANSWER_MARK.match(text, start, end)
    return Label(start, start + 1, marked["name"], None, marked.end()) if marked else None


def _is_headline(words: str) -> bool:
    """ "Trump Is ‘Trying To Win’ In Ohio": words in Title Case are a headline under a name, not
    what the name said."""
    initials = [word.lstrip(MARKS)[:1] for word in words.split()]
    letters = [initial for initial in initials if initial.isalpha()]
    return len(letters) >= HEADLINE_WORDS and (
        sum(initial.isupper() for initial in letters) >= HEADLINE_CAPITALISED * len(letters)
    )


def _reports(words: str, speaker: str | None) -> bool:
    """Whether a paragraph reads as reporting, not as a speaker's words: it opens with a dateline
    or a byline ("By Jane Roe", "Follow Jane Roe on Twitter"), it is the record's end ("END
    2:41 P.M. EDT") or a stage direction ("(BEGIN VIDEOTAPE)"), or it names `speaker` (a
    label's name) in the third person ("Senator Roe proposed …"), as no one names themselves."""
    if DATELINE.match(words) or is_byline(words) or SIGN_OFF.match(words):
        return True
    if END_OF_RECORD.match(words) or STAGE_DIRECTION.match(words):
        return True
    return speaker is not None and re.search(rf"\b{re.escape(speaker)}\b", words) is not None


def _surname(label: Label, outlet: str | None) -> str | None:
    """The word a report would call the label's speaker by ("MR. PESKOV" → "Peskov"); None for a
    questioner or answer word, the outlet, an acronym or an office ("THE PRESIDENT")."""
    words = lexicon.transcript_words()
    if label.word in words.questioners or label.word in words.answers or _is_acronym(label.name):
        return None
    if _outlet_named(label, outlet):
        return None
    last = _written(label.name).split()[-1].rstrip(".")
    return None if last.casefold() in lexicon.title_words() else last


def _written(name: str) -> str:
    """A label as a name is written: "MR. PESKOV" → "Mr. Peskov", "Senator HOLLIS" → "Senator
    Hollis" (a surname in capitals after a title); "RT" stays."""
    if name.isupper():
        return name if _is_acronym(name) else name.title()
    *first, last = name.split(" ")
    return " ".join([*first, last.title()]) if last.isupper() and len(last) > 2 else name


def _outlet_named(label: Label, outlet: str | None) -> str | None:
    """The news outlet a label names, the article's own or one of the outlet table's ("AFP:",
    "Global Times:"): one of its journalists speaks."""
    if outlet is not None and label.key == outlet.casefold():
        return outlet
    return known_outlet(label.name)


def _is_acronym(name: str) -> bool:
    return name.isupper() and name.isalpha() and len(name) <= ACRONYM_LETTERS


def _tagged_person(doc: Doc, label: Label) -> bool:
    """Whether the parse tags the label a person's name; never an all-caps one, which is as often
    a section heading ("MARKET WATCH: …") the tagger takes for a name."""
    if label.name.isupper():
        return False
    span = doc.char_span(label.start, label.end, alignment_mode="expand")
    return span is not None and any(token.ent_type_ == "PERSON" for token in span)


def _names_speaker(
    label: Label, known: Cast, tagged: list[str], repeats: int, outlet: str | None, asks: bool
) -> bool:
    """Whether a label names who speaks, rather than what a line of the page is: a questioner,
    answer or participant word, a label repeated, the outlet, or a person the article names
    outside the labels (`known`) or in a label the parse tags as a name (`tagged`: "PUTIN",
    "Vladimir Putin:"); another outlet when its turn `asks` a question (a ministry's briefing:
    "AFP: Will …?"). A bare label (a name and a time, no colon) only by a word or a person: a
    live blog's "Kyiv 10:32" lines repeat too."""
    words = lexicon.transcript_words()
    if label.word in {*words.questioners, *words.answers, *words.unnamed}:
        return True
    named_outlet = _outlet_named(label, outlet)
    if not label.bare and (
        repeats >= MIN_TURNS
        or (outlet is not None and named_outlet == outlet)
        or (named_outlet and asks)
    ):
        return True
    person = person_name(_written(label.name))
    return known.knows(person) or any(
        set(person.casefold().split()) <= set(name.casefold().split()) for name in tagged
    )


def _not_speaker(label: Label) -> bool:
    return (
        label.word in lexicon.transcript_words().not_speakers
        or label.key in lexicon.words().link_labels
    )


def _labelled(text: str, doc: Doc, cast: Cast, outlet: str | None) -> list[tuple[Label, int]]:
    """(label, end of its turn) for every turn of a labelled transcript; [] when the page is none.

    A turn ends where the next labelled line begins; a line labelled as page furniture ("Photo:")
    or a paragraph that reports (`_reports`) ends it too and belongs to no turn. A label over a
    paragraph that reports on its speaker is a section heading, no turn."""
    found = _paragraph_labels(text)
    labels = [label for label, _, _ in found if label is not None]
    same = _same_speaker(labels)
    repeats = Counter(same(label).key for label in labels)
    known = replace(_without_labels(cast, labels), full_names=[])
    tagged = [_written(label.name) for label in labels if _tagged_person(doc, label)]
    turns: list[tuple[Label, int]] = []
    current: Label | None = None
    last_end = 0
    for label, start, end in found:
        first_words = text[label.content : _line_end(text, label.content)] if label else ""
        if label is not None and (
            _not_speaker(label)
            or _names_speaker(
                label, known, tagged, repeats[same(label).key], outlet, _is_question(first_words)
            )
        ):
            heading = _reports(first_words, _surname(label, outlet))
            if current is not None:
                turns.append((current, last_end))
            current = None if _not_speaker(label) or heading else label
        elif current is not None and _reports(text[start:end], _surname(current, outlet)):
            turns.append((current, last_end))
            current = None
        last_end = end
    if current is not None:
        turns.append((current, last_end))
    turns = [(label, end) for label, end in turns if end > label.content]  # a label with no words
    return turns if len(turns) >= MIN_TURNS else []


def _same_speaker(labels: list[Label]) -> Callable[[Label], Label]:
    """The label that names a label's speaker in full: a surname alone ("DALTON:") stands for
    the one full name ending in it ("MARK DALTON, NEWS ANCHOR:"), as TV transcripts write a
    speaker's later turns, and a name ("Pavel Volkov:") for the one label that writes it after
    an office ("Minister of Agriculture Pavel Volkov:"), as the Kremlin writes a first turn's."""
    first: dict[str, Label] = {}  # each label as first written
    for label in labels:
        first.setdefault(label.key, label)
    office: dict[str, Label] = {}
    for key in (key for key in first if " " in key):
        longer = [other for other in first if other.endswith(" " + key)]
        if len(longer) == 1:
            office[key] = first[longer[0]]
    by_surname: dict[str, list[Label]] = {}
    for label in labels:
        words = label.key.split()
        if len(words) > 1 and not label.number:
            by_surname.setdefault(words[-1].rstrip("."), []).append(office.get(label.key, label))
    full = {
        surname: named[0]
        for surname, named in by_surname.items()
        if len({label.key for label in named}) == 1
    }

    def same(label: Label) -> Label:
        if " " not in label.key:
            return full.get(label.key.rstrip("."), label)
        return office.get(label.key, label)

    return same


def _line_end(text: str, at: int) -> int:
    """The end of the line `at` is on."""
    found = text.find("\n", at)
    return len(text) if found < 0 else found


def _paragraph_labels(text: str) -> list[tuple[Label | None, int, int]]:
    """(label, start, end) of every paragraph; a label alone on its line takes the next
    paragraph for its words' start (none at the end of the text); "A." answers only on a page
    where "Q" asks."""
    found = [(_label(text, start, end), start, end) for start, end in paragraphs(text)]
    asked = any(label is not None and label.key == "q" for label, _, _ in found)
    for index, (label, start, end) in enumerate(found):
        if label is not None and label.key == "a" and text[label.end] == "." and not asked:
            found[index] = (None, start, end)  # "A. Smith": an initial where no one asks "Q"
        elif label is not None and label.content < 0:
            following = found[index + 1][1] if index + 1 < len(found) else None
            found[index] = (replace(label, content=following) if following else None, start, end)
    return found


def _without_labels(cast: Cast, labels: list[Label]) -> Cast:
    """The cast without the people named in turn labels: what follows a label is the turn, not an
    apposition giving its speaker a role ("Vladimir Putin: Good afternoon, …")."""
    people = [p for p in cast.people if not any(a.start <= p.start < a.content for a in labels)]
    return replace(cast, people=people)


def _person(cast: Cast, profiles: Cast, name: str, mention: str) -> Speaker:
    """A person under the fullest name the article gives, with the role and affiliation
    `profiles` (the cast without label mentions) gives."""
    return profiles.person_speaker(cast.canonical(name), mention)


def _interviewee(doc: Doc, cast: Cast, profiles: Cast, end: int) -> Speaker | None:
    """The person the header presents as interviewed, when it names exactly one."""
    text = text_of(doc).lower()
    words = lexicon.transcript_words()
    people = [e for e in entities(doc) if e.label_ == "PERSON" and e.end_char <= end]
    found: set[str] = set()
    chosen: Span | None = None
    for person in people:
        before = text[max(0, person.start_char - 40) : person.start_char]
        after = text[person.end_char : person.end_char + 40]
        if any(phrase in before for phrase in words.interviewee_before) or any(
            after.lstrip(" ,").startswith(phrase) for phrase in words.interviewee_after
        ):
            chosen = person
            found.add(cast.canonical(person_name(person.text)))
    if chosen is None or len(found) != 1:
        return None
    return _person(cast, profiles, person_name(chosen.text), chosen.text)


def _header(doc: Doc, cast: Cast, profiles: Cast, end: int) -> Header:
    people = frozenset(
        cast.canonical(person_name(e.text))
        for e in entities(doc)
        if e.label_ == "PERSON" and e.end_char <= end
    )
    return Header(end, _interviewee(doc, cast, profiles, end), people)


def _header_date(doc: Doc, end: int, published: str | None) -> tuple[str | None, bool]:
    """The first date the header (text before `end`) states: the event's; else the publication
    date, assumed."""
    anchor = parse_published(published)
    for ent in entities(doc):
        if ent.label_ != "DATE" or ent.end_char > end:
            continue
        found = resolve_date(ent.text, anchor)
        if found is not None and (anchor is None or found <= anchor):
            return found.isoformat(), False
    return said_on(None, published)


def transcript_date(article: Article, doc: Doc, turns: list[Turn]) -> tuple[str | None, bool]:
    """(ISO date, assumed) of the event the turns were spoken at: the header's date, else the
    publication date — assumed unless it came from a date line of the transcript's own."""
    date, assumed = _header_date(doc, turns[0].extent[0], article.published)
    return date, assumed and not _dated_by_a_line(article)


def _dated_by_a_line(article: Article) -> bool:
    """The article's publication date is a date line of its own ("April 4, 2024", "Ministry of
    Foreign Affairs, Ankara, April 4, 2024"), which cleaning removed from the text."""
    lines = (removed.text for removed in article.removed if removed.rule == "date_line")
    found = (stated_date(line) for line in lines)
    return any(day is not None and day.day.isoformat() == article.published for day in found)


def _is_question(words: str) -> bool:
    return words.rstrip().rstrip(CLOSING).endswith("?")


def _questioner(name: str, mention: str, affiliation: str | None) -> Speaker:
    return Speaker(name=name, mention=mention, kind=QUESTIONER, affiliation=affiliation)


def _named(
    label: Label, doc: Doc, cast: Cast, profiles: Cast, presenters: Cast, names: set[str]
) -> Speaker:
    """The speaker a name label gives: a person the article names under that name, else a body
    or an office ("THE PRESIDENT") as speakers.py reads it among the people the header presents
    (`presenters`: never a turn's "Madam President, …", which addresses her), else the name as
    written. `names`: the names written alone, as `_office_before_name` reads them."""
    office = _office_before_name(label, doc, names)
    written = _written(office.text if office is not None else label.name)
    person = person_name(written)
    if cast.knows(person) and not set(person.casefold().split()) <= lexicon.title_words():
        speaker = _person(cast, profiles, person, label.name)
    else:
        span = doc.char_span(label.start, label.end, alignment_mode="expand")
        found = None
        if span is not None:
            if _is_acronym(label.name):
                found = resolve_group(presenters, span, label.start, [])
            else:
                found = resolve(presenters, span, label.start, [])
        known = found is not None and (found.kind != "person" or presenters.knows(found.name))
        speaker = found if known else _person(cast, profiles, person or written, label.name)
    if office is not None:
        role, country = role_and_affiliation(office)
        speaker.role = speaker.role or role
        speaker.affiliation = speaker.affiliation or country
    if speaker.affiliation is None:
        speaker.affiliation = label.affiliation
    return speaker


def _office_before_name(label: Label, doc: Doc, names: set[str]) -> Span | None:
    """The person's name that ends a label written with its office first ("President of Russia
    Vladimir Putin:", "Foreign Minister Sergei Lavrov:"): as the parse tags it, else as another
    label or the article writes it alone (`names`, casefolded); None when the label is the name
    alone."""
    tagged = next(
        (
            ent
            for ent in entities(doc)
            if ent.label_ == "PERSON"
            and ent.end_char == label.end
            and label.start < ent.start_char < label.end
        ),
        None,
    )
    if tagged is not None:
        return tagged
    alone = max(
        (n for n in names if " " in n and label.key.endswith(" " + n)), key=len, default=None
    )
    if alone is None:
        return None
    return doc.char_span(label.end - len(alone), label.end, alignment_mode="expand")


def _asks(label: Label, turns: list[tuple[int, int]], text: str, header: Header) -> bool:
    """Whether a label names who asks: a journalist's descriptor, or every turn a question by
    someone the header does not present."""
    questioners = lexicon.transcript_words().questioners
    descriptor = (label.descriptor or "").casefold().split()
    if any(word in questioners for word in descriptor):
        return True
    presented = set(person_name(_written(label.name)).casefold().split())
    if presented and any(presented <= set(name.casefold().split()) for name in header.presented):
        return False
    return all(_is_question(text[start:end]) for start, end in turns)


def _unquoted(text: str, start: int, end: int) -> tuple[int, int]:
    """A turn that is one quotation ("Anna Berg, teacher: “…”") without its marks."""
    closers = lexicon.quote_marks().closers
    inner = text[start + 1 : end - 1]
    opener = text[start] if end - start > 2 else ""
    if opener in closers and text[end - 1] in closers[opener] and not set(inner) & set(closers):
        return start + 1, end - 1
    return start, end


def _labelled_turns(
    text: str, doc: Doc, cast: Cast, outlet: str | None, found: list[tuple[Label, int]]
) -> list[Turn]:
    profiles = _without_labels(cast, [label for label, _ in found])
    header = _header(doc, cast, profiles, found[0][0].start)
    presenters = replace(
        profiles,
        people=[p for p in profiles.people if p.start < header.end],
        full_names=[name for name in cast.full_names if name in text[: header.end]],
    )
    words = lexicon.transcript_words()
    questioners = words.questioners
    spans = {label: _unquoted(text, label.content, end) for label, end in found}
    same = _same_speaker(list(spans))
    by_key: dict[str, list[tuple[int, int]]] = {}
    for label, span in spans.items():
        by_key.setdefault(same(label).key, []).append(span)

    names = {label.key for label in spans} | {n.casefold() for n in cast.full_names}

    def speaker_of(label: Label) -> Speaker | None:
        if label.word in questioners:  # "Reporter 2": the second of them
            name = questioners[label.word] + label.number
            return _questioner(name, label.name, label.affiliation)
        if label.word in words.answers:
            return header.interviewee
        unnamed = label.word in words.unnamed
        named_outlet = _outlet_named(label, outlet)
        if named_outlet:
            return _questioner(named_outlet, label.name, named_outlet)
        if _asks(label, by_key[label.key], text, header):
            name = _written(label.name) if unnamed else person_name(_written(label.name))
            return _questioner(name, label.name, label.affiliation)
        if unnamed:  # "Speaker 3": a participant the record does not name
            return None
        return _named(label, doc, cast, profiles, presenters, names)

    # One speaker per label as written: a speaker's turns share it, and `_asks` reads all of them.
    speakers: dict[tuple[str, str, str | None], Speaker | None] = {}
    turns = []
    for label, (start, end) in spans.items():
        who = same(label)
        written = (who.key, who.name, who.descriptor)
        if written not in speakers:
            speakers[written] = speaker_of(who)
        turns.append(Turn(label, start, end, speakers[written]))
    _share_profiles([speaker for speaker in speakers.values() if speaker is not None])
    return turns


def _share_profiles(speakers: list[Speaker]) -> None:
    """One person under two labels ("President of Russia Vladimir Putin:", later "Vladimir
    Putin:") has the role and country the fuller label gave, in every turn."""
    for speaker in speakers:
        fuller = next(
            (s for s in speakers if s.name == speaker.name and s.kind == speaker.kind and s.role),
            None,
        )
        if fuller is not None:
            speaker.role = speaker.role or fuller.role
            speaker.affiliation = speaker.affiliation or fuller.affiliation


def _unlabelled_turns(text: str, doc: Doc, cast: Cast, outlet: str | None) -> list[Turn]:
    """An interview whose questions lost their bold: question paragraphs, each answered by the
    paragraphs up to the next one; only when the header names the interviewee."""
    lines = list(paragraphs(text))
    asked = [
        i
        for i, (start, end) in enumerate(lines[1:-1], start=1)
        if _is_question(text[start:end])
        and len(text[start:end].split()) <= QUESTION_WORDS
        and not _is_question(text[slice(*lines[i + 1])])
    ]
    if len(asked) < MIN_TURNS:
        return []
    header_end = lines[min(asked[0], HEADER_PARAGRAPHS)][0]
    interviewee = _interviewee(doc, cast, cast, header_end)
    if interviewee is None:
        return []
    questioner = _questioner(outlet or INTERVIEWER, outlet or INTERVIEWER, outlet)
    turns = []
    for number, question in enumerate(asked):
        answer_end = asked[number + 1] - 1 if number + 1 < len(asked) else len(lines) - 1
        turns.append(Turn(None, *lines[question], questioner))
        turns.append(Turn(None, lines[question + 1][0], lines[answer_end][1], interviewee))
    return turns


def find_turns(text: str, doc: Doc, cast: Cast, outlet: str | None = None) -> list[Turn]:
    """Every turn of the transcript or interview `text` holds (its parse `doc`); [] for prose."""
    found = _labelled(text, doc, cast, outlet)
    if found:
        return _labelled_turns(text, doc, cast, outlet, found)
    return _unlabelled_turns(text, doc, cast, outlet)


def turn_statements(
    article: Article, doc: Doc, cast: Cast, turns: list[Turn], held: tuple[str | None, bool]
) -> list[Statement]:
    """One `transcript` statement per turn, its words the turn's, dated `held`
    (`transcript_date`)."""
    if not turns:
        return []
    text = text_of(doc)
    date, assumed = held
    return [
        Statement(
            article_id=article.id,
            kind=StatementKind.transcript,
            quote=text[turn.start : turn.end],
            sentence=text[turn.start : turn.end],
            span=(turn.start, turn.end),
            speaker=turn.speaker,
            said_on=date,
            said_on_assumed=assumed,
            about=about(doc, (turn.start, turn.end), turn.speaker, cast),
        )
        for turn in turns
    ]
