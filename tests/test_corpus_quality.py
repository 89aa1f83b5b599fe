"""Quality on the annotated corpus (corpus/README.md), held to the figures measured when the rules were
last changed: a change that makes briefings worse on reports nobody tuned for fails here.

The rules alone are scored on every half (no model needed). The full pipeline and the model alone are
scored from the embedded model's recorded drafts of the `check` and `fresh` halves (corpus/answers/), so
the figures the README gives are re-computed by every test run. Floors sit a little under the measured figures."""

import pytest

from summarizer.eval.corpus import run
from summarizer.eval.score import totals
from tests.conftest import ROOT

CORPUS = ROOT / "corpus"
DRAFTS = CORPUS / "answers" / "qwen2.5-coder-1.5b"  # one folder of drafts per half

# measured with `python bench/quality.py corpus/tune` (… corpus/check, … corpus/fresh; README, "Quality")
RULES_FLOORS = {
    "tune": {"item_recall": 0.87, "item_precision": 0.85, "people_precision": 0.98, "people_recall": 0.97,
             "locality_ok": 187, "period_ok": 193},
    "check": {"item_recall": 0.90, "item_precision": 0.85, "people_precision": 0.98, "people_recall": 0.93,
              "locality_ok": 20, "period_ok": 18},
    "fresh": {"item_recall": 0.79, "item_precision": 0.79, "people_precision": 0.90, "people_recall": 0.83,
              "locality_ok": 11, "period_ok": 11},
}
REPORTS = {"tune": 231, "check": 20, "fresh": 12}


@pytest.mark.parametrize("half", ["tune", "check", "fresh"])
def test_the_rules_alone_hold_their_measured_quality(half):
    t = totals([s for scores in run(CORPUS / half)["rules"].values() for s in scores])
    assert t["docs"] == REPORTS[half]
    for key, floor in RULES_FLOORS[half].items():
        assert t[key] >= floor, (half, key, t[key])
    assert t["number_fidelity"] == 1.0 and t["reporters_as_officials"] == 0
    assert t["non_body_items"] == 0 and t["false_all_clear"] == 0


def test_the_corpus_is_split_once_and_both_eras_are_in_each_half():
    import json

    tune, check, fresh = ({p.name for p in (CORPUS / half).glob("*.txt")} for half in ("tune", "check", "fresh"))
    assert tune and check and fresh and not tune & check and not fresh & (tune | check)
    for half in ("tune", "check", "fresh"):
        eras = [json.loads(p.read_text(encoding="utf-8"))["era"] for p in (CORPUS / half / "gold").glob("*.json")]
        assert eras.count("post2025") >= len(eras) / 3 and eras.count("pre2025") >= 1


# measured with `python bench/quality.py corpus/HALF --answers corpus/answers/qwen2.5-coder-1.5b/HALF`
PIPELINE_FLOORS = {
    # (session 10: a named adversity is a shortfall of its own, two more of check's shortfalls found (recall 0.77 ->
    # 0.92) for two split off that its gold does not count (precision 0.90 -> 0.83))
    "check": {"achievements_recall": 0.90, "achievements_precision": 0.87, "shortfalls_recall": 0.92,
              "shortfalls_precision": 0.83, "tasks_recall": 0.93, "tasks_precision": 0.76,
              # (0.85 -> 0.84 in session 10: a cue no longer moves an item its cited sentences do not say into
              # another section; it waits for the editor, and one check item it had moved to the right section with it)
              "item_recall": 0.90, "item_precision": 0.84, "people_precision": 0.96, "people_recall": 0.93},
    # the half nobody read to write a rule
    "fresh": {"achievements_recall": 0.85, "achievements_precision": 0.89, "shortfalls_recall": 0.65,
              "shortfalls_precision": 0.83, "tasks_recall": 0.70, "tasks_precision": 0.51,
              "item_recall": 0.81, "item_precision": 0.79, "people_precision": 0.90, "people_recall": 0.83},
}


@pytest.mark.parametrize("half", ["check", "fresh"])
def test_the_full_pipeline_from_the_embedded_models_recorded_drafts(half):
    results = run(CORPUS / half, DRAFTS / half)
    pipeline = totals([s for scores in results["pipeline"].values() for s in scores])
    model = totals([s for scores in results["model"].values() for s in scores])
    assert pipeline["docs"] == model["docs"] == REPORTS[half]  # every report has a draft and a briefing
    for key, floor in PIPELINE_FLOORS[half].items():
        assert pipeline[key] >= floor, (half, key, pipeline[key])
    assert pipeline["number_fidelity"] == 1.0 and pipeline["reporters_as_officials"] == 0
    assert pipeline["non_body_items"] == 0 and pipeline["false_all_clear"] == 0
    # code is what makes the briefing trustworthy: the model's own filing is far less precise
    assert pipeline["item_precision"] > model["item_precision"] + 0.3
