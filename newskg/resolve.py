"""Resolve: mentions -> one entity per real thing, with deterministic keys.

Stage: resolve. In: readings (an article's mentions and facts) and the entities already stored.
Out: a ``Resolution`` (entities, which entity each mention is, the stored entities to rename, and
why two names were joined). Each article's mentions are clustered (``cluster``); each cluster
gets one class (evidence summed over its mentions), a canonical label and every other form as
an alternative label (``candidates``). Across articles, candidates with the same class and
spelling-proof key are one entity (countries by ISO 3166-1 code, areas by ISO 3166-2 code);
names spelled differently are joined on the evidence around them (``rounds``, ``crossmatch``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from newskg.aliases import alias_of, kept_apart, skeleton, subdivision_code
from newskg.candidates import (
    Candidate,
    article_countries,
    bodies_compatible,
    candidates_of,
    cluster_class,
    is_acronym,
    match_key,
    national,
    place_marks,
    same_country,
)
from newskg.cluster import Partition, area_levels, cluster_mentions, initials
from newskg.crossmatch import conflict, shared
from newskg.extract.lexicon import PLACE_KEYWORDS
from newskg.iris import mint_key, slug, unique_key
from newskg.matching import person_tokens, surname
from newskg.models import ADMIN_AREA, COUNTRY, PERSON, Entity, Reading, coarse
from newskg.rounds import evidence_of, link_round

__all__ = ["cluster_mentions", "resolve", "entity_key", "Resolution", "area_levels"]


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


def entity_key(cls: str, label: str) -> str:
    """A stable key from the coarse class and the folded canonical label (countries: ISO code)."""
    if cls == COUNTRY:
        from newskg.extract.countries import country_code

        code = country_code(label)
        if code:
            return f"country/{code}"
    return mint_key(coarse(cls).lower(), label)


def resolve(readings: list[Reading], known: Resolution | None = None) -> Resolution:
    """Cluster each reading's mentions, then match clusters across readings (and against
    ``known``, the entities already stored): the same spelling-proof name, a surname and the
    one full name it can stand for, an acronym and the one body it abbreviates. Every merge of
    two different names records its rule and evidence in ``Entity.merged_because``.

    The result does not depend on the order of ``readings``.
    """
    locs: list[Candidate] = []
    if known is not None:
        for ent in sorted(known.entities.values(), key=lambda e: e.key):
            locs.append(Candidate("", [], ent.cls, ent.label, False, known=ent))
    for reading in sorted(readings, key=lambda r: r.article.id):
        locs.extend(candidates_of(reading))
    u = Partition(list(range(len(locs))), {i: place_marks(loc) for i, loc in enumerate(locs)})
    why: dict[int, list[str]] = defaultdict(list)
    _join_same_names(locs, u, why, known)
    # spelled differently: transliterations, translations, with evidence around them
    link_round(locs, u, why, known, {"Place", "Organization"})
    _join_surnames(locs, u, why, known)
    _join_acronyms(locs, u, why)
    # people spelled differently, weighed with the places and bodies joined above
    link_round(locs, u, why, known, {"Person"})
    return _entities(locs, u, why, known)


def _join_same_names(locs: list[Candidate], u: Partition, why: dict[int, list[str]], known: Resolution | None) -> None:
    """The same name, up to spelling (accents, transliteration, the alias table, ISO codes)."""
    first: dict[str, list[int]] = defaultdict(list)
    for i, loc in enumerate(locs):
        for key in same_name_keys(loc):
            first[key].append(i)
    codes = article_countries(locs, known)
    # codes first: the area an ISO code names is one before a bare name could tie it to a town
    for key, ids in sorted(first.items(), key=lambda kv: (not kv[0].startswith(("iso:", "country:")), kv[0])):
        for i in ids[1:]:
            a, b = locs[ids[0]], locs[i]
            if coarse(a.cls) == "Person" and a.orgs and b.orgs and not (a.orgs & b.orgs) and \
                    not bodies_compatible(a.orgs, b.orgs):
                continue  # one name, two people: they work for different bodies
            if kept_apart(a.label, b.label):
                continue
            if national(a) and national(b) and codes[ids[0]] and codes[i] and not codes[ids[0]] & codes[i]:
                continue  # "the National Water Board" of two countries
            # two names of one article: its own decision, not a chain across articles
            if u.find(ids[0]) != u.find(i) and u.join(ids[0], i, force=bool(a.aid) and a.aid == b.aid):
                for j, loc in ((ids[0], a), (i, b)):
                    how = (f"ISO 3166-2 {key[4:]}" if key.startswith("iso:")
                           else "the alias table (ontology/data/aliases.csv)" if alias_of(loc.label) != loc.label
                           else "the same letters once accents, case and transliteration are folded")
                    if how not in why[j]:
                        why[j].append(how)


def same_name_keys(loc: Candidate) -> list[str]:
    """The keys under which ``_join_same_names`` compares a candidate with others: its
    ``match_key`` and the key of every name of two words or more (a stored entity's other
    labels, a cluster's other forms), the same on both sides, so resolving against the store is
    a batch build. Two candidates are compared there only when they share one (``linkkeys``)."""
    keys = [match_key(loc)]
    names = (loc.known.alt_labels | {loc.known.label}) if loc.known is not None else \
        {m.text for m in loc.members if m.text and not m.nominal} | {
            f"{m.text} {m.keyword}" for m in loc.members  # as the store writes them ("X district")
            if m.text and m.keyword and not m.nominal and m.keyword not in m.text.lower()}
    for alt in sorted(n for n in names if (len(n.split()) >= 2 and same_country(n, loc)) or n == loc.label):
        if match_key(loc) != f"{coarse(loc.cls)}:{skeleton(alias_of(alt))}" or loc.known is not None:
            keys.append(f"{coarse(loc.cls)}:{skeleton(alias_of(alt))}")
    if loc.known is not None:
        # the key a new cluster of that name would have (a country's code, an area's ISO code)
        keys.append(match_key(replace(loc, known=None)))
    return keys


def surname_keys(loc: Candidate) -> tuple[str | None, str | None]:
    """(the surname a person's full name ends in, the surname a name that is all surname is)."""
    if loc.cls != PERSON:
        return None, None
    words, last = person_tokens(loc.label), surname(loc.label)
    full = skeleton(" ".join(last)) if len(words) > len(last) else None
    return full, skeleton(" ".join(words)) if words and len(words) == len(last) else None


def acronym_keys(loc: Candidate) -> tuple[set[str], str | None]:
    """(the short names a body's forms give it: initials of three letters or more, an acronym it
    is also written as; the acronym its label is, to be looked up among those)."""
    forms = {m.text for m in loc.members} | ({loc.label} | loc.known.alt_labels if loc.known else set())
    named: set[str] = set()
    for t in forms:
        # initials of two letters ("FM", "NC") stand for too many names to pick one
        if not is_acronym(t) and len(t.split()) >= 2 and len(initials(t)) >= 3:
            named.add(initials(t).upper())
    for t in forms:
        if is_acronym(t) and len(forms) > 1:
            named.add(t.replace(".", ""))
    return named, loc.label.replace(".", "") if is_acronym(loc.label) else None


def _join_surnames(locs: list[Candidate], u: Partition, why: dict[int, list[str]], known: Resolution | None) -> None:
    """A surname alone and the one full name it can stand for, when their articles share
    something else and nothing keeps them apart (a surname is common: "Doe" in one country's
    news is not the only "Jane Doe" of another's)."""
    persons = [i for i, loc in enumerate(locs) if loc.cls == PERSON]
    full_by_last: dict[str, set[int]] = defaultdict(set)
    for i in persons:
        full, _ = surname_keys(locs[i])
        if full:
            full_by_last[full].add(i)
    ev: list = []  # what is around each candidate, read once the first surname needs it
    for i in persons:
        _, alone = surname_keys(locs[i])
        if alone:
            fulls = full_by_last.get(alone, set())
            hits = {u.find(j) for j in fulls}
            if len(hits) == 1:
                target = hits.pop()
                if u.find(i) == target or kept_apart(locs[i].label, locs[target].label):
                    continue
                ev = ev or evidence_of(locs, u, known)
                if any(conflict(ev[i], ev[j]) for j in fulls):
                    continue
                what = max((shared(ev[i], ev[j], u.find(i), target) for j in sorted(fulls)), default=(0, ""))
                if what[0] == 0:
                    continue
                why[i].append(f"a surname alone stands for the only full name with it, and they share {what[1]}")
                u.join(target, i)


def _join_acronyms(locs: list[Candidate], u: Partition, why: dict[int, list[str]]) -> None:
    """An acronym and the one body whose initials or stated short name it is."""
    orgs = [i for i, loc in enumerate(locs) if coarse(loc.cls) == "Organization"]
    named_short: dict[str, set[int]] = defaultdict(set)
    for i in orgs:
        for short in acronym_keys(locs[i])[0]:
            named_short[short].add(u.find(i))
    for i in orgs:
        label, wanted = locs[i].label, acronym_keys(locs[i])[1]
        if wanted:
            hits = {u.find(j) for j in named_short.get(wanted, set())} - {u.find(i)}
            if len(hits) == 1 and not kept_apart(label, locs[next(iter(hits))].label):
                target = hits.pop()
                why[i].append("an acronym of the only body with these initials or this stated short name")
                u.join(target, i)


def _entities(locs: list[Candidate], u: Partition, why: dict[int, list[str]], known: Resolution | None) -> Resolution:
    """One entity per group of candidates, keyed and labelled as a batch build would."""
    res = Resolution()
    codes = article_countries(locs, known)
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
            cls = cluster_class([m for loc in members for m in loc.members])
            if coarse(cls) == "Place" and any(match_key(loc).startswith("country:") for loc in members):
                cls = COUNTRY
            label = _group_label(members, cls)
            ent = Entity(key=entity_key(cls, label), cls=cls, label=label)
        if ent.key in res.entities and ent.cls == PERSON and not stored:
            # one name, two people (kept apart above): the second is keyed by the body it works for
            bodies = sorted(o for loc in members for o in loc.orgs)
            if bodies:
                ent.key = f"{ent.key}--{slug(bodies[0])}"
        if ent.key in res.entities and not stored and all(national(loc) for loc in members):
            # one name, two countries' bodies (kept apart above): the second is keyed by its country
            own = sorted(c for i in ids for c in codes[i])
            if own:
                ent.key = f"{ent.key}--{own[0].lower()}"
        if ent.key in res.entities:  # two things resolution keeps apart, one key: number the second
            ent.key = unique_key(ent.key, res.entities)
        res.entities[ent.key] = ent
        _attach(res, ent, [locs[i] for i in ids], [why.get(i, []) for i in ids])
    return res


def _attach(res: Resolution, ent: Entity, members: list[Candidate], whys: list[list[str]]) -> None:
    """Record an entity's mentions, the names each article gives it and why they were joined."""
    for loc, rules in zip(members, whys, strict=True):
        if loc.label != ent.label:
            reason = _merge_reason(loc, ent, rules)
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
                if m.keyword_first:  # as the text writes it: "the province of X"
                    written.append(f"{m.keyword} of {m.text}")
            ent.alt_labels.update(written)
            said.update(written)
            res.of_mention[(loc.aid, m.id)] = ent.key
        if loc.label != ent.label and not loc.known:
            ent.alt_labels.add(loc.label)
    ent.alt_labels.discard(ent.label)
    ent.merged_because = sorted(set(ent.merged_because))


def _merge_reason(loc: Candidate, ent: Entity, rules: list[str]) -> str | None:
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


def _group_label(members: list[Candidate], cls: str) -> str:
    """The label of a group: the first of its clusters' labels in one total order, so the label
    of a store's entity and new clusters is the one a build of all the articles would give."""
    labels = [m.label for m in members]
    if cls == PERSON:
        return max(labels, key=lambda t: (len(t.split()), len(t), t))
    if coarse(cls) == "Organization":
        return max(labels, key=lambda t: (not is_acronym(t), len(t), t))
    # places: the alias table's spelling first, then the shortest
    return min({alias_of(t) for t in labels}, key=lambda t: (len(t), t))

