"""`newskg query` and `newskg explain`: every kind of query, limits, and hostile input as one error line."""

import time

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

from newskg.cli import main

NKG = "https://w3id.org/newskg/ontology#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
HOSTILE = ['Zed "Quote" Smith', "Brace } { Corp", "SERVICE <http://127.0.0.1:9/> { ?a ?b ?c }",
           "Two\nLines", "back\\slash \\u0049", "x' } ; DROP ALL ; {'"]


def _store(path, labels=HOSTILE, filler=40):
    """A store made by hand: one person per label, one statement mentioning each, filler triples."""
    st = ox.Store(str(path))
    g = ox.NamedNode("https://w3id.org/newskg/id/article/handmade")
    for i, label in enumerate(labels):
        e = ox.NamedNode(f"https://w3id.org/newskg/id/person/p{i}")
        s = ox.NamedNode(f"https://w3id.org/newskg/id/statement/s{i}")
        for t in [(e, ox.NamedNode(RDFS + "label"), ox.Literal(label)),
                  (e, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), ox.NamedNode(NKG + "Person")),
                  (s, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), ox.NamedNode(NKG + "Statement")),
                  (s, ox.NamedNode(NKG + "mentions"), e), (s, ox.NamedNode(NKG + "speaker"), e),
                  (s, ox.NamedNode(NKG + "text"), ox.Literal(f"statement number {i}")),
                  (s, ox.NamedNode(NKG + "startOffset"), ox.Literal(10 * i)),
                  (s, ox.NamedNode(NKG + "reportedIn"), g), (g, ox.NamedNode(NKG + "source"), ox.Literal("made.txt"))]:
            st.add(ox.Quad(*t, g))
    for i in range(filler):
        st.add(ox.Quad(ox.NamedNode(f"urn:f{i}"), ox.NamedNode("urn:p"), ox.Literal(i), g))
    st.flush()
    del st
    return str(path)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return _store(tmp_path_factory.mktemp("q") / "store")


def _one_error_line(capsys, argv, code=2):
    assert main(argv) == code
    out, err = capsys.readouterr()
    assert err.startswith("newskg: ") and err.count("\n") == 1, err
    return err


SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"


@pytest.mark.parametrize("query, says", [
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", "SERVICE is refused"),
    ("SELECT * WHERE { SERV\\u0049CE <http://127.0.0.1:9/> { ?s ?p ?o } }", "SERVICE is refused"),
    ("INSERT DATA { <urn:a> <urn:b> 1 }", "updates are refused"),
    ("SELECT * WHERE " + "{" * 3000 + "}" * 3000, "nested 3000 deep"),
    ("SELECT * FROM <http://127.0.0.1:9/g> WHERE { ?s ?p ?o }", "no such graph"),
    ("SELEKT nothing", "bad query"),
])
def test_refusals_are_one_line(store, capsys, query, says):
    assert says in _one_error_line(capsys, ["query", "--store", store, query])


def test_ten_megabytes_and_minutes_long(store, tmp_path, capsys):
    big = tmp_path / "big.rq"
    big.write_text("SELECT * WHERE { ?s ?p ?o } #" + "x" * 10_000_000, encoding="utf-8")
    assert "bytes; the limit is" in _one_error_line(capsys, ["query", "--store", store, "-f", str(big)])
    err = _one_error_line(capsys, ["query", "--store", store, "--timeout", "1", SLOW])
    assert "stopped after 1 s" in err
    assert main(["query", "--store", store, "ASK { ?s a nkg:Person }"]) == 0  # the store still answers
    assert capsys.readouterr().out == "true\n"


def test_a_slow_parse_is_under_the_time_limit(store, tmp_path, capsys):
    values = " ".join(f'"v{i}"' for i in range(20_000))  # 150 kB: seconds in the SPARQL parser
    f = tmp_path / "values.rq"
    f.write_text(f"SELECT * WHERE {{ VALUES ?x {{ {values} }} }}", encoding="utf-8")
    t = time.monotonic()
    assert "stopped after 1 s" in _one_error_line(capsys, ["query", "--store", store, "--timeout", "1", "-f", str(f)])
    assert time.monotonic() - t < 10


def test_ask_construct_describe(store, capsys):
    assert main(["query", "--store", store, "ASK { ?s a nkg:Incident }"]) == 0
    assert capsys.readouterr().out == "false\n"
    assert main(["query", "--store", store, "CONSTRUCT { ?p rdfs:label ?l } WHERE { ?p a nkg:Person ; rdfs:label ?l }"]) == 0
    g = Graph().parse(data=capsys.readouterr().out, format="turtle")
    assert {str(o) for o in g.objects()} == set(HOSTILE)
    assert main(["query", "--store", store, "DESCRIBE <https://w3id.org/newskg/id/person/p0>", "--format", "nt"]) == 0
    g = Graph().parse(data=capsys.readouterr().out, format="nt")
    assert (URIRef("https://w3id.org/newskg/id/person/p0"), URIRef(RDFS + "label"), Literal(HOSTILE[0])) in g


@pytest.mark.parametrize("i, label", list(enumerate(HOSTILE)))
def test_hostile_entity_is_a_value(store, capsys, i, label):
    assert main(["query", "--store", store, "--name", "statements-mentioning", "--entity", label, "--format", "json"]) == 0
    import json

    rows = json.loads(capsys.readouterr().out)
    assert [r["text"] for r in rows] == [f"statement number {i}"]


@pytest.mark.parametrize("what", HOSTILE + ["http://x> } SERVICE <http://127.0.0.1:9/> { ?a ?b ?c } {"])
def test_explain_hostile(store, capsys, what):
    code = main(["explain", "--store", store, what])
    out, err = capsys.readouterr()
    if what in HOSTILE:
        assert code == 0 and f"statement number {HOSTILE.index(what)}" in out
    else:
        assert code == 2 and err.count("\n") == 1


def test_limit_says_it_cut_and_table_fits(store, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "50")
    assert main(["query", "--store", store, "--limit", "5", "SELECT ?s ?o WHERE { ?s ?p ?o }"]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 2 + 5 and "first 5 results" in err
    assert max(len(line) for line in out.splitlines()) <= 50
    assert main(["query", "--store", store, "--wide", "--limit", "0", "SELECT ?t WHERE { ?s nkg:text ?t }"]) == 0
    out, err = capsys.readouterr()
    assert "statement number 5" in out and err == ""
