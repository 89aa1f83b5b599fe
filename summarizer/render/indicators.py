"""Every parsed figure of one or many briefings as a CSV table, for editors who work in spreadsheets.

One row per figure: the document, the section and item it belongs to, the figure as written, its
value and unit (a range's upper bound beside it), the same value in the unit's base (`base_value`,
`base_unit`: "1,2 nghìn tỷ đồng" and "1.200 tỷ đồng" both read 1200000000000 đồng, so a sheet can
compare them), and — when the same item states them — the % of plan and the % of the same period
last year that go with it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from summarizer.core.schema import Briefing

COLUMNS = ["document", "section", "item", "figure", "value", "upper", "unit", "base_value", "base_upper", "base_unit",
           "implied_unit", "qualifier", "of_total", "measures",
           "pct_of_plan", "pct_year_on_year", "status", "sentences", "error"]


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if value == int(value) else repr(value)


def indicator_rows(briefing: Briefing) -> Iterable[dict[str, str]]:
    for section, item in briefing.items():
        plan = next((f.value for f in item.figures if f.measures == "plan"), None)
        yoy = next((f.value for f in item.figures if f.measures == "year_on_year"), None)
        for f in item.figures:
            yield {
                "document": briefing.provenance.source, "section": section, "item": item.text, "figure": f.raw,
                "value": _number(f.value), "upper": _number(f.upper), "unit": f.unit or "",
                "base_value": _number(f.base_value), "base_upper": _number(f.base_upper),
                "base_unit": f.base_unit or "", "implied_unit": f.implied or "", "qualifier": f.qualifier or "",
                "of_total": _number(f.denominator), "measures": f.measures or "",
                "pct_of_plan": _number(plan) if f.measures == "amount" else "",
                "pct_year_on_year": _number(yoy) if f.measures == "amount" else "",
                "status": item.status, "sentences": " ".join(map(str, item.sentences)), "error": f.error or "",
            }


def to_csv(briefings: Iterable[Briefing]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for briefing in briefings:
        writer.writerows(indicator_rows(briefing))
    return out.getvalue()
