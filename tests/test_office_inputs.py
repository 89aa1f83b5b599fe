"""Word and PDF reports as input (source/docx.py, source/pdf.py), in the CLI as in the workspace.

Word files are made here with python-docx; PDFs are printed by the machine's headless Chromium
(the browser tests/test_browser.py drives), which writes real text PDFs: wrapped paragraphs, page
headers and footers, columns, hyphenation."""

from __future__ import annotations

import base64
import html
import io
import json
import zipfile

import pytest

from summarizer.errors import SourceError
from summarizer.source.read import decode
from summarizer.source.split import split_document
from tests.conftest import SEEDS
from tests.replay_server import ReplayServer
from tests.test_browser import browser  # noqa: F401  (the module's headless Chromium)
from tests.workspace_helpers import seed_docx, summarize_seeds

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1", "localhost", "::1"])


def _numbered(text: str) -> str:
    return split_document("x", text).numbered()


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_a_word_copy_of_a_report_reads_as_the_report(seed):
    text = decode(seed_docx(seed), "copy.docx")
    assert text == decode(seed.read_bytes(), seed.name)
    assert _numbered(text) == _numbered(decode(seed.read_bytes(), seed.name))  # the prompt the model gets


def _docx(build) -> bytes:
    import docx

    d = docx.Document()
    build(d)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_word_headings_tables_and_page_furniture():
    def build(d):
        d.sections[0].header.paragraphs[0].text = "UBND HUYỆN PÁC NẶM — TRANG ĐẦU"
        d.sections[0].footer.paragraphs[0].text = "Trang 1"
        d.add_heading("Pác Nặm sơ kết 6 tháng đầu năm 2023", level=0)
        d.add_paragraph("Sáng 07/7, huyện tổ chức hội nghị.")
        d.add_heading("I. Kết quả đạt được", level=1)
        d.add_paragraph("Tổng giá trị sản xuất đạt trên 304 tỷ đồng.\nThu ngân sách đạt 43,5% dự toán.")
        table = d.add_table(rows=3, cols=3)
        for r, row in enumerate([("Chỉ tiêu", "Kết quả", "Ghi chú"), ("Thu ngân sách", "43,5%", ""),
                                 ("Giá trị sản xuất", "304 tỷ đồng", "")]):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
        table.cell(0, 1).merge(table.cell(0, 2))  # a header cell across two columns
        table.cell(0, 1).text = "Kết quả"
        d.add_heading("II. Nhiệm vụ", level=1)
        d.add_paragraph("Tập trung thu hoạch vụ xuân.")

    text = decode(_docx(build), "report.docx")
    assert text.split("\n") == [
        "Pác Nặm sơ kết 6 tháng đầu năm 2023", "Sáng 07/7, huyện tổ chức hội nghị.", "",
        "I. Kết quả đạt được", "Tổng giá trị sản xuất đạt trên 304 tỷ đồng.", "Thu ngân sách đạt 43,5% dự toán.",
        "Chỉ tiêu | Kết quả", "Thu ngân sách | 43,5%", "Giá trị sản xuất | 304 tỷ đồng", "",
        "II. Nhiệm vụ", "Tập trung thu hoạch vụ xuân."]
    roles = {s.text: s.role for s in split_document("report.docx", text).sentences}
    assert roles["I. Kết quả đạt được"] == roles["II. Nhiệm vụ"] == "heading"


def test_a_damaged_word_file_and_a_legacy_doc_are_named():
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document>not xml")
    with pytest.raises(SourceError, match=r"^x\.docx: not a readable Word document \("):
        decode(broken.getvalue(), "x.docx")
    with pytest.raises(SourceError, match=r"^old\.doc: a Word 97-2003 \.doc file .*save it as \.docx"):
        decode(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "old.doc")
    xlsx = io.BytesIO()
    with zipfile.ZipFile(xlsx, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(SourceError, match=r"^sheet\.xlsx: a ZIP archive \(an Excel, PowerPoint or OpenDocument file\?\)"):
        decode(xlsx.getvalue(), "sheet.xlsx")


def test_without_the_extra_a_word_file_is_refused_saying_which_extra(monkeypatch):
    import sys

    word = seed_docx(SEEDS[1])
    monkeypatch.setitem(sys.modules, "docx", None)
    with pytest.raises(SourceError, match=r"a Word \.docx file: reading it needs the \[docx\] extra"):
        decode(word, "x.docx")
    monkeypatch.setitem(sys.modules, "pdfminer.high_level", None)
    with pytest.raises(SourceError, match=r"a PDF: reading it needs the \[pdf\] extra"):
        decode(b"%PDF-1.4\n", "x.pdf")


def test_the_cli_reads_a_word_file_saves_its_text_and_points_evidence_into_it(tmp_path):
    seed = SEEDS[1]
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "bao-cao.docx").write_bytes(seed_docx(seed))
    (docs / seed.name).write_bytes(seed.read_bytes())
    out = tmp_path / "out"
    with ReplayServer() as server:  # unknown requests get a 404: a Word copy must ask what the seed asked
        result = summarize_seeds(out, server, docs)
    assert result.returncode == 0, result.stderr
    word = json.loads((out / "bao-cao.json").read_text(encoding="utf-8"))
    text = json.loads((out / f"{seed.stem}.json").read_text(encoding="utf-8"))
    for section in ("achievements", "shortfalls", "tasks"):
        assert [i["text"] for i in word[section]] == [i["text"] for i in text[section]]
    saved = (out / "bao-cao.source.txt").read_text(encoding="utf-8")
    for section in ("achievements", "shortfalls", "tasks", "review"):
        for item in word[section]:
            assert all(saved[e["start"]:e["end"]] == e["text"] for e in item["evidence"])
    assert not (out / f"{seed.stem}.source.txt").exists()  # a UTF-8 text report is its own source


# --- PDF, printed by Chromium --------------------------------------------------------------------

def _print(browser, body: str, css: str = "", header: str | None = None, footer: str | None = None,  # noqa: F811
           width: float = 5.8, height: float = 8.3) -> bytes:
    page = (f"<!doctype html><html lang=vi><meta charset=utf-8><style>body{{font:14px 'DejaVu Serif',serif}}"
            f"p{{margin:0 0 .6em}}{css}</style><body>{body}</body></html>")
    browser.get("data:text/html;base64," + base64.b64encode(page.encode()).decode())
    options = {"paperWidth": width, "paperHeight": height, "marginTop": 0.8, "marginBottom": 0.8,
               "printBackground": False, "displayHeaderFooter": header is not None or footer is not None}
    if options["displayHeaderFooter"]:
        options["headerTemplate"] = f"<div style='font-size:9px;width:100%;text-align:center'>{header or ''}</div>"
        options["footerTemplate"] = f"<div style='font-size:9px;width:100%;text-align:center'>{footer or ''}</div>"
    return base64.b64decode(browser.execute_cdp_cmd("Page.printToPDF", options)["data"])


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line.strip())


@pytest.mark.parametrize("seed", [SEEDS[1], SEEDS[3]], ids=lambda p: p.name[:3])
def test_a_printed_report_reads_back_as_its_paragraphs_without_page_headers_and_footers(browser, seed):  # noqa: F811
    want = decode(seed.read_bytes(), seed.name)
    pdf = _print(browser, _paragraphs(want), css="p{text-align:justify}", header="UBND huyện — Báo cáo số 12/BC-UBND",
                 footer="Trang <span class=pageNumber></span> / <span class=totalPages></span>")
    from pdfminer.high_level import extract_pages

    assert len(list(extract_pages(io.BytesIO(pdf)))) >= 2  # headers repeat, paragraphs cross a page break
    text = decode(pdf, "report.pdf")
    expected = [line for line in want.split("\n") if line.strip()]
    assert text.split("\n") == expected
    assert "Báo cáo số 12/BC-UBND" not in text and "Trang " not in text


def test_two_columns_are_read_one_after_the_other(browser):  # noqa: F811
    left = ("Cột trái mở đầu: tổng giá trị sản xuất của huyện đạt trên 304 tỷ đồng, bằng 43,5% kế hoạch năm và "
            "87,7% so với cùng kỳ năm trước, nhờ sản xuất nông nghiệp ổn định.")
    right = ("Cột phải tiếp theo: thu ngân sách trên địa bàn ước đạt 12 tỷ đồng, vượt dự toán tỉnh giao; công tác "
             "quản lý thu được tăng cường ở tất cả các xã.")
    pdf = _print(browser, f"<p>{left}</p><p>{right}</p>", css="body{column-count:2;column-gap:2em} p{break-inside:avoid}"
                 " p+p{break-before:column}", width=8.3, height=4)
    assert decode(pdf, "columns.pdf").split("\n") == [left, right]


def test_hyphenation_at_line_ends_is_undone(browser):  # noqa: F811
    body = ("<p style='width:9em'>Hội nghị bàn về inter\u00adnational\u00adization và Covid-19 cùng "
            "kinh tế - xã hội.</p>")
    text = decode(_print(browser, body, css="p{hyphens:manual}"), "narrow.pdf")
    assert "internationalization" in text and "inter-" not in text and "Covid-19" in text
    assert "kinh tế - xã hội" in text


def test_a_scanned_pdf_is_refused_with_what_to_do(browser):  # noqa: F811
    pixel = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
    pdf = _print(browser, f"<img src='data:image/png;base64,{pixel}' style='width:90%;height:90%'>")
    with pytest.raises(SourceError) as e:
        decode(pdf, "scan.pdf")
    assert str(e.value).startswith("scan.pdf: a PDF with no text layer (1 page of images, a scan?)")
    assert "run OCR on it first" in str(e.value)


def test_a_damaged_pdf_is_named():
    with pytest.raises(SourceError, match=r"^bad\.pdf: not a readable PDF \("):
        decode(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage", "bad.pdf")
