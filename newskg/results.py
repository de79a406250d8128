"""Results: a query's answer written in a standard format, and the format a client asked for.

Stage: query / serve. In: a ``runner.Result`` and a format name or an HTTP ``Accept`` header.
Out: bytes and their media type. SELECT and ASK answers are SPARQL results in JSON, XML, CSV or
TSV; CONSTRUCT and DESCRIBE answers are Turtle (with the ontology's prefixes), N-Triples,
JSON-LD or RDF/XML. Every serialisation is pyoxigraph's: rows arrive as SPARQL TSV, triples as
N-Triples (see ``runner.Result``) and are rewritten in the format asked for.
"""

from __future__ import annotations

import json

from newskg.guard import PREFIXES

__all__ = ["TABLE_FORMATS", "GRAPH_FORMATS", "serialize", "negotiate"]

#: name -> media type, for SELECT and ASK answers (first is the default).
TABLE_FORMATS = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
#: name -> media type, for CONSTRUCT and DESCRIBE answers (first is the default).
GRAPH_FORMATS = {
    "turtle": "text/turtle",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
}
_ALIASES = {"application/json": "json", "text/xml": "xml", "application/xml": "xml", "text/plain": None,
            "ttl": "turtle", "ntriples": "nt", "json-ld": "jsonld", "xml": "xml"}


def serialize(result, fmt: str) -> tuple[bytes, str]:
    """``result`` as bytes in format ``fmt`` (a key of TABLE_FORMATS or GRAPH_FORMATS)."""
    import pyoxigraph as ox

    if result.kind in ("select", "ask"):
        if fmt not in TABLE_FORMATS:
            raise ValueError(f"a {result.kind.upper()} answer cannot be written as {fmt}; one of {', '.join(TABLE_FORMATS)}")
        if result.kind == "ask":
            doc = json.dumps({"head": {}, "boolean": bool(result.boolean)}).encode()
            parsed = ox.parse_query_results(doc, format=ox.QueryResultsFormat.JSON)
        else:
            parsed = ox.parse_query_results(result.payload, format=ox.QueryResultsFormat.TSV)
        body = parsed.serialize(format=getattr(ox.QueryResultsFormat, fmt.upper())) or b""
        return body, TABLE_FORMATS[fmt] + ("" if fmt == "json" else "; charset=utf-8")
    if fmt not in GRAPH_FORMATS:
        raise ValueError(f"a graph cannot be written as {fmt}; one of {', '.join(GRAPH_FORMATS)}")
    if fmt == "nt":
        return result.payload, GRAPH_FORMATS[fmt] + "; charset=utf-8"
    rdf = {"turtle": ox.RdfFormat.TURTLE, "jsonld": ox.RdfFormat.JSON_LD, "rdfxml": ox.RdfFormat.RDF_XML}[fmt]
    prefixes = PREFIXES if fmt in ("turtle", "rdfxml") else None
    body = ox.serialize(list(result.triples), format=rdf, prefixes=prefixes) or b""
    return body, GRAPH_FORMATS[fmt] + ("; charset=utf-8" if fmt == "turtle" else "")


def negotiate(kind: str, accept: str | None, fmt: str | None = None) -> str:
    """The format name for a ``kind`` of answer given an Accept header or an explicit name.

    >>> negotiate("select", "text/csv;q=0.9, application/sparql-results+xml")
    'xml'
    """
    table = kind in ("select", "ask")
    formats = TABLE_FORMATS if table else GRAPH_FORMATS
    if fmt:
        name = _ALIASES.get(fmt, fmt)
        if name in formats:
            return name
        raise ValueError(f"format {fmt!r} is not offered for {kind.upper()}; one of {', '.join(formats)}")
    by_type = {mt: name for name, mt in formats.items()}
    ranked = []
    for i, part in enumerate((accept or "*/*").split(",")):
        media, _, params = part.strip().partition(";")
        q = 1.0
        for p in params.split(";"):
            k, _, v = p.strip().partition("=")
            if k == "q":
                try:
                    q = float(v)
                except ValueError:
                    q = 0.0
        ranked.append((-q, i, media.strip().lower()))
    for negq, _, media in sorted(ranked):
        if negq == 0:
            break
        if media in by_type:
            return by_type[media]
        alias = _ALIASES.get(media)
        if alias in formats:
            return alias
        if media in ("*/*", "application/*", "text/*") or (not table and media == "application/json"):
            return next(iter(formats)) if media != "application/json" else "jsonld"
    raise ValueError(f"none of the accepted types ({accept}) is offered for {kind.upper()}; "
                     f"offered: {', '.join(formats.values())}")
