"""`rank --by rising` dates listings printed without a year (daily pages: 'Dec 30')."""

from __future__ import annotations

import json
from pathlib import Path

from paperkg.graph.analytics import rank
from paperkg.graph.build import build_graph
from paperkg.readers import read_listings


def test_rising_dates_listings_without_a_year_from_the_arxiv_id(tmp_path: Path):
    """Daily pages print 'Dec 30' without a year: the papers' arXiv ids (YYMM) supply it, the
    next year when the listing month comes first (a 2412 paper listed on Jan 2 is 2025), and a
    paper with no id takes the year of the other papers of its day."""
    listing = tmp_path / "yearless.json"
    rows = [("2412.00001", "--12-30"), ("2412.00002", "--01-02"), ("2501.00003", "--01-02"),
            ("2501.00004", "--01-03"), ("2501.00005", "--01-03")]
    listing.write_text(json.dumps([{"title": f"Paper {a}", "abstract": "We use X.",
                                    "arxiv_id": a, "listing_date": d} for a, d in rows]
                                  + [{"title": "Paper Without An Id", "abstract": "We use X.",
                                      "listing_date": "--01-03"}]), encoding="utf-8")
    result = read_listings([listing])
    g = build_graph(result.papers, result.sources, [])
    g.add_node("Method:x", label="Method", id="x", name="X")
    papers = sorted(n for n, d in g.nodes(data=True) if d.get("label") == "Paper")
    assert papers[0] == "Paper:2412.00001"
    for p in papers[1:]:  # every paper but the December one uses X
        g.add_edge(p, "Method:x", key="USES", type="USES")
    columns, out = rank("rising", graph=g)
    assert columns[3] == "papers_2025-01-03"
    (row,) = out
    assert row[1:6] == ["X", "Method", 3, 1.0, 2.0]
    assert row[-1] == {"2025-01-02": 2, "2025-01-03": 3}
