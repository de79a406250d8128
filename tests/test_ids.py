"""Article ids: from the URL when known, else the path under the input root; the same text under
two names is one article; two different texts under one id is an error."""

from __future__ import annotations

import json
from pathlib import PurePosixPath

import pytest

from newskg.ingest.ids import canonical_url, path_id, url_id
from newskg.pipeline import BuildReport, build, read_inputs

A = " date 2023-04-09\n\nThree fishermen were killed when a boat capsized near Saltbay on Sunday.\n"
B = " date 2023-04-10\n\nA bridge in Greyhollow was closed on Monday after a barge struck it.\n"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("a/report.txt", "a/report"),
        ("b/report.txt", "b/report"),
        ("a b.txt", "a%20b"),
        ("a-b.txt", "a-b"),
        ("Çaybaşı/haber.txt", "Çaybaşı/haber"),
        ("export.jsonl", "export.jsonl"),
        ("a#b?c.txt", "a%23b%3Fc"),
    ],
)
def test_path_ids_keep_names_apart(path, expected):
    assert path_id(PurePosixPath(path)) == expected


def test_url_ids_are_one_per_page():
    same = ["https://News.example.org/2023/04/story", "http://news.example.org/2023/04/story/",
            "https://news.example.org:443/2023/04/story#comments"]
    assert len({url_id(u) for u in same}) == 1
    assert url_id("https://news.example.org/2023/04/story?page=2") != url_id(same[0])
    assert url_id("ftp://news.example.org/x") is None and canonical_url("not a url") is None


def test_two_report_txt_in_two_folders_are_two_articles(tmp_path):
    for folder, text in (("a", A), ("b", B)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(text, encoding="utf-8")
    report = BuildReport()
    arts = read_inputs([tmp_path], report)
    assert sorted(a.id for a in arts) == ["a/report", "b/report"]
    assert report.errors == []


def test_the_same_text_under_two_names_is_one_article(tmp_path):
    (tmp_path / "first.txt").write_text(A, encoding="utf-8")
    (tmp_path / "copy.txt").write_text(A.replace("\n", "\r\n"), encoding="utf-8")  # line endings do not count
    report = BuildReport()
    arts = read_inputs([tmp_path], report)
    assert [a.id for a in arts] == ["copy"]
    assert report.warnings == ["first.txt: the same text as copy, built once"]


def test_two_texts_under_one_id_is_an_error(tmp_path):
    for folder, text in (("a", A), ("b", B)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(text, encoding="utf-8")
    report = BuildReport()
    arts = read_inputs([tmp_path / "a" / "report.txt", tmp_path / "b" / "report.txt"], report)
    assert [a.id for a in arts] == ["report"]
    assert report.errors == ["report.txt: another input (report.txt) is already article 'report'; "
                             "give their common folder instead, or rename one"]


def test_the_same_text_already_stored_under_another_name_is_not_built_again(tmp_path, nlp):
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "first.txt").write_text(A, encoding="utf-8")
    store = tmp_path / "store"
    assert build([tmp_path / "one"], store=store, progress=False, nlp=nlp).articles == 1
    (tmp_path / "two").mkdir()
    (tmp_path / "two" / "renamed.txt").write_text(A, encoding="utf-8")
    report = build([tmp_path / "two"], store=store, progress=False, nlp=nlp)
    assert report.articles == 0
    assert report.warnings == ["renamed.txt: the same text as first, built once"]


def test_remove_finds_an_article_by_its_file_or_its_url(tmp_path, nlp):
    from newskg.pipeline import remove

    (tmp_path / "in" / "a").mkdir(parents=True)
    (tmp_path / "in" / "a" / "report.txt").write_text(A, encoding="utf-8")
    rec = json.dumps({"url": "https://news.example.org/2023/04/bridge", "text": B}) + "\n"
    (tmp_path / "in" / "feed.jsonl").write_text(rec, encoding="utf-8")
    store = tmp_path / "store"
    assert build([tmp_path / "in"], store=store, progress=False, nlp=nlp).articles == 2
    gone = remove([str(tmp_path / "in" / "a" / "report.txt"), "http://news.example.org/2023/04/bridge/"], store)
    assert gone.errors == []
    assert sorted(i.rsplit("/article/", 1)[1] for i in gone.removed) == ["a/report", "web/news.example.org/2023/04/bridge"]
