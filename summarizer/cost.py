"""Cost of tokens, from a small editable price table (summarizer/prices.json or SUMMARIZER_PRICES)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from summarizer.paths import user_paths


@lru_cache(maxsize=4)
def _table(path: str) -> dict:
    return {k: v for k, v in json.loads(Path(path).read_text(encoding="utf-8")).items() if not k.startswith("_")}


def price_table() -> dict:
    """{model: {"input": USD, "output": USD}} per million tokens, from the user's price table."""
    return _table(str(user_paths().prices))


def cost_usd(model: str, prompt_tokens: int, completion_tokens: int) -> float | None:
    """None for a model the table does not list: tokens are reported, a price is never guessed."""
    price = price_table().get(model)
    if price is None:
        return None
    return round((prompt_tokens * price["input"] + completion_tokens * price["output"]) / 1_000_000, 6)
