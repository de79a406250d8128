"""Resolve, within one article: which of an article's mentions name one real thing.

Stage: resolve (first half). In: one article's mentions (``Mention``). Out: clusters of mention
ids. Mentions are joined when they have the same name; a surname and the full name ("Doe" ->
"Jane Doe"); an acronym and its expansion ("ACME" after "... (ACME)", "NWSA" by initials); a
definite noun and the body last named with that head ("the ministry"); a bare place name and the
one "X district" or "X region" it abbreviates (unless the text shows a town of that name).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from functools import lru_cache

from newskg.extract.countries import is_city
from newskg.matching import person_tokens, surname
from newskg.models import ADMIN_AREA, ORG_CLASSES, PERSON, PLACE_CLASSES, SETTLEMENT, Mention, coarse

__all__ = ["cluster_mentions", "fold", "place_key", "area_levels", "initials", "Partition", "LEVEL"]

_CONNECT = {"of", "the", "and", "for", "in", "to", "de", "del", "on"}
LEVEL = {"region": "1", "province": "1", "oblast": "1", "state": "1", "canton": "1", "department": "1",
          "governorate": "1", "district": "2", "raion": "2", "rayon": "2", "municipality": "2", "county": "2",
          "commune": "3", "township": "3"}
# Area words whatever class the mention's votes gave: a township is an area around its town
# ("shells hit Tarbin town ... most of Tarbin township" names two places).
_AREA_ALWAYS = frozenset({"township"})


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("ı", "i")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^\w\s/&-]", " ", text)
    return re.sub(r"^the ", "", re.sub(r"\s+", " ", text).strip())


def place_key(m: Mention) -> str:
    """"Poltava Oblast" and "Poltava region" share "poltava#1"; bare "Poltava" is "poltava"."""
    words = fold(m.text).split()
    kw = m.keyword
    if words and words[-1] in LEVEL:
        kw = words[-1]
        words = words[:-1]
    if kw in LEVEL and (m.cls == ADMIN_AREA or kw in _AREA_ALWAYS):
        return " ".join(words) + "#" + LEVEL[kw]
    return " ".join(words)


def area_levels(members: list[Mention]) -> set[str]:
    """The levels ("1" region, "2" district) the text gives an area's mentions."""
    return {place_key(m).split("#")[1] for m in members if "#" in place_key(m)}


def initials(text: str) -> str:
    return "".join(w[0] for w in re.findall(r"[\w']+", text) if w.lower() not in _CONNECT and w[0].isupper())


class Partition:
    """Disjoint sets. ``marks`` (optional, item -> marks ``(..., kind)``) keeps two groups apart
    when one holds a mark the other holds with the other kind (``"town"`` / ``"area"``): a
    town and the area of its name never end in one group, however many names chain them."""

    _OTHER = {"town": "area", "area": "town"}

    def __init__(self, n: list[int], marks: dict[int, frozenset[tuple[str, ...]]] | None = None):
        self.parent = {i: i for i in n}
        self.marks = {i: set(m) for i, m in (marks or {}).items() if m}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def apart(self, a: int, b: int) -> bool:
        """Would joining ``a`` and ``b`` put a town and an area of one name in one group?"""
        ma, mb = self.marks.get(self.find(a), ()), self.marks.get(self.find(b), ())
        return bool(ma and mb) and any((*t[:-1], self._OTHER[t[-1]]) in mb for t in ma)

    def join(self, a: int, b: int, force: bool = False) -> bool:
        """Join the groups of ``a`` and ``b`` unless they are kept apart (``force``: join them
        still); whether they are one now."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if not force and self.apart(ra, rb):
            return False
        lo, hi = min(ra, rb), max(ra, rb)
        self.parent[hi] = lo
        if hi in self.marks:
            self.marks.setdefault(lo, set()).update(self.marks.pop(hi))
        return True


def cluster_mentions(mentions: list[Mention] | tuple[Mention, ...], text: str = "") -> list[list[int]]:
    """Group an article's mentions into clusters of one real thing; returns lists of ids.
    ``text``, the text the mentions' offsets point into, shows who is whose kin."""
    ms = sorted(mentions, key=lambda m: (m.start, m.id))
    by_id = {m.id: m for m in ms}
    u = Partition([m.id for m in ms])
    named = [m for m in ms if not m.nominal and m.text]
    # the same name (places: the same name and level)
    seen: dict[tuple[str, str], int] = {}
    for m in named:
        key = (coarse(m.cls), place_key(m) if m.cls in PLACE_CLASSES else fold(m.canonical or m.text))
        if key in seen:
            u.join(seen[key], m.id)
        else:
            seen[key] = m.id
    # canonical names shared ("Foreign Ministry" and "Georgian Foreign Ministry")
    canon: dict[str, int] = {}
    for m in named:
        if m.canonical:
            k = fold(m.canonical)
            if k in canon:
                u.join(canon[k], m.id)
            else:
                canon[k] = m.id
    for m in named:
        if m.canonical is None and fold(m.text) in canon:
            u.join(canon[fold(m.text)], m.id)
    # explicit links: acronyms in parentheses
    for m in ms:
        if m.refers_to is not None and m.refers_to in by_id:
            u.join(m.refers_to, m.id)
    _link_places(named, u)
    _link_weak_to_places(named, u)
    _link_short_names(named, u, text)
    _link_acronyms(named, u)
    _link_nominals(ms, u, by_id)
    groups: dict[int, list[int]] = defaultdict(list)
    for m in ms:
        groups[u.find(m.id)].append(m.id)
    return [sorted(g) for _, g in sorted(groups.items())]


def _link_places(named: list[Mention], u: Partition) -> None:
    keyed: dict[str, set[str]] = defaultdict(set)
    first: dict[str, int] = {}
    for m in named:
        if m.cls in PLACE_CLASSES:
            k = place_key(m)
            if "#" in k:
                base = k.split("#")[0]
                keyed[base].add(k)
                first.setdefault(k, m.id)
    # "Gori district" and "Gori region" in one article are one area, unless the article
    # nests one in the other ("the Poltava district of the Poltava region")
    for base, keys in keyed.items():
        if len(keys) < 2:
            continue
        levels = [(m, place_key(m)) for m in named if m.cls in PLACE_CLASSES and place_key(m) in keys]
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
        if m.cls in PLACE_CLASSES and "#" not in place_key(m) and len(keyed.get(place_key(m), ())) == 1:
            if strong_settlement(m, next(iter(keyed[place_key(m)]))):
                town.add(place_key(m))
    for m in named:
        if m.cls not in PLACE_CLASSES and m.cls != PERSON and coarse(m.cls) != "Organization":
            continue
        k = place_key(m) if m.cls in PLACE_CLASSES else fold(m.text)
        if "#" in k or len(keyed.get(k, ())) != 1:
            continue
        (only,) = keyed[k]
        if m.cls in PLACE_CLASSES and k not in town or dict(m.votes).get(ADMIN_AREA, 0) > 0:
            u.join(first[only], m.id)


def _link_weak_to_places(named: list[Mention], u: Partition) -> None:
    """A name the tagger alone called a body or a person ("Lori" as ORG) is the place of that
    name the article types with a keyword or a phrase."""
    found: dict[str, set[int]] = defaultdict(set)
    for m in named:
        if m.cls in PLACE_CLASSES and max((w for _, w in m.votes), default=m.weight) >= 3:
            found[fold(m.text)].add(u.find(m.id))
    # only where the name is one place here (not "Izium" the town and the Izium district)
    places = {k: min(v) for k, v in found.items() if len({u.find(x) for x in v}) == 1}
    for m in named:
        if m.cls in PLACE_CLASSES or m.text.isupper() or m.canonical:
            continue
        if m.cls not in {PERSON, "Organization"} or max((w for _, w in m.votes), default=m.weight) > 1.5:
            continue
        target = places.get(fold(m.text))
        if target is not None:
            u.join(target, m.id)


# "Doe's brother, John Doe": the kin named in apposition is not the one whose kin he is
_KIN = re.compile(r"['’]s?\s+(?:(?:elder|younger|older|eldest|youngest|late|twin|step|half)[\s-]+)?"
                  r"(?:brother|sister|son|daughter|father|mother|wife|husband|widow|widower|uncle|aunt|"
                  r"cousin|nephew|niece|grandson|granddaughter|grandfather|grandmother|fiancée?|spouse|"
                  r"brother-in-law|sister-in-law|son-in-law|daughter-in-law|father-in-law|mother-in-law)"
                  r"\s*,?\s+$")


def _kin_of(m: Mention, full: Mention, text: str) -> bool:
    """Is ``full`` named as the kin of ``m`` ("Doe's brother, John Doe")? Then the two are two."""
    return bool(text) and 0 <= full.start - m.end <= 40 and bool(_KIN.match(text[m.end:full.start]))


def _link_short_names(named: list[Mention], u: Partition, text: str = "") -> None:
    """A surname alone ("Doe", "Te Rangi" with its particle) and the one full name ending in it
    (a full name the text gives as its kin aside: "Doe's brother, John Doe")."""
    persons = [m for m in named if m.cls == PERSON]
    full = [m for m in persons if len(person_tokens(m.text)) > len(surname(m.text))]
    # a surname the tagger took for a body ("Grigoryan said") is still the person named before
    loose = [m for m in named if m.cls == "Organization" and not m.text.isupper() and dict(m.votes).get("Organization", 0) <= 1.5]
    for m in persons + loose:
        words = person_tokens(m.text)
        if not words or len(words) != len(surname(m.text)) or (len(words) > 1 and m.cls != PERSON):
            continue
        key = fold(" ".join(words))
        hits = {u.find(f.id) for f in full if fold(" ".join(surname(f.text))) == key}
        hits -= {u.find(f.id) for f in full if _kin_of(m, f, text)}
        if len(hits) == 1:
            u.join(hits.pop(), m.id)


def _link_acronyms(named: list[Mention], u: Partition) -> None:
    orgs = [m for m in named if m.cls in ORG_CLASSES and len(m.text.split()) >= 2]
    for m in named:
        t = m.text
        if not (2 <= len(t) <= 7 and t.isupper() and t.isalpha()):
            continue
        if any(u.find(m.id) == u.find(o.id) for o in orgs):
            continue
        hits = {u.find(o.id) for o in orgs if initials(o.text).upper() == t}
        if len(hits) == 1:
            u.join(hits.pop(), m.id)


def _link_nominals(ms: list[Mention], u: Partition, by_id: dict[int, Mention]) -> None:
    for m in ms:
        if not m.nominal or m.refers_to is not None:
            continue
        head = fold(m.text).split()[-1] if m.text else ""
        best = None
        for other in ms:
            if other.nominal or other.start >= m.start or not other.text:
                continue
            words = fold(other.canonical or other.text).split() + fold(other.text).split()
            if head in words or (head in {"army", "military"} and other.cls == "ArmedForces"):
                best = other
        if best is not None:
            u.join(best.id, m.id)

