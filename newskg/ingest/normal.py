"""Ingest: text as read -> the text analysis sees, with a map back to the text as read.

In: a decoded text (a file's, or the main text of a page or record). Out: ``Normalised``: the
analysis text and the shifts that carry any of its offsets back into the text as read, so
evidence offsets stay true to the file even when characters were composed or dropped.

- Unicode is composed (NFC), so a file saved decomposed (NFD) reads like any other; a base letter
  and its combining marks become one character, and the offsets of what follows shift back.
- Line and paragraph separators (U+2028, U+2029, U+0085), vertical tab and form feed become line
  breaks; a lone carriage return too; other C0/C1 controls and no-break spaces become spaces.
- Zero-width characters (U+200B–U+200D, U+2060, U+FEFF) and bidirectional controls (U+200E,
  U+200F, U+061C, U+202A–U+202E, U+2066–U+2069) are dropped: they end up inside labels otherwise.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

__all__ = ["Normalised", "normalise"]

_LINE = frozenset("\u2028\u2029\u0085\u000b\u000c\r")
_DROP = frozenset("\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_SPACE: frozenset[str] = frozenset(chr(c) for c in [*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F, *range(0x80, 0x85), *range(0x86, 0xA0)]) | {"\u00a0"}

_SPECIAL = re.compile("[" + re.escape("".join(sorted(_LINE | _DROP | _SPACE - {"\t"}))) + "]")


@dataclass(frozen=True)
class Normalised:
    """The analysis text and, where it differs in length from the text as read, the shifts:
    ``(analysis offset, add)`` pairs, sorted: from that offset on, ``add`` more characters precede
    it in the text as read."""

    text: str
    shifts: tuple[tuple[int, int], ...] = ()

    def to_source(self, offset: int) -> int:
        """The offset in the text as read of ``offset`` in the analysis text."""
        return to_source(self.shifts, offset)


def to_source(shifts: tuple[tuple[int, int], ...], offset: int) -> int:
    if not shifts:
        return offset
    i = bisect.bisect_right(shifts, (offset, float("inf"))) - 1
    return offset + (shifts[i][1] if i >= 0 else 0)


def _char(c: str, nxt: str) -> str:
    if c == "\r":
        return " " if nxt == "\n" else "\n"
    if c in _LINE:
        return "\n"
    if c in _SPACE:
        return " "
    return c


def normalise(raw: str) -> Normalised:
    """The analysis text of ``raw``.

    >>> n = normalise("Jose\\u0301 said\\u200b it")
    >>> n.text, n.to_source(n.text.index("said"))
    ('José said it', 6)
    """
    if _SPECIAL.search(raw) is None and unicodedata.is_normalized("NFC", raw):
        return Normalised(raw)
    out: list[str] = []
    shifts: list[tuple[int, int]] = []
    extra = pos = 0
    i, n = 0, len(raw)
    while i < n:
        c = raw[i]
        if c in _DROP:
            extra += 1
            i += 1
            shifts.append((pos, extra))
            continue
        j = i + 1
        while j < n and unicodedata.combining(raw[j]):
            j += 1
        if j > i + 1 or not c.isascii():
            composed = _char(c, "") if j == i + 1 and c in _LINE | _SPACE else unicodedata.normalize("NFC", raw[i:j])
        else:
            composed = _char(c, raw[j] if j < n else "")
        out.append(composed)
        pos += len(composed)
        if len(composed) != j - i:
            extra += (j - i) - len(composed)
            shifts.append((pos, extra))
        i = j
    return Normalised("".join(out), _compact(shifts))


def _compact(shifts: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """One shift per offset (the last one written there wins)."""
    by_offset: dict[int, int] = {}
    for offset, add in shifts:
        by_offset[offset] = add
    return tuple(sorted(by_offset.items()))
