"""Why an incident's reports were joined (nkg:mergeNote on the incident), on made-up reports."""

import random
from datetime import date

import pytest
from rdflib import URIRef

from newskg.derive import derive_incidents
from newskg.incident_match import Report, incident_notes
from newskg.vocab import NKG

D, NEXT = date(2024, 5, 2), date(2024, 5, 3)
# Velmora village lies in the Ostrava Nova district
OUTER = {"place/velmora": {"place/ostrava-nova-district"}}


def _r(own, art, kind="shelling", day=D, place="place/velmora", night=False, published=None):
    return Report(own, art, kind, day, place, night, published)


@pytest.mark.parametrize(("b", "says"), [
    (_r("k2", "b"), ["kinds agree (shelling)", "same day (2024-05-02)", "same place (velmora",
                     "rule: kind, date and place agree"]),
    (_r("k2", "b", kind="drone attack"), ["kinds agree (shelling / drone attack)"]),
    (_r("k2", "b", place="place/ostrava-nova-district"), ["place: ostrava-nova-district encloses velmora"]),
    (_r("k2", "b", day=NEXT, night=True), ["adjacent days 2024-05-02 and 2024-05-03 (a report says it came at night)"]),
    (_r("k2", "b", place="place/tarbin"), ["places differ", "rule: each report's text names the other's place"]),
    (_r("k2", "b", day=None, published=NEXT), ["one report undated (its article came out 1 day(s) after 2024-05-02)",
                                               "rule: undated report"]),
    (_r("k2", "b", place="place/velmora-commune"), ["velmora and velmora-commune: a town and the area named after it"]),
])
def test_the_note_gives_each_test_and_the_rule(b, says):
    [note] = incident_notes([_r("k1", "a"), b], OUTER)
    assert note.startswith("joined a and b: ")
    for part in says:
        assert part in note


def test_the_enclosed_place_reads_the_other_way():
    [note] = incident_notes([_r("k1", "a", place="place/ostrava-nova-district"), _r("k2", "b")], OUTER)
    assert "place: ostrava-nova-district encloses velmora" in note


def test_a_single_article_gets_no_note():
    assert incident_notes([_r("k1", "a")], OUTER) == []
    assert incident_notes([], OUTER) == []


def test_three_reports_give_two_notes_whatever_their_order():
    reps = [_r("k1", "a"), _r("k2", "b", kind="attack"), _r("k3", "c", place="place/ostrava-nova-district")]
    first = incident_notes(reps, OUTER)
    assert len(first) == 2 and all(n.startswith("joined ") for n in first)
    for seed in range(5):
        random.Random(seed).shuffle(reps)
        assert incident_notes(reps, OUTER) == first


ID = "https://w3id.org/newskg/id/"


def _row(rep, art, kind, day, place, sent=""):
    return {"inc": ID + "incident/2024-05-02/velmora", "rep": ID + "report/" + rep, "art": ID + "article/" + art,
            "pub": None, "src": art + ".txt", "killed": None, "injured": None, "place": ID + place, "kind": kind,
            "date": day, "sent": sent}


def test_derived_incident_carries_the_note_only_when_joined():
    contains = [{"a": ID + "place/velmora", "b": ID + "place/ostrava-nova-district"}]
    one = [_row("x-0", "x", "shelling", "2024-05-02", "place/velmora")]
    two = one + [_row("y-0", "y", "attack", "2024-05-03", "place/ostrava-nova-district", "shelled overnight")]
    inc = URIRef(one[0]["inc"])

    def notes(rows):
        return sorted(str(o) for s, p, o in derive_incidents(rows, contains) if s == inc and p == NKG.mergeNote)

    assert notes(one) == []
    assert notes(two) == ["joined x.txt and y.txt: kinds agree (shelling / attack); adjacent days 2024-05-02 and "
                          "2024-05-03 (a report says it came at night); place: ostrava-nova-district encloses velmora; "
                          "rule: kind, date and place agree"]
    assert notes(list(reversed(two))) == notes(two)
