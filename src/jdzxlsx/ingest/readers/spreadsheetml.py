"""SpreadsheetML 2003 (the XML that "save as XML spreadsheet" and some exports write as .xls).

Parsed with defusedxml: the files come from other offices, and a plain XML parser would expand
entity bombs (docs/tooling-notes.md §2.10). Columns follow ss:Index and ss:MergeAcross; merges
down come from ss:MergeDown (the covered cells below are skipped by the file's own ss:Index).
"""

from __future__ import annotations

import datetime as dt

from defusedxml import ElementTree

from .raw import RawSheet

SPREADSHEETML_NAMESPACE = "urn:schemas-microsoft-com:office:spreadsheet"
_SS = "{" + SPREADSHEETML_NAMESPACE + "}"


def read_spreadsheetml(text: str) -> list[RawSheet]:
    root = ElementTree.fromstring(text)
    return [_worksheet(ws) for ws in root.iter(_SS + "Worksheet")]


def _worksheet(element) -> RawSheet:
    rows: list[list[object]] = []
    merged: list[tuple[int, int, int, int]] = []
    table = element.find(_SS + "Table")
    hidden = _is_hidden(element)
    if table is None:
        return RawSheet(element.get(_SS + "Name", ""), rows, merged, hidden=hidden)
    for row_element in table.iter(_SS + "Row"):
        row_index = _index(row_element, len(rows))
        while len(rows) < row_index:
            rows.append([])
        row: list[object] = []
        for cell in row_element.iter(_SS + "Cell"):
            col = _index(cell, len(row))
            row.extend([None] * (col - len(row)))
            row.append(_value(cell))
            across = int(cell.get(_SS + "MergeAcross", "0") or 0)
            down = int(cell.get(_SS + "MergeDown", "0") or 0)
            if across or down:
                merged.append((row_index, col, row_index + down, col + across))
            row.extend([None] * across)
        rows.append(row)
    return RawSheet(element.get(_SS + "Name", ""), rows, merged, hidden=hidden)


def _index(element, default: int) -> int:
    """ss:Index is 1-based and optional; absent means "right after the previous one"."""
    value = element.get(_SS + "Index")
    return int(value) - 1 if value else default


def _value(cell) -> object:
    data = cell.find(_SS + "Data")
    if data is None:
        return None
    text = "".join(data.itertext())
    kind = data.get(_SS + "Type", "String")
    if kind == "DateTime":
        try:
            return dt.datetime.fromisoformat(text.rstrip("Z")[:19])
        except ValueError:
            return text
    if kind == "Boolean":
        return text.strip() == "1"
    # Numbers stay text: the amount parser reads "1234.5" exactly, with no float detour.
    return text


def _is_hidden(element) -> bool:
    options = element.find("{urn:schemas-microsoft-com:office:excel}WorksheetOptions")
    if options is None:
        return False
    visible = options.find("{urn:schemas-microsoft-com:office:excel}Visible")
    state = (visible.text or "").strip() if visible is not None else ""
    return state in ("SheetHidden", "SheetVeryHidden")
