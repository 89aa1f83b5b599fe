"""Eval scoring against gold, and the Markdown an editor reads (no model needed)."""

import json

from summarizer.core.schema import DraftItem, DraftPerson, Extraction, Provenance, Usage
from summarizer.eval.score import load_gold, score, table, totals
from summarizer.pipeline import build_briefing, load_document
from summarizer.render.markdown import to_markdown
from tests.conftest import ROOT

SEED = ROOT / "seeds" / "003_9da10d9c084d8620.txt"
DOC = load_document(SEED)
GOLD = load_gold(ROOT / "seeds" / "gold" / "003_9da10d9c084d8620.json")
PROV = Provenance(source=SEED.name, sha256=DOC.sha256, model="m", mode="tools", prompt_version="p",
                  schema_version="s", usage=Usage(prompt_tokens=10, completion_tokens=5, requests=1))


def n(fragment):
    return next(s.number for s in DOC.sentences if fragment in s.text)


def briefing(**sections):
    base = dict(title="Như Xuân", locality="huyện Như Xuân", period="9 tháng năm 2024", meeting="Hội nghị BCH",
                achievements=[], shortfalls=[], tasks=[], people=[])
    base.update(sections)
    return build_briefing(DOC, Extraction(**base), PROV, fill=False)


def test_recall_counts_gold_items_covered_in_the_right_section():
    b = briefing(
        achievements=[DraftItem(text="Thu ngân sách ước đạt 1.401,351 tỷ đồng.", sentences=[n("1.401,351")]),
                      # a shortfall listed as an achievement: code moves it to the shortfalls
                      DraftItem(text="Giải ngân vốn đầu tư công mới đạt 32% KH.", sentences=[n("32% KH")])],
        tasks=[DraftItem(text="Tăng cường công tác phòng, chống lụt bão.", sentences=[n("lụt bão")])],
        people=[DraftPerson(name="Anh Tuân", titles=[], kind="official")],
    )
    s = score(b, GOLD, DOC.text)
    assert s.recall["achievements"] == (1, 12)
    assert s.recall["shortfalls"] == (1, 5)
    assert s.recall["tasks"][0] >= 1  # evidence sentences count too: "lụt bão" sits with "tích tụ đất đai"
    # gold tasks "giải ngân" and "ngân sách" are mentioned by the 32% and budget items: found, but
    # in another section than the gold's
    assert s.wrong_section == 2
    assert b.flags.items_moved == 1
    assert (s.people_tp, s.people_gold) == (3, 3)  # the rules find all three people of the gold
    assert s.reporters_as_officials == 0  # the model's "official" byline stays a reporter
    # the items are their whole source clauses: the budget clause's four numbers, the 32% clause's
    assert s.numbers_in_source == s.numbers_total == 6
    assert s.locality_ok and s.period_ok


def test_totals_and_table():
    s = score(briefing(), GOLD, DOC.text)
    t = totals([s])
    assert t["item_recall"] == 0.0 and t["people_recall"] == 1.0 and t["number_fidelity"] is None
    assert "003_9da10d9c084d8620.txt" in table([s]) and "totals:" in table([s])


def test_markdown_has_sections_in_order_figures_flags_and_provenance():
    b = briefing(
        achievements=[DraftItem(text="Thu ngân sách ước đạt 1.401,351 tỷ đồng, đạt 188% dự toán tỉnh giao.",
                                sentences=[n("1.401,351")]),
                      DraftItem(text="Thu ngân sách đạt 2.000 tỷ đồng.", sentences=[n("1.401,351")])],
    )
    md = to_markdown(b)
    order = [md.index(h) for h in ("## Thành tích", "## Hạn chế", "## Nhiệm vụ", "## Nhân vật")]
    assert order == sorted(order)
    assert "Số liệu: 1.401,351 tỷ đồng, 188%" in md
    assert "⚠ không có trong bài" in md and "2.000" in md
    assert "_Bài không nêu._" in md  # empty shortfalls say so instead of vanishing
    assert "Anh Tuân (phóng viên)" in md and "Lương Thị Hoa, Bí thư Huyện ủy (cán bộ)" in md
    assert f"sha256 {DOC.sha256[:12]}" in md


def test_eval_command_scores_a_folder_of_briefings(tmp_path):
    from click.testing import CliRunner

    from summarizer.output import briefing_json
    from summarizer.cli import cli

    (tmp_path / f"{SEED.stem}.json").write_text(briefing_json(briefing()), encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / f"{SEED.stem}.json").write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(tmp_path), "--gold", str(gold), "--sources", str(ROOT / "seeds"), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["totals"]["people_recall"] == 1.0 and data["documents"][0]["doc"] == SEED.name


def test_indicators_csv_links_amounts_to_their_plan_and_year_on_year_percentages():
    import csv
    import io

    from summarizer.render.indicators import to_csv

    b = briefing(achievements=[DraftItem(
        text="Thu ngân sách ước đạt 1.401,351 tỷ đồng, đạt 188% dự toán tỉnh giao, bằng 193% so với cùng kỳ.",
        sentences=[n("1.401,351")])])
    rows = list(csv.DictReader(io.StringIO(to_csv([b]))))
    amount = rows[0]
    assert (amount["figure"], amount["value"], amount["unit"], amount["qualifier"]) == ("1.401,351 tỷ đồng", "1401.351", "tỷ đồng", "ước đạt")
    assert (amount["pct_of_plan"], amount["pct_year_on_year"], amount["section"]) == ("188", "193", "achievements")
    # the item is its whole source clause, which also gives the district's plan (182%)
    assert [r["measures"] for r in rows] == ["amount", "plan", "plan", "year_on_year"]
    assert (amount["base_value"], amount["base_unit"]) == ("1401351000000", "đồng")


def test_indicators_csv_gives_two_writings_of_one_amount_the_same_base_value():
    import csv
    import io

    from summarizer.core.figures import find_figures
    from summarizer.core.schema import Item
    from summarizer.render.indicators import to_csv

    b = briefing()
    b.achievements = [Item(text=t, sentences=[1], cited=[1], evidence=[], figures=find_figures(t), status="grounded")
                      for t in ("Thu ngân sách đạt 1,2 nghìn tỷ đồng.", "Thu ngân sách đạt 1.200 tỷ đồng.",
                                "Vốn đầu tư khoảng 2.000 tỷ, tăng trưởng từ 5 - 7%.")]
    rows = list(csv.DictReader(io.StringIO(to_csv([b]))))
    assert [(r["figure"], r["value"], r["upper"], r["base_value"], r["base_upper"], r["base_unit"], r["implied_unit"])
            for r in rows] == [
        ("1,2 nghìn tỷ đồng", "1.2", "", "1200000000000", "", "đồng", ""),
        ("1.200 tỷ đồng", "1200", "", "1200000000000", "", "đồng", ""),
        ("2.000 tỷ", "2000", "", "2000000000000", "", "đồng", "đồng"),
        ("5 - 7%", "5", "7", "5", "7", "%", "")]


def test_precision_per_section_and_the_confusion_table_show_misfiling():
    b = briefing(
        achievements=[DraftItem(text="Thu ngân sách ước đạt 1.401,351 tỷ đồng.", sentences=[n("1.401,351")]),
                      DraftItem(text="Dự kiến đến cuối năm tất cả các chỉ tiêu đều hoàn thành.", sentences=[n("dự kiến đến cuối năm")])],
        shortfalls=[DraftItem(text="Tăng cường công tác phòng, chống lụt bão.", sentences=[n("lụt bão")])],
    )
    s = score(b, GOLD, DOC.text)
    # the storm task moved to tasks by its cue; the year-end forecast covers no gold achievement
    assert s.precision["achievements"] == (1, 2)
    assert s.confusion["achievements->achievements"] == 1 and s.confusion["none->achievements"] == 1
    assert s.confusion["achievements->missed"] == 11
    t = totals([s])
    assert t["achievements_precision"] == 0.5 and t["item_precision"] is not None
    text = table([s])
    assert "gold \\ filed" in text and "missed" in text


def test_a_period_written_two_ways_is_one_period_when_scored():
    from summarizer.eval.score import _period_key
    assert _period_key("tháng 6/2019") == _period_key("tháng 6 năm 2019")
    assert _period_key("quý I/2025") == _period_key("quý I năm 2025") != _period_key("quý II năm 2025")
    assert _period_key(None) is None and _period_key("năm 2024") != _period_key("năm 2025")
    assert _period_key("tháng 9-2025") == _period_key("tháng 9 năm 2025")
    assert _period_key("9 tháng năm 2024") == _period_key("9 tháng đầu năm 2024") != _period_key("6 tháng đầu năm 2024")
    assert _period_key("6 tháng cuối năm 2024") != _period_key("6 tháng năm 2024")
