"""Memberships from titles and appositions: sentences written for these tests -> (person, role, body)."""

import pytest

from newskg.resolve import resolve


def _memberships(reading):
    res = resolve([reading])

    def label(mid):
        e = res.entity(reading.article.id, mid) if mid is not None else None
        return e.label if e else None

    return {(label(m.person), m.role, label(m.organization)) for m in reading.memberships}


def _has(found, person, role, org):
    """The role words of one found row include the expected ones (the scorer's rule)."""
    want = set(role.split())
    return any(p == person and want <= set((r or "").split()) and o == org for p, r, o in found)


@pytest.mark.parametrize(
    ("text", "person", "role", "org"),
    [
        # a body, then a title, then the name: the body is the holder's
        ("Marlowe County Council Chair Dana Whitcombe said the shelter would stay open.",
         "Dana Whitcombe", "chair", "Marlowe County Council"),
        ("Redfern Fire Chief Tomas Kell said crews arrived within minutes.", "Tomas Kell", "fire chief", "Redfern"),
        # a title of two qualifiers and a rank: "Police Major", "District Magistrate"
        ("District Magistrate Arvind Kumble told reporters that the road would reopen.", "Arvind Kumble",
         "district magistrate", None),
        # a post before a glued rank: the post is the membership, with its body
        ("Westmark Police spokesperson Deputy Inspector General Hala Mirza said a case was filed.",
         "Hala Mirza", "spokesperson", "Westmark Police"),
        # "ORG role, Rank Name": the body before the role, across the comma
        ("Northgate State Police Command spokesperson, Superintendent of Police Ade Bankole, said two were held.",
         "Ade Bankole", "spokesperson", "Northgate State Police Command"),
        # a rank spelt short before the name
        ("Supt Farid Ousmane confirmed receiving a report from the school.", "Farid Ousmane", "superintendent", None),
        # a minister whose ministry the text never names belongs to the country
        ("Estonian Finance Minister Olek Varik said the budget was balanced.", "Olek Varik", "finance minister",
         "Estonia"),
        # "Minister of X of the Republic of Y": the country, not a body called "X of the Republic of Y"
        ("Minister of Water of the Republic of Paraguay Lidia Escobar held talks on Monday.", "Lidia Escobar",
         "minister", "Paraguay"),
        # a nickname in quotes inside the name is not part of it
        ('Harbour Town Mayor Joseph "Joe" Tanner condemned the attack.', "Joseph Tanner", "mayor", "Harbour Town"),
        # "the role of PLACE, X": the place is the body
        ("The mayor of Lowmoor, Edda Kranz, confirmed the names of the dead.", "Edda Kranz", "mayor", "Lowmoor"),
        # "the role of the BODY, Rank X"
        ("The blast was the work of a cell, according to the commander of the Lowmoor Metropolitan Police, "
         "Brigadier General Tor Halvik.", "Tor Halvik", "commander", "Lowmoor Metropolitan Police"),
        # a chain of "of" bodies: the last is the one the person serves
        ("Captain Ivo Brenner, commander of the Lowmoor company of the Coastal Guard, said the gates were down.",
         "Ivo Brenner", "commander", "Coastal Guard"),
        # an acronym in parentheses between the body and the role
        ("Lowmoor Weather Service (LWS) spokesperson Nia Okafor said rain would come on Friday.",
         "Nia Okafor", "spokesperson", "Lowmoor Weather Service"),
        # "Its director": the body named last before
        ("The wounded were taken to the Lowmoor General Hospital. Its director, Dr Sami Haddou, said three were "
         "children.", "Sami Haddou", "director", "Lowmoor General Hospital"),
        # "X, who commands the Y"
        ("Colonel Pavo Ristic, who commands the Northern Brigade, said patrols were stepped up.", "Pavo Ristic",
         "commander", "Northern Brigade"),
        # a head of government named with no body belongs to the article's country
        ("Uruguay's budget passed in Montevideo. Prime Minister Tomas Ibarz said taxes would fall.", "Tomas Ibarz",
         "prime minister", "Uruguay"),
        # a country's minister written "Country's Minister for X, Name"
        ("Iceland's Minister for Foreign Affairs, Jon Arnason, chaired the meeting.", "Jon Arnason", "minister",
         "Iceland"),
        # "<Place> police" is a body, and its chief its member
        ("Tampere police chief Ben Aroyo said two suspects were held.", "Ben Aroyo", "chief", "Tampere police"),
        # an honorific between the role and the name ("Justice" for a judge)
        ("LEC chairperson Justice Ama Boakye said the count was final.", "Ama Boakye", "chairperson", "LEC"),
        # a local office's place across two names: "the mayor of X, Name"
        ("No one was hurt, the mayor of Pell Ridge, Omar Dantu, told reporters.", "Omar Dantu", "mayor",
         "Pell Ridge"),
        # trades and compounds in an apposition, after an age
        ("The dead were named as Ivo Marek, 27, a mason from Dolna, and others.", "Ivo Marek", "mason", None),
        ("Among the dead was Lia Moreno, a community health worker, relatives said.", "Lia Moreno",
         "community health worker", None),
        ("One of the dead was Teo Halasz, 23, who worked as a waiter at the bar.", "Teo Halasz", "waiter", None),
        # a capitalised title in an apposition after the name
        ("Major General Adil Rashwan, Governor of Qena, ordered an inquiry.", "Adil Rashwan", "governor", "Qena"),
        # "Country's Title, Name" and "Its Title, Name"
        ("Iceland's Chief Veterinary Officer, Dr Ola Fenn, said the strain was new.", "Ola Fenn",
         "chief veterinary officer", "Iceland"),
        ("The Lowmoor Savings Bank kept rates. Its Governor, Dr. Ada Quist, said cuts would wait.", "Ada Quist",
         "governor", "Lowmoor Savings Bank"),
        # "the role of X company|province, Name": the keyword after the name belongs to it
        ("The spokesman of Voltaris company, Remi Osei, said a substation burned.", "Remi Osei", "spokesman",
         "Voltaris"),
        # "and" inside a ministry's name
        ("The Minister of Water and Sanitation, Ravi Menon, said the dams held.", "Ravi Menon",
         "minister", "Ministry of Water and Sanitation"),
        # the role's domain between the body and the title
        ("Nordmark energy policy spokesman Aksel Brun said prices would rise.", "Aksel Brun",
         "energy policy spokesman", "Nordmark"),
        # a body inside the apposition, before the role
        ('"We could not reach the farm," said Kemal Aydin, a Coastal Rescue Service team leader in Dolna.',
         "Kemal Aydin", "team leader", "Coastal Rescue Service"),
        # an apposition whose role is a qualifier and a title
        ("Lieutenant Commander Rafi Anwar, media officer of the Coast Guard, said nine were rescued.",
         "Rafi Anwar", "media officer", "Coast Guard"),
        # a common noun before the title stands for the body the article names (offices.csv, noun rows)
        ("The Foreign Ministry of Latvia said the sanctions were unfair. \"They will fail,\" ministry spokesman "
         "Orin Castell told state television.", "Orin Castell", "spokesman", "Foreign Ministry of Latvia"),
        ("The Unity Party rejected the result. Party spokesperson Jono Brask told journalists the count was rigged.",
         "Jono Brask", "spokesperson", "Unity Party"),
        # a title whose body is the one the article names with the office's word (offices.csv, title rows)
        ("Opposition MPs walked out of Parliament after Speaker Tom Welby refused a debate.", "Tom Welby",
         "speaker", "Parliament"),
        # the area a post serves is not its body: the body named before the role is
        ("The Harlow Police Service spokesperson for the Northern Region, Inspector Dana Poll, named the victim.",
         "Dana Poll", "spokesperson", "Harlow Police Service"),
        ("The children were aged nine, said Amir Zand, a local council member in Tolbek.", "Amir Zand",
         "local council member", None),
        # the owner of a body after "for" is not the body
        ("\"It will end,\" said Kim Sora, spokesperson for Latvia's Ministry of Foreign Affairs.", "Kim Sora",
         "spokesperson", "Ministry of Foreign Affairs of Latvia"),
        # a possessive body before a role with a lower-case domain word
        ("The ruling Unity Party's floor leader, Park Jin, said the opposition was wrong.", "Park Jin",
         "floor leader", "Unity Party"),
        # "the role of the commune of Z, X": the place keyword between the role and the place
        ("The mayor of the commune of Tolbek, Ali Sow, said twelve died.", "Ali Sow", "mayor", "Tolbek"),
        # "Country's ambassador to the UN, X": the country sends the ambassador
        ("Latvia's ambassador to the U.N., Omar Zaki, blamed the rebels.", "Omar Zaki", "ambassador", "Latvia"),
        # a body after a long chain of "of" phrases
        ("Peter Olsen, chairman of the regional board of the farmers' union Rural Solidarity Union, said "
         "protests would go on.", "Peter Olsen", "chairman", "Rural Solidarity Union"),
        # a titled name, then "of the <body>": the person and the body are two names, the post is in the body
        ("The man fled, Corporal Peter Olsen of the Directorate of Criminal Investigations (DCI) said.",
         "Peter Olsen", "corporal", "Directorate of Criminal Investigations"),
        # "Minister of <portfolio> <Name>": the portfolio words end where the holder's name begins; a
        # ministry only the title implies is the country's, the one named before the title
        ("Minister of Economy and Planning Farid bin Saad Al-Tamimi said growth would slow in Latvia. The Ministry "
         "of Economy and Planning will publish data.", "Farid bin Saad Al-Tamimi", "minister",
         "Ministry of Economy and Planning"),
        ("The Portuguese parliament sent condolences from Lisbon. Latvia's Minister of Internal Security Ahmed Nur "
         "Gedi told state radio that the attacker was stopped.", "Ahmed Nur Gedi", "minister", "Latvia"),
        ("Minister of Higher Education Dr. Anna Berzina rejected the claim.", "Anna Berzina", "minister",
         "Ministry of Higher Education"),
        # "X, Title at the Y": the body after "at"
        ("Anna Berzina, Minister of State at the Ministry of Foreign Affairs, said aid would come.", "Anna Berzina",
         "minister", "Ministry of Foreign Affairs"),
        # "one of its members, X": the body named before
        ("The Liberation Front announced the death of one of its members, Peter Olsen, on Monday.", "Peter Olsen",
         "member", "Liberation Front"),
        # a portfolio of several words before "Minister", and a demonym before it
        ("Latvian Foreign Affairs Minister Janis Berzins met the envoy.", "Janis Berzins", "foreign affairs minister",
         "Latvia"),
        # "his <country> counterpart, Title X": the counterpart's country, not the article's
        ("Portugal signed the deal. Agriculture Minister Rui Costa and his Latvian counterpart, Biosecurity Minister "
         "Janis Berzins, said vets would be shared.", "Janis Berzins", "biosecurity minister", "Latvia"),
        # an office whose body the article names with the office's words (offices.csv, two-word rows)
        ("The Harbour Attorney General's Office said the men were held. State Attorney General Rui Costa told "
         "reporters that 40 casings were found.", "Rui Costa", "attorney general", "Harbour Attorney General's Office"),
        # Malay honorifics are no part of the name
        ("Education Minister Datin Paduka Siti Aminah said the ministry would act.", "Siti Aminah",
         "education minister", "Ministry of Education"),
        # rank abbreviations with full stops before the name; "military" before the title stands for the armed force
        ("The Corvan Defence Forces said the strike hit a depot. \"We act with care,\" military spokeswoman Lt. Col. "
         "Anna Berzina said.", "Anna Berzina", "spokeswoman", "Corvan Defence Forces"),
        ("Two soldiers were killed near the town, Capt. Peter Olsen of the Latvian National Army told reporters.",
         "Peter Olsen", "captain", "Latvian National Army"),
        # "its" is the body that is the subject nearby, not the one named last
        ("The Harbour Relief Foundation, which runs the Central Clinic for War Victims in Lisbon, said its staff "
         "received three dead. Its country director, Peter Olsen, said four needed surgery.", "Peter Olsen",
         "country director", "Harbour Relief Foundation"),
        # "X, role of the <body noun>": the body of that kind the article names
        ("Three are being treated at Harbour Central Hospital, said Peter Olsen, vice president of the hospital.",
         "Peter Olsen", "vice president", "Harbour Central Hospital"),
        # "ACME, whose spokesman X": the body before "whose"
        ("The Unity Party, whose candidate Peter Olsen finished second, says the count was rigged.", "Peter Olsen",
         "candidate", "Unity Party"),
        # a country's name, then "Minister of <portfolio>", then the holder: the country's minister
        ("Estonia Minister of Foreign Affairs and External Trade Olek Varik will pay a visit to Latvia.",
         "Olek Varik", "minister", "Estonia"),
        # "X, ACME Title for <portfolio>,": the body before the title, the portfolio part of the role
        ("Olek Varik, ACO Assistant Secretary-General for Humanitarian Affairs, called on members to help.",
         "Olek Varik", "assistant secretary-general for humanitarian affairs", "ACO"),
        # a body's last word for the body named before ("the Harbour Islands Forum … Forum Secretary General X")
        ("The Lowmoor Islands Forum met on Monday. Forum Secretary General Olek Varik said the fund would grow.",
         "Olek Varik", "secretary general", "Lowmoor Islands Forum"),
        # "X, Place's role,": the place before "'s" holds the post
        ("Olek Varik, Lowmoor's municipal public security secretary, said the attack was linked to extortion.",
         "Olek Varik", "public security secretary", "Lowmoor"),
        # "the role of the BODY (ACRONYM) in PLACE, X": the place is the area served, the body holds the post
        ("The spokesman of the Lowmoor Republic Police (LRP) in Harbour Town, Olek Varik, said the agents acted "
         "lawfully.", "Olek Varik", "spokesman", "Lowmoor Republic Police"),
        ("The spokesman of the Lowmoor Republic Police in Harbour Town, Olek Varik, said the agents acted "
         "lawfully.", "Olek Varik", "spokesman", "Lowmoor Republic Police"),
        # "X, who heads the <described body>": a post whose body has no name
        ("Olek Varik, who heads the Harbour truck owners' association, told reporters that prices rose.",
         "Olek Varik", "head", None),
        ("Olek Varik, who leads the local fishing community of Harbour Town, said fishermen helped.",
         "Olek Varik", "head", None),
        # "Secretary of the Ministry of <portfolio> Name": the ministry's name ends where the holder's begins
        ("Secretary of the Ministry of Disaster Management and Relief Md Olek Varik said 8,000 people were moved.",
         "Md Olek Varik", "secretary", "Ministry of Disaster Management and Relief"),
        # "the role for <domain> of Z, X": the domain between the post and its body
        ("“It is a tragedy,” declared the regional councillor for transport of Lowmoor, Olek Varik, who announced "
         "a plan.", "Olek Varik", "regional councillor for transport", "Lowmoor"),
        # a member sits "on" a committee
        ("But the Opposition's ranking member on the Budget Committee, Olek Varik, dismissed the review.",
         "Olek Varik", "member", "Budget Committee"),
        # an acronym in brackets after the body, an honorific with its full stop before the name
        ("The Managing Director of the Lowmoor State Urban Planning and Development Authority (LSUPDA), Arc. Olek "
         "Varik, told reporters at the scene that the developer had approval.", "Olek Varik", "managing director",
         "Lowmoor State Urban Planning and Development Authority"),
        ("The Minister of Health, Hon. Olek Varik (MP), has directed all officers to help.", "Olek Varik",
         "minister", "Ministry of Health"),
        # a governor named with no body governs the one province or prefecture the sentence sets him in
        ("In Lowmoor Prefecture, the country's largest rice producer, Governor Olek Varik told reporters that "
         "farmers were not benefiting.", "Olek Varik", "governor", "Lowmoor Prefecture"),
        # a district has no governor: the district where something happened is not the governor's
        ("Two bodies were found in Harbour's Lowmoor district, regional governor Olek Varik said.", "Olek Varik",
         "regional governor", None),
        # two titles joined by "and" before one name: both are the holder's
        ("Leader of the House and Minister of Higher Education Dr. Olek Varik rejected the claim.", "Olek Varik",
         "leader", "House"),
        ("Leader of the House and Minister of Higher Education Dr. Olek Varik rejected the claim.", "Olek Varik",
         "minister", "Ministry of Higher Education"),
        ("Estonia's budget passed. Deputy Prime Minister and Finance Minister Olek Varik told parliament that "
         "revenue fell.", "Olek Varik", "deputy prime minister", "Estonia"),
        ("The governor of Lowmoor region and mayor of Harbour Town, Olek Varik, visited the wounded.", "Olek Varik",
         "governor", "Lowmoor"),
        ("The governor of Lowmoor region and mayor of Harbour Town, Olek Varik, visited the wounded.", "Olek Varik",
         "mayor", "Harbour Town"),
        # "the role of the BODY (ACRONYM), X"
        ("For his part, the president of the Lowmoor Exporters Association (LEA), Olek Varik, told reporters that "
         "exporters understand.", "Olek Varik", "president", "Lowmoor Exporters Association"),
        # "government" in a portfolio does not make the portfolio a body's name: the minister's country
        ("Latvia raised fuel prices. Minister of Local Government Olek Varik told state television that the "
         "treasury paid.", "Olek Varik", "minister", "Latvia"),
        # "from" names the body a member comes from, but not a home town
        ("Peter Olsen, a lawmaker from the Lowmoor Party, said aid was on its way.", "Peter Olsen", "lawmaker",
         "Lowmoor Party"),
        ("Peter Olsen, a farmer from Lowmoor village, said aid was on its way.", "Peter Olsen", "farmer", None),
        ("Peter Olsen, the chief executive of Lowmoor Bank, said aid was on its way.", "Peter Olsen",
         "chief executive", "Lowmoor Bank"),
        # "the role of the <unnamed unit> of Z camp, X": a post whose body has no name
        ("The spokesman of the emergency room of Lowmoor camp, Peter Olsen, said the dead were buried there.",
         "Peter Olsen", "spokesman", None),
        # a ministry written in lower case: the one the article names, else its country
        ("Anna Berzina, spokeswoman for Latvia's health ministry, said four children died.", "Anna Berzina",
         "spokeswoman", "Latvia"),
        ("Peter Olsen, a senior official in the Latvian foreign ministry, said four died.", "Peter Olsen",
         "senior official", "Latvia"),
        ("The Ministry of Health of Latvia said four died. Anna Berzina, a spokeswoman for Latvia's health "
         "ministry, said more were hurt.", "Anna Berzina", "spokeswoman", "Ministry of Health of Latvia"),
        ("Peter Olsen held talks with the head of the energy ministry of Latvia, Anna Berzina, on Monday.",
         "Anna Berzina", "head", "Latvia"),
        # another country's ministry of that portfolio is not this one
        ("The Ministry of Energy of Estonia said so. Peter Olsen held talks with the head of the energy ministry "
         "of Latvia, Anna Berzina, on Monday.", "Anna Berzina", "head", "Latvia"),
        # "the role of the <body described>, X": the description stands for the body named before
        ("The Ministry of Water of Paraguay said prices rose. The spokesman of the ministry, Ivo Marek, said so.",
         "Ivo Marek", "spokesman", "Ministry of Water of Paraguay"),
        # "the role of the <body>'s <unit> [,] X": the post is in the body, the unit is part of the role
        ("The Ministry of Water of Paraguay said prices rose. As explained by the head of the ministry's press "
         "service Ivo Marek, the ban stays.", "Ivo Marek", "head of the press service", "Ministry of Water of Paraguay"),
        ("The Ministry of Water of Paraguay said prices rose. The head of the ministry's press service, Ivo Marek, "
         "said so.", "Ivo Marek", "head of the press service", "Ministry of Water of Paraguay"),
        # two lower-case roles joined by "and" before the name: both are held, in the same body
        ("His aide and driver, Tom Bexley, 41, was hit in the shoulder.", "Tom Bexley", "aide", None),
        ("His aide and driver, Tom Bexley, 41, was hit in the shoulder.", "Tom Bexley", "driver", None),
        ("The Green Union's spokesman and deputy leader, Ivo Marek, said so.", "Ivo Marek", "spokesman",
         "Green Union"),
        ("The Green Union's spokesman and deputy leader, Ivo Marek, said so.", "Ivo Marek", "deputy leader",
         "Green Union"),
        # "the country's role, X" / "the country's role X": the country the article is about
        ("Paraguay held talks. Ivo Marek, the country's health minister, said so.", "Ivo Marek", "health minister",
         "Paraguay"),
        ("Paraguay held talks. The country's health minister Ivo Marek said so.", "Ivo Marek", "health minister",
         "Paraguay"),
        # a demonym before a government title: the country's
        ("The Paraguayan health minister, Ivo Marek, said so.", "Ivo Marek", "health minister", "Paraguay"),
        # a title the tokenizer splits at its hyphen, after the name
        ("Ivo Marek, secretary-general of NATO, said so.", "Ivo Marek", "secretary-general", "NATO"),
        # "X, a senior ACME official": a modifier, the body, the role
        ("Ivo Marek, a senior Green Union official, said so.", "Ivo Marek", "senior official", "Green Union"),
        ("Ivo Marek, a former Green Union lawmaker, said so.", "Ivo Marek", "former lawmaker", "Green Union"),
        ("Ivo Marek, a senior official at the Lowmoor Water Board, said so.", "Ivo Marek", "senior official",
         "Lowmoor Water Board"),
        # "X, the ACME party's candidate": the body named with its kind, then "'s"
        ("Ivo Marek, the Green Union party's candidate, said so.", "Ivo Marek", "candidate", "Green Union"),
        # two posts joined by "and" after the name: both held in the body after them
        ("Ivo Marek, chairman and chief executive of Lowmoor Bank, said so.", "Ivo Marek", "chairman",
         "Lowmoor Bank"),
        ("Ivo Marek, chairman and chief executive of Lowmoor Bank, said so.", "Ivo Marek", "chief executive",
         "Lowmoor Bank"),
        # an acronym before "Secretary" is the body, not the post's domain ("Health Secretary")
        ("NATO Secretary-General Ivo Marek said so.", "Ivo Marek", "secretary-general", "NATO"),
        # "X, the <body described>'s role": the description stands for the body named before
        ("The Ministry of Water of Paraguay said prices rose. Ivo Marek, the ministry's spokesman, said so.",
         "Ivo Marek", "spokesman", "Ministry of Water of Paraguay"),
        # "X, who is [also] <role>", "X, who serves as <role>": an apposition after a relative clause
        ("Ivo Marek, who is also the spokesman of the Lowmoor Water Board, said so.", "Ivo Marek", "spokesman",
         "Lowmoor Water Board"),
        ("Ivo Marek, who serves as director of the Lowmoor Water Board, said so.", "Ivo Marek", "director",
         "Lowmoor Water Board"),
        # "Father X" is a priest
        ("Father Tomas Reyes of the Diocese of Lowmoor said the church sheltered 600 people.", "Tomas Reyes",
         "priest", "Diocese of Lowmoor"),
    ],
)
def test_roles(read, text, person, role, org):
    found = _memberships(read(text))
    assert _has(found, person, role, org), found


def test_a_rank_gives_way_to_a_post(read):
    found = _memberships(read("Westmark Police spokesperson Deputy Inspector General Hala Mirza said a case was filed."))
    assert not any(r.endswith("general") for p, r, o in found if p == "Hala Mirza"), found


@pytest.mark.parametrize(
    ("text", "person", "rank"),
    [
        ("Lieutenant Commander Ivo Marek, media officer of the Coastal Guard, told reporters.", "Ivo Marek",
         "lieutenant commander"),
        ("Sergeant Lina Sorel, a spokeswoman for the Harbour Police, said two were held.", "Lina Sorel", "sergeant"),
    ],
)
def test_a_rank_before_a_post_is_no_membership(read, text, person, rank):
    """A rank, "Lieutenant Commander" too (a grade, not a command), gives way to the post written with it."""
    found = _memberships(read(text))
    assert any(p == person for p, r, o in found), found
    assert not any(p == person and r == rank for p, r, o in found), found


def test_a_nationality_is_no_body_of_a_trade(read):
    """A demonym lends its country to a government title only, not to a job."""
    found = _memberships(read("The Paraguayan farmer, Ivo Marek, said the harvest failed."))
    assert not any(o == "Paraguay" for p, r, o in found), found


def test_a_portfolio_joined_by_and_is_one_post(read):
    found = _memberships(read("Minister of Agriculture and Rural Development Ivo Marek said so."))
    assert {r for p, r, o in found if p == "Ivo Marek"} == {"minister"}, found


def test_being_somewhere_is_no_post(read):
    assert not _memberships(read("Ivo Marek, who was in the car, died on the spot."))


def test_a_parent_is_no_priest(read):
    found = _memberships(read("His father Tomas Reyes said the boy was 12."))
    assert not any(r == "priest" for p, r, o in found), found


@pytest.mark.parametrize(
    ("role", "rank"),
    [("sergeant", True), ("police major", True), ("lieutenant-colonel", True), ("lieutenant commander", True),
     ("commander", False), ("district commander", False), ("spokesman", False), ("media officer", False)],
)
def test_is_rank(role, rank):
    from newskg.extract.roles import is_rank

    assert is_rank(role) is rank


def test_a_title_alone_is_no_entity(read):
    reading = read("Jana Holm, Deputy Spokesperson, said the talks would go on.")
    assert "Deputy Spokesperson" not in {m.text for m in reading.mentions}
    assert _has(_memberships(reading), "Jana Holm", "deputy spokesperson", None)


@pytest.mark.parametrize(
    ("text", "name", "present"),
    [
        # "al-" opens a name with the article glued to it
        ("Shells fell on the town of al-Muradiya on Monday.", "al-Muradiya", True),
        # a capitalised word the article also writes in lower case is a common noun at a line start
        ("Economy\n\nThe economy grew by two percent, officials said.", "Economy", False),
        ("The blast happened at 11 PM on Friday, police said.", "PM", False),
        # "Mayor of <town> Name": the town and the holder are two names
        ("The Mayor of Tampere Lauri Vesa said the bridge would be rebuilt.", "Lauri Vesa", True),
    ],
)
def test_names(read, text, name, present):
    assert (name in {m.text for m in read(text).mentions}) == present


def test_chairing_a_meeting_is_no_post(read):
    found = _memberships(read("Anton Belko, who chaired the session, warned of war."))
    assert not any(p == "Anton Belko" and r == "head" for p, r, o in found), found


def test_the_office_table_loads_as_package_data():
    from newskg.extract.offices import NOUN, TITLE, office_table

    table = office_table()
    assert {kind for kind, _ in table} == {NOUN, TITLE}
    assert "parliament" in table[(TITLE, "speaker")]
    assert all(word == word.lower() and bodies for (_, word), bodies in table.items())


@pytest.mark.parametrize(
    ("chunk", "holder"),
    [
        ("Minister of Economy and Planning Jane Doe", "Jane Doe"),
        ("Minister of State for Foreign Affairs Dr Jane Doe", "Jane Doe"),
        ("Secretary of Labour Jane bin Doe", "Jane bin Doe"),
        ("Secretary of the Ministry of Labour Jane Doe", "Jane Doe"),
        # only a minister's or a secretary's portfolio: a hospital is a body, not a domain
        ("Medical Superintendent of Civil Hospital Jane Doe", None),
        # a country after the portfolio is left to the rule for "of the Republic of X"
        ("Minister of Energy of the Republic of Latvia Jane Doe", None),
    ],
)
def test_holder_after_portfolio(chunk, holder):
    import spacy

    from newskg.extract.titles import holder_after_portfolio

    doc = spacy.blank("en")(chunk)
    at = holder_after_portfolio(doc, 0, len(doc))
    assert (doc[at:].text if at is not None else None) == holder


def test_a_qualifier_naming_a_body_keeps_the_office_table_out(read):
    # "police commissioner" is the police's office, not that of a "High Commission" named nearby
    found = _memberships(read("The Latvian High Commission in Riga said it was shocked. Two were held, police "
                              "commissioner Peter Olsen said."))
    assert ("Peter Olsen", "police commissioner", None) in found, found


def test_a_title_repeated_before_the_surname_is_the_same_post(read):
    found = _memberships(read("The Minister of Agriculture Anna Berzina said on Wednesday that the ban would stay. "
                              '"We will not allow it," minister Berzina said.'))
    assert ("Anna Berzina", "minister", "Ministry of Agriculture") in found, found
    assert not any(o is None for p, r, o in found), found
