"""SpreadsheetML 2003 (the XML that "save as XML spreadsheet" and some exports write as .xls).

Parsed with defusedxml: the files come from other offices, and a plain XML parser would expand
entity bombs (docs/tooling-notes.md §2.10). Columns follow ss:Index and ss:MergeAcross; merges
down come from ss:MergeDown (the covered cells below are skipped by the file's own ss:Index).

ss:Index, ss:MergeAcross and ss:MergeDown are checked against Excel's rows and columns and the
budgets of limits.py before a row is extended: 285 bytes with MergeAcross="400000000" once ran
to 6–8 GB (issue 8).
"""

from __future__ import annotations

import datetime as dt

from defusedxml import ElementTree

from ...errors import InputError
from . import limits
from .extent import Extent, cell_name, too_large
from .raw import RawSheet

SPREADSHEETML_NAMESPACE = "urn:schemas-microsoft-com:office:spreadsheet"
_SS = "{" + SPREADSHEETML_NAMESPACE + "}"


def read_spreadsheetml(text: str, file: str = "") -> list[RawSheet]:
    root = ElementTree.fromstring(text)
    return [_worksheet(ws, file) for ws in root.iter(_SS + "Worksheet")]


def _worksheet(element, file: str) -> RawSheet:
    rows: list[list[object]] = []
    merged: list[tuple[int, int, int, int]] = []
    name = element.get(_SS + "Name", "")
    table = element.find(_SS + "Table")
    hidden = _is_hidden(element)
    if table is None:
        return RawSheet(name, rows, merged, hidden=hidden)
    extent = Extent()
    for row_element in table.iter(_SS + "Row"):
        row_index = _index(row_element, len(rows), limits.MAX_ROWS, "行", file, name)
        row: list[object] = []
        for cell in row_element.iter(_SS + "Cell"):
            col = _index(cell, len(row), limits.MAX_COLUMNS, "列", file, name)
            across = _count(cell, "MergeAcross", file, name)
            down = _count(cell, "MergeDown", file, name)
            if row_index + down >= limits.MAX_ROWS or col + across >= limits.MAX_COLUMNS:
                spans = "、".join(text for text, n in ((f"向右合并 {across:,} 列", across),
                                                       (f"向下合并 {down:,} 行", down)) if n)
                raise too_large(f"单元格 {cell_name(row_index, col)} {spans or '的位置'}，超出 Excel 的范围"
                                f"（最多 {limits.MAX_ROWS:,} 行 × {limits.MAX_COLUMNS:,} 列）", file, name)
            extent.add(row_index, col, down + 1, across + 1)
            extent.merge(down + 1, across + 1)
            if extent.cells > limits.MAX_SHEET_CELLS or extent.merged_cells > limits.MAX_MERGED_CELLS:
                extent.check(file, name)
            row.extend([None] * (col - len(row)))
            row.append(_value(cell))
            if across or down:
                merged.append((row_index, col, row_index + down, col + across))
            row.extend([None] * across)
        extent.add(row_index, 0)
        if extent.cells > limits.MAX_SHEET_CELLS:
            extent.check(file, name)
        while len(rows) < row_index:
            rows.append([])
        rows.append(row)
    return RawSheet(name, rows, merged, hidden=hidden)


def _index(element, default: int, most: int, unit: str, file: str, sheet: str) -> int:
    """ss:Index is 1-based and optional; absent means "right after the previous one"."""
    value = element.get(_SS + "Index")
    if not value:
        return default
    index = _integer(value, "Index", file, sheet)
    if not 1 <= index <= most:
        raise too_large(f"ss:Index=\"{value[:20]}\" 超出 Excel 的范围（1～{most:,} {unit}）", file, sheet)
    return index - 1


def _count(cell, attribute: str, file: str, sheet: str) -> int:
    value = cell.get(_SS + attribute, "0") or "0"
    count = _integer(value, attribute, file, sheet)
    if count < 0:
        raise InputError(f"ss:{attribute}=\"{value[:20]}\" 是负数，文件已损坏", file=file, sheet=sheet,
                         hint=_RESAVE)
    return min(count, limits.MAX_ROWS)


def _integer(value: str, attribute: str, file: str, sheet: str) -> int:
    text = value.strip()
    if not (text.lstrip("-").isdigit() and len(text) <= 12):
        raise InputError(f"ss:{attribute}=\"{value[:20]}\" 不是整数，文件已损坏", file=file, sheet=sheet,
                         hint=_RESAVE)
    return int(text)


_RESAVE = "请用 Excel 或 WPS 打开该文件，另存为 .xlsx 后放回；打不开的话请从会计软件重新导出。"


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
