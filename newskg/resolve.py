"""Resolve: mentions -> one entity per real thing, with deterministic keys.

Within an article, mentions are clustered: the same name; a surname and the full name
("Doe" -> "Jane Doe"); an acronym and its expansion ("ANAMA" after "... (ANAMA)",
"BHMAC" by initials); a definite noun and the body last named with that head ("the ministry");
a bare place name and the one "X district" or "X region" it abbreviates. Each cluster gets one
class (evidence summed over its mentions), a canonical label (an implied full name, else the
fullest form) and every other form as an alternative label. Across articles, entities with the
same class and canonical key are one entity; countries are keyed by their ISO 3166 code.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

from newskg.extract.countries import is_city
from newskg.models import (
    ADMIN_AREA,
    COUNTRY,
    ORG_CLASSES,
    PERSON,
    PLACE_CLASSES,
    SETTLEMENT,
    Entity,
    Mention,
    Reading,
    coarse,
)

__all__ = ["cluster_mentions", "resolve", "entity_key", "Resolution"]

_CONNECT = {"of", "the", "and", "for", "in", "to", "de", "del", "on"}
_LEVEL = {"region": "1", "province": "1", "oblast": "1", "state": "1", "canton": "1", "department": "1",
          "governorate": "1", "district": "2", "raion": "2", "rayon": "2", "municipality": "2", "county": "2",
          "commune": "3"}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("ı", "i")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^\w\s/&-]", " ", text)
    return re.sub(r"^the ", "", re.sub(r"\s+", " ", text).strip())


def _place_key(m: Mention) -> str:
    """"Kharkiv Oblast" and "Kharkiv region" share "kharkiv#1"; bare "Kharkiv" is "kharkiv"."""
    words = _fold(m.text).split()
    kw = m.keyword
    if words and words[-1] in _LEVEL:
        kw = words[-1]
        words = words[:-1]
    if kw in _LEVEL and m.cls == ADMIN_AREA:
        return " ".join(words) + "#" + _LEVEL[kw]
    return " ".join(words)


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
    # canonical names shared ("Foreign Ministry" and "Azerbaijani Foreign Ministry")
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
    # "Kalbajar district" and "Kalbajar region" in one article are one area, unless the article
    # nests one in the other ("the Kherson district of the Kherson region")
    for base, keys in keyed.items():
        if len(keys) < 2:
            continue
        levels = [(m, _place_key(m)) for m in named if m.cls in PLACE_CLASSES and _place_key(m) in keys]
        nested = any(ka != kb and abs(a.start - b.start) < 80 for a, ka in levels for b, kb in levels)
        if not nested:
            for m, _ in levels:
                u.join(levels[0][0].id, m.id)
            keyed[base] = {min(keys)}
    for m in named:
        if m.cls not in PLACE_CLASSES and m.cls != PERSON and coarse(m.cls) != "Organization":
            continue
        k = _place_key(m) if m.cls in PLACE_CLASSES else _fold(m.text)
        if "#" in k or len(keyed.get(k, ())) != 1:
            continue
        (only,) = keyed[k]
        # a town shares its name with its district, but a region's name town is its own place
        # (Kharkiv the city, not the Kharkiv region)
        strong_settlement = dict(m.votes).get(SETTLEMENT, 0) >= 3 or (
            m.cls == SETTLEMENT and is_city(m.text) and only.endswith("#1"))
        if m.cls in PLACE_CLASSES and not strong_settlement or dict(m.votes).get(ADMIN_AREA, 0) > 0:
            u.join(first[only], m.id)


def _link_short_names(named: list[Mention], u: _Union) -> None:
    persons = [m for m in named if m.cls == PERSON]
    full = [m for m in persons if len(m.text.split()) >= 2]
    for m in persons:
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
        hits = {u.find(o.id) for o in orgs if _initials(o.text).upper().startswith(t) or _initials(o.text).upper() == t}
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
    if not totals:
        return members[0].cls
    by_coarse: dict[str, float] = defaultdict(float)
    for cls, w in totals.items():
        by_coarse[coarse(cls)] += w
    best_coarse = max(sorted(by_coarse), key=lambda c: by_coarse[c])
    fine = [c for c in totals if coarse(c) == best_coarse]
    return max(sorted(fine), key=lambda c: (totals[c], c != best_coarse))


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
    slug = re.sub(r"[^a-z0-9]+", "-", _fold(label)).strip("-") or "x"
    return f"{coarse(cls).lower()}/{slug}"


def resolve(readings: list[Reading], known: Resolution | None = None) -> Resolution:
    """Cluster each reading's mentions and merge entities across readings by key."""
    res = known or Resolution()
    for reading in readings:
        aid = reading.article.id
        clusters = cluster_mentions(reading.mentions)
        by_id = {m.id: m for m in reading.mentions}
        bare_keys = {_fold(m.text) for m in reading.mentions if not m.nominal and "#" not in _place_key(m)}
        for ids in clusters:
            members = [by_id[i] for i in ids]
            if not any(m.text for m in members) or all(m.nominal for m in members):
                continue
            cls = _choose_class(members)
            keyed = [m for m in members if "#" in _place_key(m)]
            # "Kherson region" keeps its keyword when "Kherson" is also a town (named here, or a known city)
            bare_taken = bool(keyed) and cls == ADMIN_AREA and any(
                (_place_key(k).split("#")[0] in bare_keys or is_city(_place_key(k).split("#")[0]))
                and not any(_fold(x.text) == _place_key(k).split("#")[0] and not x.keyword for x in members)
                for k in keyed
            )
            label = _label(members, cls, bare_taken)
            key = entity_key(cls, label)
            ent = res.entities.get(key)
            if ent is None:
                ent = res.entities[key] = Entity(key=key, cls=cls, label=label)
            elif ent.cls != cls and coarse(ent.cls) == coarse(cls):
                ent.cls = min(ent.cls, cls) if ent.cls == coarse(ent.cls) else ent.cls
            for m in members:
                ent.mentions.append((aid, m))
                bare = bool(m.keyword) and m.keyword not in m.text.lower()
                if m.text and m.text != ent.label and not (bare_taken and bare):
                    ent.alt_labels.add(m.text)
                if m.canonical and m.canonical != ent.label:
                    ent.alt_labels.add(m.canonical)
                if m.keyword and cls in PLACE_CLASSES and m.keyword not in m.text.lower() and not m.nominal:
                    ent.alt_labels.add(f"{m.text} {m.keyword}")
                res.of_mention[(aid, m.id)] = key
            ent.alt_labels.discard(ent.label)
    return res
