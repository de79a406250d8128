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
from newskg.extract.dates import find_date, publication_date
from newskg.extract.doc import Ctx
from newskg.extract.lexicon import (
    AGGREGATE_CUES,
    DEVICE_WORDS,
    INCIDENT_KINDS,
    INJURY_WORDS,
    KILL_WORDS,
    SEPARATE_CUES,
)
from newskg.extract.places import _rank, top_class
from newskg.models import PERSON, PLACE, PLACE_CLASSES

KILL_VERBS = frozenset("killed died dead killing".split())
HURT_VERBS = frozenset("injured wounded hurt injuring wounding".split())
# Other words that report people killed or hurt.
CASUALTY_WORDS = frozenset("drowned perished beheaded hospitalised hospitalized toll martyrs fatalities".split())
EXPLODE = frozenset("exploded explosion blast went detonated".split())
IMPACT = frozenset("hit struck stepped ran".split())
# Words of a sentence that tells where the event itself happened.
SCENE_WORDS = frozenset("happened occurred accident blast explosion device incident went exploded detonated hit struck".split())
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


_MONTH_ONLY = re.compile(r"\b(?:in|since|last|early|late|mid-?)\s+(january|february|march|april|may|june|july|august|"
                         r"september|october|november|december)\b(?!\s+\d)", re.I)
_MONTH_NAMES = ("january february march april may june july august september october november december").split()


def _place_in(ctx: Ctx, sent) -> int | None:
    """The most specific place the sentence names for the event (not where victims were taken)."""
    best = None
    for c in ctx.covering(sent.start, sent.end):
        if c.nominal or top_class(c) not in PLACE_CLASSES:
            continue
        dateline = ctx.article.dateline
        if dateline is not None and c.char_start == dateline.start:
            continue  # where the story was filed, not where it happened
        window = {t.lower_ for t in ctx.doc[max(sent.start, c.start - 4):c.start]}
        if window & NOT_EVENT_PLACES:
            continue
        if c.start > 0 and ctx.doc[c.start - 1].lower_ in {"from", "to"}:
            continue
        if best is None or _rank(c) < _rank(best) or (_rank(c) == _rank(best) and c.start < best.start):
            best = c
    return best.id if best else None


def _kind(text: str) -> str:
    low = text.lower()
    for word, kind in INCIDENT_KINDS:
        if word in low:
            return kind
    return "incident"


def _aggregate(text: str) -> bool:
    low = text.lower()
    if any(cue in low for cue in AGGREGATE_CUES):
        return True
    if re.search(r"\bin (?:19|20)\d\d\b(?! ,)", low) and not re.search(r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december) \d", low):
        return True
    return bool(re.search(r"\b(?:have|has) (?:been killed|been injured|been wounded|fallen victim|become|died|been victims)", low))


def _speech_dated(doc, sent) -> set[int]:
    """Tokens of "said on Monday": a date that dates the saying, not the event."""
    out: set[int] = set()
    for tok in sent:
        if tok.lemma_ in {"say", "report", "tell", "announce"}:
            out.update(t.i for t in doc[tok.i + 1: min(sent.end, tok.i + 8)])
    return out


def _partial(ctx: Ctx, sent, anchor: date | None, published: date | None) -> Partial | None:
    doc = ctx.doc
    text = sent.text
    words = {t.lower_ for t in sent}
    casualty = bool(words & (KILL_WORDS | HURT_VERBS | CASUALTY_WORDS))
    exploded = bool(words & EXPLODE) or (bool(words & IMPACT) and bool(words & DEVICE_WORDS))
    if not casualty and not exploded:
        return None
    if _aggregate(text):
        return None
    p = Partial(sent.start_char, sent.end_char, kind=_kind(text), casualty=casualty)
    low = text.lower()
    p.separate = any(low.lstrip(" “\"").startswith(cue) or f" {cue}" in low[:60] for cue in SEPARATE_CUES)
    skip = _speech_dated(doc, sent)
    clause = "".join(t.text_with_ws for t in sent if t.i not in skip)
    p.date, p.relative = find_date(clause, published, anchor)
    month = _MONTH_ONLY.search(clause)
    if p.date is None and month:
        p.month = _MONTH_NAMES.index(month.group(1).lower()) + 1
    p.place = _place_in(ctx, sent)
    found = figures(sent)
    p.killed, p.injured = largest(found, KILLED), largest(found, INJURED)
    return p


def _larger(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else max(a, b)


def _victims(ctx: Ctx, sent, speakers: set[int]) -> list[int]:
    words = {t.lower_ for t in sent}
    cues = KILL_WORDS | INJURY_WORDS | {"victims", "victim", "hospital", "hospitalized", "identified", "wounds", "shrapnel", "dead", "evacuated", "survived"}
    if not words & cues:
        return []
    out = []
    for c in ctx.covering(sent.start, sent.end):
        if c.nominal or top_class(c) != PERSON or c.id in speakers:
            continue
        nxt = ctx.doc[c.end] if c.end < len(ctx.doc) else None
        if nxt is not None and nxt.lemma_ in {"say", "tell", "write", "add", "note"}:
            continue
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


def find_incidents(ctx: Ctx, located: list[tuple[int, int, int, int]], speakers: set[int], same) -> list[Partial]:
    """Incidents of the article, several kept apart."""
    pairs = {(a, b) for a, b, _, _ in located}
    closure = set(pairs)
    changed = True
    while changed:
        changed = False
        for a, b in list(closure):
            for c, d in list(closure):
                if same(b, c) and (a, d) not in closure:
                    closure.add((a, d))
                    changed = True
    published = ctx.article.published or publication_date(ctx.article.text)
    incidents: list[Partial] = []
    current: Partial | None = None
    for sent in ctx.doc.sents:
        anchor = current.date if current else None
        p = _partial(ctx, sent, anchor, published)
        victims = _victims(ctx, sent, speakers)
        if p is None:
            if current is not None and victims:
                current.victims.extend(v for v in victims if v not in current.victims)
            if current is not None and {t.lower_ for t in sent} & SCENE_WORDS:
                _narrow_place(ctx, current, _place_in(ctx, sent), closure, same)
            continue
        new = current is None or p.separate
        if not new and current is not None:
            has_news = p.killed is not None or p.injured is not None or p.casualty
            if p.date is not None and current.date is not None and p.date != current.date and has_news:
                new = True
            elif p.month is not None and (has_news or p.kind != "incident") and (current.date is None or current.date.month != p.month):
                new = True  # "In February, two men stepped on a mine": an earlier event
            elif has_news and not _compatible(ctx, current.place, p.place, closure, same):
                new = p.killed is not None or p.injured is not None
        if new:
            if p.place is None and p.date is None and p.killed is None and p.injured is None:
                continue
            current = p
            current.victims = list(victims)
            incidents.append(current)
            continue
        assert current is not None
        current.end = max(current.end, p.end)
        if current.date is None:
            current.date = p.date
        _narrow_place(ctx, current, p.place, closure, same)
        # the largest figure: later sentences give parts of the toll, and updates only add
        current.killed = _larger(current.killed, p.killed)
        current.injured = _larger(current.injured, p.injured)
        if current.kind == "incident":
            current.kind = p.kind
        current.victims.extend(v for v in victims if v not in current.victims)
    return [i for i in incidents if i.place is not None or i.date is not None]
