"""CSV cells are safe to open in a spreadsheet (OWASP CSV injection advice)."""

from __future__ import annotations

import pytest

from paperkg.core.csvcells import original, safe_cell, safe_row


@pytest.mark.parametrize("cell", [
    '=HYPERLINK("http://evil.example","x")', "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0", "\t=1+1", "\r=1+1", "=1+1",
])
def test_formula_leads_get_an_apostrophe(cell):
    assert safe_cell(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["GPT-4o", "pass@10", "39.9%", "-0.5", "+4.1", "1e-3", 42, -3.5,
                                  None, "", "a=b", "x+y"])
def test_ordinary_cells_are_unchanged(cell):
    assert safe_cell(cell) == cell


def test_row():
    assert safe_row(["=1", 2, "ok"]) == ["'=1", 2, "ok"]


@pytest.mark.parametrize("value", ["=1", "'=1", "''=1", "-dash", "-0.5", "'-0.5", "abc", "'abc",
                                   "'", "+4.1", "@x", "", "'@'"])
def test_original_reverses_safe_cell(value):
    assert original(safe_cell(value)) == value
