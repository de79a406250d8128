"""Place phrases: the words between two place names that say one lies in the other.

Stage: extract, used by ``places`` and ``placelists``. In: the context (``Ctx``) and a token index.
Out: the place a phrase starting there names ("in the northern Y province", "Y's X district"), or
the token where the outer place starts after "X," ("a village in Y", "located in Y", "30 km south
of Z, in Y"); no pairs of its own.
"""

from __future__ import annotations

from newskg.extract.doc import Cand, Ctx
from newskg.extract.lexicon import LOCATING_WORDS, PLACE_KEYWORDS
from newskg.extract.placeclass import is_place as _is_place

__all__ = ["QUALIFIERS", "PARTS", "APPOSITION_HEADS", "COMPASS", "ALSO", "POSSESSIVE", "PART_NOUNS", "SURROUNDS",
           "CAPITAL_OF", "place_after", "beside", "apposition", "aside_end", "measured_from", "end_with_keyword",
           "is_camp", "is_subject"]

# Words a writer puts between "in" and a place without changing which place it is:
# "in the northern province of X", "in central X", "in the neighbouring X department".
QUALIFIERS = frozenset(
    "the a an northern southern eastern western central north south east west northeast northwest southeast "
    "southwest north-eastern north-western south-eastern south-western north-east north-west south-east "
    "south-west upper lower neighbouring neighboring nearby restive remote rural coastal mountainous "
    "far far-eastern far-western greater downtown".split())
# Parts of a place named after "of": "in the north of X", "on the outskirts of X".
PARTS = frozenset("north south east west northeast northwest southeast southwest north-east north-west south-east "
                   "south-west centre center heart outskirts edge part parts suburbs".split())
# Heads of an apposition that places a town in what follows: "X, a village in Y", "X, the capital of Y".
APPOSITION_HEADS = frozenset({"capital", "centre", "center", "seat", "part"})
# Words of direction that make "Northeast X" a part of X.
COMPASS = frozenset("north south east west northeast northwest southeast southwest north-east north-west south-east "
                     "south-west northern southern eastern western upper".split())
# Words that say the place before them is one of those named in the next place: "X, also in Y".
ALSO = frozenset({"also", "both", "all"})
POSSESSIVE = {"'s", "’s"}
# Nouns after a name that make it a part of the place named next: "the X area of Y", "the X camp in Y".
PART_NOUNS = frozenset("area areas zone quarter camp countryside outskirts suburb suburbs sector".split())
# Nouns after a place that make it the land around or beside a town: "near X in the western Y countryside".
SURROUNDS = frozenset("countryside outskirts suburbs hinterland area".split())
# Adjectives of a place keyword before "capital": "X, the provincial capital", "the state capital X".
CAPITAL_OF = {"state": "state", "provincial": "province", "province": "province", "regional": "region",
               "region": "region", "district": "district", "county": "county", "departmental": "department",
               "prefectural": "prefecture", "oblast": "oblast", "regency": "regency", "governorate": "governorate"}


def place_after(ctx: Ctx, i: int) -> tuple[Cand | None, int]:
    """The place starting at token i, past qualifiers ("the northern", "the province of"),
    following "'s" chains to the head."""
    doc = ctx.doc
    stop = min(len(doc), i + 6)
    while i < stop and ctx.at(i) is None:
        low = doc[i].lower_
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if ((low in PLACE_KEYWORDS or low in APPOSITION_HEADS or low in PARTS and _after_the(doc, i))
                and nxt is not None and nxt.lower_ == "of"):
            i += 2  # "the province of X", "the capital of X", "the north of X" (but "north of X" is outside X)
        elif low in PLACE_KEYWORDS and nxt is not None and nxt.text in POSSESSIVE and i > 0 and doc[i - 1].lower_ == "the":
            i += 2  # "in the region's X district": X (the region is found by ``_referring_areas``)
        elif low in QUALIFIERS or low in {"-", "–"} or doc[i].pos_ == "ADJ" and not doc[i].is_title:
            i += 1  # "the northern", "south-western", "Y's busy X area"
        elif low in APPOSITION_HEADS and nxt is not None and (nxt.text == "," or ctx.at(nxt.i) is not None):
            i += 1 + (nxt.text == ",")  # "Y's capital, X"
        else:
            break
    c = ctx.at(i)
    if not _is_place(ctx, c):
        return None, i
    assert c is not None
    j = end_with_keyword(ctx, c)
    if j + 1 < len(doc) and doc[j].text in POSSESSIVE:
        inner, k = place_after(ctx, j + 1)  # "in Y's northern X state": X, which the text puts in Y
        if inner is not None:
            return inner, k
    return c, j


def _after_the(doc, i: int) -> bool:
    """Token i follows "the", maybe with a qualifier between: "the outskirts of X", "the northern
    edge of X" (inside X), not "north of X" (outside it)."""
    k = i - 1
    if k >= 1 and doc[k].lower_ in QUALIFIERS and doc[k].lower_ != "the":
        k -= 1
    return k >= 0 and doc[k].lower_ == "the"


def beside(ctx: Ctx, j: int) -> int | None:
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
        m = k + 2 + (doc[k + 2].lower_ in QUALIFIERS)
        if m + 1 < len(doc) and doc[m].lower_ in PARTS and doc[m + 1].lower_ == "of":
            return k + 1
    return None


def apposition(ctx: Ctx, j: int) -> int | None:
    """After "X," the token where the outer place starts in "a fishing village in Y", "the capital of
    the Y province", "also in Y", "in the neighbouring Y department"; None if the words do not say so."""
    doc = ctx.doc
    k = j
    if k < len(doc) and doc[k].lower_ in ALSO:
        k += 1
    while k < min(len(doc), j + 4) and doc[k].lower_ in LOCATING_WORDS:
        k += 1  # "X, which is located in Y", "X lies in Y"
    if k < len(doc) and doc[k].lower_ == "in":
        return k + 1
    if k + 1 < len(doc) and doc[k].lower_ in APPOSITION_HEADS and doc[k + 1].lower_ == "of":
        return k + 2  # "X, capital of Y"
    if k >= len(doc) or doc[k].lower_ not in {"a", "an", "the"}:
        return None
    for m in range(k + 1, min(len(doc), k + 5)):
        low = doc[m].lower_
        if ctx.at(m) is not None or not doc[m].is_alpha:
            return None
        if (low in PLACE_KEYWORDS or low in APPOSITION_HEADS) and m + 1 < len(doc) and doc[m + 1].lower_ in {"in", "of"}:
            size = _size_end(doc, m + 1)  # "a town of 20,000 people in Y"
            return size + 1 if size is not None else m + 2
    return None


# Words for the people of a place after a number: "a town of 20,000 people in Y".
_DWELLERS = frozenset("people inhabitants residents souls households families".split())
# Words that open an aside on a place's distance or size: "X, 30 km south of Y, in Z", "X, home to ...".
_ASIDE_OPENERS = frozenset("about some around roughly nearly almost just home".split())
_DISTANCE_UNITS = frozenset("km kilometres kilometers kilometre kilometer miles mile".split())


def _size_end(doc, i: int) -> int | None:
    """At "of" in "a town of (about) 20,000 people in Y": the index of "in", else None."""
    k = i + 1
    while k < min(len(doc), i + 4) and doc[k].lower_ in _ASIDE_OPENERS:
        k += 1
    if k + 2 < len(doc) and doc[i].lower_ == "of" and doc[k].like_num and doc[k + 1].lower_ in _DWELLERS and doc[k + 2].lower_ == "in":
        return k + 2
    return None


def aside_end(doc, i: int) -> int | None:
    """At the token after "X," that opens "30 km south of Y," or "home to 5,000 people,": the
    index after the aside's closing comma, else None."""
    if i >= len(doc) or not (doc[i].like_num or doc[i].lower_ in _ASIDE_OPENERS):
        return None
    for k in range(i + 1, min(len(doc), i + 12)):
        if doc[k].text == ",":
            words = {t.lower_ for t in doc[i:k]}
            if words & _DISTANCE_UNITS or doc[i].lower_ == "home" and words & _DWELLERS:
                return k + 1
            return None
        if doc[k].text in {".", ";", "(", ")"}:
            return None
    return None


def measured_from(doc, c: Cand) -> bool:
    """c is the place a distance is measured from: "30 km south of X", "about 40 km from X"."""
    k = c.start - 1
    if k < 1 or doc[k].lower_ not in {"of", "from"}:
        return False
    k -= doc[k - 1].lower_ in COMPASS
    return any(t.lower_ in _DISTANCE_UNITS for t in doc[max(0, k - 3):k])


def end_with_keyword(ctx: Ctx, c: Cand) -> int:
    j = c.end
    doc = ctx.doc
    if j < len(doc) and c.keyword and doc[j].lower_ == c.keyword:
        j += 1
    return j


def is_camp(ctx: Ctx, c: Cand) -> bool:
    """A camp's name: "X camp", "the X camp"."""
    after = ctx.doc[c.end].lower_ if c.end < len(ctx.doc) else ""
    return "camp" in (c.text.rsplit(" ", 1)[-1].lower(), after)


def is_subject(c: Cand, doc) -> bool:
    """The name is the subject of its clause: "X is a town in Y", "X lies in Y"."""
    return any(t.dep_ in {"nsubj", "nsubjpass"} for t in doc[c.start:c.end])
