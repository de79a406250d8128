from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def nlp():
    from newskg.extract import load_model

    return load_model()


@pytest.fixture(scope="session")
def seeds_store(tmp_path_factory, nlp):
    """The seeds built once into a store and a Turtle file."""
    from newskg.pipeline import build

    base = tmp_path_factory.mktemp("seeds")
    report = build([SEEDS], store=base / "store", output=base / "seeds.ttl", progress=False, nlp=nlp)
    return base, report


@pytest.fixture()
def read(nlp):
    """Extract a reading from text given as an article body."""
    from newskg.extract import extract
    from newskg.ingest import read_article

    def _read(text: str, published: str = "2024-03-18"):
        art = read_article(Path("t.txt"), f" date {published} + ↺ − 16 px\n\n{text}\n")
        return extract(art, nlp=nlp)

    return _read


def chromium() -> tuple[str, str] | None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


INSTALL_BROWSER = "apt-get install chromium chromium-driver"


def pytest_collection_modifyitems(config, items):
    """Browser tests run where Chromium and its driver are installed (CI installs them), else
    they are reported as skipped with the command that installs them."""
    if chromium() is not None:
        return
    skip = pytest.mark.skip(reason=f"needs Chromium and chromedriver: {INSTALL_BROWSER}")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)
