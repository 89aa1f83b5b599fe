"""The workspace as an editor uses it, in headless Chromium: `summarizer serve` on a folder, a seed
report and a Word file made here uploaded, both followed to done against the loopback server that
replays the recorded answers, one item rejected and another edited, the page reloaded with both
decisions still there, and the reviewed briefing exported as .docx and read back with python-docx.

The screenshot the README shows (docs/workspace.png) is made here: it is written to test-artifacts/
on every run, and to docs/ with SUMMARIZER_UPDATE_SCREENSHOTS=1 (so a test run leaves the repository
as it was)."""

from __future__ import annotations

import base64
import io
import os
import re
import shutil
import subprocess
import sys
import time

import pytest

from summarizer.source.read import decode
from tests.conftest import RECORDED_MODEL, ROOT, SEEDS
from tests.replay_server import ReplayServer
from tests.test_browser import ARTIFACTS, browser  # noqa: F401  (the module's headless Chromium)
from tests.workspace_helpers import seed_docx

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1", "localhost", "::1"])
SCREENSHOT = ROOT / "docs" / "workspace.png"
UPDATE = os.environ.get("SUMMARIZER_UPDATE_SCREENSHOTS") == "1"  # read before conftest clears SUMMARIZER_*
EDITED = "Đến nay, cả 27 chỉ tiêu đề ra đều đạt từ 70% kế hoạch trở lên (biên tập viên viết lại)"


def _serve(folder, replay, cache):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    env.update(OPENAI_BASE_URL=replay.base_url, SUMMARIZER_MODEL=RECORDED_MODEL, SUMMARIZER_CACHE_DIR=str(cache))
    proc = subprocess.Popen([sys.executable, "-m", "summarizer", "serve", str(folder), "--port", "0"], env=env,
                            stderr=subprocess.PIPE, text=True)
    line = proc.stderr.readline()
    match = re.search(r"workspace on (http://127\.0\.0\.1:\d+/)", line)
    if not match:
        proc.kill()
        pytest.fail(f"summarizer serve did not start: {line}{proc.stderr.read()}")
    return proc, match.group(1)


def _reloaded(browser, old, timeout=20):  # noqa: F811
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait

    def gone(_):  # EC.staleness_of, but Chrome 156 also reports a detached node as an inspector error
        try:
            old.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as e:
            if "does not belong to the document" in str(e):
                return True
            raise

    WebDriverWait(browser, timeout).until(gone)
    WebDriverWait(browser, timeout).until(lambda d: d.execute_script("return document.readyState") == "complete")


def test_an_editor_uploads_reviews_reloads_and_exports_in_the_browser(browser, tmp_path):  # noqa: F811
    import docx
    from selenium.webdriver.common.by import By

    text_seed, word_seed = SEEDS[1], SEEDS[3]
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    txt = inbox / text_seed.name
    shutil.copyfile(text_seed, txt)
    word = inbox / "Báo cáo Như Xuân 9 tháng.docx"
    word.write_bytes(seed_docx(word_seed))
    # the Word copy reads as the seed, so its requests are the recorded ones (the replay server
    # answers nothing else)
    assert decode(word.read_bytes(), word.name) == decode(word_seed.read_bytes(), word_seed.name)

    folder = tmp_path / "briefings"
    with ReplayServer(latency=0.2) as replay:
        proc, url = _serve(folder, replay, tmp_path / "cache")
        try:
            browser.set_window_size(1280, 860)
            browser.get(url)
            assert browser.find_element(By.TAG_NAME, "h1").text == "Bản tin tổng hợp"
            browser.find_element(By.ID, "files").send_keys(f"{txt}\n{word}")
            browser.find_element(By.ID, "send").click()
            seen: set[str] = set()
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                states = browser.execute_script(
                    "return Array.from(document.querySelectorAll('#jobs li')).map(li => li.dataset.state)")
                seen |= set(states)
                if len(states) == 2 and all(s in ("done", "failed") for s in states):
                    break
                time.sleep(0.05)
            lines = {li.get_attribute("data-name"): (li.get_attribute("data-state"), li.text)
                     for li in browser.find_elements(By.CSS_SELECTOR, "#jobs li")}
            assert {name: state for name, (state, _) in lines.items()} == {txt.name: "done", word.name: "done"}, lines
            assert seen & {"queued", "asking", "grounding"}, seen  # the page showed them in progress
            assert replay.requests == 6  # three sections each, every one a recorded request

            browser.find_element(By.CSS_SELECTOR, f'#jobs li[data-name="{word.name}"] a').click()
            assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Như Xuân")
            items = browser.find_elements(By.CSS_SELECTOR, "section.achievements li.item")
            assert len(items) >= 2
            rejected_key, edited_key = items[0].get_attribute("data-key"), items[1].get_attribute("data-key")
            rejected_text = items[0].find_element(By.CSS_SELECTOR, ".text").text

            items[0].find_element(By.CSS_SELECTOR, "[data-action=reject]").click()
            _reloaded(browser, items[0])
            item = browser.find_element(By.CSS_SELECTOR, f'li.item[data-key="{edited_key}"]')
            browser.execute_script("arguments[0].scrollIntoView({block:'center'})", item)
            item.find_element(By.CSS_SELECTOR, "[data-action=edit-open]").click()
            area = item.find_element(By.CSS_SELECTOR, "form.edit textarea")
            area.clear()
            area.send_keys(EDITED)
            item.find_element(By.CSS_SELECTOR, "form.edit button[type=submit]").click()
            _reloaded(browser, item)

            browser.refresh()
            rejected = browser.find_element(By.CSS_SELECTOR, f'#rejected li.item[data-key="{rejected_key}"]')
            assert rejected.get_attribute("data-state") == "rejected"
            assert not browser.find_elements(By.CSS_SELECTOR, f'section.achievements li.item[data-key="{rejected_key}"]')
            edited = browser.find_element(By.CSS_SELECTOR, f'section.achievements li.item[data-key="{edited_key}"]')
            assert edited.find_element(By.CSS_SELECTOR, ".text").text == EDITED
            assert "biên tập viên sửa" in edited.text
            assert "2 quyết định biên tập" in browser.find_element(By.TAG_NAME, "header").text

            browser.execute_script("arguments[0].scrollIntoView({block:'center'})", edited)
            edited.click()  # its evidence highlighted in the source, for the screenshot
            ARTIFACTS.mkdir(exist_ok=True)
            browser.save_screenshot(str(ARTIFACTS / "workspace.png"))
            if UPDATE:
                SCREENSHOT.parent.mkdir(exist_ok=True)
                shutil.copyfile(ARTIFACTS / "workspace.png", SCREENSHOT)

            href = browser.find_element(By.ID, "export-docx").get_attribute("href")
            data = browser.execute_async_script("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.arrayBuffer()).then(buffer => {
                  let s = ''; new Uint8Array(buffer).forEach(b => s += String.fromCharCode(b)); done(btoa(s));
                }).catch(e => done('error: ' + e));""", href)
            assert not data.startswith("error"), data
            exported = docx.Document(io.BytesIO(base64.b64decode(data)))
            paragraphs = [p.text for p in exported.paragraphs]
            assert exported.paragraphs[0].text.startswith("Như Xuân")
            assert [p.text for p in exported.paragraphs if p.style.name == "Heading 1"][:3] == \
                ["Thành tích", "Hạn chế", "Nhiệm vụ"]
            assert any(p.startswith("1. " + EDITED) and "biên tập viên sửa" in p for p in paragraphs), paragraphs
            assert not any(rejected_text in p for p in paragraphs)
            assert any(p.startswith("“") for p in paragraphs)  # evidence as quotations
            figures = exported.tables[0]
            assert [c.text for c in figures.rows[0].cells] == ["Mục", "Số liệu", "Đo", "Ý"]
            assert any(row.cells[1].text == "1.401,351 tỷ đồng" for row in figures.rows)
        finally:
            proc.terminate()
            proc.wait(10)
    # the machine's briefing is as the batch wrote it; the decisions are beside it
    stem = word.stem
    assert (folder / f"{stem}.review.jsonl").is_file() and (folder / f"{stem}.source.txt").is_file()
    assert rejected_text in (folder / f"{stem}.json").read_text(encoding="utf-8")
