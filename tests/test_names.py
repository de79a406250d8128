"""Entity rules: sentences written for these tests -> the class a reader gives each name.

Every name here is made up; none comes from the corpus texts.
"""

import pytest
import spacy

from newskg.extract.people import has_patronymic, is_given_name, opens_with_given_name
from newskg.models import coarse
from newskg.resolve import resolve


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


@pytest.mark.parametrize(
    ("name", "patronymic"),
    [
        ("Irina Pavlovna Kosheleva", True),
        ("Oleg Dmitrievich Varlamov", True),
        ("Taras Mykolayovych Hrebin", True),
        ("Ion Vasilievici Cernat", True),
        ("Elnur Rasim oglu Tagiyev", True),
        ("Gulnara Ruslan qizi Aliyeva", True),
        ("Irina Kosheleva", False),
        ("Kestrel Valley Authority", False),
    ],
)
def test_patronymics(blank, name, patronymic):
    assert has_patronymic(blank(name)) is patronymic


@pytest.mark.parametrize(
    ("word", "given"),
    [("Maria", True), ("Fatima", True), ("Svetlana", True), ("Santa", False), ("San", False), ("Al", False),
     ("Ministry", False), ("Xqzvbl", False)],
)
def test_given_names(word, given):
    assert is_given_name(word) is given


@pytest.mark.parametrize(
    ("name", "person"),
    [
        ("Maria Quendolyn Tasker", True),
        ("Svetlana Orbelo", True),
        ("Maria Valley Heights", False),  # a place word ends it
        ("Maria Institute of Tanning", False),  # a body's head word
        ("Santa Orbelo", False),  # a word that opens place names
        ("Tasker Quendolyn", False),  # no given name first
    ],
)
def test_opens_with_given_name(blank, name, person):
    assert opens_with_given_name(blank(name)) is person


def _classes(reading):
    res = resolve([reading])
    return {e.label: coarse(e.cls) for e in res.entities.values()}


@pytest.mark.parametrize(
    ("text", "name", "cls"),
    [
        # a role and a comma beside the name: its holder
        ("The agency said in a statement signed by its spokesperson, Obadiah Kwentu Marrow.",
         "Obadiah Kwentu Marrow", "Person"),
        ("Zoltrane Vesko Harmaty, director of the Kestrel Water Institute, resigned on Monday.",
         "Zoltrane Vesko Harmaty", "Person"),
        # an age after a comma: a person, also at the end of a sentence
        ("The driver was identified as Dovan Kelsari, 42.", "Dovan Kelsari", "Person"),
        # a body named head first holds no person
        ("Twelve pupils were admitted to Hospital Tanjung Merah for treatment.", "Hospital Tanjung Merah", "Organization"),
        # a patronymic makes a person
        ("The victims were Lidiya Arkadyevna Zhuravel and her son.", "Lidiya Arkadyevna Zhuravel", "Person"),
        # a name after a preposition of place, with nothing else to say what it is
        ("Two farmers died when a mud wall collapsed in Tembrazi on Sunday.", "Tembrazi", "Place"),
        ("A drone struck a car near Qoravenko late on Friday.", "Qoravenko", "Place"),
        # a name that owns a district
        ("Shelling hit homes in Ostravelka's Lipno district overnight.", "Ostravelka", "Place"),
        # a lower-case head written after a bare name is part of it
        ("Shells hit the Tembrazi camp for displaced people on Monday.", "Tembrazi camp", "Place"),
        ("Police said gunmen of the Vasquera cartel attacked a bar.", "Vasquera cartel", "Organization"),
        ("Clashes broke out at Olumbe polling centre in the afternoon.", "Olumbe polling centre", "Place"),
        # names joined in a list are of one kind
        ("Temperatures passed 40 degrees in Zwolle, Deventer and Benazo Tarr on Sunday.", "Benazo Tarr", "Place"),
        ("Rescuers reached the village of Vyrnavo and Tolmasko Dorr before dawn.", "Tolmasko Dorr", "Place"),
        # a comma alone is no list: a clause or an apposition follows
        ("According to the Harwick Safety Guild, Ruritania recorded 28 collapses in 2024.",
         "Harwick Safety Guild", "Organization"),
        ("The spokesman of the relief room of Tembra camp, Hamid Abd al-Noor Yassin, said the dead were buried.",
         "Hamid Abd al-Noor Yassin", "Person"),
        # a local office's place: a governor's region, a mayor's town
        ("Harwick Governor Tarek Amsali visited the injured at the district hospital.", "Harwick", "Place"),
        ("Alderby Mayor Joan Pettigrew opened the shelter on Monday.", "Alderby", "Place"),
        # a title, a name, then the body: the name ends before "of"
        ("Father Tomasz Welinski of the Diocese of Harwick said families were sheltering in a school.",
         "Tomasz Welinski", "Person"),
        ("Father Tomasz Welinski of the Diocese of Harwick said families were sheltering in a school.",
         "Diocese of Harwick", "Organization"),
        # a person's part in the story, a form of address and a police rank are no part of the name
        ("Survivor Amara Dolsen, 34, said passengers had no time to escape.", "Amara Dolsen", "Person"),
        ("Two persons, namely Malam Idris Kwanbe, 55, and Hajiya Zainab Dauda, 40, were shot dead.",
         "Idris Kwanbe", "Person"),
        ("Two persons, namely Malam Idris Kwanbe, 55, and Hajiya Zainab Dauda, 40, were shot dead.",
         "Zainab Dauda", "Person"),
        ("The Commissioner of Police, CP Musa Danlami Yaro, mobilised officers.", "Musa Danlami Yaro", "Person"),
        # a portfolio word ("Foreign") inside a body's name that the tagger reads whole: no holder after it
        ("The Office of Foreign Trade Control said exports fell in May.", "Office of Foreign Trade Control", "Organization"),
        # a town placed in its region by a comma
        ("Burntfield Courier | Wexdale Crossing, Saskatchewan", "Wexdale Crossing", "Place"),
    ],
)
def test_entity_class_from_context(read, text, name, cls):
    classes = _classes(read(text))
    assert classes.get(name) == cls, classes


def test_one_name_written_twice_is_one_thing(read):
    """The village the text types with a keyword stays a place where the text names it again."""
    reading = read("Shelling hit Vyrnavo, a village near the border, on Monday. "
                   "Aid workers will return to Vyrnavo this week.")
    classes = _classes(reading)
    assert classes.get("Vyrnavo") == "Place", classes
    assert [label for label in classes if "Vyrnavo" in label] == ["Vyrnavo"]


def _chunk_texts(nlp, text):
    from newskg.extract.chunks import name_chunks

    doc = nlp(text)
    return {doc[a:b].text for a, b in name_chunks(doc)}


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # a body and the town it stands in are two names; an embassy is named with its town
        ("The wounded were taken to the Kestrel General Hospital in Marrowby on Sunday.",
         {"Kestrel General Hospital", "Marrowby"}, {"Kestrel General Hospital in Marrowby"}),
        ("The Embassy of Ruritania in Zembla said it was in contact with the families.",
         {"Embassy of Ruritania in Zembla"}, set()),
        # a ministry named by its fields is one name
        ("The Ministry of Agriculture, Fisheries and Forestry said prices had risen.",
         {"Ministry of Agriculture, Fisheries and Forestry"}, {"Fisheries", "Forestry"}),
        ("Officials of the Minister for Water, Energy and Mines met on Monday.",
         {"Minister for Water, Energy and Mines"}, set()),
        # two bodies joined by "and" are two names; one body with "and" in its name stays one
        ("The Sandmoor Hospital and Eastvale Clinic received the wounded.",
         {"Sandmoor Hospital", "Eastvale Clinic"}, set()),
        ("The Lakeland Search and Rescue Agency sent two boats.", {"Lakeland Search and Rescue Agency"}, set()),
        # a body named by its topic with "on"
        ("The Eastmere Commission on Water Rights said it would appeal.",
         {"Eastmere Commission on Water Rights"}, {"Water Rights"}),
        ("The Council's Standing Committee on Rural Roads met on Monday.",
         {"Standing Committee on Rural Roads"}, set()),
        # a number that ends a name; not a year, a day of a date, a quantity
        ("Two inmates of Correctional Colony No. 9 died.", {"Correctional Colony No. 9"}, set()),
        ("Harbour Regional Office 4 said two boats were missing.", {"Harbour Regional Office 4"}, set()),
        ("The Kestrel Courier 2024 annual report was published.", {"Kestrel Courier"}, {"Kestrel Courier 2024"}),
        ("Posted Tue 10 Sep at noon.", set(), {"Tue 10"}),
        ("The pipeline will carry to Ruritania 12 million tonnes.", {"Ruritania"}, {"Ruritania 12"}),
        # a name with "-based", "-linked" is an adjective: the name stands alone; a given name after a hyphen stays
        ("A Harwick-based charity and an al-Qirsa-linked group were named.", {"Harwick", "al-Qirsa"},
         {"Harwick-based", "al-Qirsa-linked"}),
        ("Finance Minister Baek Min-ho said taxes would rise.", {"Finance Minister Baek Min-ho"}, set()),
        # a group's possessive inside a name
        ("Members of the Harwick Students' Union and the National People's Front marched.",
         {"Harwick Students' Union", "National People's Front"}, set()),
        # an acronym that spells the whole chunk keeps its "and"
        ("An officer at the Harbour Rescue and Fire Brigade (HRFB) said.", {"Harbour Rescue and Fire Brigade"}, set()),
        # a body's office is a body of its own; a title's office is one name
        ("The Treasury Department's Office of Harbour Assets Control named three officials.",
         {"Treasury Department", "Office of Harbour Assets Control"}, {"Treasury Department's Office of Harbour Assets Control"}),
        ("The Eastmere Prosecutor's Office opened a case.", {"Eastmere Prosecutor's Office"}, set()),
        # a preposition that opens the sentence is no part of the name after it
        ("Outside Congress, about 2,000 pensioners marched.", {"Congress"}, {"Outside Congress"}),
        ("Inside Harwick General Hospital, doctors worked all night.", {"Harwick General Hospital"},
         {"Inside Harwick General Hospital"}),
        # two particles inside a name; a body named head first
        ("She was taken to the Hospital Virgen de la Roca in Harwick.", {"Hospital Virgen de la Roca", "Harwick"}, set()),
    ],
)
def test_name_chunks(nlp, text, present, absent):
    chunks = _chunk_texts(nlp, text)
    assert present <= chunks, chunks
    assert not absent & chunks, chunks


@pytest.mark.parametrize(
    ("text", "not_entities"),
    [
        ("Unofficial figures put the toll higher, residents of the valley said.", {"Unofficial"}),
        ("The Kazakh side agreed to resume talks on Tuesday.", {"Kazakh"}),
        ("The governor wrote on X that schools would stay shut.", {"X", "X."}),
        ("BREAKING: Two people died when a bus overturned near Harwick on Monday.", {"Breaking", "BREAKING"}),
        # an English word opening a sentence, never capitalised inside one
        ("Votes were counted in Harwick overnight. Turnout was 41 percent.", {"Turnout"}),
        ("Officials in Harwick spoke to reporters. Can you share details? asked one.", {"Can"}),
        # a page header's section labels: an item of the masthead's line, a line of their own
        ("Harwick Horizon News – World Service\nMonday 5/5/2024\n\nRuritania to sell more rice from its "
         "stockpiles as prices keep climbing\n\nThe agriculture ministry of Ruritania said on Monday that it "
         "would sell rice.", {"World Service"}),
        ("Kestrel Valley Radio\nFarm Notes\n\nRuritania and Zembla sign a bird flu pact as the threat "
         "keeps growing\n\nRuritania and Zembla will share vets and vaccine stocks, ministers said.", {"Farm Notes"}),
        # a form of address the tagger cut from its name
        ("The manager of the authority, Arc. Fatima Bello Kurawa, told reporters the site was unsafe.", {"Arc", "Arc."}),
    ],
)
def test_common_words_and_page_labels_are_no_entities(read, text, not_entities):
    labels = set(_classes(read(text)))
    assert not labels & not_entities, labels


def test_a_name_opening_a_sentence_stays_a_name(read):
    """A party's or a country's name that owns something stays a name at a sentence's start."""
    labels = set(_classes(read("Reform's leader Jane Doe said on Monday that the vote was fair.")))
    assert "Reform" in labels, labels


@pytest.mark.parametrize(
    ("text", "one", "apart"),
    [
        # a body without the place it opens with, a body without its field, an outlet without its last word
        ("The Harbourland Coast Guard rescued nine fishermen. The Coast Guard said five were missing.",
         {"Harbourland Coast Guard", "Coast Guard"}, set()),
        ("The Council of the Eastern League met on Monday. The Council said it would send aid.",
         {"Council of the Eastern League", "Council"}, set()),
        ("The Kestrel Herald Online reported the crash. Officials told the Kestrel Herald that two died.",
         {"Kestrel Herald Online", "Kestrel Herald"}, set()),
        # a surname of two words
        ("Police chief Ignacio Ferrandez Olmo said two men were held. Ferrandez Olmo said more arrests would follow.",
         {"Ignacio Ferrandez Olmo", "Ferrandez Olmo"}, set()),
        # a surname alone, though it is also a town's name, after the person is named in full
        ("Councillor Edwina Marsh Carlisle opened the school. Carlisle said more classrooms were needed.",
         {"Edwina Marsh Carlisle", "Carlisle"}, set()),
        # of a four-word Spanish name, the father's surname (the word before the last)
        ("Inspector Marcelo Andres Valdivia Corral said two men were held. Valdivia added that one was armed.",
         {"Marcelo Andres Valdivia Corral", "Valdivia"}, set()),
        # a body named after the end of another's name is its own
        ("The Kestrel Mission to the Eastern League met the Eastern League on Monday.",
         set(), {"Kestrel Mission to the Eastern League", "Eastern League"}),
        # two bodies the short name could mean: neither
        ("The Ministry of Water and the Ministry of Roads met. The Ministry said it would act.",
         set(), {"Ministry of Water", "Ministry of Roads"}),
    ],
)
def test_short_forms_name_one_thing(read, text, one, apart):
    res = resolve([read(text)])
    by_mention = {m.text: e.key for e in res.entities.values() for _, m in e.mentions}
    assert len({by_mention.get(n) for n in one}) <= 1 and all(n in by_mention for n in one), by_mention
    assert len({by_mention.get(n) for n in apart}) == len(apart), by_mention


@pytest.mark.parametrize(
    ("name", "cls"),
    [
        # a body named "<head> of <field>" takes its head's class
        ("Executive Secretariat of the Harbour Safety System", "GovernmentBody"),
        ("Grand Assembly of Ruritania", "GovernmentBody"),
        ("University of Harwick", "Organization"),
        # a state's police, whatever its last word
        ("Eastmere State Police Command", "GovernmentBody"),
        ("Police Regional Office 4", "GovernmentBody"),
        # the last word still decides where it is a head
        ("Kestrel Herald", "MediaOutlet"),
    ],
)
def test_fine_class_of_a_body(name, cls):
    from newskg.extract.classes import org_class

    assert org_class(name, name.split()[-1].lower())[0] == cls
