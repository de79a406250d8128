"""Places: which named place lies in which, from the phrases news English uses for it.

Stage: extract. In: the context's mentions, typed (``names``, then ``placetypes``). Out:
(inner id, outer id, start char, end char) pairs for ``LocatedIn``. "X village of Y district",
"the village of X in the Y district", "Y region's X district", "X, in the Y district",
"X village, Y commune, Z district", "X Square in central Y", "in the region's X district";
the country of a top area, a dateline's town or a demonym's town comes from ``placecountries``,
the class and rank of each place from ``placeclass``.
"""

from __future__ import annotations

from newskg.extract.countries import country_code, place_country
from newskg.extract.doc import Cand, Ctx, fold
from newskg.extract.lexicon import PLACE_KEYWORDS
from newskg.extract.placeclass import is_place as _is_place
from newskg.extract.placeclass import name_classes, place_class, rank, suburb_of_city, top_class
from newskg.extract.placecountries import (
    areas_in_countries,
    dateline_country,
    demonym_places,
    home_country,
    the_country,
)
from newskg.models import ADMIN_AREA, COUNTRY, PLACE, SETTLEMENT

_rank = rank  # the name ``incidents`` imports

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
# Words of direction that make "Northeast X" a part of X.
_COMPASS = frozenset("north south east west northeast northwest southeast southwest north-east north-west south-east "
                     "south-west northern southern eastern western upper".split())
# Words that say the place before them is one of those named in the next place: "X, also in Y".
_ALSO = frozenset({"also", "both", "all"})
_POSSESSIVE = {"'s", "’s"}
# Nouns after a name that make it a part of the place named next: "the X area of Y", "the X camp in Y".
_PART_NOUNS = frozenset("area areas zone quarter camp countryside outskirts suburb suburbs sector".split())
# Nouns after a place that make it the land around or beside a town: "near X in the western Y countryside".
_SURROUNDS = frozenset("countryside outskirts suburbs hinterland area".split())
# Adjectives of a place keyword before "capital": "X, the provincial capital", "the state capital X".
_CAPITAL_OF = {"state": "state", "provincial": "province", "province": "province", "regional": "region",
               "region": "region", "district": "district", "county": "county", "departmental": "department",
               "prefectural": "prefecture", "oblast": "oblast", "regency": "regency", "governorate": "governorate"}


def _place_after(ctx: Ctx, i: int) -> tuple[Cand | None, int]:
    """The place starting at token i, past qualifiers ("the northern", "the province of"),
    following "'s" chains to the head."""
    doc = ctx.doc
    stop = min(len(doc), i + 6)
    while i < stop and ctx.at(i) is None:
        low = doc[i].lower_
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if ((low in PLACE_KEYWORDS or low in _APPOSITION_HEADS or low in _PARTS and _after_the(doc, i))
                and nxt is not None and nxt.lower_ == "of"):
            i += 2  # "the province of X", "the capital of X", "the north of X" (but "north of X" is outside X)
        elif low in PLACE_KEYWORDS and nxt is not None and nxt.text in _POSSESSIVE and i > 0 and doc[i - 1].lower_ == "the":
            i += 2  # "in the region's X district": X (the region is found by ``_referring_areas``)
        elif low in _QUALIFIERS or low in {"-", "–"} or doc[i].pos_ == "ADJ" and not doc[i].is_title:
            i += 1  # "the northern", "south-western", "Y's busy X area"
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


def _after_the(doc, i: int) -> bool:
    """Token i follows "the", maybe with a qualifier between: "the outskirts of X", "the northern
    edge of X" (inside X), not "north of X" (outside it)."""
    k = i - 1
    if k >= 1 and doc[k].lower_ in _QUALIFIERS and doc[k].lower_ != "the":
        k -= 1
    return k >= 0 and doc[k].lower_ == "the"


def _beside(ctx: Ctx, j: int) -> int | None:
    """After a camp's name, the token where its place starts: "X camp for displaced people in Y",
    "X camp on the northern edge of Y"; None if the words do not say so."""
    doc = ctx.doc
    k = j
    if k < len(doc) and doc[k].lower_ == "for":  # "for the displaced", "for displaced people"
        k += 1
        while k < len(doc) and k < j + 5 and doc[k].is_lower and doc[k].is_alpha and doc[k].lower_ not in {"in", "on", "near"}:
            k += 1
    if k + 2 < len(doc) and doc[k].lower_ == "in":
        return k + 1
    if k + 2 < len(doc) and doc[k].lower_ == "on" and doc[k + 1].lower_ == "the":
        m = k + 2 + (doc[k + 2].lower_ in _QUALIFIERS)
        if m + 1 < len(doc) and doc[m].lower_ in _PARTS and doc[m + 1].lower_ == "of":
            return k + 1
    return None


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


def _camp(ctx: Ctx, c: Cand) -> bool:
    """A camp's name: "X camp", "the X camp"."""
    after = ctx.doc[c.end].lower_ if c.end < len(ctx.doc) else ""
    return "camp" in (c.text.rsplit(" ", 1)[-1].lower(), after)


def _compass_parts(ctx: Ctx, add) -> None:
    """"Northeast X", "North X state", "Upper X": a part of the place X, when the text names X too
    (not a country of its own, nor a region the gazetteer puts in another country than X)."""
    named: dict[str, Cand] = {}
    for c in ctx.cands:
        if _is_place(ctx, c) and c.char_end > c.char_start:
            named.setdefault(fold(c.text), c)
    for c in ctx.cands:
        words = c.text.split()
        if len(words) < 2 or words[0].lower() not in _COMPASS or not words[1][:1].isupper() or not _is_place(ctx, c):
            continue
        base = named.get(fold(" ".join(words[1:])))
        if base is None or country_code(c.text) is not None:
            continue
        if top_class(base) == COUNTRY and place_country(c.text) not in (None, country_code(base.text)):
            continue
        add(c, base, stated=True)


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
        # possessive: "Uruguay's X district", "the city's X neighbourhood"
        if j + 1 < len(doc) and doc[j].text in _POSSESSIVE:
            inner, _ = _place_after(ctx, j + 1)
            if inner is not None:
                add(inner, c, stated=top_class(c) != COUNTRY)
        if j >= len(doc):
            continue
        nxt = doc[j].lower_
        if nxt in {"of", "in"}:
            outer, end = _place_after(ctx, j + 1)
            part = doc[j - 1].lower_ in _PART_NOUNS and not c.keyword
            if outer is not None and (nxt != "of" or c.keyword or outer.keyword or part):
                # "X district of Y city", "X village in Y township", "the X area of western Y",
                # "near X in the Y countryside"
                around = nxt == "in" and end < len(doc) and doc[end].lower_ in _SURROUNDS
                # "X in Y town": a place the text puts in a town it names as one is a part of it
                town = nxt == "in" and outer.keyword in {"town", "city"} and place_class(ctx, c) == SETTLEMENT
                add(c, outer, stated=bool(c.keyword) or part or around or town)
                if nxt == "in" and c.start >= 2 and doc[c.start - 1].lower_ == "and":
                    for inner in _listed_before(ctx, c.start):  # "the towns of X and Y in Z"
                        add(inner, outer)
        elif nxt in {"for", "on"} and _camp(ctx, c):
            k = _beside(ctx, j)
            outer = _place_after(ctx, k)[0] if k is not None else None
            if outer is not None:
                add(c, outer, stated=True)
        elif nxt == "(":
            outer, end = _place_after(ctx, j + 1)  # "X (Y region)", "X (region of Y)"
            if outer is not None and end < len(doc) and doc[end].text == ")":
                add(c, outer)
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
            elif suburb_of_city(ctx, c, outer):
                add(c, outer, stated=True)  # "in X, Y" with Y a city and X not one: a part of the city
    _referring_areas(ctx, add)
    _capitals(ctx, add)
    _compass_parts(ctx, add)
    for inner_id, outer_id in ctx.joined_places:  # "X of Y district", cut by placetypes
        add(ctx.cands[inner_id], ctx.cands[outer_id], stated=True)
    demonym_places(ctx, pairs)
    dateline_country(ctx, pairs)
    the_country(ctx, pairs)
    return _between_outers(ctx, areas_in_countries(ctx, pairs))


def _between_outers(ctx: Ctx, pairs: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """A place the text puts in two others of different ranks ("X, Y County" and "X, Pa.") puts
    the smaller of the two in the larger one: a county in its state."""
    outers: dict[tuple[str, str | None], list[int]] = {}
    for inner, outer, _, _ in pairs:  # by name: the dateline's town is the town the body names
        outers.setdefault((fold(ctx.cands[inner].text), ctx.cands[inner].keyword), []).append(outer)
    have = {(a, b) for a, b, _, _ in pairs}
    for found in outers.values():
        ranked = sorted({o: _rank(ctx.cands[o], ctx) for o in found}.items(), key=lambda kv: kv[1])
        for (a, ra), (b, rb) in zip(ranked, ranked[1:], strict=False):
            if (ra < rb and (a, b) not in have and ctx.cands[a].char_end > ctx.cands[a].char_start
                    and fold(ctx.cands[a].text) != fold(ctx.cands[b].text)):
                have.add((a, b))
                pairs.append((a, b, ctx.cands[a].char_start, ctx.cands[a].char_end))
    return pairs


def _referent(ctx: Ctx, i: int, kw: str) -> Cand | None:
    """The place "the district", "the city" at token i refers to: the last one named before it
    with that keyword (for "the city", "the town": the last town named)."""
    want = PLACE_KEYWORDS.get(kw)

    def named(c: Cand | None, k: int) -> bool:
        return (c is not None and c.start == k and _is_place(ctx, c)
                and (c.keyword == kw or kw in {"city", "town"} and want == SETTLEMENT and place_class(ctx, c) == SETTLEMENT))

    before = next((ctx.at(k) for k in range(i - 1, max(-1, i - 400), -1) if named(ctx.at(k), k)), None)
    if before is not None or kw in {"city", "town"}:
        return before
    # "in the region's X district ... the Y region": the one area so named in the article
    later = {fold(c.text): c for c in ctx.cands if c.start > i and c.keyword == kw and named(c, c.start)}
    return next(iter(later.values())) if len(later) == 1 else None


def _referring_areas(ctx: Ctx, add) -> None:
    """"in the region's X district", "the city's X neighbourhood", "X tehsil of the district",
    "X, the regency's capital": the place the keyword refers to is the last one so named."""
    doc = ctx.doc
    for tok in doc[:-2]:
        if tok.lower_ != "the":
            continue
        kw, nxt = doc[tok.i + 1].lower_, doc[tok.i + 2]
        if kw not in PLACE_KEYWORDS or PLACE_KEYWORDS[kw] == PLACE or not doc[tok.i + 1].is_lower:
            continue
        outer = _referent(ctx, tok.i, kw)
        if outer is None:
            continue
        if nxt.text in _POSSESSIVE:
            if tok.i + 4 < len(doc) and doc[tok.i + 3].lower_ in _APPOSITION_HEADS and doc[tok.i - 1].text == ",":
                inner = ctx.at(tok.i - 2)  # "X, the regency's capital"
            else:
                inner, _ = _place_after(ctx, tok.i + 3)  # "the region's X district"
            if _is_place(ctx, inner):
                assert inner is not None
                add(inner, outer, stated=True)
        elif tok.i >= 2 and doc[tok.i - 1].lower_ == "of" and not nxt.text[:1].isupper():
            before = doc[tok.i - 2].lower_
            marked = before in PLACE_KEYWORDS or before in _PART_NOUNS
            inner = ctx.at(tok.i - 3) if marked else ctx.at(tok.i - 2)
            if inner is not None and outer.start >= inner.start:  # the place named before this one
                outer = _referent(ctx, inner.start, kw)
            if inner is not None and outer is not None and _is_place(ctx, inner) and inner is not outer and (inner.keyword or marked):
                add(inner, outer, stated=True)  # "X tehsil of the district", "the X area of the city"


def _capitals(ctx: Ctx, add) -> None:
    """"X, the state capital", "the provincial capital X", "X, the regional capital": X lies in the
    last area named with that keyword ("the Y province ... X, the provincial capital")."""
    doc = ctx.doc
    for tok in doc[1:]:
        kw = _CAPITAL_OF.get(doc[tok.i - 1].lower_) if tok.lower_ == "capital" else None
        if kw is None or not doc[tok.i - 1].is_lower:
            continue
        first = tok.i - 1 - (tok.i >= 2 and doc[tok.i - 2].lower_ == "the")
        inner = None
        if first >= 2 and doc[first - 1].text == ",":  # "X, the state capital"
            inner = ctx.at(first - 2)
            if inner is None and first >= 3 and ctx.at(first - 3) is not None and ctx.at(first - 3).keyword == doc[first - 2].lower_:  # type: ignore[union-attr]
                inner = ctx.at(first - 3)  # "X city, the provincial capital"
        if inner is None:  # "the provincial capital X", "the state capital, X"
            k = tok.i + 1 + (tok.i + 1 < len(doc) and doc[tok.i + 1].text == ",")
            inner = ctx.at(k) if k < len(doc) else None
        outer = _referent(ctx, min(first, inner.start) if inner is not None else first, kw)
        if _is_place(ctx, inner) and outer is not None and inner is not outer:
            assert inner is not None
            add(inner, outer, stated=True)


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


def _in_list(ctx: Ctx, end: int) -> bool:
    """The place ending before token ``end`` is one item of a list ("X, Y and Z")."""
    doc = ctx.doc
    if end < len(doc) and doc[end].lower_ in {"and", "or"}:
        return True
    return end + 1 < len(doc) and doc[end].text == "," and _is_place(ctx, ctx.at(end + 1)) and not (
        ctx.at(end + 1) is not None and top_class(ctx.at(end + 1)) in (COUNTRY, ADMIN_AREA))  # type: ignore[arg-type]



__all__ = ["find_located_in", "home_country", "top_class", "PLACE"]
