"""Ingest: exports and feeds -> one ``Record`` per article.

In: the bytes of a JSON Lines, JSON or CSV export (what scrapers and news APIs write) or of an
RSS/Atom feed. Out: ``Record``s (text and the metadata given with it), or an ``IngestError`` per
record that cannot be read, so one bad line costs one article.

Fields (names compared without case; the first present wins):

| field | names |
|---|---|
| text | text, content, body, article, articleBody, full_text, maintext |
| title | title, headline |
| URL | url, link, uri, canonical_url |
| date | published, date, datePublished, published_at, pubDate, publication_date, date_publish |
| outlet | publisher, source, site, site_name, sitename, outlet, source_name |
| author | author, authors, byline, creator |

A ``source``/``publisher`` given as an object uses its ``name``; a list of authors is joined.
Feeds (feedparser) give an item's full content (``content:encoded``, Atom ``content``), else its
summary; the feed's own title names the outlet. Feeds are parsed from bytes (nothing is fetched)
and an entity declared in the feed is left unresolved.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

__all__ = ["Record", "read_jsonl", "read_json", "read_csv", "read_feed", "FIELDS"]


class RecordError(ValueError):
    """One record that cannot be read; ``where`` says which."""


@dataclass(frozen=True)
class Record:
    text: str
    where: str = ""  # "line 3", "row 2", "item 4", a WARC record's URL: for messages
    url: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None
    publisher: str | None = None
    html: bool = False  # the text is HTML markup


FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body", "article", "articlebody", "full_text", "maintext"),
    "title": ("title", "headline"),
    "url": ("url", "link", "uri", "canonical_url"),
    "published": ("published", "date", "datepublished", "published_at", "pubdate", "publication_date", "date_publish"),
    "publisher": ("publisher", "source", "site", "site_name", "sitename", "outlet", "source_name"),
    "author": ("author", "authors", "byline", "creator"),
}


def _value(v: Any) -> str | None:
    if isinstance(v, dict):
        v = v.get("name") or v.get("title") or v.get("@value")
    if isinstance(v, list):
        parts = [p for p in (_value(x) for x in v) if p]
        return ", ".join(parts) if parts else None
    if v is None or isinstance(v, bool):
        return None
    text = str(v).strip()
    return text or None


def from_mapping(obj: dict[str, Any], where: str) -> Record:
    """A record from one JSON object or CSV row."""
    from newskg.ingest.html import looks_like_html

    low = {str(k).strip().lower(): v for k, v in obj.items()}
    got = {field: next((_value(low[n]) for n in names if n in low and _value(low[n])), None) for field, names in FIELDS.items()}
    text = got.pop("text")
    if not text:
        raise RecordError(f"{where}: no text (a field named {', '.join(FIELDS['text'][:3])})")
    return Record(text=text, where=where, html=looks_like_html(text), **got)


def read_jsonl(data: str) -> Iterator[Record | RecordError]:
    for n, line in enumerate(data.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield RecordError(f"line {n}: not JSON ({exc.msg})")
            continue
        yield _from_object(obj, f"line {n}")


def read_json(data: str) -> Iterator[Record | RecordError]:
    """One object, a list of objects, or an object holding one list of them ("articles", "items"…)."""
    try:
        obj = json.loads(data)
    except json.JSONDecodeError as exc:
        yield RecordError(f"not JSON ({exc.msg} at line {exc.lineno})")
        return
    if isinstance(obj, dict) and not any(k.lower() in FIELDS["text"] for k in obj):
        lists = [v for v in obj.values() if isinstance(v, list)]
        obj = lists[0] if len(lists) == 1 else obj
    items = obj if isinstance(obj, list) else [obj]
    for n, item in enumerate(items, 1):
        yield _from_object(item, f"item {n}")


def _from_object(obj: object, where: str) -> Record | RecordError:
    """A parsed JSON value as a record, or the error saying why it is not one."""
    if not isinstance(obj, dict):
        return RecordError(f"{where}: not a JSON object")
    try:
        return from_mapping(obj, where)
    except RecordError as exc:
        return exc


def read_csv(data: str, max_field: int) -> Iterator[Record | RecordError]:
    csv.field_size_limit(max(max_field, 131072))
    try:
        reader = csv.DictReader(io.StringIO(data, newline=""))
        if not reader.fieldnames or not any(f and f.strip().lower() in FIELDS["text"] for f in reader.fieldnames):
            yield RecordError(f"no text column (one of {', '.join(FIELDS['text'][:3])})")
            return
        for n, row in enumerate(reader, 2):
            try:
                yield from_mapping({k: v for k, v in row.items() if k is not None}, f"row {n}")
            except RecordError as exc:
                yield exc
    except csv.Error as exc:
        yield RecordError(f"not CSV ({exc})")


def read_feed(data: bytes) -> Iterator[Record | RecordError]:
    import feedparser

    parsed = feedparser.parse(data, resolve_relative_uris=False, sanitize_html=True)
    if not parsed.get("version") and not parsed.entries:
        yield RecordError(f"not an RSS or Atom feed ({parsed.get('bozo_exception') or 'no items'})")
        return
    outlet = _feed_outlet(parsed.feed.get("title"))
    for n, entry in enumerate(parsed.entries, 1):
        contents = entry.get("content") or []
        body = max((c.get("value", "") for c in contents), key=len, default="") or entry.get("summary", "")
        if not body.strip():
            yield RecordError(f"item {n}: no content")
            continue
        author = entry.get("author_detail", {}).get("name") or entry.get("author")
        yield Record(text=body, where=f"item {n}", url=entry.get("link"), title=entry.get("title"),
                     author=author, published=entry.get("published") or entry.get("updated"),
                     publisher=outlet, html=True)


def _feed_outlet(title: str | None) -> str | None:
    """A feed's title names the outlet, often with a section after a separator ("Outlet - World")."""
    if not title:
        return None
    import re

    from newskg.ingest.outlet import clean_name

    return clean_name(re.split(r"\s+[-–—|:»]\s+", title.strip(), maxsplit=1)[0]) or None
