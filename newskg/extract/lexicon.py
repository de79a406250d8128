"""Word lists that encode how news English names things, as module constants.

These are general vocabulary of the genre (heads of organisation names, place keywords,
titles, verbs of saying, casualty words); no name of a person, place or outlet from any
sample article belongs here.
"""

from __future__ import annotations

from newskg.models import (
    ADMIN_AREA,
    ARMED_FORCES,
    GOVERNMENT_BODY,
    MEDIA_OUTLET,
    ORGANIZATION,
    PLACE,
    SETTLEMENT,
)

# The last word of an organisation's name tells its class.
ORG_HEADS: dict[str, str] = {
    **dict.fromkeys(
        "ministry office agency administration authority committee directorate service police "
        "cell mission embassy consulate parliament council commission department government "
        "presidency ombudsman commissioner prosecutor prosecution court inspectorate bureau "
        "secretariat cabinet assembly duma senate congress municipality governorate "
        "centre center guard militia".split(),
        GOVERNMENT_BODY,
    ),
    **dict.fromkeys(
        "television tv radio news newspaper herald times post review ledger sentinel wire kurier "
        "courier gazette journal tribune daily weekly press broadcasting broadcaster channel "
        "telegraph chronicle observer monitor express mirror star dispatch reporter bulletin "
        "magazine report".split(),
        MEDIA_OUTLET,
    ),
    **dict.fromkeys(
        "army armies forces force brigade division battalion regiment navy corps troops "
        "contingent contingents command staff peacekeepers squadron fleet garrison".split(),
        ARMED_FORCES,
    ),
    **dict.fromkeys(
        "company corporation group ltd llc inc plc bank hospital clinic university institute "
        "foundation fund trust association union society federation party movement front "
        "organization organisation network league club school academy diocese archdiocese alliance "
        "coalition guild cooperative confederation".split(),
        ORGANIZATION,
    ),
}
# Words that make a name an organisation wherever they stand in it.
ORG_INNER = frozenset(
    "ministry agency office administration authority committee service police army forces "
    "directorate commission council centre center company hospital news television "
    "embassy consulate delegation".split()
)
# "News Agency", "Information Agency": an agency that is a media outlet.
MEDIA_INNER = frozenset("news press information television tv radio broadcasting".split())
# Names that start like this are international organisations.
INTERNATIONAL_STARTS = ("united nations", "international ", "european ", "world ", "un ", "osce", "nato",
                        "organization for security", "organisation for security", "african union",
                        "council of europe", "red cross", "red crescent", "unicef", "unesco", "unhcr",
                        "unmas", "icrc", "eu ", "asean", "collective security treaty", "commonwealth of")
INTERNATIONAL_ACRONYMS = frozenset("UN EU OSCE NATO ICRC UNMAS UNICEF UNESCO UNHCR UNDP WHO IAEA OCHA "
                                   "ASEAN CSTO CIS IMF OPCW OHCHR UNOCHA IOM WFP OAS".split())

# Place keywords after or before a name: "X village", "the village of X", "X district".
PLACE_KEYWORDS: dict[str, str] = {
    **dict.fromkeys("village town city settlement hamlet township capital suburb neighbourhood "
                    "neighborhood corregimiento kishlak aul".split(), SETTLEMENT),
    **dict.fromkeys("district region province oblast raion rayon canton municipality department "
                    "commune state county governorate prefecture krai territory "
                    "subdistrict sub-district lga regency upazila tehsil woreda zone voivodeship".split(), ADMIN_AREA),
    **dict.fromkeys("road highway river lake mountain mountains valley border corridor route street "
                    "avenue square bridge pass sea gulf bay island airport boulevard".split(), PLACE),
}
# Words between a place and "in Y" that say where it lies: "X, which is located in Y", "X lies in Y".
LOCATING_WORDS = frozenset("which that is lies sits located situated lying nestled".split())
# Verbs that make a place the subject of a sentence saying where it lies: "X is a town in Y".
LOCATING_VERBS = frozenset("is lies sits".split())
# Place keywords of things built inside a town: "X Square in Y" puts a square in a town.
FACILITY_KEYWORDS = frozenset("road highway street avenue square bridge airport boulevard".split())
# Keywords that name a level: a place can be a district and a region only if the two are one.
ADMIN_LEVEL = {
    "region": 1, "province": 1, "oblast": 1, "state": 1, "canton": 1, "department": 1,
    "governorate": 1, "prefecture": 1, "krai": 1, "territory": 1,
    "district": 2, "raion": 2, "rayon": 2, "municipality": 2, "county": 2, "commune": 3,
    "subdistrict": 3, "sub-district": 3, "lga": 2, "regency": 2, "upazila": 3, "tehsil": 3, "woreda": 3, "zone": 2, "voivodeship": 1,
}
# Multi-word place keywords ("Local Government Area").
PLACE_KEYWORD_PHRASES = {"local government area": ADMIN_AREA}

# Titles and roles, lower case. Multi-word ones are matched first.
ROLE_WORDS = frozenset(
    "spokesperson spokesman spokeswoman minister president vice-president premier head chief director "
    "director-general deputy commander correspondent operator representative ambassador envoy driver "
    "worker workers deminer deminers nurse doctor private corporal sergeant lieutenant captain major "
    "colonel general admiral governor mayor ombudsman prosecutor chairman chairwoman chairperson "
    "secretary adviser advisor official officer member journalist reporter photographer cameraman "
    "editor soldier serviceman rector dean manager coordinator leader founder owner expert analyst "
    "researcher investigator inspector judge senator lawmaker mp speaker aide attache attaché "
    "assistant counsellor counselor consul chancellor commissioner dr dr. mr mr. mrs ms prof "
    "sapper pilot paramedic rescuer engineer teacher farmer "
    # more posts and trades news English puts before or after a name
    "magistrate chair vice-chair vice-chairman voivode patrolman patrolwoman policeman policewoman "
    "superintendent councillor councilor administrator convener convenor candidate secretary-general "
    "under-secretary commandant brigadier marshal constable legislator congressman congresswoman mla "
    "mep delegate treasurer registrar auditor principal priest imam pastor bishop archbishop rabbi "
    "ceo lawyer attorney activist campaigner volunteer organiser organizer surgeon physician "
    "firefighter trooper commodore executive".split()
)
# Jobs named after a name, in lower case ("X, 27, a mason from Y"); never titles before one.
TRADES = frozenset("mason trader shopkeeper vendor waiter labourer laborer fisherman herder shepherd student "
                   "carpenter electrician mechanic plumber builder porter guard cook baker tailor "
                   "miner nurse midwife housewife pensioner retiree".split())
ROLE_MODIFIERS = frozenset(
    "deputy vice junior senior first second chief acting former regional national general executive "
    "press foreign defence defense interior foreign-affairs permanent special lance staff major "
    "prime assistant associate managing adjunct".split()
)
# Titles that stand before a name but are not roles worth a membership.
HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. dr dr. prof prof. sir hon hon. rev rev. engr engr. arc arc. "
                       "barr barr. ratu datuk dato datin paduka seri justice rep rep. sen sen. gov gov. shri smt "
                       # West African forms of address: "Mr" (Hausa) and a pilgrim's title
                       "malam mallam alhaji alhaja hajiya hajia".split())
# Military and police ranks, and their abbreviations before a name ("Supt", "Lt. Col.").
RANK_WORDS = frozenset("private corporal sergeant lieutenant captain major colonel general admiral brigadier "
                       "lieutenant-colonel lieutenant-general major-general brigadier-general commodore marshal "
                       "superintendent inspector constable patrolman patrolwoman ensign".split())
RANK_ABBREVIATIONS = {
    "supt": "superintendent", "asp": "assistant superintendent", "dsp": "deputy superintendent",
    "insp": "inspector", "cpl": "corporal", "sgt": "sergeant", "lt": "lieutenant", "col": "colonel",
    "gen": "general", "maj": "major", "capt": "captain", "brig": "brigadier", "cdr": "commander",
    "pte": "private", "pvt": "private", "adm": "admiral", "lcpl": "lance corporal",
    # police ranks of South Asia and West Africa written before a name ("CP Jane Doe")
    "cp": "commissioner of police", "acp": "assistant commissioner of police",
    "dcp": "deputy commissioner of police",
}
# Words that make a title of the role word after them ("Police Major", "Fire Chief", "District
# Magistrate", "Ward councillor") but are no title alone.
TITLE_QUALIFIERS = frozenset("police fire district ward medical parliamentary provincial municipal county "
                             "city state army military naval air cabinet government party opposition "
                             "country team media health".split())
# Roles that make someone a voice of an institution rather than a victim.
OFFICIAL_ROLES = frozenset(
    "spokesperson spokesman spokeswoman minister president head chief director director-general "
    "commander ambassador governor mayor ombudsman prosecutor chairman chairwoman secretary official "
    "adviser advisor vice-president".split()
)
# Ministries named by their minister's title: "Defense Minister" -> "Ministry of Defense".
MINISTRY_OF = {
    "foreign": "Foreign Affairs", "defense": "Defense", "defence": "Defence", "interior": "Internal Affairs",
    "economy": "Economy", "health": "Health", "justice": "Justice", "finance": "Finance",
    "emergency": "Emergency Situations", "environment": "Environment", "education": "Education",
    "energy": "Energy", "agriculture": "Agriculture",
}

# Verbs that introduce speech (lemmas).
SPEECH_VERBS = frozenset(
    "say tell note stress emphasize emphasise remind add warn urge claim state announce report write "
    "tweet post declare insist explain describe accuse deny confirm reiterate underscore underline "
    "point call comment argue assert believe blame condemn criticize criticise express highlight "
    "indicate mention promise quote recall reply respond reveal suggest vow pledge allege "
    "acknowledge admit conclude estimate predict affirm demand "
    # official English for "said" (communiqués, translated and agency copy): "informed that",
    # "communicated in a note that", "lamented", "regretted", "forecast heavy rain"
    "inform communicate lament regret reaffirm thank appeal ask direct identify welcome dismiss reject "
    "forecast specify manifest deplore".split()
)
# Verbs whose clause is reported speech even without "that" (say, tell, ...).
SPEECH_NOUNS = frozenset("statement comment remarks interview briefing post message address report release".split())

# Harm.
KILL_WORDS = frozenset("killed died dead death deaths dies die killing fatally".split())
INJURY_WORDS = frozenset("injured wounded hurt injuring wounding injuries injury maimed".split())
EVENT_WORDS = frozenset(
    "explosion exploded explodes blast blasts detonated detonation went shelled shelling struck hit "
    "ran stepped pounded strike strikes attack attacked bombing bombed crashed crash collision "
    "collided accident veered overturned fire fired dropped".split()
)
DEVICE_WORDS = frozenset(
    "mine landmine mines landmines device devices ied shell shells bomblet bomblets bomb bombs munition "
    "munitions ordnance round grenade rocket missile drone explosives explosive uxo artillery "
    "mortar".split()
)
INCIDENT_KINDS = (
    ("drone", "drone attack"), ("shell", "shelling"), ("artillery", "shelling"),
    ("bomblet", "cluster munition explosion"), ("cluster", "cluster munition explosion"),
    ("improvised", "IED explosion"), ("ied", "IED explosion"), ("roadside bomb", "roadside bomb"),
    ("mine", "landmine explosion"), ("mortar", "explosive remnant explosion"), ("ordnance", "explosion"),
    ("explosive", "explosion"), ("missile", "missile strike"), ("rocket", "rocket attack"),
    ("airstrike", "air strike"), ("shooting", "shooting"), ("shot", "shooting"), ("car", "road accident"),
    ("accident", "accident"),
)
# Words that mark a sentence as statistics over a period, not one incident.
AGGREGATE_CUES = ("since", "so far", "this year", "last year", "first five", "first six",
                  "figures", "statistics", "each year", "per year", "every year", "annually")
# Sentence openers that start a new incident.
SEPARATE_CUES = ("in a separate", "separately", "in another", "meanwhile", "in a second", "elsewhere",
                 "came two days after", "days after", "a day after", "days earlier", "a day earlier")

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "another": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "dozen": 12, "both": 2, "third": 1,
    "fourth": 1, "fifth": 1, "sixth": 1, "single": 1,
}
# Nouns for people in casualty phrases.
PEOPLE_NOUNS = frozenset(
    "people person persons civilians civilian soldiers soldier servicemen serviceman men man women woman "
    "children child boy boys girl girls teenager teenagers residents resident passengers passenger "
    "workers worker farmer farmers deminer deminers members member journalists journalist others "
    "brothers sisters relatives family troops policemen officers officer shepherd shepherds driver "
    "drivers pensioner pensioners student students sapper sappers bodies body villagers villager "
    "pedestrians pedestrian infant baby babies kids minors minor personnel".split()
)
# Determiners and pronouns that are never names at a sentence's start.
NOT_NAMES = frozenset(
    "the a an this that these those it he she they we i you our his her their its my your there "
    "according in on at as after before since while when during among however both every each "
    "for from with without now currently meanwhile separately yesterday today tomorrow earlier later "
    "also but and or if so yet all some many most more no not one two three four five six seven "
    "eight nine ten almost about around nearly over under mr mrs ms follow read tags please "
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
