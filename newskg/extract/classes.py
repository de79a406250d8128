"""Class votes: what kind of thing a name chunk names, from its words, its neighbours and spaCy.

Extract stage, used by ``names``: a name chunk (a token range of the ``Doc``) goes in; a ``Cand``
comes out with votes for Person, a kind of body or a kind of place. Head words ("Ministry",
"village"), the words around the name ("the village of X", "X, 29,", "ACME spokesperson"),
known countries and subdivisions and spaCy's entity labels each add a weighted vote.
"""

from __future__ import annotations

from newskg.aliases import subdivision_exact
from newskg.extract.chunks import SPACY_VOTES, is_cap
from newskg.extract.countries import country_code, is_city, is_country_name
from newskg.extract.doc import Cand, Ctx, fold
from newskg.extract.lexicon import (
    INTERNATIONAL_ACRONYMS,
    INTERNATIONAL_STARTS,
    MEDIA_INNER,
    ORG_HEADS,
    ORG_INNER,
    PLACE_KEYWORD_PHRASES,
    PLACE_KEYWORDS,
    ROLE_WORDS,
)
from newskg.extract.people import person_weight
from newskg.models import (
    ADMIN_AREA,
    COUNTRY,
    GOVERNMENT_BODY,
    INTERNATIONAL_ORG,
    MEDIA_OUTLET,
    ORGANIZATION,
    PERSON,
    PLACE,
    PLACE_CLASSES,
    SETTLEMENT,
)

GROUP_NAMES = ("islamic state", "boko haram", "hamas", "hezbollah", "taliban", "al-qaeda", "al-shabaab", "wagner")
# Nouns that say what kind of body a name is, in an apposition ("X, the national clearance operator")
APPOSITION_BODIES = frozenset("operator charity ngo firm contractor provider nonprofit non-profit watchdog "
                              "broadcaster group organisation organization".split())
# Staff words that follow the body they work for ("ACME spokesperson Jane Doe"); not "governor" or
# "mayor", which follow a place.
STAFF_WORDS = frozenset(
    "spokesperson spokesman spokeswoman vice-president president director director-general deputy worker "
    "workers employee employees official officials deminer deminers engineer engineers driver operator "
    "correspondent reporter chairman chairwoman chief executive".split()
)
# Offices of a town or a region: "the mayor of X" names a place.
LOCAL_OFFICES = {**dict.fromkeys("mayor councillor councilor alderman".split(), SETTLEMENT),
                 **dict.fromkeys("governor administrator prefect".split(), ADMIN_AREA)}
# Lower-case heads written after a bare name and part of it: "the Tembra camp", "Polvo junction",
# "the Ostrava cartel" (a town's own name stays the town's: "a Harbourton market" is the town).
NAME_TAILS = {
    **dict.fromkeys("camp camps market junction forest crossing roundabout".split(), PLACE),
    **dict.fromkeys("sector".split(), ADMIN_AREA),
    **dict.fromkeys("cartel clan gang front".split(), ORGANIZATION),
}
NAME_TAIL_PHRASES = {("polling", "centre"): PLACE, ("polling", "center"): PLACE, ("polling", "station"): PLACE}


def name_tail(doc, end: int) -> tuple[str, int] | None:
    """The class and length of a lower-case head that completes the name ending at ``end``."""
    if end >= len(doc) or not doc[end].is_lower:
        return None
    if end + 1 < len(doc) and (doc[end].lower_, doc[end + 1].lower_) in NAME_TAIL_PHRASES:
        return NAME_TAIL_PHRASES[(doc[end].lower_, doc[end + 1].lower_)], 2
    if doc[end].lower_ in NAME_TAILS:
        return NAME_TAILS[doc[end].lower_], 1
    return None


PERSON_APPOSITION_NOUNS = frozenset(
    "man woman boy girl farmer driver soldier deminer teenager child victim father mother son daughter "
    "brother sister husband wife resident passenger worker nurse officer journalist civilian".split()
)


def _head_before_field(words: list[str]) -> str | None:
    """The head of a body named "<head> of/for <field>": the word before the first "of"/"for"."""
    for k, w in enumerate(words[1:], 1):
        if w in {"of", "for"}:
            return words[k - 1]
    return None


def org_class(text: str, last: str) -> tuple[str, float] | None:
    low = fold(text)
    words = low.replace("-", " ").split()
    if low.startswith(GROUP_NAMES):
        return ORGANIZATION, 4.0
    if low.startswith(INTERNATIONAL_STARTS) or text in INTERNATIONAL_ACRONYMS:
        return INTERNATIONAL_ORG, 4.0
    if last == "agency" and MEDIA_INNER & set(words):
        return MEDIA_OUTLET, 4.0
    if len(words) > 2 and words[0] in {"ministry", "department"} and words[1] in {"of", "for"}:
        return GOVERNMENT_BODY, 3.0  # "Department of Agriculture, Fisheries and Forestry"
    for w in words:
        if w in {"hospital", "clinic", "clinical", "university", "school", "company", "corporation"}:
            return ORGANIZATION, 3.0
    if "police" in words:
        return GOVERNMENT_BODY, 3.0  # "State Police Command", "Police District Office 4": a state's police
    head = _head_before_field(words)
    if last not in ORG_HEADS and head in ORG_HEADS:
        return ORG_HEADS[head], 3.0  # "Executive Secretariat of the X System", "Grand Assembly of Y"
    if last in ORG_HEADS:
        return ORG_HEADS[last], 3.0
    for w in words:
        if w in ORG_INNER:
            if w in {"news", "television"}:
                return MEDIA_OUTLET, 2.0
            return ORG_HEADS.get(w, ORGANIZATION), 2.0
    return None


def classify_chunk(ctx: Ctx, start: int, end: int) -> Cand:
    """Vote on the class of a name chunk from its words, its neighbours and spaCy."""
    doc = ctx.doc
    span = doc[start:end]
    text = span.text
    last = doc[end - 1].lower_
    cand = Cand(start, end, PERSON, 0.0)
    code = country_code(text)
    if code and (is_country_name(text) or end - start > 1):
        cand.cls, cand.weight = COUNTRY, 6.0
        cand.canonical = None
        return cand
    org = org_class(text, last)
    if org:
        cand.cls, cand.weight = org
    elif last in PLACE_KEYWORDS and end - start > 1:
        cand.cls, cand.weight = PLACE_KEYWORDS[last], 3.0
        cand.keyword = last
    elif fold(text).endswith(tuple(PLACE_KEYWORD_PHRASES)):
        cand.cls, cand.weight = ADMIN_AREA, 3.0
    # the word after or before: "X village", "the village of X", "X, 29,"
    nxt = doc[end] if end < len(doc) else None
    if nxt is not None and nxt.lower_ in PLACE_KEYWORDS and not is_cap(nxt):
        cand.vote(PLACE_KEYWORDS[nxt.lower_], 6.0)
        cand.keyword = nxt.lower_
        if PLACE_KEYWORDS[nxt.lower_] == PLACE:
            cand.end += 1
    tail = name_tail(doc, end)
    if tail is not None and not (is_city(text) or country_code(text) or subdivision_exact(text)):
        cand.vote(tail[0], 6.0)  # "Tembra camp", "the Ostrava cartel": the name and its lower-case head
        cand.end = end + tail[1]
    if nxt is not None and nxt.lower_ in {"news", "newspaper", "television", "channel", "broadcaster", "daily"} and not is_cap(nxt):
        cand.vote(MEDIA_OUTLET, 3.0)
    if nxt is not None and not is_cap(nxt) and not org:
        after = doc[end + 1] if end + 1 < len(doc) else None
        # "ACME spokesperson Jane Doe", "ACME workers John Doe": a body's staff named after it
        if nxt.lower_ in STAFF_WORDS and after is not None and is_cap(after):
            cand.vote(ORGANIZATION, 1.5)
        # "the ACME construction company", "ACME company"
        elif ORG_HEADS.get(nxt.lower_) == ORGANIZATION or (
                after is not None and nxt.pos_ in {"NOUN", "ADJ"} and ORG_HEADS.get(after.lower_) == ORGANIZATION
                and start >= 1 and doc[start - 1].lower_ == "the"):
            cand.vote(ORGANIZATION, 2.0)
    if end - start == 1 and text.isupper() and text.isalpha() and 2 <= len(text) <= 6:
        cand.vote(ORGANIZATION, 0.75)  # an acronym
    if nxt is not None and nxt.lower_ in {"local"} and fold(doc[end:end + 3].text) == "local government area":
        cand.vote(ADMIN_AREA, 3.0)
    if nxt is not None and nxt.text == "," and end + 2 < len(doc) and doc[end + 1].lower_ in {"a", "the"}:
        # "Ban X, a village near …", "X, the national clearance operator,": the apposition's head noun
        for k in range(end + 2, min(len(doc), end + 6)):
            low = doc[k].lower_
            compound = k + 1 < len(doc) and (doc[k + 1].pos_ == "NOUN" and doc[k + 1].is_lower or doc[k + 1].text in {"'s", "’s"})
            if low in PLACE_KEYWORDS and PLACE_KEYWORDS[low] != PLACE and not compound:
                # (not "X, the district police officer", "X, the region's capital": the keyword is another's)
                cand.vote(PLACE_KEYWORDS[low], 6.0)
                cand.keyword = cand.keyword or low
                break
            if (low in APPOSITION_BODIES or ORG_HEADS.get(low) == ORGANIZATION) and not org:
                cand.vote(ORGANIZATION, 3.0)
                break
            if doc[k].pos_ not in {"ADJ", "NOUN"} or is_cap(doc[k]):
                break
    # "a rural area of X", "west of X", "the outskirts of X": a place
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in {
            "area", "outskirts", "vicinity", "part", "north", "south", "east", "west", "northeast", "northwest",
            "southeast", "southwest", "north-east", "north-west", "south-east", "south-west", "centre", "center"}:
        cand.vote(SETTLEMENT if doc[start - 2].lower_ not in {"area", "part"} else PLACE, 3.0)
    # "the mayor of X, Jane Doe,": the place a local office serves
    if (not org and not cand.keyword and last not in PLACE_KEYWORDS and start >= 2 and doc[start - 1].lower_ in {"of", "for"}
            and doc[start - 2].lower_ in LOCAL_OFFICES and nxt is not None and nxt.text == ","
            and end + 1 < len(doc) and is_cap(doc[end + 1])):
        cand.vote(LOCAL_OFFICES[doc[start - 2].lower_], 3.0)
    # the name of a first-level area of some country (ISO 3166-2), written as is
    if not org and end - start <= 3 and subdivision_exact(text) and not is_city(text):
        cand.vote(ADMIN_AREA, 2.0)
    # towns, by what happens in them: "taken to hospital in X", "transport from X to Y"
    if start >= 2 and doc[start - 1].lower_ == "in" and doc[start - 2].lower_ in {"hospital", "clinic", "morgue"}:
        cand.vote(SETTLEMENT, 3.0)
    if start >= 1 and doc[start - 1].lower_ == "from" and nxt is not None and nxt.lower_ == "to" and end + 1 < len(doc) and is_cap(doc[end + 1]):
        cand.vote(SETTLEMENT, 3.0)
    if start >= 1 and doc[start - 1].lower_ in {"capital", "town", "city", "village"} and not is_cap(doc[start - 1]):
        cand.vote(SETTLEMENT, 4.0)  # "the provincial capital X", "the town X"
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in PLACE_KEYWORDS and doc[start - 2].lower_ != "capital" and (
            start < 3 or not is_cap(doc[start - 3]) and doc[start - 3].lower_ != "of"):  # not "heads of state of X"
        cand.vote(PLACE_KEYWORDS[doc[start - 2].lower_], 6.0)
        cand.keyword = cand.keyword or doc[start - 2].lower_
    if nxt is not None and nxt.text == "," and end + 2 < len(doc):
        after = doc[end + 1]
        if after.like_num and doc[end + 2].text in {",", ".", ";"} and after.text.isdigit() and int(after.text) < 120:
            cand.vote(PERSON, 3.0)
        if after.lower_ == "born":
            cand.vote(PERSON, 3.0)
    if start >= 1 and (doc[start - 1].text.endswith("-old") or (doc[start - 1].lower_ == "old" and start >= 2 and doc[start - 2].text == "-")):
        cand.vote(PERSON, 3.0)
    if (start >= 1 and doc[start - 1].is_lower and doc[start - 1].lower_ in ROLE_WORDS and not org
            and doc[start - 1].lower_ not in PLACE_KEYWORDS and end - start >= 2):
        cand.vote(PERSON, 2.0)  # "the spokeswoman Jane Doe": a role's holder
    if start >= 2 and doc[start - 1].text == "," and doc[start - 2].lower_ in PERSON_APPOSITION_NOUNS:
        cand.vote(PERSON, 2.0)
    if nxt is not None and nxt.lower_ in {"said", "told", "says", "wrote", "added", "noted", "stressed"} and end - start >= 2:
        cand.vote(PERSON, 0.5)
    # spaCy's entities that overlap the chunk's first token or start inside it: one vote each
    for k in range(start, end):
        tok = doc[k]
        if tok.ent_type_ and (k == start or tok.ent_iob_ == "B"):
            vote = SPACY_VOTES.get(tok.ent_type_)
            if vote:
                cand.vote(vote, 1.0)
    if is_city(text) and not org:
        cand.vote(SETTLEMENT, 1.5)
    if not org and not cand.keyword:
        _context_votes(cand, doc, start, end)
    return cand


# Prepositions after which a bare name is where something happens: "in X", "near X", "off X".
PLACE_PREPOSITIONS = frozenset("in near off outside between toward towards from".split())


def place_by_preposition(doc, start: int, end: int) -> bool:
    """"killed in X", "a strike near X", "boats off X": a name after a preposition of place."""
    if start < 1 or doc[start - 1].lower_ not in PLACE_PREPOSITIONS or doc[start - 1].text[0].isupper():
        return False
    nxt = doc[end].text if end < len(doc) else ""
    return nxt not in {"'s", "’s"}


def place_by_possessive(doc, start: int, end: int) -> bool:
    """"X's Y district", "X's old town": a name that owns a district or a town is a place."""
    if end + 2 >= len(doc) or doc[end].text not in {"'s", "’s"}:
        return False
    for k in range(end + 1, min(len(doc), end + 5)):
        low = doc[k].lower_
        if low in PLACE_KEYWORDS and PLACE_KEYWORDS[low] != PLACE and not is_cap(doc[k]):
            return True
        if not is_cap(doc[k]) and doc[k].pos_ != "ADJ":
            return False
    return False


def _context_votes(cand: Cand, doc, start: int, end: int) -> None:
    """Votes from the name's words and neighbours that the head-word rules leave open."""
    person = person_weight(doc, start, end)
    if person:
        cand.vote(PERSON, person)
    # only where nothing yet says what kind of place: a town's and a district's votes stay as they are
    elif not any(cand.evidence.get(k) for k in PLACE_CLASSES):
        if place_by_preposition(doc, start, end):
            cand.vote(SETTLEMENT, 1.5)
        if place_by_possessive(doc, start, end):
            cand.vote(SETTLEMENT, 2.0)
