"""The store folder, exported files and the user's own tables: what a user sees on disk."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset
from rdflib.compare import isomorphic

from newskg.cli import main
from newskg.export import dataset_from_nquads
from newskg.store import MARKER, open_store
from tests.conftest import ROOT


def test_store_refuses_a_folder_with_other_files(tmp_path, capsys):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "todo.txt").write_text("mine\n", encoding="utf-8")
    art = tmp_path / "a.txt"
    art.write_text(" date 2024-03-18\n\nThe Harbour Office said on Monday that the pier is closed.\n", encoding="utf-8")
    assert main(["build", str(art), "--store", str(folder)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "neither empty nor a newskg store" in err
    assert sorted(p.name for p in folder.iterdir()) == ["todo.txt"]  # nothing written into it
    assert main(["query", "--store", str(folder), "ASK { ?s ?p ?o }"]) == 2
    assert sorted(p.name for p in folder.iterdir()) == ["todo.txt"]


def test_store_accepts_an_empty_folder_and_its_own(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    st = open_store(empty)
    st.close()
    assert (empty / MARKER).is_file()
    open_store(empty).close()  # a store is reopened


def test_jsonld_has_a_compact_context_and_the_same_bytes_every_run(seeds_store, tmp_path):
    base, _ = seeds_store
    outs = []
    for seed in ("1", "2"):  # another hash seed: set and dict order may not leak into the file
        out = tmp_path / f"x{seed}.jsonld"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run([sys.executable, "-m", "newskg.cli", "export", "--store", str(base / "store"), "-o", str(out)],
                              env=env, cwd=ROOT, capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    doc = json.loads(outs[0])
    ctx = doc["@context"]
    assert ctx["nkg"] == "https://w3id.org/newskg/ontology#"
    assert ctx["speaker"] == {"@id": "nkg:speaker", "@type": "@id"}
    assert ctx["Statement"] == "nkg:Statement"
    text = outs[0].decode()
    assert '"speaker":' in text and "https://w3id.org/newskg/ontology#speaker" not in text  # compacted
    ds = Dataset()
    ds.parse(data=text, format="json-ld")
    st = open_store(base / "store")
    try:
        stored = dataset_from_nquads(st.dump_nquads())
    finally:
        st.close()
    for g in stored.graphs():
        if len(g):
            assert isomorphic(g, ds.graph(g.identifier)), g.identifier


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_exported_files_follow_the_umask(seeds_store, tmp_path, umask, mode):
    base, _ = seeds_store
    old = os.umask(umask)
    try:
        out = tmp_path / "g.ttl"
        assert main(["export", "--store", str(base / "store"), "-o", str(out)]) == 0
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == mode


def test_the_package_carries_its_files_and_no_user_data():
    from importlib.resources import files

    pkg = files("newskg")
    for name in ("ontology/newskg.ttl", "ontology/shapes.ttl", "ontology/data/aliases.csv",
                 "ontology/data/country-wikidata.csv", "queries/who-said-what.rq"):
        assert (pkg / name).is_file(), name
    assert not (pkg / "ontology" / "data" / "distinct.csv").is_file()  # the user's undo list is theirs


def _two_spellings(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "one.txt").write_text(' date 2024-03-18\n\n"We will open the bridge," said Oleksa Brannik, head of the '
                                    'Harbour Office.\n', encoding="utf-8")
    (folder / "two.txt").write_text(' date 2024-03-19\n\n"The bridge is open," Brannik said on Tuesday. The Harbour '
                                    'Office confirmed it.\n', encoding="utf-8")
    return folder


def _people(store: Path) -> set[str]:
    st = open_store(store)
    try:
        rows = st.query("SELECT ?p WHERE { ?p a <https://w3id.org/newskg/ontology#Person> }")
    finally:
        st.close()
    assert isinstance(rows, list)
    return {str(r["p"]) for r in rows}


def test_the_users_tables_come_from_files_they_name(tmp_path, capsys):
    folder = _two_spellings(tmp_path)
    assert main(["build", str(folder), "--store", str(tmp_path / "merged" / "store")]) == 0
    assert len(_people(tmp_path / "merged" / "store")) == 1
    undo = tmp_path / "undo.csv"
    undo.write_text("name_a,name_b,why\nBrannik,Oleksa Brannik,two people\n", encoding="utf-8")
    assert main(["build", str(folder), "--store", str(tmp_path / "flag" / "store"), "--distinct", str(undo)]) == 0
    assert len(_people(tmp_path / "flag" / "store")) == 2
    # the same table named in newskg.toml beside the store
    (tmp_path / "cfg").mkdir()
    (tmp_path / "cfg" / "newskg.toml").write_text(f'distinct = "{undo.as_posix()}"\n', encoding="utf-8")
    assert main(["build", str(folder), "--store", str(tmp_path / "cfg" / "store")]) == 0
    assert len(_people(tmp_path / "cfg" / "store")) == 2
    capsys.readouterr()
    assert main(["build", str(folder), "--store", str(tmp_path / "x" / "store"), "--distinct", str(tmp_path / "nope.csv")]) == 2
    assert "nope.csv" in capsys.readouterr().err
    main(["build", str(folder), "--store", str(tmp_path / "reset" / "store")])  # no table: resolution as shipped
    assert len(_people(tmp_path / "reset" / "store")) == 1
