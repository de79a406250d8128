"""Matching: when two names written in different articles are one real thing, and why.

Stage: resolve, across articles. In: names (strings) and what the articles say around them.
Out: keys that the transliterations of one name share, and pair decisions with the rule and
score that made them (written to ``nkg:mergeNote``).

- ``sound_key`` folds what differs between romanisations of one word and nothing else that a
  reader would not fold: any script to Latin letters (anyascii), vowels, doubled letters, and
  the consonants that romanisation systems write differently for one sound (Arabic and Somali
  q/g/k, kh/x/h; Russian/Ukrainian v/w, ks/x; Portuguese tx/ch, nh/ny; Turkish ş/sh, ç/ch).
- ``person_names_match`` compares two people's names token by token: titles and honorifics
  aside, a patronymic in the middle aside ("Ivan Petrovich Sidorov" is "Ivan Sidorov"), a
  middle name one side leaves out, an initial for a given name ("J. Sidorov").
- ``body_words`` is a body's name as a bag of content words: common body-name words of
  Portuguese, Spanish and French in English (``BODY_WORDS``), a demonym as its country, "the
  Republic of" aside, so "Conselho Nacional de Saúde" and "National Health Council" share it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import jellyfish
from anyascii import anyascii

__all__ = ["sound_key", "plain", "person_tokens", "surname", "SURNAME_PARTICLES", "person_names_match", "body_words", "name_similarity",
           "place_core", "place_letters", "BODY_WORDS"]

# Titles and honorifics written before a name in news English (and the press of other languages).
TITLES = frozenset("""mr mrs ms miss dr prof professor sir dame sheikh shaikh sayyid hajji haji eng engineer
gen general col colonel maj major capt captain lt lieutenant sgt sergeant brig adm admiral cpl pte
president vice minister deputy governor mayor judge justice rev reverend father imam rabbi bishop
ambassador senator rep mp chief commander spokesman spokeswoman spokesperson ato weyzero sra sr
dona dom don senhor senhora monsieur madame mme bey pasha hanim""".split())
# Middle names that are a father's name: East Slavic -ovich/-ovna, Turkic -uly/-kyzy.
_PATRONYMIC = re.compile(r"(?:ovich|evich|ovych|evych|yovych|ich|ovna|evna|ivna|yivna|ovna|uly|ulu|kyzy|qizi)$")
_ARTICLE = re.compile(r"^(?:al|el|ul|ar|as|ad|an|ash|at|az|ad|ed|es|er|en)-")

# Common words of body names in Portuguese, Spanish and French, in English. Sources: the
# English names those states' own bodies use (e.g. "Comissão Nacional de Eleições" publishes as
# "National Elections Commission"; the UN term portal gives the French and Spanish equivalents).
BODY_WORDS = {
    "ministerio": "ministry", "ministério": "ministry", "ministère": "ministry", "ministere": "ministry",
    "comissao": "commission", "comissão": "commission", "comision": "commission", "comisión": "commission",
    "commission": "commission", "conselho": "council", "consejo": "council", "conseil": "council",
    "nacional": "national", "national": "national", "nationale": "national", "eleicoes": "elections",
    "eleições": "elections", "elecciones": "elections", "élections": "elections", "elections": "elections",
    "eleitoral": "electoral", "electoral": "electoral", "électorale": "electoral",
    "constitucional": "constitutional", "constitutionnel": "constitutional", "constitutional": "constitutional",
    "policia": "police", "polícia": "police", "policía": "police", "police": "police",
    "republica": "republic", "república": "republic", "république": "republic",
    "tribunal": "court", "corte": "court", "cour": "court", "supremo": "supreme", "suprema": "supreme",
    "suprême": "supreme", "assembleia": "assembly", "asamblea": "assembly", "assemblée": "assembly",
    "governo": "government", "gobierno": "government", "gouvernement": "government",
    "saude": "health", "saúde": "health", "salud": "health", "santé": "health", "defesa": "defence",
    "defensa": "defence", "défense": "defence", "defense": "defence", "interior": "interior",
    "interieur": "interior", "intérieur": "interior", "justica": "justice", "justiça": "justice",
    "justicia": "justice", "forcas": "forces", "forças": "forces", "fuerzas": "forces", "forces": "forces",
    "armadas": "armed", "armées": "armed", "armees": "armed", "exercito": "army", "exército": "army",
    "ejército": "army", "ejercito": "army", "armée": "army", "armee": "army", "partido": "party",
    "parti": "party", "frente": "front", "front": "front", "uniao": "union", "união": "union", "unión": "union",
    "union": "union", "instituto": "institute", "institut": "institute", "agencia": "agency", "agência": "agency",
    "agence": "agency", "banco": "bank", "banque": "bank", "central": "central", "hospital": "hospital",
    "hôpital": "hospital", "universidade": "university", "universidad": "university", "université": "university",
    "cruz": "cross", "croix": "cross", "vermelha": "red", "roja": "red", "rouge": "red",
}
_STOP = frozenset("of the and for de da do das dos del la las los le les des du y e et to in on".split())
_POLICE_TAILS = frozenset({"department", "force", "service", "command"})
_SYNONYMS = {"defense": "defence", "govt": "government"}


@lru_cache(maxsize=1 << 16)
def plain(word: str) -> str:
    """Latin letters, lower case, no marks: "Çağlar" -> "caglar", "Харків" -> "kharkiv"."""
    word = unicodedata.normalize("NFC", word.replace("’", "'"))
    return re.sub(r"[^a-z0-9 -]", "", anyascii(word).lower())


_SOUNDS = (
    (r"sch", "s"), (r"tch|tsh|tx|ch|ts|tz", "C"), (r"ks", "x"), (r"kh|x", "h"), (r"gh", "g"), (r"sh", "s"),
    (r"zh|dzh|dj", "j"), (r"ph", "f"), (r"dh", "d"), (r"th", "t"), (r"nh|ny|gn", "n"), (r"(?<=[aeiou])h$", ""), (r"q|g|c|ck", "k"),
    (r"w", "v"), (r"(?<=[^aeiouy ])h", ""), (r"[aeiouy]", ""), (r"(\w)\1+", r"\1"),
)


@lru_cache(maxsize=1 << 16)
def sound_key(word: str) -> str:
    """What romanisations of one word share: "Muqdisho"/"Mogadishu" -> "mkds";
    "Oleksiy"/"Alexei" -> "lh"; "Muchanga"/"Mutxanga" -> "mCnk". A word of vowels alone keeps them."""
    t = plain(word).replace("-", "").replace(" ", "")
    for pat, rep in _SOUNDS:
        t = re.sub(pat, rep, t)
    return t or plain(word)


def _fine(word: str) -> str:
    """Letters with vowels kept (for similarity): one spelling of doubled letters and "ou/oo/ee"."""
    t = plain(word).replace("-", "").replace(" ", "")
    for pat, rep in ((r"ou|oo", "u"), (r"ee", "i"), (r"(\w)\1+", r"\1"), (r"y$", "i")):
        t = re.sub(pat, rep, t)
    return t


# Words that open a surname of two words or more: "Te Rangi", "van Dijk", "de Souza", "bin Zayed".
SURNAME_PARTICLES = frozenset("""te van von der den de da das do dos del della di du la le ben bin ibn abu
ould mac st""".split())


def person_tokens(name: str) -> list[str]:
    """A person's name words without titles, honorifics and (in the middle) a patronymic;
    initials run together ("H.K.") as one word each."""
    words = [w for w in re.split(r"\s+", name.strip()) if w]
    words = [x for w in words for x in (re.findall(r"[A-Z]\.", w) if re.fullmatch(r"(?:[A-Z]\.){2,}", w) else [w])]
    while len(words) > 1 and plain(words[0]).rstrip(".") in TITLES:
        words = words[1:]
    if len(words) >= 3:
        words = [words[0], *[w for w in words[1:-1] if not _PATRONYMIC.search(plain(w))], words[-1]]
    return words


def surname(name: str) -> tuple[str, ...]:
    """The surname words of a name: the last word and the particles before it ("Hana Te Rangi"
    -> ("Te", "Rangi"); "Kiri Rangi" -> ("Rangi",)). A name that is all surname stands for a
    full name with that surname ("Ms Te Rangi" after "Hana Te Rangi")."""
    words = person_tokens(name)
    i = len(words) - 1
    while i > 0 and words[i - 1].lower() in SURNAME_PARTICLES and (i > 1 or len(words) == 2):
        i -= 1
    return tuple(words[i:])


def _feminine(surname: str) -> bool:
    """Slavic and Turkic surnames mark a woman: -ova, -eva, -ina, -skaya ("Ivanov", "Ivanova")."""
    return bool(re.search(r"(?:ov|ev|yev|in|yn)a$|(?:sk|ck|ts)aya$|ska$", plain(surname)))


def _initial(w: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]\.?", w.strip()))


def _tok_match(a: str, b: str) -> bool:
    if _initial(a) or _initial(b):
        # Cyrillic Е/Є and Ю/Я are written E/Ye, Yu/U, Ya/A: "E. Smirnov" may be "Yegor Smirnov"
        return plain(a)[:1] in {plain(b)[:1], plain(b).removeprefix("y")[:1]} or \
            plain(b)[:1] in {plain(a)[:1], plain(a).removeprefix("y")[:1]}
    a, b = _ARTICLE.sub("", plain(a)), _ARTICLE.sub("", plain(b))
    return sound_key(a) == sound_key(b) or _b_is_v(a, b)


def _b_is_v(a: str, b: str) -> bool:
    """b and v are one letter in some romanisations (Hindi, Spanish): only between words of
    one length, so "Orazov" is not "Orazbayev"."""
    return abs(len(a) - len(b)) <= 1 and sound_key(a).replace("b", "v") == sound_key(b).replace("b", "v")


def name_similarity(a: str, b: str) -> float:
    """Jaro-Winkler similarity of the two names' letters (vowels kept), 0..1."""
    return jellyfish.jaro_winkler_similarity(_fine(a), _fine(b))


def person_names_match(a: str, b: str) -> tuple[float, str] | None:
    """Can these two full names be one person's? Returns (letter similarity, rule) or None.

    Rule "compound": the names' sounds are equal once written as one word ("Abd El-Karim"
    and "Abdelkarim"). Rule "tokens": first and last names sound alike (or an initial stands
    for the first name) and every middle name of the shorter is among the longer's."""
    ta, tb = person_tokens(a), person_tokens(b)
    if len(ta) < 2 or len(tb) < 2 or _feminine(ta[-1]) != _feminine(tb[-1]):
        return None
    sim = name_similarity(" ".join(ta), " ".join(tb))
    if all(not _initial(w) for w in ta + tb) and (sound_key("".join(ta)) == sound_key("".join(tb))
                                                  or _b_is_v("".join(ta), "".join(tb))):
        return sim, "compound"
    if len(ta) > len(tb):
        ta, tb = tb, ta
    if not (_tok_match(ta[-1], tb[-1]) and _tok_match(ta[0], tb[0])):
        return None
    if _initial(ta[-1]) or _initial(tb[-1]):
        return None
    rest = iter(tb[1:-1])
    pairs = [(ta[0], tb[0]), (ta[-1], tb[-1])]
    for m in ta[1:-1]:
        hit = next((x for x in rest if _tok_match(m, x)), None)
        if hit is None:
            return None
        pairs.append((m, hit))
    sims = [name_similarity(x, y) for x, y in pairs if not (_initial(x) or _initial(y))]
    return sum(sims) / len(sims), "tokens"


_PLACE_WORDS = re.compile(
    r"\b(?:district|region|province|oblast|governorate|state|county|municipality|zone|raion|rayon|"
    r"city|town|village|camp|township|prefecture|department|commune|municipio|sub-district)\b", re.I)


def place_letters(name: str) -> str:
    """A place name's letters without the Arabic article and the place word ("Al-Faris city" -> "faris")."""
    words = [_ARTICLE.sub("", w) for w in plain(name).split()]
    words = [w for w in words if w not in {"al", "el", "the"}]
    return _PLACE_WORDS.sub(" ", " ".join(words)).replace(" ", "").replace("-", "")


def place_core(name: str) -> str:
    """A place name's sound without the Arabic article and the place word ("Al-Faris city" -> "frs")."""
    return sound_key(place_letters(name))


@lru_cache(maxsize=1 << 16)  # a pure function of a name (and the fixed country tables)
def body_words(name: str, country_of_word) -> frozenset[str]:
    """A body's name as a bag of content words in English, countries as ISO codes.

    ``country_of_word`` maps a word or phrase (a country name or a demonym) to its ISO code."""
    text = re.sub(r"\bU\.?\s?N\.?(?=\s|$)", "United Nations", name)
    text = re.sub(r"\bUK\b", "United Kingdom", re.sub(r"\bUS\b|\bU\.S\.", "United States", text))
    words = [w for w in re.split(r"[\s,/&]+", text.replace("’", "'")) if w]
    out: list[str] = []
    i = 0
    while i < len(words):
        for n in (4, 3, 2, 1):  # the longest country name first ("Republic of South Sudan")
            chunk = " ".join(words[i:i + n])
            code = country_of_word(chunk) if chunk[:1].isupper() else None
            if code:
                out.append(code.upper())
                i += n
                break
        else:
            w = plain(words[i]).strip("-'")
            w = re.sub(r"'s$", "", w)
            low = words[i].lower()
            w = BODY_WORDS.get(low, BODY_WORDS.get(w, w))
            w = _SYNONYMS.get(w, w)
            if w and w not in _STOP:
                out.append(w)
            i += 1
    if any(w.isupper() for w in out):
        out = [w for w in out if w != "republic"]
    if "army" in words and any(w.isupper() for w in out):
        # "the Sudanese army", lower case, is the nation's military, its armed forces (AP style:
        # lower case for other nations' forces); "the U.S. Army", a proper name, is one branch
        out = [w for w in out if w != "army"] + ["armed", "forces"]
    if "police" in out:  # a place's police: "Police", "Police Department", "Police Force", "Police Service"
        out = [w for w in out if w not in _POLICE_TAILS]
    return frozenset(out)
