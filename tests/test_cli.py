import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newskg.cli import main, parser
from tests.conftest import DATA, ROOT, SEEDS


def test_every_command_has_help():
    sub = next(a for a in parser()._actions if a.dest == "command")
    for name, p in sub.choices.items():
        assert p.description, name


def test_query_commands(seeds_store, capsys):
    base, _ = seeds_store
    store = str(base / "store")
    assert main(["query", "--store", store, "--name", "who-said-what", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert any(r["speaker"] == "Ayxan Hajizada" and "282 Azerbaijanis" in r["text"] for r in rows)
    assert main(["query", "--store", store, "--name", "incidents", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "2021-06-04" in out and "Siraj Abishov" in out
    assert main(["query", "--store", store, "--name", "statements-mentioning", "--entity", "Armenia"]) == 0
    assert "Armenia" in capsys.readouterr().out
    assert main(["queries"]) == 0
    assert "officials-and-roles" in capsys.readouterr().out
    assert main(["stats", "--store", store]) == 0
    assert re.search(r"Statement\s+\d+", capsys.readouterr().out)
    assert main(["validate", "--store", store]) == 0
    assert main(["explain", "--store", store, "Ayxan Hajizada"]) == 0
    out = capsys.readouterr().out
    assert "spokesperson" in out and "Follow us" not in out


def test_bad_query_is_one_line(seeds_store, capsys):
    base, _ = seeds_store
    assert main(["query", "--store", str(base / "store"), "SELEKT nothing"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("newskg: bad query") and err.count("\n") == 1


def test_bad_input_keeps_the_store(seeds_store, tmp_path, capsys):
    base, _ = seeds_store
    store = str(base / "store")
    before = main(["stats", "--store", store]), capsys.readouterr().out
    assert main(["build", str(DATA / "binary.txt"), "--store", store]) == 2
    err = capsys.readouterr().err
    assert "binary" in err
    assert (main(["stats", "--store", store]), capsys.readouterr().out) == before


@pytest.mark.parametrize("fmt", ["ttl", "trig", "nq", "jsonld"])
def test_export_formats_reparse(seeds_store, tmp_path, fmt):
    from rdflib import Dataset, Graph

    base, _ = seeds_store
    out = tmp_path / f"x.{fmt}"
    assert main(["export", "--store", str(base / "store"), "-o", str(out)]) == 0
    g = Graph() if fmt == "ttl" else Dataset()
    g.parse(out, format={"ttl": "turtle", "trig": "trig", "nq": "nquads", "jsonld": "json-ld"}[fmt])
    assert len(g) > 100


def test_rebuilding_an_article_replaces_its_graph(tmp_path, nlp):
    from newskg.pipeline import build
    from newskg.query import stats

    build([SEEDS], store=tmp_path / "s", progress=False, nlp=nlp)
    first = stats(tmp_path / "s")
    build([SEEDS], store=tmp_path / "s", progress=False, nlp=nlp)
    assert stats(tmp_path / "s") == first


def test_readme_tour_runs(tmp_path):
    """Every `newskg …` line of the README's tour, run in a copy of the project folder layout."""
    readme = (ROOT / "README.md").read_text()
    tour = readme.split("<!-- tour -->")[1].split("<!-- /tour -->")[0]
    commands = [line.strip() for line in tour.splitlines() if line.strip().startswith("newskg ")]
    assert len(commands) >= 5
    (tmp_path / "seeds").symlink_to(SEEDS)
    exe = Path(sys.executable).parent / "newskg"
    for cmd in commands:
        proc = subprocess.run(cmd.replace("newskg", str(exe), 1), shell=True, cwd=tmp_path, capture_output=True, text=True)
        assert proc.returncode == 0, (cmd, proc.stderr)
    assert (tmp_path / "graph" / "view.html").exists()
