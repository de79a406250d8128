"""Statements in transcripts: briefings and press conferences written as labelled turns.

A transcript gives each turn a label and a colon ("MR SMITH: …", "Jane Doe: …", "Official
Spokesperson: …", "QUESTION: …"); a turn runs over the paragraphs that follow until the next
label, and each of its paragraphs is one statement of its speaker. A briefing opened by its
header ("Briefing by … Jane Doe") is the briefer's speech up to the first label. Labels that name
no person (questions, reporters' outlets) end the turn before them. In: the article's ``Ctx`` and
the statements found so far; out: those statements with each transcript paragraph read as one
statement of its turn's speaker (what was found inside it is replaced).
"""

from __future__ import annotations

import re

from newskg.extract.doc import Ctx, fold
from newskg.extract.lexicon import HONORIFICS, ROLE_WORDS
from newskg.extract.places import top_class
from newskg.models import PERSON

_LABEL = re.compile(r"(?P<label>[A-Z][^:\n]{1,80}?)\s*:\s+(?P<rest>\S)")
_QUESTION = re.compile(r"^(?:q|question|questions|journalist|reporter|correspondent)\b", re.I)
_HEADER = re.compile(r"\b(?:briefing|press conference|media briefing|remarks|news conference)\b", re.I)
_SENTENCE_END = (".", "!", "?", "”", '"', "’")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Character spans of the non-empty paragraphs (lines) of the text, whitespace trimmed."""
    out = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))
    return out


def _persons_in(ctx: Ctx, start: int, end: int) -> list[int]:
    """Persons named between two offsets, the fullest name last ("Shri Jane Doe" -> "Jane Doe")."""
    found = [c for c in ctx.cands
             if start <= c.char_start and c.char_end <= end and not c.nominal and top_class(c) == PERSON]
    return [c.id for c in sorted(found, key=lambda c: (len(c.text.split()), c.char_start))]


def _fullest(ctx: Ctx, pid: int) -> int:
    """The fullest name in the article with this person's surname ("J. Doe" -> "Jane Mary Doe")."""
    surname = fold(ctx.cands[pid].text).split()[-1:]
    same = [c for c in ctx.cands if top_class(c) == PERSON and not c.nominal and fold(c.text).split()[-1:] == surname]
    return max(same, key=lambda c: (len(c.text.split()), -c.char_start)).id if same else pid


def _by_surname(ctx: Ctx, label: str) -> int | None:
    """"MR SMITH", "J.D. Smith": the person of the article whose name ends in that surname."""
    words = [w for w in re.split(r"[\s.]+", fold(label)) if w]
    if not words or len(words) > 4:
        return None
    surname = words[-1]
    for c in ctx.cands:
        if top_class(c) == PERSON and not c.nominal and fold(c.text).split()[-1:] == [surname]:
            return c.id
    return None


def _is_role(label: str) -> bool:
    words = fold(label).split()
    return bool(words) and len(words) <= 4 and words[-1] in ROLE_WORDS and words[-1] not in HONORIFICS


class _Turns:
    """Who speaks in each labelled turn."""

    def __init__(self, ctx: Ctx):
        self.ctx = ctx
        self.by_role: dict[str, int] = {}
        self.briefer: int | None = None

    def speaker(self, label: str, start: int, end: int) -> int | None:
        if _QUESTION.match(label):
            return None
        persons = _persons_in(self.ctx, start, end)
        role = fold(label.split(",")[0])
        if persons:
            if _is_role(label.split(",")[0]):
                self.by_role[role] = _fullest(self.ctx, persons[-1])  # "Official Spokesperson, Jane Doe: …"
            return _fullest(self.ctx, persons[-1])
        found = _by_surname(self.ctx, label)
        if found is not None:
            return found
        if _is_role(label):
            return self.by_role.get(role, self.briefer)
        return None


def transcript_statements(ctx: Ctx) -> list[tuple[list[int], int, int]]:
    """(speakers, start, end) of each paragraph spoken in a labelled turn."""
    # labels are read from the text as written: a first "MR X:" can look like a dateline to ingest
    text = ctx.article.text
    body = ctx.article.body
    paras = [(s, e) for s, e in _paragraphs(text) if body[s:e].strip()]
    labels: dict[int, tuple[str, int]] = {}  # paragraph index -> (label, start of the speech)
    for k, (start, end) in enumerate(paras):
        m = _LABEL.match(text, start, end)
        if m and len(m["label"].split()) <= 8 and not m["label"].rstrip().endswith((".", "!", "?")):
            labels[k] = (m["label"], m.start("rest"))
    turns = _Turns(ctx)
    spoken = [(k, turns.speaker(label, paras[k][0], rest)) for k, (label, rest) in labels.items()]
    if sum(1 for _, who in spoken if who is not None) < 2:
        return []
    first = min(labels)
    for k, (start, end) in enumerate(paras[:first]):
        persons = _persons_in(ctx, start, end)
        if persons and _HEADER.search(text[start:end]):
            turns.briefer, first = persons[-1], k
    out: list[tuple[list[int], int, int]] = []
    who = turns.briefer
    for k, (start, end) in enumerate(paras):
        if k < first:
            continue
        if k in labels:
            label, rest = labels[k]
            who = turns.speaker(label, start, rest)
            start = rest
        elif not text[start:end].endswith(_SENTENCE_END) or text[start] == "(" or len(text[start:end].split()) < 6:
            continue  # a heading, a stage note "(The briefing ended …)", a caption
        if who is not None:
            out.append(([who], start, end))
    return out
