from datetime import date
from pathlib import Path

import pytest

from newskg.ingest import IngestError, read_article, read_articles
from tests.conftest import DATA, SEEDS


def test_header_date_and_widget_are_blanked_with_offsets_kept():
    art = read_article(Path("a.txt"), " date 2021-06-04 + ↺ − 16 px\n\nArmenia bears it, the ministry said.\n\nNews.Az")
    assert art.published == date(2021, 6, 4)
    assert len(art.body) == len(art.text)
    assert "date" not in art.body and "px" not in art.body
    i = art.text.index("Armenia")
    assert art.body[i:i + 7] == "Armenia"
    assert art.publisher == "News.Az"


@pytest.mark.parametrize(
    ("text", "published", "publisher"),
    [
        ("KHARKIV, Feb. 11, 2024 (Slobidskyi Kurier) — Two civilians were killed.\n", date(2024, 2, 11), "Slobidskyi Kurier"),
        ("Mekong Sentinel | Tuesday, 5 March 2024 | Updated 16:42\n\nVIENTIANE – Text here.\n", date(2024, 3, 5), "Mekong Sentinel"),
        ("Monday, May 27, 2024\n\nText body here.\n\nCopyright © 2024 Lake Chad Herald. All rights reserved.\n", date(2024, 5, 27), "Lake Chad Herald"),
        ("Body text of the story.\n\nFollow Some Wire on Telegram and Facebook\n", None, "Some Wire"),
        ("Body text, Daily Planet reports, citing officials.\n", None, "Daily Planet"),
        ("Body text.\n\n(Bosna Vijesti 24)\n", None, "Bosna Vijesti 24"),
    ],
)
def test_dates_and_publishers(text, published, publisher):
    art = read_article(Path("x.txt"), text)
    assert art.published == published
    assert art.publisher == publisher


def test_junk_lines_are_not_analysed():
    art = read_article(Path("x.txt"), "Story text.\n\nRead more:\nOther headline here\n\nFollow us on Twitter @x\nTags: A, B\n")
    assert "Other headline" not in art.body and "Twitter" not in art.body and "Tags" not in art.body
    assert "Story text." in art.body


@pytest.mark.parametrize(("name", "message"), [("latin1.txt", "not UTF-8"), ("binary.txt", "binary"), ("empty.txt", "empty")])
def test_bad_files_give_one_clear_error(name, message):
    with pytest.raises(IngestError, match=message):
        read_article(DATA / name)


def test_batch_goes_on_after_a_bad_file():
    items = list(read_articles([DATA / "latin1.txt", SEEDS]))
    assert isinstance(items[0], IngestError)
    assert sum(1 for i in items if not isinstance(i, IngestError)) == 2
