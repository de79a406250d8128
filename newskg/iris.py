"""IRIs: the keys entity IRIs are made of, Unicode letters kept, and never two things on one.

Used by resolve (in: an entity's class and canonical label; out: its key, ``class/slug``, the
part of the IRI after ``https://w3id.org/newskg/id/``). IRIs (RFC 3987) may hold the letters of
any script, so a slug keeps them: ``Иван Петров`` is ``person/иван-петров``, ``Əli`` keeps its
``ə`` and the Cyrillic ``ә`` stays another letter. Case is folded (Turkish ``İ`` as ``i``) and
everything that is not a letter, digit or combining mark becomes one ``-``. Which names are one
thing is resolution's decision (its spelling-proof keys); the IRI only has to be injective over
what resolution keeps apart: ``unique_key`` gives a second thing that would land on a taken key
a numbered one (``person/ali-rahimi--2``), it never merges them. ``key_label`` chooses the name
a key is made of from all the names an entity's articles use, in no particular order, so the
key does not depend on which article came first (``rekey`` applies it to a whole store).

    >>> slug("İlham Əliyev")
    'ilham-əliyev'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container, Iterable

__all__ = ["slug", "mint_key", "unique_key", "key_label"]

_KEEP = ("L", "N", "M")  # letters, digits, combining marks of any script


def slug(text: str) -> str:
    """The IRI-safe, case-folded form of a name, letters of every script kept (``x`` when none)."""
    t = unicodedata.normalize("NFC", text.replace("İ", "I").replace("’", "'")).casefold()
    t = unicodedata.normalize("NFC", t)
    out = "".join(ch if unicodedata.category(ch)[0] in _KEEP else "-" for ch in t)
    out = re.sub(r"-+", "-", out).strip("-")
    if out and unicodedata.category(out[0])[0] == "M":  # a mark with no letter to sit on
        out = out.lstrip("".join(c for c in out if unicodedata.category(c)[0] == "M")).strip("-")
    return out or "x"


def mint_key(family: str, label: str) -> str:
    """``family/slug`` (family: the coarse class in lower case)."""
    return f"{family}/{slug(label)}"


def unique_key(key: str, taken: Container[str]) -> str:
    """``key``, or when another thing already has it, the first free ``key--2``, ``key--3`` …"""
    if key not in taken:
        return key
    n = 2
    while f"{key}--{n}" in taken:
        n += 1
    return f"{key}--{n}"


def _is_acronym(t: str) -> bool:
    t = t.replace(".", "") if re.fullmatch(r"(?:[A-Z]\.){2,}", t) else t  # "U.N." is "UN"
    return 2 <= len(t) <= 7 and t.isupper() and t.isalpha()


def key_label(family: str, names: Iterable[str]) -> str:
    """The name of ``names`` (every name an entity's articles use) its key is made of: a person's
    fullest, a body's longest that is no acronym, a place's shortest in the alias table's spelling.
    A total order over the names, so the choice never depends on the order they came in.

        >>> key_label("person", ["Doe", "Jane Doe", "J. Doe"])
        'Jane Doe'
    """
    texts = sorted(set(names))
    if family == "person":
        return max(texts, key=lambda t: (len(t.split()), len(t), t))
    if family == "organization":
        return max(texts, key=lambda t: (not _is_acronym(t), len(t), t))
    from newskg.aliases import alias_of

    return min({alias_of(t) for t in texts}, key=lambda t: (len(t), t))
