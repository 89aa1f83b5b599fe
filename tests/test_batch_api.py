"""Batch API round trip, offline: export requests for the seeds, answer them with the response bodies
the local model really gave (from the cassettes), import, and get the online path's briefings."""

import json
import re

import pytest
from click.testing import CliRunner

from summarizer.cli import cli
from tests.conftest import RECORDED_MODEL, ROOT, SEEDS

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])  # the replay server only


def recorded_answers():
    """Request body → the response body recorded for it, from every seed cassette."""
    answers = {}
    for seed in SEEDS:
        cassette = json.loads((ROOT / "cassettes" / f"seed_{seed.stem}.json").read_text(encoding="utf-8"))
        for i in cassette["interactions"]:
            answers[json.dumps(i["request"]["body"]["json"], sort_keys=True)] = i["response"]["body"]["string"]["json"]
    return answers


def write_recorded_results(requests, results) -> None:
    """A provider's output file (RESULTS, JSONL) answering each line of an exported REQUESTS file with
    the response body recorded for its body in the seed cassettes."""
    answers = recorded_answers()
    with results.open("w", encoding="utf-8") as f:
        for line in map(json.loads, requests.read_text(encoding="utf-8").splitlines()):
            body = answers[json.dumps(line["body"], sort_keys=True)]
            f.write(json.dumps({"custom_id": line["custom_id"], "response": {"status_code": 200, "body": body}}) + "\n")


def test_export_then_import_gives_the_online_briefings(tmp_path, monkeypatch):
    monkeypatch.setenv("SUMMARIZER_MODEL", RECORDED_MODEL)
    requests = tmp_path / "requests.jsonl"
    result = CliRunner().invoke(cli, ["batch", "export", str(ROOT / "seeds"), "-o", str(requests)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in requests.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 15 and len({x["custom_id"] for x in lines}) == 15
    assert all(x["method"] == "POST" and x["url"] == "/v1/chat/completions" for x in lines)

    # each exported body is byte-for-byte what the online path sent (the cassettes hold it)
    answers = recorded_answers()
    outputs = []
    for k, line in enumerate(lines):
        body = answers[json.dumps(line["body"], sort_keys=True)]
        outputs.append({"id": f"batch_req_{k}", "custom_id": line["custom_id"],
                        "response": {"status_code": 200, "request_id": f"r{k}", "body": body}, "error": None})
    # one report's shortfalls request failed at the provider: that report fails by name, the rest import
    outputs[4] = {"id": "batch_req_4", "custom_id": lines[4]["custom_id"], "response": None,
                  "error": {"code": "server_error", "message": "failed"}}
    # another report's achievements answer cites a sentence the report lacks: a Batch has no re-ask
    k = next(k for k, x in enumerate(lines) if x["custom_id"].startswith("003") and x["custom_id"].endswith("achievements"))
    raw = json.dumps(outputs[k]["response"]["body"])
    bad = re.sub(r'(\\"sentences\\":\s*\[)\d+', r"\g<1>999", raw, count=1)
    assert bad != raw
    outputs[k]["response"]["body"] = json.loads(bad)
    results = tmp_path / "results.jsonl"
    results.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in outputs), encoding="utf-8")

    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["batch", "import", str(results), str(ROOT / "seeds"), "-o", str(out)])
    assert result.exit_code == 1
    assert "001_09e389f302c63ca9.txt: shortfalls:" in result.output and "imported 4, failed 1" in result.output

    # the imported briefings equal the ones the online path makes from the same answers
    online = tmp_path / "online"
    from tests.replay_server import ReplayServer

    with ReplayServer() as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        assert CliRunner().invoke(cli, ["summarize", str(ROOT / "seeds"), "-o", str(online), "-q",
                                        "--no-cache"]).exit_code == 0
    for seed in SEEDS:
        if seed.stem.startswith("001"):
            assert not (out / f"{seed.stem}.json").exists()
            continue
        imported = json.loads((out / f"{seed.stem}.json").read_text())
        if seed.stem.startswith("003"):
            # the answer spoilt above: that section comes from the rules and says so, the report is written
            assert imported["flags"]["sections_from_rules"] == ["achievements"] and imported["achievements"]
            continue
        assert imported == json.loads((online / f"{seed.stem}.json").read_text())


def test_failed_lines_of_the_batch_output_keep_the_providers_words():
    from summarizer.batchapi import import_output
    from summarizer.extract.client import ModelConfig
    from summarizer.extract.plan import plan
    from summarizer.pipeline import load_document

    docs = [load_document(seed) for seed in SEEDS[:2]]
    config = ModelConfig(model=RECORDED_MODEL)
    first = [plan(doc, config).requests[0] for doc in docs]
    assert [r.section for r in first] == ["achievements", "achievements"]
    lines = [
        {"custom_id": first[0].custom_id, "error": None,
         "response": {"status_code": 400, "request_id": "r0", "body": {"error": {
             "message": "max_tokens is too large: 99999. This model supports at most 16384 completion tokens.",
             "type": "invalid_request_error", "param": "max_tokens", "code": None}}}},
        {"custom_id": first[1].custom_id, "response": None,
         "error": {"code": "batch_expired",
                   "message": "This request could not be executed before the completion window expired."}},
    ]
    imported = import_output([json.dumps(x) for x in lines], docs, config)
    reasons = dict(imported.failures)
    assert reasons[docs[0].name] == ("achievements: HTTP 400: invalid_request_error: max_tokens is too large: 99999. "
                                     "This model supports at most 16384 completion tokens.")
    assert reasons[docs[1].name] == ("achievements: batch_expired: This request could not be executed before the "
                                     "completion window expired.")
