"""Load the versioned prompt files and render the messages for one document."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache

from summarizer.core.document import Document
from summarizer.resources import data_dir

DEFAULT_PROMPT = "briefing"


@dataclass(frozen=True)
class Prompt:
    name: str
    system: str
    user: str

    @property
    def version(self) -> str:
        """Name plus a hash of the text: any edit to a prompt file changes the version."""
        digest = hashlib.sha256((self.system + "\0" + self.user).encode("utf-8")).hexdigest()
        return f"{self.name}@{digest[:12]}"

    def messages(self, document: Document) -> list[dict[str, str]]:
        user = self.user.replace("{sentences}", document.numbered()).replace(
            "{sentence_count}", str(len(document.sentences))
        )
        return [{"role": "system", "content": self.system}, {"role": "user", "content": user}]


@lru_cache(maxsize=8)
def load_prompt(name: str = DEFAULT_PROMPT) -> Prompt:
    folder = data_dir("prompts") / name
    if not folder.is_dir():
        raise FileNotFoundError(f"no prompt named {name!r} in {folder.parent}")
    system = (folder / "system.txt").read_text(encoding="utf-8").strip()
    user = (folder / "user.txt").read_text(encoding="utf-8").strip()
    for placeholder in ("{sentences}", "{sentence_count}"):
        if placeholder not in user:
            raise ValueError(f"{folder / 'user.txt'} lacks the {placeholder} placeholder")
    return Prompt(name=name, system=system, user=user)
