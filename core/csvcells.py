"""Spreadsheet-safe CSV cells: text that a spreadsheet would run as a formula gets a leading quote.

Following OWASP's advice on CSV injection, a text cell that begins with `=`, `+`, `-`, `@`, a tab or
a carriage return is written with a leading apostrophe, so Excel, LibreOffice and Google Sheets show
it as text instead of evaluating it. Numbers stay numbers, and text that is only a number ("-0.5",
"+4.1") is left as it is: it cannot be a formula.
"""

from __future__ import annotations

import re
from typing import Any

FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?")


def safe_cell(value: Any) -> Any:
    """The value to write in a CSV cell (text with a formula lead gets an apostrophe)."""
    if not isinstance(value, str) or not value.startswith(FORMULA_LEADS):
        return value
    if _NUMBER.fullmatch(value):
        return value
    return "'" + value


def safe_row(values: list[Any]) -> list[Any]:
    """safe_cell over one row."""
    return [safe_cell(v) for v in values]
