"""The whole pipeline on each seed, replaying the model's answer recorded from a real server.

Re-record with scripts/record-cassettes (it also refreshes tests/snapshots/). On replay the briefing
must validate, every evidence span must be the source's own text, and the people and numbers must be
the ones the recording produced.
"""

from __future__ import annotations

import hashlib
import json
import os

import pytest

from summarizer.core.schema import SECTIONS, Briefing
from summarizer.core.text import numbers_in
from summarizer.extract.client import ModelConfig
from summarizer.extract.prompts import load_prompt
from summarizer.pipeline import Summarizer, load_document
from summarizer.schema_export import schema_version
from tests.conftest import RECORD_API_KEY, RECORD_URL, RECORDED_MODEL, ROOT, SEEDS

SNAPSHOTS = ROOT / "tests" / "snapshots"
UPDATE = os.environ.get("SUMMARIZER_UPDATE_SNAPSHOTS") == "1"


@pytest.fixture
def default_cassette_name(request):
    return "seed_" + request.node.callspec.params["seed"].stem


def snapshot_of(briefing: Briefing) -> dict:
    return {
        "people": sorted([p.name, p.kind, p.status, p.titles] for p in briefing.people),
        "numbers": {s: [numbers_in(i.text) for i in getattr(briefing, s)] for s in SECTIONS},
        "sentences": {s: [i.sentences for i in getattr(briefing, s)] for s in SECTIONS},
        "statuses": {s: [i.status for i in getattr(briefing, s)] for s in SECTIONS},
        "locality": briefing.locality,
        "period": briefing.period,
    }


@pytest.mark.vcr
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_seed_briefing_from_recorded_answer(seed):
    doc = load_document(seed)
    config = ModelConfig(model=RECORDED_MODEL, base_url=RECORD_URL, api_key=RECORD_API_KEY, mode="tools",
                         transport_attempts=1)
    with Summarizer(config) as summarizer:
        briefing = summarizer.summarize_document(doc)

    # it round-trips through the published schema
    again = Briefing.model_validate_json(briefing.model_dump_json())
    assert again == briefing

    # provenance and usage are filled from the real response
    p = briefing.provenance
    assert p.source == seed.name
    assert p.sha256 == hashlib.sha256(seed.read_bytes()).hexdigest()
    assert p.model == RECORDED_MODEL
    assert p.prompt_version == load_prompt().version
    assert p.schema_version == schema_version()
    assert p.usage.prompt_tokens > 500 and p.usage.completion_tokens > 0 and p.usage.requests >= 1

    # evidence is the source's own text at the recorded spans, and every item has some
    for _, item in briefing.items():
        assert item.evidence, item
        for ev in item.evidence:
            assert doc.text[ev.start : ev.end] == ev.text
            assert 1 <= ev.sentence <= len(doc.sentences)
        if item.status == "grounded":
            evidence = " ".join(e.text for e in item.evidence)
            assert all(n in evidence for n in numbers_in(item.text))

    # people are verbatim from the source and never a reporter promoted to official
    for person in briefing.people:
        if person.status == "grounded":
            assert person.name in doc.text
            assert all(t in doc.text for t in person.titles)

    snapshot = snapshot_of(briefing)
    path = SNAPSHOTS / f"{seed.stem}.json"
    if UPDATE:
        SNAPSHOTS.mkdir(exist_ok=True)
        path.write_text(json.dumps(snapshot, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert snapshot == json.loads(path.read_text(encoding="utf-8"))
