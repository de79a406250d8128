"""Ingest: calendar dates as news pages write them -> ``datetime.date`` with their offsets.

Used by every input format to read a publication date from a header, a dateline, a byline line or
a page's metadata, and, when none of those places gave one, from the first head line that carries
a date (``head_date``). Each way of writing a date is one table row (a regular expression with named
groups ``d``, ``m`` or ``mon``, ``y``); a date needs its year, since a page that gives only
"May 26" does not say which May. Numeric dates are read day first ("21.02.2024", "17/12/2024")
unless the first number cannot be a month's day order ("12/31/2024" is read month first).
"""

from __future__ import annotations

import re
from datetime import date

__all__ = ["DATE_PLAIN", "DATE_RX", "MONTH_RX", "find_dates", "head_date", "parse_date"]

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
MONTH_RX = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_MON = rf"(?P<mon>{MONTH_RX})"
_ORD = r"(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"

# one row per way of writing a date; the first row that matches at a position wins
ROWS: tuple[tuple[str, str], ...] = (
    ("iso", r"(?<![\d.])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d])"),
    ("numeric", r"(?<![\d./])(?P<d>\d{1,2})[./-](?P<m>\d{1,2})[./-](?P<y>\d{4})(?![\d])"),
    ("month day year", rf"{_WEEKDAY}{_MON}\s+(?P<d>\d{{1,2}}){_ORD}(?:,?\s+|/)(?P<y>\d{{4}})(?!\d)"),
    ("day month year", rf"{_WEEKDAY}(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?{_MON},?\s+(?P<y>\d{{4}})(?!\d)"),
)
DATE_RX = re.compile("|".join(f"(?:{rx.replace('?P<', f'?P<r{i}_')})" for i, (_, rx) in enumerate(ROWS)), re.I)
DATE_PLAIN = re.sub(r"\(\?P<\w+>", "(?:", DATE_RX.pattern)  # the same without groups, to embed


def _value(m: re.Match[str]) -> date | None:
    row = int(next(k for k, v in m.groupdict().items() if v is not None)[1:].split("_", 1)[0])
    got = {k.split("_", 1)[1]: v for k, v in m.groupdict().items() if v is not None}
    try:
        year, day = int(got["y"]), int(got["d"])
        month = MONTHS[got["mon"][:3].lower()] if "mon" in got else int(got["m"])
        if ROWS[row][0] == "numeric" and month > 12 >= day:
            day, month = month, day  # 12/31/2024: month first
        if not 1900 <= year <= 2100:
            return None
        return date(year, month, day)
    except (KeyError, ValueError):
        return None


def find_dates(text: str) -> list[tuple[date, int, int]]:
    """Every full date in ``text`` with its character span, in order.

    >>> [d.isoformat() for d, _, _ in find_dates("Posted Tue 10 Sep 2024 at 4:15pm")]
    ['2024-09-10']
    """
    out = []
    for m in DATE_RX.finditer(text):
        value = _value(m)
        if value is not None:
            out.append((value, m.start(), m.end()))
    return out


def parse_date(text: str | None) -> date | None:
    """The first full date in ``text``, or an ISO 8601 timestamp's date; ``None`` if there is none."""
    if not text:
        return None
    found = find_dates(text)
    return found[0][0] if found else None


HEAD_CHARS = 1500  # how far into a page the title, byline, timestamp and dateline reach
# A dateline's lead: capitalised words and commas before the date ("KANO, Nigeria, June 2, 2025").
_DATELINE_LEAD = re.compile(r"^[ \t]*(?:[A-ZÀ-Ý][\w'’.-]*,?\s+){0,5}$")
_NOT_DATELINE = frozenset("on in at by since until from before after during".split())


def _in_head_line(line: str, start: int) -> bool:
    """Is a date at ``start`` of ``line`` the page's (a short line of its own, a byline, a
    dateline's lead), not a date inside the story's sentences?"""
    if len(line.split()) <= 20 and not line.rstrip().endswith("."):
        return True
    lead = line[:start].split()
    first = lead[0].lower().strip(",") if lead else ""
    return start <= 60 and bool(_DATELINE_LEAD.match(line[:start])) and first not in _NOT_DATELINE


def head_date(text: str) -> date | None:
    """The first full date of a page's head on a line of its own, a byline line or a dateline.

    >>> head_date("Updated: Oct 15, 2024, 11:20 GMT\\n\\nTwo people were hurt on Monday.")
    datetime.date(2024, 10, 15)
    """
    for line in text[:HEAD_CHARS].splitlines():
        for found, start, _ in find_dates(line):
            if _in_head_line(line, start):
                return found
    return None
