"""Resolve, across articles: each article's clusters (and each stored entity) as candidates.

Stage: resolve (second half). In: a reading (mentions, clusters, memberships, locatedIn pairs)
or a stored entity. Out: ``Candidate`` records (class, label, the bodies a person works for, the
places a place lies in) and the spelling-proof key two candidates of one thing share
(``match_key``), with the small tests the matcher asks of them (a country's own body, an acronym).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newskg.aliases import alias_of, skeleton, subdivision_code
from newskg.cluster import area_levels, cluster_mentions, fold, initials, place_key
from newskg.extract.countries import country_code, country_of, is_city
from newskg.matching import body_words, place_core
from newskg.models import (
    ADMIN_AREA,
    COUNTRY,
    PERSON,
    PLACE_CLASSES,
    SETTLEMENT,
    Entity,
    Mention,
    Reading,
    choose_class,
    coarse,
)

if TYPE_CHECKING:
    from newskg.resolve import Resolution

__all__ = ["Candidate", "candidates_of", "match_key", "is_acronym", "national", "article_countries",
           "same_country", "bodies_compatible", "cluster_class", "is_country_name", "place_marks"]


def cluster_class(members: list[Mention]) -> str:
    totals: dict[str, float] = defaultdict(float)
    for m in members:
        for cls, w in m.votes or ((m.cls, m.weight),):
            totals[cls] += w
    return choose_class(totals) if totals else members[0].cls


def cluster_label(members: list[Mention], cls: str, bare_taken: bool) -> str:
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


@dataclass(frozen=True)
class Candidate:
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
    dateline: bool = False  # named by the article's dateline ("ZORVA, May 3 —"): a town


def candidates_of(reading: Reading) -> list[Candidate]:
    aid = reading.article.id
    by_id = {m.id: m for m in reading.mentions}
    clusters = [list(c) for c in reading.clusters] or cluster_mentions(reading.mentions)
    cluster_of = {i: n for n, ids in enumerate(clusters) for i in ids}
    orgs: dict[int, set[str]] = defaultdict(set)
    org_mids: dict[int, set[int]] = defaultdict(set)
    for mem in reading.memberships:
        if mem.organization is not None and mem.organization in by_id:
            org = by_id[mem.organization]
            orgs[cluster_of.get(mem.person, -1)].add(fold(org.canonical or org.text))
            org_mids[cluster_of.get(mem.person, -1)].add(mem.organization)
    outer_mids: dict[int, set[int]] = defaultdict(set)
    for li in reading.located_in:
        outer_mids[cluster_of.get(li.inner, -1)].add(li.outer)
    bare_keys = {fold(m.text) for m in reading.mentions if not m.nominal and "#" not in place_key(m)}
    out = []
    for n, ids in enumerate(clusters):
        members = [by_id[i] for i in ids if i in by_id]
        if not any(m.text for m in members) or all(m.nominal for m in members):
            continue
        cls = cluster_class(members)
        keyed = [m for m in members if "#" in place_key(m)]
        # "Poltava region" keeps its keyword when "Poltava" is also a town (named here, or a known city)
        bare_taken = bool(keyed) and cls in PLACE_CLASSES and any(
            (place_key(k).split("#")[0] in bare_keys or is_city(place_key(k).split("#")[0]))
            and not any(fold(x.text) == place_key(k).split("#")[0] and not x.keyword for x in members)
            for k in keyed
        )
        line = reading.article.dateline
        out.append(Candidate(aid, members, cls, cluster_label(members, cls, bare_taken), bare_taken, frozenset(orgs.get(n, ())),
                          org_mids=frozenset(org_mids.get(n, ())), outer_mids=frozenset(outer_mids.get(n, ())),
                          dateline=line is not None and any(line.start <= m.start and m.end <= line.end for m in members)))
    return out


def is_country_name(name: str) -> bool:
    """A place's name that is a country's (the alias table's spelling too: a place already, so
    "Turkey" is not the bird)."""

    return country_code(alias_of(name)) is not None


def match_key(loc: Candidate) -> str:
    """What two clusters must share to be one thing: class family and a spelling-proof name."""
    group = coarse(loc.cls)
    if loc.known is not None:
        return f"known:{loc.known.key}"
    if loc.cls == COUNTRY or (group == "Place" and loc.cls != ADMIN_AREA and is_country_name(loc.label)):
        from newskg.extract.countries import country_code

        code = country_code(loc.label) or country_code(alias_of(loc.label))
        if code:  # a country's name typed as a town or a bare place is still the country
            return f"country:{code}"
    if group == "Place":
        iso = subdivision_code(loc.label, area_levels(loc.members)) if loc.cls == ADMIN_AREA else None
        if iso:
            return f"iso:{iso}"
        level = next((place_key(m).split("#")[1] for m in loc.members if "#" in place_key(m)), "")
        return f"place:{skeleton(alias_of(loc.label))}#{level}" if loc.bare_taken else f"place:{skeleton(alias_of(loc.label))}"
    return f"{group}:{skeleton(alias_of(loc.label))}"


def is_acronym(t: str) -> bool:
    t = t.replace(".", "") if re.fullmatch(r"(?:[A-Z]\.){2,}", t) else t  # "U.N." is "UN"
    return 2 <= len(t) <= 7 and t.isupper() and t.isalpha()


def national(loc: Candidate) -> bool:
    """A government body or armed force whose name does not say its country."""

    return loc.cls in {"GovernmentBody", "ArmedForces"} and not any(
        w.isupper() for w in body_words(loc.label, country_of))


def article_countries(locs: list[Candidate], known: Resolution | None) -> list[frozenset[str]]:
    """ISO codes of the countries named in each cluster's articles."""

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


def same_country(name: str, loc: Candidate) -> bool:
    """Does another name of a body say the country its label says? ("the Foreign Ministry" of
    the "Ministry of Foreign Affairs of X" does not: it is a key to every country's ministry.)"""
    if coarse(loc.cls) != "Organization":
        return True

    codes = {w for w in body_words(loc.label, country_of) if w.isupper()}
    return codes <= {w for w in body_words(name, country_of) if w.isupper()}


def bodies_compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    """May two employers, written differently, be one body? One's words within the other's
    ("the police", "the Somali Police Force"), or one the other's initials ("ACME")."""

    for x in a:
        for y in b:
            wx, wy = body_words(x, country_of), body_words(y, country_of)
            if wx and wy and (wx <= wy or wy <= wx):
                return True
            for long, short in ((x, y), (y, x)):
                letters, acronym = initials(long.title()).upper(), short.upper().replace(".", "")
                if len(acronym) >= 2 and " " not in acronym and (letters.endswith(acronym) or letters.startswith(acronym)):
                    return True  # "OCHA" in "UN Office for the Coordination of Humanitarian Affairs"
    return False


def place_marks(loc: Candidate) -> frozenset[tuple[str, ...]]:
    """What keeps a town and the area of its name apart across articles (``Partition``): a
    place an article shows as a town (by the words around it: "the town of X") and one it shows
    as an area ("X region", "X district") are two, whatever other names chain them; so are a
    town a dateline names ("ZORVA, May 3 —") and any area of its name anywhere."""
    if loc.known is not None or coarse(loc.cls) != "Place" or loc.cls == COUNTRY:
        return frozenset()
    kind = "town" if loc.cls == SETTLEMENT else "area" if loc.cls == ADMIN_AREA or loc.bare_taken else None
    core = place_core(loc.label)
    if kind is None or not core:
        return frozenset()
    if kind == "area":
        return frozenset({(loc.aid, core, kind), ("", core, kind)})
    if loc.dateline:
        return frozenset({(loc.aid, core, kind), ("", core, kind)})
    # a town the words around it show as one ("the town of X", "X town"), not a guess from its name
    strong = any(dict(m.votes).get(SETTLEMENT, 0) >= 3 for m in loc.members)
    return frozenset({(loc.aid, core, kind)}) if strong else frozenset()
