"""Titled names: split a name chunk into its title, the body the title belongs to and the person.

Extract stage, used by ``names``: a name chunk goes in ("Spokesperson for the Foreign Ministry
Jane Doe", "Harbour Town Mayor John Roe", "Minister of Water Jane Doe"); the person, the body
(or the country, or an implied ministry) are added to ``Ctx`` as mentions, and the title as a
``RolePhrase`` waiting for ``roles`` to make it a membership. A chunk with no person in it is
classified whole.
"""

from __future__ import annotations

from spacy.tokens import Token

from newskg.aliases import subdivision_exact
from newskg.extract.chunks import CONNECTORS, is_cap
from newskg.extract.classes import LOCAL_OFFICES, classify_chunk, org_class
from newskg.extract.countries import (
    country_code,
    country_name,
    demonym_country,
    is_city,
    is_country_name,
    place_country,
)
from newskg.extract.doc import Cand, Ctx, RolePhrase
from newskg.extract.lexicon import (
    HONORIFICS,
    MEDIA_INNER,
    MINISTRY_OF,
    ORG_HEADS,
    ORG_INNER,
    PLACE_KEYWORDS,
    ROLE_MODIFIERS,
    ROLE_WORDS,
)
from newskg.extract.people import opens_with_given_name
from newskg.extract.places import top_class
from newskg.extract.titles import (
    PORTFOLIO,
    glued_hyphen,
    holder_after_portfolio,
    is_honorific,
    is_title_word,
    portfolio_end,
    role_text,
    title_end,
    title_start,
    word,
)
from newskg.models import (
    ADMIN_AREA,
    COUNTRY,
    GOVERNMENT_BODY,
    ORG_CLASSES,
    PERSON,
    SETTLEMENT,
)

# Heads of names written before the name in many countries' usage ("Hospital Santa Maria",
# "University Kestrel Raya"): what follows them is the body's name, not a person.
HEAD_FIRST = frozenset("hospital clinic university college school institute museum stadium".split())


def is_role_token(tok: Token) -> bool:
    low = tok.lower_.rstrip(".")
    return low in ROLE_WORDS or low in ROLE_MODIFIERS or low in HONORIFICS or low in {"-"}


def _person_suffix(ctx: Ctx, start: int, end: int) -> int:
    """Where a person's name begins inside a chunk that may open with a title or a body."""
    doc = ctx.doc
    if doc[start].lower_ in HEAD_FIRST and end - start >= 2:
        return start  # "Hospital Santa Maria": a body named head first, no person in it
    holder = holder_after_portfolio(doc, start, end)  # "Minister of Economy and Planning Jane Doe"
    if holder is not None:
        return holder
    k = end
    while k > start:
        tok = doc[k - 1]
        low = tok.lower_
        if glued_hyphen(doc, k - 1) and k - 1 > start and k < end and not is_title_word(doc[k - 2]):
            k -= 1  # a hyphen inside a name ("Tavakkoli-Nejad")
            continue
        if (
            is_role_token(tok) or is_title_word(tok) or low in ORG_HEADS or low in PLACE_KEYWORDS or low in CONNECTORS
            or low in {"the", "on"} or is_country_name(tok.text) or demonym_country(tok.text)
            or (low in MINISTRY_OF and k - 2 >= start and doc[k - 2].lower_ in {"of", "for"})
        ):
            break
        k -= 1
    if start < k < end and doc[k].text not in {"-", "/"}:
        before = doc[k - 1]
        last = word(before)
        if end - k >= 2 and (is_title_word(before) or last in ORG_HEADS or last in MEDIA_INNER
                             or (last in MINISTRY_OF and doc[k - 2].lower_ in {"of", "for"} and not _one_body(doc, start, end))):
            return k
        if end - k >= 2 and is_title_word(doc[start]) and is_country_name(before.text):
            return k  # "Minister of Water of Paraguay Jane Doe"
        # one name after a title: "Lieutenant Colonel Haryadi", "President Doe"
        if end - k == 1 and is_title_word(before) and doc[k].is_alpha and doc[k].ent_type_ not in {"GPE", "LOC", "ORG"} \
                and not is_city(doc[k].text) and doc[k].lower_ not in PLACE_KEYWORDS:
            return k
    te = title_end(doc, start, end)
    if start < te and te + 3 < end and doc[te].lower_ in {"of", "for"} and known_place(ctx, doc[te + 1].text) \
            and all(is_cap(t) and t.is_alpha and t.lower_ not in PLACE_KEYWORDS and t.lower_ not in ORG_HEADS
                    for t in doc[te + 2:end]) and not known_place(ctx, doc[te + 1:te + 3].text):
        return te + 2  # "Mayor of Harbour Jane Doe": the title, the place it serves, the holder
    for k in range(start + 1, end - 1):
        tok = doc[k]
        if tok.ent_iob_ == "B" and tok.ent_type_ == "PERSON" and not is_role_token(tok):
            ent_end = k + 1
            while ent_end < len(doc) and doc[ent_end].ent_iob_ == "I":
                ent_end += 1
            if ent_end == end and doc[k - 1].lower_ not in CONNECTORS and (
                    _not_a_name(ctx, start, k) or title_end(doc, start, k) > start):
                return k
    return start


def _one_body(doc, start: int, end: int) -> bool:
    """The tagger reads the whole chunk as one body's name ("Office of Foreign Export Licensing"),
    with no person in it: the words after a portfolio ("Foreign") are the body's, not a holder's."""
    return all(t.ent_type_ == "ORG" for t in doc[start:end]) and not opens_with_given_name(doc[end - 2:end])


def _not_a_name(ctx: Ctx, start: int, end: int) -> bool:
    """Tokens that are a body or a place, so they do not begin a person's name ("ACME Corp")."""
    doc = ctx.doc
    text = doc[start:end].text
    return (any(t.lower_ in ORG_HEADS or t.lower_ in MEDIA_INNER for t in doc[start:end])
            or country_code(text) is not None or is_city(text) or bool(subdivision_exact(text)))


def _title_phrase(ctx: Ctx, start: int, end: int) -> bool:
    """A chunk that is a title with no holder named in it ("Deputy Spokesperson", "ACME
    Spokesperson", "Chief Veterinary Officer"): a role phrase waiting for its holder, no entity."""
    doc = ctx.doc
    inner = doc[start + 1:end - 1]
    if (end - start <= 4 and is_title_word(doc[start]) and is_title_word(doc[end - 1]) and not is_honorific(doc[end - 1])
            and all(t.is_alpha and t.lower_ not in ORG_HEADS and not known_place(ctx, t.text) for t in inner)):
        ctx.roles.append(RolePhrase(role=role_text(doc[start:end]), org=None, start=start, end=end))
        return True  # "Chief Veterinary Officer", "Chief Medical Officer"
    if title_end(doc, start, end) == end and not is_honorific(doc[end - 1]):
        ctx.roles.append(RolePhrase(role=role_text(doc[start:end]), org=None, start=start, end=end))
        return True
    tail = _portfolio_tail(doc, start, end)  # "ACME Assistant Secretary-General for Humanitarian Affairs"
    ts = title_start(doc, start, tail, lambda t: known_place(ctx, t) or country_code(t) is not None
                     or named_body(ctx, t, start) is not None)
    if start < ts < tail and doc[ts - 1].lower_ not in CONNECTORS and not is_honorific(doc[tail - 1]):
        named = named_body(ctx, doc[start:ts].text, start)
        org = named if named is not None else _body(ctx, start, ts)
        ctx.roles.append(RolePhrase(role=role_text(doc[ts:end]), org=org, start=start, end=end))
        return True
    return False


def _portfolio_tail(doc, start: int, end: int) -> int:
    """Where a title's "for|of <portfolio>" tail begins in tokens ``start``..``end`` (the domain of
    the post: "Secretary-General for Humanitarian Affairs"), else ``end``."""
    for q in range(start + 1, end - 1):
        if doc[q].lower_ in {"for", "of"} and is_title_word(doc[q - 1]) and portfolio_end(doc, q + 1, end) == end:
            return q
    return end


def named_body(ctx: Ctx, text: str, before: int) -> int | None:
    """A capitalised word standing for a body named before token ``before`` by its last word
    ("the Harbour Islands Forum … Forum Secretary General X"): that body's mention id."""
    if " " in text or not text[:1].isupper():
        return None
    for c in reversed(ctx.cands):
        if c.end <= before and c.end - c.start >= 2 and not c.nominal and ctx.doc[c.end - 1].text == text \
                and top_class(c) in ORG_CLASSES:
            return c.id
    return None


def _plain_name(doc, start: int, end: int) -> str:
    """A name without the nickname quoted inside it ("Jane \"JD\" Doe" -> "Jane Doe")."""
    out, quoted = [], False
    for tok in doc[start:end]:
        if tok.text in {'"', "“", "”"}:
            quoted = not quoted
            continue
        if not quoted:
            out.append(tok.text_with_ws)
    return "".join(out).strip()


def _body(ctx: Ctx, start: int, end: int) -> int:
    """The body (or place, or country) a title before a name belongs to."""
    text = ctx.doc[start:end].text
    code = country_code(text) or (demonym_country(text) if end - start == 1 else None)
    if code:
        return ctx.add(Cand(start, end, COUNTRY, 4.0, text=country_name(code) if not country_code(text) else "")).id
    return ctx.add(classify_chunk(ctx, start, end)).id


def _served_place(body: Cand, title) -> None:
    """"Harwick Governor Jane Doe", "Alderby Mayor John Roe": what a local office is named after
    is the region or the town it serves (a governor's a region, a mayor's a town)."""
    office = next((LOCAL_OFFICES[word(t)] for t in reversed(list(title)) if word(t) in LOCAL_OFFICES), None)
    if office is None or org_class(body.text or "", body.text.split()[-1].lower() if body.text else ""):
        return
    if max(body.evidence.values(), default=0.0) < 3 and body.cls != COUNTRY:
        body.vote(office, 3.0)


def _body_head(tok: Token) -> bool:
    """A word that makes a body's name, unless it is a portfolio's ("Minister of Local Government")."""
    return tok.lower_ in ORG_HEADS and tok.lower_ not in PORTFOLIO


def _minister_body(ctx: Ctx, start: int, end: int, country: str | None = None) -> int:
    """"Minister of Water of the Republic of Ruritania" -> the country; "Minister of Higher
    Education" -> "Ministry of Higher Education" (of the ``country`` named before the title)."""
    doc = ctx.doc
    for k in range(start + 1, end - 1):
        if doc[k].lower_ == "of":
            a = k + 1 + (doc[k + 1].lower_ == "the")
            code = country_code(doc[a:end].text) if a < end else None
            if code:
                return ctx.add(Cand(a, end, COUNTRY, 6.0, text=country_name(code) or "")).id
    owner = f" of {country_name(country)}" if country and country_name(country) else ""
    return ctx.add(Cand(start, end, GOVERNMENT_BODY, 3.0, canonical=f"Ministry of {doc[start:end].text}{owner}")).id


def _role_text(tokens: list[Token]) -> str:
    words = [t.lower_.rstrip(".") for t in tokens if t.lower_.rstrip(".") not in HONORIFICS]
    return " ".join(words).replace(" - ", "-")


def _implied_ministry(ctx: Ctx, words: list[str], country: str | None) -> str | None:
    for w in words:
        if w in MINISTRY_OF:
            place = country_name(country) if country else None
            name = f"Ministry of {MINISTRY_OF[w]}"
            return f"{name} of {place}" if place else name
    return None


def known_place(ctx: Ctx, text: str) -> bool:
    if subdivision_exact(text) or place_country(text):  # a region or a town of that name
        return True
    return any(c.text == text and max(c.evidence.values(), default=0) >= 3 and
               max(c.evidence, key=lambda k: (c.evidence[k], k)) in {ADMIN_AREA, SETTLEMENT} for c in ctx.cands)


# Common nouns for a person's part in a story, capitalised when they open a sentence before the
# name ("Survivor Jane Doe, 34, said"): no title, no part of the name.
PART_NOUNS = frozenset("survivor survivors witness eyewitness villager passenger neighbour neighbor relative "
                       "victim farmer trader shopkeeper vendor fisherman motorist pedestrian".split())


def add_chunk(ctx: Ctx, start: int, end: int) -> None:
    """Split a chunk into title, body and person, and add its mentions and role phrase."""
    doc = ctx.doc
    if end - start >= 3 and doc[start].lower_ in PART_NOUNS and doc[start].is_title:
        start += 1  # "Survivor Jane Doe": the person is "Jane Doe"
    # "ombudsman for Tolima Rosa Elena Duarte": the place a title serves, then the person
    if (end - start >= 3 and start >= 2 and doc[start - 1].lower_ in {"for", "of", "in"}
            and is_role_token(doc[start - 2]) and known_place(ctx, doc[start].text)
            and not any(t.lower_ in ORG_HEADS or t.lower_ in ORG_INNER for t in doc[start + 1:end])
            and all(t.is_alpha and is_cap(t) for t in doc[start + 1:end])):
        ctx.add(Cand(start, start + 1, ADMIN_AREA, 2.0))
        add_chunk(ctx, start + 1, end)
        holder = ctx.at(start + 1)
        if holder is not None and not org_class(holder.text, doc[holder.end - 1].lower_):
            holder.vote(PERSON, 2.0)  # a title's holder
        return
    split = _person_suffix(ctx, start, end)
    if split == start and _title_phrase(ctx, start, end):
        return
    if split == start:
        first = doc[start]
        if demonym_country(first.text) and end - start == 1:
            return  # an adjective of nationality, not a name
        k = start
        while k < end and is_role_token(doc[k]) and doc[k].lower_ not in HONORIFICS:
            if k > start and doc[k].lower_ in ORG_HEADS:
                k = start  # "General Staff of …": a body's name, not a title
                break
            k += 1
        if start < k < end - 1 and doc[k].lower_ in {"of", "for"}:
            a = k + 1 + (doc[k + 1].lower_ == "the")
            if a < end:
                role = role_text(doc[start:k])
                if "minister" in role.split() and not any(_body_head(t) for t in doc[a:end]):
                    org_id: int | None = _minister_body(ctx, a, end)  # "The Minister of Water and Sanitation, X"
                else:
                    org_id = ctx.add(classify_chunk(ctx, a, end)).id
                ctx.roles.append(RolePhrase(role=role, org=org_id, start=start, end=end))
                return
        if first.lower_.rstrip(".") in HONORIFICS and end - start > 1:
            start += 1
        elif end - start == 1 and is_honorific(first):
            return  # a form of address cut from its name ("Dr." ending a sentence the tagger closed): no name
        cand = classify_chunk(ctx, start, end)
        if cand.evidence or cand.weight:
            ctx.add(cand)
        return
    prefix_end = split
    while prefix_end > start and is_honorific(doc[prefix_end - 1]):
        prefix_end -= 1
    person = ctx.add(Cand(split, end, PERSON, 4.0, text=_plain_name(doc, split, end)))
    if prefix_end == start:
        return
    # the prefix: [demonym] title words [of|for [the]] [body], or [body['s]] title words
    k = start
    country = None
    if demonym_country(doc[start].text) and prefix_end - start > 1:
        country = demonym_country(doc[start].text)
        k = start + 1
    elif start >= 2 and doc[start - 1].text in {"'s", "’s"} and country_code(doc[start - 2].text):
        country = country_code(doc[start - 2].text)  # "Iceland's Foreign Minister Jon Arnason"
    else:
        for p in range(start + 1, prefix_end - 1):  # "Iceland Minister of Water Jon Arnason": the country, then the title
            if is_title_word(doc[p]) and not is_honorific(doc[p]) and doc[p + 1].lower_ in {"of", "for"}:
                if country_code(doc[start:p].text):
                    country, k = country_code(doc[start:p].text), p
                break
    t_end = title_end(doc, k, prefix_end)
    if t_end == k:
        ts = title_start(doc, k, prefix_end, lambda t: known_place(ctx, t) or country_code(t) is not None
                         or named_body(ctx, t, start) is not None)
        if k < ts < prefix_end or ts == k < prefix_end and (any(word(t) == "minister" for t in doc[k:prefix_end])
                                                            or is_title_word(doc[prefix_end - 1])):
            # "Harbour Town Mayor X", "ACME Party MP X", "Lakeland Health Minister X", "Internal Security Minister X"
            b_end = ts - 1 if doc[ts - 1].text in {"'s", "’s"} else ts
            org = named_body(ctx, doc[k:b_end].text, start) if b_end > k else None
            org = org if org is not None or b_end == k else _body(ctx, k, b_end)
            if org is not None and b_end > k:
                _served_place(ctx.cands[org], doc[ts:prefix_end])
            if org is None and country and k > start:  # "Ruritanian Internal Security Minister X"
                org = ctx.add(Cand(start, k, COUNTRY, 2.0, text=country_name(country))).id
            ctx.roles.append(RolePhrase(role=role_text(doc[ts:prefix_end]), org=org, start=start, end=split,
                                        person=person.id))
            return
    prefix = list(doc[start:prefix_end])
    title_end_i = t_end - start
    k -= start
    role_tokens = prefix[k:title_end_i]
    rest = prefix[title_end_i:]
    while rest and rest[0].lower_ in {"of", "for", "the", "at"}:
        rest = rest[1:]
    org_id = None
    if rest:
        a, b = rest[0].i, rest[-1].i + 1
        words = [t.lower_ for t in rest]
        if len(rest) == 1 and rest[0].lower_ in MINISTRY_OF and role_tokens and role_tokens[-1].lower_ == "minister":
            if country or ctx.home_country:
                implied = _implied_ministry(ctx, words, country or ctx.home_country)
                body = ctx.add(Cand(a, b, GOVERNMENT_BODY, 3.0, canonical=implied))
            else:  # the home country is known later: "Ministry of X" gets it then
                body = ctx.add(Cand(a, b, GOVERNMENT_BODY, 3.0, text=_implied_ministry(ctx, words, None) or ""))
        elif "minister" in _role_text(role_tokens).split() and not any(_body_head(t) for t in rest):
            body = ctx.cands[_minister_body(ctx, a, b, country)]
        else:
            body = ctx.add(classify_chunk(ctx, a, b))
        org_id = body.id
    elif role_tokens:
        words = [t.lower_ for t in role_tokens]
        implied = _implied_ministry(ctx, words, country) if "minister" in words else None
        if implied:
            # without a demonym the country is the article's home, known later ("Ministry of X" gets it)
            org_id = ctx.add(Cand(start, start, GOVERNMENT_BODY, 1.0, canonical=implied if country else None,
                                  text=implied)).id
        elif country:
            org_id = ctx.add(Cand(start, start + 1, COUNTRY, 2.0, text=country_name(country))).id
    if role_tokens:
        role = role_text(role_tokens)
        if role and role not in HONORIFICS:
            ctx.roles.append(RolePhrase(role=role, org=org_id, start=start, end=split, person=person.id))
    elif org_id is not None:
        ctx.roles.append(RolePhrase(role="", org=org_id, start=start, end=split, person=person.id))
