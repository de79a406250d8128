"""Every input format gives the same facts as the article as plain text, plus its metadata."""

from __future__ import annotations

import pytest

from newskg.pipeline import build
from newskg.store import OxigraphStore
from tests import formats

P = "PREFIX nkg: <https://w3id.org/newskg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
QUERIES = {
    "entities": "SELECT ?a ?b WHERE { ?e a ?a ; rdfs:label ?b FILTER(STRSTARTS(STR(?a), STR(nkg:)) && ?a NOT IN "
                "(nkg:Article, nkg:Mention, nkg:Membership, nkg:Statement, nkg:Incident, nkg:IncidentReport)) }",
    "statements": "SELECT ?a ?b WHERE { ?s a nkg:Statement ; nkg:speaker/rdfs:label ?a ; nkg:text ?b }",
    "memberships": "SELECT ?a ?b ?c WHERE { ?m a nkg:Membership ; nkg:member/rdfs:label ?a ; nkg:role ?b "
                   "OPTIONAL { ?m nkg:organization/rdfs:label ?c } }",
    "incidents": "SELECT ?a ?b ?c ?d WHERE { ?i nkg:report ?r . OPTIONAL { ?r nkg:date ?a } "
                 "OPTIONAL { ?r nkg:place/rdfs:label ?b } OPTIONAL { ?r nkg:killed ?c } OPTIONAL { ?r nkg:injured ?d } }",
    "article": "SELECT ?a ?b WHERE { ?x a nkg:Article ; nkg:published ?a ; nkg:publisher/rdfs:label ?b }",
}
META = P + """SELECT ?url ?headline ?author ?body ?hash WHERE { ?x a nkg:Article ; nkg:contentHash ?hash
  OPTIONAL { ?x nkg:url ?url } OPTIONAL { ?x nkg:headline ?headline } OPTIONAL { ?x nkg:author ?author }
  OPTIONAL { ?x nkg:articleBody ?body } }"""
EVIDENCE = P + "SELECT ?s ?e ?surface WHERE { ?m a nkg:Mention ; nkg:startOffset ?s ; nkg:endOffset ?e ; nkg:surface ?surface }"


def facts(st: OxigraphStore) -> dict[str, set[tuple]]:
    out = {}
    for name, q in QUERIES.items():
        rows = st.query(P + q)
        assert isinstance(rows, list)
        out[name] = {tuple(r.values()) for r in rows}
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory, nlp):
    folder = tmp_path_factory.mktemp("formats")
    files = formats.write_corpus(folder)
    out = {}
    for fmt in files:
        report = build([folder / fmt], progress=False, nlp=nlp)
        assert report.errors == [] and report.articles == 1, (fmt, report.errors)
        out[fmt] = (report, OxigraphStore.in_memory(report.nquads))
    return out


def test_the_plain_text_reads_as_expected(built):
    got = facts(built["text"][1])
    assert ("2023-04-09", "Tidewater Gazette") in got["article"]
    assert any(speaker == "Kofi Mensah" and "overloaded" in text for speaker, text in got["statements"])
    assert any(k == "3" and i == "12" for _, _, k, i in got["incidents"])


@pytest.mark.parametrize("fmt", ["html", "jsonl", "json", "csv", "rss", "atom", "warc"])
def test_each_format_gives_the_same_facts_and_its_metadata(built, fmt):
    assert facts(built[fmt][1]) == facts(built["text"][1])
    rows = built[fmt][1].query(META)
    assert isinstance(rows, list) and len(rows) == 1
    row = rows[0]
    assert row["url"] == formats.URL
    assert row["headline"] == formats.TITLE
    assert row["author"] == formats.AUTHOR
    assert row["body"] == formats.BODY
    # every piece of evidence can be shown: offsets point into the stored text
    for ev in built[fmt][1].query(EVIDENCE):
        assert row["body"][int(ev["s"]):int(ev["e"])] == ev["surface"]


def test_plain_text_offsets_point_into_the_file(built):
    st = built["text"][1]
    rows = st.query(META)
    assert rows[0]["body"] is None  # the file itself is the text: nothing stored twice
    for ev in st.query(EVIDENCE):
        assert formats.PLAIN[int(ev["s"]):int(ev["e"])] == ev["surface"]


def test_one_article_from_many_sources_is_built_once(tmp_path, nlp):
    from newskg.validate import validate_store

    formats.write_corpus(tmp_path / "in")
    report = build([tmp_path / "in"], store=tmp_path / "store", progress=False, nlp=nlp)
    assert report.errors == []
    assert report.articles == 2  # the plain text (no URL) and the web article under its URL
    assert sum("the same URL as" in w for w in report.warnings) == 6
    conforms, text = validate_store(tmp_path / "store")
    assert conforms, text
