"""Spreadsheet-safe CSV cells: text that a spreadsheet would run as a formula gets a leading quote.

Following OWASP's advice on CSV injection, a text cell that begins with `=`, `+`, `-`, `@`, a tab or
a carriage return is written with a leading apostrophe, so Excel, LibreOffice and Google Sheets show
it as text instead of evaluating it. Numbers stay numbers, and text that is only a number ("-0.5",
"+4.1") is left as it is: it cannot be a formula. Text that already starts with apostrophes before
such a lead gets one more, so `original` turns every written cell back into its value exactly.
"""

from __future__ import annotations

import re
from typing import Any

FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?")


def safe_cell(value: Any) -> Any:
    """The value to write in a CSV cell (text with a formula lead gets an apostrophe)."""
    if not isinstance(value, str):
        return value
    rest = value.lstrip("'")
    if not rest.startswith(FORMULA_LEADS):
        return value
    if rest == value and _NUMBER.fullmatch(value):
        return value  # a plain number such as -0.5
    return "'" + value


def original(cell: str) -> str:
    """The value that a cell written by safe_cell stands for."""
    if cell.startswith("'"):
        rest = cell[1:]
        core = rest.lstrip("'")
        if core.startswith(FORMULA_LEADS) and not (core == rest and _NUMBER.fullmatch(rest)):
            return rest
    return cell


def safe_row(values: list[Any]) -> list[Any]:
    """safe_cell over one row."""
    return [safe_cell(v) for v in values]
