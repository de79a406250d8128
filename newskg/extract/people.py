"""Person evidence: what in a name, and around it, says that it names a person.

Extract stage, used by ``classes``: a name chunk (a token range of the ``Doc``) goes in; a weight
for the Person class comes out (0 when nothing speaks for a person). Three facts of news English:
a name that opens with a known given name is a person's ("Jane Roe", whatever the tagger says);
a patronymic ("Ivanovich", "Petrovna", "Mammad oglu") is only ever a person's; and a name set
beside a role by a comma is its holder ("its spokesperson, Jane Roe", "Jane Roe, director of
the agency"). Given names come from gender-guesser's table of first names of many countries.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newskg.aliases import subdivision_exact
from newskg.extract.countries import country_code, is_city, place_country
from newskg.extract.doc import fold
from newskg.extract.lexicon import (
    MEDIA_INNER,
    ORG_HEADS,
    ORG_INNER,
    PLACE_KEYWORDS,
    ROLE_WORDS,
)

# Given names that are also the first word of place or body names, or small words of names.
NOT_GIVEN = frozenset(
    "al el san santa abu bin ibn de del la le van von st saint new north south east west "
    "grand great upper lower mount port fort lake cape".split()
)
# Words that end the names of places and bodies but never a person's ("X Heights", "X Chamber of Y").
NOT_PERSON_WORDS = frozenset(
    "heights hills springs falls park beach harbour harbor point creek valley garden gardens chamber "
    "boulevard hall square market camp".split()
)
# Endings of patronymics: East Slavic (-ovich, -ovna), Moldovan/Romanian (-ovici), Ukrainian
# (-ovych, -ivna), Turkic (-oglu, -ogly, -qizi, -kyzy, -uly).
PATRONYMIC = re.compile(
    r"(?:[oe]vich|[oe]vych|[oe]vici|[oe]vna|ivna|ichna|o[gğ]lu|ogly|qizi|kyzy|uly)$", re.IGNORECASE
)
# Turkic patronymics written as a word of their own ("Ali Huseyn oglu").
PATRONYMIC_WORDS = frozenset("oglu oğlu ogly qizi kyzy".split())
# Role words that only a person holds ("operator" and "worker" may be a body or a crowd).
PERSON_ROLES = frozenset(ROLE_WORDS - {"operator", "worker", "workers", "deminers", "member"}) | frozenset(
    "spouse wife husband son daughter father mother brother sister widow lawyer".split()
)
_STOPS = frozenset({",", ".", ";", ":", "(", ")", "—", "–", '"', "“", "”"})


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Folded first names of many countries (gender-guesser's name table)."""
    from gender_guesser.detector import Detector

    return frozenset(fold(n.replace("+", " ")) for n in Detector(case_sensitive=False).names)


def is_given_name(text: str) -> bool:
    """A first name people are given ("Maria", "Olusegun"), not a small word of other names."""
    key = fold(text)
    return len(key) > 1 and key not in NOT_GIVEN and key in given_names()


def _plain_words(tokens) -> bool:
    """Title-case words with no head of a body's or a place's name among them."""
    return all(
        t.lower_ not in ORG_HEADS and t.lower_ not in ORG_INNER and t.lower_ not in MEDIA_INNER
        and t.lower_ not in PLACE_KEYWORDS and t.lower_ not in NOT_PERSON_WORDS
        for t in tokens
    )


def has_patronymic(tokens) -> bool:
    """A word of the name is a patronymic ("Ivan Petrovich Sidorov")."""
    return any(t.is_alpha and (len(t) > 5 or t.lower_ in PATRONYMIC_WORDS) and PATRONYMIC.search(t.text)
               for t in tokens)


def opens_with_given_name(tokens) -> bool:
    """Two to five title-case words, the first a given name, none a head of a body or a place."""
    tokens = list(tokens)
    if not (2 <= len(tokens) <= 5 and tokens[0].is_alpha and is_given_name(tokens[0].text) and _plain_words(tokens)):
        return False
    text = " ".join(t.text for t in tokens)
    return not (is_city(text) or place_country(text) or country_code(text) or subdivision_exact(text))


def role_before_comma(doc, start: int) -> bool:
    """"its spokesperson, X", "the mayor of Y, X": a role, then a comma, then the name."""
    if start < 2 or doc[start - 1].text != ",":
        return False
    j = start - 2
    while j >= max(0, start - 8) and doc[j].text not in _STOPS and doc[j].pos_ not in {"VERB", "AUX"}:
        if doc[j].lower_ in PERSON_ROLES:
            return True
        j -= 1
    return False


def role_after_comma(doc, end: int) -> bool:
    """"X, director of the agency", "X, a spokesperson for Y": the name, a comma, then a role."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    for k in range(end + 1, min(len(doc), end + 4)):
        low = doc[k].lower_
        if low in PERSON_ROLES:
            return True
        if low not in {"a", "an", "the", "its", "their"} and doc[k].pos_ != "ADJ":
            return False
    return False


def person_weight(doc, start: int, end: int) -> float:
    """How strongly the chunk and its neighbours say "a person": 0 for no evidence."""
    tokens = doc[start:end]
    weight = 0.0
    if has_patronymic(tokens):
        weight += 3.0
    if opens_with_given_name(tokens):
        weight += 2.0
    if end - start >= 2 and _plain_words(tokens) and (role_before_comma(doc, start) or role_after_comma(doc, end)):
        weight += 2.0
    return weight
