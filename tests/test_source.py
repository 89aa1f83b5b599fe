import codecs
import unicodedata

import pytest

from summarizer.errors import SourceError
from summarizer.source.read import decode
from summarizer.source.split import split_document
from tests.conftest import ROOT

VIET = "Thu ngân sách ước đạt 1.401,351 tỷ đồng, đạt 188% dự toán."


def test_utf8_with_and_without_bom_give_the_same_text():
    assert decode(VIET.encode(), "a.txt") == decode(codecs.BOM_UTF8 + VIET.encode(), "a.txt") == VIET


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_is_detected(codec):
    assert decode(VIET.encode(codec), "a.txt") == VIET


def test_cp1258_is_detected_and_normalized_to_nfc():
    # CP1258 writes tones as combining marks; the text must come out precomposed (NFC)
    tones = "\u0300\u0301\u0303\u0309\u0323"
    legacy = ""
    for ch in VIET:
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        legacy += base + "".join(c for c in parts if c in tones)
    data = legacy.encode("cp1258")
    assert b"\xd2" in data or b"\xec" in data  # combining tone bytes really are there
    text = decode(data, "legacy.txt")
    assert text == VIET and unicodedata.is_normalized("NFC", text)


def test_decomposed_input_is_normalized():
    assert decode(unicodedata.normalize("NFD", VIET).encode(), "a.txt") == VIET


def test_html_is_reduced_to_article_text():
    html = ("<html><head><title>T</title><script>var x='Xem';</script></head><body><nav>Trang chủ</nav>"
            "<article><h1>Hội nghị</h1><p>Câu một.</p><p>Câu &amp; hai.</p></article></body></html>")
    text = decode(html.encode(), "page.html")
    assert "var x" not in text and "Trang chủ" not in text
    assert "Hội nghị" in text and "Câu một." in text and "Câu & hai." in text


@pytest.mark.parametrize("data, problem", [
    (b"", "empty"), (b"  \n\t ", "empty"), (b"%PDF-1.7\n...", "PDF"), (b"\x00\x01\x02binary\x00\xff" * 10, "binary"),
])
def test_unreadable_input_names_the_file_and_the_problem(data, problem):
    with pytest.raises(SourceError) as e:
        decode(data, "bad.txt")
    assert "bad.txt" in str(e.value) and problem in str(e.value)


def test_unknown_forced_encoding_is_an_error():
    with pytest.raises(SourceError, match="unknown encoding"):
        decode(b"abc", "a.txt", encoding="klingon")


def test_sentences_keep_vietnamese_numbers_and_abbreviations_whole():
    text = "Thu ngân sách đạt 1.401,351 tỷ đồng. Đường TP. Bắc Kạn - hồ Ba Bể được nâng cấp… Tổng diện tích 12.100,1ha."
    doc = split_document("a.txt", text)
    assert [s.text for s in doc.sentences] == [
        "Thu ngân sách đạt 1.401,351 tỷ đồng.",
        "Đường TP. Bắc Kạn - hồ Ba Bể được nâng cấp…",
        "Tổng diện tích 12.100,1ha.",
    ]
    for s in doc.sentences:
        assert text[s.start : s.end] == s.text


def test_a_line_wrapped_mid_sentence_is_joined_to_the_next():  # text copied from a fixed-width page (tune m09)
    text = ("Huyện Thống Nhất\nNăm 2023, huyện đã có 40/46 chỉ tiêu về phát triển kinh tế - xã hội, quốc\nphòng, an ninh đạt "
            "và vượt. Còn 6 chỉ tiêu chưa đạt liên quan đến thu ngân sách; tỷ\nlệ lao động tham gia bảo hiểm xã hội.\n"
            "Tin liên quan\nliên quan đến Huyện ủy\nHội nghị Ban Chấp hành\nmở rộng")
    doc = split_document("a.txt", text)
    assert [s.text.replace("\n", " ") for s in doc.sentences] == [
        "Huyện Thống Nhất",
        "Năm 2023, huyện đã có 40/46 chỉ tiêu về phát triển kinh tế - xã hội, quốc phòng, an ninh đạt và vượt.",
        "Còn 6 chỉ tiêu chưa đạt liên quan đến thu ngân sách; tỷ lệ lao động tham gia bảo hiểm xã hội.",
        # short lines (menus, headings) are not wrapped text, whatever follows them
        "liên quan đến Huyện ủy", "Hội nghị Ban Chấp hành", "mở rộng"]
    for s in doc.sentences:
        assert text[s.start : s.end] == s.text


def test_in_a_text_wrapped_at_a_width_a_line_cut_before_a_capital_is_joined():
    # text copied from a PDF (a new user's case): the wrap falls before a place's second word and before a
    # body's name; a headline, a list line and a short line before a capital stay lines of their own
    text = ("Huyện ủy Yên Minh sơ kết 6 tháng đầu năm 2024\n"
            "Ngày 5/7/2024, Huyện ủy Yên Minh tổ chức hội nghị sơ kết công tác 6 tháng\n"
            "đầu năm 2024, triển khai nhiệm vụ 6 tháng cuối năm. Tổng giá trị sản xuất\n"
            "trên địa bàn huyện ước đạt 1.250 tỷ đồng, bằng 105% kế hoạch, tăng 6,5%\n"
            "so với cùng kỳ. Công tác cải cách hành chính tiếp tục được Ban Thường vụ\n"
            "Huyện ủy quan tâm chỉ đạo, tỷ lệ hồ sơ giải quyết đúng hạn đạt 98%. Tuy\n"
            "nhiên, tình trạng khai thác khoáng sản trái phép vẫn còn xảy ra tại xã Mậu\n"
            "Duệ, xã Du Già. Thu ngân sách trên địa bàn đạt 45 tỷ đồng, bằng 52% dự\n"
            "toán tỉnh giao.\n"
            "Các chỉ tiêu chưa đạt gồm\n"
            "Tỷ lệ lao động qua đào tạo")
    doc = split_document("a.txt", text)
    assert [s.text.replace("\n", " ") for s in doc.sentences] == [
        "Huyện ủy Yên Minh sơ kết 6 tháng đầu năm 2024",
        "Ngày 5/7/2024, Huyện ủy Yên Minh tổ chức hội nghị sơ kết công tác 6 tháng đầu năm 2024, triển khai nhiệm vụ 6 "
        "tháng cuối năm.",
        "Tổng giá trị sản xuất trên địa bàn huyện ước đạt 1.250 tỷ đồng, bằng 105% kế hoạch, tăng 6,5% so với cùng kỳ.",
        "Công tác cải cách hành chính tiếp tục được Ban Thường vụ Huyện ủy quan tâm chỉ đạo, tỷ lệ hồ sơ giải quyết "
        "đúng hạn đạt 98%.",
        "Tuy nhiên, tình trạng khai thác khoáng sản trái phép vẫn còn xảy ra tại xã Mậu Duệ, xã Du Già.",
        "Thu ngân sách trên địa bàn đạt 45 tỷ đồng, bằng 52% dự toán tỉnh giao.",
        "Các chỉ tiêu chưa đạt gồm", "Tỷ lệ lao động qua đào tạo"]
    # paragraphs on lines of their own are no wrapped text: a line before a capital is never joined
    paragraphs = ("HĐND xã Phú Lương tổ chức kỳ họp thứ 6 để đánh giá tình hình năm 2025\n"
                  "Ngày 17/12, HĐND xã Phú Lương khóa I tổ chức kỳ họp thứ 6 tại hội trường\n"
                  "Năm 2025, thu ngân sách của xã đạt 26 tỷ đồng, bằng 118% dự toán năm\n")
    assert len(split_document("b.txt", paragraphs).sentences) == 3


def test_sentences_a_crawler_glued_together_are_split():  # tune o13, i10, j01
    text = ("Thu ngân sách đạt 39% dự toán, thấp hơn cùng kỳ (7,9%).Ngành vận tải tăng. Nhiều doanh nghiệp chậm nộp thuế "
            "vào ngân sáchTăng trưởng khá nhưng chưa bứt phá. Ở TP.HCM và H.Thống Nhất, VinFast giao 3.500 xe trong 9 tháng "
            "năm 2021.Ông Lê Văn Hiểu phát biểu.")
    doc = split_document("a.txt", text)
    assert [s.text for s in doc.sentences] == [
        "Thu ngân sách đạt 39% dự toán, thấp hơn cùng kỳ (7,9%).", "Ngành vận tải tăng.",
        "Nhiều doanh nghiệp chậm nộp thuế vào ngân sách", "Tăng trưởng khá nhưng chưa bứt phá.",
        # an abbreviation's full stop, a brand's capital and a number's dot join nothing
        "Ở TP.HCM và H.Thống Nhất, VinFast giao 3.500 xe trong 9 tháng năm 2021.", "Ông Lê Văn Hiểu phát biểu."]
    for s in doc.sentences:
        assert text[s.start : s.end] == s.text


def test_glued_sentences_are_split_but_names_abbreviations_and_list_markers_are_not():  # a new user's cases (s9)
    text = ("VietinBank giải ngân 800 tỷ đồng; ZaloPay, MobiFone và VinaPhone phối hợp. Ths.Nguyễn Văn A phát biểu. Dự có "
            "ông Lê B ở phường Phú Mỹ.Năm nay thu ngân sách tăng.\n1.Về kinh tế, tăng 8%.\nThu ngân sách đạt 120 tỷ đồng, "
            "bằng 105%\nkế hoạch, tăng 6,5%.")
    assert [s.text.replace("\n", " ") for s in split_document("a.txt", text).sentences] == [
        "VietinBank giải ngân 800 tỷ đồng; ZaloPay, MobiFone và VinaPhone phối hợp.", "Ths.Nguyễn Văn A phát biểu.",
        "Dự có ông Lê B ở phường Phú Mỹ.", "Năm nay thu ngân sách tăng.", "1.Về kinh tế, tăng 8%.",
        "Thu ngân sách đạt 120 tỷ đồng, bằng 105% kế hoạch, tăng 6,5%."]


def test_glued_sentences_after_capitals_are_split_but_not_units_or_titles():  # a new user's cases (session 9)
    text = ("Kim ngạch xuất khẩu đạt 12,5 tỷ USD.Tuy nhiên, nhập khẩu giảm. Hoàn thành 80% khối lượng.TP đã giải ngân. "
            "Ở TP.HCM và H.Thống Nhất. CN. Phạm Văn Tú báo cáo.")
    assert [s.text for s in split_document("a.txt", text).sentences] == [
        "Kim ngạch xuất khẩu đạt 12,5 tỷ USD.", "Tuy nhiên, nhập khẩu giảm.", "Hoàn thành 80% khối lượng.",
        "TP đã giải ngân.", "Ở TP.HCM và H.Thống Nhất.", "CN. Phạm Văn Tú báo cáo."]


def test_noise_is_left_out_but_spans_still_point_into_the_original():
    text = (" date 2024-06 BBK - Sáng 13/6, hội nghị diễn ra.\n\nTin liên quan Huyện ủy triển khai\n0:00 / 0:00\n0:00\n"
            "Ảnh: đại biểu dự họp.\n\nKết quả tốt.\n\nẢnh: đại biểu dự họp.\n\nXem thêm")
    doc = split_document("a.txt", text)
    assert [s.text for s in doc.sentences] == ["BBK - Sáng 13/6, hội nghị diễn ra.", "Ảnh: đại biểu dự họp.", "Kết quả tốt."]
    for s in doc.sentences:
        assert text[s.start : s.end] == s.text
    dropped = [text[a:b] for a, b in doc.noise]
    assert dropped == ["date 2024-06 ", "Tin liên quan Huyện ủy triển khai", "0:00 / 0:00", "0:00",
                       "Ảnh: đại biểu dự họp.", "Xem thêm"]


def test_seed_004_video_player_and_repeated_caption_are_noise():
    path = ROOT / "seeds" / "004_e522719ab945d8c7.txt"
    doc = split_document(path.name, decode(path.read_bytes(), path.name))
    texts = [s.text for s in doc.sentences]
    assert "0:00 / 0:00" not in texts and "Xem thêm" not in texts
    assert sum("Công Bằng chuyển sang trồng cây ăn quả" in t for t in texts) == 1
    assert doc.numbered().startswith("[1] Pác Nặm quyết liệt")
