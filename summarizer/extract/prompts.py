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
        """Report text with anything that could close or open the prompt's tags (any case, any
        spacing: `</bao_cao>`, `< BAO_CAO >`) or pass for chat-template markup written as `&lt;…&gt;`:
        the model reads the same words, and nothing in them ends the data before the prompt does."""
        return _delimiters(self.user + "\n" + self.system).sub(
            lambda m: m.group().replace("<", "&lt;").replace(">", "&gt;"), text)


_PLACEHOLDER = re.compile(r"\{(sentences|sentence_count|task|hints)\}")
# chat-template control tokens (<|im_end|>, <|eot_id|>), Llama's [INST] markup, <s> and </s>
_CHAT_MARKUP = r"<\s*\|[^<>|\n]{0,40}\|\s*>|</?\s*s\s*>"


def _fill(template: str, values: dict[str, str]) -> str:
    """Every {name} of `values` in `template` replaced in one pass: inserted text is never scanned
    again, so a report cannot reach a placeholder the template did not put there."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group()), template)


@lru_cache(maxsize=8)
def _delimiters(template: str) -> re.Pattern[str]:
    """The tags a prompt uses (`<bao_cao>` → bao_cao), as found in the text in any case or spacing,
    with or without a slash or attributes, plus chat markup."""
    tags = sorted(set(re.findall(r"</?\s*([A-Za-z_][\w-]*)\s*>", template)))
    alternatives = [rf"<\s*/?\s*{re.escape(tag)}\b[^<>\n]{{0,200}}>" for tag in tags] + [_CHAT_MARKUP]
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
