"""US states as a dateline writes them after a town: AP-style abbreviations -> the state's name."""

import pytest

from newskg.extract.countries import us_state


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Calif.", "California"),
        ("N.Y.", "New York"),
        ("N.M.", "New Mexico"),
        ("Pa.", "Pennsylvania"),
        ("Ore.", "Oregon"),
        ("Texas", "Texas"),  # AP style spells the short ones out
        ("New Hampshire", "New Hampshire"),
        ("Paris", None),
        ("Alberta", None),  # a province of another country
        ("Feb.", None),  # a month's abbreviation in a dateline is not a state
    ],
)
def test_us_state(text, state):
    assert us_state(text) == state
