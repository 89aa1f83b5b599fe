"""A vcrpy serializer whose cassettes a reviewer can read: JSON bodies pretty-printed as JSON, Vietnamese
as text (not \\u escapes). Bodies are re-serialized on load; the request matcher compares JSON
semantically, so whitespace never breaks a replay. Response bodies are stored, never edited."""

from __future__ import annotations

import json

_MARK = "json"  # a body stored as {"json": ...} was JSON text when recorded


def _expand(body):
    if isinstance(body, (bytes, bytearray)):
        try:
            body = body.decode("utf-8")
        except UnicodeDecodeError:
            return body
    if isinstance(body, str) and body[:1] in "{[":
        try:
            return {_MARK: json.loads(body)}
        except ValueError:
            return body
    return body


def _collapse(body):
    if isinstance(body, dict) and set(body) == {_MARK}:
        return json.dumps(body[_MARK], ensure_ascii=False)
    return body


def serialize(cassette: dict) -> str:
    for interaction in cassette.get("interactions", []):
        request, response = interaction["request"], interaction["response"]
        request["body"] = _expand(request.get("body"))
        response["body"]["string"] = _expand(response["body"].get("string"))
    return json.dumps(cassette, ensure_ascii=False, indent=2) + "\n"


def deserialize(text: str) -> dict:
    cassette = json.loads(text)
    for interaction in cassette.get("interactions", []):
        request, response = interaction["request"], interaction["response"]
        request["body"] = _collapse(request.get("body"))
        response["body"]["string"] = _collapse(response["body"].get("string"))
    return cassette


def json_body_matcher(r1, r2) -> None:
    """vcrpy matcher: equal when both bodies parse to the same JSON (or are byte-equal)."""

    def parsed(request):
        body = request.body
        if isinstance(body, bytes):
            body = body.decode("utf-8", "replace")
        try:
            return json.loads(body) if body else None
        except ValueError:
            return body

    assert parsed(r1) == parsed(r2), "request bodies differ"
