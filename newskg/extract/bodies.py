"""Bodies and second mentions: names that are not one title-case chunk of their own.

Extract stage, used by ``names`` after the chunks: a ``Ctx`` with the chunks' mentions goes in;
more mentions come out in it: bodies written in lower case ("the armed forces of X", "X district
police"), acronyms introduced in parentheses, definite descriptions ("the ministry"), a person's
later surname alone, and an outlet that is "told" things.
"""

from __future__ import annotations

from newskg.extract.chunks import is_cap, starts_sentence
from newskg.extract.countries import country_code, country_name, demonym_country
from newskg.extract.doc import Cand, Ctx, fold
from newskg.extract.lexicon import ORG_HEADS
from newskg.extract.places import top_class
from newskg.models import (
    ADMIN_AREA,
    ARMED_FORCES,
    COUNTRY,
    GOVERNMENT_BODY,
    MEDIA_OUTLET,
    ORG_CLASSES,
    ORGANIZATION,
    PERSON,
    PLACE_CLASSES,
    SETTLEMENT,
    coarse,
)

NOMINAL_HEADS = {
    "ministry": GOVERNMENT_BODY, "agency": GOVERNMENT_BODY, "cell": GOVERNMENT_BODY, "committee": GOVERNMENT_BODY,
    "service": GOVERNMENT_BODY, "administration": GOVERNMENT_BODY, "authority": GOVERNMENT_BODY,
    "office": GOVERNMENT_BODY, "directorate": GOVERNMENT_BODY, "commission": GOVERNMENT_BODY,
    "centre": GOVERNMENT_BODY, "center": GOVERNMENT_BODY, "mission": GOVERNMENT_BODY, "embassy": GOVERNMENT_BODY,
    "army": ARMED_FORCES, "military": ARMED_FORCES, "company": ORGANIZATION, "police": GOVERNMENT_BODY,
    "department": GOVERNMENT_BODY, "council": GOVERNMENT_BODY, "organisation": ORGANIZATION,
    "organization": ORGANIZATION, "brigade": ARMED_FORCES, "division": ARMED_FORCES,
}
FORCE_NOUNS = frozenset("forces troops army military contingent peacekeepers".split())
MISSION_NOUNS = {"embassy": "Embassy", "mission": "Mission", "consulate": "Consulate"}


def add_lowercase_bodies(ctx: Ctx) -> None:
    """Bodies named in lower case: "the armed forces of Georgia", "Turkish peacekeeping forces",
    "the Georgian permanent mission to the OSCE", "the Prey Kabas district police"."""
    doc = ctx.doc
    for tok in doc:
        low = tok.lower_
        if low == "armed" and tok.i + 3 < len(doc) and doc[tok.i + 1].lower_ == "forces" and doc[tok.i + 2].lower_ == "of":
            c = country_code(doc[tok.i + 3].text)
            if c and ctx.at(tok.i) is None and is_cap(doc[tok.i + 3]) and not is_cap(tok):
                ctx.add(Cand(tok.i, tok.i + 4, ARMED_FORCES, 3.0, canonical=f"Armed Forces of {country_name(c)}"))
        if demonym_country(tok.text) and is_cap(tok) and ctx.at(tok.i) is None:
            j = tok.i + 1
            while j < len(doc) and j < tok.i + 3 and doc[j].lower_ in {"peacekeeping", "armed", "permanent", "military", "special"}:
                j += 1
            if j < len(doc) and doc[j].lower_ in FORCE_NOUNS and not is_cap(doc[j]):
                ctx.add(Cand(tok.i, j + 1, ARMED_FORCES, 2.5))
            elif j < len(doc) and doc[j].lower_ in MISSION_NOUNS and not is_cap(doc[j]):
                country = country_name(demonym_country(tok.text) or "")
                end = j + 1
                canonical = f"{'Permanent ' if doc[j - 1].lower_ == 'permanent' else ''}{MISSION_NOUNS[doc[j].lower_]} of {country}"
                if end + 2 < len(doc) and doc[end].lower_ == "to":
                    target = ctx.at(end + 2) if doc[end + 1].lower_ == "the" else ctx.at(end + 1)
                    if target is not None:
                        canonical += f" to the {target.text}" if doc[end + 1].lower_ == "the" else f" to {target.text}"
                        end = target.end
                ctx.add(Cand(tok.i, end, GOVERNMENT_BODY, 3.0, canonical=canonical))


def add_place_bodies(ctx: Ctx) -> None:
    """"<Place> district police": a place chunk followed by a lower-case body noun."""
    doc = ctx.doc
    for cand in list(ctx.cands):
        j = cand.end
        words = []
        while j < len(doc) and j < cand.end + 3 and not is_cap(doc[j]) and doc[j].lower_ in {
            "district", "regional", "provincial", "city", "municipal", "local", "police", "court", "administration",
        }:
            words.append(doc[j].lower_)
            j += 1
        if words and words[-1] in {"police", "court", "administration"} and (
                len(words) >= 2 or (words == ["police"] and not cand.nominal and top_class(cand) in PLACE_CLASSES)):
            ctx.add(Cand(cand.start, j, GOVERNMENT_BODY, 4.0))


def add_acronyms(ctx: Ctx) -> None:
    """"Name (ACRONYM)" makes the acronym a second name of the same body."""
    doc = ctx.doc
    for cand in list(ctx.cands):
        j = cand.end
        if j + 2 < len(doc) and doc[j].text == "(" and doc[j + 2].text == ")":
            inner = doc[j + 1]
            if inner.text.isupper() or is_cap(inner):
                found = ctx.at(j + 1)
                if found is not None:
                    found.refers_to = cand.id
                    found.vote(max(cand.evidence, key=lambda k: (cand.evidence[k], k)) if cand.evidence else cand.cls, 3.0)
                else:
                    alias = Cand(j + 1, j + 2, cand.cls, cand.weight, refers_to=cand.id)
                    ctx.add(alias)
        elif j + 3 < len(doc) and doc[j].text == "(" and is_cap(doc[j + 1]):
            k = j + 1
            while k < len(doc) and doc[k].text != ")" and k < j + 8:
                k += 1
            if k < len(doc) and doc[k].text == ")":
                found = ctx.at(j + 1)
                if found is not None and found.end == k:
                    found.refers_to = cand.id


# A class vote this strong comes from the text's own words about the name, not from the tagger.
STRONG = 5.0


def share_alias_votes(ctx: Ctx) -> None:
    """A short name introduced in parentheses carries its full name's class wherever it recurs."""
    by_text: dict[str, Cand] = {}
    for c in ctx.cands:
        if c.refers_to is not None and not c.nominal:
            by_text.setdefault(fold(c.text), ctx.cands[c.refers_to])
    for c in ctx.cands:
        full = by_text.get(fold(c.text))
        if full is not None and c.refers_to is None and full.evidence:
            c.vote(max(full.evidence, key=lambda k: (full.evidence[k], k)), 3.0)


def share_same_name_votes(ctx: Ctx) -> None:
    """One name written the same way twice in an article is one thing: where one mention of it is
    typed with strong evidence ("X, a village", the masthead's outlet), a mention the tagger alone
    took for another kind of thing follows it. A town and its district stay apart (one coarse class)."""
    groups: dict[str, list[Cand]] = {}
    for c in ctx.cands:
        if not c.nominal and c.canonical is None and c.evidence and c.end > c.start:
            groups.setdefault(fold(c.text), []).append(c)
    for same in groups.values():
        strong = max(same, key=lambda c: (max(c.evidence.values()), c.start * -1))
        cls = top_class(strong)
        weight = strong.evidence[cls]
        if weight < STRONG or len({top_class(c) for c in same if max(c.evidence.values()) >= 3} & PLACE_CLASSES) > 1:
            continue  # weak, or two things of one name here (a town and its district)
        for c in same:
            mine = top_class(c)
            if coarse(mine) != coarse(cls) and c.evidence[mine] < weight:
                c.vote(cls, c.evidence[mine] + 1.0 - c.evidence.get(cls, 0.0))


# Words that join the names of a list: "A, B and C", "A or B".
_LIST_LINKS = ((",",), ("and",), ("or",), (",", "and"), (",", "or"))


def _lists(ctx: Ctx) -> list[list[Cand]]:
    """Names joined as a list ("Alderby, Vostro and Kemm", "Alderby or Kemm"): commas between
    them and "and" or "or" before the last (a lone comma may end a clause or open an apposition)."""
    named = sorted((c for c in ctx.cands if not c.nominal and c.end > c.start and c.evidence), key=lambda c: c.start)
    runs: list[list[Cand]] = []
    for c in named:
        prev = runs[-1][-1] if runs else None
        link = tuple(t.lower_ for t in ctx.doc[prev.end:c.start]) if prev is not None else ()
        if prev is not None and link in _LIST_LINKS and (len(runs[-1]) == 1 or _link(ctx, runs[-1]) == (",",)):
            runs[-1].append(c)
        else:
            runs.append([c])
    return [r for r in runs if len(r) >= 2 and _link(ctx, r) != (",",)]


def _link(ctx: Ctx, run: list[Cand]) -> tuple[str, ...]:
    """The words between the last two names of a run."""
    return tuple(t.lower_ for t in ctx.doc[run[-2].end:run[-1].start])


def share_list_votes(ctx: Ctx) -> None:
    """Names joined in a list are things of one kind ("in Alderby, Vostro and Kemm"): where the
    text or a gazetteer makes the others places and the tagger alone spoke of one, it is a place
    of their kind too."""
    for run in _lists(ctx):
        places = [top_class(c) for c in run if top_class(c) in PLACE_CLASSES and max(c.evidence.values()) >= 2]
        if not places or any(top_class(c) == PERSON and c.evidence[PERSON] >= 2 for c in run):
            continue
        cls = max(sorted(set(places)), key=places.count)
        for c in run:
            if top_class(c) not in PLACE_CLASSES and max(c.evidence.values()) <= 1.0 and c.refers_to is None:
                c.vote(cls, 1.5)


def town_before_area(ctx: Ctx) -> None:
    """"Kemmerton, Ruritania", "Alderby, East Vale.": a name set before a country or a region by a
    comma, the pair closed by punctuation, is a town in it (the usual way to place a town)."""
    doc = ctx.doc
    at = {c.start: c for c in ctx.cands if not c.nominal and c.end > c.start and c.evidence}
    for c in list(at.values()):
        if c.end + 1 >= len(doc) or doc[c.end].text != "," or max(c.evidence.values()) > 1.0 or c.refers_to is not None:
            continue
        area = at.get(c.end + 1)
        if area is None or top_class(area) not in {COUNTRY, ADMIN_AREA} or max(area.evidence.values()) < 2:
            continue
        after = doc[area.end] if area.end < len(doc) else None
        if top_class(c) not in PLACE_CLASSES and (after is None or after.is_punct or "\n" in after.text):
            c.vote(SETTLEMENT, 1.5)


def add_nominals(ctx: Ctx) -> None:
    """"the ministry", "the agency", "police": definite descriptions of a body named before."""
    doc = ctx.doc
    for tok in doc:
        low = tok.lower_
        if low not in NOMINAL_HEADS or is_cap(tok) and not starts_sentence(tok):
            continue
        if ctx.at(tok.i) is not None:
            continue
        prev = doc[tok.i - 1] if tok.i else None
        if prev is not None and prev.lower_ == "the" or low == "police":
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is not None and (nxt.text in {"'s", "’s"} or nxt.pos_ in {"VERB", "AUX", "PUNCT"} or nxt.lower_ in {"said", "of"}):
                if nxt.lower_ == "of":
                    continue
                start = tok.i - 1 if prev is not None and prev.lower_ == "the" else tok.i
                ctx.add(Cand(start, tok.i + 1, NOMINAL_HEADS[low], 0.5, nominal=True))


def add_surnames(ctx: Ctx) -> None:
    """A person named in full is later named by surname alone ("Sisavath emphasized …",
    "according to Al-Rawi"), even where the tagger saw no name. Of a name of four words or more
    ("Ana Maria Roldan Vega") the word before the last may be the one used: the father's surname
    of Spanish naming, which is written before the mother's."""
    doc = ctx.doc
    surnames: dict[str, int] = {}
    for c in ctx.cands:
        if c.end - c.start >= 2 and not c.nominal and max(c.evidence, key=lambda k: (c.evidence[k], k), default=c.cls) == PERSON:
            last = doc[c.end - 1]
            if last.text[:1].isupper() and last.is_alpha:
                surnames.setdefault(last.text, c.id)
            paternal = doc[c.end - 2]
            if c.end - c.start >= 4 and last.is_title and paternal.is_title and paternal.is_alpha \
                    and all(t.is_alpha and t.is_title for t in doc[c.start:c.end]):
                surnames.setdefault(paternal.text, c.id)  # "Ana Maria Roldan Vega" -> "Roldan"
    for tok in doc:
        if tok.text not in surnames:
            continue
        found = ctx.at(tok.i)
        if found is not None:
            _surname_chunk(ctx, found, surnames[tok.text])
            continue
        start = tok.i
        if start >= 2 and doc[start - 1].text in {"-", "‐"} and doc[start - 2].lower_ in {"al", "el"}:
            start -= 2  # "Al-Rawi"
        if any(ctx.at(i) is not None for i in range(start, tok.i)):
            continue
        ctx.add(Cand(start, tok.i + 1, PERSON, 2.0))


def _surname_chunk(ctx: Ctx, c: Cand, person: int) -> None:
    """A one-word name that is the surname of a person the article names in full, with nothing
    but the tagger or a gazetteer to say it is something else ("... Zarev said"), is that person."""
    if c.id == person or c.end - c.start != 1 or c.nominal or c.refers_to is not None or c.canonical is not None:
        return
    if country_code(c.text) or max(c.evidence.values(), default=0.0) >= 3 or c.keyword:
        return
    c.refers_to = person
    c.vote(PERSON, max(c.evidence.values(), default=0.0) + 1.0 - c.evidence.get(PERSON, 0.0))


def told_outlet(ctx: Ctx) -> None:
    """"told <Name> by phone": a name that is told things is an outlet unless it is a person."""
    doc = ctx.doc
    for cand in ctx.cands:
        if cand.start >= 1 and doc[cand.start - 1].lower_ == "told" and cand.evidence.get(PERSON, 0) < 2:
            if cand.end - cand.start >= 2 and fold(cand.text).split()[-1] in ORG_HEADS:
                cand.vote(MEDIA_OUTLET, 2.0)


# Words between a body's head and its field: "Council of the X", "Office for Y".
_HEAD_LINKS = frozenset({"of", "for", "on"})
_CONNECTORS = frozenset({"of", "for", "on", "to", "the", "and", "in", "at", "de"})


def _short_form_of(short: list[str], full: list[str], full_cls: str) -> bool:
    """``short`` is how news English shortens the body named ``full``: without the place or
    people it opens with ("Harbour Coast Guard" -> "Coast Guard", "Ruritanian Parliament" ->
    "Parliament"), without what follows its head ("Council of the Eastern League" -> "Council"),
    or an outlet without its last word ("Harbour Herald Online" -> "Harbour Herald")."""
    n = len(short)
    if not 0 < n < len(full):
        return False
    if full[-n:] == short:
        return full[-n - 1] not in _CONNECTORS  # not "the Mission to the League": a body of its own

    if full[:n] == short:
        return full[n] in _HEAD_LINKS or full_cls == MEDIA_OUTLET
    return False


def link_short_forms(ctx: Ctx) -> None:
    """A body's short name, or a person's surname of two words, names the one body or person of
    the article whose full name it shortens; where two names could be meant, neither is."""
    full_names: dict[str, tuple[Cand, str]] = {}
    for c in ctx.cands:
        cls = top_class(c)
        if not c.nominal and c.refers_to is None and c.end - c.start >= 2 and (cls in ORG_CLASSES or cls == PERSON):
            full_names.setdefault(fold(c.text), (c, cls))
    for c in ctx.cands:
        if c.nominal or c.refers_to is not None or c.canonical or not c.text:
            continue
        cls = top_class(c)
        short = fold(c.text).split()
        hits: dict[str, Cand] = {}
        if cls in ORG_CLASSES:
            hits = {key: f for key, (f, fcls) in full_names.items()
                    if fcls in ORG_CLASSES and _short_form_of(short, key.split(), MEDIA_OUTLET if cls == MEDIA_OUTLET else fcls)}
        if not hits and len(short) >= 2 and cls not in PLACE_CLASSES and (cls == PERSON or max(c.evidence.values(), default=0) < 3):
            hits = {key: f for key, (f, fcls) in full_names.items()
                    if fcls == PERSON and len(key.split()) > len(short) and key.split()[-len(short):] == short}
        if len(hits) == 1:
            full = next(iter(hits.values()))
            c.refers_to = full.id
            c.vote(top_class(full), 2.0)
