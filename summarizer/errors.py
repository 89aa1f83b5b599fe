"""Errors a user sees: each names the input and the problem in one line."""

from __future__ import annotations


class SummarizerError(Exception):
    """Base for errors the CLI reports without a traceback."""


class SourceError(SummarizerError):
    """The input file cannot be read as a report."""

    def __init__(self, name: str, problem: str) -> None:
        super().__init__(f"{name}: {problem}")
        self.name = name
        self.problem = problem


class ModelError(SummarizerError):
    """The model server failed, or its answer could not be turned into a briefing.

    `spent` (a core.schema.Usage, or None for none) is the usage of the answers received before the
    failure, for the report as far as it got: whatever the outcome, those tokens were paid for."""

    def __init__(self, message: str = "", spent=None) -> None:
        super().__init__(message)
        self.spent = spent


class ConfigError(SummarizerError):
    """Configuration is missing or contradictory (no server, unknown mode, missing extra)."""


class AnswerInvalid(ModelError):
    """The model answered, but its answer still failed validation after the re-asks (or was cut off
    twice): the request was made, so the report can still get a briefing from the rules. `cached`:
    the answer cache says so of an answer given before (nothing new to warn about)."""

    def __init__(self, message: str = "", spent=None, cached: bool = False) -> None:
        super().__init__(message, spent)
        self.cached = cached
