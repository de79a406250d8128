"""Ingest: paths -> ``Article``s, one per input file (plain text for now)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from newskg.ingest.text import read_text
from newskg.models import Article

__all__ = ["IngestError", "iter_paths", "read_article", "read_articles", "article_id"]


class IngestError(ValueError):
    """A file that cannot be read as an article; the message is one line for the user."""


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


def read_article(path: Path, text: str | None = None) -> Article:
    """Read one article file (or given text) into an ``Article``.

    Raises:
        IngestError: the file is missing, binary, not UTF-8 or empty.
    """
    text = _decode(path) if text is None else text
    if not text.strip():
        raise IngestError(f"{path}: empty article")
    meta = read_text(text)
    pub = meta.publisher
    return Article(
        id=article_id(path), source=path.name, text=text, body=meta.body, published=meta.published,
        publisher=pub.name if pub else None, publisher_span=pub.span if pub else None, dateline=meta.dateline,
    )


def read_articles(paths: Iterable[Path]) -> Iterator[Article | IngestError]:
    """Read every article under ``paths``; a file that fails gives an ``IngestError`` in its place."""
    for path in iter_paths(paths):
        try:
            yield read_article(path)
        except IngestError as exc:
            yield exc
