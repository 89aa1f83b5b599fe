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
    """The model server failed, or its answer could not be turned into a briefing."""


class ConfigError(SummarizerError):
    """Configuration is missing or contradictory (no server, unknown mode, missing extra)."""


class AnswerInvalid(ModelError):
    """The model answered, but its answer still failed validation after the re-asks (or was cut off
    twice): the request was made, so the report can still get a briefing from the rules."""
