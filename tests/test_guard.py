"""The guard decides on the parsed query; binding never lets a value change a query's shape."""

import pyoxigraph as ox
import pytest

from newskg.guard import Limits, QueryRefused, check, nesting_depth, substitute
from newskg.query import bind

DEEP = "SELECT * WHERE " + "{" * 3000 + "}" * 3000  # 6 kB; segfaults the engine if it gets through


@pytest.mark.parametrize("text, status, says", [
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", 403, "SERVICE"),
    ("SELECT * WHERE { SERV\\u0049CE <http://127.0.0.1:9/> { ?s ?p ?o } }", 403, "SERVICE"),
    ("select * where { service silent <http://127.0.0.1:9/> { ?s ?p ?o } }", 403, "SERVICE"),
    ("SELECT * WHERE { OPTIONAL { { SELECT ?s WHERE { SERVICE ?x { ?s ?p ?o } } } } }", 403, "SERVICE"),
    ("INSERT DATA { <urn:a> <urn:b> 1 }", 403, "updates"),
    ("DELETE WHERE { ?s ?p ?o }", 403, "updates"),
    ("LOAD <http://127.0.0.1:9/x.ttl>", 403, "LOAD"),
    ("SELECT * FROM <http://127.0.0.1:9/g> WHERE { ?s ?p ?o }", 403, "FROM"),
    ("SELECT * FROM NAMED <urn:elsewhere> WHERE { GRAPH ?g { ?s ?p ?o } }", 403, "FROM"),
    (DEEP, 400, "nested 3000 deep"),
    ("SELECT * WHERE { FILTER(" + "(" * 40 + "1" + ")" * 40 + ") }", 400, "nested"),
    ("SELECT ?x WHERE { ?x ?y }", 400, "bad query"),
    ("SELECT * WHERE { ?s ?p '" + "x" * 300_000 + "' }", 413, "bytes"),
])
def test_refused(text, status, says):
    with pytest.raises(QueryRefused) as info:
        check(text, graphs=lambda: ["urn:known"])
    assert info.value.status == status
    assert says in str(info.value) and "\n" not in str(info.value)


@pytest.mark.parametrize("text, kind", [
    ('SELECT * WHERE { ?s ?p "SERVICE <http://127.0.0.1:9/> { }" }', "select"),  # in a string: not a call
    ("SELECT * WHERE { ?s ?p ?o } # SERVICE <http://127.0.0.1:9/>", "select"),  # in a comment
    ("SELECT * FROM <urn:known> WHERE { ?s nkg:label ?o }", "select"),  # a graph of the store
    ("ASK { ?s a nkg:Person }", "ask"),
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "construct"),
    ("DESCRIBE <urn:x>", "describe"),
])
def test_allowed(text, kind):
    assert check(text, graphs=lambda: ["urn:known"]).kind == kind


def test_updates_when_allowed_but_never_load():
    assert check("INSERT DATA { <urn:a> <urn:b> 1 }", allow_update=True).kind == "update"
    with pytest.raises(QueryRefused):
        check("LOAD <http://127.0.0.1:9/x>", allow_update=True)


@pytest.mark.parametrize("text, depth", [
    ("SELECT * { ?s ?p ?o }", 1),
    ('SELECT * { ?s ?p "{{{{ (((" }', 1),
    ("SELECT * { ?s ?p <urn:a(([[> } # {{{{", 1),
    ('SELECT * { { ?s ?p """ }}}\\"""{{{""" } }', 2),
    ("SELECT * { FILTER((1 < 2) && ?a >= (3)) }", 3),
])
def test_nesting_depth_counts_syntax_only(text, depth):
    assert nesting_depth(text) == depth


HOSTILE = ['x" } SERVICE <http://127.0.0.1:9/> { ?a ?b ?c } {', "a'b\"c", "}{}{", "line\nbreak\r\n",
           'SERV\\u0049CE', "#comment", "\\", '"""', "?ENTITY"]


@pytest.mark.parametrize("value", HOSTILE)
def test_bound_values_stay_one_literal(value):
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("urn:e"), ox.NamedNode("urn:label"), ox.Literal(value)))
    text = bind("SELECT ?e WHERE { ?e <urn:label> ?l FILTER(?l = ?ENTITY) }", {"ENTITY": value})
    assert check(text).kind == "select"  # no SERVICE, no syntax error
    assert [s["e"].value for s in store.query(text)] == ["urn:e"]


def test_substitute_leaves_strings_iris_and_longer_names():
    text = 'SELECT ?xy WHERE { <urn:?x> ?p "?x" ; ?q ?x } # ?x'
    assert substitute(text, {"x": "<urn:v>"}) == 'SELECT ?xy WHERE { <urn:?x> ?p "?x" ; ?q <urn:v> } # ?x'


def test_limits_are_settable():
    with pytest.raises(QueryRefused):
        check("SELECT * { { { ?s ?p ?o } } }", Limits(max_depth=2))
