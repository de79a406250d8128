"""Content negotiation and result formats: a table of Accept headers to the format chosen."""

import pyoxigraph as ox
import pytest

from newskg.results import negotiate, serialize
from newskg.runner import collect


@pytest.mark.parametrize("kind, accept, fmt", [
    ("select", None, "json"),
    ("select", "*/*", "json"),
    ("select", "application/sparql-results+json", "json"),
    ("select", "application/json", "json"),
    ("select", "application/sparql-results+xml", "xml"),
    ("select", "text/csv", "csv"),
    ("select", "text/tab-separated-values", "tsv"),
    ("select", "text/csv;q=0.5, text/tab-separated-values", "tsv"),
    ("select", "text/csv;q=0.9, application/sparql-results+xml", "xml"),
    ("ask", "application/sparql-results+xml, */*;q=0.1", "xml"),
    ("construct", None, "turtle"),
    ("construct", "text/turtle", "turtle"),
    ("construct", "application/n-triples", "nt"),
    ("describe", "application/ld+json", "jsonld"),
    ("construct", "application/rdf+xml;q=0.2, text/turtle;q=0.8", "turtle"),
])
def test_negotiate(kind, accept, fmt):
    assert negotiate(kind, accept) == fmt


@pytest.mark.parametrize("kind, accept", [("select", "image/png"), ("construct", "text/csv"),
                                          ("select", "text/csv;q=0")])
def test_nothing_acceptable(kind, accept):
    with pytest.raises(ValueError, match="offered"):
        negotiate(kind, accept)


def test_every_format_reparses_to_the_same_rows():
    st = ox.Store()
    st.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:p"), ox.Literal('say "hi",\tthen\nleave', language="en")))
    st.add(ox.Quad(ox.NamedNode("urn:b"), ox.NamedNode("urn:p"), ox.Literal("2", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))))
    res = collect(st.query("SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY ?s"), "select", 0)
    want = [(r[0], r[1]) for r in res.rows]
    for fmt in ("json", "xml", "tsv"):
        body, _ = serialize(res, fmt)
        back = ox.parse_query_results(body, format=getattr(ox.QueryResultsFormat, fmt.upper()))
        assert [(s["s"], s["o"]) for s in back] == want
    csv_body, media = serialize(res, "csv")
    assert media.startswith("text/csv") and csv_body.splitlines()[0] == b"s,o"
