"""Resolution as a function of the set of articles stored (``restore``, ``record``).

Made-up articles (``tests/data/order/``) where a decision of one article depends on another:
``x`` names Marta Olsen, ``y`` Jonas Olsen, ``z`` "Olsen" alone (the only full name with that
surname is hers unless ``y`` is stored); ``u`` and ``p`` name "the National Water Board" of
Uruguay and of Paraguay, ``w`` a board in a story naming both (one body per country its
articles name, so which board ``w``'s is depends on the others). Built at once, one by one in
any order, or with one article taken out, the store is the one a batch build of the same set
gives.
"""

from pathlib import Path

import pytest
from rdflib import URIRef

from newskg.build import article_iri
from newskg.export import load_store
from newskg.models import Article, Incident, LocatedIn, Membership, Mention, Reading, Statement
from newskg.pipeline import build, remove
from newskg.record import decode, encode
from newskg.restore import settle, settle_store, stored_readings
from newskg.store import OxigraphStore, open_store
from newskg.vocab import ID, NKG
from tests.test_derive import _same_store

ORDER = Path(__file__).parent / "data" / "order"
RDF_TYPE = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def _files(names: str) -> list[Path]:
    return [ORDER / f"{n}.txt" for n in names]


def _of_class(store: Path, cls: URIRef) -> set[str]:
    g = load_store(store).graph(ID["graph/derived"])
    return {str(s) for s in g.subjects(RDF_TYPE, cls)}


def _mentioned(store: Path, article: str, surface: str) -> set[str]:
    g = load_store(store).graph(ID[f"article/{article}"])
    return {str(g.value(m, NKG.mentionOf)) for m in g.subjects(NKG.surface, None)
            if str(g.value(m, NKG.surface)) == surface}


@pytest.fixture(scope="module")
def batches(nlp, tmp_path_factory):
    """A batch build of each set the tests compare with."""
    base = tmp_path_factory.mktemp("order-batch")
    for names in ("xyz", "xz", "upw", "uw"):
        build(_files(names), store=base / names, progress=False, nlp=nlp)
    return base


def test_a_surname_alone_joins_the_only_full_name_the_store_has(batches):
    # with both Olsens stored, "Olsen" alone is neither; with Marta's alone, hers
    xyz, xz = batches / "xyz", batches / "xz"
    assert len(_of_class(xyz, NKG.Person)) == 3
    assert _mentioned(xyz, "z", "Olsen") not in (_mentioned(xyz, "x", "Marta Olsen"), _mentioned(xyz, "y", "Jonas Olsen"))
    assert _mentioned(xz, "z", "Olsen") == _mentioned(xz, "x", "Marta Olsen")


@pytest.mark.parametrize("order", ["zxy", "yzx", "xzy"])
def test_one_by_one_in_any_order_gives_the_batch_store(nlp, tmp_path, batches, order):
    for name in order:
        build(_files(name), store=tmp_path / "store", progress=False, nlp=nlp)
    _same_store(tmp_path / "store", batches / "xyz")


@pytest.mark.parametrize("order", ["wup", "pwu"])
def test_a_national_body_one_by_one_gives_the_batch_store(nlp, tmp_path, batches, order):
    for name in order:
        build(_files(name), store=tmp_path / "store", progress=False, nlp=nlp)
    _same_store(tmp_path / "store", batches / "upw")


@pytest.mark.parametrize(("names", "cut", "rest"), [("xyz", "y", "xz"), ("upw", "p", "uw")])
def test_removing_an_article_resolves_again(nlp, tmp_path, names, cut, rest, batches):
    """Taking out the article that kept two names apart joins them, as a fresh build does."""
    store = tmp_path / "store"
    build(_files(names), store=store, progress=False, nlp=nlp)
    before = _of_class(store, NKG.Person if cut == "y" else NKG.GovernmentBody)
    assert remove([cut], store).removed == [str(ID[f"article/{cut}"])]
    _same_store(store, batches / rest)
    after = _of_class(store, NKG.Person if cut == "y" else NKG.GovernmentBody)
    assert len(before) >= 2 and len(after) == 1  # the two names the removed article kept apart are one


def test_every_article_keeps_its_reading_and_reads_back_the_same(batches):
    st = open_store(batches / "xyz", read_only=True)
    try:
        found = stored_readings(st)
    finally:
        st.close()
    assert found is not None and sorted(r.article.id for r, _ in found.values()) == ["x", "y", "z"]
    for reading, text in found.values():
        assert decode(encode(reading)) == reading and encode(reading) == text
        assert any(m.text == "Olsen" or m.text.endswith(" Olsen") for m in reading.mentions)


def test_a_record_keeps_every_field_of_a_reading():
    from datetime import date

    from newskg.models import Article, Span

    text = "ZORVA, 3 May — Ana Lind of the Harbor Authority said two died in Zorva."
    art = Article(id="a/1", source="a/1.txt", text=text, body=text, published=date(2024, 5, 3),
                  dateline=Span(0, 5), url="https://example.org/1", shifts=((3, 1),), digest="ab")
    reading = Reading(
        article=art,
        mentions=(Mention(0, "Zorva", 66, 71, "Settlement", 3.0, votes=(("Settlement", 3.0),)),
                  Mention(1, "Ana Lind", 15, 23, "Person"), Mention(2, "the Harbor Authority", 27, 47, "Organization",
                                                                  canonical="Harbor Authority of Zorva", keyword="x")),
        memberships=(Membership(1, "director", 2, 15, 47),),
        statements=(Statement((1,), "two died", 48, 70, "reported", date(2024, 5, 3), (0,)),),
        incidents=(Incident("death", 48, 71, date(2024, 5, 2), 0, killed=2, victims=()),),
        located_in=(LocatedIn(0, 2, 0, 5),), publisher_mention=2, clusters=((0,), (1,), (2,)))
    assert decode(encode(reading)) == reading
    assert encode(decode(encode(reading))) == encode(reading)
    assert decode("{}") is None and decode("not json") is None



def apply_step(st, readings=(), drop=()):
    """Build ``readings`` into (or take the readings ``drop`` out of) the store ``st`` as
    ``pipeline`` does, without the model; what ``settle_store`` settled."""
    from newskg.pipeline import _write

    gone = frozenset(str(article_iri(r.article.id)) for r in drop)
    settled = settle_store(st, list(readings), gone)
    assert settled is not None
    _write(st, settled.graphs, settled.derived, sorted(gone))
    return settled


def assert_whole(st, held) -> None:
    """``st`` holds, graph by graph, what resolving the readings ``held`` all at once gives."""
    _, graphs, derived = settle(list(held), {})
    whole = OxigraphStore.in_memory("".join(graphs.values()) + derived)
    assert st.graphs() == whole.graphs()
    for g in whole.graphs():
        assert set(st.graph_nquads(g).splitlines()) == set(whole.graph_nquads(g).splitlines()), g


def _made_up(aid: str, text: str, names: list[tuple[str, str]]) -> Reading:
    """A reading of ``text`` naming ``names`` ((surface, class)), each its own cluster."""
    mentions, pos = [], 0
    for i, (surface, cls) in enumerate(names):
        start = text.index(surface, pos)
        mentions.append(Mention(i, surface, start, start + len(surface), cls, 3.0, votes=((cls, 3.0),)))
        pos = start + len(surface)
    art = Article(id=aid, source=f"{aid}.txt", text=text, body=text)
    return Reading(article=art, mentions=tuple(mentions), clusters=tuple((i,) for i in range(len(names))))


MILLS = _made_up("p", "Ilse Varga of Korvin Mills spoke in Norway.",
                 [("Ilse Varga", "Person"), ("Korvin Mills", "Organization"), ("Norway", "Country")])
PORT = _made_up("q", "Tomas Reyn of the Dalby Port Authority spoke in Norway.",
                [("Tomas Reyn", "Person"), ("Dalby Port Authority", "Organization"), ("Norway", "Country")])
BOTH = _made_up("r", "Korvin Mills and the Dalby Port Authority signed a deal.",
                [("Korvin Mills", "Organization"), ("Dalby Port Authority", "Organization")])
VISIT = _made_up("s", "Anke Holm visited Norway.", [("Anke Holm", "Person"), ("Norway", "Country")])
DISTRICT = _made_up("t", "Floods hit the Norway district.", [("Norway", "AdministrativeArea")])
OTHER = _made_up("v", "Pia Lund spoke.", [("Pia Lund", "Person")])


def _iris(*readings: Reading) -> set[str]:
    return {str(article_iri(r.article.id)) for r in readings}


def test_an_article_naming_two_separate_stories_joins_them_and_nothing_else():
    st = OxigraphStore(None)
    for r in (MILLS, PORT, VISIT):
        apply_step(st, [r])
    settled = apply_step(st, [BOTH])  # names the bodies of p and of q: their articles, not s
    assert not settled.whole and set(settled.graphs) == _iris(MILLS, PORT, BOTH)
    assert_whole(st, [MILLS, PORT, VISIT, BOTH])
    settled = apply_step(st, drop=[BOTH])  # the two stories apart again: both resolved again
    assert not settled.whole and set(settled.graphs) == _iris(MILLS, PORT)
    assert_whole(st, [MILLS, PORT, VISIT])
    settled = apply_step(st, [OTHER])  # shares no key: resolved alone, though the store names Norway thrice
    assert not settled.whole and set(settled.graphs) == _iris(OTHER)
    assert_whole(st, [MILLS, PORT, VISIT, OTHER])


def test_a_country_name_met_as_another_thing_resolves_the_whole_store_while_it_is_there():
    st = OxigraphStore(None)
    for r in (MILLS, VISIT):
        apply_step(st, [r])
    settled = apply_step(st, [DISTRICT])  # "Norway" an area: the country's key met as another thing
    assert settled.whole and "country" in settled.why
    assert_whole(st, [MILLS, VISIT, DISTRICT])
    assert apply_step(st, [OTHER]).whole  # the store keeps the flag while the area is stored
    assert apply_step(st, drop=[DISTRICT]).whole
    assert_whole(st, [MILLS, VISIT, OTHER])
    settled = apply_step(st, [PORT])
    assert not settled.whole and set(settled.graphs) == _iris(PORT)
    assert_whole(st, [MILLS, VISIT, OTHER, PORT])
