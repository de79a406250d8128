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
from newskg.extract.lexicon import LOCATING_VERBS, PLACE_KEYWORDS
from newskg.extract.placeclass import is_place as _is_place
from newskg.extract.placeclass import name_classes, place_class, rank, suburb_of_city, top_class
from newskg.extract.placecountries import (
    areas_in_countries,
    dateline_country,
    demonym_places,
    home_country,
    the_country,
)
from newskg.extract.placelists import in_list, listed_before, shared_keyword_lists
from newskg.extract.placephrases import (
    ALSO,
    APPOSITION_HEADS,
    CAPITAL_OF,
    COMPASS,
    PART_NOUNS,
    POSSESSIVE,
    SURROUNDS,
    apposition,
    aside_end,
    beside,
    end_with_keyword,
    is_camp,
    is_subject,
    measured_from,
    place_after,
)
from newskg.models import ADMIN_AREA, COUNTRY, PLACE, SETTLEMENT

_rank = rank  # the name ``incidents`` imports

def _compass_parts(ctx: Ctx, add) -> None:
    """"Northeast X", "North X state", "Upper X": a part of the place X, when the text names X too
    (not a country of its own, nor a region the gazetteer puts in another country than X)."""
    named: dict[str, Cand] = {}
    for c in ctx.cands:
        if _is_place(ctx, c) and c.char_end > c.char_start:
            named.setdefault(fold(c.text), c)
    for c in ctx.cands:
        words = c.text.split()
        if len(words) < 2 or words[0].lower() not in COMPASS or not words[1][:1].isupper() or not _is_place(ctx, c):
            continue
        base = named.get(fold(" ".join(words[1:])))
        if base is None or country_code(c.text) is not None:
            continue
        if top_class(base) == COUNTRY and place_country(c.text) not in (None, country_code(base.text)):
            continue
        add(c, base, stated=True)


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

    shared_keyword_lists(ctx, add)
    for c in ctx.cands:
        if not _is_place(ctx, c):
            continue
        j = end_with_keyword(ctx, c)
        if j < len(doc) and doc[j].lower_ in PART_NOUNS and not c.keyword:
            j += 1  # "the X area of Y"
        # possessive: "Uruguay's X district", "the city's X neighbourhood"
        if j + 1 < len(doc) and doc[j].text in POSSESSIVE:
            inner, _ = place_after(ctx, j + 1)
            if inner is not None:
                add(inner, c, stated=top_class(c) != COUNTRY)
        if j >= len(doc):
            continue
        nxt = doc[j].lower_
        if nxt in {"of", "in"}:
            outer, end = place_after(ctx, j + 1)
            part = doc[j - 1].lower_ in PART_NOUNS and not c.keyword
            if outer is not None and (nxt != "of" or c.keyword or outer.keyword or part):
                # "X district of Y city", "X village in Y township", "the X area of western Y",
                # "near X in the Y countryside"
                around = nxt == "in" and end < len(doc) and doc[end].lower_ in SURROUNDS
                # "X in Y town": a place the text puts in a town it names as one is a part of it
                town = nxt == "in" and outer.keyword in {"town", "city"} and place_class(ctx, c) == SETTLEMENT
                add(c, outer, stated=bool(c.keyword) or part or around or town)
                if nxt == "in" and c.start >= 2 and doc[c.start - 1].lower_ == "and":
                    for inner in listed_before(ctx, c.start):  # "the towns of X and Y in Z"
                        add(inner, outer)
        elif nxt in {"for", "on"} and is_camp(ctx, c):
            k = beside(ctx, j)
            outer = place_after(ctx, k)[0] if k is not None else None
            if outer is not None:
                add(c, outer, stated=True)
        elif nxt == "(":
            outer, end = place_after(ctx, j + 1)  # "X (Y region)", "X (region of Y)"
            if outer is not None and end < len(doc) and doc[end].text == ")":
                add(c, outer)
        elif nxt in LOCATING_VERBS and is_subject(c, doc):
            k = apposition(ctx, j)  # "X is a town in Y", "X lies in the Y region"
            outer = place_after(ctx, k)[0] if k is not None else None
            if outer is not None:
                add(c, outer)
        elif nxt == ",":
            if measured_from(doc, c):
                continue  # "X, 30 km south of Y, in Z": Z is said of X, not of Y
            aside = aside_end(doc, j + 1)  # "X, 30 km south of Y, in the Z region"
            k = apposition(ctx, aside if aside is not None else j + 1)
            if k is not None:
                outer, _ = place_after(ctx, k)
                if outer is not None:
                    for inner in [c] + (listed_before(ctx, c.start) if doc[j + 1].lower_ in ALSO else []):
                        add(inner, outer)
                continue
            outer, end = place_after(ctx, j + 1)
            if outer is None or in_list(ctx, end):
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
        if nxt.text in POSSESSIVE:
            if tok.i + 4 < len(doc) and doc[tok.i + 3].lower_ in APPOSITION_HEADS and doc[tok.i - 1].text == ",":
                inner = ctx.at(tok.i - 2)  # "X, the regency's capital"
            else:
                inner, _ = place_after(ctx, tok.i + 3)  # "the region's X district"
            if _is_place(ctx, inner):
                assert inner is not None
                add(inner, outer, stated=True)
        elif tok.i >= 2 and doc[tok.i - 1].lower_ == "of" and not nxt.text[:1].isupper():
            before = doc[tok.i - 2].lower_
            marked = before in PLACE_KEYWORDS or before in PART_NOUNS
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
        kw = CAPITAL_OF.get(doc[tok.i - 1].lower_) if tok.lower_ == "capital" else None
        if kw is None or not doc[tok.i - 1].is_lower:
            continue
        first = tok.i - 1 - (tok.i >= 2 and doc[tok.i - 2].lower_ == "the")
        named = ctx.at(tok.i - 2) if tok.i >= 2 else None  # "the Y provincial capital": Y is the area
        if named is not None and named.end == tok.i - 1 and _is_place(ctx, named):
            first = named.start - (named.start >= 1 and doc[named.start - 1].lower_ == "the")
        else:
            named = None
        inner = None
        if first >= 2 and doc[first - 1].text == ",":  # "X, the state capital"
            inner = ctx.at(first - 2)
            if inner is None and first >= 3 and ctx.at(first - 3) is not None and ctx.at(first - 3).keyword == doc[first - 2].lower_:  # type: ignore[union-attr]
                inner = ctx.at(first - 3)  # "X city, the provincial capital"
        if inner is None:  # "the provincial capital X", "the state capital, X"
            k = tok.i + 1 + (tok.i + 1 < len(doc) and doc[tok.i + 1].text == ",")
            inner = ctx.at(k) if k < len(doc) else None
        outer = named or _referent(ctx, min(first, inner.start) if inner is not None else first, kw)
        if _is_place(ctx, inner) and outer is not None and inner is not outer:
            assert inner is not None
            add(inner, outer, stated=True)


__all__ = ["find_located_in", "home_country", "top_class", "PLACE"]
