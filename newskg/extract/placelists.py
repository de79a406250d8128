"""Place lists: one keyword or one outer place shared by several names.

Stage: extract, called by ``places.find_located_in``. In: the context's mentions. Out: class votes
and keywords for the names of a list ("the A, B and C regions", "the provinces of A, B and C"),
the pairs that put each in the place named with the list ("Y's A and B districts", "the towns of
A and B in Y"), and the list tests the other rules ask ("X, Y and Z" is no chain).
"""

from __future__ import annotations

from newskg.extract.doc import Cand, Ctx, fold
from newskg.extract.lexicon import PLACE_KEYWORDS
from newskg.extract.placeclass import is_place as _is_place
from newskg.extract.placeclass import top_class
from newskg.extract.placephrases import POSSESSIVE, place_after
from newskg.models import ADMIN_AREA, COUNTRY, SETTLEMENT

__all__ = ["listed_before", "shared_keyword_lists", "in_list"]


def listed_before(ctx: Ctx, j: int) -> list[Cand]:
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


def shared_keyword_lists(ctx: Ctx, add) -> None:
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
            if before and first >= 2 and doc[first - 1].text in POSSESSIVE:
                outer = ctx.at(first - 2)
            after = tok.i + 1 if before else last
            if outer is None and after + 1 < len(doc) and doc[after].lower_ in {"of", "in"}:
                outer, _ = place_after(ctx, after + 1)
            if _is_place(ctx, outer):
                assert outer is not None
                for c in cands:
                    add(c, outer)


def in_list(ctx: Ctx, end: int) -> bool:
    """The place ending before token ``end`` is one item of a list ("X, Y and Z")."""
    doc = ctx.doc
    if end < len(doc) and doc[end].lower_ in {"and", "or"}:
        return True
    return end + 1 < len(doc) and doc[end].text == "," and _is_place(ctx, ctx.at(end + 1)) and not (
        ctx.at(end + 1) is not None and top_class(ctx.at(end + 1)) in (COUNTRY, ADMIN_AREA))  # type: ignore[arg-type]
