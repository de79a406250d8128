"""Ingest: one text with the metadata its source gave -> an ``Article``.

In: a ``Record`` (text and given metadata) and where it came from. Out: an ``Article`` whose
``text`` is the analysis text (``normal``), ``body`` that text with the page's furniture blanked
(``text``), and the metadata: what the source gave wins over what the text suggests (a dateline
date, a masthead outlet), and is kept (URL, headline, author, outlet, date). An article without
any date gets a warning: its relative dates ("on Friday") cannot be resolved.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from newskg.ingest.files import IngestError
from newskg.ingest.ids import canonical_url, content_hash, path_id, url_id
from newskg.ingest.normal import normalise
from newskg.ingest.outlet import clean_name, outlet_key
from newskg.ingest.records import Record
from newskg.ingest.text import read_text
from newskg.ingest.when import parse_date
from newskg.models import Article

__all__ = ["make_article"]


def make_article(record: Record, relative: PurePosixPath, source: str, fmt: str, many: bool) -> Article:
    """The article of one record; ``many``: the file holds several, so its id needs the content hash.

    Raises:
        IngestError: the text is empty.
    """
    raw = record.text
    if record.html:
        from newskg.ingest.html import fragment_text

        raw = fragment_text(raw)
    norm = normalise(raw)
    if not norm.text.strip():
        raise IngestError(f"{source}: empty article")
    meta = read_text(norm.text)
    digest = content_hash(norm.text)
    url = canonical_url(record.url) if record.url else None
    aid = (url_id(url) if url else None) or path_id(relative, digest if many else None)
    published = parse_date(record.published) or meta.published
    guessed = meta.publisher
    publisher, span = (guessed.name, guessed.span) if guessed else (None, None)
    if record.publisher:
        given = clean_name(record.publisher)
        same = [c for c in meta.candidates if outlet_key(c.name) == outlet_key(given) and c.span is not None]
        publisher, span = given, (same[0].span if same else None)
    warnings = () if published else (f"{source}: no publication date; its relative dates stay unresolved",)
    return Article(
        id=aid, source=source, text=norm.text, body=meta.body, published=published, publisher=publisher,
        publisher_span=span, dateline=meta.dateline, url=url or (record.url or None), title=record.title,
        author=record.author or meta.author, fmt=fmt, digest=digest, shifts=norm.shifts,
        original=None if fmt == "text" else raw, warnings=warnings,
    )
