"""Casualty figures of news English: sentences written for these tests -> (killed, injured).

Each row is a sentence as a news writer would put it, with made-up names and places; the
figures are the ones a reader takes from it (None where the sentence gives none).
"""

import pytest

from newskg.extract.casualties import INJURED, KILLED, figures, largest, parse_number


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # subject of a passive or intransitive verb, with an elided second verb
        ("At least 12 people were killed and 30 injured when a lorry hit a queue at a border post.", 12, 30),
        ("One man died and two were injured when a wall collapsed in the market.", 1, 2),
        ("Eight miners lost their lives and 14 workers were wounded in the blast.", 8, 14),
        # the object of an active verb; an approximation counts as its number
        ("Gunmen fired into the crowd, killing six people and wounding four, police said.", 6, 4),
        ("A tremor struck the coast on Monday, killing at least 9 people and injuring more than 150.", 9, 150),
        ("Raiders killed three herders and stole their cattle.", 3, None),
        ("A rocket hit the ferry, killing its captain and wounding two sailors.", 1, 2),
        # a count split over conjoined groups; a clause inside the subject does not count
        ("Four men and three women died at the scene, the coroner said.", 7, None),
        ("At least five pupils, including two sisters from the same village, drowned when the canoe overturned.", 5, None),
        # "as well as X": a named person added to a counted group
        ("Two guards, Rolf Arnesen and Tiko Marrow, as well as engineer Pia Lund were killed and three people were hurt.", 3, 3),
        # headlines
        ("Three killed, five wounded in clash at fuel depot", 3, 5),
        ("Nine climbers dead after avalanche on the north face", 9, None),
        # tolls, stated and updated
        ("The death toll from the flood has risen to 23, the governor said.", 23, None),
        ("A third body was found on Tuesday, bringing the toll to four.", 4, None),
        ("Police had earlier put the toll at eight dead and 19 wounded.", 8, 19),
        ("The strike led to the death of two farmers and the injury of others.", 2, None),
        ("Forty-two guests were taken ill with suspected food poisoning after the feast.", None, 42),
        ("Eleven people, including a nurse, were hospitalised after the clash.", None, 11),
        # a toll of none, stated outright; "no one else" leaves it open
        ("No one was hurt when the roof of the depot caved in.", 0, 0),
        ("Nobody was killed in the fire, the brigade said.", 0, None),
        ("There were no casualties, the mayor said.", 0, 0),
        ("No injuries were reported.", None, 0),
        ("No one else was hurt.", None, None),
        # the dead counted as bodies; the hurt as those treated for wounds
        ("Rescuers pulled 11 bodies from the rubble on Sunday.", 11, None),
        ("The bodies of three fishermen were recovered near the reef.", 3, None),
        ("Seven people were treated for smoke inhalation.", None, 7),
        ("Paramedics treated a man for shrapnel wounds.", None, 1),
        # lives claimed
        ("The floods swept through the valley on Sunday, claiming 12 lives.", 12, None),
        ("The collapse took the lives of three workers.", 3, None),
        ("The storm claimed dozens of lives along the coast.", None, None),
        # a member named inside a counted group; a verb that shares its subject
        ("Four hikers, among them a ten-year-old boy, died when their boat sank off the cape.", 4, None),
        ("An elderly man, Tam Orrin, 80, collapsed and died at a market in the old town.", 1, None),
        # injuries as nouns; people brought to hospital are the injured
        ("A fire at a depot on Monday night caused the injury of two workers.", None, 2),
        ("Rescuers pulled 40 people from the water and 12 of them were taken to hospital.", None, 12),
        ("Nine people were treated in hospital for smoke inhalation.", None, 9),
        # hurt as told in a relative clause, through a verb that shares its subject
        ("A second officer, Ana Ruiz, who was hit in the leg and remains hospitalised, is expected to recover.", None, 1),
        # a second participle shares the first one's "was": still the passive of care
        ("A fourth person was pulled from the water by boaters and flown to hospital with serious injuries.", None, 1),
        ("Police took the two suspects to the station for questioning.", None, None),
        ("Nine people died and 14 others received injuries in the collision.", 9, 14),
        ("Thirteen other people were still being treated, the director said.", None, 13),
        ("The clinic received five people with machete wounds on Monday night.", None, 5),
        ("The case was treated as a murder.", None, None),
        ("Four persons were assassinated in an attack on a bar last Sunday.", 4, None),
        ("In a separate incident, gunmen shot dead four labourers at a construction site.", 4, None),
        ("The army announced the martyrdom of an officer and two soldiers and the injury of two others.", 3, 2),
        ("The report examined the death of the river's fish stocks.", None, None),
        ("The gunman killed two people and wounded a third outside the shop.", 2, 1),
        ("The blast destroyed a third of the houses in the village.", None, None),
        # singular victims
        ("A cyclist was killed while his companion was hurt when a van swerved.", 1, 1),
        ("A woman in her sixties was crushed to death by the falling balcony.", 1, None),
        ("Two brothers were shot dead outside their shop.", 2, None),
        # parts of a toll and other numbers are no figures
        ("Doctors said three of the injured were in critical condition.", None, None),
        ("The court sentenced the two men to death for the murders.", None, None),
        ("The ferry was carrying 120 passengers when it left the port.", None, None),
        ("The council will pay 50,000 dollars to the family of each person killed.", None, None),
        ("Firefighters used ladders to bring the injured down from the roof.", None, None),
    ],
)
def test_figures(nlp, text, killed, injured):
    found = figures(nlp(text)[:])
    assert (largest(found, KILLED), largest(found, INJURED)) == (killed, injured), found


@pytest.mark.parametrize(
    ("text", "value"),
    [("14", 14), ("1,250", 1250), ("fifteen", 15), ("forty-seven", 47), ("a dozen", 12), ("Twenty", 20),
     ("another", None), ("the", None)],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_a_dateline_parsed_as_the_subject_gives_the_count_in_apposition():
    """"KESTON — Two children were killed": the parser may take the town for the subject and the
    counted group for its apposition; the count is the group's."""
    import spacy
    from spacy.tokens import Doc

    doc = Doc(
        spacy.blank("en").vocab,
        words=["KESTON", "Two", "children", "were", "killed", "."],
        heads=[4, 2, 0, 4, 4, 4],
        deps=["nsubjpass", "nummod", "appos", "auxpass", "ROOT", "punct"],
        pos=["PROPN", "NUM", "NOUN", "AUX", "VERB", "PUNCT"],
        tags=["NNP", "CD", "NNS", "VBD", "VBN", "."],
        lemmas=["KESTON", "two", "child", "be", "kill", "."],
    )
    assert largest(figures(doc[:]), KILLED) == 2
