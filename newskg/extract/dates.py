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
from newskg.ingest.when import find_dates

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = "january february march april may june july august september october november december".split()
# A month as news English writes it in a date: in full or cut short ("Mar. 12", "Sept. 9").
_MONTH_IN_DATE = (r"(?:" + "|".join(_MONTHS) + r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?")
_ABS = re.compile(
    r"\b(?:(?:the\s+)?(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>" + _MONTH_IN_DATE + r")(?:,?\s+(?P<y1>\d{4}))?"
    r"|(?P<m2>" + _MONTH_IN_DATE + r")\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y2>\d{4}))?)(?![\w-])",
    re.I,
)
_WEEKDAY = re.compile(r"\b(?:on|last|late on|early on|since|from|by)?\s*(?:the\s+)?(?:(?:morning|afternoon|evening|night)\s+of\s+)?"
                      r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
_RELATIVE = re.compile(r"\b(?P<rel>the day before yesterday|yesterday|today|the day before|the previous day|last night|"
                       r"this (?:morning|afternoon|evening)|tonight|on the same day)\b", re.I)
# Days counted back from the publication: "two days ago".
_DAYS_AGO = re.compile(r"\b(?P<n>\w+) days ago\b", re.I)
# A night told without its day is the night before the story: "gunmen attacked the village overnight";
# "overnight into Sunday" is the night before that Sunday.
_OVERNIGHT = re.compile(r"\bovernight\b(?:\s+(?:into|to)\s+(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)?", re.I)
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
    """The first calendar date of a clause: "on 12 March", "Mar. 12", "the 12th of March", "12.03.2024"."""
    full = find_dates(text)  # numeric and ISO dates, with their year
    m = _ABS.search(text)
    if full and (m is None or full[0][1] <= m.start()):
        return full[0][0]
    if not m:
        return None
    day = m["d1"] or m["d2"]
    month = next(name for name in _MONTHS if name.startswith((m["m1"] or m["m2"]).lower().rstrip(".")[:3]))
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
        if word in {"today", "tonight"} or word.startswith("this "):
            return published, False
        return published - timedelta(days=2 if word == "the day before yesterday" else 1), False
    ago = _DAYS_AGO.search(text)
    n = _count(ago["n"]) if ago else None
    if n and published is not None:
        return published - timedelta(days=n), False
    if anchor is not None and _SAME_DAY.search(text) and not _WEEKDAY.search(text):
        return anchor, True
    after = _DAYS_AFTER.search(text)
    if after and anchor is not None:
        n = _count(after["n"])
        if n:
            # "came two days after X" / "two days earlier, X": X is n days before the anchor
            sign = 1 if after["dir"].lower() == "later" else -1
            return anchor + timedelta(days=sign * n), True
    night = _OVERNIGHT.search(text)
    if night and night["wd"] and published is not None:
        return resolve_weekday(night["wd"], published) - timedelta(days=1), False
    wd = _WEEKDAY.search(text)
    if wd and published is not None:
        return resolve_weekday(wd["wd"], published), False
    if night and published is not None:
        return published - timedelta(days=1), False
    return None, False


def _count(word: str) -> int | None:
    return NUMBER_WORDS.get(word.lower()) or (int(word) if word.isdigit() else None)
