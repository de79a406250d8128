"""Names: find the named people, bodies and places of an article and the evidence for their class.

News English writes names in title case, glues titles and roles to them ("Spokesperson for the
Foreign Ministry Jane Doe"), types places with keywords ("X village of Y district", "the
village of X") and introduces acronyms in parentheses. These rules find such name chunks, split
role + organisation + person, and vote for a class; spaCy's NER labels are one vote among several.
"""

from __future__ import annotations

from spacy.tokens import Token

from newskg.aliases import subdivision_exact
from newskg.extract.countries import (
    country_code,
    country_name,
    demonym_country,
    is_city,
    is_country_name,
    place_country,
)
from newskg.extract.credits import chrome_lines, find_credits
from newskg.extract.doc import Cand, Ctx, RolePhrase, fold
from newskg.extract.lexicon import (
    HONORIFICS,
    INTERNATIONAL_ACRONYMS,
    INTERNATIONAL_STARTS,
    MEDIA_INNER,
    MINISTRY_OF,
    NOT_NAMES,
    ORG_HEADS,
    ORG_INNER,
    PLACE_KEYWORD_PHRASES,
    PLACE_KEYWORDS,
    ROLE_MODIFIERS,
    ROLE_WORDS,
)
from newskg.extract.places import top_class
from newskg.extract.titles import (
    glued_hyphen,
    is_honorific,
    is_title_word,
    role_text,
    title_end,
    title_start,
    word,
)
from newskg.models import (
    ADMIN_AREA,
    ARMED_FORCES,
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

CONNECTORS = frozenset("of for and de del la da do du dos das van von der den bin ibn al el & / in".split())
GROUP_NAMES = ("islamic state", "boko haram", "hamas", "hezbollah", "taliban", "al-qaeda", "al-shabaab", "wagner")
NOMINAL_HEADS = {
    "ministry": GOVERNMENT_BODY, "agency": GOVERNMENT_BODY, "cell": GOVERNMENT_BODY, "committee": GOVERNMENT_BODY,
    "service": GOVERNMENT_BODY, "administration": GOVERNMENT_BODY, "authority": GOVERNMENT_BODY,
    "office": GOVERNMENT_BODY, "directorate": GOVERNMENT_BODY, "commission": GOVERNMENT_BODY,
    "centre": GOVERNMENT_BODY, "center": GOVERNMENT_BODY, "mission": GOVERNMENT_BODY, "embassy": GOVERNMENT_BODY,
    "army": ARMED_FORCES, "military": ARMED_FORCES, "company": ORGANIZATION, "police": GOVERNMENT_BODY,
    "department": GOVERNMENT_BODY, "council": GOVERNMENT_BODY, "organisation": ORGANIZATION,
    "organization": ORGANIZATION, "brigade": ARMED_FORCES, "division": ARMED_FORCES,
}
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
# Words of a web page's furniture that open no name ("UPDATE 2:", "Photo:", "By …", "QUESTION:").
PAGE_WORDS = frozenset("update updated question answer photo picture by reporting editing published posted "
                       "listen watch".split())
# Time zones written after a clock time ("07:45 EAT"): not bodies.
TIME_ZONES = frozenset("GMT UTC CET CEST EET EEST WET WEST EAT CAT WAT SAST EST EDT CST CDT MST MDT PST PDT "
                       "IST PKT BST MSK JST KST AEST AEDT ICT WIB AST GST".split())
SPACY_VOTES = {"PERSON": PERSON, "ORG": ORGANIZATION, "GPE": SETTLEMENT, "LOC": PLACE, "FAC": PLACE}
FORCE_NOUNS = frozenset("forces troops army military contingent peacekeepers".split())
MISSION_NOUNS = {"embassy": "Embassy", "mission": "Mission", "consulate": "Consulate"}
PERSON_APPOSITION_NOUNS = frozenset(
    "man woman boy girl farmer driver soldier deminer teenager child victim father mother son daughter "
    "brother sister husband wife resident passenger worker nurse officer journalist civilian".split()
)


def _is_cap(tok: Token) -> bool:
    t = tok.text
    return bool(t) and t[0].isalpha() and t[0].isupper()


def _glued(tok: Token) -> bool:
    """A hyphen or slash inside a word ("Sava-Drina", "al-Rawi", "UXO/Mine")."""
    doc = tok.doc
    return (
        tok.text in {"-", "/", "–"}
        and not tok.whitespace_
        and tok.i > 0
        and not doc[tok.i - 1].whitespace_
        and tok.i + 1 < len(doc)
    )


def _starts_sentence(tok: Token) -> bool:
    if tok.is_sent_start or tok.i == 0:
        return True
    prev = tok.doc[tok.i - 1]
    return prev.text in {"“", '"', "‘", ":", "(", "—", "–"} or "\n" in prev.text


def _can_start(tok: Token) -> bool:
    if not _is_cap(tok) or tok.lower_ in NOT_NAMES or tok.lower_ in PAGE_WORDS or tok.text in TIME_ZONES:
        return False
    if _starts_sentence(tok):
        if tok.lower_ in ROLE_WORDS or tok.lower_ in ROLE_MODIFIERS:
            return True
        return (tok.pos_ == "PROPN" or tok.ent_type_ in SPACY_VOTES or (tok.is_alpha and tok.is_upper and len(tok) >= 2) or country_code(tok.text) is not None
                or demonym_country(tok.text) is not None or is_city(tok.text))
    return True


def _chunk_end(doc, i: int, limit: int) -> int:
    j = i + 1
    while j < limit:
        tok = doc[j]
        if _is_cap(tok) and tok.lower_ not in NOT_NAMES - {"may"}:
            j += 1
        elif _glued(tok) and j + 1 < limit and doc[j + 1].text[:1].isalnum():
            j += 2
        elif tok.text in {"'s", "’s"} and j + 1 < limit and doc[j + 1].text in {"Office", "Service", "Department", "Bureau", "Court"}:
            j += 2
        elif tok.lower_ in {"al", "el"} and j + 2 < limit and _glued(doc[j + 1]) and _is_cap(doc[j + 2]):
            j += 3  # "Hamid al-Rawi"
        elif tok.lower_ in CONNECTORS and not tok.text[0].isupper():
            k = j + 1
            if k < limit and doc[k].lower_ == "the" and tok.lower_ in {"of", "for", "to"}:
                k += 1
            if k < limit and _is_cap(doc[k]) and doc[k].lower_ not in NOT_NAMES:
                if tok.lower_ == "in" and doc[j - 1].lower_ not in ORG_HEADS and doc[j - 1].lower_ != "sector":
                    break
                j = k
            else:
                break
        elif (tok.text in {'"', "“"} and j + 3 < limit and _is_cap(doc[j + 1]) and doc[j + 2].text in {'"', "”"}
              and _is_cap(doc[j + 3]) and doc[j - 1].is_alpha):
            j += 3  # a nickname inside a name: 'Jane "JD" Doe'
        elif tok.like_num and doc[j - 1].lower_ in {"route", "highway"}:
            j += 1
        else:
            break
    return j


def _split_and(doc, start: int, end: int) -> list[tuple[int, int]]:
    """Keep "and" inside a name only for one body or one country ("Bosnia and Herzegovina")."""
    ands = [k for k in range(start, end) if doc[k].lower_ == "and"]
    if not ands:
        return [(start, end)]
    whole = doc[start:end].text
    if doc[end - 1].lower_ in ORG_HEADS or is_country_name(whole):
        return [(start, end)]
    first = ands[0]
    if any((doc[k].lower_ in ORG_HEADS or doc[k].lower_ == "minister") and doc[k + 1].lower_ == "of"
           for k in range(start, first - 1)) and not any(doc[k].lower_ in {"of", "for"} for k in range(first + 1, first + 2)):
        return [(start, end)]  # "Ministry of Disaster Management and Relief", "Minister of Trade and Industry X"
    parts, s = [], start
    for k in ands:
        parts.append((s, k))
        s = k + 1
    parts.append((s, end))
    return [(a, b) for a, b in parts if b > a]


def _trim(doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].lower_ in {"the", "a", "an"} or (doc[start].lower_ in CONNECTORS and (
            not _is_cap(doc[start]) or end - start == 1 or doc[start].lower_ in {"of", "for", "and", "in"}))):
        if doc[start].lower_ in {"al", "el"} and start + 2 < end and _glued(doc[start + 1]):
            break  # "al-Shabaab": the article is part of the name
        start += 1
    while end > start and (doc[end - 1].lower_ in CONNECTORS or doc[end - 1].text in {"-", "/"}):
        end -= 1
    return start, end


def name_chunks(doc) -> list[tuple[int, int]]:
    """Token ranges of title-case name chunks, sentence by sentence."""
    chunks: list[tuple[int, int]] = []
    for sent in doc.sents:
        i = sent.start
        while i < sent.end:
            tok = doc[i]
            if _can_start(tok) or (tok.lower_ in {"al", "el"} and i + 1 < sent.end and _glued(doc[i + 1])):
                j = _chunk_end(doc, i, sent.end)
                for a, b in _split_and(doc, i, j):
                    a, b = _trim(doc, a, b)
                    if b > a:
                        chunks.append((a, b))
                i = j
            else:
                i += 1
    return chunks


def _is_role_token(tok: Token) -> bool:
    low = tok.lower_.rstrip(".")
    return low in ROLE_WORDS or low in ROLE_MODIFIERS or low in HONORIFICS or low in {"-"}


def _person_suffix(ctx: Ctx, start: int, end: int) -> int:
    """Where a person's name begins inside a chunk that may open with a title or a body."""
    doc = ctx.doc
    k = end
    while k > start:
        tok = doc[k - 1]
        low = tok.lower_
        if glued_hyphen(doc, k - 1) and k - 1 > start and k < end and not is_title_word(doc[k - 2]):
            k -= 1  # a hyphen inside a name ("Tavakkoli-Nejad")
            continue
        if (
            _is_role_token(tok) or is_title_word(tok) or low in ORG_HEADS or low in PLACE_KEYWORDS or low in CONNECTORS
            or low == "the" or is_country_name(tok.text) or demonym_country(tok.text)
            or (low in MINISTRY_OF and k - 2 >= start and doc[k - 2].lower_ in {"of", "for"})
        ):
            break
        k -= 1
    if start < k < end and doc[k].text not in {"-", "/"}:
        before = doc[k - 1]
        last = word(before)
        if end - k >= 2 and (is_title_word(before) or last in ORG_HEADS or last in MEDIA_INNER
                             or (last in MINISTRY_OF and doc[k - 2].lower_ in {"of", "for"})):
            return k
        if end - k >= 2 and is_title_word(doc[start]) and is_country_name(before.text):
            return k  # "Minister of Water of Paraguay Jane Doe"
        # one name after a title: "Lieutenant Colonel Haryadi", "President Doe"
        if end - k == 1 and is_title_word(before) and doc[k].is_alpha and doc[k].ent_type_ not in {"GPE", "LOC", "ORG"} \
                and not is_city(doc[k].text) and doc[k].lower_ not in PLACE_KEYWORDS:
            return k
    te = title_end(doc, start, end)
    if start < te and te + 3 < end and doc[te].lower_ in {"of", "for"} and _known_place(ctx, doc[te + 1].text) \
            and all(_is_cap(t) and t.is_alpha and t.lower_ not in PLACE_KEYWORDS and t.lower_ not in ORG_HEADS
                    for t in doc[te + 2:end]) and not _known_place(ctx, doc[te + 1:te + 3].text):
        return te + 2  # "Mayor of Harbour Jane Doe": the title, the place it serves, the holder
    for k in range(start + 1, end - 1):
        tok = doc[k]
        if tok.ent_iob_ == "B" and tok.ent_type_ == "PERSON" and not _is_role_token(tok):
            ent_end = k + 1
            while ent_end < len(doc) and doc[ent_end].ent_iob_ == "I":
                ent_end += 1
            if ent_end == end and doc[k - 1].lower_ not in CONNECTORS and (
                    _not_a_name(ctx, start, k) or title_end(doc, start, k) > start):
                return k
    return start


def _not_a_name(ctx: Ctx, start: int, end: int) -> bool:
    """Tokens that are a body or a place, so they do not begin a person's name ("ACME Corp")."""
    doc = ctx.doc
    text = doc[start:end].text
    return (any(t.lower_ in ORG_HEADS or t.lower_ in MEDIA_INNER for t in doc[start:end])
            or country_code(text) is not None or is_city(text) or bool(subdivision_exact(text)))


def _org_class(text: str, last: str) -> tuple[str, float] | None:
    low = fold(text)
    words = low.replace("-", " ").split()
    if low.startswith(GROUP_NAMES):
        return ORGANIZATION, 4.0
    if low.startswith(INTERNATIONAL_STARTS) or text in INTERNATIONAL_ACRONYMS:
        return INTERNATIONAL_ORG, 4.0
    if last == "agency" and MEDIA_INNER & set(words):
        return MEDIA_OUTLET, 4.0
    for w in words:
        if w in {"hospital", "clinic", "clinical", "university", "school", "company", "corporation"}:
            return ORGANIZATION, 3.0
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
    org = _org_class(text, last)
    if org:
        cand.cls, cand.weight = org
    elif last in PLACE_KEYWORDS and end - start > 1:
        cand.cls, cand.weight = PLACE_KEYWORDS[last], 3.0
        cand.keyword = last
    elif fold(text).endswith(tuple(PLACE_KEYWORD_PHRASES)):
        cand.cls, cand.weight = ADMIN_AREA, 3.0
    # the word after or before: "X village", "the village of X", "X, 29,"
    nxt = doc[end] if end < len(doc) else None
    if nxt is not None and nxt.lower_ in PLACE_KEYWORDS and not _is_cap(nxt):
        cand.vote(PLACE_KEYWORDS[nxt.lower_], 6.0)
        cand.keyword = nxt.lower_
        if PLACE_KEYWORDS[nxt.lower_] == PLACE:
            cand.end += 1
    if nxt is not None and nxt.lower_ in {"news", "newspaper", "television", "channel", "broadcaster", "daily"} and not _is_cap(nxt):
        cand.vote(MEDIA_OUTLET, 3.0)
    if nxt is not None and not _is_cap(nxt) and not org:
        after = doc[end + 1] if end + 1 < len(doc) else None
        # "ACME spokesperson Jane Doe", "ACME workers John Doe": a body's staff named after it
        if nxt.lower_ in STAFF_WORDS and after is not None and _is_cap(after):
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
            if low in PLACE_KEYWORDS and PLACE_KEYWORDS[low] != PLACE:
                cand.vote(PLACE_KEYWORDS[low], 6.0)
                cand.keyword = cand.keyword or low
                break
            if (low in APPOSITION_BODIES or ORG_HEADS.get(low) == ORGANIZATION) and not org:
                cand.vote(ORGANIZATION, 3.0)
                break
            if doc[k].pos_ not in {"ADJ", "NOUN"} or _is_cap(doc[k]):
                break
    # "a rural area of X", "west of X", "the outskirts of X": a place
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in {
            "area", "outskirts", "vicinity", "part", "north", "south", "east", "west", "northeast", "northwest",
            "southeast", "southwest", "north-east", "north-west", "south-east", "south-west", "centre", "center"}:
        cand.vote(SETTLEMENT if doc[start - 2].lower_ not in {"area", "part"} else PLACE, 3.0)
    # "the mayor of X, Jane Doe,": the place a local office serves
    if (not org and not cand.keyword and last not in PLACE_KEYWORDS and start >= 2 and doc[start - 1].lower_ in {"of", "for"}
            and doc[start - 2].lower_ in LOCAL_OFFICES and nxt is not None and nxt.text == ","
            and end + 1 < len(doc) and _is_cap(doc[end + 1])):
        cand.vote(LOCAL_OFFICES[doc[start - 2].lower_], 3.0)
    # the name of a first-level area of some country (ISO 3166-2), written as is
    if not org and end - start <= 3 and subdivision_exact(text) and not is_city(text):
        cand.vote(ADMIN_AREA, 2.0)
    # towns, by what happens in them: "taken to hospital in X", "transport from X to Y"
    if start >= 2 and doc[start - 1].lower_ == "in" and doc[start - 2].lower_ in {"hospital", "clinic", "morgue"}:
        cand.vote(SETTLEMENT, 3.0)
    if start >= 1 and doc[start - 1].lower_ == "from" and nxt is not None and nxt.lower_ == "to" and end + 1 < len(doc) and _is_cap(doc[end + 1]):
        cand.vote(SETTLEMENT, 3.0)
    if start >= 1 and doc[start - 1].lower_ in {"capital", "town", "city", "village"} and not _is_cap(doc[start - 1]):
        cand.vote(SETTLEMENT, 4.0)  # "the provincial capital X", "the town X"
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in PLACE_KEYWORDS and doc[start - 2].lower_ != "capital" and (
            start < 3 or not _is_cap(doc[start - 3])):
        cand.vote(PLACE_KEYWORDS[doc[start - 2].lower_], 6.0)
        cand.keyword = cand.keyword or doc[start - 2].lower_
    if nxt is not None and nxt.text == "," and end + 2 < len(doc):
        after = doc[end + 1]
        if after.like_num and doc[end + 2].text == "," and after.text.isdigit() and int(after.text) < 120:
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
    return cand


def _title_phrase(ctx: Ctx, start: int, end: int) -> bool:
    """A chunk that is a title with no holder named in it ("Deputy Spokesperson", "ACME
    Spokesperson", "Chief Veterinary Officer"): a role phrase waiting for its holder, no entity."""
    doc = ctx.doc
    inner = doc[start + 1:end - 1]
    if (end - start <= 4 and is_title_word(doc[start]) and is_title_word(doc[end - 1]) and not is_honorific(doc[end - 1])
            and all(t.is_alpha and t.lower_ not in ORG_HEADS and not _known_place(ctx, t.text) for t in inner)):
        ctx.roles.append(RolePhrase(role=role_text(doc[start:end]), org=None, start=start, end=end))
        return True  # "Chief Veterinary Officer", "Chief Medical Officer"
    if title_end(doc, start, end) == end and not is_honorific(doc[end - 1]):
        ctx.roles.append(RolePhrase(role=role_text(doc[start:end]), org=None, start=start, end=end))
        return True
    ts = title_start(doc, start, end, lambda t: _known_place(ctx, t) or country_code(t) is not None)
    if start < ts < end and doc[ts - 1].lower_ not in CONNECTORS and not is_honorific(doc[end - 1]):
        org = _body(ctx, start, ts)
        ctx.roles.append(RolePhrase(role=role_text(doc[ts:end]), org=org, start=start, end=end))
        return True
    return False


def _plain_name(doc, start: int, end: int) -> str:
    """A name without the nickname quoted inside it ("Jane \"JD\" Doe" -> "Jane Doe")."""
    out, quoted = [], False
    for tok in doc[start:end]:
        if tok.text in {'"', "“", "”"}:
            quoted = not quoted
            continue
        if not quoted:
            out.append(tok.text_with_ws)
    return "".join(out).strip()


def _body(ctx: Ctx, start: int, end: int) -> int:
    """The body (or place, or country) a title before a name belongs to."""
    text = ctx.doc[start:end].text
    code = country_code(text) or (demonym_country(text) if end - start == 1 else None)
    if code:
        return ctx.add(Cand(start, end, COUNTRY, 4.0, text=country_name(code) if not country_code(text) else "")).id
    return ctx.add(classify_chunk(ctx, start, end)).id


def _minister_body(ctx: Ctx, start: int, end: int) -> int:
    """"Minister of Water of the Republic of Ruritania" -> the country; "Minister of Higher
    Education" -> "Ministry of Higher Education"."""
    doc = ctx.doc
    for k in range(start + 1, end - 1):
        if doc[k].lower_ == "of":
            a = k + 1 + (doc[k + 1].lower_ == "the")
            code = country_code(doc[a:end].text) if a < end else None
            if code:
                return ctx.add(Cand(a, end, COUNTRY, 6.0, text=country_name(code) or "")).id
    return ctx.add(Cand(start, end, GOVERNMENT_BODY, 3.0, canonical=f"Ministry of {doc[start:end].text}")).id


def _role_text(tokens: list[Token]) -> str:
    words = [t.lower_.rstrip(".") for t in tokens if t.lower_.rstrip(".") not in HONORIFICS]
    return " ".join(words).replace(" - ", "-")


def _implied_ministry(ctx: Ctx, words: list[str], country: str | None) -> str | None:
    for w in words:
        if w in MINISTRY_OF:
            place = country_name(country) if country else None
            name = f"Ministry of {MINISTRY_OF[w]}"
            return f"{name} of {place}" if place else name
    return None


def _known_place(ctx: Ctx, text: str) -> bool:
    if subdivision_exact(text) or place_country(text):  # a region or a town of that name
        return True
    return any(c.text == text and max(c.evidence.values(), default=0) >= 3 and
               max(c.evidence, key=lambda k: (c.evidence[k], k)) in {ADMIN_AREA, SETTLEMENT} for c in ctx.cands)


def add_chunk(ctx: Ctx, start: int, end: int) -> None:
    """Split a chunk into title, body and person, and add its mentions and role phrase."""
    doc = ctx.doc
    # "ombudsman for Tolima Rosa Elena Duarte": the place a title serves, then the person
    if (end - start >= 3 and start >= 2 and doc[start - 1].lower_ in {"for", "of", "in"}
            and _is_role_token(doc[start - 2]) and _known_place(ctx, doc[start].text)
            and not any(t.lower_ in ORG_HEADS or t.lower_ in ORG_INNER for t in doc[start + 1:end])
            and all(t.is_alpha and _is_cap(t) for t in doc[start + 1:end])):
        ctx.add(Cand(start, start + 1, ADMIN_AREA, 2.0))
        add_chunk(ctx, start + 1, end)
        holder = ctx.at(start + 1)
        if holder is not None and not _org_class(holder.text, doc[holder.end - 1].lower_):
            holder.vote(PERSON, 2.0)  # a title's holder
        return
    split = _person_suffix(ctx, start, end)
    if split == start and _title_phrase(ctx, start, end):
        return
    if split == start:
        first = doc[start]
        if demonym_country(first.text) and end - start == 1:
            return  # an adjective of nationality, not a name
        k = start
        while k < end and _is_role_token(doc[k]) and doc[k].lower_ not in HONORIFICS:
            if k > start and doc[k].lower_ in ORG_HEADS:
                k = start  # "General Staff of …": a body's name, not a title
                break
            k += 1
        if start < k < end - 1 and doc[k].lower_ in {"of", "for"}:
            a = k + 1 + (doc[k + 1].lower_ == "the")
            if a < end:
                role = role_text(doc[start:k])
                if "minister" in role.split() and not any(t.lower_ in ORG_HEADS for t in doc[a:end]):
                    org_id: int | None = _minister_body(ctx, a, end)  # "The Minister of Water and Sanitation, X"
                else:
                    org_id = ctx.add(classify_chunk(ctx, a, end)).id
                ctx.roles.append(RolePhrase(role=role, org=org_id, start=start, end=end))
                return
        if first.lower_.rstrip(".") in HONORIFICS and end - start > 1:
            start += 1
        cand = classify_chunk(ctx, start, end)
        if cand.evidence or cand.weight:
            ctx.add(cand)
        return
    prefix_end = split
    while prefix_end > start and is_honorific(doc[prefix_end - 1]):
        prefix_end -= 1
    person = ctx.add(Cand(split, end, PERSON, 4.0, text=_plain_name(doc, split, end)))
    if prefix_end == start:
        return
    # the prefix: [demonym] title words [of|for [the]] [body], or [body['s]] title words
    k = start
    country = None
    if demonym_country(doc[start].text) and prefix_end - start > 1:
        country = demonym_country(doc[start].text)
        k = start + 1
    elif start >= 2 and doc[start - 1].text in {"'s", "’s"} and country_code(doc[start - 2].text):
        country = country_code(doc[start - 2].text)  # "Iceland's Foreign Minister Jon Arnason"
    t_end = title_end(doc, k, prefix_end)
    if t_end == k:
        ts = title_start(doc, k, prefix_end, lambda t: _known_place(ctx, t) or country_code(t) is not None)
        if k < ts < prefix_end:  # "Harbour Town Mayor X", "ACME Party MP X", "Lakeland Health Minister X"
            b_end = ts - 1 if doc[ts - 1].text in {"'s", "’s"} else ts
            org = _body(ctx, k, b_end) if b_end > k else None
            ctx.roles.append(RolePhrase(role=role_text(doc[ts:prefix_end]), org=org, start=start, end=split,
                                        person=person.id))
            return
    prefix = list(doc[start:prefix_end])
    title_end_i = t_end - start
    k -= start
    role_tokens = prefix[k:title_end_i]
    rest = prefix[title_end_i:]
    while rest and rest[0].lower_ in {"of", "for", "the", "at"}:
        rest = rest[1:]
    org_id = None
    if rest:
        a, b = rest[0].i, rest[-1].i + 1
        words = [t.lower_ for t in rest]
        if len(rest) == 1 and rest[0].lower_ in MINISTRY_OF and role_tokens and role_tokens[-1].lower_ == "minister":
            if country or ctx.home_country:
                implied = _implied_ministry(ctx, words, country or ctx.home_country)
                body = ctx.add(Cand(a, b, GOVERNMENT_BODY, 3.0, canonical=implied))
            else:  # the home country is known later: "Ministry of X" gets it then
                body = ctx.add(Cand(a, b, GOVERNMENT_BODY, 3.0, text=_implied_ministry(ctx, words, None) or ""))
        elif "minister" in _role_text(role_tokens).split() and not any(t.lower_ in ORG_HEADS for t in rest):
            body = ctx.cands[_minister_body(ctx, a, b)]
        else:
            body = ctx.add(classify_chunk(ctx, a, b))
        org_id = body.id
    elif role_tokens:
        words = [t.lower_ for t in role_tokens]
        implied = _implied_ministry(ctx, words, country) if "minister" in words else None
        if implied:
            # without a demonym the country is the article's home, known later ("Ministry of X" gets it)
            org_id = ctx.add(Cand(start, start, GOVERNMENT_BODY, 1.0, canonical=implied if country else None,
                                  text=implied)).id
        elif country:
            org_id = ctx.add(Cand(start, start + 1, COUNTRY, 2.0, text=country_name(country))).id
    if role_tokens:
        role = role_text(role_tokens)
        if role and role not in HONORIFICS:
            ctx.roles.append(RolePhrase(role=role, org=org_id, start=start, end=split, person=person.id))
    elif org_id is not None:
        ctx.roles.append(RolePhrase(role="", org=org_id, start=start, end=split, person=person.id))


def add_lowercase_bodies(ctx: Ctx) -> None:
    """Bodies named in lower case: "the armed forces of Georgia", "Turkish peacekeeping forces",
    "the Georgian permanent mission to the OSCE", "the Prey Kabas district police"."""
    doc = ctx.doc
    for tok in doc:
        low = tok.lower_
        if low == "armed" and tok.i + 3 < len(doc) and doc[tok.i + 1].lower_ == "forces" and doc[tok.i + 2].lower_ == "of":
            c = country_code(doc[tok.i + 3].text)
            if c and ctx.at(tok.i) is None and _is_cap(doc[tok.i + 3]) and not _is_cap(tok):
                ctx.add(Cand(tok.i, tok.i + 4, ARMED_FORCES, 3.0, canonical=f"Armed Forces of {country_name(c)}"))
        if demonym_country(tok.text) and _is_cap(tok) and ctx.at(tok.i) is None:
            j = tok.i + 1
            while j < len(doc) and j < tok.i + 3 and doc[j].lower_ in {"peacekeeping", "armed", "permanent", "military", "special"}:
                j += 1
            if j < len(doc) and doc[j].lower_ in FORCE_NOUNS and not _is_cap(doc[j]):
                ctx.add(Cand(tok.i, j + 1, ARMED_FORCES, 2.5))
            elif j < len(doc) and doc[j].lower_ in MISSION_NOUNS and not _is_cap(doc[j]):
                country = country_name(demonym_country(tok.text) or "")
                end = j + 1
                canonical = f"{'Permanent ' if doc[j - 1].lower_ == 'permanent' else ''}{MISSION_NOUNS[doc[j].lower_]} of {country}"
                if end + 2 < len(doc) and doc[end].lower_ == "to":
                    target = ctx.at(end + 2) if doc[end + 1].lower_ == "the" else ctx.at(end + 1)
                    if target is not None:
                        canonical += f" to the {target.text}" if doc[end + 1].lower_ == "the" else f" to {target.text}"
                        end = target.end
                ctx.add(Cand(tok.i, end, GOVERNMENT_BODY, 3.0, canonical=canonical))


def add_place_bodies(ctx: Ctx) -> None:
    """"<Place> district police": a place chunk followed by a lower-case body noun."""
    doc = ctx.doc
    for cand in list(ctx.cands):
        j = cand.end
        words = []
        while j < len(doc) and j < cand.end + 3 and not _is_cap(doc[j]) and doc[j].lower_ in {
            "district", "regional", "provincial", "city", "municipal", "local", "police", "court", "administration",
        }:
            words.append(doc[j].lower_)
            j += 1
        if words and words[-1] in {"police", "court", "administration"} and (
                len(words) >= 2 or (words == ["police"] and not cand.nominal and top_class(cand) in PLACE_CLASSES)):
            ctx.add(Cand(cand.start, j, GOVERNMENT_BODY, 4.0))


def add_acronyms(ctx: Ctx) -> None:
    """"Name (ACRONYM)" makes the acronym a second name of the same body."""
    doc = ctx.doc
    for cand in list(ctx.cands):
        j = cand.end
        if j + 2 < len(doc) and doc[j].text == "(" and doc[j + 2].text == ")":
            inner = doc[j + 1]
            if inner.text.isupper() or _is_cap(inner):
                found = ctx.at(j + 1)
                if found is not None:
                    found.refers_to = cand.id
                    found.vote(max(cand.evidence, key=lambda k: (cand.evidence[k], k)) if cand.evidence else cand.cls, 3.0)
                else:
                    alias = Cand(j + 1, j + 2, cand.cls, cand.weight, refers_to=cand.id)
                    ctx.add(alias)
        elif j + 3 < len(doc) and doc[j].text == "(" and _is_cap(doc[j + 1]):
            k = j + 1
            while k < len(doc) and doc[k].text != ")" and k < j + 8:
                k += 1
            if k < len(doc) and doc[k].text == ")":
                found = ctx.at(j + 1)
                if found is not None and found.end == k:
                    found.refers_to = cand.id


def share_alias_votes(ctx: Ctx) -> None:
    """A short name introduced in parentheses carries its full name's class wherever it recurs."""
    by_text: dict[str, Cand] = {}
    for c in ctx.cands:
        if c.refers_to is not None and not c.nominal:
            by_text.setdefault(fold(c.text), ctx.cands[c.refers_to])
    for c in ctx.cands:
        full = by_text.get(fold(c.text))
        if full is not None and c.refers_to is None and full.evidence:
            c.vote(max(full.evidence, key=lambda k: (full.evidence[k], k)), 3.0)


def add_nominals(ctx: Ctx) -> None:
    """"the ministry", "the agency", "police": definite descriptions of a body named before."""
    doc = ctx.doc
    for tok in doc:
        low = tok.lower_
        if low not in NOMINAL_HEADS or _is_cap(tok) and not _starts_sentence(tok):
            continue
        if ctx.at(tok.i) is not None:
            continue
        prev = doc[tok.i - 1] if tok.i else None
        if prev is not None and prev.lower_ == "the" or low == "police":
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is not None and (nxt.text in {"'s", "’s"} or nxt.pos_ in {"VERB", "AUX", "PUNCT"} or nxt.lower_ in {"said", "of"}):
                if nxt.lower_ == "of":
                    continue
                start = tok.i - 1 if prev is not None and prev.lower_ == "the" else tok.i
                ctx.add(Cand(start, tok.i + 1, NOMINAL_HEADS[low], 0.5, nominal=True))


def add_surnames(ctx: Ctx) -> None:
    """A person named in full is later named by surname alone ("Sisavath emphasized …",
    "according to Al-Rawi"), even where the tagger saw no name."""
    doc = ctx.doc
    surnames: dict[str, int] = {}
    for c in ctx.cands:
        if c.end - c.start >= 2 and not c.nominal and max(c.evidence, key=lambda k: (c.evidence[k], k), default=c.cls) == PERSON:
            last = doc[c.end - 1]
            if last.text[:1].isupper() and last.is_alpha:
                surnames.setdefault(last.text, c.id)
    for tok in doc:
        if tok.text not in surnames or ctx.at(tok.i) is not None:
            continue
        start = tok.i
        if start >= 2 and doc[start - 1].text in {"-", "‐"} and doc[start - 2].lower_ in {"al", "el"}:
            start -= 2  # "Al-Rawi"
        if any(ctx.at(i) is not None for i in range(start, tok.i)):
            continue
        ctx.add(Cand(start, tok.i + 1, PERSON, 2.0))


def add_dateline(ctx: Ctx) -> None:
    span = ctx.article.dateline
    if span is None:
        return
    tok_span = ctx.doc.char_span(span.start, span.end, alignment_mode="expand")
    if tok_span is None:
        return
    for t in tok_span:
        ctx.by_token.pop(t.i, None)
    label = " ".join(w.capitalize() for w in ctx.article.text[span.start:span.end].split())
    ctx.add(Cand(tok_span.start, tok_span.end, SETTLEMENT, 5.0, text=label))


def add_publisher(ctx: Ctx) -> int | None:
    art = ctx.article
    if not art.publisher:
        return None
    if art.publisher_span is not None:
        tok_span = ctx.doc.char_span(art.publisher_span.start, art.publisher_span.end, alignment_mode="expand")
        if tok_span is not None:
            existing = ctx.at(tok_span.start)
            if existing is not None and existing.end == tok_span.end:
                existing.vote(MEDIA_OUTLET, 10.0)
                return existing.id
            return ctx.add(Cand(tok_span.start, tok_span.end, MEDIA_OUTLET, 10.0, text=art.publisher)).id
    return ctx.add(Cand(0, 0, MEDIA_OUTLET, 10.0, text=art.publisher)).id


def find_mentions(ctx: Ctx) -> int | None:
    """Fill ``ctx`` with the article's mentions; returns the publisher's mention id."""
    add_dateline(ctx)
    credited = add_credits(ctx)
    chrome = _chrome_tokens(ctx)
    lower_words = {t.text for t in ctx.doc if t.is_lower}
    for start, end in name_chunks(ctx.doc):
        if ctx.at(start) is not None or start in chrome or _common_word(ctx, start, end, lower_words):
            continue
        add_chunk(ctx, start, end)
    add_lowercase_bodies(ctx)
    add_place_bodies(ctx)
    add_acronyms(ctx)
    share_alias_votes(ctx)
    add_nominals(ctx)
    add_surnames(ctx)
    _told_outlet(ctx)
    publisher = add_publisher(ctx)
    for person, role, outlet in credited:
        org = outlet if outlet is not None else publisher
        if org is None:
            continue  # a byline's job is at the outlet; with no outlet known there is no membership
        c = ctx.cands[person]
        ctx.roles.append(RolePhrase(role=role, org=org, start=c.start, end=c.end, person=person))
    return publisher


def _common_word(ctx: Ctx, start: int, end: int, lower_words: set[str]) -> bool:
    """One capitalised word at the start of a sentence or line that the article also writes in
    lower case ("Economy", "Police", "Breaking") is a common noun, not a name; so is a bare body
    noun ("Government", "Ministry") and a clock's "AM"/"PM"."""
    if end - start != 1:
        return False
    tok = ctx.doc[start]
    if tok.text in {"AM", "PM", "A.M.", "P.M."}:
        return True
    if country_code(tok.text) or is_city(tok.text) or tok.text.isupper():
        return False
    if tok.lower_ in {"government"}:
        return True
    return _starts_sentence(tok) and tok.lower_ in lower_words


def add_credits(ctx: Ctx) -> list[tuple[int, str, int | None]]:
    """People credited in bylines and sign-offs: (person mention, role, outlet mention or None).
    They are read from the article as written: ingest blanks byline and sign-off lines out of the
    analysed text, and a name there is then kept with its offsets in the file."""
    out = []
    doc = ctx.doc
    for cr in find_credits(ctx.article.text):
        span = doc.char_span(cr.start, cr.end, alignment_mode="expand")
        if span is None:
            continue
        blanked = not doc.text[cr.start:cr.end].strip()
        if not blanked and any(ctx.at(i) is not None for i in range(span.start, span.end)):
            continue
        person = ctx.add(Cand(span.start, span.end, PERSON, 6.0, text=ctx.article.text[cr.start:cr.end]))
        person.char_start, person.char_end = cr.start, cr.end
        if blanked:  # the blank token is no name of its own: other mentions may sit on that line too
            for i in range(span.start, span.end):
                if ctx.by_token.get(i) == person.id:
                    del ctx.by_token[i]
        outlet = None
        if cr.outlet is not None and not blanked:
            o = doc.char_span(cr.outlet[0], cr.outlet[1], alignment_mode="expand")
            if o is not None and ctx.at(o.start) is None:
                outlet = ctx.add(Cand(o.start, o.end, MEDIA_OUTLET, 4.0)).id
        out.append((person.id, cr.role, outlet))
    return out


def _chrome_tokens(ctx: Ctx) -> set[int]:
    out: set[int] = set()
    for a, b in chrome_lines(ctx.doc.text):
        span = ctx.doc.char_span(a, b, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return out


def _told_outlet(ctx: Ctx) -> None:
    """"told <Name> by phone": a name that is told things is an outlet unless it is a person."""
    doc = ctx.doc
    for cand in ctx.cands:
        if cand.start >= 1 and doc[cand.start - 1].lower_ == "told" and cand.evidence.get(PERSON, 0) < 2:
            if cand.end - cand.start >= 2 and fold(cand.text).split()[-1] in ORG_HEADS:
                cand.vote(MEDIA_OUTLET, 2.0)

