"""Ingest: an article's text -> what analysis reads (``body``) and what the page says about itself.

In: the article's text as read (a ``.txt`` file, or the main text another format gave).
Out: ``TextMeta``: the body, the same length as the text, with the page's furniture blanked by
spaces — the header line (`` date YYYY-MM-DD …``), date and masthead lines, the dateline's date
and agency, bylines, sign-offs and footer junk (follow/read-more/cookie/copyright lines, font
widgets) — so every offset into the body is an offset into the text; and the publication date,
outlet, author and dateline city read from those same places (``outlet`` holds the outlet rules;
``when`` the ways of writing a date, and the last resort for the date: the head's first dated line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from newskg.ingest.outlet import (
    Outlet,
    byline,
    choose,
    clean_name,
    footer_candidates,
    head_candidates,
    issuer,
    signoff,
)
from newskg.ingest.when import DATE_PLAIN, DATE_RX, MONTH_RX, find_dates, head_date
from newskg.models import Span

__all__ = ["TextMeta", "read_text"]

_HEADER = re.compile(r"^[ \t]*(?P<pre>[^\n]*?)\s*\bdate (?P<date>\d{4}-\d{2}-\d{2})\b[^\n]*$", re.M)
_YEARLESS = rf"(?:{MONTH_RX}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_RX})"
_DL_DATE = rf"(?i:{DATE_PLAIN}|{_YEARLESS})"
# "CITY[, Region][, Country][, date] [(Agency)] —", "City, date (AGENCY):", "CITY. date. AGENCY –"
_DATELINE = re.compile(
    r"^(?P<city>[A-ZÀ-Ý][A-ZÀ-Ý'’.\-]+(?: [A-ZÀ-Ý][A-ZÀ-Ý'’.\-]+){0,3}|[A-ZÀ-Ý][a-zà-ÿ'’\-]+(?: [A-ZÀ-Ý][a-zà-ÿ'’\-]+)?)"
    r"(?P<region>(?:,\s*[A-ZÀ-Ý][\w'’.\-]*(?: [A-ZÀ-Ý][\w'’.\-]*){0,2}(?=[,.]?\s*(?:\(|[—–-]|" + _DL_DATE + r"))){0,2})"
    r"(?:[,.]\s*(?P<date>" + _DL_DATE + r")\.?)?"
    r"(?:\s*\((?P<pub>[^(),\n]{2,60})\)|[,.]\s*(?P<pub2>[A-Z][A-Z0-9&]+(?: [A-Z][A-Z0-9&]+){0,3})|\s*/(?P<pub3>[^/\n]{2,40})/)?"
    r"\s*(?:[—–]+|\.?-{1,2}|:|\.(?=\s+[A-Z]))\s",
    re.M,
)
_JUNK_LINE = re.compile(
    r"^[ \t]*(?:Follow (?:us|[^\n]{1,60}?) on\b|Read more\b|Tags?:|Topics:|Subscribe\b|Share(?: this)?\b|SHARE:|"
    r"Advertisement\b|ADVERTISEMENT|Related:|This website uses cookies|We use cookies|Cookies on\b|Copyright\b|©|"
    r"All rights reserved|Sign up\b|Click here\b|Print\b[ \t]*$|Skip to\b|Leave a (?:comment|reply)\b|Comments?\b"
    r"|Join our\b|Watch the\b|Listen to\b|▶|»|→|•)[^\n]*$",
    re.M | re.I,
)
_WIDGET = re.compile(r"\+\s*↺\s*[−-]\s*\d+\s*px")
_REPORTS = re.compile(r"(?:^|[,.]\s+)(?P<name>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}) reports?,?\s+citing\b|,\s+(?P<name2>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}) reports\.")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?:GMT|UTC)(?:[+-]\d{1,2})?)?|\b\d{1,2}\s*[ap]\.?m\.?|\bat\b", re.I)
_META_WORDS = re.compile(r"\b(?:posted|published|updated?|last|on|at|time|local|edition|GMT|UTC|an? \w+ ago|hours? ago)\b|[|·•:,—–()-]", re.I)
# a note above the story: "UPDATE, 7:15 p.m.:", "WEATHER ALERT:", "ADVERTISEMENT:"
_UPDATE_NOTE = re.compile(r"[ \t]*(?:UPDATE[D ,][^:\n]{0,30}|\W?\s*[A-Z][A-Z0-9 .]{2,30}):")
_UPDATED = re.compile(r"\bupdated?\b[^\n]{0,16}$", re.I)


@dataclass(frozen=True)
class TextMeta:
    body: str
    published: date | None = None
    publisher: Outlet | None = None
    author: str | None = None
    dateline: Span | None = None  # the city a dateline names ("KHARKIV, Feb. 11 —")
    candidates: tuple[Outlet, ...] = field(default=(), repr=False)


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def _lines(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def _is_sentence(line: str) -> bool:
    return len(line.split()) > 25 or (len(line.split()) > 10 and line.rstrip().endswith((".", "!", "?", "”", '"')))


def _head_dates(text: str, chars: list[str], head: list[tuple[int, int]]) -> date | None:
    """A date on a short line at the head of the page ("Posted: Jul 19, 2024 11:45 AM",
    "Outlet | Section | 17/12/2024 - 23:58"); a "published" date before an "updated" one.
    Lines that only carry dates, times and such labels are blanked."""
    found: list[tuple[bool, date]] = []
    for start, end in head:
        line = text[start:end]
        dates = find_dates(line)
        if not dates or _is_sentence(line):
            continue
        for d, s, _ in dates:
            found.append((bool(_UPDATED.search(line[:s])), d))
        rest = _TIME.sub(" ", DATE_RX.sub(" ", line))
        rest = _META_WORDS.sub(" ", rest)
        if len(rest.split()) <= 1:
            _blank(chars, start, end)
        else:
            for _, s, e in dates:
                _blank(chars, start + s, start + e)
    first = [d for upd, d in found if not upd] or [d for _, d in found]
    return first[0] if first else None


def read_text(text: str) -> TextMeta:
    """Read the body, date, outlet, author and dateline of one article text."""
    chars = list(text)
    cands: list[Outlet] = []
    published: date | None = None
    author: str | None = None
    head = _HEADER.search(text[:400])
    if head:
        published = date.fromisoformat(head["date"])
        if head["pre"].strip() and len(head["pre"].split()) <= 4:
            cands.append(Outlet(head["pre"].strip(), None, 1.0, "header"))
        _blank(chars, head.start(), head.end())
    lines = _lines("".join(chars))
    head_lines = [(s, e) for s, e in lines[:12] if s < 1500]
    published = published or _head_dates(text, chars, _above_story(text, head_lines[:10]))
    for s, e in head_lines[:8]:
        who, out = byline(text[s:e], s)
        if who or out:
            author = author or who
            cands += [out] if out else []
            _blank(chars, s, e)
    city: Span | None = None
    body = "".join(chars)
    for s, _ in lines[:12]:
        m = _DATELINE.match(body, s)
        if m is None or s > 1500 or not _dateline_ok(m):
            continue
        city = Span(m.start("city"), m.end("city"))
        if m["date"] and published is None:
            published = next(iter(d for d, _, _ in find_dates(m["date"])), None)
        for key in ("pub", "pub2", "pub3"):
            if m[key]:
                cands.insert(0, Outlet(clean_name(m[key]), Span(m.start(key), m.end(key)), 3.0, "dateline"))
        _blank(chars, m.end("city"), m.end())
        break
    cands += head_candidates(text, _above_story(text, head_lines[:6]))
    cands += [c for c in (issuer(text),) if c]
    published = published or _last_line_date(text, lines) or head_date(text)
    cands += _footer(text, chars)
    if not cands:
        rep = _REPORTS.search("".join(chars))
        if rep:
            key = "name" if rep["name"] else "name2"
            cands.append(Outlet(rep[key], Span(rep.start(key), rep.end(key)), 1.0, "reports"))
    for m in _WIDGET.finditer(text):
        _blank(chars, m.start(), m.end())
    return TextMeta("".join(chars), published, choose(cands), author, city, tuple(cands))


def _above_story(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The head lines above the story's first sentence."""
    out = []
    for s, e in lines:
        if _is_sentence(text[s:e]) and not _UPDATE_NOTE.match(text, s):
            break
        out.append((s, e))
    return out


def _dateline_ok(m: re.Match[str]) -> bool:
    """A dateline in capitals stands alone ("ARIHA, Syria —"); one in title case needs a date or
    an agency, or it is the start of a sentence."""
    if m["city"].isupper() and len(m["city"]) > 2:
        return True
    return bool(m["date"] or m["pub"] or m["pub2"] or m["pub3"])


def _last_line_date(text: str, lines: list[tuple[int, int]]) -> date | None:
    """A press release signs off with its date on a line of its own."""
    if not lines:
        return None
    s, e = lines[-1]
    found = find_dates(text[s:e])
    if found and len(text[s:e].split()) <= 5:
        return found[0][0]
    return None


def _footer(text: str, chars: list[str]) -> list[Outlet]:
    """Blank junk lines and read the outlets that footer lines and the sign-off name."""
    body = "".join(chars)
    lines = _lines(body)
    out: list[Outlet] = []
    read_more, prev = False, 0
    for start, end in lines:
        line = body[start:end]
        read_more = read_more and body.count("\n", prev, start) <= 1  # a list ends at a blank line
        prev = end
        if read_more and len(line.split()) <= 14 and not line.rstrip().endswith("."):
            _blank(chars, start, end)
            continue
        read_more = bool(re.match(r"\s*(?:Read more|Related|More from [^\n]*|Most read):?\s*$", line, re.I))
        found = footer_candidates(line, start) if start > len(body) // 3 or _JUNK_LINE.match(line) else []
        out += found
        if _JUNK_LINE.match(line):
            _blank(chars, start, end)
    rest = "".join(chars)
    tail = _lines(rest)
    if len(tail) > 1:
        s, e = tail[-1]
        who, by = byline(rest[s:e], s)
        sign = [by] if by else signoff(rest[s:e], s)
        if sign or who:
            out = sign + out
            _blank(chars, s, e)
    return out
