"""Section scope: each clause of the report's body gets the section it belongs to, and how sure code is.

A clause is a sentence, or a part of one cut at ";", at the colon after a lead ("… nhiệm vụ trọng
tâm như: …"), or before a turn ("…, tuy nhiên …", "…, song …"). Clauses are labelled in reading order:

- A **heading** governs what follows it until the next heading of its level ("II. HẠN CHẾ" → shortfalls;
  "Phương hướng, nhiệm vụ năm 2025" → tasks); a numbered sub-heading ("1. Về kinh tế") keeps its parent's.
- A **lead** (a clause ending in a colon that names a section: "những hạn chế như:", "nhiệm vụ trọng tâm
  6 tháng cuối năm:", "mục tiêu chính:") governs every clause after it in its sentence and the rest of
  its paragraph, and list lines right after it.
- A **speaker frame** ("Bí thư … yêu cầu …", "đề nghị …", "nhấn mạnh …", "Kết luận hội nghị, …") marks
  what the official asks for as tasks.
- The **coming period** ("năm tới", "6 tháng cuối năm", "thời gian tới", the year after the one under
  review, "phấn đấu", "mục tiêu") is tasks, never the reported period's achievements.
- Otherwise cue words decide: a task verb opening the clause ("Tập trung", "Tăng cường", …), shortfall
  words ("hạn chế", "còn chậm", "chưa", "đạt thấp", "thiếu", "xuống cấp", …), "cần"/"phải" before what to
  do, result words with a figure ("đạt 54% kế hoạch"). Words that name no shortfall are read past: the
  setting ("trong bối cảnh … khó khăn, thách thức đan xen"), a concession before results ("mặc dù … nhưng
  … đã …"), a difficulty overcome or prevented ("không để xảy ra cháy rừng"). A clause that only says
  there are shortfalls ("Tuy nhiên, … còn một số khó khăn.") is no item: it leads the ones it announces.
  A report that states ("Báo cáo … nêu rõ: …") is no item either; what it states is judged on its own.

`strong` says a structural cue (heading, lead, speaker, coming period, task verb, explicit shortfall
word, a result with a figure) decided; a weak label is a guess from general wording. Sources of the
conventions: the standard layout of Vietnamese Party and People's Council reports (Quy định 66-QĐ/TW on
Party documents: "kết quả đạt được", "hạn chế, nguyên nhân", "phương hướng, nhiệm vụ") and how the
provincial press retells them; every rule was measured on the `tune` half of corpus/.
"""

from __future__ import annotations

import re
import threading
import weakref
from collections import Counter
from dataclasses import dataclass

from summarizer.core.document import Document
from summarizer.core.figures import parse_number
from summarizer.core.text import plain
from summarizer.structure.roles import table_cells

ACHIEVEMENTS, SHORTFALLS, TASKS = "achievements", "shortfalls", "tasks"


@dataclass(frozen=True)
class Clause:
    sentence: int  # the sentence's number
    start: int  # span in Document.text
    end: int
    text: str
    section: str | None  # achievements | shortfalls | tasks | None (not an item)
    strong: bool  # decided by a structural cue, not by general wording
    why: str  # the cue that decided, for the editor and for debugging rules


# --- the cues (matched against the lowercased clause unless said otherwise) -------------------------

_TASK_VERBS = (
    "tập trung|tăng cường|đẩy mạnh|đẩy nhanh|tiếp tục|triển khai|chỉ đạo|thực hiện|chú trọng|quan tâm|"
    "phát huy|huy động|chuẩn bị|chủ động|thường xuyên|tổ chức|kiểm tra|quyết liệt|nâng cao|đề nghị(?! khen thưởng)|bố trí|"
    "rà soát|khẩn trương|đôn đốc|xây dựng|hoàn thành|phấn đấu|kiên quyết|làm tốt|giải quyết|ưu tiên|cần(?! thơ| giờ| đước| giuộc)|"
    "phải|sớm|nghiên cứu|kịp thời|tích cực|duy trì|đổi mới|hoàn thiện|tranh thủ|thu hút|khai thác|"
    "đẩy mạnh|tuyên truyền|vận động|siết chặt|xử lý|ngăn chặn|phòng ngừa|chăm lo|củng cố|sắp xếp|"
    "kiện toàn|tháo gỡ|lãnh đạo|quản lý tốt|bảo đảm|đảm bảo|theo dõi|giám sát|phối hợp|tiến hành|"
    "cải thiện|nâng|mở rộng|hỗ trợ|tạo điều kiện|đặc biệt quan tâm|không để|khắc phục|di dời|sơ tán|tìm kiếm|cứu hộ"
)
_TASK_START = re.compile(rf"^(?!lãnh đạo (?:xã|phường|huyện|tỉnh|thành phố|đặc khu|ubnd|sở|các|địa phương)\b)(?:[-–•+*]\s*|\d{{1,2}}[.)]\s*|[a-zđ][.)]\s*)?(?:đồng thời,?\s*|và\s+|cùng với đó,?\s*(?:là\s+)?|trong đó,?\s*|cụ thể,?\s*)?(?:{_TASK_VERBS})\b")
# weak-task openers: also open achievements ("Bảo đảm an sinh xã hội" can be either)
_WEAK_TASK_START = re.compile(r"^(?:[-–•+*]\s*)?(?:bảo đảm|đảm bảo|duy trì|lãnh đạo|thực hiện|tổ chức|triển khai|xây dựng|hoàn thành)\b")
_SPEAKER = re.compile(
    r"(?<!đáp ứng )(?<!theo )(?<!đúng )(?<!với )(?<!các )(?<!những )(?<!được )(?<!của )(?<!quan tâm )(?<!tập trung )"
    r"\b(?:yêu cầu(?! vận hành)(?! ngày càng)(?! cao)(?! phát triển)(?! thực tiễn)(?! nhiệm vụ)|đề nghị(?! khen thưởng)|nhấn mạnh|lưu ý|giao nhiệm vụ|giao cho|chỉ đạo các|chỉ đạo cần|đề xuất|kiến nghị|"
    r"mong muốn|đề ra nhiệm vụ|chỉ đạo (?:đặc khu|xã|phường|huyện|tỉnh|ubnd|ngành|địa phương|cấp ủy|các cấp)|(?<!bàn )giao (?:ubnd|sở|ban|các|cơ quan|đơn vị|huyện|xã|phường|tỉnh|thành phố|đặc khu))\b(?! đề ra)(?! đặt ra)(?! của)(?! nhiệm vụ được giao)"
)
# "nhấn mạnh, năm 2024 huyện đã đạt được nhiều kết quả": a speaker who stresses a fact asks for nothing
_STATES_A_FACT = re.compile(r"(?:nhấn mạnh|lưu ý)\b(?![^;]*?(?:\bcần\b|\bphải\b|tiếp tục|tập trung|tăng cường|đẩy mạnh|"
                            r"\bsớm\b|khẩn trương|yêu cầu|đề nghị|quan tâm|chú trọng|nâng cao|thời gian tới|năm tới|quyết tâm|nhiệm vụ|giải pháp))"
                            r"[^;]*?(?:\bđã\b|đạt được|\blà\b)")
# "Các ngành, địa phương quan tâm …", "Các chi, đảng bộ tập trung …": who must act, then the task
# ("Các chính sách an sinh xã hội được quan tâm thực hiện tốt", "… tiếp tục được hoàn thiện": done to them, not asked)
_SUBJECT_TASK = re.compile(r"^(?:các|cấp|ngành|mỗi|từng|đề nghị các)\b(?:(?!\bđược\b)[^.;:]){0,50}?\b(?:quan tâm|tập trung|chủ động|tăng cường|"
                           r"đẩy mạnh|tiếp tục|triển khai|rà soát|khẩn trương|nâng cao|phối hợp|chuẩn bị|thực hiện tốt)\b(?! được)")
# "Ngành công nghiệp … tiếp tục phát triển.": a sector that goes on growing, with nothing asked of anyone
_GOES_ON_WELL = re.compile(r"tiếp tục (?:phát triển|ổn định|tăng trưởng|khởi sắc|chuyển biến tích cực|tăng)\W*$")
# a session adopting its resolutions ("biểu quyết thông qua 10 Nghị quyết về …"), and the ones every session
# adopts, which set nothing in particular: the yearly plan and budget, land use, supervision, elections
_ADOPTED = re.compile(r"thông qua (?:\d+|các|những) (?:tờ trình,? |báo cáo,? )*(?:nghị quyết|tờ trình)")
_ROUTINE_RESOLUTION = re.compile(
    r"^(?:quan trọng|có ý nghĩa|thuộc thẩm quyền|theo thẩm quyền)|kế hoạch (?:phát triển kinh tế|sử dụng đất|đầu tư công)|nhiệm vụ (?:trọng tâm )?(?:phát triển )?kinh tế|"
    r"dự toán|phân bổ|quyết toán|chương trình (?:hoạt động|giám sát)|lịch (?:họp|tiếp)|thành lập đoàn|\bbầu\b|miễn nhiệm|bảng giá|"
    r"kỳ họp thường lệ|tổ đại biểu|^nhiệm vụ (?:năm|\d+ tháng)")
# a clause that opens with what to do, no subject before it ("giải ngân vốn đầu tư công", "giữ vững ổn định chính trị")
_VERB_FIRST = re.compile(rf"^(?:[-–•+*]\s*)?(?:giải ngân|phát triển|giữ vững|{_TASK_VERBS})\b")
# a clause that details the one before it ("…; trong đó, …") belongs where that one does
_DETAIL = re.compile(r"^(?:trong đó|cụ thể(?! hóa| hoá)|bao gồm|gồm|nhất là|đặc biệt là|trọng tâm là)\b")
# a paragraph that goes on with the list of the paragraph before ("Trong đó, …", "Đồng thời, …")
_GOES_ON = re.compile(r"^(?:trong đó|đồng thời|bên cạnh đó|ngoài ra|cùng với đó|mặt khác)\b")
# who speaks: an official or a body, named before the speaker's verb
_SPEAKER_SUBJECT = re.compile(r"(?:Bí thư|Chủ tịch|Trưởng|Giám đốc|[Đđ]ồng chí|[Ôô]ng |[Bb]à |Thủ tướng|Bộ trưởng|"
                              r"[Ll]ãnh đạo|Thường trực|Ban Thường vụ|[Kk]ết luận)[^;]{0,160}?(?:yêu cầu|đề nghị|nhấn mạnh|"
                              r"lưu ý|chỉ đạo|giao)")
_COMING = re.compile(
    r"đặt (?:ra )?mục tiêu|quyết tâm (?:đạt|hoàn thành|phấn đấu)|(?:những|các|\d+) tháng còn lại|thời gian còn lại|"
    r"xác định (?:quyết tâm|rõ nhiệm vụ|nhiệm vụ|mục tiêu|phương hướng)|năm tới|thời gian tới|những tháng cuối năm|\d+ tháng cuối năm|tháng cuối năm|quý iv|từ nay đến cuối năm|"
    r"(?<!sự )(?<!nỗ lực )(?<!đạt )(?<!mục tiêu )phấn đấu(?! nỗ lực)|nhiệm kỳ tới|giai đoạn tới|sắp tới|với mục tiêu|"
    r"(?<!đạt )(?<!vượt )(?<!đạt các )(?<!vượt các )(?<!hoàn thành )(?<!hoàn thành các )mục tiêu (?:là|đến|đưa|đề ra|phấn đấu)"
)
# what a disaster or an epidemic did ("gây sạt lở bờ sông", "5.970 ngôi nhà bị ngập", "3 người thiệt mạng", "165
# trường hợp sốt xuất huyết"): a loss the report names
_DAMAGE = (r"sạt lở|hư hỏng|ngập lụt|bị ngập|ngập úng|ngập sâu|thiệt mạng|người chết|bị chết|tử vong|mất tích|cuốn trôi|"
           r"vỡ (?:hồ|đê)|tốc mái|bị cô lập|mất trắng|vùi lấp|tiêu hủy \d|(?:bị|gây) thiệt hại|"
           r"thiệt hại (?:khoảng |ước(?: tính)? |hơn |trên )?\d|"
           r"\d[\d.,]* (?:ca|trường hợp)(?: bệnh)? (?:mắc|sốt|nhiễm|bệnh)")
# "tình trạng vi phạm hành lang an toàn giao thông", "tình trạng khai thác cát trái phép": a wrong that goes on
# (strong only: in the weak list it takes requests to stop them, "ngăn chặn tình trạng …", from tasks lists)
_BAD_STATE = r"tình trạng\b[^;]{0,40}?(?:vi phạm|ô nhiễm|trái phép|lấn chiếm|ùn tắc|tai nạn)"
# what is still low or hard, a measure that only reached so much, a bad measure rising ("thu nhập của người dân vẫn
# thấp", "số doanh nghiệp ngừng hoạt động còn lớn", "doanh nghiệp vẫn khó tiếp cận được nguồn vốn", "quận chỉ thu được
# 31% dự toán", "tỷ lệ nợ xấu có xu hướng tăng", "tai nạn giao thông có chiều hướng gia tăng")
_STILL_BAD = (r"vẫn thấp|còn lớn|tái nghèo|mất việc làm|khó tiếp cận|vẫn khó|chỉ (?:thu )?được|chỉ tăng|tăng chậm|tăng trưởng chậm|"
              r"mới (?:giải ngân|thu|thực hiện|hoàn thành)(?: được)?\b|"
              r"(?:nợ xấu|tai nạn|tội phạm|ma túy|tệ nạn|vi phạm|ô nhiễm|thất nghiệp)[^;]{0,40}?"
              r"(?:gia tăng|có (?:chiều|xu) hướng (?:gia )?tăng)")
# only so much was done: "chỉ thu hút được 102.014 lượt khách" ("chỉ đạo", "chỉ tiêu" … are other words)
_ONLY_SO_MUCH = r"\bchỉ (?!đạo|tiêu|số|thị|huy|ra\b|rõ|định|dẫn|trích|đường|riêng|cần|có thể)(?:\w+ ){1,2}được \d"
_SHORTFALL = re.compile(
    r"hạn chế|khó khăn|tồn tại|vướng mắc|bất cập|còn chậm|chậm được|chậm tiến độ|chậm triển khai|đạt thấp|còn thấp|"
    r"\bchưa\b|thiếu|tiềm ẩn|thiệt hại|ô nhiễm|xuống cấp|nhỏ lẻ|manh mún|(?<!viên )(?<!trồng )(?<!làm )(?<!thôn )(?<!xây )(?<!lập )(?<!nghiệp )mới đạt|chỉ đạt|dưới 50%|còn diễn ra|vẫn xảy ra|"
    r"vẫn còn|còn nhiều|còn xảy ra|còn một số|còn hạn|yếu kém|lúng túng|gặp khó|phức tạp|nguy cơ|giảm so với|"
    r"không đạt|không hoàn thành|thấp hơn|sụt giảm|thất thu|nợ đọng|tụt|chững lại|hụt|sai phạm|vi phạm|"
    + _ONLY_SO_MUCH + "|"
    r"khiếu kiện|tai nạn|cháy|dịch bệnh (?:bùng phát|xảy ra)|chậm trễ|kém hiệu quả|còn yếu|còn cao|\bchậm\b|"
    r"tác động (?:lớn|nặng nề|mạnh)|(?<!không )xảy ra \d+ vụ|(?:tỷ lệ|tiến độ|giải ngân)[^;]{0,60}?\bthấp\b(?! hơn)|xuống thấp|"
    + _DAMAGE + "|"
    r"quá tải|lỏng lẻo|tạm bợ|tác động tiêu cực|ảnh hưởng (?:nặng nề|lớn|không nhỏ)|bùng phát|" + _STILL_BAD
)
# shortfall words that name no shortfall: the setting ("trong bối cảnh thuận lợi, khó khăn, thách thức đan
# xen", "phải ứng phó với nhiều khó khăn"; not "trong bối cảnh còn nhiều khó khăn do thiên tai", which names them), one overcome ("vượt qua khó khăn"), one prevented ("không để xảy
# ra cháy rừng"), offences dealt with ("xử lý cán bộ, đảng viên vi phạm"), a topic ("Liên quan đến những
# vướng mắc, … đề nghị …")
_NOT_A_SHORTFALL = re.compile(
    r"(?:trong|trước) (?:bối cảnh|điều kiện|tình hình|hoàn cảnh)(?! còn)(?:(?!còn)[^;]){0,60}?(?:khó khăn|thách thức)"
    r"(?:,? (?:đan xen|thách thức))*(?!,? (?:do|như|về|từ)\b)|"
    r"(?:ứng phó|đối mặt) với (?:nhiều |không ít )?(?:khó khăn|thách thức)(?:,? thách thức)?|"
    r"(?:vượt qua|khắc phục được)(?: \w+){0,2} (?:khó khăn|thách thức)|"
    r"không (?:để )?(?:xảy ra|phát sinh)(?: \w+){0,4}|"
    r"xử lý(?: kỷ luật)?[^;]{0,40}?vi phạm|"
    r"(?:mặc dù|mặt dù|tuy)\b[^;]{0,120}?,? (?:nhưng|song)\b(?=[^;]*\b(?:đã|vẫn|đạt|với sự)\b)|"  # "mặc dù … khó khăn … nhưng … đã đạt được …"
    r"\bđã\b[^;]{0,80}?khắc phục(?: \w+){0,2} (?:khó khăn|hạn chế)|"
    r"(?:sửa chữa|khắc phục),? (?:sửa chữa,? |khắc phục,? )?(?:những |các )?(?:khuyết điểm|hạn chế|yếu kém)[\w ]{0,12}|"  # a remedy, not the fault
    r"(?:chống|phòng,? chống|thu hồi|ngăn chặn|ngăn ngừa|khắc phục)\s+(?:\w+\s+)?(?:thất thu|nợ đọng|vi phạm|ô nhiễm|tai nạn|cháy|"
    r"ngập úng|ngập lụt|sạt lở|hư hỏng)|không có (?:người )?(?:chết|thiệt mạng|mất tích)|"
    r"(?:khắc phục|hỗ trợ|cứu hộ|cứu trợ|cứu|di dời|sơ tán|thăm hỏi|tìm kiếm)[^;]{0,60}?(?:sạt lở|hư hỏng|ngập lụt|bị ngập|ngập úng|"
    r"cuốn trôi|thiệt hại|mất tích|tốc mái|bị cô lập|vùi lấp)|"
    r"(?:liên quan đến|đối với|trước|để (?:giải quyết|tháo gỡ|khắc phục)) (?:những |các |một số )?(?:khó khăn|vướng mắc|hạn chế|tồn tại)|"
    r"chia sẻ (?:với )?(?:những |các )?khó khăn|"  # sympathy, not a fault named
    r"(?:tiềm năng|dư địa|cơ hội|triển vọng)[^;.]{0,50}?còn (?:lớn|nhiều)|"  # room to grow, not a fault
    r"(?:phân tích|chỉ ra|nêu) (?:rõ )?(?:những |các )?(?:tồn tại|hạn chế|khó khăn)(?:,? (?:tồn tại|hạn chế|khó khăn|yếu kém))*"
    r"(?: cần (?:sớm )?khắc phục)?"  # "sau khi phân tích những tồn tại, hạn chế cần sớm khắc phục, Chủ tịch … yêu cầu …"
)
_SHORTFALL_STRONG = re.compile(
    r"hạn chế|khó khăn|tồn tại|vướng mắc|bất cập|còn chậm|chậm được|chậm tiến độ|đạt thấp|còn thấp|\bchưa\b|"
    r"(?<!viên )(?<!trồng )(?<!làm )(?<!thôn )(?<!xây )(?<!lập )(?<!nghiệp )mới đạt|chỉ đạt|không đạt|không hoàn thành|yếu kém|lúng túng|vẫn còn|còn nhiều|còn một số|tuy nhiên|tuy vậy|song,? |nhưng|"
    + _ONLY_SO_MUCH + "|"
    r"gặp khó|còn gặp|(?<!không thể )\bthiếu\b(?! sót)|xuống cấp|quá tải|diễn biến phức tạp|tác động tiêu cực|"
    r"ảnh hưởng (?:nặng nề|lớn|không nhỏ)|bùng phát|chậm so với|tác động (?:lớn|nặng nề|mạnh)|(?<!không )xảy ra \d+ vụ|"
    r"(?:tỷ lệ|tiến độ|giải ngân)[^;]{0,60}?\bthấp\b(?! hơn)|xuống thấp|"
    r"\b(?:còn|vẫn)\s+(?:\w+\s+)?(?:lỏng lẻo|tạm bợ|nhỏ lẻ|manh mún|tiềm ẩn|ô nhiễm|phức tạp|sai phạm|nợ đọng|kém hiệu quả)|"
    + _BAD_STATE + "|" + _DAMAGE + "|" + _STILL_BAD
)
# a measure that fell against last year ("thu ngân sách … giảm hơn 31% so với năm trước"): a shortfall, unless
# what fell is itself bad (accidents, poor households, offences …)
_DECLINE = re.compile(r"giảm(?: mạnh| sâu| nhẹ| hơn| gần| khoảng| trên)*(?: \d+(?:[.,]\d+)*\s*(?:%|tỷ đồng|triệu đồng|tỷ|triệu|"
                      r"lượt|tấn|ha))? so với (?:cùng kỳ|năm trước|kỳ trước|năm \d{4})|"
                      r"(?<=^)so với (?:cùng kỳ|năm trước|kỳ trước|năm \d{4}),[^;]{0,80}?\bgiảm\b")
_BAD_MEASURE = re.compile(r"tai nạn|\bvụ\b|hộ nghèo|nghèo|tội phạm|vi phạm|cháy|ô nhiễm|số ca|thiệt hại|\bnợ\b|sinh con|"
                          r"suy dinh dưỡng|tử vong|chết|bị thương|chi phí|thất nghiệp|khiếu nại|tố cáo|ma túy|đơn thư")
# a measure set against last year's level ("bằng 85% so với cùng kỳ"), and a bad measure rising ("số ca mắc … tăng")
# ("đạt 1,39% so với cùng kỳ" is a growth rate as often as a level: only "bằng" says the level)
_LEVEL = re.compile(r"\b(?:chỉ |mới )?bằng\s+(\d[\d.,]*)\s*%\s*so (?:với )?(?:cùng kỳ|năm trước|kỳ trước)")
_BAD_RISING = re.compile(r"^(?:[^;]{0,30}?\b)?(?:số (?:ca|vụ|người)(?: mắc| bị| chết| tử vong)?|tỷ lệ hộ (?:cận )?nghèo|hộ (?:cận )?nghèo|"
                         r"tai nạn|tội phạm|vi phạm|ô nhiễm|dịch bệnh|thất nghiệp|nợ xấu|nợ đọng)\b[^;]{0,50}?\btăng\b(?! cường| trưởng)")
_ACHIEVEMENT = re.compile(
    r"\bđạt\b|vượt|\btăng\b|bảo đảm|đảm bảo|giữ vững|ổn định|tích cực|hoàn thành|kết nạp|được củng cố|nâng lên|"
    r"tiến bộ|chuyển dịch|phát triển|được quan tâm|thực hiện tốt|phê duyệt|được tăng cường|chuyển biến|"
    r"hiệu quả|nâng cao|khởi sắc|thành công|giảm còn|giảm xuống|giảm \d|được đầu tư|được triển khai|"
    r"được thực hiện|được duy trì|được chú trọng|được đẩy mạnh|được nâng|được giữ|được bảo đảm|được đảm bảo|được cải thiện|"
    r"cấp|trao|hỗ trợ|xây dựng được|thu hút|giải ngân|thu ngân sách|sản lượng|tổng giá trị|bình quân|"
    r"tổ chức thành công|đi vào hoạt động|không có người (?:chết|thiệt mạng)|không (?:để )?xảy ra|"
    r"(?:hộ nghèo|tỷ lệ nghèo|tai nạn|tội phạm|vi phạm)[^;]{0,30}?giảm (?:mạnh|sâu|rõ rệt|đáng kể)|(?:hộ nghèo|tỷ lệ nghèo)[^;]{0,30}còn\s+[\d,]+\s*%|đáp ứng (?:được )?yêu cầu|có (?:nhiều )?đổi mới|nghiêm túc|thông suốt|nền nếp|nề nếp|kịp thời|đúng quy định|thiết thực|khả quan|"
    r"được (?:[\w,]+ ){0,3}(?:quan tâm|chỉ đạo|triển khai|thực hiện|lãnh đạo|xử lý|giải quyết|hoàn thiện|nâng cấp)"  # "được quyết liệt chỉ đạo", "được tập trung lãnh, chỉ đạo"
)
_FIGURE = re.compile(r"\d")
# a count of something done (not a date, nor a meeting's number)
_COUNTED = re.compile(r"\d[\d.,]*\s*(?:%|tỷ|triệu|nghìn|ngàn|người|hộ|lượt|liều|ca\b|trường hợp|tấn|ha\b|km|công trình|dự án|"
                      r"doanh nghiệp|sản phẩm|giường|căn|ngôi nhà|nhà\b|học sinh|lao động|đảng viên|tổ chức|chi bộ|mô hình)")
# a figure reached ("đạt 78% kế hoạch", "vượt 0,32%"), which a task opener does not make a task unless
# a target speaks ("phấn đấu đạt", "chỉ tiêu … đạt", "dự kiến đạt")
_ACHIEVED = re.compile(r"\b(?:đạt|vượt|bằng)\b[^;]{0,60}?\d|hoàn thành\s+\d+/\d+|\bđạt (?:được )?(?:nhiều )?kết quả (?:tích cực|quan trọng|khả quan|tốt)")  # "hoàn thành 19/19 tiêu chí"
_TARGET = re.compile(r"phấn đấu|mục tiêu(?! quốc gia)|chỉ tiêu|dự kiến|kế hoạch đề ra là|đến năm|đến cuối|trở lên|\bcần\b|\bphải\b|\bsẽ\b")
# "để … đạt": what an action is for, a target and not a result
_PURPOSE = re.compile(r"\b(?:để|nhằm|nhằm mục tiêu|bảo đảm|đảm bảo)\b[^;]{0,60}?\b(?:đạt|vượt|hoàn thành)\b")
_RESULT_WITH_FIGURE = re.compile(r"(?<!\w)(?:đạt|vượt|tăng|giảm|bằng|ước|thu|giải ngân|trồng|xây dựng|kết nạp|có|ban hành)\b[^;]{0,80}\d")

# Leads and headings: which section the words before a colon (or a heading) name.
_LEAD_SHORTFALL = re.compile(r"hạn chế|khó khăn|tồn tại|yếu kém|vướng mắc|bất cập|đạt thấp|chưa đạt|nguyên nhân")
_LEAD_TASK = re.compile(r"(?<!thực hiện )(?<!hoàn thành )(?<!kết quả )nhiệm vụ(?! chính trị)|giải pháp|phương hướng|"
                        r"mục tiêu(?! quốc gia)|kiến nghị|đề xuất|yêu cầu|đề nghị|chỉ tiêu (?:(?:cho |của )?năm|chủ yếu|chính)|"
                        r"năm tới|thời gian tới|cuối năm|trọng tâm|định hướng|phấn đấu|nhấn mạnh|lưu ý|\bcần\b|chỉ đạo\s*$")
# the matters voters raise ("… thảo luận, làm rõ một số vấn đề cử tri và người dân quan tâm như: …"): worded as what to
# do, or as what is wrong
_VOTERS_RAISE = re.compile(r"(?:vấn đề[^:;]{0,50}quan tâm|(?:về|đến) (?:các|những) vấn đề)(?: như)?\s*$")
_REMEDY = re.compile(r"(?:khắc phục|tháo gỡ|giải quyết|vượt qua|xử lý)\s+(?:\w+\s+){0,3}(?:hạn chế|khó khăn|tồn tại|vướng mắc|bất cập)")
_LEAD_ACHIEVEMENT = re.compile(r"kết quả|thành tựu|đạt được|nổi bật|tích cực|điểm sáng|dấu ấn|cụ thể")
# a report or a speaker introducing what it states: the words before the colon are no item
_REPORT_FRAME = re.compile(r"(?:báo cáo|tờ trình|nghị quyết|kết luận)\b[^:;]*\b(?:nêu rõ|cho biết|chỉ rõ|cho thấy|khẳng định|nêu)\s*$", re.I)
# an official who directs what is to be done ("Ông … chỉ đạo sớm triển khai …")
_DIRECTS = re.compile(r"(?:\bông |\bbà |đồng chí|bí thư|chủ tịch|trưởng đoàn|thủ tướng|bộ trưởng)[^;,]{0,60}?\bchỉ đạo,?\s+"
                      r"(?:các \w+ |ubnd \w+ )?(?:sớm|tập trung|khẩn trương|quyết liệt|đẩy mạnh|tăng cường|triển khai|rà soát)\b")
# a clause opening with the period under review ("9 tháng năm 2022, …", "Năm qua, …", "Trong 6 tháng đầu năm, …")
_REVIEW_OPENER = re.compile(r"^(?:trong\s+)?(?:\d{1,2} tháng(?: đầu)?(?: năm)?(?: \d{4})?|năm \d{4}|năm qua|thời gian qua|"
                            r"qu[ýí] [ivx]+(?: năm \d{4})?)\s*,")
# done in the period: "đã" before what was done (not "đã đề ra", "đã được giao": what was set)
_PAST = re.compile(r"\bđã\b(?! đề ra)(?! được giao)(?! xác định)(?! ban hành)(?! đặt ra)(?! được phê duyệt)")
_TASK_VERB_ANYWHERE = re.compile(rf"\b(?:{_TASK_VERBS})\b")
_DATELINE = re.compile(r"^(?:\([^()]{2,30}\)|[a-zđ]{2,6}(?:\.vn)?)\s*[-–—]\s+")
# a task verb that names the subject of a passive ("Xây dựng cơ bản được tập trung lãnh, chỉ đạo …"): done
_PASSIVE = re.compile(r"^(?:[-–•+*]\s*)?(?:[\w-]+\s+){1,4}được\s+(?!giao\b|đề ra\b)")
# what must be done: "cần", "phải" before what to do (not "phải ứng phó với khó khăn", which was endured)
_MUST = re.compile(r"\b(?:cần phải|cần|phải)\s+(?!là\b|thiết\b|cù\b|ứng phó|đối mặt|đối diện|chịu\b|gánh|trải qua|không\b|"
                   r"di dời|sơ tán|nghỉ\b|bỏ\b|thừa nhận|nhập viện|"
                   r"thơ\b|giờ\b|đước\b|giuộc\b)\w")  # (Cần Thơ, Cần Giờ, Cần Đước, Cần Giuộc are places)
# what makes a task-verb clause ask for something rather than report it
_ASKS = re.compile(r"\b(?:cần|phải|cần phải|sẽ|tiếp tục|hơn nữa|phấn đấu|đề nghị|yêu cầu)\b|thời gian tới|năm tới|cuối năm")
_HEADING_NUMBER = re.compile(r"^\s*([IVXLC]+|\d{1,2}(?:\.\d{1,2})*|[a-zđ])[.)]\s*", re.I)
# a list item spelled out: "Một là, …", "Hai là …", "Thứ nhất, …" (the written form of a numbered list)
_ORDINAL_WORDS = (r"(?:(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười) là|thứ (?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)"
                  r"(?=\s*[,:]\s*(?!ngày)[^\W\d]))")  # not a weekday: "Thứ Tư (25/12)", "Thứ Sáu, 03/07"
_ORDINAL = re.compile(rf"^{_ORDINAL_WORDS}\s*[,:]?\s+", re.I)
_BULLET = re.compile(rf"^\s*(?:[-–•+*]|\d{{1,2}}[.)]|[a-zđ][.)]|(?i:{_ORDINAL_WORDS})\b)\s*")

# a clause that only names a topic ("Ba là, về an ninh nông thôn", "- Về kinh tế")
_TOPIC = re.compile(rf"(?:(?:[-–•+*]|\d{{1,2}}[.)]|[a-zđ][.)])\s*|(?i:{_ORDINAL_WORDS})\s*[,:]?\s*)?(?i:về)\s+[^,;:.\d]{{1,60}}[,.]?")

# where a sentence is cut into clauses: ";" always; ":" after a lead; a turn ("…, tuy nhiên …")
_CUT = re.compile(r";\s*|:\s+|,\s*(?=(?:tuy nhiên|tuy vậy|song|nhưng|đồng thời|bên cạnh đó|phấn đấu|đề nghị|"
                  r"(?:chỉ tiêu|kế hoạch|mục tiêu) năm \d{4}|năm \d{4} (?:phấn đấu|dự kiến|kế hoạch))\b)"
                  # "… tăng 12,43% so với năm ngoái nhưng thấp hơn 7,57% so với nghị quyết": a result, then how it fell short
                  r"|(?<=\w)\s+(?=nhưng (?:thấp hơn|chưa đạt|không đạt|chỉ đạt|giảm)\b)"
                  # "… duy trì đạt chuẩn nông thôn mới 2 xã … và phấn đấu xã Cầu Khởi đạt chuẩn …": what is kept, then the target
                  r"|(?<=\w)\s+(?=và phấn đấu\b)")


def _low(text: str) -> str:
    """`text` as the cue rules read it: plain (core.text.plain) and lower-cased, with a place named "Cần …" (Cần Thơ,
    Cần Giờ, Cần Giuộc, Cần Đước) kept apart from the word "cần" (must) the rules read as a task's cue. Same length
    as `plain(text)`, so positions carry over."""
    return _PLACE_CAN.sub("Cân", plain(text)).lower()


_PLACE_CAN = re.compile(r"\bCần(?= [A-ZĐ])")


def _reviewed_targets(text: str, year: int | None) -> bool:
    """Whether a heading or lead names only targets (chỉ tiêu, mục tiêu) of the period under review, which is what
    the lines after it report on: "Một số chỉ tiêu chủ yếu 9 tháng năm 2024:" in a 2024 review, with no coming
    period, no plan and no other task word (`year`: the year under review, or None)."""
    low = _low(text)
    if not re.match(r"\s*(?:[ivxlc]+\.|\d{1,2}\.)?\s*(?:#+\s*)?(?:\*\*)?(?:một số |các |những )?(?:chỉ tiêu|mục tiêu)\b", low):
        return False
    years = {int(y) for y in re.findall(r"\b(20\d\d)\b", low)}
    return bool(year) and years <= {year} and not _COMING.search(low) and not re.search(
        r"phấn đấu|kế hoạch năm|năm tới|nhiệm vụ|giải pháp|phương hướng|nhiệm kỳ|đến năm|dự kiến", low)


def _lead_section(text: str) -> str | None:
    """The section a lead or heading names. Shortfall words win ("… thực hiện nhiệm vụ vẫn còn một số
    khó khăn, hạn chế, như:") unless a remedy governs them ("giải pháp tháo gỡ khó khăn:" is tasks);
    result words name achievements only when nothing else is named."""
    low = re.sub(r"bên cạnh (?:những |các )?(?:kết quả|thành tích)(?: đạt được)?", "", _low(text))  # a turn, not the review
    if re.match(r"\s*(?:[ivxlc]+\.|\d{1,2}\.)?\s*(?:những |một số |các )?(?:kết quả|thành tích)(?: nổi bật| đạt được| chủ yếu)?"
                r"(?: năm \d{4}| \d+ tháng[^:]{0,20})?\s*:?\s*$", low):
        return ACHIEVEMENTS  # "Kết quả nổi bật", "I. KẾT QUẢ ĐẠT ĐƯỢC": a heading over the results
    sets = re.search(r"\b(?:đề ra|đặt ra|xác định|thống nhất|thông qua)\s+(?:các |những |\d+ )?(?:chỉ tiêu|nhiệm vụ|mục tiêu|giải pháp)", low)
    if sets and not re.search(r"tình hình|kết quả|hạn chế|khó khăn|tồn tại|yếu kém", low[sets.end():]) and \
            not re.search(r"\bđã\b[^,;]{0,30}(?:hoàn thành|đạt|thực hiện)", low[sets.end():]):
        # "Trên cơ sở đánh giá những kết quả đạt được, chỉ ra những khó khăn, hạn chế, năm 2026, phường … đã đề ra các chỉ
        # tiêu chủ yếu đó là:": what the lead sets comes last, whatever it was based on
        return TASKS
    review = re.search(r"tình hình|kết quả", low)
    if review and not any(m and m.start() < review.start() for m in (_LEAD_TASK.search(low), _LEAD_SHORTFALL.search(low))):
        return None  # "Báo cáo tình hình thực hiện nhiệm vụ …: …" introduces the review itself
    if _LEAD_SHORTFALL.search(low) and not _REMEDY.search(low):
        return SHORTFALLS
    if _VOTERS_RAISE.search(low):
        return TASKS  # (each clause with a shortfall cue of its own stays a shortfall: see `remedy` in _label)
    task = _LEAD_TASK.search(low)
    done = re.search(r"\bđã\b(?! (?:đề ra|thảo luận|thống nhất|bàn|xác định|quán triệt))|\b(?:hoàn thành|đạt|vượt)\b(?: thắng lợi| tốt| xuất sắc)?"
                     r" (?:các |những |\d+/\d+ )?(?:mục tiêu|chỉ tiêu|nhiệm vụ)", low)
    if done and re.search(r"\b(?:để|nhằm)\s+(?:\S+\s+){0,2}$", low[:done.start()]):
        done = None  # "Để hoàn thành mục tiêu năm 2025, … các giải pháp sau:": a purpose, not what was done
    speaker = _SPEAKER.search(low)
    reached = re.search(r"\b(?:chỉ tiêu|mục tiêu)\b[^:;]{0,40}?\b(?:cơ bản\s+)?(?:đạt|vượt|hoàn thành)\b", low)
    if reached and re.search(r"\b(?:để|nhằm)\b", low[:reached.start()]):
        reached = None  # "Để hoàn thành với những chỉ tiêu có thể đạt được …, Hà Nội cần …": a purpose
    if task and reached and reached.start() <= task.start() and not _COMING.search(low) and not speaker:
        return ACHIEVEMENTS  # "… các chỉ tiêu chủ yếu cơ bản đạt và vượt 50% so với KH đề ra như:": the targets reached
    if task and done and done.start() < task.start() and not _COMING.search(low) and not speaker:
        return ACHIEVEMENTS  # "6 tháng đầu năm, … đã tập trung lãnh đạo thực hiện hiệu quả các chỉ tiêu chủ yếu:"
    if task or speaker or _REMEDY.search(low):
        return TASKS
    if _LEAD_ACHIEVEMENT.search(low):
        return ACHIEVEMENTS
    return None


_YEAR_MENTION = re.compile(r"(?:tháng(?: đầu| cuối)? |năm |quý [IV]+ ?(?:năm |/)?)(20\d\d)\b(?!\s*[-–]\s*20\d\d)", re.I)
# a year the report plans for: the nearest words before it name a plan ("giải pháp thực hiện nhiệm vụ
# năm 2026", "nhiệm vụ phát triển kinh tế - xã hội của phường trong năm 2026", "tầm nhìn đến năm 2030")
_AHEAD = re.compile(r"(?:nhiệm vụ|phương hướng|kế hoạch|mục tiêu|phấn đấu|tới|tháng cuối|triển khai|định hướng|chỉ tiêu|"
                    r"giải pháp|dự toán|tầm nhìn|phân bổ|dự kiến|chương trình (?:hoạt động|giám sát)|hoạt động giám sát)[^.;:]{0,45}$|\bđến\s*$")  # "đến năm 2030", not "đến hết năm 2023"
# … unless it is what is being reviewed ("Báo cáo tình hình thực hiện nhiệm vụ năm 2025")
_REVIEWED = re.compile(r"(?:tình hình|kết quả|đánh giá|sơ kết|tổng kết|báo cáo)\s+(?:[\w-]+\s+){0,3}?thực hiện\s+(?:các\s+)?"
                       r"(?:nhiệm vụ|kế hoạch|chỉ tiêu|nghị quyết)[^.;:]{0,30}$")
# a plan for a single coming year, which a report that names no other year reviews the year before of
_PLAN = re.compile(r"(?:nhiệm vụ|phương hướng|kế hoạch|mục tiêu|phấn đấu|chỉ tiêu|giải pháp|dự toán)[^.;:]{0,45}$")
_COMPARED = re.compile(r"(?:so với|so|bằng|hơn)(?: cùng kỳ| với cùng kỳ)?\s*$|giá (?:so sánh|cố định|hiện hành)\s*(?:năm\s*)?$")


# the words of a clause that only says there are shortfalls: connectives, quantifiers, the shortfall
# nouns themselves, and who reports them
_ANNOUNCING = frozenset(
    "tuy nhiên vậy song nhưng bên cạnh đó những kết quả đạt được trong quá trình triển khai thực hiện nhiệm vụ "
    "báo cáo cũng chỉ rõ nêu vẫn còn một số nhiều các có khó khăn hạn chế tồn tại vướng mắc bất cập yếu kém "
    "thách thức nhất định cần khắc phục như sau mặt và là huyện xã phường tỉnh thị thành phố đặc khu".split())


def _names_no_shortfall(text: str) -> bool:
    """Whether a shortfall clause only announces shortfalls ("Tuy nhiên, trong quá trình triển khai còn một
    số khó khăn.", "báo cáo cũng chỉ rõ một số tồn tại, hạn chế"): no word of its own but a place's name."""
    words = re.findall(r"\w+", text)
    return bool(words) and all(w.lower() in _ANNOUNCING or w[0].isupper() and i > 0 for i, w in enumerate(words))


def reviewed_year(doc: Document) -> int | None:
    """The year under review: the most mentioned year that is not a planned one ("… năm 2025 và
    triển khai nhiệm vụ năm 2026" reviews 2025; "tầm nhìn đến năm 2030"), nor the base of a comparison
    ("tăng 8% so với cùng kỳ năm 2022" in a 2023 review, "giá so sánh năm 2010"); a term ("2020 – 2025")
    is not a year under review. A report that names only the year it plans for ("Đóng góp các giải pháp,
    chỉ tiêu … năm 2019" at a year-end session) reviews the year before. The year after it is the
    coming period. With no year reviewed by name, the meeting's date in the opening says it (a January or February
    date: the year before). None when the report names no year."""
    found: Counter[int] = Counter()
    planned: Counter[int] = Counter()
    plan_years: set[int] = set()
    for m in re.finditer(r"kỳ họp (?:thường lệ )?(?:cuối|giữa) năm (20\d\d)", doc.text, re.I):
        found[int(m.group(1))] += 3  # "Kỳ họp thường lệ cuối năm 2025" reviews 2025, whatever it plans for 2026
    head = " ".join(s.text for s in doc.sentences[:3] if s.role in ("headline", "opening"))
    for m in re.finditer(r"(?:tổng kết|sơ kết|đánh giá)[^.;\n]{0,40}?năm (20\d\d)(?!\s*[-–])", head, re.I):
        found[int(m.group(1))] += 3  # the headline or opening names the year reviewed: "Xã Đồng Văn tổng kết năm 2025"
    for m in _YEAR_MENTION.finditer(doc.text):
        before = doc.text[max(0, m.start() - 80):m.start()].lower()
        if _COMPARED.search(before) or re.search(r"hoàn thành (?:xuất sắc|tốt) nhiệm vụ\s*$", before):
            continue  # a comparison's base; an award for a year gone ("hoàn thành xuất sắc nhiệm vụ năm 2022")
        after = doc.text[m.end():m.end() + 50].lower()
        # "Năm 2026, phường phấn đấu thu ngân sách 160 tỷ đồng": a plan that names its year first
        # (also after a connector, "Theo đó, năm 2026 xã phấn đấu …")
        opener = re.search(r"(?:^|[.;:]\s*|\n)((?:theo đó|đồng thời|bên cạnh đó|trong đó|tới đây)\s*,?\s*)?(?:trong\s+|bước sang\s+)?$",
                           before)
        plan_first = m.group(0).lower().startswith("năm") and opener \
            and re.match(r",[^.;:]{0,30}?\b(?:phấn đấu|dự kiến|đặt mục tiêu|mục tiêu là)\b"
                         + (r"|\s+[^.;:,]{0,30}?\bphấn đấu\b" if opener.group(1) else ""), after)
        if (_AHEAD.search(before) and not _REVIEWED.search(before)) or plan_first:
            if plan_first and not (_AHEAD.search(before) and not _REVIEWED.search(before)):
                plan_years.add(int(m.group(1)))
                planned[int(m.group(1)) - 1] += 1
                continue
            if _PLAN.search(before) and not before.rstrip().endswith("đến"):  # "đến năm 2030" is a horizon
                # the rest of a year ("6 tháng cuối năm 2024", "quí II năm 2023") is still that year
                rest = re.search(r"(?:tháng cuối|đến cuối|qu[ýíi] [ivx]+)\s*$", before) or m.group(0).lower().startswith(("tháng", "quý"))
                planned[int(m.group(1)) - (not rest)] += 1
            continue
        found[int(m.group(1))] += 1
    for year in plan_years:  # a year the report plans for, named again bare ("Năm 2026, xã xây dựng thêm 5 km …"),
        if year - 1 in found:  # is still the plan's beside the year before it, which the report reviews
            found[year] = 0
    if +found:
        return (+found).most_common(1)[0][0]
    # no year reviewed by name: the meeting's date in the opening ("Ngày 20/11/2025, HĐND phường … họp phiên chuyên đề")
    # is in the year it reviews, unless it falls in the first two months (a year-end review held in January)
    if (dated := re.search(r"\b(?:ngày\s+)?\d{1,2}[/.-](\d{1,2})[/.-](20\d\d)\b", head, re.I)) and 1 <= int(dated.group(1)) <= 12:
        return int(dated.group(2)) - (int(dated.group(1)) <= 2)
    return min(planned) if planned else None


def _in_credit(text: str, colon: int) -> bool:
    """A colon inside parentheses or after "Ảnh" belongs to a photo credit, not to a lead."""
    return text.count("(", 0, colon) > text.count(")", 0, colon) or text[max(0, colon - 5):colon].lower().endswith("ảnh")


# A concession or setting that names a particular adversity ("mặc dù bị ảnh hưởng của thời tiết không thuận lợi",
# "trong bối cảnh thời tiết bất lợi, giá nông sản bấp bênh", "trước ảnh hưởng của hạn, xâm nhập mặn"): a difficulty
# the period met, a shortfall in its own right however well the rest of the sentence went. A concession that names
# none ("Mặc dù còn nhiều khó khăn, nhưng …") stays with what it concedes to.
_ADVERSITY = re.compile(r"\b(?:mặc dù|mặt dù|dù|tuy(?! nhiên| vậy)|trong bối cảnh|trong điều kiện|trước (?:những )?(?:ảnh hưởng|tác động)|"
                        r"(?:bị|chịu|do) (?:sự )?(?:ảnh hưởng|tác động))\b", re.I)
_HAZARD = re.compile(r"\b(?:thiên tai|bão|lũ|lụt|ngập úng|hạn hán|hạn mặn|xâm nhập mặn|hạn|sạt lở|dịch bệnh|đại dịch|covid(?:-19)?|"
                     r"dịch tả|thời tiết (?:bất lợi|không thuận lợi|cực đoan|khắc nghiệt|diễn biến phức tạp)|biến đổi khí hậu|"
                     r"giá (?:cả|nông sản|\w+)(?: \w+)? (?:bấp bênh|biến động|giảm|xuống thấp|tăng cao)|lạm phát|suy thoái|"
                     r"giải phóng mặt bằng)\b", re.I)
_REMEDY_BEFORE = re.compile(r"\b(?:khắc phục|phòng,? chống|phòng ngừa|ứng phó|hỗ trợ|cứu trợ|thiệt hại)\b", re.I)


def _adversity(piece: str) -> tuple[int, int] | None:
    """The span in `piece` (one clause's text) of a concession or setting that names a particular adversity,
    from its marker to the end of the phrase that names the last one (the next comma, " và ", ", nhưng" or
    the clause's end); None when it names none, or when the clause remedies it ("khắc phục hậu quả do ảnh
    hưởng của bão": a task or a result, not a difficulty met)."""
    m = _ADVERSITY.search(piece)
    if m is None or _REMEDY_BEFORE.search(piece[:m.start()]) or opens_a_task(piece):
        return None
    if re.match(r"(?:bị|chịu|do)\b", m.group(), re.I) and piece[:m.start()].strip() and not piece[:m.start()].rstrip().endswith(","):
        return None  # what qualifies a noun ("những vị trí đã từng bị ảnh hưởng mưa lũ"), not the period's setting
    stop = re.search(r",?\s*(?:nhưng|song|tuy nhiên)\b", piece[m.end():], re.I)
    region_end = m.end() + stop.start() if stop else len(piece)
    hazards = list(_HAZARD.finditer(piece, m.end(), region_end))
    if not hazards:
        return None
    after = re.search(r",|;|\s(?:và )?là\s", piece[hazards[-1].end():region_end])
    end = hazards[-1].end() + after.start() if after and not stop else region_end
    if not stop and after and after.group().strip() == "," and re.match(r"\s*[\w ]{0,25}(?:,|$)", piece[hazards[-1].end() + after.end():region_end]):
        end = region_end  # a list of adversities goes on after the comma ("hạn, xâm nhập mặn")
    return m.start(), end


def _cut_adversity(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The piece text[a:b] cut where a named adversity begins and ends (see `_adversity`); a short lead before
    it ("Năm 2016, mặc dù …") goes with it, and a piece of fewer than two words is no clause."""
    found = _adversity(text[a:b])
    if found is None:
        return [(a, b)]
    start, end = a + found[0], a + found[1]
    rest = re.sub(r"^\s*,?\s*(?:nhưng|song|tuy nhiên)\b", "", text[end:b], flags=re.I)  # (the turn to what it concedes)
    if _SHORTFALL_STRONG.search(_low(text[a:start] + " " + rest)):
        return [(a, b)]  # the adversity is the cause of a shortfall the clause states ("do … Covid-19 nên … gặp nhiều khó khăn")
    if len(re.findall(r"\w+", text[a:start])) < 4:
        start = a
    cuts = [(a, start), (start, end), (end, b)]
    return [(x, y) for x, y in cuts if len(re.findall(r"\w+", text[x:y])) >= 2] or [(a, b)]


def _split(text: str, base: int) -> list[tuple[int, int]]:
    """Clause spans (absolute) of one sentence starting at `base`; a colon cuts only after a lead; a named
    adversity is a clause of its own (`_cut_adversity`)."""
    spans = []
    cursor = 0
    for m in _CUT.finditer(text):
        if m.group().startswith(",") and re.match(r"\s*(?:mặc dù|mặt dù|dù|tuy)\b(?! nhiên| vậy)", text[cursor:], re.I):
            continue  # "Mặc dù còn nhiều khó khăn, nhưng huyện đã …": the concession stays with what it concedes to
        if m.group().startswith(":") and (_lead_section(text[cursor:m.start()]) is None and not
                                          _REPORT_FRAME.search(text[cursor:m.start()]) or _in_credit(text, m.start())):
            continue
        if m.start() - cursor >= 3:
            spans.append((cursor, m.start()))
            cursor = m.end() if not m.group().startswith(",") else m.start() + 1
    spans.append((cursor, len(text)))
    out = []
    for a, b in (cut for a, b in spans for cut in _cut_adversity(text, a, b)):
        piece = text[a:b]
        lead_ws = len(piece) - len(piece.lstrip(" ,"))
        piece = piece.strip(" ,")
        if len(re.findall(r"\w+", piece)) >= 2:
            out.append((base + a + lead_ws, base + a + lead_ws + len(piece)))
    return out


def opens_with_a_setting(text: str) -> bool:
    """Whether `text` opens with a concession or setting ("Mặc dù …", "Trong bối cảnh …", "Năm 2016, do ảnh hưởng …"),
    as the named-adversity rule reads one."""
    m = _ADVERSITY.search(text)
    return m is not None and len(re.findall(r"\w+", text[:m.start()])) < 4


def opens_a_task(text: str) -> bool:
    """Whether `text` opens with a task verb ("Tập trung …", "Tăng cường …", "- Đẩy mạnh …"), as the
    cue rules read a clause."""
    return bool(_TASK_START.match(_low(text).lstrip(" -–•+*")))


# "Thu nhập bình quân đạt ở mức 32,16 triệu đồng/người/năm, trong khi nghị quyết phê duyệt là 33 triệu đồng": a result
# set beside the plan it was measured against, in the same unit
_AGAINST_PLAN = re.compile(r"\b(?:đạt|là|được|thực hiện)\s+(?:ở mức\s+|khoảng\s+|gần\s+|trên\s+)?(\d[\d.,]*)\s*(%|[^\W\d]+)?[^;]{0,80}?"
                           r"\btrong khi\b[^;]{0,40}?\b(?:kế hoạch|nghị quyết|chỉ tiêu|mục tiêu|dự toán)\b[^;]{0,30}?"
                           r"\b(?:là|đề ra|giao)\s+(\d[\d.,]*)\s*(%|[^\W\d]+)?")


def _below_plan(low: str) -> bool | None:
    """Whether a result set beside its plan ("… đạt 43,7% trong khi kế hoạch giao là 44%") falls below it; None when
    the clause sets no result beside a plan, or the two figures are not in one unit or not strictly Vietnamese
    numbers (`core.figures.parse_number`)."""
    m = _AGAINST_PLAN.search(low)
    if m is None or (m.group(2) or "") != (m.group(4) or ""):
        return None
    try:
        return parse_number(m.group(1)) < parse_number(m.group(3))
    except ValueError:
        return None


def _cue(text: str, next_year: str | None) -> tuple[str | None, bool, str]:
    """The clause's own cue: (section, strong, why)."""
    low = _low(text).lstrip(" -–•+*")
    low = _DATELINE.sub("", low)  # "(kontumtv.vn) – Đẩy mạnh …", "TPO - …": the source's tag, not the clause
    low = re.sub(r"\*\*|__", "", low)  # Markdown's bold: "**Tuy nhiên**, …"
    low = _ORDINAL.sub("", low, count=1)  # "Một là, nâng cao …": the verb after the list's marker
    if (m := _ADVERSITY.search(low)) and len(re.findall(r"\w+", low[:m.start()])) < 4 and _HAZARD.search(low, m.end()) \
            and not _REMEDY_BEFORE.search(low):
        return SHORTFALLS, True, "a named adversity"  # (cut off by _split: "trong bối cảnh thời tiết bất lợi, …")
    if re.match(r"(?:để|nhằm)\s+(?:hoàn thành|đạt|thực hiện|thắng lợi)\b", low) and \
            re.search(r",[^;]*?\b(?:quyết tâm|tập trung|phấn đấu|cần|phải|tiếp tục)\b", low) and not _PAST.search(low) \
            and not _SPEAKER.search(low):  # (an official who asks for it: the speaker's frame reads the rest)
        # "Để hoàn thành tất cả các chỉ tiêu, xã Quảng Chính quyết tâm giữ vững đoàn kết, tập trung đẩy mạnh …": a purpose,
        # then what to do for it
        return TASKS, True, "a purpose, then what to do"
    if re.match(r"(?:tổ chức|triển khai) thành công\b", low):
        return ACHIEVEMENTS, True, "done"  # "tổ chức thành công Đại hội đại biểu Đảng bộ xã …": held, not to hold
    if _TASK_START.match(low) and not _SHORTFALL_STRONG.search(low[:30]) and not _PASSIVE.match(low):
        if _ACHIEVED.search(low) and not _COMING.search(low) and not _TARGET.search(low) \
                and not (next_year and next_year in low) and not _PURPOSE.search(low):
            # "Thực hiện giải ngân vốn đầu tư công đạt 78% kế hoạch": the verb opens what was done;
            # a purpose ("Chỉ đạo quyết liệt để giải ngân đạt 100%") sets the figure as a target
            return ACHIEVEMENTS, True, "result with a figure" if re.search(r"\d", low) else "a result reached"
        weak = _WEAK_TASK_START.match(low) and not _COMING.search(low) and not (next_year and next_year in low)
        if weak and _SPEAKER.search(low):  # "Lãnh đạo thành phố yêu cầu …": who speaks, not what was done
            return TASKS, True, "speaker frame"
        return TASKS, not weak, "task verb"
    if _DIRECTS.search(low):  # "Ông Nguyễn Văn Út chỉ đạo sớm triển khai đồng bộ các quy hoạch"
        return TASKS, True, "speaker frame"
    # ("Chủ tịch HĐND huyện đã đề nghị các cấp …": what was asked at the meeting, reported; not "huyện đã … đề xuất")
    # (nor what a body was given, "được Trung ương giao cho Đà Nẵng", nor a submission's title, "tờ trình về việc đề nghị …")
    if (m := _SPEAKER.search(low)) and not re.search(r"\bđã\b(?!\s*$)|lãnh đạo,? $|\bđược(?: \S+){0,3}\s*$|về việc\s*$",
                                                    low[:m.start()]) \
            and not (m.group().startswith("giao") and re.search(r"\bđã\b[^;]{0,60}\d", low[m.end():])) \
            and not (_STATES_A_FACT.match(low[m.start():]) and not (next_year and next_year in low)) \
            and not _SHORTFALL_STRONG.search(_NOT_A_SHORTFALL.sub(" ", low[:m.start()])):
        # ("vẫn còn một số vấn đề cần … như công tác … cần đáp ứng cao hơn về yêu cầu …" names shortfalls)
        return TASKS, True, "speaker frame"
    reached = re.sub(r"(?:kết quả|thành tích|những gì) đạt được", "", low)  # "Trên cơ sở kết quả đạt được, …" reaches nothing
    # "… tạo nền tảng cho năm 2026": what was done readies the coming year, it sets no task for it
    readies = re.sub(r"tạo (?:nền tảng|tiền đề|đà|động lực|cơ sở)[^;.]*", "", low)
    if next_year:
        # the first quarter or months of the next year, named with what they brought ("Trong quý I/2019 nhà máy sản xuất
        # được 162.000 tấn"), are already past when the report is written; not when a plan names them
        readies = re.sub(rf"(?<!nhiệm vụ )(?<!kế hoạch )(?<!mục tiêu )(?<!chỉ tiêu )(?:qu[ýí] i|(?:\d+|những) tháng đầu năm)\s*(?:năm |/)?\s*{next_year}",
                         "", readies)
    coming = _COMING.search(low)
    if coming and re.fullmatch(r"quý iv|(?:những|\d+) tháng cuối năm|tháng cuối năm", coming.group()) and _ACHIEVED.search(low) \
            and not _TARGET.search(low) and not _COMING.search(low, coming.end()):
        coming = None  # "Riêng quý IV/2025, huyện thu ngân sách đạt 80 tỷ đồng": the year's last quarter, reviewed at its end
    ahead = coming or (next_year and re.search(rf"(?<![-–] )(?<![-–]){next_year}(?!\s*[-–]\s*20\d\d)", readies)
                                    and not (re.search(r"\bđạt\b|vượt", reached) and not re.search(r"phấn đấu|mục tiêu|dự kiến", low)))
    if not ahead and next_year and re.match(rf"(?:trong\s+|bước sang\s+)?năm {next_year}\b", low) and not _PAST.search(low) \
            and _TASK_VERB_ANYWHERE.search(low):
        ahead = True  # "Năm 2020, thành phố tiếp tục thực hiện đồng bộ các giải pháp …, đạt mức tăng trưởng cao hơn năm 2019"
    past = _PAST.search(low) and not \
        re.search(r"đã (?:thảo luận|thống nhất|bàn)[^;]{0,40}(?:phương hướng|nhiệm vụ|mục tiêu|giải pháp)", low)  # agreed on what comes
    # "Những tháng cuối năm, huyện tiếp tục chỉ đạo hoàn thành các chỉ tiêu … đã được HĐND giao": opened by the
    # coming period, what follows is planned, whatever was done before it
    opens_ahead = re.match(r"(?:trong\s+|định hướng\s+)?(?:(?:những|các|\d+) )?tháng (?:cuối|còn lại)|(?:trong\s+)?(?:thời gian|năm) tới\b", low)
    # (but "Trong 6 tháng cuối năm 2025, xã đã hoàn thành 5 công trình" says what was done in it)
    done_in_it = re.search(r"\bđã\b(?! được)(?! đề ra)(?! xác định)(?! đặt ra)", low)
    if ahead and ((opens_ahead and not done_in_it) or not (past and not (next_year and next_year in readies))):
        return TASKS, True, "coming period"
    remedy = _REMEDY.search(low)
    if remedy and not re.search(r"\bđã\b|\bnhờ\b", low[:remedy.start()]) or (
            _SUBJECT_TASK.match(low) and not _GOES_ON_WELL.search(low)):
        return TASKS, False, "task verb after its subject"  # not "đã nỗ lực vượt qua khó khăn", "nhờ … tháo gỡ khó khăn": done
    if re.match(r"(?:các|cấp|ngành|mỗi|từng)\b[^.;:]{0,60}?\b(?:cần|phải)\s+(?!là\b|được\b)\w", low) or re.match(
            r"(?:tỉnh|huyện|xã|phường|thành phố|đặc khu|địa phương|ubnd|sở)\b[^.;:,]{0,30}?\b(?:cũng |vẫn )?(?:cần|phải)\s+"
            r"(?!là\b|được\b|ứng phó|đối mặt|chịu\b)\w", low):
        # ("Tỉnh cũng cần có phương án chỉ đạo công tác giảm nghèo đối với các đối tượng không thể thoát nghèo …")
        # "Các đơn vị phải đánh giá, thống kê lại có bao nhiêu hồ còn tồn tại …": who must act, then what
        return TASKS, True, "must after its subject"
    wanting = _NOT_A_SHORTFALL.sub(" ", low)
    if (below := _below_plan(low)) is not None:
        return (SHORTFALLS, True, "below the plan it names") if below else (ACHIEVEMENTS, True, "the plan it names reached")
    if (level := _LEVEL.search(low)) and not _BAD_MEASURE.search(low[max(0, level.start() - 80):level.start()]):
        try:
            below = parse_number(level.group(1)) < 100
        except ValueError:
            below = False
        if below:  # "Sản lượng khai thác thủy sản chỉ bằng 85% so với cùng kỳ": last year's level not reached
            return SHORTFALLS, True, "a decline"
    if (rose := _BAD_RISING.search(low)) and not re.search(r"xử lý|phát hiện|bắt giữ|triệt phá|khởi tố|thu hồi", low):
        return SHORTFALLS, True, "a bad measure rising"  # "Số ca mắc sốt xuất huyết tăng 30% so với cùng kỳ"
    if (fell := _DECLINE.search(low)) and not _BAD_MEASURE.search(low[max(0, fell.start() - 80):fell.start()]):
        return SHORTFALLS, True, "a decline"
    if fell and re.match(r"(?:tình hình [^;]{0,40}?(?:đảm bảo|ổn định)[^;]{0,5})?(?:số vụ |các vụ )?(?:tai nạn giao thông|tai nạn|"
                         r"phạm pháp hình sự|tội phạm|vi phạm)\b", low.strip(" ,")):
        return ACHIEVEMENTS, True, "a bad measure falling"  # "tai nạn giao thông giảm so với cùng kỳ"
    if _SHORTFALL.search(wanting) and _SHORTFALL_STRONG.search(wanting):
        return SHORTFALLS, True, "shortfall words"
    if (will := re.search(rf"\bsẽ\s+(?!tiến hành|thu hút|tạo điều kiện|phải|hỗ trợ)(?:{_TASK_VERBS})\b", low)) and not re.search(
            r"\bđã\b|\b(?:khi|nếu|hoàn thành|đi vào hoạt động)\b", low[:will.start()]):
        return TASKS, True, "will"  # "Huyện sẽ tiếp tục triển khai đề án tái cơ cấu …"
    if (must := _MUST.search(low)) and not re.search(r"\bđã\b", low[:must.start()]):
        asks = re.match(rf"(?:cần phải|cần|phải)\s+(?:{_TASK_VERBS})\b", low[must.start():])
        return TASKS, bool(asks), "must"  # "các sở, ngành, địa phương phải đổi mới …", "tỉnh cần triển khai …"
    if _SHORTFALL.search(wanting):
        return SHORTFALLS, False, "shortfall words"
    if _RESULT_WITH_FIGURE.search(low) or (_PAST.search(low) and _COUNTED.search(low) and not _BAD_MEASURE.search(low)
                                           and not re.search(r"\bbị\b|mất việc", low)):  # ("đã có 320 hộ tái nghèo")
        # ("… đã tiếp nhận 5.100 liều vắc xin", "… đã được điều trị khỏi bệnh … 52 người": done, and counted)
        return ACHIEVEMENTS, True, "result with a figure"
    if _ACHIEVEMENT.search(low):
        return ACHIEVEMENTS, bool(_FIGURE.search(low)), "result words"
    if _REVIEW_OPENER.match(low) and _TASK_VERB_ANYWHERE.search(low):
        return ACHIEVEMENTS, False, "done in the period"  # "9 tháng năm 2022, Huyện ủy tập trung lãnh, chỉ đạo …"
    if re.match(r"(?:tuy nhiên|tuy vậy|song(?! hành)|nhưng)\b", low):
        return SHORTFALLS, False, "a turn after the results"
    return None, False, "no cue"


def clauses(doc: Document) -> tuple[Clause, ...]:
    """Every clause of every sentence, in order, with its section (None for non-body sentences and
    clauses with no cue). Computed once per report though several stages ask, and kept beside the
    document (not on it: a Document is frozen data) for as long as the document is in use."""
    found = _KEPT.get(id(doc))
    if found is None:
        found = tuple(c if c.section != TASKS or not _names_no_task(c.text) else
                      Clause(c.sentence, c.start, c.end, c.text, None, True, "names tasks, says none") for c in _label(doc))
        with _KEPT_LOCK:  # the batch's threads share it
            if id(doc) not in _KEPT:
                _KEPT[id(doc)] = found
                weakref.finalize(doc, _KEPT.pop, id(doc), None)  # gone with the document, before its id is reused
    return found


# the papers a meeting takes: adopted, examined, commented on (the reports, drafts, budget and investment plan)
_PAPERS = re.compile(r"^(?:trên cơ sở [^,]{0,60}, )?(?:(?:hội nghị|kỳ họp|hđnd [\w ]{0,20}?|các đại biểu|ban chấp hành[\w ]{0,30}?)\s+)?"
                     r"(?:cũng\s+)?(?:đã\s+)?(?:thông qua|xem xét|cho ý kiến (?:vào|về|đối với))\s+(?:các |những |\d+ )?"
                     r"(?:báo cáo|dự thảo|tờ trình|ước thực hiện dự toán|dự toán|kế hoạch đầu tư công)\b")


# "Xã Hồ Vương xác định các nhiệm vụ trọng tâm năm 2026", "… để bàn giải pháp, phương hướng cho thời gian tới": the
# tasks named as a kind, none of them said (what follows says them, or nothing does)
_TASKS_AS_A_KIND = re.compile(
    r"(?:(?:các|những|một số|nhiều)\s+)?(?:phương hướng|nhiệm vụ|giải pháp|chỉ tiêu|mục tiêu|kế hoạch|nội dung|vấn đề)"
    r"(?:,?\s+(?:và\s+)?(?:các\s+|những\s+)?(?:phương hướng|nhiệm vụ|giải pháp|chỉ tiêu|mục tiêu|nội dung|vấn đề))*"
    r"(?:\s+(?:trọng tâm|chủ yếu|cơ bản|quan trọng|chính|cụ thể))?(?:\s+(?:của|cho|trong))?"
    r"(?:\s+(?:năm \d{4}|\d+ tháng (?:cuối|đầu) năm(?: \d{4})?|thời gian tới|những tháng cuối năm|năm tới))?")
_ANNOUNCES_TASKS = re.compile(r"\b(?:xác định|đề ra|đặt ra|triển khai|thảo luận|bàn|thống nhất|nêu|đưa ra|quán triệt|"
                              r"cho ý kiến|góp ý|kiến nghị|đề xuất|đề nghị|lưu ý|xem xét|với|đã|cũng|đồng thời|và|để|về|đối với|"
                              r"tại (?:buổi làm việc|hội nghị|kỳ họp|cuộc họp))\b")


def _names_no_task(text: str) -> bool:
    """Whether a clause filed under tasks only names tasks as a kind and announces them ("xác định các nhiệm vụ
    trọng tâm năm 2026"): what is left without the kind, the announcing verbs and the place or body that
    announces them is at most four words."""
    low = _low(text)
    if re.search(r"\d+\s+(?:nhóm\s+)?(?:nhiệm vụ|giải pháp|chỉ tiêu|mục tiêu)", low):
        return False  # a count is content ("xã đề ra 22 chỉ tiêu")
    if not _ANNOUNCES_TASKS.search(low) or not re.search(
            r"\b(?:phương hướng|nhiệm vụ|giải pháp|chỉ tiêu|mục tiêu|(?:nhiều|một số|các) (?:nội dung|vấn đề))\b", low):
        return False
    rest = _ANNOUNCES_TASKS.sub(" ", _TASKS_AS_A_KIND.sub(" ", low))
    return len(re.findall(r"[^\W\d_]+", rest)) <= 4


_KEPT: dict[int, tuple[Clause, ...]] = {}  # by the id of a document still in use
_KEPT_LOCK = threading.Lock()


# A results table's column ("Thực hiện", "Ước đạt", "Kết quả", "So với kế hoạch", "Đánh giá", the year under
# review) and a row it marks as missed ("Không đạt", "Chưa đạt", "Chưa hoàn thành").
_RESULT_COLUMN = re.compile(r"\b(?:thực hiện|ước (?:thực hiện|đạt|tính)|kết quả|đạt được|so (?:với|sánh)|tỷ lệ|đánh giá|cùng kỳ)\b")
_ROW_MISSED = re.compile(r"\b(?:không|chưa) (?:đạt|hoàn thành)\b")


def _table_columns(cells: list[str], year: int | None) -> str | None:
    """What a table's header row (`cells`) says its rows hold: "results" (a column of what was done, or of
    the year under review: "Chỉ tiêu | Kế hoạch | Thực hiện | Đánh giá", "Chỉ tiêu | Năm 2025"), TASKS (only
    the coming period's targets: "Chỉ tiêu | Kế hoạch năm 2026"), or None (the header does not say)."""
    header = " | ".join(cells[1:]).lower()
    years = {int(y) for y in re.findall(r"\b(20\d\d)\b", header)}
    if _RESULT_COLUMN.search(header) or (year and year in years):
        return "results"
    if (year and years and min(years) > year) or re.search(r"\b(?:kế hoạch|mục tiêu|dự kiến|phấn đấu)\b", header):
        return TASKS
    return None


def _label(doc: Document):
    year = reviewed_year(doc)
    next_year = str(year + 1) if year else None
    heading: str | None = None  # the section a heading set, until the next top heading
    lead: str | None = None  # the section a lead set, until its paragraph (or list) ends
    previous_end = -1
    previous_task = False  # the last body clause was a task: a task verb after it continues the run
    listed: str | None = None  # a lead that ended its paragraph, for the paragraph after it
    lead_alone = False  # the current lead ended its paragraph
    last_sentence: tuple[str | None, bool] = (None, False)  # the last body sentence's last section, strength
    remedy = False  # the tasks lead names a remedy for difficulties it lists
    voters = False  # … or is what voters raise, where a fault named in passing is a fault
    spoken = False  # the tasks lead (or the sentence's) was set by a speaker, not by a named lead or heading
    columns: str | None = None  # what the current table's columns hold: results, or the coming period's targets
    for s in doc.sentences:
        gap = doc.text[previous_end:s.start] if previous_end >= 0 else "\n"
        previous_end = s.end
        new_paragraph = "\n" in gap
        cells = table_cells(s.text)
        if cells is None:
            if s.role != "furniture":  # (a Markdown table's rule under its header goes on with the table)
                columns = None
        elif s.role == "heading":
            # a table's header row says what its rows are; it sets no section for the text after the table
            columns = _table_columns(cells, year)
            yield Clause(s.number, s.start, s.end, s.text, None, False, "table header")
            continue
        elif s.role == "body" and columns is not None:
            section = TASKS if columns == TASKS else SHORTFALLS if _ROW_MISSED.search(s.text.lower()) else ACHIEVEMENTS
            yield Clause(s.number, s.start, s.end, s.text, section, True, "table row")
            continue
        if s.role == "heading":
            found = _lead_section(s.text)
            if found == TASKS and _reviewed_targets(s.text, year):
                found = None  # "Một số chỉ tiêu chủ yếu 9 tháng năm 2024": what follows is how they went
            numbered = _HEADING_NUMBER.match(s.text)
            top = numbered is None or re.match(r"[IVXLC]+$", numbered.group(1), re.I) is not None
            if found or top:
                heading = found
            lead = None
            yield Clause(s.number, s.start, s.end, s.text, None, False, "heading")
            continue
        if s.role != "body":
            if s.role == "opening":
                lead = None  # the meeting's business between two lists ends the first
            yield Clause(s.number, s.start, s.end, s.text, None, True, s.role)
            continue
        if new_paragraph and lead is not None and not _BULLET.match(s.text) and not _GOES_ON.match(s.text.lower()) and not (
                lead == TASKS and (_TASK_START.match(s.text.lower()) or _SUBJECT_TASK.match(s.text.lower()))):
            # a lead that ended its own paragraph ("… còn những hạn chế sau:") opens a list of plain paragraphs:
            # it goes on while they have no cue of another section of their own
            listed = lead if lead_alone else None
            lead = None
        elif not new_paragraph:
            listed = None
        in_sentence: str | None = None  # a lead or speaker inside this sentence governs what follows
        resolutions = False  # the sentence lists the resolutions a session adopted
        among_faults = False  # a request stood in this sentence's list of faults
        before: tuple[str | None, bool] = (None, False)  # the previous clause's section, strength
        for start, end in _split(s.text, s.start):
            text = doc.text[start:end]
            # a lead ends in a colon, or in "sau." ("… các nhiệm vụ trọng tâm sau.", the list in the lines after it)
            colon = doc.text[end:end + 1] == ":" or text.endswith(":") or re.search(r"\b(?:sau|như sau)\s*\.$", text) is not None \
                or (re.search(r"\b(?:đề ra|đặt ra|xác định|thống nhất)\s+(?:\d+|nhiều|các|một số|những)\s+(?:nhiệm vụ|giải pháp|nhóm nhiệm vụ|"
                              r"nhóm giải pháp|chỉ tiêu|mục tiêu)[^.;:]{0,40}\.$", text) is not None
                    and (_ends_paragraph(doc.text, end) or re.match(r"\.?\s*(?:Trong đó|Cụ thể)\b", doc.text[end:]) is not None)
                    and not (year and re.search(rf"\b{year}\b", text) and re.match(
                        r"\.?\s*(?:Trong đó|Cụ thể)\b(?=[^.;]*\d)(?=[^.;]*\b(?:đạt|vượt)\b)", doc.text[end:])))
            # ("Năm 2025, Đảng bộ xã đề ra 15 chỉ tiêu. Trong đó,
            #   có 14/15 chỉ tiêu đạt …": the targets of the year under review, then how they were met)
            # "… đề ra 5 nhiệm vụ trọng tâm." then the list; "… đặt ra nhiều chỉ tiêu cho năm 2026. Trong đó, …"
            if end < s.end and _TOPIC.fullmatch(text.strip()):
                # "Ba là, về an ninh nông thôn, phấn đấu …": the topic of what follows, no claim of its own
                yield Clause(s.number, start, end, text, None, True, "topic")
                continue
            named = _lead_section(text) if colon else None  # the section a lead names, read once
            if named == TASKS and _reviewed_targets(text, year):
                named = ACHIEVEMENTS
            if colon and not named and _REPORT_FRAME.search(text.rstrip(":")):
                # "Báo cáo tình hình … năm 2025, mục tiêu … năm 2026 nêu rõ:": who reports, not what
                yield Clause(s.number, start, end, text, None, True, "lead")
                continue
            if named:
                section = named
                in_sentence = section
                resolutions = False  # ("… thông qua các nghị quyết …, đồng thời đặt ra một số nhiệm vụ … như: …": a new list)
                lead = section
                spoken = False
                # "… đề ra các giải pháp tháo gỡ những khó khăn: tỷ lệ giải ngân thấp; …": what it lists are the
                # difficulties to remedy, each a shortfall where it names one
                # (so, too, the matters voters raise: "… vấn đề cử tri quan tâm như: một số dự án còn chậm tiến độ; …")
                voters = named == TASKS and _VOTERS_RAISE.search(text.lower()) is not None
                remedy = named == TASKS and (_REMEDY.search(text.lower()) is not None or voters)
                lead_alone = _ends_paragraph(doc.text, end)
                # the lead clause itself: a task lead carries content ("đề ra nhiệm vụ … như"); others don't
                yield Clause(s.number, start, end, text, None, True, "lead")
                continue
            lowered = _low(text)
            adopted = _ADOPTED.search(lowered)
            if resolutions and not adopted and not re.match(r"(?:nghị quyết|tờ trình|đề án|quy định|chương trình)\b", lowered):
                if re.search(r"\b(?:đạt|vượt|tăng|giảm)\b[^;]{0,40}\d", lowered) and (
                        (year and str(year) in lowered) or _PAST.search(lowered)):
                    resolutions = False  # "…; thu nhập bình quân đầu người năm 2025 đạt 62 triệu đồng": the list is over
            if adopted or resolutions:
                # "… biểu quyết thông qua 10 Nghị quyết về Kế hoạch phát triển kinh tế - xã hội năm 2022; …; Nghị quyết về
                # "Nâng cao chất lượng trường học đạt chuẩn Quốc gia …"": the session's business; a resolution on what
                # is to be done in particular is a task, the yearly plan, budget and the like are procedure
                resolutions = True
                what = re.sub(r"^.*?\bnghị quyết\b\s*(?:về\s+|phê chuẩn\s+|phê duyệt\s+)?", "",
                              lowered[adopted.end():] if adopted else lowered)
                if adopted and re.match(r"\s*(?:,(?!\s*trong đó)|thể hiện|với|quan trọng(?! như))", lowered[adopted.end():]):
                    what = ""  # "… thông qua các nghị quyết, thể hiện quyết tâm …": the adopting, nothing adopted named
                what = re.sub(r"^(?:[^;:]*\bnghị quyết\b\s*(?:về\s+|phê chuẩn\s+|phê duyệt\s+)?)+", "", what)
                what = re.sub(r"^(?:về|phê chuẩn|phê duyệt)\s+", "", what.strip(" ,:\"“”"))
                if len(re.findall(r"\w+", what)) < 3 or _ROUTINE_RESOLUTION.search(what):
                    yield Clause(s.number, start, end, text, None, True, "procedure")
                else:
                    yield Clause(s.number, start, end, text, TASKS, True, "a resolution adopted")
                continue
            if _PAPERS.search(lowered) or (end == s.end and _REPORT_FRAME.search(text.rstrip(" .:…"))):
                # "Hội nghị cũng đã thông qua báo cáo kết quả …, phương hướng nhiệm vụ trọng tâm 6 tháng cuối năm",
                # "HĐND xã đã xem xét ước thực hiện dự toán ngân sách năm 2025": the papers a meeting takes, not what
                # they say; "Dự thảo báo cáo … của huyện ủy nêu rõ.": who reports
                yield Clause(s.number, start, end, text, None, True, "procedure")
                continue
            own, strong, why = _cue(text, next_year)
            if own == SHORTFALLS and not in_sentence and not lead and _names_no_shortfall(text):
                # "Tuy nhiên, trong quá trình triển khai còn một số khó khăn.": what follows names them
                lead = SHORTFALLS
                lead_alone = _ends_paragraph(doc.text, end)
                yield Clause(s.number, start, end, text, None, True, "lead")
                continue
            if listed and not in_sentence and not lead:
                if own in (None, listed) or not strong or (
                        listed == TASKS and own == ACHIEVEMENTS and not _PAST.search(lowered)):
                    lead = listed  # the list's next paragraph: only another section's strong cue ends the list
                listed = None
            governing = in_sentence or lead or heading
            if remedy and (in_sentence == TASKS or lead == TASKS) and own == SHORTFALLS and (strong or voters):
                section, strong, why = SHORTFALLS, True, "a difficulty the remedy names"
            elif (in_sentence == TASKS or lead == TASKS) and spoken and own == ACHIEVEMENTS and strong and (
                    _PAST.search(lowered) or _REVIEW_OPENER.match(lowered)
                    or re.search(r"\d[^;]{0,40}so với (?:cùng kỳ|năm trước|kỳ trước)", lowered)  # measured against last year
                    or re.match(r"(?:đến nay|hiện nay|hiện|tính đến (?:nay|hết))\b", lowered)
                    or (year and re.match(rf"(?:trong )?năm {year}\b", lowered))):
                # "Bí thư … đề nghị các xã tập trung thu ngân sách. Năm 2024, huyện đã thu đạt 120% …": what
                # was done, with its figure, is no request; the speaker's list ends there
                section, in_sentence, lead, spoken = own, None, None, False
            elif in_sentence == SHORTFALLS and own == TASKS and strong and (why in (
                    "must", "must after its subject", "will", "coming period")
                    or re.match(r"(?:đề nghị|yêu cầu|kiến nghị|cần)\b", lowered)):
                # (not "… để chủ động tham mưu đề xuất xử lý … chưa quyết liệt": a fault that names a proposal)
                # "… còn hạn chế: …; đề nghị làm rõ thêm …; cần gắn trách nhiệm người đứng đầu …": a request among the faults
                section, among_faults = own, True  # (the faults after it are faults still)
            elif in_sentence:
                section, strong, why = in_sentence, True, "lead in the sentence"
            elif before[0] and _DETAIL.match(lowered):
                section, strong, why = before[0], True, "details the clause before"
            elif last_sentence[0] and not new_paragraph and start == s.start and _DETAIL.match(lowered) and (not strong or (
                    last_sentence == (TASKS, True) and own == ACHIEVEMENTS and not _PAST.search(lowered)
                    and not (year and str(year) in lowered))):
                # ("Kỳ họp đã thống nhất các chỉ tiêu chủ yếu năm 2026, phấn đấu hoàn thành 28 chỉ tiêu. Trong đó, thu nhập
                # bình quân đầu người đạt 31 triệu đồng/người/năm; …": the targets it set, figure by figure)
                # "Năm 2026, Đảng bộ … coi … là nhiệm vụ then chốt. Trọng tâm là nâng cao …": the next sentence
                # details the one before
                section, strong, why = last_sentence[0], last_sentence[1], "details the sentence before"
            elif lead and strong and (own == SHORTFALLS and lead != SHORTFALLS or lead == SHORTFALLS and own == TASKS and why in (
                    "coming period", "will", "speaker frame", "must after its subject")):
                # a clause with a strong cue of its own ends the lead's list: a difficulty after a list of tasks,
                # the coming period after a list of shortfalls ("Trong 6 tháng cuối năm, Huyện ủy đề ra …")
                section, lead = own, None
            elif lead:
                section, strong, why = lead, True, "lead"
            elif own == TASKS and why == "task verb" and start == s.start and not new_paragraph and \
                    last_sentence == (ACHIEVEMENTS, True) and not _ASKS.search(lowered):
                # "… đều tăng so với cùng kỳ 2018. Chỉ đạo thường xuyên theo dõi … Ngành công nghiệp … tiếp tục phát
                # triển.": in a paragraph of results, a task verb with no ask reports what was done
                section, strong, why = ACHIEVEMENTS, False, "continues the paragraph"
            elif own == TASKS and why == "task verb" and before[0] == ACHIEVEMENTS and not _ASKS.search(lowered):
                # "… gieo trồng đạt 100% kế hoạch; làm tốt công tác phòng, chống dịch bệnh; không để xảy ra cháy
                # rừng": the subject that reached the result did the rest too
                section, strong, why = ACHIEVEMENTS, before[1], "continues the sentence"
            elif own == TASKS and strong:
                section = own
            elif heading and own != heading and not (own == SHORTFALLS and strong and heading == ACHIEVEMENTS) and not (
                    heading == TASKS and own in (ACHIEVEMENTS, None) and (strong or own is None) and _PAST.search(lowered)):
                # (nor "Đại hội đã bầu 15 đồng chí vào Ban Chấp hành": what was done, under a heading of targets)
                # ("III. PHƯƠNG HƯỚNG … Phát biểu bế mạc, … khẳng định năm 2025, Đảng bộ xã đã kết nạp 42 đảng viên mới"
                # says what was done, under the tasks heading)
                section, strong, why = heading, True, "heading"
            elif before[0] is not None and before[1] and (own is None or (own == TASKS and not strong) or (
                    before[0] == TASKS and own == ACHIEVEMENTS and not strong and not _PAST.search(lowered)
                    and not _FIGURE.search(lowered) and _VERB_FIRST.match(lowered))):
                # ("Tăng cường công tác quản lý đất đai; giải ngân vốn đầu tư công; …": a list of tasks goes on through
                # words that could name a result, until one says what was done)
                section, strong, why = before[0], before[1], "continues the sentence"
            elif own == TASKS and previous_task and (_TASK_START.match(lowered) or why == "task verb after its subject"):
                section, strong, why = TASKS, True, "task run"
            else:
                section = own
            before = (section, strong)
            if section == TASKS and not _PAST.search(lowered) and (  # ("Huyện đã đề ra một số chỉ tiêu … năm 2020 như: …")
                    (why == "coming period" and re.search(r"phấn đấu|mục tiêu|chỉ tiêu", lowered))
                    or (why == "task verb" and strong and re.search(r"phấn đấu|mục tiêu", lowered))):
                in_sentence, spoken, remedy = TASKS, False, False  # "Năm 2026, xã phấn đấu đạt 17 chỉ tiêu, …; thu nhập … đạt 85 triệu đồng; …"
            if why == "details the sentence before" and section == TASKS:
                in_sentence = TASKS  # "… đặt ra nhiều chỉ tiêu cho năm 2026. Trong đó, …; tỉ lệ … đạt trên 99%; …": targets, each
            if why == "speaker frame" and section == TASKS and not among_faults:
                spoken, remedy = True, False
                in_sentence = TASKS  # the rest of the sentence is what the speaker asks for,
                if _SPEAKER_SUBJECT.search(text):
                    lead, lead_alone = TASKS, False  # and, when an official speaks, the rest of the paragraph
            if governing is None and section == SHORTFALLS and re.match(r"(?:tuy nhiên|tuy vậy|song|nhưng|bên cạnh)", lowered):
                in_sentence = SHORTFALLS
            yield Clause(s.number, start, end, text, section, strong, why)
        previous_task = before == (TASKS, True)
        last_sentence = before


def _ends_paragraph(text: str, end: int) -> bool:
    """Whether only a colon, a full stop or spaces stand between `end` and the next line break."""
    return re.match(r"[:.…]?[ \t]*(?:\r?\n|$)", text[end:]) is not None


def by_sentence(doc: Document) -> dict[int, list[Clause]]:
    """The clauses of each sentence, by sentence number, in order (sentences without clauses absent)."""
    out: dict[int, list[Clause]] = {}
    for c in clauses(doc):
        out.setdefault(c.sentence, []).append(c)
    return out


def by_section(doc: Document) -> dict[str, list[int]]:
    """Sentence numbers holding a clause of each section: the hints each section's request shows."""
    out: dict[str, list[int]] = {ACHIEVEMENTS: [], SHORTFALLS: [], TASKS: []}
    for c in clauses(doc):
        if c.section and (not out[c.section] or out[c.section][-1] != c.sentence):
            out[c.section].append(c.sentence)
    return out
