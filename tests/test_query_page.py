"""The query page in a real headless Chromium: offline, quiet, and it runs a saved query."""

import json
import os
import shutil
import time

import pytest

from tests.conftest import chromium
from tests.servers import newskg_server


@pytest.mark.browser
def test_query_page_runs_a_saved_query(seeds_store, tmp_path):
    found = chromium()
    if found is None:
        pytest.fail("chromium and chromedriver are needed (apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    base, _ = seeds_store
    browser, driver = found
    opts = webdriver.ChromeOptions()
    opts.binary_location = browser
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1000",
                 f"--user-data-dir={tmp_path / 'profile'}"):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    with newskg_server(str(base / "store")) as url:
        d = webdriver.Chrome(service=Service(driver), options=opts)
        try:
            d.get(url + "/")
            wait = WebDriverWait(d, 30)
            wait.until(lambda d: d.execute_script("return !!window.newskgYasgui"))
            buttons = d.find_elements(By.CSS_SELECTOR, "#saved-list button")
            assert {b.text for b in buttons} >= {"who-said-what", "incidents", "places"}
            assert "PREFIX nkg:" in d.execute_script("return newskgYasgui.getTab().getYasqe().getValue()")
            d.find_element(By.CSS_SELECTOR, 'button[data-query="who-said-what"]').click()
            wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, ".yasr table tbody tr")) > 1)
            time.sleep(0.5)
            shot = tmp_path / "query-page.png"
            d.save_screenshot(str(shot))
            if os.environ.get("NEWSKG_SCREENSHOTS"):
                shutil.copy(shot, os.environ["NEWSKG_SCREENSHOTS"])
            text = d.execute_script("return [...document.querySelectorAll('.tabPanel.active .yasr')].map(e => e.innerText).join()")
            assert "Ayxan Hajizada" in text and "speaker" in text
            errors = [e for e in d.get_log("browser") if e["level"] == "SEVERE"]
            assert errors == []
            urls = set()
            for entry in d.get_log("performance"):
                msg = json.loads(entry["message"])["message"]
                if msg["method"] == "Network.requestWillBeSent":
                    urls.add(msg["params"]["request"]["url"])
            # the browser's own pages (chrome://) are not network; every http(s)/ws request goes here
            outside = [u for u in urls if u.split(":", 1)[0] in ("http", "https", "ws", "wss", "ftp")
                       and not u.startswith(url + "/")]
            assert urls and outside == []
            assert any(u.endswith("/sparql") for u in urls)
        finally:
            d.quit()
