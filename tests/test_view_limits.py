"""Rendering the views has a time limit, enforced as a query's is (a worker process that is
killed past it): `newskg view --timeout` and the served `/view/` (`--view-timeout`)."""

import json
import multiprocessing as mp
import urllib.error
import urllib.parse
import urllib.request

from newskg.cli import main
from tests.servers import newskg_server


def test_view_past_its_time_limit_is_stopped_and_writes_nothing(seeds_store, tmp_path, capsys):
    base, _ = seeds_store
    out = tmp_path / "views"
    assert main(["view", "--store", str(base / "store"), "--out", str(out), "--timeout", "0.001"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["newskg: view stopped after 0.001 s (the time limit)"]
    assert not out.exists()  # nothing half-written
    assert mp.active_children() == []  # the worker that rendered was killed and reaped
    assert main(["view", "--store", str(base / "store"), "--out", str(out), "--timeout", "120"]) == 0
    assert "Ayxan Hajizada" in (out / "index.html").read_text(encoding="utf-8")


def test_view_errors_keep_their_own_line_through_the_worker(seeds_store, tmp_path, capsys):
    base, _ = seeds_store
    assert main(["view", "--store", str(base / "store"), "--out", str(tmp_path / "v"), "--focus", "Nobody Here"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "Nobody Here" in err[0]


def test_served_view_past_its_time_limit_is_503_and_the_server_keeps_answering(seeds_store):
    base, _ = seeds_store
    with newskg_server(str(base / "store"), "--view-timeout", "0.05", "--workers", "2") as url:
        try:
            urllib.request.urlopen(url + "/view/", timeout=60)
            raise AssertionError("the view answered within 0.05 s")
        except urllib.error.HTTPError as e:
            assert e.code == 503
            assert e.read().decode().strip() == "view stopped after 0.05 s (the time limit)"
        query = urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { ?c a nkg:Country }"})
        with urllib.request.urlopen(f"{url}/sparql?{query}", timeout=60) as r:
            rows = json.loads(r.read())["results"]["bindings"]
        assert rows[0]["n"]["value"] == "2"
        with urllib.request.urlopen(url + "/health", timeout=60) as r:
            assert json.loads(r.read())["status"] == "ok"
