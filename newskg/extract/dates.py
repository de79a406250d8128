"""Dates: resolve the date phrases of news English against the publication date.

"on Friday" is the last Friday on or before publication; "yesterday", "late on Saturday",
"on the morning of June 4, 2021", "on the same day", "two days after" (relative to an event
already dated). Absolute dates are parsed with dateparser.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import dateparser

from newskg.extract.lexicon import NUMBER_WORDS

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = "january february march april may june july august september october november december".split()
_ABS = re.compile(
    r"\b(?:(?P<d1>\d{1,2})\s+(?P<m1>" + "|".join(_MONTHS) + r")(?:,?\s+(?P<y1>\d{4}))?"
    r"|(?P<m2>" + "|".join(_MONTHS) + r")\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y2>\d{4}))?)\b",
    re.I,
)
_WEEKDAY = re.compile(r"\b(?:on|last|late on|early on|since|from|by)?\s*(?:the\s+)?(?:(?:morning|afternoon|evening|night)\s+of\s+)?"
                      r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
_RELATIVE = re.compile(r"\b(?P<rel>yesterday|today|the day before|the previous day|last night|this morning|tonight|on the same day)\b", re.I)
_DAYS_AFTER = re.compile(r"\b(?P<n>\w+) days? (?P<dir>after|before|earlier|later)\b", re.I)


def resolve_weekday(weekday: str, published: date) -> date:
    """The last such weekday on or before the publication date."""
    target = WEEKDAYS.index(weekday.lower())
    return published - timedelta(days=(published.weekday() - target) % 7)


def absolute_date(text: str, published: date | None) -> date | None:
    m = _ABS.search(text)
    if not m:
        return None
    day = m["d1"] or m["d2"]
    month = m["m1"] or m["m2"]
    year = m["y1"] or m["y2"]
    if year is None:
        if published is None:
            return None
        year = str(published.year)
    parsed = dateparser.parse(f"{day} {month} {year}", languages=["en"], settings={"DATE_ORDER": "DMY"})
    if parsed is None:
        return None
    found = parsed.date()
    if published is not None and m["y1"] is None and m["y2"] is None and found > published:
        found = found.replace(year=found.year - 1)
    return found


def find_date(text: str, published: date | None, anchor: date | None = None) -> tuple[date | None, bool]:
    """The date a clause states, and whether it was relative to ``anchor`` (an earlier event).

    >>> find_date("on Friday", date(2024, 2, 11))
    (datetime.date(2024, 2, 9), False)
    """
    found = absolute_date(text, published)
    if found:
        return found, False
    rel = _RELATIVE.search(text)
    if rel:
        word = rel["rel"].lower()
        if word == "on the same day":
            return anchor, True
        if published is None:
            return None, False
        if word in {"today", "this morning", "tonight"}:
            return published, False
        return published - timedelta(days=1), False
    after = _DAYS_AFTER.search(text)
    if after and anchor is not None:
        n = NUMBER_WORDS.get(after["n"].lower()) or (int(after["n"]) if after["n"].isdigit() else None)
        if n:
            # "came two days after X" / "two days earlier, X": X is n days before the anchor
            sign = 1 if after["dir"].lower() == "later" else -1
            return anchor + timedelta(days=sign * n), True
    wd = _WEEKDAY.search(text)
    if wd and published is not None:
        return resolve_weekday(wd["wd"], published), False
    return None, False
