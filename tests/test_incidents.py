"""Incidents of news English: short articles written for these tests -> (date, place, killed, injured).

Every name here is made up; the facts are the ones a reader takes from the text. The
publication date of the test articles is Monday 18 March 2024 unless the head gives another.
"""

from datetime import date
from pathlib import Path

import pytest

from newskg.resolve import resolve


def _incidents(reading):
    res = resolve([reading])

    def label(mid):
        e = res.entity(reading.article.id, mid) if mid is not None else None
        return e.label if e else None

    return [(i.date, label(i.place), i.killed, i.injured) for i in reading.incidents]


@pytest.fixture()
def read_raw(nlp):
    """An article given as the whole file, head and all."""
    from newskg.extract import extract
    from newskg.ingest import read_article

    def _read(text: str):
        return extract(read_article(Path("t.txt"), text), nlp=nlp)

    return _read


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # each numbered item of a roundup is its own story; its dateline is not the scene
        ("Regional brief\n\n1. KESTON \u2013 Two killed in market blast\n\n"
         "A bomb exploded at the main market in Keston on Tuesday, killing two people and injuring six, police said.\n\n"
         "2. LOMAS \u2013 Drones hit police post\n\n"
         "Drones dropped explosives on a police post in Varn township on Tuesday, injuring two officers.",
         [(date(2024, 3, 12), "Keston", 2, 6), (date(2024, 3, 12), "Varn", None, 2)]),
        # the toll sentence first, then the sentence that tells where and when
        ("The death toll from a mudslide in the hills above Corvel has risen to 12, officials said on Monday.\n\n"
         "The mudslide struck the hamlet of Velmora in the Tarn district on Saturday night after days of rain.",
         [(date(2024, 3, 16), "Velmora", 12, None)]),
        # a scene sentence before the toll
        ("A freight train hit a minibus at a crossing near the village of Brenno on Sunday morning.\n\n"
         "Four passengers died at the scene and six were injured, police said.",
         [(date(2024, 3, 17), "Brenno", 4, 6)]),
        # treatment elsewhere, and a victim's home town, are not the scene or another incident
        ("Three people were killed and 11 injured when a tanker exploded in the village of Radna on Sunday.\n\n"
         "Five critically injured people were flown to a hospital in Belgrove.\n\n"
         "Among the dead was Ivo Marek, a teacher in Kastel.",
         [(date(2024, 3, 17), "Radna", 3, 11)]),
        # the post of an official is not the scene
        ("Two workers were killed on Friday when a scaffold collapsed in Pellin, the governor of Ardenne province said.",
         [(date(2024, 3, 15), "Pellin", 2, None)]),
        # a superlative over the year does not make a dated event a tally
        ("Air strikes on the town of Varna Gora killed at least 11 people on Tuesday, in the deadliest day there this year.",
         [(date(2024, 3, 12), "Varna Gora", 11, None)]),
        # the scene after a transfer is still the scene
        ("Two boys were hurt and taken to hospital after a car hit them in the village of Tolmin on Friday.",
         [(date(2024, 3, 15), "Tolmin", None, 2)]),
        # an update is dated by its own day; the event by "Thursday's", "of last Monday"
        ("The death toll from Thursday's bombing at a market in Dunmere rose to nine on Saturday, doctors said.",
         [(date(2024, 3, 14), "Dunmere", 9, None)]),
        ("The number of people killed in the riots of last Tuesday in the town of Ashby rose to five, officials said on Sunday.",
         [(date(2024, 3, 12), "Ashby", 5, None)]),
        # the event's day inside the subject of an update; a visit to the wounded is no new incident
        ("The number of victims of the shelling of the village of Dorrin on Saturday has risen to 12 dead and 30 injured.\n\n"
         "The provincial governor visited the wounded at the district hospital on Sunday.",
         [(date(2024, 3, 16), "Dorrin", 12, 30)]),
        # "state" is no verb of saying here, so the date stays the event's
        ("Two state police officers were wounded on Saturday when a drone dropped a grenade on their post in the village of Kelso.",
         [(date(2024, 3, 16), "Kelso", None, 2)]),
        # a separate incident, and a place put first that moves the story (told without a day: the day of the one before)
        ("Six people were killed on Saturday when gunmen attacked a bus near the town of Orvik.\n\n"
         "In Sallow district, two farmers were wounded when their tractor hit a mine.",
         [(date(2024, 3, 16), "Orvik", 6, None), (date(2024, 3, 16), "Sallow", None, 2)]),
        # an event told in the perfect, with its day, is no tally
        ("Five members of one family have died after a landslide buried their house in the village of Sorrel "
         "on Wednesday night.", [(date(2024, 3, 13), "Sorrel", 5, None)]),
        # injuries written as a noun
        ("A fire at a depot in the town of Haldor on Sunday night caused the injury of two workers, the company said.",
         [(date(2024, 3, 17), "Haldor", None, 2)]),
        # a sentence that opens on an earlier period tells of another event
        ("Forty pupils were taken ill after a school lunch in the town of Arnby on Friday.\n\n"
         "Last month, more than 30 pupils fell ill after a canteen meal in the town of Brask.",
         [(date(2024, 3, 15), "Arnby", None, 40), (None, "Brask", None, 30)]),
        # a day after a verb of saying dates the saying; one before it, or after "said that", the event
        ("Two gunmen killed three traders at a market in the town of Oska on Saturday, officials said.",
         [(date(2024, 3, 16), "Oska", 3, None)]),
        ("The coast guard said on Sunday that a trawler had rammed a ferry near the island of Veln on Friday, injuring two crew.",
         [(date(2024, 3, 15), "Veln", None, 2)]),
        # later tolls of the same event on other days, with no new event or scene
        ("Two gunmen killed nine villagers in the village of Rask on Saturday.\n\n"
         "One more died this morning at the hospital, a nurse said.\n\n"
         "Twelve wounded were admitted to the district hospital on Sunday.",
         [(date(2024, 3, 16), "Rask", 9, 12)]),
        # the scene and day told after the toll: a river that burst its banks
        ("The death toll from the floods rose to 14 on Wednesday, officials said.\n\n"
         "Most of the victims were in the village of Harrow, where the river burst its banks on Monday night.",
         [(date(2024, 3, 18), "Harrow", 14, None)]),
        # the day told by a sentence that names the attack without a toll
        ("A man accused of killing two people and wounding a third outside a shop in the town of Rellow appeared "
         "before a judge on Monday.\n\n"
         "He faces two counts of murder in connection with Saturday night's shooting near the harbour.",
         [(date(2024, 3, 16), "Rellow", 2, 1)]),
        # the event after "weeks after" is not the meeting's; a breakdown over places is not the scene
        ("Ministers meeting in the town of Orsk on Wednesday agreed to set up a fund, ten weeks after an earthquake "
         "killed 16 people in the town of Vell.", [(None, "Vell", 16, None)]),
        ("At least nine people were killed as a storm lashed the province of Tarra on Thursday.\n\n"
         "Of the dead, three died in Morn, two in Sellit and one in Abo, officials said.",
         [(date(2024, 3, 14), "Tarra", 9, None)]),
        # "so far" with no period is the toll of the event told; a toll of those "who lost their lives"
        ("A landslide struck a bus on the highway near the town of Karn on Wednesday morning.\n\n"
         "So far 19 people have been confirmed dead and seven injured.",
         [(date(2024, 3, 13), "Karn", 19, 7)]),
        ("The number of people who lost their lives in the flood in the town of Pell has reached 23, officials said.",
         [(None, "Pell", 23, None)]),
        # a strike near a hospital happened where the hospital is; fighting told before its toll
        ("Later on Friday, a drone strike on a car near the central hospital in the town of Dorra killed two men.",
         [(date(2024, 3, 15), "Dorra", 2, None)]),
        ("The talks came days after fighting between armed groups in the town of Sarno on Saturday.\n\n"
         "At least 11 people were killed and dozens wounded, the emergency service said.",
         [(date(2024, 3, 16), "Sarno", 11, None)]),
        # a later death in hospital does not date the event
        ("The death toll from a shooting at a bar in the town of Calder rose to three after a wounded man died.\n\n"
         "Piet Ormand, 36, who had been shot in the chest, died in hospital early on Monday, officials said. "
         "Two other people were wounded in Saturday's attack.",
         [(date(2024, 3, 16), "Calder", 3, 2)]),
        # a name that qualifies an armed group is no scene; "blew up" tells an explosion
        ("On Monday afternoon, a shell fired during fighting between Tarrak rebels and the army fell on a market "
         "in the town of Lunno, wounding five people.", [(date(2024, 3, 18), "Lunno", None, 5)]),
        ("A car loaded with explosives blew up near the bus station of Varsk on Sunday, injuring two civilians.",
         [(date(2024, 3, 17), "Varsk", None, 2)]),
        # a tally's cue inside an aside about someone else
        ("The army, which has had troops in the province since 2019, said its soldiers killed four fighters near the "
         "village of Tarro on Sunday.", [(date(2024, 3, 17), "Tarro", 4, None)]),
        # the day a court acts dates the court, not the killing
        ("The court on Friday ordered the detention of two men accused of killing a guard in the town of Welby on Tuesday.",
         [(date(2024, 3, 12), "Welby", 1, None)]),
        # an event told without its day happened on the story's day: the day its lede gives ...
        ("Opposition deputies walked out of the assembly on Wednesday after the speaker refused a debate on fees.\n\n"
         "Outside, police fired tear gas at students in the town of Ostrel. Nine people were hurt, police said.",
         [(date(2024, 3, 13), "Ostrel", None, 9)]),
        # ... or the day of the event told before it; one told as earlier keeps no day
        ("At least nine people were killed as a storm lashed the province of Tarra on Thursday.\n\n"
         "In Morn district, two fishermen drowned when their boat capsized.",
         [(date(2024, 3, 14), "Tarra", 9, None), (date(2024, 3, 14), "Morn", 2, None)]),
        ("In May, two workers died when a tunnel collapsed in the town of Brisk.", [(None, "Brisk", 2, None)]),
        ("The explosion at the chemical plant in Harlow last year killed 12 people.\n\n"
         "On Saturday, a fire in the town of Penk injured three workers.",
         [(None, "Harlow", 12, None), (date(2024, 3, 16), "Penk", None, 3)]),
        # a scene told before its toll; a toll of none; a place left for is not the scene
        ("Fire broke out at a textile mill in the city of Rannoch on Thursday. Eleven workers died and 30 were "
         "taken to hospital.", [(date(2024, 3, 14), "Rannoch", 11, 30)]),
        ("Shells hit the village of Tamsk on Sunday morning, destroying a house. No one was hurt because the family "
         "had left for Brovno.", [(date(2024, 3, 17), "Tamsk", 0, 0)]),
        # a word that qualifies another noun ("the fire department") tells no event
        ("Offices in the provinces of Orla and Vask will close, but the fire department will work as usual.\n\n"
         "A fire at a substation in the town of Kest on Monday night caused the injury of two workers.",
         [(date(2024, 3, 18), "Kest", None, 2)]),
        # each entry of a live page is its own story
        ("14:30 – Rockets on Harrow\nAbout 20 rockets were fired towards the town of Harrow on Sunday afternoon. "
         "Paramedics treated a man for shrapnel wounds.\n\n"
         "12:15 – Shelling on Dunlo\nArtillery shelled the village of Dunlo on Sunday morning, destroying a barn. "
         "No one was hurt, the mayor said.",
         [(date(2024, 3, 17), "Harrow", None, 1), (date(2024, 3, 17), "Dunlo", 0, 0)]),
    ],
)
def test_incidents(read, text, expected):
    assert _incidents(read(text)) == expected


def test_head_lines_give_no_date_or_place(read_raw):
    reading = read_raw(
        "Bus falls into river, nine dead\n"
        "By Mila Strand in Harwick | 12 June 2023 | 09:40\n\n"
        "NORTHPORT, June 12 (Delta Wire) — Nine people were killed when a bus fell into a river near the village "
        "of Lessing on Sunday, police said.\n"
    )
    assert _incidents(reading) == [(date(2023, 6, 11), "Lessing", 9, None)]


def test_victims_listed_and_the_official_who_tells_of_them(read):
    from newskg.resolve import resolve

    reading = read(
        "Four people were killed on Sunday when a gas tank exploded at a bakery in the village of Marrow.\n\n"
        "Among the dead were Lena Oskarsson, 41, a baker, and her neighbour Piet Alder, 67, Mayor Tom Ruske told reporters."
    )
    res = resolve([reading])
    names = {res.entity(reading.article.id, v).label for i in reading.incidents for v in i.victims}
    assert names == {"Lena Oskarsson", "Piet Alder"}


def test_a_tally_over_a_period_is_not_an_incident(read):
    reading = read("More than 2,000 people were killed in political violence in the region in the first half of 2023.")
    assert reading.incidents == ()


def test_an_event_of_last_year_is_an_incident_but_a_tally_is_not(read):
    reading = read(
        "In May last year, a landslide in the Carrow district killed 40 people.\n\n"
        "A total of 212 people have been killed by landslides in the country, the agency said."
    )
    assert [(place, killed) for _, place, killed, _ in _incidents(reading)] == [("Carrow", 40)]


def test_suspects_places_and_facilities_are_no_victims(read):
    from newskg.resolve import resolve

    reading = read(
        "Two men were shot dead in the village of Orla on Sunday, and a third, Ansel Vorn, was taken to "
        "Hospital Mira Dane in critical condition.\n\n"
        "Tomas Kell and Berit Lunde were charged with the killings on Monday; Kell had fled to the Vasko forest.\n\n"
        "The gunman, identified as Pell Aster, was arrested at his home.\n\n"
        "Lars Ubbe appeared before a magistrate on Monday over the death of Dag Holm in a separate case.\n\n"
        "\"He was a kind man who never hurt anyone,\" his sister, Ilse Vorn, told reporters about the dead."
    )
    res = resolve([reading])
    names = {res.entity(reading.article.id, v).label for i in reading.incidents for v in i.victims}
    assert names - {"Dag Holm"} == {"Ansel Vorn"}, names  # the accused in court is no victim


def test_a_hurt_witness_and_a_list_of_the_deceased_are_victims(read):
    from newskg.resolve import resolve

    reading = read(
        "Three people were killed when a bus overturned near the village of Kerrin on Sunday, and a landmine "
        "planted by the Varrow Front wounded a farmer.\n\n"
        "The deceased are: Oren Tal (61 years), Mira Sel (58 years) and Kost Abeni (40 years).\n\n"
        "Lena Duric, 29, who suffered a broken arm, said the driver was going too fast.\n\n"
        "Ilse Marr, 50, who sells tea near the stop and was slightly hurt, said the bus swerved.\n\n"
        "\"We heard the crash,\" said Omar Fenn, 45, whose son was injured.\n\n"
        "The province, through the governor's spokesperson, Ada Morrow, said it would pay for the injured.\n\n"
        "The deceased driver Pavel Kiro was cremated on Tuesday morning."
    )
    res = resolve([reading])
    names = {res.entity(reading.article.id, v).label for i in reading.incidents for v in i.victims}
    assert names == {"Oren Tal", "Mira Sel", "Kost Abeni", "Lena Duric", "Ilse Marr", "Pavel Kiro"}


def test_an_anniversary_is_no_new_event(read):
    reading = read("Hundreds gathered on Sunday to mark the tenth anniversary of the bombing in the city of Corran "
                   "that killed 54 people.")
    assert reading.incidents == ()


def test_who_a_victim_or_a_speaker_belongs_to_is_no_victim(read):
    from newskg.resolve import resolve

    reading = read(
        "Village chief Ana Rell of Upper Tamsk was shot dead by gunmen in the town of Orvel on Sunday.\n\n"
        "\"We counted 12 bodies,\" said Paul Merrin, head of the council of the Kessa Vale sector."
    )
    res = resolve([reading])
    names = {res.entity(reading.article.id, v).label for i in reading.incidents for v in i.victims}
    assert names == {"Ana Rell"}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("A car hit a pedestrian on the ring road.", "road accident"),
        ("Two cars collided at the junction.", "road accident"),
        ("Forty guests were taken into care after a meal at a wedding.", "incident"),
        ("Artillery shelled the village overnight.", "shelling"),
        ("Nine people died of their injuries.", "incident"),
    ],
)
def test_the_kind_of_an_incident_is_read_from_whole_words(text, kind):
    from newskg.extract.incidents import _kind

    assert _kind(text) == kind
