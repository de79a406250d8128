"""Incidents: concrete harmful events with date, place, killed, injured and named victims.

A sentence with a casualty verb ("were killed", "died", "was injured", "injuring") or an
explosion ("an anti-tank mine exploded", "hit a mine") opens or extends an incident; "in a
separate incident", "separately", a different date or an unrelated place opens the next one.
Statistics over a period ("since 2020", "in the first five months", "have been killed") are not
incidents. Counts come from the subject of the casualty verb ("Two civilians", "a fourth",
"another", "14 others"), dates are resolved against the publication date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from newskg.extract.casualties import INJURED, KILLED, figures, largest
from newskg.extract.dates import find_date, head_end
from newskg.extract.doc import Ctx
from newskg.extract.lexicon import (
    AGGREGATE_CUES,
    DEVICE_WORDS,
    INCIDENT_KINDS,
    INJURY_WORDS,
    KILL_WORDS,
    SEPARATE_CUES,
    SPEECH_VERBS,
)
from newskg.extract.places import _rank, top_class
from newskg.models import PERSON, PLACE, PLACE_CLASSES

KILL_VERBS = frozenset("killed died dead killing".split())
HURT_VERBS = frozenset("injured wounded hurt injuring wounding".split())
# Other words that report people killed or hurt.
CASUALTY_WORDS = frozenset("drowned perished beheaded hospitalised hospitalized toll martyrs fatalities".split())
EXPLODE = frozenset("exploded explosion blast went detonated blew".split())
IMPACT = frozenset("hit struck stepped ran".split())
# Words of a sentence that tells where the event itself happened.
SCENE_WORDS = frozenset("happened occurred accident blast explosion device incident went exploded detonated hit struck "
                        "burst shooting shot stabbed stabbing attack attacked clashes ambushed fighting".split())
# Words that name or tell the event itself, beyond its toll: a casualty sentence without one
# ("Nine people were treated in hospital in X") adds to the incident before it.
EVENT_TERMS = frozenset(
    "explosion exploded explodes blast blasts detonated detonation shelled shelling struck hit strike strikes "
    "airstrike airstrikes attack attacked attacks bombing bombed bomb crashed crash collision collided accident "
    "veered overturned plunged skidded fire fired blaze shot shooting shootings stabbed stabbing gunmen gunman "
    "landslide landslides flood floods flooding earthquake quake storm cyclone typhoon collapse collapsed clash "
    "clashes capsized sank sinking raid ambush ambushed poisoning stampede derailed massacre burst fighting".split())
# Words before a place that make it a person's post, not the scene: "the governor of X".
OFFICE_BEFORE = frozenset("administrator governor mayor chief head minister commissioner director president "
                          "council official officials ambassador envoy police".split())
LANDMARK_PREPS = frozenset("near outside behind opposite beside".split())
NOT_EVENT_PLACES = frozenset("hospital resident residents native taken flown evacuated sent treated travelling traveling "
                             "returning home course born".split())


@dataclass
class Partial:
    start: int
    end: int
    date: date | None = None
    relative: bool = False
    place: int | None = None
    killed: int | None = None
    injured: int | None = None
    victims: list[int] = field(default_factory=list)
    separate: bool = False
    kind: str = "incident"
    casualty: bool = False
    month: int | None = None  # "In February, ...": a month named without a day
    event: bool = False  # the sentence names the event, not only its toll
    tentative: bool = False  # a scene without a toll yet


_MONTH_ONLY = re.compile(r"\b(?:in|since|last|early|late|mid-?)\s+(january|february|march|april|may|june|july|august|"
                         r"september|october|november|december)\b(?!\s+\d)", re.I)
_MONTH_NAMES = ("january february march april may june july august september october november december").split()


def _office_of(doc, c) -> bool:
    """"the chief administrator of X zone", "the mayor of X": the place is a post's, not the scene."""
    k = c.start - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    return k >= 1 and doc[k].lower_ in {"of", "for"} and doc[k - 1].lower_ in OFFICE_BEFORE


# Nouns of armed groups and bodies a name can qualify: "X rebels", "the X government" name no scene.
GROUP_NOUNS = frozenset("rebels rebel fighters militants militia forces troops army police government officials "
                        "authorities group movement insurgents soldiers".split())


def _names_a_group(doc, c) -> bool:
    """"fighting between X rebels and the army": the name qualifies a group, it is not where it happened."""
    last = doc[c.end - 1]
    return last.dep_ in {"compound", "amod", "nmod"} and last.head.i >= c.end and last.head.lower_ in GROUP_NOUNS


# Verbs that move the injured or the dead elsewhere: "airlifted to a hospital in X".
TRANSFER_LEMMAS = frozenset("airlift take rush fly transfer evacuate move admit treat hospitalise hospitalize send carry "
                            "bring refer".split())


def _transferred_to(tok) -> bool:
    """Is the place inside the destination of a transfer ("taken to the clinic in X")?"""
    verb = next((a for a in list(tok.ancestors)[:6] if a.pos_ in {"VERB", "AUX"}), None)
    if verb is None or verb.lemma_.lower() not in TRANSFER_LEMMAS:
        return False
    to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"to", "into"} and c.i < tok.i), None)
    # "taken to hospital after a crash in X": X is the scene again
    return to is not None and not any(t.lower_ in {"after", "when", "following", "where"} for t in tok.doc[to.i:tok.i])


def _place_in(ctx: Ctx, sent, head: int = 0) -> int | None:
    """The most specific place the sentence names for the event (not where victims were taken)."""
    best = None
    for c in ctx.covering(sent.start, sent.end):
        if c.nominal or top_class(c) not in PLACE_CLASSES or c.char_start < head:
            continue
        if _office_of(ctx.doc, c) or _names_a_group(ctx.doc, c):
            continue
        dateline = ctx.article.dateline
        if dateline is not None and c.char_start == dateline.start:
            continue  # where the story was filed, not where it happened
        window = {t.lower_ for t in ctx.doc[max(sent.start, c.start - 4):c.start]}
        near = {t.lower_ for t in ctx.doc[max(sent.start, c.start - 7):c.start]} & LANDMARK_PREPS
        if window & NOT_EVENT_PLACES and not near:
            continue  # "taken to a hospital in X"; but "a strike near a hospital in X" is at X
        if c.start > 0 and ctx.doc[c.start - 1].lower_ in {"from", "to"}:
            continue
        if "according" in window and ctx.doc[c.start - 1].lower_ not in {"in", "at", "near"}:
            continue  # "according to the X centre": a source, not the scene
        if _transferred_to(ctx.doc[c.start]):
            continue
        if best is None or _rank(c) < _rank(best) or (_rank(c) == _rank(best) and c.start < best.start):
            best = c
    return best.id if best else None


def _kind(text: str) -> str:
    low = text.lower()
    for word, kind in INCIDENT_KINDS:
        if re.search(rf"\b{re.escape(word)}", low):  # "ied", not "died"
            return kind
    return "incident"


# A sentence that names the victims: their towns and workplaces are not the scene.
_VICTIM_LIST = re.compile(r"\bamong the (?:dead|victims|killed|injured|wounded|deceased)\b|\bidentified\b|\bnamed as\b|"
                          r"\bthe (?:dead|victims?|deceased|injured) (?:were|was|are|is|included?)\b", re.I)
_ONE_EVENT = re.compile(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,2}(?:" + "|".join(sorted(EVENT_TERMS)) + r")\b")
# Periods a tally covers: "in the first half of 2024", "over the past year".
PERIOD_CUES = ("first half", "second half", "first quarter", "past year", "past decade", "past few years", "recent years")
# "have been confirmed dead" is one event's toll; "cases have been confirmed" a tally
_TALLY = re.compile(r"\ba total of\b|\b(?:have|has) been (?:reported|recorded|registered|confirmed)\b(?! (?:dead|killed|injured))")


# A relative clause set off by commas tells of something else: ", which has had troops there since 2021,".
_ASIDE = re.compile(r",\s+(?:which|who)\b[^,;]*,")


def _aggregate(text: str) -> bool:
    low = _ASIDE.sub(",", text.lower())
    cues = {cue for cue in AGGREGATE_CUES if re.search(rf"\b{cue}\b", low)}  # "since", not "sincere"
    if cues == {"so far"} and _ONE_DAY.search(low) is None and not re.search(r"\b(?:19|20)\d\d\b", low):
        cues = set()  # "So far 19 people have been confirmed dead": the toll of the event told
    one_event = _ONE_EVENT.search(low) or re.search(rf"\b{_DAYS}\b", low)
    if cues and not (cues <= {"last year", "this year"} and one_event):
        return True  # "In July last year, a landslide killed 40 people", "on Tuesday, the deadliest this year": one event
    if _TALLY.search(low) or any(cue in low for cue in PERIOD_CUES):
        return True
    if re.search(r"\b(?:in|of|during|throughout) (?:19|20)\d\d\b(?! ,)", low) and not re.search(r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december) \d", low):
        return True
    # "212 people have been killed by landslides": a tally; "five have died after a landslide hit
    # their house on Wednesday night": one event, told in the perfect
    return bool(_PERFECT.search(low)) and not _ONE_DAY.search(low)


# A sentence that opens on an earlier period tells of an earlier event: "Last month, 30 pupils fell ill".
_EARLIER = re.compile(r"(?:last|earlier this|late last|early last) (?:week|month|year)\b|\w+ (?:weeks?|months?|years?) "
                      r"(?:ago|earlier)\b|in (?:a|another) similar (?:incident|attack|accident)\b")
# A clause that dates the event before the sentence's own time: "…, ten weeks after an earthquake killed …".
_LATER_THAN = re.compile(r"\b(?:\w+ (?:days|weeks|months|years)|(?:a|one) (?:day|week|month|year)) after\b", re.I)
_COUNT = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
# A toll broken down over places: "Of the dead, three were in X", "three died in X, two in Y".
_BREAKDOWN = re.compile(r"^\W*(?i:of the (?:dead|deceased|victims|killed|injured|wounded))\b|"
                        rf"\b{_COUNT} (?:died |were killed |)in [A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?, {_COUNT} in [A-Z]")
# A death after the event: "died in hospital", "succumbed to his wounds".
_LATER_DEATH = re.compile(r"\b(?:died|passed away)\b[^.;]{0,60}\b(?:in|at)\b[^.;]{0,40}\b(?:hospital|clinic|infirmary)\b|"
                          r"\b(?:died|succumbed)\s+(?:of|from|to)\s+(?:his|her|their)\s+(?:wounds|injuries)\b", re.I)
# Lives taken without a count: "claiming dozens of lives", "cost many lives".
_LIVES_LOST = re.compile(r"\b(?:claim(?:ed|ing|s)?|cost(?:ing|s)?|took|taking)\s+(?:\w+\s+){0,3}lives\b", re.I)
_PERFECT = re.compile(r"\b(?:have|has) (?:been killed|been injured|been wounded|fallen victim|become|died|been victims)")
_ONE_DAY = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|last night|overnight)\b|"
                      r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december) \d")
_UPDATE = re.compile(r"\b(?:toll|number of [\w ]{0,30}?(?:dead|deaths|killed|victims|injured|wounded))\b[^.;]{0,200}?"
                     r"\b(?:rose|risen|rises|rising|climbed|climbs|reached|increased|jumped|bringing)\b", re.I)
_DAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday)"
_EVENT_DAY = re.compile(rf"\b(?:last\s+)?{_DAYS}(?:'s|’s)|\bof (?:last\s+)?{_DAYS}\b", re.I)


# Verbs of telling and of what follows an event (court, police, visits): the day they take dates
# them, not the event ("said on Monday", "The court on Tuesday ordered the detention of two men
# accused of killing X on Saturday"); "said that on Tuesday a ship rammed a boat" keeps its day.
SPEECH_LEMMAS = frozenset("say report tell announce inform confirm state add write post".split())
AFTERMATH_LEMMAS = frozenset("order charge sentence convict arrest detain remand indict visit attend identify release "
                             "publish approve reject appear hear".split())
_DAY_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday yesterday".split())


def _not_the_events_day(tok) -> bool:
    """Is this day word the day of a saying after it ("said on Monday") or of the aftermath?"""
    verb = next((a for a in tok.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    if verb is None:
        return False
    lemma = verb.lemma_.lower()
    # "on Saturday, officials said": the story's day, told before the verb of saying
    return lemma in AFTERMATH_LEMMAS or (lemma in SPEECH_LEMMAS and 0 < tok.i - verb.i <= 8)


def _aftermath_dated(sent) -> set[int]:
    """Tokens of the day phrases that do not date the event ("said on Monday", "ordered on Friday")."""
    out: set[int] = set()
    for tok in sent:
        if tok.lower_ in _DAY_WORDS and _not_the_events_day(tok):
            phrase = tok.head if tok.head.dep_ == "prep" else tok
            out.update(t.i for t in phrase.subtree)
    return out


def _partial(ctx: Ctx, sent, anchor: date | None, published: date | None, head: int) -> Partial | None:
    text = sent.text
    words = {t.lower_ for t in sent if t.idx >= head}
    found = figures(sent)
    # a casualty word, or a figure of people killed or hurt ("caused the injury of two workers")
    casualty = bool(words & (KILL_WORDS | HURT_VERBS | CASUALTY_WORDS)) or bool(found) or bool(_LIVES_LOST.search(text))
    exploded = bool(words & EXPLODE) or (bool(words & IMPACT) and bool(words & DEVICE_WORDS))
    if not casualty and not exploded:
        return None
    if _aggregate(text):
        return None
    p = Partial(sent.start_char, sent.end_char, kind=_kind(text), casualty=casualty)
    p.event = exploded or bool(words & EVENT_TERMS)
    low = text.lower()
    p.separate = any(low.lstrip(" “\"").startswith(cue) or f" {cue}" in low[:60] for cue in SEPARATE_CUES)
    p.separate = p.separate or bool(_EARLIER.match(low.lstrip(" “\"")))
    later = _LATER_THAN.search(text)
    if later and found and all(f.start >= sent.start_char + later.end() for f in found):
        # "Ministers meeting in X on Wednesday agreed ..., ten weeks after an earthquake killed 16
        # people in Y": the event, its day and its scene are after "after"
        head = max(head, sent.start_char + later.start())  # "two days after" still dates it from the anchor
        p.separate = True
    skip = _aftermath_dated(sent)
    clause = "".join(t.text_with_ws for t in sent if t.i not in skip and t.idx >= head)
    update = _UPDATE.search(clause)
    if update:
        # "the toll rose to 9 on Friday": the day of the update; what comes before the update verb
        # ("the shelling on Monday has risen to") and "Thursday's bombing" date the event itself
        after = clause[update.end():]
        clause = clause[:update.end()] + " " + " ".join(m.group() for m in _EVENT_DAY.finditer(after))
    p.date, p.relative = find_date(clause, published, anchor)
    if p.date is not None and _LATER_DEATH.search(clause):
        p.date = None  # "X, who was shot, died in hospital on Monday": the day of a later death
    month = _MONTH_ONLY.search(clause)
    if p.date is None and month:
        p.month = _MONTH_NAMES.index(month.group(1).lower()) + 1
    # "Of the deceased, three died in X, two in Y": a breakdown over places, not the scene
    p.place = None if _BREAKDOWN.search(text) else _place_in(ctx, sent, head)
    p.killed, p.injured = largest(found, KILLED), largest(found, INJURED)
    return p


def _larger(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else max(a, b)


VICTIM_CUES = frozenset("victims victim hospital hospitalized hospitalised identified wounds shrapnel dead evacuated "
                        "survived critical condition".split())


def _listing(sent) -> tuple[int, int]:
    """The characters of a sentence that list victims: from "among the dead" to a quote mark or a comma
    before "said"/"told", else to the end."""
    m = _VICTIM_LIST.search(sent.text)
    if m is None:
        return (0, 0)
    rest = sent.text[m.end():]
    stop = re.search(r"[\"“”]|,\s+(?:[\w'’.,-]+\s+){0,6}(?:said|told|says|wrote|reported)\b", rest)
    return (sent.start_char + m.start(), sent.start_char + m.end() + (stop.start() if stop else len(rest)))


# Words before a name that make it a place, a perpetrator or a facility, not a victim: "in X",
# "taken to X", "shot by X", "Hospital X"; and nouns after it: "the X forest", "X district".
NOT_VICTIM_BEFORE = frozenset("in at to from near by into towards toward outside inside hospital clinic".split())
NOT_VICTIM_AFTER = frozenset("forest district zone village town city province region hospital river road street camp "
                             "county area municipality armed militia rebels group".split())
# Who the police identify is a suspect, not a victim: "the gunman, identified as X".
PERPETRATORS = frozenset("suspect suspects gunman gunmen attacker attackers assailant assailants shooter perpetrator "
                         "perpetrators killer bomber accused".split())


def _placed_name(doc, c) -> bool:
    """Is the name in the position of a place, an agent or a facility ("fled to X", "killed by X")?"""
    k = c.start - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1  # "planted by the X"
    before = doc[k].lower_ if k >= 0 else ""
    after = doc[c.end].lower_ if c.end < len(doc) else ""
    return before in NOT_VICTIM_BEFORE or after in NOT_VICTIM_AFTER


def _perpetrator_named(sent) -> bool:
    """"The suspect, identified as X, was arrested": the name is the suspect's."""
    m = re.search(r"\b(\w+),? (?:who was |who has been )?identified (?:only )?(?:as|by)\b", sent.text)
    return bool(m and m.group(1).lower() in PERPETRATORS)


# Verbs of which a named subject (or the arrested object) is a suspect: "X and Y were charged with murder".
SUSPECT_LEMMAS = frozenset("charge arrest detain accuse sentence convict remand indict suspect apprehend".split())


def _suspect(doc, c) -> bool:
    """Is the person the one charged, arrested or accused ("X and Y were charged", "police arrested X")?"""
    for tok in doc[c.start:c.end]:
        while tok.dep_ == "conj" and tok.head is not tok:
            tok = tok.head
        if tok.dep_ in {"nsubjpass", "dobj"} and tok.head.lemma_.lower() in SUSPECT_LEMMAS:
            return True
    return False


HURT_IN_CLAUSE = frozenset("suffer sustain injure wound hurt survive fracture break burn".split())


def _hurt_by_own_clause(doc, c) -> bool:
    """"X, 29, who suffered a fractured arm, ...": a relative clause on the name tells that X was hurt."""
    for tok in doc[c.start:c.end]:
        for clause in (k for k in tok.children if k.dep_ == "relcl"):
            whose = any(t.lower_ == "whose" for t in clause.subtree)  # "X, whose brother was wounded"
            if clause.lemma_.lower() in HURT_IN_CLAUSE | {"kill", "die"} and not whose:
                return True
    return False


# Posts of those who speak for others: "the governor's spokesperson, X, said" is no victim.
SPOKESMEN = frozenset("spokesperson spokesman spokeswoman official commissioner governor minister director chairman "
                      "chairperson mayor president commander secretary administrator".split())


def _spokesman(doc, c) -> bool:
    return any(t.dep_ == "appos" and t.head.lower_ in SPOKESMEN for t in doc[c.start:c.end])


def _tells(tok) -> bool:
    """Is the token the subject of a verb of saying, itself or in apposition to it?"""
    if tok.dep_ == "appos":
        tok = tok.head
    return tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.lemma_ in SPEECH_VERBS | {"inform"}


def _victims(ctx: Ctx, sent, speakers: set[int], casualty: bool = False) -> list[int]:
    words = {t.lower_ for t in sent}
    listed = bool(_VICTIM_LIST.search(sent.text))  # "The deceased are: X, Y and Z"
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


def _compatible(ctx: Ctx, a: int | None, b: int | None, located: set[tuple[int, int]], same) -> bool:
    if a is None or b is None or same(a, b):
        return True
    return any(same(x, a) and same(y, b) or same(x, b) and same(y, a) for x, y in located)


def _narrow_place(ctx: Ctx, current: Partial, place: int | None, closure: set[tuple[int, int]], same) -> None:
    """A later sentence about the same event may name a more specific place: "The accident happened in X"."""
    if place is None:
        return
    if current.place is None:
        current.place = place
        return
    if _rank(ctx.cands[place]) >= _rank(ctx.cands[current.place]):
        return
    # take it if it is known to lie in the current place, or is not known to lie anywhere else
    elsewhere = any(same(x, place) for x, _ in closure)
    along = top_class(ctx.cands[current.place]) == PLACE  # a road or river: a village on it is narrower
    if _compatible(ctx, current.place, place, closure, same) or not elsewhere or along:
        current.place = place


def _closure(located: list[tuple[int, int, int, int]], same) -> set[tuple[int, int]]:
    closure = {(a, b) for a, b, _, _ in located}
    changed = True
    while changed:
        changed = False
        for a, b in list(closure):
            for c, d in list(closure):
                if same(b, c) and (a, d) not in closure:
                    closure.add((a, d))
                    changed = True
    return closure


def _fronted_place(ctx: Ctx, sent) -> bool:
    """"In X district, two men were killed ...": a place put first moves the story to a new scene."""
    doc = ctx.doc
    i = sent.start
    while i < sent.end and doc[i].is_space:
        i += 1
    if i + 1 >= sent.end or doc[i].lower_ not in {"in", "at", "near"}:
        return False
    c = ctx.at(i + 1) or ctx.at(i + 2)
    if c is None or c.nominal or top_class(c) not in PLACE_CLASSES:
        return False
    return any(t.text == "," for t in doc[c.end:min(sent.end, c.end + 6)])


def _opens(ctx: Ctx, current: Partial | None, p: Partial, sent, closure, same) -> bool:
    """Does this casualty sentence tell of another incident than the current one?"""
    if current is None or p.separate:
        return True
    if current.tentative:
        return False
    has_news = p.killed is not None or p.injured is not None or p.casualty
    figures_or_event = p.killed is not None or p.injured is not None or p.event
    # not "the governor visited the wounded on Friday"; nor "one more died this morning at the
    # hospital": a later toll of the same event names neither a new event nor a new scene
    if p.date is not None and current.date is not None and p.date != current.date and figures_or_event:
        return p.event or p.place is not None
    if p.month is not None and (has_news or p.kind != "incident") and (current.date is None or current.date.month != p.month):
        return True  # "In February, two men stepped on a mine": an earlier event
    if has_news and (p.event or _fronted_place(ctx, sent)) and not _compatible(ctx, current.place, p.place, closure, same):
        return p.killed is not None or p.injured is not None
    return False


def _scene(ctx: Ctx, sent, current: Partial | None, published: date | None, head: int, closure, same) -> Partial | None:
    """"The landslide struck the village of X on Sunday": where and when, without a toll.

    Before any incident it opens a tentative one, kept only if a toll follows."""
    words = {t.lower_ for t in sent if t.idx >= head}
    if not words & SCENE_WORDS:
        return None
    place = _place_in(ctx, sent, head)
    when = find_date("".join(t.text_with_ws for t in sent if t.idx >= head), published, None)[0]
    if current is None:
        if not words & EVENT_TERMS or (place is None and when is None):
            return None
        return Partial(sent.start_char, sent.end_char, date=when, place=place, tentative=True, kind=_kind(sent.text))
    _narrow_place(ctx, current, place, closure, same)
    if current.date is None:
        current.date = when
    return None


def _extend(ctx: Ctx, current: Partial, p: Partial, closure, same) -> None:
    current.end = max(current.end, p.end)
    current.tentative = False
    if current.date is None:
        current.date = p.date
    _narrow_place(ctx, current, p.place, closure, same)
    # the largest figure: later sentences give parts of the toll, and updates only add
    current.killed = _larger(current.killed, p.killed)
    current.injured = _larger(current.injured, p.injured)
    if current.kind == "incident":
        current.kind = p.kind


def _segments(doc):
    """Sentences, cut again at paragraph breaks and blanked-out stretches: a title without a full
    stop and the lede below it are read as one sentence by the parser."""
    for sent in doc.sents:
        start = sent.start
        for tok in sent:
            if tok.is_space and ("\n\n" in tok.text or len(tok.text) >= 3) and tok.i > start:
                yield doc[start:tok.i]
                start = tok.i + 1
        if start < sent.end:
            yield doc[start:sent.end]


def find_incidents(ctx: Ctx, located: list[tuple[int, int, int, int]], speakers: set[int], same) -> list[Partial]:
    """Incidents of the article, several kept apart."""
    closure = _closure(located, same)
    published = ctx.article.published
    head = head_end(ctx.article.body)  # title, byline and timestamps: not the story's facts (furniture is blanked)
    incidents: list[Partial] = []
    current: Partial | None = None
    for sent in _segments(ctx.doc):
        if sent.end_char <= head:
            continue
        p = _partial(ctx, sent, current.date if current else None, published, head)
        victims = _victims(ctx, sent, speakers, casualty=p is not None)
        if p is None:
            if current is not None and victims:
                current.victims.extend(v for v in victims if v not in current.victims)
            opened = _scene(ctx, sent, current, published, head, closure, same)
            if opened is not None:
                current = opened
                incidents.append(current)
            continue
        if victims and _VICTIM_LIST.search(sent.text):
            p.place = None  # "Among the dead was X, a teacher in Y": the victim's town, not the scene
        if _opens(ctx, current, p, sent, closure, same):
            if p.killed is None and p.injured is None and not p.event:
                continue  # "condolences to the families of the victims": no event told
            current = p
            current.victims = list(victims)
            incidents.append(current)
            continue
        assert current is not None
        _extend(ctx, current, p, closure, same)
        current.victims.extend(v for v in victims if v not in current.victims)
    return [i for i in incidents if not i.tentative and (i.place is not None or i.date is not None)]
