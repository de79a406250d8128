"""Remote stores in other servers' URL layouts: a real `oxigraph serve` on loopback behind a
path-rewriting proxy that answers only at Fuseki's (`/ds/sparql`, `/ds/update`, `/ds/data`) or
GraphDB's (`/repositories/X`, `…/statements`, `…/rdf-graphs/service`) paths, chosen with
`--layout`, `--query-url`/`--update-url`/`--gsp-url` or `newskg.toml`."""

import json
import urllib.parse
import urllib.request

import pytest
from rdflib import Dataset
from rdflib.compare import isomorphic

from newskg.cli import main
from newskg.store import RemoteStore, remote_location
from tests.conftest import SEEDS
from tests.proxy import path_proxy
from tests.servers import newskg_server, oxigraph_server

FUSEKI = {"/ds/sparql": "/query", "/ds/update": "/update", "/ds/data": "/store"}
GRAPHDB = {"/repositories/news": "/query", "/repositories/news/statements": "/update",
           "/repositories/news/rdf-graphs/service": "/store"}
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def _export(capsys, path, *store_args):
    assert main(["export", *store_args, "-o", str(path)]) == 0
    capsys.readouterr()
    ds = Dataset()
    ds.parse(path, format="nquads")
    return ds


def _same(a: Dataset, b: Dataset) -> None:
    assert {str(g.identifier) for g in a.graphs() if len(g)} == {str(g.identifier) for g in b.graphs() if len(g)}
    for g in b.graphs():
        assert isomorphic(a.graph(g.identifier), g), g.identifier


@pytest.mark.parametrize("layout, paths, prefix", [("fuseki", FUSEKI, "/ds"), ("graphdb", GRAPHDB, "/repositories/news")])
def test_build_query_export_view_remove_in_another_layout(layout, paths, prefix, seeds_store, tmp_path, capsys):
    base, _ = seeds_store
    local = str(base / "store")
    with oxigraph_server() as oxi, path_proxy(oxi, paths) as (proxy, hits):
        url = proxy + prefix
        # Oxigraph's own paths are not there: the default layout fails with one line, nothing written
        assert main(["query", "--store", url, "ASK { }"]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "404" in err[0]
        opts = ["--store", url, "--layout", layout]
        assert main(["build", *opts, str(SEEDS)]) == 0
        capsys.readouterr()
        assert hits[prefix + ("/sparql" if layout == "fuseki" else "")] and hits[list(paths)[1]] and hits[list(paths)[2]]
        assert main(["query", *opts, "--format", "json", COUNT]) == 0
        remote_n = json.loads(capsys.readouterr().out)[0]["n"]
        assert main(["query", "--store", local, "--format", "json", COUNT]) == 0
        assert remote_n == json.loads(capsys.readouterr().out)[0]["n"] and int(remote_n) > 500
        _same(_export(capsys, tmp_path / "r.nq", *opts), _export(capsys, tmp_path / "l.nq", "--store", local))
        assert main(["view", *opts, "--out", str(tmp_path / "v.html")]) == 0
        assert "Ayxan Hajizada" in (tmp_path / "v.html").read_text(encoding="utf-8")
        assert main(["stats", *opts]) == 0
        capsys.readouterr()
        gsp_before = hits[list(paths)[2]]
        assert main(["remove", *opts, "000_29b6a571400d5a83"]) == 0
        capsys.readouterr()
        assert hits[list(paths)[2]] > gsp_before  # the derived graph written again with PUT
        assert main(["query", *opts, "--format", "json", "SELECT ?g WHERE { GRAPH ?g { } }"]) == 0
        graphs = {r["g"] for r in json.loads(capsys.readouterr().out)}
        assert not any("000_29b6a571400d5a83" in g for g in graphs) and any("/article/" in g for g in graphs)


def test_endpoint_urls_from_newskg_toml_and_serve_in_front(seeds_store, tmp_path, monkeypatch, capsys):
    with oxigraph_server() as oxi, path_proxy(oxi, GRAPHDB) as (proxy, hits):
        repo = proxy + "/repositories/news"
        (tmp_path / "newskg.toml").write_text(
            f'query_url = "{repo}"\nupdate_url = "{repo}/statements"\ngsp_url = "rdf-graphs/service"\n', encoding="utf-8")
        monkeypatch.chdir(tmp_path)  # the config of a remote store is the one in the current folder
        assert main(["build", "--store", repo, str(SEEDS)]) == 0
        assert hits["/repositories/news/rdf-graphs/service"] >= 3  # two articles and the derived graph
        with newskg_server(repo) as front:  # started in this folder: reads the same newskg.toml
            q = urllib.parse.quote("SELECT (COUNT(*) AS ?n) { ?s a nkg:Statement }")
            with urllib.request.urlopen(f"{front}/sparql?query={q}", timeout=60) as r:
                assert int(json.loads(r.read())["results"]["bindings"][0]["n"]["value"]) > 0


@pytest.mark.parametrize("where, query, update, gsp", [
    ("http://h:3030/ds#layout=fuseki", "http://h:3030/ds/sparql", "http://h:3030/ds/update", "http://h:3030/ds/data"),
    ("http://h:7200/repositories/x#layout=graphdb", "http://h:7200/repositories/x",
     "http://h:7200/repositories/x/statements", "http://h:7200/repositories/x/rdf-graphs/service"),
    ("http://h:7878", "http://h:7878/query", "http://h:7878/update", "http://h:7878/store"),
    (remote_location("http://h/ds", layout="fuseki", query_url="q2", gsp_url="http://g/x?default"),
     "http://h/ds/q2", "http://h/ds/update", "http://g/x?default"),
])
def test_endpoint_urls_of_each_layout(where, query, update, gsp):
    st = RemoteStore(where)
    assert (st.query_url, st.update_url, st.gsp_url) == (query, update, gsp)


def test_an_unknown_layout_is_one_line(capsys):
    assert main(["query", "--store", "http://127.0.0.1:9/x", "--layout", "virtuoso", "ASK {}"]) == 2
    assert "layout" in capsys.readouterr().err
