"""Reports of one event across outlets: the matching rules, one row each, on made-up places."""

from datetime import date

import pytest

from newskg.incident_match import Report, group_reports, kinds_agree

D = date(2024, 5, 2)
NEXT = date(2024, 5, 3)
# Velmora village lies in the Ostrava Nova district; Tarbin is elsewhere
OUTER = {"place/velmora": {"place/ostrava-nova-district"}, "place/tarbin": {"place/lusivo-district"}}


def _r(own, art, kind="shelling", day=D, place="place/velmora", night=False, published=None):
    return Report(own, art, kind, day, place, night, published)


@pytest.mark.parametrize(("a", "b", "one"), [
    (_r("k1", "a"), _r("k2", "b"), True),  # same day, same place, figures aside
    (_r("k1", "a"), _r("k2", "b", kind="drone attack"), True),  # outlets word an attack differently
    (_r("k1", "a"), _r("k2", "b", kind="incident"), True),
    (_r("k1", "a"), _r("k2", "b", kind="road accident"), False),  # an attack is not a road accident
    (_r("k1", "a"), _r("k2", "b", place="place/ostrava-nova-district"), True),  # the district it lies in
    (_r("k1", "a"), _r("k2", "b", place="place/tarbin"), False),  # another place
    (_r("k1", "a"), _r("k2", "b", place="country/XX"), False),  # a country is too wide
    (_r("k1", "a"), _r("k2", "b", day=NEXT), False),  # the next day: another event
    (_r("k1", "a", night=True), _r("k2", "b", day=NEXT), True),  # "overnight": the next day's report
    (_r("k1", "a"), _r("k2", "b", day=None), False),  # no date, no match
    (_r("k1", "a"), _r("k2", "a"), False),  # one article's two incidents stay two
    # a town and the area named after it: the event in the town is in its area
    (_r("k1", "a", place="place/tarbin"), _r("k2", "b", place="place/tarbin-commune"), True),
    (_r("k1", "a", place="place/tarbin"), _r("k2", "b", place="place/tarbinsk-district"), False),
    # an undated report: its article came out on the event's day or in the LATE days after
    (_r("k1", "a"), _r("k2", "b", day=None, published=D), True),
    (_r("k1", "a"), _r("k2", "b", day=None, published=date(2024, 5, 5)), True),
    (_r("k1", "a"), _r("k2", "b", day=None, published=date(2024, 5, 6)), False),  # too late to be news of it
    (_r("k1", "a"), _r("k2", "b", day=None, published=date(2024, 5, 1)), False),  # out before the event
    (_r("k1", "a"), _r("k2", "b", day=None, published=D, place="place/tarbin"), False),  # another place
    (_r("k1", "a"), _r("k2", "b", day=None, published=D, kind="road accident"), False),
])
def test_two_reports(a, b, one):
    group = group_reports([a, b], OUTER)
    assert (group[a.own] == group[b.own]) is one


def test_the_event_key_is_the_smallest_own_key_whatever_the_order():
    reps = [_r("incident/2024-05-02/velmora", "a"), _r("incident/2024-05-02/ostrava-nova-district", "b"),
            _r("incident/2024-05-02/velmora-x", "c", place="place/velmora")]
    for order in (reps, reps[::-1], reps[1:] + reps[:1]):
        group = group_reports(order, OUTER)
        assert set(group.values()) == {"incident/2024-05-02/ostrava-nova-district"}


def test_a_chain_never_joins_two_incidents_of_one_article():
    a1 = _r("k1", "a", place="place/velmora")
    a2 = _r("k2", "a", place="place/ostrava-nova-district")
    b = _r("k3", "b", place="place/ostrava-nova-district")
    group = group_reports([a1, a2, b], OUTER)
    assert group["k1"] != group["k2"]


def test_kinds():
    assert kinds_agree("missile strike", "shelling") and not kinds_agree("accident", "IED explosion")


def test_an_undated_report_that_fits_two_events_joins_neither():
    one = _r("k1", "a", place="place/velmora")
    two = _r("k2", "b", day=NEXT, place="place/ostrava-nova-district")
    undated = _r("k3", "c", day=None, published=NEXT, place="place/ostrava-nova-district")
    for order in ([one, two, undated], [undated, two, one]):
        group = group_reports(order, OUTER)
        assert group["k3"] == "k3" and group["k1"] != group["k2"]


def _n(own, art, place, named=(), kind="incident", day=D):
    return Report(own, art, kind, day, place, False, None, frozenset(named))


@pytest.mark.parametrize(("a", "b", "one"), [
    # one outlet leads with the province, the other with the village; the first names the village too
    (_n("k1", "a", "place/marsh-province", {"place/marsh-province", "place/velmora"}),
     _n("k2", "b", "place/velmora"), True),
    (_n("k1", "a", "place/velmora"),
     _n("k2", "b", "place/marsh-province", {"place/velmora"}), True),
    # neither names the other's place
    (_n("k1", "a", "place/marsh-province", {"place/kelno"}), _n("k2", "b", "place/velmora"), False),
    # the place named, but another day or another kind of event
    (_n("k1", "a", "place/marsh-province", {"place/velmora"}), _n("k2", "b", "place/velmora", day=NEXT), False),
    (_n("k1", "a", "place/marsh-province", {"place/velmora"}, kind="road accident"),
     _n("k2", "b", "place/velmora", kind="shooting"), False),
])
def test_a_report_that_names_the_others_place(a, b, one):
    group = group_reports([a, b], {})
    assert (group[a.own] == group[b.own]) is one


def test_a_report_that_names_the_places_of_two_events_joins_neither():
    wide = _n("k1", "a", "place/marsh-province", {"place/velmora", "place/kelno"})
    one, two = _n("k2", "b", "place/velmora"), _n("k3", "c", "place/kelno")
    for order in ([wide, one, two], [two, one, wide]):
        group = group_reports(order, {})
        assert len(set(group.values())) == 3
