import pytest

from summarizer.core.schema import DraftPerson
from summarizer.ground.people import find_people, merge_people
from summarizer.pipeline import load_document
from summarizer.source.split import split_document
from tests.conftest import ROOT


def people(stem):
    doc = load_document(next((ROOT / "seeds").glob(stem + "*.txt")))
    return {p.name: (p.titles, p.kind) for p in find_people(doc)}


def test_title_before_name_and_byline_reporter_in_seed_003():
    assert people("003") == {
        "Lê Văn Thuận": (["Phó Bí thư Thường trực Huyện ủy", "Chủ tịch HĐND huyện"], "official"),
        "Lương Thị Hoa": (["Bí thư Huyện ủy"], "official"),
        "Anh Tuân": ([], "reporter"),
    }


def test_caption_with_honorific_in_seed_000():
    assert people("000") == {"Hoàng Thị Duyên": (["Chủ tịch HĐND huyện Pác Nặm"], "official")}


def test_list_of_officials_with_several_titles_in_seed_002():
    found = people("002")
    assert found["Hoàng Duy Chinh"] == (["Ủy viên BCH Trung ương Đảng", "Bí thư Tỉnh ủy", "Trưởng đoàn ĐBQH tỉnh"], "official")
    assert found["Phương Thị Thanh"] == (["Phó Bí thư Thường trực Tỉnh ủy", "Chủ tịch HĐND tỉnh"], "official")
    assert found["Nguyễn Đăng Bình"] == (["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"], "official")
    assert len(found) == 3


def test_no_people_in_seed_001():
    assert people("001") == {}


def test_merge_keeps_rules_flags_invented_and_never_promotes_the_reporter():
    doc = load_document(next((ROOT / "seeds").glob("003*.txt")))
    drafts = [
        DraftPerson(name="Anh Tuân", titles=[], kind="official"),
        DraftPerson(name="Bà Lương Thị Hoa", titles=["Bí thư Huyện ủy"], kind="official"),
        DraftPerson(name="Nguyễn Văn A", titles=["Chủ tịch UBND tỉnh"], kind="official"),
        DraftPerson(name="Ban Chấp hành Đảng bộ huyện Như Xuân", titles=[], kind="official"),
    ]
    merged = {p.name: p for p in merge_people(doc, drafts)}
    assert merged["Anh Tuân"].kind == "reporter" and merged["Anh Tuân"].found_by == "both"
    assert merged["Lương Thị Hoa"].found_by == "both" and merged["Lương Thị Hoa"].titles == ["Bí thư Huyện ủy"]
    assert merged["Nguyễn Văn A"].status == "invented" and merged["Nguyễn Văn A"].titles == []
    assert merged["Ban Chấp hành Đảng bộ huyện Như Xuân"].status == "invented"
    assert "not a personal name" in merged["Ban Chấp hành Đảng bộ huyện Như Xuân"].problems


def test_a_place_after_a_title_is_not_a_person_when_no_surname_starts_it():
    doc = split_document("a.txt", "Chủ tịch UBND huyện Như Xuân phát biểu.")
    assert find_people(doc) == []


def found(text):
    return {p.name: (p.titles, p.kind) for p in find_people(split_document("r.txt", text))}


def test_titles_after_a_dash_or_in_parentheses_are_read():
    assert found("Đồng chí Hoàng Minh Khôi - Bí thư Đảng uỷ xã phát biểu.") == {
        "Hoàng Minh Khôi": (["Bí thư Đảng uỷ xã"], "official")}
    assert found("Ông Đỗ Thanh Bình (Chủ tịch UBND xã) cho biết kết quả.") == {
        "Đỗ Thanh Bình": (["Chủ tịch UBND xã"], "official")}


def test_a_list_of_officials_with_dashes_and_semicolons_gives_each_their_titles():
    people = found("Dự hội nghị có các đồng chí: Bùi Thị Thu Hằng- Ủy viên BTV Tỉnh ủy, Chủ nhiệm Ủy ban Kiểm tra "
                   "Tỉnh ủy; Quách Tất Liêm - TUV, Phó Chủ tịch UBND tỉnh; lãnh đạo một số sở, ngành.")
    assert people == {
        "Bùi Thị Thu Hằng": (["Ủy viên BTV Tỉnh ủy", "Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy"], "official"),
        "Quách Tất Liêm": (["TUV", "Phó Chủ tịch UBND tỉnh"], "official"),
    }


@pytest.mark.parametrize("name", ["Sùng A Páo", "Vừ A Dính", "Y Bhơ Niê", "H'Hen Niê"])
def test_names_with_one_letter_or_unusual_syllables_are_names(name):
    assert found(f"Đồng chí {name}, Phó Chủ tịch UBND huyện phát biểu.") == {name: (["Phó Chủ tịch UBND huyện"], "official")}


def test_a_place_between_the_title_and_the_name_stays_with_the_title():
    people = found("Chủ tịch HĐND phường Tân Ninh Lê Minh Thế và Phó Chủ tịch HĐND phường Phạm Văn Thảo chủ trì.")
    assert people == {"Lê Minh Thế": (["Chủ tịch HĐND phường Tân Ninh"], "official"),
                      "Phạm Văn Thảo": (["Phó Chủ tịch HĐND phường"], "official")}


@pytest.mark.parametrize("text, people", [
    # tune c07: a commune's head named only after "Chủ tịch HĐND xã", twice, in a report about another xã
    ("HĐND xã Bích Hào tổ chức kỳ họp. Bí thư Đảng ủy, Chủ tịch HĐND xã Trần Linh chủ trì. "
     "Phát biểu khai mạc, Chủ tịch HĐND xã Trần Linh nhấn mạnh ý nghĩa kỳ họp.", {"Trần Linh"}),
    # the report's own place named only after titles: a place (no other place after "xã")
    ("Chủ tịch UBND xã Hoàng Lâu phát biểu. Chủ tịch HĐND xã Hoàng Lâu kết luận.", set()),
    # named once bare: a place, whatever title stands before it elsewhere
    ("HĐND phường Phan Thiết tổ chức kỳ họp. Chủ tịch HĐND phường Phan Thiết phát biểu. HĐND phường Mũi Né họp.", set()),
    # a name the excerpt cut after one letter is nobody's name
    ("HĐND phường Tân Mỹ tổng kết. Phó Bí thư Thường trực Đảng ủy phường Nguyễn D", set()),
])
def test_a_commune_head_named_only_after_titles_is_a_person(text, people):
    assert set(found(text)) == people


@pytest.mark.parametrize("text, name", [
    # "Lại" is a surname, so the place before it keeps "Lạc" (tune f12)
    ("HĐND xã Yên Lạc tổ chức kỳ họp. Chủ tịch HĐND xã Yên Lạc Lại Hữu Tuyển khai mạc kỳ họp.", "Lại Hữu Tuyển"),
    # an editor-in-chief's title after a dash (tune f04)
    ("Cùng đi có các đồng chí: Phan Trọng Tấn - Phó Chủ tịch UBND tỉnh, Vi Mạnh Hùng - Tổng Biên tập Báo tỉnh.",
     "Vi Mạnh Hùng"),
])
def test_surnames_and_titles_the_corpus_taught(text, name):
    assert name in found(text)


@pytest.mark.parametrize("text, name, titles", [
    ("Thông báo kết luận của Phó Thủ tướng Chính phủ Phạm Thị Thanh Trà tại buổi làm việc.", "Phạm Thị Thanh Trà",
     ["Phó Thủ tướng Chính phủ"]),  # tune g11
    ("Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Tuyên giáo Tỉnh ủy – Hoàng Đình Cán đến dự.", "Hoàng Đình Cán",
     ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng ban Tuyên giáo Tỉnh ủy"]),  # tune g02: titles, a dash, the name
])
def test_titles_before_a_name_across_chinh_phu_and_a_dash(text, name, titles):
    assert found(text)[name] == (titles, "official")


@pytest.mark.parametrize("caption, people", [
    ("Các đại biểu tham dự kỳ họp lần thứ 10. Ảnh: K.Phụng", {"K.Phụng": ([], "reporter")}),  # tune g05
    ("Toàn cảnh kỳ họp. Ảnh: Internet", {}),  # one plain word is no name
])
def test_an_initial_joined_to_a_name_in_a_photo_credit_is_a_reporter(caption, people):
    assert found(caption) == people


def test_a_four_word_name_after_a_place_opens_at_the_surname_before_van():  # tune s06
    assert found("Bí thư Huyện ủy Tháp Mười Nguyễn Văn Vũ Minh đề nghị các cấp tập trung lãnh đạo.") == {
        "Nguyễn Văn Vũ Minh": (["Bí thư Huyện ủy Tháp Mười"], "official")}
    # a run of four opening with two surnames is one name (a new user's case): "Lương" is no place
    assert found("Bí thư Tỉnh ủy Lương Nguyễn Minh Triết phát biểu chỉ đạo.") == {
        "Lương Nguyễn Minh Triết": (["Bí thư Tỉnh ủy"], "official")}


def test_a_credit_in_capitals_after_a_space_and_a_byline_in_capitals_under_the_headline_are_reporters():  # tune t14, t08
    assert found("Quảng Ngãi cải tạo bờ nam sông Trà Khúc thành điểm nhấn đô thị ẢNH: HẢI PHONG") == {
        "HẢI PHONG": ([], "reporter")}
    text = ("Phường Thống Nhất triển khai 18 chỉ tiêu phát triển kinh tế - xã hội năm 2026\nPHƯƠNG DUNG\n"
            "(GLO)- Chiều 12-1, UBND phường Thống Nhất tổ chức hội nghị giao chỉ tiêu năm 2026.\nKẾT QUẢ ĐẠT ĐƯỢC\n"
            "Năm 2025, phường thu ngân sách đạt 120 tỷ đồng.\n")
    assert found(text) == {"PHƯƠNG DUNG": ([], "reporter")}
    assert [s.role for s in split_document("r.txt", text).sentences][:2] == ["headline", "byline"]


def test_every_photographer_a_credit_names_is_a_reporter():  # tune h04
    assert found("Tổng Bí thư Tô Lâm làm việc với xã Si Pa Phìn. Ảnh: Văn Hiếu - Vũ Lợi.") == {
        "Tô Lâm": (["Tổng Bí thư"], "official"), "Văn Hiếu": ([], "reporter"), "Vũ Lợi": ([], "reporter")}


def test_each_name_of_a_list_after_cac_dong_chi_is_a_person():  # tune a11
    people = found("Lãnh đạo huyện trao Huy hiệu 30 năm tuổi Đảng cho các đồng chí: Sùng Mí Thề, Chi bộ Văn phòng "
                   "UBND huyện; Tống Đức Bách, Chi bộ UBKT Huyện ủy.")
    assert {"Sùng Mí Thề", "Tống Đức Bách"} <= set(people)


@pytest.mark.parametrize("text, names", [
    # a new user's case: every name of a comma list after "các đồng chí", with or without "và"
    ("Dự hội nghị có các đồng chí Nguyễn Văn An, Trần Thị Bình, Lê Văn Cường.",
     {"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"}),
    ("Tham dự có các đồng chí Hoàng Văn Lâm, Đỗ Thị Mai và Phạm Quốc Huy, Ủy viên Ban Thường vụ Tỉnh ủy.",
     {"Hoàng Văn Lâm", "Đỗ Thị Mai", "Phạm Quốc Huy"}),
    # a comma list with no plural honorific is not a list of people ("Lê Lợi, Trần Phú" are streets)
    ("Nâng cấp các tuyến đường Lê Lợi, Trần Phú, Nguyễn Huệ.", set()),
])
def test_every_name_of_a_comma_list_after_cac_dong_chi_is_a_person(text, names):
    assert set(found(text)) == names


@pytest.mark.parametrize("text, name", [
    ("Bà Tôn Nữ Thị Ninh, Phó Chủ tịch UBND tỉnh, phát biểu.", "Tôn Nữ Thị Ninh"),  # a new user's case
    ("Phó Chủ tịch UBND tỉnh Tôn Thất Hòa phát biểu.", "Tôn Thất Hòa"),
    ("Ông Cấn Văn Tuấn, Bí thư Đảng ủy xã, phát biểu.", "Cấn Văn Tuấn"),
])
def test_less_common_surnames_open_names(text, name):
    assert name in found(text)


@pytest.mark.parametrize("text, reporters", [
    ("Quang cảnh hội nghị (Ảnh: TTXVN)", set()),  # a news agency is not a reporter
    ("Quang cảnh hội nghị. Ảnh: Ngọc Ánh/TTXVN", {"Ngọc Ánh"}),  # the photographer, not the agency
    ("Lãnh đạo xã dự kỳ họp (ảnh: N.T.Hà)", {"N.T.Hà"}),  # two initials and a name
    ("Quang cảnh kỳ họp. Ảnh: K. Phụng\nThu ngân sách đạt 12 tỷ đồng.\nKIM PHỤNG\n", {"KIM PHỤNG"}),  # one person
    ("Quang cảnh kỳ họp. Ảnh: Minh Hà\nThu ngân sách đạt 12 tỷ đồng.\nPV\n", {"Minh Hà"}),  # "PV" is "reporter"
])
def test_photo_credits_name_people_not_agencies_and_each_reporter_once(text, reporters):
    assert {n for n, (_, kind) in found(text).items() if kind == "reporter"} == reporters


@pytest.mark.parametrize("text, name, titles, kind", [
    # a Khmer name ("Kiên" is no surname we list) framed by an honorific and titles (tune j04)
    ("Đến dự có ông Kiên Quân, Tỉnh ủy viên, Phó Chủ tịch HĐND tỉnh; ông Nguyễn Quốc Phương.", "Kiên Quân",
     ["Tỉnh ủy viên", "Phó Chủ tịch HĐND tỉnh"], "official"),
    # a title written in lower case (tune i09)
    ("Chủ tịch HĐND huyện Huỳnh Thanh Tuấn, Phó chủ tịch HĐND huyện Tạ Văn Lâm chủ trì kỳ họp.", "Tạ Văn Lâm",
     ["Phó chủ tịch HĐND huyện"], "official"),
    # a photo credit in capitals (tune i05)
    ("Đồng chí Đặng Ngọc Huy thị sát nhà máy nước tại đảo Bé. ẢNH: X.Thiên", "X.Thiên", [], "reporter"),
])
def test_names_the_sixth_batch_taught(text, name, titles, kind):
    assert found(text)[name] == (titles, kind)


@pytest.mark.parametrize("text, expected", [
    # titles, a comma, then the name (tune l05)
    ("Ngày 2/11, Ủy viên Trung ương Đảng, Phó chủ tịch nước, Phó chủ tịch thứ nhất Hội đồng Thi đua - Khen thưởng Trung "
     "ương, Võ Thị Ánh Xuân đến dự Đại hội.",
     {"Võ Thị Ánh Xuân": (["Ủy viên Trung ương Đảng", "Phó chủ tịch nước",
                           "Phó chủ tịch thứ nhất Hội đồng Thi đua - Khen thưởng Trung ương"], "official")}),
    # "TP Hà Nội" after the titles is a place (tune l07)
    ("Ông Trần Đức Hải, Bí thư huyện uỷ huyện Đan Phượng, TP Hà Nội cho hay.",
     {"Trần Đức Hải": (["Bí thư huyện uỷ huyện Đan Phượng"], "official")}),
])
def test_people_batch_l_taught(text, expected):
    assert found(text) == expected


def test_a_byline_in_bold_markdown_is_a_reporter():  # tune l07
    assert found("Tiêu đề bài viết về hội nghị\nThu ngân sách đạt 12 tỷ đồng.\n**D.Ngân**\n") == {"D.Ngân": ([], "reporter")}


@pytest.mark.parametrize("text, expected", [
    # a new user's cases (session 8): departments' names with lower-case syllables, "TP Hồ Chí Minh", "và" + a name
    ("Giám đốc Sở Khoa học và Công nghệ Trần Văn Bình phát biểu.",
     {"Trần Văn Bình": (["Giám đốc Sở Khoa học và Công nghệ"], "official")}),
    ("Phó Giám đốc Sở Nông nghiệp và Môi trường Lý Seo Chứ báo cáo.",
     {"Lý Seo Chứ": (["Phó Giám đốc Sở Nông nghiệp và Môi trường"], "official")}),
    ("Trưởng ban Kinh tế - Ngân sách HĐND huyện Nguyễn Thị Mai trình bày.",
     {"Nguyễn Thị Mai": (["Trưởng ban Kinh tế - Ngân sách HĐND huyện"], "official")}),
    ("Ông Lê Văn An, Phó Chủ tịch UBND TP Hồ Chí Minh phát biểu.",
     {"Lê Văn An": (["Phó Chủ tịch UBND TP Hồ Chí Minh"], "official")}),
    ("Dự có các đồng chí: Đỗ Thị Lan, Trưởng Ban Dân vận Tỉnh ủy và Vũ Đức Thắng, Giám đốc Sở Tài chính.",
     {"Đỗ Thị Lan": (["Trưởng Ban Dân vận Tỉnh ủy"], "official"), "Vũ Đức Thắng": (["Giám đốc Sở Tài chính"], "official")}),
    ("Bà Lù Thị Dương phát biểu.", {"Lù Thị Dương": ([], "official")}),
    ("Ông Trần Văn Phúc (thứ hai, bên trái), Chủ tịch UBND phường Tân Định trao quà.",
     {"Trần Văn Phúc": (["Chủ tịch UBND phường Tân Định"], "official")}),
    ("Dự hội nghị có Giám đốc Sở Tài chính, bà Tạ Thị Yến.", {"Tạ Thị Yến": (["Giám đốc Sở Tài chính"], "official")}),
    # on whose behalf someone speaks is no title of theirs
    ("Thay mặt Thường trực HĐND tỉnh, Phó Chủ tịch HĐND tỉnh Vàng Thị Mai phát biểu bế mạc kỳ họp.",
     {"Vàng Thị Mai": (["Phó Chủ tịch HĐND tỉnh"], "official")}),
    # a byline that names the reporter and the paper
    ("Tiêu đề bài viết về hội nghị\nThu ngân sách đạt 12 tỷ đồng.\nVăn Tú/Báo Tin tức\n", {"Văn Tú": ([], "reporter")}),
    # the titles before a comma are the person's before it, not the next one's
    ("Ông Nguyễn Văn An, Bí thư Huyện ủy, bà Lê Thị Hoa phát biểu.",
     {"Nguyễn Văn An": (["Bí thư Huyện ủy"], "official"), "Lê Thị Hoa": ([], "official")}),
])
def test_people_a_new_user_named_in_session_8(text, expected):
    assert found(text) == expected


def test_the_model_cannot_give_a_person_a_title_the_source_writes_beside_someone_else():
    doc = split_document("r.txt", "Huyện Bảo Thắng tổng kết năm 2024\nBí thư Huyện ủy Nguyễn Văn Hùng phát biểu.\n"
                                  "Ông Lý Seo Chứ cho biết huyện đã trồng 500 ha rừng.\n")
    merged = {p.name: p for p in merge_people(doc, [DraftPerson(name="Lý Seo Chứ", titles=["Bí thư Huyện ủy"], kind="official")])}
    assert merged["Lý Seo Chứ"].titles == [] and merged["Nguyễn Văn Hùng"].titles == ["Bí thư Huyện ủy"]
    doc = split_document("r.txt", "Huyện Bảo Thắng tổng kết năm 2024\nBí thư Huyện ủy Nguyễn Văn Hùng phát biểu.\n"
                                  "Thu ngân sách đạt 12 tỷ đồng, Lý Seo Chứ cho biết.\n")
    merged = {p.name: p for p in merge_people(doc, [DraftPerson(name="Lý Seo Chứ", titles=["Bí thư Huyện ủy"], kind="official")])}
    assert merged["Lý Seo Chứ"].status == "misattributed" and merged["Lý Seo Chứ"].titles == []


def test_a_place_named_again_after_its_unit_is_not_a_person():
    text = ("HĐND phường Phan Thiết tổ chức kỳ họp. Ông Nguyễn Văn Tám, Chủ tịch HĐND phường Phan Thiết chủ tọa. "
            "Chủ tịch HĐND phường Phan Thiết phát biểu.")
    assert set(found(text)) == {"Nguyễn Văn Tám"}


@pytest.mark.parametrize("line, name", [
    ("NGUYỄN HÀ", "NGUYỄN HÀ"), ("CTV Nguyễn Bình", "Nguyễn Bình"), ("Tin, ảnh: Minh Hà", "Minh Hà"),
])
def test_bylines_are_reporters_never_officials(line, name):
    assert found(f"Tiêu đề bài viết về hội nghị\nThu ngân sách đạt 12 tỷ đồng.\n{line}\n") == {name: ([], "reporter")}


def test_photo_credits_inside_captions_are_reporters():
    people = found("Đồng chí Lê Ngọc Châu phát biểu tại buổi làm việc (Ảnh: Đàm Thanh)\n"
                   "Quang cảnh kỳ họp. Ảnh: M.H\nLãnh đạo phường dự kỳ họp (ảnh N. Lân)\n")
    assert {n for n, (_, kind) in people.items() if kind == "reporter"} == {"Đàm Thanh", "M.H", "N. Lân"}


def test_a_page_credit_label_names_a_reporter_and_the_model_cannot_make_it_an_office():
    doc = split_document("r.txt", "HĐND xã tổ chức kỳ họp\nNgười đăng: Thu Phương Ngày đăng: 15:26 | 28/08/2025\n"
                                  "Thu ngân sách đạt 12 tỷ đồng.\n")
    merged = {p.name: p for p in merge_people(doc, [DraftPerson(name="Thu Phương", titles=["Người đăng"], kind="official")])}
    assert merged["Thu Phương"].kind == "reporter" and merged["Thu Phương"].titles == []


# --- spellings (issue 15): old and new tone placement are one word; output keeps the source's ----------

from summarizer.core.text import canonical, find_spelling  # noqa: E402
from summarizer.pipeline import document_from_text  # noqa: E402

PLACEMENTS = [("Hoà", "Hòa"), ("Thuỷ", "Thủy"), ("Khoẻ", "Khỏe"), ("Uỷ", "Ủy"), ("Quỳnh", "Qùynh"), ("Toàn", "Toàn")]


@pytest.mark.parametrize("old, new", PLACEMENTS)
def test_tone_placement_and_case_do_not_change_the_key(old, new):
    assert canonical(old) == canonical(new) == canonical(new.upper())
    assert canonical("Hòa") != canonical("Hóa")  # a different tone is a different word


def test_a_name_the_model_writes_in_the_other_tone_placement_is_the_source_s_person():
    doc = document_from_text("Dự hội nghị có bà Nguyễn Thị Hoà, Phó Chủ tịch Uỷ ban nhân dân xã và ông Lê Văn Thuỷ, "
                             "Bí thư Đảng uỷ xã. Thu ngân sách đạt 12,5 tỷ đồng.")
    merged = merge_people(doc, [
        DraftPerson(name="Nguyễn Thị Hòa", titles=["Phó Chủ tịch Ủy ban nhân dân xã"], kind="official"),
        DraftPerson(name="Lê Văn Thủy", titles=["Bí thư Đảng ủy xã"], kind="official"),
    ])
    assert [(p.name, p.status, p.problems) for p in merged] == [
        ("Nguyễn Thị Hoà", "grounded", []), ("Lê Văn Thuỷ", "grounded", [])]
    assert {t for p in merged for t in p.titles} <= {"Phó Chủ tịch Uỷ ban nhân dân xã", "Bí thư Đảng uỷ xã"}


def test_a_name_only_the_model_has_is_kept_in_the_source_s_spelling():
    doc = document_from_text("Phát biểu tại hội nghị, đồng chí Hoàng Văn Thuỷ yêu cầu các ngành tập trung thu ngân sách.")
    merged = merge_people(doc, [DraftPerson(name="Hoàng Văn Thủy", titles=[], kind="official")])
    assert [(p.name, p.status) for p in merged] == [("Hoàng Văn Thuỷ", "grounded")]


def test_part_of_a_name_is_not_the_name():
    assert find_spelling("Nguyễn Văn A", "ông Nguyễn Văn An") is None
    assert find_spelling("Nguyễn Văn An", "ông Nguyễn  Văn\nAn, Bí thư") == "Nguyễn  Văn\nAn"


INVISIBLE = {"zero-width space": "\u200b", "zero-width joiner": "\u200d", "zero-width non-joiner": "\u200c",
             "soft hyphen": "\xad", "BOM inside the text": "\ufeff", "word joiner": "\u2060",
             "left-to-right isolate": "\u2066", "right-to-left embedding": "\u202b", "Arabic letter mark": "\u061c",
             "Mongolian vowel separator": "\u180e", "combining grapheme joiner": "\u034f",
             "variation selector 16": "\ufe0f", "left-to-right mark": "\u200e"}
SPACES = {"no-break space": "\xa0", "narrow no-break space": "\u202f", "figure space": "\u2007", "thin space": "\u2009"}
REPORT = ("Ngày 12/7, Đảng ủy xã Tân Hòa tổ chức hội nghị sơ kết 6 tháng đầu năm 2025. Đồng chí Nguyễn Văn An - "
          "Bí thư Đảng ủy xã phát biểu chỉ đạo. Bà Lê Thị Hoa, Chủ tịch UBND xã cho biết thu ngân sách đạt 12,5 tỷ đồng.")


@pytest.mark.parametrize("char", INVISIBLE.values(), ids=INVISIBLE.keys())
def test_invisible_characters_inside_names_and_places_are_gone_when_reading(char):
    from summarizer.ground.meta import find_locality
    text = REPORT.replace("Văn An", "Văn A" + char + "n").replace("Tân Hòa", "Tân" + char + " Hòa")
    doc = document_from_text(text)
    assert char not in doc.text
    assert {f.name: f.titles for f in find_people(doc)} == {
        "Nguyễn Văn An": ["Bí thư Đảng ủy xã"], "Lê Thị Hoa": ["Chủ tịch UBND xã"]}
    assert find_locality(doc, set()) == "xã Tân Hòa"
    assert all(doc.text[s.start:s.end] == s.text for s in doc.sentences)


@pytest.mark.parametrize("char", SPACES.values(), ids=SPACES.keys())
def test_unusual_spaces_read_as_spaces_and_keep_every_offset(char):
    from summarizer.ground.meta import find_locality
    doc = document_from_text(REPORT.replace(" ", char))
    assert len(doc.text) == len(REPORT)  # one space for one space: spans do not move
    assert {f.name for f in find_people(doc)} == {"Nguyễn Văn An", "Lê Thị Hoa"}
    assert find_locality(doc, set()) == "xã Tân Hòa"


# --- kinds a new user found (issue 15 follow-up) --------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Bà H'Hen Niê, Phó Chủ tịch UBND phường Buôn Ma Thuột, cho biết thu ngân sách tăng.",
     {"H'Hen Niê": ["Phó Chủ tịch UBND phường Buôn Ma Thuột"]}),  # "Ma Thuột" is the place, not a person
    ("Bà H’Hen Niê, Phó Chủ tịch UBND xã, cho biết thu ngân sách tăng.", {"H’Hen Niê": ["Phó Chủ tịch UBND xã"]}),
    ("Ông Y Thanh Hà Niê Kđăm, Bí thư Tỉnh ủy phát biểu.", {"Y Thanh Hà Niê Kđăm": ["Bí thư Tỉnh ủy"]}),
    ("Ông Điểu K'Ré, Chủ tịch HĐND xã phát biểu.", {"Điểu K'Ré": ["Chủ tịch HĐND xã"]}),
    ("Ông Mùa A Sơn, Chủ tịch UBND xã phát biểu.", {"Mùa A Sơn": ["Chủ tịch UBND xã"]}),
    ("Ông Y Bhơ Niê (Trưởng thôn Buôn Đôn) cho biết.", {"Y Bhơ Niê": ["Trưởng thôn Buôn Đôn"]}),
])
def test_more_names_titles_and_places_are_told_apart(text, expected):
    assert {f.name: f.titles for f in find_people(document_from_text(text))} == expected


def test_parts_of_a_name_decomposed_names_and_titles_inside_names_are_the_source_s_people():
    import unicodedata
    doc = document_from_text("Đồng chí Nguyễn Văn Hùng, Bí thư Đảng ủy xã phát biểu. Dự có ông Nguyễn Văn Anh Tuấn, "
                             "Trưởng thôn. Ông Trần Văn Thuỷ, Chủ tịch UBND xã cho biết.")
    names = ["Văn Hùng", "Nguyễn Văn", "Nguyễn Văn Anh", unicodedata.normalize("NFD", "Trần Văn Thủy"),
             "Chủ tịch Trần Văn Thủy"]
    merged = {p.name: p for p in merge_people(doc, [DraftPerson(name=n, titles=[], kind="official") for n in names])}
    assert merged["Nguyễn Văn Hùng"].found_by == "both" and merged["Trần Văn Thuỷ"].found_by == "both"
    # the source's man is Nguyễn Văn Anh Tuấn, a four-word name the rules read whole (a surname before "Văn" opens it):
    # the model's "Nguyễn Văn Anh" is part of it, as "Văn Hùng" is of Nguyễn Văn Hùng
    assert merged["Nguyễn Văn Anh Tuấn"].found_by == "both" and merged["Nguyễn Văn Anh Tuấn"].titles == ["Trưởng thôn"]
    assert not {"Văn Hùng", "Nguyễn Văn", "Nguyễn Văn Anh"} & set(merged) and all(p.status != "invented"
                                                                                   for p in merged.values())


def test_a_province_the_model_lists_as_a_person_is_left_out_and_keeps_the_locality():
    # check d06: the model listed "Cà Mau" among the people, which hid tỉnh Cà Mau from the header
    from summarizer.core.schema import Extraction
    from summarizer.ground.meta import check_meta
    doc = split_document("a.txt", "Ngày 5-12, Tỉnh ủy Cà Mau tổ chức hội nghị tổng kết năm 2025. Bí thư Tỉnh ủy "
                                  "Cà Mau Nguyễn Hồ Hải phát biểu. Kinh tế tỉnh Cà Mau tăng trưởng 8%.")
    merged = {p.name: p for p in merge_people(doc, [DraftPerson(name="Cà Mau", titles=[], kind="official"),
                                                    DraftPerson(name="Hà Tĩnh", titles=[], kind="official")])}
    assert merged["Cà Mau"].status == "invented" and "a place" in merged["Cà Mau"].problems[0]
    kept = {p.name for p in merged.values() if p.status != "invented"}
    assert kept == {"Nguyễn Hồ Hải"}
    meta, _ = check_meta(doc, Extraction(title="", locality="Cà Mau", period=None, meeting=None, achievements=[],
                                         shortfalls=[], tasks=[], people=[]), kept)
    assert meta["locality"] == "tỉnh Cà Mau"


def test_the_places_a_plural_unit_word_lists_are_no_people():  # tune s12: the model listed four wards as people
    doc = split_document("a.txt", "Ngày 31-10, Tổ công tác do đồng chí Hồ Nam làm Tổ phó đã làm việc với các phường: Tân "
                                  "Bình, Tân Sơn Hòa, Tân Sơn Nhất, Bảy Hiền về giám sát. Ông Lê Văn Tám phát biểu.")
    drafts = [DraftPerson(name=n, titles=[], kind="other") for n in ("Tân Bình", "Bảy Hiền", "Lê Văn Tám")]
    merged = {p.name: p for p in merge_people(doc, drafts)}
    assert merged["Tân Bình"].status == merged["Bảy Hiền"].status == "invented"
    assert "a place: the report writes phường Bảy Hiền" in merged["Bảy Hiền"].problems
    assert merged["Lê Văn Tám"].status == "grounded"


def test_a_person_named_once_after_a_unit_word_stays_a_person():
    doc = split_document("a.txt", "Chủ tịch UBND xã Trần Văn An chủ trì hội nghị. Thu ngân sách đạt 120%.")
    merged = merge_people(doc, [DraftPerson(name="Trần Văn An", titles=[], kind="official")])
    assert [(p.name, p.status) for p in merged] == [("Trần Văn An", "grounded")]


@pytest.mark.parametrize("text, name", [
    # check d02: a two-surname name after a place the report names after its unit word
    ("Cùng dự có Bí thư tỉnh ủy Đắk Lắk Lương Nguyễn Minh Triết, Chủ tịch UBND tỉnh Đắk Lắk Tạ Anh Tuấn.",
     "Lương Nguyễn Minh Triết"),
    ("Chủ tịch UBND phường Tân Ninh Lê Minh Thế phát biểu tại phường Tân Ninh.", "Lê Minh Thế"),
])
def test_a_name_starts_right_after_a_place_the_report_names(text, name):
    assert name in {f.name for f in find_people(split_document("a.txt", text))}


def test_a_counted_title_is_shared_by_the_names_joined_with_va():
    # check b10: "2 Phó Chủ tịch UBND tỉnh An Giang Lê Văn Phước và Nguyễn Thị Minh Thúy chủ trì"
    doc = split_document("a.txt", "Chủ tịch UBND tỉnh An Giang Hồ Văn Mừng cùng 2 Phó Chủ tịch UBND tỉnh An Giang "
                                  "Lê Văn Phước và Nguyễn Thị Minh Thúy chủ trì hội nghị.")
    found = {f.name: f.titles for f in find_people(doc)}
    assert found["Nguyễn Thị Minh Thúy"] == ["Phó Chủ tịch UBND tỉnh An Giang"]
    assert found["Lê Văn Phước"] == ["Phó Chủ tịch UBND tỉnh An Giang"]
    # not counted: the second name is still a person, with no title of its own
    doc = split_document("a.txt", "Dự có Phó Chủ tịch UBND tỉnh Lê Văn Phước và Nguyễn Thị Minh Thúy.")
    assert {f.name: f.titles for f in find_people(doc)}["Nguyễn Thị Minh Thúy"] == []
    # a two-word place after "và" is not a person
    doc = split_document("a.txt", "Phó Chủ tịch UBND tỉnh Lê Văn Phước và Hà Nội hợp tác.")
    assert "Hà Nội" not in {f.name for f in find_people(doc)}


@pytest.mark.parametrize("text, people", [
    # two words right after a unit word are the place (a new user's cases: "Sơn" and "Hà" are surnames)
    ("Hội nghị do đồng chí Lò Văn Tiến, Phó Bí thư Tỉnh ủy Sơn La chủ trì.", {"Lò Văn Tiến"}),
    ("Chủ tịch UBND tỉnh Hà Tĩnh yêu cầu các ngành tập trung.", set()),
    # unless titles follow them as a person's do
    ("Chủ tịch UBND xã Trần Linh, Bí thư Đảng ủy xã phát biểu.", {"Trần Linh"}),
])
def test_two_words_after_a_unit_word_are_a_place_unless_titles_follow(text, people):
    assert {f.name for f in find_people(split_document("a.txt", text))} == people


def test_nguyen_is_a_middle_name_unless_a_title_follows():  # tune q05
    text = ("Tiêu đề bài viết\nPhát biểu kết luận Kỳ họp, ông Hoàng Nguyên Dinh, Bí thư Huyện ủy, Chủ tịch HĐND huyện nhấn "
            "mạnh các nghị quyết phải được triển khai. Dự có ông Trần Văn An, Nguyên Bí thư Tỉnh ủy.\n")
    found = {p.name: p.titles for p in find_people(split_document("a.txt", text))}
    assert found == {"Hoàng Nguyên Dinh": ["Bí thư Huyện ủy", "Chủ tịch HĐND huyện"],
                     "Trần Văn An": ["Nguyên Bí thư Tỉnh ủy"]}


def test_a_name_with_its_role_on_the_paper_is_a_byline_wherever_it_stands():  # tune q10
    text = "Thanh Quân phấn đấu sớm thoát khỏi diện xã đặc biệt khó khăn\nĐoàn Lưu (CTV)\nNăm 2025, xã đạt 17 chỉ tiêu.\n"
    doc = split_document("a.txt", text)
    assert [s.role for s in doc.sentences] == ["headline", "byline", "body"]
