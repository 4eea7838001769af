"""CSV / TSV text (Chinese Excel's "save as CSV", "xls" exports that are tab-separated text)."""

from __future__ import annotations

import csv
import io
import re

from .raw import RawSheet

# Exports protect codes with leading zeros as ="0012"; the value is what is inside.
_EXCEL_TEXT = re.compile(r'^="(.*)"$', re.DOTALL)


def read_delimited(text: str, name: str) -> list[RawSheet]:
    delimiter = _delimiter(text)
    rows = [[_cell(value) for value in row]
            for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    return [RawSheet(name, rows)]


def _delimiter(text: str) -> str:
    """Tab if most of the first lines hold a tab, else comma.

    Counting characters would fail on CSV amounts such as "1,234.56"; a tab in most lines is
    what a tab-separated export looks like, and a CSV practically never has one.
    """
    lines = [line for line in text.splitlines()[:30] if line.strip()]
    with_tab = sum("\t" in line for line in lines)
    return "\t" if lines and with_tab * 2 > len(lines) else ","


def _cell(value: str) -> str:
    value = value.strip()
    match = _EXCEL_TEXT.match(value)
    return match[1] if match else value
