"""Joined places: one mention that the names stage made of two places, cut in two.

Stage: extract, the first step of ``placetypes.type_places``. In: the context's mentions. Out: the
same mentions, with each that joins two places ("X Municipality of Y district", "X of the Y
district", "X District in Y") cut into two, the first keeping its id, and the pair recorded in
``ctx.joined_places`` for ``places``.
"""

from __future__ import annotations

from newskg.aliases import subdivision_exact
from newskg.extract.countries import country_code, is_city, place_country
from newskg.extract.doc import Cand, Ctx, fold
from newskg.extract.lexicon import ORG_HEADS, PLACE_KEYWORD_PHRASES, PLACE_KEYWORDS
from newskg.extract.placeclass import top_class
from newskg.models import ADMIN_AREA, PLACE_CLASSES, SETTLEMENT

__all__ = ["split_joined"]

# Heads of one geographic name written with "of": "the Bay of X", "the Gulf of X", "the Republic of X".
_OF_HEADS = frozenset("bay gulf sea isle island islands republic kingdom state states city cape strait straits lake "
                      "mount port emirate sultanate principality federation union commonwealth province "
                      "governorate region district county municipality territory department".split())


def _known_place(ctx: Ctx, name: str) -> bool:
    """A name the world's tables know as a place, or the article names on its own as one."""
    if country_code(name) or is_city(name) or place_country(name) or subdivision_exact(name):
        return True
    key = fold(name)
    return any(fold(c.text) == key and top_class(c) in PLACE_CLASSES for c in ctx.cands if not c.nominal)


def _split_at(ctx: Ctx, c: Cand) -> tuple[int, int] | None:
    """(end of the first name, start of the second) where a place's mention joins two places:
    "X of Y" ("X Municipality of Y district", "X of the Y district"), "X District in Y"."""
    doc = ctx.doc
    for k in range(c.start + 1, c.end - 1):
        low = doc[k].lower_
        if low not in {"of", "in"}:
            continue
        head = doc[k - 1].lower_
        if low == "of" and (head in _OF_HEADS and k - 1 == c.start or head in {"bay", "gulf", "sea", "isle", "republic", "kingdom"}):
            return None  # "Province of X", "Bay of X": one name
        if c.start >= 2 and doc[c.start - 1].lower_ == "of" and (doc[c.start - 2].lower_ in ORG_HEADS or doc[c.start - 2].is_title):
            return None  # "Ministry of X of Y": the tail of a body's name
        if head in ORG_HEADS and head not in PLACE_KEYWORDS or doc[k - 1].lower_ in {"party", "front", "movement", "union"}:
            return None  # "the X Party of Y": a body's name
        if low == "in" and head not in PLACE_KEYWORDS:
            return None  # "the X Embassy in Y" is a body's name
        b = k + 1 + (doc[k + 1].lower_ == "the")
        if b >= c.end or not doc[b].text[:1].isupper():
            return None
        second = doc[b:c.end].text
        if c.keyword and second.lower().endswith(" " + c.keyword):
            second = second[: -len(c.keyword) - 1]
        if second.lower() in PLACE_KEYWORDS:
            return None  # "X of the State": the word for an area, not a second name
        if _known_place(ctx, second) or c.keyword:
            return k, b
        return None
    return None


def split_joined(ctx: Ctx) -> None:
    """A place mention that joins two places is two mentions: the first keeps its id."""
    doc = ctx.doc
    for c in list(ctx.cands):
        if c.nominal or top_class(c) not in (SETTLEMENT, ADMIN_AREA) or c.end - c.start < 3 or c.char_end <= c.char_start:
            continue
        cut = _split_at(ctx, c)
        if cut is None:
            continue
        k, b = cut
        end, keyword = c.end, c.keyword
        c.end = k
        span = doc[c.start:k]
        c.char_end, c.text = span.end_char, span.text
        last = doc[k - 1].lower_
        phrase = next((ph for ph in PLACE_KEYWORD_PHRASES if fold(span.text).endswith(ph)), None)
        first_cls = PLACE_KEYWORDS.get(last) or (PLACE_KEYWORD_PHRASES[phrase] if phrase else SETTLEMENT)
        c.keyword = last if last in PLACE_KEYWORDS else None
        c.evidence = {first_cls: 3.0}
        for i in range(k, end):
            if ctx.by_token.get(i) == c.id:
                del ctx.by_token[i]
        second = ctx.add(Cand(b, end, PLACE_KEYWORDS.get(keyword or "", SETTLEMENT), 3.0, keyword=keyword))
        ctx.joined_places.append((c.id, second.id))
