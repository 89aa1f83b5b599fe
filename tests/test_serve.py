"""The workspace over HTTP (`summarizer serve`): the folder view and its filters, decisions, exports,
trends, uploads through the batch runner, and what keeps it safe — loopback host names only, a token
with --host, CSRF on every change, size-limited uploads with sanitised names, nothing outside the
folder served. The app runs in uvicorn on 127.0.0.1; model answers come from the loopback replay
server (tests/replay_server.py)."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys

import pytest

from summarizer.output import read_briefing
from summarizer.review import item_key
from summarizer.serve.app import create_app
from summarizer.serve.jobs import UploadRefused, safe_name
from tests.conftest import ROOT, SEEDS
from tests.replay_server import ReplayServer
from tests.workspace_helpers import Served, client, copy_folder, replay_config, summarize_seeds, wait_jobs

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1", "localhost", "::1"])


@pytest.fixture(scope="module")
def seed_briefings(tmp_path_factory):
    """The five seeds summarized by the CLI from the recorded answers, once for the module."""
    out = tmp_path_factory.mktemp("briefings") / "out"
    with ReplayServer() as server:
        result = summarize_seeds(out, server)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture
def folder(seed_briefings, tmp_path):
    return copy_folder(seed_briefings, tmp_path / "briefings")


@pytest.fixture
def served(folder):
    with ReplayServer() as replay, Served(create_app(folder, replay_config(replay), max_upload=2**20)) as s:
        s.replay = replay
        yield s


def _articles(html: str) -> list[str]:
    return re.findall(r'<article data-stem="([^"]+)"', html)


def test_the_folder_lists_every_briefing_with_its_counts_and_filters_them(served):
    c = client(served.url)
    page = c.get("/").text
    assert sorted(_articles(page)) == sorted(p.stem for p in SEEDS)
    assert "còn" in page and "mục cần kiểm tra" in page
    only = c.get("/", params={"locality": "huyện Như Xuân"}).text
    assert _articles(only) == ["003_9da10d9c084d8620"]
    period = c.get("/", params={"period": "năm 2023"}).text
    assert _articles(period) == ["002_fc74b7ace7a4e7f3"]
    flagged = _articles(c.get("/", params={"check": "1"}).text)
    open_counts = {stem: int(n) for stem, n in re.findall(r'<article data-stem="([^"]+)">.*?data-open="(\d+)"', page, re.S)}
    assert flagged == [s for s in _articles(page) if open_counts[s] > 0] and 0 < len(flagged) < 5


def _first_item(folder, stem, section="achievements", n=0):
    b = read_briefing(folder / f"{stem}.json")
    return getattr(b, section)[n]


def test_decisions_are_stored_beside_the_briefing_and_shown_in_the_folder_and_the_exports(served, folder):
    import docx

    stem = "001_09e389f302c63ca9"
    machine = (folder / f"{stem}.json").read_bytes()
    c = client(served.url)
    rejected, edited = _first_item(folder, stem, n=0), _first_item(folder, stem, n=1)
    assert c.post(f"/r/{stem}/decisions", json={"action": "reject", "key": item_key(rejected)}).status_code == 200
    r = c.post(f"/r/{stem}/decisions", json={"action": "edit", "key": item_key(edited),
                                               "text": "Công nghiệp đạt trên 7,5 tỷ đồng (biên tập)"})
    assert r.status_code == 200, r.text
    text = (folder / f"{stem}.source.txt").read_text(encoding="utf-8") if (folder / f"{stem}.source.txt").exists() \
        else (ROOT / "seeds" / f"{stem}.txt").read_text(encoding="utf-8")
    start = text.index("Hoạt động thương mại")
    r = c.post(f"/r/{stem}/decisions", json={"action": "add", "start": start, "end": start + 60, "section": "tasks"})
    assert r.status_code == 200, r.text
    assert (folder / f"{stem}.json").read_bytes() == machine  # the machine's briefing is never written
    lines = (folder / f"{stem}.review.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(x)["action"] for x in lines] == ["reject", "edit", "add"]

    page = c.get(f"/r/{stem}").text
    assert re.search(rf'<section id="rejected">.*data-key="{item_key(rejected)}"', page, re.S)
    assert "Công nghiệp đạt trên 7,5 tỷ đồng (biên tập)" in page and "biên tập viên sửa" in page
    assert "biên tập viên thêm" in page
    digest = c.get("/").text
    block = digest.split(f'<article data-stem="{stem}">', 1)[1].split("</article>", 1)[0]
    assert "3 quyết định biên tập" in block and "1 mục bỏ" in block and "1 mục thêm" in block
    assert "Công nghiệp đạt trên 7,5 tỷ đồng (biên tập)" in block and rejected.text not in block

    md = c.get(f"/r/{stem}/export.md")
    assert md.status_code == 200 and "attachment" in md.headers["content-disposition"]
    assert "Công nghiệp đạt trên 7,5 tỷ đồng (biên tập)" in md.text
    # not an item any more (its words may still be read in the evidence of a clause beside it)
    assert not re.search(rf"^\d+\. {re.escape(rejected.text)}", md.text, re.M)
    exported = c.get(f"/r/{stem}/export.json").json()
    assert [d["action"] for d in exported["decisions"]] == ["reject", "edit", "add"]
    assert exported["reviewed"]["rejected"][0]["machine_text"] == rejected.text
    assert exported["briefing"]["achievements"][0]["text"] == rejected.text  # the machine's, as written
    word = docx.Document(io.BytesIO(c.get(f"/r/{stem}/export.docx").content))
    paragraphs = [p.text for p in word.paragraphs]
    assert any("Công nghiệp đạt trên 7,5 tỷ đồng (biên tập)" in p for p in paragraphs)
    assert not any(p.startswith(rejected.text) for p in paragraphs)  # no item (evidence beside may quote it)
    assert {"Thành tích", "Hạn chế", "Nhiệm vụ"} <= {p.text for p in word.paragraphs if p.style.name == "Heading 1"}
    assert word.tables and word.tables[0].rows[0].cells[1].text == "Số liệu"


def test_control_characters_in_an_edit_do_not_break_the_word_export(served, folder):
    """\x01, \x00, \x08, \x1b, \ufffe cannot be stored in a .docx (XML): stripped when the edit is
    saved, and stripped again by the export for a review file written before (by hand, or older)."""
    import docx

    stem = "001_09e389f302c63ca9"
    c = client(served.url)
    key = item_key(_first_item(folder, stem, n=1))
    r = c.post(f"/r/{stem}/decisions", json={"action": "edit", "key": key,
                                               "text": "Công\x01 nghiệp\x00 đạt\x08 7,5\x1b tỷ\ufffe đồng"})
    assert r.status_code == 200, r.text
    assert "Công nghiệp đạt 7,5 tỷ đồng" in (folder / f"{stem}.review.jsonl").read_text(encoding="utf-8")
    assert c.post(f"/r/{stem}/decisions", json={"action": "edit", "key": key, "text": "\x01\x02"}).status_code == 400
    exported = c.get(f"/r/{stem}/export.docx")
    assert exported.status_code == 200
    assert any("Công nghiệp đạt 7,5 tỷ đồng" in p.text for p in docx.Document(io.BytesIO(exported.content)).paragraphs)


def test_the_word_export_strips_what_xml_cannot_hold_whatever_the_briefing_says(folder):
    import docx

    from summarizer.review import Reviewed, apply
    from summarizer.serve import export

    b = read_briefing(folder / "001_09e389f302c63ca9.json")
    first = b.achievements[0].model_copy(update={"text": "Thu\x0b ngân sách\x1f đạt"})
    b = b.model_copy(update={"title": "Báo cáo\x07 tháng", "achievements": [first, *b.achievements[1:]]})
    reviewed = apply(b, [])
    assert isinstance(reviewed, Reviewed)
    word = docx.Document(io.BytesIO(export.to_docx(reviewed)))
    texts = [p.text for p in word.paragraphs]
    assert "Báo cáo tháng" in texts and any("Thu ngân sách đạt" in t for t in texts)


def test_the_cli_digest_shows_the_review_decisions(served, folder):
    """`summarizer digest` as the folder view: a rejected item left out, the edited wording marked,
    an added item marked, the count of decisions."""
    stem = "001_09e389f302c63ca9"
    c = client(served.url)
    rejected, edited = _first_item(folder, stem, n=0), _first_item(folder, stem, n=1)
    assert c.post(f"/r/{stem}/decisions", json={"action": "reject", "key": item_key(rejected)}).status_code == 200
    assert c.post(f"/r/{stem}/decisions", json={"action": "edit", "key": item_key(edited),
                                                 "text": "Công nghiệp đạt trên 7,5 tỷ đồng (sửa)"}).status_code == 200
    result = subprocess.run([sys.executable, "-m", "summarizer", "digest", str(folder)], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    for name in ("digest.md", "digest.html"):
        text = (folder / name).read_text(encoding="utf-8")
        block = text.split(stem, 1)[1].split("##" if name.endswith(".md") else "</article>", 1)[0]
        assert "Công nghiệp đạt trên 7,5 tỷ đồng (sửa) (biên tập viên sửa)" in block, name
        assert rejected.text not in block and "2 quyết định biên tập, 1 mục bỏ" in block, name


@pytest.mark.parametrize("path", [
    "/r/..%2F..%2Fetc%2Fpasswd", "/r/%2e%2e", "/r/..%2Fsecret", "/r/.summarizer.lock", "/r/manifest",
    "/r/..%2Fsecret/export.json", "/r/001_09e389f302c63ca9.review",
])
def test_a_path_outside_the_folder_or_not_a_briefing_is_refused_with_a_clear_message(served, folder, path):
    (folder.parent / "secret.json").write_bytes((folder / "001_09e389f302c63ca9.json").read_bytes())
    r = client(served.url).get(path)
    assert r.status_code == 404
    assert "Thư mục này không có bản tóm tắt" in r.text and "briefings/" in r.text


def test_a_traversal_in_a_raw_request_line_is_refused(served, folder):
    """A client that sends "/r/../../etc/passwd" as it is (browsers resolve dot segments first)."""
    import socket

    port = int(served.url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.sendall(b"GET /r/../../etc/passwd HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        answer = b""
        while chunk := s.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 404") and "root:" not in body.decode("utf-8", "replace")


def test_decisions_on_a_path_outside_the_folder_are_refused(served):
    c = client(served.url)
    r = c.post("/r/..%2Fsecret/decisions", json={"action": "reject", "key": "x"})
    assert r.status_code == 404 and "không có bản tóm tắt" in r.json()["error"]
    r = c.post("/r/001_09e389f302c63ca9/decisions", json={"action": "reject", "key": "0" * 16})
    assert r.status_code == 400 and "no item" in r.json()["error"]
    r = c.post("/r/001_09e389f302c63ca9/decisions", json={"action": "add", "start": 10**7, "end": 10**7 + 5,
                                                          "section": "tasks"})
    assert r.status_code == 400 and "outside the source text" in r.json()["error"]


def test_an_oversized_upload_is_refused_with_a_clear_message_and_nothing_is_saved(served, folder):
    c = client(served.url)
    big = b"x" * (2**20 + 10)
    r = c.post("/upload", files={"files": ("big.txt", big, "text/plain")})
    assert r.status_code == 413
    assert r.json()["error"].startswith("Tệp tải lên quá lớn (gửi 1 MiB): mỗi lần tải tối đa 1 MiB.")

    def chunks():  # no Content-Length: counted as it arrives
        boundary = b"--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.txt\"\r\n\r\n"
        yield boundary
        for _ in range(40):
            yield b"y" * 65536
        yield b"\r\n--b--\r\n"

    r = c.post("/upload", content=chunks(), headers={"content-type": "multipart/form-data; boundary=b"})
    assert r.status_code == 413 and "mỗi lần tải tối đa 1 MiB" in r.json()["error"]
    assert not (folder / "reports").exists() or not any((folder / "reports").iterdir())
    assert c.get("/jobs").json()["jobs"] == []


def test_changes_need_the_csrf_token(served, folder):
    import httpx2

    key = item_key(_first_item(folder, "001_09e389f302c63ca9"))
    bare = httpx2.Client(base_url=served.url)
    bare.get("/")  # has the cookie, but sends no header: what a form on another site could do at best
    for headers in ({}, {"x-csrftoken": "forged"}):
        r = bare.post("/r/001_09e389f302c63ca9/decisions", json={"action": "reject", "key": key}, headers=headers)
        assert r.status_code == 403 and "CSRF" in r.json()["error"]
        r = bare.post("/upload", files={"files": ("a.txt", b"x", "text/plain")}, headers=headers)
        assert r.status_code == 403
    assert not (folder / "001_09e389f302c63ca9.review.jsonl").exists()


def test_a_reload_recovers_after_a_restart_or_beside_another_workspace(folder, tmp_path):
    """Browsers keep one `csrftoken` cookie per host, whatever the port: the cookie of a workspace
    stopped and started again, or of another workspace on another port, must not block saving."""
    import stat

    import httpx2

    other = tmp_path / "other"
    key = item_key(_first_item(folder, "001_09e389f302c63ca9"))
    browser = httpx2.Client(timeout=30)  # one cookie jar for every port, as a browser's

    def save(url):
        assert browser.get(url + "/").status_code == 200  # the reload
        token = browser.cookies["csrftoken"]
        return browser.post(url + "/r/001_09e389f302c63ca9/decisions", json={"action": "accept", "key": key},
                            headers={"x-csrftoken": token})

    with Served(create_app(folder)) as first:
        assert save(first.url).status_code == 200
    with Served(create_app(folder)) as restarted:  # same folder, new process, new port
        r = browser.post(restarted.url + "/r/001_09e389f302c63ca9/decisions", json={"action": "accept", "key": key},
                         headers={"x-csrftoken": browser.cookies["csrftoken"]})
        assert r.status_code == 200, r.text  # the key is the folder's: the old cookie is still good
        with Served(create_app(copy_folder(folder, other))) as second:  # another folder, another key
            assert save(second.url).status_code == 200
            assert save(restarted.url).status_code == 200, "the reload did not replace the other's cookie"
            assert save(second.url).status_code == 200
    mode = stat.S_IMODE((folder / ".summarizer-serve.secret").stat().st_mode)
    assert mode == 0o600
    assert "summarizer-serve" not in " ".join(p.name for p in folder.iterdir() if p.suffix == ".json")


def test_only_loopback_host_names_are_answered_by_default(served):
    import httpx2

    for host in ("evil.example", "192.168.1.5:8765"):
        assert httpx2.get(served.url + "/", headers={"host": host}).status_code == 400
    assert httpx2.get(served.url + "/", headers={"host": "localhost"}).status_code == 200


def test_pages_allow_only_their_own_script(served):
    import httpx2

    r = httpx2.get(served.url + "/r/001_09e389f302c63ca9")
    policy = r.headers["content-security-policy"]
    nonce = re.search(r"'nonce-([^']+)'", policy).group(1)
    assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy
    scripts = re.findall(r"<script([^>]*)>", r.text)
    assert scripts and all(f'nonce="{nonce}"' in s for s in scripts)
    assert not re.search(r"""(src|href)=["']https?://""", r.text)  # no external asset


def test_with_a_host_a_token_is_required(tmp_path):
    """`summarizer serve --host …` prints an address with a token; without it every request is refused."""
    import httpx2

    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    env.update(OPENAI_BASE_URL="http://127.0.0.1:9/v1", SUMMARIZER_CACHE_DIR=str(tmp_path / "cache"))
    proc = subprocess.Popen([sys.executable, "-m", "summarizer", "serve", str(tmp_path / "w"), "--host", "127.0.0.1",
                             "--port", "0"], env=env, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stderr.readline()
        url = re.search(r"(http://\S+)", line).group(1)
        assert "?token=" in url, line
        base, token = url.split("?token=")
        assert httpx2.get(base).status_code == 401 and "Cần mã truy cập" in httpx2.get(base).text
        assert httpx2.get(base, headers={"authorization": "Bearer wrong"}).status_code == 401
        assert httpx2.get(base, headers={"authorization": f"Bearer {token}"}).status_code == 200
        with httpx2.Client() as c:
            first = c.get(url)
            assert first.status_code == 303 and "token" not in first.headers["location"]
            # Lax, not Strict: the printed link is followed from a chat or a webmail, a navigation
            # begun on another site, on which a Strict cookie would not be sent (401 after the redirect)
            assert "samesite=lax" in first.headers["set-cookie"].lower()
            assert c.get(base).status_code == 200  # the cookie carries it from here on
    finally:
        proc.terminate()
        proc.wait(10)


def test_bound_to_every_interface_serve_prints_addresses_a_browser_can_open(tmp_path):
    """`--host 0.0.0.0` prints the machine's name (and addresses), not 0.0.0.0; a short token is warned about."""
    import socket

    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    env.update(OPENAI_BASE_URL="http://127.0.0.1:9/v1", SUMMARIZER_CACHE_DIR=str(tmp_path / "cache"))
    proc = subprocess.Popen([sys.executable, "-m", "summarizer", "serve", str(tmp_path / "w"), "--host", "0.0.0.0",
                             "--port", "0", "--token", "abc123"], env=env, stderr=subprocess.PIPE, text=True)
    try:
        import selectors

        lines, sel = [], selectors.DefaultSelector()
        sel.register(proc.stderr, selectors.EVENT_READ)
        while not any("workspace on" in x for x in lines) and sel.select(timeout=30):
            lines.append(proc.stderr.readline())
        line = next(x for x in lines if "workspace on" in x)
        assert "warning: the token is 6 characters long" in "".join(lines)
        assert "0.0.0.0" not in line and f"http://{socket.gethostname()}:" in line and "?token=abc123" in line
    finally:
        proc.terminate()
        proc.wait(10)


def test_small_messages_say_the_right_thing(served, folder):
    """An oversized decision is "the request" with its size; a malformed upload has one full stop;
    an orphaned decision's action is in Vietnamese; bidi controls leave saved names."""
    from summarizer.review import Decision, record, review_path

    stem = "001_09e389f302c63ca9"
    c = client(served.url)
    key = item_key(_first_item(folder, stem))
    r = c.post(f"/r/{stem}/decisions", json={"action": "edit", "key": key, "text": "x" * 70000})
    error = r.json()["error"]
    assert r.status_code == 413 and error.startswith("Yêu cầu quá lớn (gửi 68.4 KiB): tối đa 64 KiB") and "Tệp" not in error
    r = c.post("/upload", content=b"--b\r\nnot a part", headers={"content-type": "multipart/form-data; boundary=b"})
    assert r.status_code == 400 and ".." not in r.json()["error"], r.text
    record(review_path(folder / f"{stem}.json"), Decision(action="reject", key="0" * 16, item_text="Mục cũ đã mất"))
    page = c.get(f"/r/{stem}").text
    assert "<li>bỏ: Mục cũ đã mất</li>" in page
    assert safe_name("bao-cao\u202etxt.exe\u2066.txt") == "bao-caotxt.exe.txt"


def test_serve_refuses_an_address_in_use(tmp_path):
    from summarizer.serve import bind

    sock = bind("127.0.0.1", 0)
    try:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
        env.update(OPENAI_BASE_URL="http://127.0.0.1:9/v1", SUMMARIZER_CACHE_DIR=str(tmp_path / "cache"))
        result = subprocess.run([sys.executable, "-m", "summarizer", "serve", str(tmp_path / "w"), "--port",
                                 str(sock.getsockname()[1])], env=env, capture_output=True, text=True, timeout=60)
        assert result.returncode == 2 and "cannot listen on 127.0.0.1" in result.stderr
    finally:
        sock.close()


@pytest.mark.parametrize("given, saved", [
    ("../../evil.txt", "evil.txt"), ("..\\..\\Windows\\evil.docx", "evil.docx"),
    ("C:\\Users\\bt\\Báo cáo 6 tháng.docx", "Báo cáo 6 tháng.docx"), ("/etc/passwd.txt", "passwd.txt"),
    (".hidden.pdf", "hidden.pdf"), ("a\x00b<>|?.TXT", "ab.txt"), ("Ba\u0300o ca\u0301o.html", "Bào cáo.html"),
    ("x" * 300 + ".pdf", "x" * 116 + ".pdf"),
])
def test_upload_names_are_sanitised(given, saved):
    assert safe_name(given) == saved


@pytest.mark.parametrize("given, problem", [
    ("..", "không hợp lệ"), ("../.txt", "không hợp lệ"), ("", "không hợp lệ"), ("report.exe", "loại tệp .exe"),
    ("noext", "không hợp lệ"), ("report.json", "loại tệp .json"),
])
def test_upload_names_that_leave_nothing_or_another_kind_are_refused(given, problem):
    with pytest.raises(UploadRefused, match=problem):
        safe_name(given)


def test_an_upload_with_a_traversal_name_lands_inside_the_folder(served, folder):
    c = client(served.url)
    r = c.post("/upload", files=[("files", ("../../evil.exe", b"x", "application/octet-stream")),
                                 ("files", ("../../../escape.txt", b"   ", "text/plain"))])
    assert r.status_code == 202, r.text
    assert r.json()["refused"] == ["Tệp «../../evil.exe»: không đọc được loại tệp .exe; chỉ nhận .txt, .html, .htm, "
                                   ".docx, .pdf."]
    assert (folder / "reports" / "escape.txt").is_file()
    assert not (folder.parent / "escape.txt").exists() and not (folder.parent.parent / "escape.txt").exists()
    jobs = wait_jobs(c, 1)
    assert jobs[0]["state"] == "failed" and jobs[0]["reason"] == "the file is empty"


def test_uploads_go_through_the_batch_runner_and_its_cache_with_progress(folder, tmp_path):
    from tests.workspace_helpers import seed_docx

    seed = SEEDS[2]
    with ReplayServer(latency=0.15) as replay, Served(create_app(folder, replay_config(replay),
                                                                 cache_factory=_cache(tmp_path))) as s:
        c = client(s.url)
        seen: dict = {}
        r = c.post("/upload", files=[("files", ("bao cao.docx", seed_docx(seed), "application/octet-stream"))])
        assert r.status_code == 202, r.text
        jobs = wait_jobs(c, 1, seen=seen)
        assert jobs[0]["state"] == "done", jobs
        assert jobs[0]["steps"] == ["queued", "asking", "grounding", "done"]
        assert {"asking", "done"} <= set(seen["bao cao.docx"]), seen  # the page saw it asking, then done
        asked = replay.requests
        assert asked == 3  # three sections, answered as recorded for the seed: the .docx reads as the seed
        briefing = read_briefing(folder / "bao cao.json")
        assert briefing.provenance.path == str(folder / "reports" / "bao cao.docx")
        text = (folder / "bao cao.source.txt").read_text(encoding="utf-8")
        for _, item in briefing.items():
            assert all(text[e.start:e.end] == e.text for e in item.evidence)
        manifest = [json.loads(x) for x in (folder / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
        assert manifest[-1]["status"] == "done" and manifest[-1]["path"].endswith("bao cao.docx")
        # the same report again as a text file: the answer cache answers, the model is not asked
        r = c.post("/upload", files=[("files", ("same.txt", seed.read_bytes(), "text/plain"))])
        jobs = wait_jobs(c, 2)
        assert jobs[1]["state"] == "done" and replay.requests == asked


def test_the_same_file_uploaded_twice_ends_done_in_each_of_its_jobs(served):
    """Twice in one request, then again at once in a second request: every job ends done (the
    copies "already there"), none failed as "not attempted"."""
    c = client(served.url)
    data = SEEDS[0].read_bytes()
    r1 = c.post("/upload", files=[("files", ("a.txt", data, "text/plain")), ("files", ("a.txt", data, "text/plain"))])
    r2 = c.post("/upload", files=[("files", ("a.txt", data, "text/plain"))])
    assert r1.status_code == 202 and r2.status_code == 202
    jobs = wait_jobs(c, 3)
    assert [j["state"] for j in jobs] == ["done"] * 3, jobs
    assert [j["stem"] for j in jobs] == ["a"] * 3
    assert sum(not j["skipped"] for j in jobs) == 1  # one summarized; the others were already there


def _cache(tmp_path):
    from summarizer.cache import AnswerCache

    os.environ["SUMMARIZER_CACHE_DIR"] = str(tmp_path / "cache")  # restored by conftest's monkeypatch
    return AnswerCache


def test_an_upload_that_cannot_be_read_fails_with_its_reason(served):
    c = client(served.url)
    pdf = _scanned_pdf()
    r = c.post("/upload", files=[("files", ("scan.pdf", pdf, "application/pdf"))])
    assert r.status_code == 202
    [job] = wait_jobs(c, 1)
    assert job["state"] == "failed" and "no text layer" in job["reason"] and "OCR" in job["reason"]
    # the editor reads what to do, in Vietnamese; the batch's line is the detail, without server paths
    assert job["message"].startswith("Tệp PDF này là ảnh chụp") and "OCR" in job["message"]
    assert "/" not in job["reason"] and "--" not in job["message"]
    assert "<details>" in c.get("/").text or "createElement('details')" in c.get("/").text


def test_an_upload_named_like_another_reports_briefing_is_saved_under_a_distinct_name(served, folder):
    """OUT/001_….json is the briefing of a seed: an upload of other content named 001_….txt is saved
    as "001_… (2).txt" and summarized, not refused with "--force replaces it"."""
    c = client(served.url)
    stem = "001_09e389f302c63ca9"
    r = c.post("/upload", files=[("files", (f"{stem}.txt", SEEDS[1].read_bytes(), "text/plain"))])
    assert r.status_code == 202, r.text
    [job] = wait_jobs(c, 1)
    assert job["state"] == "done" and job["name"] == f"{stem} (2).txt", job
    assert job["stem"] == f"{stem} (2)"


def test_a_refused_decision_says_why_in_vietnamese(served, folder):
    c = client(served.url)
    key = item_key(_first_item(folder, "001_09e389f302c63ca9"))
    r = c.post("/r/001_09e389f302c63ca9/decisions", json={"action": "edit", "key": key, "text": "   "})
    assert r.status_code == 400 and "nội dung trống" in r.json()["error"] and "Value error" not in r.json()["error"]


def _scanned_pdf() -> bytes:
    """A one-page PDF with an image and no text, as a scanner writes it."""
    import zlib

    pixels = zlib.compress(bytes([200]) * 64 * 64)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8 "
        b"/Filter /FlateDecode /Length " + str(len(pixels)).encode() + b" >>\nstream\n" + pixels + b"\nendstream",
        b"<< /Length 35 >>\nstream\nq 500 0 0 700 40 70 cm /Im0 Do Q\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def test_trends_show_an_indicator_across_periods_as_a_table_and_an_inline_chart(served):
    c = client(served.url)
    page = c.get("/trends", params={"locality": "huyện Pác Nặm"}).text
    header = re.search(r"<thead>(.*?)</thead>", page, re.S).group(1)
    periods = re.findall(r'<th scope="col">([^<]+)</th>', header)[1:]
    assert periods[:3] == ["6 tháng đầu năm 2023", "9 tháng năm 2023", "năm 2023"]
    row = re.search(r'<th scope="row">Tổng giá trị sản xuất</th>(.*?)</tr>', page, re.S).group(1)
    assert "304 tỷ đồng" in row and "720 tỷ đồng" in row
    svg = re.search(r'<svg [^>]*role="img" aria-label="Tổng giá trị sản xuất: ([^"]+)"', page)
    assert svg and "6 tháng đầu năm 2023: 304 tỷ đồng" in svg.group(1)
    assert "<script src" not in page and "http://" not in page.split("<svg", 1)[1].replace(
        'xmlns="http://www.w3.org/2000/svg"', "")
    # a rejected item's figure leaves the trend
    b = read_briefing(served.app.state.workspace.folder / "001_09e389f302c63ca9.json")
    item = next(i for _, i in b.items() if "304 tỷ đồng" in i.text)
    c.post("/r/001_09e389f302c63ca9/decisions", json={"action": "reject", "key": item_key(item)})
    assert "304 tỷ đồng" not in c.get("/trends", params={"locality": "huyện Pác Nặm"}).text


def test_a_missing_extra_is_named():
    from summarizer.serve import missing_extra

    assert missing_extra() is None  # installed here by the README's test command
    code = ("import sys; sys.modules['starlette_csrf'] = None\n"
            "from summarizer.serve import missing_extra; print(missing_extra())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60).stdout
    assert "needs the [serve] extra (starlette_csrf is not installed)" in out


def test_the_folder_view_waits_for_nothing_when_the_model_is_down(served):
    """Loading pages never touches the model server: the folder is read, not summarized."""
    before = served.replay.requests
    c = client(served.url)
    for path in ("/", "/trends", "/r/003_9da10d9c084d8620", "/jobs"):
        assert c.get(path).status_code == 200
    assert served.replay.requests == before
