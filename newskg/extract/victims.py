"""Victims: the named people an incident's sentences tell were killed or hurt.

Part of extract (incidents). In: a sentence of the parsed article, its person candidates and the
speakers of the article's statements. Out: the candidates of the victims: names listed after
"among the dead", "the deceased are", names in a sentence of killing or hurt, and a name whose own
clause tells that it was hurt ("X, who suffered a broken arm"). Not victims: suspects ("charged",
"the gunman, identified as X"), those who tell of the dead ("his brother, X, told reporters", "the
governor's spokesperson, X"), names in the place of a place, an agent or what someone belongs to
("shot by X", "Captain A of B").
"""

from __future__ import annotations

import re

from newskg.extract.doc import Ctx
from newskg.extract.lexicon import INJURY_WORDS, KILL_WORDS, SPEECH_VERBS
from newskg.extract.places import top_class
from newskg.models import PERSON

__all__ = ["VICTIM_LIST", "victims"]

# A sentence that names the victims: their towns and workplaces are not the scene.
VICTIM_LIST = re.compile(r"\bamong the (?:dead|victims|killed|injured|wounded|deceased)\b|\bidentified\b|\bnamed as\b|"
                          r"\bthe (?:dead|victims?|deceased|injured) (?:were|was|are|is|included?)\b", re.I)


VICTIM_CUES = frozenset("victims victim hospital hospitalized hospitalised identified wounds shrapnel dead evacuated "
                        "survived critical condition deceased cremated".split())


def _listing(sent) -> tuple[int, int]:
    """The characters of a sentence that list victims: from "among the dead" to a quote mark or a comma
    before "said"/"told", else to the end."""
    m = VICTIM_LIST.search(sent.text)
    if m is None:
        return (0, 0)
    rest = sent.text[m.end():]
    stop = re.search(r"[\"“”]|,\s+(?:[\w'’.,-]+\s+){0,6}(?:said|told|says|wrote|reported)\b", rest)
    return (sent.start_char + m.start(), sent.start_char + m.end() + (stop.start() if stop else len(rest)))


# Words before a name that make it a place, a perpetrator or a facility, not a victim: "in X",
# "taken to X", "shot by X", "Hospital X"; and nouns after it: "the X forest", "X district".
NOT_VICTIM_BEFORE = frozenset("in at to from near by into towards toward outside inside hospital clinic".split())
NOT_VICTIM_AFTER = frozenset("forest district zone village town city province region hospital river road street camp "
                             "county area municipality armed militia rebels group sector".split())
# Nouns whose "of" names the dead or the hurt: "the killing of A", "the identities of the victims".
VICTIM_OF = frozenset("death deaths killing killings murder murders body bodies remains funeral funerals identity "
                      "identities names martyrdom injury injuries wounding".split())
# Who the police identify is a suspect, not a victim: "the gunman, identified as X".
PERPETRATORS = frozenset("suspect suspects gunman gunmen attacker attackers assailant assailants shooter perpetrator "
                         "perpetrators killer bomber accused".split())


def _placed_name(doc, c) -> bool:
    """Is the name in the position of a place, an agent or a facility ("fled to X", "killed by X"),
    or of what a person or body belongs to ("Captain A of B", "the council of the X sector")?"""
    k = c.start - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1  # "planted by the X"
    before = doc[k].lower_ if k >= 0 else ""
    after = doc[c.end].lower_ if c.end < len(doc) else ""
    if before == "of" and k >= 1 and doc[k - 1].pos_ in {"NOUN", "PROPN"} and doc[k - 1].lower_ not in VICTIM_OF:
        return True  # but "the deaths of A and B", "the bodies of A and B"
    return before in NOT_VICTIM_BEFORE or after in NOT_VICTIM_AFTER


def _perpetrator_named(sent) -> bool:
    """"The suspect, identified as X, was arrested": the name is the suspect's."""
    m = re.search(r"\b(\w+),? (?:who was |who has been )?identified (?:only )?(?:as|by)\b", sent.text)
    return bool(m and m.group(1).lower() in PERPETRATORS)


# Verbs of which a named subject (or the arrested object) is a suspect: "X and Y were charged with murder".
SUSPECT_LEMMAS = frozenset("charge arrest detain accuse sentence convict remand indict suspect apprehend".split())


# Who appears before these is the accused: "X appeared before a magistrate", "appeared in court".
COURT_NOUNS = frozenset("court magistrate judge tribunal".split())


def _suspect(doc, c) -> bool:
    """Is the person the one charged, arrested or accused ("X and Y were charged", "police arrested
    X", "X appeared in court")?"""
    for tok in doc[c.start:c.end]:
        while tok.dep_ == "conj" and tok.head is not tok:
            tok = tok.head
        if tok.dep_ in {"nsubjpass", "dobj"} and tok.head.lemma_.lower() in SUSPECT_LEMMAS:
            return True
        if tok.dep_ == "nsubj" and _before_the_court(tok.head):
            return True
    return False


def _before_the_court(verb) -> bool:
    """"appeared before Magistrate Y", "appeared in court": the verb of the accused's hearing."""
    if verb.lemma_.lower() != "appear":
        return False
    return any(p.dep_ == "prep" and p.lower_ in {"before", "in"} and any(
        t.lower_ in COURT_NOUNS for g in p.children if g.dep_ == "pobj" for t in g.subtree) for p in verb.children)


HURT_IN_CLAUSE = frozenset("suffer sustain injure wound hurt survive fracture break burn".split())


def _hurt_by_own_clause(doc, c) -> bool:
    """"X, 29, who suffered a fractured arm, ...": a relative clause on the name tells that X was hurt."""
    for tok in doc[c.start:c.end]:
        for clause in (k for k in tok.children if k.dep_ == "relcl"):
            whose = any(t.lower_ == "whose" for t in clause.subtree)  # "X, whose brother was wounded"
            # "X, who sells tea nearby and was slightly hurt": any verb of the clause
            verbs = [clause, *(v for v in clause.conjuncts if v.pos_ in {"VERB", "AUX"})]
            if any(v.lemma_.lower() in HURT_IN_CLAUSE | {"kill", "die"} for v in verbs) and not whose:
                return True
    return False


# Posts of those who speak for others: "the governor's spokesperson, X, said" is no victim.
SPOKESMEN = frozenset("spokesperson spokesman spokeswoman official commissioner governor minister director chairman "
                      "chairperson mayor president commander secretary administrator".split())


def _spokesman(doc, c) -> bool:
    """"the governor's spokesperson, X", "the mayor of the town of Y, X": the name of a post's holder."""
    if any(t.dep_ == "appos" and t.head.lower_ in SPOKESMEN for t in doc[c.start:c.end]):
        return True
    if c.start < 2 or doc[c.start - 1].text != ",":
        return False
    for t in reversed(doc[max(0, c.start - 10):c.start - 1]):
        if t.is_punct:
            return False
        if t.lower_ in SPOKESMEN:
            return True
    return False


def _tells(tok) -> bool:
    """Is the token the subject of a verb of saying, itself or in apposition to it?"""
    if tok.dep_ == "appos":
        tok = tok.head
    return tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.lemma_ in SPEECH_VERBS | {"inform"}


def victims(ctx: Ctx, sent, speakers: set[int], casualty: bool = False) -> list[int]:
    words = {t.lower_ for t in sent}
    listed = bool(VICTIM_LIST.search(sent.text))  # "The deceased are: X, Y and Z"
    if _perpetrator_named(sent):
        return []
    if not (casualty or listed or words & (KILL_WORDS | INJURY_WORDS | VICTIM_CUES)):
        return [c.id for c in ctx.covering(sent.start, sent.end)
                if not c.nominal and top_class(c) == PERSON and _hurt_by_own_clause(ctx.doc, c)]
    listing = _listing(sent)  # "Among the dead are X and Y, the council said": X and Y are victims
    out = []
    for c in ctx.covering(sent.start, sent.end):
        if c.nominal or top_class(c) != PERSON:
            continue
        if listing[0] <= c.char_start < listing[1]:
            out.append(c.id)
            continue
        if _hurt_by_own_clause(ctx.doc, c):
            out.append(c.id)  # "X, who suffered a broken arm, said ...": hurt, though a speaker
            continue
        if c.id in speakers or _placed_name(ctx.doc, c) or _suspect(ctx.doc, c) or _spokesman(ctx.doc, c):
            continue
        nxt = ctx.doc[c.end] if c.end < len(ctx.doc) else None
        if nxt is not None and nxt.lemma_ in {"say", "tell", "write", "add", "note"}:
            continue
        if any(_tells(t) for t in ctx.doc[c.start:c.end]):
            continue  # "..., X wrote", "his brother, X, told reporters": who tells of the dead is not among them
        out.append(c.id)
    return out
