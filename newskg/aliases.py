"""Spelling-proof names: the alias table, a transliteration skeleton and ISO 3166-2 codes.

- ``alias_of`` maps known variants to one spelling, from ``ontology/data/aliases.csv`` (each row
  gives its source). It is data, not code: users extend it for their own region.
- ``skeleton`` folds what differs between transliterations of one name and nothing else:
  Unicode form (NFC/NFD), accents, Turkish dotless/dotted i, Azerbaijani schwa, doubled letters,
  hyphens, and the surname suffixes -zade/-zada and -iev/-yev. "Mammadov" and "Mammadova" stay two.
- ``subdivision_code`` matches an administrative area's name to ISO 3166-2 (pycountry's table)
  by a consonant skeleton, only where exactly one subdivision in the world matches.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from newskg.paths import DATA

__all__ = ["alias_of", "skeleton", "subdivision_code", "wikidata_of", "kept_apart", "use_user_tables", "ALIASES",
           "COUNTRY_WIKIDATA", "DISTINCT"]

ALIASES = DATA / "aliases.csv"  # package data
COUNTRY_WIKIDATA = DATA / "country-wikidata.csv"  # package data
# the user's own tables (``--aliases``, ``--distinct`` or the config beside the store): never in the package
USER_ALIASES: tuple[Path, ...] = ()
DISTINCT: Path | None = None
_AREA_WORDS = re.compile(
    r"\b(?:oblast|oblast'|region|province|district|rayon|raion|canton|kanton|state|governorate|department|"
    r"municipality|county|prefecture|krai|territory|local government area|city|autonomous republic)\b")


@lru_cache(maxsize=1 << 16)
def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("ı", "i").replace("İ", "I"))
    text = text.replace("ə", "a").replace("Ə", "A")  # Azerbaijani schwa, "a" in English (Əliyev, Aliyev)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text)).strip()


@lru_cache(maxsize=1 << 16)
def skeleton(name: str) -> str:
    """A key two transliterations of one name share ("Valizade"/"Valizada", "Türkiye"/"Turkiye")."""
    t = re.sub(r"^the ", "", _plain(name))
    t = re.sub(r"zade\b", "zada", t)
    t = re.sub(r"iev(a?)\b", r"yev\1", t)
    t = re.sub(r"(\w)\1+", r"\1", t)
    return t.replace(" ", "")


def use_user_tables(aliases: tuple[Path, ...] = (), distinct: Path | None = None) -> None:
    """Read the user's extra alias rows and merges to undo from these files (none: the package's only)."""
    global USER_ALIASES, DISTINCT
    USER_ALIASES, DISTINCT = tuple(aliases), distinct
    _aliases.cache_clear()
    _subdivision_code.cache_clear()


def _rows(source, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """The rows of a CSV table (a packaged resource or the user's file) that has ``columns``."""
    reader = csv.DictReader(io.StringIO(source.read_text(encoding="utf-8"), newline=""))
    missing = [c for c in columns if c not in (reader.fieldnames or [])]
    if missing:
        raise ValueError(f"{source}: a table with columns {','.join(columns)} is needed (missing {','.join(missing)})")
    return list(reader)


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    table: dict[str, str] = {}
    for source in (ALIASES, *USER_ALIASES):  # the user's rows win
        for row in _rows(source, ("variant", "canonical")):
            table[skeleton(row["variant"])] = row["canonical"]
    return table


def alias_of(name: str) -> str:
    """The table's spelling of ``name`` (the name itself when the table does not know it)."""
    return _aliases().get(skeleton(name), name)


def _letters(name: str) -> str:
    """The name without area words, Arabic article or Slavic adjective ending, digraphs unified."""
    t = _AREA_WORDS.sub(" ", _plain(name))
    t = re.sub(r"^(?:al|an|as|ad|ar|ash|at|el) ", "", t.strip())
    t = re.sub(r"(?:s'?ka|s'?kyi|nski)$", "", t.replace(" ", ""))
    for a, b in (("kh", "x"), ("gh", "g"), ("ch", "c"), ("sh", "s"), ("zh", "z"), ("j", "c"), ("q", "g"), ("ph", "f"), ("w", "v")):
        t = t.replace(a, b)
    return re.sub(r"(\w)\1+", r"\1", t.replace("'", ""))


def _consonants(name: str) -> str:
    return re.sub(r"(\w)\1+", r"\1", re.sub(r"[aeiouy]", "", _letters(name)))


@lru_cache(maxsize=1)
def _subdivisions() -> tuple[dict[str, str], dict[str, str]]:
    import pycountry

    exact: dict[str, set[str]] = {}
    loose: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        if sub.type in {"City", "Capital city", "Capital district"}:
            continue
        exact.setdefault(_letters(sub.name), set()).add(sub.code)
        loose.setdefault(_consonants(sub.name), set()).add(sub.code)

    def unique(found: dict[str, set[str]]) -> dict[str, str]:
        return {k: next(iter(v)) for k, v in found.items() if len(v) == 1}

    exact_u, loose_u = unique(exact), unique(loose)
    # the alias table's English names of ISO subdivisions ("Siem Reab" -> "Siem Reap")
    for row in _rows(ALIASES, ("variant", "canonical")):
        code = exact_u.get(_letters(row["variant"]))
        if code and _letters(row["canonical"]) not in exact:
            exact_u.setdefault(_letters(row["canonical"]), code)
    return exact_u, loose_u


_SECOND_LEVEL = frozenset({"rayon", "district", "municipality", "county", "commune", "city municipality"})


@lru_cache(maxsize=1)
def _levels() -> dict[str, str]:
    import pycountry

    return {sub.code: "2" if sub.type.lower() in _SECOND_LEVEL else "1" for sub in pycountry.subdivisions}


def subdivision_level(code: str) -> str | None:
    """"1" for an ISO 3166-2 region, province or state; "2" for a district, municipality or county."""
    return _levels().get(code)


def subdivision_code(name: str, levels: frozenset[str] | set[str] = frozenset()) -> str | None:
    return _subdivision_code(name, frozenset(levels))


@lru_cache(maxsize=1 << 14)
def _subdivision_code(name: str, levels: frozenset[str]) -> str | None:
    """ISO 3166-2 code of the one area in the world this name can be, else None: first by its
    letters, then (for names of five consonants or more) by its consonants alone. ``levels``
    ("1": region, province, oblast…; "2": district, rayon, municipality…), when given, are the
    levels the text gives the area: "Poltava district" is not the Poltava oblast."""
    exact, loose = _subdivisions()
    name = alias_of(name)
    code = None
    key = _letters(name)
    if len(key) >= 4 and key in exact:
        code = exact[key]
    else:
        key = _consonants(name)
        code = loose.get(key) if len(key) >= 5 else None
    if code is not None and levels and _levels().get(code) not in levels:
        return None
    return code


@lru_cache(maxsize=1)
def _wikidata() -> dict[str, str]:
    return {row["iso3166_1_alpha2"]: row["wikidata"] for row in _rows(COUNTRY_WIKIDATA, ("iso3166_1_alpha2", "wikidata"))}


def wikidata_of(iso2: str) -> str | None:
    """Wikidata QID of a country by its ISO 3166-1 alpha-2 code."""
    return _wikidata().get(iso2)


@lru_cache(maxsize=4)
def _distinct(path: str) -> frozenset[frozenset[str]]:
    rows = _rows(Path(path), ("name_a", "name_b"))
    return frozenset(frozenset({skeleton(r["name_a"]), skeleton(r["name_b"])}) for r in rows)


def kept_apart(a: str, b: str) -> bool:
    """The user's undo of a merge: their ``distinct.csv`` (``--distinct``) lists names never to be joined."""
    return DISTINCT is not None and frozenset({skeleton(a), skeleton(b)}) in _distinct(str(DISTINCT))


@lru_cache(maxsize=1)
def _strict_names() -> frozenset[str]:
    import pycountry

    return frozenset(_strict(sub.name) for sub in pycountry.subdivisions
                     if sub.type not in {"City", "Capital city", "Capital district"})


def _strict(name: str) -> str:
    return _AREA_WORDS.sub(" ", _plain(name)).replace(" ", "")


def subdivision_exact(name: str) -> bool:
    """Is this, letter for letter (accents, case and a word like "province" aside), the name of an
    ISO 3166-2 subdivision? ("Boyacá" is; "Poltava", the town, is not "Poltavska oblast".)"""
    key = _strict(name)
    return len(key) >= 5 and key in _strict_names()
