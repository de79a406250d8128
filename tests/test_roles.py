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
        # an apposition whose role is a qualifier and a title
        ("Lieutenant Commander Rafi Anwar, media officer of the Coast Guard, said nine were rescued.",
         "Rafi Anwar", "media officer", "Coast Guard"),
    ],
)
def test_roles(read, text, person, role, org):
    found = _memberships(read(text))
    assert _has(found, person, role, org), found


def test_a_rank_gives_way_to_a_post(read):
    found = _memberships(read("Westmark Police spokesperson Deputy Inspector General Hala Mirza said a case was filed."))
    assert not any(r.endswith("general") for p, r, o in found if p == "Hala Mirza"), found
