"""The class and the nesting rank of a place mention, for the ``places`` rules.

Stage: extract. In: the context's mentions (``Ctx``). Out: a place's class, read from its own
votes or, when those are not a place's, from its name's votes over the whole article; and its
rank (a road -1, a town 0, a district 2, a region 3, a country 5) that says which of two places
can lie in the other.
"""

from __future__ import annotations

from collections import Counter

from newskg.aliases import subdivision_code, subdivision_exact, subdivision_level
from newskg.extract.countries import capital_of, demonym_country, is_city
from newskg.extract.doc import Cand, Ctx, fold
from newskg.extract.lexicon import ADMIN_LEVEL, FACILITY_KEYWORDS
from newskg.models import ADMIN_AREA, COUNTRY, PLACE_CLASSES, SETTLEMENT

__all__ = ["top_class", "name_classes", "place_class", "rank", "is_place", "suburb_of_city"]


def top_class(c: Cand) -> str:
    return max(c.evidence, key=lambda k: (c.evidence[k], k)) if c.evidence else c.cls


def name_classes(ctx: Ctx) -> dict[str, str]:
    """The class each name has over the whole article: its mentions' votes summed."""
    votes: dict[str, Counter[str]] = {}
    for c in ctx.cands:
        if not c.nominal and c.text:
            votes.setdefault(fold(c.text), Counter()).update(c.evidence)
    return {name: max(v, key=lambda k: (v[k], k)) for name, v in votes.items() if v}


def place_class(ctx: Ctx, c: Cand) -> str:
    """c's class, or its name's class in the article when that is a place and c's own is not:
    "in upper X" reads X as a place when X is a district elsewhere in the text."""
    own = top_class(c)
    if own in PLACE_CLASSES or not c.text:
        return own
    named = ctx.name_class.get(fold(c.text), own)
    return named if named in PLACE_CLASSES else own


def rank(c: Cand, ctx: Ctx | None = None) -> float:
    """Smaller is inner: settlement 0, sub-district 1, district 2, region 3, country 5; a road or
    river 1. With ``ctx``, the class is the name's over the article and a road, street or square
    is -1 (inside a town)."""
    cls = place_class(ctx, c) if ctx is not None else top_class(c)
    if cls == COUNTRY:
        return 5
    if cls == SETTLEMENT:
        return _SETTLEMENT_RANK.get(c.keyword or "", 0) if ctx is not None else 0
    if cls == ADMIN_AREA:
        level = ADMIN_LEVEL.get(c.keyword or "", 0) or (_iso_level(c.text) if ctx is not None else 2)
        return {3: 1, 2: 2, 1: 3}.get(level, 2)
    if ctx is not None and (c.keyword in FACILITY_KEYWORDS or c.text.rsplit(" ", 1)[-1].lower() in _SITES):
        return -1  # "X Square in Y", "X Road in the Y area"
    return 1  # roads, rivers: inside whatever area is named next


# Last words of the names of sites inside or beside a town: "X camp", "X market".
_SITES = frozenset("camp market junction checkpoint".split())
# Settlements inside or around others: a neighbourhood lies in a town, a village in a township.
_SETTLEMENT_RANK = {"neighbourhood": -0.5, "neighborhood": -0.5, "suburb": -0.5, "quarter": -0.5, "township": 0.5}


def suburb_of_city(ctx: Ctx, c: Cand, outer: Cand) -> bool:
    """"in X, Y": Y a known city (GeoNames) and X a settlement that is not one, at the start of the
    phrase ("in", "at", "near" before X)."""
    doc = ctx.doc
    return (place_class(ctx, c) == SETTLEMENT and place_class(ctx, outer) == SETTLEMENT and not c.keyword
            and c.start >= 1 and doc[c.start - 1].lower_ in {"in", "at", "near"}
            and is_city(outer.text) and not is_city(c.text) and capital_of(c.text) is None)


def _iso_level(name: str) -> int:
    """1 for a name that is a first-level area of some country (ISO 3166-2: a region, province,
    state), else 2."""
    code = subdivision_code(name) if subdivision_exact(name) else None
    return 1 if code and subdivision_level(code) == "1" else 2


# One capitalised word that describes rather than names: "Western sanctions", "Arab states".
_DESCRIBING = frozenset("western eastern northern southern central western-backed".split())
# Adjectives of peoples and regions of the world that no country table lists as a demonym.
_PEOPLES = frozenset("arab andean african asian european latin caucasian balkan nordic slavic".split())


def is_place(ctx: Ctx, c: Cand | None) -> bool:
    return c is not None and not c.nominal and place_class(ctx, c) in PLACE_CLASSES and not _describing(ctx, c)


def _describing(ctx: Ctx, c: Cand) -> bool:
    """A one-word mention that is an adjective of direction or of a people ("Western", "Arab"),
    not a place's name, unless a keyword is written with it as a name ("X district")."""
    if c.end - c.start != 1:
        return False
    doc = ctx.doc
    tok = doc[c.start]
    keyword_of = c.end + 1 < len(doc) and doc[c.end].lower_ == c.keyword and doc[c.end + 1].lower_ == "of"
    people = tok.ent_type_ == "NORP" and (demonym_country(tok.text) is not None or tok.lower_ in _PEOPLES)
    return tok.lower_ in _DESCRIBING or people and (not c.keyword or keyword_of)  # "the X region of Y"
