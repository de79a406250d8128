"""Extract: ``Article`` -> ``Reading`` (mentions, roles, statements, incidents, places).

The only package that touches spaCy. It runs the English pipeline once per article and applies
the rules in its modules: ``names`` (who and what is named, with class evidence), ``places``
(``locatedIn``), ``roles`` (memberships), ``statements`` (quotes and reported speech) and
``incidents``; everything it returns is plain ``newskg.models`` data with character offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from newskg.extract.countries import country_code, country_name, demonym_country
from newskg.extract.doc import Ctx, fold
from newskg.extract.incidents import find_incidents
from newskg.extract.lexicon import MINISTRY_OF
from newskg.extract.model import ModelMissing, load_model
from newskg.extract.names import find_mentions
from newskg.extract.places import find_located_in, home_country, top_class
from newskg.extract.placetypes import type_places
from newskg.extract.roles import find_roles
from newskg.extract.statements import find_statements
from newskg.models import (
    GOVERNMENT_BODY,
    Article,
    Incident,
    LocatedIn,
    Membership,
    Mention,
    Reading,
    Statement,
)

__all__ = ["extract", "extract_many", "ModelMissing", "load_model"]

_DOMAIN_MINISTRY = re.compile(r"^(?:(?P<dem>[A-Z][\w-]+) )?(?P<dom>Foreign|Defen[cs]e|Interior|Health|Justice|Economy|Finance|Emergency|Education|Energy|Agriculture) Ministry$")
_QUALIFIED = re.compile(r"^Ministry of (?P<dom>[A-Z][\w ]+?) of (?P<country>[A-Z][\w ]+)$")
_MINISTRY_OF = re.compile(r"^Ministry of (?P<dom>[A-Z][\w ]+?)$")


def _canonical_bodies(ctx: Ctx) -> None:
    """"Georgian Foreign Ministry", "the Foreign Ministry" -> "Ministry of Foreign Affairs of Georgia"."""
    # a writer names the other country's ministry ("the Russian Foreign Minister") and leaves
    # their own bare ("the Foreign Ministry"): a bare one is not of a country named that way
    # ...but a body first named in full ("the Ministry of Foreign Affairs of Ukraine") is the one
    # its short name means later
    qualified: dict[str, set[str]] = {}
    named: dict[str, str] = {}
    for c in ctx.cands:
        m = _QUALIFIED.search(c.canonical or "")
        if m and country_code(m["country"]):
            qualified.setdefault(m["dom"].lower(), set()).add(country_code(m["country"]) or "")
        m = _QUALIFIED.search(c.text.removeprefix("the ")) if c.canonical is None else None
        if m and country_code(m["country"]):
            named.setdefault(m["dom"].lower(), country_code(m["country"]) or "")
    for c in ctx.cands:
        if c.canonical or top_class(c) != GOVERNMENT_BODY:
            continue
        text = c.text.removeprefix("the ").removeprefix("The ")
        m = _DOMAIN_MINISTRY.match(text)
        if m:
            dom = MINISTRY_OF.get(m["dom"].lower(), m["dom"]).lower()
            others = qualified.get(dom, set())
            home = named.get(dom) or (next((x for x in ctx.home_ranking if x not in others), None) if others else ctx.home_country)
            code = demonym_country(m["dem"]) if m["dem"] else _owner_country(ctx, c) or home
            if m["dem"] and code is None:
                continue
            name = f"Ministry of {MINISTRY_OF.get(m['dom'].lower(), m['dom'])}"
            c.canonical = f"{name} of {country_name(code)}" if code else name
            continue
        m = _MINISTRY_OF.match(text)
        if m and ctx.home_country and " of " not in m["dom"]:
            c.canonical = f"{text} of {country_name(ctx.home_country)}"
    # one spelling per body: an implied "Ministry of Defense" takes the article's "Ministry of Defence"
    spelled: dict[str, str] = {}
    for c in ctx.cands:
        if c.canonical and c.text.startswith("Ministry") and c.char_end > c.char_start:
            spelled.setdefault(_spelling_key(c.canonical), c.canonical)
    for c in ctx.cands:
        if c.canonical:
            c.canonical = spelled.get(_spelling_key(c.canonical), c.canonical)


def _owner_country(ctx: Ctx, c) -> str | None:
    """The country a possessive names before a body: "Zembla's Foreign Ministry" -> its code."""
    doc = ctx.doc
    if c.start < 2 or doc[c.start - 1].tag_ != "POS":
        return None
    owner = ctx.at(c.start - 2)
    return country_code(owner.text) if owner is not None and top_class(owner) == "Country" else None


def _spelling_key(name: str) -> str:
    """British and American spellings of one name fold together."""
    return re.sub(r"ence\b", "ense", re.sub(r"isation\b", "ization", name.casefold()))


def _keyword_first(ctx: Ctx, c) -> bool:
    """"the province of X": the place's keyword is written before its name."""
    doc = ctx.doc
    return bool(c.keyword) and c.start >= 2 and doc[c.start - 1].lower_ == "of" and doc[c.start - 2].lower_ == c.keyword


def _mentions(ctx: Ctx) -> list[Mention]:
    out = []
    for c in ctx.cands:
        cls = top_class(c)
        text = c.text.strip()
        out.append(Mention(
            id=c.id, text=text, start=c.char_start, end=c.char_end, cls=cls,
            weight=sum(c.evidence.values()), key=fold(text), nominal=c.nominal,
            refers_to=c.refers_to, canonical=c.canonical, keyword=c.keyword,
            votes=tuple(sorted(c.evidence.items())), keyword_first=_keyword_first(ctx, c),
        ))
    return out


def extract(article: Article, nlp=None, doc=None) -> Reading:
    """Read one article. ``nlp`` defaults to the installed English pipeline."""
    if doc is None:
        nlp = nlp or load_model()
        doc = parse_long(nlp, article.body)
    return _read(article, doc)


def extract_many(articles: Iterable[Article], nlp=None, batch_size: int = 32) -> Iterator[Reading]:
    """Read many articles with one pipeline, batched (``nlp.pipe``); a text longer than the
    pipeline's ``max_length`` is parsed in pieces (``parse_long``)."""
    nlp = nlp or load_model()
    arts = list(articles)
    short = iter(nlp.pipe((a.body for a in arts if len(a.body) <= nlp.max_length), batch_size=batch_size))
    for article in arts:
        doc = next(short) if len(article.body) <= nlp.max_length else parse_long(nlp, article.body)
        yield _read(article, doc)


def parse_long(nlp, text: str):
    """One Doc for ``text``, parsed in pieces of at most ``nlp.max_length`` characters cut after a
    paragraph break (else a line break, else a space), joined back so offsets are the text's."""
    limit = nlp.max_length
    if len(text) <= limit:
        return nlp(text)
    from spacy.tokens import Doc

    pieces, start = [], 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            window = text[start:end]
            cut = max(window.rfind("\n\n"), window.rfind("\n"), window.rfind(" "))
            end = start + cut + 1 if cut > 0 else end
        pieces.append(text[start:end])
        start = end
    doc = Doc.from_docs(list(nlp.pipe(pieces)), ensure_whitespace=False)
    assert doc.text == text
    return doc


def _read(article: Article, doc) -> Reading:
    from newskg.resolve import cluster_mentions

    ctx = Ctx(doc, article)
    publisher = find_mentions(ctx)
    type_places(ctx)
    ctx.home_country = home_country(ctx)
    _canonical_bodies(ctx)
    located = find_located_in(ctx)
    roles = find_roles(ctx)
    found = find_statements(ctx, [(r.person, r.role, r.start, r.org) for r in roles])
    mentions = _mentions(ctx)
    clusters = cluster_mentions(mentions, ctx.doc.text)
    cluster_of = {m: i for i, members in enumerate(clusters) for m in members}

    def same(a: int, b: int) -> bool:
        return cluster_of.get(a, -a - 1) == cluster_of.get(b, -b - 2)

    speakers = {s for f in found for s in f.speakers}
    speaker_clusters = {cluster_of.get(s) for s in speakers}
    speakers |= {m.id for m in mentions if cluster_of.get(m.id) in speaker_clusters}
    incidents = find_incidents(ctx, located, speakers, same)
    def trim(start: int, end: int) -> tuple[int, int]:
        """Evidence without the blanked header, footer or sign-off around it."""
        body = article.body
        while start < end and body[start].isspace():
            start += 1
        while end > start and body[end - 1].isspace():
            end -= 1
        return start, end

    for f in found:
        f.start, f.end = trim(f.start, f.end)
    for i in incidents:
        i.start, i.end = trim(i.start, i.end)
    statements = tuple(
        Statement(
            speakers=tuple(dict.fromkeys(f.speakers)), text=article.text[f.start:f.end], start=f.start, end=f.end,
            kind=f.kind, date=article.published,
            mentions=tuple(c.id for c in ctx.cands if f.start <= c.char_start < f.end and not c.nominal and c.char_end > c.char_start),
        )
        for f in found
    )
    return Reading(
        article=article,
        mentions=tuple(mentions),
        memberships=tuple(Membership(r.person, r.role, r.org, r.start, r.end) for r in roles),
        statements=statements,
        incidents=tuple(
            Incident(kind=i.kind, start=i.start, end=i.end, date=i.date, place=i.place, killed=i.killed,
                     injured=i.injured, victims=tuple(dict.fromkeys(i.victims)))
            for i in incidents
        ),
        located_in=tuple(LocatedIn(a, b, s, e) for a, b, s, e in dict.fromkeys(located)),
        publisher_mention=publisher,
        clusters=tuple(tuple(c) for c in clusters),
    )

