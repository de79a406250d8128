"""Readers beside a writer: queries, exports and the endpoint answer while a build writes the store."""

import json
import os
import subprocess
import sys
import time
import urllib.parse
import urllib.request

from newskg.cli import main
from tests.conftest import DATA, ROOT, SEEDS
from tests.servers import newskg_server
from tests.test_query_cli import _store

WRITER = """
import sys, time
from newskg.store import OxigraphStore
from pathlib import Path
st = OxigraphStore(Path(sys.argv[1]))           # the build's own store class, opened for writing
print("open", flush=True)
end = time.monotonic() + float(sys.argv[2])
i = 0
while time.monotonic() < end:
    st.replace_graph(f"urn:g{i % 5}", f"<urn:s{i}> <urn:p> \\"{i}\\" <urn:g{i % 5}> .\\n")
    i += 1
st.close()
print("wrote", i, flush=True)
"""


def _files(path):
    return {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in path.iterdir()}


def test_queries_answer_while_the_store_is_open_for_writing(tmp_path, capsys):
    store = _store(tmp_path / "s", filler=5)
    proc = subprocess.Popen([sys.executable, "-c", WRITER, store, "120"], stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert proc.stdout.readline().strip() == "open"
        with newskg_server(store) as url:
            answered = 0
            while proc.poll() is None and answered < 5:
                assert main(["query", "--store", store, "ASK { ?s a nkg:Person }"]) == 0
                assert capsys.readouterr().out == "true\n"
                q = urllib.parse.quote("SELECT (COUNT(*) AS ?n) { ?s a nkg:Statement }")
                with urllib.request.urlopen(f"{url}/sparql?query={q}", timeout=30) as r:
                    assert json.loads(r.read())["results"]["bindings"][0]["n"]["value"] == "6"
                assert main(["export", "--store", store, "-o", str(tmp_path / "x.nq")]) == 0
                assert main(["view", "--store", store, "--out", str(tmp_path / "v" / "index.html")]) == 0
                capsys.readouterr()
                with urllib.request.urlopen(f"{url}/view/", timeout=60) as r:
                    assert r.status == 200 and "Zed" in r.read().decode()
                answered += 1
            assert answered == 5 and proc.poll() is None  # all while the writer held the store
    finally:
        proc.terminate()
        proc.communicate(timeout=60)


def test_a_query_during_a_running_build(tmp_path, capsys):
    import shutil

    store = tmp_path / "store"
    arts = tmp_path / "arts"
    arts.mkdir()
    for p in sorted((DATA / "devset").glob("*.txt")):
        shutil.copy(p, arts / p.name)
    assert main(["build", str(SEEDS), "--store", str(store)]) == 0
    capsys.readouterr()
    cmd = [sys.executable, "-m", "newskg.cli", "build", str(arts), "--store", str(store)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    answered = 0
    try:
        while proc.poll() is None:
            code = main(["query", "--store", str(store), "--format", "csv",
                         "SELECT (COUNT(DISTINCT ?a) AS ?n) { ?a a nkg:Article }"])
            out, err = capsys.readouterr()
            assert code == 0, err
            assert int(out.split()[1]) >= 2
            answered += 1
            time.sleep(0.2)
    finally:
        proc.communicate(timeout=600)
    assert proc.returncode in (0, 1) and answered >= 3
    main(["query", "--store", str(store), "--format", "csv", "SELECT (COUNT(DISTINCT ?a) AS ?n) { ?a a nkg:Article }"])
    assert int(capsys.readouterr().out.split()[1]) > 2  # the build landed


def test_reading_changes_no_file_of_the_store(tmp_path, capsys):
    store = _store(tmp_path / "s", filler=5)
    before = _files(tmp_path / "s")
    assert main(["query", "--store", store, "SELECT * { ?s ?p ?o }"]) == 0
    assert main(["export", "--store", store, "-o", str(tmp_path / "x.ttl")]) == 0
    assert main(["stats", "--store", store]) == 0
    assert main(["explain", "--store", store, "Two\nLines"]) == 0
    assert _files(tmp_path / "s") == before


def test_a_store_on_a_read_only_file_system(tmp_path, capsys):
    import shutil

    import pytest

    store = _store(tmp_path / "s", filler=5)
    mnt = tmp_path / "ro"
    mnt.mkdir()
    mount = shutil.which("mount")
    ok = mount and subprocess.run([mount, "--bind", store, str(mnt)], capture_output=True).returncode == 0
    if not ok:
        pytest.skip("a read-only bind mount needs root (mount --bind)")
    try:
        if subprocess.run([mount, "-o", "remount,bind,ro", str(mnt)], capture_output=True).returncode != 0:
            pytest.skip("cannot remount read-only here")
        with pytest.raises(OSError):
            (mnt / "probe").write_text("x")
        assert main(["query", "--store", str(mnt), "ASK { ?s a nkg:Person }"]) == 0
        assert capsys.readouterr().out == "true\n"
        assert main(["export", "--store", str(mnt), "-o", str(tmp_path / "x.nq")]) == 0
        assert main(["view", "--store", str(mnt), "--out", str(tmp_path / "v" / "index.html")]) == 0
        with newskg_server(str(mnt)) as url:
            with urllib.request.urlopen(url + "/sparql?query=" + urllib.parse.quote("ASK { ?s a nkg:Statement }"), timeout=30) as r:
                assert json.loads(r.read())["boolean"] is True
    finally:
        subprocess.run(["umount", str(mnt)], capture_output=True)
