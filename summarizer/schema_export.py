"""JSON Schema of the pydantic models, as committed in schemas/ (a test fails when they drift apart)."""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache

from summarizer.core.schema import Briefing, SectionAnswer

SCHEMAS = {"briefing": Briefing, "extraction": SectionAnswer}  # extraction: what the model fills


def schema_json(name: str = "briefing") -> str:
    schema = SCHEMAS[name].model_json_schema()
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


@lru_cache(maxsize=1)
def schema_version() -> str:
    """A hash of the model-facing schema: what the model is asked to fill."""
    return "extraction@" + hashlib.sha256(schema_json("extraction").encode()).hexdigest()[:12]
