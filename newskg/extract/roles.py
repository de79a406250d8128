"""Roles: who holds which post in which body.

From titles glued to names ("Spokesperson for the Health Ministry X", "Georgian Foreign Minister
X"), lower-case roles before a name ("operator of Delta Television X", "ACME spokesperson
X", "the ministry's spokesman X"), appositions after it ("X, head of the Y,", "X, 27, a nurse at
the Y") and before it ("Director of the Y, X"), and "X, who heads the Y".
"""

from __future__ import annotations

from dataclasses import dataclass

from newskg.extract.countries import country_code, country_name
from newskg.extract.doc import Cand, Ctx, fold
from newskg.extract.lexicon import (
    HONORIFICS,
    ORG_HEADS,
    PLACE_KEYWORDS,
    RANK_WORDS,
    ROLE_MODIFIERS,
    ROLE_WORDS,
    TITLE_QUALIFIERS,
    TRADES,
)
from newskg.extract.places import top_class
from newskg.models import ARMED_FORCES, COUNTRY, GOVERNMENT_BODY, ORG_CLASSES, PERSON, PLACE_CLASSES

RANKS = RANK_WORDS
# "X, who heads the Y": the verb -> the role
HEADS_VERBS = {
    **dict.fromkeys("heads headed leads led runs ran chairs chaired directs directed".split(), "head"),
    **dict.fromkeys("commands commanded".split(), "commander"),
}
ORG_LINKS = frozenset({"of", "for", "at", "with", "in"})


@dataclass
class Role:
    person: int
    role: str
    org: int | None
    start: int  # char offsets of the evidence
    end: int


def _role_word(tok) -> bool:
    low = tok.lower_.rstrip(".")
    if low in TITLE_QUALIFIERS and tok.i + 1 < len(tok.doc):
        return _role_word(tok.doc[tok.i + 1])  # "media officer", "ward councillor"
    return (low in ROLE_WORDS or low in ROLE_MODIFIERS or low in TRADES or low in RANK_WORDS
            or tok.text == "-") and low not in HONORIFICS


def _is_org(c: Cand | None) -> bool:
    return c is not None and top_class(c) in ORG_CLASSES


def _is_person(c: Cand | None) -> bool:
    return c is not None and not c.nominal and top_class(c) == PERSON


def _role_before(ctx: Ctx, i: int) -> tuple[str, int | None, int]:
    """Lower-case role words ending at token i-1 ("operator of", "ACME spokesperson", "the army's spokesman")."""
    doc = ctx.doc
    while i > 0 and doc[i - 1].lower_.rstrip(".") in HONORIFICS:
        i -= 1  # "chairperson Justice Jane Doe", "director Dr Jane Doe"
    j = i
    served = ctx.at(j - 1) if j > 0 else None
    if served is not None and not served.nominal and top_class(served) in PLACE_CLASSES and served.start >= 1 \
            and doc[served.start - 1].lower_ in {"for", "of", "in"}:
        j = served.start  # "regional ombudsman for Tolima X": the title is before the place it serves
    if j > 0 and doc[j - 1].lower_ in {"the"}:
        j -= 1
    if j > 0 and doc[j - 1].lower_ in ORG_LINKS:
        link = j - 1
        k = link
        while k > 0 and _role_word(doc[k - 1]) and not doc[k - 1].text[0].isupper():
            k -= 1
        if k < link:
            return " ".join(t.lower_ for t in doc[k:link]).replace(" - ", "-"), None, k
        return "", None, i
    k = j
    while k > 0 and _role_word(doc[k - 1]) and (not doc[k - 1].text[0].isupper() or doc[k - 1].lower_ in ROLE_WORDS):
        k -= 1
    if k == j:
        # "representative of the district water board X": a lower-case body after the role
        m = j - 1
        while m > 1 and j - m < 6 and doc[m].is_alpha and doc[m].is_lower and doc[m].pos_ in {"NOUN", "ADJ", "DET", "ADP"}:
            if doc[m].lower_ in ORG_LINKS and doc[m - 1].lower_ in ROLE_WORDS and doc[j - 1].pos_ == "NOUN":
                k = m - 1
                while k > 0 and _role_word(doc[k - 1]) and not doc[k - 1].text[0].isupper():
                    k -= 1
                return " ".join(t.lower_ for t in doc[k:m]).replace(" - ", "-"), None, k
            m -= 1
        return "", None, i
    covering = ctx.at(k)
    if covering is not None and covering.start < k and _is_org(covering) and covering.end < j:
        # "Harbour police chief X": "Harbour police" is the body, "chief" the role
        return " ".join(t.lower_ for t in doc[covering.end:j]).replace(" - ", "-"), covering.id, covering.end
    role = " ".join(t.lower_ for t in doc[k:j]).replace(" - ", "-")
    body = _body_ending_at(ctx, k)
    m = k
    while body is None and m > 0 and k - m < 3 and doc[m - 1].is_lower and doc[m - 1].pos_ in {"NOUN", "ADJ"}:
        m -= 1  # "ACME energy policy spokesman X": the role's domain between the body and the title
        body = _body_ending_at(ctx, m)
    if body is not None and m < k:
        return " ".join(t.lower_ for t in doc[m:j]), body, m
    return role, body, k


def _body_ending_at(ctx: Ctx, m: int) -> int | None:
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
    if doc[m - 1].lower_ == "its":
        before = [c for c in ctx.cands if c.end <= m - 1 and _is_org(c) and c.char_end > c.char_start]
        return max(before, key=lambda c: c.start).id if before else None
    c = ctx.at(m - 1)
    if c is None or c.end != m:
        return None  # a definite description ("the army's spokesman") is the body it names
    return c.id if _is_org(c) or (not c.nominal and top_class(c) in PLACE_CLASSES) else None


def _org_after(ctx: Ctx, i: int, limit: int = 10) -> int | None:
    """The body after a role's link word; a place right after it ("Governor of X"); in a chain
    "of the Y of the Z" the last body."""
    doc = ctx.doc
    for k in range(i, min(len(doc), i + limit)):
        if doc[k].text in {".", ";", "“", '"'} or doc[k].pos_ == "VERB":
            return None
        c = ctx.at(k)
        if _is_org(c) or (c is not None and not c.nominal and k <= i + 1 and top_class(c) in PLACE_CLASSES
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
                if not _is_org(nxt):
                    break
                assert nxt is not None
                c = nxt
            return c.id
        if c is not None and top_class(c) == PERSON:
            return None
    return None


def _apposition_after(ctx: Ctx, person: Cand) -> tuple[str, int | None] | None:
    """"X, [27,|64 years old,] [a|the] [compound] role (of|for|at|with) [the] Y", "X, Governor of Y",
    "X, who heads the Y", "X, who worked as a waiter"."""
    doc = ctx.doc
    i = person.end
    if i >= len(doc) or doc[i].text != ",":
        return None
    i += 1
    if i + 1 < len(doc) and doc[i].like_num and doc[i + 1].text == ",":
        i += 2
    elif i + 3 < len(doc) and doc[i].like_num and doc[i + 1].lower_ == "years" and doc[i + 2].lower_ == "old" \
            and doc[i + 3].text == ",":
        i += 4  # "X, 64 years old, farmer from Y"
    if i < len(doc) and doc[i].lower_ == "who" and i + 1 < len(doc) and doc[i + 1].lower_ in HEADS_VERBS:
        return HEADS_VERBS[doc[i + 1].lower_], _org_after(ctx, i + 2)
    if i + 3 < len(doc) and doc[i].lower_ == "who" and doc[i + 1].lemma_ == "work" and doc[i + 2].lower_ == "as":
        i += 3  # "X, who worked as a waiter at the bar"
    if i < len(doc) and doc[i].lower_ in {"a", "an", "the"}:
        i += 1
    for r in ctx.roles:
        if r.person is None and r.start == i:
            return r.role, r.org  # "X, Governor of Y", "X, Head of the Y mission"
    named = ctx.at(i)
    if _is_org(named) and named is not None and named.start == i and named.end < len(doc) and doc[named.end].is_lower:
        found = _apposition_after_words(ctx, named.end)  # "X, a Civil Defence team leader in Y"
        return (found[0], named.id) if found else None
    found = _apposition_after_words(ctx, i)
    return found


def _apposition_after_words(ctx: Ctx, i: int) -> tuple[str, int | None] | None:
    """The lower-case role phrase of an apposition from token ``i``, with the body after its link."""
    doc = ctx.doc
    k = i
    last_role = None
    while k < len(doc) and k < i + 5 and doc[k].is_alpha and doc[k].is_lower and (
            _role_word(doc[k]) or doc[k].pos_ in {"ADJ", "NOUN"}):
        if _role_word(doc[k]) and (doc[k].lower_ in ROLE_WORDS or doc[k].lower_ in TRADES):
            last_role = k + 1
        k += 1
    if last_role is None or last_role != k and doc[k - 1].pos_ == "NOUN":
        return None  # the phrase's head noun is no role ("a village near …")
    role = " ".join(t.lower_ for t in doc[i:last_role]).replace(" - ", "-")
    k = last_role
    org = _org_after(ctx, k) if k < len(doc) and doc[k].lower_ in ORG_LINKS else None
    return role, org


def _apposition_before(ctx: Ctx, person: Cand) -> tuple[str, int | None] | None:
    """"Director of the Y, X" / "ACME's director-general, Dr X" / "The 34-year-old deminer, X"."""
    doc = ctx.doc
    i = min([person.start] + [r.start for r in ctx.roles if r.person == person.id])
    while i > 0 and doc[i - 1].lower_.rstrip(".") in HONORIFICS:
        i -= 1
    if i < 2 or doc[i - 1].text != ",":
        return None
    for r in ctx.roles:
        # "Director of the Y [at the Z], X"
        if r.person is None and r.end <= i - 1 and _only_bodies_between(ctx, r.end, i - 1):
            owner = _body_ending_at(ctx, r.start)  # "Its Governor, Dr X", "Iceland's Foreign Minister, X"
            if owner is not None and (r.org is None or top_class(ctx.cands[owner]) == COUNTRY):
                return r.role, owner
            return r.role, r.org
    j = i - 1
    k = j
    while k > 0 and _role_word(doc[k - 1]) and not doc[k - 1].text[0].isupper():
        k -= 1
    if k == j:
        found = _role_of_body(ctx, j)
        if found:
            return found
        # "The driver of the truck, X": a role whose "of" phrase names no body
        m = j - 1
        while m > 0 and j - m < 6 and doc[m].is_alpha and not doc[m].text[0].isupper() and doc[m].pos_ in {"NOUN", "DET", "ADJ", "ADP"}:
            if doc[m].lower_ in ORG_LINKS and m > 0 and doc[m - 1].lower_ in ROLE_WORDS:
                k = m - 1
                while k > 0 and _role_word(doc[k - 1]) and not doc[k - 1].text[0].isupper():
                    k -= 1
                return " ".join(t.lower_ for t in doc[k:m]).replace(" - ", "-"), None
            m -= 1
        return None
    if not any(doc[x].lower_ in ROLE_WORDS for x in range(k, j)):
        return None
    role = " ".join(t.lower_ for t in doc[k:j]).replace(" - ", "-")
    return role, _body_ending_at(ctx, k)


def _role_of_body(ctx: Ctx, j: int) -> tuple[str, int] | None:
    """"the mayor of Harbour Town, X", "the commander of the City Police, General X": a
    lower-case role, "of|for|at [the]", a body or place ending at token ``j``; in a chain of
    "of" bodies ("commander of the river company of the Gendarmerie") the last is the body."""
    doc = ctx.doc
    c = ctx.at(j - 1)
    if c is None and j >= 2 and doc[j - 1].is_lower and (doc[j - 1].lower_ in PLACE_KEYWORDS or doc[j - 1].lower_ in ORG_HEADS):
        c = ctx.at(j - 2)  # "the governor of X province, Name", "the spokesman of X company, Name"
        j -= 1
    if c is None or c.nominal or c.end != j or not (_is_org(c) or top_class(c) in PLACE_CLASSES):
        return None
    k = c.start
    while True:
        if k > 0 and doc[k - 1].lower_ == "the":
            k -= 1
        if k < 2 or doc[k - 1].lower_ not in ORG_LINKS:
            return None
        m = k - 1
        r = m
        while r > 0 and _role_word(doc[r - 1]) and not doc[r - 1].text[0].isupper():
            r -= 1
        if r < m and any(doc[x].lower_ in ROLE_WORDS or doc[x].lower_ in TRADES for x in range(r, m)):
            return " ".join(t.lower_ for t in doc[r:m]).replace(" - ", "-"), c.id
        inner = ctx.at(m - 1)  # "of the river company of the Gendarmerie": look further back
        if inner is None or inner.nominal or inner.end != m:
            return None
        k = inner.start


def _only_bodies_between(ctx: Ctx, a: int, b: int) -> bool:
    """Tokens a..b-1 are nothing but "at|of|in [the] <body>" phrases."""
    doc = ctx.doc
    k = a
    while k < b:
        if doc[k].lower_ in ORG_LINKS or doc[k].lower_ == "the":
            k += 1
            continue
        c = ctx.at(k)
        if not _is_org(c):
            return False
        assert c is not None
        k = max(c.end, k + 1)
    return True


def find_roles(ctx: Ctx) -> list[Role]:
    roles: list[Role] = []

    def add(person: Cand, role: str, org: int | None) -> None:
        role = role.strip()
        if not role or role in HONORIFICS:
            return
        roles.append(Role(person.id, role, org, person.char_start, person.char_end))

    for phrase in ctx.roles:
        if phrase.person is None:
            continue
        person = ctx.cands[phrase.person]
        role, org = phrase.role, phrase.org
        if not role:
            role, org2, _ = _role_before(ctx, phrase.start)
            org = org if org is not None else org2
        elif org is None:
            # "ACME Police spokesperson Deputy Inspector Jane Doe": a post before a glued rank
            before, org2, _ = _role_before(ctx, phrase.start)
            if before:
                add(person, before, org2)
                org = org2  # the glued title is held in the same body
            elif _government_title(role) and ctx.home_country:
                org = _country(ctx, ctx.home_country, phrase.start)  # "Prime Minister X": the country's
        add(person, role, org)
    for person in ctx.cands:
        if not _is_person(person) or any(r.person == person.id for r in ctx.roles):
            continue
        role, org, start = _role_before(ctx, person.start)
        if role:
            add(person, role, org)
            if role.endswith("s") and role.rstrip("s") in ROLE_WORDS:
                _coordinated(ctx, person, role.rstrip("s"), org, add)
    for person in ctx.cands:
        if not _is_person(person):
            continue
        for found in (_apposition_after(ctx, person), _apposition_before(ctx, person)):
            if found:
                add(person, found[0], found[1])
    for r in roles:
        if r.org is not None:
            r.org = _named_or_country(ctx, r.org)
    return _tidy(ctx, roles)


def _coordinated(ctx: Ctx, first: Cand, role: str, org: int | None, add) -> None:
    """"Bestroy workers X, born in 1987, and Y": the plural role covers every name in the list."""
    doc = ctx.doc
    k = first.end
    sent_end = doc[first.start].sent.end
    while k < sent_end:
        if doc[k].pos_ in {"VERB", "AUX"} and doc[k].lower_ not in {"born"}:
            break
        c = ctx.at(k)
        if _is_person(c) and c is not first:
            assert c is not None
            add(c, role, org)
            k = c.end
            continue
        k += 1


def _tidy(ctx: Ctx, roles: list[Role]) -> list[Role]:
    """One row per person and role; a rank gives way to a post; "member of Y" lends Y to a bare role."""
    by_person: dict[int, list[Role]] = {}
    for r in roles:
        r.role = r.role.replace("spokes person", "spokesperson")
        by_person.setdefault(r.person, []).append(r)
    out: list[Role] = []
    for r in roles:
        words = r.role.split()
        if words and words[-1].endswith("s") and words[-1][:-1] in ROLE_WORDS:
            r.role = " ".join([*words[:-1], words[-1][:-1]])  # "workers X and Y" -> worker
    for rs in by_person.values():
        member_org = next((r.org for r in rs if r.role == "member" and r.org is not None), None)
        posts = [r for r in rs if r.role.split()[-1] not in RANKS]
        keep: list[Role] = []
        for r in rs:
            if r.role.split()[-1] in RANKS and posts:
                continue  # a rank gives way to a post
            if r.role == "member" and len(rs) > 1:
                continue
            if r.org is None and member_org is not None:
                r.org = member_org
            if r.org is None:
                r.org = _org_named_by_role(ctx, r.role)
            if r.org is None and r.role.split()[-1] in RANKS:
                r.org = _armed_force_before(ctx, r.start)
            if any(k.role == r.role and k.org == r.org for k in keep):
                continue
            if r.org is None and any(k.role == r.role for k in keep):
                continue
            keep = [k for k in keep if not (k.role == r.role and k.org is None)]
            keep.append(r)
        out.extend(keep)
    return out


def _org_named_by_role(ctx: Ctx, role: str) -> int | None:
    """"regional ombudsman" -> the "Ombudsman's Office" named in the article."""
    head = role.split()[-1]
    if head in RANKS or head in {"worker", "driver", "farmer", "member", "soldier", "resident"}:
        return None
    for c in ctx.cands:
        if _is_org(c) and not c.nominal and head in c.text.lower().replace("'s", "").split():
            return c.id
    return None


def _armed_force_before(ctx: Ctx, char: int) -> int | None:
    """A soldier named by rank serves in the armed force named last before him in the article."""
    best = None
    for c in ctx.cands:
        if c.char_end <= char and not c.nominal and top_class(c) == ARMED_FORCES and c.char_end > c.char_start:
            best = c.id
    return best


def _named_or_country(ctx: Ctx, org: int) -> int:
    """A ministry implied by a title ("Foreign Minister X") that the article never names is the
    minister's country: the writer named a person of that government, not the ministry."""
    c = ctx.cands[org]
    if c.char_end > c.char_start or top_class(c) != GOVERNMENT_BODY or not c.text.startswith("Ministry"):
        return org
    name = fold(c.canonical or c.text)
    for other in ctx.cands:
        if other is not c and other.char_end > other.char_start and fold(other.canonical or other.text) == name:
            return org
    code = None
    if " of " in (c.canonical or "")[len("Ministry of "):]:
        code = country_code((c.canonical or "").rsplit(" of ", 1)[1])
    code = code or ctx.home_country
    if code is None:
        return org
    c.text, c.canonical = "", None  # no entity for a ministry the text does not name
    return _country(ctx, code, c.start)


def _country(ctx: Ctx, code: str, at: int) -> int:
    """The mention of a country in the article, or a new one without a span."""
    for other in ctx.cands:
        if other.char_end > other.char_start and top_class(other) == COUNTRY and country_code(other.text) == code:
            return other.id
    return ctx.add(Cand(at, at, COUNTRY, 2.0, text=country_name(code) or "")).id


def _government_title(role: str) -> bool:
    """Titles of a national government ("Prime Minister", "Chief Cabinet Secretary", "Government
    spokeswoman"): written before a name with no body, they are the country's."""
    words = role.replace("-", " ").split()
    return ("minister" in words or role in {"president", "premier", "chancellor", "vice president"}
            or ("cabinet" in words and "secretary" in words) or ("government" in words and len(words) > 1))
