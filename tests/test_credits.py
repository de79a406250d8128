"""Bylines, sign-offs, photo credits and page chrome (no model needed), and their memberships."""

import pytest

from newskg.extract.credits import chrome_lines, find_credits
from newskg.resolve import resolve


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(Reporting by Anna de Vries in Oslo and Piet Kuyt in Bergen; Additional reporting by Li Wen; "
         "Editing by Mark Olsen)",
         [("Anna de Vries", "reporter"), ("Piet Kuyt", "reporter"), ("Li Wen", "reporter"), ("Mark Olsen", "editor")]),
        ("By Tom Frey, Europe correspondent\nThe talks ended.", [("Tom Frey", "correspondent")]),
        ("By Jo Bell | 3 May 2024 | 4 Comments", [("Jo Bell", "reporter")]),
        ("— Reporting by Kim Dahl, River Post staff", [("Kim Dahl", "reporter")]),
        ("Photo: Officers at the scene. Picture: Sam Ode/River Post", [("Sam Ode", "photographer")]),
        # not credits: a sentence, a caption, a cookie banner
        ("By continuing, you agree to our terms.", []),
        ("Photo: press service of the ministry", []),
        ("The report was written by Ada Lang and Ola Berg after a long inquiry into the matter at the port.", []),
    ],
)
def test_credits(text, expected):
    assert [(text[c.start:c.end], c.role) for c in find_credits(text)] == expected


@pytest.mark.parametrize(
    ("line", "chrome"),
    [
        ("HOME   NEWS   POLITICS   SPORT   CONTACT", True),
        ("News | Sport | Business | Lifestyle | Opinion", True),
        ("Politics · Economy · Climate · Podcasts", True),
        ("We use cookies to improve your experience. By continuing you accept our Privacy Policy. [OK]", True),
        ("SECURITY", True),
        ("Share: Facebook | X | Email", True),
        ("The mayor said the road would reopen on Monday | officials agreed.", False),
        ("Two people were killed in the blast, police said.", False),
    ],
)
def test_chrome_lines(line, chrome):
    assert bool(chrome_lines(line)) == chrome


def test_a_sign_off_makes_members_of_the_outlet(read):
    text = ("LOWMOOR, May 3, 2024 (River Post) — Two people died when a bridge collapsed on Friday, police said.\n\n"
            "(Reporting by Anna de Vries; Editing by Mark Olsen)")
    reading = read(text)
    res = resolve([reading])

    def label(mid):
        e = res.entity(reading.article.id, mid) if mid is not None else None
        return e.label if e else None

    rows = {(label(m.person), m.role, label(m.organization)) for m in reading.memberships}
    outlet = label(reading.publisher_mention)
    assert ("Anna de Vries", "reporter", outlet) in rows, rows
    assert ("Mark Olsen", "editor", outlet) in rows, rows


def test_menu_words_are_not_names(read):
    reading = read("NEWS | SPORT | BUSINESS | LIFESTYLE | OPINION\n\nTwo people died in Lowmoor on Friday, police said.")
    names = {m.text for m in reading.mentions}
    assert not names & {"NEWS", "SPORT", "BUSINESS", "LIFESTYLE", "OPINION"}, names


def test_a_blanked_byline_keeps_its_person_at_the_file_offsets(read):
    reading = read("By Tom Frey, Europe correspondent\n\nLOWMOOR, May 3, 2024 (River Post) — Two people died when a "
                   "bridge collapsed on Friday, police said.")
    found = [m for m in reading.mentions if m.text == "Tom Frey"]
    assert found, [m.text for m in reading.mentions]
    assert reading.article.text[found[0].start:found[0].end] == "Tom Frey"
