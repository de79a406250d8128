"""A town and the area of its name are two places, however other articles' names chain them.

Made-up names; readings written by hand (no model): a dateline town ("ZORVA, May 3 —") and the
"Zorva Region" of one article, another article's bare "Zorva" typed as an area ("the Zorva and
Velkor regions"), a third's bare "Zorva" with no type of its own. Resolution must keep the town
apart from the region in every order of the readings, and still join the area names.
"""

from itertools import permutations

import pytest

from newskg.candidates import Candidate, place_marks
from newskg.matching import place_core
from newskg.models import ADMIN_AREA, PLACE, SETTLEMENT, Article, Mention, Reading, Span
from newskg.resolve import resolve


def _reading(aid: str, names: list[tuple[str, str, float, str | None]], dateline: int | None = None) -> Reading:
    """A reading of ``names`` ((text, class, weight, place keyword)); ``dateline``: the index of
    the name the dateline gives. Each name is its own cluster, as the article keeps them."""
    text = " ".join(n for n, *_ in names)
    mentions, pos, line = [], 0, None
    for i, (name, cls, weight, keyword) in enumerate(names):
        mentions.append(Mention(id=i, text=name, start=pos, end=pos + len(name), cls=cls, weight=weight,
                                keyword=keyword, votes=((cls, weight),)))
        if i == dateline:
            line = Span(pos, pos + len(name))
        pos += len(name) + 1
    art = Article(id=aid, source=f"{aid}.txt", text=text, body=text, dateline=line)
    return Reading(article=art, mentions=tuple(mentions), clusters=tuple((i,) for i in range(len(names))))


DATELINE = _reading("a", [("ZORVA", SETTLEMENT, 5.0, None), ("Zorva Region", ADMIN_AREA, 3.0, "region"),
                          ("Velkor", ADMIN_AREA, 3.0, None)], dateline=0)
AREA = _reading("b", [("Zorva", ADMIN_AREA, 3.0, None), ("Velkor", ADMIN_AREA, 3.0, None)])
BARE = _reading("c", [("Zorva", PLACE, 1.0, None)])


def _groups(readings: list[Reading]) -> set[frozenset[tuple[str, str]]]:
    res = resolve(readings)
    return {frozenset((aid, m.text) for aid, m in e.mentions) for e in res.entities.values()}


@pytest.mark.parametrize("order", list(permutations([DATELINE, AREA, BARE])))
def test_a_dateline_town_never_joins_the_region_of_its_name(order):
    groups = _groups(list(order))
    town = next(g for g in groups if ("a", "ZORVA") in g)
    assert ("a", "Zorva Region") not in town and ("b", "Zorva") not in town
    region = next(g for g in groups if ("a", "Zorva Region") in g)
    assert ("b", "Zorva") in region  # the area named bare elsewhere (beside Velkor, as here) is the region
    assert groups == _groups([DATELINE, AREA, BARE])  # the same in every order


def test_a_town_the_text_shows_and_the_district_of_its_name_stay_two():
    one = _reading("d", [("Velkor", SETTLEMENT, 4.0, "town"), ("Velkor district", ADMIN_AREA, 3.0, "district")])
    other = _reading("e", [("Velkor", PLACE, 1.0, None)])
    groups = _groups([one, other])
    assert not any({("d", "Velkor"), ("d", "Velkor district")} <= g for g in groups)


def test_the_same_area_in_two_articles_is_still_one():
    groups = _groups([AREA, _reading("f", [("Zorva Region", ADMIN_AREA, 3.0, "region"), ("Velkor", ADMIN_AREA, 3.0, None)])])
    assert any({("b", "Zorva"), ("f", "Zorva Region")} <= g for g in groups)


def _cand(cls: str, weight: float, label: str = "Zorva", dateline: bool = False, bare_taken: bool = False) -> Candidate:
    m = Mention(0, label, 0, len(label), cls, weight, votes=((cls, weight),))
    return Candidate("a", [m], cls, label, bare_taken, dateline=dateline)


K = "core"  # stands for the name's sound without its place word, the same for "Zorva" and "Zorva Region"


@pytest.mark.parametrize(("cand", "marks"), [
    (_cand(SETTLEMENT, 5.0, dateline=True), {("a", K, "town"), ("", K, "town")}),  # a dateline: everywhere
    (_cand(SETTLEMENT, 3.0), {("a", K, "town")}),  # the words show a town: in its article
    (_cand(SETTLEMENT, 1.5), set()),  # a town guessed from the name alone: nothing
    (_cand(ADMIN_AREA, 1.0), {("a", K, "area"), ("", K, "area")}),
    (_cand(ADMIN_AREA, 3.0, "Zorva Region", bare_taken=True), {("a", K, "area"), ("", K, "area")}),
    (_cand(PLACE, 3.0), set()),
    (_cand("Country", 6.0, "Chile"), set()),
])
def test_place_marks(cand, marks):
    core = place_core("Zorva")
    assert core and place_core("Zorva Region") == core
    assert place_marks(cand) == {(aid, core, kind) for aid, _, kind in marks}
