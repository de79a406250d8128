"""Names: find the named people, bodies and places of an article and the evidence for their class.

Extract stage: a ``Ctx`` (the article and its spaCy ``Doc``) goes in; its mentions (``Cand``) and
the title phrases glued to names (``RolePhrase``) come out in it. News English writes names in
title case, glues titles and roles to them ("Spokesperson for the Foreign Ministry Jane Doe"),
types places with keywords ("X village of Y district") and introduces acronyms in parentheses.
This module runs the steps in order: the dateline, bylines and credits, the title-case chunks
(``chunks``) split into title, body and person (``titled``) and classified by votes
(``classes``), then the names that are no chunk of their own (``bodies``) and the publisher.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry

from newskg.aliases import subdivision_exact
from newskg.extract.bodies import (
    add_acronyms,
    add_lowercase_bodies,
    add_nominals,
    add_place_bodies,
    add_surnames,
    link_short_forms,
    share_alias_votes,
    share_list_votes,
    share_same_name_votes,
    told_outlet,
    town_before_area,
)
from newskg.extract.chunks import PAGE_WORDS, is_cap, name_chunks, starts_sentence
from newskg.extract.countries import country_code, demonym_country, is_city
from newskg.extract.credits import chrome_lines, find_credits
from newskg.extract.doc import Cand, Ctx, RolePhrase, fold
from newskg.extract.layout import nav_items
from newskg.extract.lexicon import ORG_HEADS
from newskg.extract.model import load_model
from newskg.extract.people import is_given_name
from newskg.extract.titled import add_chunk
from newskg.models import MEDIA_OUTLET, PERSON, SETTLEMENT


def add_dateline(ctx: Ctx) -> None:
    span = ctx.article.dateline
    if span is None:
        return
    tok_span = ctx.doc.char_span(span.start, span.end, alignment_mode="expand")
    if tok_span is None or any(t.lower_ in PAGE_WORDS for t in tok_span):
        return  # "BREAKING:", "ALSO READ:": a page's label, not a town
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
    header_end = _header_end(ctx.text)
    mid_caps = {t.text for t in ctx.doc if is_cap(t) and not starts_sentence(t)}
    for start, end in name_chunks(ctx.doc):
        if ctx.at(start) is not None or start in chrome or _common_word(ctx, start, end, lower_words, mid_caps) \
                or _section_label(ctx, start, end, header_end):
            continue
        add_chunk(ctx, start, end)
    add_lowercase_bodies(ctx)
    add_place_bodies(ctx)
    add_acronyms(ctx)
    share_alias_votes(ctx)
    add_nominals(ctx)
    add_surnames(ctx)
    share_list_votes(ctx)
    town_before_area(ctx)
    told_outlet(ctx)
    publisher = add_publisher(ctx)
    share_same_name_votes(ctx)
    link_short_forms(ctx)
    for person, role, outlet in credited:
        org = outlet if outlet is not None else publisher
        if org is None:
            continue  # a byline's job is at the outlet; with no outlet known there is no membership
        c = ctx.cands[person]
        ctx.roles.append(RolePhrase(role=role, org=org, start=c.start, end=c.end, person=person))
    return publisher


def _common_word(ctx: Ctx, start: int, end: int, lower_words: set[str], mid_caps: set[str] | None = None) -> bool:
    """One capitalised word at the start of a sentence or line that the article also writes in
    lower case ("Economy", "Police", "Breaking") is a common noun, not a name; so is a bare body
    noun ("Government", "Ministry") and a clock's "AM"/"PM". An English word that opens a sentence
    and that the article never capitalises inside one ("Turnout was low") is no name either."""
    if end - start != 1:
        return False
    tok = ctx.doc[start]
    if tok.text in {"AM", "PM", "A.M.", "P.M."} or len(tok.text.rstrip(".")) == 1:
        return True  # a clock's hour; a lone letter (an initial, the platform "X")
    if country_code(tok.text) or tok.text.isupper():
        return False
    common = tok.tag_ in COMMON_TAGS and tok.ent_type_ not in {"GPE", "LOC"} and tok.lemma_.lower() in english_words() \
        and not demonym_country(tok.text)
    if is_city(tok.text) and tok.tag_ not in CLOSED_TAGS:
        return False  # (the tagger calls a town before a noun an adjective: "Harbourton police")
    if tok.lower_ in {"government"}:
        return True  # a bare body noun
    if common:
        return True  # "Normal", "Photographs", "Breaking": the tagger reads a common English word
    if is_language(tok.text):
        return True  # "the Kazakh side", "Tamil students": a people's or a language's name
    if not starts_sentence(tok):
        return False
    if tok.lower_ in lower_words:
        return True
    owner = start + 1 < len(ctx.doc) and ctx.doc[start + 1].text in {"'s", "’s"}  # "Labour's leader": a name
    return (mid_caps is not None and tok.text not in mid_caps and tok.is_title and tok.lower_ in english_words()
            and not owner and tok.ent_type_ in {"", "PERSON"} and not is_city(tok.text) and not is_given_name(tok.text) and tok.lower_ not in ORG_HEADS)


def _header_end(text: str) -> int:
    """Where a page's header ends: at the first line that reads as prose (ten words or more)."""
    for m in re.finditer(r"[^\n]+", text):
        if len(m.group().split()) >= 10 and any(w.islower() for w in m.group().split()):
            return m.start()
    return 0


# Marks that set the items of a header line apart ("OUTLET | Economy", "Outlet – Overseas Service").
_ITEM_BREAK = re.compile(r"\s[|–—·•:]\s|\n")


def _section_label(ctx: Ctx, start: int, end: int, header_end: int) -> bool:
    """A page header's section label ("Economy", "Farm Notes", "Market Report of <date>"): a name of
    common English words only (no town, country or region), a header line's item whole, on a line
    with no lower-case word but connectors. The outlet's own name is left to the masthead's reading."""
    span = ctx.doc[start:end]
    a = span.start_char
    if a >= header_end:
        return False
    line_start = ctx.text.rfind("\n", 0, a) + 1
    line_end = ctx.text.find("\n", a)
    line = ctx.article.text[line_start:line_end if line_end >= 0 else len(ctx.text)]  # with what ingest blanked
    before = ctx.text[line_start:a]
    if before.strip() and not _ITEM_BREAK.search(before[-3:] if len(before) >= 3 else " " + before):
        return False
    after = line[span.end_char - line_start:]
    if after.strip() and not re.match(r"\s[|–—·•:]\s", after) and not (re.match(r"[\s,]", after) and re.search(r"\d", after)):
        return False  # "Alderby, Eastvale": a town and its region; a label is an item whole, or dated
    if any(w.islower() and w not in {"of", "and", "the", "in", "on"} for w in re.findall(r"[^\W\d_]+", line)):
        return False
    words = [t.lower_ for t in span if t.is_alpha]
    publisher = ctx.article.publisher or ""
    if not words or not all(w in english_words() for w in words) or fold(span.text) in fold(publisher):
        return False
    return not any(country_code(t.text) or is_city(t.text) or subdivision_exact(t.text) for t in span if t.is_alpha)


# Tags of words that are not proper nouns: adjectives, adverbs, verbs, common nouns.
COMMON_TAGS = frozenset("JJ JJR JJS RB VB VBD VBG VBN VBP VBZ NN NNS MD".split())
# Tags of function words, which no town's name is: a modal verb ("Can you …").
CLOSED_TAGS = frozenset("MD".split())


@lru_cache(maxsize=4096)
def is_language(word: str) -> bool:
    """The English name of a major language (one with an ISO 639-1 code, pycountry), so also of
    the people who speak it ("Kazakh", "Tamil"); the thousands of smaller ones share names with
    places and clans, and are left out."""
    try:
        lang = pycountry.languages.get(name=word)
    except LookupError:
        return False
    return lang is not None and hasattr(lang, "alpha_2")


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Base forms of English nouns, verbs, adjectives and adverbs: the index of the lemmatizer
    in spaCy's English pipeline (from WordNet); empty for a pipeline without one."""
    nlp = load_model()
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index", {})
    return frozenset(w for pos in table.keys() for w in table[pos])


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
        blanked = not ctx.text[cr.start:cr.end].strip()
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
    for a, b in chrome_lines(ctx.text) + nav_items(ctx.text):
        span = ctx.doc.char_span(a, b, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return out
