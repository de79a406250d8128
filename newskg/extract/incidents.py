"""Incidents: concrete harmful events with date, place, killed, injured and named victims.

Part of extract. In: the parsed article (``Ctx``), its ``locatedIn`` pairs, the speakers of its
statements. Out: ``Partial`` incidents with character spans and candidate ids.

A sentence with a casualty verb ("were killed", "died", "was injured", "injuring") or an
explosion ("an anti-tank mine exploded", "hit a mine") opens or extends an incident; "in a
separate incident", "separately", a different date, an unrelated place or a live page's new
timed entry opens the next one. A sentence that tells an event before its toll ("Fire broke out at
a mill in X on Thursday") opens one that the toll then confirms. Statistics over a period ("since
2020", "in the first five months", "have been killed") and remembrance ("the anniversary of the
bombing") are not incidents. Counts come from ``casualties``, the scene from ``scenes``, the named
dead and hurt from ``victims``; dates are resolved against the publication date, and an event told
without a day happened on the day of the event told before it, else on the story's day (the day its
lede gives, else the publication's); one told as earlier ("last year", "in May") keeps none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from itertools import islice

from newskg.extract.casualties import INJURED, KILLED, figures, largest
from newskg.extract.dates import find_date, head_end
from newskg.extract.doc import Ctx
from newskg.extract.lexicon import (
    AGGREGATE_CUES,
    DEVICE_WORDS,
    INCIDENT_KINDS,
    KILL_WORDS,
    SEPARATE_CUES,
)
from newskg.extract.places import _rank, top_class
from newskg.extract.scenes import place_in
from newskg.extract.victims import VICTIM_LIST, victims
from newskg.models import PLACE, PLACE_CLASSES

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
    "clashes capsized sank sinking raid ambush ambushed poisoning stampede derailed massacre burst fighting "
    "riot riots erupted rammed gunfire".split())
# Words of a sentence that, before any toll, tells of an event, its place and its day: "Fire broke
# out at a factory in X on Thursday", "Clashes erupted outside the town hall of X late on Sunday".
SCENE_OPENERS = EVENT_TERMS
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
    earlier: bool = False  # told as before the story's time ("last year", "in May"): no day is implied
    update: bool = False  # opened by a toll's update ("the toll has reached 23"), which tells no day of the event


_MONTH_ONLY = re.compile(r"\b(?:in|since|last|early|late|mid-?)\s+(january|february|march|april|may|june|july|august|"
                         r"september|october|november|december)\b(?!\s+\d)", re.I)
_MONTH_NAMES = ("january february march april may june july august september october november december").split()


def _kind(text: str) -> str:
    low = text.lower()
    for word, kind in INCIDENT_KINDS:
        if re.search(rf"\b{re.escape(word)}(?:s|es|ing|ed)?\b", low):  # "ied", not "died"; "car", not "care"
            return kind
    return "incident"


_ONE_EVENT = re.compile(r"\b(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:" + "|".join(sorted(EVENT_TERMS)) + r")\b")
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


# An event remembered is no new event: "marked the tenth anniversary of the bombing that killed 54".
_REMEMBERED = re.compile(r"\banniversary\b|\bcommemorat\w*|\bin (?:memory|remembrance) of\b", re.I)


# A sentence that opens on an earlier period tells of an earlier event: "Last month, 30 pupils fell ill".
_EARLIER = re.compile(r"(?:last|earlier this|late last|early last) (?:week|month|year)\b|\w+ (?:weeks?|months?|years?) "
                      r"(?:ago|earlier)\b|in (?:a|another) similar (?:incident|attack|accident)\b")
# Times before the story's own: an event told with one has no day of the story.
_PAST = re.compile(r"\b(?:last|earlier this|late last|early last|previous) (?:week|month|year)\b|\b(?:weeks?|months?|years?) "
                   r"(?:ago|earlier|before)\b|\b(?:in|of) (?:(?:january|february|march|april|may|june|july|august|september|october|"
                   r"november|december) )?(?:19|20)\d\d\b|\b(?:in|since|during|last) (?:january|february|march|april|"
                   r"may|june|july|august|september|october|november|december)\b(?!\s+\d)", re.I)
# A live page's entry opens with its time: "17:40 – Ministry: two killed", "UPDATE 7.40 PM: ...".
_ENTRY = re.compile(r"^\s*(?:updated?\s*:?\s*)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|gmt|utc|[a-z]{3,4} time)?\s*(?:[—–|:-]|\n)", re.I)

# A numbered item of a news roundup, opened by its dateline: "3. KESTON – Drones hit a depot".
_ITEM = re.compile(r"^\s*\d{1,2}[.)]\s+[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+)*\s*[—–-]\s")


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
_UPDATE = re.compile(r"\b(?:toll|number of [\w ]{0,30}?(?:dead|deaths|killed|victims|injured|wounded|lost their lives))\b[^.;]{0,200}?"
                     r"\b(?:rose|risen|rises|rising|climbed|climbs|reached|increased|jumped|bringing)\b", re.I)
_DAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday)"
_EVENT_DAY = re.compile(rf"\b(?:last\s+)?{_DAYS}(?:'s|’s)|\bof (?:last\s+)?{_DAYS}\b", re.I)


# Verbs of telling and of what follows an event (court, police, visits, the search for the dead):
# the day they take dates them, not the event ("said on Monday", "The court on Tuesday ordered the
# detention of two men accused of killing X on Saturday", "this morning we counted 22 bodies");
# "said that on Tuesday a ship rammed a boat" keeps its day.
SPEECH_LEMMAS = frozenset("say report tell announce inform confirm state add write post".split())
AFTERMATH_LEMMAS = frozenset("order charge sentence convict arrest detain remand indict visit attend identify release "
                             "publish approve reject appear hear count recover find retrieve exhume".split())
_DAY_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday yesterday today tonight morning "
                       "afternoon evening night".split())


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
    if _aggregate(text) or _REMEMBERED.search(text):
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
        p.separate = p.earlier = True
    skip = _aftermath_dated(sent)
    clause = "".join(t.text_with_ws for t in sent if t.i not in skip and t.idx >= head)
    update = _UPDATE.search(clause)
    if update:
        # "the toll rose to 9 on Friday": the day of the update; what comes before the update verb
        # ("the shelling on Monday has risen to") and "Thursday's bombing" date the event itself
        after = clause[update.end():]
        clause = clause[:update.end()] + " " + " ".join(m.group() for m in _EVENT_DAY.finditer(after))
    p.date, p.relative = find_date(clause, published, anchor)
    p.earlier = p.earlier or bool(_PAST.search(clause))
    p.update = update is not None
    if p.date is not None and _LATER_DEATH.search(clause):
        p.date = None  # "X, who was shot, died in hospital on Monday": the day of a later death
    month = _MONTH_ONLY.search(clause)
    if p.date is None and month:
        p.month = _MONTH_NAMES.index(month.group(1).lower()) + 1
        p.earlier = True
    # "Of the deceased, three died in X, two in Y": a breakdown over places, not the scene
    p.place = None if _BREAKDOWN.search(text) else place_in(ctx, sent, head)
    p.killed, p.injured = largest(found, KILLED), largest(found, INJURED)
    return p


def _larger(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else max(a, b)


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
    if current.earlier and p.date is not None and not p.earlier and figures_or_event:
        return True  # "The blast at X last year killed 12. On Saturday, a fire there injured three"
    if p.month is not None and (has_news or p.kind != "incident") and (current.date is None or current.date.month != p.month):
        return True  # "In February, two men stepped on a mine": an earlier event
    if has_news and (p.event or _fronted_place(ctx, sent)) and not _compatible(ctx, current.place, p.place, closure, same):
        return p.killed is not None or p.injured is not None
    return False


def _scene(ctx: Ctx, sent, current: Partial | None, published: date | None, head: int, closure, same) -> Partial | None:
    """"The landslide struck the village of X on Sunday": where and when, without a toll.

    Before any incident it opens a tentative one, kept only if a toll follows."""
    words = {t.lower_ for t in sent if t.idx >= head}
    if not words & SCENE_WORDS and (current is not None or not words & SCENE_OPENERS):
        return None
    place = place_in(ctx, sent, head)
    when = find_date("".join(t.text_with_ws for t in sent if t.idx >= head), published, None)[0]
    if current is None:
        if not words & SCENE_OPENERS or (place is None and when is None) or _tells_no_event(sent, when is None):
            return None
        return Partial(sent.start_char, sent.end_char, date=when, place=place, tentative=True, kind=_kind(sent.text),
                       earlier=bool(_PAST.search(sent.text)))
    _narrow_place(ctx, current, place, closure, same)
    if current.date is None:
        current.date = when
    return None


def _tells_no_event(sent, undated: bool) -> bool:
    """Do the sentence's event words name no event of their own? "the fire department" (a word that
    qualifies another noun), and, without a day, "the X attack showed that ..." (an event already
    known, with "the" or a possessive)."""
    def known(t) -> bool:
        return t.pos_ in {"NOUN", "PROPN"} and any(c.dep_ in {"det", "poss"} and c.lower_ not in {"a", "an"}
                                                  for c in t.children)
    events = [t for t in sent if t.lower_ in SCENE_OPENERS]
    return all(t.dep_ in {"compound", "amod"} or (undated and known(t)) for t in events)


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
        item = _ITEM.match(sent.text)
        if _ENTRY.match(sent.text) or item:
            current = None  # a live page's new entry, a roundup's next item: its own story
        # the item's dateline is where it was filed, not the scene
        start = max(head, sent.start_char + item.end()) if item else head
        p = _partial(ctx, sent, current.date if current else None, published, start)
        named = victims(ctx, sent, speakers, casualty=p is not None)
        if p is None:
            if current is not None and named:
                current.victims.extend(v for v in named if v not in current.victims)
            opened = _scene(ctx, sent, current, published, start, closure, same)
            if opened is not None:
                current = opened
                incidents.append(current)
            continue
        if named and VICTIM_LIST.search(sent.text):
            p.place = None  # "Among the dead was X, a teacher in Y": the victim's town, not the scene
        if _opens(ctx, current, p, sent, closure, same):
            if p.killed is None and p.injured is None and not p.event:
                continue  # "condolences to the families of the victims": no event told
            current = p
            current.victims = list(named)
            incidents.append(current)
            continue
        assert current is not None
        _extend(ctx, current, p, closure, same)
        current.victims.extend(v for v in named if v not in current.victims)
    found = [i for i in incidents if not i.tentative and (i.place is not None or i.date is not None)]
    _date_undated(ctx, found, head)
    return found


def _story_day(ctx: Ctx, head: int) -> date | None:
    """The day the story's first sentences give for its news ("... walked out on Wednesday")."""
    published = ctx.article.published
    lede = list(islice((s for s in _segments(ctx.doc) if s.end_char > head), 3))
    for sayings in (False, True):  # the news's own day, else the day it was told ("officials said on Sunday")
        for sent in lede:
            skip = set() if sayings else _aftermath_dated(sent)
            clause = "".join(t.text_with_ws for t in sent if t.i not in skip and t.idx >= head)
            when = find_date(clause, published, None)[0]
            if when is not None and not _PAST.search(clause):
                return when
    return published


def _date_undated(ctx: Ctx, incidents: list[Partial], head: int) -> None:
    """An event told without a day happened in the story's time: on the day of the event told
    before it (a storm's toll, district by district), else on the story's day (the day its lede
    gives, else the day it was published). One told as earlier ("last year", "in May") keeps none."""
    story = None
    last: date | None = None
    for inc in incidents:
        if inc.date is None and not inc.earlier and not inc.update:
            if last is None and story is None:
                story = _story_day(ctx, head)
            inc.date = last or story
        if inc.date is not None and not inc.earlier:
            last = inc.date
