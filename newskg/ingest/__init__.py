"""Ingest: files -> ``Article``s, whatever form the news came in.

``read_articles`` walks the paths given (``files``: regular files only, contained in their
folders, under a size cap), reads each by its format — plain text, a saved HTML page (``html``),
JSON Lines/JSON/CSV exports and RSS/Atom feeds (``records``), WARC archives (``archive``) — and
makes one ``Article`` per text (``assemble``); a bad file or record gives one ``IngestError`` in
its place and the rest goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath

from newskg.ingest.assemble import make_article
from newskg.ingest.files import DEFAULT_MAX_BYTES, SUFFIXES, IngestError, InputFile, iter_files, read_bytes
from newskg.ingest.records import Record, RecordError
from newskg.models import Article

__all__ = ["DEFAULT_MAX_BYTES", "SUFFIXES", "IngestError", "read_article", "read_articles"]


def _decode(data: bytes, path: Path) -> str:
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IngestError(f"{path}: binary file, not a text article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(f"{path}: not UTF-8 text (byte {exc.start})") from exc


def _records(item: InputFile, data: bytes, max_bytes: int) -> Iterator[Record | RecordError]:
    from newskg.ingest import records

    if item.fmt == "html":
        from newskg.ingest.html import read_page

        page = read_page(data)
        yield page if page is not None else RecordError("no main text found in the page")
    elif item.fmt == "warc":
        from newskg.ingest.archive import read_warc

        yield from read_warc(data)
    elif item.fmt == "feed":
        yield from records.read_feed(data)
    elif item.fmt == "jsonl":
        yield from records.read_jsonl(_decode(data, item.path))
    elif item.fmt == "json":
        yield from records.read_json(_decode(data, item.path))
    elif item.fmt == "csv":
        yield from records.read_csv(_decode(data, item.path), max_bytes)
    else:
        yield Record(text=_decode(data, item.path))


def _read_file(item: InputFile, max_bytes: int) -> Iterator[Article | IngestError]:
    data = read_bytes(item, max_bytes)
    if not data.strip():
        raise IngestError(f"{item.path}: empty article")
    many = item.fmt in {"jsonl", "json", "csv", "feed", "warc"}
    for rec in _records(item, data, max_bytes):
        if isinstance(rec, RecordError):
            yield IngestError(f"{item.path}: {rec}" if many or item.fmt == "html" else str(rec))
            continue
        source = f"{item.relative}" + (f" {rec.where}" if many and rec.where else "")
        try:
            yield make_article(rec, item.relative, source, item.fmt, many)
        except IngestError as exc:
            reason = str(exc).rsplit(": ", 1)[-1]
            yield IngestError(f"{item.path} {rec.where}: {reason}" if many else f"{item.path}: {reason}")


def read_articles(paths: Iterable[Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | IngestError]:
    """Every article under ``paths``; a file or record that fails gives an ``IngestError`` in its place."""
    for item in iter_files(paths):
        if isinstance(item, IngestError):
            yield item
            continue
        try:
            yield from _read_file(item, max_bytes)
        except IngestError as exc:
            yield exc


def read_article(path: Path, text: str | None = None) -> Article:
    """One plain-text article from a file (or from ``text``, said to come from ``path``).

    Raises:
        IngestError: the file cannot be read, or is binary, not UTF-8 or empty.
    """
    if text is None:
        item = InputFile(path, PurePosixPath(path.name), "text", follow=True)
        text = _decode(read_bytes(item), path)
    if not text.strip():
        raise IngestError(f"{path}: empty article")
    return make_article(Record(text=text), PurePosixPath(path.name), str(path), "text", many=False)
