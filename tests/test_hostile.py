"""Hostile inputs: each gets one line and exit code 1; the rest of the batch is stored, nothing
stored before is lost and the incidents' derived graph is recomputed. Texts made up here."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest

from newskg.cli import main
from newskg.store import open_store

P = "PREFIX nkg: <https://w3id.org/newskg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
OLD = " date 2023-03-01\n\nTwo miners were killed when a tunnel collapsed in Greyhollow on Tuesday, the Mining Board said.\n"  # Tuesday: Feb 28
NEW = " date 2023-04-09\n\nThree fishermen were killed when a boat capsized near Saltbay on Sunday, the Norland Coast Guard said.\n"


def _articles(store: Path) -> set[str]:
    st = open_store(store)
    try:
        rows = st.query(P + "SELECT ?s WHERE { ?a a nkg:Article ; nkg:source ?s }")
        assert isinstance(rows, list)
        return {str(r["s"]) for r in rows}
    finally:
        st.close()


def _derived_dates(store: Path) -> set[str]:
    st = open_store(store)
    try:
        rows = st.query(P + "SELECT ?d WHERE { GRAPH <https://w3id.org/newskg/id/graph/derived> { ?i nkg:killed ?k } "
                            "?i nkg:date ?d }")
        assert isinstance(rows, list)
        return {str(r["d"]) for r in rows}
    finally:
        st.close()


@pytest.fixture()
def stored(tmp_path, nlp, capsys):
    """A store holding one article, built before the hostile batch."""
    old = tmp_path / "old"
    old.mkdir()
    (old / "mine.txt").write_text(OLD, encoding="utf-8")
    store = tmp_path / "store"
    assert main(["build", str(old), "--store", str(store)]) == 0
    capsys.readouterr()
    return store


def _batch(tmp_path: Path) -> Path:
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "good.txt").write_text(NEW, encoding="utf-8")
    return batch


def _check(store: Path, capsys, code: int, message: str) -> str:
    err = capsys.readouterr().err
    assert code == 1
    assert message in err, err
    lines = [line for line in err.splitlines() if message in line]
    assert len(lines) == 1
    assert {"mine.txt", "good.txt"} <= _articles(store)  # the old article kept, the good one stored
    assert {"2023-02-28", "2023-04-09"} <= _derived_dates(store)  # derived graph recomputed over both
    return err


def test_a_symlink_leaving_the_folder_is_skipped(tmp_path, stored, capsys):
    batch = _batch(tmp_path)
    secret = tmp_path / "outside.txt"
    secret.write_text("Somebody's private notes, not an article.\n", encoding="utf-8")
    os.symlink(secret, batch / "link.txt")
    os.symlink(batch / "good.txt", batch / "inside.txt")  # a link that stays inside is read (and is the same text)
    code = main(["build", str(batch), "--store", str(stored)])
    _check(stored, capsys, code, "link.txt: symbolic link to")
    assert not any("outside" in s or "link" in s for s in _articles(stored))


def test_a_fifo_is_skipped_without_blocking(tmp_path, stored, capsys):
    batch = _batch(tmp_path)
    os.mkfifo(batch / "pipe.txt")  # in the folder
    os.mkfifo(tmp_path / "named.txt")  # named on the command line
    code = main(["build", str(batch), str(tmp_path / "named.txt"), "--store", str(stored)])
    err = _check(stored, capsys, code, "pipe.txt: a FIFO, not a file, skipped")
    assert "named.txt: a FIFO, not a file, skipped" in err


def test_a_device_is_skipped(tmp_path, stored, capsys):
    batch = _batch(tmp_path)
    code = main(["build", str(batch), "/dev/zero", "--store", str(stored)])
    _check(stored, capsys, code, "/dev/zero: a character device, not a file, skipped")


def test_a_file_over_the_size_cap_is_skipped_before_reading(tmp_path, stored, capsys):
    batch = _batch(tmp_path)
    (batch / "huge.txt").write_text(NEW + "Filler words here. " * 60000, encoding="utf-8")  # about 1.1 MB
    code = main(["build", str(batch), "--store", str(stored), "--max-size", "1"])
    _check(stored, capsys, code, "huge.txt: 1140")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("latin1.txt", "Caf\xe9 owners said.".encode("latin-1"), "not UTF-8 text"),
        ("zeros.txt", b"\x00" * 100, "binary file"),
        ("empty.txt", b"  \n", "empty article"),
        ("broken.jsonl", b'{"text": "A good line, but no date here at all."}\n{not json\n', "line 2: not JSON"),
        ("broken.json", b"[1, 2", "not JSON"),
        ("notext.csv", b"title,url\nA,https://x.example/a\n", "no text column"),
        ("nothing.html", b"<html><body><nav>Home</nav></body></html>", "no main text"),
        ("junk.warc", b"garbage, not an archive", "not a readable WARC archive"),
        ("empty.warc", b"WARC/1.0\r\nWARC-Type: warcinfo\r\n\r\n", "no HTML page with status 200"),
        ("junk.rss", b"this is no feed at all", "not an RSS or Atom feed"),
    ],
)
def test_a_bad_file_is_one_line_and_the_batch_goes_on(tmp_path, stored, capsys, name, content, message):
    batch = _batch(tmp_path)
    (batch / name).write_bytes(content)
    code = main(["build", str(batch), "--store", str(stored)])
    _check(stored, capsys, code, message)


@pytest.mark.parametrize(
    "odd",
    ["\u2028", "\u2029", "\u0085", "\x0b", "\x0c", "\r", "\x07", "\u200b", "\u202e", "\u2066", "\ufeff"],
)
def test_separators_controls_zero_width_and_bidi_do_not_stop_a_batch_or_enter_labels(tmp_path, stored, capsys, odd):
    batch = _batch(tmp_path)
    text = f" date 2023-04-10\n\nCoast guard spokesperson Kofi Men{odd}sah said{odd} the search for Efua{odd} Adjei would go on.{odd}\n"
    (batch / "odd.txt").write_text(text, encoding="utf-8", newline="")
    code = main(["build", str(batch), "--store", str(stored)])
    assert code == 0, capsys.readouterr().err
    assert {"mine.txt", "good.txt", "odd.txt"} <= _articles(stored)
    st = open_store(stored)
    try:
        rows = st.query(P + "SELECT ?l WHERE { ?e rdfs:label ?l }")
    finally:
        st.close()
    assert isinstance(rows, list)
    for row in rows:
        label = str(row["l"])
        assert all(unicodedata.category(c) not in {"Cc", "Cf", "Zl", "Zp"} for c in label), repr(label)


def test_offsets_stay_true_to_an_nfd_file(tmp_path, nlp):
    from newskg.pipeline import build
    from newskg.store import OxigraphStore

    text = unicodedata.normalize("NFD", ' date 2023-04-10\n\n"The bridge will reopen in May," Mayor Émile Öztürk told reporters in Çaybaşı on Monday.\n')
    assert len(text) > len(unicodedata.normalize("NFC", text))
    (tmp_path / "nfd.txt").write_text(text, encoding="utf-8")
    report = build([tmp_path / "nfd.txt"], progress=False, nlp=nlp)
    st = OxigraphStore.in_memory(report.nquads)
    rows = st.query(P + "SELECT ?s ?e ?surface WHERE { ?m a nkg:Mention ; nkg:startOffset ?s ; nkg:endOffset ?e ; nkg:surface ?surface }")
    assert isinstance(rows, list) and rows
    surfaces = {str(r["surface"]) for r in rows}
    assert "Émile Öztürk" in surfaces and "Çaybaşı" in surfaces  # read composed (NFC)
    for r in rows:
        assert unicodedata.normalize("NFC", text[int(r["s"]):int(r["e"])]) == r["surface"]


def test_a_text_longer_than_the_model_limit_is_read_in_pieces(tmp_path, nlp):
    from newskg.pipeline import build

    para = "Three fishermen were killed when a boat capsized near Saltbay on Sunday, the Norland Coast Guard said.\n\n"
    text = " date 2023-04-09\n\n" + para * 10 + "Coast guard spokesperson Kofi Mensah said the search had ended.\n"
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    limit = nlp.max_length
    nlp.max_length = 500  # the same path a text over a million characters takes, at a test's cost
    try:
        report = build([tmp_path / "long.txt"], progress=False, nlp=nlp)
    finally:
        nlp.max_length = limit
    assert report.errors == [] and report.articles == 1
    assert "Kofi Mensah" in report.nquads  # a name past the first piece is read


def test_an_article_without_a_date_gets_a_warning(tmp_path, capsys, nlp):
    (tmp_path / "undated.txt").write_text("Two fishermen were rescued near Saltbay on Sunday.\n", encoding="utf-8")
    code = main(["build", str(tmp_path / "undated.txt"), "--store", str(tmp_path / "store")])
    err = capsys.readouterr().err
    assert code == 0
    assert "warning: undated.txt: no publication date" in err


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("page.html", '<!DOCTYPE html [<!ENTITY secret SYSTEM "file://{path}">]><html><body><article>'
                      "<p>Three fishermen were killed when a boat capsized near Saltbay on Sunday, the coast guard said. &secret;</p>"
                      "</article></body></html>"),
        ("items.rss", '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY secret SYSTEM "file://{path}">]>'
                      '<rss version="2.0"><channel><title>Coast News</title><item><title>Boat &secret;</title>'
                      "<link>https://coast.example/a</link><description>Three fishermen were killed when a boat "
                      "capsized near Saltbay on Sunday. &secret;</description></item></channel></rss>"),
    ],
)
def test_no_external_entity_is_read(tmp_path, name, content):
    from newskg.ingest import read_articles

    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRETVALUE", encoding="utf-8")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / name).write_text(content.format(path=secret), encoding="utf-8")
    items = list(read_articles([tmp_path / "in"]))
    for item in items:
        assert "TOPSECRETVALUE" not in repr(item)
    assert any(getattr(i, "text", "").startswith("Three fishermen") for i in items)


@pytest.mark.parametrize("suffix", [".txt", ".html", ".jsonl", ".json", ".csv", ".rss", ".warc", ".warc.gz"])
def test_any_bytes_give_articles_or_one_line_errors(tmp_path_factory, suffix):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from newskg.ingest import IngestError, read_articles
    from newskg.models import Article

    folder = tmp_path_factory.mktemp("fuzz")
    seeds = {".jsonl": b'{"text": "x"}\n', ".json": b'[{"text": "x"}]', ".csv": b"text,url\nx,y\n",
             ".rss": b"<rss><channel><item><description>x</description></item></channel></rss>",
             ".html": b"<html><body><p>x</p></body></html>", ".warc": b"WARC/1.0\r\n", ".warc.gz": b"\x1f\x8b"}

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.binary(max_size=300), st.sampled_from([b"", seeds.get(suffix, b"")]))
    def check(data: bytes, prefix: bytes) -> None:
        path = folder / f"input{suffix}"
        path.write_bytes(prefix + data)
        for item in read_articles([path]):
            assert isinstance(item, (Article, IngestError))
            if isinstance(item, IngestError):
                assert "\n" not in str(item) and str(item).startswith(str(path))

    check()


def test_a_file_swapped_for_a_link_after_the_walk_is_not_followed(tmp_path):
    from newskg.ingest import IngestError
    from newskg.ingest.files import iter_files, read_bytes

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(NEW, encoding="utf-8")
    (tmp_path / "secret.txt").write_text("not for reading", encoding="utf-8")
    (item,) = list(iter_files([tmp_path / "in"]))
    (tmp_path / "in" / "a.txt").unlink()
    os.symlink(tmp_path / "secret.txt", tmp_path / "in" / "a.txt")
    with pytest.raises(IngestError, match="cannot read"):
        read_bytes(item)
