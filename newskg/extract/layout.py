"""Page layout: the lines of a web page that are its furniture, not its story.

Extract stage, used by ``names`` before name chunks are read. In: an article's text. Out: the
character ranges of navigation lines, where no name is read. A page's menus, breadcrumbs, share
bars and header strips are lines of several short items set apart by separators ("Home › World ›
Africa", "NEWS  SPORT  WEATHER", "[Facebook] [X] [Email]", "SECURITY | Monday, 5 August 2024 |
08:20"); a line of news is a sentence, or a headline of one run of words.
"""

from __future__ import annotations

import re

__all__ = ["nav_items", "is_nav_line"]

# Separators between a menu's items: pipes, dots, bullets, arrows, brackets; runs of spaces only
# between words in capitals ("HOME  NEWS  SPORT").
_SEPARATOR = re.compile(r"\s*(?:[|·•●▪◦›»>▸►]|\]\s*\[)\s*")
_SPACES = re.compile(r"\s{2,}")
# Separators that only breadcrumbs use ("Home › World › Africa", "Media > Briefings").
_BREADCRUMB = re.compile(r"\s[›»>]\s")
# Marks around an item that are no part of it ("[Facebook]", "▶ Listen").
_ITEM_MARKS = "[]()▶⚠🔔 \t"
_SENTENCE_END = re.compile(r"[a-z]{2,}[.!?]$")


def _split(line: str) -> re.Pattern[str]:
    return _SPACES if line.isupper() and not _SEPARATOR.search(line) else _SEPARATOR


def _items(line: str) -> list[str]:
    return [i.strip(_ITEM_MARKS) for i in _split(line).split(line.strip()) if i.strip(_ITEM_MARKS)]


def _short(item: str) -> bool:
    """A menu item: a few words, or a date or a clock time ("Monday, 5 August 2024 | 08:20")."""
    words = item.split()
    if _SENTENCE_END.search(item):
        return False
    return len(words) <= 3 or (len(words) <= 7 and any(c.isdigit() for c in item))


def is_nav_line(line: str) -> bool:
    """Three or more short items set apart by separators, or a breadcrumb of two or more."""
    items = _items(line)
    if len(items) < 2 or not all(_short(i) for i in items):
        return False
    return len(items) >= 3 or _BREADCRUMB.search(line) is not None


def nav_items(text: str) -> list[tuple[int, int]]:
    """Character ranges of the items of the text's navigation lines, but for an item that holds
    a figure: a dateline's place and date ("Harbourton, 5 May 2024") or a station's frequency
    stays readable."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        if not is_nav_line(line):
            continue
        pos = 0
        for piece in _split(line).split(line):
            at = line.index(piece, pos)
            pos = at + len(piece)
            if piece.strip(_ITEM_MARKS) and not any(c.isdigit() for c in piece):
                out.append((m.start() + at, m.start() + pos))
    return out
