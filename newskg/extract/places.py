"""Places: which named place lies in which, from the phrases news English uses for it.

"X village of Y district", "the village of X in the Y district", "Y region's X district",
"Country's Y province", "X, in the Y district", "X village, Y commune, Z district"; and an
administrative area with nothing around it lies in the country the article is about.
"""

from __future__ import annotations

import re
from collections import Counter

from newskg.aliases import subdivision_code, subdivision_exact, subdivision_level
from newskg.extract.countries import (
    capital_of,
    country_code,
    country_name,
    demonym_country,
    is_city,
    place_country,
)
from newskg.extract.doc import Cand, Ctx, fold
from newskg.extract.lexicon import ADMIN_LEVEL, FACILITY_KEYWORDS, PLACE_KEYWORDS
from newskg.models import ADMIN_AREA, COUNTRY, PLACE, PLACE_CLASSES, SETTLEMENT


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


def _rank(c: Cand, ctx: Ctx | None = None) -> float:
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
    if ctx is not None and c.keyword in FACILITY_KEYWORDS:
        return -1  # "X Square in Y", "X Road in the Y area"
    return 1  # roads, rivers: inside whatever area is named next


# Settlements inside or around others: a neighbourhood lies in a town, a village in a township.
_SETTLEMENT_RANK = {"neighbourhood": -0.5, "neighborhood": -0.5, "suburb": -0.5, "quarter": -0.5, "township": 0.5}


def _suburb_of_city(ctx: Ctx, c: Cand, outer: Cand) -> bool:
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


def _is_place(ctx: Ctx, c: Cand | None) -> bool:
    return c is not None and not c.nominal and place_class(ctx, c) in PLACE_CLASSES


# Words a writer puts between "in" and a place without changing which place it is:
# "in the northern province of X", "in central X", "in the neighbouring X department".
_QUALIFIERS = frozenset(
    "the a an northern southern eastern western central north south east west northeast northwest southeast "
    "southwest north-eastern north-western south-eastern south-western north-east north-west south-east "
    "south-west upper lower neighbouring neighboring nearby restive remote rural coastal mountainous "
    "far far-eastern far-western greater downtown".split())
# Parts of a place named after "of": "in the north of X", "on the outskirts of X".
_PARTS = frozenset("north south east west northeast northwest southeast southwest north-east north-west south-east "
                   "south-west centre center heart outskirts edge part parts suburbs".split())
# Heads of an apposition that places a town in what follows: "X, a village in Y", "X, the capital of Y".
_APPOSITION_HEADS = frozenset({"capital", "centre", "center", "seat", "part"})
# Words that say the place before them is one of those named in the next place: "X, also in Y".
_ALSO = frozenset({"also", "both", "all"})
_POSSESSIVE = {"'s", "’s"}
# Nouns after a name that make it a part of the place named next: "the X area of Y", "the X camp in Y".
_PART_NOUNS = frozenset("area areas zone quarter camp countryside outskirts suburb suburbs sector".split())


def _place_after(ctx: Ctx, i: int) -> tuple[Cand | None, int]:
    """The place starting at token i, past qualifiers ("the northern", "the province of"),
    following "'s" chains to the head."""
    doc = ctx.doc
    stop = min(len(doc), i + 6)
    while i < stop and ctx.at(i) is None:
        low = doc[i].lower_
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if ((low in PLACE_KEYWORDS or low in _APPOSITION_HEADS or low in _PARTS and i > 0 and doc[i - 1].lower_ == "the")
                and nxt is not None and nxt.lower_ == "of"):
            i += 2  # "the province of X", "the capital of X", "the north of X" (but "north of X" is outside X)
        elif low in _QUALIFIERS or low in {"-", "–"} or doc[i].pos_ == "ADJ" and not doc[i].is_title:
            i += 1  # "the northern", "south-western", "Kano's busy X area"
        elif low in _APPOSITION_HEADS and nxt is not None and (nxt.text == "," or ctx.at(nxt.i) is not None):
            i += 1 + (nxt.text == ",")  # "Y's capital, X"
        else:
            break
    c = ctx.at(i)
    if not _is_place(ctx, c):
        return None, i
    assert c is not None
    j = _end_with_keyword(ctx, c)
    if j + 1 < len(doc) and doc[j].text in _POSSESSIVE:
        inner, k = _place_after(ctx, j + 1)  # "in Y's northern X state": X, which the text puts in Y
        if inner is not None:
            return inner, k
    return c, j


def _apposition(ctx: Ctx, j: int) -> int | None:
    """After "X," the token where the outer place starts in "a fishing village in Y", "the capital of
    the Y province", "also in Y", "in the neighbouring Y department"; None if the words do not say so."""
    doc = ctx.doc
    k = j
    if k < len(doc) and doc[k].lower_ in _ALSO:
        k += 1
    if k < len(doc) and doc[k].lower_ == "in":
        return k + 1
    if k + 1 < len(doc) and doc[k].lower_ in _APPOSITION_HEADS and doc[k + 1].lower_ == "of":
        return k + 2  # "X, capital of Y"
    if k >= len(doc) or doc[k].lower_ not in {"a", "an", "the"}:
        return None
    for m in range(k + 1, min(len(doc), k + 5)):
        low = doc[m].lower_
        if ctx.at(m) is not None or not doc[m].is_alpha:
            return None
        if (low in PLACE_KEYWORDS or low in _APPOSITION_HEADS) and m + 1 < len(doc) and doc[m + 1].lower_ in {"in", "of"}:
            return m + 2
    return None


def _end_with_keyword(ctx: Ctx, c: Cand) -> int:
    j = c.end
    doc = ctx.doc
    if j < len(doc) and c.keyword and doc[j].lower_ == c.keyword:
        j += 1
    return j


def _listed_before(ctx: Ctx, j: int) -> list[Cand]:
    """Places coordinated before token j: "the village of X and the nearby town of Y, both in Z"."""
    doc = ctx.doc
    found: list[Cand] = []
    k = j - 1
    while k >= 0 and k > j - 20:
        c = ctx.at(k)
        tok = doc[k]
        if c is not None:
            if not _is_place(ctx, c):
                break
            if c not in found:
                found.append(c)
            k = c.start - 1
            continue
        if tok.pos_ in {"VERB", "AUX", "ADP"} and tok.lower_ != "of" or tok.is_sent_start:
            break
        k -= 1
    return found


def find_located_in(ctx: Ctx) -> list[tuple[int, int, int, int]]:
    """Pairs (inner id, outer id, start char, end char) the text states."""
    doc = ctx.doc
    pairs: list[tuple[int, int, int, int]] = []
    ctx.name_class = name_classes(ctx)

    def add(inner: Cand, outer: Cand, stated: bool = False) -> None:
        if inner.id == outer.id or (fold(inner.text), inner.keyword) == (fold(outer.text), outer.keyword) or top_class(inner) == COUNTRY:
            return
        if _rank(inner, ctx) >= _rank(outer, ctx) and not stated:
            return
        start = min(inner.char_start, outer.char_start)
        end = max(inner.char_end, outer.char_end)
        pairs.append((inner.id, outer.id, start, end))

    _shared_keyword_lists(ctx, add)
    for c in ctx.cands:
        if not _is_place(ctx, c):
            continue
        j = _end_with_keyword(ctx, c)
        if j < len(doc) and doc[j].lower_ in _PART_NOUNS and not c.keyword:
            j += 1  # "the X area of Y"
        # possessive: "Georgia's Gori district", "the city's X neighbourhood"
        if j + 1 < len(doc) and doc[j].text in _POSSESSIVE:
            inner, _ = _place_after(ctx, j + 1)
            if inner is not None:
                add(inner, c, stated=top_class(c) != COUNTRY)
        if j >= len(doc):
            continue
        nxt = doc[j].lower_
        if nxt in {"of", "in"}:
            outer, _ = _place_after(ctx, j + 1)
            if outer is not None and (nxt != "of" or c.keyword or outer.keyword or doc[j - 1].lower_ in _PART_NOUNS):
                add(c, outer, stated=bool(c.keyword))  # "X district of Y city", "X village in Y township"
                if nxt == "in" and c.start >= 2 and doc[c.start - 1].lower_ == "and":
                    for inner in _listed_before(ctx, c.start):  # "the towns of X and Y in Z"
                        add(inner, outer)
        elif nxt == ",":
            k = _apposition(ctx, j + 1)
            if k is not None:
                outer, _ = _place_after(ctx, k)
                if outer is not None:
                    for inner in [c] + (_listed_before(ctx, c.start) if doc[j + 1].lower_ in _ALSO else []):
                        add(inner, outer)
                continue
            outer, end = _place_after(ctx, j + 1)
            if outer is None or _in_list(ctx, end):
                continue
            if top_class(outer) == COUNTRY or top_class(outer) == ADMIN_AREA:
                # "X, Y province" and "X, Y" when Y is a known region: a chain, inner first
                both_keyed = bool(c.keyword and outer.keyword and c.keyword != outer.keyword)
                add(c, outer, stated=both_keyed)
            elif _suburb_of_city(ctx, c, outer):
                add(c, outer, stated=True)  # "in X, Y" with Y a city and X not one: a part of the city
    for inner_id, outer_id in ctx.joined_places:  # "X of Y district", cut by placetypes
        add(ctx.cands[inner_id], ctx.cands[outer_id], stated=True)
    _demonym_places(ctx, pairs)
    _dateline_country(ctx, pairs)
    _the_country(ctx, pairs)
    return _home(ctx, pairs)


def _singular(word: str) -> str:
    return word[:-3] + "y" if word.endswith("ies") else word[:-1] if word.endswith("s") else word


def _name_token(tok) -> bool:
    return tok.is_title and not tok.is_stop and not tok.is_sent_start and tok.pos_ in {"PROPN", "ADJ", "NOUN"}


def _list_items(ctx: Ctx, i: int, step: int) -> list[tuple[int, int]]:
    """Token spans of the names in a list "A, B and C" read from token i onwards (step 1) or
    backwards (step -1); empty unless it is a list of at least two names."""
    doc = ctx.doc
    items: list[tuple[int, int]] = []
    seen_and = False
    while 0 <= i < len(doc):
        j = i
        while 0 <= j < len(doc) and _name_token(doc[j]):
            j += step
        if j == i:
            break
        a, b = (i, j) if step == 1 else (j + 1, i + 1)
        c = ctx.at(a)
        if c is not None and (not _is_place(ctx, c) and top_class(c) != COUNTRY or c.start < a or c.end > b):
            return []
        items.append((a, b))
        if seen_and and step == 1 or not 0 <= j < len(doc):
            break
        tok = doc[j].lower_
        if tok in {"and", "or"} and (step == 1 or len(items) == 1):
            seen_and = True
            i = j + step
            if step == -1 and i >= 0 and doc[i].text == ",":
                i -= 1  # the serial comma: "A, B, and C regions"
        elif tok == "," and step == 1 and j + 1 < len(doc) and doc[j + 1].lower_ in {"and", "or"}:
            seen_and = True
            i = j + 2 * step
        elif tok == "," and (step == 1 or seen_and):
            i = j + step
        else:
            break
    return items if seen_and and len(items) >= 2 else []


def _shared_keyword_lists(ctx: Ctx, add) -> None:
    """"the A, B and C regions", "the provinces of A, B and C": one plural keyword makes each
    name a place of that kind; "Y's A, B and C regions" and "the A and B districts of Y" put each in Y."""
    doc = ctx.doc
    for tok in doc:
        low = tok.lower_
        kw = _singular(low)
        if low == kw or not tok.is_lower or PLACE_KEYWORDS.get(kw) not in (ADMIN_AREA, SETTLEMENT):
            continue
        before = tok.i >= 2 and doc[tok.i - 1].is_title
        items = _list_items(ctx, tok.i - 1, -1)[::-1] if before else (
            _list_items(ctx, tok.i + 2, 1) if tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "of" else [])
        if not items:
            continue
        cls = PLACE_KEYWORDS[kw]
        cands: list[Cand] = []
        for a, b in items:
            c = ctx.at(a)
            if c is None:
                c = ctx.add(Cand(a, b, cls, 3.0, keyword=kw))
            elif top_class(c) == COUNTRY:
                break
            else:
                c.vote(cls, 3.0)
                if c.keyword is None and any(o.keyword == kw and fold(o.text) == fold(c.text) for o in ctx.cands):
                    c.keyword = kw  # "the X and Y districts" with "X district" named: that district
            cands.append(c)
        else:
            outer = None
            first, last = items[0][0], items[-1][1]
            if before and first >= 2 and doc[first - 1].text in _POSSESSIVE:
                outer = ctx.at(first - 2)
            after = tok.i + 1 if before else last
            if outer is None and after + 1 < len(doc) and doc[after].lower_ in {"of", "in"}:
                outer, _ = _place_after(ctx, after + 1)
            if _is_place(ctx, outer):
                assert outer is not None
                for c in cands:
                    add(c, outer)


def _demonym_places(ctx: Ctx, pairs: list[tuple[int, int, int, int]]) -> None:
    """"the central Freedonian city of X", "the northern Freedonian town of X": X lies in the country
    the demonym names, when the text names that country."""
    doc = ctx.doc
    countries = _named_countries(ctx)
    for c in ctx.cands:
        if not _is_place(ctx, c) or top_class(c) == COUNTRY or c.start < 3 or doc[c.start - 1].lower_ != "of":
            continue
        if doc[c.start - 2].lower_ not in PLACE_KEYWORDS:
            continue
        code = demonym_country(doc[c.start - 3].text)
        target = countries.get(code) if code else None
        if target is not None:
            pairs.append((c.id, target.id, c.char_start, c.char_end))


def _dateline_country(ctx: Ctx, pairs: list[tuple[int, int, int, int]]) -> None:
    """"CITY, Country, date (Agency) —": the dateline's town lies in the country after it;
    "CITY, Region —": in the region, when the text names that region as an area elsewhere."""
    span = ctx.article.dateline
    if span is None:
        return
    town = next((c for c in ctx.cands if c.char_start == span.start and _is_place(ctx, c)), None)
    m = re.match(r",\s*([A-Z][\w.'’ -]{2,40}?)\s*(?:[,(—–]|-\s)", ctx.article.text[span.end:span.end + 60])
    if town is None or m is None or top_class(town) == COUNTRY:
        return
    code = country_code(m[1])
    if code is None:
        area = _named_area(ctx, m[1])
        if area is not None and area.id != town.id:
            pairs.append((town.id, area.id, town.char_start, town.char_end))
        return
    target = _named_countries(ctx).get(code)
    if target is None:
        target = ctx.add(Cand(town.end, town.end, COUNTRY, 1.0, text=country_name(code)))
        ctx.dateline_country = target.id
    pairs.append((town.id, target.id, town.char_start, town.char_end))


def _named_area(ctx: Ctx, name: str) -> Cand | None:
    """The administrative area the text names with this name, if it names one."""
    key = fold(name)
    return next((c for c in ctx.cands if not c.nominal and fold(c.text) == key
                 and place_class(ctx, c) in (ADMIN_AREA, PLACE) and c.char_end > c.char_start), None)


def _in_list(ctx: Ctx, end: int) -> bool:
    """The place ending before token ``end`` is one item of a list ("X, Y and Z")."""
    doc = ctx.doc
    if end < len(doc) and doc[end].lower_ in {"and", "or"}:
        return True
    return end + 1 < len(doc) and doc[end].text == "," and _is_place(ctx, ctx.at(end + 1)) and not (
        ctx.at(end + 1) is not None and top_class(ctx.at(end + 1)) in (COUNTRY, ADMIN_AREA))  # type: ignore[arg-type]


def _the_country(ctx: Ctx, pairs: list[tuple[int, int, int, int]]) -> None:
    """"the country's X district": the country last named or implied by a demonym."""
    doc = ctx.doc
    for tok in doc:
        if tok.lower_ != "country" or tok.i + 2 >= len(doc) or doc[tok.i + 1].text not in {"'s", "’s"}:
            continue
        inner = ctx.at(tok.i + 2) or ctx.at(tok.i + 3)
        if not _is_place(ctx, inner):
            continue
        code = None
        for prev in reversed(doc[: tok.i]):
            code = demonym_country(prev.text) if prev.text[:1].isupper() else None
            if code is None and prev.text[:1].isupper():
                c = ctx.at(prev.i)
                if c is not None and top_class(c) == COUNTRY:
                    code = country_code(c.text)
            if code:
                break
        if code:
            ctx.home_votes[code] = ctx.home_votes.get(code, 0) + 3
            assert inner is not None
            inner.outer_country = code


def home_country(ctx: Ctx) -> str | None:
    """The country an article is about: named most, and most in place and body names."""
    votes: Counter[str] = Counter(ctx.home_votes)
    doc = ctx.doc
    lead = next((s.start for s in doc.sents if any(t.is_alpha for t in s)), 0)
    for c in ctx.cands:
        cls = top_class(c)
        if cls == COUNTRY:
            code = country_code(c.text)
            if code:
                nxt = doc[c.end] if c.end < len(doc) else None
                votes[code] += 3 if nxt is not None and nxt.text in {"'s", "’s"} else 1
                if c.start > 0 and doc[c.start - 1].lower_ in {"in", "across"}:
                    votes[code] += 1
                tok = doc[c.start]
                if tok.sent.start == lead and tok.dep_ == "nsubj" and tok.head.dep_ == "ROOT":
                    votes[code] += 5  # the lead's actor: "X has renewed accusations against Y"
                if c.start >= 1 and doc[c.start - 1].lower_ == "against":
                    votes[code] -= 2  # the accused is rarely the one whose news it is
        elif cls in (SETTLEMENT, ADMIN_AREA) and not c.nominal:
            code = place_country(c.text)
            if code:  # where things happen: a named town or province of one country
                votes[code] += 2
                if ctx.article.dateline and c.char_start == ctx.article.dateline.start:
                    votes[code] += 3
        elif c.text:
            words = c.text.split()
            code = (demonym_country(words[0]) or country_code(words[0])) if len(words) > 1 else None
            tail = country_code(" ".join(words[-3:])) or country_code(words[-1]) if words else None
            for found in (code, tail):
                if found:
                    votes[found] += 3 if doc[c.start].sent.start == lead else 2
    ctx.home_ranking = [code for code, _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))]
    return ctx.home_ranking[0] if ctx.home_ranking else None


def _named_countries(ctx: Ctx) -> dict[str, Cand]:
    """The countries the text names on their own (not inside a body's name), by ISO code."""
    found: dict[str, Cand] = {}
    for c in ctx.cands:
        if top_class(c) == COUNTRY and not c.nominal and c.char_end > c.char_start:
            code = country_code(c.text)
            if code:
                found.setdefault(code, c)
    return found


def _country_of_area(ctx: Ctx, c: Cand) -> str | None:
    """The country an administrative area is in: the one the text points to ("the country's X"),
    else the one country that has a subdivision or town of that name, else the article's."""
    bare = c.text.rsplit(" ", 1)[0] if c.keyword and c.text.lower().endswith(" " + c.keyword) else c.text
    iso = subdivision_code(bare) if subdivision_exact(bare) else None
    return c.outer_country or place_country(c.text) or place_country(bare) or (iso[:2] if iso else None) or ctx.home_country


def _home(ctx: Ctx, pairs: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Top administrative areas lie in their country, when the text names that country."""
    has_outer = {p[0] for p in pairs}
    countries = _named_countries(ctx)
    if ctx.dateline_country is not None:  # "CITY, Country —": named, though blanked from the body
        dateline = ctx.cands[ctx.dateline_country]
        countries.setdefault(country_code(dateline.text) or "", dateline)
    for c in ctx.cands:
        if c.nominal or c.id in has_outer or top_class(c) != ADMIN_AREA or c.char_end <= c.char_start:
            continue
        sibling = _coordinated_area(ctx, c)
        code = (_country_of_area(ctx, sibling) if sibling is not None and not c.outer_country else None) or _country_of_area(ctx, c)
        target = countries.get(code) if code else None
        if target is None:
            continue
        pairs.append((c.id, target.id, c.char_start, c.char_end))
        has_outer.add(c.id)
    return pairs


def _coordinated_area(ctx: Ctx, c: Cand) -> Cand | None:
    """"the X region and Y region": the area of the same kind coordinated just before c, which
    lies in the same country."""
    doc = ctx.doc
    if not c.keyword or c.start < 3 or doc[c.start - 1].lower_ not in {"and", ","}:
        return None
    k = c.start - 2
    if doc[k].lower_ == c.keyword:
        k -= 1
    prev = ctx.at(k)
    if prev is None or prev.keyword != c.keyword or top_class(prev) != ADMIN_AREA:
        return None
    return prev


__all__ = ["find_located_in", "home_country", "top_class", "PLACE"]
