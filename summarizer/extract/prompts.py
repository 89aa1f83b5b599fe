"""Load the versioned prompt files and render the messages for one document and one task.

A prompt folder holds system.txt, user.txt (with {sentences}, {task}, optionally {sentence_count})
and one task-NAME.txt per request the plan makes (task-achievements.txt …).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache

from summarizer.core.document import Document
from summarizer.core.text import without_marks
from summarizer.resources import data_dir

DEFAULT_PROMPT = "briefing"


@dataclass(frozen=True)
class Prompt:
    name: str
    system: str
    user: str
    tasks: dict[str, str] = field(default_factory=dict)

    @property
    def version(self) -> str:
        """Name plus a hash of every file: any edit to a prompt changes the version."""
        parts = [self.system, self.user] + [f"{k}\0{v}" for k, v in sorted(self.tasks.items())]
        digest = hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()
        return f"{self.name}@{digest[:12]}"

    def messages(self, document: Document, task: str, hints: list[int] | None = None) -> list[dict[str, str]]:
        """[system, user] messages for one report and one task (a key of `tasks`); `hints`: sentence
        numbers the cue phrases point at, shown in the task as "[3], [7]". Raises KeyError for an
        unknown task.

        The report can change nothing but its own place in the prompt: placeholders are filled in one
        pass (a "{task}" written in a report stays text), and whatever in the report looks like the
        prompt's own delimiters (`</bao_cao>`) or a chat template's markup (`<|im_end|>`) is escaped."""
        if task not in self.tasks:
            raise KeyError(f"prompt {self.name!r} has no task {task!r} (task-{task}.txt)")
        values = {
            "sentence_count": str(len(document.sentences)),
            "hints": ", ".join(f"[{n}]" for n in hints) if hints else "không có câu nào",
        }
        # the task file is ours and may use placeholders; it is filled first, then placed whole
        values["task"] = _fill(self.tasks[task], values)
        values["sentences"] = self.escape(document.numbered())
        # the report comes first and the task last, so requests for one report share a prefix the
        # server can cache
        user = _fill(self.user, values)
        return [{"role": "system", "content": self.system}, {"role": "user", "content": user}]

    def escape(self, text: str) -> str:
        """Report text with anything that could close or open the prompt's tags or pass for chat-template
        markup written as `&lt;…&gt;`: in any case or spacing, across a line break (`</bao_cao` then
        `>` on the next line, even with the next sentence's number between), with the tag's words
        apart or unaccented (`</bao cao>`, `<báo-cáo>`), with fullwidth or other look-alike brackets
        (`＜/bao_cao＞`, `〈bao_cao〉`). A tag left open (`</bao_cao` with no `>`) is escaped too. The
        model reads the same words, and nothing in them ends the data before the prompt does."""
        pattern = _delimiters(self.user + "\n" + self.system)
        folded = _as_ascii_brackets(text)  # one character for one: a match is at the same place in `text`
        out, cursor = [], 0
        for m in pattern.finditer(folded):
            out.append(text[cursor:m.start()])
            out.append("".join("&lt;" if f == "<" else "&gt;" if f == ">" else ch
                               for ch, f in zip(text[m.start():m.end()], m.group())))
            cursor = m.end()
        out.append(text[cursor:])
        return "".join(out)


_PLACEHOLDER = re.compile(r"\{(sentences|sentence_count|task|hints)\}")
# Characters a model may read as the ASCII ones of a tag: fullwidth forms (＜／ｂａｏ＿ｃａｏ＞ ｜),
# small and mathematical angle brackets, fraction and division slashes. Letters lose their marks
# (báo_cáo reads as bao_cao). Each one becomes one character, so spans stay put.
_BRACKETS = str.maketrans({**{chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)},
                           **{ch: "<" for ch in "\ufe64\u2329\u3008\u27e8\u2039"},
                           **{ch: ">" for ch in "\ufe65\u232a\u3009\u27e9\u203a"},
                           **{ch: "/" for ch in "\u2044\u2215\u29f8"}})
# between a tag's parts: spaces, line breaks, and the sentence numbers the prompt puts at line starts
_GAP = r"(?:\s|\[\d+\])*"
# chat-template control tokens (<|im_end|>, <|eot_id|>), Llama's [INST] markup, <s> and </s>
_CHAT_MARKUP = rf"<{_GAP}\|[^<>|\n]{{0,40}}\|{_GAP}>|<{_GAP}/?{_GAP}s{_GAP}>"


def _as_ascii_brackets(text: str) -> str:
    return without_marks(text.translate(_BRACKETS))


def _fill(template: str, values: dict[str, str]) -> str:
    """Every {name} of `values` in `template` replaced in one pass: inserted text is never scanned
    again, so a report cannot reach a placeholder the template did not put there."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group()), template)


@lru_cache(maxsize=8)
def _delimiters(template: str) -> re.Pattern[str]:
    """The tags a prompt uses (`<bao_cao>` → bao_cao), as found in the text (with brackets folded,
    see _as_ascii_brackets) in any case, with or without a slash or attributes, its words joined by
    `_`, `-`, spaces or nothing, across line breaks, closed by `>` or left open; plus chat markup."""
    tags = sorted(set(re.findall(r"</?\s*([A-Za-z_][\w-]*)\s*>", template)))
    alternatives = []
    for tag in tags:
        words = f"(?:[_-]|{_GAP})*".join(re.escape(part) for part in re.split(r"[_-]+", tag) if part)
        alternatives.append(rf"<{_GAP}/?{_GAP}{words}(?![^\W_])(?:[^<>]{{0,200}}>)?")
    alternatives.append(_CHAT_MARKUP)
    return re.compile("|".join(alternatives), re.IGNORECASE)


@lru_cache(maxsize=8)
def load_prompt(name: str = DEFAULT_PROMPT) -> Prompt:
    folder = data_dir("prompts") / name
    if not folder.is_dir():
        raise FileNotFoundError(f"no prompt named {name!r} in {folder.parent}")
    system = (folder / "system.txt").read_text(encoding="utf-8").strip()
    user = (folder / "user.txt").read_text(encoding="utf-8").strip()
    for placeholder in ("{sentences}", "{task}"):
        if placeholder not in user:
            raise ValueError(f"{folder / 'user.txt'} lacks the {placeholder} placeholder")
    tasks = {
        path.stem.removeprefix("task-"): path.read_text(encoding="utf-8").strip()
        for path in sorted(folder.glob("task-*.txt"))
    }
    if not tasks:
        raise ValueError(f"{folder} has no task-*.txt file")
    return Prompt(name=name, system=system, user=user, tasks=tasks)
