"""Load the versioned prompt files and render the messages for one document and one task.

A prompt folder holds system.txt, user.txt (with {sentences}, {task}, optionally {sentence_count})
and one task-NAME.txt per request the plan makes (task-achievements.txt …).
"""

from __future__ import annotations

import hashlib
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
        """`hints`: sentence numbers the cue phrases point at, shown in the task as "[3], [7]"."""
        if task not in self.tasks:
            raise KeyError(f"prompt {self.name!r} has no task {task!r} (task-{task}.txt)")
        # the report comes first and the task last, so requests for one report share a prefix the
        # server can cache
        user = (
            self.user.replace("{sentences}", document.numbered())
            .replace("{sentence_count}", str(len(document.sentences)))
            .replace("{task}", self.tasks[task])
            .replace("{hints}", ", ".join(f"[{n}]" for n in hints) if hints else "không có câu nào")
        )
        return [{"role": "system", "content": self.system}, {"role": "user", "content": user}]


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
