"""Line rules: a registry of small named predicates, each recognising one kind of page furniture.

A rule sees one line (stripped) and says whether it is furniture; its name is what
`RemovedLine.rule` records, so a user can see why a line went. No rule ever applies to a line
that carries a statement (`carries_statement`): losing a quote is worse than keeping a menu.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from quotetrail import lexicon

LineRule = Callable[[str], bool]

RULES: dict[str, LineRule] = {}
# Rules whose match is structural (the line is a link or footer by its opening words), so even a
# quote in it belongs to another story: "Also on rt.com Putin warns … ‘disguised as refugees’".
OVERRIDE_PROTECTION: set[str] = set()


def mark_class(marks: frozenset[str]) -> str:
    """The one-character marks of `marks`, escaped for a regex character class."""
    return re.escape("".join(sorted(m for m in marks if len(m) == 1)))  # a class holds characters


@lru_cache(maxsize=4)
def _quote_mark(double: frozenset[str], single: frozenset[str]) -> re.Pattern[str]:
    """Any double quotation mark, or a single one opening before a letter (not an apostrophe)."""
    return re.compile(rf"[{mark_class(double)}]|(?<!\w)[{mark_class(single)}](?=\w)")


@lru_cache(maxsize=4)
def _sentence_end(closing: frozenset[str], double: frozenset[str]) -> re.Pattern[str]:
    """Closing punctuation at the end of a line with the marks or brackets after it, or a closing
    double quotation mark."""
    after = mark_class(closing)
    return re.compile(rf"[.!?…:,;][{after})\]]*$|[{mark_class(closing & double)}]$")


@lru_cache(maxsize=4)
def _attribution(verbs: frozenset[str], phrases: tuple[str, ...]) -> re.Pattern[str]:
    """Any written form of a speech verb, or an attribution phrase ("according to")."""
    alternatives = sorted(verbs | set(phrases), key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, alternatives))})\b", re.I)


_WORD = re.compile(r"\w+")
STATEMENT_MIN_WORDS = 12


def rule(name: str, overrides_protection: bool = False) -> Callable[[LineRule], LineRule]:
    """Register a line predicate under `name`; `overrides_protection` for structural furniture."""

    def register(func: LineRule) -> LineRule:
        RULES[name] = func
        if overrides_protection:
            OVERRIDE_PROTECTION.add(name)
        return func

    return register


def carries_statement(line: str) -> bool:
    """A sentence with a quotation mark and a speech verb: it may hold a statement, so no rule may
    drop it. A headline (no closing punctuation, short) is not protected: a quoted headline of
    another story is a link, and the article's own headline is kept as its title."""
    marks = lexicon.quote_marks()
    sentence = (
        bool(_sentence_end(marks.closing, marks.double).search(line))
        or word_count(line) >= STATEMENT_MIN_WORDS
    )
    if not sentence or not _quote_mark(marks.double, marks.single).search(line):
        return False
    attribution = _attribution(lexicon.line_protecting_forms(), lexicon.words().attribution_phrases)
    return bool(attribution.search(line))


def word_count(line: str) -> int:
    return len(_WORD.findall(line))


def normalise(line: str) -> str:
    """Case-, punctuation- and space-insensitive form of a line, for matching and counting."""
    return " ".join(_WORD.findall(line.casefold()))


def _phrases(name: str) -> frozenset[str]:
    path = Path(__file__).with_name(name)
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(normalise(line) for line in lines if line.strip() and not line.startswith("#"))


FURNITURE_PHRASES = _phrases("furniture_phrases.txt")


@rule("furniture_phrase")
def is_furniture_phrase(line: str) -> bool:
    """A whole line that is a known widget label: "Related Articles", "Back to top button"."""
    return normalise(line) in FURNITURE_PHRASES


_ICON = re.compile(r"icon", re.I)


@rule("icon_dump", overrides_protection=True)
def is_icon_dump(line: str) -> bool:
    """The text of an icon sprite sheet: many 'icon' names run together."""
    return len(_ICON.findall(line)) >= 5


_CRUMB_SEPARATOR = re.compile(r"\s+(?:/|>|»|›|\||::)\s+")


@rule("breadcrumb")
def is_breadcrumb(line: str) -> bool:
    """ "News / Afghanistan / Russia": short segments joined by a path separator."""
    parts = _CRUMB_SEPARATOR.split(line)
    return (
        2 <= len(parts) <= 8
        and all(0 < word_count(part) <= 4 for part in parts)
        and not line.endswith(".")
    )


_TIMER = re.compile(r"^(?:\d{1,2}:)?\d{1,2}:\d{2}(?:\s*/\s*(?:\d{1,2}:)?\d{1,2}:\d{2})?$")
_RELATIVE_TIME = re.compile(
    r"^(?:\d+\s*(?:[smhd]|secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|years?)\s+ago|"
    r"(?:yesterday|today|just now)(?:\s+at)?)\b[\w\s:.,]{0,20}$"
    rf"|^(?:{'|'.join(sorted({month[:3] for month in lexicon.words().months}))})[a-z]*\.? "
    r"\d{1,2},? \d{1,2}:\d{2}(?:\s*[ap]m)?$",
    re.I,
)


@rule("media_timer")
def is_media_timer(line: str) -> bool:
    """A player's clock: "0:00", "26:12", "1:02:33 / 1:05:00"."""
    return bool(_TIMER.match(line))


@rule("timestamp")
def is_timestamp(line: str) -> bool:
    """A list item's time stamp: "2 days ago at 07:52 am", "7H ago 08:51", "Nov 7 23:05"."""
    return bool(_RELATIVE_TIME.match(line))


@lru_cache(maxsize=4)
def _cross_link(labels: tuple[str, ...]) -> re.Pattern[str]:
    """A link label opening a line, then a separator or a domain."""
    alternatives = "|".join(map(re.escape, sorted(labels, key=len, reverse=True)))
    return re.compile(rf"^(?:{alternatives})\b\s*(?:[:|\-–—]|\S+\.\w{{2,}}\b)", re.I)


@rule("cross_link", overrides_protection=True)
def is_cross_link(line: str) -> bool:
    """A link to another story: "Also on rt.com …", "READ MORE: …", "Related: …"."""
    return bool(_cross_link(lexicon.words().link_labels).match(line))


_POST_FIRST = re.compile(r"^[Tt]he post .+ appeared first on [A-Z0-9][\w.&'’ -]{1,60}\.?$")


@rule("appeared_first_on", overrides_protection=True)
def is_appeared_first(line: str) -> bool:
    """The WordPress feed footer "The post … appeared first on X."."""
    return bool(_POST_FIRST.match(line))


_BYLINE_CREDIT = re.compile(
    r"^(?:edited|written|reported|compiled|produced|translated|reporting|writing|editing|"
    r"additional reporting|fact[- ]checked|curated|updated)\s+by\s",
    re.I,
)


@rule("editing_credit")
def is_editing_credit(line: str) -> bool:
    """ "Edited by …", "Additional reporting by …": staff credits, not content."""
    return bool(_BYLINE_CREDIT.match(line)) and word_count(line) <= 30


_SOURCE_CREDIT = re.compile(
    r"^[(\[]?\s*(?:with (?:agency )?inputs? from|with inputs from agencies|inputs from|"
    r"with agency inputs|agencies contributed|source|sources|via|courtesy)\b[^()\[\]]*[)\]]?\.?$",
    re.I,
)


@rule("source_credit")
def is_source_credit(line: str) -> bool:
    """ "(With inputs from ANI)", "Source: Reuters": wire credits on a line of their own."""
    return bool(_SOURCE_CREDIT.match(line)) and word_count(line) <= 12


_PHOTO_WORDS = (
    r"(?i:photo|photos|photograph|image|images|picture|pool|getty|shutterstock|file|credit|courtesy|"
    r"illustration|screenshot|screengrab|video grab)"
    r"|AFP|AP|EPA|Reuters|REUTERS|Sputnik|TASS|Xinhua|Anadolu"
)
_TRAILING_CREDIT = re.compile(rf"\((?:[^()]*\b(?:{_PHOTO_WORDS})\b[^()]*)\)\s*$")
_CREDIT_LABEL = re.compile(
    r"^(?:photo|image|picture|file photo|credit|photo credit|source)\s*[:©]", re.I
)
_CAPTION_TAIL = re.compile(rf"(?:[|/]\s*|©\s*)(?:{_PHOTO_WORDS})\b[^.]*$")
_GALLERY_COUNTER = re.compile(r"^(?:image|photo|picture|slide)s?\s*\d+\s*(?:of|/)\s*\d+$", re.I)


@rule("photo_caption")
def is_photo_caption(line: str) -> bool:
    """A caption ending in a photo credit "(AFP photo)", a "Photo: …" / "© Reuters" label, or a
    gallery counter "Image 1 of 8"."""
    patterns = (
        _TRAILING_CREDIT.search,
        _CREDIT_LABEL.match,
        _CAPTION_TAIL.search,
        _GALLERY_COUNTER.match,
    )
    return any(pattern(line) for pattern in patterns)


_PROMOTION = re.compile(
    r"(?:^if you (?:like|liked|enjoyed|enjoy) this|share (?:it|this) with a friend|"
    r"^(?:follow|like) us on|^subscribe (?:to|for|now)|^sign up (?:for|to)|newsletter|"
    r"^download (?:our|the) app|^click here|website can (?:also )?be accessed|all rights reserved|"
    r"^copyright\b|^©|^join (?:us|our)|^get the latest|^support (?:our|independent) journalism|"
    r"^you (?:may|might) also like|"
    r"^(?:share|tweet|email|print) (?:this|on)\b|^we use cookies|"
    r"^this (?:site|website) uses cookies|"
    r"^advertisement\b|^sponsored\b|^please (?:enable|disable|allow|whitelist)|"
    r"^listen to (?:this|the) (?:article|story)|"
    r"^you must (?:be )?log(?:ged)? ?in to)",
    re.I,
)


@rule("site_promotion")
def is_site_promotion(line: str) -> bool:
    """Calls to share, follow, subscribe, comment or accept cookies; copyright lines."""
    return word_count(line) <= 40 and bool(_PROMOTION.search(line))


_CATEGORY_GLUE = re.compile(r"[a-z][A-Z][a-z]")


@rule("category_glue")
def is_category_glue(line: str) -> bool:
    """Category links whose separators were lost: "AfghanistanGeo-politicsHighlights news"."""
    words = line.split()
    return (
        len(words) <= 6
        and len(line) <= 80
        and line.isascii()
        and len(_CATEGORY_GLUE.findall(line)) >= 2
        and not re.search(r"[.!?]$", line)
    )


_COMMENTS_HEADING = re.compile(
    r"^[\[(]?\s*(?:\d+\s+)?"
    r"(?:top rated |latest |recent |reader |view all |show |load |read |post a |add a |leave a )?"
    r"(?:comments?|responses?|replies|reply|discussion|conversation)\b[^.!?]{0,30}[\])]?\s*$"
    r"|^join the (?:conversation|discussion)|^comments? (?:are|is) closed",
    re.I,
)


@rule("comments_heading")
def is_comments_heading(line: str) -> bool:
    """The heading of a comment section ("167 comments", "Leave a Reply"): readers' text follows."""
    return word_count(line) <= 8 and bool(_COMMENTS_HEADING.match(line))


_BYLINE = re.compile(r"^(?:by|written by|posted by|author:?)\s+[A-Z\u00c0-\u024f]", re.I)


@rule("byline")
def is_byline(line: str) -> bool:
    """ "By Jane Doe" / "By JERUSALEM POST STAFF": the author line above the body."""
    return (
        word_count(line) <= 10 and bool(_BYLINE.match(line)) and not line.endswith((".", "?", "!"))
    )


_GLUE_POINT = re.compile(r"(?<=[a-z0-9?!.’'\")])(?=[A-Z][a-z]*\b)")


def _title_case_share(words: list[str]) -> float:
    return sum(1 for word in words if word[:1].isupper() or word[:1].isdigit()) / max(1, len(words))


@rule("teaser", overrides_protection=True)
def is_teaser(line: str) -> bool:
    """A link teaser: a Title Case headline glued to its summary ("…StandWarren Mayor Jim says …").

    Link lists lose the break between a headline and its blurb; the quote in a teaser belongs to
    another story, so the rule overrides statement protection.
    """
    for match in _GLUE_POINT.finditer(line, 0, 200):
        head = line[: match.start()].split()
        tail = line[match.start() :].split()[1:7]
        glued_left = head[-1] if head else ""
        if (
            len(glued_left) >= 5  # "MacBook", "YouTube": a brand, not a seam
            and len(head) >= 4
            and _title_case_share(head) >= 0.85
            and len(tail) >= 4
            and _title_case_share(tail) < 0.4
        ):
            return True
    return False


_LEGAL = re.compile(
    r"registered trademarks? of|all rights reserved|"
    r"^the (?:information|content|material)s? (?:provided|contained|published) on this|"
    r"not been evaluated by the food and drug|"
    r"may not be (?:published|reproduced|copied|redistributed)|"
    r"terms of (?:use|service)|privacy policy|cookie policy|"
    r"by (?:using|continuing to use) this (?:site|website)|"
    r"affiliate (?:links?|commission)|(?:we|may) (?:earn|receive) (?:a )?(?:small )?commission",
    re.I,
)


@rule("legal_notice")
def is_legal_notice(line: str) -> bool:
    """Footer legalese: trademarks, disclaimers, reproduction and cookie notices."""
    return word_count(line) <= 80 and bool(_LEGAL.search(line))
