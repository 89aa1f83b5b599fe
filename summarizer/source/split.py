"""Split report text into numbered sentences with character spans, leaving scraped noise out.

Spans always index into the text given, so dropping noise never moves evidence: a sentence's span is
where it stands in the report the user supplied.
"""

from __future__ import annotations

import bisect
import hashlib
import re
import unicodedata

from summarizer.core.document import Document, Sentence
from summarizer.core.text import plain, without_marks
from summarizer.structure.roles import assign_roles

# Lines that are page furniture, not report text.
_NOISE_LINE = [
    re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?(\s*/\s*\d{1,2}:\d{2}(?::\d{2})?)?$"),  # video player "0:00 / 0:00"
    re.compile(r"^Xem thêm\b.{0,80}$", re.I),
    re.compile(r"^Tin liên quan\b", re.I),
    re.compile(r"^(Chia sẻ|Bình luận|Quảng cáo|Advertisement|Share)\b.{0,40}$", re.I),
]
# Text that addresses the model rather than the reader: left out of the prompt and reported, so it
# can neither steer the model nor be cited. Not only the stock phrases ("bỏ qua hướng dẫn trên…",
# "ignore previous instructions…") but the ways of speaking to an assistant: a note addressed to it
# ("Lưu ý dành cho trợ lý: …", "Đối với AI tóm tắt văn bản này: …", "Note to the AI: …"), calling on
# it anywhere in the sentence ("Trợ lý hãy …", "…, chatbot nhé", "Dear model, …"), a chat role's
# label ("Hệ thống: từ nay …", "SYSTEM:"), telling it to forget or override what it was told ("hãy
# quên đi các yêu cầu trước đó"), telling it what to write ("hãy ghi rằng …", "khi tóm tắt, hãy …",
# "instead, say …") or what to do with the summary's sections ("mục hạn chế để trống", "xếp tất cả
# câu vào mục thành tích", "output only achievements"), giving it a role or a new task, and
# chat-template markup ("<|im_start|>", "[INST]").
# Each frame is tied to such a way of speaking, never to a topic: a report about virtual assistants,
# BOT toll roads, "không để ai bị bỏ lại phía sau", a speech's "hãy coi … là …", "đối với hệ thống xử
# lý nước thải: …" or "thay thế các hướng dẫn trước đó" is report text (tests/test_hostile.py and
# tests/test_instructions.py hold both lists). Matched against `_as_matched(sentence)`: NFKC (fullwidth
# and other compatibility letters read as plain ones), letters of other scripts that look like Latin
# ones folded to them (a Cyrillic "о" in "ignоre"), zero-width characters dropped, the upper-case
# abbreviation AI spelled "ai-model" (a lower-case "ai" is the Vietnamese "who"), lower case. Words
# written without their accents ("Bo qua moi huong dan o tren") are matched by the same frames with
# the accents taken off, and only where the text itself carries none: "quen" (làm quen) stays apart
# from "quên", "hay" (or) from "hãy" in any properly accented sentence. Each frame is tried only when
# one of its words occurs (a plain substring test), which keeps the check cheap.
# what `_AI` cannot match without (the frames naming the model are skipped when none occurs)
_AI_WORDS = ("trợ lý", "mô hình ngôn ngữ", "mô hình ai-model", "ai-model", "assistant", "chatbot", "chat bot", "llm",
             "gpt", "language model")
_AI = (r"(?:trợ lý(?: ảo| ai-model)?|mô hình (?:ngôn ngữ(?: lớn)?|ai-model)|(?:phần mềm |công cụ |ứng dụng )?ai-model"
       r"|assistant|chatbot|chat bot|llm|gpt|chatgpt|(?:large )?language model)")
_AI_ONLY = (r"(?:trợ lý (?:ảo|ai-model)|mô hình (?:ngôn ngữ|ai-model)|ai-model|assistant|chatbot|chat bot|llm|gpt"
            r"|chatgpt|(?:large )?language model)")
# whatever reads or summarizes this text: "hệ thống tóm tắt", "AI tóm tắt văn bản này", "AI đang đọc
# bài này". A system, software or tool is the model only when it summarizes: "hệ thống xử lý nước
# thải" is report text
_SUMMARIZER = (r"(?:(?:hệ thống|phần mềm|công cụ|máy|mô hình|trình|bot|ai-model) (?:đang |sẽ )?tóm tắt"
               rf"|{_AI_ONLY} (?:đang |sẽ )?(?:đọc|xử lý|phân tích) (?:văn bản|bài|báo cáo|tài liệu|nội dung))")
# the same in English, where "model" and "system" alone name it when spoken to
_AI_EN = r"(?:ai-model(?: assistant| model)?|assistant|chatbot|bot|llm|gpt|chatgpt|(?:large )?language model|model|summari[sz]er|system)"
_AI_EN_WORDS = ("ai-model", "assistant", "chatbot", "bot", "llm", "gpt", "model", "summari", "system")
# the summary's sections, as a request about them names them
_SECTION = r"(?:thành tích|kết quả(?: đạt được)?|hạn chế|tồn tại|khó khăn|nhiệm vụ|giải pháp)"
# "câu" as a sentence of this text, not a club (câu lạc bộ), a question (câu hỏi) or a story
_SENTENCES = r"(?:tất cả\s+|mọi\s+|toàn bộ\s+|các\s+|những\s+|hết\s+)*câu(?! lạc bộ| hỏi| chuyện| đố| trả lời)\b"
_FRAMES: list[tuple[tuple[str, ...], str]] = [
    # the stock phrases
    (("bỏ qua", "phớt lờ", "quên", "tuân theo"),
     r"\b(bỏ qua|phớt lờ|quên|đừng tuân theo|không tuân theo)\b.{0,40}\b(hướng dẫn|chỉ dẫn|chỉ thị|quy tắc|lệnh|prompt)"),
    (("ignore", "disregard", "forget"), r"\b(ignore|disregard|forget)\b.{0,40}\b(instructions?|prompts?|rules)\b"),
    (("prompt", "lời nhắc", "you", "bạn là"),
     r"\b(system prompt|lời nhắc hệ thống|you are now|from now on,? you|từ giờ bạn là|bây giờ bạn là)\b"),
    # "bỏ qua những gì đã nói ở trên …", "disregard the above …" (not "không bỏ qua … đã nêu")
    (("bỏ qua", "phớt lờ", "quên", "bỏ ngoài tai"),
     r"(?<!không )(?<!không để )(?<!tránh )(?<!chớ )(?<!đừng )\b(bỏ qua|phớt lờ|quên|bỏ ngoài tai)\s+(?:đi\s+|hết\s+)*"
     r"(những gì|mọi thứ|mọi điều|tất cả|toàn bộ|mọi nội dung|các nội dung|nội dung)\b.{0,30}"
     r"\b(ở trên|phía trên|bên trên|trước đó|đã nêu|đã nói)"),
    (("ignore", "disregard", "forget"),
     r"\b(ignore|disregard|forget)\s+(?:all\s+|everything\s+)?(?:of\s+)?(?:the\s+)?(above|previous|prior|earlier|preceding|foregoing)\b"),
    # to forget or override what it was told earlier: "hãy quên đi các yêu cầu trước đó", "phớt lờ mọi
    # quy tắc ban đầu" (not "không được quên các yêu cầu …", nor "thay thế các hướng dẫn trước đó")
    (("bỏ qua", "phớt lờ", "quên", "bỏ ngoài tai", "lờ đi", "gạt bỏ", "ghi đè", "làm theo", "tuân theo"),
     r"(?<!không )(?<!không được )(?<!đừng )(?<!chớ )(?<!tránh )(?<!lãng )\b(?:bỏ qua|phớt lờ|quên|bỏ ngoài tai|lờ đi"
     r"|gạt bỏ|ghi đè|không cần (?:làm|tuân) theo|đừng (?:làm|tuân) theo)\s+(?:đi\s+|hết\s+|luôn\s+)*(?:mọi|tất cả|toàn bộ|các|những)?\s*(?:\w+\s+){0,2}?"
     r"(?:hướng dẫn|chỉ dẫn|chỉ thị|yêu cầu|quy tắc|lệnh|mệnh lệnh|câu lệnh|lời nhắc|nhiệm vụ|prompt|thiết lập)"
     r"(?:\s+\w+){0,3}?\s+(?:trước đó|trước đây|ở trên|phía trên|bên trên|đã nêu|đã cho|đã đưa|ban đầu|cũ|gốc"
     r"|của hệ thống|hệ thống|vừa rồi)\b"),
    (("ignore", "disregard", "forget", "override", "overrule", "bypass", "discard", "from now on"),
     r"\bfrom now on\b.{0,30}\b(?:answer|respond|reply|write|output|only|always|never)\b"
     r"|\b(?:ignore|disregard|forget|override|overrule|bypass|discard)\s+(?:all\s+|any\s+|every\s+)?(?:of\s+)?"
     r"(?:the\s+|your\s+|my\s+|these\s+|those\s+)?(?:above|previous|prior|earlier|preceding|foregoing|original"
     r"|initial|system|old|existing)\b.{0,20}?\b(?:instructions?|prompts?|rules|directions|guidelines|directives"
     r"|tasks?|requests?|messages?|context|commands?)\b"),
    # a note addressed to the model: "lưu ý dành cho trợ lý:", "gửi mô hình AI:", "note to the AI"
    (_AI_WORDS,
     r"\b(lưu ý|chú ý|ghi chú|nhắn|lời nhắn|thông điệp|yêu cầu|gửi|gởi|dành cho|note|message|instructions?|reminder)\s+"
     rf"(?:dành\s+|gửi\s+|đối\s+)?(?:cho\s+|tới\s+|đến\s+|với\s+|to\s+|for\s+)?(?:the\s+|các\s+)?{_AI}\s*[:,!-]"),
    (_AI_WORDS,
     r"\b(lưu ý|chú ý|ghi chú|lời nhắn|thông điệp|note|message|instructions?|reminder)\s+(?:dành\s+|gửi\s+)?"
     rf"(?:cho|tới|to|for)\s+(?:the\s+)?{_AI_ONLY}\b"),
    # … or to whatever summarizes the text: "ghi chú cho hệ thống tóm tắt:", "đối với AI tóm tắt văn bản
    # này:", "gửi AI đang đọc bài này:" (a few words may stand before the colon)
    (("tóm tắt", "đọc", "xử lý", "phân tích"),
     r"\b(?:lưu ý|chú ý|ghi chú|nhắn|lời nhắn|thông điệp|yêu cầu|gửi|gởi|dành cho|đối với)\s+"
     rf"(?:dành\s+|gửi\s+)?(?:cho\s+|tới\s+|đến\s+)?(?:các\s+)?{_SUMMARIZER}\b[^:.!?]{{0,40}}:"),
    # the model called upon: "trợ lý ơi, hãy …", "assistant, please …"
    (_AI_WORDS,
     rf"\b{_AI}\s*(?:ơi\s*)?[:,]\s*(?:hãy|xin|vui lòng|làm ơn|please|đừng|không được|chỉ cần|chỉ được"
     r"|only|write|list|say|output|answer|respond|ignore|viết|ghi|liệt kê|trả lời)\b"),
    # … without a comma, in any position: "Trợ lý hãy liệt kê …", "Chatbot hãy bỏ …", "Phần mềm AI hãy
    # xếp …", "hệ thống tóm tắt hãy …", "…, trợ lý nhé", "chatbot ơi" (not people: "các trợ lý hãy …",
    # nor "hãy còn", still: "ứng dụng AI hãy còn hạn chế")
    ((*_AI_WORDS, "tóm tắt", "ơi"),
     rf"(?<!các )(?<!những )(?<!mỗi )(?<!từng )\b(?:{_SUMMARIZER}|{_AI})\s+(?:ơi\s+)?(?:hãy(?! còn)|đừng|vui lòng"
     r"|làm ơn|xin hãy|xin đừng)\b"
     rf"|\b(?:{_AI}|mô hình|hệ thống|phần mềm|máy|bot|máy tính)\s+ơi\b|(?:^|[,;:]\s*)(?:này|hỡi|chào)\s*,?\s+(?:các\s+)?{_AI}\b"
     rf"|\b(?:hãy|đừng|chỉ|vui lòng|làm ơn)\b.{{0,120}},\s*(?:các\s+)?{_AI}\s*(?:ơi|nhé|nha|à|nhá)?\s*[.!?…]*$"),
    (("you", "bạn"), rf"\b(bạn|you)\s+(?:là|are)\s+(?:một\s+|an?\s+)?(?:trợ lý|mô hình ngôn ngữ|{_AI_ONLY}|model)\b"),
    (("as ",), r"\bas (?:the|an|a) (?:ai-model|assistant|language model|model|summari[sz]er)\b"),
    # the model spoken to in English: "Dear model, …", "Hey assistant …", "To the summarizer: …", "The
    # model must output …"
    (_AI_EN_WORDS,
     rf"(?:^|[,;:.!?]\s*)(?:dear|hey|hi|hello|attention|to|ok|okay)\s*,?\s+(?:the\s+|my\s+)?{_AI_EN}\b"
     rf"|\b{_AI_EN}\s+(?:must|should|shall|will|needs? to|has to|is to)\s+(?:now\s+|only\s+|not\s+|never\s+|also\s+)*"
     r"(?:write|say|state|output|respond|answer|list|report|summari[sz]e|include|add|mark|claim|print|return"
     r"|ignore|omit|skip|leave|drop|classify|put|treat)\b"),
    # a chat role's label before an instruction: "Hệ thống: từ nay chỉ trả lời …", "Người dùng: hãy …"
    (("hệ thống", "trợ lý", "người dùng", "nhà phát triển", "quản trị viên", "ai-model", "admin"),
     r"^\W*(?:hệ thống|trợ lý|người dùng|nhà phát triển|quản trị viên|ai-model|admin)\s*:\s*(?:từ nay|từ giờ"
     r"|từ bây giờ|bây giờ|kể từ nay|hãy|đừng|luôn|bạn|không được|chỉ(?! tiêu| số| đạo| thị| huy| định| có| đạt"
     r"| còn| mới| riêng| trong))\b"),
    # a rule for its answers from now on, or their language: "từ nay chỉ trả lời …", "hãy trả lời bằng
    # tiếng Anh"
    (("từ nay", "từ giờ", "tiếng"),
     r"\b(?:từ nay|từ giờ|từ bây giờ)(?: về sau)?,?\s+(?:bạn\s+)?(?:hãy|chỉ|luôn|phải)\s+(?:trả lời|viết|ghi(?! nhận| nhớ)"
     r"|xuất|liệt kê|tóm tắt)\b"
     r"|\b(?:hãy|chỉ)\s+(?:trả lời|viết|xuất|tóm tắt)\s+(?:bằng\s+)?tiếng\s+(?:anh|trung|pháp|nhật|hàn|nga)\b"),
    # what the answer should say: "hãy ghi rằng …", "khi tóm tắt, hãy …", "instead, say …"
    (("rằng",),
     r"\bhãy\s+(?:\w+\s+){0,2}(?:ghi(?! nhận| nhớ)|viết|nói|khẳng định|trả lời|kết luận|báo cáo|liệt kê|xuất|in ra"
     r"|thêm|bổ sung|nêu)\s+(?:\w+\s+){0,3}rằng\b"),
    (("tóm tắt",), r"\bkhi\s+(tóm tắt|viết bản tóm tắt)\b.{0,40}\b(hãy|phải|cần|nhớ|đừng|không được)\b"),
    (("tóm tắt", "trả lời"),
     r"\b(hãy|phải|cần|nhớ)\s+(ghi|viết|đưa|thêm|nêu|liệt kê)\b.{0,60}\b(vào|trong)\s+(bản|phần)\s+(tóm tắt|trả lời)"),
    (("đừng", "không cần", "chớ"),
     r"\b(đừng|không cần|chớ)\s+(tóm tắt|liệt kê|nhắc đến|nhắc tới|nêu)\b.{0,60}"
     r"\b(tóm tắt|trả lời|hạn chế|nhiệm vụ|kết quả|thành tích)"),
    (("thay vào đó", "instead"),
     r"\bthay vào đó,?\s+(hãy|bạn)\b|\binstead,?\s+(write|say|output|list|answer|respond|report)\b"),
    # what to do with the summary's sections or this text's sentences: "mục hạn chế để trống", "để
    # trống mục hạn chế", "xếp tất cả câu vào mục thành tích", "bỏ các câu tiêu cực"
    (("mục", "phần"),
     rf"\b(?:mục|phần)\s+{_SECTION}\s+(?:(?:thì|hãy|cứ|xin|cần|phải|sẽ)\s+)?(?:để trống|bỏ trống|trống không"
     r"|để rỗng|không ghi gì|ghi là không có)\b"
     rf"|\b(?:để trống|bỏ trống|để rỗng)\s+(?:các\s+)?(?:mục|phần)\s+{_SECTION}"),
    (("câu", "hạn chế", "tồn tại", "khó khăn", "yếu kém"),
     rf"\b(?:xếp|đưa|chuyển|gộp|phân loại|đặt|gán)\s+{_SENTENCES}.{{0,40}}?\b(?:vào|sang|thành|là|thuộc)\s+"
     rf"(?:mục|phần|nhóm|loại)\s+(?:{_SECTION}|tích cực)"
     r"|\b(?:xếp|đưa|chuyển|gộp)\s+(?:tất cả\s+|mọi\s+|toàn bộ\s+|các\s+|những\s+)*(?:hạn chế|tồn tại|khó khăn"
     r"|yếu kém)\b.{0,30}?\b(?:vào|sang|thành)\s+(?:mục|phần)\s+(?:thành tích|kết quả)"
     rf"|\b(?:bỏ|loại|loại bỏ|xóa|xoá|lược bỏ|bỏ đi|bỏ hết|ẩn|giấu|không đưa|đừng đưa|không nêu|đừng nêu|không ghi"
     rf"|đừng ghi|không liệt kê|đừng liệt kê)\s+(?:đi\s+)?{_SENTENCES}(?:\s+\w+){{0,3}}?\s+(?:tiêu cực|xấu|yếu kém"
     r"|phê bình|chưa đạt|không tốt|hạn chế|tồn tại)\b"),
    (("only", "section", "empty", "blank", "negative", "english", "shortfall", "limitation", "do not", "don't",
      "never"),
     r"\b(?:output|list|write|report|include|return|print|keep|mention|give)\s+only\s+(?:the\s+)?(?:achievements?"
     r"|shortfalls?|tasks?|positives?|positive (?:items|points|news)|successes|good news|accomplishments)\b"
     r"|\b(?:leave|keep|make)\s+(?:the\s+)?(?:shortfalls?|limitations?|problems?|tasks?|achievements?)"
     r"(?:\s+(?:section|list|field))?\s+(?:empty|blank)\b"
     r"|\b(?:omit|skip|drop|remove|hide|exclude|ignore)\s+(?:all\s+|any\s+|the\s+)*(?:negative|critical|bad)\s+"
     r"(?:sentences|items|points|statements|parts)\b"
     r"|\b(?:skip|omit|drop|remove|hide|ignore)\s+(?:all\s+|any\s+|the\s+)*(?:shortfalls?|limitations?)(?:\s+section)?\b"
     r"|\b(?:do not|don't|never)\s+(?:mention|list|include|report|write)\s+(?:any\s+|the\s+)?(?:shortfalls?"
     r"|limitations?|problems?|negative)\b"
     r"|\b(?:only|just)\s+(?:list|output|write|mention|include|report)\s+(?:the\s+)?(?:achievements?|successes"
     r"|positives?|positive)\b"
     r"|\b(?:respond|answer|reply)\s+(?:only\s+)?in\s+(?:english|chinese|french)\b"),
    # a new role or task for it
    (("của bạn", "your", "instruction"),
     r"\b(nhiệm vụ|vai trò|việc) (?:mới |thật sự |thực sự )?của bạn (?:bây giờ |từ giờ )?là\b"
     r"|\byour (?:new |real |actual )?(?:task|job|role|instructions?)\b|\bnew instructions?\b"),
    (("please", "you ", "make sure"),
     r"\b(please|you must|you should|you will|you are to|make sure to)\b.{0,40}\b(write|say|state|output|respond|answer"
     r"|list|report|summari[sz]e|include|add|mark|claim|print|return)\b"),
    # chat-template markup
    (("system", "assistant", "user", "developer", "model", "#", "inst]", "<"),
     r"(?:^|\s)(?:system|assistant|user|developer)\s*:|^\W*model\s*:|###\s*(?:instruction|response|system)|\[/?inst\]"
     r"|<\|[a-z_]+\|>|</?s>"),
]
_COMPILED_FRAMES = [(words, re.compile(pattern)) for words, pattern in _FRAMES]
_UPPER_AI = re.compile(r"(?<!\w)A\.?I(?!\w)")
_INVISIBLE = re.compile("[\xa0\u202f\u2007\u200b\u200c\u200d\xad\ufeff]")  # what core.text.plain changes
# Letters of other scripts drawn like Latin ones (Cyrillic, Greek, a few Latin variants): "ignоre"
# with a Cyrillic о reads as "ignore" to a model and must to the filter. Letter for letter.
_CONFUSABLES = str.maketrans(
    "аеорсухіјѕԁһԛԝкмтвнАВЕКМНОРСТХУІЈЅ"  # Cyrillic
    "αεοριυνκτχΑΒΕΖΗΙΚΜΝΟΡΤΥΧ"  # Greek
    "ıɑɡɩʏ",  # Latin variants
    "aeopcyxijsdhqwkmtbhABEKMHOPCTXYIJS"
    "aeopiuvktxABEZHIKMNOPTYX"
    "iagiy")
_OTHER_SCRIPT = re.compile("[\u0370-\u052f\u0131\u0251\u0261\u0269\u028f]")


# The frames without accents, for words written without them ("bo qua moi huong dan o tren")
_BARE_FRAMES = [(tuple(dict.fromkeys(map(without_marks, words))), re.compile(without_marks(pattern)))
                for words, pattern in _FRAMES]
_BARE_WORDS = {w for words, _ in _BARE_FRAMES for w in words}


def _trie(words: set[str]) -> str:
    """A regex matching any of `words` (the longest at each place), as a trie of their letters: an
    alternation of a hundred words is tried word by word at every character, a trie letter by letter."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def branch(node: dict) -> str:
        alternatives = [re.escape(ch) + branch(node[ch]) for ch in sorted(node) if ch]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"
        return f"(?:{body})?" if "" in node else body

    return branch(root)


# One scan finds which frames' words occur, with or without accents: most report sentences have
# none, and no frame is tried for them; the others try only the frames of the words found. A word
# found stands for every word it contains ("you " for "you"), which the scan, taking the longest
# word at each place, does not report apart.
_ALL_WORDS = {w for words, _ in _FRAMES for w in words} | _BARE_WORDS
_ANY_WORD = re.compile(_trie(_ALL_WORDS))
_FRAMES_OF = {w: frozenset(i for i, (words, _) in enumerate(_FRAMES) if any(x in w for x in words)) for w in _ALL_WORDS}
_BARE_FRAMES_OF = {w: frozenset(i for i, (words, _) in enumerate(_BARE_FRAMES) if any(x in w for x in words))
                   for w in _ALL_WORDS}


def _as_matched(sentence: str) -> str:
    text = sentence if unicodedata.is_normalized("NFKC", sentence) else unicodedata.normalize("NFKC", sentence)
    text = plain(text) if _INVISIBLE.search(text) else text
    text = text.translate(_CONFUSABLES) if _OTHER_SCRIPT.search(text) else text
    return (_UPPER_AI.sub("ai-model", text) if "AI" in text or "A.I" in text else text).lower()


def addresses_model(sentence: str) -> bool:
    """True when the sentence speaks to the model (an instruction, a note to it, chat markup), in any
    of the ways listed above _FRAMES, accented or not, in look-alike or fullwidth letters."""
    text = _as_matched(sentence)
    found = set(_ANY_WORD.findall(text))
    if not found:  # nearly every sentence of a report: one scan, no frame tried
        return False
    if any(_COMPILED_FRAMES[i][1].search(text) for i in sorted(set().union(*(_FRAMES_OF[w] for w in found)))):
        return True
    # words written without accents: the frames without them, where the text has none either (a
    # properly accented "làm quen với hướng dẫn" is not "quên … hướng dẫn"). A word the scan found as
    # written is a word without accents in the text itself
    tried = sorted(set().union(*(_BARE_FRAMES_OF[w] for w in found)))
    if not tried:
        return False
    bare = without_marks(text)
    return any(text[m.start():m.end()] == m.group() for i in tried for m in _BARE_FRAMES[i][1].finditer(bare))


# A scraped header such as " date 2024-06 " glued before the first sentence.
_LEADING_HEADER = re.compile(r"\s*date\s+\d{4}-\d{2}(?:-\d{2})?\s+")
# Candidate sentence ends: terminal punctuation, optional closing quote/bracket, then white space.
_BOUNDARY = re.compile(r"[.!?…]+[\"”’)]*\s+")
# A list marker at the start of a line belongs to its line: "I. KẾT QUẢ ĐẠT ĐƯỢC", "1. Về kinh tế".
_LIST_MARKER = re.compile(r"\s*(?:[IVXLC]{1,5}|\d{1,2}(?:\.\d{1,2})*|[a-zđA-ZĐ])\s*")
# Abbreviations whose period does not end a sentence ("TP. Bắc Kạn", "PGS. TS. …").
_ABBREVIATIONS = {"tp", "tx", "tt", "ths", "ts", "gs", "pgs", "bs", "ks", "ls", "ncs", "st", "p", "q", "đ", "ng", "cn"}


def split_document(name: str, text: str, raw: bytes | None = None) -> Document:
    """Number the report's sentences. `raw` (the file's bytes) gives the sha256; else the text's UTF-8."""
    sentences: list[Sentence] = []
    noise: list[tuple[int, int]] = []
    suspicious: list[tuple[int, int]] = []
    seen_lines: set[str] = set()
    for line_start, line_end in _lines(text):
        line = text[line_start:line_end]
        stripped = line.strip()
        if not stripped:
            continue
        start = line_start + (len(line) - len(line.lstrip()))
        end = line_start + len(line.rstrip())
        if any(p.match(stripped) for p in _NOISE_LINE) or stripped in seen_lines:
            # repeated lines are captions scraped twice; the first occurrence stays
            noise.append((start, end))
            continue
        seen_lines.add(stripped)
        if not sentences and (m := _LEADING_HEADER.match(text, start, end)):
            noise.append((start, m.end()))
            start = m.end()
        for s_start, s_end in _split_line(text, start, end):
            sentence = text[s_start:s_end]
            if addresses_model(sentence):
                suspicious.append((s_start, s_end))
                continue
            sentences.append(Sentence(len(sentences) + 1, s_start, s_end, sentence))
    roles = assign_roles(text, [(s.start, s.end) for s in sentences])
    sentences = [Sentence(s.number, s.start, s.end, s.text, role) for s, role in zip(sentences, roles)]
    digest = hashlib.sha256(raw if raw is not None else text.encode("utf-8")).hexdigest()
    return Document(name=name, text=text, sha256=digest, sentences=tuple(sentences), noise=tuple(noise),
                    suspicious=tuple(suspicious))


# A line wrapped mid-sentence (text copied from a PDF or a fixed-width page: "… về phát triển kinh tế - xã hội, quốc"
# then "phòng, an ninh …"): a long line with no sentence end, and a next line that opens in lower case. Before a
# capital ("… tại xã Mậu" then "Duệ, xã Du Già."), only in a text wrapped at a width and only where the next
# line's first word would not have fitted: elsewhere a line before a capital is a headline, a heading or a list line.
_WRAPPED = re.compile(r"[^\n]{25,}[\w,\-–%)]$")


def _wrap_width(lines: list[str]) -> int | None:
    """The width (in characters) a text is wrapped at: the greatest line length W such that of the lines of
    25 characters or more, at least five and two in five are 0.85 W to W long (a copied PDF counts letters
    of unequal widths), and two such full lines at least go on in lower case on the next line (a sentence
    wrapped, not paragraphs or list lines of like lengths); None when the text is not wrapped so."""
    long = sorted(len(line) for line in lines if len(line) >= 25)
    need = max(5, (2 * len(long) + 4) // 5)
    for i in range(len(long) - 1, need - 2, -1):
        if i + 1 - bisect.bisect_left(long, 0.85 * long[i]) >= need:
            width = long[i]
            wrapped = sum(1 for line, after in zip(lines, lines[1:])
                          if len(line) >= 0.85 * width and after[:1].islower() and _WRAPPED.search(line))
            return width if wrapped >= 2 else None
    return None


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of `text`, a line wrapped mid-sentence joined to the line after it (the
    span then holds the line break, which the sentence splitter reads as a space)."""
    physical: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        physical.append((offset, offset + len(line)))
        offset += len(line) + 1
    width = _wrap_width([text[a:b].strip() for a, b in physical])
    spans: list[tuple[int, int]] = []
    for start, end in physical:
        first = text[start:end].lstrip()[:1]
        if spans and start == spans[-1][1] + 1 and text[spans[-1][0]:spans[-1][1]].strip() and (
                (first.islower() and _WRAPPED.search(text, spans[-1][0], spans[-1][1]))
                or (first.isupper() and width and _cut_before_capital(text[spans[-1][0]:spans[-1][1]].rsplit("\n", 1)[-1].strip(),
                                                                       text[start:end].lstrip(), width))):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _cut_before_capital(before: str, line: str, width: int) -> bool:
    """Whether `line`, opening with a capital, goes on with the sentence of `before` in a text wrapped at
    `width`: `before` has no sentence end, is not in capitals, and the next line's first word would not have
    fitted on it (its length, a space and that word make 85% of the width or more)."""
    return (_WRAPPED.search(before) is not None and not before.isupper()
            and len(before) + 1 + len(line.split(maxsplit=1)[0]) >= 0.85 * width)


# Sentences a crawler glued together, their space lost with a paragraph break ("… (7,9%).Ngành vận tải …",
# "… 9 tháng năm 2021.Ông Lê Văn Hiểu …", a heading run into the text: "… vào ngân sáchTăng trưởng khá …").
_GLUED = re.compile(r"[.!?]+(?=[^\W\d_][^\W\d_])|(?<=[^\W\d_]{3})(?=[^\W\d_]{2})")


def _glued(text: str, start: int, end: int):
    """Zero-space sentence boundaries in text[start:end], as (sentence end, next start): after a full stop
    that follows a word of two lower-case letters, a digit, ")" or "%" and comes before a capital and a
    lower-case letter (not "TP.HCM", "H.Thống Nhất", "3.500"); or between a lower-case run of three
    letters and a capital followed by a lower-case letter (no Vietnamese word is written so; brand
    names such as "VinFast" have two lower-case letters before the capital)."""
    for m in _GLUED.finditer(text, start, end):
        i = m.end()
        if i + 1 >= end or not text[i].isupper():
            continue  # (most matches: inside a word; checked before the token is read)
        word = _last_token(text, start, m.start())  # the token the boundary ends
        caps_next = m.group() and re.match(r"[^\W\d_]{2,}\b", text[i:end]) and text[i:i + 2].isupper() \
            and (word[-2:].isalpha() and word[-2:].islower() or word[-1:].isdigit())  # "khối lượng.TP đã …", "2023.TP"
        if not (text[i + 1].islower() or caps_next):
            continue
        if m.group():  # a full stop
            if word.lower() in _ABBREVIATIONS or re.fullmatch(r"\d{1,2}", word) and text[start:m.start() - len(word)].strip() == "":
                continue  # "Ths.Nguyễn", a list's "1.Về kinh tế"
            letters = re.sub(r"\W", "", word)
            if not (len(letters) >= 2 and letters.isalpha() and (not letters.isupper() or len(letters) >= 3)
                    or word[-1:] in ")%”\"" or word[-1:].isdigit()):
                continue  # not "TP.HCM", "H.Thống Nhất"; but "12,5 tỷ USD.Tuy nhiên"
            yield m.end(), m.end()
        elif word[:1].islower() and text[i - 3:i].isalpha() and text[i - 3:i].islower():
            yield i, i  # "ngân sáchTăng trưởng"; not a name that opens with a capital: "VietinBank", "ZaloPay"


def _split_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    cursor = start
    glued = list(_glued(text, start, end))
    for m in _BOUNDARY.finditer(text, start, end):
        while glued and glued[0][0] <= m.start():
            spans.append((cursor, glued[0][0]))
            cursor = glued.pop(0)[1]
        nxt = text[m.end()] if m.end() < end else ""
        if not nxt or not (nxt.isupper() or nxt.isdigit() or nxt in "\"“(" or text.startswith("![", m.end())):
            continue
        if text[m.start()] == "." and _last_word(text, cursor, m.start()).lower() in _ABBREVIATIONS:
            continue
        if cursor == start and _LIST_MARKER.fullmatch(text, cursor, m.start()):
            continue
        if text[m.start()] == "." and m.start() > 0 and text[m.start() - 1].isupper() and (
                m.start() < 2 or not text[m.start() - 2].isalnum()):
            continue  # an initial: "N. Lân", "Y. Bhơ"
        sentence_end = m.end() - len(m.group()) + len(m.group().rstrip())
        spans.append((cursor, sentence_end))
        cursor = m.end()
    for boundary, after in glued:
        spans.append((cursor, boundary))
        cursor = after
    if cursor < end:
        spans.append((cursor, end))
    return spans


def _last_token(text: str, start: int, end: int) -> str:
    """The run of characters before `end` (not before `start`) up to a space or "(", read backwards like
    _last_word: "(7,9%" → "7,9%", "khối lượng" → "lượng"."""
    i = end
    while i > start and not text[i - 1].isspace() and text[i - 1] != "(":
        i -= 1
    return text[i:end]


def _last_word(text: str, start: int, end: int) -> str:
    """The last run of word characters (as regex `\\w`) in text[start:end], read backwards: a
    `(\\w+)\\W*$` search would rescan the sentence from its start at every period."""
    j = end
    while j > start and not _is_word(text[j - 1]):
        j -= 1
    i = j
    while i > start and _is_word(text[i - 1]):
        i -= 1
    return text[i:j]


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"
