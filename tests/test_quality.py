"""Quality on the seeds' gold, from the recorded model answers: a change to prompts, schema or code
that lowers these figures fails here. Raise the floors when quality improves (and say so in the
commit); never lower them to make a change pass."""

import pytest

from summarizer import summarize
from summarizer.eval.score import load_gold, score, table, totals
from summarizer.extract.client import ModelConfig
from summarizer.pipeline import Summarizer, load_document
from tests.conftest import RECORD_URL, RECORDED_MODEL, ROOT, SEEDS

CASSETTES = [str(ROOT / "cassettes" / f"seed_{p.stem}.json") for p in SEEDS]

# measured on the cassettes recorded for this prompt version (see README, "Quality"). Item recall fell
# from 0.94 to 0.90 when the section rules were rewritten on the corpus's tune half (they were written
# on these five seeds before); grounding fell from 0.99 to 0.95 because claim words are now checked.
FLOORS = {
    "item_recall": 0.93,
    "item_precision": 0.76,  # 0.774 -> 0.768 in session 9: 000's "các chỉ tiêu còn lại đang tiếp tục được thực hiện …"
    #                           (no item in the gold) now reads as done rather than asked, and the re-recorded answers moved
    "people_precision": 1.0,  # people the source does not name are left out (named in the notes)
    "people_recall": 1.0,
    "number_fidelity": 1.0,
    "grounding_rate": 0.95,
    "locality_ok": 5,
    "period_ok": 4,  # 002's gold period "từ đầu nhiệm kỳ đến nay" is read by neither code nor model
}


def config():
    return ModelConfig(model=RECORDED_MODEL, base_url=RECORD_URL, mode="tools", transport_attempts=1)


@pytest.mark.vcr(*CASSETTES)
def test_eval_on_the_recorded_seed_briefings_meets_the_floors(capsys):
    scores, model_only = [], []
    with Summarizer(config()) as summarizer:
        for seed in SEEDS:
            doc = load_document(seed)
            gold = load_gold(ROOT / "seeds" / "gold" / f"{seed.stem}.json")
            extraction, usage = summarizer.extract(doc)  # each recorded answer replays once
            scores.append(score(summarizer.finish(doc, extraction, usage), gold, doc.text))
            model_only.append(score(summarizer.finish(doc, extraction, usage, fill=False), gold, doc.text))
    t = totals(scores)
    with capsys.disabled():
        print("\n" + table(scores) + "\nmodel alone: " + str(totals(model_only)))
    assert t["reporters_as_officials"] == 0
    for metric, floor in FLOORS.items():
        if floor is not None:
            assert t[metric] >= floor, (metric, t[metric])


@pytest.mark.vcr(CASSETTES[1])
def test_library_function_summarize_replays_like_the_cli():
    text = SEEDS[1].read_text(encoding="utf-8")
    briefing = summarize(text, name="001.txt", base_url=RECORD_URL, model=RECORDED_MODEL, transport_attempts=1)
    assert briefing.provenance.source == "001.txt" and briefing.provenance.usage.requests >= 3
    assert briefing.achievements and all(i.evidence for _, i in briefing.items())
