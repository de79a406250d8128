"""Places: which named place lies in which, from the phrases news English uses for it.

"X village of Y district", "the village of X in the Y district", "Y region's X district",
"Country's Y province", "X, in the Y district", "X village, Y commune, Z district"; and an
administrative area with nothing around it lies in the country the article is about.
"""

from __future__ import annotations

from collections import Counter

from newskg.extract.countries import country_code, demonym_country, place_country
from newskg.extract.doc import Cand, Ctx
from newskg.extract.lexicon import ADMIN_LEVEL
from newskg.models import ADMIN_AREA, COUNTRY, PLACE, PLACE_CLASSES, SETTLEMENT


def top_class(c: Cand) -> str:
    return max(c.evidence, key=lambda k: (c.evidence[k], k)) if c.evidence else c.cls


def _rank(c: Cand) -> int:
    """Smaller is inner: settlement 0, sub-district 1, district 2, region 3, country 5."""
    cls = top_class(c)
    if cls == COUNTRY:
        return 5
    if cls == SETTLEMENT:
        return 0
    if cls == ADMIN_AREA:
        level = ADMIN_LEVEL.get(c.keyword or "", 2)
        return {3: 1, 2: 2, 1: 3}.get(level, 2)
    return 1  # roads, rivers: inside whatever area is named next


def _is_place(c: Cand | None) -> bool:
    return c is not None and not c.nominal and top_class(c) in PLACE_CLASSES


def _place_after(ctx: Ctx, i: int) -> tuple[Cand | None, int]:
    """The place starting at token i (after an optional "the"), following "'s" chains to the head."""
    doc = ctx.doc
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    c = ctx.at(i)
    if not _is_place(c):
        return None, i
    assert c is not None
    j = c.end
    if j < len(doc) and c.keyword and doc[j].lower_ == c.keyword:
        j += 1
    if j + 1 < len(doc) and doc[j].text in {"'s", "’s"}:
        inner = ctx.at(j + 1)
        if _is_place(inner):
            return inner, j + 1
    return c, j


def _end_with_keyword(ctx: Ctx, c: Cand) -> int:
    j = c.end
    doc = ctx.doc
    if j < len(doc) and c.keyword and doc[j].lower_ == c.keyword:
        j += 1
    return j


def find_located_in(ctx: Ctx) -> list[tuple[int, int, int, int]]:
    """Pairs (inner id, outer id, start char, end char) the text states."""
    doc = ctx.doc
    pairs: list[tuple[int, int, int, int]] = []

    def add(inner: Cand, outer: Cand) -> None:
        if inner.id == outer.id or _rank(inner) >= _rank(outer):
            return
        start = min(inner.char_start, outer.char_start)
        end = max(inner.char_end, outer.char_end)
        pairs.append((inner.id, outer.id, start, end))

    for c in ctx.cands:
        if not _is_place(c):
            continue
        j = _end_with_keyword(ctx, c)
        # possessive: "Georgia's Gori district", "the country's Lori province"
        if j + 1 < len(doc) and doc[j].text in {"'s", "’s"}:
            inner = ctx.at(j + 1) if ctx.at(j + 1) is not None else ctx.at(j + 2)
            if _is_place(inner):
                assert inner is not None
                add(inner, c)
        if j >= len(doc):
            continue
        nxt = doc[j].lower_
        if nxt in {"of", "in"} or (nxt == "," and j + 1 < len(doc) and doc[j + 1].lower_ == "in"):
            k = j + 1 if nxt != "," else j + 2
            outer, _ = _place_after(ctx, k)
            if outer is not None and (nxt != "of" or c.keyword):
                add(c, outer)
        elif nxt == ",":
            outer, _ = _place_after(ctx, j + 1)
            if outer is not None and (outer.keyword in ADMIN_LEVEL or top_class(outer) == COUNTRY):
                add(c, outer)
    _the_country(ctx, pairs)
    return _home(ctx, pairs)


def _the_country(ctx: Ctx, pairs: list[tuple[int, int, int, int]]) -> None:
    """"the country's X district": the country last named or implied by a demonym."""
    doc = ctx.doc
    for tok in doc:
        if tok.lower_ != "country" or tok.i + 2 >= len(doc) or doc[tok.i + 1].text not in {"'s", "’s"}:
            continue
        inner = ctx.at(tok.i + 2) or ctx.at(tok.i + 3)
        if not _is_place(inner):
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


def _home(ctx: Ctx, pairs: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Top administrative areas lie in the article's country."""
    if ctx.home_country is None:
        return pairs
    has_outer = {p[0] for p in pairs}
    country = next((c for c in ctx.cands if top_class(c) == COUNTRY and country_code(c.text) == ctx.home_country), None)
    for c in ctx.cands:
        if c.nominal or c.id in has_outer or top_class(c) != ADMIN_AREA:
            continue
        code = c.outer_country or ctx.home_country
        target = country if code == ctx.home_country else next(
            (x for x in ctx.cands if top_class(x) == COUNTRY and country_code(x.text) == code), None)
        if target is None:
            target = ctx.add(Cand(c.start, c.start, COUNTRY, 1.0, text=_country_label(code)))
            if code == ctx.home_country:
                country = target
        pairs.append((c.id, target.id, c.char_start, c.char_end))
        has_outer.add(c.id)
    return pairs


def _country_label(code: str) -> str:
    from newskg.extract.countries import country_name

    return country_name(code)


__all__ = ["find_located_in", "home_country", "top_class", "PLACE"]
