"""Boilerplate kept from saved news pages, read with and without trafilatura, side by side.

    python bench/boilerplate.py

Each seed in seeds/ is wrapped in the three page layouts of tests/news_pages.py (a provincial
paper's CMS saved whole by a browser, an HTML5 page, a fragment copied out of a page), then read as
`summarize` reads it: once by the package's own reader (as without the [html] extra) and once with
trafilatura. Counted in numbered sentences, what the model is sent: the article's sentences kept (of
all), and the sentences that are not the article (menus, related links, comments, footer, and tags
left in the text when the page is not read as HTML).
"""

from __future__ import annotations

import sys
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarizer.source import html as html_reader  # noqa: E402
from summarizer.source.read import decode  # noqa: E402
from summarizer.source.split import split_document  # noqa: E402
from tests.news_pages import SITES, article_lines, news_page  # noqa: E402

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def sentences(text: str) -> list[str]:
    # trafilatura writes a no-break space as a space: the same sentence either way
    return [s.text.replace("\xa0", " ") for s in split_document("page", text).sentences]


def measure(page: str, article: set[str], main_text: bool) -> tuple[int, int]:
    """(article sentences kept, other sentences kept) when `page` is read as `summarize` reads it."""
    if main_text:
        text = decode(page.encode(), "page.html")
    else:
        with mock.patch.object(html_reader, "_trafilatura", lambda: None):
            text = decode(page.encode(), "page.html")
    got = sentences(text)
    return len(article & set(got)), sum(s not in article for s in got)


def main() -> int:
    if html_reader._trafilatura() is None:
        print("trafilatura is not installed: pip install -e '.[html]' -c constraints.txt", file=sys.stderr)
        return 1
    print(f"{'page':<14} {'article':>7}  {'own reader: kept, boilerplate':>30}  {'trafilatura: kept, boilerplate':>31}")
    totals = [0, 0, 0, 0, 0]
    for seed in SEEDS:
        article = set(sentences("\n\n".join(article_lines(seed))))
        for site in SITES:
            page = news_page(seed, site)
            own, traf = measure(page, article, False), measure(page, article, True)
            print(f"{seed.name[:3] + ' ' + site:<14} {len(article):>7}  {own[0]:>19} {own[1]:>10}  {traf[0]:>20} {traf[1]:>10}")
            for k, n in enumerate((len(article), *own, *traf)):
                totals[k] += n
    print(f"{'all ' + str(len(SEEDS) * len(SITES)) + ' pages':<14} {totals[0]:>7}  {totals[1]:>19} {totals[2]:>10}  "
          f"{totals[3]:>20} {totals[4]:>10}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
