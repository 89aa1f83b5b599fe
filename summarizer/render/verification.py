"""The verification line under every briefing (Markdown and HTML alike): what code checked and what
it could not. It counts every item filed by the model alone as one to check, so it never reports
"0 to check" over an item code did not confirm."""

from __future__ import annotations

import re

from summarizer.core.schema import Flags

SECTION_TITLES = {"achievements": "Thành tích", "shortfalls": "Hạn chế", "tasks": "Nhiệm vụ"}
# The mark of an item the rules added (found_by "rules"): the source's own clause, which the model did not give.
RULES_MARK = "nguyên văn câu nguồn, chương trình tự thêm"
_NAMES = {"kết quả": "Thành tích", "hạn chế": "Hạn chế", "nhiệm vụ": "Nhiệm vụ", "không thuộc mục nào": "không thuộc mục nào",
          "achievements": "Thành tích", "shortfalls": "Hạn chế", "tasks": "Nhiệm vụ"}


def shown(text: str) -> str:
    """An item's text as a briefing shows it: the first letter capitalised, since a clause cut at ";" or
    after a lead starts in lower case ("tập trung tháo gỡ …"), also after a list mark, a quote or a bracket
    ("+ Đẩy mạnh …", "“Tập trung” …"). The JSON keeps the source's exact span."""
    m = re.match(r"[\s\-–•+*“\"'(\[]*(?:[a-zđ1-9][.)]\s+)?([^\W\d_])", text)
    return text[:m.start(1)] + m.group(1).upper() + text[m.end(1):] if m else text


# What code found wrong with an item, a person or the header, said in Vietnamese for the editor. The JSON keeps
# the English notes (stable for programs that read them); each pattern here is one message code writes.
_IN_VIETNAMESE = [
    (r"evidence realigned: the model cited (.*), the text rests on (.*)", r"dẫn chứng được đối chiếu lại: mô hình dẫn câu \1, nội dung nằm ở câu \2"),
    (r"evidence narrowed: the model cited (.*), the text rests on (.*)", r"dẫn chứng được thu hẹp: mô hình dẫn câu \1, nội dung chỉ nằm ở câu \2"),
    (r"numbers not in the source: (.*)", r"số liệu không có trong bài: \1"),
    (r"the text matches no sentence of the source", "nội dung không khớp câu nào của bài"),
    (r"numbers found only elsewhere in the source: (.*)", r"số liệu chỉ có ở chỗ khác trong bài: \1"),
    (r"the evidence does not say: (.*)", r"câu dẫn chứng không nói: \1"),
    (r"claim words not in the evidence: (.*)", r"câu dẫn chứng không có các từ: \1"),
    (r"the cited sentences do not say this", "các câu được dẫn không nói điều này"),
    (r"moved from (\w+): the source reads as (.+)", lambda m: f"chuyển từ mục {_NAMES[m[1]]}: câu nguồn thuộc mục {_NAMES[m[2]]}"),
    (r"only the model files this under (.+?); code reads: (.+)",
     lambda m: f"chỉ mô hình xếp vào mục {_NAMES[m[1]]}; theo chương trình, câu nguồn "
               + ("không thuộc mục nào" if m[2] == "không thuộc mục nào" else f"thuộc mục {_NAMES[m[2]]}")),
    (r"titles not in the source: (.*)", r"chức danh không có trong bài: \1"),
    (r"titles the source gives elsewhere, not beside the name: (.*)", r"chức danh bài viết ghi cho người khác, không ghi bên tên này: \1"),
    (r"name not in the source", "tên không có trong bài"),
    (r"not a personal name", "không phải tên người"),
    (r"a place: the report writes (.*)", r"là địa danh: bài viết \1"),
    (r"the model named (.*) as a person: (.*); left out",
     lambda m: f"mô hình nêu {m[1]} là người: {'; '.join(in_vietnamese(x) for x in m[2].split('; '))}; đã bỏ"),
    (r"the model's period (.*) names no period under review \(a term or a date is not one\); using (.*)",
     r"mô hình nêu kỳ báo cáo \1, không phải một kỳ báo cáo (nhiệm kỳ hay ngày tháng không tính); dùng \2"),
    (r"the model's (locality|period) (.*) is not in the source; using (.*)",
     lambda m: f"mô hình nêu {_FIELDS[m[1]]} {m[2]}, bài không có; dùng {m[3]}"),
    (r"the model's (locality|period) (.*) differs from the source's reading (.*); kept (.*)",
     lambda m: f"mô hình nêu {_FIELDS[m[1]]} {m[2]}, bài đọc là {m[3]}; giữ {m[4]}"),
    (r"left out of the prompt as instructions to the model: (.*)", r"không đưa vào câu hỏi cho mô hình vì giống lệnh: \1"),
]
_FIELDS = {"locality": "địa phương", "period": "kỳ báo cáo"}
_COMPILED = [(re.compile(p, re.S), r) for p, r in _IN_VIETNAMESE]


def moved_note(item) -> str | None:
    """Where a cue of the source moved an item from ("chuyển từ mục Nhiệm vụ: câu nguồn thuộc mục Thành
    tích"), or None when it was not moved."""
    if item.placement != "cue":
        return None
    return next((in_vietnamese(p) for p in item.problems if p.startswith("moved from ")), None)


def in_vietnamese(message: str) -> str:
    """A problem or note code wrote (English in the JSON), in Vietnamese; several joined by "; " each
    translated. A message with no translation is shown as written."""
    for pattern, repl in _COMPILED:
        if m := pattern.fullmatch(message):
            return repl(m) if callable(repl) else m.expand(repl)
    return message


def verification_line(f: Flags) -> str:
    parts = [f"Kiểm chứng: {f.items_grounded} mục có dẫn chứng, {f.to_check} mục cần kiểm tra"]
    if f.items_review:
        parts.append(f"trong đó {f.items_review} ý chỉ mô hình đề xuất (mục Cần kiểm tra)")
    if f.sections_from_rules:
        names = ", ".join(SECTION_TITLES[s] for s in f.sections_from_rules)
        parts.append(f"mục {names} do chương trình lập theo quy tắc (câu trả lời của mô hình không dùng được)")
    for count, text in ((f.dropped, "mục bị loại (--strict)"), (f.items_realigned, "dẫn chứng do chương trình đối chiếu lại"),
                        (f.items_moved, "mục được chuyển mục"), (f.items_merged, "mục trùng được gộp"),
                        (f.items_added, "ý chương trình tự thêm nguyên văn từ bài (mô hình không nêu)"),
                        (f.items_not_body, "mục bỏ vì dựa trên tiêu đề, chú thích ảnh hay tên tác giả"),
                        (f.people_left_out, "tên người bài không nêu bị bỏ (xem ghi chú)")):
        if count:
            parts.append(f"{count} {text}")
    return ", ".join(parts) + "."
