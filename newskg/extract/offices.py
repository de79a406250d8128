"""Offices: which body a role belongs to (organisation, place or country), with the office table.

Extract stage, used by ``roles`` and ``appositions``. In: the working ``Ctx`` (Doc and mention
candidates) and token positions around a role. Out: mention ids of the body: one named just
before a title ("ACME spokesperson", "Its director"), one after its link word ("head of the Y"),
one the role names ("ombudsman" -> the "Ombudsman's Office"), the armed force a rank serves in,
and the country standing for a ministry the text never names.
"""

from __future__ import annotations

import csv
import io
from functools import cache

from newskg.extract.countries import country_code, country_name, demonym_country
from newskg.extract.doc import Cand, Ctx, fold
from newskg.extract.lexicon import (
    HONORIFICS,
    MINISTRY_OF,
    PLACE_KEYWORDS,
    RANK_WORDS,
    ROLE_MODIFIERS,
    ROLE_WORDS,
    TITLE_QUALIFIERS,
    TRADES,
)
from newskg.extract.places import top_class
from newskg.models import ARMED_FORCES, COUNTRY, GOVERNMENT_BODY, ORG_CLASSES, PERSON, PLACE_CLASSES
from newskg.paths import DATA, resource_text

RANKS = RANK_WORDS
ORG_LINKS = frozenset({"of", "for", "at", "with", "in"})
NOUN, TITLE = "noun", "title"


@cache
def office_table() -> dict[tuple[str, str], tuple[str, ...]]:
    """``ontology/data/offices.csv``: (kind, word) -> what the names of its bodies hold.

    ``noun`` rows: a common noun written before a role for a body the article names ("ministry
    spokesman X"); ``title`` rows: a role whose body is the one the article names with that word
    ("Speaker X" -> the parliament). A body word is a word of the body's name, or ``@Class``."""
    table: dict[tuple[str, str], tuple[str, ...]] = {}
    for row in csv.DictReader(io.StringIO(resource_text(DATA / "offices.csv"))):
        key = (row["kind"], row["word"])
        table[key] = (*table.get(key, ()), row["body"])
    return table


def _holds(c: Cand, body: str) -> bool:
    if body.startswith("@"):
        return top_class(c) == body[1:]
    return body in fold(c.canonical or c.text).replace("-", " ").split()


def body_named_by(ctx: Ctx, kind: str, word: str, at: int) -> int | None:
    """The named body that a ``kind`` word of the office table stands for at char ``at``: the
    nearest one named before, else the first named after."""
    bodies = office_table().get((kind, word.lower()))
    if not bodies:
        return None
    found = [c for c in ctx.cands if is_org(c) and not c.nominal and c.char_end > c.char_start
             and any(_holds(c, b) for b in bodies)]
    before = [c for c in found if c.char_end <= at]
    if before:
        return max(before, key=lambda c: c.char_start).id
    return min(found, key=lambda c: c.char_start).id if found else None


def role_word(tok) -> bool:
    low = tok.lower_.rstrip(".")
    if low in TITLE_QUALIFIERS and tok.i + 1 < len(tok.doc):
        return role_word(tok.doc[tok.i + 1])  # "media officer", "ward councillor"
    return (low in ROLE_WORDS or low in ROLE_MODIFIERS or low in TRADES or low in RANK_WORDS
            or tok.text == "-") and low not in HONORIFICS


def is_org(c: Cand | None) -> bool:
    return c is not None and top_class(c) in ORG_CLASSES


def is_person(c: Cand | None) -> bool:
    return c is not None and not c.nominal and top_class(c) == PERSON


def body_ending_at(ctx: Ctx, m: int) -> int | None:
    """The body a role written at token ``m`` belongs to, named just before it: "ACME spokesperson",
    "ACME (AC) spokesperson", "ACME's spokesperson", "Harbour Town mayor", "Its director" (the
    body named last before)."""
    doc = ctx.doc
    if m >= 1 and doc[m - 1].text == ")":
        k = m - 2
        while k > 0 and m - k < 6 and doc[k].text != "(":
            k -= 1
        if doc[k].text == "(":
            m = k
    if m >= 2 and doc[m - 1].text in {"'s", "’s"}:
        m -= 1
    if m < 1:
        return None
    if m >= 2 and doc[m - 1].lower_ in {"country", "nation"} and doc[m - 2].lower_ == "the" and ctx.home_country \
            and m < len(doc) and doc[m].text in {"'s", "’s"}:
        return country_mention(ctx, ctx.home_country, m - 1)  # "the country's health minister": the article's
    if doc[m - 1].lower_ == "its":
        before = [c for c in ctx.cands if c.end <= m - 1 and is_org(c) and c.char_end > c.char_start]
        return _antecedent(ctx, before, m - 1)
    c = ctx.at(m - 1)
    if c is None or c.end != m:
        return None  # a definite description ("the army's spokesman") is the body it names
    return c.id if is_org(c) or (not c.nominal and top_class(c) in PLACE_CLASSES) else None


def government_title(role: str) -> bool:
    """Titles of a national government ("Prime Minister", "Cabinet Secretary", "Government
    spokeswoman"): written with no body, they are the country's."""
    words = role.replace("-", " ").split()
    return ("minister" in words or role in {"president", "premier", "chancellor", "vice president"}
            or ("cabinet" in words and "secretary" in words) or ("government" in words and len(words) > 1))


def _antecedent(ctx: Ctx, before: list[Cand], at: int) -> int | None:
    """The body "its" at token ``at`` stands for: the subject of its sentence or the one before
    ("ACME, which runs the Y clinic, said its staff … Its director"), else the body named last."""
    if not before:
        return None
    sent = ctx.doc[at].sent
    lo = ctx.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    subjects = [c for c in before if c.start >= lo and any(t.dep_ in {"nsubj", "nsubjpass"} for t in ctx.doc[c.start:c.end])]
    return max(subjects or before, key=lambda c: c.start).id


def body_before_role(ctx: Ctx, k: int) -> tuple[int | None, int]:
    """The body of a role whose words start at token ``k``, and where the phrase then starts:
    a body named right before it ("ACME spokesperson"), before the role's domain ("ACME energy
    policy spokesman"), or a common noun for a body the article names ("ministry spokesman")."""
    doc = ctx.doc
    body = body_ending_at(ctx, k)
    m = k
    while body is None and m > 0 and k - m < 3 and doc[m - 1].is_lower and doc[m - 1].pos_ in {"NOUN", "ADJ"}:
        m -= 1
        body = body_ending_at(ctx, m)
    if body is not None:
        return body, m
    for t in (doc[k - 1] if k > 0 else None, doc[k] if k < len(doc) else None):  # "ministry spokesman", "military spokeswoman"
        if t is not None and t.is_alpha and (t.is_lower or t.is_sent_start):
            named = body_named_by(ctx, NOUN, t.text, t.idx)
            if named is not None:
                return named, k
    return None, k


def _body_by_noun_after(ctx: Ctx, i: int) -> int | None:
    """"vice president of the hospital", "a spokeswoman for the maritime prefecture": a link word,
    "the", lower-case words ending in a body noun of the office table, and the phrase ends there."""
    doc = ctx.doc
    k = i + 1
    if k >= len(doc) or doc[k].lower_ != "the":
        return None
    k += 1
    while k < len(doc) and k < i + 5 and doc[k].is_alpha and doc[k].is_lower:
        k += 1
    if k == i + 2 or (k < len(doc) and (doc[k].is_alpha or doc[k].text in {"'s", "’s"})):
        return None
    return body_named_by(ctx, NOUN, doc[k - 1].text, doc[k - 1].idx)


def org_after(ctx: Ctx, i: int, limit: int = 12) -> int | None:
    """The body after a role's link word; a place right after it ("Governor of X"), but not the
    area a post serves ("representative in X") nor the owner of a body ("for X's Ministry"); in a
    chain "of the Y of the Z" the last body."""
    doc = ctx.doc
    served = doc[i].lower_ == "in"
    ministry = lowercase_ministry(ctx, i + 1)  # "a spokeswoman for Ruritania's health ministry"
    if ministry is not None:
        return ministry
    named = _body_by_noun_after(ctx, i)
    if named is not None:
        return named
    for k in range(i, min(len(doc), i + limit)):
        if doc[k].text in {".", ";", "“", '"'} or doc[k].pos_ == "VERB":
            return None
        c = ctx.at(k)
        if is_org(c) or (c is not None and not c.nominal and k <= i + 1 and top_class(c) in PLACE_CLASSES
                          and not served and not (c.end < len(doc) and doc[c.end].text in {"'s", "’s"})
                          and not (c.end < len(doc) and doc[c.end].is_lower and doc[c.end].pos_ == "NOUN"
                                   and doc[c.end].lower_ not in PLACE_KEYWORDS)):
            assert c is not None
            while True:
                e = c.end
                while e < len(doc) and e < c.end + 2 and doc[e].is_lower and doc[e].pos_ == "NOUN":
                    e += 1  # "the Harbour company of the Gendarmerie": a unit of the body after it
                if e + 1 >= len(doc) or doc[e].lower_ != "of":
                    break
                nxt = ctx.at(e + 1 + (doc[e + 1].lower_ == "the"))
                if not is_org(nxt):
                    break
                assert nxt is not None
                c = nxt
            return c.id
        if c is not None and top_class(c) == PERSON:
            return None
    return None


def org_named_by_role(ctx: Ctx, role: str) -> int | None:
    """"regional ombudsman" -> the "Ombudsman's Office" named in the article."""
    head = role.split()[-1]
    if head in RANKS or head in {"worker", "driver", "farmer", "member", "soldier", "resident"}:
        return None
    for c in ctx.cands:
        if is_org(c) and not c.nominal and head in c.text.lower().replace("'s", "").split():
            return c.id
    return None


def armed_force_before(ctx: Ctx, char: int) -> int | None:
    """A soldier named by rank serves in the armed force named last before him in the article."""
    best = None
    for c in ctx.cands:
        if c.char_end <= char and not c.nominal and top_class(c) == ARMED_FORCES and c.char_end > c.char_start:
            best = c.id
    return best


def named_or_country(ctx: Ctx, org: int, owner: str | None = None) -> int:
    """A ministry implied by a title ("Foreign Minister X") that the article never names is the
    minister's country: the writer named a person of that government, not the ministry."""
    c = ctx.cands[org]
    portfolio = c.char_end > c.char_start and (c.canonical or "").startswith("Ministry of ") \
        and "ministry" not in c.text.lower()  # "Minister of Economy and Planning X": the title's words only
    if top_class(c) != GOVERNMENT_BODY or not portfolio and (c.char_end > c.char_start or not c.text.startswith("Ministry")):
        return org
    name = fold(c.canonical or c.text)
    for other in ctx.cands:
        if other is not c and other.char_end > other.char_start and name in {fold(other.canonical or other.text),
                                                                              fold(other.text)}:
            return org
    code = None
    if " of " in (c.canonical or "")[len("Ministry of "):]:
        code = country_code((c.canonical or "").rsplit(" of ", 1)[1])
    code = code or owner or ctx.home_country  # the country named before the title, else the article's
    if code is None:
        return org
    if not portfolio:
        c.text, c.canonical = "", None  # no entity for a ministry the text does not name
    return country_mention(ctx, code, c.start)


def country_mention(ctx: Ctx, code: str, at: int) -> int:
    """The mention of a country in the article, or a new one without a span."""
    for other in ctx.cands:
        if other.char_end > other.char_start and top_class(other) == COUNTRY and country_code(other.text) == code:
            return other.id
    return ctx.add(Cand(at, at, COUNTRY, 2.0, text=country_name(code) or "")).id


def lowercase_ministry(ctx: Ctx, i: int) -> int | None:
    """A ministry written in lower case from token ``i``: "[the] Ruritania's health ministry",
    "the Ruritanian foreign ministry", "the energy ministry of Ruritania". The ministry the article
    names under its own name, else the country (the writer named the country's government)."""
    doc = ctx.doc
    k = i + (i < len(doc) and doc[i].lower_ == "the")
    code = None
    c = ctx.at(k)
    if c is not None and c.start == k and top_class(c) == COUNTRY and c.end + 1 < len(doc) \
            and doc[c.end].text in {"'s", "’s"}:
        code, k = country_code(c.text), c.end + 1
    elif k < len(doc) and demonym_country(doc[k].text):
        code, k = demonym_country(doc[k].text), k + 1
    if k + 1 >= len(doc) or doc[k].lower_ not in MINISTRY_OF or doc[k + 1].lower_ != "ministry":
        return None
    portfolio, k = doc[k].lower_, k + 2
    if code is None and k + 1 < len(doc) and doc[k].lower_ == "of":
        after = ctx.at(k + 1 + (doc[k + 1].lower_ == "the"))
        code = country_code(after.text) if after is not None and top_class(after) == COUNTRY else None
    words = {portfolio, *fold(MINISTRY_OF[portfolio]).split()}
    for other in ctx.cands:
        name = fold(other.canonical or other.text).split()
        if other.char_end > other.char_start and not other.nominal and top_class(other) == GOVERNMENT_BODY \
                and "ministry" in name and words & set(name) and (code is None or country_code(
                    (other.canonical or other.text).rsplit(" of ", 1)[-1]) in {None, code}):
            return other.id
    return country_mention(ctx, code, i) if code else None
