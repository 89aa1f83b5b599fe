"""The HTML view in a real browser: headless Chromium (Debian's chromium and chromium-driver) loads a
seed briefing, an item is clicked, and its evidence must be highlighted and scrolled into view. A
screenshot is kept in test-artifacts/ for a person to look at.

The browser is the machine's, installed by scripts/install-browser (the README's test command and
.ci/run call it): this test never installs anything, and fails saying what is missing."""

import shutil

import pytest

from summarizer.core.schema import DraftItem, Extraction, Provenance, Usage
from summarizer.pipeline import build_briefing, load_document
from summarizer.render.html import to_html
from tests.conftest import ROOT

ARTIFACTS = ROOT / "test-artifacts"
pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1", "localhost", "::1"])


def browser_tools() -> tuple[str, str]:
    """The paths of chromium and chromedriver on PATH. Fails the test naming what is missing and how
    to install it: a browser is set up by the machine (scripts/install-browser), never by a test."""
    found = {name: shutil.which(name) for name in ("chromium", "chromedriver")}
    missing = [name for name, path in found.items() if path is None]
    if missing:
        pytest.fail(f"no {' and no '.join(missing)} on PATH: this test needs Debian's chromium and chromium-driver; "
                    "install them with scripts/install-browser (apt-get install chromium chromium-driver)",
                    pytrace=False)
    return found["chromium"], found["chromedriver"]


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium import webdriver  # the [test] extra: a missing selenium is an install error, not a skip

    tools = browser_tools()
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = tools[0]
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", f"--user-data-dir={tmp_path_factory.mktemp('chrome')}", "--window-size=1280,800"):
        options.add_argument(arg)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=tools[1]))
    yield driver
    driver.quit()


def seed_page(tmp_path):
    seed = ROOT / "seeds" / "003_9da10d9c084d8620.txt"
    doc = load_document(seed)
    last = doc.sentences[-2]  # far down the source: it must be scrolled to
    extraction = Extraction(title="Như Xuân", locality=None, period=None, meeting=None, achievements=[],
                            shortfalls=[], tasks=[DraftItem(text=last.text, sentences=[last.number])], people=[])
    b = build_briefing(doc, extraction, Provenance(source=seed.name, sha256=doc.sha256, model="m", mode="tools",
                                                   prompt_version="p", schema_version="s", usage=Usage()))
    path = tmp_path / "003.html"
    path.write_text(to_html(b, doc), encoding="utf-8")
    return path, last


def _check_click(browser, last):
    from selenium.webdriver.common.by import By

    item = browser.find_element(By.CSS_SELECTOR, f'li.item[data-sentences="{last.number}"]')
    ids = item.get_attribute("data-evidence").split()  # the clauses (or sentences) the item rests on
    parts = [browser.find_element(By.ID, i) for i in ids]
    assert parts and all("hl" not in p.get_attribute("class") for p in parts)
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", item)
    item.click()
    assert all("hl" in p.get_attribute("class").split() for p in parts)
    assert all(p.text and p.text in last.text for p in parts)
    span = parts[0]
    background = span.value_of_css_property("background-color")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent"), background
    visible = browser.execute_script("""
        const s = arguments[0].getBoundingClientRect(), box = document.getElementById('source').getBoundingClientRect();
        return s.top >= Math.max(box.top, 0) - 1 && s.bottom <= Math.min(box.bottom, window.innerHeight) + 1;""", span)
    assert visible, "the highlighted evidence is not scrolled into view"


def test_clicking_an_item_highlights_and_scrolls_to_its_evidence(browser, tmp_path):
    path, last = seed_page(tmp_path)
    browser.set_window_size(1280, 800)
    browser.get(path.as_uri())
    _check_click(browser, last)
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "html-view-desktop.png"))


def test_phone_width_stacks_the_columns_and_still_scrolls_to_evidence(browser, tmp_path):
    path, last = seed_page(tmp_path)
    browser.set_window_size(390, 844)
    browser.get(path.as_uri())
    from selenium.webdriver.common.by import By

    briefing = browser.find_element(By.ID, "briefing").rect
    source = browser.find_element(By.ID, "source").rect
    assert source["y"] >= briefing["y"] + briefing["height"] - 1  # below, not beside
    _check_click(browser, last)
    browser.save_screenshot(str(ARTIFACTS / "html-view-phone.png"))


def test_without_a_browser_the_test_fails_saying_what_to_install_and_installs_nothing(monkeypatch, tmp_path):
    import subprocess

    def no_install(*args, **kwargs):
        raise AssertionError(f"a test ran {args[0] if args else kwargs}")

    for name in ("run", "Popen", "call", "check_call", "check_output"):
        monkeypatch.setattr(subprocess, name, no_install)
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: neither chromium nor chromedriver
    with pytest.raises(pytest.fail.Exception) as failed:
        browser_tools()
    message = str(failed.value)
    assert "no chromium and no chromedriver on PATH" in message and "scripts/install-browser" in message
