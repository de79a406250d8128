"""Identities that never collide: Unicode letters kept in IRIs, one IRI per thing resolution keeps
apart, one node per thing it joins."""

import re
import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from newskg.iris import slug, unique_key
from newskg.resolve import entity_key, resolve
from tests.test_resolution import _reading

NKG = "https://w3id.org/newskg/ontology#"


NAMES = [("Иван Петров", "Person"), ("Արամ Պետրոսյան", "Person"), ("محمد علي", "Person"), ("王小明", "Person"),
         ("Ольга Смирнова", "Person"), ("李小龙", "Person"), ("Սոնա Հակոբյան", "Person"), ("فاطمة حسن", "Person")]


def test_names_in_other_scripts_stay_distinct():
    res = resolve([_reading(f"a{i}", [n]) for i, n in enumerate(NAMES)])
    people = {e.key: e.label for e in res.entities.values()}
    assert len(people) == len(NAMES)
    assert sorted(people.values()) == sorted(n for n, _ in NAMES)
    assert "person/иван-петров" in people and "person/王小明" in people  # the letters are kept


def test_one_person_in_two_spellings_is_one_node():
    res = resolve([_reading("a", [("İlham Əliyev", "Person")]), _reading("b", [("ILHAM ALIYEV", "Person")])])
    assert len(res.entities) == 1
    (ent,) = res.entities.values()
    assert {ent.label, *ent.alt_labels} == {"İlham Əliyev", "ILHAM ALIYEV"}


def test_azerbaijani_and_cyrillic_schwa_stay_apart():
    latin, cyrillic = "Rəşid Həsənli", "Рәшид Һәсәнли"  # U+0259 and U+04D9
    assert "\u0259" in latin and "\u04d9" in cyrillic
    res = resolve([_reading("a", [(latin, "Person")]), _reading("b", [(cyrillic, "Person")])])
    assert len(res.entities) == 2
    assert len({e.key for e in res.entities.values()}) == 2


def test_turkiye_is_one_country_node_however_it_is_typed():
    readings = [_reading("a", [("Türkiye", "Country")]), _reading("b", [("Türkiye", "Place")]),
                _reading("c", [("Turkey", "Settlement")]), _reading("d", [("TÜRKİYE", "Settlement")])]
    res = resolve(readings)
    assert [(e.key, e.cls) for e in res.entities.values()] == [("country/TR", "Country")]


def test_two_things_resolution_keeps_apart_never_share_an_iri(tmp_path, monkeypatch):
    """Two spellings the user's undo table keeps apart mint the same slug: the second is
    numbered, never merged into the first."""
    import newskg.aliases as aliases

    table = tmp_path / "distinct.csv"
    table.write_text("name_a,name_b,why\nDora Vale,DORA VALE,two people\n", encoding="utf-8")
    monkeypatch.setattr(aliases, "DISTINCT", table)
    res = resolve([_reading("a", [("Dora Vale", "Person")]), _reading("b", [("DORA VALE", "Person")])])
    keys = sorted(e.key for e in res.entities.values())
    assert keys == ["person/dora-vale", "person/dora-vale--2"]


@pytest.mark.parametrize(("taken", "want"), [(set(), "p/a"), ({"p/a"}, "p/a--2"), ({"p/a", "p/a--2"}, "p/a--3")])
def test_unique_key(taken, want):
    assert unique_key("p/a", taken) == want


_IRI_FORBIDDEN = re.compile(r'[\s<>"{}|\\^`]')


@given(st.text(min_size=1, max_size=40))
@example("\u03b0")  # case folding decomposes it
def test_slugs_are_iri_safe_idempotent_and_keep_letters(text):
    s = slug(text)
    assert s and not _IRI_FORBIDDEN.search(s)
    assert all(unicodedata.category(c)[0] in "LNM" or c == "-" for c in s)
    assert slug(s) == s
    key = entity_key("Person", text)
    assert key == entity_key("Person", text) and key.startswith("person/")
    folded = unicodedata.normalize("NFC", text.replace("İ", "I")).casefold()
    # case folding can decompose ("ΰ" → "ΰ"): the letters are those of the recomposed form
    letters = [c for c in unicodedata.normalize("NFC", folded) if c.isalpha()]
    assert all(c in s for c in letters)  # no letter is dropped
