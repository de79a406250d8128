"""Place typing from the words around a name: sentences written for these tests -> the class a
reader gives the name, and the mentions a joined name is cut into."""

import pytest

from newskg.models import ADMIN_AREA, COUNTRY, PLACE_CLASSES, SETTLEMENT


def _classes(reading, name):
    return {m.cls for m in reading.mentions if m.text == name and not m.nominal}


@pytest.mark.parametrize(
    ("text", "name", "cls"),
    [
        # "the northern Freedonian town of X": the keyword after a demonym is X's
        ("Rockets hit the northern Norwegian town of Kirvat Sholem on Thursday. Norway said it would respond.",
         "Kirvat Sholem", SETTLEMENT),
        # "the towns of X and Y": a town even when it shares a country's name
        ("Most of the victims were in the towns of Malta and Kalvata in upper Dravel, officials said.",
         "Malta", SETTLEMENT),
        # "in upper X": a part of an area
        ("Most of the victims were in the towns of Malta and Kalvata in upper Dravel, officials said.",
         "Dravel", ADMIN_AREA),
        # a country's name that is also a first name, written as a place, is the country
        ("Two families from Dravel province in eastern Dominica have feuded for years.", "Dominica", COUNTRY),
        # "between X and Y, also in Z province": both are towns
        ("Two volunteers died near the road between Koudara and Tamberma, also in Barvanga province, a source said.",
         "Koudara", SETTLEMENT),
        # "X zone", "X voivodeship": units of government in some countries, below a region or as a province
        ("The landslide buried homes in the Varnoli zone after heavy rain.", "Varnoli", ADMIN_AREA),
        ("Farmers blocked roads across the Quessa voivodeship on Monday.", "Quessa", ADMIN_AREA),
        # "the Y town of X": X is the town, Y the area it lies in
        ("Shelling hit the Dalmek town of Korvash on Sunday, the regional governor said.", "Korvash", SETTLEMENT),
        ("Shelling hit the Dalmek town of Korvash on Sunday, the regional governor said.", "Dalmek", ADMIN_AREA),
        # "Barangay X": a village, written with the word for one, whatever the tagger read it as
        ("Residents of Barangay Kessa Tamor in Pellin town were moved to a school after the flood.",
         "Barangay Kessa Tamor", SETTLEMENT),
        # "X is a town in Y"
        ("Korvash is a town in the Dalmek district.", "Korvash", SETTLEMENT),
        # "the Y provincial capital": Y is an area
        ("Shelling hit the Dalmek provincial capital on Sunday.", "Dalmek", ADMIN_AREA),
        # "X's Y neighbourhood": a part of a town
        ("Officers were at the scene in Varnoli's Kessa neighbourhood on Sunday morning.", "Kessa", SETTLEMENT),
        # "the X area of Y": a part of a town, even a name the tagger took for a person
        ("A bomb exploded in the Wadim Tessel area of Varnoli province on Friday.", "Wadim Tessel", SETTLEMENT),
    ],
)
def test_place_class_from_context(read, text, name, cls):
    assert cls in _classes(read(text), name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a place keyword that qualifies the apposition's noun is not the name's
        ("Omar Vessel, the district police officer in Kessawa, said the road was closed.", "Omar Vessel"),
    ],
)
def test_not_a_place(read, text, name):
    assert not _classes(read(text), name) & PLACE_CLASSES


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # "X of Y district": two places, not one name
        ("A cyclone hit the coast near Pellin of Quessa district on Monday.", {"Pellin", "Quessa"}),
        # "X District of Y": a city's district and the city
        ("Shelling hit a building in Oskarov District of Velinsk, the regional capital, on Sunday.",
         {"Oskarov District", "Velinsk"}),
    ],
)
def test_a_name_joining_two_places_is_cut(read, text, names):
    found = {m.text for m in read(text).mentions if m.cls in PLACE_CLASSES}
    assert names <= found, found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # one geographic name written with "of"
        ("The ship sank in the Bay of Biscay on Monday.", "Bay of Biscay"),
        # a party's or a ministry's name keeps its "of"
        ("The Liberal Party of Portugal met in Lisbon.", "Liberal Party of Portugal"),
        ("The Ministry of Social Development of Ontario said on Monday that aid was sent.",
         "Ministry of Social Development of Ontario"),
    ],
)
def test_one_name_with_of_is_kept(read, text, name):
    assert name in {m.text for m in read(text).mentions}


def test_heads_of_state_of_a_bloc_do_not_make_it_a_state(read):
    # "heads of state of X": the "state" of a head of state is not a keyword for X
    reading = read("The heads of state of Mercosur met in Calgary on Friday.")
    found = [m for m in reading.mentions if m.text == "Mercosur"]
    assert found and all(m.keyword != "state" and m.cls != ADMIN_AREA for m in found), found
