"""Entity resolution: one entity per real person or actor, with its aliases and merge evidence.

Observations (a speaker of a statement, or a named-entity mention) arrive one at a time. Each is
looked up by blocking keys — surname, surname prefix, role-in-body, actor — among the entities
already known (the store hands over only those sharing a key, so a batch costs O(batch)), and
either joins one of them, with the rule that allowed it written down as evidence, or opens one.

Rules, strongest first:
  alias      the folded name was seen before for this entity
  metonymy   a place or body that speaks for a country: "Moscow", "the Kremlin" → Russia
  surname    same surname, given names compatible ("Putin", "Mr. Putin", "V. Putin")
  variant    surname a truncation or one-edit misspelling ("Kabul"/"Kabulov"), allowed only when
             the context agrees: same role, same affiliation, or the same given name in articles
             about the same story
  role       a description with no name ("the Russian President") → who holds that role there
Before that, `people_by_surname` takes a surname the tagger labelled an organisation for the
person the article names, and organisations and places are keyed without a leading "the".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from quotetrail.extract.cast import without_epithets
from quotetrail.lexicon import actor_of, fold, generic_participant, title_words
from quotetrail.link.names import given_names, name_tokens, role_key, surname
from quotetrail.records import DOCUMENT, QUESTIONER, stable_id

PREFIX = 4  # surname prefix length of the truncation key
RECENT_STORIES = 8  # stories remembered per entity: the context for variant spellings
MENTION_KINDS = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "NORP": "place",
    "LOC": "place",
}


@dataclass
class Observation:
    """One way an actor was written in one article, with the context the article gives."""

    name: str
    article_id: str
    kind: str = "person"  # person | organization | place
    role: str | None = None
    affiliation: str | None = None
    story_id: str | None = None  # the story of the article, when linking has placed it


@dataclass
class Entity:
    id: str
    name: str
    kind: str  # person | actor (a country or body) | organization
    aliases: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    affiliations: set[str] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)
    stories: list[str] = field(
        default_factory=list
    )  # the last RECENT_STORIES stories it was seen in, newest last


@dataclass
class Merge:
    """Why an observation was filed under an entity: the evidence `entities --format json` shows."""

    entity_id: str
    alias: str
    article_id: str
    reason: str


def mention_observation(text: str, label: str, article_id: str) -> Observation:
    """A named-entity mention as an observation; a one-word PERSON that is a place or country
    word ("Kabul") is the tagger confusing the two, and is taken as the place."""
    kind = MENTION_KINDS[label]
    if kind == "person" and len(text.split()) == 1 and actor_of(text):
        kind = "place"
    return Observation(name=text, article_id=article_id, kind=kind)


def people_by_surname(observations: Sequence[Observation]) -> None:
    """A one-word organisation or place that is the surname of a person the same article names
    ("Syromolotov", tagged ORG beside "Oleg Syromolotov") is that person; a known place or
    country ("Washington" beside "George Washington") stays what it is. Changes `kind` in place."""
    surnames = {(obs.article_id, surname(obs.name)) for obs in observations if obs.kind == "person"}
    for obs in observations:
        if (
            obs.kind != "person"
            and len(obs.name.split()) == 1
            and not actor_of(obs.name)
            and (obs.article_id, fold(obs.name)) in surnames
        ):
            obs.kind = "person"


def _bare(name: str) -> str:
    """An organisation's or place's name without a leading article: "the Soviet Union" and
    "Soviet Union" are one name."""
    return re.sub(r"^the\s+", "", name, flags=re.IGNORECASE) or name


def is_description(name: str) -> bool:
    """A name made only of titles and country words: "the Russian President", "Moscow's envoy"."""
    tokens = name_tokens(name)
    return not tokens or all(actor_of(token) for token in tokens)


def _edit1(a: str, b: str) -> bool:
    """At most one insertion, deletion or substitution apart."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)) :] == b[i + 1 :]


def _variant_probes(name: str) -> set[str]:
    """Keys that two surnames share whenever `surname_variant` holds for them: the first PREFIX
    letters (a truncation or a slip after them keeps those), the whole name and the name with one
    of its first PREFIX letters left out (a slip among them: the two lose a letter to the same
    spelling, or the shorter is the longer without one)."""
    if len(name) < PREFIX + 1:
        return set()
    return {f"^{name[:PREFIX]}", name} | {name[:i] + name[i + 1 :] for i in range(PREFIX)}


def surname_variant(a: str, b: str) -> bool:
    """Truncation ("kabul"/"kabulov") or a one-letter slip, on surnames long enough to tell."""
    if a == b or min(len(a), len(b)) < PREFIX + 1:
        return False
    return a.startswith(b) or b.startswith(a) or _edit1(a, b)


def _givens_compatible(a: list[str], b: list[str]) -> bool:
    if not a or not b:
        return True
    return a[0][0] == b[0][0] and (len(a[0]) == 1 or len(b[0]) == 1 or a[0] == b[0])


def _affiliation(value: str | None) -> str | None:
    return (actor_of(value) or value) if value else None


def one_articles(obs: Observation) -> bool:
    """An observation that names something of its own article only: "the report" of one
    article is not another article's report, nor one transcript's "Question" another's, nor
    one hearing's "Chairman" — an office with no body named — another's."""
    if obs.kind == DOCUMENT:
        return True
    if obs.kind == QUESTIONER:
        return generic_participant(obs.name)
    return obs.kind == "person" and is_description(obs.name) and _described_role(obs) is None


def observation_keys(obs: Observation) -> set[str]:
    """Blocking keys: an entity that could absorb `obs` shares at least one."""
    if one_articles(obs):
        return {f"d:{obs.article_id}:{fold(_bare(obs.name))}"}
    if obs.kind != "person":
        return {f"a:{fold(actor_of(obs.name) or _bare(obs.name))}"}
    keys = set()
    if is_description(obs.name):
        derived = _described_role(obs)
        if derived:
            keys.add(f"r:{derived}")
        return keys
    last = surname(obs.name)
    if last:
        keys |= {f"s:{last}", f"p:{last[:PREFIX]}"}
    rk = role_key(obs.role, obs.affiliation)
    if rk:
        keys.add(f"r:{rk}")
    return keys


def _epithet_of(name: str, plain: str) -> bool:
    """`name` is `plain` behind an epithet ("Crooked Gordon Baxter", "Gordon Baxter")."""
    return name.endswith(f" {plain}") and without_epithets([name, plain]).get(name) == plain


def _last_word(name: str) -> str:
    """What `_epithet_of` needs two names to share: `name` ends with " " + `plain`."""
    return name.rsplit(" ", 1)[-1]


def _by_id(entities: Iterable[Entity]) -> list[Entity]:
    """The order every match walks, so that a batch resolves the same whatever its sets do."""
    return sorted(entities, key=lambda entity: entity.id)


def _names_better(name: str, current: str) -> bool:
    """Whether `name` should name the person now named `current`: the fullest form (most name
    words, then the untruncated spelling), but never a description, and never an epithet
    before the name ("Crooked Gordon Baxter" over "Gordon Baxter"; the plain form replaces
    the epithet when it arrives later)."""
    if _epithet_of(current, name):
        return True
    fuller = (len(name_tokens(name)), len(name)) > (len(name_tokens(current)), len(current))
    return fuller and not _epithet_of(name, current) and not is_description(name)


def _described_role(obs: Observation) -> str | None:
    """ "the Russian President" → "president|russia" (role words + the country named)."""
    words = [fold(token).strip(".") for token in obs.name.split()]
    role = obs.role or " ".join(w for w in words if w in title_words())
    country = obs.affiliation or next((actor_of(w) for w in words if actor_of(w)), None)
    return role_key(role, country) if role else None


class Resolver:
    """Files observations under entities; holds the candidates the store handed over."""

    def __init__(self, fetch: Callable[[set[str]], Iterable[Entity]] | None = None):
        """`fetch(keys)` returns the stored entities holding any of `keys`; each key is asked
        once."""
        self.fetch = fetch
        self.fetched: set[str] = set()
        self.entities: dict[str, Entity] = {}
        self.by_key: dict[str, set[str]] = {}
        self.by_alias: dict[str, set[str]] = {}  # a folded alias → the entities seen under it
        self.changed: set[str] = set()
        self.merges: list[Merge] = []
        # persons by the parts of their names (`_index_name`), so that a name is compared with
        # the few that could fit, not with a role's whole block
        self.by_tail: dict[str, set[str]] = {}
        self.by_surname: dict[str, set[str]] = {}
        self.by_probe: dict[str, set[str]] = {}  # a variant probe → the surnames it finds

    def next_batch(self, fetch: Callable[[set[str]], Iterable[Entity]]) -> None:
        """Start another batch from what this resolver holds (it must be what the store holds):
        nothing changed yet, `fetch` reading the store for keys not asked for before."""
        self.fetch = fetch
        self.changed = set()
        self.merges = []

    def load(self, keys: set[str]) -> None:
        """Bring in the stored entities under `keys` not asked for yet (one query per batch of
        keys)."""
        missing = keys - self.fetched
        self.fetched |= missing
        if missing and self.fetch:
            for entity in self.fetch(missing):
                if entity.id not in self.entities:
                    self._index(entity)

    def _index(self, entity: Entity) -> None:
        self.entities[entity.id] = entity
        for alias in entity.aliases:
            self.by_alias.setdefault(fold(alias), set()).add(entity.id)
        for key in entity.keys:
            self.by_key.setdefault(key, set()).add(entity.id)
        if entity.kind == "person":
            self._index_name(entity)

    def _index_name(self, entity: Entity) -> None:
        """File a person under what the name rules compare: the last word, the surname, and the
        probes that find a variant spelling of it. A name replaced later stays filed under its
        old parts too; the rules check the current name, so the index may only hold more."""
        theirs = surname(entity.name) or ""
        self.by_tail.setdefault(_last_word(entity.name), set()).add(entity.id)
        if theirs not in self.by_surname:
            for probe in _variant_probes(theirs):
                self.by_probe.setdefault(probe, set()).add(theirs)
        self.by_surname.setdefault(theirs, set()).add(entity.id)

    def candidates(self, obs: Observation) -> list[Entity]:
        return [self.entities[i] for i in sorted(self._candidate_ids(obs))]

    def _candidate_ids(self, obs: Observation) -> set[str]:
        keys = observation_keys(obs)
        self.load(keys)
        found: set[str] = set()
        for key in keys:
            found |= self.by_key.get(key, set())
        return found

    def resolve(self, obs: Observation) -> Entity:
        """The entity `obs` belongs to, created if none fits; records the evidence."""
        entity, reason = self._match(obs)
        if entity is None:
            entity = self._open(obs)
            reason = "first seen"
        self._absorb(entity, obs, reason)
        return entity

    def actor(self, name: str, article_id: str) -> Entity:
        """The country or body entity for an affiliation ("Russian" → Russia)."""
        return self.resolve(Observation(name=name, article_id=article_id, kind="organization"))

    def _match(self, obs: Observation) -> tuple[Entity | None, str]:
        if obs.kind != "person":
            candidates = self.candidates(obs)
            canonical = actor_of(obs.name)
            reason = (
                f"metonymy: {obs.name} speaks for {canonical}"
                if canonical and fold(canonical) != fold(obs.name)
                else "alias"
            )
            return (candidates[0], reason) if candidates else (None, "")
        ids = self._candidate_ids(obs)
        seen = self.by_alias.get(fold(obs.name), set()) & ids  # asked first: no pass over a block
        if named := self._people(seen):
            return named[0], "alias"
        if is_description(obs.name):
            rk = _described_role(obs)
            holders = [e for e in self._people(ids) if f"r:{rk}" in e.keys]
            return (holders[0], f"role: {rk}") if holders else (None, "")
        return self._match_name(obs, ids)

    def _people(self, ids: set[str]) -> list[Entity]:
        """The persons among `ids`, in id order (the order every match walks)."""
        return _by_id(e for e in map(self.entities.__getitem__, ids) if e.kind == "person")

    def _match_name(self, obs: Observation, ids: set[str]) -> tuple[Entity | None, str]:
        """The person `obs` names among the entities `ids` (the first in id order that fits): an
        epithet form of one, then the same surname, then a variant spelling with context. A
        role's block holds thousands at scale, and most names meet it once, so each rule looks
        up the few whose names could fit (`_index_name`) instead of walking the block."""
        last, givens = surname(obs.name), given_names(obs.name)
        affiliation = _affiliation(obs.affiliation)
        rk = role_key(obs.role, obs.affiliation)

        def context(entity: Entity) -> str | None:
            if affiliation and fold(affiliation) in {fold(a) for a in entity.affiliations}:
                return f"same affiliation ({affiliation})"
            if rk and f"r:{rk}" in entity.keys:
                return f"same role ({obs.role})"
            return None

        def among(found: Iterable[str]) -> list[Entity]:
            return _by_id(self.entities[i] for i in ids.intersection(found))

        # "Crooked Gordon Baxter" is Gordon Baxter, either way round; both end in one word
        for entity in among(self.by_tail.get(_last_word(obs.name), ())):
            if _epithet_of(obs.name, entity.name) or _epithet_of(entity.name, obs.name):
                return entity, f"epithet: {obs.name!r} ~ {entity.name!r}"
        same = [
            e
            for e in among(self.by_surname.get(last or "", ()))
            if surname(e.name) == last and _givens_compatible(givens, given_names(e.name))
        ]
        if same:
            same.sort(key=lambda e: context(e) is None)
            return same[0], f"surname: {last}" + (
                f", {context(same[0])}" if context(same[0]) else ""
            )
        spellings = {
            s for probe in _variant_probes(last or "") for s in self.by_probe.get(probe, ())
        }
        variants = among(i for s in spellings for i in self.by_surname[s])
        for entity in variants:
            if not surname_variant(last or "", surname(entity.name) or ""):
                continue
            agreed = context(entity) or (
                obs.story_id in entity.stories
                and givens
                and givens == given_names(entity.name)
                and f"same given name in the same story ({obs.story_id})"
            )
            if agreed and _givens_compatible(givens, given_names(entity.name)):
                return entity, f"variant spelling {obs.name!r} ~ {entity.name!r}, {agreed}"
        return None, ""

    def _open(self, obs: Observation) -> Entity:
        if obs.kind == "person":
            name, kind = obs.name, "person"
        else:
            canonical = actor_of(obs.name)
            name, kind = (canonical, "actor") if canonical else (_bare(obs.name), obs.kind)
        scope = (obs.article_id,) if kind != "actor" and one_articles(obs) else ()
        entity = Entity(id=stable_id("entity", kind, *scope, fold(name)), name=name, kind=kind)
        self._index(entity)
        return entity

    def _absorb(self, entity: Entity, obs: Observation, reason: str) -> None:
        new_alias = obs.name not in entity.aliases
        entity.aliases.add(obs.name)
        self.by_alias.setdefault(fold(obs.name), set()).add(entity.id)
        if obs.role:
            entity.roles.add(obs.role)
        affiliation = _affiliation(obs.affiliation)
        if affiliation and entity.kind == "person":
            entity.affiliations.add(affiliation)
        if obs.story_id and obs.story_id not in entity.stories:
            entity.stories = [*entity.stories, obs.story_id][-RECENT_STORIES:]
        if entity.kind == "person" and _names_better(obs.name, entity.name):
            entity.name = obs.name
            self._index_name(entity)
        described = obs.kind == "person" and is_description(obs.name)
        keys = set() if described else observation_keys(obs)
        keys |= {
            f"r:{rk}"
            for rk in [role_key(obs.role, obs.affiliation)]
            if rk and entity.kind == "person"
        }
        for key in keys - entity.keys:
            entity.keys.add(key)
            self.by_key.setdefault(key, set()).add(entity.id)
        self.changed.add(entity.id)
        if new_alias:
            self.merges.append(Merge(entity.id, obs.name, obs.article_id, reason))
