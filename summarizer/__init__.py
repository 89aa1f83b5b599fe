"""summarizer: structured, source-grounded briefings from Vietnamese local-government news reports.

    from summarizer import summarize
    briefing = summarize(text)            # model from OPENAI_API_KEY / OPENAI_BASE_URL, or local
"""

from summarizer.core.schema import Briefing
from summarizer.extract.client import ModelConfig
from summarizer.pipeline import Summarizer, summarize

__all__ = ["Briefing", "ModelConfig", "Summarizer", "summarize"]
