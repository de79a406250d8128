"""Ingest: article files -> ``Article``.

Reads UTF-8 ``.txt`` news articles, recognises the header line (`` date YYYY-MM-DD …``),
mastheads, datelines, sign-offs and other site junk (font-size widgets, "Follow us…",
"Read more:" lists, cookie banners, tags), and keeps them out of the text that is analysed by
blanking them with spaces, so every character offset still points into the original file.
The publication date and the publisher are read from the same places.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import dateparser

from newskg.models import Article, Span

__all__ = ["IngestError", "iter_paths", "read_article", "read_articles", "article_id"]


class IngestError(ValueError):
    """A file that cannot be read as an article; the message is one line for the user."""


_HEADER = re.compile(r"^[ \t]*(?P<pre>[^\n]*?)\s*\bdate (?P<date>\d{4}-\d{2}-\d{2})\b[^\n]*$", re.M)
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?"
_DATE_TEXT = rf"(?:{_DAY},?\s+)?(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}})"
_DATE_LINE = re.compile(rf"^[ \t]*(?P<date>{_DATE_TEXT})[ \t]*$", re.M)
_MASTHEAD = re.compile(rf"^[ \t]*(?P<name>[^|\n]{{2,60}}?)\s*\|\s*(?P<date>{_DATE_TEXT})[^\n]*$", re.M)
_DATELINE = re.compile(
    rf"^(?P<city>[A-ZÀ-Ý][A-ZÀ-Ý'.\- ]{{1,40}}?)(?:,\s*(?P<date>{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}}))?"
    r"(?:\s*\((?P<pub>[^()\n]{2,60})\))?\s*[—–-]+\s",
    re.M,
)
_JUNK_LINE = re.compile(
    r"^[ \t]*(?:Follow (?:us|[^\n]{1,60}?) on\b|Read more:?|Tags?:|Subscribe to\b|Share(?: this)?\b|"
    r"Advertisement\b|Related:|This website uses cookies|Copyright\b|©|All rights reserved|"
    r"Sign up\b|Click here\b|Print\b[ \t]*$)[^\n]*$",
    re.M | re.I,
)
_WIDGET = re.compile(r"\+\s*↺\s*[−-]\s*\d+\s*px")
_FOLLOW_NAME = re.compile(r"^[ \t]*Follow (?!us\b)(?P<name>[^\n]{2,60}?) on\b", re.M)
_SUBSCRIBE = re.compile(r"^[ \t]*Subscribe to (?:the |our )?(?P<name>[^\n]{2,60}?) newsletter", re.M | re.I)
_COPYRIGHT = re.compile(r"^[ \t]*(?:Copyright\s*)?©\s*(?:\d{4}\s+)?(?P<name>[^.\n]{2,60}?)\.?(?:\s+All rights reserved\.?)?[ \t]*$", re.M | re.I)
_REPORTS = re.compile(r"(?:^|[,.]\s+)(?P<name>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}) reports?,?\s+citing\b|,\s+(?P<name2>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}) reports\.")
_SIGNOFF = re.compile(r"^[ \t]*(?:[—–-]+\s*|\()?(?P<name>[A-Z][\w.’'&-]*(?:\s+[\w.’'&-]+){0,4}?)\)?[ \t]*$")


@dataclass(frozen=True)
class _Found:
    publisher: str | None = None
    span: Span | None = None


def article_id(path: Path) -> str:
    """A stable id for an article file: its name without suffix, IRI-safe."""
    stem = unicodedata.normalize("NFKD", path.stem).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", stem).strip("-")
    return slug or "article"


def iter_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Expand files and folders into article files, in a stable order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.txt") if p.is_file())
        elif path.exists():
            yield path
        else:
            raise IngestError(f"{path}: no such file or folder")


def _decode(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"{path}: cannot read ({exc.strerror})") from exc
    if b"\x00" in raw[:8192]:
        raise IngestError(f"{path}: binary file, not a text article")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(f"{path}: not UTF-8 text (byte {exc.start})") from exc
    if not text.strip():
        raise IngestError(f"{path}: empty article")
    return unicodedata.normalize("NFC", text) if not unicodedata.is_normalized("NFC", text) else text


def _parse_date(text: str) -> date | None:
    parsed = dateparser.parse(text, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})
    return parsed.date() if parsed else None


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def _clean_name(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip(" .()—–-")


def read_article(path: Path, text: str | None = None) -> Article:
    """Read one article file (or given text) into an ``Article``.

    Raises:
        IngestError: the file is missing, binary, not UTF-8 or empty.
    """
    text = _decode(path) if text is None else text
    if not text.strip():
        raise IngestError(f"{path}: empty article")
    chars = list(text)
    published: date | None = None
    found = _Found()
    header_pre: tuple[str, int] | None = None

    head = _HEADER.search(text[:400])
    if head:
        published = date.fromisoformat(head["date"])
        if head["pre"].strip():
            header_pre = (_clean_name(head["pre"]), head.start("pre"))
        _blank(chars, head.start(), head.end())
    for m in _MASTHEAD.finditer(text[:600]):
        published = published or _parse_date(m["date"])
        found = _Found(_clean_name(m["name"]), Span(m.start("name"), m.start("name") + len(m["name"].strip())))
        _blank(chars, m.start(), m.end())
    for m in _DATE_LINE.finditer(text[:600]):
        published = published or _parse_date(m["date"])
        _blank(chars, m.start(), m.end())
    dateline = _DATELINE.search("".join(chars))
    city: Span | None = None
    if dateline and dateline.start() < 800:
        city = Span(dateline.start("city"), dateline.start("city") + len(dateline["city"].rstrip()))
        if dateline["date"]:
            published = published or _parse_date(dateline["date"])
        if dateline["pub"] and not found.publisher:
            found = _Found(_clean_name(dateline["pub"]), Span(dateline.start("pub"), dateline.end("pub")))
        _blank(chars, dateline.end("city"), dateline.end())
    found = _footer(text, chars, found)
    if not found.publisher:
        rep = _REPORTS.search("".join(chars))
        if rep:
            key = "name" if rep["name"] else "name2"
            found = _Found(rep[key], Span(rep.start(key), rep.end(key)))
    if not found.publisher and header_pre and len(header_pre[0].split()) <= 4:
        found = _Found(header_pre[0], None)
    for m in _WIDGET.finditer(text):
        _blank(chars, m.start(), m.end())
    return Article(
        id=article_id(path), source=path.name, text=text, body="".join(chars),
        published=published, publisher=found.publisher, publisher_span=found.span, dateline=city,
    )


def _footer(text: str, chars: list[str], found: _Found) -> _Found:
    """Blank junk lines; read the publisher from sign-offs, copyright and follow lines."""
    body = "".join(chars)
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", body)]
    read_more = False
    candidates: list[_Found] = []
    for start, end in lines:
        line = body[start:end]
        if read_more and len(line.split()) <= 14 and not line.rstrip().endswith("."):
            _blank(chars, start, end)
            continue
        read_more = bool(re.match(r"\s*Read more:?\s*$", line, re.I))
        if _JUNK_LINE.match(line):
            for rx in (_FOLLOW_NAME, _SUBSCRIBE, _COPYRIGHT):
                m = rx.match(line)
                if m and not m["name"].lower().startswith(("us ", "twitter", "telegram")):
                    name = _clean_name(m["name"])
                    candidates.append(_Found(name, Span(start + m.start("name"), start + m.start("name") + len(name))))
                    break
            _blank(chars, start, end)
    # the sign-off: the last line that is left, short and shaped like a name
    rest = "".join(chars)
    tail = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", rest) if m.group().strip()]
    if tail:
        s, e = tail[-1]
        m = _SIGNOFF.match(rest[s:e])
        if m and len(tail) > 1 and not rest[s:e].rstrip().endswith((".", ":", "!", "?")):
            name = _clean_name(m["name"])
            candidates.insert(0, _Found(name, Span(s + m.start("name"), s + m.start("name") + len(m["name"]))))
            _blank(chars, s, e)
    if found.publisher:
        return found
    return candidates[0] if candidates else found


def read_articles(paths: Iterable[Path]) -> Iterator[Article | IngestError]:
    """Read every article under ``paths``; a file that fails gives an ``IngestError`` in its place."""
    for path in iter_paths(paths):
        try:
            yield read_article(path)
        except IngestError as exc:
            yield exc
