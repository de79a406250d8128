"""Resolve: mentions -> one entity per real thing, with deterministic keys.

Within an article, mentions are clustered: the same name; a surname and the full name
("Doe" -> "Jane Doe"); an acronym and its expansion ("ACME" after "... (ACME)",
"NWSA" by initials); a definite noun and the body last named with that head ("the ministry");
a bare place name and the one "X district" or "X region" it abbreviates. Each cluster gets one
class (evidence summed over its mentions), a canonical label (an implied full name, else the
fullest form) and every other form as an alternative label. Across articles, entities with the
same class and canonical key are one entity; countries are keyed by their ISO 3166 code.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache

from newskg.aliases import alias_of, kept_apart, skeleton, subdivision_code
from newskg.crossmatch import Evidence
from newskg.extract.countries import is_city
from newskg.extract.lexicon import PLACE_KEYWORDS
from newskg.iris import mint_key, slug, unique_key
from newskg.models import (
    ADMIN_AREA,
    COUNTRY,
    ORG_CLASSES,
    PERSON,
    PLACE,
    PLACE_CLASSES,
    SETTLEMENT,
    Entity,
    Mention,
    Reading,
    choose_class,
    coarse,
)

__all__ = ["cluster_mentions", "resolve", "entity_key", "Resolution"]

_CONNECT = {"of", "the", "and", "for", "in", "to", "de", "del", "on"}
_LEVEL = {"region": "1", "province": "1", "oblast": "1", "state": "1", "canton": "1", "department": "1",
          "governorate": "1", "district": "2", "raion": "2", "rayon": "2", "municipality": "2", "county": "2",
          "commune": "3"}


@lru_cache(maxsize=1 << 16)
def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("ı", "i")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^\w\s/&-]", " ", text)
    return re.sub(r"^the ", "", re.sub(r"\s+", " ", text).strip())


def _place_key(m: Mention) -> str:
    """"Poltava Oblast" and "Poltava region" share "poltava#1"; bare "Poltava" is "poltava"."""
    words = _fold(m.text).split()
    kw = m.keyword
    if words and words[-1] in _LEVEL:
        kw = words[-1]
        words = words[:-1]
    if kw in _LEVEL and m.cls == ADMIN_AREA:
        return " ".join(words) + "#" + _LEVEL[kw]
    return " ".join(words)


def area_levels(members: list[Mention]) -> set[str]:
    """The levels ("1" region, "2" district) the text gives an area's mentions."""
    return {_place_key(m).split("#")[1] for m in members if "#" in _place_key(m)}


def _initials(text: str) -> str:
    return "".join(w[0] for w in re.findall(r"[\w']+", text) if w.lower() not in _CONNECT and w[0].isupper())


class _Union:
    def __init__(self, n: list[int]):
        self.parent = {i: i for i in n}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def cluster_mentions(mentions: list[Mention] | tuple[Mention, ...]) -> list[list[int]]:
    """Group an article's mentions into clusters of one real thing; returns lists of ids."""
    ms = sorted(mentions, key=lambda m: (m.start, m.id))
    by_id = {m.id: m for m in ms}
    u = _Union([m.id for m in ms])
    named = [m for m in ms if not m.nominal and m.text]
    # the same name (places: the same name and level)
    seen: dict[tuple[str, str], int] = {}
    for m in named:
        key = (coarse(m.cls), _place_key(m) if m.cls in PLACE_CLASSES else _fold(m.canonical or m.text))
        if key in seen:
            u.join(seen[key], m.id)
        else:
            seen[key] = m.id
    # canonical names shared ("Foreign Ministry" and "Georgian Foreign Ministry")
    canon: dict[str, int] = {}
    for m in named:
        if m.canonical:
            k = _fold(m.canonical)
            if k in canon:
                u.join(canon[k], m.id)
            else:
                canon[k] = m.id
    for m in named:
        if m.canonical is None and _fold(m.text) in canon:
            u.join(canon[_fold(m.text)], m.id)
    # explicit links: acronyms in parentheses
    for m in ms:
        if m.refers_to is not None and m.refers_to in by_id:
            u.join(m.refers_to, m.id)
    _link_places(named, u)
    _link_weak_to_places(named, u)
    _link_short_names(named, u)
    _link_acronyms(named, u)
    _link_nominals(ms, u, by_id)
    groups: dict[int, list[int]] = defaultdict(list)
    for m in ms:
        groups[u.find(m.id)].append(m.id)
    return [sorted(g) for _, g in sorted(groups.items())]


def _link_places(named: list[Mention], u: _Union) -> None:
    keyed: dict[str, set[str]] = defaultdict(set)
    first: dict[str, int] = {}
    for m in named:
        if m.cls in PLACE_CLASSES:
            k = _place_key(m)
            if "#" in k:
                base = k.split("#")[0]
                keyed[base].add(k)
                first.setdefault(k, m.id)
    # "Gori district" and "Gori region" in one article are one area, unless the article
    # nests one in the other ("the Poltava district of the Poltava region")
    for base, keys in keyed.items():
        if len(keys) < 2:
            continue
        levels = [(m, _place_key(m)) for m in named if m.cls in PLACE_CLASSES and _place_key(m) in keys]
        nested = any(ka != kb and abs(a.start - b.start) < 80 for a, ka in levels for b, kb in levels)
        if not nested:
            for m, _ in levels:
                u.join(levels[0][0].id, m.id)
            keyed[base] = {min(keys)}
    def strong_settlement(m: Mention, only: str) -> bool:
        # a town shares its name with its district, but a region's name town is its own place
        # (Poltava the city, not the Poltava region); so is a town the text shows as one
        return dict(m.votes).get(SETTLEMENT, 0) >= 3 or (m.cls == SETTLEMENT and is_city(m.text) and only.endswith("#1"))

    town: set[str] = set()
    for m in named:
        if m.cls in PLACE_CLASSES and "#" not in _place_key(m) and len(keyed.get(_place_key(m), ())) == 1:
            if strong_settlement(m, next(iter(keyed[_place_key(m)]))):
                town.add(_place_key(m))
    for m in named:
        if m.cls not in PLACE_CLASSES and m.cls != PERSON and coarse(m.cls) != "Organization":
            continue
        k = _place_key(m) if m.cls in PLACE_CLASSES else _fold(m.text)
        if "#" in k or len(keyed.get(k, ())) != 1:
            continue
        (only,) = keyed[k]
        if m.cls in PLACE_CLASSES and k not in town or dict(m.votes).get(ADMIN_AREA, 0) > 0:
            u.join(first[only], m.id)


def _link_weak_to_places(named: list[Mention], u: _Union) -> None:
    """A name the tagger alone called a body or a person ("Lori" as ORG) is the place of that
    name the article types with a keyword or a phrase."""
    found: dict[str, set[int]] = defaultdict(set)
    for m in named:
        if m.cls in PLACE_CLASSES and max((w for _, w in m.votes), default=m.weight) >= 3:
            found[_fold(m.text)].add(u.find(m.id))
    # only where the name is one place here (not "Izium" the town and the Izium district)
    places = {k: min(v) for k, v in found.items() if len({u.find(x) for x in v}) == 1}
    for m in named:
        if m.cls in PLACE_CLASSES or m.text.isupper() or m.canonical:
            continue
        if m.cls not in {PERSON, "Organization"} or max((w for _, w in m.votes), default=m.weight) > 1.5:
            continue
        target = places.get(_fold(m.text))
        if target is not None:
            u.join(target, m.id)


def _link_short_names(named: list[Mention], u: _Union) -> None:
    persons = [m for m in named if m.cls == PERSON]
    full = [m for m in persons if len(m.text.split()) >= 2]
    # a surname the tagger took for a body ("Grigoryan said") is still the person named before
    loose = [m for m in named if m.cls == "Organization" and not m.text.isupper() and dict(m.votes).get("Organization", 0) <= 1.5]
    for m in persons + loose:
        words = m.text.split()
        if len(words) != 1:
            continue
        key = _fold(words[0])
        hits = {u.find(f.id) for f in full if _fold(f.text.split()[-1]) == key}
        if len(hits) == 1:
            u.join(hits.pop(), m.id)


def _link_acronyms(named: list[Mention], u: _Union) -> None:
    orgs = [m for m in named if m.cls in ORG_CLASSES and len(m.text.split()) >= 2]
    for m in named:
        t = m.text
        if not (2 <= len(t) <= 7 and t.isupper() and t.isalpha()):
            continue
        if any(u.find(m.id) == u.find(o.id) for o in orgs):
            continue
        hits = {u.find(o.id) for o in orgs if _initials(o.text).upper() == t}
        if len(hits) == 1:
            u.join(hits.pop(), m.id)


def _link_nominals(ms: list[Mention], u: _Union, by_id: dict[int, Mention]) -> None:
    for m in ms:
        if not m.nominal or m.refers_to is not None:
            continue
        head = _fold(m.text).split()[-1] if m.text else ""
        best = None
        for other in ms:
            if other.nominal or other.start >= m.start or not other.text:
                continue
            words = _fold(other.canonical or other.text).split() + _fold(other.text).split()
            if head in words or (head in {"army", "military"} and other.cls == "ArmedForces"):
                best = other
        if best is not None:
            u.join(best.id, m.id)


class Resolution:
    """Entities of a batch of readings and which entity each mention belongs to."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self.of_mention: dict[tuple[str, int], str] = {}
        self.renames: list[tuple[str, str, str]] = []  # (old key, new key, new label) of stored entities
        # what each article calls each entity (article id, key) -> names: the article graphs keep
        # these, and the entity's own label and alternative labels are derived from them (derive.py)
        self.names: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.alt_names: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.notes: dict[tuple[str, str], set[str]] = defaultdict(set)  # merge notes, same keys
        self.stored_notes: list[tuple[str, str, str]] = []  # (key, stored name, merge note)
        # what the store says around its entities (filled by the pipeline from a store)
        self.articles_of: dict[str, set[str]] = defaultdict(set)  # entity key -> article ids
        self.employers_of: dict[str, set[str]] = defaultdict(set)  # person key -> body keys
        self.outer_of: dict[str, set[str]] = defaultdict(set)  # place key -> keys of places it lies in
        self.incident_of: dict[tuple[str, int], str] = {}  # (article id, incident number) -> event key

    def entity(self, article_id: str, mention_id: int | None) -> Entity | None:
        if mention_id is None:
            return None
        key = self.of_mention.get((article_id, mention_id))
        return self.entities.get(key) if key else None


def _choose_class(members: list[Mention]) -> str:
    totals: dict[str, float] = defaultdict(float)
    for m in members:
        for cls, w in m.votes or ((m.cls, m.weight),):
            totals[cls] += w
    return choose_class(totals) if totals else members[0].cls


def _label(members: list[Mention], cls: str, bare_taken: bool) -> str:
    canon = [m.canonical for m in members if m.canonical]
    if canon:
        return max(canon, key=lambda c: (len(c), c))
    texts = [m.text for m in members if not m.nominal and m.text]
    if not texts:
        texts = [m.text for m in members if m.text]
    if cls in PLACE_CLASSES:
        if bare_taken:
            with_kw = [f"{t} {m.keyword}" if m.keyword and m.keyword not in t.lower() else t for m in members for t in [m.text] if m.text]
            return max(with_kw, key=lambda t: (len(t), t))
        return min(texts, key=lambda t: (len(t.split()) if not t.isupper() else 99, len(t), t))
    if cls == PERSON:
        return max(texts, key=lambda t: (len(t.split()), len(t), t))
    return max(texts, key=lambda t: (not t.isupper(), len(t), t))


def entity_key(cls: str, label: str) -> str:
    """A stable key from the coarse class and the folded canonical label (countries: ISO code)."""
    if cls == COUNTRY:
        from newskg.extract.countries import country_code

        code = country_code(label)
        if code:
            return f"country/{code}"
    return mint_key(coarse(cls).lower(), label)


@dataclass
class _Local:
    """One article's cluster of mentions, before it is matched across articles."""

    aid: str
    members: list[Mention]
    cls: str
    label: str
    bare_taken: bool
    orgs: frozenset[str] = frozenset()  # bodies a person is said to work for (folded)
    known: Entity | None = None  # an entity already in the store
    org_mids: frozenset[int] = frozenset()  # mention ids of the bodies a person works for
    outer_mids: frozenset[int] = frozenset()  # mention ids of the places it is said to lie in


def _locals_of(reading: Reading) -> list[_Local]:
    aid = reading.article.id
    by_id = {m.id: m for m in reading.mentions}
    clusters = [list(c) for c in reading.clusters] or cluster_mentions(reading.mentions)
    cluster_of = {i: n for n, ids in enumerate(clusters) for i in ids}
    orgs: dict[int, set[str]] = defaultdict(set)
    org_mids: dict[int, set[int]] = defaultdict(set)
    for mem in reading.memberships:
        if mem.organization is not None and mem.organization in by_id:
            org = by_id[mem.organization]
            orgs[cluster_of.get(mem.person, -1)].add(_fold(org.canonical or org.text))
            org_mids[cluster_of.get(mem.person, -1)].add(mem.organization)
    outer_mids: dict[int, set[int]] = defaultdict(set)
    for li in reading.located_in:
        outer_mids[cluster_of.get(li.inner, -1)].add(li.outer)
    bare_keys = {_fold(m.text) for m in reading.mentions if not m.nominal and "#" not in _place_key(m)}
    out = []
    for n, ids in enumerate(clusters):
        members = [by_id[i] for i in ids if i in by_id]
        if not any(m.text for m in members) or all(m.nominal for m in members):
            continue
        cls = _choose_class(members)
        keyed = [m for m in members if "#" in _place_key(m)]
        # "Poltava region" keeps its keyword when "Poltava" is also a town (named here, or a known city)
        bare_taken = bool(keyed) and cls == ADMIN_AREA and any(
            (_place_key(k).split("#")[0] in bare_keys or is_city(_place_key(k).split("#")[0]))
            and not any(_fold(x.text) == _place_key(k).split("#")[0] and not x.keyword for x in members)
            for k in keyed
        )
        out.append(_Local(aid, members, cls, _label(members, cls, bare_taken), bare_taken, frozenset(orgs.get(n, ())),
                          org_mids=frozenset(org_mids.get(n, ())), outer_mids=frozenset(outer_mids.get(n, ()))))
    return out


def _is_country_name(name: str) -> bool:
    """A place's name that is a country's (the alias table's spelling too: a place already, so
    "Turkey" is not the bird)."""
    from newskg.extract.countries import country_code

    return country_code(alias_of(name)) is not None


def _match_key(loc: _Local) -> str:
    """What two clusters must share to be one thing: class family and a spelling-proof name."""
    group = coarse(loc.cls)
    if loc.known is not None:
        return f"known:{loc.known.key}"
    if loc.cls == COUNTRY or (group == "Place" and loc.cls != ADMIN_AREA and _is_country_name(loc.label)):
        from newskg.extract.countries import country_code

        code = country_code(loc.label) or country_code(alias_of(loc.label))
        if code:  # a country's name typed as a town or a bare place is still the country
            return f"country:{code}"
    if group == "Place":
        iso = subdivision_code(loc.label, area_levels(loc.members)) if loc.cls == ADMIN_AREA else None
        if iso:
            return f"iso:{iso}"
        level = next((_place_key(m).split("#")[1] for m in loc.members if "#" in _place_key(m)), "")
        return f"place:{skeleton(alias_of(loc.label))}#{level}" if loc.bare_taken else f"place:{skeleton(alias_of(loc.label))}"
    return f"{group}:{skeleton(alias_of(loc.label))}"


def resolve(readings: list[Reading], known: Resolution | None = None) -> Resolution:
    """Cluster each reading's mentions, then match clusters across readings (and against
    ``known``, the entities already stored): the same spelling-proof name, a surname and the
    one full name it can stand for, an acronym and the one body it abbreviates. Every merge of
    two different names records its rule and evidence in ``Entity.merged_because``.

    The result does not depend on the order of ``readings``.
    """
    res = Resolution()
    locs: list[_Local] = []
    if known is not None:
        for ent in sorted(known.entities.values(), key=lambda e: e.key):
            locs.append(_Local("", [], ent.cls, ent.label, False, known=ent))
    for reading in sorted(readings, key=lambda r: r.article.id):
        locs.extend(_locals_of(reading))
    u = _Union(list(range(len(locs))))
    why: dict[int, list[str]] = defaultdict(list)
    # 1. the same name, up to spelling (accents, transliteration, the alias table)
    first: dict[str, list[int]] = defaultdict(list)
    for i, loc in enumerate(locs):
        first[_match_key(loc)].append(i)
        # every name of two words or more (a stored entity's other labels, a cluster's other
        # forms): the same on both sides, so resolving against the store is a batch build
        names = (loc.known.alt_labels | {loc.known.label}) if loc.known is not None else \
            {m.text for m in loc.members if m.text and not m.nominal} | {
                f"{m.text} {m.keyword}" for m in loc.members  # as the store writes them ("X district")
                if m.text and m.keyword and not m.nominal and m.keyword not in m.text.lower()}
        for alt in sorted(n for n in names if (len(n.split()) >= 2 and _same_country(n, loc)) or n == loc.label):
            if _match_key(loc) != f"{coarse(loc.cls)}:{skeleton(alias_of(alt))}" or loc.known is not None:
                first[f"{coarse(loc.cls)}:{skeleton(alias_of(alt))}"].append(i)
        if loc.known is not None:
            # the key a new cluster of that name would have (a country's code, an area's ISO code)
            first[_match_key(replace(loc, known=None))].append(i)
    codes = _article_countries(locs, known)
    for key, ids in sorted(first.items()):
        for i in ids[1:]:
            a, b = locs[ids[0]], locs[i]
            if coarse(a.cls) == "Person" and a.orgs and b.orgs and not (a.orgs & b.orgs) and \
                    not _bodies_compatible(a.orgs, b.orgs):
                continue  # one name, two people: they work for different bodies
            if kept_apart(a.label, b.label):
                continue
            if _national(a) and _national(b) and codes[ids[0]] and codes[i] and not codes[ids[0]] & codes[i]:
                continue  # "the National Water Board" of two countries
            if u.find(ids[0]) != u.find(i):
                u.join(ids[0], i)
                for j, loc in ((ids[0], a), (i, b)):
                    how = (f"ISO 3166-2 {key[4:]}" if key.startswith("iso:")
                           else "the alias table (ontology/data/aliases.csv)" if alias_of(loc.label) != loc.label
                           else "the same letters once accents, case and transliteration are folded")
                    if how not in why[j]:
                        why[j].append(how)
    # 1b. spelled differently: transliterations, translations, with evidence around them
    _link_round(locs, u, why, known, {"Place", "Organization"})
    # 2. a surname alone and the one full name it can stand for
    persons = [i for i, loc in enumerate(locs) if loc.cls == PERSON]
    full_by_last: dict[str, set[int]] = defaultdict(set)
    for i in persons:
        words = locs[i].label.split()
        if len(words) >= 2:
            full_by_last[skeleton(words[-1])].add(u.find(i))
    for i in persons:
        words = locs[i].label.split()
        if len(words) == 1:
            hits = {u.find(j) for j in full_by_last.get(skeleton(words[0]), set())}
            if len(hits) == 1:
                target = hits.pop()
                if u.find(i) != target and not kept_apart(locs[i].label, locs[target].label):
                    why[i].append("a surname alone stands for the only full name with it")
                    u.join(target, i)
    # 3. an acronym and the one body whose initials or stated short name it is
    orgs = [i for i, loc in enumerate(locs) if coarse(loc.cls) == "Organization"]
    named_short: dict[str, set[int]] = defaultdict(set)
    for i in orgs:
        loc = locs[i]
        forms = {m.text for m in loc.members} | ({loc.label} | loc.known.alt_labels if loc.known else set())
        for t in forms:
            if not _is_acronym(t) and len(t.split()) >= 2:
                named_short[_initials(t).upper()].add(u.find(i))
        for t in forms:
            if _is_acronym(t) and len(forms) > 1:
                named_short[t.replace(".", "")].add(u.find(i))
    for i in orgs:
        label = locs[i].label
        if _is_acronym(label):
            hits = {u.find(j) for j in named_short.get(label.replace(".", ""), set())} - {u.find(i)}
            if len(hits) == 1 and not kept_apart(label, locs[next(iter(hits))].label):
                target = hits.pop()
                why[i].append("an acronym of the only body with these initials or this stated short name")
                u.join(target, i)
    # 4. people spelled differently, weighed with the places and bodies joined above
    _link_round(locs, u, why, known, {"Person"})
    # one entity per group
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(locs)):
        groups[u.find(i)].append(i)
    for ids in groups.values():
        members = [locs[i] for i in ids]
        stored = [m.known for m in members if m.known is not None]
        if stored:
            base = min(stored, key=lambda e: e.key)
            ent = Entity(key=base.key, cls=base.cls, label=base.label, alt_labels=set(base.alt_labels))
            label = _group_label(members, base.cls)
            key = base.key if base.cls == COUNTRY else entity_key(base.cls, label)
            if key != base.key and "--" not in base.key:
                # a new spelling or a fuller name (a person stored under a surname alone) changes
                # the label: rename the stored nodes, so the graph is the one a build of all the
                # articles at once would give
                ent.key, ent.label = key, label
                ent.alt_labels.add(base.label)
                for old in sorted(stored, key=lambda e: e.key):
                    if old.key != key:
                        res.renames.append((old.key, key, label))
        else:
            cls = _choose_class([m for loc in members for m in loc.members])
            if coarse(cls) == "Place" and any(_match_key(loc).startswith("country:") for loc in members):
                cls = COUNTRY
            label = _group_label(members, cls)
            ent = Entity(key=entity_key(cls, label), cls=cls, label=label)
        if ent.key in res.entities and ent.cls == PERSON and not stored:
            # one name, two people (kept apart above): the second is keyed by the body it works for
            bodies = sorted(o for loc in members for o in loc.orgs)
            if bodies:
                ent.key = f"{ent.key}--{slug(bodies[0])}"
        if ent.key in res.entities and not stored and all(_national(loc) for loc in members):
            # one name, two countries' bodies (kept apart above): the second is keyed by its country
            own = sorted(c for i in ids for c in codes[i])
            if own:
                ent.key = f"{ent.key}--{own[0].lower()}"
        if ent.key in res.entities:  # two things resolution keeps apart, one key: number the second
            ent.key = unique_key(ent.key, res.entities)
        res.entities[ent.key] = ent
        for i in ids:
            loc = locs[i]
            if loc.label != ent.label:
                reason = _merge_reason(loc, ent, why.get(i, []))
                if reason:
                    ent.merged_because.append(f"{loc.label!r} is {ent.label!r}: {reason}")
                    if loc.aid:  # the article's graph keeps why its name was joined (build.py)
                        res.notes[(loc.aid, ent.key)].add(ent.merged_because[-1])
                    else:  # a stored name: the stored articles that use it keep the note
                        res.stored_notes.append((ent.key, loc.label, ent.merged_because[-1]))
            said = res.alt_names[(loc.aid, ent.key)] if loc.aid else set()
            if loc.aid:
                res.names[(loc.aid, ent.key)].add(loc.label)
            for m in loc.members:
                ent.mentions.append((loc.aid, m))
                bare = bool(m.keyword) and (m.keyword or "") not in m.text.lower()
                written = [m.text] if m.text and not (loc.bare_taken and bare) else []
                if m.canonical:
                    written.append(m.canonical)
                if (m.keyword and PLACE_KEYWORDS.get(m.keyword) == ent.cls and m.keyword not in m.text.lower()
                        and not m.nominal):
                    written.append(f"{m.text} {m.keyword}")
                ent.alt_labels.update(written)
                said.update(written)
                res.of_mention[(loc.aid, m.id)] = ent.key
            if loc.label != ent.label and not loc.known:
                ent.alt_labels.add(loc.label)
        ent.alt_labels.discard(ent.label)
        ent.merged_because = sorted(set(ent.merged_because))
    return res


def _merge_reason(loc: _Local, ent: Entity, rules: list[str]) -> str | None:
    """Why a cluster written one way is the entity labelled another, from the two names alone
    where they explain it (so the note does not depend on the order articles came in)."""
    if alias_of(loc.label) == alias_of(ent.label) and alias_of(loc.label) != loc.label:
        return "the alias table (ontology/data/aliases.csv)"
    iso = subdivision_code(loc.label) if ent.cls == ADMIN_AREA else None
    if iso and iso == subdivision_code(ent.label):
        return f"ISO 3166-2 {iso}"
    if skeleton(loc.label) == skeleton(ent.label):
        return "the same letters once accents, case and transliteration are folded"
    rules = [r for r in rules if r.startswith(("a surname", "an acronym")) or " and share " in r]
    return "; ".join(rules) or None


def _group_label(members: list[_Local], cls: str) -> str:
    """The label of a group: the first of its clusters' labels in one total order, so the label
    of a store's entity and new clusters is the one a build of all the articles would give."""
    labels = [m.label for m in members]
    if cls == PERSON:
        return max(labels, key=lambda t: (len(t.split()), len(t), t))
    if coarse(cls) == "Organization":
        return max(labels, key=lambda t: (not _is_acronym(t), len(t), t))
    # places: the alias table's spelling first, then the shortest
    return min({alias_of(t) for t in labels}, key=lambda t: (len(t), t))


def _is_acronym(t: str) -> bool:
    t = t.replace(".", "") if re.fullmatch(r"(?:[A-Z]\.){2,}", t) else t  # "U.N." is "UN"
    return 2 <= len(t) <= 7 and t.isupper() and t.isalpha()


def _evidence_of(locs: list[_Local], u: _Union, known: Resolution | None) -> list[Evidence]:
    """What the articles say around each cluster, in groups of the exact-spelling pass."""
    from newskg.crossmatch import Evidence

    at: dict[tuple[str, int], int] = {}
    by_article: dict[str, set[int]] = defaultdict(set)
    by_key: dict[str, int] = {}
    for i, loc in enumerate(locs):
        if loc.known is not None:
            by_key[loc.known.key] = i
            for aid in (known.articles_of.get(loc.known.key, ()) if known else ()):
                by_article[aid].add(i)
        else:
            by_article[loc.aid].add(i)
            for m in loc.members:
                at[(loc.aid, m.id)] = i
    out = []
    for i, loc in enumerate(locs):
        if loc.known is not None:
            arts = known.articles_of.get(loc.known.key, set()) if known else set()
            employers = {by_key[k] for k in (known.employers_of.get(loc.known.key, ()) if known else ()) if k in by_key}
            outer = {by_key[k] for k in (known.outer_of.get(loc.known.key, ()) if known else ()) if k in by_key}
            names = (loc.label, *sorted(loc.known.alt_labels))
        else:
            arts = {loc.aid}
            employers = {at[(loc.aid, m)] for m in loc.org_mids if (loc.aid, m) in at}
            outer = {at[(loc.aid, m)] for m in loc.outer_mids if (loc.aid, m) in at}
            names = (loc.label, *sorted({m.text for m in loc.members if m.text and not m.nominal} - {loc.label}))
        if coarse(loc.cls) == "Organization":
            # a body's short forms ("the Foreign Ministry") are not its name across articles
            names = (loc.label,)
        around = {j for a in arts for j in by_article.get(a, ())} - {i}
        countries = frozenset(u.find(j) for j in around if locs[j].cls == COUNTRY)
        level = next((_place_key(m).split("#")[1] for m in loc.members if "#" in _place_key(m)), "")
        strong = loc.cls == SETTLEMENT and any(dict(m.votes).get(SETTLEMENT, 0) >= 3 for m in loc.members)
        from newskg.extract.countries import country_of
        from newskg.matching import body_words

        bags = tuple(sorted({body_words(locs[j].label, country_of) for j in employers}, key=sorted))
        out.append(Evidence(
            cls=loc.cls, names=names, countries=countries, level=level, strong_settlement=strong,
            employer_words=tuple(b for b in bags if b),
            around=frozenset(u.find(j) for j in around if locs[j].cls != COUNTRY),
            employers=frozenset(u.find(j) for j in employers), outer=frozenset(u.find(j) for j in outer)))
    return out


def _link_round(locs: list[_Local], u: _Union, why: dict[int, list[str]], known: Resolution | None,
                groups: set[str]) -> None:
    """Join clusters of ``groups`` spelled differently across articles when ``crossmatch`` finds
    them one thing. Every decision is taken on the evidence as it stood before the round, so
    the result does not depend on the order of the pairs."""
    from newskg.crossmatch import same_body, same_person, same_place
    from newskg.extract.countries import country_of
    from newskg.matching import body_words, person_tokens, place_core, sound_key

    ev = _evidence_of(locs, u, known)
    blocks: dict[tuple[str, str], set[int]] = defaultdict(set)
    for i, loc in enumerate(locs):
        group = coarse(loc.cls)
        if group not in groups:
            continue
        for name in ev[i].names:
            if group == "Person":
                words = person_tokens(name)
                if len(words) >= 2:
                    blocks[("Person", sound_key(words[-1]))].add(i)
                    blocks[("Person", sound_key("".join(words)))].add(i)  # "Abd El-Rahman" / "Abdelrahman"
            elif group == "Place" and loc.cls != COUNTRY:
                blocks[("Place", place_core(name))].add(i)
            elif group == "Organization":
                blocks[("Org", " ".join(sorted(body_words(name, country_of))))].add(i)
                blocks[("Org~", sound_key(name))].add(i)
    roots = {i: u.find(i) for i in range(len(locs))}
    joins: list[tuple[int, int, str]] = []
    seen: set[tuple[int, int]] = set()
    for (group, _), ids in sorted(blocks.items()):
        ordered = sorted(ids)
        for x, i in enumerate(ordered):
            for j in ordered[x + 1:]:
                ga, gb = roots[i], roots[j]
                same_article = bool(locs[i].aid) and locs[i].aid == locs[j].aid
                if ga == gb or (ga, gb) in seen or (same_article and group != "Org"):
                    continue
                if kept_apart(locs[i].label, locs[j].label):
                    continue
                if group == "Person":
                    reason = same_person(ev[i], ev[j], ga, gb)
                elif group == "Place":
                    reason = same_place(ev[i], ev[j], ga, gb)
                else:
                    reason = same_body(ev[i], ev[j], ga, gb, country_of)
                    if same_article and reason and "country's name" not in reason:
                        reason = None  # in one article, only "of the Republic of X" / "of X" twice
                if reason:
                    seen.add((ga, gb))
                    joins.append((i, j, reason))
    if "Organization" in groups:
        joins.extend(_short_forms(locs, ev, roots, country_of))
    for i, j, reason in joins:
        u.join(i, j)
        for k in (i, j):
            if reason not in why[k]:
                why[k].append(reason)


def _short_forms(locs: list[_Local], ev: list[Evidence], roots: dict[int, int], country_of) -> list[tuple[int, int, str]]:
    """A body's short name and the one longer name that holds all its words."""
    from newskg.crossmatch import short_form_of
    from newskg.matching import body_words

    words: dict[int, frozenset[str]] = {}
    having: dict[str, set[int]] = defaultdict(set)
    for i, loc in enumerate(locs):
        if coarse(loc.cls) == "Organization" and len(loc.label.split()) >= 1 and not _is_acronym(loc.label):
            words[i] = body_words(loc.label, country_of)
            for w in words[i]:
                having[w].add(i)
    owners = {_fold(n) for i, loc in enumerate(locs) if loc.cls in {"InternationalOrganization", ADMIN_AREA, PLACE}
              for n in (loc.label, *((loc.known.alt_labels if loc.known else set()) | {m.text for m in loc.members}))}

    def qualifies(words: str) -> bool:
        w = _fold(words)
        return bool(w) and " and " not in f" {w} " and (w in owners or re.sub(r"\W", "", w) in {"un", "unitednations"})

    out = []
    for i, ws in sorted(words.items()):
        if len(ws) < 2:
            continue
        fuller = set.intersection(*(having[w] for w in ws))
        short = [w.lower() for w in locs[i].label.split()]

        def ends_it(j: int, short: list[str] = short) -> bool:
            full = locs[j].label.split()
            return [w.lower() for w in full[len(full) - len(short):]] == short and qualifies(" ".join(full[:len(full) - len(short)]))

        fuller = {j for j in fuller if words[j] > ws and roots[j] != roots[i] and ends_it(j)}
        if len({roots[j] for j in fuller}) != 1:
            continue
        j = min(fuller)
        reason = short_form_of(ev[i], ev[j], roots[i], roots[j], country_of, qualifies)
        if reason and not kept_apart(locs[i].label, locs[j].label):
            out.append((i, j, reason))
    return out


def _national(loc: _Local) -> bool:
    """A government body or armed force whose name does not say its country."""
    from newskg.extract.countries import country_of
    from newskg.matching import body_words

    return loc.cls in {"GovernmentBody", "ArmedForces"} and not any(
        w.isupper() for w in body_words(loc.label, country_of))


def _article_countries(locs: list[_Local], known: Resolution | None) -> list[frozenset[str]]:
    """ISO codes of the countries named in each cluster's articles."""
    from newskg.extract.countries import country_code

    by_article: dict[str, set[str]] = defaultdict(set)
    for loc in locs:
        if loc.cls != COUNTRY:
            continue
        code = country_code(loc.label)
        arts = (known.articles_of.get(loc.known.key, set()) if known else set()) if loc.known else {loc.aid}
        for a in arts:
            if code:
                by_article[a].add(code)
    out = []
    for loc in locs:
        arts = (known.articles_of.get(loc.known.key, set()) if known else set()) if loc.known else {loc.aid}
        out.append(frozenset(c for a in arts for c in by_article.get(a, ())))
    return out


def _same_country(name: str, loc: _Local) -> bool:
    """Does another name of a body say the country its label says? ("the Foreign Ministry" of
    the "Ministry of Foreign Affairs of X" does not: it is a key to every country's ministry.)"""
    if coarse(loc.cls) != "Organization":
        return True
    from newskg.extract.countries import country_of
    from newskg.matching import body_words

    codes = {w for w in body_words(loc.label, country_of) if w.isupper()}
    return codes <= {w for w in body_words(name, country_of) if w.isupper()}


def _bodies_compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    """May two employers, written differently, be one body? One's words within the other's
    ("the police", "the Somali Police Force"), or one the other's initials ("ACME")."""
    from newskg.extract.countries import country_of
    from newskg.matching import body_words

    for x in a:
        for y in b:
            wx, wy = body_words(x, country_of), body_words(y, country_of)
            if wx and wy and (wx <= wy or wy <= wx):
                return True
            for long, short in ((x, y), (y, x)):
                initials, acronym = _initials(long.title()).upper(), short.upper().replace(".", "")
                if len(acronym) >= 2 and " " not in acronym and (initials.endswith(acronym) or initials.startswith(acronym)):
                    return True  # "OCHA" in "UN Office for the Coordination of Humanitarian Affairs"
    return False
