"""Saved news pages built around the seeds, for tests/test_news_pages.py and bench/boilerplate.py.

An editor saves the article page, not the report: the seed's paragraphs sit inside a news site's
furniture. Three layouts, each as a browser or a copy-paste leaves it:

- `portal`: a provincial paper's CMS, every part a <div> with a class (menu, breadcrumb, share bar,
  tags, "Tin liên quan", "Tin cùng chuyên mục", readers' comments and their form, "Đọc nhiều",
  footer), saved whole by a browser (`<!-- saved from url=… -->` first);
- `html5`: the same parts in <header>, <nav>, <main>, <article>, <aside>, <section>, <footer>;
- `fragment`: only the article's <div> copied out of a page, its related box, share bar, tags and
  comment count inside it.

`article_lines(seed)` is the text the page carries as article (headline and paragraphs); every
line the page shows besides is `BOILERPLATE` (or its headline list), none of which a briefing may use.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from summarizer.source.read import decode
from summarizer.source.split import split_document

SITES = ("portal", "html5", "fragment")

# Headlines for the seeds that start without one (the page always has one).
HEADLINES = {
    "000": "HĐND huyện Pác Nặm tổ chức kỳ họp thường lệ giữa năm 2024",
    "002": "Ban Thường vụ Tỉnh ủy làm việc với Ban Thường vụ Huyện ủy Pác Nặm",
}

MENU = ["Trang chủ", "Thời sự", "Chính trị", "Kinh tế", "Xã hội", "Văn hóa", "Thể thao", "Pháp luật",
        "Quốc phòng - An ninh", "Bạn đọc", "Video", "Báo in"]
BREADCRUMB = ["Trang chủ", "Chính trị", "Xây dựng Đảng"]
SHARE = ["Chia sẻ", "Facebook", "Zalo", "In bài viết", "Gửi email", "Cỡ chữ A- A+"]
TAGS = "Từ khóa: Pác Nặm, kinh tế - xã hội, nông thôn mới, thu ngân sách"
# other articles' headlines: report-like sentences, the boilerplate most likely to become an item
RELATED = [
    "Huyện Ba Bể hoàn thành 100% kế hoạch thu ngân sách năm 2023",
    "Chợ Đồn tăng cường công tác phòng, chống thiên tai trong mùa mưa lũ",
    "Bạch Thông đẩy nhanh tiến độ giải ngân vốn đầu tư công",
    "Na Rì: Tỷ lệ hộ nghèo giảm còn 18,5%",
]
SAME_SECTION = [
    "Ngân Sơn tập trung xây dựng nông thôn mới nâng cao",
    "Thành phố Bắc Kạn tổng kết công tác xây dựng Đảng 6 tháng đầu năm",
    "Pác Nặm: Nhiều chỉ tiêu kinh tế - xã hội đạt khá",
    "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 15",
]
MOST_READ = [
    "Tỉnh Bắc Kạn có 12 sản phẩm OCOP đạt 4 sao",
    "Kiểm tra tiến độ các dự án trọng điểm trên địa bàn tỉnh",
    "Thời tiết hôm nay: Bắc Kạn có mưa rào và dông",
]
COMMENTS = [
    ("Nguyễn Văn Hùng", "08/07/2023 09:12", "Mong huyện tiếp tục quan tâm đầu tư đường giao thông liên xã."),
    ("Hoàng Thị Mai", "08/07/2023 14:30", "Bài viết rất thiết thực, cảm ơn phóng viên."),
]
COMMENT_FORM = ["Ý kiến bạn đọc", "Họ và tên", "Email", "Nội dung", "Gửi ý kiến"]
FOOTER = [
    "BÁO BẮC KẠN ĐIỆN TỬ",
    "Cơ quan chủ quản: Tỉnh ủy Bắc Kạn",
    "Giấy phép số 12/GP-BTTTT ngày 05/01/2021 của Bộ Thông tin và Truyền thông",
    "Tổng Biên tập: Hoàng Văn Sơn",
    "Địa chỉ: Tổ 1, phường Đức Xuân, thành phố Bắc Kạn, tỉnh Bắc Kạn",
    "Điện thoại: 0209 3870 412 - Email: toasoan@baobackan.example",
    "Ghi rõ nguồn Báo Bắc Kạn điện tử khi phát hành lại thông tin từ website này.",
]
DATE_LINE = "Thứ Sáu, 07/07/2023 10:15 (GMT+7)"
BOILERPLATE = (MENU + BREADCRUMB + SHARE + [TAGS] + RELATED + SAME_SECTION + MOST_READ
               + [text for c in COMMENTS for text in c] + COMMENT_FORM + FOOTER + [DATE_LINE]
               + ["Tin liên quan", "Tin cùng chuyên mục", "Đọc nhiều", "Bình luận (2)", "Đăng nhập", "Đăng ký"])


def article_lines(seed: Path) -> list[str]:
    """The article as the page shows it: the headline, then each paragraph of the seed that holds a
    sentence, without the furniture the seed itself was saved with ("Tin liên quan …", a video
    player's "0:00", a " date 2024-06" stamp)."""
    doc = split_document(seed.name, decode(seed.read_bytes(), seed.name))
    lines, pos = [], 0
    for line in doc.text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        inside = [s for s in doc.sentences if start <= s.start and s.end <= end]
        if inside:
            lines.append(doc.text[inside[0].start : inside[-1].end])
    if doc.sentences[0].role != "headline":
        lines.insert(0, HEADLINES[seed.name[:3]])
    return lines


def _list(items: list[str], cls: str) -> str:
    return f'<ul class="{cls}">' + "".join(f'<li><a href="/{k}.html">{escape(t)}</a></li>' for k, t in enumerate(items)) + "</ul>"


def _comments() -> str:
    return "".join(f'<div class="comment"><b class="name">{escape(n)}</b> <span class="time">{escape(t)}</span>'
                   f"<p>{escape(text)}</p></div>" for n, t, text in COMMENTS)


def news_page(seed: Path, site: str) -> str:
    """The saved page of one seed in one of SITES' layouts, as HTML text."""
    headline, *paragraphs = article_lines(seed)
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    share = "".join(f'<a class="share" href="#">{escape(s)}</a>' for s in SHARE)
    slug = seed.stem.replace("_", "-")
    if site == "portal":
        return f"""<!-- saved from url=(0052)https://baobackan.example/chinh-tri/{slug}.html -->
<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>{escape(headline)} - Báo Bắc Kạn điện tử</title>
<link rel="stylesheet" href="./{slug}_files/style.css"><script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments)}}</script>
<style>.menu li{{display:inline}}</style></head>
<body><div class="topbar"><span>{escape(DATE_LINE.split(" 10:")[0])}</span> <a href="#">Đăng nhập</a> <a href="#">Đăng ký</a></div>
<div class="menu">{_list(MENU, "nav-list")}</div>
<div class="breadcrumb">{" » ".join(f'<a href="#">{escape(b)}</a>' for b in BREADCRUMB)}</div>
<div class="container"><div class="col-main"><div class="detail">
<h1 class="title">{escape(headline)}</h1><div class="date">{escape(DATE_LINE)}</div>
<div class="share-bar">{share}</div>
<div class="content">{body}</div>
<div class="tags">{escape(TAGS)}</div>
<div class="related"><div class="box-title">Tin liên quan</div>{_list(RELATED, "related-list")}</div>
<div class="same-section"><div class="box-title">Tin cùng chuyên mục</div>{_list(SAME_SECTION, "news-list")}</div>
<div class="comments"><div class="box-title">{COMMENT_FORM[0]}</div>{_comments()}
<div class="comment-form"><label>{COMMENT_FORM[1]}</label><input name="name"><label>{COMMENT_FORM[2]}</label><input name="email">
<label>{COMMENT_FORM[3]}</label><textarea></textarea><a class="button" href="#">{COMMENT_FORM[4]}</a></div></div>
</div></div><div class="col-side"><div class="box-title">Đọc nhiều</div>{_list(MOST_READ, "most-read")}</div></div>
<div class="footer">{"".join(f"<p>{escape(f)}</p>" for f in FOOTER)}</div>
<script>gtag('config','G-XXXX');</script></body></html>
"""
    if site == "html5":
        return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{escape(headline)} | Báo Bắc Kạn</title>
<meta property="og:title" content="{escape(headline)}"><script src="/js/app.js"></script></head>
<body><header><a href="/">BÁO BẮC KẠN</a><nav>{_list(MENU, "menu")}</nav></header>
<main><nav class="breadcrumb">{" / ".join(f'<a href="#">{escape(b)}</a>' for b in BREADCRUMB)}</nav>
<article><h1>{escape(headline)}</h1><time datetime="2023-07-07T10:15">{escape(DATE_LINE)}</time>
<div class="social">{share}</div>
<div class="article-body">{body}</div>
<p class="tags">{escape(TAGS)}</p>
<section class="related"><h2>Tin liên quan</h2>{_list(RELATED, "related")}</section>
</article>
<section class="more"><h2>Tin cùng chuyên mục</h2>{_list(SAME_SECTION, "more")}</section>
<section id="comments"><h2>Bình luận (2)</h2>{_comments()}
<form><label>{COMMENT_FORM[1]}</label><input><label>{COMMENT_FORM[2]}</label><input><label>{COMMENT_FORM[3]}</label>
<textarea></textarea><button>{COMMENT_FORM[4]}</button></form></section></main>
<aside><h2>Đọc nhiều</h2>{_list(MOST_READ, "top")}</aside>
<footer>{"".join(f"<p>{escape(f)}</p>" for f in FOOTER)}</footer></body></html>
"""
    if site == "fragment":
        return f"""<div class="detail-content">
<h1 class="detail-title">{escape(headline)}</h1>
<div class="detail-time">{escape(DATE_LINE)}</div><div class="detail-share">{share}</div>
<div class="detail-body">{body}
<div class="box-related"><div class="box-title">Tin liên quan</div>{_list(RELATED, "related-list")}</div>
</div>
<div class="detail-tags">{escape(TAGS)}</div>
<div class="detail-comment-count">Bình luận (2)</div>
</div>
"""
    raise ValueError(f"unknown site {site!r}: one of {SITES}")
