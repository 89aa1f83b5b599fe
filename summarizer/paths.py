"""Where the user's own files are: the one place that reads paths from the environment.

Model settings come from the environment in ModelConfig.from_env; every path the package reads or
writes outside the folders a command names comes from user_paths(), so a test (or a user) that sets
SUMMARIZER_CACHE_DIR moves the answer cache, the assembled model and the local server's log at once.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

DEFAULT_PRICES = Path(__file__).with_name("prices.json")


@dataclass(frozen=True)
class UserPaths:
    cache: Path  # answers.sqlite3, models/ (the assembled GGUF), local-server.log; made when first written
    prices: Path  # the price table: USD per million tokens by model name


def user_paths(env: Mapping[str, str] | None = None) -> UserPaths:
    """The user's paths from `env` (default: os.environ, read at each call):

    cache  SUMMARIZER_CACHE_DIR, else XDG_CACHE_HOME/summarizer, else ~/.cache/summarizer
    prices SUMMARIZER_PRICES, else summarizer/prices.json
    """
    env = os.environ if env is None else env
    cache = env.get("SUMMARIZER_CACHE_DIR")
    if not cache:
        cache = Path(env.get("XDG_CACHE_HOME") or Path(env.get("HOME") or Path.home()) / ".cache") / "summarizer"
    return UserPaths(cache=Path(cache), prices=Path(env.get("SUMMARIZER_PRICES") or DEFAULT_PRICES))
