"""Who said what: sentences and transcripts written for these tests -> the statements a reader finds."""

import pytest

from newskg.resolve import resolve


def _statements(reading):
    """(text, speaker labels) of each statement."""
    res = resolve([reading])

    def names(mid):
        e = res.entity(reading.article.id, mid)
        return {e.label, *e.alt_labels} if e else set()

    return [(s.text, set().union(*(names(x) for x in s.speakers))) for s in reading.statements]


def _said(found, speaker, fragment):
    return any(fragment in text and speaker in who for text, who in found)


BRIEFING = """Ministry of Coastal Affairs of Norland

Transcript of the Weekly Press Briefing by Spokesperson Marta Okonde

MS OKONDE: Good afternoon. Two things at the top.

The ministry has sent three survey ships to the northern shoals this week.

We thank the fishing cooperatives for their patience during the closures.

QUESTION: Do you expect the talks with Dorvania to resume? Its envoy said they were over.

MS OKONDE: We remain ready to talk at any time, and the door stays open.

(The briefing ended at 3:10 p.m.)
"""

LABELLED = """Harbour Daily | Transcripts

Deputy Spokesperson Ivo Tamberlane's Regular Press Conference on May 2

Ivo Tamberlane: The minister will travel to the coast on Monday to open the new lighthouse.

Coastline Radio: Storms closed two ports this week. Will the ministry help the fishermen?

Ivo Tamberlane: The ministry has set aside emergency funds for every family affected by the storms.

Further payments are planned for the autumn if the harvest fails again.
"""


@pytest.mark.parametrize(
    ("text", "speaker", "fragment"),
    [
        # each paragraph of a labelled turn is the speaker's, up to the next label
        (BRIEFING, "Marta Okonde", "has sent three survey ships to the northern shoals"),
        (BRIEFING, "Marta Okonde", "We thank the fishing cooperatives"),
        (BRIEFING, "Marta Okonde", "We remain ready to talk at any time"),
        # a label with the full name, and an unlabelled paragraph that continues the turn
        (LABELLED, "Ivo Tamberlane", "will travel to the coast on Monday"),
        (LABELLED, "Ivo Tamberlane", "has set aside emergency funds"),
        (LABELLED, "Ivo Tamberlane", "Further payments are planned for the autumn"),
    ],
)
def test_transcript_turns(read, text, speaker, fragment):
    found = _statements(read(text))
    assert _said(found, speaker, fragment), found


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        # a reporter's question is nobody's statement of the briefer
        (BRIEFING, "Do you expect the talks"),
        (LABELLED, "Storms closed two ports this week"),
        # a stage note in parentheses is not speech
        (BRIEFING, "The briefing ended"),
    ],
)
def test_transcript_questions_are_not_the_briefers(read, text, fragment):
    found = _statements(read(text))
    assert not any(fragment in t and ("Marta Okonde" in who or "Ivo Tamberlane" in who) for t, who in found), found


def test_a_colon_headline_is_not_a_transcript(read):
    text = "Norland: Storms close two ports\n\nThe port authority said on Monday that two ports would stay shut.\n"
    found = _statements(read(text))
    assert not any(t.startswith("Storms close") for t, _ in found), found


@pytest.mark.parametrize(
    ("text", "speaker", "fragment"),
    [
        # the verbs of official and translated English that report speech like "said"
        ("The Water Agency informed that two dams would be opened on Friday.", "Water Agency", "two dams would be opened"),
        ("Harbour Rail communicated in a note that the line remained closed until noon.", "Harbour Rail",
         "the line remained closed until noon"),
        ("The Weather Office has forecast heavy rain in three provinces for the next two days.", "Weather Office",
         "heavy rain in three provinces"),
        ("Nadia Korvel thanked the neighbouring country for its help during the floods.", "Nadia Korvel",
         "for its help during the floods"),
        ("Governor Amos Tellam directed all district officers to keep fuel in stock.", "Amos Tellam",
         "all district officers to keep fuel in stock"),
        ("The Coast Police identified the two drowned men as brothers from a nearby village.", "Coast Police",
         "the two drowned men as brothers"),
        ("No one was hurt in the blast, Governor Amos Tellam specified on Sunday.", "Amos Tellam",
         "No one was hurt in the blast"),
        # "According to him", "As reported by X": attribution by a preposition
        ("Governor Amos Tellam visited the site. According to him, four houses were destroyed by the blast.",
         "Amos Tellam", "four houses were destroyed by the blast"),
        ("As reported by the Harbour Council, the ferry service will resume on Friday.", "Harbour Council",
         "the ferry service will resume on Friday"),
    ],
)
def test_reported_speech_verbs(read, text, speaker, fragment):
    found = _statements(read(text))
    assert _said(found, speaker, fragment), found


@pytest.mark.parametrize(
    ("text", "speaker", "fragment"),
    [
        # a joint statement is every coordinated body's
        ("The Water Agency, the Harbour Council and the Red Crescent condemned the attack on the convoy.",
         "Harbour Council", "the attack on the convoy"),
        ("The Water Agency, the Harbour Council and the Red Crescent condemned the attack on the convoy.",
         "Water Agency", "the attack on the convoy"),
        # a capital speaks for its country's government, not as a town
        ("Officials in Norland were surprised. Canberra said it would send two ships to the area.", "Australia",
         "it would send two ships"),
        # "the minister said": the person named with that role
        ("Energy Minister Tomas Rendal visited the dam on Monday. The plant will reopen in May, the minister said.",
         "Tomas Rendal", "The plant will reopen in May"),
        # "she said" is not the person she identified
        ("Police spokeswoman Irma Tolvek identified the dead man as Jonas Perel. She said two suspects had been arrested.",
         "Irma Tolvek", "two suspects had been arrested"),
    ],
)
def test_speaker_resolution(read, text, speaker, fragment):
    found = _statements(read(text))
    assert _said(found, speaker, fragment), found


@pytest.mark.parametrize(
    ("text", "speaker", "fragment"),
    [
        # a verb of saying before its speaker at the sentence's end, the speaker parsed as its object
        ("Twelve passengers are still admitted in different hospitals, of which two are in critical condition, "
         "informed Dr. Maren Holloway, public relations officer of Westbrook General Hospital.", "Maren Holloway",
         "still admitted in different hospitals"),
        # a passive verb of saying in the speech is no second speaker ("are admitted", "was announced")
        ("Twelve passengers are still admitted in different hospitals, said Maren Holloway.", "Maren Holloway",
         "Twelve passengers are still admitted"),
        # the verb after a relative clause or an apposition set off by commas is the subject's own
        ("The Orlen Valley Tribal Council, which represents northern villages, called on the government to "
         "improve air access to remote communities.", "Orlen Valley Tribal Council", "to improve air access"),
        ("Kessel's mayor, Tomas Verlinde Arroyo, announced on local radio that the town would observe three "
         "days of official mourning.", "Tomas Verlinde Arroyo", "the town would observe three days"),
        # "the company" is the body named before with "a … company" in apposition
        ("The aircraft was operated by Kestrel Wings Air, a charter company based in Dunmore. The company said "
         "in a statement it had suspended all flights for 48 hours.", "Kestrel Wings Air",
         "it had suspended all flights"),
        # a quote that ends its sentence is not attributed by the next sentence's verb with an object
        ("Chief Ada Brightwater wrote in a post that the village had lost \u201ctwo beloved elders and a pilot "
         "who had flown our people for years.\u201d She identified the passengers as Tom Reeve and Ella Reeve, "
         "who were travelling back from medical appointments.", "Ada Brightwater",
         "travelling back from medical appointments"),
        # a document sent "asking"/"urging" carries its sender's words
        ("Agriculture Minister Tom Brand sent an official dispatch asking northern provinces to strictly forbid "
         "people from crossing flooded spillways.", "Tom Brand", "strictly forbid people from crossing"),
        # "Mr" with a given name is the person named before in full
        ("Government spokesman Somchai Rattanakul said on Tuesday that diesel would stay capped.\n\n"
         "\"We cannot let the fund carry the whole burden alone,\" Mr Somchai said.", "Somchai Rattanakul",
         "We cannot let the fund carry the whole burden"),
        # where it was said is no speaker: the subject before the verb is
        ("\u201cAt noon the enemy launched a missile at the city. It hit the upper floors of a building,\u201d "
         "Ivo Varga, who heads the regional administration, wrote on Telegram.", "Ivo Varga",
         "launched a missile at the city"),
        # the communiqué speaks for the body that issued it; "assured that" reports speech
        ("The Norland Army said on Monday that it had repelled an attack on the camp. On the friendly side, "
         "the communiqu\u00e9 deplores 4 deaths and 9 wounded.", "Norland Army", "4 deaths and 9 wounded"),
        # "the Commissioner of Police" is the post's holder named before, not the police;
        # "he" right after that statement is the same person, not a victim named in between
        ("The Commissioner of Police, Tom Brand, sent teams to the village of Lomas on Monday. Two people, "
         "namely Ann Ode and Bob Ode, were shot dead.\n\nThe Commissioner of Police, while commiserating with "
         "the families, assured that the Command will not relent until the victims are rescued. He urged "
         "members of the public to report suspicious movements.", "Tom Brand", "will not relent until"),
        ("The Commissioner of Police, Tom Brand, sent teams to the village of Lomas on Monday. Two people, "
         "namely Ann Ode and Bob Ode, were shot dead.\n\nThe Commissioner of Police, while commiserating with "
         "the families, assured that the Command will not relent until the victims are rescued. He urged "
         "members of the public to report suspicious movements.", "Tom Brand", "report suspicious movements"),
    ],
)
def test_attribution_constructions(read, text, speaker, fragment):
    found = _statements(read(text))
    assert _said(found, speaker, fragment), found


@pytest.mark.parametrize(
    "text",
    [
        # a verb after a comma followed by a name that does not end the clause is no inverted attribution
        "The mayor arrived at noon, thanked Maren Holloway and left for the coast.",
        "The bridge was closed on Monday, said to be unsafe by Maren Holloway and her engineers.",
    ],
)
def test_no_inverted_attribution(read, text):
    found = _statements(read(text))
    assert not any("Maren Holloway" in who for _, who in found), found


def test_a_town_does_not_speak(read):
    found = _statements(read("Police in Varnoli confirmed that two people had died in the fire on Tuesday."))
    assert not any("Varnoli" in who for _, who in found), found


def test_the_ministry_is_the_body_that_speaks_not_one_its_quote_names(read):
    text = ("The roads are unsafe, the Norland Foreign Ministry said in a statement on Monday.\n\n"
            "“According to the Ministry of Transport of Norland, two bridges collapsed in the storm and three lorries "
            "fell into the river,” the statement said.\n\n"
            "The ministry stressed that repairs would take at least three months.\n\n"
            "“We ask drivers to use the coastal road until then,” it said.\n")
    found = _statements(read(text))
    for fragment in ("repairs would take at least three months", "We ask drivers to use the coastal road"):
        speakers = [who for t, who in found if fragment in t]
        assert speakers and all(any("Foreign" in w for w in who) for who in speakers), found
        assert not any(any("Transport" in w for w in who) for who in speakers), found


def test_the_2021_seed_statements_are_the_foreign_ministrys(seeds_store, capsys):
    """In the seed article of 2021, "the ministry" and "it" are the Foreign Ministry that issued the
    statement, never the Interior Ministry its quote names; "Baku" speaks for Azerbaijan."""
    import json

    from newskg.cli import main

    base, _ = seeds_store
    assert main(["query", "--store", str(base / "store"), "--name", "who-said-what", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    fragments = ("Azerbaijan constantly raises", "the mines in this area were deliberately planted",
                 "a group of the armed forces of Armenia was detained", "Armenia continues to pose a serious threat",
                 "will take all appropriate, including legal measures")
    for fragment in fragments:
        speakers = {r["speaker"] for r in rows if fragment in r["text"]}
        assert speakers == {"Ministry of Foreign Affairs of Azerbaijan"}, (fragment, speakers)
    assert not any("Internal Affairs" in r["speaker"] for r in rows)


_BRITISH = (
    "Relief officer Ana Morel said the camps were full.\n\n"
    "‘The families fled at night. We need tents and food.\n\n"
    "‘Many children have not eaten since Sunday and the rains are coming,’ Morel said.\n\n"
    "The workers’ union called the plan ‘absurd’ on Monday. ‘It won’t work before the winter,’ said Tomas Varga.\n"
)


@pytest.mark.parametrize(
    ("speaker", "fragment"),
    [
        # ‘…’ as the outlet's quotation marks: an unclosed quote runs on into the next paragraph
        ("Ana Morel", "We need tents and food"),
        ("Ana Morel", "Many children have not eaten since Sunday"),
        # an apostrophe inside the quote does not close it
        ("Tomas Varga", "It won’t work before the winter"),
    ],
)
def test_single_curly_quotes_quote_in_british_style(read, speaker, fragment):
    found = _statements(read(_BRITISH))
    assert _said(found, speaker, fragment), found


def test_scare_quotes_and_apostrophes_are_not_statements(read):
    found = _statements(read(_BRITISH))
    assert not any(text.strip(" ‘’") == "absurd" for text, _ in found), found
    assert not any(text.startswith("union") or text.startswith("s union") for text, _ in found), found
    # double quotes stay the marks when an outlet uses them, with a stray ‘ in the text
    found = _statements(read("“We will rebuild the bridge,” Mayor Ilse Varn said. Locals call it ‘the old lady’.\n"))
    assert _said(found, "Ilse Varn", "We will rebuild the bridge"), found


@pytest.mark.parametrize("label", ["Also read:", "READ MORE:", "Related:", "ALSO READ"])
def test_a_link_to_another_story_is_not_a_statement(read, label):
    text = ("The Water Agency said two dams would be opened on Friday.\n\n"
            f"{label} Farmers in Quessa protest delayed payments, union says\n\n"
            "According to the Harbour Council, the ferry service will resume on Monday.\n")
    found = _statements(read(text))
    assert _said(found, "Water Agency", "two dams would be opened"), found
    assert not any("Farmers in Quessa" in t or "delayed payments" in t for t, _ in found), found


@pytest.mark.parametrize(
    ("text", "speaker", "fragment"),
    [
        # a caption or a credit above a paragraph is not the subject of the paragraph's verb
        ("Picture: Rosa Lind/Valley Courier\n\nPolice spokesperson Captain Ivo Marren said the robbers, armed with "
         "knives, fled in a grey van at about midnight.", "Ivo Marren", "fled in a grey van at about midnight"),
        ("FLOOD WARNING\n\nThe Water Agency said two dams would be opened on Friday.", "Water Agency",
         "two dams would be opened on Friday"),
    ],
)
def test_a_paragraph_starts_a_sentence(read, text, speaker, fragment):
    found = _statements(read(text))
    assert _said(found, speaker, fragment), found


@pytest.mark.parametrize(
    ("text", "speaker", "fragment"),
    [
        # the person at the head of the subject, not a place or name before the title
        ("Lowmoor North MP Dana Velic wrote on X that the closures marked a dark day for the valley.",
         "Dana Velic", "the closures marked a dark day"),
        # the person in apposition, not the possessor: "Doe's brother, John Doe"
        ("The storm killed Arvo Pellin, 29.\n\n\"He was not in any danger,\" Pellin's brother, Jonas Pellin, told the "
         "Harbour Post.", "Jonas Pellin", "He was not in any danger"),
        # a part of the name stands for the one person named in full before
        ("Aroha Mei Lindqvist, a vet, inspected the farm.\n\nMei Lindqvist said the virus had spread to the coast.",
         "Aroha Mei Lindqvist", "the virus had spread to the coast"),
        # "told X": X is the listener
        ("Mayor Ilse Varn visited the dam.\n\n\"The owners never filed a complaint,\" Varn told the Harbour Post.",
         "Ilse Varn", "The owners never filed a complaint"),
        # an inverted verb: the person named wins over the body before them
        ("\"Our brigades rescued three workers,\" said the head of rescue of the Mining Agency, Lina Oduya.",
         "Lina Oduya", "Our brigades rescued three workers"),
        # "X, who announced …"
        ("The visit was welcomed by councillor Petra Solvik, who announced a plan to rebuild 40 bridges by 2030.",
         "Petra Solvik", "a plan to rebuild 40 bridges"),
        # the name between a comma and the verb, whatever the parse makes the subject
        ("Among the dead are Vera Kolm, 71, and her neighbour Ivo Rask, 38, the Norland City Council said in a "
         "statement.", "Norland City Council", "Among the dead are Vera Kolm"),
        # "…, saying …": the main clause's speaker
        ("The Valley Rescue Service gave a lower toll of seven dead, saying its teams had pulled four people alive "
         "from the rubble.", "Valley Rescue Service", "its teams had pulled four people alive"),
    ],
)
def test_who_speaks(read, text, speaker, fragment):
    found = _statements(read(text))
    assert _said(found, speaker, fragment), found


@pytest.mark.parametrize(
    ("text", "not_speaker", "fragment"),
    [
        # "the bar owner said" is someone new, not the last speaker
        ("Police spokesman Tomas Rendal said two men were arrested.\n\nThe bar owner said the gunmen had fled on foot.",
         "Tomas Rendal", "the gunmen had fled on foot"),
    ],
)
def test_who_does_not_speak(read, text, not_speaker, fragment):
    found = _statements(read(text))
    assert not any(fragment in t and not_speaker in who for t, who in found), found


def test_asking_not_to_be_named_is_not_speech(read):
    found = _statements(read("A neighbour, who asked not to be named, said the house had been empty for years."))
    assert not any(t.startswith("not to be named") for t, _ in found), found


def test_a_surname_shared_by_two_people_stays_as_written(read):
    """"Doe" after "Jana Doe" and "Milan Doe" is not made either of them by the speaker rules."""
    reading = read("Jana Kovar and Milan Kovar ran the bakery.\n\nKovar said the oven had been repaired in May.")
    texts = {m.id: m.text for m in reading.mentions}
    said = [s for s in reading.statements if "the oven had been repaired" in s.text]
    assert said and all(texts[x] == "Kovar" for s in said for x in s.speakers), said


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        # speech still to come
        ("The Central Bank is expected to announce its next rate decision on Monday.", "its next rate decision"),
        ("The Water Agency will announce the new tariffs for the coming year next week.", "the new tariffs"),
        # "add" with a thing as its object
        ("The Council added 26 people and two firms to its sanctions list on Monday.", "26 people and two firms"),
        # a line that introduces a list
        ("The ministry reminds the public to:\n\ni. Drink boiled water;\n", "the public to"),
        # a headline: no sentence ends on its line
        ("Water Agency says two dams to open on Friday, five villages evacuated\n\nThe minister visited the dam.",
         "to open on Friday"),
        # a title or a scare-quoted phrase is nobody's statement
        ("The union condemned the \"excessive use of force\" by the guards on Sunday.", "excessive use of force"),
        ("Mayor Ilse Varn told the \"Valley Times\" that the bridge would reopen in May.", "Valley Times"),
    ],
)
def test_not_a_statement(read, text, fragment):
    found = _statements(read(text))
    assert not any(t.strip(" .\"“”").startswith(fragment) for t, _ in found), found


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        # people not named speak for nobody named in the sentence
        ("Among the dead were Ivo Rask, 42, a teacher, and Vera Kolm, 29, their relatives told reporters.",
         "Among the dead were Ivo Rask"),
        ("Mira Sato runs a stall.\n\nMany shoppers in the old town said they had started buying smaller bags.",
         "they had started buying smaller bags"),
    ],
)
def test_unnamed_speakers_are_nobody(read, text, fragment):
    found = _statements(read(text))
    assert not any(fragment in t and who for t, who in found), found


@pytest.mark.parametrize(
    ("text", "speaker", "fragment"),
    [
        # but a phrase that names whose people they are has a speaker
        ("According to preliminary results published by the Norland Electoral Commission, the governing party won "
         "52 per cent of the vote.", "Norland Electoral Commission", "the governing party won 52 per cent"),
        # a sign-off after a sentence does not make its line a headline
        ("Since January, floods have killed 74 people across Norland, according to the Water Agency. – NRX",
         "Water Agency", "floods have killed 74 people across Norland"),
    ],
)
def test_named_speakers_still_speak(read, text, speaker, fragment):
    found = _statements(read(text))
    assert _said(found, speaker, fragment), found


@pytest.mark.parametrize(
    ("text", "speaker", "fragment"),
    [
        # "said the politician": the last person named with a title, not the last speaker
        ("Police spokesman Ivo Marren said the fire started at night.\n\nThe leader of the Green League, Anja Velt, "
         "visited the market on Sunday. \"We will not give up. The vote of the people must be respected,\" said the "
         "politician.", "Anja Velt", "The vote of the people must be respected"),
        # "she" is not a name that only qualifies a noun ("the Tomas Berg attack")
        ("Foreign Ministry spokeswoman Dana Velic said the Tomas Berg attack showed that the war had reached the "
         "cities.\n\n\"Every day we wait, more people die under the rubble,\" she wrote on X.", "Dana Velic",
         "more people die under the rubble"),
        # "the ministry" after a spokeswoman of a ministry spoke: her ministry
        ("The Ministry of Defence said a shell exploded at a range.\n\nLena Orbeli, head of the press service of the "
         "Ministry of Water Resources, told reporters that two bridges were closed.\n\nThe ministry urged drivers to "
         "avoid the river road at night.", "Ministry of Water Resources", "urged drivers to avoid the river road"),
    ],
)
def test_titled_speakers(read, text, speaker, fragment):
    found = _statements(read(text))
    assert _said(found, speaker, fragment), found


def test_a_quote_inside_reported_speech_is_part_of_it(read):
    reading = read("Foreign Minister Anja Velt said the islands could no longer rely on \"pledges that arrive months "
                   "after the storm has passed and the rubble is cleared\".")
    said = [(s.kind, s.text) for s in reading.statements if "pledges that arrive" in s.text]
    assert [k for k, _ in said] == ["reported"], said


@pytest.mark.parametrize(
    ("text", "speaker", "fragment"),
    [
        # a coordinated clause with a speaker of its own is that speaker's statement
        ("The Norland Transport Safety Board said on Monday that it was sending a team of investigators, and the "
         "Varnoli Utility Commission said it had opened its own inquiry.", "Varnoli Utility Commission",
         "it had opened its own inquiry"),
        ("Norland's Foreign Minister, Anja Velt, announced 25 million dollars as a first contribution, while "
         "Dorvania's Deputy Foreign Minister, Ivo Rask, said his country would send disaster specialists.",
         "Ivo Rask", "his country would send disaster specialists"),
        # "X argued that …, but Y rejected the request, saying …": the first clause is X's
        ("The defence lawyer, Jonas Perel, argued that there was no evidence against his client, but Judge Irma "
         "Tolvek rejected the request, saying the defendant was a danger to society.", "Jonas Perel",
         "there was no evidence against his client"),
        # "…, the X Centre (XC) said": initials in brackets between the name and the verb
        ("A landmine exploded in the Kelm district on Sunday, seriously injuring a shepherd, the Norland Mine "
         "Action Centre (NMAC) said.", "Norland Mine Action Centre", "A landmine exploded in the Kelm district"),
        # "…, the press service of the Y Ministry reports": the body whose office speaks
        ("Energy Minister Tomas Rendal held talks in Varnoli on Tuesday with his counterpart Ivo Rask, the press "
         "service of the Ministry of Energy of Norland reports.", "Ministry of Energy of Norland",
         "held talks in Varnoli on Tuesday with his counterpart Ivo Rask"),
        # "police said", "the governor's office said": the one body of the article so named
        ("Among the dead were the driver, Jon Perel, 38, and Ivo Rask, 52, police said. Norland Police "
         "spokesperson Irma Tolvek said a case had been registered.", "Norland Police", "Among the dead were the driver"),
        ("The Varnoli Governor's Office opened an inquiry. The attack took place at around 11 p.m. in a cafe, the "
         "governor's office said in a written statement.", "Varnoli Governor's Office", "The attack took place"),
        # a colon hands the word to the sentence's subject, whatever the verb
        ("Deputy Speaker Jonas Perel shared on social media: \"Our hearts are with the families of the victims. "
         "Terror has no religion.\"", "Jonas Perel", "Our hearts are with the families"),
        # "…," said the head of X, Y: the person however long the title before the name
        ("\"Our brigades arrived at the place and rescued three workers alive. The other seven were found dead,\" "
         "informed the vice-president of Mining Safety of the Norland Mining Agency, Lina Oduya.", "Lina Oduya",
         "rescued three workers alive"),
    ],
)
def test_speakers_of_news_english(read, text, speaker, fragment):
    found = _statements(read(text))
    assert _said(found, speaker, fragment), found


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        # the first speaker's statement ends where the second speaker's clause begins
        ("The Norland Transport Safety Board said that it was sending a team of investigators, and the Varnoli "
         "Utility Commission said it had opened its own inquiry.", "Utility Commission said"),
        # a participle that tells the occasion is not what was said
        ("Announcing the results in Varnoli on Thursday, commission chairperson Irma Tolvek said the turnout was "
         "41 percent.", "the results in Varnoli"),
    ],
)
def test_not_part_of_what_was_said(read, text, fragment):
    found = _statements(read(text))
    assert found and not any(fragment in t for t, _ in found), found


def test_he_warned_goes_on_with_the_same_speaker(read):
    found = _statements(read("Governor Ivo Rask told the committee that the banks were stronger than at any time, "
                             "but he warned that household debt remains a burden."))
    assert len([t for t, _ in found if "household debt" in t]) == 1, found


@pytest.mark.parametrize(
    ("text", "speaker", "fragment"),
    [
        # a long title before the name: the person, not a body named in the title
        ("Minister of Harbour Affairs and government spokesman Jonas Perel told state radio that the treasury "
         "would pay for the repairs.", "Jonas Perel", "the treasury would pay for the repairs"),
        ("Leader of the House and Minister of Water Dr. Irma Tolvek rejected the claim, saying the plan only "
         "concerned evening classes.", "Irma Tolvek", "the plan only concerned evening classes"),
        ("Norland's permanent representative to the United Nations, Ambassador Ivo Rask, on Thursday urged the UN "
         "Security Council to list the Valley Front as a terrorist organisation, accusing the armed group of "
         "deliberately targeting civilians in Kelm.", "Ivo Rask", "accusing the armed group of deliberately"),
        # a description in apposition to the name is not the subject
        ("The Valley Rescue Service, the volunteer group known as the Orange Vests, gave a toll of seven dead, "
         "saying its teams had pulled four people alive.", "Valley Rescue Service", "its teams had pulled four"),
        # a quote that ends its sentence does not take the next sentence's verb
        ("Dr. Amos Tellam, director of the Kelm Hospital, said the hospital had received 19 of the wounded, \"most "
         "of them with head injuries.\" He said three of them were children under ten.", "Amos Tellam",
         "three of them were children under ten"),
        # a nickname in quotes uses up no verb; an opening phrase is not what was said
        ("In a post on social media, Varnoli City Mayor Gerald \"Gerry\" Abello condemned the killing and offered "
         "a reward for information leading to the arrest of the gunmen.", "Gerald Abello", "offered a reward"),
        # "identified X as Y": the identification with its verb
        ("UPDATE, 7:15 p.m.: The Kelm County Coroner's Office has identified the woman killed in the blast as "
         "Vera Kolm, 81.", "Kelm County Coroner's Office", "identified the woman killed in the blast"),
        # "the governor's office": the last so named before, not one named later
        ("The Varnoli Governor's Office opened an inquiry. The attack took place in a cafe, the governor's office "
         "said. The Kelm District Governor's Office said the road would close.", "Varnoli Governor's Office",
         "The attack took place in a cafe"),
    ],
)
def test_titles_and_appositions(read, text, speaker, fragment):
    found = _statements(read(text))
    assert _said(found, speaker, fragment), found


@pytest.mark.parametrize(
    ("text", "not_speaker", "fragment"),
    [
        # "their relatives told": not the last person named in the list of the dead
        ("Among the dead were Ivo Rask Dorel, 42, a mathematics teacher, and police corporal Jonas Amar Perel, 29, "
         "their relatives told this website.", "Ivo Rask Dorel", "Among the dead were"),
        # "according to a resident": someone new, not the last speaker
        ("Radio Kelm reported the attack. The gunmen arrived on motorcycles around 4 pm and opened fire on people "
         "near the market, according to a resident who asked not to be named.", "Radio Kelm", "The gunmen arrived"),
        # "he said" after an unnamed speaker is that speaker, not the last person named
        ("Mayor Ilse Varn visited the scene. The tavern owner, who asked not to be named, said he had hidden in a "
         "storeroom. \"I heard more than 50 shots. When I came out, there were bodies everywhere,\" he said.",
         "Ilse Varn", "I heard more than 50 shots"),
    ],
)
def test_not_the_speaker(read, text, not_speaker, fragment):
    found = _statements(read(text))
    assert not any(fragment in t and not_speaker in who for t, who in found), found


@pytest.mark.parametrize(
    ("text", "speaker", "fragment"),
    [
        # "…, he said": the person who spoke before, not one named in what he said
        ("Ivo Rask, a council member in Kelm, said the children were aged between nine and 14. The injured boy, "
         "Jonas Perel, 11, lost both legs and was taken to a hospital, he said.", "Ivo Rask", "lost both legs"),
        # a title between the comma and the name
        ("Three people were killed when a missile struck a building in Kelm on Sunday, regional governor Ivo Rask "
         "said.", "Ivo Rask", "a missile struck a building in Kelm"),
        # a long description between the name and the verb
        ("More than three million people are now displaced, Irma Tolvek, a spokesperson for the UN Office for the "
         "Coordination of Humanitarian Affairs (OCHA), said in Varnoli.", "Irma Tolvek", "three million people"),
        # "According to the X Corp., …": the phrase ends at its comma
        ("According to the state-run Norland Oil Corp., the average price of petrol at stations nationwide stood "
         "at 1,594 won per litre on Wednesday.", "Norland Oil Corp.", "the average price of petrol at stations"),
        # "In the statement made by X, it was informed that …": the statement's author
        ("The Norland Foreign Ministry issued a statement. In the written statement made by the ministry, it was "
         "informed that one citizen working for a building firm is among the wounded.", "Norland Foreign Ministry",
         "one citizen working for a building firm"),
    ],
)
def test_who_said_it_after_the_speech(read, text, speaker, fragment):
    found = _statements(read(text))
    assert _said(found, speaker, fragment), found


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        # the subject of a passive is no speaker: "was declared", "it is noted that"
        ("The Valley Front was declared defeated in 2017, but its cells still carry out attacks in the hills.",
         "defeated in 2017"),
        ("The Water Agency met on Monday. It is noted that the volume of water sent to the south will reach five "
         "billion cubic metres.", "the volume of water sent"),
    ],
)
def test_passive_subjects_do_not_speak(read, text, fragment):
    found = _statements(read(text))
    assert not any(fragment in t and who for t, who in found), found


def test_a_relative_clause_does_not_speak_for_its_head(read):
    found = _statements(read("The Green League, whose candidate Jonas Perel finished second, says the count was "
                             "manipulated at more than 40 polling stations."))
    assert not any("the count was manipulated" in t and "Jonas Perel" in who for t, who in found), found
