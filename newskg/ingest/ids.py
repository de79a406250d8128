"""Ingest: an article's identity -> its id (the last part of its IRI) and its content hash.

In: the article's URL when its source gives one, else its path relative to the input root (and,
for a file of many records, the record's content hash); its analysis text. Out: an id that is
the same for the same article on every run and different for different articles: letters and
digits of any script are kept, every other character is percent-encoded (so "a b" and "a-b" stay
apart), and a content hash with which the same text under another name is recognised.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import PurePosixPath
from urllib.parse import urlsplit

__all__ = ["content_hash", "path_id", "url_id", "canonical_url"]


def _encode(text: str, safe: str = "-._~/") -> str:
    out = []
    for c in text:
        if c.isalnum() or c in safe:
            out.append(c)
        else:
            out.append("".join(f"%{b:02X}" for b in c.encode("utf-8")))
    return "".join(out)


def canonical_url(url: str) -> str | None:
    """The URL without fragment, default port or upper-case host; ``None`` if it is no web URL."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        return None
    host = parts.hostname.lower()
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    path = parts.path.rstrip("/") or ""
    query = f"?{parts.query}" if parts.query else ""
    return f"https://{host}{path}{query}"


def url_id(url: str) -> str | None:
    """``web/<host><path>[?query]``, one id for ``http``/``https`` and with or without a trailing slash.

    >>> url_id("https://News.example.org/2024/05/a story/#top")
    'web/news.example.org/2024/05/a%20story'
    """
    canon = canonical_url(url)
    if canon is None:
        return None
    rest = canon.split("://", 1)[1]
    return "web/" + _encode(rest, safe="-._~/=&")


def path_id(relative: PurePosixPath, record_hash: str | None = None) -> str:
    """The relative path, ``.txt`` dropped (``a/report.txt`` → ``a/report``), other suffixes kept;
    a record of a many-article file adds its content hash (``feeds/day.jsonl/3f2a…``)."""
    name = str(relative)
    if name.endswith(".txt"):
        name = name[:-4]
    name = _encode(name).strip("/") or "article"
    name = re.sub(r"(^|/)\.(?=/|$)", r"\1%2E", name)  # "." and ".." are no path segments here
    name = re.sub(r"(^|/)\.\.(?=/|$)", r"\1%2E%2E", name)
    return f"{name}/{record_hash[:12]}" if record_hash else name


def content_hash(text: str) -> str:
    """SHA-256 of the text with its whitespace folded (line endings and trailing spaces do not count)."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()
