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


# --- the grammar of quantities (issue 15): scale words, implied units, ranges, points, dates ------------

def full(text):
    return [f.model_dump(exclude_none=True, exclude={"raw"}) | {"raw": f.raw} for f in find_figures(text)]


def test_a_scale_word_multiplies_and_two_writings_of_one_amount_compare_equal():
    [a] = find_figures("Thu ngân sách đạt 1,2 nghìn tỷ đồng.")
    [b] = find_figures("Thu ngân sách đạt 1.200 tỷ đồng.")
    assert (a.raw, a.value, a.unit) == ("1,2 nghìn tỷ đồng", 1.2, "nghìn tỷ đồng")
    assert (a.base_value, a.base_unit) == (b.base_value, b.base_unit) == (1_200_000_000_000, "đồng")


def test_a_bare_scale_word_is_money_and_says_the_currency_is_implied():
    [amount, growth] = find_figures("Vốn đầu tư khoảng 2.000 tỷ, tăng 8%.")
    assert (amount.raw, amount.value, amount.unit, amount.qualifier) == ("2.000 tỷ", 2000, "tỷ", "khoảng")
    assert (amount.base_value, amount.base_unit, amount.implied) == (2_000_000_000_000, "đồng", "đồng")
    assert (growth.raw, growth.measures) == ("8%", "change")
    [support] = find_figures("Hỗ trợ 500 triệu cho mỗi xã.")
    assert (support.raw, support.base_value, support.base_unit, support.implied) == (
        "500 triệu", 500_000_000, "đồng", "đồng")


@pytest.mark.parametrize("text", [
    "Đến 30/6, toàn xã giải ngân 61%.", "Đến hết 31/12, toàn xã giải ngân 61%.",
    "Tính đến 15/8 toàn xã giải ngân 61%.", "Trước 30/9 toàn xã giải ngân 61%.", "Từ 1/7 toàn xã giải ngân 61%.",
    "Hết tháng 6/2025, toàn xã giải ngân 61%.", "Đến thời điểm 30/6 toàn xã giải ngân 61%.",
])
def test_day_and_month_after_a_time_word_are_dates_not_figures(text):
    assert [(f.raw, f.measures) for f in find_figures(text)] == [("61%", "share")]


def test_a_share_of_counted_things_is_not_a_date_even_after_a_time_word():
    assert [(f.raw, f.denominator, f.unit) for f in find_figures("Đến nay 12/12 xã đạt chuẩn nông thôn mới.")] == [
        ("12/12 xã", 12, "xã")]


@pytest.mark.parametrize("text, raw, low, high", [
    ("Tỷ lệ tăng trưởng từ 5 - 7%.", "5 - 7%", 5, 7), ("tăng trưởng 6–6,5%", "6–6,5%", 6, 6.5),
    ("vốn từ 3 đến 5 tỷ đồng", "3 đến 5 tỷ đồng", 3, 5),
])
def test_ranges_keep_both_bounds(text, raw, low, high):
    [f] = find_figures(text)
    assert (f.raw, f.value, f.upper) == (raw, low, high)


def test_percentage_points_are_a_change_not_an_amount():
    [f] = find_figures("Tỷ lệ hộ nghèo giảm 0,5 điểm %.")
    assert (f.raw, f.value, f.unit, f.base_unit, f.measures) == ("0,5 điểm %", 0.5, "điểm %", "điểm %", "change")
    [g] = find_figures("giảm 1,2 điểm phần trăm so với năm trước")
    assert (g.value, g.base_unit, g.measures) == (1.2, "điểm %", "change")


def test_units_of_yield_visits_and_counted_nouns_after_a_share():
    assert [(f.raw, f.base_value, f.base_unit) for f in find_figures(
        "năng suất 55 tạ/ha, đón 1,2 triệu lượt khách, thu nhập 70 triệu đồng/người/năm, xuất khẩu 5 triệu USD, "
        "đạt 48/90 chỉ tiêu và 6/7 nhóm")] == [
        ("55 tạ/ha", 5500, "kg/ha"), ("1,2 triệu lượt khách", 1_200_000, "lượt khách"),
        ("70 triệu đồng/người/năm", 70_000_000, "đồng/người/năm"), ("5 triệu USD", 5_000_000, "USD"),
        ("48/90 chỉ tiêu", 48, "chỉ tiêu"), ("6/7 nhóm", 6, "nhóm")]


def test_a_scale_word_does_not_make_an_ambiguous_number_certain():
    [f] = find_figures("đạt 1.5 nghìn tỷ đồng")
    assert f.value is None and f.base_value is None and "threes" in f.error and f.unit == "nghìn tỷ đồng"


# --- property-based: render quantities the way reports write them, parse them back -------------------

from decimal import Decimal  # noqa: E402

from hypothesis import given, settings, strategies as st  # noqa: E402


def vietnamese(value: Decimal) -> str:
    """Write a non-negative number the way a report does: 1401.351 → '1.401,351' (written here, independently)."""
    whole, _, decimals = f"{value:f}".partition(".")
    groups = []
    while len(whole) > 3:
        whole, groups = whole[:-3], [whole[-3:], *groups]
    return ".".join([whole, *groups]) + ("," + decimals if decimals else "")


numbers = st.builds(lambda whole, dec: Decimal(whole) + (Decimal(dec[0]) / 10 ** dec[1] if dec else 0),
                    st.integers(0, 10**9), st.none() | st.integers(0, 999).flatmap(
                        lambda d: st.tuples(st.just(d), st.integers(len(str(d)), 3))))
SCALES = {None: 1, "nghìn": 10**3, "ngàn": 10**3, "triệu": 10**6, "tỷ": 10**9, "nghìn tỷ": 10**12}
# unit as written → base unit, factor, may carry a scale word
UNITS = {"đồng": ("đồng", 1, True), "USD": ("USD", 1, True), "ha": ("ha", 1, True), "m2": ("ha", Decimal("0.0001"), False),
         "tấn": ("kg", 1000, True), "tạ/ha": ("kg/ha", 100, False), "%": ("%", 1, False), "điểm %": ("điểm %", 1, False),
         "hộ": ("hộ", 1, True), "người": ("người", 1, True), "lượt khách": ("lượt khách", 1, True),
         "chỉ tiêu": ("chỉ tiêu", 1, False), "triệu đồng/người/năm": ("đồng/người/năm", 10**6, False), None: ("đồng", 1, True)}
PREFIXES = ["Thu ngân sách đạt ", "Năm 2024, toàn xã có ", "Theo Kết luận số 21-KL/TW ngày 25/10/2021, vốn ",
            "Sáng 13/6, báo cáo cho biết giá trị ", "Giai đoạn 2021 - 2025 đạt ", ""]
SUFFIXES = [".", ", tăng so với năm trước.", " trong năm 2024.", " cho mỗi xã.", "; hoàn thành kế hoạch", ""]
QUALIFIERS = [None, "khoảng", "trên", "gần", "ước đạt", "hơn", "xấp xỉ"]


@st.composite
def quantities(draw):
    unit = draw(st.sampled_from(list(UNITS)))
    base, factor, scalable = UNITS[unit]
    scale = draw(st.sampled_from(list(SCALES))) if scalable else None
    if unit is None and scale is None:
        scale = draw(st.sampled_from(["triệu", "tỷ", "nghìn tỷ"]))  # a bare number is not a figure
    value = draw(numbers)
    written = " ".join(x for x in (vietnamese(value), scale, unit) if x)
    if unit in ("%", "ha") and scale is None and draw(st.booleans()):
        written = vietnamese(value) + unit  # glued: "12,5ha", "61%"
    qualifier = draw(st.sampled_from(QUALIFIERS))
    text = draw(st.sampled_from(PREFIXES)) + (qualifier + " " if qualifier else "") + written + draw(
        st.sampled_from(SUFFIXES))
    return text, written, value, value * Decimal(factor) * SCALES[scale], base, qualifier


@settings(max_examples=400, deadline=None)
@given(quantities())
def test_parsing_gives_back_every_rendered_quantity(case):
    text, written, value, base_value, base_unit, qualifier = case
    [f] = find_figures(text)
    assert (f.raw, f.value, f.base_value, f.base_unit, f.qualifier, f.error) == (
        written, float(value), float(base_value), base_unit, qualifier, None), text


@settings(max_examples=200, deadline=None)
@given(numbers, numbers, st.sampled_from([" - ", "-", " – ", " đến "]), st.sampled_from(["%", " tỷ đồng", " ha"]))
def test_a_rendered_range_parses_to_its_two_bounds(low, high, sep, unit):
    text = f"Mục tiêu tăng trưởng từ {vietnamese(low)}{sep}{vietnamese(high)}{unit}."
    [f] = find_figures(text)
    assert (f.value, f.upper) == (float(low), float(high)), text


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 31), st.integers(1, 12), st.sampled_from(["Đến", "Đến hết", "Tính đến", "Trước", "Từ", "Ngày",
                                                                 "Sáng", "Hết ngày", "Kể từ"]))
def test_a_rendered_date_is_never_a_figure(day, month, cue):
    assert [f.raw for f in find_figures(f"{cue} {day}/{month}, toàn xã giải ngân 61,5% vốn.")] == ["61,5%"]


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 999), st.integers(0, 99).map(lambda n: f"{n:02d}") | st.integers(1000, 9999).map(str))
def test_a_dot_that_cannot_group_thousands_is_an_error_never_a_guess(whole, after):
    [f] = find_figures(f"Thu ngân sách đạt {whole}.{after} tỷ đồng.")
    assert f.value is None and f.error


@settings(max_examples=300, deadline=None)
@given(numbers)
def test_numbers_written_for_editors_parse_back(value):
    from summarizer.core.figures import vietnamese_number
    assert parse_number(vietnamese_number(float(value))) == float(value)


# --- kinds a new user found (issue 15 follow-up) --------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Nhân dịp Quốc khánh 2/9, toàn xã đạt 61%.", "Dịp lễ 30/4 và 1/5, toàn xã đạt 61%.",
    "Hội nghị diễn ra trong các ngày 19, 20/12, toàn xã đạt 61%.", "Trong 2 ngày 15 và 16/8, toàn xã đạt 61%.",
    "Sáng nay (16/6), toàn xã đạt 61%.", "Từ 1/1 - 30/6, toàn xã đạt 61%.", "Trong tuần từ 6 - 12/10, toàn xã đạt 61%.",
    "Thời gian thực hiện: 15/9 - 30/9, toàn xã đạt 61%.", "Chậm nhất 30/9 phải hoàn thành, toàn xã đạt 61%.",
    "Thực hiện Nghị định 178/2024/NĐ-CP, toàn xã đạt 61%.", "Theo Nghị định số 30/2020/NĐ-CP, toàn xã đạt 61%.",
    "Ngày 30.6.2025, toàn xã đạt 61%.", "1.1. Toàn xã đạt 61%.", "2.3) Toàn xã đạt 61%.",
])
def test_dates_document_numbers_and_list_markers_are_never_figures(text):
    assert [f.raw for f in find_figures(text)] == ["61%"]


def test_a_share_without_a_unit_after_its_verb_is_still_a_share():
    assert [(f.raw, f.denominator) for f in find_figures("Toàn huyện đạt 7/9, xã đạt 12/12 tiêu chí.")] == [
        ("7/9", 9), ("12/12 tiêu chí", 12)]


@pytest.mark.parametrize("space", [" ", "\xa0", "\u202f", "\u2009"])
def test_thousands_grouped_by_spaces_are_refused_never_read_as_the_last_group(space):
    from summarizer.pipeline import document_from_text
    text = document_from_text(f"Thu ngân sách đạt 1{space}200 tỷ đồng, tăng 8%.").text
    [spaced, growth] = find_figures(text)
    assert spaced.value is None and spaced.base_value is None and "1.200" in spaced.error
    assert growth.raw == "8%"


@pytest.mark.parametrize("text, raw, low, high, base_unit", [
    ("từ 5% đến 7%", "5% đến 7%", 5, 7, "%"), ("7,5% - 8%", "7,5% - 8%", 7.5, 8, "%"),
    ("vay 3 tỷ - 5 tỷ đồng/hộ", "3 tỷ - 5 tỷ đồng/hộ", 3, 5, "đồng/hộ"), ("7-8%/năm", "7-8%/năm", 7, 8, "%/năm"),
])
def test_ranges_with_the_unit_on_both_ends_are_one_figure(text, raw, low, high, base_unit):
    [f] = find_figures(text)
    assert (f.raw, f.value, f.upper, f.base_unit) == (raw, low, high, base_unit)


@pytest.mark.parametrize("text, measures", [
    ("bằng 115% so cùng kỳ", "year_on_year"), ("bằng 102% cùng kỳ năm trước", "year_on_year"),
    ("tăng 12% so với cùng kỳ", "change"), ("tăng 24% so với năm 2020", "change"), ("giảm 1,5 điểm%", "change"),
    ("giảm 1,2 điểm", "change"), ("tăng trưởng 7-8%/năm", "change"), ("đạt 188% dự toán", "plan"),
])
def test_a_level_against_last_year_and_a_growth_rate_are_told_apart(text, measures):
    [f] = find_figures(text)
    assert f.measures == measures


@pytest.mark.parametrize("text, raw, base_value, base_unit, qualifier", [
    ("9/10 nhiệm vụ", "9/10 nhiệm vụ", 9, "nhiệm vụ", None), ("giá 50.000 đồng/lít", "50.000 đồng/lít", 50000, "đồng/lít", None),
    ("mật độ 250 người/km²", "250 người/km²", 250, "người/km²", None),
    ("đón 3,5 vạn lượt khách", "3,5 vạn lượt khách", 35000, "lượt khách", None),
    ("trên dưới 300 triệu", "300 triệu", 300_000_000, "đồng", "trên dưới"),
    ("dự kiến 300 triệu đồng", "300 triệu đồng", 300_000_000, "đồng", "dự kiến"),
    ("ước thực hiện 1.200 tỷ đồng", "1.200 tỷ đồng", 1_200_000_000_000, "đồng", "ước thực hiện"),
])
def test_more_units_per_units_scales_and_qualifiers(text, raw, base_value, base_unit, qualifier):
    [f] = find_figures(text)
    assert (f.raw, f.base_value, f.base_unit, f.qualifier) == (raw, base_value, base_unit, qualifier)
