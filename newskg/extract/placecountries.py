"""Places and their countries: the country an article is about, and the country each top
administrative area, dateline town or "the central Freedonian city of X" lies in.

Stage: extract, called by ``places.find_located_in`` after the phrase rules. In: the context's
mentions and the pairs found so far. Out: more (inner, outer, start, end) pairs, and
``home_country`` for the whole extract stage.
"""

from __future__ import annotations

import re
from collections import Counter

from newskg.aliases import subdivision_code, subdivision_exact
from newskg.extract.countries import country_code, country_name, demonym_country, place_country, us_state
from newskg.extract.doc import Cand, Ctx, fold
from newskg.extract.lexicon import PLACE_KEYWORDS
from newskg.extract.placeclass import is_place as _is_place
from newskg.extract.placeclass import place_class, top_class
from newskg.models import ADMIN_AREA, COUNTRY, PLACE, SETTLEMENT

__all__ = ["home_country", "demonym_places", "dateline_country", "the_country", "areas_in_countries"]


def demonym_places(ctx: Ctx, pairs: list[tuple[int, int, int, int]]) -> None:
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


def dateline_country(ctx: Ctx, pairs: list[tuple[int, int, int, int]]) -> None:
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
        state = us_state(m[1]) if area is None else None
        if state is not None:  # "CITY, Calif. —": AP style's abbreviation of a US state
            area = _named_area(ctx, state) or ctx.add(Cand(town.end, town.end, ADMIN_AREA, 1.0, text=state))
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


def the_country(ctx: Ctx, pairs: list[tuple[int, int, int, int]]) -> None:
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
    import os
    home = ctx.home_country
    if os.environ.get('X9C_A') and not c.keyword and max(c.evidence.values(), default=0) < 3:
        home = None
    return c.outer_country or place_country(c.text) or place_country(bare) or (iso[:2] if iso else None) or home


def areas_in_countries(ctx: Ctx, pairs: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Top administrative areas lie in their country, when the text names that country."""
    has_outer = {p[0] for p in pairs}
    countries = _named_countries(ctx)
    if ctx.dateline_country is not None:  # "CITY, Country —": named, though blanked from the body
        dateline = ctx.cands[ctx.dateline_country]
        countries.setdefault(country_code(dateline.text) or "", dateline)
    for c in ctx.cands:
        if c.nominal or c.id in has_outer or top_class(c) != ADMIN_AREA or c.char_end <= c.char_start or not _is_place(ctx, c):
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
