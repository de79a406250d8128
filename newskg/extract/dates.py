"""Dates: resolve the date phrases of news English against the publication date.

"on Friday" is the last Friday on or before publication; "yesterday", "late on Saturday",
"on the morning of June 4, 2021", "on the same day", "two days after" (relative to an event
already dated). Absolute dates are parsed with dateparser.

The publication date is ingest's (``newskg.ingest.when``); here ``head_end`` tells where the
story begins after the title, byline, timestamps and dateline, whose dates are not the story's.
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
# Hours apart from an event already dated: the same day ("an hour later", "hours earlier",
# "later that day", "that night").
_SAME_DAY = re.compile(r"\b(?:(?:an?|one|two|three|four|five|six|several|a few|\d+)\s+(?:hours?|minutes?)\s+(?:later|earlier)"
                       r"|hours\s+(?:later|earlier)|later (?:that|the same) (?:day|night|evening|morning|afternoon)"
                       r"|(?:that|the same) (?:night|evening|afternoon))\b", re.I)
_DAYS_AFTER = re.compile(r"\b(?P<n>\w+) days? (?P<dir>after|before|earlier|later)\b", re.I)


_MONTH_WORD = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
               r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?")
HEAD_CHARS = 1500  # how far into the article the header, byline and dateline reach


_LEAD_CUT = re.compile(r"\s[—–]+\s|\s-{1,2}\s|:\s|\)\s*[—–-]+\s")
_LEAD_WORD = re.compile(r"^(?:[A-ZÀ-Ý\d(]|" + _MONTH_WORD + r"$)", re.I)
_PROSE_END = re.compile(r"[.!?\"”’)]\s*$")


def dateline_end(paragraph: str) -> int:
    """Where a dateline ends in a paragraph ("KANO, Nigeria, June 2, 2025 (Agency) — ", "PASIR MAS: "), else 0."""
    cut = _LEAD_CUT.search(paragraph[:110])
    if cut is None or cut.start() == 0:
        return 0
    lead = re.sub(r"\([^()]*\)?", " ", paragraph[:cut.start() + 1])
    words = [w for w in re.split(r"[\s,.]+", lead) if w]
    if not words or not all(_LEAD_WORD.match(w) or re.fullmatch(r"\d+(?:st|nd|rd|th)?", w) for w in words):
        return 0
    if not words[0][0].isupper() or len(words) > 9:
        return 0
    return cut.end()


def head_end(text: str) -> int:
    """Where the story begins: after the title, byline, timestamp lines and the dateline.

    The first paragraph that reads as prose (eight words or more, ending as a sentence ends)
    opens the story; a dateline at its start still belongs to the head. 0 when no such paragraph
    is found near the top.

    >>> head_end("Storm hits coast\\nBy Ana Ruiz | May 2, 2022\\n\\nLISBOA — Two people died when a tree fell on their car in the old town.")
    53
    """
    for m in re.finditer(r"[^\n]+", text[:2 * HEAD_CHARS]):
        line = m.group()
        if len(line.split()) >= 8 and _PROSE_END.search(line):
            return m.start() + dateline_end(line)
    return 0


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
    if anchor is not None and _SAME_DAY.search(text) and not _WEEKDAY.search(text):
        return anchor, True
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
