"""Quotations: the spans of an article's text inside quotation marks.

Extract stage, used by ``statements``. In: the article's text. Out: ``Quote`` spans (character
offsets of the inner text), one per paragraph; a quote left open at a paragraph's end runs on
into the next paragraphs (the chain number ties them together). Outlets in British style quote
with single curly marks (‘…’); the marks the text mostly uses are the ones read.
"""

from __future__ import annotations

from dataclasses import dataclass

OPEN_Q = {"“", '"', "«"}
CLOSE_Q = {"”", '"', "»"}


@dataclass
class Quote:
    """The inner text of one quoted paragraph; paragraphs of one quotation share a chain."""

    start: int  # chars, inner text
    end: int
    chain: int


# Single curly quotes, the quotation marks of outlets in British style: ‘…,’ she said.
SINGLE_OPEN, SINGLE_CLOSE = "‘", "’"


def _single_opens(text: str, i: int) -> bool:
    """‘ that opens a quotation: at a paragraph's or clause's start, before a capital letter
    (a scare-quoted word inside a sentence starts in lower case)."""
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([:—–-") and after.isupper()


def _single_closes(text: str, i: int) -> bool:
    """’ that closes a quotation, not an apostrophe: after the quote's own punctuation
    (‘…,’ ‘…?’) and before a space or the end of the paragraph."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else "\n"
    return before in ",.?!…" and not after.isalnum()


def _uses_single(text: str) -> bool:
    """The outlet quotes with ‘…’: more quotations open with ‘ than with “ or "."""
    singles = sum(1 for i, ch in enumerate(text) if ch == SINGLE_OPEN and _single_opens(text, i))
    doubles = sum(1 for i, ch in enumerate(text) if ch == "“" or ch == '"' and _opens(text, i))
    return singles > doubles


def find_quotes(text: str) -> list[Quote]:
    """Quoted spans, one per paragraph; an unclosed quote runs on into the next paragraphs."""
    if _uses_single(text):
        return _find_quotes(text, {SINGLE_OPEN}, {SINGLE_CLOSE})
    return _find_quotes(text, OPEN_Q, CLOSE_Q)


def _find_quotes(text: str, opens: set[str], closes: set[str]) -> list[Quote]:
    single = SINGLE_OPEN in opens
    quotes: list[Quote] = []
    chain = 0
    open_at: int | None = None
    para_start = True
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "\n":
            if open_at is not None and text[open_at:i].strip():
                quotes.append(Quote(open_at, i, chain))
                open_at = i + 1
            para_start = True
            i += 1
            continue
        if para_start and not ch.isspace():
            para_start = False
            if ch in opens and open_at is not None:
                open_at = i + 1  # a continuation mark
                i += 1
                continue
        if open_at is None and ch in opens and (ch != '"' or _opens(text, i)) and (not single or _single_opens(text, i)):
            chain += 1
            open_at = i + 1
        elif open_at is not None and ch in closes and (ch != '"' or not _opens(text, i) or i == n - 1) and (
                not single or _single_closes(text, i)):
            if text[open_at:i].strip():
                quotes.append(Quote(open_at, i, chain))
            open_at = None
        i += 1
    return [q for q in quotes if text[q.start:q.end].strip()]


def _opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([:—–-") and not after.isspace()


