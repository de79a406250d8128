"""Name chunks: the title-case runs of tokens that may name a person, a body or a place.

Extract stage, first step of ``names``: a spaCy ``Doc`` goes in; token ranges come out, sentence
by sentence, with connectors kept inside a name ("Ministry of Foreign Affairs", "Hamid al-Rawi"),
"and" split between two names unless one body or country holds it, and page furniture, time zones
and a sentence's opening common word left out.
"""

from __future__ import annotations

from spacy.tokens import Token

from newskg.extract.countries import country_code, demonym_country, is_city, is_country_name
from newskg.extract.lexicon import NOT_NAMES, ORG_HEADS, PLACE_KEYWORDS, ROLE_MODIFIERS, ROLE_WORDS
from newskg.extract.people import opens_with_given_name
from newskg.extract.titles import is_title_word
from newskg.models import ORGANIZATION, PERSON, PLACE, SETTLEMENT

CONNECTORS = frozenset("of for and de del la da do du dos das van von der den bin ibn al el es & / in".split())
# Words of a web page's furniture that open no name ("UPDATE 2:", "Photo:", "By …", "QUESTION:").
PAGE_WORDS = frozenset("update updated question answer photo picture by reporting editing published posted "
                       "listen watch breaking also read live exclusive latest developing related video posts stories".split())
# Time zones written after a clock time ("07:45 EAT"): not bodies.
TIME_ZONES = frozenset("GMT UTC CET CEST EET EEST WET WEST EAT CAT WAT SAST EST EDT CST CDT MST MDT PST PDT "
                       "IST PKT BST MSK JST KST AEST AEDT ICT WIB AST GST".split())
SPACY_VOTES = {"PERSON": PERSON, "ORG": ORGANIZATION, "GPE": SETTLEMENT, "LOC": PLACE, "FAC": PLACE}


def is_cap(tok: Token) -> bool:
    t = tok.text
    return bool(t) and t[0].isalpha() and t[0].isupper()


def glued(tok: Token) -> bool:
    """A hyphen or slash inside a word ("Sava-Drina", "al-Rawi", "UXO/Mine")."""
    doc = tok.doc
    return (
        tok.text in {"-", "/", "–"}
        and not tok.whitespace_
        and tok.i > 0
        and not doc[tok.i - 1].whitespace_
        and tok.i + 1 < len(doc)
    )


def starts_sentence(tok: Token) -> bool:
    if tok.is_sent_start or tok.i == 0:
        return True
    prev = tok.doc[tok.i - 1]
    return prev.text in {"“", '"', "‘", ":", "(", "—", "–"} or "\n" in prev.text


def _can_start(tok: Token) -> bool:
    if not is_cap(tok) or tok.lower_ in NOT_NAMES or tok.lower_ in PAGE_WORDS or tok.text in TIME_ZONES:
        return False
    if starts_sentence(tok):
        if tok.lower_ in ROLE_WORDS or tok.lower_ in ROLE_MODIFIERS:
            return True
        return (tok.pos_ == "PROPN" or tok.ent_type_ in SPACY_VOTES or (tok.is_alpha and tok.is_upper and len(tok) >= 2) or country_code(tok.text) is not None
                or demonym_country(tok.text) is not None or is_city(tok.text))
    return True


def _chunk_end(doc, i: int, limit: int) -> int:
    j = i + 1
    while j < limit:
        tok = doc[j]
        if is_cap(tok) and tok.lower_ not in NOT_NAMES - {"may"}:
            j += 1
        elif glued(tok) and j + 1 < limit and doc[j + 1].text[:1].isalnum() and not _adjective_suffix(doc, j + 1):
            j += 2
        elif tok.text in {"'s", "’s", "'", "’"} and doc[j - 1].lower_ in GROUP_POSSESSORS and j + 1 < limit \
                and is_cap(doc[j + 1]) and tok.whitespace_:
            j += 1  # "the People's Power Party", "the Students' Union": a group's possessive inside a name
        elif tok.text in {"'s", "’s"} and j + 1 < limit and doc[j + 1].text in {"Office", "Service", "Department", "Bureau", "Court"} \
                and doc[j - 1].lower_ not in BODY_POSSESSORS:
            j += 2  # "the Attorney General's Office"; but "the Treasury Department's Office of X" is two bodies
        elif tok.text in {"'s", "’s"} and j + 1 < limit and is_cap(doc[j + 1]) and is_city(doc[j - 1:j + 2].text):
            j += 2  # a town whose name holds a possessive
        elif tok.text == "," and _enumeration_end(doc, i, j, limit) > j:
            j = _enumeration_end(doc, i, j, limit)  # "Ministry of Agriculture, Forestry and Fisheries"
        elif tok.lower_ in {"of", "for"} and _ends_person(doc, i, j):
            break  # "Jane Doe of the Harbour Authority": a person, then the body
        elif tok.lower_ in {"al", "el"} and j + 2 < limit and glued(doc[j + 1]) and is_cap(doc[j + 2]):
            j += 3  # "Hamid al-Rawi"
        elif tok.lower_ in CONNECTORS and not tok.text[0].isupper():
            k = j + 1
            if k < limit and doc[k].lower_ == "the" and tok.lower_ in {"of", "for", "to"}:
                k += 1
            elif k + 1 < limit and doc[k].text in {"la", "las", "los", "der", "den", "le", "di"} and tok.lower_ in {"de", "van", "von", "del"}:
                k += 1  # "Virgen de la Peña", "van der Berg"
            if k < limit and is_cap(doc[k]) and doc[k].lower_ not in NOT_NAMES:
                if tok.lower_ == "in" and not (any(t.lower_ in DIPLOMATIC for t in doc[i:j]) or doc[j - 1].lower_ == "sector"):
                    break  # "the Embassy in X" is one body; "the City Hospital in X" a body and a town
                if tok.lower_ == "of" and doc[j - 1].ent_type_ == "PERSON" and doc[k].ent_type_ != "PERSON":
                    break  # "Corporal Jane Doe of the City Police": a person, then her body
                j = k
            else:
                break
        elif (tok.text in {'"', "“"} and j + 3 < limit and is_cap(doc[j + 1]) and doc[j + 2].text in {'"', "”"}
              and is_cap(doc[j + 3]) and doc[j - 1].is_alpha):
            j += 3  # a nickname inside a name: 'Jane "JD" Doe'
        elif tok.like_num and doc[j - 1].lower_ in {"route", "highway"}:
            j += 1
        elif tok.lower_ == "on" and doc[j - 1].lower_ in TOPIC_HEADS and j + 1 < limit and is_cap(doc[j + 1]) \
                and doc[j + 1].lower_ not in NOT_NAMES:
            j += 1  # "the Commission on Human Rights": a body named by its topic
        elif _number_of_name(doc, i, j, limit):
            j = _number_end(doc, j)
        else:
            break
    return j


# Prepositions and adverbs that open a sentence before a name and are no part of it.
OPENING_WORDS = frozenset("outside inside near across beyond despite after before during since within without "
                          "behind beside besides between among amid amidst against toward towards through "
                          "throughout upon via unlike meanwhile elsewhere".split())
# Heads of a body that owns another ("the Treasury Department's Office of X"); not titles that own an
# office ("the Prosecutor's Office", "the Governor's Office").
BODY_POSSESSORS = frozenset("department ministry agency administration authority bureau commission council".split())
# Heads of bodies named by their topic with "on": "Committee on Economic Affairs".
TOPIC_HEADS = frozenset("commission committee authority council panel conference tribunal board forum "
                        "subcommittee institute centre center office".split())
# Month and weekday abbreviations: a number after them is a date, not part of a name.
DATE_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs "
                               "fri sat sun".split())


# Plural or collective nouns whose possessive is written inside a name ("People's Party").
GROUP_POSSESSORS = frozenset("people students workers women children farmers veterans journalists teachers citizens "
                             "nations martyrs youth mothers doctors lawyers traders peoples".split())


def _adjective_suffix(doc, k: int) -> bool:
    """A lower-case last part after a hyphen makes an adjective of a name: "Harbourton-based",
    "al-Qaeda-linked"; the name stands alone ("Stratford-upon-Avon" goes on)."""
    tok = doc[k]
    return (tok.is_lower and tok.is_alpha and (tok.text.endswith("ed") or tok.text in ADJECTIVE_SUFFIXES)
            and not (k + 1 < len(doc) and glued(doc[k + 1])))


# Participles and nouns that make an adjective of the name before the hyphen ("-based", "-run").
ADJECTIVE_SUFFIXES = frozenset("run led held born made style wide era bound owned".split())


def _number_of_name(doc, start: int, j: int, limit: int) -> bool:
    """A number that ends a name: "Correctional Colony No. 9", "District Office 4", "Harbour Rescue 4410".
    Not a year ("Ledger 2025"), a decimal or a quantity ("Harbourton 1.2 million"), a date's day
    ("Tue 10 Sep") or a count of the next noun ("Kestrel 3 percent")."""
    tok = doc[j]
    if tok.lower_.rstrip(".") in {"no", "number"} and tok.text[0].isupper():
        return _number_end(doc, j) > j and _number_end(doc, j) <= limit
    if not (tok.text.isdigit() and len(tok.text) <= 4) or 1900 <= int(tok.text) <= 2100:
        return False
    prev = doc[j - 1]
    if prev.lower_.rstrip(".") in DATE_ABBREVIATIONS or prev.lower_ in NOT_NAMES or not prev.whitespace_:
        return False
    if country_code(doc[start:j].text) or is_city(doc[start:j].text):
        return False  # "to Harbourland 12 tonnes": a place, then a count
    nxt = doc[j + 1] if j + 1 < len(doc) else None
    return nxt is None or not (nxt.lower_ in NOT_NAMES and nxt.lower_ not in {"in", "on", "at", "and", "for"}
                               or nxt.text in {"%", ":", "-", "–"} or nxt.lower_ in UNITS or nxt.like_num)


def _number_end(doc, j: int) -> int:
    """After "No. 17" / "No 17" / "Number 17" / "7" at ``j``; ``j`` when there is none."""
    k = j
    if doc[k].lower_.rstrip(".") in {"no", "number"}:
        k += 1 + (k + 1 < len(doc) and doc[k + 1].text == ".")
    return k + 1 if k < len(doc) and doc[k].text.isdigit() else j


# Units and counted nouns after a number: the number is a quantity.
UNITS = frozenset("percent per cent km kilometres kilometers miles metres meters hours minutes days weeks months "
                  "years people persons tonnes tons dead killed injured".split())


# Bodies that are named with the place they sit in: "the Embassy of X in Y", "the UN Mission in Y".
DIPLOMATIC = frozenset("embassy consulate mission delegation".split())
# Heads of a body named by its fields: "Ministry of Agriculture, Forestry and Fisheries".
FIELD_HEADS = frozenset("ministry department committee commission minister".split())


def _enumeration_end(doc, start: int, comma: int, limit: int) -> int:
    """Where "X of A, B and C" ends when the chunk so far is a ministry's "X of A"; else ``comma``."""
    if not any(doc[k].lower_ in FIELD_HEADS and doc[k + 1].lower_ in {"of", "for"} for k in range(start, comma - 1)):
        return comma
    k = comma
    while k < limit and doc[k].text == ",":
        k += 1
        if k >= limit or not is_cap(doc[k]):
            return comma
        while k < limit and is_cap(doc[k]):
            k += 1
    if k + 1 < limit and doc[k].lower_ == "and" and is_cap(doc[k + 1]):
        k += 1
        while k < limit and is_cap(doc[k]):
            k += 1
        return k
    return comma


def _ends_person(doc, start: int, j: int) -> bool:
    """The chunk so far ends with a person's name of two words or more, as the tagger reads it,
    or is a title and a name that opens with a given name ("Father Jan Kowal of the Diocese")."""
    if j - start >= 3 and is_title_word(doc[start]) and opens_with_given_name(doc[start + 1:j]):
        return True
    if j - start < 2 or doc[j - 1].ent_type_ != "PERSON" or doc[j - 2].ent_type_ != "PERSON":
        return False
    return not any(t.lower_ in ORG_HEADS for t in doc[start:j])


def _spelt_by_acronym(doc, start: int, end: int) -> bool:
    """"Fire Service and Civil Defence (FSCD)": the acronym after the chunk spells all of it, so
    the "and" is inside one name."""
    if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
        return False
    acronym = doc[end + 1].text
    letters = "".join(t.text[0] for t in doc[start:end] if is_cap(t))
    return acronym.isupper() and len(acronym) >= 3 and letters.upper() == acronym.upper()


def _split_and(doc, start: int, end: int) -> list[tuple[int, int]]:
    """Keep "and" inside a name only for one body or one country ("Bosnia and Herzegovina")."""
    ands = [k for k in range(start, end) if doc[k].lower_ == "and"]
    if not ands:
        return [(start, end)]
    whole = doc[start:end].text
    if is_country_name(whole) or _spelt_by_acronym(doc, start, end):
        return [(start, end)]
    before = doc[ands[0] - 1].lower_
    if doc[end - 1].lower_ in ORG_HEADS and not (
            len(ands) == 1 and (before in ORG_HEADS or before in PLACE_KEYWORDS) and end - ands[0] > 2):
        return [(start, end)]  # one body: "Fire Service and Civil Defence"; two: "X Hospital and Y Hospital"
    first = ands[0]
    if any((doc[k].lower_ in ORG_HEADS or doc[k].lower_ == "minister") and doc[k + 1].lower_ in {"of", "for"}
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
            not is_cap(doc[start]) or end - start == 1 or doc[start].lower_ in {"of", "for", "and", "in"}))):
        if doc[start].lower_ in {"al", "el"} and start + 2 < end and glued(doc[start + 1]):
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
            if _can_start(tok) or (tok.lower_ in {"al", "el"} and i + 1 < sent.end and glued(doc[i + 1])):
                j = _chunk_end(doc, i, sent.end)
                for a, b in _split_and(doc, i, j):
                    a, b = _trim(doc, a, b)
                    if b - a >= 2 and doc[a].lower_ in OPENING_WORDS and starts_sentence(doc[a]):
                        a += 1  # "Outside Congress, ...": capitalised only because it opens the sentence
                    if b > a:
                        chunks.append((a, b))
                i = j
            else:
                i += 1
    return chunks
