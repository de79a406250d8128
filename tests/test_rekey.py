"""IRIs as a function of the store's articles: removing the article that spelt an entity first
leaves the store a fresh build of the others gives; two things on one key stay two, whichever
came first (``rekey``)."""

from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from newskg.build import QuadSink
from newskg.cli import main
from newskg.derive import format_votes
from newskg.export import load_store
from newskg.pipeline import build
from newskg.rekey import entity_keys, rekey
from newskg.store import OxigraphStore
from newskg.vocab import ID, NKG
from tests.test_derive import _same_store

REKEY = Path(__file__).parent / "data" / "rekey"
RDF_TYPE = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def _people(path: Path) -> set[str]:
    g = load_store(path).graph(ID["graph/derived"])
    return {str(s) for s in g.subjects(RDF_TYPE, NKG.Person)}


def _files(*names: str) -> list[Path]:
    return [REKEY / f"{n}.txt" for n in names]


@pytest.mark.parametrize("how", ["batch", "a first", "a last"])
def test_removing_the_article_that_spelt_an_entity_first_gives_a_fresh_build(nlp, tmp_path, how):
    store = tmp_path / "store"
    if how == "batch":
        build(_files("a", "b", "c"), store=store, progress=False, nlp=nlp)
    else:
        for name in ("a", "b", "c") if how == "a first" else ("c", "b", "a"):
            build(_files(name), store=store, progress=False, nlp=nlp)
    assert _people(store) == {str(ID["person/lucía-ferrán"])}  # a's spelling: the fullest
    assert main(["remove", "--store", str(store), "a"]) == 0
    build(_files("b", "c"), store=tmp_path / "fresh", progress=False, nlp=nlp)
    assert _people(tmp_path / "fresh") == {str(ID["person/lucia-ferran"])}
    _same_store(store, tmp_path / "fresh")
    # the surname in c is now joined to b's spelling, and says so; b's own name needs no note
    notes = {str(q[2]) for q in load_store(store).quads((None, NKG.mergeNote, None, None))}
    assert notes == {"'Ferrán' is 'Lucia Ferran': a surname alone stands for the only full name with it, "
                     "and they share other things named in both articles"}  # Velmora, in b and c


def test_removing_the_full_name_leaves_the_surname_its_own_key(nlp, tmp_path):
    build(_files("a", "c"), store=tmp_path / "store", progress=False, nlp=nlp)
    assert main(["remove", "--store", str(tmp_path / "store"), "a"]) == 0
    build(_files("c"), store=tmp_path / "fresh", progress=False, nlp=nlp)
    assert _people(tmp_path / "store") == {str(ID["person/ferrán"])}
    _same_store(tmp_path / "store", tmp_path / "fresh")


def _two_namesakes(first: str, second: str) -> str:
    """Two article graphs naming two different people "Ana Lind" (kept apart by resolution),
    stored under the IRIs ``first`` (article x's) and ``second`` (article y's)."""
    lines: list[str] = []
    for aid, iri, body in (("x", first, "organization/north-office"), ("y", second, "organization/south-office")):
        art = ID[f"article/{aid}"]
        g = QuadSink(art, lines)
        d = URIRef(f"{art}#e0")
        for t in ((d, NKG.about, ID[iri]), (d, NKG.inArticle, art), (d, NKG.name, Literal("Ana Lind")),
                  (d, NKG.classVotes, Literal(format_votes({"Person": 1.0}))),
                  (ID[f"membership/{aid}-0"], NKG.member, ID[iri]), (ID[f"membership/{aid}-0"], NKG.organization, ID[body])):
            g.add(t)
    return "".join(lines)


@pytest.mark.parametrize("first, second", [("person/ana-lind", "person/ana-lind--2"),
                                           ("person/ana-lind--south-office", "person/ana-lind"),
                                           ("person/x1", "person/x2")])
def test_namesakes_get_their_keys_from_the_articles_not_from_history(first, second):
    st = OxigraphStore.in_memory(_two_namesakes(first, second))
    rekey(st)
    held = {str(r["e"]) for r in st.query("SELECT DISTINCT ?e WHERE { GRAPH ?g { ?d nkg:about ?e } }")}
    # the earliest article's keeps the plain key; the other is told apart by the body it works for
    assert held == {str(ID["person/ana-lind"]), str(ID["person/ana-lind--south-office"])}
    x = st.query("SELECT ?e WHERE { GRAPH <https://w3id.org/newskg/id/article/x> { ?d nkg:about ?e } }")
    assert x == [{"e": str(ID["person/ana-lind"])}]
    assert entity_keys(st)[0] == {}  # a second pass changes nothing


def test_removing_the_report_that_named_an_event_renames_it_as_a_fresh_build(nlp, tmp_path):
    """d places a blast in a district, e in a village of it: one event, named after the smaller
    own key (d's district). Without d, the event is e's alone and named after e's village."""
    build(_files("d", "e"), store=tmp_path / "store", progress=False, nlp=nlp)
    events = {str(q[0]) for q in load_store(tmp_path / "store").quads((None, NKG.report, None, None))}
    assert events == {str(ID["incident/2024-04-05/adrova"])}
    assert main(["remove", "--store", str(tmp_path / "store"), "d"]) == 0
    build(_files("e"), store=tmp_path / "fresh", progress=False, nlp=nlp)
    events = {str(q[0]) for q in load_store(tmp_path / "store").quads((None, NKG.report, None, None))}
    assert events == {str(ID["incident/2024-04-05/zelmek"])}
    _same_store(tmp_path / "store", tmp_path / "fresh")


def test_a_rules_note_moves_to_the_next_article_when_its_first_is_removed(nlp, tmp_path):
    """p names a body in full, q and r by its initials alone: resolution notes the acronym rule
    once, on the first article using "CRA" (q). Without q, r is that article."""
    build(_files("p", "q", "r"), store=tmp_path / "store", progress=False, nlp=nlp)
    note = "'CRA' is 'Coastal Rescue Agency': an acronym of the only body with these initials or this stated short name"

    def noted(path):
        return {(str(q[3]), str(q[2])) for q in load_store(path).quads((None, NKG.mergeNote, None, None))
                if "/article/" in str(q[3])}

    assert noted(tmp_path / "store") == {(str(ID["article/q"]), note)}
    assert main(["remove", "--store", str(tmp_path / "store"), "q"]) == 0
    assert noted(tmp_path / "store") == {(str(ID["article/r"]), note)}
    build(_files("p", "r"), store=tmp_path / "fresh", progress=False, nlp=nlp)
    _same_store(tmp_path / "store", tmp_path / "fresh")
