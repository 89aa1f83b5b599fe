"""Markdown an editor pastes into a CMS: whatever the model writes or a report holds is shown as text,
never obeyed as markup, and every link of the digest reaches its own briefing. Checked by rendering
with a CommonMark renderer (markdown-it-py) rather than by looking at the Markdown source."""

import html
import re
from html.parser import HTMLParser
from urllib.parse import unquote

import pytest
from markdown_it import MarkdownIt

from summarizer.core.schema import Briefing, Evidence, Flags, Item, Person, Provenance, Usage
from summarizer.render import digest
from summarizer.render.markdown import to_markdown

HOSTILE = [
    "<script>alert('x')</script> đạt *99%* kế hoạch",
    "[bấm vào đây](http://evil.example) và ![ảnh](http://evil.example/x.png)",
    "`mã` __đậm__ ~~gạch~~ <b>in đậm</b> &amp; &#169; \\*",
    "# Tiêu đề giả",
    "- mục giả",
    "1. danh sách giả",
    "> trích dẫn giả",
    "dòng một\n# Tiêu đề giả\n\n---\n| a | b |\n|---|---|",
    "<http://autolink.example> và <!-- chú thích --> và www.example.com",
    "    mã thụt lề",
    "kết thúc bằng dấu \\",
    "***",
]
# structural tokens: any of these coming from the text instead of the template is markup obeyed
STRUCTURE = {"heading_open", "bullet_list_open", "ordered_list_open", "blockquote_open", "hr", "html_block",
             "html_inline", "link_open", "image", "em_open", "strong_open", "code_inline", "code_block", "fence",
             "s_open", "table_open", "paragraph_open", "list_item_open"}


def _briefing(text: str, source: str = "report.txt", stem_model: str = "m") -> Briefing:
    def item(n):
        return Item(text=f"{text} {n}", sentences=[1], cited=[1], status="invented", found_by="model",
                    placement="review" if n == 4 else "agreed", proposed="shortfalls" if n == 4 else None,
                    evidence=[Evidence(sentence=1, start=0, end=len(text), text=text)],
                    problems=[f"vấn đề: {text}"])
    return Briefing(
        title=text, locality=text, period=text, meeting=text,
        achievements=[item(1)], shortfalls=[item(2)], tasks=[item(3)], review=[item(4)],
        people=[Person(name=text, titles=[text, "Bí thư"], kind="official", status="invented", found_by="model")],
        flags=Flags(notes=[f"ghi chú: {text}"]),
        provenance=Provenance(source=source, sha256="0" * 64, model=stem_model, mode="tools", prompt_version="p@1",
                              schema_version="s", usage=Usage()),
    )


def _tokens(markdown: str):
    for token in MarkdownIt("commonmark").parse(markdown):
        yield token
        yield from token.children or []


def _structure(markdown: str) -> list[str]:
    return [t.type for t in _tokens(markdown) if t.type in STRUCTURE]


def _texts(markdown: str) -> list[str]:
    """The text of each inline run as a reader sees it."""
    out = []
    for token in MarkdownIt("commonmark").parse(markdown):
        if token.type == "inline":
            out.append("".join(c.content if c.type in ("text", "code_inline") else " " if c.type == "softbreak"
                               else "" for c in token.children))
    return out


def _one_line(text: str) -> str:
    return re.sub(r"\s*\n\s*", " ", text)


@pytest.mark.parametrize("text", HOSTILE)
def test_model_and_source_text_render_as_text_never_as_markup(text):
    plain = to_markdown(_briefing("chữ thường"))
    source = f"a`b {text}"
    hostile = to_markdown(_briefing(text, source=source, stem_model=f"m`{text}"))
    # the same blocks, lists, quotes, emphasis and links as an ordinary briefing: none from the text
    assert _structure(hostile) == _structure(plain)
    rendered = MarkdownIt("commonmark").render(hostile)
    assert "<script" not in rendered and "<b>" not in rendered and "<img" not in rendered
    assert "<a " not in rendered and "<h1>" not in rendered.split("</h1>", 1)[1]
    shown = _one_line(text).strip()
    texts = _texts(hostile)
    # the title, each field, each item, its evidence, problem, person and note show the text itself
    assert texts[0] == shown
    assert sum(shown in t for t in texts) >= 14, [t for t in texts if "giả" in t or "đạt" in t][:5]
    assert any(_one_line(source) in t for t in texts)  # the file name in the provenance line, whole


def _links(markdown: str) -> list[tuple[str, str]]:
    out, href, label = [], None, []
    for token in _tokens(markdown):
        if token.type == "link_open":
            href, label = token.attrs["href"], []
        elif token.type == "link_close":
            out.append((href, "".join(label)))
            href = None
        elif href is not None and token.type == "text":
            label.append(token.content)
    return out


class _Hrefs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.append(dict(attrs)["href"])


STEMS = ["bao_cao#2", "báo cáo (1)", "a]b(c) [x]", "phần 100%", "<x>&y", "a?b=c"]


def test_every_digest_link_reaches_its_own_briefing():
    entries = []
    for k, stem in enumerate(STEMS):
        b = _briefing(f"Báo cáo [{k}](x) *{k}*")
        b.people = [Person(name=f"Nguyễn Văn {chr(65 + k)}", titles=[], kind="official", status="grounded",
                           found_by="rules")]
        entries.append((stem, b))
    md = digest.to_markdown(entries)
    links = _links(md)
    # one link per report heading, one per person (each in one report): all encoded, all found
    assert len(links) == 2 * len(STEMS)
    targets = sorted(unquote(href) for href, _ in links)
    assert targets == sorted([f"{s}.md" for s in STEMS] * 2)
    assert all(re.fullmatch(r"[A-Za-z0-9_.~%-]+", href) for href, _ in links)  # nothing left to misread
    assert sorted(label for _, label in links if label in STEMS) == sorted(STEMS)
    assert sum(label.startswith("Báo cáo [") for _, label in links) == len(STEMS)
    rendered = MarkdownIt("commonmark").render(md)
    assert "<em>0</em>" not in rendered and "Báo cáo [0](x) *0*" in rendered

    parser = _Hrefs()
    parser.feed(digest.to_html(entries))
    assert sorted(unquote(html.unescape(h)) for h in parser.hrefs) == sorted([f"{s}.html" for s in STEMS] * 2)
    assert not any("#" in h or " " in h for h in parser.hrefs)
