"""The views without a browser: safe embedding, selection, page paths, the files and the CLI."""

from __future__ import annotations

import json
import re
from importlib import resources

import pytest

from newskg.cli import main
from newskg.views import render, write_views
from newskg.views.data import Article, Edge, Node, ViewGraph
from newskg.views.entity import page_path
from newskg.views.page import json_for_script
from newskg.views.select import Filters, select
from newskg.views.style import CLASSES, class_labels, property_labels
from tests import view_store as vs


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return vs.make_store(tmp_path_factory.mktemp("views") / "store")


@pytest.mark.parametrize("value", [
    "</script><script>alert(1)</script>", "<!-- a comment", "line\u2028separator\u2029para", "AT&T", "O'Neil",
    {"k": "</SCRIPT >"}, ["<", ">", "&"],
])
def test_json_for_script_cannot_end_the_script_and_round_trips(value):
    text = str(json_for_script(value))
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == value


@pytest.mark.parametrize("iri, path", [
    ("https://w3id.org/newskg/id/person/jane-doe", "entity/person_jane-doe.html"),
    ("https://w3id.org/newskg/id/incident/2024-01-02/north", "entity/incident_2024-01-02_north.html"),
    ("https://w3id.org/newskg/id/country/XK", "entity/country_XK.html"),
])
def test_page_path_is_readable(iri, path):
    assert page_path(iri) == path


def test_page_path_keeps_lossy_names_apart():
    a, b = page_path("https://w3id.org/newskg/id/place/a b"), page_path("https://w3id.org/newskg/id/place/a+b")
    assert a != b and re.fullmatch(r"entity/[A-Za-z0-9_-]+\.html", a)


def test_every_class_has_its_own_colour_and_an_ontology_label():
    assert len({c.color for c in CLASSES}) == len(CLASSES)
    labels = class_labels()
    assert labels["GovernmentBody"] == "Government body" and labels["Statement"] == "Statement"
    props = property_labels()
    assert props["reportedIn"] == "reported in" and props["locatedIn"] == "located in" and props["speaker"] == "speaker"


def _toy() -> ViewGraph:
    arts = {"a1": Article("a1", "a1.txt", "a1.txt", "2024-01-05", "o1", "North Post"),
            "a2": Article("a2", "a2.txt", "a2.txt", "2024-03-09", "o2", "South Wire")}
    nodes = {
        "p": Node("p", "Ann Example", "Person", 3, ("a1", "a2")),
        "q": Node("q", "Bo Sample", "Person", 1, ("a2",)),
        "g": Node("g", "Ministry of Tests", "GovernmentBody", 2, ("a1",)),
        "t": Node("t", "Eastfield", "Settlement", 1, ("a1",)),
        "s1": Node("s1", "“x”", "Statement", 0, ("a1",), "2024-01-05", "x"),
        "s2": Node("s2", "“y”", "Statement", 0, ("a2",), "2024-03-09", "y"),
        "o1": Node("o1", "North Post", "MediaOutlet", 0, ()),
    }
    edges = (Edge("s1", "p", "speaker", "speaker"), Edge("s2", "q", "speaker", "speaker"),
             Edge("p", "g", "member", "adviser"), Edge("s1", "t", "mentions", "mentions"))
    return ViewGraph(nodes, edges, arts, total=len(nodes))


@pytest.mark.parametrize("filters, kept", [
    (Filters(), {"p", "q", "g", "t", "s1", "s2", "o1"}),
    (Filters(classes=("Person",)), {"p", "q"}),
    (Filters(since="2024-02-01"), {"p", "q", "s2"}),
    (Filters(until="2024-02-01"), {"p", "g", "t", "s1", "o1"}),
    (Filters(outlet="south wire"), {"p", "q", "s2"}),
    (Filters(article="a1.txt"), {"p", "g", "t", "s1", "o1"}),
    (Filters(focus="Ann Example", hops=1), {"p", "s1", "g"}),
    (Filters(focus="ann example", hops=2), {"p", "s1", "g", "t"}),
    (Filters(focus="Bo Sample", hops=0), {"q"}),
])
def test_select(filters, kept):
    assert set(select(_toy(), filters).nodes) == kept


def test_select_caps_to_the_most_connected_and_counts_what_it_left_out():
    g = select(_toy(), Filters(max_nodes=3))
    assert set(g.nodes) == {"p", "s1", "g"}  # degrees 2, 2, 1 (ties by id: g before q, s2, t)
    assert g.left_out == {"MediaOutlet": 1, "Person": 1, "Settlement": 1, "Statement": 1} and g.total == 7


@pytest.mark.parametrize("filters, message", [
    (Filters(focus="Nobody Here"), "no entity labelled"),
    (Filters(classes=("Dragon",)), "unknown class"),
    (Filters(outlet="Nowhere Times"), "no article was published by"),
])
def test_select_says_what_is_wrong(filters, message):
    with pytest.raises(ValueError, match=message):
        select(_toy(), filters)


def test_render_gives_self_contained_pages(store):
    pages = render(store)
    assert {"index.html", "timeline.html", "entity/person_dara-o-neil.html", "entity/organization_at-t.html",
            "entity/incident_2024-02-28_fenwick.html"} <= set(pages)
    for rel, html in pages.items():
        assert not re.search(r"""<(script|link|img|iframe)[^>]*\s(src|href)\s*=""", html, re.I), rel
        assert not re.search(r"""\b(src|href)\s*=\s*["']?(https?:)?//""", html, re.I), rel
        assert vs.IMG not in html and vs.SCRIPT not in html and "<!-- ferry" not in html, rel
        scripts = "".join(re.findall(r"<script[^>]*>(.*?)</script>", html, re.S))
        assert "\u2028" not in scripts and "<!--" not in scripts, rel


def test_entity_page_escapes_and_keeps_names_as_written(store):
    pages = render(store)
    evil = pages[page_path(vs.EVIL_PERSON)]
    assert "&lt;img src=x onerror=&#34;window.__pwned=1&#34;&gt;" in evil and "<script" not in evil
    att = pages[page_path(vs.ATT)]
    assert "<h2 id=\"label\">AT&amp;T</h2>" in att
    assert "Dara O&#39;Neil" in att  # a spokesperson of AT&T, linked from its page


def test_the_vendored_library_ships_with_its_licence():
    assets = resources.files("newskg.views") / "assets"
    assert "vis-network" in (assets / "vis-network.min.js").read_text(encoding="utf-8")[:400]
    assert "MIT License" in (assets / "LICENSE-MIT").read_text(encoding="utf-8")
    assert "Apache License" in (assets / "LICENSE-APACHE-2.0").read_text(encoding="utf-8")


def test_write_views_to_a_folder_and_to_a_file(store, tmp_path):
    written = write_views(store, tmp_path / "site")
    assert written[0] == tmp_path / "site" / "index.html" and (tmp_path / "site" / "timeline.html").is_file()
    written = write_views(store, tmp_path / "g" / "view.html")
    assert written[0] == tmp_path / "g" / "view.html"
    entity = (tmp_path / "g" / page_path(vs.ATT)).read_text(encoding="utf-8")
    assert 'href="../view.html"' in entity  # the pages link back to the network under its own name


def test_cli_view(store, tmp_path, capsys):
    assert main(["view", "--store", str(store), "--out", str(tmp_path / "v"), "--focus", "AT&T", "--hops", "1"]) == 0
    assert (tmp_path / "v" / "index.html").is_file()
    assert main(["view", "--store", str(store), "--out", str(tmp_path / "w"), "--focus", "Nobody"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["newskg: no entity labelled 'Nobody'"]
    assert main(["view", "--store", str(tmp_path / "missing"), "--out", str(tmp_path / "x")]) == 2
    assert not (tmp_path / "x").exists()
