"""Cross-article evidence: may two clusters that are spelled differently be one thing?

Stage: resolve, after the exact-spelling pass. In: for each side, its names and what its
articles say around it (``Evidence``: the other things named with it, the countries named,
the bodies a person works for, the places a place lies in). Out: a reason (rule and scores, for
``nkg:mergeNote``) or None. A wrong merge is worse than a missed one: a name that only sounds
alike needs something else in common, and any conflict (two employers, two countries) keeps the
two apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newskg.matching import (
    body_words,
    name_similarity,
    person_names_match,
    place_core,
    place_letters,
    sound_key,
)
from newskg.models import ADMIN_AREA, PLACE, SETTLEMENT, coarse

__all__ = ["Evidence", "conflict", "shared", "same_person", "same_place", "same_body", "short_form_of", "MIN_SIMILARITY"]

MIN_SIMILARITY = 0.75  # Jaro-Winkler of the two names' letters, vowels kept
_UN = re.compile(r"u\.?\s?n\.?|united nations")
NEAR_SIMILARITY = 0.95  # places that do not sound alike: their letters this close ...
NEAR_LETTERS = 7  # ... in names of this many letters or more


@dataclass(frozen=True)
class Evidence:
    """One cluster (or stored entity) as the resolver sees it across articles."""

    cls: str
    names: tuple[str, ...]  # its label first, then its other forms
    around: frozenset[int] = frozenset()  # groups of the other things named in its articles (not countries)
    countries: frozenset[int] = frozenset()  # groups of the countries named in its articles
    employers: frozenset[int] = frozenset()  # groups of the bodies a person is said to work for
    outer: frozenset[int] = frozenset()  # groups of the places it is said to lie in
    level: str = ""  # "1" region, "2" district, as the text gives an area
    strong_settlement: bool = False  # the text shows a town ("the town of X", a known city)
    employer_words: tuple[frozenset[str], ...] = ()  # the employers' names as bags of words


def conflict(a: Evidence, b: Evidence, countries: bool = True) -> str | None:
    """What keeps two clusters apart whatever their names: different employers or countries."""
    if coarse(a.cls) == "Person" and a.employers and b.employers and not a.employers & b.employers and not any(
            x <= y or y <= x for x in a.employer_words for y in b.employer_words):
        # "the police" and "the Somali Police Force" may be one employer written short
        return "they work for different bodies"
    if countries and a.countries and b.countries and not a.countries & b.countries:
        return "their articles name different countries"
    if a.level and b.level and a.level != b.level:
        return "areas of different levels"
    if {a.cls, b.cls} == {SETTLEMENT, ADMIN_AREA} and (a.strong_settlement or b.strong_settlement):
        return "a town and an area of one name"
    return None


def shared(a: Evidence, b: Evidence, ga: int, gb: int) -> tuple[int, str]:
    """What two clusters have in common around them: a score and its words."""
    around = (a.around & b.around) - {ga, gb}
    work = a.employers & b.employers
    outer = (a.outer & b.outer) - {ga, gb}
    parts = []
    if around:
        parts.append("other things named in both articles")
    if work:
        parts.append("the same employer")
    if outer:
        parts.append("lies in the same place")
    return len(around) + 2 * len(work) + 2 * len(outer), ", ".join(parts)


def same_person(a: Evidence, b: Evidence, ga: int, gb: int) -> str | None:
    """Two spellings of one person: the names match token by token (or as one word) with a
    letter similarity of at least ``MIN_SIMILARITY``, and the two share something else."""
    best = None
    for x in a.names:
        for y in b.names:
            m = person_names_match(x, y)
            if m and (best is None or m[0] > best[0]):
                best = (m[0], m[1], x, y)
    if best is None or best[0] < MIN_SIMILARITY or conflict(a, b):
        return None
    score, what = shared(a, b, ga, gb)
    if score == 0:
        return None
    rule = "one word once romanised" if best[1] == "compound" else "name by name, a middle name or initial aside"
    x, y = sorted(best[2:4])  # the note reads the same whichever side came first
    return f"{x!r} and {y!r} sound alike ({rule}; similarity {best[0]:.2f}) and share {what}"


def same_place(a: Evidence, b: Evidence, ga: int, gb: int) -> str | None:
    """Two spellings of one place: the same sound once the Arabic article and the place word
    are aside, compatible classes and levels, and something around them in common."""
    if a.cls != b.cls and PLACE not in {a.cls, b.cls}:
        return None  # a town and an area of one name stay two (Belgorod, the Belgorod region)
    if conflict(a, b):
        return None
    for x in a.names:
        kx = place_core(x)
        for y in b.names:
            # a short name's sound says little ("Gamo", "Kama"): its letters must be the same
            if kx == place_core(y) and (len(kx) >= 3 or (len(place_letters(x)) >= 3 and place_letters(x) == place_letters(y))):
                sim = name_similarity(x, y)
                how = "sound alike"
            else:
                # a letter dropped or doubled in a long name ("Tarbinkhal", "Tarbikhal")
                lx, ly = place_letters(x), place_letters(y)
                sim = name_similarity(lx, ly) if min(len(lx), len(ly)) >= NEAR_LETTERS else 0.0
                how = "are spelled nearly alike"
                if sim < NEAR_SIMILARITY:
                    continue
            if sim < MIN_SIMILARITY:
                continue
            score, what = shared(a, b, ga, gb)
            if score:
                p, q = sorted((x, y))
                return f"{p!r} and {q!r} {how} (similarity {sim:.2f}) and share {what}"
    return None


def same_body(a: Evidence, b: Evidence, ga: int, gb: int, country_of_word) -> str | None:
    """Two names of one body: the same content words in English (a translation, a demonym for
    its country), or the same sound, with something around them in common."""
    score, what = shared(a, b, ga, gb)
    for x in a.names:
        wx = body_words(x, country_of_word)
        if len(wx) < 2:
            continue
        national = any(w.isupper() for w in wx)
        # a state's body named without its country is one per country; other bodies work anywhere
        if conflict(a, b, countries=not national and {a.cls, b.cls} & {"GovernmentBody", "ArmedForces"} != set()):
            continue
        if national and any(wx == body_words(y, country_of_word) for y in b.names):
            y = next(y for y in b.names if wx == body_words(y, country_of_word))
            p, q = sorted((x, y))
            return f"{p!r} and {q!r} have the same words in English, the country's name among them"
        if score == 0:
            continue
        for y in b.names:
            p, q = sorted((x, y))
            if wx == body_words(y, country_of_word):
                return f"{p!r} and {q!r} have the same words in English and share {what}"
            if len(x.split()) >= 2 and sound_key(x) == sound_key(y) and len(sound_key(x)) >= 5 and name_similarity(x, y) >= MIN_SIMILARITY:
                return f"{p!r} and {q!r} sound alike and share {what}"
    return None


def short_form_of(short: Evidence, full: Evidence, ga: int, gb: int, country_of_word, qualifiers) -> str | None:
    """"the Security Council" for "the UN Security Council": the short name ends the full name,
    whose first words name what it belongs to (``qualifiers(words)``: an international body or a
    place), and the two share something. The caller makes sure the full name is the only body
    that fits."""
    if conflict(short, full, countries=False):
        return None
    score, what = shared(short, full, ga, gb)
    ws, wf = body_words(short.names[0], country_of_word), body_words(full.names[0], country_of_word)
    one_country = len(short.countries) == 1 and short.countries == full.countries
    if len(ws) < 2 or not ws < wf or (any(w.isupper() for w in wf - ws) and not one_country):
        # a country added is another country's body, unless both articles name that one country alone
        return None
    s, f = short.names[0].split(), full.names[0].split()
    qualifier = " ".join(f[:len(f) - len(s)])
    if [w.lower() for w in f[len(f) - len(s):]] != [w.lower() for w in s] or not qualifiers(qualifier):
        return None  # "Oil Fund" is not "Oil Fund Office"; "X Hospital and Y Hospital" is two
    if score == 0 and _UN.fullmatch(qualifier.lower()):
        # the United Nations' own organs go by their short names the world over ("the Security Council")
        return f"{short.names[0]!r} is a short form of {full.names[0]!r}, the only body of the United Nations so named"
    if score == 0:
        return None
    return f"{short.names[0]!r} is a short form of {full.names[0]!r}, and they share {what}"
