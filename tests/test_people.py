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
