"""Roles: who holds which post in which body.

From titles glued to names ("Spokesperson for the Health Ministry X", "Georgian Foreign Minister
X"), lower-case roles before a name ("operator of Delta Television X", "ACME spokesperson
X", "the ministry's spokesman X") and appositions (``appositions``); the body of each role is
found by ``offices``. In: the working ``Ctx``. Out: ``Role`` rows (person, role, body ids).
"""

from __future__ import annotations

from dataclasses import dataclass

from newskg.extract.appositions import (
    apposition_after,
    apposition_before,
    coordinated_role_before,
    role_of_unit,
)
from newskg.extract.countries import country_code, demonym_country
from newskg.extract.doc import Cand, Ctx
from newskg.extract.lexicon import HONORIFICS, RANK_ABBREVIATIONS, ROLE_WORDS, TITLE_QUALIFIERS
from newskg.extract.offices import (
    NOUN,
    ORG_LINKS,
    RANKS,
    TITLE,
    armed_force_before,
    body_before_role,
    body_ending_at,
    body_named_by,
    country_mention,
    government_title,
    is_org,
    is_person,
    named_or_country,
    office_table,
    org_named_by_role,
    role_word,
)
from newskg.extract.places import top_class
from newskg.extract.titles import role_text, word
from newskg.models import ADMIN_AREA, COUNTRY, PLACE_CLASSES, SETTLEMENT


@dataclass
class Role:
    person: int
    role: str
    org: int | None
    start: int  # char offsets of the evidence
    end: int


def _role_before(ctx: Ctx, i: int) -> tuple[str, int | None, int]:
    """Lower-case role words ending at token i-1 ("operator of", "ACME spokesperson", "the army's spokesman")."""
    doc = ctx.doc
    while i > 0 and (doc[i - 1].lower_.rstrip(".") in HONORIFICS
                       or doc[i - 1].text == "." and i > 1 and doc[i - 2].lower_ in HONORIFICS):
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
        while k > 0 and role_word(doc[k - 1]) and not doc[k - 1].text[0].isupper():
            k -= 1
        if k < link:
            return " ".join(t.lower_ for t in doc[k:link]).replace(" - ", "-"), None, k
        return "", None, i
    k = j
    while k > 0 and role_word(doc[k - 1]) and (not doc[k - 1].text[0].isupper() or doc[k - 1].lower_ in ROLE_WORDS):
        k -= 1
    if k == j:
        unit = role_of_unit(ctx, j)  # "the head of the ministry's press service X"
        if unit is not None:
            return unit
        # "representative of the district water board X": a lower-case body after the role
        m = j - 1
        while m > 1 and j - m < 6 and doc[m].is_alpha and doc[m].is_lower and doc[m].pos_ in {"NOUN", "ADJ", "DET", "ADP"}:
            if doc[m].lower_ in ORG_LINKS and doc[m - 1].lower_ in ROLE_WORDS and doc[j - 1].pos_ == "NOUN":
                k = m - 1
                while k > 0 and role_word(doc[k - 1]) and not doc[k - 1].text[0].isupper():
                    k -= 1
                return " ".join(t.lower_ for t in doc[k:m]).replace(" - ", "-"), None, k
            m -= 1
        return "", None, i
    covering = ctx.at(k)
    if covering is not None and covering.start < k and is_org(covering) and covering.end < j:
        # "Harbour police chief X": "Harbour police" is the body, "chief" the role
        return " ".join(t.lower_ for t in doc[covering.end:j]).replace(" - ", "-"), covering.id, covering.end
    role = " ".join(t.lower_ for t in doc[k:j]).replace(" - ", "-")
    if k >= 2 and doc[k - 1].lower_ == "whose" and doc[k - 2].text == ",":
        owner = ctx.at(k - 3)  # "ACME, whose spokesman X said": the body before "whose"
        if owner is not None and is_org(owner) and owner.end == k - 2:
            return role, owner.id, k
    body, m = body_before_role(ctx, k)  # "ACME energy policy spokesman X", "ministry spokesman X"
    if body is not None and m < k:
        return " ".join(t.lower_ for t in doc[m:j]), body, m
    return role, body, k


def find_roles(ctx: Ctx) -> list[Role]:
    roles: list[Role] = []

    def add(person: Cand, role: str, org: int | None) -> None:
        role = role.strip()
        if not role or role in HONORIFICS or person.text.lower().rstrip(".") in HONORIFICS:
            return  # (an honorific read as a name, "Arc.", holds no post)
        parts = role.split(" and ")  # "chairman and chief executive": two posts in one body
        if len(parts) < 2 or not all(set(p.replace("-", " ").split()) & ROLE_WORDS for p in parts):
            parts = [role]  # (not "minister of agriculture and rural development")
        for part in parts:
            roles.append(Role(person.id, part.strip(), org, person.char_start, person.char_end))

    for phrase in ctx.roles:
        holder = phrase.person if phrase.person is not None else _coordinated_holder(ctx, phrase)
        if holder is None:
            continue
        person = ctx.cands[holder]
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
            elif government_title(role) and ctx.home_country:
                org = _counterpart_country(ctx, phrase.start)  # "his Ruritanian counterpart, Prime Minister X"
                if org is None:
                    org = country_mention(ctx, ctx.home_country, phrase.start)  # "Prime Minister X": the country's
        elif phrase.start > 0:
            owner = body_ending_at(ctx, phrase.start)  # "Ruritania's Minister of Water X": Ruritania's ministry
            if owner is not None and top_class(ctx.cands[owner]) == COUNTRY:
                org = named_or_country(ctx, org, country_code(ctx.cands[owner].text))
        add(person, role, org)
    for person in ctx.cands:
        if not is_person(person) or any(r.person == person.id for r in ctx.roles):
            continue
        at = person.start
        rank, at = _abbreviated_rank(ctx, at)  # "Lt. Col. Jane Doe", split by the tokenizer
        if rank:
            add(person, rank, None)
        role, org, start = _role_before(ctx, at)
        if role:
            add(person, role, org)
            if role.endswith("s") and role.rstrip("s") in ROLE_WORDS:
                _coordinated(ctx, person, role.rstrip("s"), org, add)
    for person in ctx.cands:
        if not is_person(person):
            continue
        for found in (apposition_after(ctx, person), apposition_before(ctx, person),
                      coordinated_role_before(ctx, person)):
            if found:
                add(person, found[0], found[1])
    for r in roles:
        if r.org is None:
            r.org = body_after_name(ctx, ctx.cands[r.person])
        if r.org is not None:
            r.org = named_or_country(ctx, r.org)
    return _tidy(ctx, roles)


def _coordinated_holder(ctx: Ctx, phrase) -> int | None:
    """"Deputy Prime Minister and Finance Minister X", "Minister of Y and government spokesman X":
    a title joined by "and" to the title written before a name is held by that name too."""
    doc = ctx.doc
    k = phrase.end
    if not phrase.role or k + 2 >= len(doc) or doc[k].lower_ != "and":
        return None
    k += 1
    second = next((r for r in ctx.roles if r.start == k and r.person is not None), None)
    if second is not None:
        return second.person
    while k < len(doc) and k < phrase.end + 5 and (role_word(doc[k]) or doc[k].lower_ in TITLE_QUALIFIERS):
        k += 1
    c = ctx.at(k)
    return c.id if k > phrase.end + 1 and is_person(c) and c is not None and c.start == k else None


def _abbreviated_rank(ctx: Ctx, i: int) -> tuple[str, int]:
    """Rank abbreviations with their full stops ending at token ``i`` ("Lt. Col.", "Capt."):
    the rank spelt out and where it starts; ("", i) when there is none."""
    doc, k = ctx.doc, i
    while k >= 2 and doc[k - 1].text == "." and word(doc[k - 2]) in RANK_ABBREVIATIONS:
        k -= 2
    return (role_text(doc[k:i]).replace(" .", "").replace(".", "").strip(), k) if k < i else ("", i)


def body_after_name(ctx: Ctx, person: Cand) -> int | None:
    """"Corporal Jane Doe of the City Police", "prosecutor Jane Doe of the Harbour Prosecutor's
    Office": a titled name followed by "of [the] <body>" holds its post in that body."""
    doc, k = ctx.doc, person.end
    if k + 1 >= len(doc) or doc[k].lower_ != "of":
        return None
    c = ctx.at(k + 1 + (doc[k + 1].lower_ == "the"))
    return c.id if is_org(c) and c is not None and not c.nominal else None


def _coordinated(ctx: Ctx, first: Cand, role: str, org: int | None, add) -> None:
    """"Bestroy workers X, born in 1987, and Y": the plural role covers every name in the list."""
    doc = ctx.doc
    k = first.end
    sent_end = doc[first.start].sent.end
    while k < sent_end:
        if doc[k].pos_ in {"VERB", "AUX"} and doc[k].lower_ not in {"born"}:
            break
        c = ctx.at(k)
        if is_person(c) and c is not first:
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
        posts = [r for r in rs if not is_rank(r.role)]
        keep: list[Role] = []
        for r in rs:
            if is_rank(r.role) and posts:
                continue  # a rank gives way to a post
            if r.role == "member" and len(rs) > 1:
                continue
            if r.org is None and member_org is not None:
                r.org = member_org
            if r.org is None:
                r.org = org_named_by_role(ctx, r.role)
            if r.org is None and not any((NOUN, w) in office_table() for w in r.role.split()[:-1]):
                # (not "police commissioner": a qualifier naming a body says whose office it is)
                words = r.role.split()  # "Speaker X" -> the parliament, "Attorney General X" -> the attorney's office
                r.org = body_named_by(ctx, TITLE, " ".join(words[-2:]), r.start) if len(words) > 1 else None
                r.org = r.org if r.org is not None else body_named_by(ctx, TITLE, words[-1], r.start)
            if r.org is None and is_rank(r.role):
                r.org = armed_force_before(ctx, r.start)
            if r.org is None and r.role.split()[-1] in AREA_OFFICES:
                r.org = _governed_area(ctx, ctx.cands[r.person], AREA_OFFICES[r.role.split()[-1]])
            if any(k.role == r.role and k.org == r.org for k in keep):
                continue
            if r.org is None and any(k.role == r.role for k in keep):
                continue
            keep = [k for k in keep if not (k.role == r.role and k.org is None)]
            keep.append(r)
        out.extend(keep)
    return _surname_repeats(ctx, out)


def is_rank(role: str) -> bool:
    """A rank, not a post: "sergeant", "police major", and a commander's title that opens with a rank
    ("lieutenant commander", "captain commander"), which names a grade, not a command."""
    words = role.replace("-", " ").split()
    return bool(words) and (words[-1] in RANKS or len(words) > 1 and words[0] in RANKS and words[-1] == "commander")


def _surname_repeats(ctx: Ctx, roles: list[Role]) -> list[Role]:
    """"Minister of Water Jane Doe … minister Doe said": a title repeated before the surname alone
    is the post named in full before, not a second post without a body."""
    named: dict[str, list[Role]] = {}
    for r in roles:
        words = ctx.cands[r.person].text.split()
        if len(words) >= 2 and r.org is not None:
            named.setdefault(words[-1], []).append(r)
    return [r for r in roles if not (r.org is None and " " not in ctx.cands[r.person].text and any(
        f.role.split()[-1] == r.role.split()[-1] and f.start < r.start for f in named.get(ctx.cands[r.person].text, [])))]


# Local offices and the kind of place they govern ("In Z province, Governor X said").
AREA_OFFICES = {"governor": ADMIN_AREA, "mayor": SETTLEMENT}
# The areas a governor governs (a district or a county has its own head, not a governor).
GOVERNED_AREAS = frozenset("province state region prefecture governorate oblast".split())


def _governed_area(ctx: Ctx, person: Cand, cls: str) -> int | None:
    """A governor or mayor named with no place governs the one place of that kind named before
    the name in the same sentence ("In Z Prefecture, the country's rice bowl, Governor X told …")."""
    sent = ctx.doc[person.start].sent
    found = {c.text: c.id for c in ctx.cands if sent.start <= c.start and c.end <= person.start and not c.nominal
             and c.char_end > c.char_start and top_class(c) == cls
             and (cls != ADMIN_AREA or (c.keyword or c.text.split()[-1].lower()) in GOVERNED_AREAS)}
    return next(iter(found.values())) if len(found) == 1 else None


def _counterpart_country(ctx: Ctx, start: int) -> int | None:
    """"his Ruritanian counterpart, X" / "his Ruritania counterpart, X": the country named before
    "counterpart" is the holder's."""
    doc = ctx.doc
    if start < 3 or doc[start - 1].text != "," or doc[start - 2].lower_ != "counterpart":
        return None
    c = ctx.at(start - 3)
    if c is not None and top_class(c) == COUNTRY:
        return c.id
    code = demonym_country(doc[start - 3].text)
    return country_mention(ctx, code, start - 3) if code else None
