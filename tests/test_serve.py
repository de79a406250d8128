"""`newskg serve` with real clients (SPARQLWrapper, rdflib's SPARQLStore, urllib) on loopback."""

import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from newskg.cli import main
from newskg.query import bind, list_queries, load_query
from tests.servers import newskg_server
from tests.test_query_cli import _store

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
TABLE = {"json": ("json", "srj"), "xml": ("xml", "xml"), "csv": ("csv", "csv"), "tsv": ("tsv", "tsv")}  # SPARQLWrapper names


@pytest.fixture(scope="module")
def served(seeds_store):
    base, _ = seeds_store
    store = str(base / "store")
    with newskg_server(store, "--timeout", "4", "--workers", "2") as url:
        yield store, url


def _saved(name):
    return bind(load_query(name), {"ENTITY": "Armenia"})


def _cli(capsys, store, text, fmt):
    assert main(["query", "--store", store, "--format", fmt, "--wide", text]) == 0
    return capsys.readouterr().out


def _post(url, data: bytes, ctype: str, accept: str = "*/*", headers=None):
    req = urllib.request.Request(url + "/sparql", data=data, method="POST",
                                 headers={"Content-Type": ctype, "Accept": accept, **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.read().decode(), dict(r.headers)
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(), dict(e.headers)


@pytest.mark.parametrize("name", [n for n, _ in list_queries()])
@pytest.mark.parametrize("fmt", list(TABLE))
def test_saved_query_same_over_http_as_cli(served, capsys, name, fmt):
    from SPARQLWrapper import POST, SPARQLWrapper

    store, url = served
    text = _saved(name)
    sw = SPARQLWrapper(url + "/sparql")
    sw.setMethod(POST)
    sw.setQuery(text)
    sw.setReturnFormat(TABLE[fmt][0])
    over_http = sw.query().response.read().decode()
    from_cli = _cli(capsys, store, text, TABLE[fmt][1])
    assert over_http == from_cli
    if fmt == "json":
        rows = json.loads(over_http)["results"]["bindings"]
        cli_rows = json.loads(_cli(capsys, store, text, "json"))
        assert [{k: v["value"] for k, v in r.items()} for r in rows] == [
            {k: v for k, v in r.items() if v is not None} for r in cli_rows]
        if name != "statements-mentioning":
            assert rows, f"{name} gives no rows on the seeds"


@pytest.mark.parametrize("name", [n for n, _ in list_queries()])
def test_rdflib_sparqlstore_rows_equal_cli_rows(served, capsys, name):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    store, url = served
    text = _saved(name)
    remote = SPARQLStore(url + "/sparql", returnFormat="json", method="POST_FORM")
    got = [tuple(None if v is None else str(v) for v in row) for row in remote.query(text)]
    cli = json.loads(_cli(capsys, store, text, "json"))
    assert got == [tuple(r.values()) for r in cli]


@pytest.mark.parametrize("accept, fmt", [("text/turtle", "turtle"), ("application/n-triples", "nt"),
                                         ("application/ld+json", "json-ld")])
def test_construct_in_every_graph_format(served, capsys, accept, fmt):
    store, url = served
    text = "CONSTRUCT { ?p a nkg:Person ; rdfs:label ?l } WHERE { ?p a nkg:Person ; rdfs:label ?l }"
    status, body, headers = _post(url, text.encode(), "application/sparql-query", accept)
    assert status == 200 and headers["content-type"].startswith(accept)
    g = Graph().parse(data=body, format=fmt)
    cli = Graph().parse(data=_cli(capsys, store, text, "turtle"), format="turtle")
    assert len(g) >= 4 and isomorphic(g, cli)


def test_get_and_form_and_ask(served):
    _, url = served
    q = urllib.parse.quote("ASK { ?s a nkg:Person }")
    with urllib.request.urlopen(f"{url}/sparql?query={q}", timeout=30) as r:
        assert json.loads(r.read()) == {"head": {}, "boolean": True}
    form = urllib.parse.urlencode({"query": "ASK { ?s a nkg:Nothing }"}).encode()
    status, body, _ = _post(url, form, "application/x-www-form-urlencoded", "application/sparql-results+xml")
    assert status == 200 and "<boolean>false</boolean>" in body
    status, body, _ = _post(url, b"SELECT * { ?s ?p ?o } LIMIT 1", "application/sparql-query", "image/png")
    assert status == 406 and "offered" in body


def test_refusals_while_a_normal_query_answers(served):
    _, url = served
    slow: dict = {}

    def run_slow():
        t = time.monotonic()
        slow["answer"] = _post(url, SLOW.encode(), "application/sparql-query")
        slow["took"] = time.monotonic() - t

    th = threading.Thread(target=run_slow)
    th.start()
    time.sleep(0.5)
    cases = [
        ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", 403, "SERVICE"),
        ("SELECT * WHERE { SERV\\u0049CE <http://127.0.0.1:9/> { ?s ?p ?o } }", 403, "SERVICE"),
        ("SELECT * WHERE " + "{" * 3000 + "}" * 3000, 400, "nested"),
        ("SELECT * { ?s ?p ?o } #" + "x" * 10_000_000, 413, "limit"),
    ]
    for text, status, says in cases:
        got = _post(url, text.encode(), "application/sparql-query")
        assert got[0] == status and says in got[1] and got[1].count("\n") == 1
    got = _post(url, urllib.parse.urlencode({"update": "DROP ALL"}).encode(), "application/x-www-form-urlencoded")
    assert got[0] == 403 and "read-only" in got[1]
    t = time.monotonic()
    status, body, _ = _post(url, b"SELECT (COUNT(*) AS ?n) { ?s a nkg:Statement }", "application/sparql-query", "text/csv")
    assert status == 200 and int(body.split()[1]) > 0
    assert time.monotonic() - t < 2 and th.is_alive()  # answered while the slow one runs
    th.join(60)
    assert slow["answer"][0] == 503 and "stopped after 4 s" in slow["answer"][1]
    assert slow["took"] < 15
    with urllib.request.urlopen(url + "/health", timeout=30) as r:
        assert json.loads(r.read())["status"] == "ok"


def test_row_cap_is_said(tmp_path):
    store = _store(tmp_path / "s", filler=50)
    with newskg_server(store, "--limit", "7") as url:
        status, body, headers = _post(url, b"SELECT ?s ?o { ?s ?p ?o }", "application/sparql-query", "text/csv")
        assert status == 200 and len(body.splitlines()) == 1 + 7
        assert headers["x-newskg-truncated"] == "7" and "cut at 7 rows" in headers["warning"]


def test_updates_need_the_token(tmp_path):
    store = _store(tmp_path / "s", filler=1)
    with newskg_server(store, "--allow-updates", env={"NEWSKG_UPDATE_TOKEN": "s3cret"}) as url:
        upd = b"INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> 1 } }"
        assert _post(url, upd, "application/sparql-update")[0] == 401
        assert _post(url, upd, "application/sparql-update", headers={"Authorization": "Bearer wrong"})[0] == 401
        assert _post(url, upd, "application/sparql-update", headers={"Authorization": "Bearer s3cret"})[0] == 204
        load = b"LOAD <http://127.0.0.1:9/x.ttl>"
        assert _post(url, load, "application/sparql-update", headers={"Authorization": "Bearer s3cret"})[0] == 403
        status, body, _ = _post(url, b"ASK { <urn:a> <urn:b> 1 }", "application/sparql-query")
        assert status == 200 and json.loads(body)["boolean"] is True


def test_views_and_health_and_page(served):
    _, url = served
    with urllib.request.urlopen(url + "/view/", timeout=120) as r:
        page = r.read().decode()
    assert "vis.Network" in page and "Ayxan Hajizada" in page
    with urllib.request.urlopen(url + "/view/timeline.html", timeout=60) as r:
        assert r.status == 200 and "2021-06-04" in r.read().decode()
    try:
        urllib.request.urlopen(url + "/view/nothing.html", timeout=60)
        raise AssertionError("a missing page answered")
    except urllib.error.HTTPError as e:
        assert e.code == 404
    with urllib.request.urlopen(url + "/", timeout=30) as r:
        html = r.read().decode()
        assert "default-src 'self'" in r.headers["content-security-policy"]
    data = json.loads(html.split('type="application/json">', 1)[1].split("</script>", 1)[0])
    assert {q["name"] for q in data["queries"]} == {n for n, _ in list_queries()}
    assert data["prefixes"]["nkg"] == "https://w3id.org/newskg/ontology#"
    assert "://" not in html.split("<script id")[0]  # nothing but this server
