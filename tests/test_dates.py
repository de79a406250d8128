"""Dates of news English: the publication date in an article's head, event dates against it.

Every example here is written for these tests (made-up towns, outlets and people).
"""

from datetime import date

import pytest

from newskg.extract.dates import find_date
from newskg.ingest.text import read_text
from newskg.ingest.when import head_date


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        # datelines of wire copy, with and without a country, agency in parentheses
        ("MARLOW BAY, Ostland, Mar 4, 2023 (Kestrel Wire) — Three people were hurt when a crane fell.", date(2023, 3, 4)),
        ("Brennick, 07.11.2022 (Lowland News Agency) – The minister said on Monday that prices would rise.", date(2022, 11, 7)),
        ("Tarvos, 2nd August, 2021 (TNA) -- A fire destroyed a market in the old town on Sunday night.", date(2021, 8, 2)),
        ("Port Ellin, May 9/2020 (PEA) – Officials said the bridge would reopen next week.", date(2020, 5, 9)),
        # timestamps on lines of their own
        ("UPDATED 09:12 | 23.04.2022\n\nFerry runs aground off the cape", date(2022, 4, 23)),
        ("Thursday, 3 March 2022 - 18:40\n\nFloods close the coastal road", date(2022, 3, 3)),
        ("April 2, 2023 9:15 AM GMT+3 · Updated 2 hours ago\n\nStorm cuts power to the valley", date(2023, 4, 2)),
        ("2021-12-30 07:55 KST\n\nTwo sailors missing after trawler sinks", date(2021, 12, 30)),
        ("Politics | 28/02/2023 - 21:05\n\nAssembly passes the water bill", date(2023, 2, 28)),
        ("Published on: 5 June 2022 | 14 Jestha 2079\n\nLandslide blocks the highway", date(2022, 6, 5)),
        ("Posted Wed 12 Oct 2022 at 6:30pm\n\nCouncil approves new harbour wall", date(2022, 10, 12)),
        ("Sept. 30, 2021, 10:05 a.m.\n\nMill closes after dust explosion", date(2021, 9, 30)),
        # a byline line; the first of two dates (published, then updated)
        ("Gas leak at a school\n\nBy Rana Okoro | June 14, 2022 | 3 Comments\n\nTwelve pupils were treated.", date(2022, 6, 14)),
        ("By Lio Marsh\n1 July 2022, 08:00 CET · Updated 2 July 2022, 10:00 CET\n\nRiver bursts its banks", date(2022, 7, 1)),
        # month first where the day cannot come first
        ("Posted 10/25/2022\n\nBus overturns on the pass", date(2022, 10, 25)),
        # a date line below the first sentence: the last resort of the head
        ("Crews fought a warehouse fire in the port district through the night, officials said.\n\n"
         "First published 4 March 2023\n\nMore text follows.", date(2023, 3, 4)),
        # a title that ends in a date
        ("Transcript of the Weekly Briefing by the Spokesperson (May 6, 2022)\n\nQuestion: Is the border open?", date(2022, 5, 6)),
    ],
)
def test_publication_date_from_the_head(head, expected):
    assert read_text(head).published == expected
    assert head_date(head) == expected  # the last resort alone finds it too


@pytest.mark.parametrize(
    "head",
    [
        # a dateline without a year says nothing certain about the year
        "HOLMBY, Jun 3 (Kestrel Wire) - Two workers died when a scaffold collapsed on Saturday.",
        # a date inside the story's sentences is the event's, not the publication's
        "On 4 May 2022, a bus fell into a ravine near the pass, killing nine people and injuring twenty more on board.",
        "The dam, which opened on 1 June 1998, was closed after engineers found cracks in the wall on Monday, the authority said.",
        # not a calendar date
        "Updated 31.02.2022\n\nFog delays flights",
    ],
)
def test_no_publication_date(head):
    assert read_text(head).published is None
    assert head_date(head) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on Friday", date(2024, 2, 9)),
        ("late Friday", date(2024, 2, 9)),
        ("late on Sunday", date(2024, 2, 11)),
        ("Yesterday evening", date(2024, 2, 10)),
        ("on the morning of June 4, 2021", date(2021, 6, 4)),
        ("on 3 February", date(2024, 2, 3)),
        # months cut short, ordinals, numeric and ISO dates
        ("on Feb. 3", date(2024, 2, 3)),
        ("on the 3rd of February", date(2024, 2, 3)),
        ("Sept. 9", date(2023, 9, 9)),
        ("on 03.02.2024", date(2024, 2, 3)),
        ("on 2024-02-03", date(2024, 2, 3)),
        # days counted back; the afternoon of the day; a night without its day is the night before
        ("two days ago", date(2024, 2, 9)),
        ("the day before yesterday", date(2024, 2, 9)),
        ("this afternoon", date(2024, 2, 11)),
        ("overnight", date(2024, 2, 10)),
        ("overnight into Saturday", date(2024, 2, 9)),
        ("late on Friday and overnight", date(2024, 2, 9)),
    ],
)
def test_event_dates_against_publication(text, expected):
    assert find_date(text, date(2024, 2, 11))[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("About an hour later, a second drone hit the depot", date(2024, 2, 8)),
        ("Hours earlier, two officers were shot", date(2024, 2, 8)),
        ("Later that day a bus overturned", date(2024, 2, 8)),
        ("two days after the blast", date(2024, 2, 6)),
        ("Hours later, on Friday, a fire broke out", date(2024, 2, 9)),  # a weekday named wins
    ],
)
def test_dates_relative_to_an_event(text, expected):
    assert find_date(text, date(2024, 2, 11), date(2024, 2, 8))[0] == expected
