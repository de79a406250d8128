"""Link keys: which stored articles a build or a removal has to resolve again.

Stage: resolve, over the store (before ``restore``). In: one article's reading. Out: the keys
stored with its graph (``nkg:linkKey``), each ``role|key``. Resolution compares the candidates of
two articles only when they share a key of one of its rules (``resolve.same_name_keys``,
``surname_keys``, ``acronym_keys``, ``rounds.block_keys``, ``short_form_keys``) or when their
entities could get one IRI (``slug:``); incidents are compared only when their places are one
entity, lie in one another, or have keys that differ by an area word (``slug:`` again). So the
articles joined by shared keys, transitively, are resolved exactly as the whole store resolves
them, and one build touches only the articles its keys reach.

A country's name is in most articles: its same-name keys have the role ``h`` (hub), which links
an article to articles holding the key with the role ``n`` (something else of that name: a
contact) and not to the thousands naming the country. That is exact while every country is one
group of its own clusters, whatever else the store holds: ``restore`` resolves the whole store
when a contact is met, when a country is placed inside something (``i``/``o``), and while a flag
(``x|global``) says the last whole-store resolution found a country group that is not of that
kind. The keys depend on the alias tables in use (``x|v…``: a store built with others is
resolved whole once).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from functools import lru_cache
from typing import TYPE_CHECKING

from newskg.aliases import alias_of, skeleton
from newskg.candidates import Candidate, candidates_of, match_key, place_marks
from newskg.extract.countries import country_code
from newskg.iris import slug
from newskg.models import Reading

if TYPE_CHECKING:
    from newskg.resolve import Resolution
from newskg.resolve import acronym_keys, same_name_keys, surname_keys
from newskg.rounds import block_keys, names_of, short_form_keys

__all__ = ["article_keys", "partners", "marker", "GLOBAL", "hub_code", "contacts", "loose_countries", "name_keys",
           "name_key"]

GLOBAL = "x|global"
_AREA_SUFFIX = re.compile(r"-(?:district|region|province|governorate|commune|municipality|township|zone|"
                          r"county|oblast|raion|rayon|state|department|prefecture)$")  # as incident_match's
_PATTERNS = ("republic", "kingdom", "state", "federation", "people's republic")


def marker() -> str:
    """The key every article graph written by this version with these alias tables holds."""
    from newskg import aliases

    h = hashlib.sha256()
    for path in (aliases.ALIASES, *aliases.USER_ALIASES):
        h.update(path.read_bytes())
    return f"x|v2:{h.hexdigest()[:16]}"


@lru_cache(maxsize=1)
def _ambiguous() -> frozenset[str]:
    """Name keys that names of two countries share (none is a hub key)."""
    from newskg.extract.countries import _tables

    codes: dict[str, set[str]] = {}
    for name, code in _tables()[0].items():
        for form in (name, *(f"{p} of {name}" for p in _PATTERNS), f"{name} pdr"):
            codes.setdefault(skeleton(alias_of(form)), set()).add(code)
    return frozenset(k for k, v in codes.items() if len(v) > 1)


def hub_code(loc: Candidate) -> str | None:
    """The ISO code of a candidate that is a country's name (its group is the country's)."""
    key = match_key(loc)
    return key[len("country:"):] if key.startswith("country:") else None


def _hub_key(loc: Candidate, code: str, key: str) -> bool:
    """Is this same-name key of a country's candidate one only that country's names give?"""
    if key.startswith("country:"):
        return True
    if any(kind == "area" for *_, kind in place_marks(loc)):
        return False
    family, _, skel = key.partition(":")
    if family != "Place" or skel in _ambiguous():
        return False
    names = {loc.label} | {m.text for m in loc.members if m.text}
    return any(skeleton(alias_of(n)) == skel and country_code(alias_of(n)) == code for n in names)


def _candidate_keys(loc: Candidate) -> set[str]:
    code = hub_code(loc)
    out = {f"h|s:{k}" if code and _hub_key(loc, code, k) else f"n|s:{k}" for k in same_name_keys(loc)}
    out |= {f"n|b:{g}:{k}" for g, k in block_keys(loc, names_of(loc))}
    full, alone = surname_keys(loc)
    out |= {f"{role}|sur:{k}" for role, k in (("l", full), ("a", alone)) if k}
    named, wanted = acronym_keys(loc)
    out |= {f"c|acr:{k}" for k in named} | ({f"k|acr:{wanted}"} if wanted else set())
    for k in short_form_keys(loc):
        kind, _, rest = k.partition(":")
        out.add(f"{_SHORT_ROLE[kind]}|sf:{rest}")
    if not code:  # an entity key and an incident's own key are made of a slug (a country's: its code)
        for name in {loc.label, alias_of(loc.label)}:
            out |= {f"n|slug:{s}" for s in {slug(name), _AREA_SUFFIX.sub("", slug(name))}}
    return out


def article_keys(reading: Reading) -> set[str]:
    """The link keys of one article (see the module's paragraph)."""
    locs = candidates_of(reading)
    out = {marker()}
    of_mention: dict[int, Candidate] = {}
    for loc in locs:
        out |= _candidate_keys(loc)
        for m in loc.members:
            of_mention[m.id] = loc
    for li in reading.located_in:  # a country placed in something: places above it change
        inner, outer = of_mention.get(li.inner), of_mention.get(li.outer)
        if inner is not None and outer is not None and hub_code(inner):
            out.add(f"i|{hub_code(inner)}")
        if inner is not None and outer is not None and hub_code(outer):
            out.add(f"o|{hub_code(outer)}")
    return out


# a rule that compares two kinds of candidate links only across the kinds: a short name and the
# tails of full names, the words before a tail and the places or bodies of that name, a full
# name and a surname alone, a body's stated short names and an acronym
_SHORT_ROLE = {"short": "t", "tail": "f", "head": "q", "owner": "w"}
_PARTNERS = {"n": ("n", "h"), "h": ("n",), "i": ("o",), "o": ("i",), "t": ("f",), "f": ("t",),
             "q": ("w",), "w": ("q",), "l": ("a",), "a": ("l",), "c": ("k",), "k": ("c",)}


def partners(key: str) -> tuple[str, ...]:
    """The keys whose holders an article holding ``key`` is resolved with."""
    role, _, rest = key.partition("|")
    return tuple(f"{r}|{rest}" for r in _PARTNERS.get(role, ()))


def contacts(keys: dict[str, set[str]]) -> set[str]:
    """The articles (of ``keys``: article -> its keys) where a country's name key meets the same
    key held by something else."""
    by_key: dict[str, set[str]] = defaultdict(set)
    for aid, ks in keys.items():
        for k in ks:
            by_key[k].add(aid)
    out: set[str] = set()
    for k, aids in by_key.items():
        if k.startswith("h|") and f"n|{k[2:]}" in by_key:
            out |= aids | by_key[f"n|{k[2:]}"]
    return out


def loose_countries(readings: list[Reading], res: Resolution) -> set[str]:
    """The articles whose countries' candidates are not alone in their country's entity
    (``country/XX`` of their code only): a country merged with something else, or split."""
    out: set[str] = set()
    for r in readings:
        aid = r.article.id
        for loc in candidates_of(r):
            code, keys = hub_code(loc), {res.of_mention.get((aid, m.id)) for m in loc.members}
            if (keys != {f"country/{code}"}) if code else any(k and k.startswith("country/") for k in keys):
                out.add(aid)
    return out


def name_key(name: str) -> str:
    """The key of a name an article's entity reports use (``d``: links nothing; ``rederive``
    finds by it the articles that call something this, case folded)."""
    return f"d|{name.casefold()}"


def name_keys(reading: Reading, res: Resolution) -> set[str]:
    """The keys of every name and other name the article's entity reports use (``build``)."""
    aid = reading.article.id
    out: set[str] = set()
    for key in {res.of_mention[(aid, m.id)] for m in reading.mentions if (aid, m.id) in res.of_mention}:
        names = res.names.get((aid, key)) or {res.entities[key].label}
        out |= {name_key(n) for n in names | res.alt_names.get((aid, key), set())}
    return out
