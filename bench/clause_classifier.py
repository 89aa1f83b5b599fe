"""A learned clause classifier beside the cue rules: which files each clause under the right section.

Issue 10 asks for it to be measured, and for whatever measures best on `check` to be kept. The
classifier is scikit-learn's logistic regression over TF-IDF word and character n-grams of the clause
(and of the clause before it, for context), trained on the `tune` half only. Each training clause is
labelled from the gold: the section of a gold item whose `must` tokens all occur in the clause, else
"none". Three labellers are scored with the same scorer as `bench/quality.py` (rules alone, no model):

- rules:   the cue rules of summarizer/structure/scope.py, as shipped;
- learned: the classifier alone decides every body clause's section;
- hybrid:  the classifier, with the rules' section and cue as extra features;
- veto:    the rules' section, unless the hybrid classifier is sure (p >= 0.8) of another one or of none.

Only the section of each body clause changes; headings, captions, bylines and the rest stay out of
the items either way, so the comparison is about section scope alone.

    pip install scikit-learn   # a measuring tool only: the package does not depend on it
    python bench/clause_classifier.py [--train corpus/tune] [--measure corpus/check corpus/fresh]
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.pipeline import FeatureUnion, make_pipeline  # noqa: E402

from summarizer.core.text import plain  # noqa: E402
from summarizer.eval import corpus  # noqa: E402
from summarizer.eval.score import load_gold, totals  # noqa: E402
from summarizer.pipeline import load_document  # noqa: E402
from summarizer.structure import scope  # noqa: E402

SECTIONS = ("achievements", "shortfalls", "tasks")
BODY_CUES = {"heading", "lead", "headline", "opening", "caption", "byline", "furniture"}
_rules_label = scope._label  # the shipped labeller, kept before any patching


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def _body(clauses) -> list[int]:
    """Indexes of the clauses a labeller may file (body clauses that are not leads or headings)."""
    return [i for i, c in enumerate(clauses) if c.why not in BODY_CUES]


def _features(clauses, i: int, hybrid: bool) -> str:
    """One clause as text for the vectoriser: its words, the previous clause's words marked as context,
    and for the hybrid the rules' decision as tokens."""
    c = clauses[i]
    prev = plain(clauses[i - 1].text).lower() if i else ""
    text = plain(c.text).lower() + " || " + " ".join("p_" + w for w in prev.split()[-8:])
    if hybrid:
        text += f" rule_{c.section or 'none'} why_{c.why.replace(' ', '_')} strong_{c.strong}"
    return text


def training_set(folder: Path, hybrid: bool) -> tuple[list[str], list[str]]:
    xs, ys = [], []
    for gold_path in sorted((folder / "gold").glob("*.json")):
        gold = load_gold(gold_path)
        doc = load_document(folder / gold["doc"])
        clauses = list(_rules_label(doc))
        musts = [(s, [_nfc(m) for m in item["must"]]) for s in SECTIONS for item in gold.get(s, [])]
        for i in _body(clauses):
            text = _nfc(clauses[i].text)
            label = next((s for s, must in musts if all(m in text for m in must)), "none")
            xs.append(_features(clauses, i, hybrid))
            ys.append(label)
    return xs, ys


def train(folder: Path, hybrid: bool):
    xs, ys = training_set(folder, hybrid)
    model = make_pipeline(
        FeatureUnion([
            ("words", TfidfVectorizer(ngram_range=(1, 2), min_df=1, sublinear_tf=True)),
            ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), min_df=2, sublinear_tf=True)),
        ]),
        LogisticRegression(C=4.0, max_iter=2000, class_weight="balanced"),
    )
    model.fit(xs, ys)
    return model, len(xs)


def patched_label(model, hybrid: bool, veto: float | None = None):
    """A drop-in for scope._label whose body clauses take the classifier's section (with `veto`, only
    where the classifier's probability reaches it; elsewhere the rules' section stays)."""
    def label(doc):
        clauses = list(_rules_label(doc))
        body = _body(clauses)
        if body:
            probs = model.predict_proba([_features(clauses, i, hybrid) for i in body])
            classes = list(model.classes_)
            for i, p in zip(body, probs):
                best = classes[int(p.argmax())]
                c = clauses[i]
                if veto is not None and (p.max() < veto or best == (c.section or "none")):
                    continue
                clauses[i] = scope.Clause(c.sentence, c.start, c.end, c.text, None if best == "none" else best,
                                          bool(p.max() >= 0.7), "learned")
        return iter(clauses)
    return label


def measure(folder: Path) -> dict:
    t = totals([s for era in corpus.run(folder)["rules"].values() for s in era])
    return t


def row(name: str, t: dict) -> str:
    f = lambda k: f"{t[k]:.3f}" if isinstance(t.get(k), float) else str(t.get(k))  # noqa: E731
    return (f"{name:8} item {f('item_recall')}/{f('item_precision')}  "
            + "  ".join(f"{s[:5]} {f(s + '_recall')}/{f(s + '_precision')}" for s in SECTIONS))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", type=Path, default=ROOT / "corpus" / "tune")
    ap.add_argument("--measure", type=Path, nargs="+", default=[ROOT / "corpus" / "check", ROOT / "corpus" / "fresh"])
    args = ap.parse_args()
    models = {}
    for name, hybrid in (("learned", False), ("hybrid", True)):
        models[name] = (train(args.train, hybrid), hybrid, None)
    models["veto"] = (models["hybrid"][0], True, 0.8)
    print(f"trained on {args.train.name}: {models['learned'][0][1]} body clauses; figures are recall/precision, rules alone (no model)")
    for folder in [args.train, *args.measure]:
        print(f"\n{folder.name}" + ("  (training half: learned figures are fitted, not measured)" if folder == args.train else ""))
        scope._label = _rules_label
        print(row("rules", measure(folder)))
        for name, ((model, _), hybrid, veto) in models.items():
            scope._label = patched_label(model, hybrid, veto)
            try:
                print(row(name, measure(folder)))
            finally:
                scope._label = _rules_label
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
