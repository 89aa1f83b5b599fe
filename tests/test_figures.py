import pytest

from summarizer.core.figures import AmbiguousNumber, find_figures, parse_number


@pytest.mark.parametrize("raw, value", [
    ("1.401,351", 1401.351), ("12.100,1", 12100.1), ("48,7", 48.7), ("28.300", 28300.0),
    ("195,064", 195.064), ("1.388", 1388.0), ("7", 7.0), ("1.000.000", 1_000_000.0),
])
def test_vietnamese_numbers(raw, value):
    assert parse_number(raw) == value


@pytest.mark.parametrize("raw", ["1.5", "12.10", "1.23.456", "1,2,3", "1,5.000", "1.0000", "0.500"])
def test_forms_that_break_the_convention_are_reported_not_guessed(raw):
    with pytest.raises(AmbiguousNumber):
        parse_number(raw)


def fig(text):
    return [(f.raw, f.value, f.denominator, f.unit, f.qualifier, f.measures) for f in find_figures(text)]


def test_amounts_units_qualifiers_and_what_a_percentage_measures():
    text = "Thu ngân sách 9 tháng ước đạt 1.401,351 tỷ đồng, đạt 188% dự toán tỉnh giao, bằng 193% so với cùng kỳ."
    assert fig(text) == [
        ("1.401,351 tỷ đồng", 1401.351, None, "tỷ đồng", "ước đạt", "amount"),
        ("188%", 188.0, None, "%", None, "plan"),
        ("193%", 193.0, None, "%", None, "year_on_year"),
    ]


def test_glued_units_ratios_and_change():
    assert fig("Tổng diện tích gieo trồng 12.100,1ha, đạt 100% KH.") == [
        ("12.100,1ha", 12100.1, None, "ha", None, "amount"), ("100%", 100.0, None, "%", None, "plan")]
    assert fig("có 14/37 chỉ tiêu đã đạt") == [("14/37 chỉ tiêu", 14.0, 37.0, "chỉ tiêu", None, "share")]
    assert fig("kết nạp được 370/400 đảng viên") == [("370/400 đảng viên", 370.0, 400.0, "đảng viên", None, "share")]
    assert fig("tăng 24% so với năm 2020") == [("24%", 24.0, None, "%", None, "change")]


def test_dates_years_and_meeting_numbers_are_not_figures():
    text = ("Sáng 13/6, hội nghị lần thứ 21, khóa XXIII năm 2024 theo Kết luận số 21-KL/TW ngày 25/10/2021; "
            "tính đến ngày 10/6/2024; giai đoạn 2021 - 2025; vụ Đông xuân 2024-2025.")
    assert fig(text) == []


def test_an_ambiguous_figure_is_kept_with_its_error():
    [f] = find_figures("đạt 1.5 tỷ đồng")
    assert f.value is None and "threes" in f.error
