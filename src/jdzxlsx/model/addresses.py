"""A1 addresses and quoted sheet names, as Excel writes them."""

from __future__ import annotations

import re


def column_name(col: int) -> str:
    """0 → A, 26 → AA."""
    name = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        name = chr(65 + rest) + name
    return name


def address(row: int, col: int, absolute: bool = False) -> str:
    if absolute:
        return f"${column_name(col)}${row + 1}"
    return f"{column_name(col)}{row + 1}"


_PLAIN_SHEET = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*$")


def quote_sheet(name: str) -> str:
    """Sheet names with non-ASCII or punctuation are quoted, as Excel writes them."""
    if _PLAIN_SHEET.match(name):
        return name
    return "'" + name.replace("'", "''") + "'"


def place(sheet: str, row: int, col: int, here: str | None = None,
          absolute: bool = False) -> str:
    """An address, prefixed with its sheet unless it is on ``here``."""
    text = address(row, col, absolute)
    return text if sheet == here else f"{quote_sheet(sheet)}!{text}"
