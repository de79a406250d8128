"""Appositions: a role written beside a name, set off by commas.

Extract stage, used by ``roles``. In: the working ``Ctx`` and a person candidate. Out: (role,
body id) pairs from phrases after the name ("X, head of the Y,", "X, 27, a nurse at the Y",
"X, who heads the Y") and before it ("Director of the Y, X", "the mayor of Z, X", "ACME's
director-general, Dr X").
"""

from __future__ import annotations

from newskg.extract.countries import demonym_country
from newskg.extract.doc import Cand, Ctx
from newskg.extract.lexicon import HONORIFICS, ORG_HEADS, PLACE_KEYWORDS, ROLE_MODIFIERS, ROLE_WORDS, TRADES
from newskg.extract.offices import (
    NOUN,
    ORG_LINKS,
    body_before_role,
    body_ending_at,
    country_mention,
    government_title,
    is_org,
    lowercase_ministry,
    office_table,
    org_after,
    role_word,
)
from newskg.extract.places import top_class
from newskg.extract.titles import glued_hyphen
from newskg.models import COUNTRY, PLACE_CLASSES

# "X, who heads the Y": the verb -> the role
HEADS_VERBS = {
    **dict.fromkeys("heads headed leads led runs ran chairs chaired directs directed".split(), "head"),
    **dict.fromkeys("commands commanded".split(), "commander"),
}


def apposition_after(ctx: Ctx, person: Cand) -> tuple[str, int | None] | None:
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
        body = org_after(ctx, i + 2)  # "X, who chaired the session": heading no body is no post
        if body is None and _unnamed_body(ctx, i + 2):
            return HEADS_VERBS[doc[i + 1].lower_], None  # "X, who heads the truck owners' association"
        return (HEADS_VERBS[doc[i + 1].lower_], body) if body is not None else None
    if i + 3 < len(doc) and doc[i].lower_ == "who" and doc[i + 1].lemma_ == "work" and doc[i + 2].lower_ == "as":
        i += 3  # "X, who worked as a waiter at the bar"
    elif i + 2 < len(doc) and doc[i].lower_ == "who" and doc[i + 1].lower_ in {"is", "was", "serves", "served"}:
        i += 2  # "X, who is also the ACME's spokesman", "X, who serves as director of the Y"
        i += i < len(doc) and doc[i].lower_ == "also"
        i += i < len(doc) and doc[i].lower_ == "as"
    if i < len(doc) and doc[i].lower_ in {"a", "an", "the"}:
        i += 1
    mods = i
    while i < len(doc) and i < mods + 2 and doc[i].is_lower and doc[i].lower_ in ROLE_MODIFIERS | {"top", "former"}:
        i += 1  # "X, a senior ACME official": the modifier is the role's, the body comes after it
    named = ctx.at(i) if i > mods else None
    if is_org(named) and named is not None and named.start == i:
        found = apposition_after_words(ctx, named.end) if named.end < len(doc) and doc[named.end].is_lower else None
        return (f"{doc[mods:i].text.lower()} {found[0]}", named.id) if found else None
    i = mods
    owner = body_ending_at(ctx, i + 2) if i + 2 < len(doc) and doc[i + 1].text in {"'s", "’s"} else None
    found = apposition_after_words(ctx, i + 2) if owner is not None else None
    if found:  # "X, the country's health minister,", "X, the ministry's spokesman,"
        return found[0], found[1] if found[1] is not None else owner
    for r in ctx.roles:
        if r.person is None and r.start == i:
            at = org_after(ctx, r.end) if r.end < len(doc) and doc[r.end].lower_ in {"at", "with"} else None
            return r.role, at if at is not None else r.org  # "X, Governor of Y", "X, Minister of State at the Y"
    named = ctx.at(i)
    if named is not None and named.start == i and not named.nominal and named.end + 1 < len(doc) \
            and doc[named.end].text in {"'s", "’s"} and (is_org(named) or top_class(named) in PLACE_CLASSES):
        # "X, Harbour Town's municipal security secretary,": the body or place before "'s" holds the post
        found = apposition_after_words(ctx, named.end + 1)
        return (found[0], found[1] if found[1] is not None else named.id) if found else None
    if is_org(named) and named is not None and named.start == i and named.end + 2 < len(doc) \
            and (NOUN, doc[named.end].lower_) in office_table() and doc[named.end + 1].text in {"'s", "’s"}:
        found = apposition_after_words(ctx, named.end + 2)  # "X, the ACME party's candidate"
        return (found[0], found[1] if found[1] is not None else named.id) if found else None
    if is_org(named) and named is not None and named.start == i and named.end < len(doc) and doc[named.end].is_lower:
        found = apposition_after_words(ctx, named.end)  # "X, a Civil Defence team leader in Y"
        return (found[0], named.id) if found else None
    if named is None and i < len(doc) and doc[i].text[:1].isupper():
        # "X, a Civil Guard team leader": a body's name the chunker missed here, written as elsewhere
        j = i
        while j < len(doc) and j < i + 5 and doc[j].is_alpha and doc[j].text[:1].isupper():
            j += 1
        same = next((c for c in ctx.cands if is_org(c) and not c.nominal and c.text == doc[i:j].text), None)
        if same is not None and j < len(doc) and doc[j].is_lower:
            found = apposition_after_words(ctx, j)
            return (found[0], same.id) if found else None
    found = apposition_after_words(ctx, i)
    return found


def apposition_after_words(ctx: Ctx, i: int) -> tuple[str, int | None] | None:
    """The lower-case role phrase of an apposition from token ``i``, with the body after its link."""
    doc = ctx.doc
    k = i
    last_role = None
    while k < len(doc) and k < i + 5 and (doc[k].is_alpha and doc[k].is_lower and (
            role_word(doc[k]) or doc[k].pos_ in {"ADJ", "NOUN"}) or k > i and glued_hyphen(doc, k)):
        if role_word(doc[k]) and (doc[k].lower_ in ROLE_WORDS or doc[k].lower_ in TRADES):
            last_role = k + 1
        elif k > i + 1 and glued_hyphen(doc, k - 1) and f"{doc[k - 2].lower_}-{doc[k].lower_}" in ROLE_WORDS:
            last_role = k + 1  # "secretary-general", split by the tokenizer
        k += 1
    if last_role is None or last_role != k and doc[k - 1].pos_ == "NOUN":
        return None  # the phrase's head noun is no role ("a village near …")
    role = " ".join(t.lower_ for t in doc[i:last_role]).replace(" - ", "-")
    k = last_role
    if k + 1 < len(doc) and doc[k].lower_ == "and" and doc[k + 1].is_lower and role_word(doc[k + 1]):
        more = apposition_after_words(ctx, k + 1)  # "chairman and chief executive of ACME": both posts
        if more is not None:
            return f"{role} and {more[0]}", more[1]
    org = org_after(ctx, k) if k < len(doc) and doc[k].lower_ in ORG_LINKS else None
    if k < len(doc) and doc[k].lower_ == "from":
        org = org_after(ctx, k)  # "a lawmaker from the ACME Party"; not "a farmer from Z", where Z is home
        org = org if org is not None and is_org(ctx.cands[org]) else None
    return role, org


def apposition_before(ctx: Ctx, person: Cand) -> tuple[str, int | None] | None:
    """"Director of the Y, X" / "ACME's director-general, Dr X" / "The 34-year-old deminer, X"."""
    doc = ctx.doc
    i = min([person.start] + [r.start for r in ctx.roles if r.person == person.id])
    while i > 0 and (doc[i - 1].lower_.rstrip(".") in HONORIFICS
                       or doc[i - 1].text == "." and i > 1 and doc[i - 2].lower_ in HONORIFICS):
        i -= 1
    if i < 2 or doc[i - 1].text != ",":
        return None
    for r in ctx.roles:
        # "Director of the Y [at the Z], X"
        if r.person is None and r.end <= i - 1 and only_bodies_between(ctx, r.end, i - 1):
            owner = body_ending_at(ctx, r.start)  # "Its Governor, Dr X", "Iceland's Foreign Minister, X"
            if owner is not None and (r.org is None or top_class(ctx.cands[owner]) == COUNTRY
                                      or top_class(ctx.cands[r.org]) in PLACE_CLASSES and is_org(ctx.cands[owner])):
                # "ACME's representative in Z, X": Z is the area served, ACME the body
                return r.role, owner
            return r.role, r.org
    j = i - 1
    k = j
    while k > 0 and role_word(doc[k - 1]) and not doc[k - 1].text[0].isupper():
        k -= 1
    if k == j and j >= 2 and doc[j - 2].lower_ in {"its", "their"} and doc[j - 1].lower_[:-1] in ROLE_WORDS \
            and doc[j - 1].lower_.endswith("s"):
        # "one of its members, X": a body's own people named one by one
        return doc[j - 1].lower_[:-1], body_ending_at(ctx, j - 1)
    if k == j:
        found = role_of_body(ctx, j) or role_of_unit(ctx, j)
        if found:
            return found[0], found[1]
        # "The driver of the truck, X": a role whose "of" phrase names no body
        m = j - 1
        while m > 0 and j - m < 10 and doc[m].is_alpha and (
                not doc[m].text[0].isupper() and doc[m].pos_ in {"NOUN", "DET", "ADJ", "ADP"}
                or _place_at(ctx, m)):  # "the spokesman of the emergency room of Z camp, X"
            if doc[m].lower_ in ORG_LINKS and m > 0 and doc[m - 1].lower_ in ROLE_WORDS:
                k = m - 1
                while k > 0 and role_word(doc[k - 1]) and not doc[k - 1].text[0].isupper():
                    k -= 1
                return " ".join(t.lower_ for t in doc[k:m]).replace(" - ", "-"), None
            m -= 1
        return None
    if not any(doc[x].lower_ in ROLE_WORDS for x in range(k, j)):
        return None
    first = _coordinated_start(ctx, k)  # "ACME's spokesman and deputy leader, X": one body for both
    body, m = body_before_role(ctx, first if first is not None else k)  # "ministry spokesman, X"
    if first is not None:
        m = k
    role = " ".join(t.lower_ for t in doc[m:j]).replace(" - ", "-")
    code = demonym_country(doc[m - 1].text) if body is None and m > 0 and government_title(role) else None
    if code is not None:
        body = country_mention(ctx, code, m - 1)  # "the Ruritanian health minister, X": the country's
    return role, body


def _place_at(ctx: Ctx, k: int) -> bool:
    c = ctx.at(k)
    return c is not None and not c.nominal and top_class(c) in PLACE_CLASSES


def role_of_body(ctx: Ctx, j: int) -> tuple[str, int] | None:
    """"the mayor of Harbour Town, X", "the commander of the City Police, General X": a
    lower-case role, "of|for|at [the]", a body or place ending at token ``j``; in a chain of
    "of" bodies ("commander of the river company of the Gendarmerie") the last is the body."""
    found = _role_of_body(ctx, j)
    return (found[0], found[1]) if found else None


def coordinated_role_before(ctx: Ctx, person: Cand) -> tuple[str, int | None] | None:
    """"The governor of Z region and mayor of Y, X", "his aide and driver, X": the first of two
    roles joined by "and" before the name (the second is ``apposition_before``'s)."""
    doc = ctx.doc
    i = person.start
    while i > 0 and doc[i - 1].lower_.rstrip(".") in HONORIFICS:
        i -= 1
    if i < 2 or doc[i - 1].text != ",":
        return None
    second = _role_of_body(ctx, i - 1)
    if second is None:
        k = i - 1
        while k > 0 and role_word(doc[k - 1]) and not doc[k - 1].text[0].isupper():
            k -= 1
        start = _coordinated_start(ctx, k) if k < i - 1 else None
        if start is None:
            return None
        body, _ = body_before_role(ctx, start)  # "his aide and driver, X": both posts, one body
        return " ".join(t.lower_ for t in doc[start:k - 1]).replace(" - ", "-"), body
    if second[2] < 2 or doc[second[2] - 1].lower_ != "and":
        return None
    first = _role_of_body(ctx, second[2] - 1)
    return (first[0], first[1]) if first else None


def role_of_unit(ctx: Ctx, j: int) -> tuple[str, int, int] | None:
    """"the head of the ministry's press service, X", "the chief of ACME's security unit X": a role,
    "of [the]", a body with "'s" and the lower-case unit of it ending at token ``j``. The role is
    held in the body; the unit is written into the role ("head of the press service"). Returns the
    role, the body and the token where the role begins."""
    doc = ctx.doc
    u = j
    while u > 0 and j - u < 3 and doc[u - 1].is_alpha and doc[u - 1].is_lower and doc[u - 1].pos_ in {"NOUN", "ADJ"}:
        u -= 1
    if u == j or u < 4 or doc[u - 1].text not in {"'s", "’s"}:
        return None
    c = ctx.at(u - 2)
    if not is_org(c) or c is None or c.end != u - 1:
        return None
    k = c.start - (doc[c.start - 1].lower_ == "the")
    if k < 2 or doc[k - 1].lower_ != "of":
        return None
    r = k - 1
    while r > 0 and role_word(doc[r - 1]) and not doc[r - 1].text[0].isupper():
        r -= 1
    if r == k - 1 or not any(doc[x].lower_ in ROLE_WORDS for x in range(r, k - 1)):
        return None
    role = " ".join(t.lower_ for t in doc[r:k - 1]).replace(" - ", "-")
    return f"{role} of the {' '.join(t.lower_ for t in doc[u:j])}", c.id, r


def _coordinated_start(ctx: Ctx, k: int) -> int | None:
    """Where the first of two lower-case roles joined by "and" begins when the second begins at
    token ``k`` ("spokesman and deputy leader"); None when no role is joined so."""
    doc = ctx.doc
    if k < 2 or doc[k - 1].lower_ != "and":
        return None
    r = k - 1
    while r > 0 and role_word(doc[r - 1]) and not doc[r - 1].text[0].isupper():
        r -= 1
    return r if r < k - 1 and any(doc[x].lower_ in ROLE_WORDS for x in range(r, k - 1)) else None


def _role_of_body(ctx: Ctx, j: int) -> tuple[str, int, int] | None:
    """``role_of_body`` with the token where the role begins."""
    doc = ctx.doc
    if j >= 4 and doc[j - 1].text == ")" and doc[j - 3].text == "(":
        j -= 3  # "the president of the Growers Association (GA), X": the acronym is the body's
    c = ctx.at(j - 1)
    if c is None and j >= 2 and doc[j - 1].is_lower and (doc[j - 1].lower_ in PLACE_KEYWORDS or doc[j - 1].lower_ in ORG_HEADS):
        c = ctx.at(j - 2)  # "the governor of X province, Name", "the spokesman of X company, Name"
        j -= 1
    if c is None or c.nominal and not is_org(c) or c.end != j or not (is_org(c) or top_class(c) in PLACE_CLASSES):
        return None  # (a body may be a description: "the spokesman of the ministry, X")
    k = c.start
    while True:
        if k > 0 and doc[k - 1].lower_ == "the":
            k -= 1
        if k < 2 or not (doc[k - 1].lower_ in ORG_LINKS | {"to"} or doc[k - 1].lower_ == "on" and doc[k - 2].lower_ == "member"):
            return None  # "a member on the finance committee": a member sits on a board
        m = k - 1
        r = m
        if r >= 3 and doc[r - 1].is_lower and doc[r - 1].is_alpha and doc[r - 2].lower_ == "for" and role_word(doc[r - 3]):
            r -= 2  # "the regional councillor for transport of Z": the post's domain between it and its body
        while r > 0 and role_word(doc[r - 1]) and not doc[r - 1].text[0].isupper():
            r -= 1
        if r < m and any(doc[x].lower_ in ROLE_WORDS or doc[x].lower_ in TRADES for x in range(r, m)):
            return " ".join(t.lower_ for t in doc[r:m]).replace(" - ", "-"), _served_or_body(ctx, r, m, c), r
        if doc[m - 1].lower_ in PLACE_KEYWORDS:
            k = m - 1  # "the mayor of the commune of Z, X"
            continue
        if doc[m - 1].lower_ == "ministry" and m >= 4:
            s = m - 2 - (doc[m - 3].lower_ == "the")  # "the head of the energy ministry of Z, X"
            body = lowercase_ministry(ctx, s)
            r = s - 1
            while body is not None and r > 0 and doc[s - 1].lower_ in ORG_LINKS and role_word(doc[r - 1]) \
                    and not doc[r - 1].text[0].isupper():
                r -= 1
            if body is not None and r < s - 1:
                return " ".join(t.lower_ for t in doc[r:s - 1]).replace(" - ", "-"), body, r
            return None
        e = m
        if doc[e - 1].text == ")" and e >= 3 and doc[e - 3].text == "(":
            e -= 3  # "the spokesman of the Republic Police (RP) in Z": the acronym is the body's
        inner = ctx.at(e - 1)  # "of the river company of the Gendarmerie": look further back
        if inner is None or inner.nominal or inner.end != e:
            return None
        if doc[m].lower_ == "in" and top_class(c) in PLACE_CLASSES:
            if not is_org(inner):
                return None
            c = inner  # "the spokesman of the Republic Police in Z": Z is the area it serves, not the body
        k = inner.start


def _served_or_body(ctx: Ctx, r: int, link: int, c: Cand) -> int:
    """The body of a role at tokens ``r``..``link`` whose link word leads to ``c``: the body
    named before the role when ``c`` is what the post serves or is sent to ("ACME spokesperson
    for the Z region", "Ruritania's ambassador to the UN"), else ``c``."""
    word = ctx.doc[link].lower_
    if word == "to" or word in {"for", "in"} and top_class(c) in PLACE_CLASSES:
        owner, _ = body_before_role(ctx, r)
        if owner is not None:
            return owner
    return c.id


def only_bodies_between(ctx: Ctx, a: int, b: int) -> bool:
    """Tokens a..b-1 are nothing but "at|of|in [the] <body>" phrases."""
    doc = ctx.doc
    k = a
    while k < b:
        if doc[k].lower_ in ORG_LINKS or doc[k].lower_ == "the" or doc[k].text in {"(", ")"}:
            k += 1  # "the Y (ACR)": an acronym in brackets is the body's
            continue
        c = ctx.at(k)
        if not is_org(c):
            return False
        assert c is not None
        k = max(c.end, k + 1)
    return True


# Common nouns for a body or a group that a person can head without its name being given.
GROUP_NOUNS = frozenset("community association union cooperative committee council board group team unit office "
                        "department network federation society chamber club".split())


def _unnamed_body(ctx: Ctx, i: int) -> bool:
    """Tokens from ``i`` are "the|a|an [lower-case words] <group noun>" ("the local fishing
    community", "the truck owners' association"): a body described, not named."""
    doc = ctx.doc
    if i >= len(doc) or doc[i].lower_ not in {"the", "a", "an"}:
        return False
    k = i + 1
    while k < len(doc) and k < i + 6 and (doc[k].is_alpha or doc[k].text in {"'", "'s", "’s", "’"}):
        if doc[k].lower_ in GROUP_NOUNS and (k + 1 >= len(doc) or not doc[k + 1].is_lower or doc[k + 1].lower_ in ORG_LINKS):
            return True
        k += 1
    return False
