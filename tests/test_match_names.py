"""Matching rules added for issue 10, one table row each, on names made up for these tests."""

import re

import pytest

from newskg.cluster import cluster_mentions
from newskg.models import Mention


def _mentions(text: str, names: list[str]) -> tuple[Mention, ...]:
    """Each name at its every place in ``text`` (longer names first, no overlaps), as a person."""
    taken: list[tuple[int, int]] = []
    out = []
    for name in sorted(set(names), key=len, reverse=True):
        for hit in re.finditer(rf"\b{re.escape(name)}\b", text):
            if any(s < hit.end() and hit.start() < e for s, e in taken):
                continue
            taken.append(hit.span())
            out.append(Mention(id=len(out), text=name, start=hit.start(), end=hit.end(), cls="Person"))
    return tuple(out)


def _groups(text: str, names: list[str]) -> set[frozenset[str]]:
    ms = _mentions(text, names)
    by_id = {m.id: m for m in ms}
    return {frozenset(f"{by_id[i].text}@{by_id[i].start}" for i in c) for c in cluster_mentions(ms, text)}


def _with(groups: set[frozenset[str]], start: int) -> set[str]:
    return {x.split("@")[0] for g in groups for x in g if any(y.endswith(f"@{start}") for y in g)}


@pytest.mark.parametrize(("text", "surname_at", "joined"), [
    # the kin in apposition is not the one whose kin he is: the surname is the other full name
    ("Police named the dead man as Orvel Tamsin Brakk. Brakk's brother, Hadric Brakk, said he was kind.",
     "Brakk's", {"Brakk", "Orvel Tamsin Brakk"}),
    ("Police named the dead man as Orvel Tamsin Brakk. Brakk's elder sister Wenna Brakk wept.",
     "Brakk's", {"Brakk", "Orvel Tamsin Brakk"}),
    ("Orvel Brakk died. Brakk’s widow, Wenna Brakk, spoke to reporters.",
     "Brakk’s", {"Brakk", "Orvel Brakk"}),
    # without a kin word the two full names leave the surname alone
    ("Orvel Tamsin Brakk died. Brakk's lawyer, Hadric Brakk, spoke.", "Brakk's", {"Brakk"}),
    # the only full name is the kin: the surname is someone else
    ("Brakk's brother, Hadric Brakk, said the family would sue.", "Brakk's", {"Brakk"}),
    # a full name later in the text is no kin of the surname
    ("Hadric Brakk arrived. Brakk said his son was safe.", "Brakk said", {"Brakk", "Hadric Brakk"}),
])
def test_a_surname_is_not_the_full_name_given_as_its_kin(text, surname_at, joined):
    names = ["Brakk", "Orvel Tamsin Brakk", "Orvel Brakk", "Hadric Brakk", "Wenna Brakk"]
    names = [n for n in names if re.search(rf"\b{n}\b", text)]
    start = text.index(surname_at)
    assert _with(_groups(text, names), start) == joined


@pytest.mark.parametrize(("sentence", "country"), [
    ("Latvia's Foreign Ministry spokeswoman Ilze Varkale said the talks would go on.", "Latvia"),
    ("Latvia’s Defence Ministry said the talks would go on.", "Latvia"),
    # no possessive: the article's own country
    ("The Foreign Ministry said the talks would go on.", "Estonia"),
])
def test_a_body_a_possessive_gives_a_country_is_that_countrys(read, sentence, country):
    reading = read("Estonia said on Monday that Estonia would host talks in Estonia's capital.\n\n"
                   f"{sentence} Estonia welcomed them.")
    canon = {m.canonical for m in reading.mentions if m.canonical and "Ministry" in m.canonical}
    assert canon and all(c.endswith(f"of {country}") for c in canon), canon


def _reading(aid, names):
    from newskg.models import Article, Reading

    text = " ".join(n for n, _ in names)
    ms, pos = [], 0
    for i, (name, cls) in enumerate(names):
        ms.append(Mention(id=i, text=name, start=pos, end=pos + len(name), cls=cls, votes=((cls, 2.0),)))
        pos += len(name) + 1
    return Reading(article=Article(id=aid, source=f"{aid}.txt", text=text, body=text), mentions=tuple(ms))


@pytest.mark.parametrize(("around_a", "around_b", "one"), [
    # the two articles name the same town: "Quillon" is the only Quillon of the store
    ([("Velmora", "Settlement")], [("Velmora", "Settlement")], True),
    # nothing else in common: a surname alone is no evidence across articles
    ([("Velmora", "Settlement")], [("Tarbinsk", "Settlement")], False),
    ([], [], False),
    # the same town, but each article names another country (and not the other's)
    ([("Velmora", "Settlement"), ("Estonia", "Country")], [("Velmora", "Settlement"), ("Latvia", "Country")], False),
])
def test_a_surname_alone_across_articles_needs_evidence(around_a, around_b, one):
    from newskg.resolve import resolve

    a = _reading("a", [("Idris Quillon", "Person"), *around_a])
    b = _reading("b", [("Quillon", "Person"), *around_b])
    for readings in ([a, b], [b, a]):
        people = [e for e in resolve(readings).entities.values() if e.cls == "Person"]
        assert (len(people) == 1) is one, [p.label for p in people]
        if one:
            assert any("surname alone" in n and "share" in n for n in people[0].merged_because)
