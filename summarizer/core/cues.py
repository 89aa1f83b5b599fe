"""Cue phrases that mark a sentence as an achievement, a shortfall or a task.

Deterministic and cheap. Used two ways: as hints in each section request (a small model lists far
more of the right sentences when told where to look), and as a baseline the model must beat
(`bench/cue_baseline.py`). Vietnamese reports are formulaic enough for this to be a useful floor.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from summarizer.core.document import Document

# The case-insensitive patterns are written in lowercase and matched against the lowercased
# sentence: the same matches as re.IGNORECASE for Vietnamese text, and 2–5× faster.
_SHORTFALL = re.compile(
    r"hạn chế|khó khăn|tồn tại|vướng mắc|bất cập|còn chậm|chậm được|đạt thấp|còn thấp|chưa đạt|chưa được|"
    r"chưa thật|chưa phát huy|chưa tạo|chưa đáp ứng|chưa chặt chẽ|chưa thường xuyên|chưa tốt|thiếu|tiềm ẩn|"
    r"thiệt hại|ô nhiễm|xuống cấp|nhỏ lẻ|mới đạt|dưới 50%|còn diễn ra|vẫn xảy ra|nguy cơ"
)
_TASK_START = re.compile(
    r"^(?:[-–•]\s*)?(Tập trung|Tăng cường|Đẩy mạnh|Đẩy nhanh|Tiếp tục|Triển khai|Chỉ đạo|Thực hiện|Chú trọng|"
    r"Quan tâm|Phát huy|Huy động|Chuẩn bị|Chủ động|Thường xuyên|Tổ chức|Kiểm tra|Quyết liệt|Nâng cao|Đề nghị|"
    r"Bố trí|Rà soát|Khẩn trương|Đôn đốc|Xây dựng|Hoàn thành|Phấn đấu|Kiên quyết|Làm tốt|Giải quyết|Ưu tiên)\b"
)
_TASK_LEAD = re.compile(r"nhiệm vụ|giải pháp|phương hướng|kiến nghị|yêu cầu|đề ra|đặt ra|cần\b")
_ACHIEVEMENT = re.compile(
    r"\bđạt\b|vượt|\btăng\b|bảo đảm|đảm bảo|giữ vững|ổn định|tích cực|hoàn thành|kết nạp|được củng cố|"
    r"nâng lên|tiến bộ|chuyển dịch|phát triển|được quan tâm|thực hiện tốt|phê duyệt"
)
# case-sensitive
_NOT_CONTENT = re.compile(r"^(Toàn cảnh|Quang cảnh|Các đại biểu|Đại biểu|Ảnh)\b|phát biểu|thông qua báo cáo")
_TASK_LIST_LEAD = re.compile(r"(nhiệm vụ|giải pháp)[^.:]*(như|sau)\s*:")
_SHORTFALL_LIST_LEAD = re.compile(r"(hạn chế|khó khăn|đạt thấp|tồn tại)[^.:]*(như|là|đó là)\s*:")
_ASSESSED = re.compile(r"\d|được|tốt|tích cực|ổn định|giữ vững")


def classify(doc: Document) -> Mapping[int, str]:
    """Sentence number → "achievements" | "shortfalls" | "tasks" for sentences with a clear cue.

    A lead sentence ("… nhiệm vụ trọng tâm … như:", "… khó khăn, hạn chế như:") colours the rest of
    its paragraph; a new paragraph that starts with a task verb continues a task run.
    Computed once per report: asked for the prompt hints and again when sections are reconciled."""
    if "cue_labels" not in doc.derived:
        doc.derived["cue_labels"] = MappingProxyType(_classify(doc))  # shared: read-only
    return doc.derived["cue_labels"]


def _classify(doc: Document) -> dict[int, str]:
    labels: dict[int, str] = {}
    mode: str | None = None
    previous_end = -1
    for s in doc.sentences:
        new_paragraph = "\n" in doc.text[previous_end:s.start] if previous_end >= 0 else True
        previous_end = s.end
        text = s.text
        lower = text.lower()
        if new_paragraph and mode == "shortfalls":
            mode = None
        if new_paragraph and mode == "tasks" and not _TASK_START.match(text):
            mode = None
        if _NOT_CONTENT.search(text) and len(text) < 160:
            continue
        colon = ":" in text  # every lead sentence has one: the cheap test first
        lead_task = colon and (text.rstrip().endswith(":") and _TASK_LEAD.search(lower) or _TASK_LIST_LEAD.search(text))
        lead_short = colon and _SHORTFALL_LIST_LEAD.search(text)
        if lead_short:
            mode = "shortfalls"
            labels[s.number] = "shortfalls"
            continue
        if lead_task:
            mode = "tasks"
            labels[s.number] = "tasks"
            continue
        if _TASK_START.match(text) and not _SHORTFALL.search(lower[:40]):
            labels[s.number] = "tasks"
            mode = "tasks" if mode == "tasks" else mode
            continue
        if mode in ("tasks", "shortfalls"):
            labels[s.number] = mode
            continue
        if _SHORTFALL.search(lower):
            labels[s.number] = "shortfalls"
        elif _ACHIEVEMENT.search(lower) and _ASSESSED.search(text):
            labels[s.number] = "achievements"
    return labels


def by_section(doc: Document) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {"achievements": [], "shortfalls": [], "tasks": []}
    for number, label in sorted(classify(doc).items()):
        out[label].append(number)
    return out
