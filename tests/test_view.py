"""The view in a real headless Chromium: it draws, works offline and escapes article text."""

import pytest

from newskg.view import write_view
from tests.conftest import chromium

EVIL = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'


@pytest.fixture(scope="module")
def evil_view(tmp_path_factory, nlp):
    from newskg.pipeline import build

    base = tmp_path_factory.mktemp("view")
    art = base / "evil.txt"
    art.write_text(f" date 2024-03-18 + ↺ − 16 px\n\n\"{EVIL} is what they said about the bridge,\" Farid Guliyev said.\n\nNorth Courier\n", encoding="utf-8")
    build([art], store=base / "store", progress=False, nlp=nlp)
    return write_view(base / "store", base / "view.html")


def test_view_html_is_offline_and_escaped(evil_view):
    page = evil_view.read_text()
    assert "<script>window.__pwned" not in page
    assert 'onerror="window' not in page
    assert "https://cdnjs" not in page and "unpkg.com" not in page
    assert "newskg-legend" in page


@pytest.mark.browser
def test_view_in_headless_chromium(evil_view, tmp_path):
    found = chromium()
    if found is None:
        pytest.fail("chromium and chromedriver are needed (apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    browser, driver = found
    opts = webdriver.ChromeOptions()
    opts.binary_location = browser
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path}"):
        opts.add_argument(flag)
    d = webdriver.Chrome(service=Service(driver), options=opts)
    try:
        d.get(evil_view.as_uri())
        assert d.execute_script("return typeof vis !== 'undefined' && typeof network !== 'undefined'")
        assert d.execute_script("return network.body.data.nodes.length") >= 2
        assert d.execute_script("return document.querySelector('canvas') !== null")
        assert d.execute_script("return window.__pwned === undefined")
        titles = d.execute_script("return network.body.data.nodes.get().map(n => String(n.title))")
        assert any("&lt;script&gt;" in t or "&amp;lt;script" in t for t in titles)
    finally:
        d.quit()
