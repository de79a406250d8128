"""Dates and outlets as news pages write them: one table row per way (texts made up here)."""

from datetime import date
from pathlib import Path

import pytest

from newskg.ingest import read_article
from newskg.ingest.outlet import clean_name, outlet_key
from newskg.ingest.when import find_dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-04-09", date(2023, 4, 9)),
        ("09.04.2023", date(2023, 4, 9)),
        ("9/4/2023 - 10:15", date(2023, 4, 9)),
        ("04/29/2023", date(2023, 4, 29)),  # the first number cannot be a month: month first
        ("Apr 9, 2023", date(2023, 4, 9)),
        ("April 9/2023", date(2023, 4, 9)),  # some agencies' datelines
        ("Sept. 9, 2023, 6:45 p.m.", date(2023, 9, 9)),
        ("Sunday, April 9, 2023", date(2023, 4, 9)),
        ("9th April, 2023", date(2023, 4, 9)),
        ("Sun 9 Apr 2023 at 4:15pm", date(2023, 4, 9)),
        ("Apr 9", None),  # no year: not a date we can place
        ("31.02.2023", None),
        ("1.2.3.2023", None),
    ],
)
def test_date_formats(text, expected):
    found = find_dates(text)
    assert (found[0][0] if found else None) == expected


def _meta(text: str):
    art = read_article(Path("x.txt"), text)
    return art.published, art.publisher


BODY = "Two fishermen were rescued on Monday after their boat capsized near the harbour, the coast guard said.\n"


@pytest.mark.parametrize(
    ("text", "published", "publisher"),
    [
        # datelines: city, region, date, agency in brackets, slashes or capitals; dashes and colons
        (f"PORTVALE, Norland, Apr 9, 2023 (Tidewater Wire) — {BODY}", date(2023, 4, 9), "Tidewater Wire"),
        (f"Portvale, 09.04.2023 (Tidewater Wire) – {BODY}", date(2023, 4, 9), "Tidewater Wire"),
        (f"PORTVALE, 9th April, 2023 (TWA) -- {BODY}", date(2023, 4, 9), "TWA"),
        (f"PORTVALE, April 9 (TWA): {BODY}", None, "TWA"),
        (f"PORTVALE. April 9. TIDEWATER INFO – {BODY}", None, "Tidewater Info"),
        (f"PORTVALE, April 9. /Tidewater/. {BODY}", None, "Tidewater"),
        # head lines: date lines with times, "Posted", "Updated" after "Published", mastheads
        (f"Posted: Apr 9, 2023 11:45 AM\n\n{BODY}", date(2023, 4, 9), None),
        (f"UPDATED 14:32 | 10.04.2023\nPublished 09.04.2023\n\n{BODY}", date(2023, 4, 9), None),
        (f"TIDEWATER GAZETTE | Coast | 09/04/2023 - 23:58\n\nBoat capsizes near harbour\n\n{BODY}", date(2023, 4, 9), "Tidewater Gazette"),
        (f"Tidewater Gazette · Live blog · Sunday 9 April 2023\n\n{BODY}", date(2023, 4, 9), "Tidewater Gazette"),
        # bylines name the outlet, not a beat or a title
        (f"Boat capsizes\nBy Ama Quarshie | Tidewater Gazette | 9 April 2023\n\n{BODY}", date(2023, 4, 9), "Tidewater Gazette"),
        (f"Boat capsizes\nBy Ama Quarshie, Harbour correspondent\n\n{BODY}\n", None, "Harbour"),
        (f"Boat capsizes\nBy Ama Quarshie, Senior Editor\n\n{BODY}", None, None),
        # footers: copyright, sign-offs, agency slugs, self-descriptions; a masthead confirmed by one
        (f"{BODY}\n© 2023 Tidewater Gazette. All rights reserved.\n", None, "Tidewater Gazette"),
        (f"{BODY}\n© Tidewater Gazette 2023 · Privacy · Terms\n", None, "Tidewater Gazette"),
        (f"{BODY}\n— Tidewater Gazette\n", None, "Tidewater Gazette"),
        (f"{BODY}\nTWA/kq/1840\n", None, "TWA"),
        (f"{BODY}\nTWA/Tidewater Wire Agency\n", None, "Tidewater Wire Agency"),
        (f"{BODY}\nTidewater Gazette is an independent, reader-funded newsroom. © 2023\n", None, "Tidewater Gazette"),
        (f"TIDEWATER GAZETTE\nNews | Sport\n\n{BODY}\n© 2023 Tidewater Gazette\n", None, "Tidewater Gazette"),
        (f"Boat capsizes near harbour\n\n{BODY}\n(Reporting by Ama Quarshie; Editing by Kofi Mensah)\n", None, None),
        (f"{BODY}\nSubscribe to our newsletter\n", None, None),
        # a press release signs off with its date
        (f"PRESS RELEASE\n\n{BODY}\nKofi Mensah\nHead of Communication\n9 April 2023\n", date(2023, 4, 9), None),
        # ... and names the body that issues it below "Issued by:", under a state's letterhead
        (f"REPUBLIC OF NORLAND\nMINISTRY OF FISHERIES\n\nPRESS RELEASE\n\n{BODY}\nIssued by:\nKofi Mensah\n"
         "Head of Communication Unit\nMinistry of Fisheries\n9 April 2023\n", date(2023, 4, 9), "Ministry of Fisheries"),
        (f"{BODY}\nIssued by the Norland Coast Guard Service\n", None, "Norland Coast Guard Service"),
    ],
)
def test_date_and_outlet_rules(text, published, publisher):
    got_published, got_publisher = _meta(text)
    assert got_published == published
    assert got_publisher == publisher


def test_byline_author_and_offsets():
    text = f"Boat capsizes\nBy Ama Quarshie | Tidewater Gazette\n\n{BODY}"
    art = read_article(Path("x.txt"), text)
    assert art.publisher_span is not None
    assert text[art.publisher_span.start:art.publisher_span.end] == "Tidewater Gazette"
    assert "Quarshie" not in art.body and len(art.body) == len(text)


@pytest.mark.parametrize(
    ("a", "b"),
    [("TIDEWATER GAZETTE", "Tidewater Gazette"), ("TidewaterGazette.com", "The Tidewater Gazette")],
)
def test_one_outlet_under_two_spellings(a, b):
    assert outlet_key(a) == outlet_key(b)


@pytest.mark.parametrize(
    ("raw", "label"),
    [("MINISTRY OF FISHERIES", "Ministry of Fisheries"), ("HARBOUR TV", "Harbour TV"),
     ("Tidewater Gazette – English edition", "Tidewater Gazette"), ("Tidewater Gazette (TG)", "Tidewater Gazette")],
)
def test_clean_name(raw, label):
    assert clean_name(raw) == label


def test_metadata_wins_over_what_the_text_suggests(tmp_path):
    import json

    from newskg.ingest import read_articles

    text = f"PORTVALE, Apr 2, 2023 (Other Wire) — {BODY}\n— Other Wire\n"
    rec = {"text": text, "published": "2023-04-09T08:00:00Z", "source": {"name": "Tidewater Gazette"},
           "authors": ["Ama Quarshie", "Kofi Mensah"], "headline": "Boat capsizes"}
    (tmp_path / "one.jsonl").write_text(json.dumps(rec) + "\n", encoding="utf-8")
    (art,) = list(read_articles([tmp_path]))
    assert art.published == date(2023, 4, 9)
    assert art.publisher == "Tidewater Gazette" and art.publisher_span is None
    assert art.author == "Ama Quarshie, Kofi Mensah" and art.title == "Boat capsizes"
    assert art.id.startswith("one.jsonl/") and art.original == text.strip()  # offsets point into this
