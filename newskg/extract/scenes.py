"""Scenes: the place a sentence of an incident names for the event itself.

Part of extract (incidents). In: a sentence of the parsed article and its place candidates. Out: the
candidate of the most specific place where the event happened, not a place that names a post ("the
governor of X"), qualifies a group ("X rebels"), is where the hurt were taken ("flown to a hospital
in X"), where someone came from or went ("from the town of X", "had left for X"), or a dateline.
"""

from __future__ import annotations

from newskg.extract.doc import Ctx
from newskg.extract.places import _rank, top_class
from newskg.models import PLACE_CLASSES

__all__ = ["place_in"]

# Words before a place that make it a person's post, not the scene: "the governor of X".
OFFICE_BEFORE = frozenset("administrator governor mayor chief head minister commissioner director president "
                          "council official officials ambassador envoy police".split())
LANDMARK_PREPS = frozenset("near outside behind opposite beside".split())
NOT_EVENT_PLACES = frozenset("hospital resident residents native taken flown evacuated sent treated travelling traveling "
                             "returning home course born".split())



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


def _preposition(doc, c) -> str:
    """The word before a place, or before the noun it names ("from the town of X": "from")."""
    k = c.start - 1
    if k >= 1 and doc[k].lower_ == "of" and doc[k - 1].pos_ == "NOUN":
        k -= 2
        while k >= 0 and c.start - k <= 6 and doc[k].pos_ in {"DET", "ADJ", "PROPN", "NOUN"}:
            k -= 1
    return doc[k].lower_ if k >= 0 else ""


def place_in(ctx: Ctx, sent, head: int = 0) -> int | None:
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
        if _preposition(ctx.doc, c) in {"from", "to", "for"}:
            continue  # "fired from X", "taken to X", "from the town of X", "had left for X": not where it happened
        if "according" in window and ctx.doc[c.start - 1].lower_ not in {"in", "at", "near"}:
            continue  # "according to the X centre": a source, not the scene
        if _transferred_to(ctx.doc[c.start]):
            continue
        if best is None or _rank(c) < _rank(best) or (_rank(c) == _rank(best) and c.start < best.start):
            best = c
    return best.id if best else None
