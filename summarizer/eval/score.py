"""Score briefings against gold annotations (format: seeds/gold/README.md).

A briefing item covers a gold item when its text or its evidence contains every `must` token of it.
Recall per section: gold items covered by an item of the same section / gold items. Precision per
section: items that cover a gold item of the same section / items of that section (gold lists are
complete, so an item covering nothing is not an item of the report). The confusion table counts each
briefing item once, by where it belongs: the gold section it covers ("none" when it covers no gold
item), against the section it was filed in; gold items no item covers are counted as "missed".
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path

from summarizer.core.schema import SECTIONS, Briefing
from summarizer.core.text import canonical, numbers_in
from summarizer.ground.meta import spelled_out


@dataclass
class DocScore:
    doc: str
    recall: dict[str, tuple[int, int]] = field(default_factory=dict)  # section → (covered, gold)
    precision: dict[str, tuple[int, int]] = field(default_factory=dict)  # section → (right items, items)
    # (gold section or "none", filed section or "missed") → count
    confusion: dict[str, int] = field(default_factory=dict)
    wrong_section: int = 0  # gold items covered only by an item in another section
    people_tp: int = 0
    people_pred: int = 0
    people_gold: int = 0
    reporters_as_officials: int = 0
    numbers_in_source: int = 0
    numbers_total: int = 0
    items_grounded: int = 0
    items_total: int = 0
    locality_ok: bool = False
    period_ok: bool = False
    non_body_items: int = 0  # items whose evidence is only headline, opening, caption, byline or furniture
    false_all_clear: bool = False  # "0 to check" said over such an item


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def _locality_key(locality: str | None) -> str:
    """A place in one written form, so a gold file's "TP Cần Thơ" equals the tool's "thành phố Cần Thơ" (the
    press abbreviates the unit word; one place, two ways of writing it: ground/meta.py's spelled_out)."""
    return canonical(spelled_out((locality or "").strip()))


def _period_key(period: str | None) -> str | None:
    """A period in one written form, so "tháng 6/2019", "tháng 9-2025" and "quý I/2025" in a gold file equal the
    tool's "tháng 6 năm 2019", "tháng 9 năm 2025" and "quý I năm 2025", and "9 tháng năm 2024" equals "9 tháng
    đầu năm 2024" (the same period, two ways of writing it; the gold files use both)."""
    if not period:
        return None
    key = re.sub(r"(\S)\s*[/-]\s*(\d{4})\b", r"\1 năm \2", unicodedata.normalize("NFC", period)).lower()
    return " ".join(re.sub(r"\b(\d{1,2} tháng) đầu năm\b", r"\1 năm", key).split())


def load_gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def score(briefing: Briefing, gold: dict, source_text: str) -> DocScore:
    s = DocScore(doc=gold.get("doc", briefing.provenance.source))

    def haystacks(section: str) -> list[str]:
        return [_nfc(it.text + "\n" + "\n".join(e.text for e in it.evidence)) for it in getattr(briefing, section)]

    all_items = [h for sec in SECTIONS for h in haystacks(sec)]
    musts = {sec: [[_nfc(m) for m in g["must"]] for g in gold.get(sec, [])] for sec in SECTIONS}
    for section in SECTIONS:
        golds = musts[section]
        mine = haystacks(section)
        covered = 0
        for must in golds:
            if any(all(m in h for m in must) for h in mine):
                covered += 1
            elif any(all(m in h for m in must) for h in all_items):
                s.wrong_section += 1
            else:
                _count(s.confusion, section, "missed")
        s.recall[section] = (covered, len(golds))
        right = 0
        for h in mine:
            belongs = [sec for sec in SECTIONS if any(all(m in h for m in must) for must in musts[sec])]
            right += section in belongs
            _count(s.confusion, section if section in belongs else (belongs[0] if belongs else "none"), section)
        s.precision[section] = (right, len(mine))

    gold_people = {canonical(p["name"]): p for p in gold.get("people", [])}
    pred = {canonical(p.name): p for p in briefing.people}
    s.people_gold, s.people_pred = len(gold_people), len(pred)
    s.people_tp = len(set(gold_people) & set(pred))
    s.reporters_as_officials = sum(
        1 for name, p in pred.items() if p.kind == "official" and gold_people.get(name, {}).get("kind") == "reporter"
    )
    for _, item in briefing.items():
        s.items_total += 1
        s.items_grounded += item.status == "grounded"
        for n in numbers_in(item.text):
            s.numbers_total += 1
            s.numbers_in_source += n in source_text
    non_body = {r.sentence for r in briefing.structure}
    s.non_body_items = sum(1 for _, item in briefing.items()
                           if item.evidence and all(e.sentence in non_body for e in item.evidence))
    s.false_all_clear = s.non_body_items > 0 and briefing.flags.to_check == 0
    s.locality_ok = _locality_key(briefing.locality) == _locality_key(gold.get("locality"))
    s.period_ok = _period_key(briefing.period) == _period_key(gold.get("period"))
    return s


def _count(confusion: dict[str, int], gold_section: str, filed: str) -> None:
    key = f"{gold_section}->{filed}"
    confusion[key] = confusion.get(key, 0) + 1


def _ratio(pairs: list[tuple[int, int]]) -> float | None:
    num, den = sum(a for a, _ in pairs), sum(b for _, b in pairs)
    return round(num / den, 3) if den else None


def totals(scores: list[DocScore]) -> dict:
    t: dict = {"docs": len(scores)}
    for section in SECTIONS:
        t[f"{section}_recall"] = _ratio([s.recall.get(section, (0, 0)) for s in scores])
        t[f"{section}_precision"] = _ratio([s.precision.get(section, (0, 0)) for s in scores])
    t["item_recall"] = _ratio([pair for s in scores for pair in s.recall.values()])
    t["item_precision"] = _ratio([pair for s in scores for pair in s.precision.values()])
    t["wrong_section"] = sum(s.wrong_section for s in scores)
    tp, pred, gold = (sum(getattr(s, k) for s in scores) for k in ("people_tp", "people_pred", "people_gold"))
    t["people_precision"] = round(tp / pred, 3) if pred else None
    t["people_recall"] = round(tp / gold, 3) if gold else None
    t["reporters_as_officials"] = sum(s.reporters_as_officials for s in scores)
    nin, ntot = sum(s.numbers_in_source for s in scores), sum(s.numbers_total for s in scores)
    t["number_fidelity"] = round(nin / ntot, 3) if ntot else None
    g, it = sum(s.items_grounded for s in scores), sum(s.items_total for s in scores)
    t["grounding_rate"] = round(g / it, 3) if it else None
    t["non_body_items"] = sum(s.non_body_items for s in scores)
    t["false_all_clear"] = sum(s.false_all_clear for s in scores)
    t["locality_ok"] = sum(s.locality_ok for s in scores)
    t["period_ok"] = sum(s.period_ok for s in scores)
    return t


def table(scores: list[DocScore]) -> str:
    """Per document: recall (covered/gold) and precision (right/items) per section, people, checks;
    then the totals and the confusion table."""
    head = (f"{'document':28} {'achiev R':>8} {'P':>6} {'shortf R':>8} {'P':>6} {'tasks R':>8} {'P':>6} "
            f"{'people':>7} {'rep→off':>7} {'numbers':>8} {'grounded':>8}")
    rows = [head, "-" * len(head)]
    for s in scores:
        cells = []
        for k in SECTIONS:
            cells += [f"{s.recall[k][0]}/{s.recall[k][1]}", f"{s.precision[k][0]}/{s.precision[k][1]}"]
        people = f"{s.people_tp}/{s.people_gold}" + (f"+{s.people_pred - s.people_tp}" if s.people_pred > s.people_tp else "")
        rows.append(
            f"{s.doc[:28]:28} {cells[0]:>8} {cells[1]:>6} {cells[2]:>8} {cells[3]:>6} {cells[4]:>8} {cells[5]:>6} "
            f"{people:>7} {s.reporters_as_officials:>7} {s.numbers_in_source}/{s.numbers_total:<5} "
            f"{s.items_grounded}/{s.items_total:<5}"
        )
    t = totals(scores)
    rows.append("-" * len(head))
    rows.append("totals: " + ", ".join(f"{k}={v}" for k, v in t.items()))
    rows.append("")
    rows.append(confusion_table(scores))
    return "\n".join(rows)


def confusion_table(scores: list[DocScore]) -> str:
    """Rows: where items belong (a gold section, or "none": not an item of the report); columns: the
    section they were filed in, and "missed" for gold items no item covers."""
    merged: dict[str, int] = {}
    for s in scores:
        for key, n in s.confusion.items():
            merged[key] = merged.get(key, 0) + n
    cols = [*SECTIONS, "missed"]
    corner = "gold \\ filed"
    head = f"{corner:16}" + "".join(f"{c:>14}" for c in cols)
    rows = [head]
    for row in [*SECTIONS, "none"]:
        rows.append(f"{row:16}" + "".join(f"{merged.get(f'{row}->{c}', 0) if not (row == 'none' and c == 'missed') else '':>14}"
                                          for c in cols))
    return "\n".join(rows)


def as_json(scores: list[DocScore]) -> str:
    return json.dumps({"documents": [asdict(s) for s in scores], "totals": totals(scores)}, ensure_ascii=False, indent=2)
