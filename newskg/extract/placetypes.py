"""Place typing: votes for names that the words around them mark as places.

Stage: extract, after ``names.find_mentions`` and before ``places``. In: the context's mentions
with their class votes. Out: the same mentions with more votes (and, for a name the chunker
joined across "of", two mentions). A name that spaCy or the chunker read as a body or a person
is a town when the text writes it as one: "in X, Y province", "between X and Y, also in Z",
"X's Y neighbourhood", "the northern Freedonian town of X", "the towns of X and Y".
"""

from __future__ import annotations

from newskg.extract.countries import country_code, demonym_country, is_city
from newskg.extract.doc import Cand, Ctx
from newskg.extract.lexicon import (
    LOCATING_VERBS,
    LOCATING_WORDS,
    PLACE_KEYWORDS,
)
from newskg.extract.placejoins import split_joined
from newskg.extract.placephrases import is_subject
from newskg.models import ADMIN_AREA, COUNTRY, PLACE, PLACE_CLASSES, SETTLEMENT

__all__ = ["type_places"]

# Votes below this are guesses (spaCy's label, an acronym's shape): the context may overrule them.
_WEAK = 3.0
# Country names that are also a state, a river or a person's name somewhere: left to the names stage.
_NOT_ALWAYS_COUNTRIES = frozenset({"georgia"})
# Nouns after "X's Y ..." that make Y a part of the place X: "the city's Y neighbourhood".
_PART_NOUNS = frozenset("area neighbourhood neighborhood district quarter section suburb market camp".split())
# Words before a place keyword that describe it without naming another place: "the northern town of X".
_DESCRIBING = frozenset("the a an northern southern eastern western central north south east west "
                        "northeastern northwestern southeastern southwestern north-eastern north-western "
                        "south-eastern south-western remote rural small coastal border mountain mountainous "
                        "nearby neighbouring neighboring restive".split())


def _top(c: Cand) -> str:
    return max(c.evidence, key=lambda k: (c.evidence[k], k)) if c.evidence else c.cls


def _weak(c: Cand | None) -> bool:
    """A name whose class is a guess: no place vote, and nothing strong for anything else."""
    return (c is not None and not c.nominal and c.canonical is None and c.char_end > c.char_start
            and _top(c) not in PLACE_CLASSES and max(c.evidence.values(), default=0.0) < _WEAK)


def _is_place(c: Cand | None) -> bool:
    return c is not None and not c.nominal and _top(c) in PLACE_CLASSES


def _after(ctx: Ctx, c: Cand) -> int:
    """The token after c and its place keyword ("X district")."""
    j = c.end
    if c.keyword and j < len(ctx.doc) and ctx.doc[j].lower_ == c.keyword:
        j += 1
    return j


def _town(c: Cand, weight: float = 4.0) -> None:
    c.vote(SETTLEMENT, weight)


def _comma_area(ctx: Ctx) -> None:
    """"in X, Y province", "in X, Y" with Y a region or country: X is a town."""
    doc = ctx.doc
    for c in ctx.cands:
        if not _weak(c) or c.start < 1 or doc[c.start - 1].lower_ not in {"in", "near", "at", "off"}:
            continue
        j = c.end
        if j + 1 >= len(doc) or doc[j].text != ",":
            continue
        outer = ctx.at(j + 1)
        if outer is None or _top(outer) not in (ADMIN_AREA, COUNTRY):
            continue
        k = _after(ctx, outer)
        if k < len(doc) and doc[k].lower_ in {"and", "or"}:
            continue  # "in X, Y and Z": a list
        _town(c)


def _apposition_in(ctx: Ctx) -> None:
    """"X, in the Y department", "X, also in Y province", "X, located in Y district", "X lies in
    the Y region": X is a town."""
    doc = ctx.doc
    for c in ctx.cands:
        if not _weak(c):
            continue
        j = c.end
        if j + 2 >= len(doc) or doc[j].text != "," and not (doc[j].lower_ in LOCATING_VERBS and is_subject(c, doc)):
            continue
        k = j + (doc[j].text == ",")
        k += doc[k].lower_ in {"also", "both"}
        while k < min(len(doc), j + 5) and doc[k].lower_ in LOCATING_WORDS:
            k += 1  # "X, which is located in Y"
        if k >= len(doc) or doc[k].lower_ != "in":
            continue
        k += 1
        while k < len(doc) and doc[k].lower_ in _DESCRIBING:
            k += 1
        if k + 2 < len(doc) and PLACE_KEYWORDS.get(doc[k].lower_) == ADMIN_AREA and doc[k + 1].lower_ == "of":
            k += 2  # "X, in the municipality of Y"
        if _is_place(ctx.at(k)) and _top(ctx.at(k)) != SETTLEMENT:  # type: ignore[arg-type]
            _town(c)


def _predicate_kind(ctx: Ctx) -> None:
    """"X is a town in Y", "X is the largest district of Y": X is what the keyword says."""
    doc = ctx.doc
    for c in ctx.cands:
        j = c.end
        if not _weak(c) or j + 3 >= len(doc) or doc[j].lower_ not in LOCATING_VERBS or not is_subject(c, doc):
            continue
        if doc[j + 1].lower_ not in {"a", "an", "the"}:
            continue
        for m in range(j + 2, min(len(doc) - 1, j + 5)):
            cls = PLACE_KEYWORDS.get(doc[m].lower_)
            if cls in (SETTLEMENT, ADMIN_AREA) and doc[m + 1].lower_ in {"in", "of"}:
                c.vote(cls, 4.0)
                c.keyword = c.keyword or doc[m].lower_
                break
            if ctx.at(m) is not None or not doc[m].is_alpha:
                break


def _between(ctx: Ctx) -> None:
    """"between X and Y" with one of the two a town: the other is a town too."""
    doc = ctx.doc
    for tok in doc:
        if tok.lower_ != "between":
            continue
        a = ctx.at(tok.i + 1)
        if a is None or a.start != tok.i + 1 or a.end + 1 >= len(doc) or doc[a.end].lower_ != "and":
            continue
        b = ctx.at(a.end + 1)
        if b is None:
            continue
        for x, y in ((a, b), (b, a)):
            if _weak(x) and _is_place(y) and _top(y) == SETTLEMENT:
                _town(x)


def _possessive_parts(ctx: Ctx) -> None:
    """"X's Y area", "X's Y neighbourhood": both are places when one of them is."""
    doc = ctx.doc
    for tok in doc:
        if tok.text not in {"'s", "’s"} or tok.i < 1:
            continue
        owner, part = ctx.at(tok.i - 1), ctx.at(tok.i + 1)
        if owner is None or part is None or part.start != tok.i + 1:
            continue
        j = _after(ctx, part)
        noun = doc[j].lower_ if j < len(doc) else ""
        if noun not in _PART_NOUNS and not part.keyword:
            continue
        if _weak(part):
            part.vote(PLACE if noun in {"market", "camp"} else SETTLEMENT, 4.0)
        if _weak(owner) and (_is_place(part) or noun in _PART_NOUNS):
            _town(owner)


# Nouns that name a part of a town or a district after its name: "the X area of Y".
_PART_OF = frozenset("area neighbourhood neighborhood quarter suburb district".split())


def _part_of_place(ctx: Ctx) -> None:
    """"the X area of Y", "the X neighbourhood of the city": X is a part of a town, a settlement,
    when Y is a place or the text refers to one ("the city")."""
    doc = ctx.doc
    for tok in doc[2:-2]:
        k = tok.i
        if tok.lower_ not in _PART_OF or doc[k + 1].lower_ != "of":
            continue
        m = k + 2
        while m < len(doc) - 1 and doc[m].lower_ in _DESCRIBING and doc[m].lower_ != "the":
            m += 1  # "the X area of western Y"
        outer = ctx.at(m)
        refers = doc[m].lower_ == "the" and m + 1 < len(doc) and PLACE_KEYWORDS.get(doc[m + 1].lower_) in (SETTLEMENT, ADMIN_AREA)
        if not (_is_place(outer) or refers):
            continue
        c = ctx.at(k - 1)
        if c is None:
            first = k
            while first > 0 and ctx.at(first - 1) is None and (
                    doc[first - 1].is_title and not doc[first - 1].is_stop
                    or first < k and not doc[first - 1].whitespace_ and doc[first - 1].text not in {"'s", "’s"}):
                first -= 1  # "the X area", "the X-e-Y area": a name's words, or pieces joined to them
            if first == k or first < 1 or not doc[first].is_title or doc[first - 1].lower_ != "the":
                continue
            c = ctx.add(Cand(first, k, SETTLEMENT, 0.0))
        if c.end != k or c.start < 1 or doc[c.start - 1].lower_ != "the":
            continue
        if _weak(c) or max(c.evidence.values(), default=0.0) == 0.0:
            _town(c)
            if doc[k].lower_ != "area":
                c.keyword = c.keyword or doc[k].lower_


def _demonym_keyword(ctx: Ctx) -> None:
    """"the northern Freedonian town of X": X is a town (the names stage leaves a keyword after a
    capitalised word to the name before it)."""
    doc = ctx.doc
    for c in ctx.cands:
        if c.start < 3 or doc[c.start - 1].lower_ != "of" or c.nominal:
            continue
        kw = doc[c.start - 2].lower_
        cls = PLACE_KEYWORDS.get(kw)
        if cls not in (SETTLEMENT, ADMIN_AREA) or not demonym_country(doc[c.start - 3].text):
            continue
        if _top(c) != cls and max(c.evidence.values(), default=0.0) < 6.0:
            c.vote(cls, 6.0)
            c.keyword = c.keyword or kw


# Keywords of a town written after the name of the area it lies in: "the Y town of X".
_TOWN_WORDS = frozenset("town village city hamlet settlement".split())


def _area_town_of(ctx: Ctx) -> None:
    """"the Y town of X", "the northern Y region village of X": X is the town, and it lies in the
    area Y (the names stage gives the keyword to the name before it, as in "the X district of Y")."""
    doc = ctx.doc
    for y in list(ctx.cands):
        if y.nominal or y.char_end <= y.char_start or demonym_country(y.text) or country_code(y.text):
            continue
        k = y.start - 1
        while k >= 0 and doc[k].lower_ in _DESCRIBING and doc[k].lower_ not in {"the", "a", "an"}:
            k -= 1
        j = y.end if y.keyword in _TOWN_WORDS else _after(ctx, y)  # past "region" in "the Y region town of X"
        if k < 0 or doc[k].lower_ != "the" or j + 2 >= len(doc) or doc[j].lower_ not in _TOWN_WORDS:
            continue
        x = ctx.at(j + 2)
        if doc[j + 1].lower_ != "of" or x is None or x.start != j + 2 or x.nominal or x is y or country_code(x.text):
            continue
        if x.end < len(doc) and doc[x.end].lower_ in PLACE_KEYWORDS:
            continue  # "the Y town of X district": X is the district
        kw = doc[j].lower_
        if y.keyword == kw:  # the keyword was the town's, not Y's
            y.keyword = None
            y.evidence[SETTLEMENT] = max(0.0, y.evidence.get(SETTLEMENT, 0.0) - 6.0)
            if not is_city(y.text):
                y.vote(ADMIN_AREA, 3.0)
        x.vote(SETTLEMENT, 6.0)
        x.keyword = x.keyword or kw
        ctx.joined_places.append((x.id, y.id))


# Adjectives of an area's kind before "capital": "the Y provincial capital".
_AREA_ADJECTIVES = frozenset("provincial regional state departmental prefectural district county".split())


def _capital_of_area(ctx: Ctx) -> None:
    """"the Y provincial capital X", "X, the Y regional capital": Y is an area, X a town."""
    doc = ctx.doc
    for c in ctx.cands:
        j = c.end
        if j + 1 >= len(doc) or doc[j].lower_ not in _AREA_ADJECTIVES or doc[j + 1].lower_ != "capital":
            continue
        if _weak(c):
            c.vote(ADMIN_AREA, 4.0)
        town = ctx.at(j + 2) if j + 2 < len(doc) else None
        if c.start >= 3 and doc[c.start - 1].lower_ == "the" and doc[c.start - 2].text == ",":
            town = ctx.at(c.start - 3)  # "X, the Y provincial capital"
        if _weak(town):
            _town(town)  # type: ignore[arg-type]


# Words for a village or a part of one that the news English of some South-East Asian countries
# writes before its name, as part of it: "Barangay X", "Sitio X", "Purok X", "Kampung X", "Desa X".
_VILLAGE_PREFIXES = frozenset("barangay sitio purok kampung desa".split())


def _village_prefix(ctx: Ctx) -> None:
    """"Barangay X", "Sitio X": a village, whatever the tagger read the name as."""
    doc = ctx.doc
    for c in ctx.cands:
        if c.nominal or c.keyword or c.end - c.start < 2 or _top(c) == SETTLEMENT:
            continue
        if doc[c.start].lower_ in _VILLAGE_PREFIXES and doc[c.start].is_title and doc[c.start + 1].is_title:
            c.vote(SETTLEMENT, max(c.evidence.values(), default=0.0) + 1.0)


def _listed_towns(ctx: Ctx) -> None:
    """"the towns of X and Y": each is a town, even one that shares a country's name."""
    doc = ctx.doc
    for tok in doc:
        kw = tok.lower_[:-1] if tok.lower_.endswith("s") else ""
        if PLACE_KEYWORDS.get(kw) != SETTLEMENT or tok.i + 2 >= len(doc) or doc[tok.i + 1].lower_ != "of":
            continue
        k = tok.i + 2
        while k < len(doc):
            c = ctx.at(k)
            if c is None or c.start != k:
                break
            if _top(c) == COUNTRY and country_code(c.text):
                c.vote(SETTLEMENT, c.evidence.get(COUNTRY, 0.0) + 1.0)
            elif _weak(c):
                _town(c)
            k = c.end
            if k < len(doc) and doc[k].text == ",":
                k += 1
            if k < len(doc) and doc[k].lower_ in {"and", "or"}:
                k += 1
            elif k < len(doc) and doc[k - 1].text != ",":
                break


# Words for a part of an area before its name: "in upper X", "across northern X".
_AREA_PARTS = frozenset("upper lower northern southern eastern western central north-eastern north-western "
                        "south-eastern south-western northeastern northwestern southeastern southwestern".split())


def _part_of_area(ctx: Ctx) -> None:
    """"in upper X", "in northern X": X is an area (a region, a district or a country)."""
    doc = ctx.doc
    for c in ctx.cands:
        if (_weak(c) and c.start >= 2 and doc[c.start - 1].lower_ in _AREA_PARTS
                and doc[c.start - 2].lower_ in {"in", "across", "of", "from"}):
            c.vote(ADMIN_AREA, 3.0)


def _countries_named_as_places(ctx: Ctx) -> None:
    """A country's name read as a town or region ("in eastern X" where X is also a river or a
    first name) is the country, unless a keyword says otherwise ("X State")."""
    for c in ctx.cands:
        if c.nominal or c.keyword or _top(c) not in (SETTLEMENT, ADMIN_AREA, PLACE):
            continue
        if country_code(c.text) and c.text.casefold() not in _NOT_ALWAYS_COUNTRIES and len(c.text) > 3:
            if c.text.isupper() or c.text.istitle():
                c.vote(COUNTRY, max(c.evidence.values()) + 1.0)


def type_places(ctx: Ctx) -> None:
    """Add the place votes the words around each name give."""
    split_joined(ctx)
    _countries_named_as_places(ctx)
    _demonym_keyword(ctx)
    _area_town_of(ctx)
    _village_prefix(ctx)
    _capital_of_area(ctx)
    _listed_towns(ctx)
    _part_of_area(ctx)
    _comma_area(ctx)
    _predicate_kind(ctx)
    _apposition_in(ctx)
    _between(ctx)
    _possessive_parts(ctx)
    _part_of_place(ctx)
