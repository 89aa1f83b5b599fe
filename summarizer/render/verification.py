"""The verification line under every briefing (Markdown and HTML alike): what code checked and what
it could not. It counts every item filed by the model alone as one to check, so it never reports
"0 to check" over an item code did not confirm."""

from __future__ import annotations

from summarizer.core.schema import Flags

SECTION_TITLES = {"achievements": "Thành tích", "shortfalls": "Hạn chế", "tasks": "Nhiệm vụ"}


def verification_line(f: Flags) -> str:
    parts = [f"Kiểm chứng: {f.items_grounded} mục có dẫn chứng, {f.to_check} mục cần kiểm tra"]
    if f.items_review:
        parts.append(f"trong đó {f.items_review} ý chỉ mô hình đề xuất (mục Cần kiểm tra)")
    if f.sections_from_rules:
        names = ", ".join(SECTION_TITLES[s] for s in f.sections_from_rules)
        parts.append(f"mục {names} do máy lập theo quy tắc (câu trả lời của mô hình không dùng được)")
    for count, text in ((f.dropped, "mục bị loại (--strict)"), (f.items_realigned, "dẫn chứng do máy đối chiếu lại"),
                        (f.items_moved, "mục được chuyển mục"), (f.items_merged, "mục trùng được gộp"),
                        (f.items_added, "ý được máy bổ sung từ bài"),
                        (f.items_not_body, "mục bỏ vì dựa trên tiêu đề, chú thích ảnh hay tên tác giả"),
                        (f.people_left_out, "tên người bài không nêu bị bỏ (xem ghi chú)")):
        if count:
            parts.append(f"{count} {text}")
    return ", ".join(parts) + "."
