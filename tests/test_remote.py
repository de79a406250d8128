"""`--store http://…`: build, query, export, view and serve against a real `oxigraph serve` on loopback."""

import json

import pytest
from rdflib import Dataset
from rdflib.compare import isomorphic

from newskg.cli import main
from newskg.query import list_queries
from tests.conftest import SEEDS
from tests.servers import oxigraph_server


@pytest.fixture(scope="module")
def remote(tmp_path_factory, nlp):
    """The seeds built into an oxigraph server and, for comparison, into a local store."""
    from newskg.pipeline import build

    base = tmp_path_factory.mktemp("remote")
    with oxigraph_server() as url:
        report = build([SEEDS], store=url, progress=False, nlp=nlp)
        assert report.articles == 2 and not report.errors
        build([SEEDS], store=base / "local", progress=False, nlp=nlp)
        yield url, str(base / "local"), base


def _rows(capsys, store, *args):
    assert main(["query", "--store", store, "--format", "json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def _same(rows):
    """Rows compared as a multiset, GROUP_CONCAT lists as sets: engines may order both differently."""
    def norm(v):
        for sep in ("; ", " < "):
            if isinstance(v, str) and sep in v:
                return tuple(sorted(v.split(sep)))
        return v
    return sorted(json.dumps({k: norm(v) for k, v in r.items()}, sort_keys=True) for r in rows)


def test_one_named_graph_per_article(remote, capsys):
    url, local, _ = remote
    q = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
    assert _rows(capsys, url, q) == _rows(capsys, local, q)
    assert sum("/article/" in r["g"] for r in _rows(capsys, url, q)) == 2


@pytest.mark.parametrize("name", [n for n, _ in list_queries()])
def test_saved_queries_answer_as_on_a_local_store(remote, capsys, name):
    url, local, _ = remote
    extra = ["--entity", "Armenia"] if name == "statements-mentioning" else []
    rows = _rows(capsys, url, "--name", name, *extra)
    assert _same(rows) == _same(_rows(capsys, local, "--name", name, *extra))
    assert rows or name == "statements-mentioning"


def test_refusals_apply_to_remote_stores(remote, capsys):
    url, _, _ = remote
    assert main(["query", "--store", url, "SELECT * { SERV\\u0049CE <http://127.0.0.1:9/> { ?s ?p ?o } }"]) == 2
    assert "SERVICE is refused" in capsys.readouterr().err


def test_rebuild_replaces_the_graph_with_put(remote, nlp, capsys):
    from newskg.pipeline import build

    url, _, _ = remote
    q = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    before = _rows(capsys, url, q)
    build([SEEDS / "000_29b6a571400d5a83.txt"], store=url, progress=False, nlp=nlp)
    assert _rows(capsys, url, q) == before


def test_export_and_view_from_remote(remote, tmp_path, capsys):
    url, local, _ = remote
    assert main(["export", "--store", url, "-o", str(tmp_path / "r.nq")]) == 0
    assert main(["export", "--store", local, "-o", str(tmp_path / "l.nq")]) == 0
    a, b = Dataset(), Dataset()
    a.parse(tmp_path / "r.nq", format="nquads")
    b.parse(tmp_path / "l.nq", format="nquads")
    assert len(a) > 100
    assert {str(g.identifier) for g in a.graphs()} == {str(g.identifier) for g in b.graphs()}
    for g in b.graphs():
        assert isomorphic(a.graph(g.identifier), g), g.identifier
    assert main(["view", "--store", url, "--out", str(tmp_path / "v.html")]) == 0
    assert "Ayxan Hajizada" in (tmp_path / "v.html").read_text()


def test_serve_in_front_of_a_remote_store(remote):
    import urllib.error
    import urllib.parse
    import urllib.request

    from tests.servers import newskg_server

    url, _, _ = remote
    with newskg_server(url) as front:
        q = urllib.parse.quote("SELECT (COUNT(*) AS ?n) { ?s a nkg:Statement }")
        with urllib.request.urlopen(f"{front}/sparql?query={q}", timeout=60) as r:
            assert int(json.loads(r.read())["results"]["bindings"][0]["n"]["value"]) > 0
        q = urllib.parse.quote("SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
        try:
            urllib.request.urlopen(f"{front}/sparql?query={q}", timeout=60)
            raise AssertionError("SERVICE went through")
        except urllib.error.HTTPError as e:
            assert e.code == 403
