"""Record: an article's reading kept in its own graph, so resolution can run again over the store.

Stage: store (beside the article graph build writes). In: a ``Reading`` (what extract read from
one article). Out: one JSON text (``nkg:extraction`` on the article node) and back. Resolution
decides which names are one thing from every article's clusters together; keeping each
article's reading lets a build or a removal resolve again the stored articles it reaches
(``restore``), so the graph depends only on the set of articles stored, never on the order
they came in. The JSON is
compact and deterministic: fields at their default are left out, a mention's text is left out
where it is the article's text at its offsets, and the blanked analysis text (``body``) is not
kept (nothing after extraction reads it).
"""

from __future__ import annotations

import json
from dataclasses import MISSING, fields, is_dataclass
from datetime import date
from typing import Any

from newskg.models import Article, Incident, LocatedIn, Membership, Mention, Reading, Span, Statement

__all__ = ["encode", "decode", "VERSION"]

VERSION = 1  # bumped when the fields of a reading change: an older record is read no more
# (class, field) -> the dataclass its values are (one value or a list of them)
_NESTED: dict[tuple[type, str], type] = {
    (Reading, "article"): Article, (Reading, "mentions"): Mention, (Reading, "memberships"): Membership,
    (Reading, "statements"): Statement, (Reading, "incidents"): Incident, (Reading, "located_in"): LocatedIn,
    (Article, "publisher_span"): Span, (Article, "dateline"): Span,
}
_DATES = {(Article, "published"), (Statement, "date"), (Incident, "date")}
_SKIP = {(Article, "body"), (Article, "warnings")}


def _default(f) -> Any:
    if f.default is not MISSING:
        return f.default
    if f.default_factory is not MISSING:
        return f.default_factory()
    return MISSING


_LAYOUTS: dict[type, tuple[tuple[str, Any], ...]] = {}


def _layout(cls: type) -> tuple[tuple[str, Any], ...]:
    """(field name, default) of the fields a record keeps of ``cls``."""
    if cls not in _LAYOUTS:
        _LAYOUTS[cls] = tuple((f.name, _default(f)) for f in fields(cls) if (cls, f.name) not in _SKIP)
    return _LAYOUTS[cls]


def _plain(value: Any) -> Any:
    """What ``json`` cannot write itself: a nested dataclass (its fields) and a date (ISO)."""
    if isinstance(value, date):
        return value.isoformat()
    if is_dataclass(value):
        return _fields(value)
    raise TypeError(f"not in a reading: {type(value).__name__}")


def _fields(obj: Any, text: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, default in _layout(type(obj)):
        value = getattr(obj, name)
        if value == default:
            continue
        if name == "text" and text is not None and text[obj.start:obj.end] == value:
            continue  # a mention's text: the article's own text at its offsets
        out[name] = value
    return out


def encode(reading: Reading) -> str:
    """The reading as one compact JSON text (keys sorted: the same reading gives the same text)."""
    doc = _fields(reading)
    doc["mentions"] = [_fields(m, reading.article.text) for m in reading.mentions]
    doc["v"] = VERSION
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=_plain)


def _tuples(value: Any) -> Any:
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


def _build(cls: type, doc: dict[str, Any], text: str | None = None, **given: Any) -> Any:
    kwargs: dict[str, Any] = dict(given)
    for f in fields(cls):
        if f.name not in doc or f.name in given:
            continue
        value, nested = doc[f.name], _NESTED.get((cls, f.name))
        if nested is not None and isinstance(value, list):
            value = tuple(_build(nested, v, text) for v in value)
        elif nested is not None:
            value = _build(nested, value, text)
        elif (cls, f.name) in _DATES and value is not None:
            value = date.fromisoformat(value)
        else:
            value = _tuples(value)
        kwargs[f.name] = value
    if cls is Mention and "text" not in kwargs and text is not None:
        kwargs["text"] = text[kwargs["start"]:kwargs["end"]]
    if cls is Article:
        kwargs.setdefault("body", kwargs.get("text", ""))
    return cls(**kwargs)


def decode(text: str) -> Reading | None:
    """The reading a record holds (``None`` for a record of another version or no record)."""
    try:
        doc = json.loads(text)
    except ValueError:
        return None
    if not isinstance(doc, dict) or doc.get("v") != VERSION:
        return None
    article = _build(Article, doc["article"])
    return _build(Reading, doc, article.text, article=article)
