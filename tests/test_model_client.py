"""The model client against simulated server faults (no model needed): retries, Retry-After, bounds,
re-asks on invalid answers, and errors that never show the key."""

import json

import httpx2
import pytest

from summarizer.core.schema import Extraction
from summarizer.errors import AnswerInvalid, ConfigError, ModelError
from summarizer.extract import retry
from summarizer.extract.client import Extractor, ModelConfig

KEY = "sk-test-SECRET-0123456789abcdef"
VALID = {"title": "Hội nghị", "locality": "huyện Pác Nặm", "period": None, "meeting": None,
         "achievements": [{"text": "Đạt 54% kế hoạch.", "sentences": [1]}], "shortfalls": [], "tasks": [],
         "people": []}


def completion(arguments: dict | str, finish="stop"):
    args = arguments if isinstance(arguments, str) else json.dumps(arguments, ensure_ascii=False)
    return {
        "id": "c1", "object": "chat.completion", "created": 0, "model": "m",
        "choices": [{"index": 0, "finish_reason": finish, "message": {
            "role": "assistant", "content": None,
            "tool_calls": [{"id": "t1", "type": "function", "function": {"name": "Extraction", "arguments": args}}]}}],
        "usage": {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120},
    }


class Script:
    """A fake server answering with the scripted responses in order, counting the requests."""

    def __init__(self, *answers):
        self.answers = list(answers)
        self.requests = []

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        self.requests.append(request)
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        status, headers, body = answer
        return httpx2.Response(status, headers=headers, json=body)


@pytest.fixture
def waits():
    """The client's waits between retries, recorded instead of slept (see extractor's `sleep`)."""
    return []


def extractor(script, sleep=None, **overrides):
    """The live client against `script`; `sleep`: where its waits go (default: a test that must not wait)."""
    config = ModelConfig(model="m", base_url="http://model.test/v1", api_key=KEY, **overrides)
    return Extractor(config, http_client=httpx2.Client(transport=httpx2.MockTransport(script)),
                     sleep=sleep or (lambda seconds: pytest.fail(f"the client waited {seconds} s")))


def extract(ex):
    return ex.extract([{"role": "user", "content": "x"}], 3, Extraction, "doc.txt")


def test_429_with_retry_after_is_honoured_then_succeeds(waits):
    script = Script((429, {"retry-after": "7"}, {"error": {"message": "slow down"}}), (200, {}, completion(VALID)))
    answer = extract(extractor(script, sleep=waits.append))
    assert answer.extraction.achievements[0].sentences == [1]
    assert waits == [7.0]
    assert len(script.requests) == 2
    assert answer.usage.prompt_tokens == 100 and answer.usage.requests == 1


def test_5xx_and_connection_errors_back_off_exponentially_within_bounds(waits):
    script = Script((500, {}, {}), (503, {}, {}), httpx2.ConnectError("reset"), (200, {}, completion(VALID)))
    extract(extractor(script, sleep=waits.append, transport_attempts=4))
    assert len(script.requests) == 4 and len(waits) == 3
    assert all(0 <= w <= 30 for w in waits)


def test_attempts_are_bounded_and_the_error_is_clear_without_the_key(waits):
    script = Script(*[(502, {}, {"error": {"message": f"bad gateway {KEY}"}})] * 3)
    with pytest.raises(ModelError) as e:
        extract(extractor(script, sleep=waits.append, transport_attempts=3, reasks=2))
    assert len(script.requests) == 3  # not 3 × re-asks: faults are retried in one place only
    assert "HTTP 502" in str(e.value) and KEY not in str(e.value)


def test_client_errors_are_not_retried(waits):
    script = Script((401, {}, {"error": {"message": "bad key"}}))
    with pytest.raises(ModelError, match="HTTP 401"):
        extract(extractor(script, sleep=waits.append))
    assert len(script.requests) == 1 and waits == []


def test_invalid_sentence_numbers_are_re_asked_once_with_the_reason():
    bad = dict(VALID, achievements=[{"text": "Đạt 54% kế hoạch.", "sentences": [9]}])
    script = Script((200, {}, completion(bad)), (200, {}, completion(VALID)))
    answer = extract(extractor(script, reasks=1))
    assert answer.reasks == 1 and answer.usage.requests == 2
    assert answer.usage.prompt_tokens == 200  # usage adds up over the re-ask
    reask = json.loads(script.requests[1].content)
    assert "không tồn tại" in json.dumps(reask["messages"], ensure_ascii=False)


def test_a_citation_just_past_the_last_sentence_is_read_as_the_last_without_a_re_ask():
    # seed 003: the embedded model cited [38] of 37 sentences; re-asking cost two whole requests
    past = dict(VALID, achievements=[{"text": "Đạt 54% kế hoạch.", "sentences": [4, 5]},
                                     {"text": "Đạt 54% kế hoạch.", "sentences": [0]}])
    script = Script((200, {}, completion(past)))
    answer = extract(extractor(script, reasks=1))
    assert answer.reasks == 0 and len(script.requests) == 1
    assert [i.sentences for i in answer.extraction.achievements] == [[3], [1]]


def test_report_text_is_sent_verbatim_never_rendered_as_a_template():
    # instructor renders messages with Jinja when given a validation context; a report's own braces
    # must reach the model as written (and an unbalanced "{{" must not fail the request)
    text = "Thu ngân sách {{ 7 * 7 }} tỷ đồng {% if true %}X{% endif %}; mẫu {{ chưa đóng"
    script = Script((200, {}, completion(VALID)))
    extractor(script).extract([{"role": "user", "content": text}], 3, Extraction, "doc.txt")
    assert json.loads(script.requests[0].content)["messages"][0]["content"] == text


def test_the_citation_bound_belongs_to_each_request():
    cites_nine = dict(VALID, achievements=[{"text": "Đạt 54% kế hoạch.", "sentences": [9]}])
    script = Script((200, {}, completion(cites_nine)), (200, {}, completion(cites_nine)))
    ex = extractor(script, reasks=0)
    assert ex.extract([{"role": "user", "content": "x"}], 9, Extraction, "long.txt").extraction.achievements
    with pytest.raises(ModelError, match="validation error"):
        ex.extract([{"role": "user", "content": "x"}], 4, Extraction, "short.txt")


def test_an_answer_still_invalid_after_the_re_asks_fails_the_document():
    script = Script((200, {}, completion('{"title": "cut off')), (200, {}, completion('{"title": "cut off')))
    with pytest.raises(ModelError, match="could not be used"):
        extract(extractor(script, reasks=1))
    assert len(script.requests) == 2


def test_requests_carry_temperature_zero_and_the_answer_budget():
    script = Script((200, {}, completion(VALID)))
    extract(extractor(script, max_tokens=321))
    body = json.loads(script.requests[0].content)
    assert body["temperature"] == 0 and body["max_tokens"] == 321 and body["model"] == "m"
    assert body["tool_choice"]["function"]["name"] == "Extraction"


def test_config_from_environment_and_overrides():
    env = {"OPENAI_API_KEY": KEY, "OPENAI_BASE_URL": "http://vllm:8000/v1", "SUMMARIZER_MODEL": "qwen"}
    config = ModelConfig.from_env(env, mode="json_schema")
    assert (config.model, config.base_url, config.mode, config.is_configured) == ("qwen", "http://vllm:8000/v1", "json_schema", True)
    assert KEY not in repr(config)
    assert not ModelConfig.from_env({}).is_configured
    with pytest.raises(ConfigError, match="unknown mode"):
        ModelConfig.from_env({}, mode="telepathy")


def test_retry_after_as_http_date_and_milliseconds():
    class E:
        def __init__(self, headers):
            self.response = httpx2.Response(429, headers=headers)
    assert retry.retry_after_seconds(E({"retry-after-ms": "1500"})) == 1.5
    assert retry.retry_after_seconds(E({"retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"})) == 0.0
    assert retry.retry_after_seconds(E({})) is None


def test_a_truncated_answer_is_asked_again_with_a_larger_budget_then_reported():
    script = Script((200, {}, completion('{"items": [', finish="length")), (200, {}, completion(VALID)))
    answer = extract(extractor(script, max_tokens=100))
    assert answer.extraction.title == "Hội nghị"
    assert [json.loads(r.content)["max_tokens"] for r in script.requests] == [100, 200]

    script = Script(*[(200, {}, completion('{"items": [', finish="length"))] * 2)
    with pytest.raises(ModelError, match="cut off at 200 tokens"):
        extract(extractor(script, max_tokens=100))
    assert len(script.requests) == 2


def test_a_password_in_the_server_url_is_never_shown(waits):
    config = ModelConfig(model="m", base_url="http://user:hunter2@model.test:8000/v1", transport_attempts=2)
    ex = Extractor(config, http_client=httpx2.Client(transport=httpx2.MockTransport(
        lambda r: (_ for _ in ()).throw(httpx2.ConnectError("refused")))), sleep=waits.append)
    with pytest.raises(ModelError) as e:
        extract(ex)
    assert "hunter2" not in str(e.value) and "http://model.test:8000/v1" in str(e.value)


def test_a_re_ask_refused_as_too_long_is_an_unusable_answer_not_a_server_fault():
    # llama.cpp answers 400 when the re-ask (report + failed answer + reason) passes its context window;
    # the section then comes from the rules instead of failing the whole report
    bad = dict(VALID, achievements=[{"text": "Đạt 54% kế hoạch.", "sentences": [9]}])
    script = Script((200, {}, completion(bad)), (400, {}, {"error": {"message": "exceeds the context window"}}))
    with pytest.raises(AnswerInvalid):
        extract(extractor(script, reasks=1))
    script = Script((400, {}, {"error": {"message": "bad request"}}))
    with pytest.raises(ModelError) as first_request_refused:
        extract(extractor(script, reasks=1))
    assert not isinstance(first_request_refused.value, AnswerInvalid)  # no answer came: a real fault


def text_answer(finish):
    """What a native llama-server gives in tools mode: it ignores tool_choice and writes prose."""
    return {"id": "c1", "object": "chat.completion", "created": 0, "model": "m",
            "choices": [{"index": 0, "finish_reason": finish, "message": {
                "role": "assistant", "content": "Dưới đây là bản tóm tắt báo cáo: huyện đạt nhiều kết quả …"}}],
            "usage": {"prompt_tokens": 100, "completion_tokens": 100, "total_tokens": 200}}


@pytest.mark.parametrize("finish", ["length", "stop"])
def test_a_server_that_writes_text_instead_of_calling_the_tool_is_named_as_such(finish):
    script = Script(*[(200, {}, text_answer(finish))] * 4)
    with pytest.raises(AnswerInvalid) as e:
        extract(extractor(script, max_tokens=100, reasks=1))
    message = str(e.value)
    assert "instead of calling the tool" in message and "--mode json_schema" in message
    assert "max-tokens" not in message
    if finish == "length":
        assert len(script.requests) == 1  # a doubled budget would only buy more prose


def test_a_report_whose_every_answer_is_text_fails_with_the_reason():
    from summarizer.pipeline import Summarizer

    config = ModelConfig(model="m", base_url="http://model.test/v1", max_tokens=100, transport_attempts=1)
    transport = httpx2.MockTransport(lambda request: httpx2.Response(200, json=text_answer("length")))
    with Summarizer(config, http_client=httpx2.Client(transport=transport)) as summarizer:
        with pytest.raises(AnswerInvalid) as e:
            summarizer.summarize("Huyện tổ chức hội nghị. Thu ngân sách đạt 5 tỷ đồng.", "x.txt")
    assert str(e.value).startswith("no section's answer could be used: the server answered with text instead")
    assert "--mode json_schema" in str(e.value)
