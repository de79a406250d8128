"""Page layout: lines written for these tests -> whether a reader sees page furniture or news.

Every line here is made up; none comes from the corpus texts.
"""

import pytest

from newskg.extract.layout import is_nav_line, nav_items


@pytest.mark.parametrize(
    ("line", "nav"),
    [
        # menus: short items between separators
        ("HOME  WORLD  POLITICS  MONEY  CONTACT", True),
        ("Front page · Regions · Weather · Letters", True),
        ("EN DIRECTO ● Portada | Deportes | Tiempo", True),
        ("[Mail] [Print] [Copy]", True),
        # breadcrumbs: two items are enough
        ("Start › Provinces › Eastmere", True),
        ("Press room > Transcripts", True),
        # a header strip: a section, a date, a clock time
        ("WEATHER | Friday, 3 May 2024 | 09:40", True),
        # news: a sentence, a headline, a headline with a dash
        ("Flooding cut the road to Harwick on Friday, officials said.", False),
        ("Bus overturns near Harwick, killing four", False),
        ("Harwick | Four dead after bus overturns on mountain road near the border town", False),
        ("Jane Doe and John Roe  met  on Monday", False),  # runs of spaces between words in lower case
        ("", False),
    ],
)
def test_navigation_lines(line, nav):
    assert is_nav_line(line) is nav


def test_nav_items_leave_a_dateline_item_readable():
    text = "Intro text.\nThe Eastmere Courier | Regions | Harwick, May 3, 2024\nBody."
    items = [text[a:b].strip() for a, b in nav_items(text)]
    assert items == ["The Eastmere Courier", "Regions"]


def test_no_names_read_in_a_menu(read):
    from newskg.resolve import resolve

    reading = read("NEWS  SPORT  MONEY  OPINION  CONTACT\n\nTwo people died in Harwick on Monday, police said.")
    labels = {e.label for e in resolve([reading]).entities.values()}
    assert not labels & {"NEWS", "SPORT", "MONEY", "OPINION", "CONTACT"}, labels
    assert "Harwick" in labels
