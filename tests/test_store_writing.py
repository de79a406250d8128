"""A build's writes to the store: a new store appears whole or not at all; an existing one keeps
what it held. (A new store is filled aside with the bulk loader and renamed into place.)"""

from pathlib import Path

import pytest

import newskg.pipeline as pipeline
from newskg.pipeline import build
from newskg.store import MARKER, OxigraphStore, open_store

ARTICLE_A = " date 2024-03-18\n\nThe Harbour Office of Westmarch said on Monday that the pier at Lowfield is closed.\n"
ARTICLE_B = " date 2024-03-19\n\nMayor Tilda Quarrend said on Tuesday that the ferry to Lowfield runs again.\n"


def _articles(folder: Path, *texts: str) -> Path:
    folder.mkdir()
    for i, text in enumerate(texts):
        (folder / f"{folder.name}-{i}.txt").write_text(text, encoding="utf-8")
    return folder


def _graphs(store: Path) -> list[str]:
    st = open_store(store, read_only=True)
    try:
        return [g for g in st.graphs() if "/article/" in g]
    finally:
        st.close()




@pytest.mark.parametrize("exists", [False, True])
def test_a_failed_build_leaves_no_half_made_store(tmp_path, monkeypatch, exists):
    arts = _articles(tmp_path / "in", ARTICLE_A)
    store = tmp_path / "store"
    if exists:
        store.mkdir()  # an empty folder given as the store stays empty
    write = pipeline._write

    def write_then_fail(st, graphs, derived):
        write(st, graphs, derived)  # the graphs are in the store folder, then something goes wrong
        assert st.graphs()
        raise RuntimeError("derive failed")

    monkeypatch.setattr(pipeline, "_write", write_then_fail)
    with pytest.raises(RuntimeError, match="derive failed"):
        build([arts], store=store, progress=False)
    assert (sorted(store.iterdir()) == []) if exists else not store.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["in"] + (["store"] if exists else []))


@pytest.mark.parametrize("exists", [False, True])
def test_a_new_store_is_whole_after_a_build(tmp_path, exists):
    arts = _articles(tmp_path / "in", ARTICLE_A, ARTICLE_B)
    store = tmp_path / "store"
    if exists:
        store.mkdir()
    report = build([arts], store=store, progress=False)
    assert report.articles == 2 and not report.errors
    assert (store / MARKER).is_file()
    assert len(_graphs(store)) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "store"]  # no folder left aside
    st = open_store(store, read_only=True)
    try:  # what the build returned is what the store holds
        stored = set(st.dump_nquads().splitlines())
    finally:
        st.close()
    assert stored == set(report.nquads.splitlines())


def test_a_second_build_adds_to_the_store_in_place(tmp_path):
    store = tmp_path / "store"
    build([_articles(tmp_path / "one", ARTICLE_A)], store=store, progress=False)
    first = _graphs(store)
    report = build([_articles(tmp_path / "two", ARTICLE_B)], store=store, progress=False)
    assert report.articles == 1
    both = _graphs(store)
    assert len(first) == 1 and len(both) == 2 and set(first) < set(both)


def test_add_graphs_outside_a_fresh_store_is_one_transaction(tmp_path):
    st = OxigraphStore(tmp_path / "s")
    assert not st.fresh
    st.add_graphs("<urn:s> <urn:p> \"1\" <urn:g1> .\n<urn:s> <urn:p> \"2\" <urn:g2> .\n")
    with pytest.raises(SyntaxError):  # a bad line: nothing of the text is added
        st.add_graphs("<urn:s> <urn:p> \"3\" <urn:g3> .\n<urn:s> <urn:p> oops <urn:g4> .\n")
    assert st.graphs() == ["urn:g1", "urn:g2"]
    st.close()
