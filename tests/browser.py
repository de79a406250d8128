"""A headless Chromium for the view tests and the view benchmark, with console and network logs.

Debian's ``chromium`` and ``chromedriver`` (``.ci/run`` installs them). ``Browser.load`` opens a
page, waits until the page says it is ready, and returns what the console logged at level
SEVERE and every request the page made (from the DevTools performance log).
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from dataclasses import dataclass

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
         "--disable-default-apps", "--metrics-recording-only", "--window-size=1400,900")


# a page with a script says it is ready in body[data-ready]; a page without one is ready when loaded
READY = ("return document.readyState === 'complete' && (document.body.dataset.ready === '1' "
         "|| !document.getElementById('newskg-data'))")


@dataclass(frozen=True)
class Loaded:
    seconds: float  # from the call until the page said it was ready
    errors: list[str]  # console messages at level SEVERE
    requests: list[str]  # URLs of every request the page made, the page itself included


class Browser:
    def __init__(self):
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        browser = shutil.which("chromium") or shutil.which("chromium-browser")
        driver = shutil.which("chromedriver")
        if not (browser and driver):
            raise RuntimeError("chromium and chromedriver are needed (apt-get install chromium chromium-driver)")
        self.profile = tempfile.TemporaryDirectory(prefix="newskg-chromium-")
        opts = webdriver.ChromeOptions()
        opts.binary_location = browser
        for flag in (*FLAGS, f"--user-data-dir={self.profile.name}"):
            opts.add_argument(flag)
        opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
        self.driver = webdriver.Chrome(service=Service(driver), options=opts)
        self.driver.set_script_timeout(30)

    def load(self, url: str, timeout: float = 30.0) -> Loaded:
        d = self.driver
        d.get("about:blank")
        self._drain()
        start = time.perf_counter()
        d.get(url)
        while not d.execute_script(READY):
            if time.perf_counter() - start > timeout:
                raise TimeoutError(f"{url} not ready after {timeout} s")
            time.sleep(0.02)
        seconds = time.perf_counter() - start
        errors = [e["message"] for e in d.get_log("browser") if e["level"] == "SEVERE"]
        return Loaded(seconds, errors, self._requests())

    def _drain(self) -> None:
        self.driver.get_log("browser")
        self.driver.get_log("performance")

    def _requests(self) -> list[str]:
        urls = []
        for entry in self.driver.get_log("performance"):
            msg = json.loads(entry["message"])["message"]
            if msg["method"] in ("Network.requestWillBeSent", "Network.webSocketCreated"):
                urls.append(msg["params"].get("request", {}).get("url") or msg["params"].get("url", ""))
        return urls

    def quit(self) -> None:
        self.driver.quit()
        self.profile.cleanup()
