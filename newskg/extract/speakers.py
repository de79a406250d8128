"""Speakers: who a subject phrase stands for when it attributes speech.

Extract stage, used by ``statements`` and ``reported``. In: the article's ``Ctx`` (mentions and
role phrases), a subject token of a speech verb and the speakers heard so far. Out: mention ids
of the speakers meant. Names speak for themselves; pronouns and definite nouns ("he", "it", "the
statement", "the ministry", "the minister") are resolved to the speaker meant; a joint subject is
every body in it; a capital speaks for its country's government, other places do not speak.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from newskg.extract.bodies import NOMINAL_HEADS
from newskg.extract.countries import capital_of, country_code, country_name
from newskg.extract.doc import Cand, Ctx, fold
from newskg.extract.lexicon import ROLE_WORDS, SPEECH_VERBS
from newskg.extract.places import top_class
from newskg.models import ARMED_FORCES, COUNTRY, ORG_CLASSES, PERSON, PLACE_CLASSES

# Plural nouns that stand for the bodies just quoted together ("the three organisations said").
PLURAL_BODIES = frozenset("organisations organizations groups agencies bodies ministries parties".split())
# Head nouns of a body's description beyond the nominal heads ("the state government said").
BODY_NOUNS = frozenset("government prefecture governorate municipality secretariat ministry".split())
# Nouns for a person named by no title ("the tavern owner said", "a witness said").
PERSON_NOUNS = frozenset("owner man woman resident witness neighbour neighbor survivor relative mother father son "
                         "daughter brother sister friend driver teacher student farmer shopkeeper source victim "
                         "passenger".split())
# The relative pronoun whose clause speaks for the person it follows ("X, who announced …").
RELATIVES = frozenset({"who"})
# Nouns for a person by what they do, beyond the titles of ROLE_WORDS ("said the politician").
ROLE_NOUNS = frozenset("politician candidate lawmaker legislator activist witness resident".split())


class Speakers:
    """Resolves pronouns and definite nouns to the speaker meant."""

    def __init__(self, ctx: Ctx, quoted: set[int], titles: Iterable[tuple[int, str, int, int | None]] = ()):
        self.ctx = ctx
        self.quoted = quoted
        self.history: list[list[int]] = []
        self.unnamed: int | None = None  # token of the last speaker not named ("the bar owner said")
        # (person, role, character offset, body) of the memberships read: "Minister Jane Doe"
        self.titles = [*titles, *((r.person, r.role, ctx.doc[r.start].idx, r.org) for r in ctx.roles if r.person is not None)]

    def last_person(self, before: int, salient: bool = True) -> int | None:
        """The person "he"/"she" stands for: the last named before, passing over one named as
        the object of an identification ("identified the dead as X") and a name that only
        qualifies a noun ("the Varna attack")."""
        doc = self.ctx.doc
        found = [c for c in self.ctx.cands
                 if c.start < before and not c.nominal and top_class(c) == PERSON and c.start not in self.quoted]
        found.sort(key=lambda c: c.start)
        spoke = {i for ids in self.history for i in ids}
        for c in reversed(found if salient else []):
            if before - c.start > 80:
                break
            if (c.id in spoke or _subject_name(doc[c.end - 1])) and not _modifies_a_noun(doc[c.end - 1]):
                return c.id  # the last person who spoke or was a subject, over one named in passing
        for c in reversed(found):
            if not (c.start > 0 and doc[c.start - 1].lower_ == "as") and not _modifies_a_noun(doc[c.end - 1]):
                return c.id
        return found[-1].id if found else None

    def heard_unnamed(self, subj: Token) -> None:
        """A person not named spoke ("the tavern owner said", "a witness said"): "he" and "she"
        after it are that person, not the last one named."""
        if subj.tag_ == "NN" and (subj.lower_ in ROLE_WORDS or subj.lower_ in ROLE_NOUNS or subj.lower_ in PERSON_NOUNS):
            self.unnamed = subj.i

    def pronoun(self, tok: Token, before: int) -> list[int]:
        """"he"/"she" as someone named before token ``before``."""
        p = self.last_person(before)
        return [p] if p is not None else []

    def last_body(self) -> list[int]:
        for ids in reversed(self.history):
            if all(top_class(self.ctx.cands[i]) in ORG_CLASSES for i in ids):
                return ids
        for ids in reversed(self.history):
            if all(top_class(self.ctx.cands[i]) != PERSON for i in ids):
                return ids
        return []

    def by_role(self, tok: Token) -> list[int]:
        """"the minister said", "said the politician": the person last named with that role,
        else the last person named if named with a title, else the last speaker when a person."""
        low = tok.lower_
        phrases = [(at, person) for person, role, at, _ in self.titles
                   if at < tok.idx and low in role.lower().replace("-", " ").split()]
        if phrases:
            return [max(phrases)[1]]
        if any(c.dep_ in {"compound", "amod", "nmod"} for c in tok.children):
            return []  # "the bar owner", "a local official": someone new, not the last speaker
        if any(c.dep_ == "det" and c.lower_ in {"a", "an", "one", "another"} for c in tok.children):
            return []  # "according to a resident": an indefinite phrase brings in someone new
        titled = {person for person, _, at, _ in self.titles if at < tok.idx}
        last = self.last_person(tok.i, salient=False)
        if last is not None and last in titled:
            return [last]  # "The candidate of X, Jane Doe, asked … \"…,\" said the politician."
        if self.history and len(self.history[-1]) == 1 and top_class(self.ctx.cands[self.history[-1][0]]) == PERSON:
            return list(self.history[-1])
        return []

    def resolve(self, tok: Token) -> list[int]:
        """Speakers a subject token stands for (a name, a pronoun, "the statement")."""
        ctx = self.ctx
        low = tok.lower_
        if low in {"he", "she", "him", "her"}:
            p = self.last_person(tok.i)
            if p is not None and self.unnamed is not None and ctx.cands[p].start < self.unnamed < tok.i:
                return []  # "The bar owner said he hid. \"…,\" he said.": the one not named
            return [p] if p is not None else []
        if low in RELATIVES and tok.head.dep_ == "relcl" and tok.head.head is not tok:
            return self.resolve(tok.head.head)  # "X, who announced …": X
        if low in {"it", "they"} or low in PLURAL_BODIES or (
                low in {"statement", "release", "communique"} and not _names_inside(ctx, tok)):
            return self.last_body()
        found = _names_inside(ctx, tok)
        if len(found) == 1 and ctx.cands[found[0]].nominal:
            return self.speaking_body(ctx.cands[found[0]]) or found
        if not found and tok.pos_ == "NOUN" and (low in ROLE_WORDS or low in ROLE_NOUNS):
            return self.by_role(tok)
        if not found and tok.pos_ == "NOUN" and (low in NOMINAL_HEADS or low in BODY_NOUNS):
            return self.named_body(_description(tok), tok.i)  # "the governor's office said"
        return [self.fullest(i) for i in found]

    def of_mention(self, c: Cand) -> list[int]:
        """A mention as the speaker: a nominal ("the ministry") is the body that spoke, a place
        speaks only as a country or a capital, a person by their fullest name."""
        if c.nominal:
            return self.speaking_body(c) or [c.id]
        return [self.fullest(i) for i in _as_speaker(self.ctx, c)]

    def fullest(self, mid: int) -> int:
        """A person named by part of their name ("Doe said", "Mary Doe said") is the person named
        before in full ("Jane Mary Doe"): the last earlier name that ends with it, or holds it
        whole, when only one person was named so. Bodies and full names stay as they are."""
        c = self.ctx.cands[mid]
        if top_class(c) != PERSON or c.nominal:
            return mid
        words = fold(c.text).split()
        fuller = [o for o in self.ctx.cands if o.start < c.start and not o.nominal and top_class(o) == PERSON
                  and len(fold(o.text).split()) > len(words) and _holds(fold(o.text).split(), words)]
        if len({fold(o.text) for o in fuller}) != 1:
            return mid  # nobody, or two people of that name ("Doe" after "Jane Doe" and "John Doe")
        return max(fuller, key=lambda o: o.start).id

    def speaking_body(self, nominal: Cand) -> list[int]:
        """"the ministry said" after a ministry has spoken: that ministry, not another one its
        statement named ("… the Interior Ministry reported …," the ministry said)."""
        head = fold(nominal.text).split()[-1:]

        def named(c: Cand) -> bool:
            return not c.nominal and top_class(c) in ORG_CLASSES and bool(head) and head[0] in fold(c.canonical or c.text).split()

        for ids in reversed(self.history):
            for i in ids:
                if named(self.ctx.cands[i]):
                    return [i]
                # the last speaker spoke for a ministry: "X, head of the press service of the Y
                # Ministry, said …. The ministry urged …"
                bodies = [org for person, _, _, org in self.titles if person == i and org is not None]
                if bodies and named(self.ctx.cands[bodies[-1]]):
                    return [bodies[-1]]
        if any(c.start < nominal.start and c is not nominal and _links(nominal, c) for c in self.ctx.cands):
            return []  # the body named before it, as the mentions are clustered
        described = _described_as(self.ctx, head[0], nominal.start) if head else None
        if described is not None:
            return [described]
        return self.named_body([w for w in fold(nominal.text).split() if w not in {"the", "a", "an"}], nominal.start)

    def named_body(self, words: list[str], at: int) -> list[int]:
        """The body whose name holds every word of a description ("police" -> "the Norland Police
        Service", "the governor's office" -> "the Varnoli Governor's Office"): the last named
        before token ``at``, else the one named after; nobody when two named after fit. Names
        that hold one another ("Norland Police", "Norland Police Service") are one body."""
        if not words:
            return []
        names: dict[str, int] = {}
        last_before: Cand | None = None
        for c in self.ctx.cands:
            if c.nominal or top_class(c) not in ORG_CLASSES:
                continue
            name = fold(c.canonical or c.text).removeprefix("the ")
            have = set(name.replace("'s", " ").replace("’s", " ").split()) | set(fold(c.text).split())
            if not set(words) <= have:
                continue
            if c.start < at:
                last_before = c if last_before is None or c.start > last_before.start else last_before
            else:
                names.setdefault(name, c.id)
        if last_before is not None:
            return [last_before.id]
        if not names:
            return []
        longest = max(names, key=lambda n: len(n.split()))
        if all(set(n.split()) <= set(longest.split()) for n in names):
            return [names[longest]]
        return []


def _links(nominal: Cand, c: Cand) -> bool:
    """A nominal ("the ministry", "the army") stands for a body named before with its head word."""
    head = fold(nominal.text).split()[-1:]
    if c.nominal or not head or top_class(c) not in ORG_CLASSES:
        return False
    return head[0] in fold(c.canonical or c.text).split() + fold(c.text).split() or (
        head[0] in {"army", "military"} and top_class(c) == ARMED_FORCES)


def _described_as(ctx: Ctx, noun: str, before: int) -> int | None:
    """"Acme Wings, a charter company based in X, …. The company said …": the body last named
    before token ``before`` with a description in apposition whose head is the noun."""
    doc = ctx.doc
    found = None
    for c in ctx.cands:
        if c.nominal or c.start >= before or top_class(c) not in ORG_CLASSES:
            continue
        if any(t.dep_ == "appos" and t.head.i in range(c.start, c.end) and t.lower_ == noun and t.pos_ == "NOUN"
               for t in doc[c.end:min(len(doc), c.end + 8)]):
            found = c.id
    return found


def _description(head: Token) -> list[str]:
    """The words of a definite description up to its head: "the Kelm governor's office" ->
    kelm, governor, office (articles, pronouns and the possessive left out)."""
    return [fold(t.text) for t in head.doc[head.left_edge.i:head.i + 1]
            if t.is_alpha and t.pos_ not in {"DET", "PRON"}]


def _subject_name(tok: Token) -> bool:
    """A name that is a clause's subject, or in apposition to one ("The chief, Jane Doe, said")."""
    return tok.dep_ in {"nsubj", "nsubjpass"} or tok.dep_ == "appos" and tok.head.dep_ in {"nsubj", "nsubjpass"}


def _modifies_a_noun(tok: Token) -> bool:
    """A name used as a noun's modifier: "the Varna attack", "a Norland court"."""
    return tok.dep_ in {"compound", "amod"} and tok.head.pos_ == "NOUN" and tok.head.i > tok.i


def _holds(full: list[str], part: list[str]) -> bool:
    """``part`` is the end of ``full`` ("Doe" of "Jane Doe") or a run of its words."""
    n = len(part)
    return full[-n:] == part or any(full[k:k + n] == part for k in range(1, len(full) - n + 1))


def _names_inside(ctx: Ctx, head: Token) -> list[int]:
    """Mentions in a subject phrase; a person wins over the body they speak for, every body of a
    joint statement counts ("X, Y and Z said"), and a place speaks only as a country."""
    if _anonymous(ctx, head):
        return []
    lo, hi = head.left_edge.i, head.right_edge.i + 1
    # "X, which runs the Y Centre, said", "X, whose candidate Jane Doe came second, says": X speaks
    clause = {t.i for c in head.children if c.dep_ == "relcl" and c.i > head.i for t in c.subtree}
    cands = [c for c in ctx.covering(lo, hi) if (top_class(c) not in {COUNTRY} or c.start == lo or c.start == head.i)
             and c.start not in clause]
    if not cands:
        cands = [c for c in ctx.covering(lo, hi) if c.start not in clause]
    persons = [c for c in cands if top_class(c) == PERSON and not c.nominal]
    if persons:
        return [_head_person(head, persons).id]
    joint = _joint_bodies(ctx, head)
    if len(joint) > 1:
        return joint
    named = [ctx.at(t.i) for t in head.children if t.dep_ == "appos"]  # "the UN mission, ACME, said"
    named_bodies = [c.id for c in named if c is not None and top_class(c) in ORG_CLASSES and not c.nominal]
    if named_bodies:
        return named_bodies[:1]
    heads = [c for c in cands if c.start <= head.i < c.end]
    if heads:
        return _as_speaker(ctx, heads[0])
    conj = [c.id for c in cands if any(t.dep_ in {"conj", "nsubj", "nsubjpass", "pobj", "compound", "poss"} for t in ctx.doc[c.start:c.end])]
    orgs = [i for i in conj if top_class(ctx.cands[i]) in ORG_CLASSES]
    if orgs:
        return orgs
    places = [i for i in conj if top_class(ctx.cands[i]) in PLACE_CLASSES]
    return _as_speaker(ctx, ctx.cands[places[0]]) if places else []


def _anonymous(ctx: Ctx, head: Token) -> bool:
    """"relatives said", "local officials and medics said", "shoppers in the city said": people
    not named, unless the phrase names whose ("officials of the ministry said", "ministry officials
    said", "results published by the commission")."""
    if head.tag_ != "NNS" or ctx.at(head.i) is not None or head.lower_ in PLURAL_BODIES:
        return False
    whose = [t for t in head.subtree if t.i > head.i and (c := ctx.at(t.i)) is not None
             and top_class(c) not in PLACE_CLASSES]  # "results published by X", not "shoppers in X"
    return not whose and not any(c.dep_ in {"compound", "poss"} and ctx.at(c.i) is not None for c in head.children)


def _head_person(head: Token, persons: list[Cand]) -> Cand:
    """The person a subject phrase names: the one at its head ("Acme MP Jane Doe"), else the one
    in apposition to it ("Doe's brother, John Doe"), else one in apposition to a title inside it,
    else the first named."""
    appos = {t.i for c in head.children if c.dep_ == "appos" for t in c.subtree}
    for near in ({head.i}, appos):
        found = [c for c in persons if any(c.start <= i < c.end for i in near)]
        if found:
            return found[0]
    # "Minister of X and government spokesman Jane Doe": the name in apposition to a title
    doc = head.doc
    titled = [c for c in persons if doc[c.end - 1].dep_ == "appos" and doc[c.end - 1].head.pos_ == "NOUN"]
    return titled[-1] if titled else persons[0]


def _joint_bodies(ctx: Ctx, head: Token) -> list[int]:
    """The bodies of a coordinated subject: "the Water Agency, the Red Cross and ACME said"."""
    found: list[int] = []
    for tok in [head, *head.conjuncts]:
        c = ctx.at(tok.i)
        if c is not None and top_class(c) in ORG_CLASSES and c.id not in found:
            found.append(c.id)
    return found


def _as_speaker(ctx: Ctx, c: Cand) -> list[int]:
    """A mention as a speaker: a town or region does not speak, but a capital stands for its
    country's government ("Canberra said" -> Australia)."""
    if top_class(c) not in PLACE_CLASSES or top_class(c) == COUNTRY:
        return [c.id]
    code = capital_of(c.text)
    if code is None:
        return []
    country = next((x for x in ctx.cands if top_class(x) == COUNTRY and country_code(x.text) == code), None)
    if country is None:
        country = ctx.add(Cand(c.start, c.start, COUNTRY, 1.0, text=country_name(code)))
    return [country.id]


def subject_of(verb: Token) -> Token | None:
    """The verb's subject. Of two (a misparse), the one next to the verb ("Leader of the House and
    Minister of X Jane Doe rejected …", "Norland's envoy to the UN, Jane Doe, urged …", "…, and
    Jane Doe, 29, their relatives said"), unless it describes a name before it ("ACME, the rescue
    group known as X, said"): then that name."""
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < verb.i]
    if len(subjects) > 1:
        last = subjects[-1]
        described = last.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in {"the", "a", "an"} for c in last.children)
        names = [c for c in subjects if c.pos_ == "PROPN"]
        return names[-1] if described and names else last
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    for child in subjects:
        return child
    if verb.dep_ in {"conj", "advcl", "xcomp"} and verb.head is not verb:
        return subject_of(verb.head)
    head = verb.head
    if verb.dep_ == "acl" and verb.i > 0 and verb.doc[verb.i - 1].text == "," and head.i < verb.i and (
            verb.tag_ in {"VBD", "VBZ"} and head.pos_ == "PROPN" or head.dep_ == "ROOT" and head.pos_ in {"NOUN", "PROPN"}):
        # "X, which represents Y, called on …", "X's mayor, Jane Doe, announced …" parsed as a clause
        # on the noun: the verb after the comma that closes the clause or apposition is its predicate
        return head
    return None


def is_speech(tok: Token) -> bool:
    if tok.pos_ not in {"VERB", "AUX"} or tok.lemma_.lower() not in SPEECH_VERBS:
        return False
    if tok.lemma_.lower() == "call" and not any(c.lower_ in {"on", "for"} for c in tok.children):
        return False
    if any(c.dep_ == "neg" for c in tok.children):
        return False
    return not (_anonymity(tok) or _not_yet(tok) or _adds_a_thing(tok))


# "is expected to announce", "plans to comment": speech still to come is not a statement.
FUTURE_HEADS = frozenset("expect plan schedule set due intend hope want prepare".split())


def _not_yet(verb: Token) -> bool:
    """"will announce", "is expected to announce": nothing has been said yet."""
    if any(c.dep_ == "aux" and c.lower_ in {"will", "shall", "'ll"} for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in FUTURE_HEADS


def _adds_a_thing(verb: Token) -> bool:
    """"added 26 names to its list": "add" with a thing as its object is not "he added"."""
    return verb.lemma_.lower() == "add" and any(c.dep_ == "dobj" and c.pos_ in {"NOUN", "PROPN", "NUM"} for c in verb.children)


def _anonymity(verb: Token) -> bool:
    """"who asked not to be named": a request for anonymity, not speech."""
    return verb.lemma_.lower() in {"ask", "request", "speak", "decline"} and any(
        t.lemma_.lower() in {"name", "identify", "quote"} and t.tag_ == "VBN" for t in verb.subtree if t.i > verb.i)
