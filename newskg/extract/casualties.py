"""Casualty figures: how many were killed and injured, as one sentence of news English states it.

Part of extract (incidents). In: a parsed sentence (spaCy ``Span``). Out: ``Figure`` tuples
(killed or injured, a number). The figure of a casualty verb is read from the noun phrase it
counts: the object of an active verb ("killing nine people", "wounded a passer-by"), else its
subject ("Seven men and two women died", "his aide was wounded"); "as well as X" adds the named
person to a counted group ("two members of the crew, A and B, as well as C were killed" is three). Tolls are read where they
are stated ("the death toll rose to 31", "bringing the toll to five", "six dead and 11 wounded",
"the death of three"). An approximation counts as its number ("at least 14", "more than 200").
Which figure an incident keeps is decided by the caller (``incidents``): the largest, because later
sentences give parts of a toll ("two of the injured") and updates only add to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from newskg.extract.lexicon import NUMBER_WORDS, PEOPLE_NOUNS

KILLED, INJURED = "killed", "injured"

# Verbs (lemmas) whose object or subject is counted, and what they count.
KILL_LEMMAS = frozenset("kill die perish drown behead execute massacre murder slay electrocute assassinate".split())
HURT_LEMMAS = frozenset("injure wound hurt maim hospitalise hospitalize".split())
# "shot dead", "crushed to death", "burned to death": a verb of violence with a deadly result.
DEADLY_RESULT = frozenset({"dead", "death"})
# People counted in casualty reports, beyond the shared list.
MORE_PEOPLE = frozenset("migrants refugees miners fishermen pilgrims guests patients pupils customers fighters militants "
                        "police policemen firefighters climbers tourists labourers laborers protesters demonstrators "
                        "worshippers sailors crew travellers travelers patrons shoppers".split())
# Ranks and posts counted as people in a toll: "an officer and two soldiers".
RANKS = frozenset("officer officers soldier soldiers sergeant captain lieutenant guard guards agent agents".split())
# "sentenced to death", "led to the death of": not a killing
NOT_DEADLY = frozenset("sentence condemn lead bring send put".split())
# Nouns that name a group, so a singular one is no single victim.
COLLECTIVE = frozenset("family group crowd convoy team crew unit household number toll people".split())
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
ORDINALS = frozenset("second third fourth fifth sixth seventh eighth ninth tenth".split())
# Number words that are not counts of people in a casualty phrase.
NOT_COUNTS = frozenset("a an another third fourth fifth sixth single both".split())

_NUM = (r"(?:(?:at least|more than|over|nearly|almost|about|around|some|up to|as many as|an estimated|"
        r"approximately|roughly)\s+)?(?P<n>\d[\d,]*|(?:[a-z]+-)?[a-z]+|a dozen)")
# "six dead and 11 wounded", "Two killed, four wounded", "17 martyrs"
_ADJACENT = re.compile(r"\b" + _NUM + r"\s+(?:people\s+|persons\s+)?"
                       r"(?P<w>dead|killed|deaths|fatalities|martyrs|injured|wounded|injuries)\b(?!\s+(?:of|in|by)\b)", re.I)
# "the death toll rose to 31", "bringing the toll to five", "the number of people killed has risen to nine"
_TOLL = re.compile(r"\b(?P<what>(?:death\s+)?toll|number of (?:the\s+)?(?:\w+\s+){0,2}?"
                   r"(?:dead|deaths|killed|fatalities|victims|martyrs|injured|wounded|injuries|casualties)"
                   r"|number of (?:people|persons) who (?:died|were killed|lost their lives|were injured|were wounded))\b", re.I)
_TOLL_VALUE = re.compile(r"\b(?:to|at|reached|reaches|hit|stands at|stood at)\s+" + _NUM, re.I)
# "the death of three citizens", "the deaths of two children", "caused the injury of two workers"
_DEATH_OF = re.compile(r"\b(?P<w>deaths?|injury|injuries|wounding) of\s+" + _NUM, re.I)
# "claiming 12 lives", "took the lives of three workers", "cost nine lives"
_LIVES = (re.compile(r"\b(?:claim(?:ed|ing|s)?|cost(?:ing|s)?|took|taking|takes)\s+(?:the\s+)?lives\s+of\s+" + _NUM, re.I),
          re.compile(r"\b(?:claim(?:ed|ing|s)?|cost(?:ing|s)?|took|taking|takes)\s+" + _NUM + r"\s+(?:more\s+)?lives\b", re.I))
# The dead counted as bodies: "the bodies of three fishermen were recovered", "rescuers pulled 11 bodies".
_BODIES = (re.compile(r"\bbodies of (?:the\s+)?" + _NUM, re.I), re.compile(r"\b" + _NUM + r"\s+(?:more\s+)?bodies\b", re.I))
# A toll of none, stated outright: "no one was hurt", "nobody was killed", "there were no casualties",
# "no injuries were reported" ("no one else", "no immediate reports" leave the toll open).
_NONE_HURT = (re.compile(r"\b(?:no one|no-one|nobody|none)\s+(?!else\b)(?:\w+\s+){0,2}?(?:was|were|has been|have been|had been)\s+"
                         r"(?:\w+\s+)?(?P<w>killed|hurt|harmed|injured|wounded)\b", re.I),
              re.compile(r"\b(?:no one|no-one|nobody)\s+(?P<w>died)\b", re.I),
              re.compile(r"\b(?:there (?:were|was) |caused |causing |with |reported )?no (?P<w>casualties|injuries|deaths|fatalities)\b"
                         r"(?! (?:among|on the|in the ranks))", re.I))
# Words of such a sentence: harm of any kind leaves both figures at none.
_ANY_HARM = frozenset("hurt harmed casualties".split())

# Verbs that bring the hurt to care, and the places of care: "19 of them were taken to hospital",
# "nine people were treated in hospital", "were rushed to a clinic" (the injured, in news English).
CARE_LEMMAS = frozenset("take rush admit airlift fly evacuate transfer transport carry treat hospitalise".split())
CARE_PLACES = frozenset("hospital hospitals clinic clinics infirmary".split())
WOUNDS = frozenset("injury wound burn".split())
# What the hurt are treated for, beyond wounds: "treated for smoke inhalation", "for fractures".
AILMENTS = frozenset("inhalation fractures cuts bruises injuries wounds burns trauma".split())
# Words before a phrase that make it part of a counted group: "Five men, among them a boy, died".
INCLUSION = frozenset({"among", "including"})


@dataclass(frozen=True)
class Figure:
    kind: str  # KILLED or INJURED
    value: int
    start: int  # character offset of the phrase in the document


def parse_number(text: str) -> int | None:
    """A count written in digits or words: "14", "1,200", "fifteen", "forty-seven", "a dozen"."""
    t = text.lower().strip()
    if t.replace(",", "").isdigit():
        return int(t.replace(",", ""))
    if t == "a dozen":
        return 12
    if "-" in t:
        tens, _, unit = t.partition("-")
        if tens in TENS and unit in NUMBER_WORDS and NUMBER_WORDS[unit] < 10:
            return TENS[tens] + NUMBER_WORDS[unit]
        return None
    if t in TENS:
        return TENS[t]
    if t in NOT_COUNTS:
        return None
    return NUMBER_WORDS.get(t)


def _token_number(tok: Token) -> int | None:
    """The value of a number token with its compound parts ("Forty - seven")."""
    parts = [c for c in tok.lefts if c.dep_ in {"compound", "quantmod"} and (c.like_num or c.lower_ in TENS)]
    if parts:
        text = tok.doc[parts[0].i:tok.i + 1].text.replace(" ", "")
        value = parse_number(text)
        if value is not None:
            return value
    return parse_number(tok.text) if tok.like_num or tok.lower_ in NUMBER_WORDS or tok.lower_ in TENS else None


def _after_as_well_as(tok: Token) -> bool:
    left = tok.left_edge.i
    return tok.doc[max(0, left - 3):left].text.lower() == "as well as"


def count_phrase(head: Token) -> int | None:
    """How many people a noun phrase counts: "nine people", "a man", "his aide", "Seven men and two women"."""
    base = _own_count(head)
    total = base
    for conj in head.conjuncts:
        if conj.i < head.i:
            continue
        listed = base is not None and base > 1 and conj.pos_ == "PROPN" and not _after_as_well_as(conj)
        if listed:  # "two members, A and B": the names spell out the two
            continue
        extra = _own_count(conj)
        if extra is None and (conj.pos_ == "PROPN" or _after_as_well_as(conj)):
            extra = 1
        if extra is not None:
            total = (total or 0) + extra
    return total


def _own_count(head: Token) -> int | None:
    if head.pos_ == "PROPN":
        # a dateline taken for the subject: "KESTON — Two children were killed" parsed with
        # "children" in apposition to the town's name
        counted = next((c for c in head.children if c.dep_ == "appos" and _people(c)
                        and any(n.dep_ == "nummod" for n in c.children)), None)
        if counted is not None:
            return _own_count(counted)
    if head.lower_ in {"nobody", "none"} or any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
        return None  # "no one was hurt": a toll of none, read by its pattern
    value = _token_number(head)
    if value is not None:
        return value
    if head.lower_ in {"another", "one"}:
        return 1
    if head.lower_ in ORDINALS and any(c.lower_ == "a" for c in head.children) and not any(c.lower_ == "of" for c in head.children):
        return 1  # "killing two and wounding a third"; not "a third of the houses"
    for child in head.children:
        if child.dep_ == "nummod":
            value = _token_number(child)
            if value is not None:
                return value
    if head.lower_ in {"he", "she", "him", "her"}:
        return 1
    if head.pos_ == "PROPN":
        return 1
    # "a passer-by": tagged as an adjective, counted as a person
    noun_like = head.tag_ in {"NN", "NNP"} or (head.tag_.startswith("JJ") and head.dep_ in {"dobj", "nsubj", "nsubjpass"})
    singular = noun_like and head.lower_ not in COLLECTIVE
    determined = any(c.dep_ in {"det", "poss"} and c.lower_ not in {"no", "every", "each", "any"} for c in head.children)
    return 1 if singular and determined else None


def _kind(tok: Token) -> str | None:
    lemma = tok.lemma_.lower()
    if lemma in KILL_LEMMAS:
        return KILLED
    if lemma in HURT_LEMMAS:
        return INJURED
    children = list(tok.children)
    if lemma == "lose" and any(c.lower_ in {"lives", "life"} for c in children):
        return KILLED
    if any(c.lower_ == "dead" and c.dep_ in {"oprd", "acomp", "advmod", "dobj"} for c in children):
        return KILLED  # "shot dead", "found dead"; not "examined the death of"
    to_death = any(c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children) for c in children)
    if to_death and lemma not in NOT_DEADLY and any(c.dep_ in {"auxpass", "nsubjpass", "dobj"} for c in children):
        return KILLED  # "was crushed to death", "stabbed him to death"
    if tok.lower_ == "dead" and tok.dep_ in {"amod", "ROOT", "acomp"}:
        return KILLED  # "Seven miners dead" (a headline), "two people are dead"
    if lemma in {"take", "fall"} and any(c.lower_ == "ill" for c in children):
        return INJURED  # "were taken ill" (poisonings)
    if _taken_to_care(tok):
        return INJURED
    if lemma in {"suffer", "sustain", "receive"} and any(c.dep_ == "dobj" and c.lemma_ in WOUNDS for c in children):
        return INJURED  # "14 persons received injuries"
    if _with_wounds(tok):
        return INJURED
    return None


def _with_wounds(tok: Token) -> bool:
    """"received five people with gunshot wounds", "admitted nine patients with burns": the object is hurt."""
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is None:
        return False
    preps = [c for c in [*tok.children, *obj.children] if c.dep_ == "prep" and c.lower_ in _WITH_WOUNDS]
    return any(g.dep_ == "pobj" and g.lemma_ in WOUNDS for p in preps for g in p.children)


# "with gunshot wounds"; "treated ... for burns" (care given for a wound)
_WITH_WOUNDS = frozenset({"with", "for"})


def _taken_to_care(tok: Token) -> bool:
    """"were taken to hospital", "was treated in a clinic in X", "13 others were still being treated":
    people brought to care, in the passive."""
    if tok.lemma_.lower() not in CARE_LEMMAS or not _passive(tok):
        return False
    preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in {"to", "in", "at", "into"}]
    if tok.lemma_.lower() == "treat" and not any(c.dep_ in {"prep", "dobj", "oprd"} for c in tok.children):
        return True
    if tok.lemma_.lower() == "treat" and any(g.dep_ == "pobj" and (g.lemma_ in WOUNDS or g.lower_ in AILMENTS)
                                             for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"
                                             for g in c.children):
        return True  # "were treated for injuries", "for smoke inhalation"
    return any(t.lower_ in CARE_PLACES for p in preps for c in p.children if c.dep_ == "pobj" for t in c.subtree)


def _passive(tok: Token) -> bool:
    """A verb in the passive, itself or as the second of two participles that share one "was"
    ("was pulled from the water and flown to hospital")."""
    if any(c.dep_ in {"auxpass", "nsubjpass"} for c in tok.children):
        return True
    return tok.dep_ == "conj" and tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.head.children)


def _in_group(phrase: Token) -> bool:
    """Is the phrase one member named inside a counted group ("among them a girl", "including a nurse")?"""
    left = phrase.left_edge.i
    return any(t.lower_ in INCLUSION for t in phrase.doc[max(0, left - 2):left])


def _subject(tok: Token) -> Token | None:
    subjects = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if subjects:
        c = min(subjects, key=lambda x: abs(tok.i - x.i))  # a dateline left in the parse is farther
        if c.lower_ in {"who", "that", "which"} and tok.dep_ == "relcl":
            return tok.head
        return c
    if tok.dep_ in {"acl", "amod"} and (_people(tok.head) or tok.head.pos_ in {"PROPN", "NUM"}):
        return tok.head  # "Seven miners dead", "the woman killed in the blast"
    if tok.dep_ == "xcomp":
        return _subject(tok.head)  # "three more were left injured"
    if tok.dep_ == "conj" and tok.head.pos_ in {"VERB", "AUX"} and _kind(tok.head) is None:
        return _subject(tok.head)  # "a man collapsed and died"; not "two were killed and 30 injured"
    if tok.dep_ == "acomp" and tok.head.pos_ in {"VERB", "AUX"}:
        # "two people are dead"; "X, who was hit in the leg and remains hospitalised": the subject
        # of the verb it completes, through a relative clause or a shared subject
        return _subject(tok.head)
    return None


def _people(tok: Token) -> bool:
    return tok.lower_ in PEOPLE_NOUNS or tok.lower_ in MORE_PEOPLE or tok.lower_ in RANKS


def _counted_before(sent: Span, verb: Token) -> int | None:
    """When the parse gives the verb no counted subject: the nearest counted noun before it
    in the same clause ("Five migrants, among them a girl, died")."""
    for tok in reversed(sent.doc[max(sent.start, verb.i - 12):verb.i]):
        if tok.text in {".", ";", ":"} or (tok.pos_ == "VERB" and tok.dep_ != "amod"):
            return None
        if tok.pos_ == "NOUN" and _people(tok):
            num = next((c for c in tok.children if c.dep_ in {"nummod", "compound"} and (c.like_num or c.lower_ in NUMBER_WORDS)), None)
            if num is not None:
                return _token_number(num)
    return None


def _verb_figures(sent: Span) -> list[Figure]:
    out: list[Figure] = []
    for tok in sent:
        if tok.pos_ not in {"VERB", "AUX", "ADJ"}:
            continue
        kind = _kind(tok)
        if kind is None:
            continue
        passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in tok.children)
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        # "killing nine people": the object is counted; "were killed", "died", "lost their lives",
        # "suffered injuries": the subject
        # "gunmen shot dead four labourers": a deadly result with an object counts the object
        deadly = any(c.lower_ in DEADLY_RESULT and c.dep_ in {"acomp", "advmod", "oprd"} for c in tok.children)
        counts_object = obj is not None and not passive and (tok.lemma_.lower() in KILL_LEMMAS | HURT_LEMMAS
                                                             or _with_wounds(tok) or deadly)
        phrase = obj if counts_object else _subject(tok)
        inside = phrase is not None and sent.start <= phrase.i < sent.end
        value = count_phrase(phrase) if inside and phrase is not None else None
        if phrase is not None and not counts_object and _in_group(phrase):
            value = _counted_before(sent, tok) or value  # "Five men, among them a boy, died": the five
        if value is None and not counts_object:
            value = _counted_before(sent, tok)
        if value is not None:
            out.append(Figure(kind, value, tok.idx))
    return out


def _word_kind(word: str) -> str:
    return INJURED if re.match(r"injur|wound|hurt", word, re.I) else KILLED


def _pattern_figures(sent: Span) -> list[Figure]:
    text, base = sent.text, sent.start_char
    out: list[Figure] = []
    for m in _ADJACENT.finditer(text):
        value = parse_number(m["n"])
        if value is not None:
            out.append(Figure(_word_kind(m["w"]), value, base + m.start()))
    for m in _TOLL.finditer(text):
        rest = re.split(r"[.;]", text[m.end():m.end() + 250])[0]
        for v in _TOLL_VALUE.finditer(rest):  # "... has risen to 31", "bringing the toll to five"
            value = parse_number(v["n"])
            if value is not None:
                out.append(Figure(_word_kind(m["what"].split()[-1]), value, base + m.start()))
                break
    for m in (m for rx in _LIVES for m in rx.finditer(text)):
        value = parse_number(m["n"])
        if value is not None:
            out.append(Figure(KILLED, value, base + m.start()))
    for m in (m for rx in _BODIES for m in rx.finditer(text)):
        value = parse_number(m["n"])
        if value is not None:
            out.append(Figure(KILLED, value, base + m.start()))
    for m in (m for rx in _NONE_HURT for m in rx.finditer(text)):
        word = m["w"].lower()
        kinds = (KILLED, INJURED) if word in _ANY_HARM else (_word_kind(word),)
        out.extend(Figure(kind, 0, base + m.start()) for kind in kinds)
    for m in _DEATH_OF.finditer(text):
        value = parse_number(m["n"])
        if value is not None:
            out.append(Figure(_word_kind(m["w"]), value, base + m.start()))
    return out


# Nouns of a death or a wound whose "of" phrase counts the people: "the martyrdom of an officer and
# two soldiers", "the deaths of three children", "the injury of two others".
HARM_NOUNS = {"death": KILLED, "deaths": KILLED, "martyrdom": KILLED, "killing": KILLED, "killings": KILLED,
              "injury": INJURED, "injuries": INJURED, "wounding": INJURED}


def _people_count(head: Token) -> int | None:
    """The count of a phrase of people and its conjoined people ("an officer and two soldiers" is 3)."""
    counted = [t for t in [head, *(c for c in head.conjuncts if c.i > head.i)]
               if _people(t) or t.pos_ == "PROPN" or t.lower_ == "others"]
    values = [v for v in (_own_count(t) for t in counted) if v is not None]
    return sum(values) if values else None


def _noun_figures(sent: Span) -> list[Figure]:
    out: list[Figure] = []
    for tok in sent:
        kind = HARM_NOUNS.get(tok.lower_)
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None) if kind else None
        who = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        value = _people_count(who) if who is not None else None
        if kind and value is not None:
            out.append(Figure(kind, value, tok.idx))
    return out


def figures(sent: Span) -> list[Figure]:
    """Every casualty figure the sentence states, in order."""
    found = _verb_figures(sent) + _pattern_figures(sent) + _noun_figures(sent)
    return sorted(set(found), key=lambda f: (f.start, f.kind))


def largest(found: list[Figure], kind: str) -> int | None:
    values = [f.value for f in found if f.kind == kind]
    return max(values) if values else None
